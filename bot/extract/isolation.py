"""Run a parsing function in a child process with a time and memory bound.

PDF parsers can be made to loop, to allocate without end or to recurse deeply by a hostile file.
Parsing therefore never runs in the server or worker process: each call runs in its own child
process with ``RLIMIT_AS`` and ``RLIMIT_CPU`` set, killed when it overruns its time; the job ends
in ERROR and the worker lives on.

The children are forked by a zygote (:mod:`bot.extract.zygote`, which says how they are bounded
and reused), one long-lived process per worker that has imported the parsers once; a crash, a
timeout or a memory overrun fails only the document being read. When the zygote itself dies, the
calls in flight fail as transient errors (the queue retries them) and the next call starts one.

The target is a ``"module:function"`` path; the function takes ``(pdf: bytes, **options)`` and
returns something JSON-serialisable (the engines' targets dump their pydantic models themselves).
It may raise :class:`~bot.errors.ExtractionError`, whose message is passed back to the parent.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import subprocess
import sys
import threading
import weakref
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from bot.errors import ExtractionError, TransientExtractionError
from bot.extract.zygote import Frames, write_frame

#: Extra seconds the caller waits beyond the zygote's own timer before giving up on it.
_GRACE_S = 5.0
#: Requests smaller than this fit in the pipe to the zygote: writing them cannot block.
_PIPE_BUFFER = 32 * 1024
_ENDED = "the parsing process ended unexpectedly"


@dataclass(frozen=True)
class Limits:
    """Bounds for one isolated call."""

    timeout_s: float = 60.0
    memory_mb: int = 1024


class _ZygoteClient:
    """One zygote process, its request pipe and a thread that reads its answers.

    Answers are matched to calls by id, so calls from any thread or event loop may be in flight
    at once; the zygote forks a child for each.
    """

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bot.extract.zygote"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        assert self._process.stdin is not None and self._process.stdout is not None
        self._stdin, self._stdout = self._process.stdin, self._process.stdout
        self._ids = itertools.count(1)
        # None once the zygote's answers have ended: the client takes no more calls
        self._pending: dict[int, Future[dict[str, Any]]] | None = {}
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        threading.Thread(target=self._read_answers, name="zygote-reader", daemon=True).start()

    @property
    def alive(self) -> bool:
        return self._pending is not None and self._process.poll() is None

    def submit(self, header: dict[str, Any], pdf: bytes) -> tuple[int, Future[dict[str, Any]]]:
        """Send one request (blocking on a full pipe: call it from a thread)."""
        future: Future[dict[str, Any]] = Future()
        with self._lock:
            if self._pending is None:  # it ended since the caller looked
                raise TransientExtractionError(_ENDED)
            call_id = next(self._ids)
            self._pending[call_id] = future
        self._send(json.dumps({**header, "id": call_id}).encode() + b"\n" + pdf)
        return call_id, future

    def cancel(self, call_id: int) -> None:
        """Ask the zygote to kill the child of a call nobody waits for any more."""
        with contextlib.suppress(OSError):
            self._send(json.dumps({"id": call_id, "cancel": True}).encode() + b"\n")

    def close(self, wait: bool = True) -> None:
        """End of input: the zygote stops; killed if it has not within 10 s (when waiting)."""
        self._stdin.close()
        if not wait:
            return
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def _send(self, payload: bytes) -> None:
        with self._write_lock:
            write_frame(self._stdin.fileno(), payload)

    def _read_answers(self) -> None:
        try:
            for body in Frames(self._stdout.fileno()):
                answer = json.loads(body)
                with self._lock:
                    future = (self._pending or {}).pop(answer["id"], None)
                if future is not None and not future.done():
                    future.set_result(answer)
        finally:
            with self._lock:  # before the calls hear of it, so that none is sent here again
                pending, self._pending = self._pending or {}, None
            for future in pending.values():
                if not future.done():
                    future.set_exception(TransientExtractionError(_ENDED))


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
        header = {"target": target, "options": options or {}, **vars(limits)}
        live = self._zygote
        # thread hops only where a call may block: starting the zygote, or a PDF larger than
        # the pipe's buffer (the zygote reads it while it is written)
        client = live if live is not None and live.alive else await asyncio.to_thread(self.start)
        if len(pdf) < _PIPE_BUFFER:
            call_id, future = client.submit(header, pdf)
        else:
            call_id, future = await asyncio.to_thread(client.submit, header, pdf)
        try:
            answer = await asyncio.wait_for(
                asyncio.wrap_future(future), limits.timeout_s + _GRACE_S
            )
        except TimeoutError:
            client.cancel(call_id)
            answer = {"timeout": True}  # the zygote did not stop it in time: we give up on it
        except asyncio.CancelledError:
            client.cancel(call_id)
            raise
        return _result(answer, limits)

    def close(self, wait: bool = True) -> None:
        """Stop the zygote (its children finish or are killed with it). A process about to exit
        need not ``wait``: the zygote ends on its own once its input is closed."""
        with self._lock:
            live, self._zygote = self._zygote, None
        if live is not None:
            live.close(wait)


def _result(answer: dict[str, Any], limits: Limits) -> Any:
    """The target's result from the zygote's report, or the error it stands for."""
    if answer.get("timeout") or answer.get("signal") == "SIGXCPU":  # its wall or CPU time bound
        raise ExtractionError(f"parsing took longer than {limits.timeout_s:g} s and was stopped")
    if "signal" in answer:
        killed, peak = answer["signal"], answer.get("peak_mb")
        if answer.get("memory"):
            raise ExtractionError(
                f"the parser was killed by {killed} at its memory bound ({limits.memory_mb} MB,"
                f" {peak} MB resident at its peak)"
            )
        raise ExtractionError(f"the parser crashed: killed by {killed}")
    reply = answer.get("answer")
    if reply is None:
        raise ExtractionError(f"the parser failed without an answer (exit {answer.get('exit')})")
    if reply.get("ok"):
        return reply["result"]
    raise ExtractionError(reply["error"])
