"""Every failure a command can meet, as one line for a person and a documented exit code.

    0  done
    1  anything else (no file of an import was accepted, a bug)
    2  usage or configuration: a wrong argument (an id that does not exist, a missing input
       file), a bad config
    3  a dependency cannot be reached or used: the database (down, missing, schema from a newer
       version), the port to listen on, the data folder, a mail relay

``--debug`` (or ``INVOICEBOT_DEBUG=1``) prints the traceback as well.
"""

from __future__ import annotations

import errno

from bot.errors import (
    ConfigError,
    Conflict,
    InvalidRequest,
    InvoicebotError,
    NotFound,
    StorageError,
    Unavailable,
)

OK = 0
OTHER = 1
USAGE = 2
DEPENDENCY = 3


def explain(exc: BaseException) -> tuple[int, str]:
    """(exit code, one line) for ``exc``."""
    if isinstance(exc, ConfigError):
        return USAGE, exc.detail
    if isinstance(exc, StorageError):
        return DEPENDENCY, f"database: {exc.detail}"
    if isinstance(exc, Unavailable):
        return DEPENDENCY, exc.detail
    if isinstance(exc, InvalidRequest | NotFound | Conflict):
        return USAGE, exc.detail
    if isinstance(exc, InvoicebotError):
        return OTHER, exc.detail
    if isinstance(exc, FileNotFoundError):
        return USAGE, f"{exc.filename or exc}: no such file or folder"
    if isinstance(exc, IsADirectoryError):
        return USAGE, f"{exc.filename}: is a folder, not a file"
    if isinstance(exc, PermissionError):
        return DEPENDENCY, (
            f"{exc.filename or exc}: permission denied (check the owner and mode of the data "
            "folder, [storage] path and [database] url)"
        )
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return DEPENDENCY, f"{exc.filename or 'the data folder'}: no space left on the device"
    if isinstance(exc, OSError):
        return DEPENDENCY, f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
    return OTHER, f"unexpected error: {type(exc).__name__}: {exc} (--debug shows the traceback)"
