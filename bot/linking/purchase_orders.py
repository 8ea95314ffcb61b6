"""Which purchase orders an invoice is for, when the upload did not say.

``po_number``: each order reference read on the invoice (``PO-0042``, ``#0042``,
``Bestellnummer 42`` ...) is reduced to its key and looked up among the outlet's orders. An
order of another supplier than the invoice's is not linked; two orders with the same number
link neither.

``supplier_amount`` (only when no reference linked): the supplier's open orders (ORDERED or
DELIVERED) at the outlet, ordered within ``date_window_days`` before the invoice date, whose
*remaining* amount (total minus what other invoices already set against it: partial
deliveries) equals the invoice total within tolerance (``amount_tolerance_percent`` of the
total or ``amount_tolerance_abs``, whichever is larger). First one order; if none fits, a
combination of up to four orders whose remaining amounts add up to the total. The total with
tax is tried first, then the total before tax (ordering systems often keep net totals). Exactly
one answer links; several link nothing and are listed in the warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import LinkingConfig
from bot.linking.facts import InvoiceFacts
from bot.linking.subsets import matching_subsets
from bot.linking.text import reference_keys
from bot.views import money
from storage import linking as queries
from storage.linking import Invoiced
from storage.models import PurchaseOrder, Supplier
from storage.status import LinkKind

OPEN_STATUSES = ("ORDERED", "DELIVERED")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class ProposedLink:
    order: PurchaseOrder
    #: po_number or supplier_amount
    link: str
    score: Decimal
    reason: str
    #: the part of the invoice total set against this order, when the match decided it
    amount: Decimal | None = None


@dataclass
class Outcome:
    links: list[ProposedLink] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: why nothing was linked, in a sentence (set when ``links`` is empty)
    why_not: str | None = None


def tolerance(amount: Decimal, config: LinkingConfig) -> Decimal:
    return max(abs(amount) * config.amount_tolerance_percent / 100, config.amount_tolerance_abs)


def order_label(order: PurchaseOrder) -> str:
    when = f", ordered {order.ordered_on.isoformat()}" if order.ordered_on else ""
    return f"{order.order_number} ({money(order.total)}{when})"


class OrderMatcher:
    def __init__(self, config: LinkingConfig) -> None:
        self.config = config

    async def by_number(
        self, session: AsyncSession, facts: InvoiceFacts, supplier: Supplier | None
    ) -> Outcome:
        wanted: dict[str, str] = {}
        for reference in facts.po_references:
            for key in reference_keys(reference):
                wanted.setdefault(key, reference)
        outcome = Outcome()
        if not wanted:
            return outcome
        orders = await queries.orders_by_number_key(session, facts.outlet_id, list(wanted))
        for key, reference in wanted.items():
            found = [o for o in orders if o.order_number_key == key]
            fits = [o for o in found if supplier is None or o.supplier_id in (None, supplier.id)]
            if len(fits) == 1:
                order = fits[0]
                if any(link.order.id == order.id for link in outcome.links):
                    continue
                outcome.links.append(
                    ProposedLink(
                        order,
                        LinkKind.PO_NUMBER,
                        Decimal("1.00"),
                        f"The invoice gives order number {reference!r}, which is purchase "
                        f"order {order.order_number} of this outlet"
                        + (f" from {supplier.name}." if supplier else "."),
                    )
                )
            elif len(fits) > 1:
                listed = ", ".join(f"{order_label(o)} [{o.id}]" for o in fits)
                outcome.warnings.append(
                    f"Order number {reference!r} on the invoice fits several purchase orders of "
                    f"this outlet ({listed}); none linked, please pick the right one."
                )
            elif found:
                assert supplier is not None
                others = ", ".join(f"{o.order_number} (supplier {o.supplier_id})" for o in found)
                outcome.warnings.append(
                    f"Order number {reference!r} on the invoice is an order of another supplier "
                    f"({others}), not of {supplier.name}; not linked."
                )
            else:
                outcome.warnings.append(
                    f"Order number {reference!r} on the invoice matches no purchase order of "
                    "this outlet."
                )
        if not outcome.links:
            outcome.why_not = "no order number on the invoice matches one of this outlet's orders"
        return outcome

    async def by_amount(
        self, session: AsyncSession, facts: InvoiceFacts, supplier: Supplier | None
    ) -> Outcome:
        if supplier is None:
            return Outcome(why_not="the supplier is not known, so its open orders cannot be found")
        if facts.document_type == "credit_note":
            return Outcome(why_not="it is a credit note; credit notes are not matched by amount")
        bases = [
            (amount, label)
            for amount, label in (
                (facts.total_incl_tax, "total"),
                (facts.total_excl_tax, "total before tax"),
            )
            if amount is not None and amount > 0
        ]
        if not bases:
            return Outcome(why_not="no total was read on the invoice")
        until = facts.reference_date
        since = until - timedelta(days=self.config.date_window_days)
        orders = await queries.open_orders(
            session, facts.outlet_id, supplier.id, OPEN_STATUSES, since, until
        )
        invoiced = await queries.invoiced_amounts(session, [o.id for o in orders], facts.id)
        candidates = [
            _Candidate(o, invoiced[o.id])
            for o in orders
            if not invoiced[o.id].unknown
            and (not facts.currency or not o.currency or o.currency == facts.currency)
        ]
        # an invoiced order with less than the tolerance left is done (rounding, not an order)
        candidates = [
            c
            for c in candidates
            if c.remaining > 0
            and not (c.invoiced.invoice_numbers and c.remaining <= self.config.amount_tolerance_abs)
        ]
        window = (
            f"the open orders of {supplier.name} at this outlet ordered between "
            f"{since.isoformat()} and {until.isoformat()}"
        )
        for amount, label in bases:
            outcome = self._match(candidates, amount, label, supplier, window)
            if outcome.links or outcome.warnings:
                return outcome
        totals = " or ".join(f"the {label} {money(amount)}" for amount, label in bases)
        return Outcome(why_not=f"none of {window} ({len(candidates)} checked) matches {totals}")

    def _match(
        self,
        candidates: Sequence[_Candidate],
        amount: Decimal,
        label: str,
        supplier: Supplier,
        window: str,
    ) -> Outcome:
        allowed = tolerance(amount, self.config)
        singles = [c for c in candidates if abs(c.remaining - amount) <= allowed]
        if len(singles) == 1:
            c = singles[0]
            diff = abs(c.remaining - amount)
            return Outcome(
                [
                    ProposedLink(
                        c.order,
                        LinkKind.SUPPLIER_AMOUNT,
                        _score(diff, allowed),
                        f"{c.describe()} matches this invoice's {label} {money(amount)} "
                        f"({_difference(diff, allowed)}); it is the only one of {window} "
                        "that does.",
                        amount,
                    )
                ]
            )
        if len(singles) > 1:
            listed = "; ".join(c.describe() for c in singles)
            return Outcome(
                warnings=[
                    f"Not linked to a purchase order: {len(singles)} open orders of "
                    f"{supplier.name} match the {label} {money(amount)}: {listed}. "
                    "Please pick the right one."
                ]
            )
        fitting = [c for c in candidates if c.remaining <= amount + allowed]
        search = matching_subsets([c.remaining for c in fitting], amount, allowed)
        if len(search.found) == 1 and search.complete:
            chosen = [fitting[i] for i in search.found[0]]
            total = sum((c.remaining for c in chosen), Decimal(0))
            diff = abs(total - amount)
            names = ", ".join(c.describe() for c in chosen)
            reason = (
                f"Together, {names} come to {money(total)}, matching this invoice's {label} "
                f"{money(amount)} ({_difference(diff, allowed)}); no other combination of "
                f"{window} does."
            )
            shares = allocate([c.remaining for c in chosen], amount)
            return Outcome(
                [
                    ProposedLink(
                        c.order, LinkKind.SUPPLIER_AMOUNT, _score(diff, allowed), reason, share
                    )
                    for c, share in zip(chosen, shares, strict=True)
                ]
            )
        if search.found:
            combos = " | ".join(
                " + ".join(fitting[i].order.order_number for i in combo) for combo in search.found
            )
            more = "" if search.complete else " (and possibly more)"
            return Outcome(
                warnings=[
                    f"Not linked to a purchase order: several combinations of open orders of "
                    f"{supplier.name} add up to the {label} {money(amount)}{more}: {combos}. "
                    "Please pick the right ones."
                ]
            )
        if not search.complete:
            return Outcome(
                warnings=[
                    f"Not linked to a purchase order: {supplier.name} has too many open orders "
                    f"({len(fitting)}) to check every combination against the {label} "
                    f"{money(amount)}; please link the orders by hand."
                ]
            )
        return Outcome()


@dataclass(frozen=True)
class _Candidate:
    order: PurchaseOrder
    invoiced: Invoiced

    @property
    def remaining(self) -> Decimal:
        assert self.order.total is not None
        return self.order.total - self.invoiced.amount

    def describe(self) -> str:
        text = f"order {order_label(self.order)}"
        if self.invoiced.invoice_numbers:
            on = ", ".join(self.invoiced.invoice_numbers)
            text += (
                f", of which {money(self.invoiced.amount)} is already on invoice(s) {on}, "
                f"leaving {money(self.remaining)}"
            )
        return text


def allocate(remaining: Sequence[Decimal | None], amount: Decimal) -> list[Decimal]:
    """Split ``amount`` over orders in turn, each up to what is left of it; the last takes the rest.

    One order takes the whole amount. An unknown remainder takes what is left.
    """
    shares: list[Decimal] = []
    left = amount
    for i, rest in enumerate(remaining):
        last = i == len(remaining) - 1
        share = left if last or rest is None else min(max(rest, Decimal(0)), left)
        shares.append(share)
        left -= share
    return shares


def _score(diff: Decimal, allowed: Decimal) -> Decimal:
    """1.00 for an exact amount, falling to 0.50 at the edge of the tolerance."""
    if allowed <= 0:
        return Decimal("1.00")
    return (1 - diff / allowed / 2).quantize(CENT)


def _difference(diff: Decimal, allowed: Decimal) -> str:
    if diff == 0:
        return "exactly"
    return f"a difference of {money(diff)}, within the {money(allowed)} allowed"
