"""The upload contract (section 1), over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from tests.conftest import ConfigFactory
from tests.harness import Api, serve
from tests.pdfs import broken_pdf, encrypted_pdf, invoice_pdf, padded_pdf, truncated_pdf

UPLOAD = "/api/v2/invoices/bulk_upload/"


@pytest.fixture
async def api(make_config: ConfigFactory) -> AsyncIterator[Api]:
    config = make_config(limits={"max_files": 5, "max_file_size_mb": 0.05, "max_pages": 3})
    async with serve(config) as api:
        await api.outlet("olt-1")
        await api.outlet("olt-2", "Second")
        yield api


async def _count(api: Api, token: str, **filters: str) -> int:
    status, body = await api.get(token, "/api/v2/invoices/", **filters)
    assert status == 200, body
    return int(body["count"])


async def test_good_batch_creates_one_invoice_per_file(api: Api) -> None:
    token = await api.token()
    status, body = await api.upload(
        token,
        [("file[0]", "a.pdf", invoice_pdf()), ("file[1]", "b.pdf", invoice_pdf())],
        outlet="olt-1",
    )
    assert status == 201, body
    assert body["errors"] == []
    assert [i["file"] for i in body["invoices"]] == ["file[0]", "file[1]"]
    assert {i["processing_status"] for i in body["invoices"]} == {"TO_BE_PROCESSED"}
    batch = body["bulk_importation_id"]
    status, listed = await api.get(token, "/api/v2/invoices/", bulk_importation_id=batch)
    assert listed["count"] == 2
    first = listed["results"][0]
    assert first["type"] == "INVOICE" and first["outlet"] == "olt-1"
    assert first["approval_status"] == "RECEIVED"
    assert first["source"] == {"channel": "api", "reference": None}
    # the file is stored by its hash and served back byte for byte
    status, pdf = await api.get(token, first["file"]["url"])
    assert status == 200 and pdf.startswith(b"%PDF-")
    path = api.services.files.path(first["file"]["sha256"])
    assert path.read_bytes() == pdf


@pytest.mark.parametrize(
    ("content", "filename", "code"),
    [
        (b"just some notes, not a PDF\n", "notes.pdf", "not_a_pdf"),
        (b"", "empty.pdf", "empty_file"),
        (padded_pdf(60_000), "big.pdf", "file_too_large"),
        (broken_pdf(), "broken.pdf", "unreadable_pdf"),
        (truncated_pdf(), "truncated.pdf", "unreadable_pdf"),
        (encrypted_pdf(), "locked.pdf", "encrypted_pdf"),
        (invoice_pdf(pages=4), "long.pdf", "too_many_pages"),
    ],
)
async def test_bad_file_is_reported_and_the_rest_goes_on(
    api: Api, content: bytes, filename: str, code: str
) -> None:
    token = await api.token()
    files = [
        ("file[0]", "good-1.pdf", invoice_pdf()),
        ("file[1]", filename, content),
        ("file[2]", "good-2.pdf", invoice_pdf()),
    ]
    if code == "file_too_large":
        assert len(content) > 0.05 * 1024 * 1024
    status, body = await api.upload(token, files, outlet="olt-1")
    assert status == 201, body
    assert [i["filename"] for i in body["invoices"]] == ["good-1.pdf", "good-2.pdf"]
    assert len(body["errors"]) == 1
    error = body["errors"][0]
    assert error["file"] == "file[1]" and error["filename"] == filename
    assert error["code"] == code
    assert filename in error["detail"]
    assert await _count(api, token, bulk_importation_id=body["bulk_importation_id"]) == 2
    # the refused file is not kept anywhere
    leftovers = [p for p in api.services.files.root.rglob("*") if p.is_file()]
    assert len(leftovers) == 2


async def test_only_bad_files_answers_400_with_the_same_shape(api: Api) -> None:
    token = await api.token()
    status, body = await api.upload(token, [("file[0]", "x.pdf", b"hello")], outlet="olt-1")
    assert status == 400
    assert body["invoices"] == []
    assert body["errors"][0]["code"] == "not_a_pdf"
    assert await _count(api, token) == 0


async def test_duplicate_names_the_existing_invoice(api: Api) -> None:
    token = await api.token()
    pdf = invoice_pdf()
    status, first = await api.upload(token, [("file[0]", "a.pdf", pdf)], outlet="olt-1")
    assert status == 201
    existing = first["invoices"][0]["id"]
    status, body = await api.upload(
        token,
        [("file[0]", "again.pdf", pdf), ("file[1]", "new.pdf", invoice_pdf())],
        outlet="olt-1",
    )
    assert status == 201
    assert [i["filename"] for i in body["invoices"]] == ["new.pdf"]
    assert body["errors"][0]["code"] == "duplicate"
    assert body["errors"][0]["existing_invoice_id"] == existing
    assert existing in body["errors"][0]["detail"]
    # the same bytes twice in one request: the second is the duplicate of the first
    twin = invoice_pdf()
    status, body = await api.upload(
        token, [("file[0]", "t1.pdf", twin), ("file[1]", "t2.pdf", twin)], outlet="olt-1"
    )
    assert status == 201 and len(body["invoices"]) == 1
    assert body["errors"][0]["file"] == "file[1]" and body["errors"][0]["code"] == "duplicate"
    # another outlet may import the same bytes
    status, body = await api.upload(token, [("file[0]", "a.pdf", pdf)], outlet="olt-2")
    assert status == 201 and body["errors"] == []


@pytest.mark.parametrize(
    ("fields", "status", "field"),
    [
        ({}, 400, "outlet"),
        ({"outlet": "nope"}, 404, "outlet"),
        ({"outlet": "olt-1", "supplier": "nope"}, 404, "supplier"),
        ({"outlet": "olt-1", "purchase_orders": "po-1, nope"}, 404, "purchase_orders"),
        ({"outlet": "olt-1", "purchase_orders": "po-2"}, 400, "purchase_orders"),
    ],
)
async def test_request_errors_create_nothing(
    api: Api, fields: dict[str, str], status: int, field: str
) -> None:
    from bot.catalog import PurchaseOrderIn

    await api.services.catalog.add_purchase_orders(
        [
            PurchaseOrderIn(id="po-1", order_number="PO-1", outlet="olt-1"),
            PurchaseOrderIn(id="po-2", order_number="PO-2", outlet="olt-2"),
        ]
    )
    token = await api.token()
    got, body = await api.upload(token, [("file[0]", "a.pdf", invoice_pdf())], **fields)
    assert got == status, body
    assert body["field"] == field
    assert body["detail"]
    assert await _count(api, token) == 0
    assert not [p for p in api.services.files.root.rglob("*") if p.is_file()]


async def test_purchase_orders_are_linked_as_requested(api: Api) -> None:
    from bot.catalog import PurchaseOrderIn

    await api.services.catalog.add_purchase_orders(
        [
            PurchaseOrderIn(id="po-1", order_number="PO-1", outlet="olt-1"),
            PurchaseOrderIn(id="po-3", order_number="PO-3", outlet="olt-1"),
        ]
    )
    token = await api.token()
    status, body = await api.upload(
        token, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1", purchase_orders=" po-1 ,po-3"
    )
    assert status == 201
    _, invoice = await api.get(token, f"/api/v2/invoices/{body['invoices'][0]['id']}/")
    assert [(p["id"], p["order_number"], p["link"]) for p in invoice["purchase_orders"]] == [
        ("po-1", "PO-1", "requested"),
        ("po-3", "PO-3", "requested"),
    ]


async def test_no_file_part(api: Api) -> None:
    token = await api.token()
    status, body = await api.upload(token, [], outlet="olt-1")
    assert status == 400 and body["field"] == "file"


async def test_too_many_files(api: Api) -> None:
    token = await api.token()
    files = [(f"file[{i}]", f"{i}.pdf", invoice_pdf()) for i in range(6)]
    status, body = await api.upload(token, files, outlet="olt-1")
    assert status == 400 and body["field"] == "file"
    assert "at most 5" in body["detail"]
    assert await _count(api, token) == 0
    assert not [p for p in api.services.files.root.rglob("*") if p.is_file()]


async def test_repeated_file_field_is_accepted(api: Api) -> None:
    token = await api.token()
    files = [("file", "a.pdf", invoice_pdf()), ("file", "b.pdf", b"nope")]
    status, body = await api.upload(token, files, outlet="olt-1")
    assert status == 201
    assert body["invoices"][0]["file"] == "file[0]"
    assert body["errors"][0]["file"] == "file[1]"


async def test_not_multipart(api: Api) -> None:
    token = await api.token()
    async with api.http.post(
        f"{api.base}{UPLOAD}", json={"outlet": "olt-1"}, headers=api.auth(token)
    ) as resp:
        assert resp.status == 400
        assert "multipart" in (await resp.json())["detail"]


async def test_body_over_the_limit_is_413(make_config: ConfigFactory) -> None:
    config = make_config(limits={"max_request_size_mb": 0.1})
    async with serve(config) as api:
        await api.outlet()
        token = await api.token()
        big = padded_pdf(120_000)
        assert len(big) > 0.1 * 1024 * 1024
        try:
            status, body = await api.upload(token, [("file[0]", "a.pdf", big)], outlet="olt-1")
        except aiohttp.ClientError:
            pytest.fail("the server must answer 413, not drop the connection")
        assert status == 413 and body["detail"]
        assert await _count(api, token) == 0


async def test_files_are_streamed_not_buffered(make_config: ConfigFactory) -> None:
    """A file far larger than the in-memory request limit (1 MiB) is accepted."""
    config = make_config(limits={"max_file_size_mb": 8})
    async with serve(config) as api:
        await api.outlet()
        token = await api.token()
        big = padded_pdf(3 * 1024 * 1024)
        assert len(big) > 2 * 1024 * 1024
        status, body = await api.upload(token, [("file[0]", "big.pdf", big)], outlet="olt-1")
        assert status == 201, body


async def test_concurrent_uploads_of_the_same_bytes_create_one_invoice(api: Api) -> None:
    """Whichever request commits first wins; the others name its invoice as the duplicate."""
    import asyncio

    token = await api.token()
    pdf = invoice_pdf()
    results = await asyncio.gather(
        *(
            api.upload(
                token,
                [("file[0]", f"copy-{i}.pdf", pdf), ("file[1]", f"own-{i}.pdf", invoice_pdf())],
                outlet="olt-1",
            )
            for i in range(4)
        )
    )
    assert all(status == 201 for status, _ in results)
    winners = [
        inv["id"] for _, body in results for inv in body["invoices"] if inv["file"] == "file[0]"
    ]
    assert len(winners) == 1
    losers = [err for _, body in results for err in body["errors"]]
    assert len(losers) == 3
    assert {err["code"] for err in losers} == {"duplicate"}
    assert {err["existing_invoice_id"] for err in losers} == set(winners)
    assert await _count(api, token) == 5


async def test_accepted_files_and_their_folders_are_fsynced_before_the_answer(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Durability: by the time the 201 is sent, each accepted file's bytes (the inode now in
    the store) and the folders holding its new entry have been fsynced. os.fsync is watched,
    not replaced: the real one runs."""
    import hashlib
    import os

    synced_inodes: set[int] = set()
    synced_paths: set[str] = set()
    real_fsync = os.fsync

    def watched(fd: int) -> None:
        real_fsync(fd)
        synced_inodes.add(os.fstat(fd).st_ino)
        synced_paths.add(os.readlink(f"/proc/self/fd/{fd}"))

    monkeypatch.setattr(os, "fsync", watched)
    token = await api.token()
    pdfs = [invoice_pdf("SYNC-1"), invoice_pdf("SYNC-2")]
    files = [(f"file[{i}]", f"{i}.pdf", pdf) for i, pdf in enumerate(pdfs)]
    status, body = await api.upload(token, files, outlet="olt-1")
    assert status == 201 and len(body["invoices"]) == 2, body
    for pdf in pdfs:
        stored = api.services.files.path(hashlib.sha256(pdf).hexdigest())
        assert stored.stat().st_ino in synced_inodes, "the file's bytes were not fsynced"
        assert str(stored.parent) in synced_paths, "its folder entry was not fsynced"
