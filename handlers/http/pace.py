"""A minimum rate for request bodies, so a slow client cannot hold a connection.

Every ``window`` seconds a body must have brought at least ``min_rate * window`` bytes, and a
read that brings nothing is given up at the window's end; otherwise :class:`RequestTooSlow`
(408, and the connection is closed). The headers' own bound is aiohttp's keep-alive timer,
set to ``[http] header_timeout_seconds`` (see ``create_app``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
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

    @classmethod
    def of(cls, config: HttpConfig) -> BodyPace:
        return cls(config.min_body_rate_kb_per_second * 1024, config.body_rate_window_seconds)

    async def read(self, pending: Awaitable[T]) -> T:
        """Await one read of the body under the pace; bytes read count toward the window.

        The read may run to the end of the current window, or of the next one when this
        window has its bytes already; past that the body is too slow. (A timeout, not a task
        per read: reads are many and this is the upload's hot path.)
        """
        if not self.need:
            return await pending
        end = self._start + self.window
        if self._count >= self.need:
            end += self.window
        try:
            async with asyncio.timeout_at(end):
                result = await pending
        except TimeoutError:
            raise RequestTooSlow(
                f"the body came slower than {self.need / self.window / 1024:g} KB/s", field=None
            ) from None
        if isinstance(result, bytes | bytearray):
            self._count += len(result)
        self._roll()
        return result

    def _roll(self) -> None:
        """At a window's end: too few bytes is too slow; else a new window starts."""
        now = self._loop.time()
        if now < self._start + self.window:
            return
        if self._count < self.need:
            raise RequestTooSlow(
                f"the body came slower than {self.need / self.window / 1024:g} KB/s",
                field=None,
            )
        self._start, self._count = now, 0


async def read_body(request: web.Request, config: HttpConfig, limit: int) -> bytes:
    """The whole (small) body under the pace; over ``limit`` bytes is 413."""
    pace = BodyPace.of(config)
    body = bytearray()
    while chunk := await pace.read(request.content.readany()):
        body += chunk
        if len(body) > limit:
            raise RequestTooLarge(f"the body is over {limit // 1024} KiB", field=None)
    return bytes(body)
