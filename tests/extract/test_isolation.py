"""The zygote and its bounded children: answers, crashes, restarts, cancels, reuse."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from bot.errors import ExtractionError, TransientExtractionError
from bot.extract import isolation
from bot.extract.isolation import Limits, run_isolated


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _zygote_pid() -> int:
    assert isolation._zygote is not None
    return isolation._zygote._process.pid


async def test_concurrent_calls_get_their_own_answers() -> None:
    answers = await asyncio.gather(
        *(run_isolated("tests.extract.hostile:echo", b"x" * n, {"n": n}) for n in range(1, 7))
    )
    assert answers == [{"size": n, "options": {"n": n}} for n in range(1, 7)]


async def test_a_crashing_child_is_reported_and_the_zygote_lives_on() -> None:
    await run_isolated("tests.extract.hostile:echo", b"")
    zygote = _zygote_pid()
    with pytest.raises(ExtractionError, match="killed by SIGABRT"):
        await run_isolated("tests.extract.hostile:crash", b"")
    assert await run_isolated("tests.extract.hostile:echo", b"ab") == {"size": 2, "options": {}}
    assert _zygote_pid() == zygote


async def test_calls_in_flight_when_the_zygote_dies_are_transient_and_the_next_starts_one() -> None:
    await run_isolated("tests.extract.hostile:echo", b"")
    old = _zygote_pid()
    call = asyncio.create_task(
        run_isolated("tests.extract.hostile:spin", b"", None, Limits(timeout_s=30))
    )
    await asyncio.sleep(0.5)
    os.kill(old, 9)
    with pytest.raises(TransientExtractionError):
        await call
    assert await run_isolated("tests.extract.hostile:echo", b"abc") == {"size": 3, "options": {}}
    assert _zygote_pid() != old


async def test_a_cancelled_call_leaves_no_child_running() -> None:
    await run_isolated("tests.extract.hostile:echo", b"")
    call = asyncio.create_task(
        run_isolated("tests.extract.hostile:spin", b"", None, Limits(timeout_s=30))
    )
    await asyncio.sleep(0.5)
    assert _children(_zygote_pid())  # the spinning child runs
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    for _ in range(100):  # the zygote kills it within moments
        if not _children(_zygote_pid()):
            break
        await asyncio.sleep(0.05)
    assert _children(_zygote_pid()) == []


async def test_a_child_serves_several_documents_one_after_the_other() -> None:
    first = await run_isolated("tests.extract.hostile:pid", b"")
    assert await run_isolated("tests.extract.hostile:pid", b"") == first


async def test_a_child_whose_document_raised_a_bug_is_let_go() -> None:
    first = await run_isolated("tests.extract.hostile:pid", b"")
    with pytest.raises(ExtractionError, match="ValueError: a bug"):
        await run_isolated("tests.extract.hostile:fail", b"")
    assert await run_isolated("tests.extract.hostile:pid", b"") != first


async def test_a_child_killed_for_its_time_is_not_reused() -> None:
    first = await run_isolated("tests.extract.hostile:pid", b"")
    with pytest.raises(ExtractionError, match="longer than"):
        await run_isolated("tests.extract.hostile:spin", b"", None, Limits(timeout_s=1))
    assert await run_isolated("tests.extract.hostile:pid", b"") != first
