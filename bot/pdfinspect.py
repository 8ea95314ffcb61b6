"""The PDF check's parsing half: runs in a bounded child process (``bot/pdfcheck.py``).

Kept apart, with nothing but pypdf to import, so each forked child loads it in a moment and a
hostile file (a 20 MB string in the page tree, a loop of references) costs the child its memory
bound or its time, never the server.
"""

from __future__ import annotations

from typing import Any

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError


def inspect(pdf: bytes, path: str) -> dict[str, Any]:
    """``{"pages": n}``, ``{"encrypted": True}`` or ``{"damaged": why}`` for the file at
    ``path`` (``pdf`` is unused: the file is read from disk, only as far as pypdf needs)."""
    try:
        # Given an open file, pypdf reads only the parts it needs (trailer, cross-references,
        # page tree), not the whole file
        with open(path, "rb") as fh:
            reader = PdfReader(fh)
            if reader.is_encrypted:
                try:
                    # An empty user password opens many "protected" PDFs (owner-only restrictions)
                    if not reader.decrypt(""):
                        return {"encrypted": True}
                except (FileNotDecryptedError, NotImplementedError):
                    return {"encrypted": True}
            return {"pages": len(reader.pages)}
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        return {"damaged": f"{type(exc).__name__}: {exc}"[:300]}
