"""The text layer of a PDF with its layout kept (columns stay columns).

pypdf's layout mode keeps each text line's horizontal position as spaces, which is what lets the
parser read tables and "label above value" boxes; :mod:`bot.extract.boxes` renders it the same
way while keeping where each character was drawn. Nothing here looks at embedded XML: the local
engine reads only what a person sees on the page.
"""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from bot.errors import ExtractionError
from bot.extract.boxes import Page, layout_page

#: Fewer visible characters than this over the whole document means "no text layer".
MIN_TEXT_CHARS = 20


def pdf_pages(pdf: bytes, max_pages: int = 200) -> list[Page]:
    """Each page (at most ``max_pages``) as layout text whose characters keep their boxes."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(pdf))
        if reader.is_encrypted:
            reader.decrypt("")
        return [layout_page(page) for page in reader.pages[:max_pages]]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise ExtractionError(f"the file is not a readable PDF: {exc}") from exc


def is_empty(pages: list[str]) -> bool:
    """True when the pages carry (almost) no text: a scan or an image-only PDF."""
    return sum(len("".join(p.split())) for p in pages) < MIN_TEXT_CHARS


#: line breaks other than "\n" inside a line of text: blanks, so that the line numbers stay those
#: of the page's spans (a box is looked up by them); str.translate would look up every character
_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


#: a rule of a table drawn in text ("+-----+-----+", "=======", "----------  ---------", "****")
_RULE = re.compile(r"[\s|+=_*\-\u2500-\u257f]*[-=_*\u2500-\u257f]{3}[\s|+=_*\-\u2500-\u257f]*")
#: a row of such a table ("| N° facture | Le | Folio |"): its bars are no text
_BAR = re.compile(r"(?:^|(?<= ))[|\u2502\u2503\u2551](?= |$)")
_BARRED = re.compile(r"\s*[|\u2502\u2503\u2551].*[|\u2502\u2503\u2551]\s*")


def split_lines(pages: list[str]) -> list[tuple[int, int, str]]:
    """(page number, line number in the page, line) without trailing spaces or blank lines; the
    rules and bars of a table drawn with characters are blanks (the columns stay where they are)."""
    return [
        (number, row, line.rstrip())
        for number, page in enumerate(pages, start=1)
        for row, line in enumerate(map(_unruled, _OTHER_BREAKS.sub(" ", page).split("\n")))
        if line.strip()
    ]


def _unruled(line: str) -> str:
    line = line.replace("\t", "    ")
    if not _BOX_CHARS.search(line):
        return line  # (most lines: one scan for the characters rules are drawn with)
    if _RULE.fullmatch(line):
        return ""
    return _BAR.sub(" ", line) if _BARRED.fullmatch(line) else line


_BOX_CHARS = re.compile(r"---|===|___|\*\*\*|[|\u2500-\u257f]")
