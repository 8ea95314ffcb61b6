"""The supplier's name: the party that is named most like a seller.

No template knows the layout, so every short text cell near the top or bottom of the pages is a
candidate and signals add up: a legal form (GmbH, B.V., SAS), a seller label above it, the name
recurring in the footer, the name matching a web or mail domain. Cells in the buyer's address
block (under "Bill to", "Rechnungsempfänger", ...) are left out.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import takewhile

from bot.extract import labels
from bot.extract.dates import find_dates, fold
from bot.extract.doc import Cell, Doc
from bot.extract.lines import hyphenated
from bot.extract.numbers import find_amounts

_TITLE = re.compile(
    r"\b(?:tax\s+)?(?:invoices?|rechnung(?:en)?|factures?|factuur|factura|fattura|fatura|faktura|credit\s*note"
    r"|gutschrift|avoir|creditnota|receipt|bills?|quittung|beleg|kopie|copy|copie|original|page"
    r"|seite)\b\.?",
    re.I,
)
_SPLIT = re.compile(r"\s+(?:[-–|•●·]|\u25cf)\s+|,\s+(?=\d)")
_ADDRESS = re.compile(
    r"\d{4,}|\b\d+\s*[a-z]?\s*$|^\d|str\.|strasse|straße|street|\bst\b|road|\brd\b|avenue|\bave\b"
    r"|rue|weg\b|laan|plein|straat|gracht|calle|avenida|paseo|rua\s|via\s|piazza|corso|postfach"
    r"|p\.?o\.? box|@|www\."
    r"|https?:|tel\b|fax\b|phone|iban|bic\b|swift|\+\d",
    re.I,
)
_FIELD_WORDS = re.compile(
    labels.by_first_letter(
        "|".join(
            labels.INVOICE_NUMBER[:-2]
            + labels.INVOICE_DATE[:-1]
            + labels.DUE_DATE
            + labels.TOTAL_INCL[:-2]
            + labels.TOTAL_EXCL[:-1]
            + labels.PO_REFERENCE
        )
    )
    + r"|\b(?:"
    + labels.by_first_letter(
        r"date|datum|fecha|data|paid|bezahlt|betaald|pagado|vat|ust|mwst|tva|btw|iva|dph"
        r"|impostos?|page|seite|total|totaal|totale|summe|gesamt|celkem|importe|montant|bedrag"
        r"|betrag|amount|description|qty|price|subtotal|netto|brutto"
        r"|customer|kunde|client|klant|order|bestell|dear|sehr|geehrte|madame|monsieur|geachte"
    )
    + r")\b"
)
_HOLDER = re.compile(
    r"\b(?:account\s+holder|kontoinhaber|titulaire\s+du\s+compte|rekeninghouder|ten\s+name\s+van"
    r"|titular(?:\s+de\s+la\s+cuenta)?|intestat(?:ario|o\s+a)|beneficiary|payee)\b\s*:?"
)
_NAME_LABEL = re.compile(
    r"(?:name|firma|firmenname|company(?:\s+name)?|nom|raison\s+sociale|naam|bedrijfsnaam"
    r"|nombre|razon\s+social|ragione\s+sociale|denominazione)\s*:\s*"
)
_SPACES = re.compile(r"\s+")
#: a party on one line ("ACME Ltd, 12 High Street, Leeds"): its address from the first part with
#: a digit
_ADDRESS_PART = re.compile(r",\s+(?=[^,]*\d)")
_DIGIT = re.compile(r"\d")
#: what may follow a seller word up to its colon: "Lieferant/Leistender:", "Leverancier (verkoper):"
_LABEL_END = re.compile(r"(?:[ /(][\w ()]{0,20})? ?:|  |$")  # ("Lieferant" alone: over its block)
_ALONE = re.compile(r" ?:| *$")  # ("Von:", or "Von" ending its line)
_SHORT_HEADING = re.compile(r"[^\W\d_]{1,5}:?")
_SEPARATOR = re.compile(r"[-–|•●·\u25cf/]")
_STREET = re.compile(
    r"^\d+[a-z]?,?\s+\w|\w\s+\d+[a-z]?(?:\s*[-/]\s*\d+)?$|str\.|strasse|straße|street|road|lane"
    r"|avenue|rue\b|weg\b|laan\b|straat|plein|gracht|kade\b|calle|via\s|p\.?o\.?\s*box|postfach",
    re.I,
)
_TWO_LETTERS = re.compile(r"[^\W\d_]{2,}")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
#: the words before a seller word that ends a section heading: "Informationen zum", "Details of"
_HEADING = re.compile(r"(?:[^\W\d_]+ ){1,3}")
_RETURN_ADDRESS = re.compile(r"\s[•·|]\s.*\s[•·|]\s.*\d")
_DOMAIN = re.compile(r"(?:@|www\.|https?://)([a-z0-9\-]+(?:\.[a-z0-9\-]+)*)", re.I)


def _clean(text: str) -> str:
    """The name in a cell: a title word ("... Invoice") and what follows a legal form go."""
    if _TITLE.search(text) and len(text.split()) > 1:
        rest = [w for w in _TITLE.sub(" ", text).split() if any(ch.isalnum() for ch in w)]
        # "PAYMENT RECEIPT", "Retail Invoices/Bill" are titles, not companies "PAYMENT", "Retail"
        text = " ".join(rest) if len(rest) >= 2 or labels.LEGAL_FORMS.search(text) else ""
    text = _SPACES.sub(" ", text).strip(" :,;-–|/")
    m = labels.LEGAL_FORMS.search(text)
    if m and len(text) > m.end() + 1:
        text = text[: _legal_form_end(text, m.end())]
    return text


def _legal_form_end(text: str, end: int) -> int:
    """Where a run of legal forms ends: "Co. Ltd", "GmbH & Co. KG" are one."""
    while True:
        start = end
        while start < len(text) and text[start] in " ,&":
            start += 1
        more = labels.LEGAL_FORMS.match(text, start)
        if start == end or more is None:
            return end
        end = more.end()


#: spaces between two columns of a page (a gap inside one column is shorter)
_COLUMN_GAP = 8


def _candidate_cells(doc: Doc, skip: set[int]) -> list[tuple[int, int, str, float]]:
    """(line, column, text, bonus) of short text cells that could be a name.

    The bonus marks the first part of a sender line ("ACME GmbH - Street 1 - 12345 Town") and
    the value of an account-holder label: both name the seller on most letters.
    """
    out = []
    labelled = {*doc.lines_for(_HOLDER), *doc.lines_for(labels.SELLER_HEADING)}  # (others: none)
    for i, line in enumerate(doc.lines):
        cut = None if i in skip else _before_figures(doc, line.cells, line.text)
        if cut is None:
            continue  # names do not share their column with a date or an amount (a seller
            # label's may share the line: "Provider        Date: 11 Mar 2026")
        text, folded = line.text[:cut], (line.folded[:cut] if i in labelled else "")
        for label, bonus in ((_HOLDER.search(folded), 2.0), (_seller_label(folded), 9.0)):
            if label and not _among_field_headings(line.cells, folded, label):  # "Sold by: ACME"
                party = text[label.end() :].strip(" :").split("  ")[0]
                if labels.CUSTOMER.fullmatch(fold(party)):
                    party = ""  # the buyer's heading beside it: "Provider        Purchaser"
                at = label.end()
                col = next((c.start for c in line.cells if c.start < label.start() <= c.end), -9)
                row = i
                if not party.strip() and (found := _under(doc, i, col)) is not None:
                    row, (at, _, party) = found  # a heading over its block: "Provider"
                out.append((row, at, _clean(_ADDRESS_PART.split(party)[0]), bonus))
        if cut < len(line.text):
            continue  # names unlabelled: not on a line with a date or an amount
        for cell in line.cells:  # "Name: ACME GmbH" in a party block of label-value lines
            if m := _NAME_LABEL.match(fold(cell.text)):
                out.append((i, cell.start, _clean(cell.text[m.end() :].strip()), 1.0))
        for cell in _joined_cells(line.cells):
            if _under_a_street(doc, i, cell):
                continue  # "88 Mill Lane" / "Edinburgh": the town line of an address block
            if whole := _wrapped_name(doc, i, cell):
                out.append(whole)  # the name with the end it wraps, in place of the end
                continue
            parts = _SPLIT.split(cell.text)
            address = len(parts) >= 2 and any(_DIGIT.search(p) for p in parts[1:])
            sender = 2.0 if address and len(parts) >= 3 else 0.0
            # "Victoria Road · Manchester · M4 6DE": after an address part, the town is no name
            for part in parts[:1] if address else parts:
                if _plausible(name := part.strip()):
                    out.append((i, cell.start + max(0, cell.text.find(part)), _clean(name), sender))
    return [c for c in out if _plausible(c[2], c[3] >= 9)]  # the names as cleaned


def _among_field_headings(cells: list[Cell], folded: str, label: re.Match[str]) -> bool:
    """The label heads a column of a row of field headings ("Verkäufer  Auftrag  Fällig am",
    "Salesperson  Job  Due date"): a salesperson's column, the value under it no company."""
    rest = [fold(c.text) for c in cells if c.start >= label.end()]
    return (
        folded[label.end() : label.end() + 1] != ":"
        and len(cells) >= 3
        and any(_FIELD_WORDS.search(text) for text in rest)
    )


def _before_figures(doc: Doc, cells: list[Cell], line_text: str) -> int | None:
    """Where a line's text ends before its first cell with a date or an amount: the whole line
    without one, the columns left of a column gap before it ("Provider        Date: 11 Mar"),
    None when a figure shares the name's column."""
    for n, cell in enumerate(cells):
        money = any(a.money_like for a in find_amounts(cell.text, doc.decimal))
        if money or find_dates(cell.text):
            return cell.start if n and cell.start - cells[n - 1].end >= _COLUMN_GAP else None
    return len(line_text)


def _under(doc: Doc, i: int, column: int) -> tuple[int, Cell] | None:
    """The first cell starting in ``column`` under line ``i`` (the same page, a few lines), and
    its line; for a name label there ("Firmenname:"), the label's value."""
    for j in doc.under(i, 4):
        cells = doc.lines[j].cells
        for n, cell in enumerate(cells):
            if abs(cell.start - column) > 2:
                continue
            if cell.text.startswith("("):
                return None  # "(not for payment)"
            label = _NAME_LABEL.match(fold(cell.text))
            if label is None:  # another label ("USt-ID:", "Abweichender Han-") names no one
                if cell.text.endswith((":", "-")) or _label_goes_on(doc, j, cell):
                    return None
                return j, cell
            if label.end() < len(cell.text):
                return j, Cell(cell.start + label.end(), cell.end, cell.text[label.end() :])
            return (j, cells[n + 1]) if n + 1 < len(cells) else None
    return None


def _label_goes_on(doc: Doc, i: int, cell: Cell) -> bool:
    """The cell is a label's first line: its next row ends it with a colon in the same column
    ("Abweichender" / "Handelsname:")."""
    if not doc.touching(i, i + 1):
        return False
    return any(
        abs(c.start - cell.start) <= 2 and c.text.endswith(":") for c in doc.lines[i + 1].cells
    )


def _joined_cells(cells: list[Cell]) -> list[Cell]:
    """Cells with separator-only cells between them ("Street 1  ·  Town  ·  12345") as one, and
    runs of single words set apart by equal gaps (justified or spaced-out text: "Fresh   Greens
    BV", however far the next column is).

    Sender lines are set with wide gaps around their dots; read as one text they split into
    name, street and town again, and the town is known for what it is.
    """
    if any(_SEPARATOR.fullmatch(c.text) for c in cells):
        text = " - ".join(c.text for c in cells if not _SEPARATOR.fullmatch(c.text))
        return [Cell(cells[0].start, cells[-1].end, text)]
    runs: list[list[Cell]] = []
    for cell in cells:
        run = runs[-1] if runs else []
        gap = cell.start - run[-1].end if run else 0
        even = len(run) < 2 or abs(gap - (run[-1].start - run[-2].end)) <= 1
        if run and " " not in cell.text + run[-1].text and even and gap <= 8:
            run.append(cell)
        else:
            runs.append([cell])
    return [Cell(r[0].start, r[-1].end, " ".join(c.text for c in r)) for r in runs]


def _wrapped_name(doc: Doc, i: int, cell: Cell) -> tuple[int, int, str, float] | None:
    """The candidate of a large-type name whose end is the cell, on one of the rows above
    ("Suministros Hosteleros" / "López S.L."): the end is no name of its own."""
    if not labels.LEGAL_FORMS.search(cell.text) or len(cell.text.split()) > 3:
        return None
    for k in range(max(0, i - 2), i):
        if doc.lines[k].page == doc.lines[i].page:
            for c in _joined_cells(doc.lines[k].cells):  # (a name's words may stand apart)
                if _in_same_type(doc, (k, c), [i]) == cell:
                    broken = hyphenated(c.text, cell.text)  # ("Ver-" / "meer V.O.F.")
                    whole = c.text[:-1] + cell.text if broken else f"{c.text} {cell.text}"
                    return k, c.start, _clean(whole), 0.0
    return None


def _under_a_street(doc: Doc, i: int, cell: Cell) -> bool:
    """A short cell right under a street line in the same column (no legal form in it)."""
    if i == 0 or len(cell.text.split()) > 2 or labels.LEGAL_FORMS.search(cell.text):
        return False
    above = doc.lines[i - 1]
    return above.page == doc.lines[i].page and any(
        abs(c.start - cell.start) <= 2 and _STREET.search(c.text) for c in above.cells
    )


@lru_cache(maxsize=4096)  # asked again of most names once cleaned, and of a sender's next invoices
def _plausible(text: str, seller: bool = False) -> bool:
    """Could ``text`` be a party's name? One a seller label names may hold a field's word
    ("Limpeza Total Ltda.")."""
    if not 2 <= len(text) <= 60 or ":" in text or not _TWO_LETTERS.search(text):
        return False  # (a colon: a label, not a name)
    if sum(map(str.isdigit, text)) > len(text) / 4 or find_dates(text):
        return False
    if _ADDRESS.search(text) and not labels.LEGAL_FORMS.search(text):
        return False
    folded = fold(text)
    if (_FIELD_WORDS.search(folded) and not seller) or labels.CUSTOMER.search(folded):
        return False
    if _TITLE.fullmatch(text.strip()) or labels.SUPPLIER.fullmatch(folded.strip(" :")):
        return False
    if text.endswith((".", "!")) and not labels.LEGAL_FORMS.search(text):
        return False  # a sentence, not a name
    if not _TWO_LETTERS.search(labels.LEGAL_FORMS.sub(" ", text)):
        return False  # "Sarl", "& Co. KG" alone is no name
    return len(text.split()) <= 8


def buyer_zone(doc: Doc) -> set[tuple[int, int]]:
    """(line, column bucket) positions that belong to the buyer's address block (asked through
    ``doc.derived``: the supplier's name and VAT id both leave it out)."""
    zone: set[tuple[int, int]] = set()
    for i in doc.lines_for(labels.CUSTOMER):
        for m in labels.CUSTOMER.finditer(doc.lines[i].folded):
            if m.group(0) in {"your", "ihre", "ihr", "uw", "votre", "su", "vostro", "vostra"}:
                continue
            below = doc.under(i, 6)  # up to the seller's block under the buyer's
            rows = [i, *takewhile(lambda j: not _seller_label(doc.lines[j].folded), below)]
            zone |= _block(doc, i, m.start(), rows)
    # the addressee of a letter is its buyer, but for a self-billed invoice's (its seller)
    return zone if doc.derived(is_self_billed) else zone | doc.derived(addressee)


def seller_zone(doc: Doc) -> set[tuple[int, int]]:
    """(line, column bucket) positions of a block under or beside a seller's label ("Lieferant:",
    "Leverancier" over a name, an address and a VAT id)."""
    zone: set[tuple[int, int]] = set()
    for i in doc.lines_for(labels.SELLER_HEADING):
        if (m := _seller_label(doc.lines[i].folded)) is None:
            continue
        at = next((c.start for c in doc.lines[i].cells if c.start <= m.start() <= c.end), -99)
        rows = (j for j in (i, *doc.under(i, 4)) if doc.touching(i, j) or j == i)
        zone |= _block(doc, i, at, rows)
    return zone


def _block(doc: Doc, i: int, at: int, rows: Iterable[int]) -> set[tuple[int, int]]:
    """(line, column bucket) positions of a party's block labelled on line ``i`` at column
    ``at``: the cells on ``rows`` that start about there, and beside the label on its own line
    ("Bill to: Name")."""
    return {
        (j, cell.start // 4)
        for j in rows
        for cell in doc.lines[j].cells
        if abs(cell.start - at) <= 6 or (j == i and 0 <= cell.start - at < 40)
    }


def addressee(doc: Doc) -> set[tuple[int, int]]:
    """(line, column bucket) positions of a letter's addressee block: under its return address
    ("ACME GmbH • Hauptstr. 1 • 12345 Köln"), a row of its own in the page's top half, over the
    window, the rows in its column."""
    zone: set[tuple[int, int]] = set()
    for i, line in enumerate(doc.lines[:-1]):
        if len(line.cells) > 1 or not _RETURN_ADDRESS.search(line.text):
            continue
        if not doc.touching(i - 1, i) and line.row < doc.pages[line.page - 1].count("\n") / 2:
            start = line.cells[0].start
            # (a row alone under it is the return address's own end, wrapped: the block after)
            first = i + 1 if doc.touching(i + 1, i + 2) else i + 2
            for j in (j for j in range(i + 1, first + 6) if doc.touching(first, j) or j == i + 1):
                zone.update((j, c.start // 4) for c in doc.lines[j].cells if c.start <= start + 6)
    return zone


def is_self_billed(doc: Doc) -> bool:
    """The first page says the invoice is self-billed ("Gutschrift (Selbst ausgestellte
    Rechnung)", "autofacturation"): its buyer wrote it, on its own letterhead, to the seller."""
    lines = doc.lines
    return any(
        lines[i].page == 1 and labels.SELF_BILLED.search(lines[i].folded)
        for i in doc.lines_for(labels.SELF_BILLED)
    )


def _seller_label(folded: str) -> re.Match[str] | None:
    """A seller label that labels something: it starts a cell and a colon or a gap follows it
    ("Fournisseur : ACME", "Sold by ACME"), unlike a tagline ("Fournisseur des professionnels")."""
    m = labels.SELLER_HEADING.search(folded)
    if m is None:
        return None
    before = folded[: m.start()]
    if len(m[0]) <= 3:  # a short "from" ("Von", "De", "Od"): a heading on a row of headings
        at_start = not before.strip(" ") or before.endswith("  ")  # ("An  Von", "Para  De")
        headings = all(_SHORT_HEADING.fullmatch(w) for w in folded.split())
        return _ALONE.match(folded, m.end()) if at_start and headings else None
    if before.strip(" ") and not before.endswith("  "):
        # a section heading ending in the seller word ("Informationen zum Verkäufer") heads the
        # seller's block like a bare "Verkäufer" would
        ends = folded[m.end() : m.end() + 2] in ("", "  ")
        return m if ends and _HEADING.fullmatch(before.rpartition("  ")[2]) else None
    if m.group(0).endswith("by"):
        return m
    return _LABEL_END.match(folded, m.end())


def supplier_name(
    doc: Doc, table_lines: set[int], vat: tuple[int, int] | None = None
) -> tuple[str | None, float]:
    """The best-scoring name outside the item tables, with a confidence from its margin.

    A name scores by what it is (legal form, recurrence, matching a web domain, named by a seller
    label) plus the best of its places (top of page 1, footer, beside the seller's VAT id; minus
    inside the buyer's block).
    """
    cells = _candidate_cells(doc, table_lines)
    if not cells:
        return None, 0.0
    buyer, window = doc.derived(buyer_zone), doc.derived(addressee)
    domains = {_registered(m.group(1).lower()) for m in _DOMAIN.finditer(doc.text)}
    domains = {_NOT_ALNUM.sub("", d) for d in domains} - {"gmail", "example", "localhost"}
    folded_text = fold(doc.text)
    place: dict[str, float] = {}
    addressed: set[str] = set()
    bonus_sum: dict[str, float] = defaultdict(float)
    firsts: dict[str, int] = {}
    page_ends = {line.page: i for i, line in enumerate(doc.lines)}
    half = max(len(line.text) for line in doc.lines) / 2
    for i, col, name, bonus in cells:
        firsts.setdefault(name, i)
        bonus_sum[name] += bonus
        line = doc.lines[i]
        s = 0.0
        if (i, col // 4) in buyer:
            s -= 6
        if (i, col // 4) in window:
            addressed.add(name)
        if line.page == 1 and i < 6:
            s += 2.5 - 0.3 * i
        if i > page_ends[line.page] - 8:
            s += 1
        # just above the seller's VAT id, in its half of the page (a block beside it is another)
        if vat is not None and 0 <= vat[0] - i <= 3 and abs(vat[1] - col) < half:
            s += 1.5
        place[name] = max(place.get(name, s), s)
    scores: dict[str, float] = {}
    for name in place:
        # a party the page names as the seller is the seller, whoever's letterhead it is on
        # (a self-billed invoice is printed by its buyer)
        s = place[name] + min(bonus_sum[name], 3) + (6 if bonus_sum[name] >= 9 else 0)
        if labels.LEGAL_FORMS.search(name):
            s += 3
        s += min(_own_count(name, place, folded_text) - 1, 3)
        s += _domain_bonus(name, domains)
        scores[name] = s
    ranked = sorted(scores, key=lambda k: (-scores[k], firsts[k]))
    if doc.derived(is_self_billed) and bonus_sum[issuer := ranked[0]] < 9:
        # written by its buyer, whose name scores as a letterhead's, to its seller: the name
        # in the address block, unless the page names the seller as such
        ranked.sort(key=lambda k: k not in addressed or k == issuer)
    margin = scores[ranked[0]] - (scores[ranked[1]] if len(ranked) > 1 else 0)
    at = firsts[ranked[0]]
    name = _with_next_line(doc, _with_first_line(doc, ranked[0], at, table_lines), at)
    name = _registered_name(doc, name)
    if name.isupper():  # set in (small) capitals: as the page writes it elsewhere, if it does
        spelled = _spelled(name, re.IGNORECASE)
        found = (
            m[0] for line in doc.lines if (m := spelled.search(line.text)) and not m[0].isupper()
        )
        name = " ".join(next(found, name).split())
    return name, max(0.3, min(0.9, 0.5 + margin / 10))


def _registered(domain: str) -> str:
    """The name part of a host: "www.acme.co.uk" is "acme", not "co"."""
    parts = [p for p in domain.split(".") if p]
    if len(parts) > 1:
        parts = parts[:-1]  # the top-level domain
    if len(parts) > 1 and parts[-1] in _SECOND_LEVEL:
        parts = parts[:-1]
    return parts[-1] if parts else ""


_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "ltd", "plc", "gv", "or", "ne"}


def _domain_bonus(name: str, domains: set[str]) -> float:
    """Points for a name that spells the mail or web domain: in full, or by its first word.

    "edinburghcatering" is "Edinburgh Catering Equipment Hire" more than "Edinburgh": the share
    of the domain the name covers decides.
    """
    joined = _NOT_ALNUM.sub("", fold(name))
    word = _NOT_ALNUM.sub("", fold(name.split()[0]))
    words = {_NOT_ALNUM.sub("", w) for w in fold(name).split() if len(w) >= 4}
    best = 0.0
    for d in domains:
        if not d:
            continue
        common = len(os.path.commonprefix([d, joined]))
        if d == joined or common >= 0.8 * len(d):
            best = max(best, 3.0)
        elif len(word) >= 3 and d.startswith(word):
            best = max(best, 3.0 if common == len(joined) and len(joined) >= 0.6 * len(d) else 1.5)
        elif d in words:  # a later word: "Suministros Hosteleros López S.L." at lopez.es
            best = max(best, 1.5)
    return best


def _own_count(name: str, names: dict[str, float], text: str) -> int:
    """How often ``name`` recurs by itself, not as part of a longer candidate ("Edinburgh" in
    "Edinburgh Catering Equipment Hire"): a town recurs in every address."""
    key = fold(name)
    count = text.count(key)
    for other in names:
        longer = fold(other)
        if longer != key and key in longer:
            count -= text.count(longer) * longer.count(key)
    return max(count, 1)


def _registered_name(doc: Doc, name: str) -> str:
    """The name with the legal form the page prints after it elsewhere: "Frischdienst Becker" in
    the letterhead is "Frischdienst Becker KG" in the footer or the sender line, the name in the
    register and on an e-invoice (EN 16931's seller name; the letterhead's is a trade name)."""
    if labels.LEGAL_FORMS.search(name):
        return name
    spelled = re.compile(_spelled(name).pattern + " ")
    for line in doc.lines:
        for m in spelled.finditer(line.text):
            if form := labels.LEGAL_FORMS.match(line.text, m.end()):
                return f"{name} {form[0]}"
    return name


def _spelled(name: str, flags: int = 0) -> re.Pattern[str]:
    """The name's words however far apart they are printed (letter-spaced or justified type)."""
    return re.compile(r"\s+".join(map(re.escape, name.split())), flags)


def _with_next_line(doc: Doc, name: str, i: int) -> str:
    """A name wrapped in its box: the next row goes on in the name's column and completes the
    name's legal form ("Franke UG" / "(haftungsbeschränkt)"), or, under a label's value, ends
    with one."""
    line = doc.lines[i]
    # the name's span on its line (its words may stand apart: letter-spaced large type)
    if not name or (at := _spelled(name).search(line.text)) is None:
        return name
    cell = Cell(at.start(), at.end(), at.group())

    def with_form(form: Cell) -> str:
        """A letterhead's name in large type and its form wrapped (at a hyphen: "Ver-" / "meer")."""
        broken = hyphenated(line.text[: at.end() + 1], form.text)
        return f"{name}{'' if broken else ' '}{form.text}"

    # the next row on paper (large type may leave a blank row)
    if form := _in_same_type(doc, (i, cell), doc.under(i, 2)):
        return with_form(form)
    j = i + 1  # the next row in the name's column: a smaller line right of both is passed over
    if doc.touching(i, j + 1) and all(c.start > cell.end for c in doc.lines[j].cells):
        j += 1
    if not doc.touching(i, j):
        return name
    below = doc.lines[j]
    # (aligned left, or right on paper: a block set flush right wraps its name's form flush right)
    right = (i, cell.start, cell.end)
    more = next(
        (c for c in below.cells if abs(c.start - cell.start) <= 1 or _lined_up(doc, right, (j, c))),
        None,
    )
    if more is None or len(more.text.split()) > 3:
        return name
    joined = fold(f"{name} {more.text}")
    forms = [m.span() for m in labels.LEGAL_FORMS.finditer(joined)]
    if not forms:
        return name
    start, end = forms[-1]  # the form ends the next row, begun in the name or opening the row
    # a label's value ("Firmenname:  M. Meier" / "Handwerk GbR") wraps whole in its column
    label = next((c for c in reversed(line.cells) if c.end < cell.start), None)
    labelled = label is not None and label.text.endswith(":")
    if label is not None and labelled:
        labelled = not any(label.start - 2 <= c.start < cell.start - 2 for c in below.cells)
    # a word hyphenated at the name's end goes on in the next row ("Schoonmaakbedrijf Ver-" /
    # "meer V.O.F."), as in a description
    broken = hyphenated(line.text[: at.end() + 1], more.text)
    begun = start <= len(name) + 1 or labelled or broken
    if not (begun and len(name) < end == len(joined)):
        return name
    return f"{name}{more.text}" if broken else f"{name} {more.text}"


def _in_same_type(doc: Doc, name: tuple[int, Cell], rows: Iterable[int]) -> Cell | None:
    """The end of a name on one of ``rows`` (a legal form, after two words at most), under a
    name set in large type and in the same type, its next row, within its width on paper (left,
    centred or right): "Kessler Frischdienst" / "GmbH", "Bianchi Forniture" / "Alberghiere
    S.r.l."."""
    i, cell = name
    at = doc.box(i, cell.start, cell.end)
    if at is None or not _large(doc, at[0], at[1]):
        return None
    x0, y0, x1, y1 = at[1]
    for j, other in ((row, c) for row in rows for c in doc.lines[row].cells):
        box = doc.box(j, other.start, other.end)
        forms = list(labels.LEGAL_FORMS.finditer(other.text))
        if (
            box is None
            or not forms
            or forms[-1].end() < len(other.text)
            or len(other.text.split()) > 3
        ):
            continue
        a0, b0, a1, b1 = box[1]
        under = 0 <= b0 - y1 <= y1 - y0  # the next row of the name's type, on paper
        # (or wider, from the same left edge: a name set on two lines by design, "de Vries" /
        # "Horecagroothandel B.V.")
        if (
            x0 - 1 <= a0
            and (a1 <= x1 + 1 or a0 <= x0 + 1)
            and abs((b1 - b0) - (y1 - y0)) <= 0.1 * (y1 - y0)
            and under
        ):
            return other
    return None


def _large(doc: Doc, page: int, box: tuple[float, float, float, float]) -> bool:
    """Type a quarter taller than most of the page's text (a letterhead: a word processor sets
    13 points over 9)."""
    median = doc.derived(_type_heights)[page - 1]
    return median is not None and box[3] - box[1] >= 1.25 * median


def _type_heights(doc: Doc) -> list[float | None]:
    """Each page's median height of type (None without boxes), worked out once per document:
    every cell that could wrap a name asks."""
    out: list[float | None] = []
    for page in doc.layout:
        heights = sorted(s.box[3] - s.box[1] for row in page.spans for s in row)
        out.append(heights[len(heights) // 2] if heights else None)
    return out


def _with_first_line(doc: Doc, name: str, i: int, table_lines: set[int]) -> str:
    """A letterhead name set on two lines ("MVM Musterhafter" / "Versicherungsverein a.G."),
    the top of its column, aligned left or right; in large type a row of smaller text beside it
    may come between."""
    if not 0 < i < 4 or not labels.LEGAL_FORMS.search(name):
        return name
    line = doc.lines[i]
    start = next((c.start for c in line.cells if name.split()[0] in c.text), None)
    if start is None:
        return name
    end = start + len(name)
    for j in range(i - 1, -1, -1):
        above = doc.lines[j]
        if above.page != line.page or j in table_lines:
            return name
        cell = next((c for c in above.cells if c.start < end and c.end > start), None)
        if cell is None:
            continue
        cells = (c for k in range(j) for c in doc.lines[k].cells)
        first = not any(c.start < end and c.end > start for c in cells)
        heading = labels.SELLER_HEADING.fullmatch(fold(cell.text).rstrip(": "))  # "Od", "From"
        aligned = abs(cell.start - start) <= 2 or _lined_up(doc, (i, start, end), (j, cell))
        if (
            first
            and aligned
            and _plausible(cell.text)
            and not heading
            and not _monogram(cell.text, name)
        ):
            if not labels.LEGAL_FORMS.search(cell.text) and len(cell.text.split()) <= 5:
                return f"{cell.text} {name}"
        return name
    return name


def _monogram(text: str, name: str) -> bool:
    """A logo's letters over the name they abbreviate ("HF" over "Henderson Foodservice LLC")."""
    letters = text.replace(" ", "")
    initials = "".join(word[0] for word in name.split()).upper()
    return letters.isupper() and len(letters) <= 4 and initials.startswith(letters)


def _lined_up(doc: Doc, at: tuple[int, int, int], other: tuple[int, Cell]) -> bool:
    """Characters ``start..end`` of line ``i`` end where the cell of line ``j`` ends, on paper
    (a column's grid of average character widths puts right-aligned ends columns apart), or
    both are centred on one axis."""
    (i, start, end), (j, cell) = at, other
    a, b = doc.box(i, start, end), doc.box(j, cell.start, cell.end)
    if a is None or b is None:
        return abs(cell.end - end) <= 2
    tolerance = 0.3 * (a[1][3] - a[1][1])
    # or centred under it (a letterhead set centred: "Brooks Beverage Distributors" / "Inc.")
    centred = abs(a[1][0] + a[1][2] - b[1][0] - b[1][2]) <= 2 * tolerance and b[1][0] > a[1][0]
    return abs(a[1][2] - b[1][2]) <= tolerance or centred
