"""Errors become responses here, in one place; the bearer token is checked here too."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot import bounds
from bot.errors import (
    AlreadyExists,
    Conflict,
    IntegrityViolation,
    InvalidRequest,
    InvoicebotError,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    RateLimited,
    RequestTooLarge,
    RequestTooSlow,
    StorageError,
    StoreUnavailable,
    UnknownReference,
    ValueRejected,
)
from bot.logs import bound
from bot.ratelimit import RateLimiter
from handlers.http.common import PRINCIPAL, json_response, services

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
#: paths anyone may call
PUBLIC = ("/healthz", "/oauth/token/", "/api/v2/openapi.json", "/api/v2/docs")

RATE_LIMITER = web.AppKey("rate_limiter", RateLimiter)
#: ``/oauth/token/`` per remote address and per client id
TOKEN_LIMITER = web.AppKey("token_limiter", RateLimiter)
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def _status(exc: InvoicebotError) -> int:
    for kind, status in (
        (RequestTooLarge, 413),
        (RequestTooSlow, 408),
        (ValueRejected, 400),
        (AlreadyExists, 409),
        (IntegrityViolation, 409),
        (UnknownReference, 404),
        (InvalidRequest, 400),
        (NotFound, 404),
        (Conflict, 409),
        (NotAuthenticated, 401),
        (PermissionDenied, 403),
        (RateLimited, 429),
    ):
        if isinstance(exc, kind):
            return status
    return 500


@web.middleware
async def request_ids(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every request gets an id (the client's ``X-Request-ID`` when it is sane): on every log
    line logged while handling it, and in the response's ``X-Request-ID``."""
    given = request.headers.get("X-Request-ID", "")
    request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex[:16]
    with bound(request_id=request_id):
        response = await handler(request)
    response.headers["X-Request-ID"] = request_id
    return response


@web.middleware
async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except (AlreadyExists, IntegrityViolation, ValueRejected) as exc:
        # the edge checks should have caught these; the detail is ours, never the driver's
        log.warning("refused by the database on %s %s: %s", request.method, request.path, exc)
        return json_response({"detail": exc.detail, "field": None}, status=_status(exc))
    except StorageError as exc:
        log.error("storage error on %s %s: %s", request.method, request.path, exc.detail)
        return json_response({"detail": "the database is unavailable, try again"}, status=503)
    except StoreUnavailable as exc:
        # nothing of the request was kept (see Store.store_all): the client may send it again
        log.error("file store error on %s %s: %s", request.method, request.path, exc.detail)
        return json_response(
            {"detail": "the file store is unavailable, nothing was stored; try again later"},
            status=503,
            headers={"Retry-After": "30"},
        )
    except InvoicebotError as exc:
        body: dict[str, object] = {"detail": exc.detail}
        headers: dict[str, str] = {}
        if isinstance(exc, InvalidRequest):
            body["field"] = exc.field
        if isinstance(exc, NotAuthenticated):
            headers["WWW-Authenticate"] = 'Bearer realm="invoicebot"'
        if isinstance(exc, RateLimited):
            headers["Retry-After"] = str(exc.retry_after)
        response = json_response(body, status=_status(exc), headers=headers)
        if isinstance(exc, RequestTooLarge | RequestTooSlow):
            # the rest of the body is not read: the connection cannot carry another request
            response.force_close()
        return response
    except ConnectionResetError:
        # the client went away mid-request (aiohttp's ClientConnectionResetError is one):
        # nothing to answer, nothing broken on our side
        log.info("client went away during %s %s", request.method, request.path)
        return json_response({"detail": "the connection was lost"}, status=400)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return json_response(
            {"detail": exc.reason},
            status=exc.status,
            headers={k: v for k, v in exc.headers.items() if k.lower() in ("allow", "retry-after")},
        )
    except Exception:
        log.exception("unhandled error on %s %s", request.method, request.path)
        return json_response({"detail": "internal server error"}, status=500)


@web.middleware
async def storable_inputs(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Path and query values that no column could hold (NUL, lone surrogates) are refused
    here, for every route, before any reaches the database."""
    for name, value in (*request.match_info.items(), *request.query.items()):
        problem = bounds.unstorable(name) or bounds.unstorable(value)
        if problem is not None:
            field = name if bounds.unstorable(name) is None else None
            raise InvalidRequest(f"{field or 'a parameter'} {problem}", field=field)
    return await handler(request)


@web.middleware
async def authenticate(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path in PUBLIC or not request.path.startswith("/api/"):
        return await handler(request)
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if not header or scheme.lower() != "bearer":
        raise NotAuthenticated("authentication credentials were not provided")
    caller = await services(request).auth.authenticate(token.strip())
    request.app[RATE_LIMITER].hit(caller.client_id)
    request[PRINCIPAL] = caller
    return await handler(request)
