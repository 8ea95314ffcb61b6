"""IMAP mailboxes read for invoices (imapclient, each call in a thread: the loop never blocks).

Each folder of each account is polled every ``poll_seconds``, or watched with IDLE (re-issued
before the 29 minutes after which servers may drop it). A message is moved to the processed
folder (or flagged) only after its batch is committed, and to the failed folder, with the reason
logged, when it can never be taken (no route, no PDF, too big). When the database cannot store it
now, it stays where it is and is read again at the next poll.

Nothing is taken twice: a message is known in this process by (UIDVALIDITY, UID), and across
restarts, reconnections and UIDVALIDITY changes by its Message-ID, which the intake keeps (the
same Message-ID again returns the first batch, which is then only moved).
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from email.utils import getaddresses
from typing import Any, TypeVar

from imapclient import IMAPClient

from bot.config import ImapConfig
from bot.doctor import Check, State
from bot.errors import InvoicebotError, StorageError, StoreUnavailable
from handlers.email.inbound import Envelope, MailIntake, Outcome

log = logging.getLogger(__name__)

T = TypeVar("T")
#: IDLE is ended and issued again after this long (servers may drop it after 29 minutes)
IDLE_RENEW_SECONDS = 25 * 60
#: how long one wait for IDLE news lasts, so a stop is seen promptly
IDLE_CHECK_SECONDS = 1.0
#: a connection that failed is tried again after this long, doubling up to the maximum
RECONNECT_SECONDS = (1.0, 60.0)
#: what a dropped connection or a refusing server raises in imapclient (imaplib's errors
#: include its abort; OSError covers sockets, TLS and timeouts)
CONNECTION_ERRORS = (imaplib.IMAP4.error, OSError, EOFError)


@dataclass
class _Folder:
    uidvalidity: int
    #: UIDs handled under this UIDVALIDITY (left in place only if moving them failed)
    done: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Credentials:
    password: str | None = None
    oauth2_token: str | None = None


class MailboxPoller:
    """One account: connects, reads its folders, reconnects after a failure, until stopped."""

    def __init__(
        self,
        account: ImapConfig,
        credentials: Credentials,
        intake: MailIntake,
        max_message_bytes: int,
        reconnect: tuple[float, float] = RECONNECT_SECONDS,
    ) -> None:
        self.account = account
        self.credentials = credentials
        self.intake = intake
        self.max_message_bytes = max_message_bytes
        self.reconnect = reconnect
        self.folders: dict[str, _Folder] = {}
        self.name = f"{account.username}@{account.host}:{account.port}"

    async def run(self, stop: asyncio.Event) -> None:
        delay = self.reconnect[0]
        while not stop.is_set():
            client: IMAPClient | None = None
            try:
                client = await _call(self._connect)
                delay = self.reconnect[0]
                while not stop.is_set():
                    for folder in self.account.folders:
                        await self.read_folder(client, folder, stop)
                    await self._wait(client, stop)
            except CONNECTION_ERRORS as exc:
                log.warning("IMAP %s: %s; reconnecting in %.0f s", self.name, exc, delay)
                await _sleep(stop, delay)
                delay = min(delay * 2, self.reconnect[1])
            except Exception:
                # a bug must not end the reading of this mailbox for good
                log.exception("IMAP %s: unexpected error; reconnecting in %.0f s", self.name, delay)
                await _sleep(stop, delay)
                delay = min(delay * 2, self.reconnect[1])
            finally:
                if client is not None:
                    await _call(_close, client)

    def _connect(self) -> IMAPClient:
        a = self.account
        context = ssl.create_default_context()
        client = IMAPClient(
            a.host, port=a.port, ssl=a.tls, ssl_context=context, timeout=a.timeout_seconds
        )
        try:
            if a.starttls and not a.tls:
                client.starttls(context)
            if self.credentials.oauth2_token:
                client.oauth2_login(a.username, self.credentials.oauth2_token)
            else:
                client.login(a.username, self.credentials.password or "")
            for folder in (a.processed_folder, a.failed_folder):
                if folder and not client.folder_exists(folder):
                    client.create_folder(folder)
        except BaseException:
            _close(client)
            raise
        log.info("IMAP %s: connected", self.name)
        return client

    async def read_folder(self, client: IMAPClient, folder: str, stop: asyncio.Event) -> int:
        """Take every message waiting in ``folder``; how many were handled."""
        selected = await _call(client.select_folder, folder)
        uidvalidity = int(selected[b"UIDVALIDITY"])
        state = self.folders.get(folder)
        if state is None or state.uidvalidity != uidvalidity:
            if state is not None:
                log.warning(
                    "IMAP %s/%s: UIDVALIDITY changed (%d -> %d); reading the folder again, "
                    "messages already taken are known by their Message-ID",
                    self.name,
                    folder,
                    state.uidvalidity,
                    uidvalidity,
                )
            state = self.folders[folder] = _Folder(uidvalidity)
        uids = await _call(client.search, self._criteria())
        handled = 0
        for uid in sorted(uids):
            if stop.is_set():
                break
            if uid in state.done:
                continue
            if not await self._take(client, folder, uid):
                break  # the database is down: leave the rest for the next poll
            state.done.add(uid)
            handled += 1
        return handled

    def _criteria(self) -> list[Any]:
        a = self.account
        criteria: list[Any] = ["NOT", "DELETED"]
        if not a.processed_folder:
            criteria += ["NOT", "KEYWORD", a.processed_flag]
        if not a.failed_folder:
            criteria += ["NOT", "KEYWORD", a.failed_flag]
        return criteria

    async def _take(self, client: IMAPClient, folder: str, uid: int) -> bool:
        """Take one message; False when it must wait (nothing could be stored)."""
        where = f"IMAP {self.name}/{folder} UID {uid}"
        sizes = await _call(client.fetch, [uid], ["RFC822.SIZE"])
        if uid not in sizes:
            return True  # gone meanwhile (moved by another client)
        size = int(sizes[uid][b"RFC822.SIZE"])
        if size > self.max_message_bytes:
            await self._failed(client, uid, f"{where}: {size} bytes, over the limit")
            return True
        fetched = await _call(client.fetch, [uid], ["BODY.PEEK[]"])
        if uid not in fetched:
            return True
        raw = bytes(fetched[uid][b"BODY[]"])
        try:
            taken = await self.intake.take(raw, self._envelope(raw))
        except (StorageError, StoreUnavailable) as exc:
            log.error("%s: not stored now (%s); read again at the next poll", where, exc.detail)
            return False
        except InvoicebotError as exc:
            await self._failed(client, uid, f"{where}: {exc.detail}")
            return True
        if taken.outcome is Outcome.NO_PDF:
            await self._failed(client, uid, f"{where}: {taken.mail.reference} carries no PDF")
            return True
        assert taken.result is not None
        log.info(
            "%s: %s %s as batch %s",
            where,
            taken.mail.reference,
            taken.outcome,
            taken.result.bulk_importation_id,
        )
        await self._processed(client, uid)
        return True

    def _envelope(self, raw: bytes) -> Envelope:
        """Recipients and return path from the headers (IMAP has no SMTP envelope)."""
        headers = BytesHeaderParser().parsebytes(raw)
        values = [
            str(v)
            for name in ("Delivered-To", "X-Original-To", "To", "Cc")
            for v in headers.get_all(name, [])
        ]
        recipients = [addr for _, addr in getaddresses(values) if "@" in addr]
        recipients.append(self.account.username)
        return_path = headers.get("Return-Path")
        return Envelope(
            tuple(dict.fromkeys(recipients)),
            None if return_path is None else str(return_path).strip(),
        )

    async def _processed(self, client: IMAPClient, uid: int) -> None:
        a = self.account
        if a.processed_folder:
            await _call(_move, client, uid, a.processed_folder)
        else:
            await _call(client.add_flags, [uid], [a.processed_flag])

    async def _failed(self, client: IMAPClient, uid: int, reason: str) -> None:
        a = self.account
        log.warning("%s; moved to %s", reason, a.failed_folder or f"flag {a.failed_flag}")
        if a.failed_folder:
            await _call(_move, client, uid, a.failed_folder)
        else:
            await _call(client.add_flags, [uid], [a.failed_flag])

    async def _wait(self, client: IMAPClient, stop: asyncio.Event) -> None:
        """Until there may be new mail: a poll interval, or IDLE news on the first folder."""
        if self.account.poll_seconds > 0:
            await _sleep(stop, self.account.poll_seconds)
            return
        await _call(client.select_folder, self.account.folders[0])
        await _call(client.idle)
        loop = asyncio.get_running_loop()
        renew = loop.time() + (IDLE_RENEW_SECONDS if len(self.account.folders) == 1 else 60)
        try:
            while not stop.is_set() and loop.time() < renew:
                news = await _call(client.idle_check, IDLE_CHECK_SECONDS)
                if any(isinstance(n, tuple) and b"EXISTS" in n for n in news):
                    break
        finally:
            await _call(client.idle_done)


async def login_check(poller: MailboxPoller) -> Check:
    """``doctor``: log in to the mailbox and out again."""
    try:
        client = await _call(poller._connect)
    except Exception as exc:  # imapclient raises its own, socket and ssl errors alike
        return Check(
            f"IMAP {poller.name}",
            State.ERROR,
            f"cannot log in: {exc}",
            "check [[email.imap]] host/port/tls/username and the password's variable",
        )
    await _call(_close, client)
    return Check(f"IMAP {poller.name}", State.OK, "logged in")


class ImapReaders:
    """All accounts' pollers, as tasks of the serving process."""

    def __init__(self, pollers: list[MailboxPoller]) -> None:
        self.pollers = pollers
        self.stop_event = asyncio.Event()
        self.tasks: list[asyncio.Task[None]] = []

    async def checks(self) -> list[Check]:
        return [await login_check(poller) for poller in self.pollers]

    def start(self) -> None:
        self.stop_event.clear()
        self.tasks = [
            asyncio.create_task(p.run(self.stop_event), name=f"imap {p.name}") for p in self.pollers
        ]

    async def stop(self, grace: float = 15.0) -> None:
        self.stop_event.set()
        if not self.tasks:
            return
        done, pending = await asyncio.wait(self.tasks, timeout=grace)
        for task in pending:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self.tasks = []


def _move(client: IMAPClient, uid: int, folder: str) -> None:
    if client.has_capability("MOVE"):
        client.move([uid], folder)
        return
    client.copy([uid], folder)
    client.add_flags([uid], [b"\\Deleted"])
    if client.has_capability("UIDPLUS"):
        client.uid_expunge([uid])
    else:
        client.expunge()


def _close(client: IMAPClient) -> None:
    try:
        client.logout()
    except CONNECTION_ERRORS:
        with contextlib.suppress(*CONNECTION_ERRORS):
            client.shutdown()


async def _call(fn: Callable[..., T], *args: Any) -> T:
    return await asyncio.to_thread(fn, *args)


async def _sleep(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
