"""Supplier matching and purchase-order linking on real rows, on SQLite and PostgreSQL.

The linker is called the way the worker calls it: in a session, on an invoice whose extracted
fields were just saved. Helpers here are shared by the other test_linking*/test_duplicates files.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from bot.app import Services, open_services
from storage import batches, catalog, invoices
from storage.models import Invoice, InvoiceLineItem, InvoicePurchaseOrder
from tests.conftest import ConfigFactory

D = Decimal
_numbers = itertools.count(1)


@pytest.fixture
async def svc(make_config: ConfigFactory) -> AsyncIterator[Services]:
    async with open_services(make_config()) as services:
        yield services


async def outlet(svc: Services, outlet_id: str = "olt-1") -> str:
    async with svc.db.session() as session:
        await catalog.add_outlet(session, outlet_id, outlet_id)
    return outlet_id


async def supplier(svc: Services, supplier_id: str, name: str, **fields: Any) -> str:
    async with svc.db.session() as session:
        await catalog.add_supplier(session, id=supplier_id, name=name, **fields)
    return supplier_id


async def order(
    svc: Services,
    number: str,
    *,
    outlet_id: str = "olt-1",
    supplier_id: str | None = "sup-1",
    total: str | None = "121.00",
    ordered_on: date | None = date(2024, 2, 20),
    status: str = "ORDERED",
    lines: list[dict[str, Any]] | None = None,
    order_id: str | None = None,
) -> str:
    from bot.catalog import order_number_key

    async with svc.db.session() as session:
        po = await catalog.add_purchase_order(
            session,
            lines=lines or [],
            id=order_id or f"po-{number}-{uuid.uuid4().hex[:6]}",
            order_number=number,
            order_number_key=order_number_key(number),
            outlet_id=outlet_id,
            supplier_id=supplier_id,
            status=status,
            ordered_on=ordered_on,
            total=None if total is None else D(total),
        )
        return po.id


async def invoice(
    svc: Services,
    *,
    outlet_id: str = "olt-1",
    supplier_id: str | None = None,
    requested: tuple[str, ...] = (),
    lines: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> str:
    """An invoice as the worker leaves it just before linking (extracted fields saved)."""
    values: dict[str, Any] = {
        "invoice_number": f"INV-{next(_numbers):05d}",
        "invoice_date": date(2024, 3, 1),
        "currency": "EUR",
        "total_excl_tax": D("100.00"),
        "tax_amount": D("21.00"),
        "total_incl_tax": D("121.00"),
        "supplier_name": "Fresh Greens BV",
        "processing_status": "PROCESSED",
        "extraction": {"engine": "test", "confidence": {}, "warnings": [], "error": None},
    }
    values.update(fields)
    async with svc.db.session() as session:
        batch_id = await batches.insert_bulk_importation(
            session, outlet_id=outlet_id, channel="api"
        )
        row = await invoices.add_invoice(
            session,
            bulk_importation_id=batch_id,
            outlet_id=outlet_id,
            supplier_id=supplier_id,
            file_name="invoice.pdf",
            file_sha256=uuid.uuid4().hex * 2,
            file_size=1000,
            source_channel="api",
            purchase_order_links=[
                InvoicePurchaseOrder(purchase_order_id=po, link="requested") for po in requested
            ],
            line_items=[InvoiceLineItem(position=i, **line) for i, line in enumerate(lines or [])],
            **values,
        )
        return row.id


async def link(svc: Services, invoice_id: str) -> dict[str, Any]:
    """Run the linker on the invoice as the worker does; return the invoice as the API shows it."""
    assert svc.linker is not None
    async with svc.db.session() as session:
        row = await session.get(Invoice, invoice_id)
        assert row is not None
        await svc.linker.link(session, row)
    return await svc.invoices.get(invoice_id)


def linked(view: dict[str, Any]) -> list[tuple[str, str]]:
    return [(po["order_number"], po["link"]) for po in view["purchase_orders"]]


def warnings(view: dict[str, Any]) -> str:
    return "\n".join(view["extraction"]["warnings"])


# --- supplier matching ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["NL123456789B01", "nl 1234.56.789-b01", "123456789B01", "NL-123 456 789 B01"]
)
async def test_supplier_by_vat_id_after_normalising(svc: Services, written: str) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens BV", tax_id="NL 123456789 B01")
    await supplier(svc, "sup-2", "Fresh Greens Trading", tax_id="NL987654321B01")
    inv = await invoice(svc, supplier_name="Something Else Entirely", supplier_tax_id=written)
    view = await link(svc, inv)
    assert view["supplier"] == "sup-1"
    match = view["extraction"]["supplier_match"]
    assert match["method"] == "tax_id" and match["supplier"] == "sup-1"
    assert "VAT id" in match["reason"]


async def test_vat_id_of_another_country_does_not_match(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens BV", tax_id="BE123456789B01")
    inv = await invoice(svc, supplier_name="Unknown Name", supplier_tax_id="NL123456789B01")
    view = await link(svc, inv)
    assert view["supplier"] is None
    assert "Supplier not set" in warnings(view)


async def test_supplier_by_name_and_alias(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens", aliases=["FG Versmarkt"])
    await supplier(svc, "sup-2", "Butcher Bram")
    by_name = await link(svc, await invoice(svc, supplier_name="FRESH GREENS B.V."))
    assert by_name["supplier"] == "sup-1"
    assert by_name["extraction"]["supplier_match"]["method"] == "name"
    by_alias = await link(svc, await invoice(svc, supplier_name="F.G. Versmarkt"))
    assert by_alias["supplier"] == "sup-1"
    assert "alias" in by_alias["extraction"]["supplier_match"]["reason"]


async def test_weak_name_links_nothing_and_says_so(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    view = await link(svc, await invoice(svc, supplier_name="Fresh Fish Company"))
    assert view["supplier"] is None
    text = warnings(view)
    assert "not close enough" in text and "Fresh Greens" in text
    assert "supplier_match" not in view["extraction"]


async def test_ambiguous_name_links_nothing_and_names_both(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Bidfood Nederland BV")
    await supplier(svc, "sup-2", "Bidfoods Nederland")
    view = await link(svc, await invoice(svc, supplier_name="Bidfood Nederland"))
    assert view["supplier"] is None
    text = warnings(view)
    assert "sup-1" in text and "sup-2" in text and "about equally" in text


async def test_name_is_matched_within_the_outlets_suppliers(svc: Services) -> None:
    await outlet(svc, "olt-1")
    await outlet(svc, "olt-2")
    await outlet(svc, "olt-3")
    # two records of the same name (e.g. two branches); each outlet orders from one of them
    await supplier(svc, "sup-a", "Bakkerij Jansen")
    await supplier(svc, "sup-b", "Bakkerij Jansen B.V.")
    await order(svc, "PO-1", outlet_id="olt-1", supplier_id="sup-a")
    await invoice(svc, outlet_id="olt-2", supplier_id="sup-b", supplier_name="x")
    one = await link(svc, await invoice(svc, outlet_id="olt-1", supplier_name="Bakkerij Jansen"))
    two = await link(svc, await invoice(svc, outlet_id="olt-2", supplier_name="Bakkerij Jansen"))
    assert (one["supplier"], two["supplier"]) == ("sup-a", "sup-b")
    # an outlet without suppliers falls back to all of them: here that is ambiguous
    three = await link(svc, await invoice(svc, outlet_id="olt-3", supplier_name="Bakkerij Jansen"))
    assert three["supplier"] is None
    assert "suppliers on file" in warnings(three)


async def test_new_supplier_of_an_outlet_is_found_among_all(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await supplier(svc, "sup-2", "Butcher Bram")
    await order(svc, "PO-1", supplier_id="sup-1")
    view = await link(svc, await invoice(svc, supplier_name="Butcher Bram"))
    assert view["supplier"] == "sup-2"
    assert "suppliers on file" in view["extraction"]["supplier_match"]["reason"]


async def test_name_match_with_another_vat_id_is_refused(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens", tax_id="NL111111111B01")
    view = await link(
        svc, await invoice(svc, supplier_name="Fresh Greens", supplier_tax_id="NL222222222B01")
    )
    assert view["supplier"] is None
    assert "is not theirs" in warnings(view)


async def test_shared_vat_id_is_decided_by_name(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Horeca Groothandel Noord", tax_id="NL123456789B01")
    await supplier(svc, "sup-2", "Horeca Groothandel Zuid", tax_id="NL123456789B01")
    view = await link(
        svc,
        await invoice(
            svc, supplier_name="Horeca Groothandel Zuid", supplier_tax_id="NL123456789B01"
        ),
    )
    assert view["supplier"] == "sup-2"
    unclear = await link(
        svc, await invoice(svc, supplier_name="Horeca", supplier_tax_id="NL123456789B01")
    )
    assert unclear["supplier"] is None
    assert "several suppliers" in warnings(unclear)


async def test_supplier_given_at_upload_is_kept_and_a_vat_conflict_warned(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens", tax_id="NL111111111B01")
    await supplier(svc, "sup-2", "Butcher Bram", tax_id="NL222222222B01")
    view = await link(
        svc, await invoice(svc, supplier_id="sup-2", supplier_tax_id="NL111111111B01")
    )
    assert view["supplier"] == "sup-2"
    assert "belongs to Fresh Greens" in warnings(view)


async def test_setting_the_supplier_makes_the_read_name_an_alias(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    first = await link(svc, await invoice(svc, supplier_name="Groentehandel De Verse Hoek"))
    assert first["supplier"] is None
    await svc.invoices.patch(first["id"], {"supplier": "sup-1"})
    async with svc.db.session() as session:
        row = await catalog.get_supplier(session, "sup-1")
        assert row is not None and row.aliases == ["Groentehandel De Verse Hoek"]
    # again: no second copy of the alias
    await svc.invoices.patch(first["id"], {"supplier": "sup-1"})
    async with svc.db.session() as session:
        row = await catalog.get_supplier(session, "sup-1")
        assert row is not None and row.aliases == ["Groentehandel De Verse Hoek"]
    later = await link(svc, await invoice(svc, supplier_name="Groentehandel de Verse Hoek"))
    assert later["supplier"] == "sup-1"


# --- purchase orders: requested and by number ----------------------------------------------


async def test_requested_orders_are_kept_as_given(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    asked = await order(svc, "PO-7", total="500.00")
    await order(svc, "PO-42")
    inv = await invoice(svc, supplier_id="sup-1", requested=(asked,), po_references=["PO-42"])
    view = await link(svc, inv)
    assert linked(view) == [("PO-7", "requested")]
    assert view["purchase_orders"][0]["reason"] == "Named in the upload."


@pytest.mark.parametrize(
    "reference", ["PO-0042", "PO 42", "#0042", "Bestellnummer 42", "Bon de commande 42"]
)
async def test_order_number_on_the_invoice_links(svc: Services, reference: str) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-0042", total="999.00")
    await order(svc, "PO-0043")
    view = await link(svc, await invoice(svc, po_references=[reference]))
    assert linked(view) == [("PO-0042", "po_number")]
    po = view["purchase_orders"][0]
    assert po["score"] == "1" and reference in po["reason"] and "PO-0042" in po["reason"]


async def test_order_number_of_another_outlet_is_not_linked(svc: Services) -> None:
    await outlet(svc, "olt-1")
    await outlet(svc, "olt-2")
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-42", outlet_id="olt-2", total="5000.00")
    view = await link(svc, await invoice(svc, po_references=["PO-42"]))
    assert linked(view) == []
    assert "matches no purchase order of this outlet" in warnings(view)


async def test_order_number_shared_by_two_orders_links_neither(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await supplier(svc, "sup-2", "Butcher Bram")
    await order(svc, "PO-42", supplier_id="sup-1", total="5000.00")
    await order(svc, "42", supplier_id="sup-2", total="6000.00")
    view = await link(svc, await invoice(svc, supplier_name="Unknown Shop", po_references=["42"]))
    assert linked(view) == []
    text = warnings(view)
    assert "fits several purchase orders" in text and "PO-42" in text
    # once the supplier is known, the number is no longer ambiguous
    known = await link(svc, await invoice(svc, supplier_id="sup-2", po_references=["42"]))
    assert linked(known) == [("42", "po_number")]


async def test_order_number_of_another_supplier_is_not_linked(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await supplier(svc, "sup-2", "Butcher Bram")
    await order(svc, "PO-42", supplier_id="sup-2", total="5000.00")
    view = await link(svc, await invoice(svc, supplier_id="sup-1", po_references=["PO-42"]))
    assert linked(view) == []
    assert "order of another supplier" in warnings(view)


async def test_several_order_numbers_link_several_orders(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-41", total="60.00")
    await order(svc, "PO-42", total="61.00")
    view = await link(svc, await invoice(svc, po_references=["PO 41, 42"]))
    assert sorted(linked(view)) == [("PO-41", "po_number"), ("PO-42", "po_number")]


# --- purchase orders: by supplier and amount -----------------------------------------------


async def test_one_open_order_with_the_total_links(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-1", total="120.00")
    await order(svc, "PO-2", total="300.00")
    view = await link(svc, await invoice(svc))
    assert linked(view) == [("PO-1", "supplier_amount")]
    po = view["purchase_orders"][0]
    assert "121.00" in po["reason"] and "difference of 1.00" in po["reason"]
    assert D(po["score"]) < 1


@pytest.mark.parametrize(
    ("invoice_total", "order_total", "links"),
    [
        ("30.00", "30.99", True),  # under 1.00 apart: the absolute tolerance
        ("30.00", "31.01", False),
        ("1000.00", "1019.99", True),  # 2 % of 1000 = 20.00
        ("1000.00", "1020.01", False),
        ("1000.00", "980.00", True),
    ],
)
async def test_amount_tolerance_is_the_larger_of_percent_and_absolute(
    svc: Services, invoice_total: str, order_total: str, links: bool
) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-1", total=order_total)
    view = await link(svc, await invoice(svc, total_incl_tax=D(invoice_total), total_excl_tax=None))
    assert bool(linked(view)) is links
    if not links:
        assert "Not linked to a purchase order" in warnings(view)


@pytest.mark.parametrize(
    ("ordered_on", "links"),
    [
        (date(2024, 1, 1), True),  # exactly 60 days before 2024-03-01
        (date(2023, 12, 31), False),
        (date(2024, 3, 1), True),
        (date(2024, 3, 2), False),  # ordered after the invoice
        (None, False),
    ],
)
async def test_order_date_must_be_within_the_window(
    svc: Services, ordered_on: date | None, links: bool
) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-1", ordered_on=ordered_on)
    view = await link(svc, await invoice(svc))
    assert bool(linked(view)) is links


async def test_only_open_orders_of_the_supplier_at_the_outlet_count(svc: Services) -> None:
    await outlet(svc, "olt-1")
    await outlet(svc, "olt-2")
    await supplier(svc, "sup-1", "Fresh Greens")
    await supplier(svc, "sup-2", "Butcher Bram")
    await order(svc, "PO-1", status="IN_PROGRESS")
    await order(svc, "PO-2", supplier_id="sup-2")
    await order(svc, "PO-3", outlet_id="olt-2")
    view = await link(svc, await invoice(svc))
    assert linked(view) == []
    assert "none of the open orders of Fresh Greens" in warnings(view)
    await order(svc, "PO-4", status="DELIVERED")
    assert linked(await link(svc, await invoice(svc))) == [("PO-4", "supplier_amount")]


async def test_two_orders_with_the_total_link_neither(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-1", total="121.00")
    await order(svc, "PO-2", total="120.50")
    view = await link(svc, await invoice(svc))
    assert linked(view) == []
    text = warnings(view)
    assert "2 open orders" in text and "PO-1" in text and "PO-2" in text


async def test_no_supplier_no_amount_match(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-1")
    view = await link(svc, await invoice(svc, supplier_name="Nobody We Know"))
    assert linked(view) == []
    assert "the supplier is not known" in warnings(view)


async def test_one_invoice_for_several_orders(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-1", total="100.00")
    await order(svc, "PO-2", total="200.00")
    await order(svc, "PO-3", total="450.00")
    view = await link(svc, await invoice(svc, total_incl_tax=D("300.00"), total_excl_tax=None))
    assert sorted(linked(view)) == [("PO-1", "supplier_amount"), ("PO-2", "supplier_amount")]
    assert "Together" in view["purchase_orders"][0]["reason"]
    async with svc.db.session() as session:
        row = await session.get(Invoice, view["id"])
        assert row is not None
        amounts = sorted(link.amount or D(0) for link in row.purchase_order_links)
        assert amounts == [D("100"), D("200")]


async def test_several_combinations_link_nothing(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    for number, total in (("PO-1", "100.00"), ("PO-2", "200.00"), ("PO-3", "150.00")):
        await order(svc, number, total=total)
    await order(svc, "PO-4", total="150.00")
    view = await link(svc, await invoice(svc, total_incl_tax=D("300.00"), total_excl_tax=None))
    assert linked(view) == []
    text = warnings(view)
    assert "several combinations" in text and "PO-3 + PO-4" in text


async def test_partial_deliveries_match_what_is_left_of_the_order(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-9", total="500.00")
    first = await link(
        svc,
        await invoice(svc, po_references=["PO-9"], total_incl_tax=D("300.00"), total_excl_tax=None),
    )
    assert linked(first) == [("PO-9", "po_number")]
    # the whole order no longer matches: 300.00 of it is invoiced
    whole = await link(svc, await invoice(svc, total_incl_tax=D("500.00"), total_excl_tax=None))
    assert linked(whole) == []
    rest = await link(svc, await invoice(svc, total_incl_tax=D("200.00"), total_excl_tax=None))
    assert linked(rest) == [("PO-9", "supplier_amount")]
    assert "already on invoice" in rest["purchase_orders"][0]["reason"]
    # fully invoiced now: a third invoice finds nothing left
    again = await link(svc, await invoice(svc, total_incl_tax=D("200.00"), total_excl_tax=None))
    assert linked(again) == []


async def test_net_order_totals_match_the_total_before_tax(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-1", total="100.00")
    view = await link(svc, await invoice(svc))  # 121.00 with tax, 100.00 before
    assert linked(view) == [("PO-1", "supplier_amount")]
    assert "total before tax" in view["purchase_orders"][0]["reason"]


async def test_credit_notes_are_not_matched_by_amount(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-1")
    view = await link(svc, await invoice(svc, document_type="credit_note"))
    assert linked(view) == []
    assert "credit note" in warnings(view)


async def test_linking_again_replaces_earlier_automatic_links(svc: Services) -> None:
    await outlet(svc)
    await supplier(svc, "sup-1", "Fresh Greens")
    await order(svc, "PO-1", total="121.00")
    inv = await invoice(svc, supplier_name="Fresh Greens", po_references=["PO-77"])
    first = await link(svc, inv)
    assert linked(first) == [("PO-1", "supplier_amount")]
    second = await link(svc, inv)
    assert linked(second) == [("PO-1", "supplier_amount")]
    assert second["extraction"]["warnings"] == first["extraction"]["warnings"]
    assert len(first["extraction"]["warnings"]) == 1  # PO-77 matches nothing
    assert second["extraction"]["supplier_match"] == first["extraction"]["supplier_match"]
    async with svc.db.session() as session:
        row = await session.get(Invoice, inv)
        assert row is not None and [lk.amount for lk in row.purchase_order_links] == [D("121")]
