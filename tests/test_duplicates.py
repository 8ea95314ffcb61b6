"""The same invoice received twice as different files: warning, and the configured policy."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from bot.app import Services, open_services
from tests.conftest import ConfigFactory
from tests.test_linking import invoice, link, outlet, supplier, warnings


@pytest.fixture(params=["flag", "reject", "allow"])
async def policy_svc(
    request: pytest.FixtureRequest, make_config: ConfigFactory
) -> AsyncIterator[tuple[str, Services]]:
    async with open_services(make_config(linking={"duplicate_policy": request.param})) as svc:
        await outlet(svc)
        await supplier(svc, "sup-1", "Fresh Greens")
        yield request.param, svc


async def test_same_supplier_number_and_total_follows_the_policy(
    policy_svc: tuple[str, Services],
) -> None:
    policy, svc = policy_svc
    first = await link(svc, await invoice(svc, invoice_number="INV-7"))
    assert first["approval_status"] == "RECEIVED"
    second = await link(svc, await invoice(svc, invoice_number="INV-7"))
    if policy == "flag":
        assert second["approval_status"] == "FLAGGED"
        assert second["processing_status"] == "PROCESSED"
        assert f"already received as invoice {first['id']}" in warnings(second)
    elif policy == "reject":
        assert second["processing_status"] == "ERROR"
        assert first["id"] in second["extraction"]["error"]
        assert second["purchase_orders"] == []
    else:
        assert second["approval_status"] == "RECEIVED"
        assert second["processing_status"] == "PROCESSED"
        assert "duplicate" not in warnings(second).lower()
    # the earlier invoice itself is untouched
    assert (await svc.invoices.get(first["id"]))["approval_status"] == "RECEIVED"


@pytest.fixture
async def svc(make_config: ConfigFactory) -> AsyncIterator[Services]:
    async with open_services(make_config()) as services:
        await outlet(services)
        await supplier(services, "sup-1", "Fresh Greens")
        await supplier(services, "sup-2", "Butcher Bram")
        yield services


async def test_same_number_with_another_total_is_only_a_warning(svc: Services) -> None:
    first = await link(svc, await invoice(svc, invoice_number="INV-7"))
    second = await link(
        svc, await invoice(svc, invoice_number="INV-7", total_incl_tax=Decimal("150.00"))
    )
    assert second["approval_status"] == "RECEIVED"
    text = warnings(second)
    assert first["id"] in text and "different total" in text


async def test_same_number_from_another_supplier_is_no_duplicate(svc: Services) -> None:
    await link(svc, await invoice(svc, invoice_number="INV-7", supplier_name="Fresh Greens"))
    other = await link(
        svc, await invoice(svc, invoice_number="INV-7", supplier_name="Butcher Bram")
    )
    assert other["supplier"] == "sup-2"
    assert other["approval_status"] == "RECEIVED"
    assert "INV-7" not in warnings(other)


async def test_same_number_at_another_outlet_is_no_duplicate(svc: Services) -> None:
    await outlet(svc, "olt-2")
    await link(svc, await invoice(svc, invoice_number="INV-7", supplier_id="sup-1"))
    other = await link(
        svc, await invoice(svc, outlet_id="olt-2", invoice_number="INV-7", supplier_id="sup-1")
    )
    assert other["approval_status"] == "RECEIVED"


async def test_failed_earlier_invoice_does_not_count(svc: Services) -> None:
    await invoice(svc, invoice_number="INV-7", supplier_id="sup-1", processing_status="ERROR")
    again = await link(svc, await invoice(svc, invoice_number="INV-7"))
    assert again["approval_status"] == "RECEIVED"


async def test_without_a_supplier_the_name_read_must_be_equal(svc: Services) -> None:
    first = await link(svc, await invoice(svc, invoice_number="X-1", supplier_name="Unknown Shop"))
    assert first["supplier"] is None
    same = await link(svc, await invoice(svc, invoice_number="X-1", supplier_name="Unknown Shop"))
    assert same["approval_status"] == "FLAGGED"
    other = await link(svc, await invoice(svc, invoice_number="X-1", supplier_name="Other Place"))
    assert other["approval_status"] == "RECEIVED"


async def test_a_decision_already_made_is_not_overridden(svc: Services) -> None:
    await link(svc, await invoice(svc, invoice_number="INV-7"))
    approved = await invoice(svc, invoice_number="INV-7", approval_status="APPROVED")
    view = await link(svc, approved)
    assert view["approval_status"] == "APPROVED"
    assert "Possible duplicate" in warnings(view)
