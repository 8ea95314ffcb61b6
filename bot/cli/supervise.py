"""``invoicebot worker`` processes that ``serve`` starts beside itself and keeps running.

One Python process runs one thing at a time: with the workers inside ``serve``, a burst of mail
or uploads and the reading of what came in take turns on one core. Worker processes of their own
let the intake and the workers use a core each (and more processes, more cores), with nothing to
deploy but ``serve``. They share the queue through the database like workers on other machines.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Sequence

log = logging.getLogger(__name__)

#: set in a worker process that ``serve`` started: the worker stops when that parent is gone
PARENT_ENV = "INVOICEBOT_PARENT_PID"


class WorkerProcesses:
    """Start ``count`` worker processes, restart one that dies, stop them all at the end."""

    def __init__(
        self, count: int, config_path: str | None, concurrency: int, restart_after: float = 1.0
    ) -> None:
        self.count = count
        self.command: Sequence[str] = [
            sys.executable,
            "-m",
            "bot.cli",
            *(["--config", config_path] if config_path else []),
            "worker",
            "--concurrency",
            str(concurrency),
        ]
        self.restart_after = restart_after
        self.processes: list[asyncio.subprocess.Process | None] = [None] * count
        self._watchers: list[asyncio.Task[None]] = []
        self._stopping = False

    async def start(self) -> None:
        self._watchers = [
            asyncio.create_task(self._keep(i), name=f"worker-process-{i}")
            for i in range(self.count)
        ]

    async def _keep(self, index: int) -> None:
        delay = self.restart_after
        while not self._stopping:
            # a session of its own: Ctrl-C in the terminal reaches serve, which stops them in
            # order, instead of every process at once (and this loop restarting them)
            proc = await asyncio.create_subprocess_exec(
                *self.command,
                env={**os.environ, PARENT_ENV: str(os.getpid())},
                start_new_session=True,
            )
            self.processes[index] = proc
            log.info("worker process %d started (pid %d)", index + 1, proc.pid)
            code = await proc.wait()
            if self._stopping:
                return
            log.error(
                "worker process %d (pid %d) exited with %s; starting another in %.0f s",
                index + 1,
                proc.pid,
                _exit(code),
                delay,
            )
            await asyncio.sleep(delay)
            delay = min(delay * 2, 60.0)

    async def stop(self, grace: float = 15.0) -> None:
        """SIGTERM (each finishes or hands back its job), then SIGKILL after ``grace``."""
        self._stopping = True
        live = [p for p in self.processes if p is not None and p.returncode is None]
        for proc in live:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
        if live:
            _, pending = await asyncio.wait(
                [asyncio.create_task(p.wait()) for p in live], timeout=grace
            )
            if pending:
                log.warning("worker processes still busy after %.0f s; killing them", grace)
                for proc in live:
                    with contextlib.suppress(ProcessLookupError):
                        proc.kill()
                await asyncio.wait(pending)
        for task in self._watchers:
            task.cancel()
        await asyncio.gather(*self._watchers, return_exceptions=True)


def _exit(code: int) -> str:
    return f"signal {signal.Signals(-code).name}" if code < 0 else f"code {code}"


async def orphaned(parent: int, every: float = 1.0) -> None:
    """Return once ``parent`` is no longer this process's parent (it died, even by SIGKILL)."""
    while os.getppid() == parent:  # noqa: ASYNC110 (no event says "the parent died")
        await asyncio.sleep(every)
