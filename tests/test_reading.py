"""Reading invoices and batches, correcting them, and the catalog endpoints."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from tests.conftest import ConfigFactory
from tests.fakes import FakeExtractor
from tests.harness import Api, serve
from tests.pdfs import invoice_pdf

INVOICES = "/api/v2/invoices/"


@pytest.fixture
async def api(make_config: ConfigFactory) -> AsyncIterator[Api]:
    async with serve(make_config(), run_workers=True, extractor=FakeExtractor()) as api:
        await api.outlet("olt-1")
        await api.outlet("olt-2", "Second")
        yield api


async def test_filters_pagination_and_ordering(api: Api) -> None:
    token = await api.token()
    _, one = await api.upload(
        token, [(f"file[{i}]", f"{i}.pdf", invoice_pdf()) for i in range(3)], outlet="olt-1"
    )
    _, two = await api.upload(token, [("file[0]", "x.pdf", invoice_pdf())], outlet="olt-2")
    await api.wait_done(token, one["bulk_importation_id"])
    await api.wait_done(token, two["bulk_importation_id"])

    status, page1 = await api.get(token, INVOICES, page_size=2)
    assert status == 200
    assert page1["count"] == 4 and len(page1["results"]) == 2
    assert page1["previous"] is None and "page=2" in page1["next"]
    async with api.http.get(page1["next"], headers=api.auth(token)) as resp:
        page2 = await resp.json()
    assert len(page2["results"]) == 2 and page2["next"] is None
    assert "page=1" in page2["previous"]
    # default ordering is newest first; ids do not repeat across pages
    ids = [i["id"] for i in page1["results"] + page2["results"]]
    assert len(set(ids)) == 4
    created = [i["created_date"] for i in page1["results"] + page2["results"]]
    assert created == sorted(created, reverse=True)

    _, batch = await api.get(token, INVOICES, bulk_importation_id=one["bulk_importation_id"])
    assert batch["count"] == 3
    _, olt2 = await api.get(token, INVOICES, outlet="olt-2")
    assert [i["id"] for i in olt2["results"]] == [two["invoices"][0]["id"]]
    _, done = await api.get(token, INVOICES, processing_status="PROCESSED")
    assert done["count"] == 4
    _, none = await api.get(token, INVOICES, processing_status="ERROR")
    assert none["count"] == 0
    _, asc = await api.get(token, INVOICES, ordering="created_date", page_size=10)
    assert [i["created_date"] for i in asc["results"]] == sorted(created)
    future = datetime(2100, 1, 1, tzinfo=UTC).isoformat()
    _, later = await api.get(token, INVOICES, modified_date__gt=future)
    assert later["count"] == 0
    _, since = await api.get(token, INVOICES, modified_date__gt="2000-01-01T00:00:00Z")
    assert since["count"] == 4


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page_size": "500"}, "page_size"),
        ({"page": "0"}, "page"),
        ({"page": "x"}, "page"),
        ({"ordering": "secret_column"}, "ordering"),
        ({"processing_status": "DONE"}, "processing_status"),
        ({"modified_date__gt": "yesterday"}, "modified_date__gt"),
    ],
)
async def test_bad_list_parameters(api: Api, params: dict[str, str], field: str) -> None:
    token = await api.token()
    status, body = await api.get(token, INVOICES, **params)
    assert status == 400 and body["field"] == field


async def test_invoice_detail_batch_and_patch(api: Api) -> None:
    from bot.catalog import SupplierIn

    await api.services.catalog.add_supplier(SupplierIn(id="sup-7", name="Fresh Greens BV"))
    token = await api.token()
    _, up = await api.upload(
        token,
        [("file[0]", "a.pdf", invoice_pdf()), ("file[1]", "n.txt", b"not a pdf")],
        outlet="olt-1",
    )
    batch_id = up["bulk_importation_id"]
    batch = await api.wait_done(token, batch_id)
    assert batch["counts"] == {"PROCESSED": 1}
    assert batch["outlet"] == "olt-1" and batch["channel"] == "api"
    assert batch["errors"][0]["code"] == "not_a_pdf"
    invoice_id = up["invoices"][0]["id"]

    status, invoice = await api.get(token, f"{INVOICES}{invoice_id}/")
    assert status == 200
    assert invoice["total_incl_tax"] == "121.00" and invoice["currency"] == "EUR"
    assert invoice["extraction"]["engine"] == "fake"
    assert invoice["file"]["pages"] == 1

    status, patched = await api.send(
        "PATCH",
        token,
        f"{INVOICES}{invoice_id}/",
        {"supplier": "sup-7", "approval_status": "APPROVED", "total_incl_tax": "122.50"},
    )
    assert status == 200, patched
    assert patched["supplier"] == "sup-7" and patched["approval_status"] == "APPROVED"
    assert patched["total_incl_tax"] == "122.50"
    assert patched["extracted"] == {"total_incl_tax": "121.00"}
    assert patched["corrections"] == {"total_incl_tax": "122.50"}

    for body, code in (
        ({"approval_status": "MAYBE"}, 400),
        ({"supplier": "nope"}, 404),
        ({"invoice_date": "31/12/2024"}, 400),
        ({"processing_status": "PROCESSED"}, 400),
    ):
        status, _ = await api.send("PATCH", token, f"{INVOICES}{invoice_id}/", body)
        assert status == code, body
    assert (await api.get(token, f"{INVOICES}nope/"))[0] == 404
    assert (await api.get(token, "/api/v2/bulk_importations/nope/"))[0] == 404


async def test_catalog_endpoints(api: Api) -> None:
    token = await api.token()
    status, outlet = await api.send("POST", token, "/api/v2/outlets/", {"name": "Pop-up"})
    assert status == 201 and outlet["id"]
    status, _ = await api.send("POST", token, "/api/v2/outlets/", {"id": "olt-1", "name": "x"})
    assert status == 409
    status, outlets = await api.get(token, "/api/v2/outlets/")
    assert outlets["count"] == 3
    status, supplier = await api.send(
        "POST",
        token,
        "/api/v2/suppliers/",
        {"id": "sup-1", "name": "Fresh Greens", "tax_id": "NL123", "aliases": ["FG BV"]},
    )
    assert status == 201 and supplier["aliases"] == ["FG BV"]
    status, body = await api.send("POST", token, "/api/v2/suppliers/", {"tax_id": "x"})
    assert status == 400 and body["field"] == "name"
    order = {
        "id": "po-9",
        "order_number": "PO-0009",
        "outlet": "olt-1",
        "supplier": "sup-1",
        "status": "ORDERED",
        "ordered_on": "2024-02-20",
        "total": "121.00",
        "lines": [{"description": "Tomatoes", "quantity": "10", "unit": "kg", "unit_price": "2.5"}],
    }
    status, po = await api.send("POST", token, "/api/v2/procurement/purchase_orders/", order)
    assert status == 201, po
    assert po["total"] == "121.00" and po["lines"][0]["unit_price"] == "2.50"
    status, body = await api.send(
        "POST",
        token,
        "/api/v2/procurement/purchase_orders/",
        {**order, "id": "po-x", "outlet": "zz"},
    )
    assert status == 404
    status, body = await api.send(
        "POST", token, "/api/v2/procurement/purchase_orders/", {**order, "status": "LOST"}
    )
    assert status == 400 and body["field"] == "status"
    status, pos = await api.get(token, "/api/v2/procurement/purchase_orders/", outlet="olt-1")
    assert pos["count"] == 1


async def test_openapi_and_health_need_no_token(api: Api) -> None:
    status, doc = await api.get(None, "/api/v2/openapi.json")
    assert status == 200 and doc["openapi"].startswith("3.")
    for path in (
        "/api/v2/invoices/bulk_upload/",
        "/api/v2/invoices/",
        "/api/v2/invoices/{id}/",
        "/api/v2/invoices/{id}/file/",
        "/api/v2/bulk_importations/{id}/",
        "/api/v2/outlets/",
        "/api/v2/suppliers/",
        "/api/v2/procurement/purchase_orders/",
        "/oauth/token/",
    ):
        assert path in doc["paths"], path
    status, health = await api.get(None, "/healthz")
    assert status == 200 and health["status"] == "ok"


async def test_openapi_matches_the_routes(api: Api) -> None:
    """Every route the app serves is documented, and every documented path is served."""
    from handlers.http.routes import routes

    _, doc = await api.get(None, "/api/v2/openapi.json")
    served = {
        # a path parameter's own pattern ({id:...}) is the server's business, not the document's
        (route.method.lower(), re.sub(r"\{(\w+):.*\}(?=/)", r"{\1}", route.path))  # type: ignore[attr-defined]
        for route in routes
    }
    documented = {(m, p) for p, ops in doc["paths"].items() for m in ops}
    assert served == documented


async def test_unknown_path_is_json_404(api: Api) -> None:
    status, body = await api.get(None, "/nothing-here")
    assert status == 404 and body["detail"]


async def test_correcting_po_references_links_again(api: Api) -> None:
    from bot.catalog import PurchaseOrderIn

    await api.services.catalog.add_purchase_orders(
        [PurchaseOrderIn(id="po-9", order_number="PO-0009", outlet="olt-1")]
    )
    token = await api.token()
    _, up = await api.upload(token, [("file[0]", "a.pdf", invoice_pdf())], outlet="olt-1")
    await api.wait_done(token, up["bulk_importation_id"])
    invoice_id = up["invoices"][0]["id"]
    _, before = await api.get(token, f"{INVOICES}{invoice_id}/")
    assert before["purchase_orders"] == []
    status, after = await api.send(
        "PATCH", token, f"{INVOICES}{invoice_id}/", {"po_references": ["PO 9"]}
    )
    assert status == 200, after
    assert [(p["id"], p["link"]) for p in after["purchase_orders"]] == [("po-9", "po_number")]
    assert after["extracted"] == {"po_references": []}
