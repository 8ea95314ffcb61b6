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
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from io import BytesIO
from math import ceil
from typing import Any, NamedTuple

from pypdf._text_extraction._layout_mode import _fixed_width_page as fixed
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    create_string_object,
    read_object,
)
from pypdf.generic._data_structures import IndirectPattern
from pypdf.generic._font import Font

BoxT = tuple[float, float, float, float]


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
        runs = _text_runs(page)
        rendered = _render(runs, float(page.mediabox.top)) if runs else None
    except (ValueError, KeyError, TypeError, ZeroDivisionError, IndexError, AttributeError):
        rendered = None
    if rendered is not None and rendered.text.strip():
        return rendered
    return Page(page.extract_text())


def _text_runs(page: Any) -> list[dict[str, Any]]:
    """pypdf's text operations of the page, each with its text, origin, end and font height
    (what ``extract_text(extraction_mode="layout")`` computes before it drops the positions)."""
    contents = page["/Contents"] if "/Contents" in page else None
    if not isinstance(contents, (ArrayObject, StreamObject)):
        return []
    fonts = page._layout_mode_fonts()
    for font in fonts.values():
        font.get_text_width = partial(_text_width, font.character_widths)  # type: ignore[method-assign]
    resources = page["/Resources"] if "/Resources" in page else {}
    operations = _operations(ContentStream(contents, page.pdf, "bytes"))
    ops = _with_forms(iter(operations), resources, fonts, page.pdf)
    state = fixed.TextStateManager()
    groups: list[dict[str, Any]] = []
    for operands, op in ops:
        if op in (b"BT", b"q"):
            _, shown = fixed.recurse_to_target_op(ops, state, b"ET" if op == b"BT" else b"Q", fonts)
            groups.extend(_runs(shown))
        elif op == b"Tf":
            fixed.set_font_operation(state, fonts, operands)
        else:
            state.set_state_param(op, operands)
    return sorted(groups, key=lambda g: (g["ty"] * g["flip_sort"], -g["tx"]), reverse=True)


def _runs(shown: list[Any]) -> list[dict[str, Any]]:
    """The text operations as runs, as pypdf's layout mode joins them (one run a line of a text
    object, gaps as spaces of the font), but a gap of two spaces or more starts a run of its
    own: such a gap is a column's, and a run keeps its place only where it starts (a table row
    drawn as one text object had its columns set by the font's space, not where they stand)."""
    runs: list[dict[str, Any]] = []
    last: Any = None
    for tj in shown:
        if tj.rotated or not tj.font.interpretable:
            continue
        space = tj.space_tx * abs(tj.transform[0])
        gap = round(tj.tx - last.displaced_tx, 3) if last is not None else 0.0
        spaces = round(gap / space) if gap > 0 and space else 0
        if (
            last is None
            or abs(tj.ty - last.ty) > tj.font_height
            or last.displaced_tx - tj.tx > tj.space_tx * fixed.LAYOUT_NEW_BT_GROUP_SPACE_WIDTHS
            or spaces >= 2
        ):
            runs.append(dict(fixed.bt_group(tj, tj.text, tj.displaced_tx)))
        else:
            text = runs[-1]["text"] + " " * spaces + tj.text
            runs[-1].update(text=text, displaced_tx=tj.displaced_tx)
        last = tj
    return [r for r in runs if r["text"].strip()]


Op = tuple[list[Any], bytes]
#: forms drawn inside forms are followed this deep
_FORM_DEPTH = 4


def _text_width(widths: dict[str, float], text: str) -> float:
    """pypdf's ``Font.get_text_width`` without its list: layout mode asks one character at a
    time, so that is a single dict look-up; a longer text is summed as pypdf sums it."""
    if len(text) == 1:
        return widths.get(text, widths["default"])
    return sum([widths.get(c, widths["default"]) for c in text], 0.0)


def _with_forms(
    ops: Iterator[Op],
    resources: Any,
    fonts: dict[str, Any],
    pdf: Any,
    prefix: str = "",
    depth: int = 0,
) -> Iterator[Op]:
    """The operations with each form XObject drawn in place (``q``, its matrix, its own
    operations, ``Q``): pypdf's layout pass skips forms, where letterheads and whole pages are
    often drawn. A form's fonts join ``fonts`` under its own prefix, so names cannot clash."""
    xobjects = resources.get("/XObject") if hasattr(resources, "get") else None
    xobjects = xobjects.get_object() if xobjects is not None else {}
    for operands, op in ops:
        if op == b"Tf" and operands and prefix:
            operands = [prefix + str(operands[0]), *operands[1:]]
        form = xobjects.get(operands[0]) if op == b"Do" and operands else None
        form = form.get_object() if form is not None else None
        if not (isinstance(form, StreamObject) and form.get("/Subtype") == "/Form"):
            yield operands, op
            continue
        if depth >= _FORM_DEPTH:
            continue  # forms nested this deep (or drawing themselves) hold no invoice text
        inner = f"{prefix}{operands[0]}/"
        own: Any = form["/Resources"] if "/Resources" in form else resources
        for name, font in (own.get("/Font") or {}).items():
            fonts[inner + name] = Font.from_font_resource(font.get_object())
        yield [], b"q"
        matrix: Any = form.get("/Matrix")
        if matrix is not None:
            yield list(matrix), b"cm"
        inner_ops = iter(_operations(ContentStream(form, pdf, "bytes")))
        yield from _with_forms(inner_ops, own, fonts, pdf, inner, depth + 1)
        yield [], b"Q"


# A token of a content stream as pypdf's parser reads it (numbers run over "+,-.0-9", names and
# operators end at a delimiter); names with "#" or non-ASCII bytes, strings with escapes or
# parentheses, dictionaries and comments are left to pypdf
_OPERAND = (
    rb"(?P<num>[0-9+\-.][+,\-.0-9]*)|/(?P<name>[^\s()<>\[\]{}/%#\x80-\xff]*)(?=[\s()<>\[\]{}/%]|\Z)"
    rb"|\((?P<str>[^()\\]*)\)|<(?P<hex>[0-9A-Fa-f]*)>|(?P<other>)"
)
_SPACE = rb"[\x00\t\n\f\r ]*"
_TOKEN = re.compile(
    _SPACE + rb"(?:(?P<op>[A-Za-z'\"][^\s()<>\[\]{}/%]*)|(?P<arr>\[)|" + _OPERAND + b")"
)
_ITEM = re.compile(rb"[\x00\t\n\v\f\r ]*(?:(?P<close>\])|" + _OPERAND + b")")
_CONTROL = re.compile("[\x0e-\x1f]")  # blanked (str.translate looks every character up)


def _operations(stream: Any) -> list[tuple[Any, bytes]]:
    """``stream.operations``, the same objects, read a token at a time with one regular
    expression where pypdf reads a byte at a time (a third of the layout pass); what the fast
    path does not know (inline images, dictionaries, escapes, a huge stream) pypdf reads."""
    data, forced, reader = stream._data, stream.forced_encoding, None
    if stream._operations or not data or len(data) > 1_000_000:
        return stream.operations  # type: ignore[no-any-return]
    ops: list[tuple[Any, bytes]] = []
    operands: list[Any] = []
    pos = 0
    while m := _TOKEN.match(data, pos):  # always a match: "other" is empty
        if m.lastgroup == "op":
            if m["op"] == b"BI" or len(m["op"]) > 100:
                return stream.operations  # type: ignore[no-any-return]
            ops.append((operands, m["op"]))
            operands, pos = [], m.end()
        elif (found := _operand(m, data, forced)) is not None:
            operands.append(found[0])
            pos = found[1]
        elif (start := m.start(m.lastgroup or 0) - (m.lastgroup == "name")) == len(data):
            return ops
        elif data[start] == 37:  # "%": a comment, to the end of its line
            breaks = [i for i in (data.find(b"\r", start), data.find(b"\n", start)) if i >= 0]
            pos = min(breaks, default=len(data) - 1) + 1
        else:  # a token that pypdf reads itself, from where it starts
            reader = reader or BytesIO(data)
            reader.seek(start)
            operands.append(read_object(reader, None, forced))
            pos = reader.tell()
    return ops


def _operand(m: re.Match[bytes], data: bytes, forced: Any) -> tuple[Any, int] | None:
    """The pypdf object of a simple operand token and its end; None when pypdf must read it."""
    kind, end = m.lastgroup, m.end()
    token = m[kind or 0]
    if kind == "num":  # pypdf peeks 20 bytes for the number's end and an "n 0 R" reference
        start = m.start(kind)
        if (
            len(token) < 20
            and end < len(data)
            and not IndirectPattern.match(data, start, start + 20)
        ):
            return (FloatObject(token) if b"." in token else NumberObject(token)), end
    elif kind == "name" and len(token) < 4000:
        return NameObject("/" + token.decode()), end
    elif kind in ("str", "hex"):
        raw = token if kind == "str" else bytes.fromhex((token + b"0" * (len(token) % 2)).decode())
        return create_string_object(raw, forced), end
    elif kind == "arr":  # an array of simple operands: a TJ's strings and numbers
        found = ArrayObject()
        for item in _ITEM.finditer(data, end):
            if item.lastgroup == "close":
                return found, item.end()
            if len(found) >= 50_000 or (value := _operand(item, data, forced)) is None:
                return None
            found.append(value[0])
    return None


def _render(runs: list[dict[str, Any]], height: float) -> Page:
    """Fixed-width text of the runs, as pypdf's layout mode writes it, with every run's span;
    but two runs apart on the page stay apart in the text (a column gap as two spaces, a word
    gap as one) where the grid of average character widths left no room: a narrow column's
    value ran into the next ("12,00" and "19" as "12,0019")."""
    left = min(r["tx"] for r in runs)
    shifted = [dict(r, tx=r["tx"] - left, displaced_tx=r["displaced_tx"] - left) for r in runs]
    char = fixed.fixed_char_width(shifted)  # type: ignore[arg-type]
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
        length, last_end, last_ty = 0, 0.0, 0.0
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
                elif last_end - tx > size and abs(run["ty"] - last_ty) > 0.3 * size:
                    pad = max(pad, 2 - ends_blank)  # within a taller run's span, on another row
            if pad > 0:
                pad = min(pad, fixed.WHITESPACE_LIMIT)
                parts.append(" " * pad)
                length += pad
            text = _CONTROL.sub(" ", run["text"])
            base = height - run["ty"] * run["flip_sort"]
            box = (tx + left, base - 0.8 * size, run["displaced_tx"] + left, base + 0.2 * size)
            own.append(Span(length, length + len(text), box))
            parts.append(text)
            length += len(text)
            last_end, last_ty = run["displaced_tx"], run["ty"]
        text = "".join(parts).rstrip()
        if text.strip() or lines:
            lines.append(text)
            spans.append(own)
        last_y = y
    return Page("\n".join(lines), spans, (left, char) if char else None)
