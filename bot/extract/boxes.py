"""Pages as text runs with their boxes, and the layout text rendered from them.

The parser reads a page as fixed-width lines (columns stay columns, so labels and tables are
found by position); every character of those lines is traced back to the run of text it came
from and that run's box on the page, so that a field can say where it was read. Text PDFs give
runs from pypdf's text operations (the same ones its layout mode uses), scans give Tesseract's word
boxes (:mod:`bot.extract.ocr`); both end as a :class:`Page`.

Boxes are in points from the page's top-left corner (OCR: pixels at the rendering resolution,
scaled to points), ``(x0, y0, x1, y1)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from math import ceil
from typing import Any, NamedTuple

from pypdf._text_extraction._layout_mode import _fixed_width_page as fixed

from bot.extract.content import split_cells, text_runs

BoxT = tuple[float, float, float, float]
# blanked (str.translate looks every character up); Qt's PDF engine shows a tab between words
_CONTROL = re.compile("[\t\x0e-\x1f]")
#: typographic ligatures as their letters (cairo, LaTeX: "Caseiﬁcio" is "Caseificio")
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)


class Span(NamedTuple):
    """Characters ``start..end`` of a layout line came from a run drawn in ``box`` (a tuple:
    one a run of text, made by the thousand, twice as fast as a frozen dataclass)."""

    start: int
    end: int
    box: BoxT


@dataclass
class Page:
    """One page: its layout text, and per text line the spans that place its characters."""

    text: str
    spans: list[list[Span]] = field(default_factory=list)
    #: (x of column 0, width of a column) in points: each page has its own grid of characters
    grid: tuple[float, float] | None = None

    def box(self, line: int, start: int, end: int) -> BoxT | None:
        """The box of characters ``start..end`` of text line ``line`` (blank lines count)."""
        spans = self.spans[line] if line < len(self.spans) else []
        parts = [_slice(s, start, end) for s in spans if s.start < end and start < s.end]
        if not parts:
            return None
        x0, y0, x1, y1 = zip(*parts, strict=True)
        return min(x0), min(y0), max(x1), max(y1)


def _slice(span: Span, start: int, end: int) -> BoxT:
    """The part of a run's box under characters ``start..end``, the run's width shared evenly
    among its characters (fonts are not monospaced, but a field's box needs no more)."""
    x0, y0, x1, y1 = span.box
    per = (x1 - x0) / max(1, span.end - span.start)
    a, b = max(start, span.start) - span.start, min(end, span.end) - span.start
    return (x0 + a * per, y0, x0 + b * per, y1)


def layout_page(page: Any) -> Page:
    """A pypdf page as a :class:`Page`: layout text with spans, or, when pypdf's layout pass
    fails or sees no text (text inside form XObjects), its plain text without boxes, which is
    still read far better than by OCR."""
    try:
        runs = split_cells(text_runs(page))
        rendered = _render(runs, float(page.mediabox.top)) if runs else None
    except (ValueError, KeyError, TypeError, ZeroDivisionError, IndexError, AttributeError):
        rendered = None
    if rendered is not None and rendered.text.strip():
        return rendered
    return Page(page.extract_text())


def _monospace(runs: list[dict[str, Any]]) -> float | None:
    """The width of a character where the page is set in one fixed-width font (a printout:
    its lines are long runs whose characters are all as wide): then the grid is those
    characters, and text placed apart on the line (word spacing stretched to columns) lines up
    with the columns of the text printed in one run. Elsewhere pypdf's grid (0.8 of the average
    width, so that runs apart on the page stay apart in the text)."""
    widths = [(r["displaced_tx"] - r["tx"]) / len(r["text"]) for r in runs if len(r["text"]) >= 20]
    if len(widths) < 3 or min(widths) <= 0 or max(widths) > 1.01 * min(widths):
        return None
    return sorted(widths)[len(widths) // 2]


def _render(runs: list[dict[str, Any]], height: float) -> Page:
    """Fixed-width text of the runs, as pypdf's layout mode writes it, with every run's span;
    but two runs apart on the page stay apart in the text (a column gap as two spaces, a word
    gap as one) where the grid of average character widths left no room: a narrow column's
    value ran into the next ("12,00" and "19" as "12,0019")."""
    left = min(r["tx"] for r in runs)
    shifted = [dict(r, tx=r["tx"] - left, displaced_tx=r["displaced_tx"] - left) for r in runs]
    char = _monospace(shifted) or fixed.fixed_char_width(shifted)  # type: ignore[arg-type]
    lines: list[str] = []
    spans: list[list[Span]] = []
    last_y = 0
    # lines as pypdf's layout mode groups them (by baseline, merging groups less than a font
    # height apart that do not start at the same x), each sorted by x
    grouped: dict[int, list[dict[str, Any]]] = fixed.y_coordinate_groups(shifted)  # type: ignore[arg-type,assignment]
    for y, line in grouped.items():
        if lines:
            fh = line[0]["font_height"]
            gap = 0 if fh == 0 else int(abs(y - last_y) / fh) - 1
            for _ in range(min(max(gap, 0), fixed.NEWLINE_LIMIT)):
                lines.append("")
                spans.append([])
        parts: list[str] = []
        own: list[Span] = []
        length, last_end, last_ty, last_size = 0, 0.0, 0.0, 0.0
        for run in line:
            tx = run["tx"]
            size = run["font_height"] or run["font_size"]
            offset = int(tx // char) if char else length
            pad = offset - length if ceil(last_end) < int(tx) else 0
            if own:  # the gap on the page, not the grid, says whether runs are apart
                ends_blank = parts[-1].endswith(" ")
                if tx - last_end >= char:
                    pad = max(pad, 2 - ends_blank)  # a column gap stays one
                elif tx - last_end >= 0.15 * size and not ends_blank:
                    pad = max(pad, 1)  # so does a space between words
                elif last_end - tx > size and (
                    abs(run["ty"] - last_ty) > 0.3 * size or abs(size - last_size) > 0.3 * size
                ):  # within another run's span, on another row or in another type size
                    pad = max(pad, 2 - ends_blank)
            if pad > 0:
                pad = min(pad, fixed.WHITESPACE_LIMIT)
                parts.append(" " * pad)
                length += pad
            text = _CONTROL.sub(" ", run["text"])
            if _LIGATURE.search(text):
                text = text.translate(_LIGATURES)
            base = height - run["ty"] * run["flip_sort"]
            box = (tx + left, base - 0.8 * size, run["displaced_tx"] + left, base + 0.2 * size)
            own.append(Span(length, length + len(text), box))
            parts.append(text)
            length += len(text)
            last_end, last_ty, last_size = run["displaced_tx"], run["ty"], size
        text = "".join(parts).rstrip()
        if text.strip() or lines:
            lines.append(text)
            spans.append(own)
        last_y = y
    return Page("\n".join(lines), spans, (left, char) if char else None)
