"""The parsing zygote: a process that has imported the parsers and forks bounded children.

Started by :mod:`bot.extract.isolation` as ``python -m bot.extract.zygote``; it reads requests on
stdin and writes answers on stdout, both as frames (an 8-byte length, then the bytes). A request
is a JSON header line and the PDF; the answer is JSON with the request's id. Each request goes to
an idle child, or to a child made with ``fork()`` when none waits: it inherits the imported
modules (a fresh interpreter would spend half a second importing pypdf, lxml and pydantic), sets
its memory limit and, per document, its CPU limit, and runs the target. A child serves up to
:data:`MAX_DOCUMENTS` documents one at a time (a fork and its cold caches cost 15-35 ms, more
than parsing a small invoice), and is let go sooner when its memory grew past half its bound or a
document raised anything but an extraction error. The zygote kills a child that overruns a
document's time and reports what happened to it. The zygote runs no parser code itself, so a
hostile document cannot take it down.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import os
import pkgutil
import resource
import selectors
import signal
import struct
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bot.errors import ExtractionError

#: Modules imported once, before any fork.
PRELOAD = ("bot.extract.parse", "bot.extract.einvoice")
#: Each frame on the pipes starts with its length (shared with bot.extract.isolation).
FRAME_LENGTH = struct.Struct(">Q")
#: Documents one child serves before it is let go (a fork costs more than a small document's
#: parse), and children kept waiting for the next.
MAX_DOCUMENTS = 50
MAX_IDLE = 2


class Frames:
    """The frames read from ``fd``: each an 8-byte length (:data:`FRAME_LENGTH`), then the bytes."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._buffer = bytearray()

    def read(self) -> list[bytes] | None:
        """The frames one read of ``fd`` completes (blocking until data come); None at its end."""
        chunk = os.read(self.fd, 1 << 20)
        if not chunk:
            return None
        self._buffer += chunk
        frames = []
        while len(self._buffer) >= FRAME_LENGTH.size:
            end = FRAME_LENGTH.size + FRAME_LENGTH.unpack_from(self._buffer)[0]
            if len(self._buffer) < end:
                break
            frames.append(bytes(self._buffer[FRAME_LENGTH.size : end]))
            del self._buffer[:end]
        return frames

    def __iter__(self) -> Iterator[bytes]:
        while (frames := self.read()) is not None:
            yield from frames


@dataclass
class _Child:
    """A forked child, its pipes and the request it works on (None while it waits for the next)."""

    pid: int
    requests: int
    answers: Frames
    memory_mb: int
    job: int | None = None
    deadline: float = 0.0
    # why the zygote killed it ("time", "cancel"): a signal it did not send came from outside
    killed: str | None = None

    def kill(self, why: str) -> None:
        self.killed = why
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)


def call(target: str, pdf: bytes, options: dict[str, Any]) -> dict[str, Any]:
    """Run ``target`` on the PDF and turn its result or failure into an answer."""
    try:
        return {"ok": True, "result": pkgutil.resolve_name(target)(pdf, **options)}
    except ExtractionError as exc:
        return {"ok": False, "error": str(exc)}
    except MemoryError:
        return {"ok": False, "last": True, "error": "the document needs more memory than allowed"}
    except RecursionError:
        return {"ok": False, "last": True, "error": "the document is nested too deeply to parse"}
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must become that file's error
        error = f"the parser failed: {type(exc).__name__}: {exc}"[:500]
        return {"ok": False, "last": True, "error": error}


class Zygote:
    """The request loop: frames in, each to an idle child (forked when none waits), frames out."""

    def __init__(self, stdin: int, stdout: int) -> None:
        self._in = Frames(stdin)
        self._out = stdout
        self._children: list[_Child] = []  # busy with a job, or idle
        self._selector = selectors.DefaultSelector()

    def run(self) -> None:
        self._selector.register(self._in.fd, selectors.EVENT_READ)
        # until the worker is gone (its input no longer read) and no child works for it
        while self._in.fd in self._selector.get_map() or self._busy():
            for key, _ in self._selector.select(self._wait()):
                if key.fd == self._in.fd:
                    self._read_requests()
                else:
                    self._read_child(key.data)
            self._kill_overdue()
        for child in list(self._children):
            self._retire(child)
        self._selector.close()

    def _busy(self) -> list[_Child]:
        return [c for c in self._children if c.job is not None]

    def _wait(self) -> float | None:
        deadlines = [c.deadline for c in self._busy()]
        return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None

    def _read_requests(self) -> None:
        frames = self._in.read()
        if frames is None:  # the worker is gone: so are its documents
            self._selector.unregister(self._in.fd)
            for child in self._busy():
                child.kill("cancel")
        for frame in frames or []:
            self._handle(frame)

    def _handle(self, frame: bytes) -> None:
        head = frame.partition(b"\n")[0]
        request = json.loads(head)
        if request.get("cancel"):
            for child in self._busy():
                if child.job == request["id"]:
                    child.kill("cancel")
            return
        memory = int(request["memory_mb"])
        idle = (c for c in self._children if c.job is None and c.memory_mb == memory)
        child = next(idle, None) or self._fork(memory)
        child.job = request["id"]
        child.deadline = time.monotonic() + float(request["timeout_s"])
        try:
            write_frame(child.requests, frame)
        except OSError:
            child.kill("cancel")  # it died between documents: reported as it is reaped

    def _fork(self, memory_mb: int) -> _Child:
        to_child, requests = os.pipe()
        answers, from_child = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(requests)
            os.close(answers)
            for other in self._children:
                os.close(other.requests)
                os.close(other.answers.fd)
            _serve(to_child, from_child, memory_mb)
        os.close(to_child)
        os.close(from_child)
        child = _Child(pid, requests, Frames(answers), memory_mb)
        self._selector.register(answers, selectors.EVENT_READ, child)
        self._children.append(child)
        return child

    def _read_child(self, child: _Child) -> None:
        frames = child.answers.read()
        if frames is None:
            self._reap(child)
            return
        for body in frames:
            assert child.job is not None  # a child answers only the request it was given
            # a flag byte (is it the child's last answer?), then the reply, passed on unparsed
            write_frame(self._out, b'{"id": %d, "answer": %s}' % (child.job, body[1:]))
            child.job = None
            idle = len(self._children) - len(self._busy())
            if body[:1] == b"L" or idle > MAX_IDLE:
                self._retire(child)

    def _reap(self, child: _Child) -> None:
        """The child ended: between documents (it chose to) or in one (reported as failed)."""
        status, usage = self._retire(child)
        if child.job is None:
            return
        answer: dict[str, Any] = {"id": child.job}
        if child.killed == "time":
            answer["timeout"] = True
        elif os.WIFSIGNALED(status):
            number, peak = os.WTERMSIG(status), round(usage.ru_maxrss / 1024)
            answer.update(signal=signal.Signals(number).name, peak_mb=peak)
            # the memory bound (RLIMIT_AS) makes allocations fail: Python raises MemoryError (an
            # answer, not a signal), C code may abort or crash near the bound; the kernel's
            # out-of-memory killer sends SIGKILL, which the zygote sends only on time or cancel
            answer["memory"] = peak >= 0.75 * child.memory_mb or (
                number == signal.SIGKILL and child.killed is None
            )
        else:
            answer["exit"] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        write_frame(self._out, json.dumps(answer).encode())

    def _retire(self, child: _Child) -> tuple[int, Any]:
        """Let a child go (it exits when its request pipe closes): its exit status and usage."""
        self._children.remove(child)
        self._selector.unregister(child.answers.fd)
        os.close(child.answers.fd)
        os.close(child.requests)
        return os.wait4(child.pid, 0)[1:]

    def _kill_overdue(self) -> None:
        now = time.monotonic()
        for child in self._busy():
            if child.killed != "time" and child.deadline <= now:
                child.kill("time")


def write_frame(fd: int, data: bytes) -> None:
    view = memoryview(FRAME_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _serve(requests: int, answers: int, memory_mb: int) -> None:
    """Body of a forked child: bound it, then answer requests until the zygote closes the pipe,
    the CPU budget runs low, the memory grows, or a document broke the interpreter's state."""
    status = 0
    try:
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)  # the zygote's pipes are not the child's to read or write
        os.dup2(null, 1)
        memory = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        sys.setrecursionlimit(5000)
        for served, frame in enumerate(Frames(requests), 1):
            head, _, pdf = frame.partition(b"\n")
            request = json.loads(head)
            # CPU time is counted over the child's life: each document gets its own bound
            # (the soft limit only: an unprivileged process cannot raise its hard limit again)
            budget = int(time.process_time()) + 1 + int(float(request["timeout_s"])) + 2
            _, hard = resource.getrlimit(resource.RLIMIT_CPU)
            if hard != resource.RLIM_INFINITY:
                budget = min(budget, hard)
            resource.setrlimit(resource.RLIMIT_CPU, (budget, hard))
            answer = call(request["target"], pdf, request.get("options") or {})
            # the answer says whether it is the last (a broken document, its share served, its
            # memory grown), so that no request is sent to a child that is leaving
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            last = answer.pop("last", False) or served >= MAX_DOCUMENTS or peak_mb > memory_mb / 2
            write_frame(answers, (b"L" if last else b".") + json.dumps(answer).encode())
            if last:
                break
    except BaseException:  # noqa: BLE001 - the child must exit, whatever happened
        traceback.print_exc(file=sys.stderr)
        status = 1
    finally:
        os._exit(status)


#: A small page parsed once before any fork, so that what the parser builds on first use
#: (compiled patterns, the anchor words of its label patterns) is inherited, not rebuilt per child.
_WARM_UP_PAGE = (
    "ACME Supplies Ltd\nInvoice number: INV-1  Date: 01/02/2024  Due date: 01/03/2024\n"
    "Description   Qty   Unit price   Amount\nTomatoes   2   1.50   3.00\n"
    "Subtotal   3.00\nVAT 20%   0.60\nTotal   3.60\n"
)


def main() -> int:
    # the parsers report what they could not read in their own words (warnings, errors);
    # pypdf's own complaints about a broken file ("EOF marker not found") only repeat them
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    for name in PRELOAD:
        importlib.import_module(name)
    from bot.extract.parse import parse_pages

    parse_pages([_WARM_UP_PAGE])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the worker decides when the zygote ends
    Zygote(sys.stdin.fileno(), sys.stdout.fileno()).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
