"""The HTTP channel: an aiohttp application over the core's services."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

from aiohttp import web

from bot.app import Services
from bot.ratelimit import RateLimiter
from handlers.http.common import SERVICES
from handlers.http.middleware import RATE_LIMITER, authenticate, errors
from handlers.http.routes import routes

__all__ = ["create_app"]


def create_app(
    lifespan: Callable[[], AbstractAsyncContextManager[Services]],
) -> web.Application:
    """The application; ``lifespan`` opens the services when it starts and closes them after."""
    app = web.Application(middlewares=[errors, authenticate], client_max_size=1024 * 1024)
    app.add_routes(routes)

    async def services_ctx(app: web.Application) -> AsyncIterator[None]:
        async with lifespan() as services:
            app[SERVICES] = services
            app[RATE_LIMITER] = RateLimiter(services.config.http.rate_limit_per_minute)
            yield

    app.cleanup_ctx.append(services_ctx)
    return app
