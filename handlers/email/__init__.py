"""The email channel: an SMTP server, IMAP mailboxes, and replies in the sender's thread.

``PLUGIN`` is named in ``handlers.CHANNELS``. The runtime is built whenever ``[email.smtp]`` is
enabled or an ``[[email.imap]]`` account is configured, in ``serve`` and in ``worker`` processes
alike (any of them may send a batch's reply); only ``serve`` starts the listeners.

    message.py      a mail's PDFs, thread and automatic-ness (MIME -> files)
    forwarded.py    the original sender of a forwarded mail
    authresults.py  whether our mail server vouches for the From
    inbound.py      one mail -> one batch (routing, supplier, orders, intake)
    smtp.py         the SMTP server (aiosmtpd)
    imap.py         the IMAP pollers (imapclient in threads)
    outbound.py     the relay (aiosmtplib)
    notifier.py     the batch-done reply and the no-PDF notice
    render.py       their words, plain text and HTML
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from bot.app import Services
from bot.channels import WebHandler, WebPath
from bot.config import Config, EmailConfig
from bot.doctor import Check
from bot.errors import ConfigError
from bot.routing import Routes
from handlers.email.imap import Credentials, ImapReaders, MailboxPoller
from handlers.email.inbound import MailIntake
from handlers.email.notifier import EmailNotifier
from handlers.email.outbound import Outbound, relay_check
from handlers.email.smtp import SmtpServer
from storage.status import Channel

__all__ = ["PLUGIN", "EmailChannel"]


class EmailChannel:
    channel = Channel.EMAIL

    def __init__(self, config: EmailConfig, services: Services) -> None:
        self.config = config
        self.outbound = Outbound(config.outbound)
        self.notifier = EmailNotifier(self.outbound)
        self.intake = MailIntake(
            config, Routes.from_config(config.routes, "email.routes"), services, self.notifier
        )
        self.smtp = SmtpServer(config.smtp, self.intake) if config.smtp.enabled else None
        self._imap: ImapReaders | None = None

    @property
    def imap(self) -> ImapReaders:
        """The mailbox readers, made on first use: a ``worker`` process only sends replies and
        needs neither the mailboxes nor their secrets."""
        if self._imap is None:
            self._imap = ImapReaders(
                [
                    MailboxPoller(
                        account,
                        _credentials(account.password_env, account.oauth2_token_env, i),
                        self.intake,
                        self.config.smtp.max_message_bytes,
                    )
                    for i, account in enumerate(self.config.imap)
                ]
            )
        return self._imap

    def web_handlers(self) -> Mapping[WebPath, WebHandler]:
        return {}

    def describe(self) -> str:
        parts = []
        if self.smtp is not None:
            parts.append(f"SMTP on {self.config.smtp.host}:{self.config.smtp.port}")
        if self.config.imap:
            parts.append(f"{len(self.config.imap)} IMAP mailbox(es)")
        out = self.config.outbound
        parts.append(f"replies through {out.host}:{out.port} from {out.from_address}")
        return ", ".join(parts)

    async def checks(self) -> list[Check]:
        """``doctor``: the relay answers (and takes our login), each mailbox takes its login."""
        return [await relay_check(self.config.outbound), *await self.imap.checks()]

    async def start(self) -> None:
        if self.smtp is not None:
            await self.smtp.start()
        self.imap.start()

    async def stop(self) -> None:
        if self.smtp is not None:
            await self.smtp.stop()
        if self._imap is not None:
            await self._imap.stop()
        await self.intake.drain()


class EmailPlugin:
    def web_paths(self, config: Config) -> list[WebPath]:
        return []

    def build(self, config: Config, services: Services) -> EmailChannel | None:
        email = config.email
        if not email.enabled:
            return None
        if "@" not in email.outbound.from_address:
            raise ConfigError("email.outbound.from", "is required (an address) when email is on")
        if not email.routes:
            raise ConfigError("email.routes", "at least one route is needed when email is on")
        return EmailChannel(email, services)


def _credentials(password_env: str, token_env: str, index: int) -> Credentials:
    """Secrets from the environment only; a missing one stops the start, naming the variable."""
    if token_env:
        token = os.environ.get(token_env)
        if not token:
            raise ConfigError(f"email.imap[{index}].oauth2_token_env", f"${token_env} is not set")
        return Credentials(oauth2_token=token)
    password = os.environ.get(password_env)
    if not password:
        raise ConfigError(f"email.imap[{index}].password_env", f"${password_env} is not set")
    return Credentials(password=password)


PLUGIN = EmailPlugin()
