"""Per-client rate limit: a sliding one-minute window kept in memory.

Each API process counts on its own; with several processes behind a balancer the effective
limit is per process. That is enough to stop a runaway script, which is what it is for.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

from bot.errors import RateLimited


class RateLimiter:
    def __init__(
        self, per_minute: int, clock: Callable[[], float] = time.monotonic, window: float = 60.0
    ) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.window = window
        self._hits: dict[str, deque[float]] = {}

    def hit(self, key: str) -> None:
        """Count one request for ``key``; raise :class:`RateLimited` when over the limit."""
        if self.per_minute <= 0:
            return
        now = self.clock()
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.per_minute:
            retry = max(1, math.ceil(hits[0] + self.window - now))
            raise RateLimited(
                f"rate limit of {self.per_minute} requests per minute exceeded", retry_after=retry
            )
        hits.append(now)
