"""Sending mail through the configured relay (aiosmtplib): replies and the no-PDF notice."""

from __future__ import annotations

import logging
from email.message import EmailMessage

import aiosmtplib

from bot.config import OutboundConfig
from bot.doctor import Check, State
from bot.errors import ReplyError

log = logging.getLogger(__name__)


class Outbound:
    def __init__(self, config: OutboundConfig) -> None:
        self.config = config

    @property
    def address(self) -> str:
        return self.config.from_address

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2] or "invoicebot.invalid"

    async def send(self, message: EmailMessage) -> None:
        """Hand ``message`` to the relay; :class:`ReplyError` when it did not take it."""
        c = self.config
        try:
            await aiosmtplib.send(
                message,
                hostname=c.host,
                port=c.port,
                use_tls=c.tls,
                start_tls=c.starttls,
                username=c.username or None,
                password=c.password if c.username else None,
                cert_bundle=c.ca_file or None,
                timeout=c.timeout_seconds,
            )
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise ReplyError(f"the relay {c.host}:{c.port} did not take the reply: {exc}") from exc


async def relay_check(config: OutboundConfig) -> Check:
    """Connect, greet and (when configured) log in to the relay, sending nothing."""
    where = f"{config.host}:{config.port}"
    client = aiosmtplib.SMTP(
        hostname=config.host,
        port=config.port,
        use_tls=config.tls,
        start_tls=config.starttls,
        cert_bundle=config.ca_file or None,
        timeout=config.timeout_seconds,
    )
    try:
        await client.connect()
        if config.username:
            await client.login(config.username, config.password or "")
        await client.quit()
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        return Check(
            "email relay",
            State.ERROR,
            f"{where}: {exc}",
            "check [email.outbound] host/port/tls and $INVOICEBOT_SMTP_PASSWORD",
        )
    return Check(
        "email relay",
        State.OK,
        f"{where} answers" + (" and took our login" if config.username else ""),
    )
