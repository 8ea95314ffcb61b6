"""The ``einvoice`` engine: the structured invoice embedded in the PDF, read exactly.

Factur-X, ZUGFeRD 1.0 and 2.x and XRechnung carry a CII XML file as a PDF attachment; some
writers attach UBL 2.1 instead. Opening the PDF and parsing the XML both happen in an isolated
child (:func:`~bot.extract.isolation.run_isolated`): the file is untrusted.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from lxml import etree
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError

from bot.config import ExtractionConfig
from bot.errors import ExtractionError
from bot.extract.checks import assess
from bot.extract.isolation import Limits, run_isolated
from bot.extract.schema import ExtractedInvoice, ExtractionResult
from bot.extract.xml_cii import is_cii, parse_cii
from bot.extract.xml_common import parse_xml
from bot.extract.xml_ubl import is_ubl, parse_ubl

#: attachment names the standards prescribe, tried before any other ``*.xml``
KNOWN_NAMES = ("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml", "order-x.xml")
#: a PDF with more attachments than this is not searched further
MAX_ATTACHMENTS = 50

NO_INVOICE = "no embedded e-invoice XML"


def open_pdf(pdf: bytes) -> PdfReader:
    """A pypdf reader on ``pdf``, decrypted with the empty password when needed."""
    try:
        reader = PdfReader(BytesIO(pdf))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError("the PDF is password-protected")
    except FileNotDecryptedError as exc:
        raise ExtractionError("the PDF is password-protected") from exc
    except PyPdfError as exc:
        raise ExtractionError(f"the PDF cannot be read: {exc}") from exc
    return reader


def _xml_attachments(reader: PdfReader) -> list[tuple[str, bytes]]:
    try:
        attachments = reader.attachments
        names = list(attachments)[:MAX_ATTACHMENTS]
        found = [
            (name, data)
            for name in names
            if name.lower().endswith(".xml")
            for data in attachments[name]
        ]
    except PyPdfError as exc:
        raise ExtractionError(f"the PDF's attachments cannot be read: {exc}") from exc
    # Known names first, then the rest in file order.
    return sorted(found, key=lambda item: item[0].lower() not in KNOWN_NAMES)


def find_invoice(
    reader: PdfReader, problems: list[str] | None = None
) -> tuple[str, etree._Element] | None:
    """The first attachment that is a CII or UBL invoice, parsed; refusals go to ``problems``."""
    for name, data in _xml_attachments(reader):
        try:
            root = parse_xml(data)
        except ExtractionError as exc:
            # A broken side file (logistics data, signatures) does not hide a good invoice.
            if problems is not None:
                problems.append(f"{name}: {exc}")
            continue
        if is_cii(root) or is_ubl(root):
            return name, root
    return None


def has_embedded_invoice(pdf: bytes) -> bool:
    """Does ``pdf`` carry a CII or UBL invoice? Cheap; meant to run in the isolated child."""
    return find_invoice(open_pdf(pdf)) is not None


def read_embedded_invoice(pdf: bytes) -> dict[str, Any]:
    """Isolated target: the embedded invoice as JSON, the attachment's name and the page count."""
    reader = open_pdf(pdf)
    problems: list[str] = []
    found = find_invoice(reader, problems)
    if found is None:
        raise ExtractionError(f"{NO_INVOICE} ({'; '.join(problems)})" if problems else NO_INVOICE)
    name, root = found
    invoice = parse_ubl(root) if is_ubl(root) else parse_cii(root)
    return {
        "invoice": invoice.model_dump(mode="json"),
        "attachment": name,
        "pages": len(reader.pages),
    }


def filled_fields(invoice: ExtractedInvoice) -> list[str]:
    """Names of the fields that have a value."""
    return [name for name, value in invoice if value not in (None, "", [])]


class EInvoiceExtractor:
    """Reads Factur-X / ZUGFeRD / XRechnung / UBL XML embedded in the PDF."""

    name = "einvoice"

    def __init__(self, config: ExtractionConfig) -> None:
        self._limits = Limits(timeout_s=config.timeout_seconds, memory_mb=config.memory_mb)

    async def extract(self, pdf: bytes) -> ExtractionResult:
        answer = await run_isolated(
            "bot.extract.einvoice:read_embedded_invoice", pdf, limits=self._limits
        )
        invoice = ExtractedInvoice.model_validate(answer["invoice"])
        return ExtractionResult(
            engine=self.name,
            invoice=invoice,
            # Values read from the XML are what the supplier issued: nothing was guessed.
            confidence={name: 1.0 for name in filled_fields(invoice)},
            warnings=assess(invoice),
            pages=answer["pages"],
        )
