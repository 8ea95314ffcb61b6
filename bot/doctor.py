"""``invoicebot doctor``: is this installation ready? Each check says ok, warning or error,
and for anything not ok, what to do.

The checks know nothing of the terminal: the CLI renders them. Channels add their own
(the outbound relay, IMAP logins, the Slack token) through an optional ``checks()`` method of
their runtime (see bot/channels.py).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from bot.config import Config, StorageConfig
from storage.db import Database
from storage.errors import StorageError

#: free space below this on the data folder's disk is a warning
LOW_SPACE = 1024**3


class State(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Check:
    name: str
    state: State
    detail: str
    #: what to do when it is not ok
    fix: str = ""


CheckRun = Callable[[], Awaitable[list[Check]]]


async def run_checks(config: Config, source: str | None) -> list[Check]:
    """Every check of the core, then the channels' own (skipped when the database is down,
    since channels are built on it)."""
    checks = [config_check(config, source)]
    database = await database_checks(config)
    checks += database
    checks += await store_checks(config.storage)
    checks += await asyncio.to_thread(ocr_checks, config.extraction.ocr_languages)
    checks.append(engine_check(config))
    if all(check.state != State.ERROR for check in database):
        checks += await channel_checks(config)
    return checks


def config_check(config: Config, source: str | None) -> Check:
    where = source or "the embedded defaults (no --config, no $INVOICEBOT_CONFIG)"
    return Check("config", State.OK, f"read {where}; every key known and valid")


async def database_checks(config: Config) -> list[Check]:
    from sqlalchemy.engine import make_url

    from storage.migrate import current_revision, head_revision

    shown = make_url(config.database.url).render_as_string(hide_password=True)
    db = Database(config.database.url)
    try:
        try:
            await db.ping()
            revision = await current_revision(db)
        except StorageError as exc:
            return [Check("database", State.ERROR, exc.detail, "see the message; then re-run")]
        head = head_revision()
        found = Check("database", State.OK, f"{shown} answers")
        if revision == head:
            return [found, Check("schema", State.OK, f"at the latest revision ({head})")]
        return [
            found,
            Check(
                "schema",
                State.WARNING,
                f"at revision {revision or 'none'}, this version's latest is {head}",
                "run `invoicebot db upgrade` (serve and worker also upgrade at start)",
            ),
        ]
    finally:
        await db.close()


async def store_checks(config: StorageConfig) -> list[Check]:
    """The folder (``local``), or this machine's spool folder and the bucket (``s3``)."""
    if config.backend != "s3":
        return storage_checks(config.path)
    from bot.errors import InvoicebotError
    from bot.s3store import S3Store

    checks = storage_checks(config.path, "spool")
    try:
        store = S3Store(config.path, config.s3)
        await store.start()
        try:
            done = await store.probe()
        finally:
            await store.close()
    except InvoicebotError as exc:
        fix = (
            "check [storage.s3] bucket and endpoint_url, that the server is up and that the "
            f"keys in ${config.s3.access_key_id_env}/${config.s3.secret_access_key_env} may "
            "get, put and delete objects and list the bucket there"
        )
        return [*checks, Check("files", State.ERROR, exc.detail, fix)]
    return [*checks, Check("files", State.OK, done)]


def storage_checks(path: Path, name: str = "files") -> list[Check]:
    folder = path.resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".doctor-{os.getpid()}"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        return [
            Check(
                name,
                State.ERROR,
                f"cannot write in {folder}: {exc.strerror or exc}",
                "make the folder writable for this user, or set [storage] path",
            )
        ]
    free = shutil.disk_usage(folder).free
    gib = free / 1024**3
    if free < LOW_SPACE:
        return [
            Check(
                name,
                State.WARNING,
                f"{folder} is writable, {gib:.2f} GiB free",
                "free some space: uploads are refused when the disk is full",
            )
        ]
    return [Check(name, State.OK, f"{folder} is writable, {gib:.1f} GiB free")]


def ocr_checks(languages: Sequence[str]) -> list[Check]:
    """Tesseract with the configured languages, and pdftoppm: scans need both."""
    install = "apt-get install poppler-utils tesseract-ocr " + " ".join(
        f"tesseract-ocr-{code}" for code in languages
    )
    checks = []
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        checks.append(
            Check("tesseract", State.WARNING, "not installed: scanned PDFs end in ERROR", install)
        )
    else:
        listing = subprocess.run(
            [tesseract, "--list-langs"], capture_output=True, text=True, timeout=30
        )
        have = set(listing.stdout.split()[1:])
        missing = [code for code in languages if code not in have]
        if missing:
            checks.append(
                Check(
                    "tesseract",
                    State.WARNING,
                    f"installed, without the languages {', '.join(missing)}",
                    "apt-get install " + " ".join(f"tesseract-ocr-{c}" for c in missing),
                )
            )
        else:
            checks.append(
                Check("tesseract", State.OK, f"installed with {', '.join(languages) or 'no'} data")
            )
    if shutil.which("pdftoppm") is None:
        checks.append(
            Check("pdftoppm", State.WARNING, "not installed: scans cannot be rendered", install)
        )
    else:
        checks.append(Check("pdftoppm", State.OK, "installed"))
    return checks


def engine_check(config: Config) -> Check:
    extraction = config.extraction
    if extraction.engine == "gemini" and not extraction.gemini_api_key:
        return Check(
            "engine",
            State.ERROR,
            "engine = gemini, but GEMINI_API_KEY is not set",
            "export GEMINI_API_KEY=..., or set [extraction] engine = auto",
        )
    if extraction.engine != "auto":
        return Check("engine", State.OK, f"{extraction.engine} (as configured)")
    if extraction.gemini_api_key:
        return Check("engine", State.OK, "auto: e-invoice XML when embedded, else gemini")
    return Check(
        "engine",
        State.OK,
        "auto: e-invoice XML when embedded, else local (GEMINI_API_KEY not set: offline)",
    )


async def channel_checks(config: Config) -> list[Check]:
    """What each configured channel says of itself (relays, logins, tokens)."""
    from bot.app import open_services

    found: list[Check] = []
    async with open_services(config, migrate=False) as services:
        for runtime in services.channels:
            checks = getattr(runtime, "checks", None)
            if checks is None:
                continue
            found += await checks()
    return found
