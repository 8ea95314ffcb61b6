"""Line items of a list with no heading row: "Privathaftpflicht ........ 50,00 €".

Insurance bills, utility bills and short service invoices list what they charge as lines of
text with an amount at the end, with no "Description | Qty | Price" heading for the table reader
to start from. Such a run of lines is taken as the items only when its amounts add up to the
invoice's net (or gross) total: the arithmetic, not the layout, tells a list of charges from any
other lines with amounts. Lines indented under an item (a breakdown: "Charges", "VAT") are not
items of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from bot.extract import labels
from bot.extract.checks import adds_up, items_sum
from bot.extract.dates import find_dates, fold
from bot.extract.doc import Cell, Doc, Line, is_labelish
from bot.extract.lines import CARRIED, DISCOUNT, POSITION, product_pair, repair, signed, wrapped
from bot.extract.numbers import Number, find_numbers
from bot.extract.schema import LineItem

_BULLET = re.compile(r"^\s*[-–•·*†]")
#: labels of the invoice's header fields and totals: their lines are never items
_FIELD_LABELS = re.compile(
    labels.by_first_letter(
        "|".join(
            labels.TOTAL_INCL[:-2]
            + labels.TOTAL_EXCL[:-1]
            + labels.TAX_AMOUNT[:-1]
            + labels.INVOICE_NUMBER[:-3]
            + labels.DUE_DATE
            + labels.PREVIOUS_BALANCE
            + labels.ALREADY_PAID
        )
    )
)
_SUMS = labels.compile_all(labels.TOTAL_EXCL[:-1])
_NUMERIC_CELL = re.compile(
    r"[-\u2212(]?\s*(?:[€$£]|EUR|USD|GBP|CHF)?\s*\d[\d.,' \u00a0\u202f]*\s*%?\s*"
    r"(?:[€$£]|EUR|USD|GBP|CHF|[^\W\d_]{1,6}\.?)?\)?",
    re.I,
)
_TAIL = re.compile(
    r"\s*(?:[€$£]|EUR|USD|GBP|CHF|Rs\.?|\*+)?\)?(?:\s+\d{1,2}(?:[.,]\d{1,2})?\s*%|\s+[A-Z]\d?)?\s*"
)
_VAT_DIGIT = re.compile(r" {1,3}\d\s*")
_CURRENCY_TAIL = re.compile(r"\s*(?:[€$£]|EUR|USD|GBP|CHF|Rs\.?)\s*$")
_MAX_TEXT_LINES = 3
_COUNT = re.compile(
    r"\d+ (?:items?|positions?|positionen|articles?|artikel|artikelen|posizioni|articoli"
    r"|articulos|polozek|polozky|pos\.)"
)
_NUMBER_START = re.compile(r"\d")
_PAGE_EDGE = 8  # lines of a page's foot or head (footer, letterhead, repeated title)
_LETTERS = re.compile(r"[^\W\d_]{3,}")
# article numbers: "20873", "PF603", "AB-1234"
_CODE = re.compile(r"(?=\S*\d)[A-Z0-9][A-Z0-9\-/.]{3,}")
# a tax rate printed without its % sign after the price: "20,0", "5.5"
_RATE = re.compile(r"(?:0|[1-9]\d?)[.,]\d")
_DECIMAL = re.compile(r"\d+[.,]\d{1,3}")


@dataclass
class _Run:
    """Consecutive item lines at one indent, with the lines they cover."""

    indent: int
    wrapped: int = 0
    items: list[LineItem] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    discounts: int = 0  # discount lines closing the run
    number_end: int | None = None  # right edge of the number opening the first row


def listed_items(
    doc: Doc, targets: list[Decimal | None], skip: set[int]
) -> tuple[list[LineItem], set[int]]:
    """Items of the run whose amounts add up to one of ``targets`` (net first, then gross).

    The run nearest above the totals wins when several add up; lines in ``skip`` (tables already
    read) are never part of a run.
    """
    wanted = [abs(t) for t in targets if t]
    if not wanted:
        return [], set()
    # a discount on the whole bill among the totals ("DISCOUNT 3%  -62.00" under "GOODS
    # TOTAL"): the items add up to the net before it
    wanted[1:1] = [wanted[0] + d for d in _bill_discounts(doc, skip)]
    # or to a subtotal printed before a discount or carriage ("Subtotal", "Zwischensumme")
    wanted += [a.value for a in _printed_sums(doc, skip) if a.value not in wanted]
    runs = _runs(doc, skip)
    for target in wanted:
        found = [
            r for r in runs if adds_up(abs(items_sum(r.items) or Decimal(0)), Decimal(0), target)
        ]
        if found:
            run = found[-1]
            return run.items, set(range(run.lines[0], run.lines[-1] + 1))
    return [], set()


def _runs(doc: Doc, skip: set[int]) -> list[_Run]:
    runs: list[_Run] = []
    run: _Run | None = None  # the run being read (already in ``runs``), None between runs
    text_lines = 0
    edges = page_edges(doc)
    for i, line in enumerate(doc.lines):
        if i in skip:
            run = None
            continue
        if run is not None and CARRIED.search(line.folded):
            continue  # "Übertrag 1.234,00" between the pages of one list
        if run is not None and (discount := _discount(doc, i)) is not None:
            run.items.append(discount)
            run.lines.append(i)
            run.discounts += 1
            continue
        pair = _receipt_pair(doc, i, skip)  # the item's first line is the one above
        if pair is None and _receipt_pair(doc, i + 1, skip) is not None:
            continue  # the description line of the receipt item below
        first_line = doc.lines[i - 1] if pair is not None else line
        indent = len(first_line.text) - len(first_line.text.lstrip())
        if pair is None and run is not None and _aligned(run, line):
            indent = run.indent  # right-aligned quantities opening the rows: "  10,5  kg  ..."
        if pair is None and run is not None and indent > run.indent + 2:
            if _amount_at_end(doc, i) is None and not labels.SUMMARY.search(line.folded):
                if i not in edges:
                    _continue_description(run, line.text.strip())
            continue  # a breakdown under the item above ("Charges $1.87", "VAT $0.00")
        item = pair if pair is not None else _item(doc, i)
        if item is not None:
            if run is None or abs(indent - run.indent) > 2 or run.discounts:
                run = _Run(indent)
                runs.append(run)
                first = line.cells[0]
                opens = pair is None and _NUMBER_START.match(first.text)
                run.number_end = first.end if opens else None
            run.items.append(item)
            run.lines.extend([i - 1, i] if pair is not None else [i])
            text_lines = run.wrapped = 0
            continue
        if run is None:
            continue
        ends = labels.SUMMARY.search(line.folded) or _amount_at_end(doc, i) is not None
        if ends or (text_lines >= _MAX_TEXT_LINES and i not in edges):
            run = None
            continue
        text_lines += 1
        if text_lines == run.wrapped + 1 and abs(indent - run.indent) <= 2 and i not in edges:
            if not _BULLET.match(line.text) and len(line.cells) == 1 and _LETTERS.search(line.text):
                _continue_description(run, line.text.strip())
                run.wrapped += 1
    return runs


def _receipt_pair(doc: Doc, i: int, skip: set[int]) -> LineItem | None:
    """A receipt item on two lines: its description (after an article number) on the first,
    the numbers alone on the second ("  4711573052737 20 Kan x 45,92        918,40 B")."""
    if i < 1 or i >= len(doc.lines) or i in skip or i - 1 in skip:
        return None
    line = doc.lines[i]
    if not ("x" in line.text or "×" in line.text) or not any(
        _TIMES.fullmatch(c.text) for c in line.cells
    ):
        return None  # cheap tests first: no "quantity x price" on the line
    above = doc.lines[i - 1]
    if above.page != line.page or _amount_at_end(doc, i - 1) is not None:
        return None
    labelled = labels.SUMMARY.search(above.folded) or _FIELD_LABELS.search(above.folded)
    return None if labelled else _item(doc, i, above)


def _bill_discounts(doc: Doc, skip: set[int]) -> list[Decimal]:
    """Discounts on the whole bill: a discount label with a negative amount, outside tables."""
    found = [i for i, line in enumerate(doc.lines) if DISCOUNT.search(line.folded)]
    amounts = [_amount_at_end(doc, i) for i in found if i not in skip]
    return [-a.value for a in amounts if a is not None and a.value < 0]


def _printed_sums(doc: Doc, skip: set[int]) -> list[Number]:
    """The amounts of the lines labelled as a sum before tax, outside tables."""
    lines = sorted({h.line for h in doc.hits(_SUMS)} - skip)
    return [a for i in lines if (a := _amount_at_end(doc, i)) is not None and a.value > 0]


def _aligned(run: _Run, line: Line) -> bool:
    """Rows that open with a number (a quantity, right-aligned) start a few columns apart;
    they belong to a run of such rows when the number's right edge is near the run's."""
    if not line.cells or not _NUMBER_START.match(line.cells[0].text) or run.number_end is None:
        return False
    return abs(line.cells[0].end - run.number_end) <= 3


def page_edges(doc: Doc) -> set[int]:
    """Lines of a page's foot and of the next page's head: a list goes on across them."""
    edges: set[int] = set()
    for n in range(1, len(doc.lines)):
        if doc.lines[n].page != doc.lines[n - 1].page:
            edges.update(range(max(0, n - _PAGE_EDGE), min(len(doc.lines), n + _PAGE_EDGE)))
    return edges


def _discount(doc: Doc, i: int) -> LineItem | None:
    """A discount line ("Rabatt  -21,83") closing the list: an item with a negative amount."""
    line = doc.lines[i]
    amount = _amount_at_end(doc, i)
    if amount is None or amount.value >= 0 or not DISCOUNT.search(line.folded):
        return None
    words = [c.text for c in line.cells if c.end <= amount.start and _LETTERS.search(c.text)]
    if len(words) != 1 or _FIELD_LABELS.search(line.folded):
        return None
    rate = next((n.value for n in find_numbers(line.text, doc.decimal) if n.percent), None)
    return LineItem(description=words[0].strip(" :"), total=amount.value, tax_rate=rate)


def _continue_description(run: _Run, text: str) -> None:
    """Detail lines belong to the item above them (kept short: three lines at most)."""
    last = run.items[-1]
    if _COUNT.fullmatch(fold(text)):
        return  # "10 items", "6 Positionen" under the list: how many there are
    if last.description and last.description.count("\n") < _MAX_TEXT_LINES - 1:
        run.items[-1] = last.model_copy(update={"description": wrapped(last.description, text)})


def _amount_at_end(doc: Doc, i: int) -> Number | None:
    """The money amount that ends the line; a currency, a tax rate or a tax code may follow."""
    text = doc.lines[i].text
    numbers = [n for n in find_numbers(text, doc.decimal) if not n.percent]
    if len(numbers) > 1 and _VAT_DIGIT.fullmatch(text[numbers[-2].end :]):
        numbers.pop()  # "163,62 2": a receipt's VAT code after the amount
        text = text[: numbers[-1].end]
    if not numbers or not numbers[-1].money_like or not _TAIL.fullmatch(text[numbers[-1].end :]):
        return None
    return signed(text, numbers[-1])


def _item(doc: Doc, i: int, above: Line | None = None) -> LineItem | None:
    """A line of description text ending in an amount, not a label of the totals.

    Text cells are the description (numbers inside them stay text: "SF25 (30 %) Typkl. 18");
    numbers only count as quantity, price or rate in cells of their own. A code may open the
    line and a quantity with its unit may stand before the description ("20873  3 kg  Tomaten").
    """
    line = doc.lines[i]
    amount = _amount_at_end(doc, i)
    if amount is None or labels.SUMMARY.search(line.folded) or find_dates(line.text, doc.order):
        return None
    cells = _split_times(list(line.cells))
    code = _leading_code(cells) or _code_in_first_cell(cells)
    words: list[str] = []
    numbers: list[Number] = []
    unit: str | None = None
    texts = [c for c in cells if c.end <= amount.start and not _NUMERIC_CELL.fullmatch(c.text)]
    for cell in cells:
        if cell in texts:
            # "Orange juice  cs  6  9.09  54.54", "10,5  kg  Schweinebauch  9,74  102,27"
            if len(texts) > 1 and (not words or not unit) and labels.UNIT.match(cell.text):
                unit = cell.text
            else:
                words.append(cell.text)
            continue
        numbers.extend(
            Number(n.value, n.start + cell.start, n.end + cell.start, n.raw, n.percent)
            for n in find_numbers(cell.text, doc.decimal)
        )
    description = _CURRENCY_TAIL.sub("", " ".join(words)).strip(" .:-–")
    if above is not None and not description:  # the numbers' description is the line above
        cells = list(above.cells)
        code = (_leading_code(cells) if len(cells) > 1 else None) or _code_in_first_cell(cells)
        description = " ".join(c.text for c in cells)
    elif above is not None:
        return None
    if not is_labelish(description) or _FIELD_LABELS.search(line.folded):
        return None
    numbers = [n for n in numbers if n.start != amount.start]
    item = _fill(description, numbers, amount, line.text)
    return item.model_copy(update={"product_code": code, "unit": item.unit or unit or None})


def _leading_code(cells: list[Cell]) -> str | None:
    """An article number opening the line (after a position number), taken off ``cells``."""
    start = 1 if len(cells) > 2 and POSITION.fullmatch(cells[0].text) else 0
    text = cells[start].text if len(cells) >= start + 3 else ""
    if not _CODE.fullmatch(text) or _DECIMAL.fullmatch(text):
        return None
    del cells[: start + 1]
    return text


# "Filet (Déstockage) 18,328 x", "4711573052737 20 Kan x 45,92": quantity (unit) x price (in
# cents: "1 l x 6" is a pack size)
_TIMES = re.compile(
    r"(?:(.*?) )?(-?\d[\d.,]*(?: ?[^\W\d_]{1,8}\.?)?) ?[x×](?: ?[€$£]? ?(-?\d[\d.,]*[.,]\d{2,4}))?"
)


def _split_times(cells: list[Cell]) -> list[Cell]:
    """A quantity and its times sign run into the description, or a receipt's "code quantity
    unit x price" in one cell: the quantity (with its unit) and the price are cells of their own."""
    out = []
    for cell in cells:
        m = _TIMES.fullmatch(cell.text)
        if m is None:
            out.append(cell)
            continue
        out.extend(
            Cell(cell.start + m.start(k), cell.start + m.end(k), m.group(k))
            for k in (1, 2, 3)
            if m.group(k)
        )
    return out


def _code_in_first_cell(cells: list[Cell]) -> str | None:
    """An article number one space before the description ("829239 Slagroom 35% 1 l"), taken
    off the first cell."""
    if not cells:
        return None
    first, _, rest = cells[0].text.partition(" ")
    if len(first) < 5 or not first.isdigit() or not rest[:1].isalpha():
        return None
    cells[0] = Cell(cells[0].start + len(first) + 1, cells[0].end, rest)
    return first


def _fill(description: str, numbers: list[Number], amount: Number, text: str) -> LineItem:
    """Quantity, unit and unit price from the numbers between description and amount."""
    total = amount.value
    rate = next((n.value for n in numbers if n.percent), None)
    plain = [n for n in numbers if not n.percent]
    quantity, price = Decimal(1), total  # one charge: one unit at its price
    unit: str | None = None
    if (pair := product_pair(plain, total)) is not None:
        q, p = pair
        quantity, price, unit = q.value, p.value, _unit_after(text, q)
        if unit and unit.lower() == "x" and p.start > q.start:
            unit = None  # "9 x 8.93": the times sign between quantity and price
        if rate is None:
            rest = [n for n in plain if n.value not in (quantity, price)]
            rate = next((n.value for n in rest if _RATE.fullmatch(n.raw)), None)
    return repair(
        LineItem(
            description=description,
            quantity=quantity,
            unit=unit,
            unit_price=price,
            total=total,
            tax_rate=rate,
        )
    )


def _unit_after(text: str, number: Number) -> str | None:
    word = text[number.end :].split(maxsplit=1)
    return word[0] if word and labels.UNIT.match(word[0]) else None
