"""The done reply in Slack when Slack fails part of the way: retried by the durable job,
never a second summary in the thread; and errors said in the thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import ConfigFactory
from tests.fakes import FakeExtractor
from tests.pdfs import invoice_pdf
from tests.slack_fake import Call, FakeSlack, fake_slack, file_share
from tests.slack_setup import (
    channel_batches,
    post_event,
    slack_config,
    slack_server,
    wait_batch_replied,
)

TS = "1700000000.000100"


def _thread(fake: FakeSlack, ts: str = TS) -> list[dict[str, Any]]:
    return [m for m in fake.posted("C1") if m.get("thread_ts") == ts]


class Outage:
    """Refuses the first ``times`` calls that ``match``."""

    def __init__(self, times: int, match: Callable[[Call], bool]) -> None:
        self.left = times
        self.match = match

    def __call__(self, call: Call) -> str | None:
        if self.left and self.match(call):
            self.left -= 1
            return "service_unavailable"
        return None


async def test_a_failed_summary_update_is_retried_in_the_same_message(
    make_config: ConfigFactory,
) -> None:
    async with fake_slack() as fake:
        fake.refuse = Outage(
            2, lambda c: c.method == "chat.update" and str(c.args["text"]).startswith("Batch")
        )
        config = slack_config(make_config, fake)
        async with slack_server(config, extractor=FakeExtractor()) as api:
            assert (
                await post_event(api, file_share("C1", TS, [fake.add_file("a.pdf", invoice_pdf())]))
                == 200
            )
            report = await wait_batch_replied(api, "C1")

    assert report.reply.attempts >= 2
    assert len(_thread(fake)) == 1
    final = fake.messages[report.reply_to["reply_ts"]]["text"]
    assert final.startswith(f"Batch {report.id} for Kitchen olt-1: 1 file, done")


async def test_a_summary_posted_before_a_failure_is_updated_not_posted_again(
    make_config: ConfigFactory,
) -> None:
    """No "received" message to replace: the summary is posted and its ts recorded at once,
    so the retry after a failed reaction updates it."""
    async with fake_slack() as fake:
        fake.failures["chat.postMessage"] = 1  # the "receiving" message
        fake.refuse = Outage(1, lambda c: c.method == "reactions.add" and c.args["name"] != "eyes")
        config = slack_config(make_config, fake)
        async with slack_server(config, extractor=FakeExtractor()) as api:
            assert (
                await post_event(api, file_share("C1", TS, [fake.add_file("a.pdf", invoice_pdf())]))
                == 200
            )
            report = await wait_batch_replied(api, "C1")

    assert report.reply.attempts == 2
    summaries = [m for m in _thread(fake) if str(m["text"]).startswith("Batch")]
    assert len(summaries) == 1, _thread(fake)
    assert fake.reactions[("C1", TS)] == {"warning"}


async def test_a_route_to_an_unknown_outlet_is_said_in_the_thread(
    make_config: ConfigFactory,
) -> None:
    async with fake_slack() as fake:
        routes = ({"channel": "C1", "outlet": "olt-404"},)
        config = slack_config(make_config, fake, routes=routes)
        async with slack_server(config, extractor=FakeExtractor()) as api:
            assert (
                await post_event(api, file_share("C1", TS, [fake.add_file("a.pdf", invoice_pdf())]))
                == 200
            )
            await fake.wait_for(lambda: _thread(fake))
            assert await channel_batches(api, "C1") == []

    (reply,) = _thread(fake)
    assert (
        reply["text"] == "Sorry, these files could not be imported: outlet olt-404 does not exist"
    )
    assert fake.downloads == []
