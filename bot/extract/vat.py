"""VAT / tax identification numbers by country pattern (EU member states, GB, CH, NO), and the
US EIN, Spanish NIF, Italian partita IVA and a UK VAT number without its prefix where a label
names them.

Printed ids carry spaces, dots and dashes (``DE 232 446 240``, ``CHE-123.456.789 MWST``); they
are returned without them. A run of characters longer than a valid id (an IBAN) is not an id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: country prefix -> what follows it in an id without separators
PATTERNS: dict[str, str] = dict(
    entry.split("=")
    for entry in (
        r"AT=U\d{8} BE=[01]\d{9} BG=\d{9,10} CY=\d{8}[A-Z] CZ=\d{8,10} DE=\d{9} DK=\d{8} "
        r"EE=\d{9} EL=\d{9} ES=[A-Z0-9]\d{7}[A-Z0-9] FI=\d{8} FR=[A-HJ-NP-Z0-9]{2}\d{9} "
        r"HR=\d{11} HU=\d{8} IE=\d[A-Z0-9+*]\d{5}[A-Z]{1,2} IT=\d{11} LT=(?:\d{9}|\d{12}) "
        r"LU=\d{8} LV=\d{11} MT=\d{8} NL=\d{9}B\d{2} PL=\d{10} PT=\d{9} RO=\d{2,10} SE=\d{12} "
        r"SI=\d{8} SK=\d{10} GB=(?:\d{9}|\d{12}|GD\d{3}|HA\d{3}) XI=(?:\d{9}|\d{12}) CHE=\d{9} "
        r"NO=\d{9}"
    ).split()
)
_FULL = {k: re.compile(k + v) for k, v in PATTERNS.items()}
# A prefix not inside a word (the look-behind after its first letter, as in fields._CODES: in
# front, re would try every position), then letters/digits in groups joined by one space, dot
# or dash.
_PREFIX = "|".join(
    f"{p[0]}(?<![A-Za-z0-9].){p[1:]}" for p in sorted(PATTERNS, key=len, reverse=True)
)
_CANDIDATE = re.compile(
    rf"({_PREFIX})(?:[ .\-]?)([0-9A-Z+*]+(?:[ .\-][0-9A-Z]+)*)"
    r"(?:\s?(?:MWST|TVA|IVA|MVA))?"
)

# A US employer identification number has no country prefix: only its label makes it one.
_EIN = re.compile(
    r"\b(?:F?EIN|(?:federal\s+)?(?:tax|employer)\s+id(?:entification)?|federal\s+id|TIN|VAT)"
    r"(?:\s*\(F?EIN\))?(?:\s*(?:no|number|#)\.?)?\s*[.:#]?\s*(\d{2}-\d{7})(?![\d-])",
    re.I,
)
# National ids printed without their country's prefix, which only their label makes VAT ids:
# Spanish NIF/CIF, Italian partita IVA, a UK VAT number, a German tax number (where no VAT id is
# printed, the invoice must show it).
_NATIONAL = re.compile(
    r"\b(?:(?:N\.?I\.?F|C\.?I\.?F)\.?\s*[.:]?\s*([A-HJNP-SUVW]-?\d{7}-?[0-9A-J]|\d{8}-?[A-Z])"
    r"|(?:P\.?\s?IVA|Partita\s+IVA)\s*[.:]?\s*(\d{11})"
    r"|VAT\s*(?:Reg(?:istration)?\.?\s*)?(?:No|Number)\.?\s*[.:]?\s*(\d{3} ?\d{4} ?\d{2})"
    r"|(?i:steuer\s*-?\s*(?:nummer|nr\.?)|st\.?\s*-?\s*nr\.?)\s*[.:]?\s*(\d{2,3}/\d{3}/\d{4,5}))"
    r"(?![\w-])"
)
#: a string in every match of _NATIONAL ("N.I.F.", "P.IVA", "VAT No", "Steuernr."): tested first
_NATIONAL_MARK = re.compile(r"I\.?F|IVA|VAT|(?i:nr|nummer)")
#: what may follow the digits of a Swiss or Norwegian VAT number
SUFFIXES = {"CHE": ("MWST", "TVA", "IVA"), "NO": ("MVA",)}
_GROUP_MARK = re.compile(r"[ .\-]")


@dataclass(frozen=True)
class VatId:
    value: str
    start: int
    end: int
    #: a national id printed without its prefix: the invoice's tax id only where no VAT id is
    national: bool = False


def _valid(prefix: str, compact: str) -> str | None:
    """The id when ``compact`` is exactly one valid id (Swiss ids may add a suffix)."""
    suffix = next((s for s in SUFFIXES.get(prefix, ()) if compact.endswith(s)), "")
    # "CHE123456789MWST": the suffix makes a UID a VAT number
    return compact if _FULL[prefix].fullmatch(compact.removesuffix(suffix)) else None


def find_vat_ids(line: str) -> list[VatId]:
    """Valid VAT ids in one line of text.

    A candidate that is no valid id is searched again from just after its prefix: "BTW BE
    BE0766691958" prints the country twice.
    """
    found = []
    pos = 0
    while (m := _CANDIDATE.search(line, pos)) is not None:
        prefix = m.group(1)
        before = line[max(0, m.start() - 6) : m.start()].lower()
        value = None if "iban" in before else _longest_valid(prefix, m.group(2))
        if value:
            found.append(VatId(value, m.start(), m.end()))
            pos = m.end()
        else:
            pos = m.start() + len(prefix)
    if "-" in line:  # an EIN is "12-3456789"; the case-blind label scan is slow on every line
        found += [VatId(m.group(1), m.start(1), m.end(1)) for m in _EIN.finditer(line)]
    if not found and _NATIONAL_MARK.search(line):
        for m in _NATIONAL.finditer(line):
            n = m.lastindex or 1
            found.append(VatId(_GROUP_MARK.sub("", m.group(n)), m.start(n), m.end(n), True))
    return found


def _longest_valid(prefix: str, rest: str) -> str | None:
    """The id of the longest run of groups that is valid (the id may be followed by a word)."""
    groups = _GROUP_MARK.split(rest)
    values = (_valid(prefix, prefix + "".join(groups[:n])) for n in range(len(groups), 0, -1))
    return next((value for value in values if value), None)
