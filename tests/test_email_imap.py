"""The email channel reading IMAP mailboxes: a real Dovecot on loopback (Debian's package, run
with a config of its own), replies captured by an SMTP relay on loopback, real databases."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy import text

from bot.app import Services, running
from bot.catalog import OutletIn
from bot.report import BatchReport
from storage.batches import BatchFilter
from storage.status import ReplyStatus
from tests.conftest import ConfigFactory
from tests.fakes import FakeExtractor
from tests.mailservers import CuttingProxy, Dovecot, Relay, dovecot, make_mail, text_of
from tests.pdfs import invoice_pdf

PDF = "application/pdf"
PASSWORD_ENV = "INVOICEBOT_TEST_IMAP_PASSWORD"


@pytest.fixture
def imap_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Dovecot]:
    with dovecot() as server:
        monkeypatch.setenv(PASSWORD_ENV, server.password)
        yield server


@pytest.fixture
async def relay() -> AsyncIterator[Relay]:
    server = await Relay().up()
    yield server
    await server.down()


def email_section(
    server: Dovecot, relay: Relay, port: int | None = None, **account: Any
) -> dict[str, Any]:
    return {
        "outbound": {"host": "127.0.0.1", "port": relay.port, "from": "invoices@example.com"},
        "routes": [{"recipient": server.user, "outlet": "olt-1"}],
        "imap": [
            {
                "host": "127.0.0.1",
                "port": port or server.port,
                "tls": False,
                "username": server.user,
                "password_env": PASSWORD_ENV,
                "poll_seconds": 0.2,
                **account,
            }
        ],
    }


@dataclass
class Mailbox:
    services: Services
    server: Dovecot
    relay: Relay

    async def batches(self) -> list[BatchReport]:
        _, found = await self.services.invoices.batches(BatchFilter(channel="email"), 0, 100)
        return [await self.services.invoices.batch(b.id) for b in found]

    async def until(self, check: Callable[[], bool], seconds: float = 30) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not await asyncio.to_thread(check):
            assert loop.time() < deadline, "the mailbox did not get there in time"
            await asyncio.sleep(0.1)


@contextlib.asynccontextmanager
async def mailbox(
    make_config: ConfigFactory, server: Dovecot, relay: Relay, **kw: Any
) -> AsyncIterator[Mailbox]:
    config = make_config(email=email_section(server, relay, **kw))
    async with running(config, extractor=FakeExtractor()) as svc:
        await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Harbour Kitchen"))
        yield Mailbox(svc, server, relay)


def _mail(subject: str, pdf: bool = True, message_id: str = "auto") -> Any:
    parts = [(f"{subject}.pdf", invoice_pdf(), PDF)] if pdf else []
    return make_mail(to="accounts@example.com", subject=subject, parts=parts, message_id=message_id)


async def test_messages_are_taken_and_moved_only_after_their_batch(
    make_config: ConfigFactory, imap_server: Dovecot, relay: Relay
) -> None:
    good, empty = _mail("march"), _mail("hello", pdf=False)
    imap_server.append("INBOX", good)
    imap_server.append("INBOX", empty)
    async with mailbox(make_config, imap_server, relay) as box:
        await box.until(lambda: len(imap_server.uids("Processed")) == 1)
        await box.until(lambda: len(imap_server.uids("Failed")) == 1)
        assert imap_server.uids("INBOX") == []
        assert imap_server.message_ids("Processed") == [good["Message-ID"]]
        assert imap_server.message_ids("Failed") == [empty["Message-ID"]]
        (batch,) = await box.batches()
        assert batch.reference == good["Message-ID"] and batch.outlet_id == "olt-1"
        replies = await relay.wait_for(2)
        by_thread = {r["In-Reply-To"]: r for r in replies}
        assert "carries no PDF" in text_of(by_thread[empty["Message-ID"]])
        assert batch.id in text_of(by_thread[good["Message-ID"]])
        for _ in range(100):
            report = await box.services.invoices.batch(batch.id)
            if report.reply.status == ReplyStatus.SENT:
                break
            await asyncio.sleep(0.05)
        assert report.reply.status == ReplyStatus.SENT


async def test_a_disconnect_mid_way_loses_nothing_and_takes_nothing_twice(
    make_config: ConfigFactory, imap_server: Dovecot, relay: Relay
) -> None:
    """The line is cut just as the first message is to be moved: its batch is committed, the
    message still in INBOX. After reconnecting it is read again and only moved."""
    proxy = await CuttingProxy(imap_server.port, lambda data: b" MOVE " in data).start()
    mails = [_mail(f"inv-{i}") for i in range(3)]
    for mail in mails:
        imap_server.append("INBOX", mail)
    try:
        async with mailbox(make_config, imap_server, relay, port=proxy.port) as box:
            await box.until(lambda: len(imap_server.uids("Processed")) == 3)
            assert proxy.cuts == 1
            assert imap_server.uids("INBOX") == []
            batches = await box.batches()
            assert sorted(b.reference or "" for b in batches) == sorted(
                m["Message-ID"] for m in mails
            )
            await relay.wait_for(3)
            await asyncio.sleep(0.5)
            assert len(relay.received) == 3
    finally:
        await proxy.stop()


async def test_a_uidvalidity_change_forgets_the_uids_but_not_the_messages(
    make_config: ConfigFactory, imap_server: Dovecot, relay: Relay
) -> None:
    """The folder is recreated: a new UIDVALIDITY, and UIDs start at 1 again. A new message with
    an old UID is taken; a copy of a message taken before is only moved."""
    with imap_server.client() as c:
        c.create_folder("Invoices")
    first = _mail("first")
    imap_server.append("Invoices", first)
    async with mailbox(make_config, imap_server, relay, folders=["Invoices"]) as box:
        await box.until(lambda: len(imap_server.uids("Processed")) == 1)
        before = await asyncio.to_thread(_uidvalidity, imap_server, "Invoices")
        with imap_server.client() as c:
            c.delete_folder("Invoices")
            c.create_folder("Invoices")
        second = _mail("second")
        assert imap_server.append("Invoices", second) == 1  # the UID "first" had
        imap_server.append("Invoices", first)  # delivered again
        assert await asyncio.to_thread(_uidvalidity, imap_server, "Invoices") != before
        await box.until(lambda: len(imap_server.uids("Processed")) == 3)
        assert sorted(b.reference or "" for b in await box.batches()) == sorted(
            [first["Message-ID"], second["Message-ID"]]
        )
        await relay.wait_for(2)
        await asyncio.sleep(0.5)
        assert len(relay.received) == 2


def _uidvalidity(server: Dovecot, folder: str) -> int:
    client = server.client()
    try:
        return int(client.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"])
    finally:
        client.logout()


async def test_idle_takes_new_mail_as_it_arrives(
    make_config: ConfigFactory, imap_server: Dovecot, relay: Relay
) -> None:
    async with mailbox(make_config, imap_server, relay, poll_seconds=0, processed_folder="") as box:
        await asyncio.sleep(1.0)  # connected and idling
        mail = _mail("idle")
        imap_server.append("INBOX", mail)
        loop = asyncio.get_running_loop()
        start = loop.time()
        while not await box.batches():
            assert loop.time() - start < 10, "IDLE did not wake the poller"
            await asyncio.sleep(0.05)
        # flagged, not moved
        await box.until(lambda: _flagged(imap_server) == 1)
        assert imap_server.message_ids("INBOX") == [mail["Message-ID"]]


def _flagged(server: Dovecot) -> int:
    client = server.client()
    try:
        client.select_folder("INBOX")
        return len(client.search(["KEYWORD", "$InvoicebotProcessed"]))
    finally:
        client.logout()


async def test_xoauth2_login_with_a_token_from_the_environment(
    make_config: ConfigFactory, relay: Relay, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dovecot checks the token at a small introspection endpoint on loopback (RFC 7662)."""
    seen: list[str] = []

    async def introspect(request: web.Request) -> web.Response:
        token = (await request.post()).get("token")
        seen.append(str(token))
        if token == "token-from-env":
            return web.json_response({"active": True, "username": "accounts@example.com"})
        return web.json_response({"active": False})

    app = web.Application()
    app.router.add_post("/introspect", introspect)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    monkeypatch.setenv("INVOICEBOT_TEST_IMAP_TOKEN", "token-from-env")
    try:
        with dovecot(f"http://127.0.0.1:{port}/introspect") as server:
            mail = _mail("oauth")
            server.append("INBOX", mail)
            async with mailbox(
                make_config, server, relay, oauth2_token_env="INVOICEBOT_TEST_IMAP_TOKEN"
            ) as box:
                await box.until(lambda: len(server.uids("Processed")) == 1)
                assert [b.reference for b in await box.batches()] == [mail["Message-ID"]]
    finally:
        await runner.cleanup()
    assert "token-from-env" in seen


async def test_a_message_that_cannot_be_stored_stays_until_it_can(
    make_config: ConfigFactory, imap_server: Dovecot, relay: Relay
) -> None:
    """The database refuses new batches: the message is neither moved nor flagged, and is taken
    at a later poll once the database works again."""
    mail = _mail("later")
    imap_server.append("INBOX", mail)
    async with mailbox(make_config, imap_server, relay) as box:
        db = box.services.db
        async with db.session() as session:
            for statement in _failing_trigger(db.dialect):
                await session.execute(text(statement))
        imap_server.append("INBOX", _mail("also-later"))
        await asyncio.sleep(1.5)  # several polls
        # (the first may have been taken before the trigger; the second cannot have been)
        assert len(imap_server.uids("INBOX")) >= 1
        async with db.session() as session:
            await session.execute(
                text(
                    "DROP TRIGGER fail_batches"
                    + ("" if db.dialect == "sqlite" else " ON bulk_importations")
                )
            )
        await box.until(lambda: len(imap_server.uids("Processed")) == 2)
        assert imap_server.uids("INBOX") == [] and imap_server.uids("Failed") == []
        assert mail["Message-ID"] in [b.reference for b in await box.batches()]


def _failing_trigger(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [
            "CREATE TRIGGER fail_batches BEFORE INSERT ON bulk_importations "
            "BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END"
        ]
    return [
        "CREATE FUNCTION fail_batches() RETURNS trigger AS $$ BEGIN "
        "RAISE EXCEPTION 'disk full (test)'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER fail_batches BEFORE INSERT ON bulk_importations "
        "FOR EACH ROW EXECUTE FUNCTION fail_batches()",
    ]


def flags(server: Dovecot, folder: str) -> dict[int, set[bytes]]:
    """Each message's IMAP flags in ``folder`` (read-only: reading them sets none)."""
    client = server.client()
    try:
        client.select_folder(folder, readonly=True)
        uids = client.search("ALL")
        fetched = client.fetch(uids, ["FLAGS"]) if uids else {}
        return {uid: set(v[b"FLAGS"]) for uid, v in fetched.items()}
    finally:
        client.logout()
