"""``serve``, ``worker`` and ``db upgrade``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import errno
import os
import signal
from typing import Any

from aiohttp import web
from rich.console import Console
from rich.markup import escape

from bot.app import Services, build_http_app, open_services
from bot.cli.supervise import PARENT_ENV, WorkerProcesses, orphaned
from bot.config import Config, ExtractionConfig, WorkerConfig
from bot.errors import Unavailable
from handlers.http.common import SERVICES
from storage.db import Database
from storage.migrate import current_revision, upgrade

out = Console(soft_wrap=True)  # copy-pasteable commands: never wrap


async def _until_signal() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()


async def serve(config: Config, args: argparse.Namespace) -> int:
    http = dataclasses.replace(
        config.http, host=args.host or config.http.host, port=args.port or config.http.port
    )
    workers = config.worker
    if args.workers is not None:
        workers = dataclasses.replace(workers, concurrency=args.workers)
    if args.worker_processes is not None:
        workers = dataclasses.replace(workers, processes=args.worker_processes)
    config = dataclasses.replace(config, http=http, worker=workers)
    processes = None
    if workers.processes and workers.concurrency:
        processes = WorkerProcesses(workers.processes, args.config, workers.concurrency)
        # the tasks run in those processes, not in this one
        config = dataclasses.replace(config, worker=dataclasses.replace(workers, concurrency=0))
    app = build_http_app(config)
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        site = web.TCPSite(runner, http.host, http.port)
        try:
            await site.start()
        except OSError as exc:
            raise _listen_error(http.host, http.port, exc) from exc
        services = app[SERVICES]
        revision = await current_revision(services.db)
        if processes is not None:
            await processes.start()
        out.print(start_block(config, services, runner.addresses, revision, workers))
        await _until_signal()
    finally:
        if processes is not None:
            await processes.stop()
        await runner.cleanup()
    return 0


def _listen_error(host: str, port: int, exc: OSError) -> Unavailable:
    if exc.errno == errno.EADDRINUSE:
        return Unavailable(
            f"cannot listen on {host}:{port}: the address is already in use (another "
            "invoicebot? choose another with --port or [http] port)"
        )
    if exc.errno == errno.EACCES:
        return Unavailable(f"cannot listen on {host}:{port}: permission denied (ports below 1024)")
    return Unavailable(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


def start_block(
    config: Config,
    services: Services,
    addresses: list[Any],
    revision: str | None,
    workers: WorkerConfig | None = None,
) -> str:
    """What ``serve`` says once, at start: where it listens, on what data, with which engine."""
    host, port = addresses[0][:2] if addresses else (config.http.host, config.http.port)
    base = f"http://{host}:{port}"
    engine, why = engine_choice(config.extraction)
    rows = [
        ("API", f"{base}  (OpenAPI {base}/api/v2/openapi.json)"),
        *[(str(runtime.channel), runtime.describe()) for runtime in services.channels],
        ("database", f"{_safe_url(config.database.url)}  (schema {revision})"),
        ("engine", f"{engine}: {why}"),
        ("files", _files(config, services)),
        ("workers", _workers(workers or config.worker)),
    ]
    width = max(len(name) for name, _ in rows)
    # values are text, not markup: "[extraction] engine" must not be taken for a style tag
    lines = [f"  {name.ljust(width)}  {escape(value)}" for name, value in rows]
    return "\n".join(["[bold green]invoicebot[/] serving", *lines, "Stop with Ctrl-C."])


def _files(config: Config, services: Services) -> str:
    folder = str(config.storage.path.resolve())
    if config.storage.backend == "s3":
        return f"{services.files.describe()}  (spool {folder})"
    return folder


def _workers(workers: WorkerConfig) -> str:
    if not workers.concurrency:
        return "none (the API only: run `invoicebot worker` elsewhere)"
    if workers.processes:
        return (
            f"{workers.processes} worker process(es) of {workers.concurrency} task(s), "
            "restarted if they die"
        )
    return f"{workers.concurrency} in this process"


def engine_choice(extraction: ExtractionConfig) -> tuple[str, str]:
    """The engine that reads invoices, and why (``auto`` decides per document)."""
    if extraction.engine != "auto":
        return extraction.engine, "as configured in [extraction] engine"
    if extraction.gemini_api_key:
        return "auto", "e-invoice XML when embedded, else gemini (GEMINI_API_KEY is set)"
    return "auto", "e-invoice XML when embedded, else local (no GEMINI_API_KEY: offline)"


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


async def worker(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config) as services:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        watch = None
        if parent := os.environ.get(PARENT_ENV):
            # started by serve: stop with it, even when it was killed and could not say so
            watch = asyncio.create_task(orphaned(int(parent)))
            watch.add_done_callback(lambda _: stop.set())
        try:
            await services.worker().run(stop, args.concurrency)
        finally:
            if watch is not None:
                watch.cancel()
    return 0


async def db_upgrade(config: Config, args: argparse.Namespace) -> int:
    db = Database(config.database.url)
    try:
        await upgrade(db)
        out.print(f"database at revision {await current_revision(db)}")
    finally:
        await db.close()
    return 0
