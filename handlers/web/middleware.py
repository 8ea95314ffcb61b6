"""The review pages' middlewares: security headers, errors as HTML pages, sign-in, CSRF.

Kept apart from the API's (bearer tokens, JSON errors): these pages are a sub-application with
their own session cookie, so neither side's rules leak into the other.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

from aiohttp import web
from aiohttp_session import get_session

from bot.errors import (
    InvalidRequest,
    InvoicebotError,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    RateLimited,
    StorageError,
    StoreUnavailable,
)
from handlers.web.common import REVIEWER, ROOT, render, services

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

#: no inline script or style, nothing from elsewhere, never inside a frame
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
#: paths served without signing in
PUBLIC = (f"{ROOT}/sign-in", f"{ROOT}/static/")


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        exc.headers.update(HEADERS)
        raise
    response.headers.update(HEADERS)
    if not request.path.startswith(f"{ROOT}/static/"):
        # pages show invoices: no shared cache keeps them
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def _status(exc: InvoicebotError) -> tuple[int, str]:
    for kind, status, title in (
        (NotFound, 404, "Not found"),
        (InvalidRequest, 400, "Not accepted"),
        (PermissionDenied, 403, "Refused"),
        (RateLimited, 429, "Too many attempts"),
        (NotAuthenticated, 401, "Sign in again"),
    ):
        if isinstance(exc, kind):
            return status, title
    return 500, "Something went wrong"


@web.middleware
async def error_pages(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Errors become HTML pages here, in one place."""
    try:
        return await handler(request)
    except StorageError as exc:
        log.error("storage error on %s %s: %s", request.method, request.path, exc.detail)
        return await _page(
            request, 503, "Database unavailable", "The database did not answer; try again."
        )
    except StoreUnavailable as exc:
        log.error("file store error on %s %s: %s", request.method, request.path, exc.detail)
        return await _page(
            request, 503, "Files unavailable", "The file store did not answer; try again."
        )
    except InvoicebotError as exc:
        status, title = _status(exc)
        response = await _page(request, status, title, exc.detail)
        if isinstance(exc, RateLimited):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return await _page(request, exc.status, exc.reason, exc.text or exc.reason)
    except Exception:
        log.exception("unhandled error on %s %s", request.method, request.path)
        detail = "The error is in the server's log."
        return await _page(request, 500, "Something went wrong", detail)


async def _page(request: web.Request, status: int, title: str, detail: str) -> web.Response:
    context = {"title": title, "detail": detail, "status": status}
    return await render(request, "error.html", context, status=status)


@web.middleware
async def signed_in(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every page but sign-in needs a person whose account still holds (not disabled, no
    password reset since they signed in); else they go to sign-in."""
    if request.path.startswith(PUBLIC) or request.path == ROOT:  # ROOT: a redirect to ROOT/
        return await handler(request)
    session = await get_session(request)
    user_id, version = session.get("user"), session.get("v")
    if not isinstance(user_id, str) or not isinstance(version, int):
        raise _to_sign_in(request, ended=False)
    try:
        request[REVIEWER] = await services(request).users.current(user_id, version)
    except NotAuthenticated:
        session.invalidate()
        raise _to_sign_in(request, ended=True) from None
    return await handler(request)


def _to_sign_in(request: web.Request, ended: bool) -> web.HTTPException:
    params = {"next": request.path_qs} if request.method == "GET" else {}
    if ended:
        params["ended"] = "1"
    query = f"?{urlencode(params)}" if params else ""
    return web.HTTPSeeOther(f"{ROOT}/sign-in{query}")


@web.middleware
async def csrf(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every form posted carries the session's token; one without it is refused."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return await handler(request)
    session = await get_session(request)
    expected = session.get("csrf")
    form = await request.post()
    sent = form.get("csrf")
    if (
        not isinstance(expected, str)
        or not isinstance(sent, str)
        or not hmac.compare_digest(expected.encode(), sent.encode())
    ):
        raise PermissionDenied("this form has expired or did not come from this site: reload")
    return await handler(request)
