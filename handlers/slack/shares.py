"""Files shared in a channel become one batch, answered in the message's thread.

The steps, all after Slack got its ack: the channel's route gives the outlet; a message seen
before (Slack's retries, a repeated event id) is dropped; the message gets an "eyes" reaction
and a "Receiving N files" reply whose ts is stored with the batch (``reply_to["reply_ts"]``) so
that the done summary replaces it; the files are downloaded into one intake session; the reply
then says "received N files, batch <id>" and which files were refused.

The batch's source reference is ``<channel>:<ts>`` of the (first) file-share message: whatever
arrives twice, in this process or another, the intake returns the first batch and creates
nothing.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.batch import BatchRequest, IntakeResult, Sender, Source
from bot.config import SlackConfig, SlackRoute
from bot.errors import InvoicebotError, ReplyError
from handlers.slack import blocks
from handlers.slack.client import MessageGone, SlackClient
from handlers.slack.files import FileDownloader
from storage.status import Channel

if TYPE_CHECKING:
    from bot.app import Services

log = logging.getLogger(__name__)

EYES = "eyes"
#: messages remembered to drop Slack's retries early (the database is the real guard)
SEEN = 2000


@dataclass(frozen=True)
class Share:
    """One ``file_share`` message."""

    channel: str
    ts: str
    user: str | None
    files: list[Mapping[str, Any]]
    #: the thread to answer in: the message's own, or the one it was shared into
    thread: str = ""

    @classmethod
    def of(cls, event: Mapping[str, Any]) -> Share:
        return cls(
            str(event["channel"]),
            str(event["ts"]),
            event.get("user"),
            [f for f in event.get("files") or [] if isinstance(f, Mapping)],
            str(event.get("thread_ts") or event["ts"]),
        )


class FileShares:
    def __init__(
        self,
        config: SlackConfig,
        services: Services,
        client: SlackClient,
        downloader: FileDownloader,
    ) -> None:
        self.config = config
        self.services = services
        self.client = client
        self.downloader = downloader
        self.gatherer = Gatherer(config.gather_seconds, self.receive)
        self._seen: OrderedDict[tuple[str, str], None] = OrderedDict()

    async def on_message(self, event: Mapping[str, Any]) -> None:
        """A ``file_share`` message event, already acknowledged."""
        share = Share.of(event)
        key = (share.channel, share.ts)
        if key in self._seen:
            log.info("slack message %s:%s seen before (a retry); dropped", *key)
            return
        self._seen[key] = None
        while len(self._seen) > SEEN:
            self._seen.popitem(last=False)
        if not share.files:
            return
        if self.config.route(share.channel) is None:
            await self.client.post(
                share.channel, share.thread, **_kw(blocks.not_linked(share.channel))
            )
            return
        await self.gatherer.add(share)

    async def receive(self, shares: Sequence[Share]) -> None:
        """One batch from one message, or from several gathered ones (the first names it)."""
        first = shares[0]
        route = self.config.route(first.channel)
        assert route is not None, "routed in on_message"
        reference = f"{first.channel}:{first.ts}"
        request = BatchRequest(route.outlet, route.supplier or None)
        sender = Sender(address=first.user)
        intake = self.services.intake
        # a route to an outlet that does not exist is said in the thread (the error handler)
        await intake.check_request(request, sender)
        if await intake.find(Source(Channel.SLACK, reference)) is not None:
            log.info("slack message %s was made a batch before; nothing to do", reference)
            return
        files = [f for share in shares for f in share.files]
        for share in shares:
            await self._react(share, EYES)
        reply_ts = await self._post(first, blocks.receiving(len(files)))
        source = Source(
            Channel.SLACK,
            reference,
            {
                "channel": first.channel,
                "thread_ts": first.thread,
                "user": first.user,
                "reply_ts": reply_ts,
                "messages": [share.ts for share in shares],
            },
        )
        async with intake.open(source, request, sender) as batch:
            if batch.previous is None:
                await self.downloader.add_all(batch, files)
            result = await batch.submit()
        await self._answer(first, route, reply_ts, result, len(files))

    async def _answer(
        self,
        share: Share,
        route: SlackRoute,
        reply_ts: str | None,
        result: IntakeResult,
        files: int,
    ) -> None:
        """Say what was received. The batch is committed: nothing here may fail the listener
        (its error reply would say the files were not imported); the done reply follows."""
        shown = await self._show(share, reply_ts, blocks.received(result, files))
        if result.repeated or reply_ts is None or shown != reply_ts:
            return  # the done reply has no message of ours to replace: it posts its own
        # The done reply replaces this message. If the batch finished while we were writing
        # it, that reply may have come first and been overwritten just now: say it again.
        try:
            report = await self.services.invoices.batch(
                result.bulk_importation_id, frozenset({route.outlet})
            )
        except InvoicebotError as exc:
            log.warning("batch %s: not read back: %s", result.bulk_importation_id, exc)
            return
        if report.done:
            await self._show(share, reply_ts, blocks.batch_detail(report))

    async def _show(self, share: Share, ts: str | None, rendered: blocks.Rendered) -> str | None:
        """Show ``rendered`` in message ``ts`` (a new one if it is gone); the ts shown in."""
        if ts is not None:
            try:
                await self.client.update(share.channel, ts, **_kw(rendered))
                return ts
            except MessageGone:
                log.info("slack reply %s was deleted; posting a new one", ts)
            except ReplyError as exc:
                log.warning("slack reply %s not updated: %s", ts, exc)
                return ts
        return await self._post(share, rendered)

    async def _post(self, share: Share, rendered: blocks.Rendered) -> str | None:
        """Post in the thread; None when Slack refused (the batch goes on without it)."""
        try:
            return await self.client.post(share.channel, share.thread, **_kw(rendered))
        except ReplyError as exc:
            log.warning("slack reply in %s:%s failed: %s", share.channel, share.ts, exc)
            return None

    async def _react(self, share: Share, name: str) -> None:
        try:
            await self.client.react(share.channel, share.ts, name)
        except ReplyError as exc:
            log.warning("slack reaction on %s:%s failed: %s", share.channel, share.ts, exc)


def _kw(rendered: blocks.Rendered) -> dict[str, Any]:
    return {"text": rendered.text, "blocks": rendered.blocks}


@dataclass
class _Group:
    shares: list[Share]
    more: asyncio.Event = field(default_factory=asyncio.Event)


class Gatherer:
    """Files one person shares in one channel within ``window`` seconds of each other become one
    batch. The first message's task waits out the window; later ones join its group and return.
    A window of 0: every message is a batch at once."""

    def __init__(self, window: float, flush: Callable[[Sequence[Share]], Awaitable[None]]) -> None:
        self.window = window
        self.flush = flush
        self._open: dict[tuple[str, str | None], _Group] = {}

    async def add(self, share: Share) -> None:
        if self.window <= 0:
            await self.flush([share])
            return
        key = (share.channel, share.user)
        group = self._open.get(key)
        if group is not None:
            group.shares.append(share)
            group.more.set()
            return
        group = self._open[key] = _Group([share])
        try:
            while True:
                group.more.clear()
                try:
                    await asyncio.wait_for(group.more.wait(), self.window)
                except TimeoutError:
                    break
        finally:
            del self._open[key]
        await self.flush(group.shares)
