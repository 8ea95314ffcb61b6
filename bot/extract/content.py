"""A page's text as runs with their positions, read from its content stream.

The layout text (:mod:`bot.extract.boxes`) is laid out from runs of text: a run is a line's worth
of one text object, with where it starts and ends on the page and its font's height. This module
walks the content stream the way pypdf's layout mode does (the same text state, the same
quirks, so the text is the same) but keeps only what the runs need: pypdf's own walk builds an
object per text operation with a dozen matrices and its own runs, which the layout pass threw
away, and that was half of the parse of a small invoice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from io import BytesIO
from typing import Any, NamedTuple

from pypdf.errors import PdfReadError
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

Op = tuple[list[Any], bytes]
#: what a text operation showed: its font, its characters and how far they move the pen
Moved = tuple[Font, str, float | None]
Matrix = tuple[float, float, float, float, float, float]
#: the text parameters Tc, Tw, Tz, TL and Ts
_Params = tuple[float, float, float, float, float]
#: forms drawn inside forms are followed this deep
_FORM_DEPTH = 4
#: a text operation starting this many spaces left of where the last one ended starts a run
_BACK_SPACES = 5
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: a string's text between runs of eight spaces or more (fewer: justified or letter-spaced text)
_PIECE = re.compile(r"[^ ]+(?: {1,7}[^ ]+)*")
_WORDS = re.compile(r"[^ ]+")
_STATE_PARAMS = {b"Tc": "Tc", b"Tz": "Tz", b"Tw": "Tw", b"TL": "TL", b"Ts": "Ts"}


def text_runs(page: Any) -> list[dict[str, Any]]:
    """The page's runs, top to bottom (each a dict as pypdf's layout mode has them: ``text``,
    ``tx``, ``ty``, ``displaced_tx``, ``font_size``, ``font_height``, ``flip_sort``)."""
    contents = page["/Contents"] if "/Contents" in page else None
    if not isinstance(contents, (ArrayObject, StreamObject)):
        return []
    fonts = page._layout_mode_fonts()
    resources = page["/Resources"] if "/Resources" in page else {}
    operations = _operations(ContentStream(contents, page.pdf, "bytes"))
    ops = _with_forms(iter(operations), resources, fonts, page.pdf)
    state = _TextState(fonts)
    groups: list[dict[str, Any]] = []
    for operands, op in ops:
        if op in (b"BT", b"q"):
            shown: list[Shown] = []
            state.walk(ops, b"ET" if op == b"BT" else b"Q", shown)
            groups.extend(_runs(shown))
        elif op == b"Tf":
            state.set_font(operands)
        else:
            state.set_param(op, operands)
    groups = _unoverlapped(groups)
    return sorted(groups, key=lambda g: (g["ty"] * g["flip_sort"], -g["tx"]), reverse=True)


def split_cells(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Runs cut where a text object of their own starts exactly where another line's run
    starts: a table drawn a text object a cell, its cells one space apart in a narrow column
    ("EQ-58333" "Inductiekookplaat 3,5 kW"), has them apart where its columns start on paper
    (under "Omschrijving")."""
    if not any("cuts" in run for run in runs):
        return runs
    starts: dict[int, list[float]] = {}  # where runs and cells start, to a quarter point
    for run in runs:
        for tx in (run["tx"], *(cut[1] for cut in run.get("cuts", ()))):
            starts.setdefault(round(tx * 4), []).append(run["ty"])
    out: list[dict[str, Any]] = []
    for run in runs:
        for at, tx, end in reversed(run.pop("cuts", [])):
            near = (ty for d in (-1, 0, 1) for ty in starts.get(round(tx * 4) + d, ()))
            if any(abs(ty - run["ty"]) > run["font_height"] for ty in near):
                out.append({**run, "text": run["text"][at:], "tx": tx})
                run = {**run, "text": run["text"][:at].rstrip(), "displaced_tx": end}
        out.append(run)
    return out


def _piece(run: Shown) -> Shown:
    return {"text": run["text"], "tx": run["tx"], "displaced_tx": run["displaced_tx"]}


def _unoverlapped(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A run holding a long gap of spaces is split into its pieces where another run on its
    line starts inside it: troff prints a table row's figures as one string, columns apart by
    spaces, and draws the description into the gap afterwards."""
    if not any("pieces" in run for run in runs):
        return runs
    out: list[dict[str, Any]] = []
    for run in runs:
        pieces = run.pop("pieces", None)
        inside = (
            abs(other["ty"] - run["ty"]) < run["font_height"]
            and run["tx"] < other["tx"] < run["displaced_tx"]
            for other in runs
            if other is not run
        )
        if pieces and any(inside):
            run.pop("cuts", None)  # (each piece stands where it is drawn already)
            out.extend({**run, **piece} for piece in pieces)
        else:
            out.append(run)
    return out


#: one text operation: its text, origin, end, baseline, font size and height (the keys of a run,
#: as pypdf's layout mode names them), and the width of a space in text space and on the page
Shown = dict[str, Any]


def _runs(shown: list[Shown]) -> list[dict[str, Any]]:
    """The text operations as runs, as pypdf's layout mode joins them (one run a line of a text
    object, gaps as spaces of the font), but a gap of two spaces or more starts a run of its
    own: such a gap is a column's, and a run keeps its place only where it starts (a table row
    drawn as one text object had its columns set by the font's space, not where they stand).
    Where the type size changes, the gap is measured in the larger type's spaces: a word set in
    small capitals of two sizes ("C" "REDIT") is apart only by its letters' spacing; so are
    capitals drawn one by one, unless apart by most of a space (not a figure and its unit, set
    a thin space apart by TeX: "5 l")."""
    runs: list[dict[str, Any]] = []
    last: Any = None
    last_space = 0.0
    for tj in shown:
        space, space_tx = tj.pop("space_on_page"), tj.pop("space_tx")
        space, last_space = max(space, last_space), space
        gap = round(tj["tx"] - last["displaced_tx"], 3) if last is not None else 0.0
        spaces = round(gap / space) if gap > 0 and space else 0
        if (
            spaces == 1
            and gap < 0.8 * space
            and (tj["text"] + last["text"]).isalpha()
            and (tj["text"] + last["text"]).isupper()
            and len(tj["text"] + last["text"]) == 2
        ):
            spaces = 0  # capitals drawn one by one, spaced out: one word
        if (
            last is None
            or abs(tj["ty"] - last["ty"]) > tj["font_height"]
            or last["displaced_tx"] - tj["tx"] > space_tx * _BACK_SPACES
            or spaces >= 2
        ):
            runs.append(tj)
        else:
            if tj.pop("object", False) and spaces:  # a text object of its own, apart
                cut = (len(runs[-1]["text"]) + spaces, tj["tx"], last["displaced_tx"])
                runs[-1]["cuts"] = [*runs[-1].get("cuts", []), cut]
            if "pieces" in runs[-1] or "pieces" in tj:  # (each part where it stands)
                runs[-1]["pieces"] = runs[-1].get("pieces", [_piece(runs[-1])]) + tj.get(
                    "pieces", [_piece(tj)]
                )
            text = runs[-1]["text"] + " " * spaces + tj["text"]
            runs[-1].update(text=text, displaced_tx=tj["displaced_tx"])
        last = tj
    for run in runs:
        run.pop("object", None)
    return [r for r in runs if r["text"].strip()]


def _mult(m: Any, n: Any) -> Matrix:
    """``m`` times ``n``, as pypdf multiplies (the same order of operations: same floats)."""
    return (
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    )


def _number(value: Any, default: float) -> float:
    """An operand as a float, or ``default`` (a malformed stream may put a name there)."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _matrix(operands: list[Any], complete: bool = True) -> Matrix:
    """The matrix of ``cm``/``Tm`` operands, or of a ``Td``'s two (the last six count)."""
    if complete and len(operands) == 2:
        operands = [1.0, 0.0, 0.0, 1.0, *operands]
    try:
        values = [float(v) for v in operands[-6:]]
    except (TypeError, ValueError):
        values = [_number(v, d) for v, d in zip(operands[-6:], _IDENTITY, strict=False)]
    return (*values, *_IDENTITY[len(values) :])  # type: ignore[return-value]


class _Widths(NamedTuple):
    """A font's glyph widths by character, the space's own width in it."""

    table: dict[str, float]
    default: float
    space: str


class _TextState:
    """The graphics and text state of pypdf's layout mode: a stack of matrices (newest last),
    each ``cm`` (``is_text`` False), text matrix or text-rendering shift; the font and the text
    parameters. The quirks are pypdf's, kept so that the text is what it was (a ``cm`` drops
    the text matrices), but for three: text shown moves the pen (see :meth:`advance`), an
    empty text object ("BT 449.1 480.9 Td ET", an empty cell) does not move the next, and ``Q``
    restores the text parameters as well as the font."""

    def __init__(self, fonts: dict[str, Font]) -> None:
        self.fonts = fonts
        self.stack: list[tuple[Matrix, bool, bool]] = [(_IDENTITY, False, False)]
        self.q_counts: dict[int, int] = {}
        self.q_depth = [0]
        self.Tc, self.Tw, self.Tz, self.TL, self.Ts = 0.0, 0.0, 100.0, 0.0, 0.0
        #: what ``q`` saves and ``Q`` restores (a letter-spaced heading's ``Tc`` set inside
        #: ``q``/``Q`` does not widen the rest of the page)
        self.font_stack: list[tuple[Font | None, float, _Params]] = []
        self.font: Font | None = None
        self.font_size: float = 0
        self._widths: dict[int, _Widths] = {}
        self._effective: Matrix | None = None
        self._unknown: Font | None = None
        self._space_tx: dict[tuple[int, float, float, float, float], float] = {}
        self.fresh = False  # a text object has begun and shown nothing yet

    def walk(self, ops: Iterator[Op], end: bytes, shown: list[Shown]) -> None:
        """Follow the operations to ``end`` (``ET`` or ``Q``), adding what is shown to ``shown``."""
        if end == b"Q":
            self.font_stack.append((self.font, self.font_size, self.params()))
            self.q_depth.append(len(self.q_depth))
        else:
            self.fresh = True
        for operands, op in ops:
            if op == end:
                if op == b"Q":
                    self.font, self.font_size, params = self.font_stack.pop()
                    self.Tc, self.Tw, self.Tz, self.TL, self.Ts = params
                    self.reset_tm()
                    drop = self.q_counts.pop(self.q_depth.pop(), 0)
                    self._set(self.stack[: max(0, len(self.stack) - drop)])
                else:  # an ET: the next text object starts from the identity, as the
                    self.reset_tm()  # specification says (pypdf's keeps an empty one's Td)
                return
            if op == b"q" or (op == b"BT" and end == b"Q"):
                self.walk(ops, b"ET" if op == b"BT" else b"Q", shown)
            elif op == b"cm":
                self.reset_tm()
                depth = self.q_depth[-1]
                self.q_counts[depth] = self.q_counts.get(depth, 0) + 1
                self._set([*self.stack, (_matrix(operands, complete=False), False, False)])
            elif op == b"BT":
                self.reset_tm()
            elif op == b"Tj" and operands and isinstance(operands[0], (str, bytes)):
                self.advance(self.show(operands[0], shown))
            elif op == b"TJ" and operands and isinstance(operands[0], ArrayObject):
                moved, ahead = self.show("", None), False
                for item in operands[0]:
                    if isinstance(item, bytes):
                        if ahead:
                            self.advance(moved)
                        moved, ahead = self.show(item, shown), True
                    elif isinstance(item, (int, float)):
                        self.advance(moved, item)
                        ahead = False
                if ahead:
                    self.advance(moved)
            elif op in (b"'", b"Td", b"Tm", b"TD", b"T*") or (op == b'"' and len(operands) >= 3):
                self.reset_trm()
                if op == b"Tm":
                    self.reset_tm()
                elif op == b"TD" and len(operands) >= 2 and isinstance(operands[1], (int, float)):
                    self.TL = _number(-operands[1], self.TL)
                elif op == b'"':
                    self.set_param(b"Tw", operands[:1])
                    self.set_param(b"Tc", operands[1:2])
                if op in (b"'", b'"', b"T*"):
                    self.add_tm([0, -self.TL])
                    index = {b"'": 0, b'"': 2}.get(op)
                    if index is not None and index < len(operands):
                        if isinstance(operands[index], (str, bytes)):
                            self.advance(self.show(operands[index], shown))
                else:
                    self.add_tm(operands)
            elif op == b"Tf":
                self.set_font(operands)
            else:
                self.set_param(op, operands)

    def params(self) -> _Params:
        return self.Tc, self.Tw, self.Tz, self.TL, self.Ts

    def advance(self, moved: Moved, offset: float = 0.0) -> None:
        """Move the pen past the characters shown (less a ``TJ`` number's ``offset``): the
        next text starts where they end, as the PDF specification says. (pypdf's layout mode
        moves it only for a number in a ``TJ`` array: text shown after a ``Tj`` with no
        ``Td`` between overlapped it, "INVOICE" "In" "voice" read as "INVOICEIn   voice".)"""
        font, chars, width = moved
        if width is None or offset:
            width = self.word_tx(font, chars, offset)
        self._set([*self.stack, ((1.0, 0.0, 0.0, 1.0, width, 0.0), True, True)])

    def set_param(self, op: bytes, operands: list[Any]) -> None:
        """``Tc``, ``Tw``, ``Tz``, ``TL`` or ``Ts`` (a malformed operand changes nothing)."""
        name = _STATE_PARAMS.get(op)
        if name is not None:
            setattr(self, name, _number(operands[0] if operands else None, getattr(self, name)))

    def set_font(self, operands: list[Any]) -> None:
        """``Tf``: a font the resources do not name shows nothing (pypdf's placeholder)."""
        name = operands[0] if operands else ""
        self.font_size = _number(operands[1] if len(operands) > 1 else None, self.font_size)
        font = self.fonts.get(name)
        if font is None:  # one for the page: its widths are cached by identity
            font = self._unknown = self._unknown or Font(
                "Unknown", encoding={}, interpretable=False
            )
        self.font = font

    def reset_tm(self) -> None:
        """Drop the text matrices and shifts on top of the stack."""
        while self.stack[-1][1]:
            self._set(self.stack[:-1])

    def reset_trm(self) -> None:
        """Drop the text-rendering shifts on top of the stack."""
        while self.stack[-1][2]:
            self._set(self.stack[:-1])

    def add_tm(self, operands: list[Any]) -> None:
        """A text matrix (``Td``, ``Tm``...): merged into a text matrix on top, else pushed."""
        new = _matrix(operands)
        top, is_text, is_render = self.stack[-1]
        if is_text and not is_render:
            self._set([*self.stack[:-1], (_mult(new, top), True, False)])
        else:
            self._set([*self.stack, (new, True, False)])

    def _set(self, stack: list[tuple[Matrix, bool, bool]]) -> None:
        """A new stack (a new list: the cached product stays right for the old one)."""
        self.stack, self._effective = stack, None

    def effective(self) -> Matrix:
        """The matrix from text space to the page: the newest matrix times each older one."""
        if self._effective is None:
            matrix = self.stack[-1][0]
            for older in reversed(self.stack[:-1]):
                matrix = _mult(matrix, older[0])
            self._effective = matrix
        return self._effective

    def widths(self, font: Font) -> _Widths:
        """The font's widths by character, a space counted as the font's space width."""
        found = self._widths.get(id(font))
        if found is None:
            table = dict(font.character_widths)
            table[font.space_char] = font.space_width
            found = self._widths[id(font)] = _Widths(
                table, font.character_widths["default"], font.space_char
            )
        return found

    def word_tx(self, font: Font, chars: str, offset: float = 0.0) -> float:
        """How far ``chars`` move the pen in text space, pypdf's ``word_tx``."""
        widths = self.widths(font)
        width = sum(map(widths.table.get, chars, [widths.default] * len(chars)), 0.0)
        return (
            (self.font_size * ((width - offset) / 1000.0))
            + len(chars) * self.Tc
            + chars.count(widths.space) * self.Tw
        ) * (self.Tz / 100.0)

    def show(self, value: str | bytes, shown: list[Shown] | None) -> Moved:
        """A text operation: what it shows goes to ``shown`` unless rotated or unreadable; the
        font, characters and their width (when measured) are returned for the pen's advance."""
        font = self.font
        if not isinstance(font, Font):
            raise PdfReadError("font not set: is PDF missing a Tf operator?")
        if shown is None:
            return font, "", None
        if isinstance(value, bytes):
            encoding = font.encoding
            if isinstance(encoding, str):
                try:
                    chars = value.decode(encoding, "surrogatepass")
                except UnicodeDecodeError:
                    chars = value.decode(encoding, "replace")
                decoded = chars
            else:
                chars = "".join(map(chr, value))
                decoded = "".join([encoding.get(x, chr(x)) for x in value]) or chars
        else:
            chars, decoded = "", value
        t = self.effective()
        rotated = not (t[3] > 1e-6 or t[3] < -1e-6) or (t[3] < -1e-6 and t[0] < -1e-6)
        if rotated or not font.interpretable:
            return font, chars, None
        cmap = font.character_map
        text = "".join([cmap.get(x, x) for x in decoded]) if isinstance(value, bytes) else value
        key = (id(font), self.font_size, self.Tc, self.Tw, self.Tz)
        if (space_tx := self._space_tx.get(key)) is None:
            space_tx = round(self.word_tx(font, font.space_char), 3)
            if space_tx < 1e-6:
                space_tx = round(self.word_tx(font, "", -font.space_width), 3)
            self._space_tx[key] = space_tx
        raw = chars if isinstance(value, bytes) else value
        common = {
            "ty": 0.0 * t[1] + self.Ts * t[3] + t[5],
            "font_size": self.font_size,
            "font_height": self.font_size * math.sqrt(t[1] ** 2 + t[3] ** 2),
            "flip_sort": -1 if t[3] < -1e-6 else 1,
            "space_tx": space_tx,
            "space_on_page": space_tx * abs(t[0]),
        }
        stretch = self.Tw * self.Tz / 100  # what word spacing adds to a space
        natural = space_tx - stretch
        if stretch > 0 < natural:
            # a gap between two strings is no space character: word spacing does not widen it
            # ("4.9 Tw [(Café) -250 (en)] TJ" is two words)
            common.update(space_tx=natural, space_on_page=natural * abs(t[0]))
        if (
            stretch > max(5 * natural, 2 * self.font_size)
            and natural > 0
            and len(raw) == len(decoded)
        ):
            # spaces stretched to columns by word spacing ("222.3 Tw [(TEXT MENGE) ...] TJ"):
            # each word where it stands, gaps measured in the font's own spaces
            common.update(space_tx=natural, space_on_page=natural * t[0])
            for piece in self._pieces(_WORDS, font, value, raw, decoded, t):
                shown.append({**piece, **common})
            self.fresh = False
            return font, raw, None
        width = self.word_tx(font, raw)
        end = width * t[0] + 0.0 * t[2] + t[4]
        run: Shown = {"text": text, "tx": t[4], "displaced_tx": end, **common}
        if " " * 8 in decoded and len(raw) == len(decoded):
            # columns set apart by spaces inside one string (troff's tables): each piece where
            # it stands, should text drawn later fall between them (see _unoverlapped)
            run["pieces"] = self._pieces(_PIECE, font, value, raw, decoded, t)
        if self.fresh:  # (where a cell of a table drawn one text object a cell may start)
            run["object"], self.fresh = True, False
        shown.append(run)
        return font, raw, width

    def _pieces(
        self,
        pattern: re.Pattern[str],
        font: Font,
        value: str | bytes,
        raw: str,
        decoded: str,
        t: Matrix,
    ) -> list[Shown]:
        """The parts of a string that ``pattern`` finds, each with where it starts and ends on
        the page (its characters measured from the string's start)."""
        cmap = font.character_map
        return [
            {
                "text": "".join([cmap.get(x, x) for x in m[0]])
                if isinstance(value, bytes)
                else m[0],
                "tx": self.word_tx(font, raw[: m.start()]) * t[0] + t[4],
                "displaced_tx": self.word_tx(font, raw[: m.end()]) * t[0] + t[4],
            }
            for m in pattern.finditer(decoded)
        ]


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
