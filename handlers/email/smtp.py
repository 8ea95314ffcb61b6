"""The SMTP server mail is delivered or forwarded to (aiosmtpd, on our event loop).

``RCPT``: a recipient no route knows is refused (550). ``DATA``: the mail becomes one batch, and
``250`` is answered only once its files are stored and the batch committed; a failure to store
answers ``451`` so the sending server tries again, and the same Message-ID again makes no second
batch. A sender no route allows is refused with 550 (no bounce is ever sent by us). A message over
``max_message_bytes`` is refused in the dialogue (552, announced with SIZE). Errors become status
lines in one place, :func:`status_of`.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session

from bot.config import SmtpInConfig
from bot.errors import (
    InvalidRequest,
    InvoicebotError,
    PermissionDenied,
    StorageError,
    StoreUnavailable,
    UnknownReference,
)
from handlers.email.inbound import Envelope as MailEnvelope
from handlers.email.inbound import MailIntake, Outcome

log = logging.getLogger(__name__)


def status_of(exc: BaseException) -> str:
    """The status line for a failure: permanent (5xx) only when retrying cannot help."""
    if isinstance(exc, PermissionDenied):
        return f"550 5.7.1 {_oneline(exc.detail)}"
    if isinstance(exc, UnknownReference):
        # a route names an outlet or supplier that does not exist: ours to fix, keep the mail
        log.error("email route problem: %s", exc.detail)
        return "451 4.3.0 this address is not set up completely; try again later"
    if isinstance(exc, InvalidRequest):
        return f"552 5.3.4 {_oneline(exc.detail)}"
    if isinstance(exc, StorageError | StoreUnavailable):
        log.error("mail not stored (%s); answered 451", exc.detail)
        return "451 4.3.0 the invoices could not be stored now; try again later"
    if isinstance(exc, InvoicebotError):
        log.error("mail not taken: %s", exc.detail)
        return f"451 4.3.0 {_oneline(exc.detail)}"
    log.error("mail not taken: internal error", exc_info=exc)
    return "451 4.3.0 internal error; try again later"


class InvoiceHandler:
    """aiosmtpd's handler hooks."""

    def __init__(self, intake: MailIntake) -> None:
        self.intake = intake

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if not self.intake.knows(address):
            return f"550 5.1.1 <{address}>: no invoices are taken at this address"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        mail_envelope = MailEnvelope(tuple(envelope.rcpt_tos), envelope.mail_from or "")
        try:
            taken = await self.intake.take(raw, mail_envelope)
        except Exception as exc:
            # answered here rather than in handle_exception, which would leave the
            # transaction open (the next MAIL would be refused as nested)
            return status_of(exc)
        if taken.outcome is Outcome.NO_PDF:
            return "250 2.0.0 OK, but the message carries no PDF"
        assert taken.result is not None
        batch = taken.result.bulk_importation_id
        if taken.outcome is Outcome.REPEATED:
            return f"250 2.0.0 OK, already received as batch {batch}"
        return f"250 2.0.0 OK, batch {batch}"

    async def handle_exception(self, error: Exception) -> str:
        return status_of(error)


class SmtpServer:
    def __init__(self, config: SmtpInConfig, intake: MailIntake) -> None:
        self.config = config
        self.handler = InvoiceHandler(intake)
        self.server: asyncio.Server | None = None
        self.tls: ssl.SSLContext | None = None

    @property
    def port(self) -> int:
        """The bound port (``port = 0`` in the config picks a free one)."""
        assert self.server is not None
        return int(self.server.sockets[0].getsockname()[1])

    def _protocol(self) -> SMTP:
        c = self.config
        return SMTP(
            self.handler,
            data_size_limit=c.max_message_bytes,
            enable_SMTPUTF8=True,
            hostname=c.hostname or None,
            tls_context=self.tls,
            timeout=c.timeout_seconds,
            loop=asyncio.get_running_loop(),
        )

    def _tls(self) -> ssl.SSLContext | None:
        if not (self.config.tls_cert and self.config.tls_key):
            return None
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.config.tls_cert, self.config.tls_key)
        return context

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self.tls = self._tls()  # a bad certificate stops the start, not the first STARTTLS
        self.server = await loop.create_server(self._protocol, self.config.host, self.config.port)
        log.info("SMTP listening on %s:%d", self.config.host, self.port)

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
            self.server = None


def _oneline(text: Any) -> str:
    return " ".join(str(text).split())[:400]
