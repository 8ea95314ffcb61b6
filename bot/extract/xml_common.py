"""Safe XML parsing and small readers shared by the CII and UBL e-invoice parsers.

Embedded XML comes from untrusted PDFs: entities are never resolved, nothing is fetched from the
network, a DTD is refused outright and lxml's limits on huge documents stay on. Elements are
addressed by local name so that one reader serves ZUGFeRD 1 (``ram:12``), the pre-release
``CBFBUY:5`` drafts without namespaces, and ZUGFeRD 2 / Factur-X / XRechnung (``ram:100``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from lxml import etree

from bot.errors import ExtractionError
from bot.extract.schema import LineItem

#: UNTDID 1001 codes of credit notes: 381 in every CII profile and in UBL; 81, 83 and the rest in
#: ZUGFeRD 1 and the EXTENDED profiles
CREDIT_NOTE_CODES = frozenset({"81", "83", "261", "262", "296", "381", "396", "420", "458", "532"})

#: larger embedded XML is refused before parsing
MAX_XML_BYTES = 10 * 1024 * 1024

UTF8_BOM = b"\xef\xbb\xbf"


def parse_xml(data: bytes) -> etree._Element:
    """Parse ``data`` with entity expansion, DTDs and network access all off."""
    if len(data) > MAX_XML_BYTES:
        raise ExtractionError(f"embedded XML is larger than {MAX_XML_BYTES // 1024 // 1024} MB")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(_trim_prolog(data), parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ExtractionError(f"embedded XML is not well-formed: {exc}") from exc
    if root.getroottree().docinfo.doctype:
        raise ExtractionError("embedded XML declares a DTD, which is not allowed in an e-invoice")
    return root


def _trim_prolog(data: bytes) -> bytes:
    """``data`` without whitespace before its first tag.

    Some writers put a line break before the XML declaration, which libxml2 refuses outright;
    losing the invoice over it would be wrong. UTF-16 input (which never starts with an ASCII
    ``<`` byte after trimming) is left alone.
    """
    trimmed = data.removeprefix(UTF8_BOM).lstrip(b" \t\r\n")
    return trimmed if trimmed.startswith(b"<") else data


def local(el: etree._Element) -> str:
    """The tag of ``el`` without its namespace."""
    return etree.QName(el).localname


def find_all(el: etree._Element | None, path: str) -> list[etree._Element]:
    """Every element reached by the ``/``-separated local-name ``path`` below ``el``."""
    if el is None:
        return []
    found = [el]
    for step in path.split("/"):
        found = [
            c for parent in found for c in parent if isinstance(c.tag, str) and local(c) == step
        ]
    return found


def find(el: etree._Element | None, *paths: str) -> etree._Element | None:
    """The first element at the first of ``paths`` that has one (spellings of one element)."""
    return next((hit for path in paths for hit in find_all(el, path)), None)


def text_of(el: etree._Element | None) -> str | None:
    """The stripped text of ``el``; ``None`` for a missing or empty element."""
    if el is None or el.text is None:
        return None
    value = el.text.strip()
    return value or None


def text(el: etree._Element | None, *paths: str) -> str | None:
    """The first non-empty text among the elements at ``paths``, in their order."""
    hits = (hit for path in paths for hit in find_all(el, path))
    return next((value for hit in hits if (value := text_of(hit)) is not None), None)


def decimal_of(el: etree._Element | None) -> Decimal | None:
    raw = text_of(el)
    if raw is None:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def decimal(el: etree._Element | None, *paths: str) -> Decimal | None:
    return decimal_of(find(el, *paths))


def in_currency(amounts: list[etree._Element], currency: str | None) -> Decimal | None:
    """The amount in ``currency`` (EN 16931 allows a second tax total in the tax currency)."""
    for amount in amounts:
        if currency is not None and amount.get("currencyID") == currency:
            return decimal_of(amount)
    return decimal_of(amounts[0]) if amounts else None


def per_unit(price: etree._Element | None, amount: str, basis: str) -> Decimal | None:
    """The net price of one unit: the price is for ``basis`` units (default 1)."""
    value, units = decimal(price, amount), decimal(price, basis)
    if value is None or units is None or units in (0, 1):
        return value
    return value / units


def parse_iso_date(raw: str | None) -> date | None:
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def with_content(lines: Iterable[LineItem]) -> list[LineItem]:
    """The lines with a value: one with none at all is a note or grouping line in the XML."""
    return [line for line in lines if any(value is not None for _, value in line)]
