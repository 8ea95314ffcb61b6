"""schemathesis against the real server on loopback, for longer runs than CI's.

    .venv/bin/python bench/fuzz.py --max-time 300                  # SQLite
    .venv/bin/python bench/fuzz.py --postgres --max-time 300       # a fresh PostgreSQL database

Starts the API (workers off, rate limit off) on a fresh database, creates an outlet and a
client, and runs ``schemathesis run --checks all`` with its token; prints schemathesis' summary.
Extra arguments after ``--`` go to schemathesis.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import config_from_dict  # noqa: E402
from tests.live import live_server  # noqa: E402

PG = os.environ.get("INVOICEBOT_TEST_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


async def _pg(sql: str) -> None:
    url = make_url(PG).set(drivername="postgresql")
    conn = await asyncpg.connect(url.render_as_string(hide_password=False))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--max-time", type=int, default=120)
    parser.add_argument("--workers", default="1")
    parser.add_argument("extra", nargs="*")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="invoicebot-fuzz-"))
    pg_name = None
    if args.postgres:
        pg_name = f"invoicebot_fuzz_{uuid.uuid4().hex[:10]}"
        asyncio.run(_pg(f'CREATE DATABASE "{pg_name}"'))
        url = make_url(PG).set(database=pg_name).render_as_string(hide_password=False)
    else:
        url = f"sqlite+aiosqlite:///{tmp / 'fuzz.db'}"
    config = config_from_dict(
        {
            "database": {"url": url},
            "storage": {"path": str(tmp / "files")},
            "http": {"port": 0, "rate_limit_per_minute": 0, "token_rate_limit_per_minute": 0},
            "worker": {"concurrency": 0},
            "extraction": {"engine": "local"},
        }
    )
    try:
        with live_server(config, migrate=True) as server:
            cmd = [
                str(Path(sys.executable).with_name("schemathesis")),
                "--config-file",
                str(ROOT / "tests" / "schemathesis.toml"),
                "run",
                f"{server.base}/api/v2/openapi.json",
                "--checks",
                "all",
                "--max-time",
                str(args.max_time),
                "--workers",
                args.workers,
                "-H",
                f"Authorization: Bearer {server.token}",
                "--suppress-health-check",
                "all",
                *args.extra,
            ]
            return subprocess.call(cmd)
    finally:
        if pg_name:
            asyncio.run(_pg(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)'))


if __name__ == "__main__":
    raise SystemExit(main())
