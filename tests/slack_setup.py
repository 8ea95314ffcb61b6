"""Shared steps of the Slack tests: a config with the fake's URL and tokens, a running server,
signed requests to it, and waiting for a channel's batch."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from bot.config import Config, SlackRoute
from bot.extract.base import Extractor
from bot.report import BatchReport
from storage.batches import BatchFilter
from storage.status import Channel
from tests.conftest import ConfigFactory
from tests.harness import Api, serve
from tests.slack_fake import (
    APP_TOKEN,
    BOT_TOKEN,
    SIGNING_SECRET,
    FakeSlack,
    command_form,
    event_body,
    signed,
)


def slack_config(
    make_config: ConfigFactory,
    fake: FakeSlack,
    routes: Sequence[dict[str, str]] = ({"channel": "C1", "outlet": "olt-1"},),
    socket_mode: bool = False,
    public_url: str = "",
    **slack: Any,
) -> Config:
    """The test's config with ``[slack]`` on and the secrets as the environment would give them."""
    config = make_config(
        slack={"enabled": True, "api_url": fake.api_url, **slack},
        http={"public_url": public_url},
    )
    section = dataclasses.replace(
        config.slack,
        routes=tuple(SlackRoute(**r) for r in routes),
        bot_token=BOT_TOKEN,
        signing_secret=SIGNING_SECRET,
        app_token=APP_TOKEN if socket_mode else None,
    )
    return dataclasses.replace(config, slack=section)


@asynccontextmanager
async def slack_server(
    config: Config,
    outlets: Sequence[str] = ("olt-1",),
    extractor: Extractor | None = None,
    run_workers: bool = True,
) -> AsyncIterator[Api]:
    async with serve(config, run_workers=run_workers, extractor=extractor) as api:
        for outlet in outlets:
            await api.outlet(outlet, name=f"Kitchen {outlet}")
        yield api


async def post_event(
    api: Api,
    event: dict[str, Any],
    event_id: str = "Ev0001",
    headers: dict[str, str] | None = None,
    secret: str = SIGNING_SECRET,
    timestamp: int | None = None,
) -> int:
    body = json.dumps(event_body(event, event_id))
    sent = {"Content-Type": "application/json", **signed(body, secret, timestamp)}
    async with api.http.post(
        f"{api.base}/slack/events", data=body, headers={**sent, **(headers or {})}
    ) as resp:
        await resp.read()
        return resp.status


async def command(api: Api, channel: str, text: str) -> tuple[int, dict[str, Any]]:
    body = command_form(channel, text)
    headers = {"Content-Type": "application/x-www-form-urlencoded", **signed(body)}
    async with api.http.post(f"{api.base}/slack/events", data=body, headers=headers) as resp:
        return resp.status, (await resp.json() if resp.status == 200 else {})


async def channel_batches(api: Api, channel: str) -> Sequence[BatchReport]:
    _, found = await api.services.invoices.batches(
        BatchFilter(channel=Channel.SLACK, reference_prefix=f"{channel}:"), 0, 5
    )
    return found


async def wait_batch_replied(api: Api, channel: str, seconds: float = 60) -> BatchReport:
    """The channel's one batch, once it is done and its reply was sent."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while True:
        found = await channel_batches(api, channel)
        if found:
            report = await api.services.invoices.batch(found[0].id)
            if report.done and report.reply.status == "sent":
                return report
        assert loop.time() < deadline, f"no replied batch in {channel}: {found}"
        await asyncio.sleep(0.05)
