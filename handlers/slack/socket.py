"""Socket Mode: the app connects out to Slack over a websocket, no public URL needed.

slack-bolt's own aiohttp adapter carries the envelopes to the same Bolt app as HTTP mode; it is
opened only by ``serve`` (``worker`` processes send replies through the Web API alone). A token
Slack refuses stops the start; a network that is down is retried by the adapter in the
background while the rest of the server runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import aiohttp
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.errors import ConfigError

log = logging.getLogger(__name__)


class SocketMode:
    def __init__(self, app: AsyncApp, app_token: str) -> None:
        self.app = app
        self.app_token = app_token
        self.handler: AsyncSocketModeHandler | None = None
        self.connecting: asyncio.Task[None] | None = None

    async def start(self) -> None:
        handler = AsyncSocketModeHandler(self.app, self.app_token, web_client=self.app.client)
        self.handler = handler
        try:
            # asks Slack for the websocket URL now, so a wrong app token is said at start
            handler.client.wss_uri = await handler.client.issue_new_wss_url()
        except SlackApiError as exc:
            await self.stop()
            raise ConfigError("SLACK_APP_TOKEN", f"Slack refused Socket Mode: {exc}") from exc
        except (SlackClientError, aiohttp.ClientError, OSError) as exc:
            # the network: the adapter's connect retries until it is back
            log.warning("slack: Socket Mode not reachable yet (%s); retrying", exc)
        self.connecting = asyncio.create_task(handler.connect_async(), name="slack-socket")

    async def stop(self) -> None:
        if self.connecting is not None:
            self.connecting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.connecting
            self.connecting = None
        if self.handler is not None:
            await self.handler.close_async()
            self.handler = None
