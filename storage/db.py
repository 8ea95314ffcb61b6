"""Engine and sessions for SQLite (aiosqlite) and PostgreSQL (asyncpg).

SQLite gets WAL, foreign keys, a busy timeout and ``BEGIN IMMEDIATE`` for every transaction: the
API and the workers write from several connections, and a deferred transaction that upgrades to a
write lock fails at once instead of waiting. PostgreSQL needs none of this.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Table, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError, StatementError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.sql.dml import Insert

from storage.errors import (
    AlreadyExists,
    DatabaseUnavailable,
    IntegrityViolation,
    StorageError,
    ValueRejected,
)

#: execution option marking a read-only session (see :meth:`Database.read`)
READONLY = "invoicebot_readonly"


def make_engine(url: str, echo: bool = False) -> AsyncEngine:
    """Create the engine for ``url``; for SQLite, create the file's folder too."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, echo=echo, connect_args={"timeout": 30})
        _configure_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() != "asyncpg":
        raise StorageError(f"use a postgresql+asyncpg:// URL, not {parsed.drivername}://")
    return create_async_engine(url, echo=echo, pool_pre_ping=True)


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # readers take no write lock: in WAL mode they never wait for writers
        readonly = conn.get_execution_options().get(READONLY)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


class Database:
    """The engine plus a session factory; one per process, made in the composition root."""

    def __init__(self, url: str, echo: bool = False) -> None:
        self.url = url
        self.engine = make_engine(url, echo)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session in one transaction: committed on success, rolled back on error."""
        try:
            async with self.sessions() as session, session.begin():
                yield session
        except IntegrityError as exc:
            raise integrity_error(exc) from exc
        except (SQLAlchemyError, OSError) as exc:
            raise self.error(exc) from exc

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """A session that only reads; on SQLite it does not queue behind writers."""
        try:
            async with self.sessions() as session:
                await session.connection(execution_options={READONLY: True})
                yield session
        except (SQLAlchemyError, OSError) as exc:
            raise self.error(exc) from exc

    def error(self, exc: Exception) -> StorageError:
        """Ours for a driver's failure: a value the database refused, a connection that cannot
        be made (with where and what to do), or else a statement that failed."""
        rejected = value_rejected(exc)
        if rejected is not None:
            return rejected
        unavailable = connection_error(self.url, exc)
        return unavailable or StorageError(_first_line(exc))

    async def ping(self) -> None:
        """Raise :class:`StorageError` when the database does not answer."""
        async with self.read() as session:
            await session.execute(text("SELECT 1"))

    async def close(self) -> None:
        await self.engine.dispose()


_UNREACHABLE = (
    "connection refused",
    "could not connect",
    "name or service not known",
    "temporary failure in name resolution",
    "timeout",
    "timed out",
    "no route to host",
    "connection reset",
    "the database system is starting up",
    "the database system is shutting down",
    "too many clients",
    # the server went away under an open connection (a restart), as asyncpg reports it
    "terminating connection",
    "connection was closed",
    "connection is closed",
    "another operation is in progress",
    "cannot switch to state",
)


def connection_error(url: str, exc: BaseException) -> DatabaseUnavailable | None:
    """A :class:`DatabaseUnavailable` that names the database and the fix, when ``exc`` means
    the database cannot be reached or opened; None for any other failure."""
    parsed = make_url(url)
    text_ = " ".join(str(e) for e in (exc, getattr(exc, "orig", None), exc.__cause__) if e)
    lowered = text_.lower()
    if parsed.get_backend_name() == "sqlite":
        if "unable to open database file" in lowered or isinstance(exc, PermissionError):
            return DatabaseUnavailable(
                f"cannot open the SQLite database {parsed.database}: check that its folder "
                "exists and is writable, or set [database] url"
            )
        return None
    where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
    name = parsed.database or ""
    if f'database "{name}" does not exist' in text_ or "invalidcatalogname" in lowered:
        return DatabaseUnavailable(
            f"the database {name!r} does not exist on {where}: create it (createdb {name}) "
            "or fix [database] url"
        )
    if "password authentication failed" in lowered or "role" in lowered and "not exist" in lowered:
        return DatabaseUnavailable(
            f"the database on {where} refused the login of {parsed.username!r}: fix the user "
            "or password in [database] url"
        )
    if isinstance(exc, OSError) or any(word in lowered for word in _UNREACHABLE):
        reason = _first_line(exc) if not isinstance(exc, OSError) else (exc.strerror or str(exc))
        return DatabaseUnavailable(
            f"cannot reach the database at {where} ({reason}): is PostgreSQL running there? "
            "Check [database] url"
        )
    return None


def is_unique_violation(exc: IntegrityError) -> bool:
    """A unique key was taken (PostgreSQL SQLSTATE 23505; SQLite's "UNIQUE constraint failed"),
    as opposed to a foreign key, NOT NULL or CHECK failure."""
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    cause = getattr(orig, "__cause__", None)
    sqlstate = sqlstate or getattr(cause, "sqlstate", None)
    if sqlstate is not None:
        return bool(sqlstate == "23505")
    return "UNIQUE constraint failed" in str(orig)


def value_rejected(exc: BaseException) -> ValueRejected | None:
    """A :class:`ValueRejected` when the database (SQLSTATE class 22, "data exception") or the
    driver refused a value: too long, out of range, NUL, not encodable."""
    orig = getattr(exc, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None) or getattr(
        getattr(orig, "__cause__", None), "sqlstate", None
    )
    encoding = isinstance(exc, StatementError) and isinstance(orig, UnicodeError)
    if isinstance(exc, DataError) or encoding or str(sqlstate or "").startswith("22"):
        return ValueRejected("a value is too long or out of range for the database")
    return None


#: what a unique key protects, in our words, by the table it is on
_UNIQUE_WORDS = (
    ("invoices", "this file was already imported for this outlet"),
    ("bulk_importations", "this message was already submitted"),
    ("purchase_orders", "a purchase order with this id already exists"),
    ("suppliers", "a supplier with this id already exists"),
    ("outlets", "an outlet with this id already exists"),
    ("oauth_clients", "a client with this id already exists"),
    ("jobs", "this job is already queued"),
)


def integrity_error(exc: IntegrityError) -> StorageError:
    """Ours for SQLAlchemy's IntegrityError: :class:`AlreadyExists` only for a unique key.

    The detail is in our words: a constraint's name is for the log, not for the caller.
    """
    text_ = _first_line(exc)
    if is_unique_violation(exc):
        words = next((w for table, w in _UNIQUE_WORDS if table in text_), "this already exists")
        return AlreadyExists(words)
    return IntegrityViolation("the change refers to something that does not exist (any more)")


def insert_or_skip(session: AsyncSession, table: Table, key: Sequence[str]) -> Insert:
    """``INSERT ... ON CONFLICT (key) DO NOTHING`` on either database: a row whose unique
    ``key`` is taken is skipped, not an error (RETURNING leaves it out), so one statement
    inserts what is new without a savepoint or a lookup first."""
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return make(table).on_conflict_do_nothing(index_elements=list(key))


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0][:300]
