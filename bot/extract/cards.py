"""Line items printed as cards: a block of label-value lines per item.

Renderings of e-invoices print each item as "Position 1" (or the item's name) followed by
"Bezeichnung: ...", "Menge: 20 Stück", "Preis pro Einheit: 9,90", "Gesamtpreis: 198,00" (or the
label and its value in two cells), under sub-headings: no heading row names the columns, the labels
do, in the words a table heading would use. Read only where no table was found.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile

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
_AMOUNTS = {"quantity", "unit_price", "total"}
_OPENING = {"description", "quantity"}  # what was sold and how much: printed once a card
_NAME = re.compile(labels.COLUMN_CELLS["description"])
_DIGIT = re.compile(r"\d")
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
        cells, pairs, aside = line.cells, _pairs(line.cells), False
        if not pairs and fields and "quantity" in fields and (beside := _beside(cells)):
            # the card's second column beside free text wrapping in its first
            cells, pairs, aside = beside, _pairs(beside), True
        if not pairs:
            # the card's rows of labels with no value ("Rabatt (netto):") are no gap in it
            labels_only = any(c.text.endswith(":") for c in cells) and not _DIGIT.search(line.text)
            gap += i not in edges and not (labels_only and fields)
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
        start = cells[0].start
        aside = aside or any(abs(start - column) <= 2 for column in columns)
        if fields is None or again or (abs(start - indent) > 2 and not aside):
            fields = None
            if not kinds & _OPENING:  # sums alone are a summary's (a tax breakdown)
                continue
            fields, indent, columns = {}, line.cells[0].start, set()
            cards.append((fields, [], False))
        for kind, value in pairs:
            fields.setdefault(kind, []).append(
                _wrapped(doc, i, value) if kind == "description" else value
            )
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


def _wrapped(doc: Doc, i: int, value: str) -> str:
    """A description wrapped in its column: the rows under it, and those above it where it is
    centred beside its label (as browsers print a table), that hold text in its column alone;
    rows above that go on from another label's value in that column are that value's."""
    line = doc.lines[i]
    cell = next((c for c in line.cells if c.text == value), None)
    if cell is None:
        return value

    def alone(j: int) -> bool:
        if not doc.touching(i, j):
            return False
        first = doc.lines[j].cells[0]
        return abs(first.start - cell.start) <= 2 and not _pairs([first])

    below = list(takewhile(alone, range(i + 1, i + 4)))
    above = list(takewhile(alone, range(i - 1, i - 4, -1)))
    if above and above[-1] > 0:
        top = doc.lines[above[-1] - 1].cells[1:]
        if any(abs(c.start - cell.start) <= 2 for c in top):
            above = []
    rows = [*reversed(above), i, *below]
    return " ".join(value if j == i else doc.lines[j].cells[0].text for j in rows)


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
            if colon and _amount_label(cells[n + 1 : n + 3]):
                continue  # an empty label beside an amount's ("Freitext:   Menge   5")
            value, value_cell = cells[n + 1].text, n + 1
        kind = _kind(label)
        if kind is not None and (kind == "description" or any(c.isdigit() for c in value)):
            out.append((kind, value.strip()))
    return out


def _amount_label(cells: list[Cell]) -> bool:
    """The cells are an amount's label and its value ("Menge", "5")."""
    return (
        len(cells) == 2 and _kind(cells[0].text) in _AMOUNTS and bool(_DIGIT.search(cells[1].text))
    )


def _beside(cells: list[Cell]) -> list[Cell]:
    """The cells from a label of an amount on (not the line's first cell): "Abonnements   Preis
    pro Einheit (netto)   288,79" is a card's label and value beside a text wrapping in its
    first column."""
    at = (n for n, c in enumerate(cells) if n and _kind(c.text) in _AMOUNTS)
    return cells[next(at, len(cells)) :]


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
