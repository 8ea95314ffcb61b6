"""The anchors of a pattern: fixed strings one of which every match contains, so a line without
any of them is skipped. Too few is slow; a wrong one would lose matches, so both are checked."""

from __future__ import annotations

import gc
import re

import pytest

import bot.extract.parse  # noqa: F401 - imports every reader, whose patterns are checked below
from bot.extract.prefilter import anchors


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # re factors the shared "n" out of the branch; the anchors join it to what follows
        (
            r"(?:^ ?|(?<=  ))(?:numero|nummer|no|nr|n[°º])\.?",
            {"no", "nr", "n°", "nº", "numero", "nummer"},
        ),
        (r"ab(?:c|d)e", {"abc", "abd"}),
        (r"ab*c", {"ab", "ac"}),  # an optional item: the match may go on past it
        (r"a(?:b|)c", {"a"}),  # an empty branch starts with nothing known
        (r"x(?=y)z", {"x"}),
        (r"(?i)total", None),  # case folded: no literal to test with `in`
        (r"VAT|(?i:nr)", None),  # one branch case folded: its letters are no anchors
        (r"VAT|(?i:nr)x", {"VAT", "x"}),  # the letters outside it still are
    ],
)
def test_anchors(pattern: str, expected: set[str] | None) -> None:
    found = anchors(re.compile(pattern))
    assert (set(found) if found is not None else None) == expected


TEXT = """Rechnung Nr. 2024-17   Invoice No: A-5   N° 88   Nº 9  numero 12  PO# 4471  P.O. 55
Purchase Order Number 7781  Your order 12  Bestellnummer 9  Datum 01.02.2026  Date: 3/4/2026
Total incl. VAT 1.234,56 EUR   Grand total $ 99.00   MwSt 19 %   TVA 20%   Net 30 days
Qty Unit price Amount   Menge Einzelpreis Gesamt   Quantité Prix unitaire Montant HT
Attn: buyer  Bill to: Customer   Ship to   DE123456789  FR12345678901  ATU12345678  GB123456789
"""


def test_every_match_of_every_readers_pattern_holds_an_anchor() -> None:
    patterns = {
        o for o in gc.get_objects() if isinstance(o, re.Pattern) and isinstance(o.pattern, str)
    }
    checked = 0
    for pattern in patterns:
        words = anchors(pattern)
        if words is None:
            continue
        for text in (TEXT, TEXT.lower()):
            for m in pattern.finditer(text):
                if m.group():
                    checked += 1
                    assert any(w in m.group() for w in words), (pattern.pattern, m.group(), words)
    assert checked > 100
