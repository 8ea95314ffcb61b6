"""The five layouts of the "cairo" set, drawn with PangoCairo on a cairo PDF surface (pycairo + PyGObject).

Each job (built by gen.py, everything printed already formatted) is drawn twice: a first pass on a throwaway
surface learns the page count ("Page x of n") and, for receipts on a narrow roll, the page height; the second
pass writes the PDF. Text is always a Pango layout (markup, tab stops, wrapping, justification, letter spacing),
sized at 72 dpi like GTK's print context, with hinted metrics off as GTK prints.
"""

from __future__ import annotations

import io
import random
import re

import cairo
import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import GLib, Pango, PangoCairo  # noqa: E402

VERSIONS = f"cairo {cairo.cairo_version_string()} + Pango {Pango.version_string()} (pycairo {cairo.version})"
MM = 72 / 25.4
PAPER = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
NUM = {"qty", "price", "disc", "vat", "total"}
GREY = (0.42, 0.42, 0.42)
ALIGN = {"L": Pango.Alignment.LEFT, "R": Pango.Alignment.RIGHT, "C": Pango.Alignment.CENTER}


def esc(s: str) -> str:
    return GLib.markup_escape_text(s, -1)


def small_caps(s: str, size: float) -> str:
    """Pango markup of ``s`` in small capitals drawn as capitals of two sizes. Not Pango's own
    ``variant=small-caps``: none of the fonts has real small caps, Pango 1.50 then draws the capitals' glyphs
    smaller, and cairo's one-Unicode-value-per-glyph ToUnicode map turns later capitals into lowercase."""
    out = []
    for w in re.split(r"(\s+)", s):
        if not w or w.isspace():
            out.append(w)
        else:
            rest = f"<span size='{int(size * 0.8 * Pango.SCALE)}'>{esc(w[1:].upper())}</span>" if len(w) > 1 else ""
            out.append(esc(w[0].upper()) + rest)
    return "".join(out)


def spaced(s: str, pts: float) -> str:
    """Pango markup of ``s`` with ``pts`` of letter spacing (a letter-spaced heading)."""
    return f"<span letter_spacing='{int(pts * Pango.SCALE)}'>{esc(s)}</span>"


# --------------------------------------------------------------------------- canvas
class Canvas:
    """One PDF being drawn: cairo surface and context, a Pango context at 72 dpi, the page number and count."""

    def __init__(self, job: dict, target, size: tuple[float, float], npages: int):
        self.job, self.o = job, job["opts"]
        self.w, self.h = size
        self.surface = cairo.PDFSurface(target, self.w, self.h)
        stamp = job["date"] + "T09:30:00"
        self.surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, stamp)
        self.surface.set_metadata(cairo.PDFMetadata.MOD_DATE, stamp)
        self.cr = cairo.Context(self.surface)
        self.pc = PangoCairo.create_context(self.cr)
        PangoCairo.context_set_resolution(self.pc, 72)
        fo = cairo.FontOptions()
        fo.set_hint_metrics(cairo.HINT_METRICS_OFF)
        fo.set_hint_style(cairo.HINT_STYLE_NONE)
        PangoCairo.context_set_font_options(self.pc, fo)
        self.family, self.size = job["font"]["name"], self.o["size"]
        self.accent = tuple(c / 255 for c in self.o["accent"])
        self.page, self.npages, self.y = 1, npages, 0.0
        self.boxes = None  # with a list: the word boxes of every layout drawn (see word_boxes), for the check
        self.nlayouts = 0

    def layout(self, text: str, size=None, bold=False, italic=False, width=None, align="L", markup=False,
               justify=False, tabs=None, family=None) -> Pango.Layout:
        lay = Pango.Layout.new(self.pc)
        fd = Pango.FontDescription()
        fd.set_family(family or self.family)
        fd.set_size(int(round((size or self.size) * Pango.SCALE)))
        if bold:
            fd.set_weight(Pango.Weight.BOLD)
        if italic:
            fd.set_style(Pango.Style.ITALIC)
        lay.set_font_description(fd)
        if width is not None:
            lay.set_width(int(width * Pango.SCALE))
            lay.set_wrap(Pango.WrapMode.WORD)
            lay.set_alignment(ALIGN[align])
            lay.set_justify(justify)
        if tabs is not None:
            lay.set_tabs(tabs)
        (lay.set_markup if markup else lay.set_text)(text, -1)
        return lay

    @staticmethod
    def extent(lay: Pango.Layout) -> tuple[float, float]:
        _, log = lay.get_extents()
        return log.width / Pango.SCALE, log.height / Pango.SCALE

    def width(self, text: str, **kw) -> float:
        return self.extent(self.layout(text, **kw))[0]

    def show(self, lay, x, y, color=None):
        self.cr.set_source_rgb(*(color or (0, 0, 0)))
        self.cr.move_to(x, y)
        PangoCairo.show_layout(self.cr, lay)
        self.cr.set_source_rgb(0, 0, 0)
        if self.boxes is not None:
            self.nlayouts += 1
            self.boxes += [(self.page, self.nlayouts, *b) for b in word_boxes(lay, x, y)]

    def text(self, x, y, s, color=None, **kw) -> float:
        """Draw ``s`` with its top left at (x, y) (with ``width``: aligned within it); returns its height."""
        lay = self.layout(s, **kw)
        self.show(lay, x, y, color)
        return self.extent(lay)[1]

    def rtext(self, xr, y, s, color=None, **kw) -> float:
        """Draw ``s`` ending at xr, its width measured by Pango; returns its height."""
        lay = self.layout(s, **kw)
        w, h = self.extent(lay)
        self.show(lay, xr - w, y, color)
        return h

    def line(self, x1, y1, x2, y2, lw=0.5, color=None, dash=None):
        cr = self.cr
        cr.set_source_rgb(*(color or (0, 0, 0)))
        cr.set_line_width(lw)
        cr.set_dash(dash or [])
        cr.move_to(x1, y1)
        cr.line_to(x2, y2)
        cr.stroke()
        cr.set_dash([])
        cr.set_source_rgb(0, 0, 0)

    def rect(self, x, y, w, h, fill=None, stroke=None, lw=0.5):
        cr = self.cr
        cr.rectangle(x, y, w, h)
        if fill:
            cr.set_source_rgb(*fill)
            cr.fill_preserve() if stroke else cr.fill()
        if stroke:
            cr.set_source_rgb(*stroke)
            cr.set_line_width(lw)
            cr.stroke()
        cr.set_source_rgb(0, 0, 0)

    def page_label(self) -> str:
        return self.job["page_fmt"].format(p=self.page, n=self.npages)

    def show_page(self):
        self.cr.show_page()
        self.page += 1

    def finish(self):
        self.cr.show_page()
        self.surface.finish()


def word_boxes(lay: Pango.Layout, x: float, y: float) -> list:
    """The logical rectangles of the words of ``lay`` drawn at (x, y), in points on the page:
    [(x0, y0, x1, y1, word), ...]. A word is a run of non-blank clusters on one line (blanks, tabs and the
    gaps of tab stops and justification are not text), its height the line's logical height."""
    raw = lay.get_text().encode("utf-8")
    out, cur = [], None
    it = lay.get_iter()
    S = Pango.SCALE
    while True:
        idx = it.get_index()
        ch = raw[idx:idx + 4].decode("utf-8", "ignore")[:1]
        log = it.get_cluster_extents()[1]
        x0, x1 = x + log.x / S, x + (log.x + log.width) / S
        y0, y1 = it.get_line_yrange()
        y0, y1 = y + y0 / S, y + y1 / S
        blank = not ch or ch.isspace() or log.width <= 0
        if cur and (blank or y0 != cur[1]):
            out.append(tuple(cur[:4]) + (raw[cur[4]:idx].decode("utf-8", "ignore"),))
            cur = None
        if not blank:
            if cur is None:
                cur = [x0, y0, x1, y1, idx]
            else:
                cur[0], cur[2] = min(cur[0], x0), max(cur[2], x1)
        if not it.next_cluster():
            break
    if cur:
        out.append(tuple(cur[:4]) + (raw[cur[4]:].decode("utf-8", "ignore"),))
    return out


def tint(rgb, k=0.85):
    return tuple(c + (1 - c) * k for c in rgb)


# --------------------------------------------------------------------------- item table
class Table:
    """Column widths measured with Pango on the widest printed cell (the description takes the rest), rows
    drawn as one layout per cell (figures right-aligned by Pango) or, with ``decimal``, the columns right of
    the description as one layout on tab stops (PANGO_TAB_DECIMAL on the decimal separator, LEFT for text)."""

    def __init__(self, cv: Canvas, x, width, job, size=None, pad=3.0, vpad=2.0, decimal=False, justify=False,
                 head_bold=True, head_markup=None, head_align="same"):
        t = job["table"]
        self.cv, self.x, self.width, self.pad, self.vpad = cv, x, width, pad, vpad
        self.kinds, self.head, self.rows = t["kind"], t["head"], t["rows"]
        self.size = size or cv.size
        self.decimal, self.justify, self.dp = decimal, justify, job["dp"]
        self.head_bold, self.head_markup, self.head_align = head_bold, head_markup, head_align
        self.di = self.kinds.index("desc")
        self.rpart = {}
        w = {}
        for j, k in enumerate(self.kinds):
            if k == "desc":
                continue
            hw = self._head_width(j)
            cells = [r[j] for r in self.rows]
            if decimal and k in NUM:
                lefts, rights = zip(*(self._split(c) for c in cells), strict=True)
                lw = max(cv.width(s, size=self.size) for s in lefts)
                rw = max(cv.width(s, size=self.size) for s in rights) if any(rights) else 0.0
                self.rpart[j] = rw
                w[j] = max(lw + rw, hw) + 2 * pad + 1
            else:
                w[j] = max([cv.width(c, size=self.size) for c in cells] + [hw]) + 2 * pad + 1
        self.w = [w.get(j, width - sum(w.values())) for j in range(len(self.kinds))]
        self.xs = [x + sum(self.w[:j]) for j in range(len(self.kinds))]
        self.group = list(range(self.di + 1, len(self.kinds))) if decimal else []

    def _split(self, cell: str) -> tuple[str, str]:
        i = cell.rfind(self.dp)
        return (cell, "") if i < 0 else (cell[:i], cell[i:])

    def _head_width(self, j) -> float:
        if self.head_markup:
            return self.cv.extent(self.cv.layout(self.head_markup(self.head[j]), size=self.size, markup=True,
                                                 bold=self.head_bold))[0]
        return self.cv.width(self.head[j], size=self.size, bold=self.head_bold)

    def col_right(self, kind: str) -> float:
        j = self.kinds.index(kind)
        return self.xs[j] + self.w[j] - self.pad

    def head_layouts(self):
        out = []
        for j, k in enumerate(self.kinds):
            al = "L" if self.head_align == "left" else ("R" if k in NUM else "L")
            txt = self.head_markup(self.head[j]) if self.head_markup else self.head[j]
            lay = self.cv.layout(txt, size=self.size, bold=self.head_bold, width=self.w[j] - 2 * self.pad, align=al,
                                 markup=bool(self.head_markup))
            out.append((lay, self.xs[j] + self.pad))
        return out

    def draw_head(self, y, fill=None, color=None, rules=True, rule_color=None) -> float:
        lays = self.head_layouts()
        h = max(self.cv.extent(lay)[1] for lay, _ in lays) + 2 * self.vpad
        if fill:
            self.cv.rect(self.x, y, self.width, h, fill=fill)
        for lay, x in lays:
            self.cv.show(lay, x, y + self.vpad, color)
        if rules:
            self.cv.line(self.x, y + h, self.x + self.width, y + h, 0.6, rule_color)
        return h

    def row_layouts(self, i, bold=False):
        row, cv, out = self.rows[i], self.cv, []
        for j, k in enumerate(self.kinds):
            if j in self.group:
                continue
            lay = cv.layout(row[j], size=self.size, bold=bold, width=self.w[j] - 2 * self.pad,
                            align="R" if k in NUM else "L", justify=self.justify and k == "desc")
            out.append((lay, self.xs[j] + self.pad))
        if self.group:
            out.append(self.tabbed([row[j] for j in self.group], bold))
        return out

    def tabbed(self, cells, bold=False):
        """The cells right of the description as one layout on Pango tab stops."""
        x0 = self.xs[self.group[0]]
        tabs = Pango.TabArray.new(len(self.group), False)
        for n, j in enumerate(self.group):
            if self.kinds[j] in NUM:
                pos = self.xs[j] + self.w[j] - self.pad - self.rpart[j] - x0
                tabs.set_tab(n, Pango.TabAlign.DECIMAL, int(pos * Pango.SCALE))
                tabs.set_decimal_point(n, self.dp)
            else:
                tabs.set_tab(n, Pango.TabAlign.LEFT, int((self.xs[j] + self.pad - x0) * Pango.SCALE))
        return self.cv.layout("\t" + "\t".join(cells), size=self.size, bold=bold, tabs=tabs), x0

    def row_height(self, i) -> float:
        return max(self.cv.extent(lay)[1] for lay, _ in self.row_layouts(i)) + 2 * self.vpad

    def draw_row(self, i, y, fill=None, grid=False) -> float:
        lays = self.row_layouts(i)
        h = max(self.cv.extent(lay)[1] for lay, _ in lays) + 2 * self.vpad
        if fill:
            self.cv.rect(self.x, y, self.width, h, fill=fill)
        for lay, x in lays:
            self.cv.show(lay, x, y + self.vpad)
        if grid:
            self.grid_cells(y, h)
        return h

    def grid_cells(self, y, h):
        for j in range(len(self.kinds)):
            self.cv.rect(self.xs[j], y, self.w[j], h, stroke=(0, 0, 0), lw=0.4)

    def decimal_tabs(self, x0, kind: str):
        """A one-stop tab array for totals lines: the decimal separator under the column ``kind``'s."""
        j = self.kinds.index(kind)
        tabs = Pango.TabArray.new(1, False)
        rpart = self.rpart.get(j, 0.0)
        tabs.set_tab(0, Pango.TabAlign.DECIMAL, int((self.xs[j] + self.w[j] - self.pad - rpart - x0) * Pango.SCALE))
        tabs.set_decimal_point(0, self.dp)
        return tabs


def totals_block(cv: Canvas, totals, x_label, x_right, y, size, label_right=True, rule_gross=True, big=1.5,
                 double=False, color=None) -> float:
    """Totals lines: label (right-aligned before the figures, or left at x_label) and the amount right-aligned
    at x_right; the gross bold (a rule above it), the amount due bold."""
    for label, amount, style in totals:
        bold = style in ("gross", "due")
        sz = size + (big if style == "gross" else 0)
        if style == "gross" and rule_gross:
            cv.line(x_label, y + 1, x_right, y + 1, 0.7, color)
            y += 3
        wa = cv.width(amount, size=sz, bold=bold)
        if label_right:
            cv.rtext(x_right - max(wa, cv.width("0000000000", size=sz)) - 10, y, label, size=sz, bold=bold)
        else:
            cv.text(x_label, y, label, size=sz, bold=bold)
        h = cv.rtext(x_right, y, amount, size=sz, bold=bold)
        y += h + 1.5
        if style == "gross" and double:
            cv.line(x_right - wa - 4, y, x_right, y, 0.5)
            cv.line(x_right - wa - 4, y + 1.5, x_right, y + 1.5, 0.5)
            y += 3
    return y


def vat_table(cv: Canvas, vat, x, width, y, size, head_markup=None, fill=None) -> float:
    """VAT summary: rate (or code and rate), net, VAT and gross per rate, figures right-aligned; a bold total row."""
    rows = vat["rows"] + ([vat["total"]] if vat["total"] else [])
    ncol = len(vat["head"])
    wcol = width / ncol
    h0 = 0.0
    for j, hd in enumerate(vat["head"]):
        txt = head_markup(hd) if head_markup else hd
        lay = cv.layout(txt, size=size, bold=True, width=wcol - 4, align="L" if j == 0 else "R",
                        markup=bool(head_markup))
        if j == 0 and fill:
            cv.rect(x, y, width, cv.extent(lay)[1] + 3, fill=fill)
        cv.show(lay, x + j * wcol + 2, y + 1.5)
        h0 = max(h0, cv.extent(lay)[1] + 3)
    y += h0
    cv.line(x, y, x + width, y, 0.5)
    y += 1.5
    for n, r in enumerate(rows):
        last = vat["total"] and n == len(rows) - 1
        if last:
            cv.line(x, y, x + width, y, 0.4)
            y += 1.5
        hh = 0.0
        for j, c in enumerate(r):
            hh = max(hh, cv.text(x + j * wcol + 2, y, c, size=size, bold=bool(last), width=wcol - 4,
                                 align="L" if j == 0 else "R"))
        y += hh + 1
    return y


# --------------------------------------------------------------------------- gnucash
def draw_gnucash(cv: Canvas, job):
    """GnuCash-style invoice: company block and a title with the number, a meta block on tab stops with
    colon labels, "Bill To", a table with left-aligned headings over right-aligned figures (grid or rules),
    totals rows under the total column, notes; "Page x of n" centred at the foot."""
    o, s, sz = job["opts"], job["supplier"], cv.size
    m = 42.0
    right = cv.w - m
    cv.y = y = m
    head = (f"<span size='{int((sz + 6) * Pango.SCALE)}' weight='bold'>{esc(s['name'])}</span>\n"
            + "\n".join(esc(x) for x in s["lines"] + [s["phone"], s["email"]])
            + ("\n" + esc(s["legal"][0]) if s["legal"] else ""))
    num = job["number"]
    if o["title_hash"]:
        title = f"{job['title']} #{num}" if num.isdigit() else f"{job['title']} {num}"
        meta = [kv for kv in job["meta"] if kv[1] != num]
    else:
        title, meta = job["title"], job["meta"]
    lab_w = max(cv.width(k + ":", size=sz) for k, _ in meta) + 8
    val_w = max(cv.width(v, size=sz) for _, v in meta)
    # the company block wraps left of the title and the meta block (1.5 em apart), at most 55 % of the width,
    # at least 30 %; a title too long for the rest is set smaller
    tw = cv.w - 2 * m
    t_sz = sz + 7
    while t_sz > sz + 2 and cv.width(title, size=t_sz, bold=True) > tw * 0.7 - 1.5 * t_sz:
        t_sz -= 0.5
    gap = 1.5 * t_sz
    comp_w = max(tw * 0.3, min(tw * 0.55, tw - max(cv.width(title, size=t_sz, bold=True), lab_w + val_w) - gap))
    lay = cv.layout(head, markup=True, width=comp_w)
    cv.show(lay, m, y)
    hl = cv.extent(lay)[1]
    th = cv.rtext(right, y, title, size=t_sz, bold=True)
    tabs = Pango.TabArray.new(1, False)
    tabs.set_tab(0, Pango.TabAlign.LEFT, int(lab_w * Pango.SCALE))
    mlay = cv.layout("\n".join(f"{k}:\t{v}" for k, v in meta), tabs=tabs)
    cv.show(mlay, right - lab_w - val_w, y + th + 6)
    y += max(hl, th + 6 + cv.extent(mlay)[1]) + 18
    # Bill To / Ship To
    bill_lines = job["bill"] + ([job["cust_vat"]] if job["cust_vat"] else [])
    bill = f"<b>{esc(job['bill_label'])}:</b>\n" + "\n".join(esc(x) for x in bill_lines)
    blay = cv.layout(bill, markup=True)
    cv.show(blay, m, y)
    hb = cv.extent(blay)[1]
    if job["ship"]:
        slay = cv.layout(f"<b>{esc(job['ship_label'])}:</b>\n" + "\n".join(esc(x) for x in job["ship"]), markup=True)
        cv.show(slay, m + (cv.w - 2 * m) * 0.42, y)
        hb = max(hb, cv.extent(slay)[1])
    y += hb + 16
    t = Table(cv, m, cv.w - 2 * m, job, pad=4, vpad=3, head_align="left")
    fill = (0.85, 0.85, 0.85) if o["head_fill"] else None
    bottom = cv.h - m - 16

    def table_head(y):
        h = t.draw_head(y, fill=fill, rules=not o["grid"])
        if o["grid"]:
            t.grid_cells(y, h)
        return y + h

    y = table_head(y)
    for i in range(len(t.rows)):
        rh = t.row_height(i)
        if y + rh > bottom:
            gnucash_footer(cv, m)
            cv.show_page()
            y = table_head(m)
        y += t.draw_row(i, y, grid=o["grid"])
    if not o["grid"]:
        cv.line(m, y, right, y, 0.6)
    # totals rows: the amounts right-aligned under the total column, in a value column as wide as the total
    # column or, where a totals amount (with its currency sign, bold) is wider, as wide as that amount and
    # 1.5 em; the labels right-aligned before the value column, so that a label never reaches an amount
    xr = t.col_right("total")
    widest = max(cv.width(a, bold=o["bold_total"] and st in ("gross", "due")) for _, a, st in job["totals"])
    xl = min(t.xs[t.kinds.index("total")], xr - widest - 1.5 * sz + 6)
    tot_w = xr + t.pad - xl
    need = len(job["totals"]) * (sz + 6) + 10
    if y + need > bottom:
        gnucash_footer(cv, m)
        cv.show_page()
        y = m
    y += 2
    for label, amount, style in job["totals"]:
        bold = o["bold_total"] and style in ("gross", "due")
        lab = cv.layout(label, bold=bold)
        lw, lh = cv.extent(lab)
        rh = max(lh, cv.extent(cv.layout(amount, bold=bold))[1]) + 6
        if o["grid"]:
            cv.rect(xl - lw - 12, y, lw + 12, rh, stroke=(0, 0, 0), lw=0.4)
            cv.rect(xl, y, tot_w, rh, stroke=(0, 0, 0), lw=0.4)
        cv.show(lab, xl - lw - 6, y + 3)
        cv.rtext(xr, y + 3, amount, bold=bold)
        y += rh
    y += 14
    paras = [cv.layout(p, width=cv.w - 2 * m) for p in job["notes"]
             + ([f"{job['terms_label']}: {job['terms']}"] if job["terms"] else []) + [" · ".join(job["bank"])]]
    if job["mentions"]:
        paras.append(cv.layout(job["mentions"], size=sz - 1.5, width=cv.w - 2 * m))
    paras.append(cv.layout(job["thanks"], italic=True))
    for lay in paras:
        h = cv.extent(lay)[1]
        if y + h > bottom:
            gnucash_footer(cv, m)
            cv.show_page()
            y = m
        cv.show(lay, m, y)
        y += h + 3
    gnucash_footer(cv, m)


def gnucash_footer(cv, m):
    cv.text(m, cv.h - m + 4, cv.page_label(), size=cv.size - 1.5, width=cv.w - 2 * m, align="C", color=GREY)


# --------------------------------------------------------------------------- DIN 5008 letter
def draw_din(cv: Canvas, job):
    """DIN 5008 form B business letter: letterhead, return-address line over the window address, an info
    block at the right on a tab stop, fold and hole marks, subject, salutation, items with decimal-aligned
    (PANGO_TAB_DECIMAL) or right-aligned figures, totals aligned the same way, closing, a four-column
    footer with bank and legal lines on every page."""
    o, s, sz = job["opts"], job["supplier"], cv.size
    lm, rm = 25 * MM, cv.w - 20 * MM
    tw = rm - lm
    foot_top = cv.h - 27 * MM
    bottom = foot_top - 5 - sz - 4  # above the "Page x of n" and "continued on page n" line over the footer

    def marks():
        if o["fold_marks"]:
            for ymm in (105, 210) if cv.h > 800 else (88.9, 177.8):
                cv.line(3 * MM, ymm * MM, 8 * MM, ymm * MM, 0.4)
            cv.line(3 * MM, cv.h / 2, 10 * MM, cv.h / 2, 0.4)

    def footer():
        cols = [[s["name"]] + s["lines"], [f"{job['phone_label']}: {s['phone']}", s["email"], s["web"]],
                job["bank"], s["legal"] + [job["director"]] + ([s["form"]] if s["form"] else [])]
        cw = tw / 4
        cv.line(lm, foot_top - 3, rm, foot_top - 3, 0.3, GREY)
        if cv.npages > 1:
            cv.rtext(rm, foot_top - 5 - sz, cv.page_label(), size=sz - 2, color=GREY)
        for n, col in enumerate(cols):
            cv.text(lm + n * cw, foot_top, "\n".join(col), size=6.5, width=cw - 6, color=GREY)

    def next_page():
        footer()
        cv.text(lm, foot_top - 5 - sz, job["cont_next"].format(p=cv.page + 1), size=sz - 2, color=GREY)
        cv.show_page()
        marks()
        cv.text(lm, 15 * MM, f"{job['title']} {job['number']}", size=sz - 1)
        cv.rtext(rm, 15 * MM, cv.page_label(), size=sz - 1)
        cv.line(lm, 15 * MM + sz + 4, rm, 15 * MM + sz + 4, 0.4)
        return 15 * MM + sz + 12

    marks()
    # letterhead
    name_sz = sz + 7
    if o["letterhead"] == "right":
        cv.rtext(rm, 12 * MM, s["name"], size=name_sz, bold=True, color=cv.accent)
        cv.text(lm, 12 * MM + name_sz + 6, "\n".join([" · ".join(s["lines"]), f"{s['phone']} · {s['email']}"]),
                size=sz - 1.5, width=tw, align="R", color=GREY)
    elif o["letterhead"] == "center":
        cv.text(lm, 12 * MM, s["name"], size=name_sz, bold=True, width=tw, align="C")
        cv.text(lm, 12 * MM + name_sz + 6, " · ".join(s["lines"] + [s["phone"], s["web"]]), size=sz - 1.5, width=tw,
                align="C", color=GREY)
    else:
        cv.text(lm, 12 * MM, s["name"], size=name_sz, bold=True)
        cv.line(lm, 12 * MM + name_sz + 7, rm, 12 * MM + name_sz + 7, 1.5, cv.accent)
        cv.text(lm, 12 * MM + name_sz + 10, " · ".join(s["lines"] + [s["phone"], s["email"]]), size=sz - 1.5,
                color=GREY)
    # window: return-address line (underlined, small) and the recipient
    ret = cv.layout(f"<u>{esc(job['sender_line'])}</u>", size=6.5, markup=True, width=80 * MM)  # wraps if too long
    cv.show(ret, lm, 61 * MM - cv.extent(ret)[1])
    cv.text(lm, 63 * MM, "\n".join(job["bill"]), size=sz + 0.5)
    # information block
    info = [job["our_ref"], job["contact"], [job["phone_label"], s["phone"]]] + [kv for kv in job["meta"]]
    if job["cust_vat"]:
        info.append(job["cust_vat"].split(": ", 1))
    lab_w = max(cv.width(k, size=sz - 1) for k, _ in info) + 6
    tabs = Pango.TabArray.new(1, False)
    tabs.set_tab(0, Pango.TabAlign.LEFT, int(lab_w * Pango.SCALE))
    ib = cv.layout("\n".join(f"{k}\t{v}" for k, v in info), size=sz - 1, tabs=tabs)
    cv.show(ib, 125 * MM, 50 * MM)
    y = max(98.5 * MM, 50 * MM + cv.extent(ib)[1] + 10)
    subject = job["title"] + (f" {job['number']}" if o["subject_number"] else "")
    y += cv.text(lm, y, subject, size=sz + 2, bold=True) + 12
    y += cv.text(lm, y, job["salutation"], width=tw) + 6
    y += cv.text(lm, y, job["intro_letter"], width=tw) + 10
    if job["ship"]:
        y += cv.text(lm, y, f"{job['ship_label']}: " + ", ".join(job["ship"]), size=sz - 1, width=tw) + 6
    t = Table(cv, lm, tw, job, pad=2.5, vpad=2.2, decimal=o["decimal_tabs"])
    fill = tint(cv.accent, 0.85) if o["head_fill"] else None

    def head(y):
        h = t.draw_head(y, fill=fill, rules=True)
        if not fill:
            cv.line(lm, y, rm, y, 0.6)
        return y + h + 1

    y = head(y)
    for i in range(len(t.rows)):
        rh = t.row_height(i)
        if y + rh > bottom:
            y = next_page()
            if o["repeat_head"]:
                y = head(y)
        y += t.draw_row(i, y)
    cv.line(lm, y + 1, rm, y + 1, 0.6)
    y += 6
    # totals: figures under the total column, decimal-aligned like it when the table is
    need = len(job["totals"]) * (sz + 5) + 10
    if y + need > bottom:
        y = next_page()
    xr = t.col_right("total")
    x_lab = t.xs[t.di] + t.w[t.di] * 0.35
    for label, amount, style in job["totals"]:
        bold = style in ("gross", "due")
        if style == "gross":
            cv.line(x_lab, y + 1, rm, y + 1, 0.6)
            y += 3
        cv.text(x_lab, y, label, bold=bold)
        if o["decimal_tabs"]:
            x0 = t.xs[t.group[0]]
            lay = cv.layout("\t" + amount, bold=bold, tabs=t.decimal_tabs(x0, "total"))
            cv.show(lay, x0, y)
            h = cv.extent(lay)[1]
        else:
            h = cv.rtext(xr, y, amount, bold=bold)
        y += h + 2
        if style == "gross":
            cv.line(x_lab, y, rm, y, 0.4)
            y += 2
    y += 8
    if job["vat"]:
        vh = (len(job["vat"]["rows"]) + 3) * (sz + 4)
        if y + vh > bottom:
            y = next_page()
        y += cv.text(lm, y, job["vat"]["title"], bold=True, size=sz - 0.5) + 2
        y = vat_table(cv, job["vat"], lm, tw * 0.7, y, sz - 1) + 8
    paras = job["notes"] + ([job["terms"]] if job["terms"] else []) + [
        f"{job['bank_label']}: " + ", ".join(job["bank"])] + ([job["mentions"]] if job["mentions"] else [])
    for p in paras:
        lay = cv.layout(p, width=tw, size=sz - (1.5 if p == job["mentions"] else 0))
        h = cv.extent(lay)[1]
        if y + h > bottom:
            y = next_page()
        cv.show(lay, lm, y)
        y += h + 4
    if y + 3 * (sz + 4) + 20 > bottom:
        y = next_page()
    y += 8
    y += cv.text(lm, y, job["closing"]) + 22
    cv.text(lm, y, f"{job['staff']}\n{s['name']}", size=sz - 0.5)
    footer()


# --------------------------------------------------------------------------- justified service invoice
def draw_justified(cv: Canvas, job):
    """Service invoice set like a letterpress page: a letter-spaced title, small-capital headings, justified
    intro and terms paragraphs (Pango justify), justified wrapped descriptions, a multi-rate VAT summary."""
    o, s, sz = job["opts"], job["supplier"], cv.size
    m = 22 * MM
    tw = cv.w - 2 * m
    bottom = cv.h - 20 * MM
    acc = cv.accent if o["rule_color"] else (0.2, 0.2, 0.2)
    sc = ((lambda t: f"<span letter_spacing='{int(0.5 * Pango.SCALE)}'>{small_caps(t, sz)}</span>") if o["small_caps"]
          else (lambda t: f"<b>{esc(t)}</b>"))

    def footer():
        line = " · ".join([s["name"]] + s["legal"][:2]) + "   —   " + cv.page_label()
        cv.text(m, cv.h - 13 * MM, line, size=sz - 2.5, width=tw, align="C", color=GREY)

    def next_page():
        footer()
        cv.show_page()
        cv.text(m, 14 * MM, f"{s['name']} — {job['title']} {job['number']}", size=sz - 1.5, italic=True, color=GREY)
        cv.line(m, 14 * MM + sz + 3, m + tw, 14 * MM + sz + 3, 0.5, acc)
        return 14 * MM + sz + 12

    y = 18 * MM
    y += cv.text(m, y, s["name"], size=sz + 9, bold=True, color=acc if o["rule_color"] else None) + 2
    y += cv.text(m, y, " · ".join(s["lines"] + [s["phone"], s["email"]]), size=sz - 1, italic=True) + 6
    cv.line(m, y, m + tw, y, 1.2, acc)
    cv.line(m, y + 2.5, m + tw, y + 2.5, 0.4, acc)
    y += 16
    title = spaced(job["title"].upper(), 4) if o["spaced_title"] else f"<b>{esc(job['title'])}</b>"
    th = cv.text(m, y, title, size=sz + 10, markup=True)
    y0 = y + th + 12
    # meta: right block on a tab stop, or label-over-value columns under the title
    if o["meta_right"]:
        lab_w = max(cv.extent(cv.layout(sc(k), markup=True))[0] for k, _ in job["meta"]) + 10
        val_w = max(cv.width(v) for _, v in job["meta"])
        tabs = Pango.TabArray.new(1, False)
        tabs.set_tab(0, Pango.TabAlign.LEFT, int(lab_w * Pango.SCALE))
        lay = cv.layout("\n".join(f"{sc(k)}\t{esc(v)}" for k, v in job["meta"]), markup=True, tabs=tabs)
        xm = m + tw - lab_w - val_w
        title_w = cv.extent(cv.layout(title, size=sz + 10, markup=True))[0]
        ymeta = y if m + title_w + 1.5 * sz <= xm else y0 - 6  # a long title: the meta block goes under it
        cv.show(lay, xm, ymeta)
        yb = y0
        ym = ymeta + cv.extent(lay)[1]
    else:
        # label-over-value columns, as many in a row as fit without breaking a label or a value
        cells = [cv.layout(f"<span size='{int((sz - 1.5) * Pango.SCALE)}'>{sc(k)}</span>\n{esc(v)}", markup=True)
                 for k, v in job["meta"]]
        widest = max(cv.extent(c)[0] for c in cells)
        ncol = len(cells)
        while ncol > 1 and widest > tw / ncol - 6:
            ncol -= 1
        cw = tw / ncol
        yr = y0
        for r in range(0, len(cells), ncol):
            hh = 0.0
            for n, (k, v) in enumerate(job["meta"][r:r + ncol]):
                lay = cv.layout(f"<span size='{int((sz - 1.5) * Pango.SCALE)}'>{sc(k)}</span>\n{esc(v)}",
                                markup=True, width=cw - 6)
                cv.show(lay, m + n * cw, yr)
                hh = max(hh, cv.extent(lay)[1])
            yr += hh + 6
        yb = yr + 8
        ym = yb
    lay = cv.layout(sc(job["bill_label"]) + "\n" + "\n".join(esc(x) for x in job["bill"]
                                                            + ([job["cust_vat"]] if job["cust_vat"] else [])),
                    markup=True, width=tw * 0.45)
    cv.show(lay, m, yb)
    hb = cv.extent(lay)[1]
    if job["ship"]:  # beside the bill-to, or under it when the meta block takes the right
        lay2 = cv.layout(sc(job["ship_label"]) + "\n" + "\n".join(esc(x) for x in job["ship"]), markup=True,
                         width=tw * 0.45)
        if o["meta_right"]:
            cv.show(lay2, m, yb + hb + 8)
            hb += 8 + cv.extent(lay2)[1]
        else:
            cv.show(lay2, m + tw * 0.5, yb)
            hb = max(hb, cv.extent(lay2)[1])
    y = max(yb + hb, ym) + 16
    if o["intro"]:
        y += cv.text(m, y, job["intro"], width=tw, justify=True) + 12
    y += cv.text(m, y, sc(job["services"]), markup=True, size=sz + 1, color=acc) + 4
    cols = job["table"]["kind"]
    t = Table(cv, m, tw, job, pad=3, vpad=2.5, justify=True, head_markup=sc if o["small_caps"] else None,
              head_bold=not o["small_caps"])

    def head(y):
        cv.line(m, y, m + tw, y, 0.8, acc)
        return y + t.draw_head(y + 1, rules=True, rule_color=acc) + 3

    y = head(y)
    for i in range(len(t.rows)):
        rh = t.row_height(i)
        if y + rh > bottom:
            y = head(next_page())
        y += t.draw_row(i, y)
        if i < len(t.rows) - 1:
            cv.line(m, y, m + tw, y, 0.2, (0.75, 0.75, 0.75))
    cv.line(m, y + 1, m + tw, y + 1, 0.8, acc)
    y += 8
    need = len(job["totals"]) * (sz + 6) + 10
    if y + need > bottom:
        y = next_page()
    y = totals_block(cv, job["totals"], m + tw * 0.5, t.col_right("total") if "total" in cols else m + tw, y, sz,
                     double=True, color=acc) + 10
    if job["vat"]:
        vh = (len(job["vat"]["rows"]) + 3) * (sz + 5)
        if y + vh > bottom:
            y = next_page()
        y += cv.text(m, y, sc(job["vat"]["title"]), markup=True, color=acc) + 3
        y = vat_table(cv, job["vat"], m, tw * 0.62, y, sz - 0.5, head_markup=sc if o["small_caps"] else None) + 10
    blocks = []
    if job["notes"]:
        blocks.append((None, " ".join(job["notes"])))
    if job["terms"]:
        blocks.append((job["terms_label"], job["terms"]))
    blocks.append((job["bank_label"], " · ".join(job["bank"])))
    blocks.append((job["general"], job["general_text"] + (" " + job["mentions"] if job["mentions"] else "")))
    for label, text in blocks:
        body = (sc(label) + "  " if label else "") + esc(text)
        lay = cv.layout(body, markup=True, width=tw, justify=True, size=sz - (1 if label == job["general"] else 0))
        h = cv.extent(lay)[1]
        if y + h > bottom:
            y = next_page()
        cv.show(lay, m, y)
        y += h + 6
    if y + 20 < bottom:
        cv.text(m, y + 6, job["thanks"], italic=True, width=tw, align="C")
    footer()


# --------------------------------------------------------------------------- wholesale, several pages
def ean13(rng) -> str:
    d = [rng.randint(0, 9) for _ in range(12)]
    d[0] = 4
    c = (10 - sum(x * (3 if i % 2 else 1) for i, x in enumerate(d)) % 10) % 10
    return "".join(map(str, d)) + str(c)


def draw_wholesale(cv: Canvas, job):
    """Wholesaler's invoice over several pages: a running header (supplier, title and number, page x of n)
    on every page, the item table's heading row on the first page only, each row with a grey EAN / batch
    line, "Carried forward" with the running sum at the foot of a page and "Brought forward" at the top of
    the next; totals, VAT summary, terms and bank at the end; legal and bank lines in every footer."""
    o, s, sz = job["opts"], job["supplier"], cv.size
    m = 15 * MM
    tw = cv.w - 2 * m
    bottom = cv.h - 20 * MM
    rng = random.Random(job["number"] + "/ean")
    subs = [f"EAN {ean13(rng)} · {rng.choice(['Charge', 'Lot', 'Batch'])} "
            f"L{rng.randint(2300, 2599)}-{rng.randint(1, 99):02d}" for _ in job["table"]["rows"]]
    job["_carried"] = []

    def running_header():
        y = 10 * MM
        cv.text(m, y, s["name"], size=sz + 3, bold=True)
        cv.rtext(m + tw, y + 2, f"{job['title']} {job['number']}  ·  {cv.page_label()}", size=sz)
        cv.line(m, y + sz + 9, m + tw, y + sz + 9, 0.8, cv.accent)
        return y + sz + 16

    def footer():
        lines = [" · ".join([s["name"]] + s["lines"] + s["legal"][:2]), " · ".join(job["bank"])]
        cv.text(m, cv.h - 14 * MM, "\n".join(lines), size=sz - 1.5, width=tw, align="C", color=GREY)

    t = Table(cv, m, tw, job, size=sz, pad=2.5, vpad=2.6)
    total_j = t.kinds.index("total")

    def carry_line(y, label, amount, top):
        h = sz + 6
        if o["carry_style"] == "box":
            cv.rect(m, y, tw, h, fill=(0.9, 0.9, 0.9))
        else:
            cv.line(m, y if top else y + h, m + tw, y if top else y + h, 0.6)
        cv.text(t.xs[t.di] + t.pad, y + 2.5, label, size=sz, bold=True)
        cv.rtext(t.col_right("total"), y + 2.5, amount, size=sz, bold=True)
        return h

    y = running_header()
    # first page: addresses, meta grid, title
    cv.text(m, y, "\n".join(s["lines"] + [s["phone"], s["email"]]), size=sz - 0.5, color=GREY)
    cv.text(m + tw * 0.5, y, "\n".join(s["legal"]), size=sz - 0.5, color=GREY, width=tw * 0.5, align="R")
    y = max(y + 5 * (sz + 3), 45 * MM)  # the address where a window envelope shows it
    # the return-address line stays left of the meta grid: smaller type where it is long, wrapped at 5.5 pt
    ret_w, ret_sz = tw * 0.5 - 8, sz - 2
    while ret_sz > 5.5 and cv.width(job["sender_line"], size=ret_sz) > ret_w:
        ret_sz -= 0.5
    ret = cv.layout(f"<u>{esc(job['sender_line'])}</u>", size=ret_sz, markup=True, width=ret_w)
    cv.show(ret, m, y)
    y_bill = y + max(sz + 2, cv.extent(ret)[1] + 2)
    bl = cv.layout("\n".join(job["bill"] + ([job["cust_vat"]] if job["cust_vat"] else [])), size=sz + 1.5)
    cv.show(bl, m, y_bill)
    yb = y_bill + cv.extent(bl)[1]
    meta = job["meta"]
    x0 = m + tw * 0.5
    widest = max(max(cv.width(k, size=sz - 1.5), cv.width(v, size=sz, bold=True)) for k, v in meta)
    ncol = 3  # boxes in a row: three, or fewer where a label or a value would not fit unbroken
    while ncol > 1 and widest > tw * 0.5 / ncol - 9:
        ncol -= 1
    cw = tw * 0.5 / ncol
    for n, (k, v) in enumerate(meta):
        cx, cy = x0 + (n % ncol) * cw, y + (n // ncol) * (2 * sz + 12)
        cv.rect(cx, cy, cw - 3, 2 * sz + 9, stroke=(0.6, 0.6, 0.6), lw=0.4)
        cv.text(cx + 3, cy + 2, k, size=sz - 1.5, color=GREY, width=cw - 9)
        cv.text(cx + 3, cy + sz + 2, v, size=sz, bold=True, width=cw - 9)
    ym = y + ((len(meta) + ncol - 1) // ncol) * (2 * sz + 12)
    if job["ship"]:
        sl = cv.layout(f"<b>{esc(job['ship_label'])}</b>\n" + "\n".join(esc(x) for x in job["ship"]), markup=True,
                       size=sz - 0.5)
        cv.show(sl, x0, ym + 4)
        ym += cv.extent(sl)[1] + 8
    y = max(yb + 14, ym + 14, 92 * MM)  # below the fold, as ERP forms print it
    y += cv.text(m, y, job["title"], size=sz + 8, bold=True, color=cv.accent) + 8
    fill = tint(cv.accent, 0.8) if o["head_fill"] else None
    y += t.draw_head(y, fill=fill, rules=True) + 1
    zebra = (0.94, 0.94, 0.94)
    for i in range(len(t.rows)):
        lays = t.row_layouts(i)
        sub = cv.layout(subs[i], size=sz - 2, width=t.w[t.di] - 2 * t.pad)
        rh = max(max(cv.extent(lay)[1] for lay, _ in lays), 0) + cv.extent(sub)[1] + 2 * t.vpad
        if i and y + rh + sz + 8 > bottom:
            cum = job["table"]["cum"][i - 1]
            carry_line(y + 2, job["carried"], cum, True)
            job["_carried"].append((cv.page, cum))
            footer()
            cv.show_page()
            y = running_header()
            y += carry_line(y, job["brought"], cum, False) + 3
        if o["zebra"] and i % 2:
            cv.rect(m, y, tw, rh, fill=zebra)
        for lay, x in lays:
            cv.show(lay, x, y + t.vpad)
        cv.show(sub, t.xs[t.di] + t.pad, y + t.vpad + max(cv.extent(lay)[1] for lay, _ in lays), GREY)
        y += rh
        if not o["zebra"]:
            cv.line(m, y, m + tw, y, 0.2, (0.7, 0.7, 0.7))
    cv.line(m, y + 1, m + tw, y + 1, 0.8)
    y += 8
    vat_h = (len(job["vat"]["rows"]) + 3) * (sz + 5) if job["vat"] else 0
    need = max(len(job["totals"]) * (sz + 6), vat_h) + 10
    if y + need > bottom:
        footer()
        cv.show_page()
        y = running_header()
    yt = totals_block(cv, job["totals"], m + tw * 0.55, t.xs[total_j] + t.w[total_j] - t.pad, y, sz, double=False)
    yv = vat_table(cv, job["vat"], m, tw * 0.48, y, sz - 0.5, fill=(0.9, 0.9, 0.9)) if job["vat"] else y
    y = max(yt, yv) + 10
    for line in job["notes"] + ([f"{job['terms_label']}: {job['terms']}"] if job["terms"] else []) + (
            [job["mentions"]] if job["mentions"] else []):
        lay = cv.layout(line, size=sz, width=tw)
        h = cv.extent(lay)[1]
        if y + h > bottom:
            footer()
            cv.show_page()
            y = running_header()
        cv.show(lay, m, y)
        y += h + 3
    footer()


# --------------------------------------------------------------------------- receipt-like, narrow column
def draw_receipt(cv: Canvas, job):
    """Compact receipt-like invoice in a narrow column (a roll-width page, or a column on A4/Letter):
    centred header, label/value lines on a right tab stop, each item's description over a
    "qty x price ... total" line, totals on the same tab stop, a VAT table by code, dashed rules."""
    o, s, sz = job["opts"], job["supplier"], cv.size
    cw = o["width_mm"] * MM
    if o["narrow_page"]:
        x = 4 * MM
        cw = cv.w - 8 * MM
        top, bottom = 5 * MM, cv.h - 5 * MM
    else:
        x = 20 * MM if o["column_at"] == "left" else (cv.w - cw) / 2
        top, bottom = 18 * MM, cv.h - 18 * MM
    y = top

    def rtab(width):
        tabs = Pango.TabArray.new(1, False)
        tabs.set_tab(0, Pango.TabAlign.RIGHT, int(width * Pango.SCALE))
        return tabs

    def rule(y):
        cv.line(x, y + 3, x + cw, y + 3, 0.5, dash=[2, 1.5] if o["dashed"] else None)
        return y + 7

    def put(lay, y, color=None):
        h = cv.extent(lay)[1]
        if y + h > bottom:
            cv.text(x, bottom + 2, cv.page_label(), size=sz - 1.5, width=cw, align="C", color=GREY)
            cv.show_page()
            y = top
        cv.show(lay, x, y, color)
        return y + h

    y = put(cv.layout(s["name"], size=sz + 2, bold=True, width=cw, align="C"), y)
    y = put(cv.layout("\n".join(s["lines"] + [s["phone"]] + s["legal"][:1]), width=cw, align="C"), y) + 2
    y = rule(y)
    title = cv.layout(spaced(job["title"].upper(), 1.5), size=sz + 2, bold=True, width=cw, align="C", markup=True)
    y = put(title, y) + 3
    y = put(cv.layout("\n".join(f"{k}\t{v}" for k, v in job["meta"]), tabs=rtab(cw)), y) + 2
    y = put(cv.layout("\n".join(job["bill"] + ([job["cust_vat"]] if job["cust_vat"] else [])), width=cw), y)
    y = rule(y)
    tab_total = rtab(cw)
    t = job["table"]
    kinds = t["kind"]
    if o["qty_line"] == "columns":
        h = job["table"]["head"]
        tabs = Pango.TabArray.new(3, False)
        for n, f in enumerate((0.2, 0.62, 1.0)):
            tabs.set_tab(n, Pango.TabAlign.RIGHT, int(cw * f * Pango.SCALE))
        y = put(cv.layout(f"{h[kinds.index('desc')]}\n\t{h[kinds.index('qty')]}\t{h[kinds.index('price')]}\t"
                          f"{h[kinds.index('total')]}", bold=True, tabs=tabs), y)
        y = rule(y)
    for i, row in enumerate(t["rows"]):
        c = dict(zip(kinds, row, strict=True))
        code = f" {t['vcodes'][i]}" if t["vcodes"][i] else ""
        if o["qty_line"] == "columns":
            txt = f"{c['desc']}\n\t{c['qty']}\t{c['price']}\t{c['total']}{code}"
            lay = cv.layout(txt, tabs=tabs, width=cw)
        else:
            lay = cv.layout(f"{c['desc']}\n   {c['qty']} {t['units'][i]} x {c['price']}\t{c['total']}{code}",
                            tabs=tab_total, width=cw)
        y = put(lay, y) + 1.5
    if len(t["rows"]) > 1:
        y = put(cv.layout(job["items_n"], size=sz - 1, width=cw, align="R"), y)
    y = rule(y)
    for label, amount, style in job["totals"]:
        big = style == "gross"
        y = put(cv.layout(f"{label}\t{amount}", size=sz + (2 if big else 0), bold=style in ("gross", "due"),
                          tabs=rtab(cw)), y) + 1
    if job["vat"]:
        y = rule(y)
        v = job["vat"]
        stops = [0.3, 0.68, 1.0] if len(v["head"]) == 4 else [0.62, 1.0]  # (code) rate | net | VAT
        tabs = Pango.TabArray.new(len(stops), False)
        for k, f in enumerate(stops):
            tabs.set_tab(k, Pango.TabAlign.RIGHT, int(cw * f * Pango.SCALE))
        rows = [v["head"]] + v["rows"] + ([v["total"]] if v["total"] else [])
        y = put(cv.layout("\n".join("\t".join(r) for r in rows), size=sz - 1, tabs=tabs), y) + 2
    y = rule(y)
    tail = job["notes"] + ([job["terms"]] if job["terms"] else []) + [f"{job['paid_by'][0]}: {job['paid_by'][1]}"]
    tail += job["bank"][1:] + ([job["mentions"]] if job["mentions"] else [])
    y = put(cv.layout("\n".join(tail), size=sz - 1, width=cw), y) + 6
    y = put(cv.layout(job["thanks"], italic=True, width=cw, align="C"), y)
    if cv.npages > 1 or not o["narrow_page"]:
        cv.text(x, bottom + 2, cv.page_label(), size=sz - 1.5, width=cw, align="C", color=GREY)
    cv.y = y


DRAW = {"gnucash": draw_gnucash, "din-letter": draw_din, "justified": draw_justified, "wholesale": draw_wholesale,
        "receipt": draw_receipt}


def page_size(job: dict, height=None) -> tuple[float, float]:
    o = job["opts"]
    if job["family"] == "receipt" and o["narrow_page"]:
        return o["width_mm"] * MM, height or 3000.0
    return PAPER[job["paper"]]


def render(job: dict) -> int:
    """Draw ``job`` into job["out"]: a first pass counts the pages (and measures a roll's length), the second
    writes the PDF. Returns the page count."""
    cv = Canvas(job, io.BytesIO(), page_size(job), 0)
    DRAW[job["family"]](cv, job)
    cv.finish()
    npages, height = cv.page, cv.y + 5 * MM + 2
    cv = Canvas(job, job["out"], page_size(job, height), npages)
    cv.boxes = []
    DRAW[job["family"]](cv, job)
    cv.finish()
    job["_text_boxes"] = cv.boxes  # (page, layout, x0, y0, x1, y1, word) for gen.py's overlap check
    return npages
