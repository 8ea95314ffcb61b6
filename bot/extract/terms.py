"""Due dates from payment terms: "30 days net", "zahlbar innerhalb 14 Tagen", "à 30 jours".

Many invoices print no due date, only terms. The due date is then the issue date plus the net
term; with an early-payment discount ("8 Tage 2 % Skonto, 30 Tage netto") the longest term is the
one the full amount is due on. "Fin de mois" / "end of month" moves it to the month's last day.
Terms are read from folded text (lower case, no accents; see :func:`bot.extract.dates.fold`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from bot.extract.dates import find_dates

_DAYS = r"(\d{1,3})\s*(?:calendar\s+|working\s+)?(?:days?|tage[n]?|jours?|dagen|dias|giorni|gg\.?)"
_TERM = re.compile(
    # "net 30", "netto 30 Tage", "30 days net", "within 30 days", "innerhalb von 14 Tagen"
    rf"\bnet(?:to)?\s+(\d{{1,3}})\b(?!\s*[%,.]\d)"
    rf"|\b{_DAYS}\s*(?:net(?:to)?|netto\s+kasse|ohne\s+abzug|from|after|nach|date|de\s+date)"
    rf"|\b(?:within|innerhalb(?:\s+von)?|binnen|a|entro|sous|in|payable\s+at|zahlbar\s+in)"
    rf"\s+{_DAYS}"
)
_CONTEXT = re.compile(
    r"\b(?:pay(?:ment|able)?|terms?|due|zahl\w*|fallig\w*|paiement|reglement|echeance"
    r"|betaling\w*|betaal\w*|pago|pagamento|condiciones|condizioni|netto|net)\b"
)
_END_OF_MONTH = re.compile(r"^\W*(?:fin\s+de\s+mois|end\s+of\s+(?:the\s+)?month|eom\b|monatsende)")
_NOT_TERMS = re.compile(r"\b(?:delivery|lieferung|livraison|levering|return|retour|ruckgabe)")
_DISCOUNT = re.compile(r"\b(?:skonto|escompte|korting|discount|sconto|descuento)")
_NET = re.compile(r"\bnet|ohne\s+abzug|sans\s+escompte|zonder\s+korting")


def due_from_terms(folded_lines: list[str], issued: date | None) -> date | None:
    """The issue date plus the longest net term printed near a payment word, if any."""
    if issued is None:
        return None
    best: tuple[int, bool] | None = None
    for line in folded_lines:
        if not _CONTEXT.search(line):
            continue
        for m in _TERM.finditer(line):
            days = int(next(g for g in m.groups() if g is not None))
            before = line[max(0, m.start() - 40) : m.start()]
            if not 0 < days <= 180 or _NOT_TERMS.search(before.split(",")[-1]):
                continue
            after = m.group(0) + line[m.end() : m.end() + 15]
            if _DISCOUNT.search(line) and not _NET.search(after):
                continue  # "14 Tage 2 % Skonto": the early-payment term, not the due date
            eom = bool(_END_OF_MONTH.search(line[m.end() :]))
            if best is None or days > best[0]:
                best = (days, eom)
    if best is None:
        return None
    due = issued + timedelta(days=best[0])
    if best[1]:
        due = due.replace(day=calendar.monthrange(due.year, due.month)[1])
    return due


_DEBIT = re.compile(
    r"\b(?:abgebucht|eingezogen|abbuch\w*|buchen|lastschrift\w*|debit(?:ed)?"
    r"|collect(?:ed)?|prelev\w*|geincasseerd|afgeschreven|schrijven|incasso|domicilie\w*"
    r"|addebit\w*|domiciliacion|cargad[oa])\b"
)
_ON = re.compile(r"\b(?:am|on|le|op|il|el|vom|zum)\s+$")
#: A request to pay by a date, in prose: "Please transfer the amount by 16/08/2024".
_PAY = re.compile(
    r"\b(?:pay|paid|transf\w*|remit|settle|regler|payer|virer|vers(?:er|e|ement|are)|reglement"
    r"|paiement|zahl\w*|uberw(?:eis|ies)\w*|begleich\w*|betal\w*|overmak\w*|maken|voldo\w*"
    r"|pag\w*|sald(?:are|ate))\b"
)
_BY = re.compile(
    r"\b(?:before|by|until|no\s+later\s+than|avant(?:\s+le)?|au\s+plus\s+tard\s+le|jusqu.au"
    r"|bis(?:\s+zum|\s+spatestens)?|spatestens(?:\s+am|\s+bis(?:\s+zum)?)?|vor\s+dem|voor"
    r"|uiterlijk(?:\s+op)?|antes\s+del?|entro\s+il|prima\s+del|ate|due(?:\s+(?:to|on|by))?)\s+$"
)


def debit_date(folded_lines: list[str], order: str | None = None) -> date | None:
    """The date a direct debit takes the amount ("wird am 20.03.2014 ... eingezogen").

    The debit word may be on the next line, since such sentences wrap.
    """
    return _dated_sentence(folded_lines, order, _DEBIT, _ON)


def pay_by_date(folded_lines: list[str], order: str | None = None) -> date | None:
    """The date a sentence asks the money for ("Bitte überweisen Sie ... bis zum 06.04.2025")."""
    return _dated_sentence(folded_lines, order, _PAY, _BY)


def _dated_sentence(
    folded_lines: list[str], order: str | None, verb: re.Pattern[str], before_date: re.Pattern[str]
) -> date | None:
    """The first date right after ``before_date`` on a line whose sentence has ``verb`` in it
    (the sentence may wrap from the line before or onto the next line)."""
    if not verb.search(" ".join(folded_lines)):
        return None  # (each window is a part of the whole text: most documents end here)
    for i, line in enumerate(folded_lines):
        window = " ".join(folded_lines[max(0, i - 1) : i + 2])
        if not verb.search(window):
            continue
        for found in find_dates(line, order):
            if before_date.search(line[max(0, found.start - 30) : found.start]):
                return found.value
    return None
