"""Where each extracted value is printed: its page and box, for a reviewer to be shown.

The readers choose values by labels and arithmetic; this finds the chosen value on the page
afterwards, near the line its label was on when one is known (a date or an amount printed twice
is taken where it was read), else at its first printing. Values the page does not print as such
(a total worked out from net and tax, a name put together from two lines) get no position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from bot.extract.dates import find_dates, fold
from bot.extract.doc import Doc
from bot.extract.numbers import find_amounts, find_numbers
from bot.extract.schema import ExtractedInvoice, Position

Spot = tuple[int, int, int]  # line, start, end
_SEPARATORS = re.compile(r"[ .\-]")


def locate(doc: Doc, invoice: ExtractedInvoice, near: dict[str, int]) -> dict[str, Position]:
    """Positions of the invoice's fields; ``near`` maps a field to the line of its label."""
    spots: dict[str, Spot | None] = {}
    for name in ("invoice_number", "supplier_name", "supplier_tax_id"):
        value = getattr(invoice, name)
        if value:
            spots[name] = _text(doc, value, _order(doc, near.get(name)))
    for name in ("invoice_date", "due_date"):
        value = getattr(invoice, name)
        if value is not None:
            spots[name] = _date(doc, value, _order(doc, near.get(name)))
    for name in ("total_excl_tax", "tax_amount", "total_incl_tax"):
        value = getattr(invoice, name)
        if value is not None:
            spots[name] = _amount(doc, value, _order(doc, near.get(name), backwards=True))
    for n, ref in enumerate(invoice.po_references):
        spots[f"po_references.{n}"] = _text(doc, ref, range(len(doc.lines)))
    after = 0
    for n, item in enumerate(invoice.line_items):
        spot = _item(doc, item.description or "", item.total, after)
        if spot is not None:
            after = spot[0] + 1
        spots[f"line_items.{n}"] = spot
    out = {}
    for name, spot in spots.items():
        if spot is not None and (found := doc.box(*spot)) is not None:
            out[name] = Position(page=found[0], box=tuple(round(v, 1) for v in found[1]))  # type: ignore[arg-type]
    return out


def _order(doc: Doc, line: int | None, backwards: bool = False) -> list[int]:
    """Lines to search: the label's line and the few under it first, then the whole document
    (from the end for amounts: totals stand low)."""
    every = list(range(len(doc.lines)))[:: -1 if backwards else 1]
    first = [] if line is None else list(range(line, min(line + 8, len(doc.lines))))
    return first + [i for i in every if i not in first]


def _text(doc: Doc, value: str, lines: Iterable[int]) -> Spot | None:
    """A string as printed, whatever the runs of spaces between its words."""
    words = [fold(w) for w in value.split()]
    if not words:
        return None
    order = list(lines)
    for i in order:
        if (found := _words_at(doc.lines[i].folded, words)) is not None:
            return i, *found
    if len(words) == 1:  # an id printed with separators ("DE 123 456 789"): its whole line
        bare = fold(_SEPARATORS.sub("", value))
        for i in order:
            if bare in _SEPARATORS.sub("", doc.lines[i].folded):
                return i, 0, len(doc.lines[i].text)
    return None


def _words_at(text: str, words: list[str]) -> tuple[int, int] | None:
    """Where ``words`` stand one after another with any spaces between them: what a search for
    them joined by ``\\s+`` finds, without compiling a pattern for each value (a millisecond)."""
    start = text.find(words[0])
    while start >= 0:
        end = start + len(words[0])
        for word in words[1:]:
            rest = text[end:].lstrip()
            if len(rest) == len(text) - end or not rest.startswith(word):
                break
            end = len(text) - len(rest) + len(word)
        else:
            return start, end
        start = text.find(words[0], start + 1)
    return None


def _date(doc: Doc, value: date, lines: Iterable[int]) -> Spot | None:
    year = f"{value.year % 100:02d}"  # every way of printing the date shows it
    for i in lines:
        if year not in doc.lines[i].text:
            continue
        for found in find_dates(doc.lines[i].text, doc.order):
            if found.value == value:
                return i, found.start, found.end
    return None


def _amount(doc: Doc, value: Decimal, lines: Iterable[int]) -> Spot | None:
    # printed with its cents, whatever the grouping (a whole amount may be printed without)
    cents = "" if value == value.to_integral_value() else f"{abs(value):.2f}"[-2:]
    for i in lines:
        if cents not in doc.lines[i].text:
            continue
        for number in reversed(find_amounts(doc.lines[i].text, doc.decimal)):
            if abs(number.value) == abs(value):
                return i, number.start, number.end
    return None


def _item(doc: Doc, description: str, total: Decimal | None, after: int) -> Spot | None:
    """The row of an item: the first line from ``after`` holding the start of its description
    and, when it has one, its total; the box reaches from the description to the total."""
    head = fold(description.split("\n")[0])[:12].strip()
    for i in range(after, len(doc.lines)):
        line = doc.lines[i]
        at = line.folded.find(head) if head else 0
        if at < 0:
            continue
        if total is None:
            return i, at, len(line.text)
        numbers = [n for n in find_numbers(line.text, doc.decimal) if abs(n.value) == abs(total)]
        if numbers:
            return i, min(at, numbers[-1].start), max(len(line.text), numbers[-1].end)
    return None
