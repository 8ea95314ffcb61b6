"""One received mail into one batch: route it, find its supplier and orders, hand its PDFs in.

Shared by the SMTP server and the IMAP poller; they differ only in where the bytes and the
envelope come from and in how they answer (a status line, a folder). Refusals are our errors:
:class:`PermissionDenied` (no route takes this mail from this sender), :class:`InvalidRequest`
(too many files), :class:`UnknownReference` (a route names an outlet that does not exist),
:class:`StorageError` or :class:`StoreUnavailable` (nothing was stored: try again later).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Coroutine, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.app import Services
from bot.batch import BatchRequest, IntakeResult, Sender, Source
from bot.config import EmailConfig
from bot.errors import ConfigError, PermissionDenied
from bot.routing import Routed, Routes
from handlers.email.authresults import authenticated
from handlers.email.forwarded import original_senders
from handlers.email.message import Mail, read_mail
from handlers.email.notifier import EmailNotifier, thread_of
from storage.status import Channel

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Envelope:
    """What the transport says about a mail, apart from its headers."""

    #: the addresses it was delivered to (SMTP RCPT TO; for IMAP, from the headers)
    recipients: tuple[str, ...]
    #: SMTP MAIL FROM or the Return-Path header; "" for a bounce, None when unknown
    return_path: str | None


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    #: the same message (Message-ID) was taken before: nothing new was created
    REPEATED = "repeated"
    NO_PDF = "no PDF"


@dataclass(frozen=True)
class Taken:
    outcome: Outcome
    mail: Mail
    result: IntakeResult | None = None


class MailIntake:
    def __init__(
        self, config: EmailConfig, routes: Routes, services: Services, notifier: EmailNotifier
    ) -> None:
        self.config = config
        self.routes = routes
        self.services = services
        self.notifier = notifier
        try:
            self.po_pattern = re.compile(config.po_pattern)
        except re.error as exc:
            raise ConfigError("email.po_pattern", f"is not a regular expression: {exc}") from None
        self.background: set[asyncio.Task[None]] = set()

    def knows(self, recipient: str) -> bool:
        return self.routes.knows(recipient)

    async def take(self, raw: bytes, envelope: Envelope) -> Taken:
        # parsing a large message takes a while: not on the event loop
        mail = await asyncio.to_thread(read_mail, raw, self.config.exclude_filenames)
        sender = self.trusted_sender(mail)
        routed = self.routes.resolve(envelope.recipients, sender)
        if routed is None:
            raise PermissionDenied(
                f"{sender or 'an unauthenticated sender'} may not send invoices to "
                f"{', '.join(envelope.recipients) or 'this mailbox'}"
            )
        automatic = mail.automatic(envelope.return_path, {self.notifier.outbound.address.lower()})
        if automatic:
            log.info("mail %s is automatic (%s): no reply", mail.reference, automatic)
        if not mail.pdfs:
            log.info("mail %s from %s has no PDF", mail.reference, mail.from_address)
            if not automatic:
                self._in_background(self.notifier.no_pdf(mail))
            return Taken(Outcome.NO_PDF, mail)
        request = BatchRequest(
            routed.outlet_id,
            routed.supplier_id or await self._supplier(mail, sender),
            tuple(await self._purchase_orders(routed, mail.subject)),
        )
        source = Source(
            Channel.EMAIL, mail.reference, thread_of(mail), wants_reply=automatic is None
        )
        async with self.services.intake.open(source, request, Sender(address=sender)) as batch:
            if batch.previous is not None:
                return Taken(Outcome.REPEATED, mail, batch.previous)
            for pdf in mail.pdfs:
                await batch.add(pdf.field, pdf.filename, _chunks(pdf.content))
            result = await batch.submit()
        return Taken(Outcome.REPEATED if result.repeated else Outcome.ACCEPTED, mail, result)

    def trusted_sender(self, mail: Mail) -> str | None:
        """The From address, if it may be believed (see ``require_authenticated_sender``)."""
        sender = mail.from_address
        if sender is None or not self.config.require_authenticated_sender:
            return sender
        if authenticated(mail.message, sender, self.config.authserv_ids):
            return sender
        log.info("mail %s: From %s is not authenticated; not trusted", mail.reference, sender)
        return None

    async def _supplier(self, mail: Mail, sender: str | None) -> str | None:
        """The supplier of the forwarded mail's original sender, else of the sender itself."""
        if sender is None:
            return None  # an untrusted sender vouches for no forwarded mail either
        for address in [*original_senders(mail.message), sender]:
            supplier = await self.services.catalog.supplier_for_email(address)
            if supplier is not None:
                return supplier
        return None

    async def _purchase_orders(self, routed: Routed, subject: str) -> Sequence[str]:
        found = self.po_pattern.finditer(subject)
        numbers = [m.group(1) if m.groups() else m.group(0) for m in found]
        if not numbers:
            return []
        return await self.services.catalog.purchase_orders_numbered(routed.outlet_id, numbers)

    def _in_background(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self.background.add(task)
        task.add_done_callback(self.background.discard)

    async def drain(self, grace: float = 10.0) -> None:
        """Wait for notices still being sent (on stop)."""
        if self.background:
            await asyncio.wait(list(self.background), timeout=grace)


async def _chunks(content: bytes) -> AsyncIterator[bytes]:
    yield content
