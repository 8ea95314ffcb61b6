"""Shared bits of the HTTP adapter: app keys, JSON, paging, the caller."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from aiohttp import web
from yarl import URL

from bot import bounds
from bot.app import Services
from bot.auth import Principal
from bot.errors import InvalidRequest
from bot.ratelimit import ConcurrencyLimiter
from handlers.http.pace import read_body

SERVICES = web.AppKey("services", Services)
#: uploads running at once per client ([http] max_concurrent_uploads_per_client)
UPLOADS = web.AppKey("uploads", ConcurrencyLimiter)
PRINCIPAL = web.RequestKey("principal", Principal)

MAX_PAGE_SIZE = 200
#: JSON bodies (outlets, suppliers, purchase orders, corrections) are small
MAX_JSON_BODY = 1024 * 1024
INTEGER = re.compile(r"-?[0-9]{1,19}")


def services(request: web.Request) -> Services:
    return request.app[SERVICES]


def principal(request: web.Request) -> Principal:
    found: Principal = request[PRINCIPAL]
    return found


def json_response(data: Any, status: int = 200, **kwargs: Any) -> web.Response:
    return web.json_response(data, status=status, dumps=_dumps, **kwargs)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)


async def json_body(request: web.Request) -> Any:
    """The JSON body, refused when it is not JSON, holds NaN or Infinity (not JSON, though
    Python's parser takes them), is nested deeper than our shapes or holds text storage cannot
    keep (NUL, lone surrogates)."""
    if request.content_type != "application/json":
        raise InvalidRequest("the body must be application/json")
    raw = await read_body(request, services(request).config.http, MAX_JSON_BODY)
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise InvalidRequest("the body is not valid JSON") from None
    found = bounds.json_problem(data)
    if found is not None:
        problem, path = found
        raise InvalidRequest(f"{path or 'the body'} {problem}", field=path)
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def text_param(request: web.Request, name: str, max_length: int) -> str | None:
    """A query parameter as text within ``max_length``; empty is absent."""
    raw = request.query.get(name)
    if not raw:
        return None
    return bounds.text(raw, name, max_length)


def int_param(request: web.Request, name: str, default: int, low: int, high: int) -> int:
    """A whole number written plainly (``int()`` would also take `` 5``, ``+5``, ``5_0``,
    which the OpenAPI document's integer does not); absent is ``default``, empty is 400."""
    raw = request.query.get(name)
    if raw is None:
        return default
    if not INTEGER.fullmatch(raw):
        raise InvalidRequest(f"{name} must be a whole number", field=name)
    value = int(raw)
    if not low <= value <= high:
        raise InvalidRequest(f"{name} must be between {low} and {high}", field=name)
    return value


def choice_param(request: web.Request, name: str, allowed: Sequence[str]) -> str | None:
    """A query parameter that must be one of ``allowed`` (empty is absent)."""
    raw = request.query.get(name)
    if not raw:
        return None
    if raw not in allowed:
        raise InvalidRequest(f"{name} must be one of {', '.join(allowed)}", field=name)
    return raw


def datetime_param(request: web.Request, name: str) -> datetime | None:
    raw = request.query.get(name)
    if raw is None:
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00").replace(" ", "+"))
    except ValueError:
        raise InvalidRequest(f"{name} must be an ISO 8601 date-time", field=name) from None
    if value.tzinfo is None:
        raise InvalidRequest(f"{name} must include a time zone (e.g. Z)", field=name)
    return bounds.utc(value, name)


def page_params(request: web.Request, default_size: int = 10) -> tuple[int, int, int]:
    """(page, page_size, offset) from ``page`` (from 1) and ``page_size`` (at most 200)."""
    page = int_param(request, "page", 1, 1, 10**9)
    size = int_param(request, "page_size", default_size, 1, MAX_PAGE_SIZE)
    return page, size, (page - 1) * size


def paginated(
    request: web.Request, count: int, page: int, size: int, results: list[Any]
) -> web.Response:
    if count and (page - 1) * size >= count and page > 1:
        raise web.HTTPNotFound(reason="Invalid page.")

    def link(number: int) -> str | None:
        if number < 1 or (number - 1) * size >= count:
            return None
        url: URL = request.url
        return str(url.update_query(page=number))

    return json_response(
        {"count": count, "next": link(page + 1), "previous": link(page - 1), "results": results}
    )
