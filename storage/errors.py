"""Storage failures, raised in place of SQLAlchemy's own so nothing above storage/ knows them."""

from __future__ import annotations


class StorageError(Exception):
    """The database could not do what was asked."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class AlreadyExists(StorageError):
    """A row with that key (id, or outlet + file hash) is already there."""
