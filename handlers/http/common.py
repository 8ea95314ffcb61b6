"""Shared bits of the HTTP adapter: app keys, JSON, paging, the caller."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from aiohttp import web
from yarl import URL

from bot.app import Services
from bot.auth import Principal
from bot.errors import InvalidRequest

SERVICES = web.AppKey("services", Services)
PRINCIPAL = web.RequestKey("principal", Principal)

MAX_PAGE_SIZE = 200


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
    if request.content_type != "application/json":
        raise InvalidRequest("the body must be application/json")
    try:
        return await request.json()
    except ValueError:
        raise InvalidRequest("the body is not valid JSON") from None


def int_param(request: web.Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidRequest(f"{name} must be a whole number", field=name) from None
    if not low <= value <= high:
        raise InvalidRequest(f"{name} must be between {low} and {high}", field=name)
    return value


def datetime_param(request: web.Request, name: str) -> datetime | None:
    raw = request.query.get(name)
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00").replace(" ", "+"))
    except ValueError:
        raise InvalidRequest(f"{name} must be an ISO 8601 date-time", field=name) from None
    if value.tzinfo is None:
        raise InvalidRequest(f"{name} must include a time zone (e.g. Z)", field=name)
    return value


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
