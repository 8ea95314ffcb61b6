"""OAuth2 client credentials: clients, tokens, and checking a bearer token.

Secrets and tokens are 256-bit random strings shown once; only their SHA-256 is stored. (A slow
password hash buys nothing for values that cannot be guessed, and would slow every request.)
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.bounds import unstorable
from bot.errors import InvalidRequest, NotAuthenticated, NotFound, PermissionDenied
from bot.scopes import PROCUREMENT
from storage import catalog, clients
from storage.bounds import CLIENT_ID_LENGTH
from storage.db import Database
from storage.types import utcnow

#: a requested scope longer than this names no scope we have
SCOPE_LENGTH = 200
#: how long a token found good is taken on trust before the database is asked again: a
#: client revoked by another process (the CLI) is refused within this time, one revoked
#: through this process at once. Every request asking the database cost a session each.
TOKEN_RECHECK_S = 2.0
#: tokens remembered at most (only good ones are: a stranger cannot fill this)
TOKEN_CACHE_SIZE = 4096


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


@dataclass(frozen=True)
class Principal:
    """Who is calling: a client with its scopes and the outlets it may use (None: all)."""

    client_id: str
    scopes: frozenset[str]
    outlets: frozenset[str] | None

    def require(self, scope: str) -> None:
        if scope not in self.scopes:
            raise PermissionDenied(f"this token lacks the {scope!r} scope")

    def require_outlet(self, outlet_id: str) -> None:
        if self.outlets is not None and outlet_id not in self.outlets:
            raise PermissionDenied(f"this client may not use outlet {outlet_id}")


@dataclass(frozen=True)
class NewClient:
    client_id: str
    client_secret: str
    name: str
    scopes: list[str]
    outlets: list[str] | None


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    expires_in: int
    scope: str


class Auth:
    def __init__(
        self,
        db: Database,
        token_ttl_seconds: int,
        clock: Callable[[], datetime] = utcnow,
        recheck_seconds: float = TOKEN_RECHECK_S,
    ) -> None:
        self.db = db
        self.ttl = token_ttl_seconds
        self.clock = clock
        self.recheck_s = recheck_seconds
        #: token hash -> (who, when the token expires, until when it is trusted: monotonic)
        self._checked: dict[str, tuple[Principal, datetime, float]] = {}

    async def create_client(
        self,
        name: str,
        scopes: Sequence[str] = (PROCUREMENT,),
        outlets: Sequence[str] | None = None,
    ) -> NewClient:
        client_id = "cli_" + secrets.token_urlsafe(12)
        secret = secrets.token_urlsafe(32)
        async with self.db.session() as session:
            for outlet_id in outlets or ():
                if await catalog.get_outlet(session, outlet_id) is None:
                    raise NotFound(f"outlet {outlet_id} does not exist")
            await clients.add_client(session, client_id, name, _hash(secret), scopes, outlets)
        return NewClient(
            client_id, secret, name, list(scopes), None if outlets is None else list(outlets)
        )

    async def revoke(self, client_id: str) -> None:
        async with self.db.session() as session:
            if not await clients.revoke_client(session, client_id, self.clock()):
                raise NotFound(f"client {client_id} does not exist")
        for key, (who, _, _) in list(self._checked.items()):
            if who.client_id == client_id:
                del self._checked[key]

    async def issue_token(
        self, grant_type: str | None, client_id: str | None, secret: str | None, scope: str | None
    ) -> IssuedToken:
        """The client-credentials grant."""
        if grant_type != "client_credentials":
            raise InvalidRequest("grant_type must be client_credentials", field="grant_type")
        if not client_id or not secret:
            raise NotAuthenticated("client_id and client_secret are required")
        if len(client_id) > CLIENT_ID_LENGTH or unstorable(client_id) or unstorable(secret):
            raise NotAuthenticated("invalid client credentials")  # no such client can exist
        if scope is not None and (len(scope) > SCOPE_LENGTH or unstorable(scope)):
            raise InvalidRequest("scope is not one this server grants", field="scope")
        now = self.clock()
        async with self.db.session() as session:
            client = await clients.get_client(session, client_id)
            if (
                client is None
                or client.revoked_date is not None
                or not hmac.compare_digest(client.secret_hash, _hash(secret))
            ):
                raise NotAuthenticated("invalid client credentials")
            granted = set(client.scopes)
            wanted = set(scope.split()) if scope else granted
            if not wanted <= granted:
                raise PermissionDenied(f"scope {' '.join(sorted(wanted - granted))} not allowed")
            token = secrets.token_urlsafe(32)
            await clients.purge_expired_tokens(session, now)
            await clients.add_token(
                session,
                _hash(token),
                client_id,
                " ".join(sorted(wanted)),
                now + timedelta(seconds=self.ttl),
            )
        return IssuedToken(token, self.ttl, " ".join(sorted(wanted)))

    async def authenticate(self, token: str | None) -> Principal:
        if not token:
            raise NotAuthenticated("authentication credentials were not provided")
        if unstorable(token):
            raise NotAuthenticated("invalid token")
        key = _hash(token)
        checked = self._checked.get(key)
        if checked is not None and time.monotonic() < checked[2]:
            who, expires, _ = checked
            if expires <= self.clock():
                raise NotAuthenticated("token expired")
            return who
        async with self.db.read() as session:
            found = await clients.get_token(session, key)
        if found is None:
            raise NotAuthenticated("invalid token")
        row, client = found
        if row.expires_date <= self.clock():
            raise NotAuthenticated("token expired")
        if client.revoked_date is not None:
            raise NotAuthenticated("client revoked")
        outlets = None if client.outlets is None else frozenset(client.outlets)
        who = Principal(client.id, frozenset(row.scope.split()), outlets)
        if len(self._checked) >= TOKEN_CACHE_SIZE:
            self._checked.clear()
        self._checked[key] = (who, row.expires_date, time.monotonic() + self.recheck_s)
        return who

    async def list_clients(self) -> list[dict[str, object]]:
        async with self.db.session() as session:
            rows = await clients.list_clients(session)
        return [
            {
                "client_id": c.id,
                "name": c.name,
                "scopes": c.scopes,
                "outlets": c.outlets,
                "created_date": c.created_date.isoformat(),
                "revoked": c.revoked_date is not None,
            }
            for c in rows
        ]
