"""The smaller items of issue 13: a client that goes away, /healthz without a token, leftovers."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.files import FileStore
from tests.conftest import ConfigFactory
from tests.harness import Api, serve
from tests.pdfs import invoice_pdf


@pytest.fixture
async def api(make_config: ConfigFactory) -> AsyncIterator[Api]:
    async with serve(
        make_config(http={"rate_limit_per_minute": 0}, worker={"concurrency": 0})
    ) as api:
        await api.outlet("olt-1")
        yield api


async def test_a_client_gone_mid_upload_is_no_server_error(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    token = await api.token()
    host, port = api.base.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(
        b"POST /api/v2/invoices/bulk_upload/ HTTP/1.1\r\nHost: x\r\n"
        b"Authorization: Bearer " + token.encode() + b"\r\n"
        b"Content-Type: multipart/form-data; boundary=bb\r\nContent-Length: 1000000\r\n\r\n"
        b'--bb\r\nContent-Disposition: form-data; name="outlet"\r\n\r\nolt-1\r\n'
        b'--bb\r\nContent-Disposition: form-data; name="file[0]"; filename="a.pdf"\r\n\r\n'
        + invoice_pdf()[:500]
    )
    await writer.drain()
    await asyncio.sleep(0.3)
    writer.transport.abort()
    await asyncio.sleep(0.5)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
    assert not list((api.services.files.root / "tmp").glob("*.part"))
    # the server goes on
    status, body = await api.upload(token, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1")
    assert status == 201, body


async def test_healthz_shows_job_counts_only_with_a_token(api: Api) -> None:
    status, body = await api.get(None, "/healthz")
    assert status == 200 and body["status"] == "ok"
    assert "jobs" not in body
    status, body = await api.get("not-a-token", "/healthz")
    assert status == 200 and "jobs" not in body
    status, body = await api.get(await api.token(), "/healthz")
    assert status == 200 and "jobs" in body


def test_spool_leftovers_of_dead_processes_are_swept(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    store.open()
    # a .part of a process on this host that is gone, one of a live process, an old one
    dead = store.tmp / f"{store.host}-999999999-x.part"
    live = store.tmp / f"{store.host}-{os.getpid()}-y.part"
    other_host = store.tmp / "elsewhere-1-z.part"
    old = store.tmp / "elsewhere-2-old.part"
    for path in (dead, live, other_host, old):
        path.write_bytes(b"x")
    long_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (long_ago, long_ago))
    removed = store.sweep()
    assert removed == 2
    assert not dead.exists() and not old.exists()
    assert live.exists() and other_host.exists()


REFUSE_INVOICES = {
    "sqlite": [
        "CREATE TRIGGER refuse_invoices BEFORE INSERT ON invoices "
        "BEGIN SELECT RAISE(ABORT, 'no invoices today'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse_invoices() RETURNS trigger AS $$ BEGIN "
        "RAISE EXCEPTION 'no invoices today'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_invoices BEFORE INSERT ON invoices "
        "FOR EACH ROW EXECUTE FUNCTION refuse_invoices()",
    ],
}


async def test_files_of_a_failed_transaction_are_taken_back(api: Api) -> None:
    """The database really refuses the batch (a trigger): the files stored for it go."""
    token = await api.token()
    known = invoice_pdf()
    status, body = await api.upload(token, [("file[0]", "a.pdf", known)], outlet="olt-1")
    assert status == 201, body
    db = api.services.db
    async with db.session() as session:
        for statement in REFUSE_INVOICES[db.dialect]:
            await session.execute(text(statement))
    status, body = await api.upload(
        token,
        [("file[0]", "b.pdf", invoice_pdf())],
        outlet="olt-1",
    )
    assert status in (409, 503), body
    stored = list(api.services.files.root.glob("*/*/*.pdf"))
    # only the first upload's file is left
    assert len(stored) == 1, stored


async def test_only_unrestricted_clients_teach_shared_suppliers_aliases(api: Api) -> None:
    """Suppliers are shared by every outlet: a client limited to some outlets may set the
    supplier of its invoice, but the name read on it does not become the supplier's alias."""
    from bot.catalog import SupplierIn

    await api.services.catalog.add_supplier(SupplierIn(id="sup-1", name="Fresh Greens BV"))
    for limited, expect_alias in ((["olt-1"], False), (None, True)):
        token = await api.token(outlets=limited)
        status, up = await api.upload(token, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1")
        assert status == 201, up
        invoice_id = up["invoices"][0]["id"]
        async with api.services.db.session() as session:
            from storage.models import Invoice

            row = await session.get(Invoice, invoice_id)
            assert row is not None
            row.supplier_name = f"Greens read {limited}"
        status, body = await api.send(
            "PATCH", token, f"/api/v2/invoices/{invoice_id}/", {"supplier": "sup-1"}
        )
        assert status == 200, body
        status, suppliers = await api.get(token, "/api/v2/suppliers/")
        aliases = suppliers["results"][0]["aliases"]
        assert (f"Greens read {limited}" in aliases) is expect_alias, aliases
