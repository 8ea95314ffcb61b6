"""Checks of single values against what storage can hold (``storage/bounds.py``).

Every channel checks what it receives with these before it reaches the database, so a hostile
value is a 400 naming its field, never a driver error: NUL and lone surrogates (PostgreSQL text
cannot hold them), lengths over the column, amounts that are not finite or do not fit
``NUMERIC(18, 4)``, date-times that leave the calendar when moved to UTC.
"""

from __future__ import annotations

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


def amount(value: Any, field: str) -> Decimal:
    """A finite decimal within the money columns' range; else 400."""
    if isinstance(value, bool):
        raise InvalidRequest(f"{field} must be a decimal number", field=field)
    try:
        dec = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InvalidRequest(f"{field} must be a decimal number", field=field) from None
    if not dec.is_finite():
        raise InvalidRequest(f"{field} must be a finite number", field=field)
    if abs(dec) > MAX_AMOUNT:
        raise InvalidRequest(f"{field} must be at most {MAX_AMOUNT:f} in size", field=field)
    return dec


def in_amount_range(value: Decimal) -> Decimal:
    """For pydantic validators: the same bound as :func:`amount`, as a ValueError."""
    if not value.is_finite():
        raise ValueError("must be a finite number")
    if abs(value) > MAX_AMOUNT:
        raise ValueError(f"must be at most {MAX_AMOUNT:f} in size")
    return value


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
