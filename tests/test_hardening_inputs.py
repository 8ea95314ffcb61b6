"""Hostile requests get a 4xx naming the field, never a 500 or 503, on SQLite and PostgreSQL.

Each case is a request schemathesis or a person found to break the server once; they are sent
as raw bytes over real HTTP so that nothing in a client library tidies them up first.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.conftest import ConfigFactory
from tests.harness import Api, serve
from tests.pdfs import invoice_pdf

UPLOAD = "/api/v2/invoices/bulk_upload/"
BOUNDARY = "XyZbOuNdArY"


@pytest.fixture
async def api(make_config: ConfigFactory) -> AsyncIterator[Api]:
    async with serve(make_config(http={"rate_limit_per_minute": 0})) as api:
        await api.outlet("olt-1")
        yield api


async def _raw(
    api: Api, method: str, path: str, body: bytes, content_type: str, token: str | None = None
) -> tuple[int, Any]:
    headers = {"Content-Type": content_type}
    if token:
        headers.update(api.auth(token))
    async with api.http.request(method, f"{api.base}{path}", data=body, headers=headers) as resp:
        text = await resp.text()
        return resp.status, json.loads(text) if resp.content_type == "application/json" else text


def _multipart(*parts: tuple[bytes, bytes]) -> bytes:
    """Parts as (raw header lines, body); the header bytes are sent exactly as given."""
    out = b""
    for headers, body in parts:
        out += b"--" + BOUNDARY.encode() + b"\r\n" + headers + b"\r\n\r\n" + body + b"\r\n"
    return out + b"--" + BOUNDARY.encode() + b"--\r\n"


def _field(name: bytes, value: bytes) -> tuple[bytes, bytes]:
    return b'Content-Disposition: form-data; name="' + name + b'"', value


def _file(name: bytes, filename: bytes, body: bytes) -> tuple[bytes, bytes]:
    return (
        b'Content-Disposition: form-data; name="'
        + name
        + b'"; filename="'
        + filename
        + b'"\r\nContent-Type: application/pdf',
        body,
    )


MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


@pytest.mark.parametrize(
    "parts",
    [
        # non-ASCII and control bytes in part names (schemathesis' first 500)
        [_field("Ú𡓉¥NCö;".encode(), b"x"), _field(b"\xc2\x8e\x0ee", b"y")],
        [_field(b"outlet", b"olt-1"), _field(b"\xff\xfe", b"z")],
        [(b'Content-Disposition: form-data; name="outlet"\x00', b"olt-1")],
        [(b"Content-Type: text/plain", b"no disposition at all")],
        [(b"Content-Disposition: attachment; name=outlet", b"olt-1")],
    ],
)
async def test_malformed_parts_are_400(api: Api, parts: list[tuple[bytes, bytes]]) -> None:
    token = await api.token()
    status, body = await _raw(api, "POST", UPLOAD, _multipart(*parts), MULTIPART, token)
    assert status == 400, body
    assert body["detail"]


async def test_unknown_text_fields_are_read_past_not_kept(api: Api) -> None:
    token = await api.token()
    parts = [_field(b"note%d" % i, b"n" * 60_000) for i in range(50)]
    body = _multipart(
        _field(b"outlet", b"olt-1"), *parts, _file(b"file[0]", b"a.pdf", invoice_pdf())
    )
    status, result = await _raw(api, "POST", UPLOAD, body, MULTIPART, token)
    assert status == 201, result
    too_many = [_field(b"n%d" % i, b"x") for i in range(101)]
    body = _multipart(_field(b"outlet", b"olt-1"), *too_many)
    status, result = await _raw(api, "POST", UPLOAD, body, MULTIPART, token)
    assert status == 400 and "too many fields" in result["detail"], result


@pytest.mark.parametrize("filename", [b"a\x00b.pdf", b"x" * 10_000 + b".pdf", b"\x01\x02.pdf"])
async def test_unreadable_part_headers_are_400(api: Api, filename: bytes) -> None:
    """Control bytes and a header longer than aiohttp reads make the part unreadable."""
    token = await api.token()
    body = _multipart(_field(b"outlet", b"olt-1"), _file(b"file[0]", filename, invoice_pdf()))
    status, result = await _raw(api, "POST", UPLOAD, body, MULTIPART, token)
    assert status == 400, result
    assert result["detail"].startswith("the multipart body is malformed")
    assert len(result["detail"]) < 200


@pytest.mark.parametrize(
    ("filename", "stored"),
    [
        (b"x" * 1000 + b".pdf", None),
        ("f\u00e4cture\u2028.pdf".encode(), "f\u00e4cture.pdf"),
        ("\u200b\u202e.pdf".encode(), ".pdf"),
    ],
)
async def test_hostile_filenames_are_cleaned_and_bounded(
    api: Api, filename: bytes, stored: str | None
) -> None:
    """The file is kept (its name is not the sender's fault in every channel); the name is
    stripped of control characters and shortened to what the column holds."""
    token = await api.token()
    body = _multipart(_field(b"outlet", b"olt-1"), _file(b"file[0]", filename, invoice_pdf()))
    status, result = await _raw(api, "POST", UPLOAD, body, MULTIPART, token)
    assert status == 201, result
    name = result["invoices"][0]["filename"]
    assert "\x00" not in name and len(name) <= 255
    if stored is not None:
        assert name == stored
    else:
        assert name.endswith(".pdf")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({b"outlet": b"olt\x00-1"}, "outlet"),
        ({b"outlet": b"o" * 1000}, "outlet"),
        ({b"outlet": b"olt-1", b"supplier": b"s\x00"}, "supplier"),
        ({b"outlet": b"olt-1", b"supplier": b"s" * 101}, "supplier"),
        ({b"outlet": b"olt-1", b"purchase_orders": b"po-1,\x00"}, "purchase_orders"),
        ({b"outlet": b"olt-1", b"purchase_orders": b"p" * 500}, "purchase_orders"),
        ({b"outlet": b"\xff\xfe"}, "outlet"),
    ],
)
async def test_bad_text_fields_are_400_naming_the_field(
    api: Api, fields: dict[bytes, bytes], field: str
) -> None:
    token = await api.token()
    parts = [_field(k, v) for k, v in fields.items()]
    body = _multipart(*parts, _file(b"file[0]", b"a.pdf", invoice_pdf()))
    status, result = await _raw(api, "POST", UPLOAD, body, MULTIPART, token)
    assert status == 400, result
    assert result["field"] == field
    # nothing was created, and nothing is left in the store
    assert not list(api.services.files.root.glob("*/*/*.pdf"))


async def test_file_field_with_a_huge_index_is_400(api: Api) -> None:
    token = await api.token()
    body = _multipart(
        _field(b"outlet", b"olt-1"), _file(b"file[" + b"9" * 1000 + b"]", b"a.pdf", invoice_pdf())
    )
    status, result = await _raw(api, "POST", UPLOAD, body, MULTIPART, token)
    assert status == 400, result
    assert result["field"] == "file"


@pytest.mark.parametrize("path", [UPLOAD, "/oauth/token/"])
async def test_multipart_without_boundary_is_400(api: Api, path: str) -> None:
    token = await api.token()
    status, body = await _raw(api, "POST", path, b"--x\r\n\r\n", "multipart/form-data", token)
    assert status == 400, body


async def test_token_endpoint_refuses_nul_and_garbage(api: Api) -> None:
    for body, ctype in (
        (b"grant_type=client_credentials&client_id=a%00b&client_secret=c", None),
        (b"grant_type=client_credentials&client_id=" + b"a" * 5000 + b"&client_secret=c", None),
        (b"grant_type=%00", None),
        (b"\xff\xfe\x00", None),
        (b"{}", "application/json"),
    ):
        status, result = await _raw(
            api, "POST", "/oauth/token/", body, ctype or "application/x-www-form-urlencoded"
        )
        assert status in (400, 401), (body[:40], status, result)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("modified_date__gt=9999-12-31T23:59:59-23:59", "modified_date__gt"),
        ("modified_date__gt=0001-01-01T00:00:00%2B23:59", "modified_date__gt"),
        ("outlet=olt%00", "outlet"),
        ("supplier=" + "s" * 5000, "supplier"),
        ("bulk_importation_id=%00", "bulk_importation_id"),
        ("processing_status=%00", "processing_status"),
        ("ordering=%00", "ordering"),
        ("page=99999999999999999999", "page"),
    ],
)
async def test_bad_invoice_filters_are_400(api: Api, query: str, field: str) -> None:
    token = await api.token()
    async with api.http.get(
        f"{api.base}/api/v2/invoices/?{query}", headers=api.auth(token)
    ) as resp:
        body = await resp.json()
        assert resp.status == 400, body
        assert body["field"] == field


async def test_bad_batch_filters_are_400(api: Api) -> None:
    token = await api.token()
    for query, field in (
        ("created_date__gt=9999-12-31T23:59:59-23:59", "created_date__gt"),
        ("channel=%00", "channel"),
    ):
        async with api.http.get(
            f"{api.base}/api/v2/bulk_importations/?{query}", headers=api.auth(token)
        ) as resp:
            body = await resp.json()
            assert resp.status == 400, body
            assert body["field"] == field


@pytest.mark.parametrize("path", ["/api/v2/invoices/%00/", "/api/v2/bulk_importations/%00/"])
async def test_nul_in_a_path_id_is_404_or_400(api: Api, path: str) -> None:
    token = await api.token()
    async with api.http.get(f"{api.base}{path}", headers=api.auth(token)) as resp:
        assert resp.status in (400, 404), await resp.text()


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/v2/outlets/", _nested(100_000), None),
        ("/api/v2/outlets/", b'{"id": "a\\u0000b", "name": "x"}', "id"),
        ("/api/v2/outlets/", b'{"id": "a", "name": "' + b"n" * 301 + b'"}', "name"),
        ("/api/v2/outlets/", b'{"id": "a", "name": "\\ud800"}', "name"),
        ("/api/v2/suppliers/", b'{"name": "x", "aliases": ["a\\u0000"]}', "aliases.0"),
        ("/api/v2/suppliers/", b'{"name": "x", "tax_id": "' + b"1" * 51 + b'"}', "tax_id"),
        ("/api/v2/suppliers/", b'{"name": "x", "emails": ["' + b"e" * 400 + b'"]}', "emails.0"),
        (
            "/api/v2/procurement/purchase_orders/",
            b'{"order_number": "1", "outlet": "olt-1", "total": NaN}',
            None,
        ),
        (
            "/api/v2/procurement/purchase_orders/",
            b'{"order_number": "1", "outlet": "olt-1", "total": "Infinity"}',
            "total",
        ),
        (
            "/api/v2/procurement/purchase_orders/",
            b'{"order_number": "1", "outlet": "olt-1", "total": 1e30}',
            "total",
        ),
        (
            "/api/v2/procurement/purchase_orders/",
            b'{"order_number": "1", "outlet": "olt-1", "lines": [{"unit_price": "-1e20"}]}',
            "lines.0.unit_price",
        ),
        (
            "/api/v2/procurement/purchase_orders/",
            b'{"order_number": "' + b"9" * 101 + b'", "outlet": "olt-1"}',
            "order_number",
        ),
        (
            "/api/v2/procurement/purchase_orders/",
            b'{"order_number": "1", "outlet": "olt-1", "lines": [{"unit": "' + b"u" * 31 + b'"}]}',
            "lines.0.unit",
        ),
        (
            "/api/v2/procurement/purchase_orders/",
            b'{"order_number": "1", "outlet": "' + b"o" * 101 + b'"}',
            "outlet",
        ),
    ],
)
async def test_bad_json_bodies_are_400(api: Api, path: str, body: bytes, field: str | None) -> None:
    token = await api.token()
    status, result = await _raw(api, "POST", path, body, "application/json", token)
    assert status == 400, result
    assert result["field"] == field


async def test_bad_corrections_are_400(api: Api) -> None:
    token = await api.token()
    status, up = await api.upload(token, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1")
    assert status == 201, up
    path = f"/api/v2/invoices/{up['invoices'][0]['id']}/"
    for change, field in (
        ({"total_incl_tax": "NaN"}, "total_incl_tax"),
        ({"total_incl_tax": "Infinity"}, "total_incl_tax"),
        ({"total_incl_tax": 1e30}, "total_incl_tax"),
        ({"invoice_number": "n\x00"}, "invoice_number"),
        ({"invoice_number": "n" * 101}, "invoice_number"),
        ({"supplier_name": "s" * 301}, "supplier_name"),
        ({"supplier": {"a": 1}}, "supplier"),
        ({"supplier": "x" * 500}, "supplier"),
        ({"approval_status": ["APPROVED"]}, "approval_status"),
        ({"po_references": ["p" * 101]}, "po_references"),
        ({"po_references": ["p"] * 1000}, "po_references"),
        ({"invoice_date": "99999-01-01"}, "invoice_date"),
    ):
        status, body = await api.send("PATCH", token, path, change)
        assert status == 400, (change, body)
        assert body["field"] == field, (change, body)
    status, body = await _raw(
        api, "PATCH", path, b'{"total_incl_tax": NaN}', "application/json", token
    )
    assert status == 400, body


async def test_taken_ids_are_409_in_our_words(api: Api) -> None:
    token = await api.token()
    status, body = await api.send("POST", token, "/api/v2/outlets/", {"id": "olt-1", "name": "x"})
    assert status == 409, body
    assert "olt-1" in body["detail"] and "uq_" not in body["detail"] and "pk_" not in body["detail"]


@pytest.mark.parametrize("method", ["GET", "OPTIONS", "PATCH"])
async def test_other_methods_on_bulk_upload_are_405_not_an_invoice(api: Api, method: str) -> None:
    token = await api.token()
    async with api.http.request(method, f"{api.base}{UPLOAD}", headers=api.auth(token)) as resp:
        assert resp.status == 405, await resp.text()
        assert resp.headers["Allow"] == "POST"
