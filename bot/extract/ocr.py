"""Text of PDF pages that have no text layer (scans), by rendering them and running Tesseract.

Pages are rendered with ``pdftoppm`` (poppler-utils) and read with ``tesseract``; both are system
packages run as subprocesses, so a crash in either is a failed call, not a dead worker. Meant to
run inside an isolated child (:class:`~bot.extract.isolation.Isolation`), whose time bound also
bounds this.
Install: ``apt-get install poppler-utils tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu
tesseract-ocr-fra tesseract-ocr-nld``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from bot.errors import ExtractionError
from bot.extract.boxes import Page, Span

#: resolution pages are rendered at; Tesseract is trained on ~300 dpi text
DPI = 300
#: points per pixel at that resolution (boxes are given in points, as for text PDFs)
_POINT = 72 / DPI
#: seconds one tool call may take (the isolated call's own bound is usually tighter)
STEP_TIMEOUT_S = 300
_LANGUAGE = re.compile(r"^[A-Za-z_]{3,20}$")
_PACKAGES = "poppler-utils tesseract-ocr " + " ".join(
    f"tesseract-ocr-{code}" for code in ("eng", "deu", "fra", "nld")
)


def ocr_layout(pdf: bytes, languages: tuple[str, ...]) -> list[Page]:
    """Each page of ``pdf`` read by Tesseract in the given languages (``"deu"``), as layout text
    whose words keep their boxes."""
    tesseract = _tool("tesseract")
    pdftoppm = _tool("pdftoppm")
    lang = "+".join(_usable_languages(tesseract, languages))
    with tempfile.TemporaryDirectory(prefix="invoicebot-ocr-") as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(pdf)
        _run(
            [pdftoppm, "-r", str(DPI), "-gray", "-png", str(source), str(Path(tmp) / "page")],
            "render the PDF for OCR",
        )
        images = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [
            layout(_run([tesseract, str(image), "stdout", "-l", lang, "tsv"], "read the page"))
            for image in images
        ]


@dataclass(frozen=True)
class _Word:
    left: int
    top: int
    width: int
    height: int
    text: str

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


def layout(tsv: str) -> Page:
    """Page text with its columns kept, rebuilt from Tesseract's word boxes, which it keeps.

    Tesseract's plain text reads each column block on its own, so a table row or a "label ...
    value" line comes out in pieces. Words whose boxes share a height make one line, and each
    word is placed at the column its left edge is at, as pypdf's layout mode does for text PDFs:
    the parser then reads scans and text PDFs the same way.
    """
    words = _words(tsv)
    if not words:
        return Page("")
    char = median(w.width / len(w.text) for w in words) or 1.0
    height = median(w.height for w in words)
    rows: list[list[_Word]] = []
    for word in sorted(words, key=lambda w: w.middle):
        row = rows[-1] if rows else None
        if row and abs(word.middle - median(w.middle for w in row)) <= height * 0.6:
            row.append(word)
        else:
            rows.append([word])
    lines = [_line(row, char) for row in rows]
    return Page("\n".join(text for text, _ in lines) + "\n", [spans for _, spans in lines])


def _words(tsv: str) -> list[_Word]:
    """Word boxes (level 5 rows) of Tesseract's TSV output."""
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        words.append(_Word(left, top, width, height, cols[11].strip()))
    return words


def _line(row: list[_Word], char: float) -> tuple[str, list[Span]]:
    """One text line; a gap wider than two characters becomes a column gap of 2+ spaces."""
    out = ""
    spans: list[Span] = []
    right: int | None = None
    for word in sorted(row, key=lambda w: w.left):
        column = round(word.left / char)
        if right is None:
            out = " " * column
        elif word.left - right <= 2 * char:
            out += " "
        else:
            out += " " * max(2, column - len(out))
        box = (word.left, word.top, word.left + word.width, word.top + word.height)
        spans.append(Span(len(out), len(out) + len(word.text), tuple(v * _POINT for v in box)))  # type: ignore[arg-type]
        out += word.text
        right = word.left + word.width
    return out, spans


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ExtractionError(
            f"OCR needs {name}, which is not installed (apt-get install {_PACKAGES})"
        )
    return path


def _usable_languages(tesseract: str, wanted: Sequence[str]) -> list[str]:
    """The wanted languages that Tesseract has data for; an error when there are none."""
    bad = [code for code in wanted if not _LANGUAGE.match(code)]
    if bad:
        raise ExtractionError(f"not a Tesseract language code: {', '.join(map(repr, bad))}")
    listing = _run([tesseract, "--list-langs"], "list Tesseract's languages")
    installed = {line.strip() for line in listing.splitlines()[1:]}  # the first is a heading
    usable = [code for code in wanted if code in installed]
    if not usable:
        missing = " ".join(f"tesseract-ocr-{code}" for code in wanted) or "tesseract-ocr-eng"
        raise ExtractionError(
            f"Tesseract has none of the OCR languages {', '.join(wanted) or '(none given)'} "
            f"(apt-get install {missing})"
        )
    return usable


def _run(argv: list[str], what: str) -> str:
    # One thread: pages are many and workers several; OpenMP would also reserve address space
    # against the isolated child's memory bound.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(argv, capture_output=True, timeout=STEP_TIMEOUT_S, env=env)
    except subprocess.TimeoutExpired as exc:
        raise ExtractionError(f"could not {what}: it took longer than {STEP_TIMEOUT_S} s") from exc
    except OSError as exc:
        raise ExtractionError(f"could not {what}: {exc}") from exc
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise ExtractionError(f"could not {what}: {tail[0][:300]}")
    return done.stdout.decode(errors="replace")
