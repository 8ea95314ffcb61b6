"""The linker the worker calls after extraction, in the transaction that saves what was read.

In order: the supplier (when the upload named none), duplicates (with the configured policy),
purchase orders (requested, else by number, else by supplier and amount), then the invoice's
lines against the linked orders' lines. Every link carries its reason and score; everything not
linked is said in ``extraction.warnings``. Warnings do not change ``processing_status``, except
that a rejected duplicate ends in ``ERROR``. Linking again replaces what linking did before.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import LinkingConfig
from bot.linking.duplicates import DuplicateCheck, DuplicateDetector
from bot.linking.facts import InvoiceFacts
from bot.linking.lines import OrderOnInvoice, check_lines
from bot.linking.purchase_orders import OrderMatcher, ProposedLink, allocate, tolerance
from bot.linking.suppliers import SupplierMatcher
from bot.views import money
from storage import catalog, invoices
from storage import linking as queries
from storage.models import Invoice, InvoicePurchaseOrder, Supplier
from storage.status import ApprovalStatus, LinkKind, ProcessingStatus

#: approval states the linker may move to FLAGGED; a person's decision is never overridden
FLAGGABLE = (ApprovalStatus.RECEIVED, ApprovalStatus.PENDING_APPROVAL)


class InvoiceLinker:
    def __init__(self, config: LinkingConfig) -> None:
        self.config = config
        self.suppliers = SupplierMatcher()
        self.duplicates = DuplicateDetector()
        self.orders = OrderMatcher(config)

    async def link(self, session: AsyncSession, invoice: Invoice) -> None:
        facts = InvoiceFacts.of(invoice)
        extraction = dict(invoice.extraction or {})
        warnings = _Warnings(extraction.get("warnings") or [])
        flag = False

        supplier = await self._supplier(session, invoice, facts, extraction, warnings)

        duplicate = await self.duplicates.check(session, facts, invoice.supplier_id)
        if duplicate.duplicate_of is not None and (
            duplicate.duplicate_of.id == extraction.get("not_duplicate_of")
        ):
            duplicate = DuplicateCheck()  # a person said it is not (bot.invoices.not_duplicate)
        # kept as data, so reports and review can say "duplicate?" without reading warnings
        extraction.pop("duplicate_of", None)
        if duplicate.duplicate_of is not None:
            extraction["duplicate_of"] = duplicate.duplicate_of.id
        if duplicate.duplicate_of is None:
            if duplicate.warning:  # same number, other total: worth a look, not a duplicate
                warnings.append(duplicate.warning)
        elif self.config.duplicate_policy != "allow":
            assert duplicate.warning is not None
            warnings.append(duplicate.warning)
            if self.config.duplicate_policy == "reject":
                await self._reject(session, invoice, facts, duplicate.duplicate_of, extraction)
                invoice.extraction = {**extraction, "warnings": list(warnings)}
                return
            flag = True

        links = await self._link_orders(session, invoice, facts, supplier, warnings)

        on_invoice = await self._allocate(session, invoice, facts, links)
        check = check_lines(invoice.line_items, on_invoice, self.config.amount_tolerance_percent)
        invoice.variances = check.variances
        warnings.extend(check.warnings)
        if check.variances:
            flag = True
            warnings.append(
                f"Flagged for review: {len(check.variances)} price or quantity difference(s) "
                "against the purchase order (see variances)."
            )
        if flag and invoice.approval_status in FLAGGABLE:
            invoice.approval_status = ApprovalStatus.FLAGGED
        invoice.extraction = {**extraction, "warnings": list(warnings)}

    async def _reject(
        self,
        session: AsyncSession,
        invoice: Invoice,
        facts: InvoiceFacts,
        earlier: Invoice,
        extraction: dict[str, object],
    ) -> None:
        invoice.processing_status = ProcessingStatus.ERROR
        extraction["error"] = (
            f"Duplicate of invoice {earlier.id} ({earlier.file_name}): same supplier, "
            f"invoice number {facts.invoice_number} and total "
            f"{money(earlier.total_incl_tax)}; refused by the duplicate policy."
        )
        await invoices.link_purchase_orders(session, invoice, [])
        invoice.variances = []

    async def _supplier(
        self,
        session: AsyncSession,
        invoice: Invoice,
        facts: InvoiceFacts,
        extraction: dict[str, object],
        warnings: _Warnings,
    ) -> Supplier | None:
        if invoice.supplier_id is not None:
            # given at upload or by a person, or matched by an earlier run (its reason stays)
            supplier = await catalog.get_supplier(session, invoice.supplier_id)
            if supplier is not None and (
                conflict := await self.suppliers.conflict(session, facts, supplier)
            ):
                warnings.append(conflict)
            return supplier
        extraction.pop("supplier_match", None)
        match = await self.suppliers.match(session, facts)
        if match.supplier is None:
            if match.warning:
                warnings.append(match.warning)
            return None
        invoice.supplier_id = match.supplier.id
        extraction["supplier_match"] = match.as_dict()
        return match.supplier

    async def _link_orders(
        self,
        session: AsyncSession,
        invoice: Invoice,
        facts: InvoiceFacts,
        supplier: Supplier | None,
        warnings: _Warnings,
    ) -> list[InvoicePurchaseOrder]:
        requested = [
            link for link in invoice.purchase_order_links if link.link == LinkKind.REQUESTED
        ]
        for link in requested:
            link.reason = link.reason or "Named in the upload."
            link.amount = None  # worked out again below from the total as read now
        if requested:
            await invoices.link_purchase_orders(session, invoice, [])
            return list(invoice.purchase_order_links)
        outcome = await self.orders.by_number(session, facts, supplier)
        warnings.extend(outcome.warnings)
        if not outcome.links:
            by_amount = await self.orders.by_amount(session, facts, supplier)
            warnings.extend(by_amount.warnings)
            if by_amount.links or by_amount.warnings:
                outcome = by_amount
            else:
                # order numbers that did not link have their own warnings above
                warnings.append(f"Not linked to a purchase order: {by_amount.why_not}.")
        # orders a person took off this invoice stay off (bot.invoices.unlink_order)
        unlinked = set((invoice.extraction or {}).get("unlinked_orders") or ())
        proposed = [p for p in outcome.links if p.order.id not in unlinked]
        await invoices.link_purchase_orders(session, invoice, [_row(p) for p in proposed])
        return list(invoice.purchase_order_links)

    async def _allocate(
        self,
        session: AsyncSession,
        invoice: Invoice,
        facts: InvoiceFacts,
        links: list[InvoicePurchaseOrder],
    ) -> list[OrderOnInvoice]:
        """Record the amount of the invoice set against each order; say which are partial."""
        if not links:
            return []
        orders = [link.purchase_order for link in links]
        await queries.with_lines(session, orders)
        invoiced = await queries.invoiced_amounts(session, [o.id for o in orders], facts.id)
        remaining = [
            None if o.total is None or invoiced[o.id].unknown else o.total - invoiced[o.id].amount
            for o in orders
        ]
        amount = facts.total_incl_tax
        if amount is None:
            amount = facts.total_excl_tax
        if amount is not None and any(link.amount is None for link in links):
            for link, share in zip(links, allocate(remaining, amount), strict=True):
                if link.amount is None:
                    link.amount = share
        out = []
        for link, order, rest in zip(links, orders, remaining, strict=True):
            earlier = bool(invoiced[order.id].invoice_numbers)
            short = (
                rest is not None
                and link.amount is not None
                and rest - link.amount > tolerance(rest, self.config)
            )
            out.append(OrderOnInvoice(order, partial=earlier or short))
        return out


class _Warnings(list[str]):
    """The invoice's warnings; one already there is not added again (linking may run twice)."""

    def append(self, warning: str) -> None:
        if warning not in self:
            super().append(warning)

    def extend(self, warnings: Iterable[str]) -> None:
        for warning in warnings:
            self.append(warning)


def _row(proposed: ProposedLink) -> InvoicePurchaseOrder:
    row = InvoicePurchaseOrder(
        purchase_order_id=proposed.order.id,
        link=proposed.link,
        score=proposed.score,
        reason=proposed.reason,
        amount=proposed.amount,
    )
    row.purchase_order = proposed.order
    return row
