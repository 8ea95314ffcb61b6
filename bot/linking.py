"""Purchase-order linking after extraction.

Order: ids given at upload (``requested``, made at intake), then order numbers read on the
invoice (``po_number``), then the one open order of the same supplier whose total and date fit
(``supplier_amount``). An ambiguous match links nothing and says so in the warnings.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.catalog import order_number_key
from bot.config import LinkingConfig
from storage.models import Invoice, InvoicePurchaseOrder, PurchaseOrder

OPEN_STATUSES = ("ORDERED", "DELIVERED")


class PurchaseOrderLinker:
    def __init__(self, config: LinkingConfig) -> None:
        self.config = config

    async def link(self, session: AsyncSession, invoice: Invoice) -> None:
        if any(link.link == "requested" for link in invoice.purchase_order_links):
            return
        warnings: list[str] = list((invoice.extraction or {}).get("warnings", []))
        links = await self._by_number(session, invoice, warnings)
        if not links and not invoice.po_references:
            links = await self._by_amount(session, invoice, warnings)
        invoice.purchase_order_links = links
        invoice.extraction = {**(invoice.extraction or {}), "warnings": warnings}

    async def _by_number(
        self, session: AsyncSession, invoice: Invoice, warnings: list[str]
    ) -> list[InvoicePurchaseOrder]:
        links: list[InvoicePurchaseOrder] = []
        for ref in invoice.po_references or []:
            key = order_number_key(ref)
            rows = list(
                await session.scalars(
                    select(PurchaseOrder).where(
                        PurchaseOrder.outlet_id == invoice.outlet_id,
                        PurchaseOrder.order_number_key == key,
                    )
                )
            )
            if invoice.supplier_id:
                rows = [po for po in rows if po.supplier_id in (None, invoice.supplier_id)]
            if len(rows) == 1:
                if all(link.purchase_order_id != rows[0].id for link in links):
                    links.append(
                        InvoicePurchaseOrder(
                            purchase_order_id=rows[0].id,
                            link="po_number",
                            score=Decimal(1),
                            reason=f"order number {rows[0].order_number} appears on the invoice as {ref}",
                        )
                    )
            elif len(rows) > 1:
                names = ", ".join(sorted(po.id for po in rows))
                warnings.append(
                    f"PO reference {ref} matches several purchase orders ({names}); none linked"
                )
            else:
                warnings.append(f"PO reference {ref} matches no purchase order of this outlet")
        return links

    async def _by_amount(
        self, session: AsyncSession, invoice: Invoice, warnings: list[str]
    ) -> list[InvoicePurchaseOrder]:
        total = invoice.total_incl_tax
        if invoice.supplier_id is None or total is None:
            return []
        tolerance = max(
            abs(total) * self.config.amount_tolerance_percent / 100,
            self.config.amount_tolerance_abs,
        )
        query = select(PurchaseOrder).where(
            PurchaseOrder.outlet_id == invoice.outlet_id,
            PurchaseOrder.supplier_id == invoice.supplier_id,
            PurchaseOrder.status.in_(OPEN_STATUSES),
            PurchaseOrder.total.between(total - tolerance, total + tolerance),
        )
        if invoice.invoice_date is not None:
            earliest = invoice.invoice_date - timedelta(days=self.config.date_window_days)
            query = query.where(PurchaseOrder.ordered_on.between(earliest, invoice.invoice_date))
        rows = list(await session.scalars(query))
        if len(rows) == 1:
            po = rows[0]
            assert po.total is not None
            diff = abs(po.total - total)
            score = (Decimal(1) - diff / max(tolerance, Decimal("0.01"))).quantize(Decimal("0.01"))
            return [
                InvoicePurchaseOrder(
                    purchase_order_id=po.id,
                    link="supplier_amount",
                    score=max(score, Decimal(0)),
                    reason=f"only open order of the supplier with total {po.total} (invoice {total})",
                )
            ]
        if len(rows) > 1:
            names = ", ".join(sorted(po.id for po in rows))
            warnings.append(f"several open orders match supplier and amount ({names}); none linked")
        return []
