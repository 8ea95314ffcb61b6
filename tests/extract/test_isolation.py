"""The zygote and its bounded children: answers, crashes, restarts, cancels, reuse."""

from __future__ import annotations

import asyncio
import gc
import os

import pytest

from bot.errors import ExtractionError, TransientExtractionError
from bot.extract.isolation import Isolation, Limits
from tests.processes import children, running


def _zygote_pid(isolation: Isolation) -> int:
    assert isolation.pid is not None
    return isolation.pid


async def test_concurrent_calls_get_their_own_answers(isolation: Isolation) -> None:
    answers = await asyncio.gather(
        *(isolation.run("tests.extract.hostile:echo", b"x" * n, {"n": n}) for n in range(1, 7))
    )
    assert answers == [{"size": n, "options": {"n": n}} for n in range(1, 7)]


async def test_a_crashing_child_is_reported_and_the_zygote_lives_on(isolation: Isolation) -> None:
    await isolation.run("tests.extract.hostile:echo", b"")
    zygote = _zygote_pid(isolation)
    with pytest.raises(ExtractionError, match="killed by SIGABRT"):
        await isolation.run("tests.extract.hostile:crash", b"")
    assert await isolation.run("tests.extract.hostile:echo", b"ab") == {"size": 2, "options": {}}
    assert _zygote_pid(isolation) == zygote


@pytest.mark.parametrize("name", ["SIGSEGV", "SIGTERM", "SIGBUS"])
async def test_a_crash_says_which_signal_and_blames_no_memory_bound(
    isolation: Isolation, name: str
) -> None:
    with pytest.raises(ExtractionError) as raised:
        await isolation.run("tests.extract.hostile:signalled", b"", {"signal": name})
    assert str(raised.value) == f"the parser crashed: killed by {name}"


async def test_a_crash_at_the_memory_bound_names_the_bound(isolation: Isolation) -> None:
    limits = Limits(timeout_s=20, memory_mb=300)
    with pytest.raises(ExtractionError, match=r"killed by SIGABRT at its memory bound \(300 MB"):
        await isolation.run("tests.extract.hostile:filled_then_crash", b"", None, limits)


async def test_a_sigkill_the_zygote_did_not_send_is_the_out_of_memory_killer(
    isolation: Isolation,
) -> None:
    with pytest.raises(ExtractionError, match=r"killed by SIGKILL at its memory bound \(1024 MB"):
        await isolation.run("tests.extract.hostile:signalled", b"", {"signal": "SIGKILL"})


async def test_calls_in_flight_when_the_zygote_dies_are_transient_and_the_next_starts_one(
    isolation: Isolation,
) -> None:
    await isolation.run("tests.extract.hostile:echo", b"")
    old = _zygote_pid(isolation)
    call = asyncio.create_task(
        isolation.run("tests.extract.hostile:spin", b"", None, Limits(timeout_s=30))
    )
    await asyncio.sleep(0.5)
    os.kill(old, 9)
    with pytest.raises(TransientExtractionError):
        await call
    assert await isolation.run("tests.extract.hostile:echo", b"abc") == {"size": 3, "options": {}}
    assert _zygote_pid(isolation) != old


async def test_a_cancelled_call_leaves_no_child_running(isolation: Isolation) -> None:
    await isolation.run("tests.extract.hostile:echo", b"")
    call = asyncio.create_task(
        isolation.run("tests.extract.hostile:spin", b"", None, Limits(timeout_s=30))
    )
    await asyncio.sleep(0.5)
    assert children(_zygote_pid(isolation))  # the spinning child runs
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    for _ in range(100):  # the zygote kills it within moments
        if not children(_zygote_pid(isolation)):
            break
        await asyncio.sleep(0.05)
    assert children(_zygote_pid(isolation)) == []


async def test_a_child_serves_several_documents_one_after_the_other(isolation: Isolation) -> None:
    first = await isolation.run("tests.extract.hostile:pid", b"")
    assert await isolation.run("tests.extract.hostile:pid", b"") == first


async def test_a_child_whose_document_raised_a_bug_is_let_go(isolation: Isolation) -> None:
    first = await isolation.run("tests.extract.hostile:pid", b"")
    with pytest.raises(ExtractionError, match="ValueError: a bug"):
        await isolation.run("tests.extract.hostile:fail", b"")
    assert await isolation.run("tests.extract.hostile:pid", b"") != first


async def test_a_child_killed_for_its_time_is_not_reused(isolation: Isolation) -> None:
    first = await isolation.run("tests.extract.hostile:pid", b"")
    with pytest.raises(ExtractionError, match="longer than"):
        await isolation.run("tests.extract.hostile:spin", b"", None, Limits(timeout_s=1))
    assert await isolation.run("tests.extract.hostile:pid", b"") != first


async def test_a_child_that_outlives_its_alarm_is_killed_by_the_parent(
    isolation: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.extract.isolation._GRACE_S", 0.5)
    first = await isolation.run("tests.extract.hostile:pid", b"")
    with pytest.raises(ExtractionError, match="longer than"):
        await isolation.run("tests.extract.hostile:deaf_spin", b"", None, Limits(timeout_s=0.5))
    assert await isolation.run("tests.extract.hostile:pid", b"") != first
    for _ in range(100):  # the zygote reaps it
        if len(children(_zygote_pid(isolation))) <= 1:
            break
        await asyncio.sleep(0.05)
    assert len(children(_zygote_pid(isolation))) == 1


async def test_the_zygote_belongs_to_its_owner_and_ends_with_it() -> None:
    first, second = Isolation(), Isolation()
    try:
        await first.run("tests.extract.hostile:echo", b"")
        await second.run("tests.extract.hostile:echo", b"")
        pids = (_zygote_pid(first), _zygote_pid(second))
        assert pids[0] != pids[1]  # no zygote shared through a module global
    finally:
        await asyncio.to_thread(first.close)
        await asyncio.to_thread(second.close)
    assert first.pid is None and second.pid is None
    assert not any(running(pid) for pid in pids)


async def test_a_zygote_whose_owner_drops_it_unclosed_ends_too() -> None:
    """An extractor made for one call and dropped (a script, a test) leaves no zygote running
    for the rest of its process's life."""
    dropped = Isolation()
    await dropped.run("tests.extract.hostile:echo", b"")
    pid = _zygote_pid(dropped)
    del dropped
    gc.collect()
    for _ in range(100):
        if not running(pid):
            break
        await asyncio.sleep(0.1)
    assert not running(pid)
