"""The email channel over SMTP: a real aiosmtpd server on loopback fed by smtplib (in a
thread), replies captured by a second SMTP server acting as the relay, real databases."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from bot.app import Services, running
from bot.catalog import OutletIn, PurchaseOrderIn, SupplierIn
from bot.config import Config
from bot.report import BatchReport
from handlers.email import EmailChannel
from storage.batches import BatchFilter
from storage.status import ProcessingStatus, ReplyStatus
from tests.conftest import ConfigFactory
from tests.fakes import FakeExtractor
from tests.mailservers import (
    Relay,
    SmtpAnswer,
    html_of,
    make_mail,
    self_signed,
    send,
    text_of,
)
from tests.pdfs import encrypted_pdf, invoice_pdf

PDF = "application/pdf"
STAFF = "chef@harbour.example"


def email_section(relay_port: int, **extra: Any) -> dict[str, Any]:
    return {
        "smtp": {"enabled": True, "port": 0, "max_message_bytes": 1_000_000},
        "outbound": {"host": "127.0.0.1", "port": relay_port, "from": "invoices@example.com"},
        "routes": [
            # staff forward to invoices+<outlet>@
            {"recipient": "invoices+*@example.com", "sender": "*@harbour.example"},
            # a supplier sends straight to the outlet's fixed address
            {
                "recipient": "olt-2@example.com",
                "sender": "billing@greens.example",
                "outlet": "olt-2",
                "supplier": "sup-greens",
            },
        ],
        "exclude_filenames": ["*terms*"],
        **extra,
    }


@dataclass
class Mailroom:
    services: Services
    relay: Relay
    port: int

    async def send(self, msg: EmailMessage | bytes, **kw: Any) -> SmtpAnswer:
        return await send(self.port, msg, **kw)

    async def email_batches(self) -> list[BatchReport]:
        _, found = await self.services.invoices.batches(BatchFilter(channel="email"), 0, 100)
        return [await self.services.invoices.batch(b.id) for b in found]

    async def wait_done(self, batch_id: str, seconds: float = 30) -> BatchReport:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while True:
            report = await self.services.invoices.batch(batch_id)
            if report.done and report.reply.status != ReplyStatus.PENDING:
                return report
            assert loop.time() < deadline, f"batch not answered: {report.reply}"
            await asyncio.sleep(0.05)


async def _catalog(svc: Services) -> None:
    await svc.catalog.add_outlet(OutletIn(id="olt-1", name="Harbour Kitchen"))
    await svc.catalog.add_outlet(OutletIn(id="olt-2", name="Quay Bistro"))
    await svc.catalog.add_supplier(
        SupplierIn(id="sup-greens", name="Fresh Greens BV", emails=["greens.example"])
    )
    await svc.catalog.add_supplier(
        SupplierIn(id="sup-fish", name="North Sea Fish", emails=["orders@fish.example"])
    )
    await svc.catalog.add_purchase_orders(
        [PurchaseOrderIn(id="po-1", order_number="PO-1001", outlet="olt-1")]
    )


@contextlib.asynccontextmanager
async def mailroom(config: Config, relay: Relay) -> AsyncIterator[Mailroom]:
    async with running(config, extractor=FakeExtractor()) as svc:
        await _catalog(svc)
        (channel,) = [c for c in svc.channels if isinstance(c, EmailChannel)]
        assert channel.smtp is not None
        yield Mailroom(svc, relay, channel.smtp.port)


@pytest.fixture
async def relay() -> AsyncIterator[Relay]:
    server = await Relay().up()
    yield server
    await server.down()


@pytest.fixture
async def room(make_config: ConfigFactory, relay: Relay) -> AsyncIterator[Mailroom]:
    async with mailroom(make_config(email=email_section(relay.port)), relay) as room:
        yield room


async def test_a_good_mail_becomes_one_batch_and_one_reply_in_its_thread(room: Mailroom) -> None:
    msg = make_mail(
        subject="Invoices PO-1001",
        parts=[("march.pdf", invoice_pdf(), PDF), ("april.pdf", invoice_pdf(), PDF)],
        headers={"References": "<earlier@harbour.example>"},
    )
    answer = await room.send(msg)
    assert (answer.stage, answer.code) == ("data", 250), answer
    (batch,) = await room.email_batches()
    assert batch.id in answer.text  # 250 only once the batch is committed
    assert batch.outlet_id == "olt-1" and batch.reference == msg["Message-ID"]
    assert batch.sender == STAFF
    report = await room.wait_done(batch.id)
    assert report.reply.status == ReplyStatus.SENT
    assert [i.filename for i in report.invoices] == ["march.pdf", "april.pdf"]
    assert all(i.purchase_orders == ("PO-1001",) for i in report.invoices)

    (reply,) = await room.relay.wait_for(1)
    assert room.relay.envelopes[0] == ("invoices@example.com", [STAFF])
    assert reply["To"] == STAFF and reply["From"] == "invoices@example.com"
    assert reply["Subject"] == "Re: Invoices PO-1001"
    assert reply["In-Reply-To"] == msg["Message-ID"]
    assert reply["References"].split() == ["<earlier@harbour.example>", msg["Message-ID"]]
    assert reply["Message-ID"].strip() == f"<invoicebot-batch-{batch.id}@example.com>"
    assert reply["Auto-Submitted"] == "auto-replied"
    body = text_of(reply)
    assert batch.id in body and "march.pdf: read" in body and "april.pdf: read" in body
    assert "Fake Supplier" in body and "EUR 121.00" in body and "PO-1001" in body
    html = html_of(reply)
    assert html is not None and "march.pdf" in html and "<table" in html
    await asyncio.sleep(0.3)
    assert len(room.relay.received) == 1


async def test_mixed_attachments_only_pdfs_are_taken(room: Mailroom) -> None:
    inner = make_mail(
        sender="billing@fish.example",
        to=STAFF,
        subject="Your invoice",
        parts=[("fish-invoice.pdf", invoice_pdf(), PDF)],
    )
    msg = make_mail(
        parts=[
            ("one.pdf", invoice_pdf(), PDF),
            ("logo.png", b"\x89PNG\r\n\x1a\nfake-image", "image/png"),
            ("two.PDF", invoice_pdf(), "application/octet-stream"),
            ("terms-and-conditions.pdf", invoice_pdf(), PDF),
            ("notes.txt", b"see attached", "text/plain"),
            ("broken.pdf", b"this is no pdf at all", PDF),
            ("locked.pdf", encrypted_pdf(), PDF),
        ],
        attached=[inner],
    )
    # an inline PDF without a file name, as some clients send a scanned page
    inline = EmailMessage()
    inline.set_content(invoice_pdf(), maintype="application", subtype="pdf", disposition="inline")
    msg.attach(inline)
    answer = await room.send(msg)
    assert answer.code == 250, answer
    (batch,) = await room.email_batches()
    report = await room.wait_done(batch.id)
    assert sorted(i.filename for i in report.invoices) == sorted(
        ["one.pdf", "two.PDF", "fish-invoice.pdf", "attachment-6.pdf"]
    )
    assert {r.filename: r.code for r in report.refused} == {
        "broken.pdf": "not_a_pdf",
        "locked.pdf": "encrypted_pdf",
    }
    (reply,) = await room.relay.wait_for(1)
    body = text_of(reply)
    assert "Not taken:" in body
    assert "broken.pdf:" in body and "locked.pdf:" in body
    assert "terms-and-conditions" not in body and "logo.png" not in body


async def test_a_mail_without_a_pdf_gets_a_short_reply_and_no_batch(room: Mailroom) -> None:
    msg = make_mail(parts=[("logo.png", b"\x89PNG fake", "image/png")])
    answer = await room.send(msg)
    assert answer.code == 250 and "no PDF" in answer.text
    (reply,) = await room.relay.wait_for(1)
    assert reply["In-Reply-To"] == msg["Message-ID"] and reply["To"] == STAFF
    assert reply["Auto-Submitted"] == "auto-replied"
    assert "carries no PDF" in text_of(reply)
    assert await room.email_batches() == []


async def test_unknown_recipient_is_refused_at_rcpt(room: Mailroom) -> None:
    msg = make_mail(to="someone@example.com", parts=[("a.pdf", invoice_pdf(), PDF)])
    answer = await room.send(msg)
    assert (answer.stage, answer.code) == ("rcpt", 550)
    answer = await room.send(msg, rcpts=["invoices@example.com"])  # no plus tag: no route
    assert (answer.stage, answer.code) == ("rcpt", 550)
    assert await room.email_batches() == []


async def test_a_sender_the_route_does_not_allow_is_refused_at_data(room: Mailroom) -> None:
    msg = make_mail(sender="mallory@elsewhere.example", parts=[("a.pdf", invoice_pdf(), PDF)])
    answer = await room.send(msg)
    assert (answer.stage, answer.code) == ("data", 550), answer
    assert "mallory@elsewhere.example" in answer.text
    await asyncio.sleep(0.2)
    assert await room.email_batches() == [] and room.relay.received == []  # and no bounce


async def test_an_oversized_message_is_refused_in_the_dialogue(room: Mailroom) -> None:
    big = invoice_pdf() + b"%" + b"x" * 1_100_000
    msg = make_mail(parts=[("big.pdf", big, PDF)])
    answer = await room.send(msg)
    assert (answer.stage, answer.code) == ("mail", 552), answer  # SIZE announced
    # a client that does not announce the size is stopped at the end of DATA
    raw = msg.as_bytes(policy=policy.SMTP)
    answer = await asyncio.to_thread(_send_without_size, room.port, raw)
    assert answer == 552
    assert await room.email_batches() == []


def _send_without_size(port: int, raw: bytes) -> int:
    import smtplib

    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.helo("old.example")  # HELO: no ESMTP, no SIZE
        client.mail(STAFF)
        client.rcpt("invoices+olt-1@example.com")
        code, _ = client.data(raw)
        return code


async def test_the_same_mail_twice_makes_one_batch_and_one_reply(room: Mailroom) -> None:
    msg = make_mail(parts=[("a.pdf", invoice_pdf(), PDF)])
    first = await room.send(msg)
    second = await room.send(msg)
    assert first.code == second.code == 250
    assert "already received" in second.text
    (batch,) = await room.email_batches()
    await room.wait_done(batch.id)
    await room.relay.wait_for(1)
    await asyncio.sleep(0.3)
    assert len(room.relay.received) == 1


@pytest.mark.parametrize(
    ("headers", "mail_from"),
    [
        ({"Auto-Submitted": "auto-generated"}, None),
        ({"Precedence": "bulk"}, None),
        ({"List-Id": "<invoices.lists.example>"}, None),
        ({}, ""),  # a bounce: empty return path
    ],
)
async def test_automatic_mail_is_imported_but_never_answered(
    room: Mailroom, headers: dict[str, str], mail_from: str | None
) -> None:
    msg = make_mail(headers=headers, parts=[("a.pdf", invoice_pdf(), PDF)])
    answer = await room.send(msg, mail_from=mail_from)
    assert answer.code == 250, answer
    (batch,) = await room.email_batches()
    report = await room.wait_done(batch.id)
    assert report.reply.status == ReplyStatus.NOT_NEEDED
    assert report.counts == {ProcessingStatus.PROCESSED: 1}
    # nor a no-PDF notice
    await room.send(make_mail(headers=headers), mail_from=mail_from)
    await asyncio.sleep(0.3)
    assert room.relay.received == []


async def test_our_own_mail_is_never_answered(make_config: ConfigFactory, relay: Relay) -> None:
    section = email_section(relay.port)
    section["routes"].append({"recipient": "open@example.com", "outlet": "olt-1"})
    async with mailroom(make_config(email=section), relay) as room:
        for sender in ("invoices@example.com", "Invoices <INVOICES@example.com>"):
            msg = make_mail(sender=sender, to="open@example.com")
            msg.add_attachment(
                invoice_pdf(), maintype="application", subtype="pdf", filename="a.pdf"
            )
            answer = await room.send(msg, mail_from="someone@example.com")
            assert answer.code == 250, answer
        batches = await room.email_batches()
        assert len(batches) == 2
        for batch in batches:
            report = await room.wait_done(batch.id)
            assert report.reply.status == ReplyStatus.NOT_NEEDED
        await asyncio.sleep(0.3)
        assert room.relay.received == []


async def test_a_mail_without_message_id_is_known_by_its_bytes(room: Mailroom) -> None:
    msg = make_mail(message_id=None, parts=[("a.pdf", invoice_pdf(), PDF)])
    raw = msg.as_bytes(policy=policy.SMTP)
    assert (await room.send(raw, rcpts=["invoices+olt-1@example.com"])).code == 250
    answer = await room.send(raw, rcpts=["invoices+olt-1@example.com"])
    assert answer.code == 250 and "already received" in answer.text
    (batch,) = await room.email_batches()
    assert batch.reference is not None and batch.reference.startswith("sha256:")
    (reply,) = await room.relay.wait_for(1)
    assert reply["In-Reply-To"] is None and reply["Subject"] == "Re: Invoices for March"


async def test_a_reply_job_run_again_after_the_relay_took_it_sends_nothing(
    room: Mailroom,
) -> None:
    """A worker that dies after the relay took the reply but before the job was finished: the
    next run of the job finds the reply recorded and does not send it again."""
    answer = await room.send(make_mail(parts=[("a.pdf", invoice_pdf(), PDF)]))
    assert answer.code == 250
    (batch,) = await room.email_batches()
    await room.wait_done(batch.id)
    await room.relay.wait_for(1)
    async with room.services.db.session() as session:
        await session.execute(
            text(
                "UPDATE jobs SET status = 'queued', run_after = created_date "
                "WHERE kind = 'batch_done' AND bulk_importation_id = :id"
            ),
            {"id": batch.id},
        )
        await session.execute(
            text("UPDATE bulk_importations SET reply_status = 'pending' WHERE id = :id"),
            {"id": batch.id},
        )
    room.services.queue.notify()
    report = await room.wait_done(batch.id)
    assert report.reply.status == ReplyStatus.SENT and report.reply.attempts == 2
    await asyncio.sleep(0.3)
    assert len(room.relay.received) == 1


async def test_a_storage_failure_answers_451_and_the_retry_is_stored(room: Mailroom) -> None:
    db = room.services.db
    async with db.session() as session:
        if db.dialect == "sqlite":
            await session.execute(
                text(
                    "CREATE TRIGGER fail_batches BEFORE INSERT ON bulk_importations "
                    "BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END"
                )
            )
        else:
            await session.execute(
                text(
                    "CREATE FUNCTION fail_batches() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'disk full (test)'; END $$ LANGUAGE plpgsql"
                )
            )
            await session.execute(
                text(
                    "CREATE TRIGGER fail_batches BEFORE INSERT ON bulk_importations "
                    "FOR EACH ROW EXECUTE FUNCTION fail_batches()"
                )
            )
    msg = make_mail(parts=[("a.pdf", invoice_pdf(), PDF), ("b.pdf", invoice_pdf(), PDF)])
    answer = await room.send(msg)
    assert (answer.stage, answer.code) == ("data", 451), answer
    assert await room.email_batches() == []
    async with db.session() as session:
        await session.execute(
            text(
                "DROP TRIGGER fail_batches"
                + ("" if db.dialect == "sqlite" else " ON bulk_importations")
            )
        )
    answer = await room.send(msg)  # the sending server tries again
    assert answer.code == 250, answer
    (batch,) = await room.email_batches()
    report = await room.wait_done(batch.id)
    assert [i.filename for i in report.invoices] == ["a.pdf", "b.pdf"]
    assert len(await room.relay.wait_for(1)) == 1


async def test_a_supplier_route_sets_outlet_and_supplier(room: Mailroom) -> None:
    msg = make_mail(
        sender="billing@greens.example",
        to="olt-2@example.com",
        parts=[("a.pdf", invoice_pdf(), PDF)],
    )
    answer = await room.send(msg)
    assert answer.code == 250, answer
    (batch,) = await room.email_batches()
    assert batch.outlet_id == "olt-2" and batch.supplier_id == "sup-greens"


async def test_the_relay_down_leaves_the_reply_pending_then_it_is_sent_once(
    make_config: ConfigFactory, relay: Relay
) -> None:
    config = make_config(
        email=email_section(relay.port), worker={"retry_base_seconds": 0.2, "max_attempts": 20}
    )
    await relay.down()
    async with mailroom(config, relay) as room:
        answer = await room.send(make_mail(parts=[("a.pdf", invoice_pdf(), PDF)]))
        assert answer.code == 250
        (batch,) = await room.email_batches()
        for _ in range(200):
            report = await room.services.invoices.batch(batch.id)
            if report.done and report.reply.attempts >= 2:
                break
            await asyncio.sleep(0.05)
        assert report.reply.status == ReplyStatus.PENDING
        assert report.reply.error is not None and "did not take the reply" in report.reply.error
        await relay.up()
        report = await room.wait_done(batch.id)
        assert report.reply.status == ReplyStatus.SENT
        await relay.wait_for(1)
        await asyncio.sleep(0.5)
        assert len(relay.received) == 1


async def test_forwarded_mail_takes_the_supplier_of_the_original_sender(room: Mailroom) -> None:
    inline = make_mail(
        text="Please book.\n\nFrom: North Sea Fish <orders@fish.example>\n"
        "Sent: Monday, March 4, 2024 9:12 AM\nTo: Chef\nSubject: Invoice 42\n",
        parts=[("fish.pdf", invoice_pdf(), PDF)],
    )
    inner = make_mail(
        sender="Greens <accounts@greens.example>", parts=[("greens.pdf", invoice_pdf(), PDF)]
    )
    attached = make_mail(text="fyi", attached=[inner])
    for msg in (inline, attached):
        answer = await room.send(msg)
        assert answer.code == 250, answer
    batches = {b.reference: b for b in await room.email_batches()}
    # the route (staff address, plus tag) still gives the outlet
    assert batches[inline["Message-ID"]].outlet_id == "olt-1"
    assert batches[inline["Message-ID"]].supplier_id == "sup-fish"  # exact address
    assert batches[attached["Message-ID"]].supplier_id == "sup-greens"  # by domain
    report = await room.wait_done(batches[attached["Message-ID"]].id)
    assert [i.filename for i in report.invoices] == ["greens.pdf"]


async def test_require_authenticated_sender(make_config: ConfigFactory, relay: Relay) -> None:
    section = email_section(
        relay.port, require_authenticated_sender=True, authserv_ids=["mx.harbour.example"]
    )
    async with mailroom(make_config(email=section), relay) as room:
        good = make_mail(
            headers={"Authentication-Results": "mx.harbour.example; dmarc=pass"},
            parts=[("a.pdf", invoice_pdf(), PDF)],
        )
        assert (await room.send(good)).code == 250
        forged = make_mail(
            headers={"Authentication-Results": "mx.harbour.example; dmarc=fail"},
            parts=[("a.pdf", invoice_pdf(), PDF)],
        )
        answer = await room.send(forged)
        assert (answer.stage, answer.code) == ("data", 550), answer
        assert "unauthenticated" in answer.text
        assert len(await room.email_batches()) == 1


async def test_starttls_in_and_out(make_config: ConfigFactory, tmp_path: Path) -> None:
    """Inbound STARTTLS with the configured certificate; replies through a relay that takes
    mail only over STARTTLS, checked against the configured CA."""
    cert, key = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    relay = await Relay(tls=context).up()
    section = email_section(relay.port)
    section["smtp"] |= {"tls_cert": str(cert), "tls_key": str(key)}
    section["outbound"] |= {"starttls": True, "ca_file": str(cert)}
    try:
        async with mailroom(make_config(email=section), relay) as room:
            msg = make_mail(parts=[("a.pdf", invoice_pdf(), PDF)])
            code, tls_version = await asyncio.to_thread(_send_over_tls, room.port, msg, cert)
            assert code == 250 and tls_version.startswith("TLS")
            (batch,) = await room.email_batches()
            await room.wait_done(batch.id)
            (reply,) = await relay.wait_for(1)
            assert reply["In-Reply-To"] == msg["Message-ID"]
    finally:
        await relay.down()


def _send_over_tls(port: int, msg: EmailMessage, ca: Path) -> tuple[int, str]:
    import smtplib

    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.ehlo("test.example")
        assert client.has_extn("starttls")
        client.starttls(context=ssl.create_default_context(cafile=str(ca)))
        client.ehlo("test.example")
        version = client.sock.version() or ""  # type: ignore[union-attr]
        raw = msg.as_bytes(policy=policy.SMTP)
        refused = client.sendmail(STAFF, ["invoices+olt-1@example.com"], raw)
        assert not refused
        return 250, version
