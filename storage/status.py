"""Every status and kind stored in a column, as enums, in one place.

They are ``StrEnum``: stored and compared as their plain values, so the database, the API and
the JSON keep the strings the contract names.
"""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    """How a batch came in."""

    API = "api"
    CLI = "cli"
    EMAIL = "email"
    SLACK = "slack"

    @property
    def answers_at_once(self) -> bool:
        """The sender got the whole answer when it submitted (HTTP response, CLI output): its
        batches need no "done" reply."""
        return self in (Channel.API, Channel.CLI)


class ProcessingStatus(StrEnum):
    TO_BE_PROCESSED = "TO_BE_PROCESSED"
    IN_PROGRESS = "IN_PROGRESS"
    PROCESSED = "PROCESSED"
    INCOMPLETE = "INCOMPLETE"
    ERROR = "ERROR"
    MANUAL = "MANUAL"

    @property
    def pending(self) -> bool:
        """Still waiting for a worker: the batch is not done while one invoice is."""
        return self in PENDING


PENDING = frozenset({ProcessingStatus.TO_BE_PROCESSED, ProcessingStatus.IN_PROGRESS})


class ApprovalStatus(StrEnum):
    RECEIVED = "RECEIVED"
    PENDING_APPROVAL = "PENDING_APPROVAL"
    FLAGGED = "FLAGGED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    PAID = "PAID"


class ReplyStatus(StrEnum):
    """Where a batch's "done" reply stands in its channel."""

    #: the channel answered synchronously (HTTP API, CLI): nothing to send
    NOT_NEEDED = "not_needed"
    #: the batch is not done yet, or its reply is queued or being retried
    PENDING = "pending"
    SENT = "sent"
    #: given up after the maximum attempts; ``reply_error`` says why
    FAILED = "failed"


class JobKind(StrEnum):
    #: read one invoice's file (``jobs.invoice_id``)
    EXTRACT = "extract"
    #: send a finished batch's reply (``jobs.bulk_importation_id``)
    BATCH_DONE = "batch_done"


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class LinkKind(StrEnum):
    """Why an invoice is linked to a purchase order."""

    REQUESTED = "requested"
    PO_NUMBER = "po_number"
    SUPPLIER_AMOUNT = "supplier_amount"


class PurchaseOrderStatus(StrEnum):
    IN_PROGRESS = "IN_PROGRESS"
    ORDERED = "ORDERED"
    DELIVERED = "DELIVERED"
