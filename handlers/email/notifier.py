"""Replies in the sender's thread: the batch-done reply and the immediate no-PDF notice.

The batch-done reply runs as the core's durable job (bot/notify.py): its Message-ID comes from
the batch (``delivery.key``), and once the relay has taken it that is recorded at once, so a
retry after a crash between the two does not send it again.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

from bot.errors import ReplyError
from bot.notify import Delivery
from bot.report import BatchReport
from handlers.email import render
from handlers.email.message import Mail
from handlers.email.outbound import Outbound

log = logging.getLogger(__name__)


def thread_of(mail: Mail) -> dict[str, Any]:
    """What a reply needs from the mail; stored with the batch (``Source.reply_to``)."""
    return {
        "to": mail.reply_address,
        "message_id": mail.message_id,
        "references": mail.references[-20:],
        "subject": mail.subject,
    }


def reply_message(
    outbound: Outbound, thread: Mapping[str, Any], message_id: str, text: str, html: str | None
) -> EmailMessage:
    to = thread.get("to")
    if not to:
        raise ReplyError("the mail has no address to reply to")
    msg = EmailMessage()
    msg["From"] = outbound.address
    msg["To"] = to
    msg["Subject"] = render.reply_subject(str(thread.get("subject") or ""))
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id
    if thread.get("message_id"):
        msg["In-Reply-To"] = thread["message_id"]
    references = [str(r) for r in thread.get("references") or []]
    if references:
        msg["References"] = " ".join(references)
    # RFC 3834: an automatic reply, so that no auto-responder answers it
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Auto-Response-Suppress"] = "All"
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg


class EmailNotifier:
    def __init__(self, outbound: Outbound) -> None:
        self.outbound = outbound

    async def batch_done(self, report: BatchReport, delivery: Delivery) -> None:
        message_id = f"<{delivery.key}@{self.outbound.domain}>"
        if delivery.state.get("sent_message_id"):
            log.info("batch %s: reply %s was already sent", report.id, message_id)
            return
        msg = reply_message(
            self.outbound,
            report.reply_to,
            message_id,
            render.text_body(report),
            render.html_body(report),
        )
        msg["X-Invoicebot-Batch"] = report.id
        await self.outbound.send(msg)
        await delivery.record(sent_message_id=message_id)
        log.info("batch %s: reply %s sent to %s", report.id, message_id, msg["To"])

    async def no_pdf(self, mail: Mail) -> None:
        """Tell the sender at once that the mail carried no PDF (best effort: logged if the
        relay refuses; there is no batch to retry it with)."""
        digest = hashlib.sha256(mail.reference.encode()).hexdigest()[:24]
        msg = reply_message(
            self.outbound,
            thread_of(mail),
            f"<invoicebot-nopdf-{digest}@{self.outbound.domain}>",
            render.no_pdf_text(mail.skipped),
            None,
        )
        try:
            await self.outbound.send(msg)
        except ReplyError as exc:
            log.error("no-PDF notice to %s not sent: %s", msg["To"], exc.detail)
            return
        log.info("no-PDF notice sent to %s for %s", msg["To"], mail.reference)
