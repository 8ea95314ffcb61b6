"""The Slack channel as the composition root sees it: routes, notifier, listeners."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels import WebHandler, WebPath
from bot.config import SlackConfig
from bot.doctor import Check, State
from handlers.slack.app import Background, build_bolt_app
from handlers.slack.client import SlackClient
from handlers.slack.command import InvoicesCommand
from handlers.slack.files import FileDownloader
from handlers.slack.notifier import SlackNotifier
from handlers.slack.shares import FileShares
from handlers.slack.socket import SocketMode
from storage.status import Channel

if TYPE_CHECKING:
    from bot.app import Services

EVENTS = WebPath("POST", "/slack/events")
#: how long stopping waits for files still being received
STOP_GRACE = 30.0


class SlackRuntime:
    channel = Channel.SLACK

    def __init__(self, config: SlackConfig, services: Services, bot_token: str) -> None:
        self.config = config
        self.web = AsyncWebClient(token=bot_token, base_url=_base(config.api_url))
        self.client = SlackClient(self.web)
        self.notifier = SlackNotifier(self.client)
        self.background = Background()
        self.shares = FileShares(
            config,
            services,
            self.client,
            FileDownloader(self.client, bot_token, services.config.limits.max_file_size),
        )
        self.bolt = build_bolt_app(
            self.web,
            config.signing_secret or "",
            self.shares,
            InvoicesCommand(config, services),
            self.client,
            self.background,
        )
        self.socket = SocketMode(self.bolt, config.app_token) if config.app_token else None

    def web_handlers(self) -> Mapping[WebPath, WebHandler]:
        return {} if self.socket else {EVENTS: self.handle}

    def describe(self) -> str:
        mode = "Socket Mode" if self.socket else f"HTTP events at {EVENTS.path}"
        return f"{mode}, {len(self.config.routes)} linked channel(s)"

    async def checks(self) -> list[Check]:
        """``doctor``: does Slack accept the bot token?"""
        try:
            answer = await self.web.auth_test()
        except SlackApiError as exc:
            return [
                Check(
                    "slack",
                    State.ERROR,
                    f"Slack refused the bot token: {exc.response.get('error')}",
                    "set $SLACK_BOT_TOKEN to the app's Bot User OAuth Token",
                )
            ]
        except (OSError, aiohttp.ClientError) as exc:
            return [
                Check(
                    "slack",
                    State.ERROR,
                    f"cannot reach Slack at {self.config.api_url}: {exc}",
                    "check the network, or [slack] api_url",
                )
            ]
        return [
            Check(
                "slack",
                State.OK,
                f"token of bot {answer.get('user')} in team {answer.get('team')} accepted",
            )
        ]

    async def handle(self, request: web.Request) -> web.Response:
        """Slack's Events API and slash commands over HTTP (Bolt checks the signature)."""
        response = await self.bolt.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(response)

    async def start(self) -> None:
        if self.socket is not None:
            await self.socket.start()

    async def stop(self) -> None:
        if self.socket is not None:
            await self.socket.stop()
        await self.background.drain(STOP_GRACE)


def _base(url: str) -> str:
    return url if url.endswith("/") else url + "/"
