"""Checks of single values against what storage can hold (``storage/bounds.py``).

Every channel checks what it receives with these before it reaches the database, so a hostile
value is a 400 naming its field, never a driver error: NUL and lone surrogates (PostgreSQL text
cannot hold them), lengths over the column, amounts that are not finite or do not fit
``NUMERIC(18, 4)``, date-times that leave the calendar when moved to UTC.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import PurePosixPath
from typing import Any

from bot.errors import InvalidRequest
from storage.bounds import FILE_NAME_LENGTH, MAX_AMOUNT, TEXT_LENGTH

#: text of no particular column
MAX_TEXT = TEXT_LENGTH

#: nesting of a JSON body deeper than any of our request shapes needs
MAX_JSON_DEPTH = 16
#: an amount given as text: at most the 14 digits before the point that NUMERIC(18, 4) holds,
#: written plainly; decimals past the 4th are rounded when stored (a unit price of 0.12345).
#: The OpenAPI document gives clients the same pattern
AMOUNT_PATTERN = r"^-?\d{1,14}(\.\d{1,10})?$"
_AMOUNT = re.compile(AMOUNT_PATTERN, re.ASCII)
#: the bound of an amount given as a JSON number: a whole number, so that a JSON Schema
#: validator (in floats) and this check (in decimals) draw the line at the same place
MAX_NUMBER = int(MAX_AMOUNT)
#: text without NUL, and text with at least one visible character (not white space in Python,
#: whose strip() we apply, nor in JSON Schema's regular expressions): documented and checked
NO_NUL = r"^[^\x00]*$"
VISIBLE = r"^[^\x00]*[^\s\x00\x1c-\x1f\x85\ufeff][^\x00]*$"


def unstorable(value: str) -> str | None:
    """Why ``value`` cannot be stored as text, or None."""
    if "\x00" in value:
        return "must not contain NUL characters"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "must be valid Unicode (no lone surrogates)"
    return None


def text(value: str, field: str, max_length: int) -> str:
    """``value`` if it is storable and at most ``max_length`` characters; else 400."""
    problem = unstorable(value)
    if problem is None and len(value) > max_length:
        problem = f"must be at most {max_length} characters"
    if problem is not None:
        raise InvalidRequest(f"{field} {problem}", field=field)
    return value


def parse_amount(value: Any) -> Decimal:
    """An amount from JSON: a number within range, or text matching :data:`AMOUNT_PATTERN`
    (at most 14 digits before the point, 10 after). ValueError says why not."""
    if isinstance(value, str):
        if not _AMOUNT.fullmatch(value):
            raise ValueError(
                "must be a decimal number like 1234.50 (at most 14 digits before the point)"
            )
        dec = Decimal(value)
        if abs(dec.quantize(Decimal(1).scaleb(-4))) > MAX_AMOUNT:
            # 99999999999999.99995 and up round past the column when stored
            raise ValueError(f"must be at most {MAX_AMOUNT:f} in size")
        return dec
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError("must be a decimal number")
    try:
        dec = Decimal(str(value))
    except InvalidOperation:
        raise ValueError("must be a decimal number") from None
    if not dec.is_finite():
        raise ValueError("must be a finite number")
    if abs(dec) > MAX_NUMBER:
        raise ValueError(f"must be at most {MAX_NUMBER} in size")
    return dec


def amount(value: Any, field: str) -> Decimal:
    """:func:`parse_amount`, or 400 naming ``field``."""
    try:
        return parse_amount(value)
    except ValueError as exc:
        raise InvalidRequest(f"{field} {exc}", field=field) from None


#: the JSON Schema of an amount given by a client
AMOUNT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "number", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER},
        {"type": "string", "pattern": AMOUNT_PATTERN},
    ]
}


def storable_text(value: str) -> str:
    """For pydantic validators: :func:`unstorable` as a ValueError."""
    problem = unstorable(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def utc(value: datetime, field: str) -> datetime:
    """``value`` in UTC; 400 when that leaves years 1-9999 (``9999-12-31T23:59-23:59``)."""
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise InvalidRequest(f"{field} is out of range once in UTC", field=field) from None


def json_problem(value: Any) -> tuple[str, str | None] | None:
    """(problem, path) of the first string or key that cannot be stored, or of nesting deeper
    than :data:`MAX_JSON_DEPTH`; None when the whole document is fine. Iterative: a hostile
    document cannot exhaust the stack here."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(value, ())]
    while stack:
        item, path = stack.pop()
        if len(path) > MAX_JSON_DEPTH:
            return f"is nested deeper than {MAX_JSON_DEPTH} levels", None
        if isinstance(item, str):
            problem = unstorable(item)
            if problem:
                return problem, ".".join(path) or None
        elif isinstance(item, dict):
            for key, sub in item.items():
                problem = unstorable(key)
                if problem:
                    return f"keys {problem}", ".".join(path) or None
                stack.append((sub, (*path, key)))
        elif isinstance(item, list):
            stack.extend((sub, (*path, str(i))) for i, sub in enumerate(item))
    return None


def clean_filename(name: str, fallback: str) -> str:
    """A file's name as we keep and show it: without control, format or separator characters,
    and at most :data:`FILE_NAME_LENGTH` characters with its extension kept. A file is never
    refused for its name (an email client chose it, not the sender)."""
    kept = "".join(
        ch for ch in name if not unicodedata.category(ch).startswith(("C", "Zl", "Zp"))
    ).strip()
    if len(kept) > FILE_NAME_LENGTH:
        suffix = PurePosixPath(kept).suffix
        suffix = suffix if len(suffix) <= 16 else ""
        kept = kept[: FILE_NAME_LENGTH - len(suffix)] + suffix
    return kept or fallback
