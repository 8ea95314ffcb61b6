"""Invoice lines against the lines of the linked orders: was it billed as ordered?

Each invoice line is paired with one order line: first by product code, then by description
(fuzzy, at least :data:`DESCRIPTION_MIN` alike and clearly ahead of the next line). A paired
line whose unit price or quantity differs by more than ``amount_tolerance_percent`` of the
ordered value is a variance. Quantities below the order are expected when the order is
delivered in parts (other invoices already on it, or this invoice covers only part of it), so
there only a quantity *above* the order counts. Lines in different units are not compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz

from bot.linking.text import code, fold, unit
from bot.views import money, number
from storage.models import InvoiceLineItem, PurchaseOrder, PurchaseOrderLine

#: description similarity (0-100) a pairing needs
DESCRIPTION_MIN = 80.0
#: ... and its lead over the next order line
DESCRIPTION_MARGIN = 5.0
MIN_PRICE_TOLERANCE = Decimal("0.01")


@dataclass(frozen=True)
class OrderOnInvoice:
    order: PurchaseOrder
    #: delivered in parts: fewer items than ordered is no variance
    partial: bool


@dataclass
class LineCheck:
    variances: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _OrderLine:
    line: PurchaseOrderLine
    order: OrderOnInvoice


def check_lines(
    items: Sequence[InvoiceLineItem], orders: Sequence[OrderOnInvoice], percent: Decimal
) -> LineCheck:
    pool = [_OrderLine(line, o) for o in orders for line in o.order.lines]
    result = LineCheck()
    if not pool or not items:
        return result
    pairs = _pair(items, pool)
    unmatched = []
    for n, item in enumerate(items, start=1):
        if n not in pairs:
            if item.description or item.product_code:
                unmatched.append(f"{n} ({item.description or item.product_code})")
            continue
        _compare(n, item, pairs[n], percent, result)
    if unmatched:
        result.warnings.append(
            f"Invoice line(s) {', '.join(unmatched)} are on none of the linked purchase orders."
        )
    return result


def _pair(items: Sequence[InvoiceLineItem], pool: list[_OrderLine]) -> dict[int, _OrderLine]:
    """Invoice line number (from 1) -> the order line it bills; each order line used once."""
    pairs: dict[int, _OrderLine] = {}
    used: set[int] = set()
    for n, item in enumerate(items, start=1):
        wanted = code(item.product_code)
        if wanted is None:
            continue
        same = [
            i for i, o in enumerate(pool) if i not in used and code(o.line.product_code) == wanted
        ]
        if same:
            best = max(same, key=lambda i: _similarity(item.description, pool[i].line.description))
            pairs[n] = pool[best]
            used.add(best)
    for n, item in enumerate(items, start=1):
        if n in pairs or not item.description:
            continue
        scored = sorted(
            (
                (_similarity(item.description, o.line.description), i)
                for i, o in enumerate(pool)
                if i not in used
            ),
            reverse=True,
        )
        if not scored or scored[0][0] < DESCRIPTION_MIN:
            continue
        if len(scored) > 1 and scored[1][0] > scored[0][0] - DESCRIPTION_MARGIN:
            continue
        pairs[n] = pool[scored[0][1]]
        used.add(scored[0][1])
    return pairs


def _similarity(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0
    return float(fuzz.token_sort_ratio(fold(a), fold(b)))


def _compare(
    n: int, item: InvoiceLineItem, ordered: _OrderLine, percent: Decimal, result: LineCheck
) -> None:
    line = ordered.line
    what = item.description or line.description or item.product_code or ""
    base = {"line": n, "description": what, "purchase_order": ordered.order.order.order_number}
    if unit(item.unit) and unit(line.unit) and unit(item.unit) != unit(line.unit):
        result.warnings.append(
            f"Invoice line {n} ({what}) is billed per {item.unit} but was ordered per "
            f"{line.unit}; quantity and price not compared."
        )
        return
    if item.unit_price is not None and line.unit_price is not None:
        allowed = max(abs(line.unit_price) * percent / 100, MIN_PRICE_TOLERANCE)
        if abs(item.unit_price - line.unit_price) > allowed:
            result.variances.append(
                base
                | {
                    "field": "unit_price",
                    "ordered": money(line.unit_price),
                    "invoiced": money(item.unit_price),
                }
            )
    if item.quantity is not None and line.quantity is not None:
        allowed = abs(line.quantity) * percent / 100
        over = item.quantity - line.quantity > allowed
        under = line.quantity - item.quantity > allowed
        if over or (under and not ordered.order.partial):
            result.variances.append(
                base
                | {
                    "field": "quantity",
                    "ordered": number(line.quantity),
                    "invoiced": number(item.quantity),
                }
            )
