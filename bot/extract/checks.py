"""Plausibility checks on an extracted invoice, shared by every engine.

The worker marks an invoice PROCESSED only when :func:`assess` returns no warnings, so a warning
must name a real problem a person should look at: a key field that is missing, or amounts that
do not add up. Engines also use :func:`adds_up` to choose between candidate readings.
"""

from __future__ import annotations

from decimal import Decimal

from bot.extract.schema import KEY_FIELDS, ExtractedInvoice, LineItem

#: Rounding slack: invoices round per line or per tax rate, so a few cents may differ.
TOLERANCE = Decimal("0.02")

_FIELD_WORDS = {"total_incl_tax": "total including tax"}  # the others read as their names


def adds_up(a: Decimal, b: Decimal, total: Decimal) -> bool:
    """True when ``a + b`` equals ``total`` within rounding."""
    return abs(a + b - total) <= TOLERANCE


def items_sum(items: list[LineItem]) -> Decimal | None:
    """Sum of the items' totals, or None when there are none or any has no total."""
    totals = [item.total for item in items]
    if not totals or any(t is None for t in totals):
        return None
    return sum((t for t in totals if t is not None), Decimal(0))


#: Lines may differ from the net total by document-level discounts, deposits and fees; beyond
#: this share of the total the table was most likely misread (a line missed or doubled).
LINES_SLACK = Decimal("0.10")


def lines_match(invoice: ExtractedInvoice) -> bool | None:
    """Do the lines add up to (about) the net or gross total? None when it cannot be told."""
    total = items_sum(invoice.line_items)
    targets = [t for t in (invoice.total_excl_tax, invoice.total_incl_tax) if t is not None]
    if total is None or not targets:
        return None
    return any(abs(total - t) <= max(Decimal("1.00"), abs(t) * LINES_SLACK) for t in targets)


def assess(invoice: ExtractedInvoice) -> list[str]:
    """Warnings, in words, for missing key fields and amounts that do not hold."""
    warnings = [
        f"no {_FIELD_WORDS.get(name, name.replace('_', ' '))} found"
        for name in KEY_FIELDS
        if getattr(invoice, name) in (None, "")
    ]
    net, tax, gross = invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax
    if net is not None and tax is not None and gross is not None and not adds_up(net, tax, gross):
        warnings.append(f"net {net} plus tax {tax} is not the total {gross}")
    if net is not None and gross is not None and abs(gross) < abs(net) - TOLERANCE:
        warnings.append(f"the total {gross} is smaller than the net amount {net}")
    if lines_match(invoice) is False:
        total = items_sum(invoice.line_items)
        warnings.append(f"the line items add up to {total}, which is neither the net nor the total")
    return warnings
