"""The exception tree of invoicebot.

Every failure the core can report is one of these; adapters (HTTP, CLI, SMTP, Slack) catch only
the root and turn it into their own reply in one place. Vendor exceptions are re-raised as ours
with ``from``. The root and the storage branch live in ``storage/errors.py`` (storage imports
nothing of the core, and both must raise them); they are re-exported here.

    InvoicebotError                       (storage.errors)
    ├── ConfigError              bad configuration (names the key)
    ├── NotFound                 an id that does not exist
    ├── Conflict                 an id that already exists
    ├── InvalidRequest           a request that is wrong as a whole (names the field)
    │   ├── UnknownReference     ... because it names an unknown outlet/supplier/PO (404)
    │   ├── RequestTooLarge      ... because it is over a size or count limit (413)
    │   └── RequestTooSlow       ... because its body came slower than the minimum rate (408)
    ├── FileRejected             one file of a batch is refused (carries the contract's code)
    ├── AuthError
    │   ├── NotAuthenticated     no, bad or expired credentials (401)
    │   ├── PermissionDenied     missing scope or outlet (403)
    │   └── RateLimited          over the per-client limit (429, carries retry_after)
    ├── ExtractionError          a document could not be read; final
    │   └── TransientExtractionError   worth retrying later (rate limit, outage, timeout upstream)
    ├── ReplyError               a channel could not deliver a batch's reply; retried
    ├── Unavailable              something outside invoicebot cannot be used (port taken)
    │   └── StoreUnavailable     the file store cannot be reached or written (503, SMTP 451)
    └── StorageError             the database failed                (storage.errors)
        ├── DatabaseUnavailable  cannot reach or open it (down, missing, no permission)
        ├── SchemaMismatch       its schema was made by a newer version
        ├── AlreadyExists        a unique key is taken (id, file of an outlet, source reference)
        ├── IntegrityViolation   any other constraint refused the change
        └── ValueRejected        a value does not fit its column (a check missed at the edge)
"""

from __future__ import annotations

from storage.errors import (
    AlreadyExists,
    IntegrityViolation,
    InvoicebotError,
    StorageError,
    ValueRejected,
)

__all__ = [
    "AlreadyExists",
    "AuthError",
    "ConfigError",
    "Conflict",
    "ExtractionError",
    "FileRejected",
    "IntegrityViolation",
    "InvalidRequest",
    "InvoicebotError",
    "NotAuthenticated",
    "NotFound",
    "PermissionDenied",
    "RateLimited",
    "ReplyError",
    "RequestTooLarge",
    "RequestTooSlow",
    "StorageError",
    "StoreUnavailable",
    "TransientExtractionError",
    "Unavailable",
    "UnknownReference",
    "ValueRejected",
]


class ConfigError(InvoicebotError):
    def __init__(self, key: str, detail: str) -> None:
        super().__init__(f"config {key}: {detail}")
        self.key = key


class NotFound(InvoicebotError):
    pass


class Conflict(InvoicebotError):
    pass


class InvalidRequest(InvoicebotError):
    def __init__(self, detail: str, field: str | None = None) -> None:
        super().__init__(detail)
        self.field = field


class UnknownReference(InvalidRequest):
    pass


class RequestTooLarge(InvalidRequest):
    pass


class RequestTooSlow(InvalidRequest):
    """The body arrived slower than ``[http] min_body_rate_kb_per_second``: the connection is
    closed, so a slow client cannot hold it."""


class FileRejected(InvoicebotError):
    """A single file is refused; ``code`` is one of the contract's file error codes."""

    def __init__(self, code: str, detail: str, existing_invoice_id: str | None = None) -> None:
        super().__init__(detail)
        self.code = code
        self.existing_invoice_id = existing_invoice_id


class AuthError(InvoicebotError):
    pass


class NotAuthenticated(AuthError):
    pass


class PermissionDenied(AuthError):
    pass


class RateLimited(AuthError):
    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class ExtractionError(InvoicebotError):
    """The document cannot be read; retrying will not help."""


class TransientExtractionError(ExtractionError):
    """Reading failed for a reason that may pass (upstream 429/5xx, network)."""


class Unavailable(InvoicebotError):
    """Something outside invoicebot cannot be used: a port already taken, a relay down."""


class StoreUnavailable(Unavailable):
    """The file store (an S3 bucket, a shared folder) cannot be reached or written now; nothing
    was accepted, so the sender may try again later. Not a :class:`StorageError`: that is the
    database, and code that keeps files "because the database cannot tell" must not confuse
    the two."""


class ReplyError(InvoicebotError):
    """A channel could not deliver a reply now (relay down, Slack 5xx); the job retries it."""
