"""Real ``invoicebot worker`` processes for tests about crashes and races between processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start_cli(
    config_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--config", str(config_path), *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def worker_config(
    path: Path, db_url: str, files: Path, engine: str, lease: float, extra: str = ""
) -> Path:
    """A config for worker processes on the test's database and files (one task each)."""
    path.write_text(
        f'[database]\nurl = "{db_url}"\n[storage]\npath = "{files}"\n'
        f'[extraction]\nengine = "{engine}"\n'
        f"[worker]\nconcurrency = 1\nlease_seconds = {lease}\npoll_interval_seconds = 0.05\n"
        "retry_base_seconds = 0.05\n" + extra
    )
    return path


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> str:
    """Signal the process, wait for it, and return what it printed."""
    if proc.poll() is None:
        proc.send_signal(sig)
    out, _ = proc.communicate(timeout=30)
    return out.decode(errors="replace")


def proc_file(pid: int, name: str) -> bytes:
    """/proc/PID/NAME, or nothing for a process that has ended: one can be reaped between being
    listed (or checked) and read, so a missing entry means "gone", not an error (read while the
    process is being torn down, the kernel answers ESRCH)."""
    try:
        return Path(f"/proc/{pid}/{name}").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return b""


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (from /proc), zombies included; a thread that ends between
    the listing of the tasks and the read has none to give (a race CI once met)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except FileNotFoundError:
            continue
    return found


def running(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    stat = proc_file(pid, "stat")
    return bool(stat) and stat.rsplit(b")", 1)[1].split()[0] != b"Z"
