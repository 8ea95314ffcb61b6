"""Wait until a server process the caller started accepts connections on a loopback port."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from pathlib import Path


class NotListening(Exception):
    """The process exited, or did not listen in time; the message carries its output's tail."""


def wait_listening(
    port: int, proc: subprocess.Popen[bytes], timeout: float = 60, log: Path | None = None
) -> None:
    """Return once ``port`` accepts a connection; raise if ``proc`` exits or time runs out.

    Blocking on purpose: async callers run it in a thread, so the one loop that matters (theirs)
    keeps serving whatever the starting process may call back.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise NotListening(
                f"{' '.join(map(str, proc.args))} exited ({proc.returncode}) before listening"
                f" on {port}\n{_tail(proc, log)}"
            )
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.1)
    raise NotListening(f"nothing listened on {port} within {timeout:.0f} s")


def _tail(proc: subprocess.Popen[bytes], log: Path | None) -> str:
    if log is not None:
        return log.read_text(errors="replace")[-2000:]
    if proc.stdout is not None:
        return proc.stdout.read().decode(errors="replace")[-2000:]
    return ""
