"""The channel-neutral shape of a submission and of its answer.

Every channel (HTTP, CLI, email, Slack) opens an intake session with a :class:`Source` (and a
:class:`Sender`), adds the files it received, submits, and renders the :class:`IntakeResult` its
own way (see :mod:`bot.intake`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.files import SpooledFile
from storage.models import REFERENCE_LENGTH
from storage.status import Channel, ProcessingStatus


@dataclass(frozen=True)
class Source:
    """Where a batch came from, and how to answer there.

    ``reference`` is unique per channel (an email's Message-ID, a Slack message's channel and
    ts): the same reference submitted again returns the first batch and creates nothing. The HTTP
    API leaves it empty. ``reply_to`` is what the channel needs to answer in the sender's thread
    (Message-ID, References, Subject, From; Slack channel and thread_ts); it is stored with the
    batch as JSON and handed back to the channel's notifier when the batch is done.
    """

    channel: Channel
    reference: str | None = None
    reply_to: Mapping[str, Any] = field(default_factory=dict)
    #: False when the sender must get no reply (an automatic message: loop safety)
    wants_reply: bool = True

    def __post_init__(self) -> None:
        ref = self.reference
        if ref is not None and len(ref) > REFERENCE_LENGTH:
            # a stable, still unique stand-in for an absurdly long Message-ID
            digest = hashlib.sha256(ref.encode()).hexdigest()
            object.__setattr__(self, "reference", f"{ref[:200]}#sha256:{digest}")


@dataclass(frozen=True)
class Sender:
    """Who hands the batch in, and what they may use."""

    #: the OAuth client of an API call
    client_id: str | None = None
    #: the channel's own name for the person: an email address, a Slack user id
    address: str | None = None
    #: outlets the sender may use; None means all
    allowed_outlets: frozenset[str] | None = None


@dataclass(frozen=True)
class BatchRequest:
    """What the batch is for: the contract's ``outlet``, ``supplier``, ``purchase_orders``."""

    outlet_id: str | None
    supplier_id: str | None = None
    purchase_order_ids: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, outlet: str | None, supplier: str | None = None, purchase_orders: str | None = None
    ) -> BatchRequest:
        """From the contract's fields: empty strings are absent, ids comma-separated."""
        ids = [p.strip() for p in (purchase_orders or "").split(",") if p.strip()]
        return cls(outlet or None, supplier or None, tuple(dict.fromkeys(ids)))


@dataclass
class IncomingFile:
    """One received file, already spooled to disk."""

    #: the name the channel knows it by: ``file[0]``, an attachment position
    field: str
    filename: str
    spooled: SpooledFile
    #: its checks (page count, or FileRejected), started as soon as it was received
    prepared: asyncio.Future[int] = dataclasses.field(repr=False)

    def discard(self) -> None:
        """Forget the file: stop its checks and delete the spool file."""
        if self.prepared.done():
            if not self.prepared.cancelled():
                self.prepared.exception()  # retrieved: nobody else will look at it
        else:
            self.prepared.cancel()
        self.spooled.discard()


@dataclass(frozen=True)
class AcceptedFile:
    invoice_id: str
    field: str
    filename: str
    processing_status: ProcessingStatus = ProcessingStatus.TO_BE_PROCESSED


@dataclass(frozen=True)
class FileError:
    field: str
    filename: str
    code: str
    detail: str
    #: for ``duplicate``: the invoice that already has these bytes
    existing_invoice_id: str | None = None

    def as_dict(self) -> dict[str, str]:
        """The contract's error object (section 2)."""
        out = {"file": self.field, "filename": self.filename, "code": self.code}
        out["detail"] = self.detail
        if self.existing_invoice_id:
            out["existing_invoice_id"] = self.existing_invoice_id
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FileError:
        return cls(
            str(data.get("file") or ""),
            str(data.get("filename") or ""),
            str(data.get("code") or ""),
            str(data.get("detail") or ""),
            data.get("existing_invoice_id"),
        )


@dataclass(frozen=True)
class IntakeResult:
    bulk_importation_id: str
    invoices: list[AcceptedFile]
    errors: list[FileError]
    #: the source's reference had been submitted before: this is the first batch's result
    repeated: bool = False

    @property
    def created(self) -> bool:
        return bool(self.invoices)


def field_order(field: str) -> tuple[Any, ...]:
    """A sort key that keeps the order files came in: ``file[2]`` before ``file[10]``."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", field))
