"""The two servers of ``bench/intake.py``, each run in a process of its own.

    python bench/_servers.py invoicebot --config FILE
    python bench/_servers.py floor --dir DIR [--no-fsync]

``invoicebot`` is the real HTTP app (``build_http_app``) on the given config. ``floor`` is the least
an aiohttp server can do with the same bodies: one route that streams every file part to its own
file on disk and (unless ``--no-fsync``) fsyncs it before answering. Both listen on a free port of
127.0.0.1, print ``READY <port> <pid>`` once serving, and stop cleanly on SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
import tempfile
from pathlib import Path

from aiohttp import BodyPartReader, web

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

#: the same read size as handlers/http/upload.py, so both servers see the body alike
CHUNK = 256 * 1024
FLOOR_PATH = "/upload/"


def floor_app(root: Path, fsync: bool) -> web.Application:
    async def upload(request: web.Request) -> web.Response:
        reader = await request.multipart()
        saved = 0
        while (part := await reader.next()) is not None:
            assert isinstance(part, BodyPartReader)
            if part.filename is None:
                await part.read()  # the small text fields (outlet)
                continue
            fd, _ = tempfile.mkstemp(dir=root, suffix=".pdf")
            with os.fdopen(fd, "wb") as out:
                while chunk := await part.read_chunk(CHUNK):
                    out.write(chunk)
                if fsync:
                    out.flush()
                    await asyncio.to_thread(os.fsync, out.fileno())
            saved += 1
        return web.json_response({"saved": saved}, status=201)

    app = web.Application()
    app.router.add_post(FLOOR_PATH, upload)
    return app


def invoicebot_app(config_path: Path) -> web.Application:
    from bot.app import build_http_app
    from bot.config import load_config

    return build_http_app(load_config(config_path))


async def serve(app: web.Application) -> None:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(f"READY {port} {os.getpid()}", flush=True)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="server", required=True)
    p = sub.add_parser("invoicebot", help="the real invoicebot HTTP app")
    p.add_argument("--config", type=Path, required=True)
    p = sub.add_parser("floor", help="a bare aiohttp handler writing the parts to disk")
    p.add_argument("--dir", type=Path, required=True)
    p.add_argument("--no-fsync", action="store_true")
    args = parser.parse_args()
    level = os.environ.get("INVOICEBOT_BENCH_LOG", "WARNING")
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if args.server == "invoicebot":
        app = invoicebot_app(args.config)
    else:
        args.dir.mkdir(parents=True, exist_ok=True)
        app = floor_app(args.dir, fsync=not args.no_fsync)
    asyncio.run(serve(app))


if __name__ == "__main__":
    main()
