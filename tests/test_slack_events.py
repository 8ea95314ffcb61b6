"""Files shared in Slack become batches: signed events to our server on loopback, the real
slack_sdk client and Bolt against a fake Slack Web API, real workers and databases."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from storage.status import ProcessingStatus
from tests.conftest import ConfigFactory
from tests.fakes import FakeExtractor
from tests.pdfs import invoice_pdf
from tests.slack_fake import BOT_TOKEN, fake_slack, file_share, signed
from tests.slack_setup import (
    channel_batches,
    post_event,
    slack_config,
    slack_server,
    wait_batch_replied,
)
from tests.test_linking_e2e import FieldsExtractor, extracted

TS = "1700000000.000100"


def _thread_messages(fake: Any, channel: str, ts: str) -> list[dict[str, Any]]:
    return [m for m in fake.posted(channel) if m.get("thread_ts") == ts]


async def test_pdfs_in_a_linked_channel_become_one_batch_answered_in_the_thread(
    make_config: ConfigFactory,
) -> None:
    async with fake_slack() as fake:
        files = [
            fake.add_file("march.pdf", invoice_pdf("INV-MAR-1")),
            fake.add_file("april.pdf", invoice_pdf("INV-APR-2")),
        ]
        config = slack_config(make_config, fake)
        async with slack_server(config) as api:
            started = time.monotonic()
            assert await post_event(api, file_share("C1", TS, files)) == 200
            assert time.monotonic() - started < 3, "Slack needs its ack within 3 seconds"
            report = await wait_batch_replied(api, "C1")
            await fake.wait_for(
                lambda: ("C1", TS) in fake.reactions and "eyes" not in fake.reactions[("C1", TS)]
            )

    assert report.reference == f"C1:{TS}"
    assert report.outlet_id == "olt-1"
    assert [inv.filename for inv in report.invoices] == ["march.pdf", "april.pdf"]
    assert {inv.number for inv in report.invoices} == {"INV-MAR-1", "INV-APR-2"}
    assert report.reply_to["user"] == "U1"
    # the files were fetched with the bot token
    assert [auth for _, auth in fake.downloads] == [f"Bearer {BOT_TOKEN}"] * 2
    # one message in the thread: "receiving", then "received ... batch <id>", then the summary
    thread = _thread_messages(fake, "C1", TS)
    assert len(thread) == 1, thread
    assert thread[0]["text"].startswith("Receiving 2 files")
    updates = [c.args for c in fake.named("chat.update")]
    assert any(f"Received 2 files, batch {report.id}" in u["text"] for u in updates)
    final = fake.messages[report.reply_to["reply_ts"]]
    assert final["text"].startswith(f"Batch {report.id} for Kitchen olt-1: 2 files, done")
    for invoice in report.invoices:
        assert invoice.filename in final["text"]
        assert str(invoice.number) in final["text"]
        assert "Fresh Greens BV" in final["text"]
        assert "2024-03-01" in final["text"]
        assert "EUR 121.00" in final["text"]
    assert any(b["type"] == "section" for b in final["blocks"])
    # the reaction shows the state: eyes while reading; no PO linked, so a person has a look
    assert [c.args["name"] for c in fake.named("reactions.add")] == ["eyes", "warning"]
    assert fake.reactions[("C1", TS)] == {"warning"}


async def test_mixed_files_each_refused_for_its_reason(make_config: ConfigFactory) -> None:
    async with fake_slack() as fake:
        files = [
            fake.add_file("good.pdf", invoice_pdf()),
            fake.add_file("menu.png", b"\x89PNG\r\n\x1a\n....", mimetype="image/png"),
            fake.add_file("login.pdf", invoice_pdf(), served_type="text/html"),
            fake.add_file("fake.pdf", b"hello, not a pdf at all"),
            fake.add_file("huge.pdf", invoice_pdf()) | {"size": 10**9},
        ]
        # a file the event only names: its download link comes from files.info
        stub = fake.add_file("stub.pdf", invoice_pdf())
        files.append({"id": stub["id"], "file_access": "check_file_info"})
        config = slack_config(make_config, fake)
        async with slack_server(config, extractor=FakeExtractor()) as api:
            assert await post_event(api, file_share("C1", TS, files)) == 200
            report = await wait_batch_replied(api, "C1")

    assert [inv.filename for inv in report.invoices] == ["good.pdf", "stub.pdf"]
    refused = {r.filename: r.code for r in report.refused}
    assert refused == {
        "menu.png": "not_a_pdf",
        "login.pdf": "not_a_pdf",
        "fake.pdf": "not_a_pdf",
        "huge.pdf": "file_too_large",
    }
    assert [c.args["file"] for c in fake.named("files.info")] == [stub["id"]]
    # a picture, or a file over the limit, is not downloaded at all
    downloaded = [file_id for file_id, _ in fake.downloads]
    assert "F0002" not in downloaded and "F0005" not in downloaded
    received = next(
        c.args["text"] for c in fake.named("chat.update") if "Received 6 files" in c.args["text"]
    )
    assert "menu.png is not a PDF file" in received
    assert "login.pdf: Slack sent a web page" in received
    final = fake.messages[report.reply_to["reply_ts"]]["text"]
    assert "Not imported: menu.png is not a PDF file" in final
    assert fake.reactions[("C1", TS)] == {"warning"}


async def test_an_unlinked_channel_gets_one_short_reply(make_config: ConfigFactory) -> None:
    async with fake_slack() as fake:
        files = [fake.add_file("march.pdf", invoice_pdf())]
        config = slack_config(make_config, fake)
        async with slack_server(config, extractor=FakeExtractor()) as api:
            assert await post_event(api, file_share("C9", TS, files)) == 200
            await fake.wait_for(lambda: fake.posted("C9"))
            # Slack retries: no second reply
            retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
            assert await post_event(api, file_share("C9", TS, files), headers=retry) == 200
            await asyncio.sleep(0.3)
            assert await channel_batches(api, "C9") == []

    (reply,) = fake.posted("C9")
    assert reply["thread_ts"] == TS
    assert "not linked to an outlet" in reply["text"]
    assert fake.downloads == []


async def test_a_retried_event_never_makes_a_second_batch(make_config: ConfigFactory) -> None:
    async with fake_slack() as fake:
        files = [fake.add_file("march.pdf", invoice_pdf())]
        config = slack_config(make_config, fake)
        event = file_share("C1", TS, files)
        retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        async with slack_server(config, extractor=FakeExtractor()) as api:
            # the first delivery and its retry arrive together
            statuses = await asyncio.gather(
                post_event(api, event), post_event(api, event, headers=retry)
            )
            assert statuses == [200, 200]
            first = await wait_batch_replied(api, "C1")
        # another server (a restart, another process) gets the same event id again
        async with slack_server(config, outlets=(), extractor=FakeExtractor()) as api:
            assert await post_event(api, event, headers={"X-Slack-Retry-Num": "2"}) == 200
            await asyncio.sleep(0.5)
            assert [b.id for b in await channel_batches(api, "C1")] == [first.id]

    assert len(_thread_messages(fake, "C1", TS)) == 1
    assert len(fake.downloads) == 1


async def test_bad_signatures_and_old_requests_are_refused(make_config: ConfigFactory) -> None:
    async with fake_slack() as fake:
        files = [fake.add_file("march.pdf", invoice_pdf())]
        config = slack_config(make_config, fake)
        async with slack_server(config, extractor=FakeExtractor()) as api:
            event = file_share("C1", TS, files)
            assert await post_event(api, event, secret="not-the-secret") == 401
            old = int(time.time()) - 6 * 60
            assert await post_event(api, event, timestamp=old) == 401
            await asyncio.sleep(0.3)
            assert await channel_batches(api, "C1") == []

    assert fake.downloads == []
    assert fake.posted() == []


async def test_the_done_reply_is_posted_when_the_first_message_is_gone(
    make_config: ConfigFactory,
) -> None:
    """Slack refused the "receiving" message: the summary is posted, once, at the end."""
    async with fake_slack() as fake:
        files = [fake.add_file("march.pdf", invoice_pdf())]
        fake.failures["chat.postMessage"] = 1
        config = slack_config(make_config, fake)
        async with slack_server(config, extractor=FakeExtractor()) as api:
            assert await post_event(api, file_share("C1", TS, files)) == 200
            report = await wait_batch_replied(api, "C1")

    thread = sorted(m["text"].split(":")[0] for m in _thread_messages(fake, "C1", TS))
    assert thread == [f"Batch {report.id} for Kitchen olt-1", f"Received 1 file, batch {report.id}"]
    assert report.invoices[0].status == ProcessingStatus.PROCESSED


async def test_files_shared_within_the_window_are_gathered_into_one_batch(
    make_config: ConfigFactory,
) -> None:
    async with fake_slack() as fake:
        config = slack_config(make_config, fake, gather_seconds=0.5)
        first, second, other = "1700000000.000100", "1700000000.000200", "1700000000.000300"
        async with slack_server(config, extractor=FakeExtractor()) as api:
            a = [fake.add_file("a.pdf", invoice_pdf())]
            b = [fake.add_file("b.pdf", invoice_pdf())]
            c = [fake.add_file("c.pdf", invoice_pdf())]
            assert await post_event(api, file_share("C1", first, a), event_id="Ev1") == 200
            assert await post_event(api, file_share("C1", second, b), event_id="Ev2") == 200
            assert await post_event(api, file_share("C1", other, c, user="U2"), "Ev3") == 200
            await fake.wait_for(lambda: len(fake.named("reactions.remove")) == 3)
            found = {b.reference: b for b in await channel_batches(api, "C1")}

    assert set(found) == {f"C1:{first}", f"C1:{other}"}
    gathered = found[f"C1:{first}"]
    assert gathered.counts == {ProcessingStatus.PROCESSED: 2}
    assert gathered.reply_to["messages"] == [first, second]
    assert found[f"C1:{other}"].counts == {ProcessingStatus.PROCESSED: 1}
    # every gathered message shows the state; the answer is in the first one's thread
    assert fake.reactions[("C1", first)] == fake.reactions[("C1", second)] == {"warning"}
    assert _thread_messages(fake, "C1", second) == []
    assert len(_thread_messages(fake, "C1", first)) == 1


async def test_a_batch_with_nothing_to_look_at_gets_a_check_mark(
    make_config: ConfigFactory,
) -> None:
    """Supplier and order linked, prices as ordered: the eyes make way for a check mark."""
    fields = FieldsExtractor()
    async with fake_slack() as fake:
        config = slack_config(make_config, fake, public_url="https://invoices.example.test")
        async with slack_server(config, extractor=fields) as api:
            token = await api.token()
            supplier = {"id": "sup-7", "name": "Fresh Greens", "tax_id": "NL123456789B01"}
            status, _ = await api.send("POST", token, "/api/v2/suppliers/", supplier)
            assert status == 201
            order = {
                "order_number": "PO-0042",
                "outlet": "olt-1",
                "supplier": "sup-7",
                "ordered_on": "2024-02-25",
                "total": "29.00",
                "lines": [
                    {"description": "Tomatoes", "quantity": "10", "unit": "kg",
                     "unit_price": "2.90", "total": "29.00"},
                ],
            }  # fmt: skip
            status, _ = await api.send("POST", token, "/api/v2/procurement/purchase_orders/", order)
            assert status == 201
            content = fields.pdf(extracted("INV-1", "29.00", "PO-0042"))
            files = [fake.add_file("tomatoes.pdf", content)]
            assert await post_event(api, file_share("C1", TS, files)) == 200
            report = await wait_batch_replied(api, "C1")
            await fake.wait_for(lambda: fake.reactions.get(("C1", TS)) == {"white_check_mark"})

    (invoice,) = report.invoices
    assert (invoice.supplier_name, invoice.purchase_orders, invoice.attention) == (
        "Fresh Greens",
        ("PO-0042",),
        (),
    )
    final = fake.messages[report.reply_to["reply_ts"]]["text"]
    assert final.startswith(f"Batch {report.id} for Kitchen olt-1: 1 file, done, all processed")
    assert "PO PO-0042" in final
    link = f"<https://invoices.example.test/review/invoices/{invoice.id}|tomatoes.pdf>"
    blocks = str(fake.messages[report.reply_to["reply_ts"]]["blocks"])
    assert link in blocks
    assert f"https://invoices.example.test/review/batches/{report.id}" in final
    assert [c.args["name"] for c in fake.named("reactions.add")] == ["eyes", "white_check_mark"]


async def test_the_ack_comes_before_the_download_and_a_thread_is_answered_in_place(
    make_config: ConfigFactory,
) -> None:
    parent = "1699999999.000001"
    async with fake_slack() as fake:
        files = [fake.add_file("slow.pdf", invoice_pdf(), delay=4)]
        event = file_share("C1", TS, files) | {"thread_ts": parent}
        config = slack_config(make_config, fake)
        async with slack_server(config, extractor=FakeExtractor()) as api:
            started = time.monotonic()
            assert await post_event(api, event) == 200
            assert time.monotonic() - started < 2.5, "acked only after the download"
            report = await wait_batch_replied(api, "C1")

    assert report.reference == f"C1:{TS}"
    (reply,) = fake.posted("C1")
    assert reply["thread_ts"] == parent
    assert fake.reactions[("C1", TS)] == {"warning"}


async def test_slack_checks_the_request_url(make_config: ConfigFactory) -> None:
    async with fake_slack() as fake:
        async with slack_server(slack_config(make_config, fake), outlets=()) as api:
            body = json.dumps({"token": "t", "challenge": "ch-123", "type": "url_verification"})
            headers = {"Content-Type": "application/json", **signed(body)}
            async with api.http.post(f"{api.base}/slack/events", data=body, headers=headers) as r:
                assert r.status == 200
                assert (await r.json())["challenge"] == "ch-123"
