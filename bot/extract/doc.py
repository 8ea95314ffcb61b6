"""A document as lines with columns, and the two ways a label points at its value.

Invoices print a value either right of its label (``Invoice no: 42``) or in the same column on
the line below (a row of headings over a row of values). :class:`Doc` finds label hits and reads
the text in either place; the field readers decide what a valid value is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, takewhile
from typing import NamedTuple, TypeVar

from bot.extract.boxes import BoxT, Page
from bot.extract.dates import fold, order_hint
from bot.extract.numbers import Number, decimal_hint, find_amounts
from bot.extract.prefilter import anchors, line_bound
from bot.extract.text import split_lines

T = TypeVar("T")

#: a label ending its sentence: a full stop, then the next sentence's first word or nothing
_SENTENCE_END = re.compile(r"\s*\.(?: [^\W\d_](?:[^\W\d_A-Z]| )|\s*$)")
_CELL_GAP = re.compile(r"[^ ]+(?: [^ ]+)*(?: $)?")  # no-break spaces join, as in "1\u00a0176,03"
#: what may stand between a label and its value: a colon, a dash, a qualifier in brackets
# (a "#" glued to the value is the value's: "#98656")
_LEAD = re.compile(r"^(?:[\s:.\-–=]|#(?!\w))*(?:\([^)]{1,30}\)(?:[\s:.\-–=]|#(?!\w))*)?")
_WORD = re.compile(r"[^\W\d_]{3,}")
# a value wrapped in a narrow box goes on below: "30-06-" / "2024", "14 agosto" / "2025",
# "30 de dezembro de" / "2023"
_BROKEN = re.compile(r"\d[-/.]$|\b\d{1,2}\.? (?:de )?[^\W\d]{3,}(?: de)?$")
_YEAR_TAIL = re.compile(r"de \d{4}")  # ("30 de abril" / "de 2024")
_SPACED_DATE = re.compile(r"\d\. \d{1,2}\.$")
_SPACES = re.compile(" {4,}")
_CODE = re.compile(r"[A-Z]{3}|[€$£]")
_CURRENCY_WORDS = frozenset(
    "eur usd gbp chf czk pln sek nok dkk huf cad aud euro euros ttc incl excl net inkl".split()
)
#: a word printed letter-spaced ("I N V O I C E"), in folded text (and a cheap test first)
_LETTER_SPACED = re.compile(r"\b(?:[a-z] ){3,}[a-z]\b")
_SPACED_LETTERS = re.compile(r"[a-z] [a-z] [a-z] [a-z]")


class Cell(NamedTuple):  # (tuples: made by the thousand, twice as fast as a frozen dataclass)
    start: int
    end: int
    text: str


class Hit(NamedTuple):
    """A label found at ``line`` columns ``start..end``; lower ``rank`` is more specific."""

    line: int
    start: int
    end: int
    rank: int


@dataclass
class Line:
    page: int
    text: str
    folded: str
    cells: list[Cell] = field(default_factory=list)
    row: int = 0  # the line's number in its page's layout text (blank lines count)


def cells_of(text: str) -> list[Cell]:
    """Runs of text separated by two or more spaces."""
    return [Cell(m.start(), m.end(), m.group(0)) for m in _CELL_GAP.finditer(text)]


def _folded(text: str) -> str:
    """The line folded for label searches, a letter-spaced word's letters joined where it ends
    (so that a value beside it stays beside it)."""
    folded = fold(text)
    if not _SPACED_LETTERS.search(folded):
        return folded
    return _LETTER_SPACED.sub(lambda m: m[0].replace(" ", "").rjust(len(m[0])), folded)


def is_labelish(text: str) -> bool:
    """A cell with a real word in it (not just an amount and a currency)."""
    return any(w.lower() not in _CURRENCY_WORDS for w in _WORD.findall(text))


class Doc:
    """Lines of all pages, with the document's number and date habits."""

    def __init__(self, pages: Sequence[str | Page]) -> None:
        self.layout = [p if isinstance(p, Page) else Page(p) for p in pages]
        self.pages = [p.text for p in self.layout]
        self.lines = [Line(p, t, _folded(t), cells_of(t), r) for p, r, t in split_lines(self.pages)]
        self.text = "\n".join(self.pages)
        self.order = order_hint(self.text)
        self._hits: dict[int, list[Hit]] = {}
        self._derived: dict[Callable[[Doc], object], object] = {}
        self._anchor_lines: dict[str, list[int]] = {}
        self._folded = "\n".join(line.folded for line in self.lines)
        self._starts = list(accumulate((len(x.folded) + 1 for x in self.lines), initial=0))
        self._short_text = _SPACES.sub("   ", self._folded)
        self._short = self._short_text.split("\n")
        self.decimal = decimal_hint(self._short_text)  # (what it counts holds no space)

    def box(self, line: int, start: int, end: int) -> tuple[int, BoxT] | None:
        """(page, box) of characters ``start..end`` of line ``line``, when the page has boxes."""
        at = self.lines[line]
        found = self.layout[at.page - 1].box(at.row, start, end)
        return None if found is None else (at.page, found)

    def regrid(self, column: int, page: int, to: int) -> int:
        """Column ``column`` of page ``page`` on page ``to``'s grid of characters (where both
        pages have one): a table going on over the page keeps its place on paper."""
        a, b = self.layout[page - 1].grid, self.layout[to - 1].grid
        return column if a is None or b is None else round((a[0] + column * a[1] - b[0]) / b[1])

    def derived(self, compute: Callable[[Doc], T]) -> T:
        """``compute(self)``, worked out once per document however many readers ask for it."""
        if compute not in self._derived:
            self._derived[compute] = compute(self)
        return self._derived[compute]  # type: ignore[return-value]

    def hits(self, patterns: list[re.Pattern[str]]) -> list[Hit]:
        """Label hits, a less specific label dropped where a more specific one overlaps.

        Each pattern scans the whole folded text once (not line by line: most labels of the
        other five languages never match), and the matches are mapped back to lines.
        """
        if id(patterns) not in self._hits:
            self._hits[id(patterns)] = self._find_hits(patterns)
        return list(self._hits[id(patterns)])

    def _find_hits(self, patterns: list[re.Pattern[str]]) -> list[Hit]:
        per_line: dict[int, list[Hit]] = {}
        for rank, pattern in enumerate(patterns):
            for m in self._finditer(pattern):
                i = bisect_right(self._starts, m.start()) - 1
                start, end = m.start() - self._starts[i], m.end() - self._starts[i]
                line_hits = per_line.setdefault(i, [])  # (an empty or over-the-end match: none)
                if start < end <= len(self.lines[i].folded):
                    if not any(h.start < end and start < h.end for h in line_hits):
                        line_hits.append(Hit(i, start, end, rank))
        return [h for i in sorted(per_line) for h in per_line[i]]

    def _finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """``pattern.finditer`` over the folded text, searching only lines that hold one of the
        pattern's anchors (the same matches: they cannot reach over a line break)."""
        if anchors(pattern) is None or not line_bound(pattern):
            yield from pattern.finditer(self._folded)
            return
        for i in self.lines_for(pattern):
            start = self._starts[i]
            yield from pattern.finditer(self._folded, start, start + len(self.lines[i].folded))

    def lines_for(self, pattern: re.Pattern[str]) -> Sequence[int]:
        """Indices of the lines that may hold a match of ``pattern`` (that hold one of its
        anchors), in order; every line when it has none."""
        words = anchors(pattern)
        if words is None:
            return range(len(self.lines))
        short = self._short_text  # most words (other languages' labels) are nowhere in it
        return sorted({i for w in words if w in short or "    " in w for i in self.lines_with(w)})

    def lines_with(self, word: str) -> list[int]:
        """Indices of the lines whose folded text contains ``word``, searched where runs of spaces
        are cut to three (layout text is mostly spaces) unless the word holds a run of four."""
        if word not in self._anchor_lines:
            lines = self._short if "    " not in word else [x.folded for x in self.lines]
            self._anchor_lines[word] = [i for i, f in enumerate(lines) if word in f]
        return self._anchor_lines[word]

    def read(self, hit: Hit, reader: Callable[[str], T | None], depth: int = 2) -> T | None:
        """A value right of the label (the rest of its own cell, or else the next cell), else in
        the cells under it on the next ``depth`` lines, best overlap first per line; nothing
        where the label ends a sentence ("quoting the invoice number.")."""
        rest = self.lines[hit.line].text[hit.end :]
        if _SENTENCE_END.match(rest):
            return None  # ("within 10 days of the invoice date. Please pay by 10/05/2024.")
        right = _LEAD.sub("", rest)
        if _BROKEN.search(cut := right.rstrip()) and self.touching(hit.line, hit.line + 1):
            end = hit.end + len(rest.rstrip())  # its last word, on the next row, under it or right
            tail = (c.text for c in self.lines[hit.line + 1].cells if end - 8 < c.end <= end + 10)
            more = next((t for t in tail if " " not in t or _YEAR_TAIL.fullmatch(t)), "")
            spaced = cut[-1].isalpha() or _SPACED_DATE.search(cut)  # ("8. 12." / "2023")
            right = cut + (" " if more and spaced else "") + more
        texts = chain([right], self._below(hit, depth))
        return next((value for text in texts if (value := reader(text)) is not None), None)

    def under(self, i: int, depth: int = 1) -> Iterator[int]:
        """The ``depth`` lines after line ``i``, as far as its page goes."""
        page = self.lines[i].page
        below = range(i + 1, min(i + 1 + depth, len(self.lines)))
        return takewhile(lambda j: self.lines[j].page == page, below)

    def touching(self, i: int, j: int) -> bool:
        """Line ``j`` is printed ``j - i`` rows from line ``i`` on its page: no blank row between
        (a value wrapped over rows; a wider gap starts another block)."""
        if not (0 <= i < len(self.lines) and 0 <= j < len(self.lines)):
            return False
        a, b = self.lines[i], self.lines[j]
        return a.page == b.page and b.row - a.row == j - i

    def _below(self, hit: Hit, depth: int) -> Iterator[str]:
        lo, hi = hit.start, max(hit.end, hit.start + 10)
        label = self.box(hit.line, hit.start, hit.end)
        for i in self.under(hit.line, depth):
            cells = self.lines[i].cells
            # a cell right of a label of its own ("Rechnungsart:  380") is that label's value
            overlapping = [
                c
                for n, c in enumerate(cells)
                if (c.start < hi + 3 and c.end > lo - 3 or self._on_paper(label, i, c))
                and not (n and cells[n - 1].text[-1] == ":")
            ]
            if len(overlapping) > 1:
                # the most under the label on paper first (a line of small type before it pushes
                # the labels right on the grid of characters), then on the grid
                overlapping.sort(
                    key=lambda c: (
                        -self._paper_overlap(label, i, c),
                        -(min(c.end, hi) - max(c.start, lo)),
                    )
                )
            below: list[Cell] | None = None
            for cell in overlapping:
                yield cell.text
                # and with its end wrapped in its box, under it ("November 17," / "2025")
                if below is None:
                    below = self.lines[i + 1].cells if self.touching(i, i + 1) else []
                yield from (f"{cell.text} {c.text}" for c in below if abs(c.start - cell.start) < 2)

    def _paper_overlap(self, label: tuple[int, BoxT] | None, i: int, cell: Cell) -> float:
        """How far the cell lies under the label on paper, in points (0 without boxes)."""
        box = None if label is None else self.box(i, cell.start, cell.end)
        if label is None or box is None:
            return 0.0
        return max(0.0, min(box[1][2], label[1][2]) - max(box[1][0], label[1][0]))

    def _on_paper(self, label: tuple[int, BoxT] | None, i: int, cell: Cell) -> bool:
        """The cell overlaps the label on paper: a value in larger type under a label, both
        aligned right, ends left of the label's start on the grid of characters."""
        return self._paper_overlap(label, i, cell) > 0

    def amounts_right(self, hit: Hit) -> list[Number]:
        """Amounts after a label, up to the next cell that holds another label."""
        line = self.lines[hit.line].text
        found: list[Number] = []
        cell = None
        for n, cell in enumerate(cells_of(" " * hit.end + line[hit.end :])):
            if n and is_labelish(cell.text):
                cell = None
                break
            found.extend(
                Number(a.value, a.start + cell.start, a.end + cell.start, a.raw)
                for a in find_amounts(cell.text, self.decimal)
            )
        if (
            not found
            and (code := cell) is not None
            and _CODE.fullmatch(code.text)
            and self.touching(hit.line, hit.line + 1)
        ):
            # the amount wrapped under its currency code in a narrow cell ("CZK" / "373 148,51")
            found = [
                a
                for c in self.lines[hit.line + 1].cells
                if c.start < code.end + 3 and code.start - 3 < c.end and not is_labelish(c.text)
                for a in find_amounts(c.text, self.decimal)
            ]
        return found

    def amounts_below(self, hit: Hit) -> list[Number]:
        """Amounts in the label's column on the following lines, until the column ends.

        A value cell belongs to the label when they overlap or nearly touch: headings and
        values are aligned left or right, often in different font sizes.
        """
        found: list[Number] = []
        for i in self.under(hit.line, 7):
            best: list[Number] = []
            best_key = 99.0
            for cell in self.lines[i].cells:
                gap = max(cell.start - hit.end, hit.start - cell.end, 0)
                if gap > 6 or is_labelish(cell.text):
                    continue
                amounts = find_amounts(cell.text, self.decimal)
                key = gap + abs((cell.start + cell.end) - (hit.start + hit.end)) / 400
                if amounts and key < best_key:
                    best, best_key = amounts, key
            if not best or (found and found[-1].money_like and not best[-1].money_like):
                break
            found.append(best[-1])
        return found
