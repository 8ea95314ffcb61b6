"""The composition root: builds every service from the config, in one place.

Nothing is created at import time. Channels (the HTTP app, the CLI, email, Slack) get a
:class:`Services` and call into it; ``open_services`` opens and closes the resources in order,
``running`` adds the channels' listeners and the workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.auth import Auth
from bot.catalog import Catalog
from bot.channels import ChannelPlugin, ChannelRuntime, WebHandler, WebPath, plugins
from bot.config import Config
from bot.extract import build_extractor
from bot.extract.base import Extractor
from bot.extract.isolation import Isolation
from bot.files import Store, build_store
from bot.intake import Intake
from bot.invoices import Invoices
from bot.linking import InvoiceLinker
from bot.notify import BatchReplies, Notifier
from bot.pages import PageImages
from bot.queue import JobQueue
from bot.report import Links
from bot.review import Review
from bot.users import Users
from bot.worker import Linker, Worker
from storage.db import Database
from storage.migrate import upgrade
from storage.status import Channel

log = logging.getLogger(__name__)


@dataclass
class Services:
    config: Config
    db: Database
    files: Store
    queue: JobQueue
    intake: Intake
    invoices: Invoices
    catalog: Catalog
    auth: Auth
    replies: BatchReplies
    links: Links
    users: Users
    review: Review
    linker: Linker | None = None
    #: channel runtimes built from the config (their notifiers are in ``replies``)
    channels: list[ChannelRuntime] = field(default_factory=list)
    #: an engine given by the caller (tests, tools); else built from config on first use
    extractor_override: Extractor | None = None
    #: the zygote the extraction engines fork their bounded children from (started on first
    #: use, stopped when the services close)
    isolation: Isolation = field(default_factory=Isolation)

    @functools.cached_property
    def extractor(self) -> Extractor:
        """Built lazily: admin commands must work even if an engine cannot load."""
        return self.extractor_override or build_extractor(
            self.config.extraction, isolation=self.isolation
        )

    def worker(self, worker_id: str | None = None) -> Worker:
        return Worker(
            db=self.db,
            queue=self.queue,
            files=self.files,
            extractor=self.extractor,
            replies=self.replies,
            config=self.config.worker,
            linker=self.linker,
            worker_id=worker_id,
        )

    def web_handlers(self) -> dict[WebPath, WebHandler]:
        """The HTTP routes the channels serve on our server."""
        found: dict[WebPath, WebHandler] = {}
        for runtime in self.channels:
            found.update(runtime.web_handlers())
        return found


def channel_plugins(config: Config) -> list[ChannelPlugin]:
    """The built-in channels of ``handlers.CHANNELS`` and the config's plug-ins."""
    import handlers

    return plugins(config, handlers.CHANNELS)


@asynccontextmanager
async def open_services(
    config: Config,
    *,
    migrate: bool = True,
    extractor: Extractor | None = None,
    notifiers: Mapping[Channel, Notifier] | None = None,
    with_channels: bool = True,
) -> AsyncIterator[Services]:
    """Open the database (migrating it when ``migrate``) and wire every service.

    Channels are built (not started) unless ``with_channels`` is false (admin commands), so
    every process that runs workers can send any channel's replies. ``notifiers`` replace a
    channel's own (tests).
    """
    db = Database(config.database.url, echo=config.database.echo)
    services: Services | None = None
    files: Store | None = None
    try:
        if migrate:
            await upgrade(db)
        files = build_store(config.storage)
        files.open()
        await files.start()
        queue = JobQueue(db, config.worker.lease_seconds)
        isolation = Isolation()
        linker = InvoiceLinker(config.linking)
        links = Links(config.http.public_url)
        invoices = Invoices(db, files, linker, links)
        replies = BatchReplies(db, {}, links)
        services = Services(
            config=config,
            db=db,
            files=files,
            queue=queue,
            intake=Intake(db, files, queue, config.limits, isolation),
            invoices=invoices,
            catalog=Catalog(db),
            auth=Auth(db, config.http.token_ttl_seconds),
            replies=replies,
            links=links,
            users=Users(db),
            review=Review(
                db,
                invoices,
                PageImages(config.review.page_cache_path),
                links,
                config.review.page_size,
            ),
            extractor_override=extractor,
            isolation=isolation,
            linker=linker,
        )
        if with_channels:
            for plugin in channel_plugins(config):
                runtime = plugin.build(config, services)
                if runtime is None:
                    continue
                services.channels.append(runtime)
                if runtime.notifier is not None:
                    replies.notifiers[runtime.channel] = runtime.notifier
        replies.notifiers.update(notifiers or {})
        yield services
    finally:
        if services is not None:
            await asyncio.to_thread(services.isolation.close)
        if files is not None:
            await files.close()
        await db.close()


@asynccontextmanager
async def running(
    config: Config,
    *,
    run_workers: bool = True,
    listen: bool = True,
    extractor: Extractor | None = None,
    notifiers: Mapping[Channel, Notifier] | None = None,
) -> AsyncIterator[Services]:
    """The services, the channels' listeners (unless ``listen`` is false) and workers (unless
    ``run_workers`` is false or concurrency is 0), started in that order and stopped in
    reverse: what is accepted is stored before anything can stop."""
    async with open_services(config, extractor=extractor, notifiers=notifiers) as services:
        async with contextlib.AsyncExitStack() as stack:
            if listen:
                for runtime in services.channels:
                    await runtime.start()
                    stack.push_async_callback(runtime.stop)
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
    """The HTTP API and the review pages, with services, channels and workers opened by its
    own lifespan."""
    from handlers.http import create_app
    from handlers.http.common import SERVICES
    from handlers.web import ROOT, create_review_app

    paths = [path for plugin in channel_plugins(config) for path in plugin.web_paths(config)]
    app = create_app(lambda: running(config, **options), paths, config.http)
    app.add_subapp(ROOT, create_review_app(config, SERVICES))
    return app
