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

import importlib
import json
import logging
import os
import resource
import selectors
import signal
import struct
import sys
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from bot.errors import ExtractionError, TransientExtractionError

#: Modules imported once, before any fork.
PRELOAD = ("bot.extract.parse", "bot.extract.einvoice", "bot.extract.auto")
#: Each frame on the pipes starts with its length (shared with bot.extract.isolation).
FRAME_LENGTH = struct.Struct(">Q")
#: Documents one child serves before it is let go (a fresh fork costs 15-35 ms a document:
#: copy-on-write faults and caches built again), and children kept waiting for the next.
MAX_DOCUMENTS = 50
MAX_IDLE = 2


@dataclass
class _Child:
    """A forked child: the pipe it reads requests from, the pipe it answers on, and the request
    it is working on (None while it waits for the next)."""

    pid: int
    requests: int
    answers: int
    memory_mb: int
    job: int | None = None
    deadline: float = 0.0
    served: int = 0
    output: bytearray = field(default_factory=bytearray)
    timed_out: bool = False
    killed: bool = False  # by the zygote (time, cancel): a signal it did not send came from outside

    def kill(self) -> None:
        self.killed = True
        _kill(self.pid)


def call(target: str, pdf: bytes, options: dict[str, Any]) -> dict[str, Any]:
    """Run ``target`` on the PDF and turn its result or failure into an answer."""
    module_name, _, func_name = target.partition(":")
    try:
        func = getattr(importlib.import_module(module_name), func_name)
        result = func(pdf, **options)
        if hasattr(result, "model_dump"):
            result = result.model_dump(mode="json")
        return {"ok": True, "result": result}
    except TransientExtractionError as exc:
        return {"ok": False, "transient": True, "error": str(exc)}
    except ExtractionError as exc:
        return {"ok": False, "error": str(exc)}
    except MemoryError:
        return {"ok": False, "spent": True, "error": "the document needs more memory than allowed"}
    except RecursionError:
        return {"ok": False, "spent": True, "error": "the document is nested too deeply to parse"}
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must become that file's error
        error = f"the parser failed: {type(exc).__name__}: {exc}"[:500]
        return {"ok": False, "spent": True, "error": error}


class Zygote:
    """The request loop: frames in, each to an idle child (forked when none waits), frames out."""

    def __init__(self, stdin: int, stdout: int) -> None:
        self._in = stdin
        self._out = stdout
        self._buffer = bytearray()
        self._busy: dict[int, _Child] = {}  # request id -> child
        self._idle: list[_Child] = []
        self._selector = selectors.DefaultSelector()

    def run(self) -> None:
        self._selector.register(self._in, selectors.EVENT_READ)
        open_input = True
        while open_input or self._busy:
            for key, _ in self._selector.select(self._wait()):
                if key.fd == self._in:
                    open_input = self._read_requests()
                else:
                    self._read_child(key.data)
            self._kill_overdue()
        for child in self._idle:
            self._retire(child)
        self._selector.close()

    def _wait(self) -> float | None:
        if not self._busy:
            return None
        return max(0.0, min(c.deadline for c in self._busy.values()) - time.monotonic())

    def _read_requests(self) -> bool:
        chunk = os.read(self._in, 1 << 20)
        if not chunk:  # the worker is gone: so are its documents
            self._selector.unregister(self._in)
            for child in self._busy.values():
                child.kill()
            return False
        self._buffer += chunk
        while len(self._buffer) >= FRAME_LENGTH.size:
            (size,) = FRAME_LENGTH.unpack_from(self._buffer)
            if len(self._buffer) < FRAME_LENGTH.size + size:
                break
            frame = bytes(self._buffer[FRAME_LENGTH.size : FRAME_LENGTH.size + size])
            del self._buffer[: FRAME_LENGTH.size + size]
            self._handle(frame)
        return True

    def _handle(self, frame: bytes) -> None:
        head = frame[: frame.find(b"\n")] if b"\n" in frame else frame
        request = json.loads(head)
        if request.get("cancel"):
            child = self._busy.get(request["id"])
            if child is not None:
                child.kill()
            return
        memory = int(request["memory_mb"])
        child = next((c for c in self._idle if c.memory_mb == memory), None)
        if child is not None:
            self._idle.remove(child)
        else:
            child = self._fork(memory)
        child.job = request["id"]
        child.deadline = time.monotonic() + float(request["timeout_s"])
        self._busy[request["id"]] = child
        try:
            write_frame(child.requests, frame)
        except OSError:
            child.kill()  # it died between documents: reported as it is reaped

    def _fork(self, memory_mb: int) -> _Child:
        to_child, requests = os.pipe()
        answers, from_child = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(requests)
            os.close(answers)
            for other in [*self._idle, *self._busy.values()]:
                os.close(other.requests)
                os.close(other.answers)
            _serve(to_child, from_child, memory_mb)
        os.close(to_child)
        os.close(from_child)
        child = _Child(pid, requests, answers, memory_mb)
        self._selector.register(answers, selectors.EVENT_READ, child)
        return child

    def _read_child(self, child: _Child) -> None:
        chunk = os.read(child.answers, 1 << 20)
        if not chunk:
            self._reap(child)
            return
        child.output += chunk
        if len(child.output) < FRAME_LENGTH.size:
            return
        (size,) = FRAME_LENGTH.unpack_from(child.output)
        if len(child.output) < FRAME_LENGTH.size + size:
            return
        body = bytes(child.output[FRAME_LENGTH.size : FRAME_LENGTH.size + size])
        del child.output[: FRAME_LENGTH.size + size]
        if child.job is None:
            return
        reply = json.loads(body)
        answer = {"id": child.job, "answer": reply}
        del self._busy[child.job]
        child.job, child.served = None, child.served + 1
        self._send(json.dumps(answer).encode())
        if reply.get("last") or child.served >= MAX_DOCUMENTS or len(self._idle) >= MAX_IDLE:
            self._retire(child)
        else:
            self._idle.append(child)

    def _reap(self, child: _Child) -> None:
        """The child ended: between documents (it chose to) or in one (reported as failed)."""
        if child in self._idle:
            self._idle.remove(child)
        status, usage = self._retire(child)
        if child.job is None:
            return
        del self._busy[child.job]
        answer: dict[str, Any] = {"id": child.job}
        if child.timed_out:
            answer["timeout"] = True
        elif os.WIFSIGNALED(status):
            number, peak = os.WTERMSIG(status), round(usage.ru_maxrss / 1024)
            answer.update(signal=signal.Signals(number).name, peak_mb=peak)
            # the memory bound (RLIMIT_AS) makes allocations fail: Python raises MemoryError (an
            # answer, not a signal), C code may abort or crash near the bound; the kernel's
            # out-of-memory killer sends SIGKILL, which the zygote sends only on time or cancel
            answer["memory"] = peak >= 0.75 * child.memory_mb or (
                number == signal.SIGKILL and not child.killed
            )
        else:
            answer["exit"] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        self._send(json.dumps(answer).encode())

    def _retire(self, child: _Child) -> tuple[int, Any]:
        """Let a child go (it exits when its request pipe closes): its exit status and usage."""
        self._selector.unregister(child.answers)
        os.close(child.answers)
        os.close(child.requests)
        return os.wait4(child.pid, 0)[1:]

    def _kill_overdue(self) -> None:
        now = time.monotonic()
        for child in self._busy.values():
            if not child.timed_out and child.deadline <= now:
                child.timed_out = True
                child.kill()

    def _send(self, data: bytes) -> None:
        write_frame(self._out, data)


def write_frame(fd: int, data: bytes) -> None:
    view = memoryview(FRAME_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def read_frame(fd: int) -> bytes | None:
    """One frame from ``fd``, None at its end."""
    head = _read_exactly(fd, FRAME_LENGTH.size)
    if head is None:
        return None
    return _read_exactly(fd, FRAME_LENGTH.unpack(head)[0])


def _read_exactly(fd: int, size: int) -> bytes | None:
    data = bytearray()
    while len(data) < size:
        chunk = os.read(fd, min(size - len(data), 1 << 20))
        if not chunk:
            return None
        data += chunk
    return bytes(data)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


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
        while (frame := read_frame(requests)) is not None:
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
            # the answer says whether it is the last, so that no request is sent to a child
            # that is leaving
            answer["last"] = bool(answer.get("spent")) or _resident_mb() > memory_mb / 2
            write_frame(answers, json.dumps(answer).encode())
            if answer["last"]:
                break
    except BaseException:  # noqa: BLE001 - the child must exit, whatever happened
        traceback.print_exc(file=sys.stderr)
        status = 1
    finally:
        os._exit(status)


def _resident_mb() -> float:
    """The child's peak resident memory: a child that grew is not given another document."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
