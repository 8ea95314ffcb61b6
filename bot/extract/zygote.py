"""The parsing zygote: a process that has imported the parsers and forks one child per document.

Started by :mod:`bot.extract.isolation` as ``python -m bot.extract.zygote``; it reads requests on
stdin and writes answers on stdout, both as frames (an 8-byte length, then the bytes). A request
is a JSON header line and the PDF; the answer is JSON with the request's id. Each request gets a
child made with ``fork()``: it inherits the imported modules (a fresh interpreter would spend half
a second importing pypdf, lxml and pydantic), sets its memory and CPU limits and runs the target.
The zygote kills a child that overruns its time and reports what happened to it. The zygote runs
no parser code itself, so a hostile document cannot take it down.
"""

from __future__ import annotations

import importlib
import json
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


@dataclass
class _Job:
    id: int
    pid: int
    fd: int
    deadline: float
    output: bytearray = field(default_factory=bytearray)
    timed_out: bool = False


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
        return {"ok": False, "error": "the document needs more memory than allowed to parse"}
    except RecursionError:
        return {"ok": False, "error": "the document is nested too deeply to parse"}
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must become that file's error
        return {"ok": False, "error": f"the parser failed: {type(exc).__name__}: {exc}"[:500]}


class Zygote:
    """The request loop: frames in, one forked child per request, frames out."""

    def __init__(self, stdin: int, stdout: int) -> None:
        self._in = stdin
        self._out = stdout
        self._buffer = bytearray()
        self._jobs: dict[int, _Job] = {}
        self._selector = selectors.DefaultSelector()

    def run(self) -> None:
        self._selector.register(self._in, selectors.EVENT_READ)
        open_input = True
        while open_input or self._jobs:
            for key, _ in self._selector.select(self._wait()):
                if key.fd == self._in:
                    open_input = self._read_requests()
                else:
                    self._read_child(key.data)
            self._kill_overdue()
        self._selector.close()

    def _wait(self) -> float | None:
        if not self._jobs:
            return None
        return max(0.0, min(job.deadline for job in self._jobs.values()) - time.monotonic())

    def _read_requests(self) -> bool:
        chunk = os.read(self._in, 1 << 20)
        if not chunk:  # the worker is gone: so are its documents
            self._selector.unregister(self._in)
            for job in self._jobs.values():
                _kill(job.pid)
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
        head, _, pdf = frame.partition(b"\n")
        request = json.loads(head)
        if request.get("cancel"):
            job = self._jobs.get(request["id"])
            if job is not None:
                _kill(job.pid)
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read)
            _child(write, request, pdf)
        os.close(write)
        job = _Job(request["id"], pid, read, time.monotonic() + float(request["timeout_s"]))
        self._jobs[job.id] = job
        self._selector.register(read, selectors.EVENT_READ, job)

    def _read_child(self, job: _Job) -> None:
        chunk = os.read(job.fd, 1 << 20)
        if chunk:
            job.output += chunk
            return
        self._selector.unregister(job.fd)
        os.close(job.fd)
        del self._jobs[job.id]
        _, status = os.waitpid(job.pid, 0)
        answer: dict[str, Any] = {"id": job.id}
        if job.timed_out:
            answer["timeout"] = True
        elif os.WIFSIGNALED(status):
            answer["signal"] = signal.Signals(os.WTERMSIG(status)).name
        else:
            try:
                answer["answer"] = json.loads(job.output)
            except ValueError:
                answer["exit"] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        self._send(json.dumps(answer).encode())

    def _kill_overdue(self) -> None:
        now = time.monotonic()
        for job in self._jobs.values():
            if not job.timed_out and job.deadline <= now:
                job.timed_out = True
                _kill(job.pid)

    def _send(self, data: bytes) -> None:
        view = memoryview(FRAME_LENGTH.pack(len(data)) + data)
        while view:
            view = view[os.write(self._out, view) :]


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _child(write: int, request: dict[str, Any], pdf: bytes) -> None:
    """Body of a forked child: bound it, run the target, write the answer, exit."""
    status = 0
    try:
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)  # the zygote's pipes are not the child's to read or write
        os.dup2(null, 1)
        memory = int(request["memory_mb"]) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        cpu = int(float(request["timeout_s"])) + 2  # a second bound beside the zygote's timer
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        sys.setrecursionlimit(5000)
        answer = call(request["target"], pdf, request.get("options") or {})
        data = memoryview(json.dumps(answer).encode())
        while data:
            data = data[os.write(write, data) :]
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
    for name in PRELOAD:
        importlib.import_module(name)
    from bot.extract.parse import parse_pages

    parse_pages([_WARM_UP_PAGE])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the worker decides when the zygote ends
    Zygote(sys.stdin.fileno(), sys.stdout.fileno()).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
