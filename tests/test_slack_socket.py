"""Socket Mode: ``serve`` connects through slack-bolt's aiohttp socket-mode adapter to a fake
websocket endpoint on loopback; events and commands come down the socket and are acked there."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

import pytest

from bot.errors import ConfigError
from tests.conftest import ConfigFactory
from tests.fakes import FakeExtractor
from tests.pdfs import invoice_pdf
from tests.slack_fake import FakeSlack, event_body, fake_slack, file_share
from tests.slack_setup import slack_config, slack_server, wait_batch_replied

TS = "1700000000.000100"


def _ack(fake: FakeSlack, envelope_id: str) -> dict[str, Any] | None:
    return next((a for a in fake.acks if a.get("envelope_id") == envelope_id), None)


async def test_socket_mode_receives_files_and_answers_commands(
    make_config: ConfigFactory,
) -> None:
    async with fake_slack() as fake:
        config = slack_config(make_config, fake, socket_mode=True)
        async with slack_server(config, extractor=FakeExtractor()) as api:
            # connected at start, with the app-level token (the fake refuses any other), to the
            # URL the Web API gave
            await fake.wait_for(fake.connected.is_set)
            (opened,) = fake.named("apps.connections.open")
            assert opened.answer["ok"] is True
            # no public URL is served in Socket Mode
            async with api.http.post(f"{api.base}/slack/events", data="{}") as resp:
                assert resp.status == 404

            files = [fake.add_file("march.pdf", invoice_pdf())]
            sent = time.monotonic()
            event = await fake.send_envelope("events_api", event_body(file_share("C1", TS, files)))
            await fake.wait_for(lambda: _ack(fake, event) is not None, seconds=3)
            assert time.monotonic() - sent < 3
            report = await wait_batch_replied(api, "C1")

            command = await fake.send_envelope(
                "slash_commands",
                {
                    "command": "/invoices",
                    "text": "status",
                    "channel_id": "C1",
                    "user_id": "U1",
                    "team_id": "T1",
                    "api_app_id": "A1",
                    "response_url": "http://127.0.0.1:9/none",
                    "trigger_id": "t",
                },
            )
            await fake.wait_for(lambda: _ack(fake, command) is not None, seconds=3)

    assert report.reference == f"C1:{TS}"
    assert [inv.filename for inv in report.invoices] == ["march.pdf"]
    final = fake.messages[report.reply_to["reply_ts"]]["text"]
    assert final.startswith(f"Batch {report.id} for Kitchen olt-1: 1 file, done")
    answer = _ack(fake, command)
    assert answer is not None
    assert answer["payload"]["response_type"] == "ephemeral"
    assert report.id in answer["payload"]["text"]


async def test_a_refused_app_token_stops_the_start(make_config: ConfigFactory) -> None:
    async with fake_slack() as fake:
        config = slack_config(make_config, fake, socket_mode=True)
        config = dataclasses.replace(
            config, slack=dataclasses.replace(config.slack, app_token="xapp-revoked")
        )
        with pytest.raises(ConfigError, match="SLACK_APP_TOKEN: Slack refused Socket Mode"):
            async with slack_server(config, outlets=()):
                pass
    assert fake.sockets == []
