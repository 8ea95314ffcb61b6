"""``serve``, ``worker`` and ``db upgrade``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import signal
import sys
from typing import Any

from aiohttp import web
from rich.console import Console

from bot.app import build_http_app, open_services
from bot.config import Config
from storage.db import Database
from storage.migrate import current_revision, upgrade

out = Console(soft_wrap=True)  # copy-pasteable commands: never wrap


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="run the HTTP API (and workers, per [worker] concurrency)",
        description="Run the HTTP API. Workers run in the same process unless "
        "--workers 0 or [worker] concurrency = 0. Upgrades the database first.",
    )
    p.add_argument("--host", help="override [http] host")
    p.add_argument("--port", type=int, help="override [http] port")
    p.add_argument("--workers", type=int, metavar="N", help="override [worker] concurrency")
    p.set_defaults(run=serve)

    p = sub.add_parser(
        "worker",
        help="run workers only (extraction and replies)",
        description="Run workers without the API: more processes or machines "
        "sharing one PostgreSQL queue. They read invoices and send the replies of finished "
        "batches through the channels the config sets up (email, Slack).",
    )
    p.add_argument("--concurrency", type=int, metavar="N", help="override [worker] concurrency")
    p.set_defaults(run=worker)

    p = sub.add_parser("db", help="database administration", description="Database administration.")
    dbsub = p.add_subparsers(dest="db_command", required=True, metavar="COMMAND")
    up = dbsub.add_parser(
        "upgrade",
        help="apply migrations up to the latest schema",
        description="Apply Alembic migrations up to the latest schema.",
    )
    up.set_defaults(run=db_upgrade)


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
    config = dataclasses.replace(config, http=http, worker=workers)
    runner = web.AppRunner(build_http_app(config))
    await runner.setup()
    site = web.TCPSite(runner, http.host, http.port)
    await site.start()
    base = f"http://{http.host}:{http.port}"
    out.print(
        f"[bold green]invoicebot[/] serving on {base}  "
        f"(database {config.database.url.split('://')[0]}, "
        f"engine {config.extraction.engine}, workers {workers.concurrency})"
    )
    # the command as the user ran it (.venv/bin/invoicebot under `make run`)
    cli = sys.argv[0] if sys.argv[0].endswith("invoicebot") else "invoicebot"
    if args.config:
        cli += f" --config {args.config}"
    out.print(
        f"  1. make a client:  {cli} outlets add olt-1 --name 'My outlet' && "
        f"{cli} clients create demo\n"
        f"  2. get a token:    curl -s -d grant_type=client_credentials -d client_id=ID "
        f"-d client_secret=SECRET {base}/oauth/token/\n"
        f"  3. upload:         curl -s -H 'Authorization: Bearer TOKEN' -F outlet=olt-1 "
        f"-F 'file[0]=@invoice.pdf' {base}/api/v2/invoices/bulk_upload/\n"
        f"  API document: {base}/api/v2/openapi.json   Stop with Ctrl-C."
    )
    try:
        await _until_signal()
    finally:
        out.print("stopping...")
        await runner.cleanup()
    return 0


async def worker(config: Config, args: argparse.Namespace) -> int:
    async with open_services(config) as services:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await services.worker().run(stop, args.concurrency)
    return 0


async def db_upgrade(config: Config, args: argparse.Namespace) -> int:
    db = Database(config.database.url)
    try:
        await upgrade(db)
        out.print(f"database at revision {await current_revision(db)}")
    finally:
        await db.close()
    return 0
