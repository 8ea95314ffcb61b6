"""Trailing spaces count at the edge as they do in the column (issue #13), on both databases.

PostgreSQL's ``varchar(n)`` keeps trailing spaces and counts them, but stores a longer value
whose excess is only spaces cut to ``n`` without a word, where SQLite stores it whole. The
edge refuses such a value (400 naming the field) on both, so neither database cuts anything;
fields the edge strips (catalog names and ids, upload fields) are stored stripped on both.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text

from storage.bounds import INVOICE_NUMBER_LENGTH, NAME_LENGTH
from tests.conftest import ConfigFactory
from tests.harness import Api, serve
from tests.pdfs import invoice_pdf


@pytest.fixture
async def api(make_config: ConfigFactory) -> AsyncIterator[Api]:
    async with serve(make_config(http={"rate_limit_per_minute": 0})) as api:
        await api.outlet("olt-1")
        yield api


async def test_trailing_spaces_are_counted_like_the_column(api: Api) -> None:
    token = await api.token()
    status, up = await api.upload(token, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1")
    assert status == 201, up
    path = f"/api/v2/invoices/{up['invoices'][0]['id']}/"

    full = "INV-7".ljust(INVOICE_NUMBER_LENGTH)  # exactly the column's length, mostly spaces
    status, body = await api.send("PATCH", token, path, {"invoice_number": full})
    assert status == 200, body
    status, body = await api.get(token, path)
    assert body["invoice_number"] == full  # kept with its spaces, on both databases

    status, body = await api.send("PATCH", token, path, {"invoice_number": full + " "})
    assert status == 400 and body["field"] == "invoice_number", body
    assert f"at most {INVOICE_NUMBER_LENGTH} characters" in body["detail"]
    status, body = await api.get(token, path)
    assert body["invoice_number"] == full  # unchanged: not cut to the column's length


async def test_the_database_alone_would_cut_or_keep_them(api: Api) -> None:
    """Why the edge must count them: past the column, PostgreSQL cuts a value whose excess is
    spaces while SQLite keeps it whole; the same input would be stored two ways."""
    long = "INV-8" + " " * INVOICE_NUMBER_LENGTH
    async with api.services.db.read() as session:
        stored = await session.scalar(
            text(f"SELECT CAST(:v AS VARCHAR({INVOICE_NUMBER_LENGTH}))"), {"v": long}
        )
    if api.services.db.dialect == "postgresql":
        assert stored == long[:INVOICE_NUMBER_LENGTH]
    else:
        assert stored == long


async def test_fields_the_edge_strips_are_bounded_after_stripping(api: Api) -> None:
    token = await api.token()
    name = "Harbour Kitchen" + " " * NAME_LENGTH  # over the column only in its spaces
    status, body = await api.send("POST", token, "/api/v2/outlets/", {"id": "olt-2 ", "name": name})
    assert status == 201, body
    assert body["id"] == "olt-2" and body["name"] == "Harbour Kitchen"
    status, body = await api.send(
        "POST", token, "/api/v2/outlets/", {"id": "olt-3", "name": "x" * (NAME_LENGTH + 1)}
    )
    assert status == 400, body

    padded = "olt-1" + " " * 200
    status, up = await api.upload(token, [("file[0]", "b.pdf", invoice_pdf())], outlet=padded)
    assert status == 201, up
    status, body = await api.get(token, f"/api/v2/invoices/{up['invoices'][0]['id']}/")
    assert status == 200 and body["outlet"] == "olt-1", body
