"""Amounts as printed on invoices: ``1,234.56``, ``1.234,56``, ``1 234,56``, ``1'234.56``,
``1’234.56``, and whole units as ``157,-`` (Czech, German).

Which mark is the decimal separator is often clear from the token alone; when it is not
(``1.234``), the document's own habit decides (see :func:`decimal_hint`). Money is ``Decimal``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

# A number token: optional sign, digits with optional grouping, optional decimals.
# a currency glued to either side ("EUR12.00", "35.43DKK", "Kč2 554,97") leaves it a number
_GLUED = "EUR|USD|GBP|CHF|CZK|PLN|SEK|NOK|DKK|HUF|CAD|AUD"
_NUMBER = re.compile(
    rf"(?:(?<![\w.,'\u2019/])|(?<=\.\.)|(?<={_GLUED})|(?<=Kč|zł|R\$))"  # ("Total....12")
    r"(?P<neg>[-\u2212\u2013]\s?)?"
    r"(?P<body>\d{1,3}(?:(?:[.,'\u2019]|[ \u00a0\u202f](?=\d{3}(?:[.,]\d|\D|$)))\d{3})+"
    r"(?:[.,]\d{1,4}|,[-\u2013](?![-\d]))?"
    r"|\d+(?:[.,]\d{1,4}|,[-\u2013](?![-\d]))?)"
    r"(?P<trail>-(?!\d))?"
    rf"(?!(?!(?:{_GLUED}|Kč)\b)[\w/]|[.,]\d)"
)
_PERCENT_AFTER = re.compile(r"\s?%")
_START = re.compile(r"[-\u2212\u2013\d]")  # where a token can start
_GROUPING = re.compile(r"[ \u00a0\u202f'\u2019]")  # Swiss CLDR groups with U+2019
_MARKED_DIGITS = re.compile(r"[\d.,]+")
_COMMA_DECIMALS = re.compile(r"\d,\d{2}(?!\d)")
_DOT_DECIMALS = re.compile(r"\d\.\d{2}(?!\d)")


@dataclass(frozen=True)
class Number:
    """A number found in a line, with where it stands (character columns)."""

    value: Decimal
    start: int
    end: int
    raw: str
    percent: bool = False

    @property
    def money_like(self) -> bool:
        """Two decimals: how amounts of money are printed (a trailing minus, "376,55-", as
        ERPs print credits, is the sign)."""
        raw = self.raw
        if raw[-1] == "-" and raw[-2:-1].isdecimal():
            raw = raw[:-1]
        cents = raw[-3:-2] in (".", ",") and raw[-2:].isdecimal()
        return (cents or self.raw.endswith((",-", ",\u2013"))) and not self.percent


def decimal_hint(text: str) -> str | None:
    """The decimal mark the document mostly uses (``"."`` or ``","``), None if unclear."""
    commas = len(_COMMA_DECIMALS.findall(text))
    dots = len(_DOT_DECIMALS.findall(text))
    if commas == dots:
        return None
    return "," if commas > dots else "."


def parse_amount(raw: str, hint: str | None = None) -> Decimal | None:
    """Read one number token; None when it is not a number."""
    s = raw.strip().replace("\u2212", "-").replace("\u2013", "-")
    negative = False
    if s.endswith(",-"):  # "157,-": no cents
        s = s[:-2]
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    if s.startswith("-"):
        negative, s = True, s[1:].strip()
    elif s.endswith("-"):
        negative, s = True, s[:-1].strip()
    s = _GROUPING.sub("", s)
    if not _MARKED_DIGITS.fullmatch(s) or not s[0].isdigit():
        return None
    if (plain := _normalise(s, hint)) is None:  # else digits with one "." at most: a Decimal
        return None
    return -Decimal(plain) if negative else Decimal(plain)


def _normalise(s: str, hint: str | None) -> str | None:
    """Turn grouped digits into a plain ``1234.56`` string."""
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
        group = "," if decimal == "." else "."
        if s.count(decimal) > 1:
            return None
        return s.replace(group, "").replace(decimal, ".")
    sep = "." if dots else "," if commas else ""
    if not sep:
        return s
    if s.count(sep) > 1:
        return s.replace(sep, "")
    whole, frac = s.split(sep)
    # "1.234" / "1,234": a group of thousands unless the document uses this mark for decimals
    if len(frac) != 3 or whole == "0" or hint == sep:
        return f"{whole}.{frac}"
    return whole + frac


@lru_cache(maxsize=4096)
def find_numbers(line: str, hint: str | None = None) -> tuple[Number, ...]:
    """All number tokens in ``line`` with their columns; percentages are flagged (cached: the
    readers look at the same lines more than once)."""
    found: list[Number] = []
    at = _START.search(line)
    while at is not None:  # tried only where a sign or a digit is, not at every column
        m = _NUMBER.match(line, at.start())
        at = _START.search(line, at.start() + 1 if m is None else m.end())
        if m is None or (value := parse_amount(m.group(0), hint)) is None:
            continue
        percent = bool(_PERCENT_AFTER.match(line, m.end()))
        found.append(Number(value, m.start(), m.end(), m.group(0), percent))
    return tuple(found)


def find_amounts(line: str, hint: str | None = None) -> list[Number]:
    """Numbers that can be money: not percentages, not bare years or long ids."""
    return [
        n
        for n in find_numbers(line, hint)
        if not n.percent and (n.money_like or sum(map(str.isdecimal, n.raw)) <= 7)
    ]
