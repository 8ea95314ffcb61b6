"""The Bolt app: its listeners, and the one place where errors become Slack replies.

Events are acknowledged before their listener runs (Bolt's default, not "process before
response"), so a file share is answered to Slack at once and received afterwards; the listener
tasks are kept in :class:`Background` so that stopping waits for them. ``/invoices`` answers in
its acknowledgement, ephemeral, from the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import InvoicebotError, StorageError, StoreUnavailable
from handlers.slack import blocks
from handlers.slack.client import SlackClient
from handlers.slack.command import InvoicesCommand
from handlers.slack.shares import FileShares

log = logging.getLogger(__name__)

#: what the app needs of Slack, and nothing more (manifest*.yaml say the same; a test checks)
BOT_SCOPES = (
    "channels:history",  # message.channels
    "groups:history",  # message.groups
    "files:read",  # files.info, downloads
    "chat:write",  # replies
    "reactions:write",  # the state at a glance
    "commands",  # /invoices
)
BOT_EVENTS = ("message.channels", "message.groups")
COMMAND = "/invoices"


class Background:
    """The listener tasks running after their ack, so ``stop`` can let them finish."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[Any]] = set()

    async def run(self, work: Awaitable[None]) -> None:
        task = asyncio.current_task()
        assert task is not None
        self.tasks.add(task)
        try:
            await work
        finally:
            self.tasks.discard(task)

    async def drain(self, grace: float) -> None:
        """Wait up to ``grace`` seconds for running work, then cancel it."""
        pending = {t for t in self.tasks if t is not asyncio.current_task()}
        if not pending:
            return
        _, late = await asyncio.wait(pending, timeout=grace)
        for task in late:
            task.cancel()
        for task in late:
            with contextlib.suppress(asyncio.CancelledError):
                await task


def build_bolt_app(
    web: AsyncWebClient,
    signing_secret: str,
    shares: FileShares,
    invoices_command: InvoicesCommand,
    client: SlackClient,
    background: Background,
) -> AsyncApp:
    logger = logging.getLogger("handlers.slack.bolt")
    # Bolt reads $SLACK_BOT_TOKEN itself and warns that the client we give wins over it; the
    # client carries that very token, so the warning would only puzzle whoever reads the log
    if not any(isinstance(f, _NotTheTokenWarning) for f in logger.filters):
        logger.addFilter(_NotTheTokenWarning())
    app = AsyncApp(name="invoicebot", client=web, signing_secret=signing_secret, logger=logger)

    @app.event({"type": "message", "subtype": "file_share"})
    async def on_file_share(event: Mapping[str, Any]) -> None:
        await background.run(shares.on_message(event))

    @app.event("message")
    async def on_other_message() -> None:
        """Every other message of a channel the bot is in: nothing to do (but acknowledged)."""

    @app.command(COMMAND)
    async def on_invoices(ack: Callable[..., Awaitable[None]], command: Mapping[str, Any]) -> None:
        answer = await invoices_command.answer(
            str(command.get("channel_id", "")), str(command.get("text", ""))
        )
        await ack(response_type="ephemeral", text=answer.text, blocks=answer.blocks)

    @app.error
    async def on_error(
        error: Exception, body: Mapping[str, Any], response: BoltResponse | None
    ) -> BoltResponse | None:
        return await reply_to_error(error, body, response, client)

    return app


async def reply_to_error(
    error: Exception,
    body: Mapping[str, Any],
    response: BoltResponse | None,
    client: SlackClient,
) -> BoltResponse | None:
    """Errors become replies here: an ephemeral answer to a command, a message in the thread of
    an event. Ours carry words for the user; anything else is logged and said vaguely."""
    if isinstance(error, StorageError):
        log.error("slack: storage error: %s", error.detail)
        words = "The invoice database is unavailable right now; please try again in a minute."
    elif isinstance(error, StoreUnavailable):
        log.error("slack: file store error: %s", error.detail)
        words = "The file store is unavailable right now; please try again in a minute."
    elif isinstance(error, InvoicebotError):
        words = error.detail
    else:
        log.error("slack: listener failed", exc_info=error)
        words = "Something went wrong on our side; it has been logged."
    if body.get("command"):
        if response is None:
            return None  # already answered
        rendered = blocks.message(words)
        payload = {"response_type": "ephemeral", "text": rendered.text, "blocks": rendered.blocks}
        return BoltResponse(
            status=200, body=json.dumps(payload), headers={"content-type": "application/json"}
        )
    event = body.get("event") or {}
    if event.get("channel") and event.get("ts"):
        rendered = blocks.message(f"Sorry, these files could not be imported: {words}")
        try:
            thread = event.get("thread_ts") or event["ts"]
            await client.post(event["channel"], thread, rendered.text, rendered.blocks)
        except InvoicebotError as exc:
            log.warning("slack: could not say %r in the thread: %s", words, exc.detail)
    return None


class _NotTheTokenWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return warning_client_prioritized_and_token_skipped() not in record.getMessage()
