"""Line items printed as cards: a block of label-value lines per item, opened by its position.

Renderings of e-invoices print each item as "Position 1" followed by "Bezeichnung: ...",
"Menge: 20 Stück", "Preis pro Einheit: 9,90", "Gesamtpreis: 198,00" (or the label and its value
in two cells): no heading row names the columns, the labels do, in the words a table heading
would use. Read only where no table was found.
"""

from __future__ import annotations

import re

from bot.extract.doc import Cell, Doc, is_labelish
from bot.extract.lines import Column, row, typed
from bot.extract.schema import LineItem

_OPENS = re.compile(
    r"^\s*(?:rechnungs)?(?:position|pos\.?|item|line|ligne|posten|positie|posizione|posicion)"
    r"\s*(?:nr\.?|no\.?|#|n[°º])?\s*:?\s*\d{1,4}\b"
)
_KINDS = {"description", "weak_description", "quantity", "unit_price", "total", "tax_rate"}


def card_items(doc: Doc) -> tuple[list[LineItem], set[int]]:
    """Items of cards opened by a position line, and the lines they take."""
    cards: list[tuple[dict[str, str], list[int]]] = []  # each card's fields and lines
    fields: dict[str, str] | None = None  # the open card's
    indent: int | None = None  # where the card's labels start: a line out of line ends it
    for i, line in enumerate(doc.lines):
        if _OPENS.match(line.folded):
            fields, indent = {}, None
            cards.append((fields, [i]))
            continue
        if fields is None:
            continue
        pairs = _pairs(line.cells)
        if indent is None and pairs:
            indent = pairs[0][0]
        if not pairs or abs(pairs[0][0] - (indent or 0)) > 2:
            fields = None
            continue
        for _, kind, value in pairs:
            fields.setdefault(kind, value)
        cards[-1][1].append(i)
    items: list[LineItem] = []
    covered: set[int] = set()
    for card, taken in cards:
        item = _item(card, doc.decimal) if "total" in card else None
        if item is not None:
            items.append(item)
            covered.update(taken)
    return items, covered


def _pairs(cells: list[Cell]) -> list[tuple[int, str, str]]:
    """(label column, field, value) of "Label: value" cells, or of a label cell and the cell
    after it."""
    out = []
    for n, cell in enumerate(cells):
        label, colon, value = cell.text.partition(":")
        if not value.strip():  # the value in the next cell
            if n + 1 >= len(cells) or not is_labelish(label):
                continue
            value = cells[n + 1].text
        kind = _kind(label)
        if kind is not None and value.strip():
            out.append((cell.start, kind, value.strip()))
    return out


def _kind(label: str) -> str | None:
    """The item field a label names, when it names exactly one."""
    kinds = {c.kind for c in typed([Cell(0, len(label), label)])} & _KINDS
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    return "description" if kind == "weak_description" else kind


def _item(fields: dict[str, str], decimal: str | None) -> LineItem | None:
    """The item of a card, when it says what was sold: a table turned round (its labels are the
    headings, its values one row), read by the table's row reader."""
    text = ""
    cols: list[Column] = []
    for kind in ("description", "quantity", "unit_price", "tax_rate", "total"):
        if kind in fields:
            text += "    " if text else ""
            cols.append(Column(kind, len(text), len(text) + len(fields[kind])))
            text += fields[kind]
    return row(text, decimal, cols, item_label=True)[0]
