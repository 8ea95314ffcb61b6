"""Run a parsing function in a child process with a time and memory bound.

PDF parsers can be made to loop, to allocate without end or to recurse deeply by a hostile file.
Parsing therefore never runs in the server or worker process: each call starts a short-lived
child (``python -m bot.extract.isolation``) with ``RLIMIT_AS`` set, feeds it the bytes on stdin
and reads one JSON answer on stdout. A child that overruns is killed and the job ends in ERROR;
the worker lives on.

The target is a ``"module:function"`` path; the function takes ``(pdf: bytes, **options)`` and
returns something JSON-serialisable (a pydantic model is dumped with ``mode="json"``). It may
raise :class:`~bot.errors.ExtractionError`, whose message is passed back to the parent.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import resource
import signal
import sys
from dataclasses import dataclass
from typing import Any

from bot.errors import ExtractionError, TransientExtractionError


@dataclass(frozen=True)
class Limits:
    """Bounds for one isolated call."""

    timeout_s: float = 60.0
    memory_mb: int = 1024


async def run_isolated(
    target: str, pdf: bytes, options: dict[str, Any] | None = None, limits: Limits = Limits()
) -> Any:
    """Call ``target(pdf, **options)`` in a child process and return its JSON result."""
    header = json.dumps(
        {"target": target, "options": options or {}, "memory_mb": limits.memory_mb}
    ).encode()
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.extract.isolation",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(
            proc.communicate(header + b"\n" + pdf), timeout=limits.timeout_s
        )
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise ExtractionError(
            f"parsing took longer than {limits.timeout_s:g} s and was stopped"
        ) from None
    except asyncio.CancelledError:
        proc.kill()
        await proc.wait()
        raise
    if proc.returncode and proc.returncode < 0:
        sig = signal.Signals(-proc.returncode).name
        raise ExtractionError(
            f"the parser was killed by {sig} (memory bound {limits.memory_mb} MB)"
        )
    try:
        answer = json.loads(out)
    except ValueError:
        tail = err.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
        raise ExtractionError(f"the parser failed: {tail[0][:300]}") from None
    if answer.get("ok"):
        return answer["result"]
    if answer.get("transient"):
        raise TransientExtractionError(answer["error"])
    raise ExtractionError(answer["error"])


def _child() -> int:
    """Entry point of the child process."""
    stdin = sys.stdin.buffer
    header = json.loads(stdin.readline())
    limit = int(header["memory_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    sys.setrecursionlimit(5000)
    pdf = stdin.read()
    module_name, _, func_name = header["target"].partition(":")
    out = sys.stdout
    try:
        func = getattr(importlib.import_module(module_name), func_name)
        result = func(pdf, **header["options"])
        if hasattr(result, "model_dump"):
            result = result.model_dump(mode="json")
        payload: dict[str, Any] = {"ok": True, "result": result}
    except TransientExtractionError as exc:
        payload = {"ok": False, "transient": True, "error": str(exc)}
    except ExtractionError as exc:
        payload = {"ok": False, "error": str(exc)}
    except MemoryError:
        payload = {"ok": False, "error": "the document needs more memory than allowed to parse"}
    except RecursionError:
        payload = {"ok": False, "error": "the document is nested too deeply to parse"}
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must become that file's error
        payload = {"ok": False, "error": f"the parser failed: {type(exc).__name__}: {exc}"[:500]}
    out.write(json.dumps(payload))
    out.flush()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(_child())
