"""The review pages: a person checks and fixes what the machine was unsure of.

A sub-application mounted at ``/review`` on the HTTP server, with its own session cookie (an
encrypted cookie, aiohttp-session), CSRF tokens, security headers and HTML error pages. Pages
are rendered on the server (aiohttp-jinja2, autoescaped) and work without JavaScript; one small
script of our own adds the keyboard.
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp_session import session_middleware
from aiohttp_session.cookie_storage import EncryptedCookieStorage
from cryptography.fernet import Fernet

from bot.app import Services
from bot.config import Config
from bot.errors import ConfigError
from bot.ratelimit import RateLimiter
from handlers.web import pages, signin
from handlers.web.common import ROOT, SERVICES_KEY, SIGN_IN_LIMITER
from handlers.web.middleware import csrf, error_pages, security_headers, signed_in

__all__ = ["ROOT", "create_review_app"]

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
COOKIE = "invoicebot_review"


def session_key(config: Config) -> str:
    """The Fernet key of the session cookies: $INVOICEBOT_SESSION_KEY, else one per start."""
    key = config.review.session_key
    if key is None:
        log.warning(
            "INVOICEBOT_SESSION_KEY is not set: using a random key, so review sessions end "
            "when the server restarts"
        )
        return Fernet.generate_key().decode()
    try:
        if len(base64.urlsafe_b64decode(key.encode())) != 32:
            raise ValueError
    except ValueError:
        raise ConfigError(
            "review.session_key",
            "$INVOICEBOT_SESSION_KEY must be a Fernet key (32 bytes in URL-safe base64): "
            "make one with python3 -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'",
        ) from None
    return key


def create_review_app(config: Config, services_key: web.AppKey[Services]) -> web.Application:
    """The pages; ``services_key`` is where the parent app keeps the services."""
    storage = EncryptedCookieStorage(
        session_key(config),
        cookie_name=COOKIE,
        path=f"{ROOT}/",
        max_age=int(config.review.session_hours * 3600),
        httponly=True,
        samesite="Lax",
        secure=config.http.public_url.startswith("https://"),
    )
    app = web.Application(
        middlewares=[security_headers, session_middleware(storage), error_pages, signed_in, csrf]
    )
    app[SERVICES_KEY] = services_key
    app[SIGN_IN_LIMITER] = RateLimiter(config.review.sign_in_attempts_per_minute)
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    app.add_routes(signin.routes)
    app.add_routes(pages.routes)
    app.router.add_static("/static", HERE / "static")
    return app
