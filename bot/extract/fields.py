"""Readers for the single-value fields: number, dates, currency, PO references, type, VAT id.

Each returns the value and a confidence in 0..1 that reflects how it was found (a specific label
right beside the value is surer than a generic one or a fallback).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from bot.extract import labels
from bot.extract.dates import find_dates, fold
from bot.extract.doc import Doc, Hit
from bot.extract.lines import another_heading
from bot.extract.parties import buyer_zone, seller_zone
from bot.extract.vat import SUFFIXES, find_vat_ids

_NUMBER_PATTERNS = labels.compile_all(labels.INVOICE_NUMBER)
_DATE_PATTERNS = labels.compile_all(labels.INVOICE_DATE)
_DUE_PATTERNS = labels.compile_all(labels.DUE_DATE)
_PO_PATTERNS = labels.compile_all(labels.PO_REFERENCE)
_BUYER = len(labels.PO_REFERENCE) - 1
_TYPE_CODE = labels.compile_all(labels.TYPE_CODE)
_CODE = re.compile(r"(\d{3})\b")
#: UNTDID 1001 codes of credit notes (a credit note, a factored credit note)
_CREDIT_CODES = {"381", "396"}
_OTHER_DATE = re.compile(
    r"(?:order|delivery|ship(?:ping)?|service|leistungs|liefer|lieferschein|bestell|auftrag"
    r"|commande|livraison|levering|lever|bestel|pedido|entrega|ordine|consegna|check\s*-?\s*(?:in|out)"
    r"|vertrags|booking|print|due|fallig|echeance|verval|vencimiento|scadenza|payment|zahlungs"
    r"|paiement|betaal|pago|pagamento|valuta|period)\s*-?\s*$"
)
_OF_OTHER = re.compile(
    r" (?:(?:of|de|du|di) )?(?:supply|delivery|service|order|livraison|commande|consegna|entrega"
    r"|ordine|pedido)"
)
#: Words before a number label that make it another document's number ("zu Rechnung Nr.").
_REFERENCE = re.compile(
    r"(?:\b(?:zu|zur|bezug(?:lich)?|betreft|concernant|relative?\s+a|related\s+to|against|for|re"
    r"|original|correction\s+(?:of|to)|correctie\s+(?:op|van)|storno(?:\s+(?:zu|der|della|di|of))?"
    r"|annule(?:\s+et\s+remplace)?|anula|rectifica|rettifica(?:\s+della)?|sur|op|van)"
    r"\s*:?\s*(?:(?:de\s+)?la\s+|the\s+|der\s+|de\s+|die\s+|our\s+|unsere[rn]?\s+)?"
    r"|ursprungs|ursprung|referenz)$"
)
#: Label ranks that name a credit note's own number (see ``labels.INVOICE_NUMBER``).
_CREDIT_RANKS = {
    rank
    for rank, pattern in enumerate(labels.INVOICE_NUMBER)
    if "avoir" in pattern and not pattern.startswith("^")
}
_NOT_A_TITLE = re.compile(
    r"[ \-]?(?:to|address|adress|adresse|adres|period|periode|zeitraum|date|datum|recipient"
    r"|empfanger|amount|total|betrag|summe|montant|bedrag|importe|importo|data|fecha)\b"
)
_VAT_LABEL = re.compile(
    r"\b(?:vat|ust|mwst|tva|btw|iva|gst|umsatzsteuer|steuer-?id|uid-?nr\.?\s*mwst|nif|cif"
    r"|ondernemingsn(?:umme)?r)"  # (Spain's tax id, Belgium's enterprise number: the VAT id's)
)
_REGISTER_LABEL = re.compile(
    r"\b(?:handelsregister|uid|hrb|hra|company\s+(?:no|reg)|kvk|siret|siren|rcs|registered)"
)
_LIST_SEPARATOR = re.compile(r"\s*[,;&+]\s*|\s+/\s+|\s+(?:and|und|et|en|y|e)\s+")
# a number series' letters may stand apart: "FT 8685/2025", "NC 3689/2026"
_TOKEN = re.compile(r"(?:[A-Z]{1,4} (?=\d))?[A-Za-z0-9][A-Za-z0-9/\-_.]*[A-Za-z0-9]|[0-9]")
_CURRENCY_CODES = (
    "EUR USD GBP CHF SEK NOK DKK PLN CZK HUF RON BGN JPY CAD AUD NZD INR CNY HKD SGD ZAR TRY BRL"
).split()
# the look-behind comes after each code's first letter: in front, re would try every position
_CODES = re.compile("|".join(rf"{c[0]}(?<![A-Za-z].){c[1:]}(?![A-Za-z])" for c in _CURRENCY_CODES))
#: symbol=code; "$" last: the dollars of the other symbols are not counted for it
_SYMBOLS = dict(
    p.split("=")
    for p in "US$=USD A$=AUD C$=CAD CA$=CAD R$=BRL €=EUR £=GBP ¥=JPY ₹=INR Kč=CZK zł=PLN"
    " $=USD".split()
)
# (pattern, code, a string every match has in the lower-cased text: a cheap test first).
# The gates avoid "i" and "s", which ignore-case also matches to "ı" and "ſ".
_CURRENCY_WORDS = [
    (re.compile(r"\beuros?\b", re.I), "EUR", "euro"),
    (re.compile(r"\bus\s+dollars?\b", re.I), "USD", "dollar"),
    (re.compile(r"\bpounds?\s+sterling\b", re.I), "GBP", "terl"),
    (re.compile(r"\b(?:SFr|Fr)\.\s?(?=\d)"), "CHF", "fr."),
    (re.compile(r"\bRs\.?\s?(?=\d)"), "INR", "rs"),
]
# "kr" is the crown of the country that the document's ids or IBAN name ("NO 649 886 305 MVA")
_KRONE = re.compile(r"(?<=\d) ?kr\b|\bkr\.? ?(?=\d)")
_KRONE_COUNTRY = re.compile(r"\b(NO|SE|DK|IS) ?\d")
_KRONE_CODES = {"NO": "NOK", "SE": "SEK", "DK": "DKK", "IS": "ISK"}
_DIGIT = re.compile(r"\d")
_TERM_ID = re.compile(r"^\(?B[TG]-\d{1,3}\)?\s*[:#]?\s*")
_AMOUNT_LIKE = re.compile(r"\d{1,3}(?:[.,]\d{2})")


def _token(text: str) -> str | None:
    """The first id-like token of ``text``: has a digit, is not a date or a word, nor the
    EN 16931 business term a rendered e-invoice prints beside its label ("(BT-1)")."""
    m = _TOKEN.match(_TERM_ID.sub("", text.lstrip("#: ")))
    if not m:
        return None
    token = m.group(0).rstrip(".-/")
    if not _DIGIT.search(token) or len(token) > 40:
        return None
    dates = find_dates(token)
    if (dates and dates[0].end - dates[0].start == len(token)) or _AMOUNT_LIKE.fullmatch(token):
        return None  # a date or an amount, not an id
    return token


def _number(text: str) -> str | None:
    """An invoice number: a "#" glued before it is part of it, as printed ("N° de facture:
    #98656", a web shop's "#1001"); one set apart from it is the label's ("Invoice # 123")."""
    token = _token(text)
    return f"#{token}" if token and text.lstrip(": ").startswith(f"#{token}") else token


def _title_token(text: str) -> str | None:
    """After a title ("Factura rectificativa FA-12"): the first id within three words."""
    words = text.split("  ")[0].split()
    return next((v for n in range(min(3, len(words))) if (v := _token(" ".join(words[n:])))), None)


def invoice_number(doc: Doc) -> tuple[str | None, float]:
    """The invoice number nearest its most specific label.

    A number label after a reference word ("zu Rechnung Nr.", "original invoice no.") names
    another document; on a credit note, the credit note's own number label comes first.
    """
    found: list[tuple[int, int, str]] = []
    titles = len(labels.INVOICE_NUMBER) - 2
    credit = _is_credit_note(doc)
    for hit in doc.hits(_NUMBER_PATTERNS):
        if _REFERENCE.search(doc.lines[hit.line].folded[max(0, hit.start - 30) : hit.start]):
            continue
        if hit.rank == titles - 2 and another_heading(doc.lines[hit.line]):
            continue  # "No.  Description  Qty": the items' own numbers
        if hit.rank >= titles - 1:  # a title: the number follows on the same line
            line = doc.lines[hit.line].folded
            if _NOT_A_TITLE.match(line[hit.end :]):
                continue  # "Invoice to", "Rechnungsadresse": not the document's title
            # beside the title, or under it as under a column heading ("Factuur" over its value)
            value = doc.read(hit, _title_token, depth=1)
        else:
            value = doc.read(hit, _number)
        if value is None:
            continue
        found.append((-1 if credit and hit.rank in _CREDIT_RANKS else hit.rank, hit.line, value))
    if not found:
        return None, 0.0
    rank, _, value = min(found, key=lambda f: f[:2])
    return value, 0.95 if rank < titles - 1 else 0.8 if rank < titles else 0.6


def _is_credit_note(doc: Doc, number_line: int | None = None) -> bool:
    """A credit-note title near the top of the first page or by the number, or a credit note's
    type code ("Rechnungsart: 381"), unless the document says it is self-billed ("Gutschrift
    (Selbst ausgestellte Rechnung)", "autofacturation")."""
    top = {i for i, line in enumerate(doc.lines) if (i < 25 and line.page == 1) or i == number_line}
    self_billed, titled = (  # searched only in the lines that hold one of a label's words
        any(p.search(doc.lines[i].folded) for i in top.intersection(doc.lines_for(p)))
        for p in (labels.SELF_BILLED, labels.CREDIT_NOTE)
    )
    coded = any(doc.read(hit, _type_code) in _CREDIT_CODES for hit in doc.hits(_TYPE_CODE))
    return not self_billed and (coded or titled)


def _type_code(text: str) -> str | None:
    return m.group(1) if (m := _CODE.match(text)) else None


def _first_date(doc: Doc, text: str) -> date | None:
    found = find_dates(text[:60], doc.order)
    return found[0].value if found else None


def _date_hits(doc: Doc, generic_from: int, number_line: int | None) -> list[Hit]:
    """Label hits; a generic one ("Datum", "du") only where it starts a cell or sits on the
    invoice-number line, and never right after "order", "delivery" and the like."""
    hits = []
    due = doc.hits(_DUE_PATTERNS)
    for hit in doc.hits(_DATE_PATTERNS):
        if any(d.line == hit.line and d.start < hit.end and hit.start < d.end for d in due):
            continue  # "Fecha de vencimiento" is a due date, not a date
        if hit.rank >= generic_from:
            before = doc.lines[hit.line].folded[: hit.start]
            if _OTHER_DATE.search(before) or _OF_OTHER.match(doc.lines[hit.line].folded, hit.end):
                continue  # "Lieferdatum", "Date of supply": another date
            starts_cell = not before.strip() or before.endswith("  ")
            if not starts_cell and hit.line != number_line:
                continue
            if another_heading(doc.lines[hit.line]):
                continue  # "Date  Description  Hours  Amount": the items' own dates
        hits.append(hit)
    return hits


def invoice_date(
    doc: Doc, number_line: int | None, due: date | None = None
) -> tuple[date | None, float]:
    """The issue date: labelled, else on the invoice-number line, else the first date that is
    not the due date."""
    generic = len(labels.INVOICE_DATE) - 1
    for hit in sorted(_date_hits(doc, generic, number_line), key=lambda h: (h.rank, h.line)):
        value = doc.read(hit, lambda t: _first_date(doc, t))
        if value is not None:
            return value, 0.95 if hit.rank < generic else 0.8
    if number_line is not None:
        found = [f for f in find_dates(doc.lines[number_line].text, doc.order) if f.value != due]
        if found:
            return found[0].value, 0.7
    due_lines = {h.line for h in doc.hits(_DUE_PATTERNS)}
    for i, line in enumerate(doc.lines[:60]):
        if i in due_lines or _OTHER_DATE.search(line.folded.split(":")[0] + " "):
            continue
        found = [f for f in find_dates(line.text, doc.order) if f.value != due]
        if found:
            return found[0].value, 0.5
    return None, 0.0


def due_date(doc: Doc) -> tuple[date | None, float]:
    """The payment due date, when a due-date label names one."""
    hits = sorted(doc.hits(_DUE_PATTERNS), key=lambda h: (h.rank, h.line))
    due = next((d for hit in hits if (d := doc.read(hit, lambda t: _first_date(doc, t)))), None)
    return due, 0.0 if due is None else 0.9


def number_line(doc: Doc, number: str | None) -> int | None:
    """Index of the first line holding the invoice number."""
    found = (i for i, line in enumerate(doc.lines) if number and number in line.text)
    return next(found, None)


def currency(doc: Doc, home: str | None) -> tuple[str | None, float]:
    """ISO code from codes, symbols and words; amounts' neighbours count double; else ``home``,
    the seller's country's (:func:`home_currency`)."""
    text = doc.text
    votes: Counter[str] = Counter()
    for m in _CODES.finditer(text):
        near = text[max(0, m.start() - 3) : m.end() + 3]
        votes[m.group(0)] += 2 if _DIGIT.search(near) else 1
    for symbol, code in _SYMBOLS.items():
        count = text.count(symbol)
        if symbol == "$":
            count -= sum(text.count(s) for s in _SYMBOLS if s.endswith("$") and s != "$")
        if count > 0:
            votes[code] += 2 * count
    lower = text.lower()
    for pattern, code, gate in _CURRENCY_WORDS:
        if gate in lower:
            votes[code] += len(pattern.findall(text))
    if "kr" in text and not any(votes.values()) and (krone := _KRONE.findall(text)):
        country = _KRONE_COUNTRY.search(text)
        if country:
            votes[_KRONE_CODES[country.group(1)]] += len(krone)
    if votes := +votes:
        code, _ = votes.most_common(1)[0]
        return code, 0.95 if len(votes) == 1 else 0.8
    return (home, 0.4) if home else (None, 0.0)


#: currencies of the countries outside the euro area whose VAT ids the parser reads
_HOME = {"GB": "GBP", "XI": "GBP", "CH": "CHF", "CZ": "CZK", "PL": "PLN", "DK": "DKK", "SE": "SEK"}
_HOME |= {"NO": "NOK", "HU": "HUF", "RO": "RON", "BG": "BGN"}


def home_currency(tax_id: str | None, european: bool) -> str | None:
    """The currency of a page that prints none: its seller's country's, by the VAT id's prefix
    (a US EIN: dollars), else the euro where the page is written in a European language."""
    if tax_id and tax_id[:2].isalpha():
        return _HOME.get(tax_id[:2], "EUR")
    if tax_id and _EIN_VALUE.fullmatch(tax_id):
        return "USD"
    return "EUR" if european else None


#: an order label that says whose: the buyer's ("Your order", "Vs. ordine"), a purchase's
_YOURS = re.compile(r"(?:your|ihre?|votre|uw|vs\.?|vostro|su|vase|d?eres|ert)\b")
_PURCHASE = re.compile(r"purchase|p\.?\s?o\b|achat|acquisto|compra|inkoo?p|customer|client|kunde")


def _buyers(label: str) -> bool:
    return bool(_YOURS.match(label) or _PURCHASE.search(label))


def po_references(doc: Doc, number: str | None = None) -> list[str]:
    """Purchase-order numbers named by a PO label; the buyer's own reference ("Your ref.",
    "Ihr Zeichen") only where no order label names one. The invoice's own ``number`` is no
    order's, whatever its label ("Reference: RE-2024-2702" to quote with the payment)."""
    refs: list[str] = []
    hits = sorted(doc.hits(_PO_PATTERNS), key=lambda h: (h.rank == _BUYER, h.line))
    values = [doc.read(hit, _tokens) or [] for hit in hits]
    buyers = [_buyers(doc.lines[h.line].folded[h.start : h.end]) for h in hits]
    named = any(b and v for h, b, v in zip(hits, buyers, values, strict=True) if h.rank != _BUYER)
    for hit, buyers_, found in zip(hits, buyers, values, strict=True):
        if hit.rank == _BUYER and refs:
            break
        if named and not buyers_:
            continue  # "Order No." beside "Your order", "PO #": the seller's own (a web shop's)
        for value in found:
            if hit.rank == _BUYER and len(_DIGIT.findall(value)) < 3 or value == number:
                continue
            if not any(value in ref for ref in refs):
                refs = [ref for ref in refs if ref not in value]
                refs.append(value)
    return refs


def _tokens(text: str) -> list[str] | None:
    """Ids of a list ("PO-49621, PO-49622", "4711 / 4712 und 4713"), or None without one."""
    cell = text.split("  ")[0]
    if cell.endswith(","):
        return None  # a list wrapped in its box: read with its end, on the line under it
    found = []
    for part in _LIST_SEPARATOR.split(cell):
        value = _token(part.strip())
        if value is None:
            break
        found.append(value)
    return found or None


def document_type(doc: Doc, number_line: int | None) -> str:
    """``credit_note`` when a credit-note title appears at the top or by the number."""
    return "credit_note" if _is_credit_note(doc, number_line) else "invoice"


def supplier_tax_id(doc: Doc) -> tuple[str | None, float]:
    """The seller's VAT id: ids labelled as the buyer's are left out; the most frequent wins; a
    national id printed without its prefix only where no VAT id is."""
    votes: Counter[str] = Counter()  # in the order first seen, which breaks ties
    national: set[str] = set()
    registers: list[str] = []
    buyer, seller = doc.derived(buyer_zone), doc.derived(seller_zone)
    for i, line in enumerate(doc.lines):
        for vat in find_vat_ids(line.text):
            cell = next((c for c in line.cells if c.start <= vat.start < c.end), None)
            start = max(0, vat.start - 30)
            if cell is not None and cell.start == vat.start:  # its label: the cell before it
                start = min([start] + [c.start for c in line.cells if c.end <= cell.start][-1:])
            before = line.folded[start : vat.start]
            if labels.CUSTOMER.search(before) and not labels.SUPPLIER.search(before):
                continue
            if cell is not None and (i, cell.start // 4) in buyer:
                continue  # printed in the customer's address block (reverse charge)
            # a VAT label counts double, the seller's own label ("USt-ID Lieferant", "VAT no.
            # supplied by") more; a Swiss company number (UID, register) without the MWST suffix
            # only where the page prints no VAT id
            label = before[-20:]
            weight = 2 if _VAT_LABEL.search(before) else 1
            weight += 2 * bool(labels.SUPPLIER.search(before))
            weight += 2 * (cell is not None and (i, cell.start // 4) in seller)  # in its block
            swiss_register = vat.value.startswith("CHE") and not vat.value.endswith(SUFFIXES["CHE"])
            if swiss_register and _REGISTER_LABEL.search(label) and not _VAT_LABEL.search(label):
                registers.append(vat.value)  # (a VAT number is its UID and "MWST")
                weight = 0
            votes[vat.value] += weight
            if vat.national and not _VAT_LABEL.search(label):  # ("P.IVA: 17050710015" is one)
                national.add(vat.value)
        for ein in _headed_eins(doc, i):
            votes[ein] += 2
    votes = +votes  # drop ids seen only as register numbers
    if any(v not in national for v in votes):  # a Steuernummer beside the VAT id is no VAT id
        votes = Counter({v: n for v, n in votes.items() if v not in national})
    if not votes:
        return (registers[0], 0.5) if registers else (None, 0.0)
    best, _ = votes.most_common(1)[0]
    return best, 0.9 if len(votes) == 1 else 0.7


_EIN_VALUE = re.compile(r"(?<![\w-])\d{2}-\d{7}(?![\w-])")
_EIN_HEADING = re.compile(
    r"(?:fed(?:eral)?\.?\s+)?(?:tax|employer)\s+id(?:entification)?(?:\s+(?:no|number|#)\.?)?"
    r"|f?ein|tin|federal\s+id"
)


def _headed_eins(doc: Doc, i: int) -> list[str]:
    """US EINs ("47-0561817") under a heading that names them ("FED. TAX ID" over its column
    of a row of details): read beside their label elsewhere, by :func:`find_vat_ids`."""
    line = doc.lines[i]
    if "-" not in line.text or not doc.touching(i - 1, i):
        return []
    found = []
    for m in _EIN_VALUE.finditer(line.text):
        above = (c for c in doc.lines[i - 1].cells if c.start <= m.end() and m.start() <= c.end)
        if any(_EIN_HEADING.fullmatch(fold(c.text).strip(" .:#")) for c in above):
            found.append(m[0])
    return found


def vat_spot(doc: Doc, tax_id: str | None) -> tuple[int, int] | None:
    """Line and column where the supplier's VAT id is first printed."""
    ids = ((i, v) for i, line in enumerate(doc.lines) for v in find_vat_ids(line.text))
    return next(((i, v.start) for i, v in ids if v.value == tax_id), None) if tax_id else None
