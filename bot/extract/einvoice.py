"""The ``einvoice`` engine: the structured invoice embedded in the PDF, read exactly.

Factur-X, ZUGFeRD 1.0 and 2.x and XRechnung carry a CII XML file as a PDF attachment; some
writers attach UBL 2.1 instead. Opening the PDF and parsing the XML both happen in an isolated
child (:class:`~bot.extract.isolation.Isolation`): the file is untrusted.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, EmbeddedFile

from bot.config import ExtractionConfig
from bot.errors import ExtractionError
from bot.extract.checks import assess
from bot.extract.isolation import Isolation, Limits
from bot.extract.schema import ExtractedInvoice, ExtractionResult
from bot.extract.xml_cii import is_cii, parse_cii
from bot.extract.xml_common import UTF8_BOM, parse_xml
from bot.extract.xml_ubl import is_ubl, parse_ubl

#: attachment names the standards prescribe, tried before any other ``*.xml``
KNOWN_NAMES = ("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml")
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
    """The attachments that may be XML, each once: known names first, then in file order."""
    try:
        found = [*_named_files(reader), *_associated_files(reader)][:MAX_ATTACHMENTS]
    except PyPdfError as exc:
        raise ExtractionError(f"the PDF's attachments cannot be read: {exc}") from exc
    found.sort(key=lambda item: item[0].lower() not in KNOWN_NAMES)
    # The same file is listed under its name-tree key, its /UF name and in /AF: once, by content.
    unique: dict[bytes, str] = {}
    for name, data in found:
        if _may_be_xml(name, data):
            unique.setdefault(data, name)
    return [(name, data) for data, name in unique.items()]


def _named_files(reader: PdfReader) -> list[tuple[str, bytes]]:
    """The files of the document's ``/EmbeddedFiles`` name tree, where the standards put them."""
    attachments = reader.attachments
    names = list(attachments)[:MAX_ATTACHMENTS]
    return [(name, data) for name in names for data in attachments[name]]


def _associated_files(reader: PdfReader) -> list[tuple[str, bytes]]:
    """Files reachable only as associated files (``/AF``) or page file-attachment annotations.

    PDF/A-3 requires the ``/AF`` entry, not the name tree; some writers set only that one, and some
    attach the XML to a page instead. A malformed entry here hides nothing else, so it is skipped.
    """
    files = []
    for spec in _file_specs(reader)[:MAX_ATTACHMENTS]:
        try:
            spec = spec.get_object()
            if isinstance(spec, DictionaryObject) and "/EF" in spec:
                file = EmbeddedFile("", spec)
                files.append((str(file.alternative_name or ""), file.content))
        except (PyPdfError, KeyError, TypeError, ValueError, AttributeError):
            continue
    return files


def _file_specs(reader: PdfReader) -> list[Any]:
    """The catalog's ``/AF`` entries, then the ``/FS`` of each page's file-attachment annotation."""
    try:
        specs = _as_list(reader.root_object.get("/AF"))
        for page in reader.pages[:MAX_ATTACHMENTS]:
            annots = _as_list(page.get("/Annots"))
            files = (a for a in annots if isinstance(a, DictionaryObject))
            specs += [a.get("/FS") for a in files if a.get("/Subtype") == "/FileAttachment"]
    except (PyPdfError, KeyError, TypeError, ValueError, AttributeError):
        return []
    return specs


def _as_list(value: Any) -> list[Any]:
    """The resolved items of a PDF array, or nothing when ``value`` is no array."""
    value = value.get_object() if value is not None else None
    return [item.get_object() for item in value] if isinstance(value, ArrayObject) else []


def _may_be_xml(name: str, data: bytes) -> bool:
    """Named ``*.xml``, or content that starts like XML whatever its name says."""
    head = data[:64].removeprefix(UTF8_BOM).lstrip()
    return name.lower().endswith(".xml") or head.startswith((b"<", b"\xff\xfe", b"\xfe\xff"))


def find_invoice(reader: PdfReader) -> tuple[str, ExtractedInvoice]:
    """The first attachment that is a CII or UBL invoice, read; or an error that says why not.

    A Peppol message dumped whole into the PDF is a ``StandardBusinessDocument`` whose payload,
    after the header, is the UBL or CII invoice: the root's children are looked at too.
    """
    problems: list[str] = []
    for name, data in _xml_attachments(reader):
        try:
            root = parse_xml(data)
        except ExtractionError as exc:
            # A broken side file (logistics data, signatures) does not hide a good invoice.
            problems.append(f"{name}: {exc}")
            continue
        for el in (root, *root.iterchildren("{*}*")):
            if is_ubl(el):
                return name, parse_ubl(el)
            if is_cii(el):
                return name, parse_cii(el)
    raise ExtractionError(f"{NO_INVOICE} ({'; '.join(problems)})" if problems else NO_INVOICE)


def read_embedded_invoice(pdf: bytes) -> dict[str, Any]:
    """Isolated target: the embedded invoice as JSON and the page count.

    Without one, ``invoice`` is None and ``error`` says why: the auto engine then reads the PDF
    another way, so that one look inside it decides that and reads the invoice in one go.
    """
    reader = open_pdf(pdf)
    try:
        _, invoice = find_invoice(reader)
    except ExtractionError as exc:
        return {"invoice": None, "error": str(exc), "pages": len(reader.pages)}
    return {"invoice": invoice.model_dump(mode="json"), "pages": len(reader.pages)}


class EInvoiceExtractor:
    """Reads Factur-X / ZUGFeRD / XRechnung / UBL XML embedded in the PDF."""

    name = "einvoice"

    def __init__(self, config: ExtractionConfig, isolation: Isolation | None = None) -> None:
        self._limits = Limits(timeout_s=config.timeout_seconds, memory_mb=config.memory_mb)
        self._isolation = isolation or Isolation()

    async def extract(self, pdf: bytes) -> ExtractionResult:
        return self.result(await self.look(pdf))

    async def look(self, pdf: bytes) -> dict[str, Any]:
        """What :func:`read_embedded_invoice` finds in ``pdf``, read in an isolated child."""
        return await self._isolation.run(
            "bot.extract.einvoice:read_embedded_invoice", pdf, limits=self._limits
        )

    def result(self, answer: dict[str, Any]) -> ExtractionResult:
        """The engine's result from what :meth:`look` found, or the error that it found none."""
        if answer["invoice"] is None:
            raise ExtractionError(answer["error"])
        invoice = ExtractedInvoice.model_validate(answer["invoice"])
        return ExtractionResult(
            engine=self.name,
            invoice=invoice,
            # Values read from the XML are what the supplier issued: nothing was guessed.
            confidence={name: 1.0 for name, value in invoice if value not in (None, "", [])},
            warnings=assess(invoice),
            pages=answer["pages"],
        )
