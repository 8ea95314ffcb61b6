"""Shared fixtures: a fresh database per test on SQLite and on PostgreSQL, and a real server.

PostgreSQL is the one at 127.0.0.1:5432 (trust auth, database ``test``), or
``$INVOICEBOT_TEST_PG``. It is required: without it these tests fail, they are never skipped.
Each test gets its own database, cloned from a migrated template made once per session.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot.config import Config, config_from_dict
from storage.db import Database
from storage.migrate import upgrade

PG_URL = os.environ.get("INVOICEBOT_TEST_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
DATABASES = ["sqlite", "postgresql"]


def _pg_dsn(database: str) -> str:
    url = make_url(PG_URL).set(drivername="postgresql", database=database)
    return url.render_as_string(hide_password=False)


def _pg_url(database: str) -> str:
    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


async def _pg_admin(sql: str) -> None:
    conn = await asyncpg.connect(_pg_dsn(make_url(PG_URL).database or "test"))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def _migrate(url: str) -> None:
    db = Database(url)
    try:
        await upgrade(db)
    finally:
        await db.close()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    asyncio.run(_migrate(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    name = f"invoicebot_tmpl_{uuid.uuid4().hex[:10]}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    asyncio.run(_migrate(_pg_url(name)))
    yield name
    asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=DATABASES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """A fresh, migrated database: one SQLite file, or one PostgreSQL database."""
    if request.param == "sqlite":
        path = tmp_path / "invoicebot.db"
        shutil.copy(sqlite_template, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    template = request.getfixturevalue("pg_template")
    name = f"invoicebot_t_{uuid.uuid4().hex[:12]}"
    asyncio.run(_pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield _pg_url(name)
    asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


ConfigFactory = Callable[..., Config]


@pytest.fixture
def make_config(db_url: str, tmp_path: Path) -> ConfigFactory:
    """A config on the test's database and folder; keyword sections override the defaults."""

    def factory(**sections: dict[str, Any]) -> Config:
        table: dict[str, Any] = {
            "database": {"url": db_url},
            "storage": {"path": str(tmp_path / "files")},
            "http": {"host": "127.0.0.1", "port": 0},
            "worker": {"concurrency": 1, "poll_interval_seconds": 0.05, "retry_base_seconds": 0.05},
            "extraction": {"engine": "local"},
        }
        for name, values in sections.items():
            table[name] = {**table.get(name, {}), **values}
        return config_from_dict(table)

    return factory


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[Database]:
    database = Database(db_url)
    yield database
    await database.close()
