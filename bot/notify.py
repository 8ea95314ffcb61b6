"""The "batch done" hook: called once when the last invoice of a batch has been processed.

Channels that answer in a thread (email, Slack) register a notifier; the default only logs.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

from bot.views import BatchView
from storage import invoices
from storage.db import Database

log = logging.getLogger(__name__)


class Notifier(Protocol):
    async def batch_done(self, batch: BatchView) -> None: ...


class LogNotifier:
    async def batch_done(self, batch: BatchView) -> None:
        log.info(
            "batch %s done: %s",
            batch.id,
            ", ".join(f"{n} {status}" for status, n in sorted(batch.counts.items())) or "empty",
        )


class FanOut:
    """Several notifiers as one; a failing one is logged and does not stop the others."""

    def __init__(self, notifiers: Sequence[Notifier]) -> None:
        self.notifiers = list(notifiers)

    async def batch_done(self, batch: BatchView) -> None:
        for notifier in self.notifiers:
            try:
                await notifier.batch_done(batch)
            except Exception:
                log.exception("batch-done notifier %r failed for batch %s", notifier, batch.id)


class BatchDone:
    """Calls the notifier once per batch, when nothing in it is queued or in progress.

    Workers check after every invoice they finish; intake checks a batch that had no good file.
    The claim is a conditional UPDATE, so with many workers exactly one of them notifies.
    """

    def __init__(
        self,
        db: Database,
        notifier: Notifier,
        view: Callable[[str], Awaitable[BatchView | None]],
    ) -> None:
        self.db = db
        self.notifier = notifier
        self.view = view

    async def check(self, batch_id: str) -> None:
        async with self.db.session() as session:
            claimed = await invoices.claim_batch_done(session, batch_id)
        if not claimed:
            return
        batch = await self.view(batch_id)
        if batch is not None:
            await self.notifier.batch_done(batch)
