"""Signing in and out of the review pages."""

from __future__ import annotations

from aiohttp import web
from aiohttp_session import get_session, new_session

from bot.errors import NotAuthenticated, RateLimited
from handlers.web.common import (
    ROOT,
    SIGN_IN_LIMITER,
    ensure_csrf,
    local_path,
    render,
    services,
)

routes = web.RouteTableDef()


@routes.get("/sign-in")
async def sign_in_form(request: web.Request) -> web.Response:
    session = await get_session(request)
    ensure_csrf(session)
    notice = "Your session has ended: sign in again." if request.query.get("ended") else None
    return await _form(request, notice=notice)


async def _form(
    request: web.Request,
    error: str | None = None,
    notice: str | None = None,
    email: str = "",
    status: int = 200,
) -> web.Response:
    context = {
        "title": "Sign in",
        "error": error,
        "notice": notice,
        "email": email,
        "next": local_path(request.query.get("next")),
    }
    return await render(request, "sign_in.html", context, status=status)


@routes.post("/sign-in")
async def sign_in(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    email = str(form.get("email") or "").strip()
    password = str(form.get("password") or "")
    limiter = request.app[SIGN_IN_LIMITER]
    try:
        # both the address tried and the caller count: neither guessing one account from many
        # places nor many accounts from one place goes fast
        limiter.hit(f"email:{email.lower()}")
        limiter.hit(f"peer:{request.remote}")
        reviewer = await services(request).users.sign_in(email, password)
    except RateLimited as exc:
        response = await _form(
            request, error="Too many attempts: wait a minute.", email=email, status=429
        )
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    except NotAuthenticated as exc:
        return await _form(request, error=exc.detail, email=email, status=401)
    # a new session on sign-in: a cookie planted before cannot ride along
    session = await new_session(request)
    session["user"] = reviewer.id
    session["v"] = reviewer.session_version
    session["email"] = reviewer.email
    ensure_csrf(session)
    raise web.HTTPSeeOther(local_path(str(form.get("next") or "")))


@routes.post("/sign-out")
async def sign_out(request: web.Request) -> web.StreamResponse:
    session = await get_session(request)
    session.invalidate()
    raise web.HTTPSeeOther(f"{ROOT}/sign-in")
