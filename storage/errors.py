"""The root of invoicebot's exception tree, and the failures of storage.

The root lives here because storage/ imports nothing of the core, while the core and every
adapter import storage: so one class can be the root of both. ``bot/errors.py`` draws the whole
tree and defines the core's branches. Only this layer knows SQLAlchemy's exceptions; it raises
these in their place.
"""

from __future__ import annotations


class InvoicebotError(Exception):
    """Base of every error invoicebot raises on purpose; adapters catch only this."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class StorageError(InvoicebotError):
    """The database could not do what was asked (unreachable, timed out, refused)."""


class DatabaseUnavailable(StorageError):
    """The database cannot be reached or opened (down, missing, no permission): the message
    says which and what to do."""


class SchemaMismatch(StorageError):
    """The database's schema is at a revision this version does not know (a newer one made it)."""


class AlreadyExists(StorageError):
    """A unique key (an id, outlet + file hash, channel + reference) is already taken."""


class IntegrityViolation(StorageError):
    """Any other constraint refused the change: a missing row referenced, a NULL, a check."""


class ValueRejected(StorageError):
    """The database refused a value (too long for its column, out of range, a byte it cannot
    store). Input is checked against ``storage/bounds.py`` first, so this is a missed check."""
