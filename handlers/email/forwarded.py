"""The original sender of a forwarded mail: whom staff forwarded it from.

Two ways mail clients forward: the whole message attached (``message/rfc822``: its From), or
inline, with a header block written into the body (Outlook's "From: ... Sent: ... To: ...
Subject:", Gmail's "---------- Forwarded message --------- From: ... Date: ... Subject:", and
the same in German, French, Dutch, Spanish and Italian). Only a block with a From line followed
closely by a date and a subject line counts, so a "From:" in a signature does not.
"""

from __future__ import annotations

import re
from email.message import Message
from email.utils import parseaddr

from handlers.email.message import attached_messages, body_text

_FROM = re.compile(r"^(?:from|von|de|van|da)\s*:\s*(.+)$", re.IGNORECASE)
_DATE = re.compile(
    r"^(?:sent|date|datum|gesendet|envoy[ée]|verzonden|enviado|fecha|inviato|data)\s*:",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"^(?:subject|betreff|objet|onderwerp|asunto|oggetto)\s*:", re.IGNORECASE)
_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
#: lines after the From line in which the date and subject must follow
_BLOCK = 6


def original_senders(message: Message) -> list[str]:
    """Addresses of the forwarded mail's sender(s), outermost forward first."""
    found: list[str] = []
    for inner in attached_messages(message):
        _, addr = parseaddr(str(inner.get("From", "")))
        if "@" in addr:
            found.append(addr.lower())
    found.extend(inline_senders(body_text(message)))
    return list(dict.fromkeys(found))


def inline_senders(text: str) -> list[str]:
    lines = [_clean(line) for line in text.splitlines()]
    found = []
    for i, line in enumerate(lines):
        match = _FROM.match(line)
        if not match:
            continue
        block = lines[i + 1 : i + 1 + _BLOCK]
        if not any(_DATE.match(b) for b in block) or not any(_SUBJECT.match(b) for b in block):
            continue
        address = _ADDRESS.search(match.group(1))
        if address:
            found.append(address.group(0).lower())
    return found


def _clean(line: str) -> str:
    """Quoting and emphasis mail clients put around the header block (``> *From:* ...``)."""
    return line.lstrip("> \t").replace("*", "").strip()
