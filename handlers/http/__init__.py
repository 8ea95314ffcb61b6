"""The HTTP channel: an aiohttp application over the core's services."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from aiohttp import web

from bot.app import Services
from bot.channels import WebPath
from bot.config import HttpConfig
from bot.errors import NotFound
from bot.files import SWEEP_INTERVAL_S
from bot.ratelimit import ConcurrencyLimiter, RateLimiter
from handlers.http.common import SERVICES, UPLOADS
from handlers.http.middleware import (
    RATE_LIMITER,
    TOKEN_LIMITER,
    authenticate,
    errors,
    request_ids,
    storable_inputs,
)
from handlers.http.routes import routes

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def create_app(
    lifespan: Callable[[], AbstractAsyncContextManager[Services]],
    channel_paths: Sequence[WebPath] = (),
    http: HttpConfig | None = None,
) -> web.Application:
    """The application; ``lifespan`` opens the services when it starts and closes them after.

    ``channel_paths`` are routes other channels serve here (Slack's events); they are fixed
    now, and each request goes to the handler the channel's runtime gives once it is built.
    ``http`` bounds how long a client may take over a request's headers (aiohttp closes a
    connection whose next request is not complete within its keep-alive time).
    """
    http = http or HttpConfig()
    app = web.Application(
        handler_args={
            "keepalive_timeout": http.header_timeout_seconds,
            # after an answer to an unread body aiohttp reads on for this long: a slow
            # client would hold the connection that much longer
            "lingering_time": 1.0,
        },
        middlewares=[request_ids, errors, storable_inputs, authenticate],
        client_max_size=1024 * 1024,
    )
    app.add_routes(routes)
    for path in channel_paths:
        app.router.add_route(path.method, path.path, _channel_route(path))

    async def sweep_spool(app: web.Application) -> AsyncIterator[None]:
        """Spool files of killed requests go, here as well as at the next start."""

        async def loop() -> None:
            while True:
                await asyncio.sleep(SWEEP_INTERVAL_S)
                removed = await asyncio.to_thread(app[SERVICES].files.sweep)
                if removed:
                    log.info("removed %d spool files of requests that were killed", removed)

        task = asyncio.create_task(loop())
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def services_ctx(app: web.Application) -> AsyncIterator[None]:
        async with lifespan() as services:
            app[SERVICES] = services
            config = services.config.http
            app[RATE_LIMITER] = RateLimiter(config.rate_limit_per_minute)
            app[TOKEN_LIMITER] = RateLimiter(config.token_rate_limit_per_minute)
            app[UPLOADS] = ConcurrencyLimiter(config.max_concurrent_uploads_per_client, "uploads")
            yield

    app.cleanup_ctx.append(services_ctx)
    app.cleanup_ctx.append(sweep_spool)
    return app


def _channel_route(path: WebPath) -> Callable[[web.Request], Any]:
    async def handle(request: web.Request) -> web.StreamResponse:
        handler = request.app[SERVICES].web_handlers().get(path)
        if handler is None:
            raise NotFound(f"{path.path} is not served by any channel")
        response: web.StreamResponse = await handler(request)
        return response

    return handle
