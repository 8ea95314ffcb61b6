"""Fixtures of the extraction tests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.extract.isolation import Isolation


@pytest.fixture
async def isolation() -> AsyncIterator[Isolation]:
    """A zygote of the test's own, stopped after it."""
    owned = Isolation()
    yield owned
    await asyncio.to_thread(owned.close)
