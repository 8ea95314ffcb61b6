"""The done reply of a Slack batch: one summary in the thread and a reaction on the message.

Called by the core's durable ``batch_done`` job in whichever process takes it. The summary
replaces the "received" message (its ts is in ``reply_to``); without one, the summary is
posted and its ts recorded at once (``delivery.record``), so a retry after a crash updates that
message instead of posting a second. Reactions are idempotent (see client.py): "eyes" goes,
a check mark or a warning sign comes.
"""

from __future__ import annotations

import logging

from bot.errors import ReplyError
from bot.notify import Delivery
from bot.report import BatchReport
from handlers.slack import blocks
from handlers.slack.client import MessageGone, SlackClient
from handlers.slack.shares import EYES

log = logging.getLogger(__name__)

ALL_GOOD = "white_check_mark"
LOOK = "warning"


def verdict(report: BatchReport) -> str:
    """The reaction for a finished batch: a warning sign when a person has something to do."""
    return LOOK if report.needing_person or report.refused else ALL_GOOD


class SlackNotifier:
    def __init__(self, client: SlackClient) -> None:
        self.client = client

    async def batch_done(self, report: BatchReport, delivery: Delivery) -> None:
        channel = report.reply_to.get("channel")
        thread = report.reply_to.get("thread_ts")
        if not channel:
            raise ReplyError(f"batch {report.id} has no Slack channel to answer in")
        rendered = blocks.batch_detail(report)
        ts = delivery.state.get("ts") or report.reply_to.get("reply_ts")
        if ts:
            try:
                await self.client.update(channel, ts, rendered.text, rendered.blocks)
            except MessageGone:
                log.info("batch %s: reply %s was deleted; posting a new one", report.id, ts)
                ts = None
        if not ts:
            ts = await self.client.post(channel, thread, rendered.text, rendered.blocks)
            await delivery.record(ts=ts)
        for message in report.reply_to.get("messages") or ([thread] if thread else []):
            await self.client.unreact(channel, message, EYES)
            await self.client.react(channel, message, verdict(report))
