"""Replies to finished batches: the ``batch_done`` job and the channels' notifiers.

When the last invoice of a batch gets its final status, the same transaction marks the batch
done and queues one ``batch_done`` job (``storage.batches.finish_if_done``); a batch whose files
were all refused gets it in the intake transaction. A worker of any process takes the job and
calls the notifier of the batch's channel with the batch's report. A notifier that fails is
retried with the job's backoff; after the last attempt the batch records why (``reply``).

A notifier may be called again for a batch it already answered (a worker killed mid-send): the
:class:`Delivery` gives it a key that stays the same for the batch (an email's Message-ID) and
the state it recorded on earlier attempts (a Slack message's ts), so it can update instead of
sending twice.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.errors import ReplyError
from bot.report import BatchReport, Links, build_report
from storage import batches
from storage.db import Database
from storage.status import Channel, ReplyStatus

log = logging.getLogger(__name__)


@dataclass
class Delivery:
    """One attempt at a batch's reply."""

    #: the same for every attempt at this batch's reply
    key: str
    #: 1 for the first attempt
    attempt: int
    #: what the notifier recorded on earlier attempts
    state: dict[str, Any] = field(default_factory=dict)
    _save: Callable[[dict[str, Any]], Awaitable[None]] | None = field(default=None, repr=False)

    async def record(self, **values: Any) -> None:
        """Save ``values`` now, in their own transaction: call it the moment something was
        sent (a posted message's ts), before anything else can fail."""
        self.state.update(values)
        if self._save is not None:
            await self._save(dict(self.state))


class Notifier(Protocol):
    """A channel's way of answering a finished batch in the sender's thread.

    Raise :class:`~bot.errors.ReplyError` (or let another of ours through) when the reply could
    not be delivered now: the job retries it.
    """

    async def batch_done(self, report: BatchReport, delivery: Delivery) -> None: ...


class LogNotifier:
    """For channels whose sender already has the answer (HTTP, CLI): a log line."""

    async def batch_done(self, report: BatchReport, delivery: Delivery) -> None:
        log.info(
            "batch %s done: %s",
            report.id,
            ", ".join(f"{n} {status}" for status, n in sorted(report.counts.items())) or "empty",
        )


def reply_key(batch_id: str) -> str:
    """The stable key of a batch's reply (emails derive their Message-ID from it)."""
    return f"invoicebot-batch-{batch_id}"


class BatchReplies:
    """Sends the reply of one finished batch through its channel's notifier."""

    def __init__(
        self,
        db: Database,
        notifiers: Mapping[Channel, Notifier],
        links: Links | None = None,
        fallback: Notifier | None = None,
    ) -> None:
        self.db = db
        self.notifiers = dict(notifiers)
        self.links = links or Links()
        self.fallback = fallback or LogNotifier()

    async def send(self, batch_id: str, attempt: int) -> bool:
        """Call the notifier; True when a reply was due and delivered, False when the channel
        needs none. Raises what the notifier raised."""
        async with self.db.read() as session:
            row = await batches.get_bulk_importation(session, batch_id)
            if row is None:
                return False
            state = dict(row.reply_state or {})
            report = await build_report(session, batch_id, self.links)
        if report is None:
            return False
        if report.reply.status == ReplyStatus.NOT_NEEDED:
            await self.fallback.batch_done(report, Delivery(reply_key(batch_id), attempt))
            return False
        notifier = self.notifiers.get(report.channel)
        if notifier is None:
            if report.channel.answers_at_once:
                await self.fallback.batch_done(report, Delivery(reply_key(batch_id), attempt))
                return False
            raise ReplyError(
                f"no {report.channel} notifier in this process: is the {report.channel} "
                "channel configured here?"
            )

        async def save(new_state: dict[str, Any]) -> None:
            async with self.db.session() as session:
                await batches.save_reply_state(session, batch_id, new_state)

        await notifier.batch_done(report, Delivery(reply_key(batch_id), attempt, state, save))
        return True
