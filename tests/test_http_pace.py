"""The body pace of handlers/http/pace.py on its own, with short windows: a read that brings
nothing is given up at the window's end, a body that keeps the rate is never cut, with one
with the one timeout of ``guard`` moved as windows pass."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.errors import RequestTooSlow
from handlers.http.pace import BodyPace

WINDOW = 0.5  # long enough that a busy machine does not starve a read of its window
#: bytes a window must bring
NEED = 1000


async def _chunk(n: int, after: float) -> bytes:
    await asyncio.sleep(after)
    return b"x" * n


async def test_a_read_that_brings_nothing_is_cut_at_the_window_end() -> None:
    pace = BodyPace(NEED / WINDOW, WINDOW)
    started = time.monotonic()
    with pytest.raises(RequestTooSlow):
        async with pace.guard():
            await pace.read(_chunk(10, 10))
    assert WINDOW * 0.9 < time.monotonic() - started < WINDOW * 3


async def test_a_body_at_the_rate_goes_on_over_many_windows() -> None:
    pace = BodyPace(NEED / WINDOW, WINDOW)
    started = time.monotonic()
    async with pace.guard():
        while time.monotonic() - started < WINDOW * 6:
            assert await pace.read(_chunk(NEED // 4, WINDOW / 8))


async def test_too_few_bytes_over_a_window_is_too_slow() -> None:
    pace = BodyPace(NEED / WINDOW, WINDOW)
    started = time.monotonic()
    with pytest.raises(RequestTooSlow):
        async with pace.guard():
            while time.monotonic() - started < WINDOW * 6:
                await pace.read(_chunk(NEED // 20, WINDOW / 8))
    assert time.monotonic() - started < WINDOW * 3


async def test_a_window_with_its_bytes_lets_the_next_read_wait_one_more_window() -> None:
    pace = BodyPace(NEED / WINDOW, WINDOW)
    async with pace.guard():
        await pace.read(_chunk(NEED, 0))
        # the window has its bytes: this read may wait past its end, into the next
        assert await pace.read(_chunk(10, WINDOW * 1.5))


async def test_other_timeouts_inside_the_guard_are_not_the_clients() -> None:
    pace = BodyPace(NEED / WINDOW, WINDOW)
    with pytest.raises(TimeoutError):
        async with pace.guard():
            async with asyncio.timeout(0.01):
                await asyncio.sleep(1)
