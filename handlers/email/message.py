"""A received mail as the email channel needs it: its PDFs, its thread, and whether it is automatic.

PDFs are found wherever a mail client puts them: attachments, inline parts, ``octet-stream``
parts named ``.pdf``, and inside a forwarded message attached whole (``message/rfc822``).
Images (logos, signatures) and text parts are never files; names matching the configured
exclude patterns (``*terms*``) are left out.
"""

from __future__ import annotations

import fnmatch
import hashlib
from dataclasses import dataclass, field
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr

PDF_TYPES = frozenset({"application/pdf", "application/x-pdf", "application/acrobat"})
#: generic types a client may give a PDF; taken when the file name ends in .pdf
GENERIC_TYPES = frozenset({"application/octet-stream", "application/binary", "binary/octet-stream"})
PRECEDENCE_AUTOMATIC = frozenset({"bulk", "list", "junk"})


@dataclass(frozen=True)
class Attachment:
    #: the name the batch knows it by: ``attachment[0]``, ``attachment[1]``, ...
    field: str
    filename: str
    content: bytes


@dataclass
class Mail:
    message: EmailMessage
    #: the Message-ID, or a digest of the bytes for a message without one
    reference: str
    message_id: str | None
    subject: str
    from_address: str | None
    #: where a reply goes: Reply-To, else From
    reply_address: str | None
    references: list[str]
    pdfs: list[Attachment] = field(default_factory=list)
    #: file names of parts that looked like files but are not imported (images, excluded)
    skipped: list[str] = field(default_factory=list)

    def header_addresses(self, *names: str) -> list[str]:
        values = [str(v) for name in names for v in self.message.get_all(name, [])]
        return [addr for _, addr in getaddresses(values) if "@" in addr]

    def automatic(self, envelope_sender: str | None, own_addresses: set[str]) -> str | None:
        """Why this mail must get no reply (None when it may get one): RFC 3834 and list mail.

        ``envelope_sender`` is the SMTP ``MAIL FROM`` (or the Return-Path header); empty means
        a bounce.
        """
        msg = self.message
        auto = str(msg.get("Auto-Submitted", "")).strip().lower()
        if auto and not auto.startswith("no"):
            return f"Auto-Submitted: {auto}"
        precedence = str(msg.get("Precedence", "")).strip().lower()
        if precedence in PRECEDENCE_AUTOMATIC:
            return f"Precedence: {precedence}"
        if any(name.lower().startswith("list-") for name in msg.keys()):
            return "a mailing list message"
        if envelope_sender is not None and envelope_sender.strip("<> ") == "":
            return "an empty return path (a bounce)"
        for address in (self.from_address, self.reply_address):
            if address and address.lower() in own_addresses:
                return "sent by this bot"
        if not self.reply_address:
            return "no address to reply to"
        return None


def read_mail(raw: bytes, exclude: tuple[str, ...] = ()) -> Mail:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    message_id = _message_id(message)
    reference = message_id or "sha256:" + hashlib.sha256(raw).hexdigest()
    from_address = _address(message, "From")
    references = str(message.get("References", "")).split()
    if message_id and message_id not in references:
        references.append(message_id)
    mail = Mail(
        message=message,
        reference=reference,
        message_id=message_id,
        subject=" ".join(str(message.get("Subject", "")).split()),
        from_address=from_address,
        reply_address=_address(message, "Reply-To") or from_address,
        references=references,
    )
    patterns = tuple(p.lower() for p in exclude)
    for part in message.walk():
        if part.is_multipart() or part.get_content_maintype() == "message":
            continue
        ctype = part.get_content_type()
        name = part.get_filename() or ""
        if ctype in PDF_TYPES or (ctype in GENERIC_TYPES and name.lower().endswith(".pdf")):
            name = name or f"attachment-{len(mail.pdfs) + 1}.pdf"
            if any(fnmatch.fnmatch(name.lower(), p) for p in patterns):
                mail.skipped.append(name)
                continue
            content = part.get_payload(decode=True)
            if isinstance(content, bytes):
                mail.pdfs.append(Attachment(f"attachment[{len(mail.pdfs)}]", name, content))
        elif name and part.get_content_maintype() != "text":
            mail.skipped.append(name)
    return mail


def attached_messages(message: Message) -> list[EmailMessage]:
    """Messages attached whole (forward as attachment), outermost first."""
    found = []
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) else payload
            if isinstance(inner, EmailMessage):
                found.append(inner)
    return found


def body_text(message: Message) -> str:
    """The first text/plain part of the message itself (not of attached messages)."""
    if not isinstance(message, EmailMessage):
        return ""
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        return ""
    try:
        return str(part.get_content())
    except (LookupError, UnicodeError):
        return ""


def _message_id(message: EmailMessage) -> str | None:
    value = str(message.get("Message-ID", "")).strip()
    return value or None


def _address(message: Message, name: str) -> str | None:
    header = message.get(name)
    if header is None:
        return None
    addresses = getattr(header, "addresses", None)
    if addresses:
        first = addresses[0]
        if isinstance(first, Address) and first.addr_spec and "@" in first.addr_spec:
            return first.addr_spec.lower()
    _, addr = parseaddr(str(header))
    return addr.lower() if "@" in addr else None
