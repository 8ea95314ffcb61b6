"""Queries for the people who sign in to the review pages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import User


async def add_user(
    session: AsyncSession, email: str, password_hash: str, outlets: Sequence[str], is_admin: bool
) -> User:
    user = User(email=email, password_hash=password_hash, outlets=list(outlets), is_admin=is_admin)
    session.add(user)
    await session.flush()
    return user


async def get_user(session: AsyncSession, user_id: str) -> User | None:
    return await session.get(User, user_id)


async def get_user_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(User.email == email))


async def list_users(session: AsyncSession) -> list[User]:
    return list(await session.scalars(select(User).order_by(User.email)))


def disable(user: User, when: datetime) -> None:
    user.disabled_date = when
    user.session_version += 1


def set_password(user: User, password_hash: str) -> None:
    user.password_hash = password_hash
    user.session_version += 1
