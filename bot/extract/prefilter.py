"""Cheap substring tests that tell where a regular expression cannot match.

Python's ``re`` tries a match at every position when a pattern starts with an alternation, a
``\\b`` or a look-behind, which makes the label vocabularies slow to scan. Almost every match
needs some fixed word, though ("rechnung", "total"): :func:`anchors` reads those words from the
pattern, and a text (or a line) without any of them is skipped with a fast ``in`` test. The
answer is derived from the pattern itself, so skipping never changes what is found.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from typing import Any

# The stdlib's own regex parser (``sre_parse``, private since 3.11; the public alias warns).
_sre: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_Anchors = frozenset[str]
#: Categories that never match a line break.
_LINE_CATEGORIES = {_c.CATEGORY_DIGIT, _c.CATEGORY_WORD, _c.CATEGORY_NOT_SPACE}


@cache
def anchors(pattern: re.Pattern[str]) -> _Anchors | None:
    """Strings of which every match of ``pattern`` contains one; None when unknown."""
    if pattern.flags & re.IGNORECASE:
        return None
    found = _sequence(_sre.parse(pattern.pattern, pattern.flags).data)
    if found is None:
        return None
    # "total amount" adds nothing where "total" is an anchor too
    return frozenset(a for a in found if not any(b != a and b in a for b in found))


@cache
def line_bound(pattern: re.Pattern[str]) -> bool:
    """True when a match can neither take in nor look ahead at a line break.

    Such a pattern, searched with ``pos``/``endpos`` set to one line of a text, finds just the
    matches that a search of the whole text finds in that line. Look-behinds and ``^`` see the
    whole text either way; ``$`` must be MULTILINE (else it would match at ``endpos``).
    """
    flags = pattern.flags
    if flags & re.DOTALL:
        return False
    return _within_line(_sre.parse(pattern.pattern, flags).data, bool(flags & re.MULTILINE))


def _sequence(items: list[tuple[Any, Any]]) -> _Anchors | None:
    """The best anchor set of a sequence: a run of literal characters or one item's set."""
    found: list[_Anchors] = []
    run: list[str] = []
    for i, (op, av) in enumerate(items):
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            # "n" before "(?:umero|ummer|o|r)" (re factors shared letters out): "numero", "no"...
            after = _prefixes(items[i:])
            found.append(frozenset("".join(run) + p for p in after or [""]))
            run = []
        sub = _item(op, av)
        if sub:
            found.append(sub)
    if run:
        found.append(frozenset({"".join(run)}))
    if not found:
        return None
    return max(found, key=lambda s: (min(len(a) for a in s), -len(s)))


def _prefixes(items: list[tuple[Any, Any]]) -> _Anchors | None:
    """Non-empty strings one of which every match of the sequence starts with; None if unknown."""
    if not items:
        return None
    (op, av), rest = items[0], items[1:]
    if op is _c.LITERAL:
        return frozenset(chr(av) + p for p in _prefixes(rest) or [""])
    if op is _c.SUBPATTERN:
        found = _prefixes(av[-1].data)
    elif op is _c.BRANCH:
        subs = [_prefixes(b.data) for b in av[1]]
        found = None if None in subs else frozenset().union(*subs)  # type: ignore[arg-type]
    elif op is _c.IN and av and all(o is _c.LITERAL for o, _ in av):
        found = frozenset(chr(v) for _, v in av)
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        found = _prefixes(av[2].data)
        if found is not None and av[0] == 0:  # optional: the match may start after it
            after = _prefixes(rest)
            found = None if after is None else found | after
    else:
        found = None
    return found if found is None or len(found) <= 64 else None


def _item(op: Any, av: Any) -> _Anchors | None:
    """Anchors of one parsed item; None for assertions and anything too open to tell."""
    if op is _c.SUBPATTERN:
        return _sequence(av[-1].data)
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            sub = _sequence(branch.data)
            if sub is None:
                return None
            union |= sub
        return frozenset(union)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return _sequence(av[2].data) if av[0] >= 1 else None
    if op is _c.IN and av and all(o is _c.LITERAL for o, _ in av):
        return frozenset(chr(v) for _, v in av)
    return None


def _within_line(items: list[tuple[Any, Any]], multiline: bool) -> bool:
    for op, av in items:
        if op is _c.LITERAL:
            ok = av != ord("\n")
        elif op is _c.IN:
            ok = all(
                (o is _c.LITERAL and v != ord("\n"))
                or (o is _c.RANGE and not v[0] <= ord("\n") <= v[1])
                or (o is _c.CATEGORY and v in _LINE_CATEGORIES)
                for o, v in av
            )
        elif op is _c.AT:
            ok = av is not _c.AT_END_STRING and (multiline or av is not _c.AT_END)
        elif op is _c.ANY:
            ok = True  # without DOTALL (refused above and below), "." stops at a line break
        elif op is _c.SUBPATTERN:
            ok = not av[1] & re.DOTALL and _within_line(av[-1].data, multiline)
        elif op is _c.BRANCH:
            ok = all(_within_line(b.data, multiline) for b in av[1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            ok = _within_line(av[2].data, multiline)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            ok = av[0] < 0 or _within_line(av[1].data, multiline)  # look-behind, or ahead
        else:
            ok = False
        if not ok:
            return False
    return True
