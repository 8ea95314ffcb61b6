"""The few Slack Web API calls the channel makes, over slack_sdk's async client.

Only this module knows slack_sdk's exceptions: a failed call becomes
:class:`~bot.errors.ReplyError` (the reply job retries it). Reactions are made idempotent here:
adding one that is there, or removing one that is not, is success, so a retried reply never
fails on what its first attempt already did.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import ReplyError


class MessageGone(ReplyError):
    """The message to update was deleted (or never was): post a new one instead."""


class SlackClient:
    def __init__(self, web: AsyncWebClient) -> None:
        self.web = web

    async def post(
        self, channel: str, thread_ts: str | None, text: str, blocks: Sequence[Any] = ()
    ) -> str:
        """Post in the thread of ``thread_ts`` (none: in the channel); returns the ts."""
        response = await self._call(
            "chat.postMessage",
            channel=channel,
            thread_ts=thread_ts,
            text=text,
            blocks=list(blocks) or None,
            unfurl_links=False,
        )
        return str(response["ts"])

    async def update(self, channel: str, ts: str, text: str, blocks: Sequence[Any] = ()) -> None:
        try:
            await self._call("chat.update", channel=channel, ts=ts, text=text, blocks=list(blocks))
        except MessageGone:
            raise
        except ReplyError as exc:
            if "message_not_found" in exc.detail or "cant_update_message" in exc.detail:
                raise MessageGone(exc.detail) from exc
            raise

    async def react(self, channel: str, ts: str, name: str) -> None:
        await self._call(
            "reactions.add",
            ok_errors=("already_reacted",),
            channel=channel,
            timestamp=ts,
            name=name,
        )

    async def unreact(self, channel: str, ts: str, name: str) -> None:
        await self._call(
            "reactions.remove", ok_errors=("no_reaction",), channel=channel, timestamp=ts, name=name
        )

    async def file_info(self, file_id: str) -> Mapping[str, Any]:
        response = await self._call("files.info", file=file_id)
        return dict(response["file"])

    async def _call(
        self, method: str, ok_errors: Sequence[str] = (), **args: Any
    ) -> Mapping[str, Any]:
        args = {k: v for k, v in args.items() if v is not None}
        try:
            response = await self._send(method, args)
        except SlackApiError as exc:
            error = str(exc.response.get("error", "")) if exc.response is not None else ""
            if error in ok_errors:
                return {"ok": True}
            raise ReplyError(f"Slack {method} failed: {error or exc}") from exc
        except (SlackClientError, aiohttp.ClientError, TimeoutError) as exc:
            raise ReplyError(f"Slack {method} failed: {exc}") from exc
        data: Mapping[str, Any] = response.data if isinstance(response.data, dict) else {}
        return data

    async def _send(self, method: str, args: dict[str, Any]) -> Any:
        if method in ("chat.postMessage", "chat.update"):
            return await self.web.api_call(method, json=args)
        if method == "files.info":
            return await self.web.api_call(method, http_verb="GET", params=args)
        return await self.web.api_call(method, params=args)
