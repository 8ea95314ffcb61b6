"""Socket Mode: the app connects out to Slack over a websocket, no public URL needed.

slack-bolt's own aiohttp adapter carries the envelopes to the same Bolt app as HTTP mode; it is
opened only by ``serve`` (``worker`` processes send replies through the Web API alone).
"""

from __future__ import annotations

import logging

from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackClientError

from bot.errors import ConfigError

log = logging.getLogger(__name__)


class SocketMode:
    def __init__(self, app: AsyncApp, app_token: str) -> None:
        self.app = app
        self.app_token = app_token
        self.handler: AsyncSocketModeHandler | None = None

    async def start(self) -> None:
        """Connect; a refused app token stops the start with a message saying so."""
        self.handler = AsyncSocketModeHandler(self.app, self.app_token, web_client=self.app.client)
        try:
            await self.handler.connect_async()
        except SlackClientError as exc:
            await self.handler.close_async()
            self.handler = None
            raise ConfigError("SLACK_APP_TOKEN", f"Socket Mode did not connect: {exc}") from exc
        log.info("slack: connected in Socket Mode")

    async def stop(self) -> None:
        if self.handler is not None:
            await self.handler.close_async()
            self.handler = None
