"""Dates as printed: numeric (``05.03.2013``, ``03/20/2023``, ``2013-03-05``) and long form
(``7. Mai 2014``, ``August 3, 2014``, ``02 Juillet 2015``, ``12 de marzo de 2024``).

Day/month order is a property of the document, not of one date: :func:`order_hint` looks for an
unambiguous date (a day above 12) and the caller passes the answer to every other date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_MONTH_NAMES = {
    1: "january jan januar janvier janv januari enero ene gennaio genn gen jänner janeiro ledna",
    2: "february feb februar fevrier fevr februari febrero febbraio fevereiro fev unora",
    3: "march mar marz maerz mars marts maart marzo mrt marco brezna",
    4: "april apr avril abril aprile dubna",
    5: "may mai maj mei mayo maggio mag maio kvetna",
    6: "june jun juni juin junio giugno giu junho cervna",
    7: "july jul juli juillet juil julio luglio lug julho cervence",
    8: "august aug aout augustus augusti agosto ago srpna",
    9: "september sep sept septembre septiembre settembre set setembro zari",
    10: "october oct oktober okt octobre octubre ottobre ott outubro out rijna",
    11: "november nov novembre noviembre novembro listopadu",
    12: "december desember dec dezember dez decembre diciembre dic dicembre dezembro prosince",
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = re.compile(r"(\d(?<!\d\d)\d{3})([./-])(\d{1,2})\2(\d{1,2})(?!\d)")
# look-behinds after the first digit: re jumps to a first digit, but tries look-behinds everywhere
# "1. 6. 2026" (Czech, Slovak): a dot and a space, with a four-digit year
_NUMERIC = re.compile(
    r"(\d(?<![\d.]\d)\d?)([./-]|\. (?=\d\d?\. \d{4}))(\d{1,2})\2(\d{4}|\d{2})(?![\d])"
)
_DAY_MONTH = re.compile(
    rf"(\d(?<!\w\d)\d?)(?:st|nd|rd|th|er|e|o|º|°)?\.?[\s\-/]*(?:de\s+)?({_MONTH_RE})\.?,?[\s\-/]*"
    rf"(?:de\s+)?(\d{{4}})(?!\d)"
)
_MONTH_DAY = re.compile(
    rf"(?<![\w])({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(\d{{4}})(?!\d)"
)

#: "05-Mar-24", "05.MAR.24": an ERP's short form, with a two-digit year
_DAY_MON_YY = re.compile(rf"(\d(?<!\w\d)\d?)([-./])({_MONTH_RE})\2(\d\d)(?![\d\w])")
_SHORT_MONTH = re.compile(r"\d[-./][a-z]{3}")  # (a cheap test for the form above)
_MONTH_DIGITS = re.compile(rf"(?:{_MONTH_RE})\.?,?[\s\-/]*(?:de\s+)?\d")  # in both long forms
_DIGIT = re.compile(r"\d")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_US_ADDRESS = re.compile(
    r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV"
    r"|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)(?<!\w..)"
    r",?\s+\d{5}(?:-\d{4})?\b"
)
_NON_US = re.compile(r"[€£]|\b(?:EUR|GBP|VAT\s+(?:reg|no)|MwSt|TVA|BTW|GST|HST|ABN)\b", re.I)
# dollars (not A$, C$) or a sales tax: the conventions of the United States
_US_MONEY = re.compile(r"(?<![A-Za-z])\$\s?\d|\bUSD\b|\bsales\s+tax\b", re.I)
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int
    end: int


def fold(text: str) -> str:
    """Lower case without accents, keeping every character's position."""
    low = text.lower()
    if low.isascii():
        return low
    return _NON_ASCII.sub(lambda m: m.group().translate(_FOLD), low)  # not char by char


# Latin letters with accents -> their base letter, one character for one (positions stay); the
# no-break spaces that join label words ("Invoice\u00a0number") -> a space, so labels match.
_FOLD = (
    {
        n: unicodedata.normalize("NFD", chr(n))[0]
        for n in range(0xC0, 0x250)
        if unicodedata.normalize("NFD", chr(n))[0] != chr(n)
    }
    | dict.fromkeys((0xA0, 0x2007, 0x202F), " ")
    | {0xF8: "o"}
)  # "ø" has no accent in Unicode


def _year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        n += 2000 if n < 70 else 1900
    return n


def _make(y: int, m: int, d: int) -> date | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def order_hint(text: str) -> str | None:
    """``"mdy"`` when a numeric date can only be month-first, ``"dmy"`` when day-first."""
    mdy = dmy = 0
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        if m.group(2) == "/" and a <= 12 < b <= 31:
            mdy += 1
        elif b <= 12 < a <= 31:
            dmy += 1
    if mdy != dmy:
        return "mdy" if mdy > dmy else "dmy"
    us_money = any(w in text.casefold() for w in ("$", "usd", "sales")) and _US_MONEY.search(text)
    if (_US_ADDRESS.search(text) or us_money) and not _NON_US.search(text):
        return "mdy"  # no date settles it, but the invoice is American: 11/10/23 is November 10
    return None


@lru_cache(maxsize=4096)
def find_dates(text: str, order: str | None = None) -> tuple[FoundDate, ...]:
    """Every date in ``text`` in reading order; ``order`` settles 01/02/2024 (cached)."""
    folded = fold(text)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(value: date | None, start: int, end: int) -> None:
        if value is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(FoundDate(value, start, end))

    # Every form has digits, and all but the numeric one a four-digit year; those that start
    # with a digit are searched from the first one (the look-behinds still see what is before).
    first = _DIGIT.search(folded)
    if first is None:
        return ()
    pos = first.start()
    if _YEAR.search(folded, pos):
        for m in _ISO.finditer(folded, pos):
            add(_make(int(m.group(1)), int(m.group(3)), int(m.group(4))), m.start(), m.end())
        months = _MONTH_DIGITS.search(folded) is not None
        for m in _DAY_MONTH.finditer(folded, pos) if months else ():
            add(_make(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))), m.start(), m.end())
        for m in _MONTH_DAY.finditer(folded) if months else ():
            add(_make(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2))), m.start(), m.end())
    for m in _DAY_MON_YY.finditer(folded, pos) if _SHORT_MONTH.search(folded, pos) else ():
        add(_make(_year(m.group(4)), MONTHS[m.group(3)], int(m.group(1))), m.start(), m.end())
    for m in _NUMERIC.finditer(folded, pos):
        a, b, y = int(m.group(1)), int(m.group(3)), _year(m.group(4))
        first_is_month = (order == "mdy" and a <= 12) or b > 12
        value = _make(y, a, b) if first_is_month else _make(y, b, a)
        add(value, m.start(), m.end())
    found.sort(key=lambda f: f.start)
    return tuple(found)
