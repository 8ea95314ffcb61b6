"""Per-client limits kept in memory: requests per minute (a sliding window) and requests
running at once.

Each API process counts on its own; with several processes behind a balancer the effective
limit is per process. That is enough to stop a runaway script, which is what it is for.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

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


class ConcurrencyLimiter:
    """At most ``limit`` requests of one key at once (0: no limit)."""

    def __init__(self, limit: int, what: str) -> None:
        self.limit = limit
        self.what = what
        self._running: dict[str, int] = {}

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        """One slot of ``key`` while the block runs; :class:`RateLimited` if none is free."""
        running = self._running.get(key, 0)
        if self.limit and running >= self.limit:
            raise RateLimited(
                f"at most {self.limit} {self.what} of one client at once; wait for one to end",
                retry_after=1,
            )
        self._running[key] = running + 1
        try:
            yield
        finally:
            left = self._running[key] - 1
            if left:
                self._running[key] = left
            else:
                del self._running[key]
