"""The "batch done" hook: called once when the last invoice of a batch has been processed.

Channels that answer in a thread (email, Slack) register a notifier; the default only logs.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from bot.views import BatchView

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
