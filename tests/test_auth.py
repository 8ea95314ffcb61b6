"""OAuth2 tokens, scopes, outlet limits and the rate limit, over real HTTP."""

from __future__ import annotations

import asyncio
import base64
from datetime import timedelta

import pytest

from bot.auth import Auth
from storage.types import utcnow
from tests.conftest import ConfigFactory
from tests.harness import serve
from tests.pdfs import invoice_pdf

INVOICES = "/api/v2/invoices/"


async def test_token_by_form_and_by_basic_auth(make_config: ConfigFactory) -> None:
    async with serve(make_config()) as api:
        client = await api.services.auth.create_client("pos")
        data = {"grant_type": "client_credentials"}
        basic = base64.b64encode(f"{client.client_id}:{client.client_secret}".encode()).decode()
        async with api.http.post(
            f"{api.base}/oauth/token/", data=data, headers={"Authorization": f"Basic {basic}"}
        ) as resp:
            assert resp.status == 200
            body = await resp.json()
        assert body["token_type"] == "Bearer"
        assert body["scope"] == "procurement"
        assert body["expires_in"] == 3600
        status, _ = await api.get(body["access_token"], INVOICES)
        assert status == 200


async def test_secrets_and_tokens_are_stored_only_as_hashes(make_config: ConfigFactory) -> None:
    from sqlalchemy import select

    from storage.models import OAuthClient, OAuthToken

    async with serve(make_config()) as api:
        client = await api.services.auth.create_client("pos")
        token = await api.services.auth.issue_token(
            "client_credentials", client.client_id, client.client_secret, None
        )
        async with api.services.db.session() as session:
            row = (await session.scalars(select(OAuthClient))).one()
            tokens = list(await session.scalars(select(OAuthToken)))
        assert client.client_secret not in row.secret_hash
        assert all(token.access_token != t.token_hash for t in tokens)


@pytest.mark.parametrize(
    ("form", "status"),
    [
        ({"grant_type": "client_credentials", "client_id": "nope", "client_secret": "x"}, 401),
        ({"grant_type": "password", "client_id": "nope", "client_secret": "x"}, 400),
        ({"grant_type": "client_credentials"}, 401),
    ],
)
async def test_bad_token_requests(
    make_config: ConfigFactory, form: dict[str, str], status: int
) -> None:
    async with serve(make_config()) as api:
        async with api.http.post(f"{api.base}/oauth/token/", data=form) as resp:
            assert resp.status == status
            assert (await resp.json())["detail"]


async def test_wrong_secret_and_revoked_client(make_config: ConfigFactory) -> None:
    async with serve(make_config()) as api:
        client = await api.services.auth.create_client("pos")
        form = {
            "grant_type": "client_credentials",
            "client_id": client.client_id,
            "client_secret": client.client_secret + "x",
        }
        async with api.http.post(f"{api.base}/oauth/token/", data=form) as resp:
            assert resp.status == 401
        token = await api.token()
        assert (await api.get(token, INVOICES))[0] == 200
        revoked = (await api.services.auth.list_clients())[-1]["client_id"]
        await api.services.auth.revoke(str(revoked))
        status, body = await api.get(token, INVOICES)
        assert status == 401


@pytest.mark.parametrize(
    ("header", "detail"),
    [
        (None, "not provided"),
        ("Bearer not-a-token", "invalid token"),
        ("Basic abc", "not provided"),
    ],
)
async def test_missing_or_bad_token_is_401(
    make_config: ConfigFactory, header: str | None, detail: str
) -> None:
    async with serve(make_config()) as api:
        await api.outlet()
        headers = {"Authorization": header} if header else {}
        async with api.http.get(f"{api.base}{INVOICES}", headers=headers) as resp:
            assert resp.status == 401
            assert resp.headers["WWW-Authenticate"].startswith("Bearer")
            assert detail in (await resp.json())["detail"]
        status, body = await api.upload(None, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1")
        assert status == 401
        assert (await api.get(await api.token(), INVOICES))[1]["count"] == 0


async def test_client_revoked_by_another_process_is_refused_within_the_recheck(
    make_config: ConfigFactory,
) -> None:
    """A good token is taken on trust for ``recheck_s`` (a session a request saved); a client
    revoked by another process (the CLI: its own Auth on the same database) is refused once
    that has passed, one revoked through this process at once (the test above)."""
    async with serve(make_config()) as api:
        api.services.auth.recheck_s = 2.0
        token = await api.token()
        assert (await api.get(token, INVOICES))[0] == 200
        cli = Auth(api.services.db, 3600)
        await cli.revoke(str((await cli.list_clients())[-1]["client_id"]))
        assert (await api.get(token, INVOICES))[0] == 200  # trusted until the recheck
        await asyncio.sleep(2.1)
        assert (await api.get(token, INVOICES))[0] == 401
        assert (await api.get(token, INVOICES))[0] == 401


async def test_expired_token_is_401(make_config: ConfigFactory) -> None:
    async with serve(make_config()) as api:
        token = await api.token()
        real_clock = api.services.auth.clock
        api.services.auth.clock = lambda: real_clock() + timedelta(hours=2)
        status, body = await api.get(token, INVOICES)
        assert status == 401 and body["detail"] == "token expired"


async def test_wrong_scope_is_403(make_config: ConfigFactory) -> None:
    async with serve(make_config()) as api:
        await api.outlet()
        token = await api.token(scopes=["reporting"])
        status, body = await api.upload(
            token, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1"
        )
        assert status == 403 and "procurement" in body["detail"]
        status, _ = await api.get(token, INVOICES)
        assert status == 403
        good = await api.token()
        assert (await api.get(good, INVOICES))[1]["count"] == 0


async def test_client_limited_to_another_outlet(make_config: ConfigFactory) -> None:
    async with serve(make_config()) as api:
        await api.outlet("olt-1")
        await api.outlet("olt-2", "Other")
        limited = await api.token(outlets=["olt-2"])
        status, body = await api.upload(
            limited, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1"
        )
        assert status == 403 and "olt-1" in body["detail"]
        full = await api.token()
        assert (await api.get(full, INVOICES))[1]["count"] == 0
        # it may upload to its own outlet, and sees only that outlet's invoices
        status, mine = await api.upload(
            limited, [("file[0]", "b.pdf", invoice_pdf())], outlet="olt-2"
        )
        assert status == 201
        status, theirs = await api.upload(
            full, [("file[0]", "c.pdf", invoice_pdf())], outlet="olt-1"
        )
        assert status == 201
        status, listed = await api.get(limited, INVOICES)
        assert [i["outlet"] for i in listed["results"]] == ["olt-2"]
        status, _ = await api.get(limited, f"{INVOICES}{theirs['invoices'][0]['id']}/")
        assert status == 404
        status, _ = await api.get(limited, INVOICES, outlet="olt-1")
        assert status == 403
        status, _ = await api.get(
            limited, f"/api/v2/bulk_importations/{theirs['bulk_importation_id']}/"
        )
        assert status == 404


async def test_rate_limit_answers_429_with_retry_after(make_config: ConfigFactory) -> None:
    async with serve(make_config(http={"rate_limit_per_minute": 3})) as api:
        token = await api.token()
        other = await api.token()
        for _ in range(3):
            assert (await api.get(token, INVOICES))[0] == 200
        async with api.http.get(f"{api.base}{INVOICES}", headers=api.auth(token)) as resp:
            assert resp.status == 429
            assert 1 <= int(resp.headers["Retry-After"]) <= 60
            assert "rate limit" in (await resp.json())["detail"]
        # limits are per client
        assert (await api.get(other, INVOICES))[0] == 200


def test_rate_limiter_window_slides() -> None:
    from bot.errors import RateLimited
    from bot.ratelimit import RateLimiter

    now = [0.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    limiter.hit("a")
    now[0] = 30
    limiter.hit("a")
    with pytest.raises(RateLimited) as info:
        limiter.hit("a")
    assert info.value.retry_after == 30
    now[0] = 60.5
    limiter.hit("a")


def test_utcnow_is_aware() -> None:
    assert utcnow().tzinfo is not None
