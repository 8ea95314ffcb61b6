"""Line items printed as cards: a block of label-value lines per item.

Renderings of e-invoices print each item as "Position 1" (or the item's name) followed by
"Bezeichnung: ...", "Menge: 20 Stück", "Preis pro Einheit: 9,90", "Gesamtpreis: 198,00" (or the
label and its value in two cells), under sub-headings: no heading row names the columns, the labels
do, in the words a table heading would use. Read only where no table was found.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract import labels
from bot.extract.dates import fold
from bot.extract.doc import Cell, Doc, is_labelish
from bot.extract.lines import Column, row, typed
from bot.extract.listed import page_edges
from bot.extract.schema import LineItem

_OPENS = re.compile(
    r"^\s*(?:rechnungs)?(?:position|pos\.?|item|line|ligne|posten|positie|posizione|posicion)"
    r"\s*(?:nr\.?|no\.?|#|n[°º])?\s*:?\s*\d{1,4}\b"
)
_KINDS = {"description", "weak_description", "quantity", "unit_price", "total", "tax_rate"}
_OPENING = {"description", "quantity"}  # what was sold and how much: printed once a card
_NAME = re.compile(labels.COLUMN_CELLS["description"])
_GAP = 8  # lines that are no pairs within a card (sub-headings, free text, an allowance's lines)


def card_items(doc: Doc) -> tuple[list[LineItem], set[int]]:
    """Items of cards, and the lines they take. A card ends where the next one's fields come
    again, or after a run of lines that are no pairs (not counting the pages' heads and feet)."""
    #: each card's fields, its lines, and whether a position line opened it
    cards: list[tuple[dict[str, list[str]], list[int], bool]] = []
    fields: dict[str, list[str]] | None = None  # the open card's
    indent = gap = 0  # where the card's lines start; lines since its last pair
    columns: set[int] = set()  # where the cells of the card's lines start
    last: set[str] = set()  # the fields of the card's last pair line
    edges = page_edges(doc)
    for i, line in enumerate(doc.lines):
        if _OPENS.match(line.folded):
            fields, indent, gap, last, columns = {}, -1, 0, set(), set()
            cards.append((fields, [i], True))
            continue
        pairs = _pairs(line.cells)
        if not pairs:
            gap += i not in edges
            fields = None if gap > _GAP else fields
            continue
        kinds = {kind for kind, _ in pairs}
        indent = line.cells[0].start if indent < 0 else indent
        # what or how much again, once the card says what and for how much, is the next card's
        # (a second description right under the first, a price's base quantity before the
        # description are not); prices and sums come twice (list price, an allowance's base)
        again = (
            fields is not None
            and {"description", "total"} <= fields.keys()
            and bool(kinds & fields.keys() & _OPENING)
            and not (len(last) == 1 and kinds == last)
        )
        # a line may start in the card's second column ("Umsatzsteuersatz: 19 %" on a line
        # of its own beside the labels)
        start = line.cells[0].start
        aside = any(abs(start - column) <= 2 for column in columns)
        if fields is None or again or (abs(start - indent) > 2 and not aside):
            fields = None
            if not kinds & _OPENING:  # sums alone are a summary's (a tax breakdown)
                continue
            fields, indent, columns = {}, start, set()
            cards.append((fields, [], False))
        for kind, value in pairs:
            fields.setdefault(kind, []).append(value)
        columns.update(cell.start for cell in line.cells)
        cards[-1][1].append(i)
        gap, last = 0, kinds
    items: list[LineItem] = []
    covered: set[int] = set()
    for card, taken, positioned in cards:
        # with no position line, quantities or unit prices tell an item from a summary's sums
        item_like = positioned or card.keys() & {"quantity", "unit_price"}
        if "total" in card and item_like and (item := _item(card, doc.decimal)) is not None:
            items.append(item)
            covered.update(taken)
    return items, covered


def _pairs(cells: list[Cell]) -> list[tuple[str, str]]:
    """(field, value) of "Label: value" cells, or of a label cell and the cell after it (then no
    label itself); an amount's value holds a number."""
    out = []
    value_cell = -1  # the cell taken as the value of the label before it
    for n, cell in enumerate(cells):
        label, colon, value = cell.text.partition(":")
        if n == value_cell:
            continue
        if not value.strip():  # the value in the next cell
            if n + 1 >= len(cells) or not is_labelish(label) or cells[n + 1].text[-1] == ":":
                continue
            value, value_cell = cells[n + 1].text, n + 1
        kind = _kind(label)
        if kind is not None and (kind == "description" or any(c.isdigit() for c in value)):
            out.append((kind, value.strip()))
    return out


@lru_cache(maxsize=4096)
def _kind(label: str) -> str | None:
    """The item field a label names, when it names exactly one (labels recur: asked once)."""
    kinds = {c.kind for c in typed([Cell(0, len(label), label)])} & _KINDS
    if len(kinds) != 1 or _NAME.fullmatch(fold(label).strip(" .:")):
        return None  # "Name:" names a party in a block of label-value lines, not an item
    kind = kinds.pop()
    return "description" if kind == "weak_description" else kind


def _item(fields: dict[str, list[str]], decimal: str | None) -> LineItem | None:
    """The item of a card, when it says what was sold: a table turned round (its labels are the
    headings, its values one row), read by the table's row reader. Of two prices (a list price
    and the net one) quantity x price = total tells which, else the first printed (read last)."""
    text = ""
    cols: list[Column] = []
    for kind in ("description", "quantity", "unit_price", "tax_rate", "total"):
        values = list(dict.fromkeys(fields.get(kind, [])))  # a list price equal to the net: one
        for value in values[: 2 if kind == "unit_price" else 1][::-1]:
            text += "    " if text else ""
            cols.append(Column(kind, len(text), len(text) + len(value)))
            text += value
    return row(text, decimal, cols, item_label=True)[0]
