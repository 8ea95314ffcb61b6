"""Run a parsing function in a child process with a time and memory bound.

PDF parsers can be made to loop, to allocate without end or to recurse deeply by a hostile file.
Parsing therefore never runs in the server or worker process: each call runs in a child process
with ``RLIMIT_AS`` and ``RLIMIT_CPU`` set and a wall-clock alarm that ends it when it overruns
its time (the parent kills it too, should it outlive the alarm by a grace); the job ends in ERROR
and the worker lives on.

The children are forked by a zygote (:mod:`bot.extract.zygote`, which says how they are bounded
and reused), one long-lived process per worker that has imported the parsers once; a crash, a
timeout or a memory overrun fails only the document being read. The zygote hands each child's
pipes to the parent, which writes the document to the child and reads its answer itself, on the
caller's event loop: one process wake-up each way, not three. When the zygote itself dies, the
calls in flight fail as transient errors (the queue retries them) and the next call starts one.

The target is a ``"module:function"`` path; the function takes ``(pdf: bytes, **options)`` and
returns something JSON-serialisable, or a :class:`~bot.extract.zygote.JSONText` it encoded
itself. It may raise :class:`~bot.errors.ExtractionError`, whose message is passed back to the
parent.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import weakref
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass
from typing import Any

from bot.errors import ExtractionError, TransientExtractionError
from bot.extract.zygote import LAST, MAX_IDLE, MESSAGE_SIZE, RESULT, Frames, write_frame

#: Extra seconds the caller waits beyond the child's own alarm before it kills the child.
_GRACE_S = 5.0
#: Requests smaller than this fit in the pipe to a child: writing them cannot block.
_PIPE_BUFFER = 32 * 1024
#: Children tried for one call whose request pipe is broken (it ended while it waited).
_ATTEMPTS = 3
_ENDED = "the parsing process ended unexpectedly"


@dataclass(frozen=True)
class Limits:
    """Bounds for one isolated call."""

    timeout_s: float = 60.0
    memory_mb: int = 1024


@dataclass(eq=False)
class _Child:
    """A child of the zygote as the parent holds it: its pipes, its pidfd (which names this
    process and no other, even once it has been reaped) and the zygote's news of its end."""

    pid: int
    requests: int
    answers: Frames
    pidfd: int
    memory_mb: int
    ended: Future[dict[str, Any]]
    # why the parent killed it ("time", "cancel"): a signal it did not send came from outside
    killed: str | None = None

    def kill(self, why: str) -> None:
        self.killed = why
        with contextlib.suppress(OSError):  # it has ended already
            signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)

    def close(self) -> None:
        """Let it go: with its request pipe closed it leaves (if it has not)."""
        for fd in (self.requests, self.answers.fd, self.pidfd):
            os.close(fd)


class _ZygoteClient:
    """One zygote process, the children it made for this parent, and a thread that reads its news
    (children forked, children ended).

    Calls from any thread or event loop may be in flight at once: each has a child of its own
    while it runs, and reads the child's answer on its own event loop.
    """

    def __init__(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        with theirs:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "bot.extract.zygote"],
                stdin=theirs.fileno(),
                stdout=subprocess.DEVNULL,
            )
        self._socket = ours
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()
        self._forks: dict[int, tuple[int, Future[_Child]]] = {}  # number -> memory bound, caller
        self._children: dict[int, _Child] = {}  # pid -> every child held, busy or idle
        self._idle: list[_Child] = []
        self._gone = False  # the zygote's news have ended: no more calls
        threading.Thread(target=self._read_news, name="zygote-reader", daemon=True).start()

    @property
    def alive(self) -> bool:
        return not self._gone and self._process.poll() is None

    async def child(self, memory_mb: int) -> _Child:
        """A child of this memory bound for one call: an idle one, or one forked for it."""
        with self._lock:
            if self._gone:  # it ended since the caller looked
                raise TransientExtractionError(_ENDED)
            # the one used last: its caches are the warmest
            for index in range(len(self._idle) - 1, -1, -1):
                if self._idle[index].memory_mb == memory_mb:
                    return self._idle.pop(index)
            number = next(self._numbers)
            future: Future[_Child] = Future()
            self._forks[number] = (memory_mb, future)
        try:
            self._socket.send(json.dumps({"fork": number, "memory_mb": memory_mb}).encode())
        except OSError as exc:
            raise TransientExtractionError(_ENDED) from exc
        return await asyncio.wrap_future(future)

    async def call(self, child: _Child, request: bytes, limits: Limits) -> bytes | None:
        """Send the request to the child and read its answer; None if its pipe was broken (it
        ended while it waited: the caller tries another)."""
        try:
            await self._write(child, request)
        except OSError:
            self.retire(child)
            return None
        loop = asyncio.get_running_loop()
        got: asyncio.Future[bytes | None] = loop.create_future()
        loop.add_reader(child.answers.fd, _on_answer, child.answers, got)
        # a timer on the future itself: lighter than wait_for, which wraps it in two more
        timer = loop.call_later(limits.timeout_s + _GRACE_S, _expire, got)
        try:
            try:
                body = await got
            finally:
                timer.cancel()
                loop.remove_reader(child.answers.fd)
        except TimeoutError:  # its alarm did not end it in time: we do
            self.retire(child, kill="time")
            raise _too_long(limits) from None
        except asyncio.CancelledError:
            self.retire(child, kill="cancel")
            raise
        if body is None:
            raise await self._failure(child, limits)
        if body[:1] == LAST:
            self.retire(child)
        else:
            self._park(child)
        if body[1:2] == RESULT:
            return body[2:]
        raise ExtractionError(body[2:].decode(errors="replace"))

    def retire(self, child: _Child, kill: str | None = None) -> None:
        """Let a child go (killed first when ``kill`` says why); its end is no news any more."""
        with self._lock:  # a pidfd is closed once, and never signalled once closed
            if self._children.pop(child.pid, None) is None:
                return
            if kill is not None:
                child.kill(kill)
            child.close()

    def close(self, wait: bool = True) -> None:
        """The zygote stops (and kills its children); killed if it has not within 10 s (when
        waiting)."""
        with contextlib.suppress(OSError):  # it sees the end of its input, the reader too
            self._socket.shutdown(socket.SHUT_RDWR)
        if not wait:
            return
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    async def _write(self, child: _Child, request: bytes) -> None:
        """Write the request; in a thread when it may block (a PDF larger than the pipe's buffer,
        which the child reads while it is written)."""
        if len(request) < _PIPE_BUFFER:
            write_frame(child.requests, request)
            return
        writing = asyncio.ensure_future(asyncio.to_thread(write_frame, child.requests, request))
        try:
            await asyncio.shield(writing)
        except asyncio.CancelledError:
            child.kill("cancel")  # its pipe breaks, the write ends: only then are its pipes closed
            with contextlib.suppress(Exception):
                await writing
            self.retire(child)
            raise

    async def _failure(self, child: _Child, limits: Limits) -> ExtractionError:
        """The child ended in the document: what it stands for, from the zygote's news of it."""
        try:
            report = await asyncio.wait_for(asyncio.wrap_future(child.ended), _GRACE_S)
        except TimeoutError:
            report = {}
        finally:
            self.retire(child)
        return _error(report, child.killed, limits)

    def _park(self, child: _Child) -> None:
        """An answered child waits for the next call, unless enough already wait."""
        with self._lock:
            waits = not self._gone and not child.ended.done() and child.pid in self._children
            if waits and len(self._idle) < MAX_IDLE:
                self._idle.append(child)
                return
        self.retire(child)

    def _read_news(self) -> None:
        try:
            while True:
                message, fds, _, _ = socket.recv_fds(self._socket, MESSAGE_SIZE, 3)
                if not message:
                    break
                news = json.loads(message)
                if "forked" in news:
                    self._forked(news["forked"], news["pid"], fds)
                else:
                    self._ended(news)
        except OSError:
            pass  # its socket was closed: the same as its end
        finally:
            self._lose_all()
            self._socket.close()

    def _forked(self, number: int, pid: int, fds: list[int]) -> None:
        requests, answers, pidfd = fds
        with self._lock:
            memory_mb, future = self._forks.pop(number)
            child = _Child(pid, requests, Frames(answers), pidfd, memory_mb, Future())
            self._children[pid] = child
        try:
            future.set_result(child)
        except InvalidStateError:  # the call was cancelled meanwhile: the next may use it
            self._park(child)

    def _ended(self, news: dict[str, Any]) -> None:
        """A child ended: news for the call it worked for; an idle one is let go."""
        with self._lock:
            child = self._children.get(news["ended"])
            if child is None or child.ended.done():
                return
            child.ended.set_result(news)
            idle = child in self._idle
            if idle:
                self._idle.remove(child)
        if idle:
            self.retire(child)

    def _lose_all(self) -> None:
        """The zygote is gone: the calls in flight fail as transient errors and their children
        are killed (no zygote bounds them any more), the idle ones let go."""
        with self._lock:
            self._gone = True
            forks, self._forks = self._forks, {}
            idle, self._idle = self._idle, []
            for child in self._children.values():
                if not child.ended.done():
                    child.ended.set_exception(TransientExtractionError(_ENDED))
                if child not in idle:
                    child.kill("zygote")
        for _, future in forks.values():
            with contextlib.suppress(InvalidStateError):
                future.set_exception(TransientExtractionError(_ENDED))
        for child in idle:
            self.retire(child)


def _expire(got: asyncio.Future[bytes | None]) -> None:
    if not got.done():
        got.set_exception(TimeoutError())


def _on_answer(answers: Frames, got: asyncio.Future[bytes | None]) -> None:
    """The child's answer pipe is readable: its answer once complete, None at its end."""
    try:
        frames = answers.read()
    except OSError:
        frames = None
    if got.done():
        return
    if frames is None:
        got.set_result(None)
    elif frames:
        got.set_result(frames[0])


class Isolation:
    """One zygote and the calls made through it, owned by whoever made it: the composition root
    opens one per process and closes it at shutdown; a command line run, one for its run. It is
    started on first use and again if it died."""

    def __init__(self) -> None:
        self._zygote: _ZygoteClient | None = None
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        """The zygote's process id while it runs."""
        live = self._zygote
        return live._process.pid if live is not None and live.alive else None

    def start(self) -> _ZygoteClient:
        """The running zygote, started if it is not (a caller may start it before its first call:
        its imports then overlap the caller's own start)."""
        with self._lock:
            if self._zygote is None or not self._zygote.alive:
                self._zygote = _ZygoteClient()
                # an owner that drops it without closing it (an extractor made for one call)
                # leaves no zygote behind for the rest of its process's life
                weakref.finalize(self, self._zygote.close, False)
            return self._zygote

    async def run(
        self,
        target: str,
        pdf: bytes,
        options: dict[str, Any] | None = None,
        limits: Limits = Limits(),
    ) -> Any:
        """Call ``target(pdf, **options)`` in a child process and return its JSON result."""
        return json.loads(await self.run_json(target, pdf, options, limits))

    async def run_json(
        self,
        target: str,
        pdf: bytes,
        options: dict[str, Any] | None = None,
        limits: Limits = Limits(),
    ) -> bytes:
        """Like :meth:`run`, but the result as the JSON text the child sent (a caller that
        validates it with pydantic reads it faster with ``model_validate_json``)."""
        header = {"target": target, "options": options or {}, "timeout_s": limits.timeout_s}
        request = json.dumps(header).encode() + b"\n" + pdf
        live = self._zygote
        # a thread hop only where a call may block: starting the zygote
        client = live if live is not None and live.alive else await asyncio.to_thread(self.start)
        for _ in range(_ATTEMPTS):
            answer = await client.call(await client.child(limits.memory_mb), request, limits)
            if answer is not None:
                return answer
        raise TransientExtractionError(_ENDED)

    def close(self, wait: bool = True) -> None:
        """Stop the zygote (its children are killed with it). A process about to exit need not
        ``wait``: the zygote ends on its own once its input is closed."""
        with self._lock:
            live, self._zygote = self._zygote, None
        if live is not None:
            live.close(wait)


def _too_long(limits: Limits) -> ExtractionError:
    return ExtractionError(f"parsing took longer than {limits.timeout_s:g} s and was stopped")


def _error(report: dict[str, Any], killed: str | None, limits: Limits) -> ExtractionError:
    """What the end of a child in a document stands for, from the zygote's report of it."""
    killer = report.get("signal")
    # its alarm (wall time), its CPU bound, or the parent after the alarm's grace
    if killed == "time" or killer in ("SIGALRM", "SIGXCPU"):
        return _too_long(limits)
    if killer is not None:
        peak = report.get("peak_mb")
        # the memory bound (RLIMIT_AS) makes allocations fail: Python raises MemoryError (an
        # answer, not a signal), C code may abort or crash near the bound; the kernel's
        # out-of-memory killer sends SIGKILL, which the parent sends only on time or cancel
        if (peak or 0) >= 0.75 * limits.memory_mb or (killer == "SIGKILL" and killed is None):
            return ExtractionError(
                f"the parser was killed by {killer} at its memory bound ({limits.memory_mb} MB,"
                f" {peak} MB resident at its peak)"
            )
        return ExtractionError(f"the parser crashed: killed by {killer}")
    return ExtractionError(f"the parser failed without an answer (exit {report.get('exit')})")
