"""Line items from the invoice table: a heading row names the columns, rows below fill them.

Column positions come from the heading row (its cells are typed by vocabulary: description,
quantity, unit, unit price, total, tax rate). A number goes to the heading whose span it overlaps
or comes nearest; where that reading breaks quantity x price = total, the arithmetic decides which
numbers are quantity, price and total (headings set left of right-aligned values). A number that
is none of these is text. Text goes to the column it starts in. A line with no amount continues
the description above it. Summary lines (Total, MwSt, TVA...) end the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import reduce
from itertools import permutations
from operator import attrgetter

from bot.extract import labels
from bot.extract.checks import TOLERANCE, items_sum
from bot.extract.dates import find_dates, fold
from bot.extract.doc import Cell, Doc, Line, cells_of
from bot.extract.numbers import Number, find_numbers
from bot.extract.schema import LineItem
from bot.extract.vat import find_vat_ids

_TYPE_ORDER = ("quantity", "total", "unit_price", "tax_rate", "unit", "description")
# German compounds name columns too ("Artikelbeschreibung", "Zeilenbetrag"): a word may end
# with the keyword.
_TYPES = {
    k: re.compile(rf"(?<![a-z])[a-z]*?(?P<w>{labels.by_first_letter(labels.COLUMNS[k])})(?![a-z])")
    for k in _TYPE_ORDER
}
_CELL_TYPES = {k: re.compile(p) for k, p in labels.COLUMN_CELLS.items()}
# not bracketed one by one, grouped by first letter: 100x faster than the plain alternation
_ANY_COLUMN = re.compile(labels.by_first_letter("|".join(labels.COLUMNS[k] for k in _TYPE_ORDER)))
_STRONG_DESC = re.compile(
    r"descr|beschreibung|bezeichnung|omschrijving|designation|libelle|concepto|title|leistung|popis|beskriv|oznaceni"
    r"|delivery\s+note|lieferschein|bon\s+de\s+livraison|pakbon|leverbon"
    r"|details?|particulars"
)
# a running total between the pages of one table, at the foot of one page and the head of the next
CARRIED = re.compile(
    r"^\s*(?:(?:seiten)?ubertrag|vortrag|carried\s+forward|brought\s+forward|carry\s+forward"
    r"|(?:a\s+)?report(?:er|e)?|a\s+transporter|transport|over\s+te\s+brengen|overgebracht"
    r"|van\s+vorige\s+pagina|riporto|a\s+riportare|suma\s+y\s+sigue|a\s+trasladar|suma\s+anterior"
    r"|a\s+transportar|transporte|prevod|prenos)\b"
    # anywhere on the line: "Continued on next page - carried forward  5,035.28"
    r"|(?:carried|brought|carry)\s+forward\b|suma\s+y\s+sigue\b|a\s+reporter\b|a\s+riportare\b"
    r"|te\s+transporteren\b|\bubertrag\b"
)
DISCOUNT = re.compile(
    r"rabatt|discount|remise|korting|sconto|descuento|nachlass|reduction|ristourne|bonus"
)
_MINUS_CURRENCY = re.compile(r"[-\u2212\u2013]\s?(?:[€$£]|EUR|USD|GBP|CHF)\s?$")
_CURRENCY = re.compile(r"€|\$|£|\b(?:EUR|USD|GBP|CHF)\b")
_IN_CURRENCY = re.compile(r"(?:in|en|em|in der|dans) (?:[€$£]|eur|usd|gbp|chf)")
_MONEY_MARK = re.compile(r"^[€$£] ?|\((?:[€$£]|eur|usd|gbp|chf)\)|(?<=\w) (?:eur|usd|gbp|chf)$")
_MAX_GAP = 8
_START = attrgetter("start")
_DETAIL_LINES = 12  # lines an item's description may wrap over (narrow columns wrap a lot)
_FIGURES = ("quantity", "unit_price", "total", "tax_rate")
_SHORT = (*_FIGURES, "unit")  # columns of figures or units: no text runs on under them
_PAGE_HEAD = 15  # lines a page may print (letterhead, "page 2 of 3") before its rows go on
_UNIT_TOKEN = re.compile(r"[^\W\d_][^\W\d_./²³]{0,11}\.?(?:\s?[^\W\d_]{1,4}\.?)?|m[23²³]")
_LETTER = re.compile(r"[^\W\d_]")
POSITION = re.compile(r"\d{1,3}\.?")  # a row's position number ("1", "10."): no article
# a position or a date ("28/12"): no code
_NO_CODE = re.compile(rf"{POSITION.pattern}|\d{{1,2}}[./-]\d{{1,2}}\.?(?:[./-]\d{{2,4}})?")
_BRACKETED_CODE = re.compile(r"^[\[*(]([^\]*)\s]+)[\]*)]\s*")


@dataclass(frozen=True)
class Column:
    kind: str  # one of _TYPE_ORDER, "code" or "other"
    start: int
    end: int


_Heading = tuple[list[Column], int, bool]


def _header_span(doc: Doc, i: int) -> _Heading | None:
    """Typed columns of the heading at line ``i``, how many lines it takes, and whether the
    description is named on the heading's second line (each item then takes two lines: codes and
    numbers first, the description under them)."""
    line = doc.lines[i]
    if not _ANY_COLUMN.search(line.folded):
        return None
    if any(n.money_like for n in find_numbers(line.text, doc.decimal)):
        return None
    if len(line.cells) == 2 and line.cells[0].text.endswith(":"):
        return None  # a label and its value ("Bezeichnung:  Arbeitspreis Strom")
    # a description's second line, its unit under the quantity ("Wäscheservice  Stk.")
    if len(line.cells) == 2 and labels.UNIT.fullmatch(line.cells[1].text):
        return None
    cols = typed(line.cells)
    kinds = {c.kind for c in cols}
    numeric = kinds & {"quantity", "unit_price", "total"}
    if (
        not numeric
        or len(kinds & {"description", "weak_description", "quantity", "unit_price", "total"}) < 2
    ):
        return None
    cols = _stacked_above(doc, i, cols)
    # a second heading line (e.g. "Preis/" over "Einheit") adds columns it alone names
    extra: list[Column] = []
    if i + 1 < len(doc.lines) and not find_numbers(doc.lines[i + 1].text, doc.decimal):
        extra = [c for c in typed(doc.lines[i + 1].cells) if c.kind != "other"]
    second_desc = False
    for col in extra:
        clash = [c for c in cols if c.start < col.end + 2 and col.start < c.end + 2]
        if len(clash) == 1 and (
            both := _kind(f"{_text(line, clash[0])} {_text(doc.lines[i + 1], col)}")
        ):
            # one heading over two lines: "Item" over "code", "Unit" over "price"
            if both != clash[0].kind:
                cols[cols.index(clash[0])] = Column(
                    both, min(col.start, clash[0].start), max(col.end, clash[0].end)
                )
            continue
        if all(c.kind == "other" for c in clash):
            cols = [c for c in cols if c not in clash]
            cols.append(col)
            if col.kind == "description" and clash:
                second_desc = True
    cols.sort(key=lambda c: c.start)  # (typed() gives them in order: only added ones move)
    return _resolve(cols), 2 if extra else 1, second_desc


def _stacked_above(doc: Doc, i: int, cols: list[Column]) -> list[Column]:
    """Headings wrapped upwards, set on the heading row's baseline ("Prix" / "unitaire" / "HT",
    "Rem." / "%"): the words of up to two lines right above, each over one column, name it
    together with its word below."""
    words: dict[Column, str] = {}
    for j in (i - 1, i - 2):
        above = doc.lines[j].cells if j >= 0 and doc.touching(j, i) else []
        over = [[c for c in cols if c.start < a.end + 2 and a.start < c.end + 2] for a in above]
        if not above or any(len(o) != 1 for o in over) or find_numbers(doc.lines[j].text):
            break
        for cell, (col,) in zip(above, over, strict=True):
            words[col] = f"{cell.text} {words.get(col, _text(doc.lines[i], col))}"
    out = []
    for col in cols:
        text = words.get(col)
        kinds = {c.kind for c in typed([Cell(0, len(text), text)])} if text else set()
        kind = kinds.pop() if len(kinds) == 1 else "other"
        out.append(col if kind in ("other", col.kind) else replace(col, kind=kind))
    return out


def _text(line: Line, col: Column) -> str:
    return line.text[col.start : col.end]


def typed(cells: list[Cell]) -> list[Column]:
    """Columns named by heading cells; a cell naming two columns ("MwSt-% Nettowert") splits."""
    out: list[Column] = []
    for cell in _unglued_headings(cells):
        folded = fold(cell.text)
        bare = _MONEY_MARK.sub("", folded).strip(" .:")  # "€ Ges.", "Total (EUR)", "Netto EUR"
        if out and _IN_CURRENCY.fullmatch(folded):  # "Prices  in EUR": the heading's own words
            out[-1] = replace(out[-1], end=cell.end)
            continue
        whole = next((k for k, p in _CELL_TYPES.items() if p.fullmatch(bare)), None)
        if whole is not None:
            out.append(Column(whole, cell.start, cell.end))
            continue
        # start, -length, the compound's head before the word ("Einzel|betrag" is a price, not
        # a total: "einzelbetrag" is a word of its own), priority, kind
        found: list[tuple[int, int, int, int, str]] = []
        for priority, kind in enumerate(_TYPE_ORDER):
            for m in _TYPES[kind].finditer(folded):
                head = m.start("w") - m.start()
                found.append((m.start(), -(m.end() - m.start()), head, priority, kind))
        chosen: list[tuple[int, int, str]] = []
        for start, neg_len, _, _, kind in sorted(found, key=lambda f: f[1:4]):
            end = start - neg_len
            if all(end <= s0 or start >= e0 for s0, e0, _ in chosen):
                chosen.append((start, end, kind))
        chosen.sort()
        if len({k for _, _, k in chosen}) <= 1:
            kind = chosen[0][2] if chosen else "other"
            out.append(_column(kind, cell.start, cell.end, folded))
            continue
        for n, (start, _, kind) in enumerate(chosen):
            end = chosen[n + 1][0] - 1 if n + 1 < len(chosen) else len(cell.text)
            begin = 0 if n == 0 else start
            out.append(_column(kind, cell.start + begin, cell.start + end, folded[begin:end]))
    return out


_RUN_TOGETHER = re.compile(r"(?:(?<=[^\W\d_A-Z])|(?<=[.%)]))(?=[A-Z])")


def _names_column(text: str) -> bool:
    return _kind(text) is not None


def _kind(text: str) -> str | None:
    """The column a heading names by itself, if it does."""
    folded = _MONEY_MARK.sub("", fold(text)).strip(" .:")
    found = (k for k, p in (*_TYPES.items(), *_CELL_TYPES.items()) if p.fullmatch(folded))
    return next(found, None)


_WORDS = re.compile(r"\S+")


def _heading_words(cell: Cell) -> list[Cell]:
    """A printout's headings set one space apart ("Pos. Artikelnr. Bezeichnung", "N° Libellé"):
    the cell split where its words, taken three, two or one at a time, each name a column; a
    heading of several words stays one ("Prix U.", "Montant HT", "Einzelpreis EUR": a net or
    currency word qualifies the heading before it). Else the cell as it is."""
    if " " not in cell.text:
        return [cell]
    words = [(m.start(), m.end()) for m in _WORDS.finditer(cell.text)]
    parts: list[tuple[int, int, str]] = []
    k = 0
    while k < len(words):
        for n in (3, 2, 1):
            s, e = words[k][0], words[min(k + n, len(words)) - 1][1]
            if k + n <= len(words) and (kind := _kind(cell.text[s:e])) is not None:
                qualifier = _QUALIFIER.fullmatch(fold(cell.text[s:e]).strip(" .:()"))
                same = parts and parts[-1][2] == kind != "code"  # ("Nr. Code": row, article)
                if same and kind == "description":  # "Artikel Bezeichnung": an article's code
                    same = _strong(cell.text, *parts[-1][:2]) or not _strong(cell.text, s, e)
                if parts and (same or qualifier):
                    s, _, kind = parts.pop()
                parts.append((s, e, kind))
                k += n
                break
        else:
            return [cell]
    if len(parts) < 2:
        return [cell]
    return [Cell(cell.start + s, cell.start + e, cell.text[s:e]) for s, e, _ in parts]


def _strong(text: str, start: int, end: int) -> bool:
    return bool(_STRONG_DESC.search(fold(text[start:end])))


#: words that qualify a price or amount heading: "HT", "netto", "EUR"
_QUALIFIER = re.compile(labels.COLUMN_CELLS["total"] + r"|ttc|brutto|incl|excl|€|\$|£")


def _unglued_headings(cells: list[Cell]) -> list[Cell]:
    """ "Unit priceVAT", "AantalEenheid": headings the PDF ran together (too little room between
    them for a space), cut where a capital follows a small letter and both sides name columns."""
    out = []
    for cell in cells:
        start = 0
        for m in _RUN_TOGETHER.finditer(cell.text):
            head, rest = cell.text[start : m.start()], cell.text[m.start() :]
            if _names_column(head) and (_names_column(rest) or _ANY_COLUMN.search(fold(rest))):
                out.append(Cell(cell.start + start, cell.start + m.start(), head))
                start = m.start()
        out.extend(_heading_words(Cell(cell.start + start, cell.end, cell.text[start:])))
    return out


def _column(kind: str, start: int, end: int, folded: str) -> Column:
    if kind == "description" and not _STRONG_DESC.search(folded):
        kind = "weak_description"
    return Column(kind, start, end)


def _resolve(cols: list[Column]) -> list[Column]:
    """With no total heading the rightmost price is the line total; a weak description is a
    code. Two total headings need no rule: the arithmetic of the row tells them apart."""
    if not _has(cols, "total"):
        prices = [c for c in cols if c.kind in ("unit_price", "tax_rate")]
        if prices:
            cols[cols.index(prices[-1])] = replace(prices[-1], kind="total")
    prices = [c for c in cols if c.kind == "unit_price"]
    if len(prices) > 1 and not _has(cols, "tax_rate"):
        cols[cols.index(prices[-1])] = replace(prices[-1], kind="tax_rate")  # "Stukprijs  Tarief"
    strong = _has(cols, "description")
    return [
        replace(c, kind="code" if strong else "description") if c.kind == "weak_description" else c
        for c in cols
    ]


def signed(text: str, number: Number) -> Number:
    """The number with the minus printed before its currency sign ("-$106.78", "- € 5,00")."""
    if number.value > 0 and _MINUS_CURRENCY.search(text, 0, number.start):
        return replace(number, value=-number.value)
    return number


def _has(cols: list[Column], kind: str) -> bool:
    return any(c.kind == kind for c in cols)


def _nearest(cols: list[Column], number: Number) -> Column:
    """The heading nearest the number: headings aligned like their values."""
    return min(
        cols, key=lambda c: (_gap(c, number), abs(c.start + c.end - number.start - number.end))
    )


def _alone(text: str, number: Number) -> bool:
    """The number is a cell of its own (as a figure in a table stands)."""
    return any(c.start == number.start and c.end == number.end for c in cells_of(text))


def _gap(col: Column, number: Number) -> int:
    return max(col.start - number.end, number.start - col.end, 0)


def _figures_of(cols: list[Column]) -> list[Column]:
    return [c for c in cols if c.kind in _FIGURES]


def _by_columns(cell: Cell, cols: list[Column]) -> list[Cell]:
    """A printout's row set one space apart ("10 51747 Klarspüler 5 l"): a leading word in a
    position or code column, one space before (or about where) the next column's heading
    starts, is a cell of its own."""
    out = []
    while ([c for c in cols if c.start <= cell.start] or cols[:1])[-1].kind in ("code", "other"):
        heads = [c.start - cell.start for c in cols if cell.start < c.start - 1 < cell.end]
        first = cell.text.find(" ")
        if first < 0 or not any(abs(first + 1 - k) <= 2 for k in heads):
            break
        if not _DIGIT.search(cell.text[:first]):
            break  # a word (a name left of a centred heading): not a number or a code
        out.append(Cell(cell.start, cell.start + first, cell.text[:first]))
        cell = Cell(cell.start + first + 1, cell.end, cell.text[first + 1 :])
    return [*out, cell]


def _starting(cols: list[Column], start: int) -> Column:
    """The column whose heading starts last at or before ``start`` (the first column if none)."""
    return ([c for c in cols if c.start <= start + 3] or cols[:1])[-1]


def _text_column(cols: list[Column], start: int, end: int | None = None) -> Column:
    """The column a text cell starts in; text starting past a column of figures' heading is the
    next text column's (its heading centred over it: "Amount  Item" over "2  Napkins ..."), and
    so is text past a row number's heading that runs under the next heading ("Lig.   Libellé"
    over "1   Savon mains recharge 1 l")."""
    col = _starting(cols, start)
    # (and past a unit's: "Qty  Unit  Description" over "35  pc  Rinse aid 5 l")
    short = col.kind in _SHORT
    if start > col.end and (short or col.kind == "other" and end is not None):
        after = next((c for c in cols if c.start > col.end and c.kind not in _SHORT), col)
        if short or (end is not None and end > after.start):
            col = after
    return col


_CODE_LINE = re.compile(
    rf"(?:[•·*-] +)?(?:{labels.COLUMN_CELLS['code']}|artikel|article|art\.) ?[:#]? ?"
    r"(?P<c>[a-z0-9][\w./-]*\d[\w./-]*)"
    r"(?: ?[·|] ?[^\W\d]+\.?)?"  # and the unit: "Item code: SV955-L · hrs"
)
_NOTE_LABEL = re.compile(r"[^\W\d_]{3,}[.\-]?\s?:\s")


def row(
    line: str,
    decimal: str | None,
    cols: list[Column],
    second_desc: bool = False,
    item_label: bool = False,
) -> tuple[LineItem | None, str]:
    """The item of a row (or None) and its description text. ``item_label``: the description is
    known to name an item even where it reads like a summary ("Rabatt", a card's "Versand")."""
    text = _unglue(line)
    values: dict[str, Number] = {}
    found: list[Number] = []
    # numbers are never units: one between the quantity and unit headings is the quantity
    numeric = [c for c in cols if c.kind != "unit"] if _has(cols, "quantity") else cols
    row_numbers = [signed(text, n) for n in find_numbers(text, decimal)]
    for k, number in enumerate(row_numbers):
        col = _nearest(numeric, number)
        if col.kind in ("code", "description") and number.end < col.start and _alone(text, number):
            # text is set left under its heading: a figure in a cell of its own ending before a
            # text heading starts is the column's on its left (a quantity right-aligned under a
            # left-aligned "Qty"); a number inside text is text (under a centred heading)
            col = max((c for c in numeric if c.start <= number.start), key=_START, default=col)
        kind = col.kind
        # a right-aligned quantity just left of a code column, or run into the code ("5 BV-394")
        if kind == "code" and (
            near := [
                c
                for c in _figures_of(numeric)
                if _gap(c, number) <= 2
                or (
                    c.kind == "quantity"
                    and c.end <= number.start
                    and _BEFORE_CODE.match(text, number.end)
                )
            ]
        ):
            kind = _nearest(near, number).kind
            if kind in values:  # "26 238441": the quantity stands; the number after it is a code
                continue
        # "Slagroom 35% 1 l": a percentage inside the description (or, in a table without a
        # tax column, left of the figures) is text, not the tax rate
        if number.percent and kind not in ("description", "code", "discount"):
            figures = min((c.start for c in _figures_of(cols)), default=0)
            left = not _has(cols, "tax_rate") and number.end < figures
            kind = "description" if left else "tax_rate"
        if (
            kind == "discount"
            or not number.percent
            and (
                kind in ("other", "unit")
                or (
                    kind == "description"
                    and text[number.start - 2 : number.start] == "  "
                    and k + 1 < len(row_numbers)
                    and _SET_APART.fullmatch(text, number.end, row_numbers[k + 1].start)
                )
            )
        ):
            found.append(number)  # a figure drawn off its heading's place: the arithmetic's
        if kind in ("description", "code", "other", "unit", "discount"):
            continue
        found.append(number)
        if kind != "tax_rate" or number.percent or not values.get(kind, number).percent:
            values[kind] = number  # (not a VAT amount beside the rate: "USt. %  € USt.")
    _arithmetic(values, found, cols)
    if (sum_ := values.get("total")) is not None and "quantity" not in values:
        # "20 × 89,14" in the description's column: the quantity and the price, when they make
        # the total
        numbers = find_numbers(text, decimal)
        for qty, price in zip(numbers, numbers[1:], strict=False):
            if _TIMES.fullmatch(text, qty.end, price.start) and times(
                qty.value, price.value, sum_.value
            ):
                values.update(quantity=qty, unit_price=price)
                break
    # a number that is none of the row's values is text ("Crème 30 % 1 L", "box of 100")
    taken = [(n.start, n.end + (2 if n.percent else 0)) for n in values.values()]
    if not any(v.money_like or k == "total" for k, v in values.items() if k != "tax_rate"):
        return None, " ".join(text.split())
    description, code, unit = _description(text, cols, taken)
    if second_desc and not description:
        description = code or "?"  # the description follows on the next line
    if not description or (labels.SUMMARY.search(fold(description)) and not item_label):
        return None, ""
    if find_vat_ids(description):  # a company's footer ("Partita IVA: IT0006… · Cap. soc. € …")
        return None, ""
    if len(_NOTE_LABEL.findall(text)) >= 2:
        return None, " ".join(text.split())  # "Basis: 75,00 € Rabatt: -0,03 €" is a note
    q, p, t = (values.get(k) for k in ("quantity", "unit_price", "total"))
    # an amount printed with one decimal ("39.8") counts where quantity x price = total says so
    has_total = (t is not None and t.money_like) or (
        q is not None
        and p is not None
        and (
            p.money_like
            or (t is not None and t.raw[-2:-1] in (".", ",") and times(q.value, p.value, t.value))
        )
    )
    if not has_total:
        return None, " ".join(text.split())  # a note under the item ("Rabatt: -0,03 €")
    rate = next((n for n in row_numbers if n.percent), None)
    if q is None and p is not None and t is not None and rate is not None:
        if abs(p.value * rate.value / 100 - t.value) <= TOLERANCE:
            return None, ""  # a VAT breakdown's row beside a note: rate, base and its tax
    amounts = {kind: number.value for kind, number in values.items()}
    item = LineItem(
        description=description, product_code=code or None, unit=unit or None, **amounts
    )
    return repair(item), description


def _arithmetic(values: dict[str, Number], numbers: list[Number], cols: list[Column]) -> None:
    """quantity x price = total decides which number is which, where the columns do not."""
    q, p, t = (values.get(k) for k in ("quantity", "unit_price", "total"))
    given = (values.get("tax_rate"), *numbers)  # (a rate, not the discount in per cent)
    rates = (n for n in given if n and n.percent and _nearest(cols, n).kind != "discount")
    rate = next(rates, None)
    vat = rate.value if rate is not None else None
    # with a discount column, each figure may be the discount (in per cent or an amount off),
    # the one under its heading first
    column = next((c for c in cols if c.kind == "discount"), None)
    discounts = (
        sorted((n for n in numbers if n.value > 0), key=lambda n: _gap(column, n))
        if column is not None
        else []
    )
    if q is not None and p is not None and t is not None:
        off = discounts[0].value if discounts and discounts[0].percent else None
        if (
            times(q.value, p.value, t.value, vat)
            or off
            and times(q.value, p.value, t.value, None, off)
        ):
            return  # the columns' own reading
    order = [c.kind for c in cols]
    q_first = (
        "quantity" not in order
        or "unit_price" not in order
        or order.index("quantity") < order.index("unit_price")
    )
    plain = [n for n in numbers if not n.percent]
    for t in sorted(plain, key=lambda n: -n.start):
        before = [n for n in plain if n.start < t.start]
        pair = None
        for d in (d for d in discounts if d.start < t.start):  # in per cent, or an amount off
            rest = [n for n in before if n is not d]
            pair = product_pair(rest, t.value, q_first, None, d.value) or product_pair(
                rest, t.value + d.value, q_first
            )
            if pair:
                break
        pair = pair or product_pair(before, t.value, q_first, vat)
        if pair:
            for kind in [k for k, n in values.items() if n in (*pair, t)]:
                del values[kind]
            values.update(quantity=pair[0], unit_price=pair[1], total=t)
            if rate is not None:
                values.setdefault("tax_rate", rate)
            return


_TIMES = re.compile(r" ?[x×*] ?")
#: between a number set apart from the text before it and the row's next figure, a unit at
#: most: the number is no word of the description ("Pain de campagne 500 g   24,000 pce   1,03")
_SET_APART = re.compile(r" *(?:[^\W\d_]{1,4}\.? +)?")
_DIGIT = re.compile(r"\d")
_BEFORE_CODE = re.compile(r" (?:[^\W\d_]+[-/.]?)?\d")  # a space, then a code ("BV-39436", "238441")
#: a word broken at the end of a line after its hyphen ("céleri-" / "rave")
_BROKEN = re.compile(r"[^\W\d_]-$")
_BROKEN_DATE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]$|\b\d{4}-$")  # ("21-11-", "2024-")
_CONJUNCTION = re.compile(r"(?:and|or|und|oder|bzw|en|of|et|ou|e|y|o)\b")


def hyphenated(first: str, text: str) -> bool:
    """Does a word hyphenated at the end of ``first`` go on at the start of ``text``? (Not a
    word's first part before a conjunction: "Bezorg-" / "en handlingkosten".)"""
    return bool(_BROKEN.search(first)) and text[:1].islower() and not _CONJUNCTION.match(text)


def wrapped(description: str, text: str) -> str:
    """A description and its next line: a word broken after its hyphen goes on, the hyphen kept
    (browsers and word processors break a compound there: "céleri-" / "rave", "Bio-" / "Eier"),
    and so does a date broken after its separator ("21-11-" / "2023")."""
    if hyphenated(description, text) or (_BROKEN.search(description) and text[:1].isupper()):
        return description + text
    if _BROKEN_DATE.search(description) and text[:1].isdigit():
        return description + text
    return f"{description}\n{text}"


def _times_line(text: str, decimal: str | None, item: LineItem) -> dict[str, Decimal] | None:
    """A detail line "15 x 3,26" whose product is the item's total: its quantity and price."""
    numbers = find_numbers(text, decimal)
    if len(numbers) != 2 or item.quantity is not None or item.total is None:
        return None
    q, p = numbers
    if not _TIMES.fullmatch(text, q.end, p.start) or not times(q.value, p.value, item.total):
        return None
    return {"quantity": q.value, "unit_price": p.value}


def _described(figures: LineItem | None, description: str) -> LineItem | None:
    """A row of figures alone (its description "?") with the description printed above it,
    when quantity x price make its total."""
    if figures is None or figures.description != "?":
        return None
    q, p, t = figures.quantity, figures.unit_price, figures.total
    if q is None or p is None or t is None or not times(q, p, t):
        return None
    return figures.model_copy(update={"description": description})


def product_pair(
    numbers: list[Number],
    total: Decimal,
    quantity_first: bool = True,
    vat: Decimal | None = None,
    discount: Decimal | None = None,
) -> tuple[Number, Number] | None:
    """The quantity and the price among ``numbers``: the two whose product is ``total``, the
    quantity left of the price (right of it, where the headings say so)."""
    for q, p in permutations(numbers, 2):
        if (
            (q.start < p.start) == quantity_first
            and q.value
            and times(q.value, p.value, total, vat, discount)
        ):
            return q, p
    return None


def times(
    quantity: Decimal,
    price: Decimal,
    total: Decimal,
    vat: Decimal | None = None,
    discount: Decimal | None = None,
) -> bool:
    """quantity x price = total, rounded either way, and either sign (credit lines are negative);
    or, given the row's VAT rate, that with the VAT added (a line total printed gross, each
    product rounded: a cent and a half); or, given a discount in per cent, that less it."""
    net, total = abs(quantity * price), abs(total)
    tolerance = Decimal("0.01")
    if discount is not None:  # (rounded once more)
        net, tolerance = net * (1 - discount / 100), Decimal("0.015")
    gross = vat is not None and abs(net * (1 + vat / 100) - total) <= Decimal("0.015")
    return abs(net - total) <= tolerance or gross


_WORD = re.compile(r"[^\W\d_]+")
_GLUED = re.compile(r"(?:(?<=  )|^)(\d+(?:[.,]\d+)?)([^\W\d_]{2,}\.?) (?= |$)")


def _unglue(text: str) -> str:
    """ "1pauschal" as a cell of its own: a right-aligned quantity run into its left-aligned unit,
    set apart (the space after the unit gives way, so that columns stay where they are)."""

    def apart(m: re.Match[str]) -> str:
        if not labels.UNIT.match(m.group(2)):
            return m.group(0)
        return f"{m.group(1)} {m.group(2)}"

    return _GLUED.sub(apart, text + " ")[: len(text)]


def _description(
    text: str, cols: list[Column], taken: list[tuple[int, int]]
) -> tuple[str, str, str]:
    """(description, product code, unit) from the non-number text of a row."""
    blanked = text
    for start, end in taken:
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    has_desc = _has(cols, "description")
    desc: list[str] = []
    spare: list[str] = []
    code = unit = ""
    desc_col: Column | None = None
    cells = [part for cell in cells_of(blanked) for part in _by_columns(cell, cols)]
    lettered = [bool(_LETTER.search(_CURRENCY.sub("", c.text))) for c in cells]
    # a figure after a word of the description, set apart by justified spacing ("Burro  dolce
    # 82%,  blocco  10" / "kg"), and none of the row's values, is the description's
    figures = {
        c
        for n, c in enumerate(cells)
        if any(lettered[:n])
        and _text_column(cols, c.start, c.end).kind == "description"
        and any(ch.isdigit() for ch in c.text)  # (not a currency left of its amount)
    }
    texts = [
        c
        for n, c in enumerate(cells)
        if lettered[n] or c in figures or _in_code_column(cols, c) or _code_before(cols, c)
    ]
    first = min((start for start, _ in taken), default=len(text))  # the row's first value
    for n, cell in enumerate(texts):
        col = _text_column(cols, cell.start, cell.end)
        home = _starting(cols, cell.start)
        as_unit = home if home.kind == "unit" else col  # (a unit's word past its heading)
        if code_col := _code_before(cols, cell):
            col = code_col
        if not unit and _is_unit(cell, as_unit, taken, not desc and n + 1 < len(texts)):
            unit = cell.text
        elif col.kind == "code" and not code:
            code = cell.text
        elif col.kind == "code" and _DIGIT.search(cell.text) and " " not in cell.text:
            continue  # a second article number ("Unsere Art.Nr.  Ihre Art.Nr."): the buyer's
        elif col.kind in ("description", "code", "other") and (
            _LETTER.search(cell.text) or cell in figures
        ):
            if col.kind == "other" and (has_desc or desc_col not in (None, col)):
                spare.append(cell.text)  # (justified text set apart in one column is one text)
                continue
            desc.append(cell.text)
            desc_col = col
        elif desc and col.kind in _FIGURES and cell.end < first and _LETTER.search(cell.text):
            desc.append(cell.text)  # justified text run up to a heading ("... delivered  to")
    spare = [t for t in spare if not find_dates(t)]  # (a service's date: "1 April 2025")
    # or text left of a centred description heading, under a row number's ("Lig.    Libellé"
    # over "1    Beurre doux")
    description = " ".join(desc or spare[:1]).strip()
    words = _WORD.findall(code)
    # "Item" over "Rinse aid 5 L", or a word of a row with nothing under "Description"
    # ("Lieferpauschale"): a name, not a code
    named = max(map(len, words), default=0) >= 4
    if named and (
        len(words) >= 2 or not description and not _DIGIT.search(code) or DISCOUNT.match(fold(code))
    ):  # (a discount's label is no code: "Rabatt 2 %")
        code, description = "", f"{code} {description}".strip()
    bracket = _BRACKETED_CODE.match(description)
    if bracket and not code:
        code, description = bracket.group(1), description[bracket.end() :]
    return description, code, unit


def _in_code_column(cols: list[Column], cell: Cell) -> bool:
    """A code under the code heading: not a row's position, nor a figure that ends before the
    heading starts (codes are set left under it; a quantity right-aligned left of it is not)."""
    col = _text_column(cols, cell.start)
    return col.kind == "code" and cell.end > col.start and not POSITION.fullmatch(cell.text)


def _code_before(cols: list[Column], cell: Cell) -> Column | None:
    """The code column whose heading starts just right of a token set apart ("Chef jacket
    LN965-C" under "Description   Code", a report's bands; "305030" right-aligned under "Kód")."""
    right = next((c for c in cols if c.start > cell.start), None)
    near = right is not None and right.kind == "code" and right.start - cell.end <= 8
    token = " " not in cell.text and _DIGIT.search(cell.text)
    return right if near and token and not _NO_CODE.fullmatch(cell.text) else None


def _in_description_column(text: str, desc: Column | None) -> str:
    """The part of a line that stands in the description column or right of it."""
    if desc is None:
        return ""
    return " ".join(c.text for c in cells_of(text) if c.start >= desc.start - 2)


def _is_unit(cell: Cell, col: Column, taken: list[tuple[int, int]], opens: bool) -> bool:
    """A unit: a short word under the unit or quantity heading, or a unit word right after a
    number or before the description ("7  can  Vaatwasmiddel")."""
    if not _UNIT_TOKEN.fullmatch(cell.text):
        return False
    if col.kind in ("unit", "quantity"):
        return True
    text_column = col.kind in ("description", "code", "other")
    near = opens or any(0 <= cell.start - end <= 5 for _, end in taken)
    return bool(labels.UNIT.match(cell.text)) and (near or not text_column)


def _wrapped_unit(line: Line, cols: list[Column]) -> Cell | None:
    """The line's last cell, after text, when it is a unit word under the quantity or unit
    heading: the item's unit wrapped under its quantity ("2.000" / "pauschal")."""
    if len(line.cells) < 2:
        return None
    cell = line.cells[-1]
    col = _text_column(cols, cell.start, cell.end)
    unit = _UNIT_TOKEN.fullmatch(cell.text) and labels.UNIT.match(cell.text)
    return cell if unit and col.kind in ("unit", "quantity") else None


def repair(item: LineItem) -> LineItem:
    """Use quantity x price = total to fill a gap or to swap a misread pair."""
    q, p, t = item.quantity, item.unit_price, item.total
    if q is not None and p is not None and t is None:
        return item.model_copy(update={"total": (q * p).quantize(Decimal("0.01"))})
    if q is None and p is not None and t is not None and p and (t / p) == (t / p).to_integral():
        return item.model_copy(update={"quantity": t / p})
    return item


def _discount_row(doc: Doc, i: int, desc: Column) -> bool:
    """A discount ("Rabatt", "Remise fidélité") with a negative amount, its label where the
    descriptions start: an item of the table. In the totals box right of the rows it is not."""
    line = doc.lines[i]
    label = next((c for c in line.cells if _LETTER.search(c.text)), None)
    numbers = find_numbers(line.text, doc.decimal)
    if label is None or not numbers or numbers[-1].value >= 0:
        return False
    return label.start <= desc.start + 3 and bool(DISCOUNT.search(fold(label.text)))


def _own_allowance(doc: Doc, i: int, item: LineItem) -> bool:
    """A discount row's amount is what the item above lacks of quantity x price."""
    q, p, t = item.quantity, item.unit_price, item.total
    numbers = find_numbers(doc.lines[i].text, doc.decimal)
    if q is None or p is None or t is None or not numbers:
        return False
    return abs(abs(q * p) - abs(t) - abs(numbers[-1].value)) <= TOLERANCE


def _priced(doc: Doc, i: int, cols: list[Column]) -> bool:
    item = row(doc.lines[i].text, doc.decimal, cols, item_label=True)[0]
    if item is None or not item.product_code or not labels.SUMMARY.search(fold(item.product_code)):
        return False
    q, p, t = item.quantity, item.unit_price, item.total
    return q is not None and p is not None and t is not None and times(q, p, t)


def _sums_up(doc: Doc, i: int, items: list[LineItem]) -> bool:
    """A line with one amount (of money, where it holds any), the sum of the table's (or a
    section's) items: their total ("Goods Total", "Warenwert netto", "Section total Labour"),
    whatever its label says or where it stands (after a note: "Net 10. Please ... Subtotal")."""
    numbers = [n for n in find_numbers(doc.lines[i].text, doc.decimal) if not n.percent]
    amounts = [n.value for n in numbers if n.money_like] or [n.value for n in numbers]
    if not items or len(amounts) != 1:
        return False  # asked of every item row: the sum only for a line that could be it
    return abs(amounts[0] - (items_sum(items) or 0)) <= TOLERANCE


def _section_sum(doc: Doc, i: int, cols: list[Column], items: list[LineItem]) -> bool:
    """The sum of a section's items with more items after it ("Summe Abschnitt Material",
    "Totale DDT 612538")."""
    money = [n.value for n in find_numbers(doc.lines[i].text, doc.decimal) if n.money_like]
    if not items or not money or abs(money[-1] - (items_sum(items) or 0)) > TOLERANCE:
        return False
    for j in doc.under(i, 3):
        if labels.SUMMARY.search(doc.lines[j].folded) or another_heading(doc.lines[j]):
            return False  # (a VAT summary's heading: "Rate  Net  VAT  Gross")
        if (item := row(doc.lines[j].text, doc.decimal, cols)[0]) is not None:
            return item.quantity is not None
    return False


def _totals_label(line: Line, desc: Column, cols: list[Column]) -> bool:
    """A totals label ("Montant HT", "Total TVA") after the description's first cell, or
    reaching into the columns of figures: the totals block (or a tax breakdown) beside the
    table's last lines, not an item."""
    texts = [c for c in line.cells if c.start >= desc.start - 3 and _LETTER.search(c.text)]
    # a tax's name under the taxes heading ("TVA 20%", "IVA 21% (Bienes)") is the row's rate
    rates = [c for c in cols if c.kind == "tax_rate"]
    texts = [
        c
        for c in texts
        if not (
            _RATE_CELL.search(fold(c.text))
            and any(r.start - 3 < c.end and c.start < r.end + 3 for r in rates)
        )
    ]
    right = _figures_start(cols, desc) or 999
    # "Rabatt: -0,03 €" with its colon is a note on the item, the table goes on
    return any(
        labels.SUMMARY.match(f := fold(c.text)) and (":" not in c.text or not DISCOUNT.search(f))
        for n, c in enumerate(texts)
        if n or c.end > right
    )


#: a tax rate's name in a taxes column ("TVA 20%", "21% G", "TVA" wrapped over its rate)
_RATE_CELL = re.compile(r"%|^(?:tva|vat|iva|btw|mwst|ust|tax|gst|moms|mva|dph)$")


def _figures_start(cols: list[Column], desc: Column) -> int | None:
    """Where the first column of figures right of the descriptions starts."""
    return next((c.start for c in cols if c.start > desc.end and c.kind in _FIGURES), None)


def _under_description(line: Line, desc: Column | None, cols: list[Column], at: int) -> bool:
    """A detail line of the item above starts in the description column (or where the item's
    description starts, left of a centred heading), and no part of it starts in a column of
    figures; the page's footer (across the page) or a group heading ("Lieferschein 123 vom
    ...") left of it belongs to no item."""
    if desc is None or not line.cells:
        return True
    right = _figures_start(cols, desc)
    cells = line.cells[:-1] if _wrapped_unit(line, cols) else line.cells
    within = right is None or cells[-1].start < right
    # (and not far right of where the description starts: a page number centred at the foot)
    starts = min(desc.start, at) - 3 <= line.cells[0].start <= min(desc.start, at) + 20
    return starts and within


def _code_tail(line: Line, cols: list[Column], item: LineItem) -> str | None:
    """The end of the item's code, wrapped in its narrow column after a hyphen or slash: one
    word first on the next line, in the code column (the description may go on beside it)."""
    code = next((c for c in cols if c.kind == "code"), None)
    cell = line.cells[0] if line.cells else None
    if code is None or cell is None or not (item.product_code or "").endswith(("-", "/")):
        return None
    return cell.text if code.start - 2 <= cell.start <= code.end and " " not in cell.text else None


def another_heading(line: Line) -> bool:
    """A row of column names under the items ("Steuersatz  Netto  USt  Brutto" over a VAT
    summary) heads another table: it continues no description."""
    return len(line.cells) >= 3 and sum(_names_column(c.text) for c in line.cells) >= 2


def _text_parts(
    line: Line, cols: list[Column], description: str | None
) -> dict[Column, list[str]] | None:
    """A description read from two text columns or more ("Artículo  Descripción"), each
    column's text: lines wrapped in each column are then joined column by column, not row by
    row. None for a description in one column (however many gaps justified text has)."""
    by: dict[Column, list[str]] = {}
    for cell in line.cells:
        if _LETTER.search(cell.text) and cell.text in (description or ""):
            by.setdefault(_text_column(cols, cell.start, cell.end), []).append(cell.text)
    if len(by) < 2 or " ".join(t for texts in by.values() for t in texts) != description:
        return None
    return {col: [" ".join(texts)] for col, texts in by.items()}


def _spread(
    line: Line, cols: list[Column], parts: dict[Column, list[str]] | None
) -> dict[Column, list[str]] | None:
    """``parts`` with a wrapped line's text added to the columns it stands in; None where a
    piece of it stands in another column."""
    if parts is None:
        return None
    more = {col: list(texts) for col, texts in parts.items()}
    for cell in line.cells:
        col = _text_column(cols, cell.start, cell.end)
        if col not in more:
            return None
        more[col].append(cell.text)
    return more


def _goes_on(doc: Doc, i: int, cols: list[Column], found: _Heading | None) -> bool:
    """Line ``i`` goes on with the heading above it: every column it names is one of its."""
    return (
        found is not None
        and doc.touching(i - 1, i)
        and all(any(c.start < d.end and d.start < c.end for d in cols) for c in found[0])
    )


def _leading(doc: Doc, i: int) -> int:
    """How many lines from line ``i`` are the first lines of the item whose figures follow: an
    item's figures centred on its text (a table row's "vertical-align: middle"), in a block of
    lines set apart by blank rows, with as many lines above its one row of amounts as under it
    (or one fewer). 0 where line ``i`` opens no such block."""
    if doc.touching(i - 1, i):
        return 0
    block = [i]
    while doc.touching(block[-1], block[-1] + 1):
        block.append(block[-1] + 1)
    priced = [
        j for j in block if any(n.money_like for n in find_numbers(doc.lines[j].text, doc.decimal))
    ]
    if len(priced) != 1 or priced[0] == i:
        return 0
    above, below = priced[0] - i, block[-1] - priced[0]
    # the lines above start where a text of the figures' line does (its code may stand left of
    # it; not a group's heading)
    texts = [
        [c.start for c in doc.lines[j].cells if _LETTER.search(c.text)] or [-9]
        for j in range(i, priced[0] + 1)
    ]
    starts = {s[0] for s in texts[:-1]}
    aligned = max(starts) - min(starts) <= 2 and any(abs(s - min(starts)) <= 2 for s in texts[-1])
    return above if aligned and 0 < above <= below <= above + 1 else 0


def _led(
    doc: Doc,
    lead: range,
    cols: list[Column],
    item: LineItem,
    parts: dict[Column, list[str]] | None,
) -> tuple[LineItem, dict[Column, list[str]] | None]:
    """The item with its first lines (above its figures) put before its text, column by column
    where its text stands in several."""
    if parts is not None:
        above: dict[Column, list[str]] | None = {col: [] for col in parts}
        for k in lead:
            above = _spread(doc.lines[k], cols, above)
        if above is not None:
            parts = {col: above[col] + texts for col, texts in parts.items()}
            desc = " ".join(reduce(wrapped, texts) for texts in parts.values())
            return item.model_copy(update={"description": desc}), parts
    text = item.description if item.description not in (None, "?") else ""
    lines = (" ".join(doc.lines[k].text.split()) for k in lead)
    desc = wrapped(reduce(wrapped, lines), text).strip()
    return item.model_copy(update={"description": desc}), None


def tables(doc: Doc) -> tuple[list[LineItem], set[int]]:
    """All items of every table, and the lines of the tables that hold items (from the heading
    to the last item line), so that other readers can leave them alone."""
    items: list[LineItem] = []
    covered: set[int] = set()
    headers = [_header_span(doc, n) for n in range(len(doc.lines))]
    section = 0  # the first item after the last section's sum (a section may go over a page)
    i = 0
    while i < len(doc.lines):
        found = headers[i]
        if found is None:
            i += 1
            continue
        cols, span, second_desc = found
        desc_col = next((c for c in cols if c.kind == "description"), None)
        pending = False
        orphan: tuple[int, str] | None = None  # a line of text no item has taken
        stacked = False  # the items' descriptions stand above their figures
        leading: tuple[int, int] | None = None  # (figures' line, first line) of a centred item
        page = doc.lines[i].page
        first, last_used, before = i, i + span - 1, len(items)
        i += span
        while i < len(doc.lines) and _goes_on(doc, i, cols, headers[i]):
            i, last_used = i + 1, i  # the heading's third line (bilingual: "Unit" / "price")
        gap = continuation = 0
        at = 999  # where the last item's description starts
        parts: dict[Column, list[str]] | None = None  # its text per text column, if several
        subtotal = False
        rows_on = 0  # the page of the table's last row
        while i < len(doc.lines) and gap <= _MAX_GAP and headers[i] is None:
            if doc.lines[i].page != page:
                if len(items) == before:
                    break
                # the table goes on after the page's head, without repeating its heading, where
                # its columns stand on paper (each page has its own grid of characters)
                new = doc.lines[i].page
                cols = [
                    replace(
                        c, start=doc.regrid(c.start, page, new), end=doc.regrid(c.end, page, new)
                    )
                    for c in cols
                ]
                desc_col = next((c for c in cols if c.kind == "description"), None)
                page, gap, continuation = new, _MAX_GAP - _PAGE_HEAD, _DETAIL_LINES
                pending = False
            folded = doc.lines[i].folded
            money = any(n.money_like for n in find_numbers(doc.lines[i].text, doc.decimal))
            if not money and another_heading(doc.lines[i]):
                break  # the heading of another table ("Warenwert  Nettobetrag  MwSt-Betrag")
            if CARRIED.search(folded) and len(find_numbers(doc.lines[i].text, doc.decimal)) <= 1:
                i += 1  # "Übertrag 5.133,67", "Report": the table goes on after it
                if rows_on == page:  # under this page's rows: the page's foot follows
                    while i < len(doc.lines) and doc.lines[i].page == page:
                        i += 1
                continue
            summary = labels.SUMMARY.search(folded) is not None
            # an item though it reads like a summary: a discount row, or a row priced like an item
            # whose summary word is its article code ("VERSAND  Frachtkosten  1  12,50  12,50")
            item_row = money and (
                _discount_row(doc, i, desc_col or cols[0]) or (summary and _priced(doc, i, cols))
            )
            if not item_row and (
                summary
                or (money and _totals_label(doc.lines[i], desc_col or cols[0], cols))
                or (money and _sums_up(doc, i, items[max(before, section) :]))
            ):
                if not money:  # "Tax: 0.2%" under an item, or the heading of a totals box
                    gap += 1
                    i += 1
                    continue
                if _section_sum(doc, i, cols, items[section:]):
                    i, subtotal, section = i + 1, True, len(items)  # a group's: items may follow
                    continue
                break
            if item_row and items and _own_allowance(doc, i, items[-1]):
                # the item's allowance, already taken off its total ("Abschlag: Mengenrabatt
                # (im Positionsbetrag enthalten)  -0.94" under 26 x 1.20 = 30.26): no item
                i, pending, continuation = i + 1, False, _DETAIL_LINES
                continue
            item, text = row(doc.lines[i].text, doc.decimal, cols, second_desc, item_row)
            if item is None and money and orphan is not None and orphan[0] == i - 1:
                # its figures on a line of their own under its description ("1  Hauswein rot" /
                # "•  20 × 45,90    918,00"), when quantity x price make its total
                item, _ = row(doc.lines[i].text, doc.decimal, cols, True, item_row)
                item = _described(item, orphan[1])
                bare = all(len(w) < 5 for w in _WORD.findall(doc.lines[i].text))  # (units)
                stacked = item is not None and bare and not pending
            if item is not None and subtotal and item.quantity is None and _has(cols, "quantity"):
                break  # after a subtotal, a row with no quantity is the summary's
            if item is not None:
                parts = _text_parts(doc.lines[i], cols, item.description)
                at = doc.lines[i].text.find((item.description or "?").split()[0])
                at = 999 if at < 0 or item.description == "?" else at
                if leading is not None and leading[0] == i:  # its first lines, above its figures
                    item, parts = _led(doc, range(leading[1], i), cols, item, parts)
                items.append(item)
                gap = continuation = 0
                pending = second_desc
                last_used, rows_on = i, page
            elif text and items and pending:
                last = items[-1]
                text = _in_description_column(doc.lines[i].text, desc_col) or text
                code = last.product_code or (None if last.description == "?" else last.description)
                items[-1] = last.model_copy(update={"description": text, "product_code": code})
                pending, parts = False, None
                gap, continuation = 0, 1
                last_used = i
            elif (
                text and items and gap == 0 and (tail := _code_tail(doc.lines[i], cols, items[-1]))
            ):
                code = f"{items[-1].product_code}{tail}"  # "EQ-370-" / "F": wrapped at its hyphen
                rest = " ".join(c.text for c in doc.lines[i].cells[1:])
                desc = wrapped(items[-1].description or "", rest) if rest else items[-1].description
                items[-1] = items[-1].model_copy(update={"product_code": code, "description": desc})
                last_used = i
            elif text and (lead := _leading(doc, i)):
                leading, i = (i + lead, i), i + lead
                continue
            elif (
                text
                and items
                and not stacked
                and continuation < _DETAIL_LINES
                and gap == 0  # (detail lines follow their item, and count as no gap)
                and _under_description(doc.lines[i], desc_col, cols, at)
            ):
                # "Charge: L2312 MHD: 29.02.2024": label-value pairs are the item's batch or
                # delivery data, not its description
                last = items[-1]
                if (ref := _CODE_LINE.fullmatch(fold(text))) and not last.product_code:
                    # "Ref. A17244", "Art.-Nr.: 4711" under the description: the item's code
                    code = text[ref.start("c") : ref.end("c")]
                    items[-1] = last.model_copy(update={"product_code": code})
                elif (pair := _times_line(text, doc.decimal, last)) is not None:
                    # "• 15 x 3,26" under an item of 48,90
                    items[-1] = last.model_copy(update=pair)
                elif len(_NOTE_LABEL.findall(f"{text} ")) < 2:
                    if unit := _wrapped_unit(doc.lines[i], cols):
                        text = " ".join(c.text for c in doc.lines[i].cells[:-1])
                        last = last.model_copy(update={"unit": last.unit or unit.text})
                    parts = _spread(doc.lines[i], cols, parts)
                    desc = (
                        wrapped(last.description or "", text)
                        if parts is None
                        else " ".join(reduce(wrapped, texts) for texts in parts.values())
                    )
                    items[-1] = last.model_copy(update={"description": desc})
                continuation += 1
                last_used = i
            else:
                gap += 1
                cells = doc.lines[i].cells
                if text and len(cells) > 1 and POSITION.fullmatch(cells[0].text):
                    # an item's number and its description, its figures to come
                    orphan = (i, _in_description_column(doc.lines[i].text, desc_col) or text)
                elif stacked or len(items) == before:
                    # a description over its figures, where the first item's stands there (a
                    # receipt's narrow column: "Burro 250 g" / "16  4,43  70,88 A"), in lines;
                    # its numbers are text ("Acqua frizzante 24 x 0,33 l")
                    text = text or " ".join(doc.lines[i].text.split())
                    above = orphan[1] if orphan is not None and orphan[0] == i - 1 else None
                    orphan = (i, text if above is None else wrapped(above, text))
            i += 1
        if len(items) > before:
            covered.update(range(first, last_used + 1))
    return items, covered
