"""A real invoicebot server on loopback, run in a thread with its own event loop.

For blocking clients that drive the server from the test's own thread (schemathesis uses
``requests``; raw sockets for slow clients) without sharing, and so stalling, its loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from bot.config import Config
from storage.db import Database
from storage.migrate import upgrade
from tests.harness import Api, serve


@dataclass
class LiveServer:
    base: str
    port: int
    token: str
    api: Api
    loop: asyncio.AbstractEventLoop

    def run(self, coro: Any, timeout: float = 60) -> Any:
        """Run a coroutine on the server's loop (to use its services) and wait for it."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)


@contextmanager
def live_server(
    config: Config, *, migrate: bool = False, outlets: tuple[str, ...] = ("olt-1",)
) -> Iterator[LiveServer]:
    """Serve ``config`` in a thread; yields once outlets exist and a token is issued."""
    ready: Future[LiveServer] = Future()
    stop: asyncio.Event | None = None

    async def main() -> None:
        nonlocal stop
        stop = asyncio.Event()
        try:
            if migrate:
                db = Database(config.database.url)
                try:
                    await upgrade(db)
                finally:
                    await db.close()
            async with serve(config) as api:
                for outlet in outlets:
                    await api.outlet(outlet)
                token = await api.token()
                port = int(api.base.rsplit(":", 1)[1])
                loop = asyncio.get_running_loop()
                ready.set_result(LiveServer(api.base, port, token, api, loop))
                await stop.wait()
        except BaseException as exc:
            if not ready.done():
                ready.set_exception(exc)
            raise

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True)
    thread.start()
    try:
        server = ready.result(timeout=120)
        yield server
    finally:
        if stop is not None:
            loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=60)
        loop.close()
