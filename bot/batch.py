"""The channel-neutral shape of a submission and of its answer.

Every channel (HTTP, CLI, later email and Slack) builds a :class:`Batch`, hands it to
:meth:`bot.intake.Intake.submit`, and renders the :class:`IntakeResult` its own way.
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass, field

from bot.files import SpooledFile

CHANNELS = ("api", "email", "slack", "cli")


@dataclass(frozen=True)
class Source:
    """Where a batch came from: channel plus its own reference (Message-ID, Slack thread)."""

    channel: str
    reference: str | None = None


@dataclass
class IncomingFile:
    """One received file, already spooled to disk."""

    #: the name the channel knows it by: ``file[0]``, an attachment position
    field: str
    filename: str
    spooled: SpooledFile
    #: its checks (page count, or FileRejected) and fsync, started as soon as it was received
    prepared: asyncio.Future[int] | None = dataclasses.field(default=None, repr=False)

    def discard(self) -> None:
        """Forget the file: stop its checks and delete the spool file."""
        if self.prepared is not None:
            if self.prepared.done():
                if not self.prepared.cancelled():
                    self.prepared.exception()  # retrieved: nobody else will look at it
            else:
                self.prepared.cancel()
        self.spooled.discard()


@dataclass
class Batch:
    outlet_id: str | None
    files: list[IncomingFile]
    source: Source
    supplier_id: str | None = None
    purchase_order_ids: list[str] = field(default_factory=list)
    #: the OAuth client that sent it, if any
    client_id: str | None = None
    #: outlets the sender may use; None means all
    allowed_outlets: frozenset[str] | None = None


@dataclass(frozen=True)
class AcceptedFile:
    invoice_id: str
    field: str
    filename: str
    processing_status: str = "TO_BE_PROCESSED"


@dataclass(frozen=True)
class FileError:
    field: str
    filename: str
    code: str
    detail: str
    #: for ``duplicate``: the invoice that already has these bytes
    existing_invoice_id: str | None = None


@dataclass(frozen=True)
class IntakeResult:
    bulk_importation_id: str | None
    invoices: list[AcceptedFile]
    errors: list[FileError]

    @property
    def created(self) -> bool:
        return bool(self.invoices)
