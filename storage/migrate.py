"""Schema migrations with Alembic, driven from code (no alembic.ini to find).

``upgrade`` runs on the application's own engine so it works inside a running event loop
(``serve`` upgrades at start). On PostgreSQL an advisory lock keeps several processes that start
at once from migrating the same database together.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.util.exc import CommandError
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from storage.db import Database
from storage.errors import SchemaMismatch

MIGRATIONS = Path(__file__).with_name("migrations")
_LOCK_KEY = 0x1A7017B07  # any constant shared by all invoicebot processes


def alembic_config(url: str = "") -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


async def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the database to ``revision``."""

    def run(connection: Connection) -> None:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
        cfg = alembic_config(db.url)
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)

    try:
        async with db.engine.begin() as conn:
            await conn.run_sync(run)
    except CommandError as exc:
        raise SchemaMismatch(
            f"the database's schema is at a revision this invoicebot does not know ({exc}): "
            "it was migrated by a newer version; run that version, or restore a backup"
        ) from exc
    except (SQLAlchemyError, OSError) as exc:
        raise db.error(exc) from exc


async def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    def read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with db.engine.connect() as conn:
        return await conn.run_sync(read)


def head_revision() -> str | None:
    """The latest revision this version's migrations know."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
