"""``/invoices``: signed slash commands to our server, answered ephemeral from the database."""

from __future__ import annotations

import time
from typing import Any

from tests.conftest import ConfigFactory
from tests.fakes import FakeExtractor
from tests.harness import Api
from tests.pdfs import invoice_pdf
from tests.slack_fake import FakeSlack, fake_slack, file_share
from tests.slack_setup import command, post_event, slack_config, slack_server, wait_batch_replied

ROUTES = (
    {"channel": "C1", "outlet": "olt-1"},
    {"channel": "C2", "outlet": "olt-2"},
)


async def _share(api: Api, fake: FakeSlack, channel: str, ts: str, names: list[str]) -> str:
    files = [fake.add_file(name, invoice_pdf()) for name in names]
    assert await post_event(api, file_share(channel, ts, files), event_id=f"Ev{ts}") == 200
    return (await wait_batch_replied(api, channel)).id


async def _ask(api: Api, channel: str, text: str) -> dict[str, Any]:
    started = time.monotonic()
    status, body = await command(api, channel, text)
    assert time.monotonic() - started < 3, "a slash command must be answered within 3 seconds"
    assert status == 200
    assert body["response_type"] == "ephemeral"
    assert body["blocks"], body
    return body


async def test_status_lists_this_channels_batches_and_shows_one_in_detail(
    make_config: ConfigFactory,
) -> None:
    # the first file read fails: an ERROR for `pending`
    extractor = FakeExtractor(script=lambda n: "fail" if n == 1 else "ok")
    async with fake_slack() as fake:
        config = slack_config(make_config, fake, routes=ROUTES)
        async with slack_server(config, outlets=("olt-1", "olt-2"), extractor=extractor) as api:
            mine = await _share(api, fake, "C1", "1700000001.000100", ["a.pdf", "b.pdf"])
            theirs = await _share(api, fake, "C2", "1700000002.000100", ["c.pdf"])

            listed = await _ask(api, "C1", "status")
            detail = await _ask(api, "C1", f"status {mine}")
            other = await _ask(api, "C1", f"status {theirs}")
            unknown = await _ask(api, "C1", "status no-such-batch")
            pending = await _ask(api, "C1", "pending")
            elsewhere = await _ask(api, "C2", "pending")
            helped = await _ask(api, "C1", "help")
            unlinked = await _ask(api, "C7", "status")
            wrong = await _ask(api, "C1", "frobnicate")

    assert mine in listed["text"] and theirs not in listed["text"]
    assert "1 PROCESSED, 1 ERROR" in listed["text"]
    assert detail["text"].startswith(f"Batch {mine} for Kitchen olt-1: 2 files, done")
    assert "a.pdf" in detail["text"] and "b.pdf" in detail["text"]
    assert "cannot read this document (fake)" in detail["text"]
    # another outlet's batch is not shown: the same words as an id that does not exist
    assert other["text"] == f"bulk importation {theirs} does not exist"
    assert unknown["text"] == "bulk importation no-such-batch does not exist"
    assert pending["text"].startswith("1 invoice at olt-1 needs a person")
    assert ("a.pdf" in pending["text"]) != ("b.pdf" in pending["text"])
    assert "error: cannot read this document (fake)" in pending["text"]
    assert elsewhere["text"] == "Nothing needs a person at olt-2."
    assert "/invoices pending" in helped["text"]
    assert "not linked to an outlet" in unlinked["text"]
    assert "I don't know `/invoices frobnicate`" in wrong["text"]


async def test_status_of_a_channel_without_batches(make_config: ConfigFactory) -> None:
    async with fake_slack() as fake:
        config = slack_config(make_config, fake)
        async with slack_server(config, extractor=FakeExtractor()) as api:
            body = await _ask(api, "C1", "status")
            status, _ = await command(api, "C1", "status")
            assert status == 200
    assert body["text"] == "No batches from this channel (C1) yet."
