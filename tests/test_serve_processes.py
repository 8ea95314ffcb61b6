"""``serve`` with ``[worker] processes``: its own worker processes, restarted when they die."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.pdfs import invoice_pdf
from tests.processes import children, proc_file, running
from tests.test_cli import ROOT, _config, _free_port, run


def _serve(
    tmp_path: Path, db_url: str, processes: int, output: int
) -> tuple[Path, subprocess.Popen[bytes]]:
    """``serve`` with one worker task in each of ``processes`` worker processes."""
    config = _config(tmp_path, db_url, _free_port())
    config.write_text(
        config.read_text().replace(
            "concurrency = 2\n", f"concurrency = 1\nprocesses = {processes}\n"
        )
    )
    run(config, "db", "upgrade")
    server = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--config", str(config), "serve"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    return config, server


def _children(pid: int) -> set[int]:
    """Live child processes of ``pid`` (from /proc), zombies left out."""
    return {c for c in children(pid) if running(c)}


def _workers(serve: int) -> set[int]:
    """The ``invoicebot worker`` processes among serve's children."""
    return {pid for pid in _children(serve) if b"worker" in proc_file(pid, "cmdline").split(b"\0")}


def _wait(predicate, timeout: float = 60.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


async def test_serve_runs_restarts_and_stops_its_worker_processes(
    tmp_path: Path, db_url: str
) -> None:
    config, server = _serve(tmp_path, db_url, processes=2, output=subprocess.PIPE)
    run(config, "outlets", "add", "olt-1", "--name", "Main")
    try:
        first = _wait(lambda: (w := _workers(server.pid)) and len(w) == 2 and w)
        # the work is done by those processes: serve itself runs no worker task
        pdfs = tmp_path / "in"
        pdfs.mkdir()
        for i in range(4):
            (pdfs / f"{i}.pdf").write_bytes(invoice_pdf())
        run(config, "import", "--outlet", "olt-1", "--no-wait", str(pdfs))

        def processed() -> bool:
            out = run(config, "status", "--json").stdout
            return '"done": true' in out

        _wait(processed)

        # one dies as a process can (SIGKILL): serve starts another, the other one lives on
        victim = sorted(first)[0]
        os.kill(victim, signal.SIGKILL)
        after = _wait(lambda: (w := _workers(server.pid)) and len(w) == 2 and victim not in w and w)
        assert sorted(first)[1] in after

        # and the new one works: another batch is read to the end
        (pdfs / "late.pdf").write_bytes(invoice_pdf())
        run(config, "import", "--outlet", "olt-1", "--no-wait", str(pdfs / "late.pdf"))
        _wait(processed)
        await asyncio.sleep(0)
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=60)
    text = out.decode()
    assert server.returncode == 0, text
    assert "2 worker process(es) of 1 task(s)" in text
    assert "exited with signal SIGKILL" in text
    # nothing is left behind
    assert not any(running(pid) for pid in (*first, *after))


def test_a_worker_process_stops_when_serve_is_killed(tmp_path: Path, db_url: str) -> None:
    """serve killed with SIGKILL cannot stop its workers: they notice and stop on their own."""
    _, server = _serve(tmp_path, db_url, processes=1, output=subprocess.DEVNULL)
    (worker,) = _wait(lambda: _workers(server.pid))
    server.kill()
    server.wait(timeout=30)
    _wait(lambda: not running(worker), timeout=30)


@pytest.mark.parametrize("value", ["-1", '"two"'])
def test_processes_must_be_a_whole_number(tmp_path: Path, value: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f"[worker]\nprocesses = {value}\n")
    proc = run(config, "worker", "--help", check=False)
    assert proc.returncode == 0  # --help needs no valid config
    proc = run(config, "status", check=False)
    assert proc.returncode == 2
    assert "worker.processes" in proc.stdout + proc.stderr
