"""The parsing zygote: a process that has imported the parsers and forks bounded children.

Started by :mod:`bot.extract.isolation` as ``python -m bot.extract.zygote`` with a Unix
``SOCK_SEQPACKET`` socket as its stdin. It only makes and buries children: asked for one (a JSON
message ``{"fork": n, "memory_mb": m}``) it forks it and hands the parent the child's two pipes
and a pidfd (``SCM_RIGHTS``, with ``{"forked": n, "pid": p}``); when one ends it reaps it and
says how (``{"ended": p, "signal": ..., "exit": ..., "peak_mb": ...}``). Documents do not pass
through it: the parent writes each request (a JSON header line and the PDF, as a frame: an 8-byte
length, then the bytes) to the child and reads its answer from it, which spares two process
wake-ups, two reads and two writes per document (about a third of a small invoice's trip).

A child inherits the imported modules (a fresh interpreter would spend half a second importing
pypdf, lxml and pydantic), sets its memory limit and, per document, its CPU limit and a wall
clock alarm whose default action ends it, and runs the target. A child serves up to
:data:`MAX_DOCUMENTS` documents one at a time (a fork and its cold caches cost 15-35 ms, more
than parsing a small invoice), and is let go sooner when its memory grew past half its bound or a
document raised anything but an extraction error. The parent kills a child that overruns a
document's time by more than a grace (the alarm did not end it) or whose call was cancelled. The
zygote runs no parser code itself, so a hostile document cannot take it down.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import logging
import os
import pkgutil
import resource
import selectors
import signal
import socket
import struct
import sys
import time
import traceback
import zlib
from collections.abc import Callable, Iterator
from typing import Any

from bot.errors import ExtractionError

#: Modules imported once, before any fork.
PRELOAD = ("bot.extract.parse", "bot.extract.einvoice")
#: Each frame on the pipes starts with its length (shared with bot.extract.isolation).
FRAME_LENGTH = struct.Struct(">Q")
#: Documents one child serves before it is let go (a fork, and the pages it copies as it writes
#: to what it shares with the zygote, cost more than a small document's parse: on the own
#: generator's invoices the engine took 10-24% longer than the parse in process with 50 a child,
#: 1-7% with 1000 and the zygote's heap frozen), and children kept waiting for the next.
MAX_DOCUMENTS = 1000
MAX_IDLE = 2
#: The largest message on the zygote's socket (its messages are small JSON objects).
MESSAGE_SIZE = 4096
#: A child's answer starts with two bytes: is it the child's last (``LAST`` or ``MORE``), and is
#: the rest the target's result as JSON (``RESULT``) or an error message (``ERROR``).
LAST, MORE, RESULT, ERROR = b"L", b".", b"=", b"!"


class JSONText(bytes):
    """A target's result already encoded as JSON: the child sends it as it is (a pydantic model
    dumps itself to JSON faster than ``json.dumps`` encodes its ``model_dump``)."""


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


def write_frame(fd: int, data: bytes) -> None:
    view = memoryview(FRAME_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def call(target: Callable[..., Any], pdf: bytes, options: dict[str, Any]) -> tuple[bytes, bool]:
    """Run ``target`` on the PDF: its answer (:data:`RESULT` and the JSON of its result, or
    :data:`ERROR` and a message) and whether the child should leave after it."""
    try:
        result = target(pdf, **options)
        text = result if isinstance(result, JSONText) else json.dumps(result).encode()
        return RESULT + text, False
    except ExtractionError as exc:
        return ERROR + str(exc).encode(), False
    except MemoryError:
        return ERROR + b"the document needs more memory than allowed", True
    except RecursionError:
        return ERROR + b"the document is nested too deeply to parse", True
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must become that file's error
        error = f"the parser failed: {type(exc).__name__}: {exc}"[:500]
        return ERROR + error.encode(), True


class Zygote:
    """The loop: fork a child when asked, reap children as they end, until the parent is gone."""

    def __init__(self, parent: socket.socket) -> None:
        self._parent = parent
        self._children: dict[int, int] = {}  # pid -> pidfd (readable once the child has ended)
        self._selector = selectors.DefaultSelector()

    def run(self) -> None:
        self._selector.register(self._parent, selectors.EVENT_READ)
        while True:
            for key, _ in self._selector.select():
                if key.data is not None:
                    self._reap(key.data)
                elif not self._read_request():
                    self._stop()
                    return

    def _read_request(self) -> bool:
        """Serve one message of the parent; False once it is gone."""
        message = self._parent.recv(MESSAGE_SIZE)
        if not message:
            return False
        request = json.loads(message)
        self._fork(int(request["fork"]), int(request["memory_mb"]))
        return True

    def _fork(self, number: int, memory_mb: int) -> None:
        to_child, requests = os.pipe()
        answers, from_child = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            _serve(to_child, from_child, memory_mb)
        os.close(to_child)
        os.close(from_child)
        pidfd = os.pidfd_open(pid)
        self._children[pid] = pidfd
        self._selector.register(pidfd, selectors.EVENT_READ, pid)
        try:
            reply = json.dumps({"forked": number, "pid": pid}).encode()
            socket.send_fds(self._parent, [reply], [requests, answers, pidfd])
        except OSError:  # the parent is gone (its socket says so next): so is the child's work
            os.kill(pid, signal.SIGKILL)
        finally:
            os.close(requests)  # the parent holds them now: the child's pipes are its alone
            os.close(answers)

    def _reap(self, pid: int) -> None:
        """A child ended: tell the parent how (it knows which document, if any, it was reading)."""
        pidfd = self._children.pop(pid)
        self._selector.unregister(pidfd)
        os.close(pidfd)
        status, usage = os.wait4(pid, 0)[1:]
        report: dict[str, Any] = {"ended": pid, "peak_mb": round(usage.ru_maxrss / 1024)}
        if os.WIFSIGNALED(status):
            report["signal"] = signal.Signals(os.WTERMSIG(status)).name
        else:
            report["exit"] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        with contextlib.suppress(OSError):  # the parent is gone: nobody waits for the news
            self._parent.send(json.dumps(report).encode())

    def _stop(self) -> None:
        """The parent is gone: so are the documents its children read, and the children."""
        for pid, pidfd in self._children.items():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(pidfd)
        self._children.clear()
        self._selector.close()


def _serve(requests: int, answers: int, memory_mb: int) -> None:
    """Body of a forked child: bound it, then answer requests until the parent closes the pipe,
    the CPU budget runs low, the memory grows, or a document broke the interpreter's state."""
    status = 0
    try:
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)  # nor the zygote's socket nor its output are the child's
        os.dup2(null, 1)
        _close_all_but((requests, answers))  # nor its epoll, its other children's pidfds, pipes
        memory = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        sys.setrecursionlimit(5000)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)  # its alarm ends it: no handler may catch it
        _answer(requests, answers, memory_mb)
    except BaseException:  # noqa: BLE001 - the child must exit, whatever happened
        traceback.print_exc(file=sys.stderr)
        status = 1
    finally:
        os._exit(status)


def _close_all_but(keep: tuple[int, ...]) -> None:
    """Close every file descriptor above stderr but those in ``keep``."""
    low = 3
    for fd in sorted(keep):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, os.sysconf("SC_OPEN_MAX"))


def _answer(requests: int, answers: int, memory_mb: int) -> None:
    """The child's requests, one document at a time, each bounded in CPU and wall-clock time."""
    targets: dict[str, Callable[..., Any]] = {}
    for served, frame in enumerate(Frames(requests), 1):
        head, _, pdf = frame.partition(b"\n")
        request = json.loads(head)
        timeout = float(request["timeout_s"])
        # CPU time is counted over the child's life: each document gets its own bound
        # (the soft limit only: an unprivileged process cannot raise its hard limit again)
        budget = int(time.process_time()) + 1 + int(timeout) + 2
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        if hard != resource.RLIM_INFINITY:
            budget = min(budget, hard)
        resource.setrlimit(resource.RLIMIT_CPU, (budget, hard))
        # its wall-clock bound: SIGALRM's default action ends the process, whatever it runs
        signal.setitimer(signal.ITIMER_REAL, max(timeout, 0.001))
        name = request["target"]
        target = targets.get(name) or targets.setdefault(name, pkgutil.resolve_name(name))
        answer, broken = call(target, pdf, request.get("options") or {})
        signal.setitimer(signal.ITIMER_REAL, 0)
        # the answer says whether it is the last (a broken document, its share served, its
        # memory grown), so that no request is sent to a child that is leaving
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        last = broken or served >= MAX_DOCUMENTS or peak_mb > memory_mb / 2
        write_frame(answers, (LAST if last else MORE) + answer)
        if last:
            return


#: A small page read once before any fork, so that what the parser builds on first use (compiled
#: patterns, the anchor words of its label patterns, pypdf's lazy imports and font tables) is
#: inherited, not rebuilt in each child (about 4 ms of a child's first document).
_WARM_UP_PAGE = (
    "ACME Supplies Ltd\nInvoice number: INV-1  Date: 01/02/2024  Due date: 01/03/2024\n"
    "Description   Qty   Unit price   Amount\nTomatoes   2   1.50   3.00\n"
    "Subtotal   3.00\nVAT 20%   0.60\nTotal   3.60\n"
)


def warm_up_pdf(text: str = _WARM_UP_PAGE) -> bytes:
    """A one-page PDF that shows ``text`` (ASCII, one line a row) in Helvetica, compressed."""
    rows = "".join(f"({line}) Tj 0 -14 Td " for line in text.splitlines())
    content = zlib.compress(f"BT /F1 10 Tf 40 780 Td {rows}ET".encode())
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    pdf, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def main() -> int:
    # the parsers report what they could not read in their own words (warnings, errors);
    # pypdf's own complaints about a broken file ("EOF marker not found") only repeat them
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    for name in PRELOAD:
        importlib.import_module(name)
    from bot.extract.parse import read_pdf

    read_pdf(warm_up_pdf())
    # what is imported and warmed is never garbage: a child's collections pass over it, and do not
    # write to it, which would copy each page it sits on (the zygote's memory is shared until then)
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when the zygote ends
    Zygote(socket.socket(fileno=sys.stdin.fileno())).run()
    return 0


if __name__ == "__main__":
    # run as the imported module, not as __main__: the targets' JSONText is that module's
    from bot.extract import zygote

    raise SystemExit(zygote.main())
