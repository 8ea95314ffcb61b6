"""Text normalisation shared by the matchers: names, descriptions, codes, order references."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from rapidfuzz import fuzz

from bot.catalog import order_number_key

#: legal forms that say nothing about which supplier it is
LEGAL_FORMS = frozenset(
    "bv nv vof gmbh ag kg ohg ug mbh co sarl sas sa sasu eurl snc ltd limited plc llc inc corp"
    " srl spa sl slu oy ab as aps".split()
)

#: words that introduce an order number on an invoice, in the languages we read
_REFERENCE_LABEL = re.compile(
    r"""^\s*(
        purchase\s*order(\s*(no|number|nr))? | p\.?\s*o\.?(\s*(no|nr|number))?
      | order(\s*(no|nr|number))?
      | bestell(ung)?(nummer|nr|[\s-]*nr)? | auftrag(snummer|s[\s-]*nr)?
      | bon\s+de\s+commande | commande | bc | n[°o]\s*de\s*commande
      | bestel(ling|nummer|nr)? | inkooporder
    )\s*[.:#-]*\s*(n[°o]\.?|nr\.?|no\.?)?\s*[:#-]*\s*""",
    re.IGNORECASE | re.VERBOSE,
)


def fold(text: str) -> str:
    """Lower case without accents and punctuation, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("&", " ")
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def company_name(name: str) -> str:
    """A supplier name for comparison: folded, legal forms dropped (``B.V.``, ``GmbH``)."""
    folded = fold(name.replace(".", ""))
    words = [w for w in folded.split() if w not in LEGAL_FORMS]
    return " ".join(words) or folded


def name_score(a: str, b: str) -> float:
    """Similarity of two folded names in [0, 100]; word order does not matter."""
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def reference_keys(reference: str) -> list[str]:
    """The order-number keys in one PO reference read on an invoice.

    ``PO-0042``, ``PO 42``, ``#0042``, ``Bestellnummer 42`` and ``Bon de commande 42`` all give
    ``["42"]``, the key purchase orders are stored under (:func:`bot.catalog.order_number_key`).
    A reference listing several numbers (``PO 41, 42``) gives one key each.
    """
    keys = []
    for part in re.split(r"[,;]|\s+(?:and|und|et|en)\s+", reference):
        core = _REFERENCE_LABEL.sub("", part).strip(" #:.-")
        if core:
            key = order_number_key(core)
            if key and key not in keys:
                keys.append(key)
    return keys


def code(value: str | None) -> str | None:
    """A product code for comparison: letters and digits only, upper case."""
    if not value:
        return None
    cleaned = "".join(ch for ch in value.upper() if ch.isalnum())
    return cleaned or None


def unit(value: str | None) -> str | None:
    if not value:
        return None
    return fold(value).rstrip("s") or None


def within(a: Decimal, b: Decimal, tolerance: Decimal) -> bool:
    return abs(a - b) <= tolerance
