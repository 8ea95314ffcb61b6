"""Linking end to end: API-created supplier and orders, upload over HTTP, the worker links."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.extract.schema import ExtractedInvoice, ExtractionResult, LineItem
from tests.conftest import ConfigFactory
from tests.harness import serve
from tests.pdfs import invoice_pdf

D = Decimal


class FieldsExtractor:
    """Returns the fields chosen for each PDF (by its bytes), as a real engine would."""

    name = "fields"

    def __init__(self) -> None:
        self.fields: dict[bytes, ExtractedInvoice] = {}

    def pdf(self, invoice: ExtractedInvoice) -> bytes:
        content = invoice_pdf(number=invoice.invoice_number)
        content += b"\n%" + str(len(self.fields)).encode()  # distinct bytes per invoice
        self.fields[content] = invoice
        return content

    async def extract(self, pdf: bytes) -> ExtractionResult:
        return ExtractionResult(engine=self.name, invoice=self.fields[pdf], confidence={})


def extracted(
    number: str, total: str, *refs: str, name: str = "FRESH GREENS B.V."
) -> ExtractedInvoice:
    return ExtractedInvoice(
        invoice_number=number,
        invoice_date=date(2024, 3, 1),
        currency="EUR",
        total_excl_tax=D(total),
        tax_amount=D("0.00"),
        total_incl_tax=D(total),
        supplier_name=name,
        supplier_tax_id="NL 1234.56.789 B01",
        po_references=list(refs),
        line_items=[
            LineItem(description="Tomatoes", quantity=D("10"), unit="kg", unit_price=D("2.90"),
                     total=D("29.00")),
        ],
    )  # fmt: skip


async def test_upload_is_linked_by_the_worker(make_config: ConfigFactory) -> None:
    fake = FieldsExtractor()
    async with serve(make_config(), run_workers=True, extractor=fake) as api:
        await api.outlet("olt-1")
        token = await api.token()
        status, body = await api.send(
            "POST",
            token,
            "/api/v2/suppliers/",
            {"id": "sup-7", "name": "Fresh Greens", "tax_id": "NL123456789B01"},
        )
        assert status == 201, body
        await api.send("POST", token, "/api/v2/suppliers/", {"id": "sup-8", "name": "Other Greens"})
        for number, total, price in (("PO-0042", "29.00", "2.50"), ("PO-0050", "80.00", "8.00")):
            status, body = await api.send(
                "POST",
                token,
                "/api/v2/procurement/purchase_orders/",
                {
                    "order_number": number,
                    "outlet": "olt-1",
                    "supplier": "sup-7",
                    "ordered_on": "2024-02-25",
                    "total": total,
                    "lines": [
                        {"description": "Tomatoes", "quantity": "10", "unit": "kg",
                         "unit_price": price, "total": total},
                    ],
                },
            )  # fmt: skip
            assert status == 201, body
        files = [
            ("file[0]", "by-number.pdf", fake.pdf(extracted("INV-1", "29.00", "Bestellnummer 42"))),
            ("file[1]", "by-amount.pdf", fake.pdf(extracted("INV-2", "80.00"))),
        ]
        status, body = await api.upload(token, files, outlet="olt-1")
        assert status == 201, body
        await api.wait_done(token, body["bulk_importation_id"])
        first, second = (i["id"] for i in body["invoices"])

        _, one = await api.get(token, f"/api/v2/invoices/{first}/")
        assert one["processing_status"] == "PROCESSED"
        assert one["supplier"] == "sup-7"
        assert one["extraction"]["supplier_match"]["method"] == "tax_id"
        [po] = one["purchase_orders"]
        assert (po["order_number"], po["link"], po["score"]) == ("PO-0042", "po_number", "1")
        assert "Bestellnummer 42" in po["reason"]
        assert one["approval_status"] == "FLAGGED"
        assert one["variances"] == [
            {"line": 1, "field": "unit_price", "ordered": "2.50", "invoiced": "2.90",
             "description": "Tomatoes", "purchase_order": "PO-0042"},
        ]  # fmt: skip

        _, two = await api.get(token, f"/api/v2/invoices/{second}/")
        assert [(p["order_number"], p["link"]) for p in two["purchase_orders"]] == [
            ("PO-0050", "supplier_amount")
        ]
        assert "80.00" in two["purchase_orders"][0]["reason"]

        # the same invoice again, scanned (other bytes): flagged as a duplicate of the first
        again = [("file[0]", "scan.pdf", fake.pdf(extracted("INV-1", "29.00")))]
        status, body = await api.upload(token, again, outlet="olt-1")
        assert status == 201, body
        await api.wait_done(token, body["bulk_importation_id"])
        _, dup = await api.get(token, f"/api/v2/invoices/{body['invoices'][0]['id']}/")
        assert dup["approval_status"] == "FLAGGED"
        assert any(first in w for w in dup["extraction"]["warnings"])

        # a supplier set by hand teaches its alias
        unknown = [
            ("file[0]", "x.pdf", fake.pdf(extracted("Z-9", "5.00", name="Groenteboer Piet")))
        ]
        status, body = await api.upload(token, unknown, outlet="olt-1")
        await api.wait_done(token, body["bulk_importation_id"])
        invoice_id = body["invoices"][0]["id"]
        _, three = await api.get(token, f"/api/v2/invoices/{invoice_id}/")
        # the VAT id says Fresh Greens, the name does not fit: VAT wins
        assert three["supplier"] == "sup-7"
        status, patched = await api.send(
            "PATCH", token, f"/api/v2/invoices/{invoice_id}/", {"supplier": "sup-8"}
        )
        assert status == 200, patched
        _, suppliers = await api.get(token, "/api/v2/suppliers/")
        by_id = {s["id"]: s for s in suppliers["results"]}
        assert by_id["sup-8"]["aliases"] == ["Groenteboer Piet"]
