"""Queries for OAuth clients and their access tokens (both stored only as hashes)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OAuthClient, OAuthToken


async def add_client(
    session: AsyncSession,
    client_id: str,
    name: str,
    secret_hash: str,
    scopes: Sequence[str],
    outlets: Sequence[str] | None,
) -> OAuthClient:
    client = OAuthClient(
        id=client_id,
        name=name,
        secret_hash=secret_hash,
        scopes=list(scopes),
        outlets=None if outlets is None else list(outlets),
    )
    session.add(client)
    await session.flush()
    return client


async def get_client(session: AsyncSession, client_id: str) -> OAuthClient | None:
    return await session.get(OAuthClient, client_id)


async def list_clients(session: AsyncSession) -> list[OAuthClient]:
    return list(await session.scalars(select(OAuthClient).order_by(OAuthClient.created_date)))


async def revoke_client(session: AsyncSession, client_id: str, when: datetime) -> bool:
    client = await session.get(OAuthClient, client_id)
    if client is None:
        return False
    client.revoked_date = when
    await session.execute(delete(OAuthToken).where(OAuthToken.client_id == client_id))
    return True


async def add_token(
    session: AsyncSession, token_hash: str, client_id: str, scope: str, expires: datetime
) -> None:
    session.add(
        OAuthToken(token_hash=token_hash, client_id=client_id, scope=scope, expires_date=expires)
    )
    await session.flush()


async def get_token(
    session: AsyncSession, token_hash: str
) -> tuple[OAuthToken, OAuthClient] | None:
    row = (
        await session.execute(
            select(OAuthToken, OAuthClient)
            .join(OAuthClient, OAuthClient.id == OAuthToken.client_id)
            .where(OAuthToken.token_hash == token_hash)
        )
    ).first()
    return None if row is None else (row[0], row[1])


async def purge_expired_tokens(session: AsyncSession, now: datetime) -> None:
    await session.execute(delete(OAuthToken).where(OAuthToken.expires_date < now))
