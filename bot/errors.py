"""The exception tree of invoicebot.

Every failure the core can report is one of these; adapters (HTTP, CLI, later SMTP/Slack) turn
them into their own replies in one place. Vendor exceptions are re-raised as ours with ``from``.

    InvoicebotError
    ├── ConfigError              bad configuration (names the key)
    ├── NotFound                 an id that does not exist
    ├── Conflict                 an id that already exists
    ├── InvalidRequest           a request that is wrong as a whole (names the field)
    │   ├── UnknownReference     ... because it names an unknown outlet/supplier/PO (404)
    │   └── RequestTooLarge      ... because it is over a size or count limit (413)
    ├── FileRejected             one file of a batch is refused (carries the contract's code)
    ├── AuthError
    │   ├── NotAuthenticated     no, bad or expired credentials (401)
    │   ├── PermissionDenied     missing scope or outlet (403)
    │   └── RateLimited          over the per-client limit (429, carries retry_after)
    ├── ExtractionError          a document could not be read; final
    │   └── TransientExtractionError   worth retrying later (rate limit, outage, timeout upstream)
    └── StorageError             the database or file store failed
"""

from __future__ import annotations


class InvoicebotError(Exception):
    """Base of every error invoicebot raises on purpose."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


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


class StorageError(InvoicebotError):
    pass
