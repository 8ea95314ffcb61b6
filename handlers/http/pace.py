"""A minimum rate for request bodies, so a slow client cannot hold a connection.

Every ``window`` seconds a body must have brought at least ``min_rate * window`` bytes, and a
read that brings nothing is given up at the window's end; otherwise :class:`RequestTooSlow`
(408, and the connection is closed). The headers' own bound is aiohttp's keep-alive timer,
set to ``[http] header_timeout_seconds`` (see ``create_app``).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable
from typing import TypeVar

from aiohttp import web

from bot.config import HttpConfig
from bot.errors import RequestTooLarge, RequestTooSlow

T = TypeVar("T")


class BodyPace:
    """The reads of one request body."""

    def __init__(self, min_bytes_per_s: float, window_s: float) -> None:
        self.need = min_bytes_per_s * window_s
        self.window = window_s
        self._loop = asyncio.get_running_loop()
        self._start = self._loop.time()
        self._count = 0
        #: the one timeout of :meth:`guard`, moved as windows pass
        self._timeout: asyncio.Timeout | None = None

    @classmethod
    def of(cls, config: HttpConfig) -> BodyPace:
        return cls(config.min_body_rate_kb_per_second * 1024, config.body_rate_window_seconds)

    @contextlib.asynccontextmanager
    async def guard(self) -> AsyncIterator[None]:
        """Reads of the body inside share one timeout, moved when a window passes or has
        its bytes, instead of a timeout each (reads are many: the upload's hot path). Only
        reads should wait inside: the time of anything else counts against the client."""
        if not self.need:
            yield
            return
        try:
            async with asyncio.timeout_at(self._end()) as timeout:
                self._timeout = timeout
                yield
        except TimeoutError:
            if not timeout.expired():
                raise
            raise self._too_slow() from None
        finally:
            self._timeout = None

    async def read(self, pending: Awaitable[T]) -> T:
        """Await one read of the body inside :meth:`guard`; bytes read count toward the window.

        The read may run to the end of the current window, or of the next one when this
        window has its bytes already; past that the body is too slow.
        """
        result = await pending
        if not self.need:
            return result
        if isinstance(result, bytes | bytearray):
            self._count += len(result)
        self._roll()
        assert self._timeout is not None, "reads of a paced body run inside guard()"
        end = self._end()
        if self._timeout.when() != end:
            self._timeout.reschedule(end)
        return result

    def _end(self) -> float:
        """Until when the next read may wait."""
        end = self._start + self.window
        return end + self.window if self._count >= self.need else end

    def _too_slow(self) -> RequestTooSlow:
        return RequestTooSlow(
            f"the body came slower than {self.need / self.window / 1024:g} KB/s", field=None
        )

    def _roll(self) -> None:
        """At a window's end: too few bytes is too slow; else a new window starts."""
        now = self._loop.time()
        if now < self._start + self.window:
            return
        if self._count < self.need:
            raise self._too_slow()
        self._start, self._count = now, 0


async def read_body(request: web.Request, config: HttpConfig, limit: int) -> bytes:
    """The whole (small) body under the pace; over ``limit`` bytes is 413."""
    pace = BodyPace.of(config)
    body = bytearray()
    async with pace.guard():
        while chunk := await pace.read(request.content.readany()):
            body += chunk
            if len(body) > limit:
                raise RequestTooLarge(f"the body is over {limit // 1024} KiB", field=None)
    return bytes(body)
