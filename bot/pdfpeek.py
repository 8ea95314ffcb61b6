"""The page count of a plain PDF read from its declared structure, with a few small reads.

Most invoice PDFs end with a classic cross-reference table, whose trailer names the catalog,
whose ``/Pages`` names the page tree, whose ``/Count`` is the page count (what pypdf itself
answers for ``len(reader.pages)``). Reading just those costs three or four reads of a few KB,
whatever the file holds, and no parser: a 20 MB string in the page tree is never read, and the
extraction child checks the real pages later.

Anything else (a cross-reference stream, an encrypted file, an object not where the table
says, a dictionary longer than the window) is "cannot tell": ``None``, and the caller runs the
full check in a bounded child process.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

Read = Callable[[int, int], bytes]
#: (first object number, how many, where the first entry is) of each subsection
Sections = list[tuple[int, int, int]]

#: the end of a file holding ``startxref``
TAIL = 2048
#: what is read of the trailer, the catalog and the page tree's root: their dictionaries are
#: short; a longer one is not the plain case
WINDOW = 8192
#: an xref entry is exactly 20 bytes (ISO 32000-1, 7.5.4)
ENTRY = 20

_STARTXREF = re.compile(rb"startxref\s+(\d{1,10})\s+%%EOF", re.S)
_SUBSECTION = re.compile(rb"(\d{1,10}) (\d{1,10})[ \t]*\r?\n")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_ROOT = re.compile(rb"/Root\s+(\d{1,10})\s+(\d{1,5})\s+R")
_PAGES = re.compile(rb"/Pages\s+(\d{1,10})\s+(\d{1,5})\s+R")
_COUNT = re.compile(rb"/Count\s+(\d{1,9})\b")
_TYPE_PAGES = re.compile(rb"/Type\s*/Pages\b")


def peek_page_count(path: str | os.PathLike[str]) -> int | None:
    """The declared page count, or None when the file is not the plain case."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size

        def read(offset: int, n: int) -> bytes:
            fh.seek(max(0, offset))
            return fh.read(n)

        tail = read(size - TAIL, TAIL)
        found = list(_STARTXREF.finditer(tail))
        if not found:
            return None
        xref = int(found[-1].group(1))
        if not 0 < xref < size:
            return None
        table = _read_table(read, xref, size)
        if table is None:
            return None
        sections, trailer = table
        if b"/Encrypt" in trailer:
            return None  # whether it opens without a password is pypdf's to say
        root = _ROOT.search(trailer)
        if root is None:
            return None
        catalog = _object(read, sections, int(root.group(1)))
        pages = _PAGES.search(catalog) if catalog is not None else None
        if pages is None:
            return None
        tree = _object(read, sections, int(pages.group(1)))
        if tree is None or not _TYPE_PAGES.search(tree):
            return None
        counts = _COUNT.findall(tree)
        return int(counts[0]) if len(counts) == 1 else None


def _read_table(read: Read, xref: int, size: int) -> tuple[Sections, bytes] | None:
    """The subsections of the table at ``xref``, and the trailer dictionary."""
    head = read(xref, WINDOW)
    if not head.startswith(b"xref"):
        return None  # a cross-reference stream (PDF 1.5+): not the plain case
    sections: Sections = []
    position = xref + len(b"xref")
    for _ in range(64):  # subsections; a plain table has one or a few
        chunk = read(position, 64)
        stripped = chunk.lstrip()
        position += len(chunk) - len(stripped)
        if stripped.startswith(b"trailer"):
            trailer = read(position, WINDOW)
            end = trailer.find(b"startxref")
            return sections, trailer[: end if end >= 0 else WINDOW]
        header = _SUBSECTION.match(stripped)
        if header is None:
            return None
        first, count = int(header.group(1)), int(header.group(2))
        position += header.end()
        if count * ENTRY > size:
            return None
        sections.append((first, count, position))
        position += count * ENTRY
    return None


def _object(read: Read, sections: Sections, number: int) -> bytes | None:
    """The text of object ``number`` up to its ``endobj``, if it is within the window."""
    where = next(
        (
            start + (number - first) * ENTRY
            for first, count, start in sections
            if first <= number < first + count
        ),
        None,
    )
    if where is None:
        return None
    entry = _ENTRY.match(read(where, ENTRY))
    if entry is None or entry.group(3) != b"n":
        return None
    text = read(int(entry.group(1)), WINDOW)
    if not re.match(rb"\s*%d\s+\d{1,5}\s+obj\b" % number, text):
        return None
    end = text.find(b"endobj")
    return text[:end] if end >= 0 else None
