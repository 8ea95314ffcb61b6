"""People who sign in to the review pages: accounts, passwords, who may see which outlet.

Apart from API clients (bot/auth.py): a person has a password someone could guess, so it is
hashed with argon2id (slow on purpose, in a thread off the event loop). A user sees the outlets
given to them; an admin sees all. Disabling a user or resetting a password raises the user's
session version, which ends every session signed in before.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import Conflict, InvalidRequest, NotAuthenticated, NotFound
from storage import catalog, users
from storage.db import Database
from storage.errors import AlreadyExists
from storage.models import User
from storage.types import utcnow

MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class Reviewer:
    """A signed-in person: who, and the outlets they may see and change (None: all)."""

    id: str
    email: str
    is_admin: bool
    outlets: frozenset[str] | None
    session_version: int

    @property
    def actor(self) -> str:
        """How the history names this person."""
        return f"user:{self.email}"


@dataclass(frozen=True)
class UserInfo:
    email: str
    is_admin: bool
    outlets: tuple[str, ...]
    created_date: datetime
    disabled_date: datetime | None


def normalise_email(email: str) -> str:
    email = email.strip().lower()
    if "@" not in email or email.startswith("@") or email.endswith("@") or " " in email:
        raise InvalidRequest(f"{email!r} is not an email address", field="email")
    return email


def _reviewer(user: User) -> Reviewer:
    outlets = None if user.is_admin else frozenset(user.outlets or ())
    return Reviewer(user.id, user.email, user.is_admin, outlets, user.session_version)


class Users:
    def __init__(self, db: Database, clock: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.clock = clock
        self.hasher = PasswordHasher()

    @functools.cached_property
    def _dummy_hash(self) -> str:
        """Checked against when the email is unknown, so both answers take as long."""
        return self.hasher.hash("not a password of anyone")

    async def _hash(self, password: str) -> str:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise InvalidRequest(
                f"the password must have at least {MIN_PASSWORD_LENGTH} characters",
                field="password",
            )
        return await asyncio.to_thread(self.hasher.hash, password)

    async def add(
        self, email: str, password: str, outlets: Sequence[str] = (), admin: bool = False
    ) -> Reviewer:
        email = normalise_email(email)
        if not admin and not outlets:
            raise InvalidRequest("a user who is no admin needs --outlets", field="outlets")
        password_hash = await self._hash(password)
        async with self.db.session() as session:
            for outlet_id in outlets:
                if await catalog.get_outlet(session, outlet_id) is None:
                    raise NotFound(f"outlet {outlet_id} does not exist")
            if await users.get_user_by_email(session, email) is not None:
                raise Conflict(f"user {email} already exists")
            try:
                user = await users.add_user(session, email, password_hash, outlets, admin)
            except AlreadyExists:
                raise Conflict(f"user {email} already exists") from None
            return _reviewer(user)

    async def list(self) -> list[UserInfo]:
        async with self.db.read() as session:
            rows = await users.list_users(session)
        return [
            UserInfo(u.email, u.is_admin, tuple(u.outlets or ()), u.created_date, u.disabled_date)
            for u in rows
        ]

    async def disable(self, email: str) -> None:
        """The user can no longer sign in, and their open sessions end."""
        async with self.db.session() as session:
            user = await self._by_email(session, email)
            users.disable(user, self.clock())

    async def reset_password(self, email: str, password: str) -> None:
        """A new password; sessions signed in with the old one end."""
        password_hash = await self._hash(password)
        async with self.db.session() as session:
            user = await self._by_email(session, email)
            users.set_password(user, password_hash)

    async def sign_in(self, email: str, password: str) -> Reviewer:
        """The user with this email and password; :class:`NotAuthenticated` otherwise."""
        try:
            email = normalise_email(email)
        except InvalidRequest:
            email = ""
        async with self.db.read() as session:
            user = await users.get_user_by_email(session, email) if email else None
        if not await self._verify(user.password_hash if user else self._dummy_hash, password):
            raise NotAuthenticated("wrong email or password")
        if user is None:
            raise NotAuthenticated("wrong email or password")
        if user.disabled_date is not None:
            raise NotAuthenticated("this account is disabled")
        if self.hasher.check_needs_rehash(user.password_hash):
            # parameters changed since it was hashed: store it again with today's
            new_hash = await asyncio.to_thread(self.hasher.hash, password)
            async with self.db.session() as session:
                found = await users.get_user(session, user.id)
                if found is not None:
                    found.password_hash = new_hash
        return _reviewer(user)

    async def current(self, user_id: str, session_version: int) -> Reviewer:
        """The user of a session, if the session is still good (not disabled, no reset since)."""
        async with self.db.read() as session:
            user = await users.get_user(session, user_id)
        if user is None or user.disabled_date is not None:
            raise NotAuthenticated("this account no longer exists or is disabled")
        if user.session_version != session_version:
            raise NotAuthenticated("signed out: the password was reset")
        return _reviewer(user)

    async def _verify(self, password_hash: str, password: str) -> bool:
        def verify() -> bool:
            try:
                return bool(self.hasher.verify(password_hash, password))
            except (VerificationError, InvalidHashError):
                return False

        return await asyncio.to_thread(verify)

    @staticmethod
    async def _by_email(session: AsyncSession, email: str) -> User:
        user = await users.get_user_by_email(session, normalise_email(email))
        if user is None:
            raise NotFound(f"user {email} does not exist")
        return user
