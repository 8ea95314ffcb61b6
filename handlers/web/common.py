"""Shared bits of the review pages: app keys, the signed-in person, the inbox query, paths."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from aiohttp_session import Session, get_session
from multidict import MultiMapping

from bot.app import Services
from bot.errors import InvalidRequest
from bot.ratelimit import RateLimiter
from bot.review import InboxQuery
from bot.users import Reviewer

#: where the pages are mounted
ROOT = "/review"

#: the key under which the HTTP app keeps the services (given by the composition root)
SERVICES_KEY = web.AppKey("services_key", web.AppKey)
SIGN_IN_LIMITER = web.AppKey("sign_in_limiter", RateLimiter)
REVIEWER = web.RequestKey("reviewer", Reviewer)


def services(request: web.Request) -> Services:
    found: Services = request.config_dict[request.config_dict[SERVICES_KEY]]
    return found


def reviewer(request: web.Request) -> Reviewer:
    found: Reviewer = request[REVIEWER]
    return found


async def csrf_token(request: web.Request) -> str:
    """The session's CSRF token, made on first use; every form carries it."""
    session = await get_session(request)
    return ensure_csrf(session)


def ensure_csrf(session: Session) -> str:
    token = session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def local_path(target: str | None) -> str:
    """Where to go after sign-in: only a path of these pages (never another site)."""
    if target and target.startswith(f"{ROOT}/") and not target.startswith("//"):
        return target
    return f"{ROOT}/"


def _date(query: MultiMapping[str], name: str) -> date | None:
    raw = query.get(name) or ""
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidRequest(f"{name} must be a date (YYYY-MM-DD)", field=name) from None


def inbox_query(query: MultiMapping[str]) -> InboxQuery:
    """The inbox's filters, order and page from a URL query."""
    try:
        page = int(query.get("page") or 1)
    except ValueError:
        raise InvalidRequest("page must be a whole number", field="page") from None
    found = InboxQuery(
        outlet=query.get("outlet") or None,
        supplier=query.get("supplier") or None,
        batch=query.get("batch") or None,
        reason=query.get("reason") or None,
        created_from=_date(query, "from"),
        created_to=_date(query, "to"),
        ordering=query.get("ordering") or "-created_date",
        page=page,
    )
    found.check()
    return found


def query_params(query: InboxQuery, **override: Any) -> dict[str, str]:
    """The URL query of an inbox query (defaults left out), with some values replaced."""
    values: dict[str, Any] = {
        "outlet": query.outlet,
        "supplier": query.supplier,
        "batch": query.batch,
        "reason": query.reason,
        "from": query.created_from.isoformat() if query.created_from else None,
        "to": query.created_to.isoformat() if query.created_to else None,
        "ordering": None if query.ordering == "-created_date" else query.ordering,
        "page": None if query.page == 1 else query.page,
    }
    values.update(override)
    return {k: str(v) for k, v in values.items() if v not in (None, "")}


async def render(
    request: web.Request, template: str, context: dict[str, Any], status: int = 200
) -> web.Response:
    """A page, with what every page shows: the person signed in, the CSRF token, the root."""
    session = await get_session(request)
    base = {"reviewer": request.get(REVIEWER), "csrf": ensure_csrf(session), "root": ROOT}
    return aiohttp_jinja2.render_template(template, request, {**base, **context}, status=status)
