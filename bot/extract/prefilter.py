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
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
#: a pattern as the stdlib's parser reads it (slow: read once for both questions below)
_parsed: Any = cache(lambda pattern: _sre.parse(pattern.pattern, pattern.flags).data)


@cache
def anchors(pattern: re.Pattern[str]) -> _Anchors | None:
    """Strings of which every match of ``pattern`` contains one; None when unknown."""
    if pattern.flags & re.IGNORECASE:
        return None
    if (found := _sequence(_parsed(pattern))[1]) is None:
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
    dotall, multiline = pattern.flags & re.DOTALL, bool(pattern.flags & re.MULTILINE)
    return not dotall and _within_line(_parsed(pattern), multiline)


def _sequence(items: list[tuple[Any, Any]]) -> tuple[_Anchors | None, _Anchors | None]:
    """What every match of a sequence starts with, and what it contains; None when unknown.

    The first is a set of non-empty strings one of which starts every match. The second is the
    best anchor set: a run of literal characters with what the rest starts with, or one item's.
    Walking from the end gives each position what the sequence from there starts with.
    """
    found: list[_Anchors] = []
    after: _Anchors | None = None
    run = ""  # the literal characters since the last other item, joined once the run starts
    for i in reversed(range(len(items))):
        op, av = items[i]
        if op is _c.LITERAL:
            run = chr(av) + run
            if i == 0 or items[i - 1][0] is not _c.LITERAL:  # a run of literals starts here
                # "n" before "(?:umero|ummer|o|r)" (re factors shared letters out): "numero", "no"
                after, run = frozenset(run + p for p in after or [""]), ""
                found.append(after)
            continue
        first, contains = _item(op, av)
        if contains:
            found.append(contains)
        if first is not None and op in _REPEATS and av[0] == 0:  # the match may start after it
            first = None if after is None else first | after
        after = first if first is None or len(first) <= 64 else None
    found.reverse()  # of equally good sets, the first
    best = max(found, key=lambda s: (min(len(a) for a in s), -len(s)), default=None)
    return after, best


def _item(op: Any, av: Any) -> tuple[_Anchors | None, _Anchors | None]:
    """What every match of one parsed item (not a literal) starts with, and what it contains."""
    if op is _c.SUBPATTERN:  # (group, flags added, flags removed, pattern)
        if av[1] & _c.SRE_FLAG_IGNORECASE:
            return None, None  # "(?i:nr)" is case folded within: its letters are no anchors
        return _sequence(av[-1].data)
    if op is _c.BRANCH:
        subs = [_sequence(branch.data) for branch in av[1]]
        return _union([s[0] for s in subs]), _union([s[1] for s in subs])
    if op in _REPEATS:
        first, contains = _sequence(av[2].data)
        return first, contains if av[0] >= 1 else None
    if op is _c.IN and av and all(o is _c.LITERAL for o, _ in av):
        chars = frozenset(chr(v) for _, v in av)
        return chars, chars
    return None, None  # assertions and anything too open to tell


def _union(sets: list[_Anchors | None]) -> _Anchors | None:
    """Every branch's strings, when each branch has some."""
    return None if None in sets else frozenset().union(*sets)  # type: ignore[arg-type]


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
        elif op in _REPEATS:
            ok = _within_line(av[2].data, multiline)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            ok = av[0] < 0 or _within_line(av[1].data, multiline)  # look-behind, or ahead
        else:
            ok = False
        if not ok:
            return False
    return True
