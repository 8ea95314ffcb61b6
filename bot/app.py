"""The composition root: builds every service from the config, in one place.

Nothing is created at import time. Channels (the HTTP app, the CLI, later SMTP/IMAP/Slack) get a
:class:`Services` and call into it; ``open_services`` opens and closes the resources in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.auth import Auth
from bot.catalog import Catalog
from bot.config import Config
from bot.extract import build_extractor
from bot.extract.base import Extractor
from bot.files import FileStore
from bot.intake import Intake
from bot.invoices import Invoices
from bot.linking import InvoiceLinker
from bot.notify import BatchDone, LogNotifier, Notifier
from bot.queue import JobQueue
from bot.worker import Linker, Worker
from storage.db import Database
from storage.migrate import upgrade

log = logging.getLogger(__name__)


@dataclass
class Services:
    config: Config
    db: Database
    files: FileStore
    queue: JobQueue
    intake: Intake
    invoices: Invoices
    catalog: Catalog
    auth: Auth
    batch_done: BatchDone
    linker: Linker | None = None
    #: an engine given by the caller (tests, tools); else built from config on first use
    extractor_override: Extractor | None = None

    @functools.cached_property
    def extractor(self) -> Extractor:
        """Built lazily: admin commands must work even if an engine cannot load."""
        return self.extractor_override or build_extractor(self.config.extraction)

    def worker(self, worker_id: str | None = None) -> Worker:
        return Worker(
            db=self.db,
            queue=self.queue,
            files=self.files,
            extractor=self.extractor,
            batch_done=self.batch_done,
            config=self.config.worker,
            linker=self.linker,
            worker_id=worker_id,
        )


@asynccontextmanager
async def open_services(
    config: Config,
    *,
    migrate: bool = True,
    extractor: Extractor | None = None,
    notifier: Notifier | None = None,
) -> AsyncIterator[Services]:
    """Open the database (migrating it when ``migrate``) and wire every service."""
    db = Database(config.database.url, echo=config.database.echo)
    try:
        if migrate:
            await upgrade(db)
        files = FileStore(config.storage.path)
        files.open()
        queue = JobQueue(db, config.worker.lease_seconds)
        linker = InvoiceLinker(config.linking)
        invoices = Invoices(db, files, linker)
        batch_done = BatchDone(db, notifier or LogNotifier(), invoices.batch_or_none)

        yield Services(
            config=config,
            db=db,
            files=files,
            queue=queue,
            intake=Intake(db, files, queue, config.limits, batch_done),
            invoices=invoices,
            catalog=Catalog(db),
            auth=Auth(db, config.http.token_ttl_seconds),
            extractor_override=extractor,
            batch_done=batch_done,
            linker=linker,
        )
    finally:
        await db.close()


@asynccontextmanager
async def running(
    config: Config,
    *,
    run_workers: bool = True,
    extractor: Extractor | None = None,
    notifier: Notifier | None = None,
) -> AsyncIterator[Services]:
    """Open the services and, unless ``run_workers`` is false or concurrency is 0, workers too."""
    async with open_services(config, extractor=extractor, notifier=notifier) as services:
        stop = asyncio.Event()
        task = None
        if run_workers and config.worker.concurrency > 0:
            task = asyncio.create_task(services.worker().run(stop), name="workers")
        try:
            yield services
        finally:
            stop.set()
            if task is not None:
                await _stop_workers(task)


async def _stop_workers(task: asyncio.Task[None], grace: float = 10.0) -> None:
    """Let running jobs finish for ``grace`` seconds, then cancel (their jobs are released)."""
    done, _ = await asyncio.wait([task], timeout=grace)
    if not done:
        log.warning("workers still busy after %.0f s; cancelling", grace)
        task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def build_http_app(config: Config, **options: Any) -> web.Application:
    """The HTTP API with services (and workers) opened by its own lifespan."""
    from handlers.http import create_app

    return create_app(lambda: running(config, **options))
