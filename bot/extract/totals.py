"""Net, tax and gross totals: labelled candidates, chosen so that net + tax = gross.

Summary boxes are where invoices differ most, so every labelled amount becomes a candidate and
the arithmetic picks the reading that holds; a candidate's label specificity and its place (totals
sit low on the last page) break ties.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from bot.extract import labels
from bot.extract.checks import adds_up
from bot.extract.doc import Doc, Hit
from bot.extract.numbers import find_numbers

_GROSS = labels.compile_all(labels.TOTAL_INCL)
_NET = labels.compile_all(labels.TOTAL_EXCL)
_TAX = labels.compile_all(labels.TAX_AMOUNT)
_CENTS = re.compile(r"\d[.,]\d{2}(?!\d)")
_PREVIOUS = labels.compile_all(labels.PREVIOUS_BALANCE)
_PAID = labels.compile_all(labels.ALREADY_PAID)


@dataclass(frozen=True)
class Candidate:
    value: Decimal
    score: float
    line: int


@dataclass(frozen=True)
class Totals:
    net: Decimal | None
    tax: Decimal | None
    gross: Decimal | None
    confidence: dict[str, float]
    #: the line of the label each total was read at (for its position on the page)
    lines: dict[str, int] = field(default_factory=dict)


def _longest(hits: list[list[Hit]]) -> list[list[Hit]]:
    """Where labels of different fields overlap ("Total HT", "Total TVA"), the longest wins."""
    out = []
    for k, own in enumerate(hits):
        others = [h for j, group in enumerate(hits) if j != k for h in group]
        out.append([h for h in own if not any(_beats(o, h) for o in others)])
    return out


def _beats(o: Hit, h: Hit) -> bool:
    """Does hit ``o`` of another field take ``h``'s place (longer, or "excl." before "VAT")?"""
    if o.line != h.line:
        return False
    if o.start < h.end and h.start < o.end:
        return (o.end - o.start) > (h.end - h.start)
    return 0 <= h.start - o.end <= 2


def candidates(doc: Doc, hits: list[Hit], ranks: int) -> list[Candidate]:
    """Amounts right of (or else under) each label, scored by label rank and position."""
    out: list[Candidate] = []
    n = max(1, len(doc.lines))
    # where money is printed with cents, "Net 14" (terms) and "No. 240725-33" are no totals
    cents = bool(_CENTS.search(doc.text))
    for hit in hits:
        base = ranks - hit.rank + 0.5 * hit.line / n
        right = [a for a in doc.amounts_right(hit) if a.money_like or not cents]
        if right:
            out.append(Candidate(right[-1].value, base + 1.0, hit.line))
            continue
        below = [a.value for a in doc.amounts_below(hit) if a.money_like or not cents]
        if below:
            out.append(Candidate(_column_total(below), base, hit.line))
    best: dict[Decimal, Candidate] = {}
    for c in out:
        if c.value not in best or c.score > best[c.value].score:
            best[c.value] = c
    return sorted(best.values(), key=lambda c: -c.score)[:8]


def _column_total(column: list[Decimal]) -> Decimal:
    """The total of a column under a heading: the amount that those above it add up to (a sum
    row), else the sum of all (one row a VAT rate: each row's net + VAT = gross holds, so
    the arithmetic cannot tell a row from the total)."""
    for k in range(1, len(column)):
        if column[k] == sum(column[:k], Decimal(0)):
            return column[k]  # the first amount the ones above add up to: a sum row
    return column[0] if len(column) == 1 else sum(column, Decimal(0))


def _summed_rates(doc: Doc, hits: list[Hit], ranks: int) -> list[Candidate]:
    """The sum of per-rate tax lines ("TVA 2.6 % sur 1 272,94  33,10" / "TVA 8.1 % ...") when
    no line gives the total tax: one candidate per run of such lines, a line apart at most."""
    rated = []
    for hit in hits:
        if not any(n.percent for n in find_numbers(doc.lines[hit.line].text, doc.decimal)):
            continue
        right = [a for a in doc.amounts_right(hit) if a.money_like]
        if right:
            rated.append((hit, right[-1].value))
    out: list[Candidate] = []
    run: list[tuple[Hit, Decimal]] = []
    for item in [*rated, None]:
        if item is not None and (not run or item[0].line - run[-1][0].line <= 2):
            if not run or item[0].line != run[-1][0].line:
                run.append(item)
            continue
        if len(run) >= 2:
            best = min(h.rank for h, _ in run)
            total = sum((v for _, v in run), Decimal(0))
            # above any one row of the run (each a "VAT x %" amount right of its label): one
            # rate's row is never the tax of an invoice that lists several
            score = ranks - best + 0.5 * run[-1][0].line / len(doc.lines) + 1.5
            out.append(Candidate(total, score, run[-1][0].line))
        run = [item] if item is not None else []
    return out


def _adjustments(doc: Doc, patterns: list[re.Pattern[str]], skip: set[int]) -> set[Decimal]:
    """Amounts beside "previous balance" or "already paid" labels, as positive values."""
    found: set[Decimal] = set()
    for hit in doc.hits(patterns):
        if hit.line not in skip:
            found.update(abs(a.value) for a in doc.amounts_right(hit)[-1:] if a.value)
    return found


def _is_amount_due(
    g: Candidate, gross: list[Candidate], previous: set[Decimal], paid: set[Decimal]
) -> bool:
    """Is ``g`` another gross plus an earlier balance, or another gross less a payment?

    Statements and utility bills print both "invoice total" and "amount due"; only the first is
    this invoice's total.
    """
    diffs = [g.value - other.value for other in gross if other is not g]
    # (several payments: "Paid on 08/10/2025  1,054.25", "Paid on 08/18/2025  878.54")
    return any(diff in previous or -diff in paid or -diff == sum(paid) for diff in diffs)


def choose(
    doc: Doc, table_lines: set[int] | None = None, items_total: Decimal | None = None
) -> Totals:
    """The most plausible (net, tax, gross) triple; labels inside item tables do not count.

    ``items_total``, the sum of the line items read from the table, is evidence for the net
    total (or the gross, on invoices priced with tax).
    """
    skip = table_lines or set()
    found = [[h for h in doc.hits(p) if h.line not in skip] for p in (_GROSS, _NET, _TAX)]
    gross_h, net_h, tax_h = _longest(found)
    gross_c = candidates(doc, gross_h, len(_GROSS))
    # an amount under a bare "Summe" / "Total" is the net where it and a tax add up exactly to
    # another total: only the arithmetic can tell
    generic = candidates(doc, [h for h in gross_h if h.rank >= len(_GROSS) - 2], len(_GROSS))
    borrowed = [replace(g, score=g.score - 2) for g in generic]
    net_c = candidates(doc, net_h, len(_NET)) + borrowed
    borrowed_ids = {id(b) for b in borrowed}
    tax_c = candidates(doc, tax_h, len(_TAX)) + _summed_rates(doc, tax_h, len(_TAX))
    previous, paid = _adjustments(doc, _PREVIOUS, skip), _adjustments(doc, _PAID, skip)
    due_only = {id(g) for g in gross_c if _is_amount_due(g, gross_c, previous, paid)}
    # an amount outside the tax ("Total Dépenses": disbursements) under a bare total label
    # between the net and the gross, which the gross adds to net + tax; the net is then the
    # gross less the tax (EN 16931's total without VAT holds the lines outside its scope)
    outside_c = {c.value: c.line for c in generic if c.value > 0}
    best: tuple[float, Candidate | None, Candidate | None, Candidate | None] | None = None
    for g, n, t in itertools.product([*gross_c, None], [*net_c, None], [*tax_c, None]):
        holds = outside = exact = False
        if g is not None and n is not None and t is not None:
            rest = g.value - n.value - t.value
            exact = rest == 0 and g.value != n.value
            # a tax within rounding of zero on a gross equal to the net adds up by tolerance only
            holds = adds_up(n.value, t.value, g.value) and (g.value != n.value or not t.value)
            outside = not holds and n.line < outside_c.get(rest, -1) < g.line
        if n is not None and id(n) in borrowed_ids and not (exact or outside):
            continue  # a borrowed net stands only in an exact triple
        score = sum(c.score for c in (g, n, t) if c is not None)
        if g is not None and n is not None and t is not None:
            score += (12.5 if rest == 0 else 12) if holds else 10 if outside else -12
        elif g is not None and n is not None and abs(n.value) > abs(g.value):
            score -= 12
        if t is not None and any(c and c.value and abs(t.value) >= abs(c.value) for c in (g, n)):
            score -= 12  # the tax is less than the net and the gross
        if g is not None and id(g) in due_only:
            score -= 8
        # the net total (or, without one, the gross) is the sum of the line items
        if items_total and (c := n or g) is not None and adds_up(c.value, Decimal(0), items_total):
            score += 3
        if best is None or score > best[0]:
            best = (score, g, None if outside else n, t)
    assert best is not None
    _, g, n, t = best
    gross, net, tax = (c.value if c else None for c in (g, n, t))
    read = {"total_incl_tax": g, "total_excl_tax": n, "tax_amount": t}
    conf = {k: 0.0 if c is None else 0.6 for k, c in read.items()}
    if gross is not None and net is not None and tax is not None and adds_up(net, tax, gross):
        conf = dict.fromkeys(conf, 0.95)
    elif gross is not None and net is not None and tax is None and tax_c:
        tax, conf["tax_amount"] = gross - net, 0.5
    elif gross is None and net is not None and tax is not None:
        gross, conf["total_incl_tax"] = net + tax, 0.5
    elif net is None and gross is not None and tax is not None:
        net, conf["total_excl_tax"] = gross - tax, 0.5
    if net is None and gross is not None and not tax_c:
        net, conf["total_excl_tax"] = gross, 0.4
    return Totals(net, tax, gross, conf, {k: c.line for k, c in read.items() if c is not None})
