"""Small python-docx helpers: fonts, page, tab stops, borders, shading, fields."""

from __future__ import annotations

import subprocess
from functools import lru_cache

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

LEFT, RIGHT, CENTER = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.CENTER
TAB = {"L": WD_TAB_ALIGNMENT.LEFT, "R": WD_TAB_ALIGNMENT.RIGHT, "D": WD_TAB_ALIGNMENT.DECIMAL, "C": WD_TAB_ALIGNMENT.CENTER}


def new_document(font: str, size: float, lang: str, letter: bool = False, margins=(2.0, 2.0, 2.0, 2.0),
                 after: float = 0.0) -> Document:
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    el = OxmlElement("w:lang")
    el.set(qn("w:val"), lang)
    rpr.append(el)
    pf = st.paragraph_format
    pf.space_after = Pt(after)  # what table cells inherit; para() sets its own
    pf.space_before = Pt(0)
    pf.line_spacing = 1.0 if after < 2 else 1.08
    sec = doc.sections[0]
    if letter:
        sec.page_width, sec.page_height = Cm(21.59), Cm(27.94)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = (Cm(m) for m in margins)
    sec.footer_distance = Cm(0.8)
    sec.header_distance = Cm(0.8)
    return doc


def text_width(doc) -> float:
    sec = doc.sections[0]
    return (sec.page_width - sec.left_margin - sec.right_margin) / 360000.0  # cm


def para(container, text: str = "", *, bold=False, italic=False, size=None, align=None, tabs=(), after=0.0,
         before=0.0, color=None, indent=None, keep_next=False, underline=False, font=None):
    p = container.add_paragraph()
    if text:
        run(p, text, bold=bold, italic=italic, size=size, color=color, underline=underline, font=font)
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    if align is not None:
        p.alignment = align
    if indent is not None:
        fmt.left_indent = Cm(indent)
    if keep_next:
        fmt.keep_with_next = True
    for pos, kind, *leader in tabs:
        fmt.tab_stops.add_tab_stop(Cm(pos), TAB[kind], WD_TAB_LEADER.DOTS if leader and leader[0] else WD_TAB_LEADER.SPACES)
    return p


def run(p, text, *, bold=False, italic=False, size=None, color=None, underline=False, font=None):
    r = p.add_run(text)
    r.bold = bold or None
    r.italic = italic or None
    r.underline = underline or None
    if size:
        r.font.size = Pt(size)
    if color:
        r.font.color.rgb = RGBColor.from_string(color)
    if font:
        r.font.name = font
    return r


def para_border(p, side="bottom", sz=6, color="000000", val="single", space=1):
    ppr = p._p.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        ppr.append(bdr)
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), val)
    el.set(qn("w:sz"), str(sz))
    el.set(qn("w:space"), str(space))
    el.set(qn("w:color"), color)
    bdr.append(el)


def field(p, instr: str, size=None):
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    if size:
        rpr = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(int(size * 2)))
        rpr.append(sz)
        r.append(rpr)
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    p._p.append(fld)


def table(container, rows, cols, widths, style=None, align=None, width_cm=None):
    if hasattr(container, "add_table") and width_cm is not None:
        t = container.add_table(rows, cols, Cm(width_cm))
    else:
        t = container.add_table(rows, cols)
    if style:
        t.style = style
    t.autofit = False
    if align:
        t.alignment = {"right": WD_TABLE_ALIGNMENT.RIGHT, "center": WD_TABLE_ALIGNMENT.CENTER}[align]
    grid = t._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(w * 567)))
    for row in t.rows:
        for c, w in zip(row.cells, widths):
            c.width = Cm(w)
    return t


def add_row(t, widths):
    row = t.add_row()
    for c, w in zip(row.cells, widths):
        c.width = Cm(w)
    return row


def cell_text(cell, text, *, bold=False, italic=False, size=None, align=None, color=None):
    p = cell.paragraphs[0]
    lines = str(text).split("\n")
    for k, line in enumerate(lines):
        if k:
            p = cell.add_paragraph()
        if line:
            run(p, line, bold=bold, italic=italic, size=size, color=color)
        if align is not None:
            p.alignment = align
    return p


def shade(cell, fill):
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def cell_borders(cell, **sides):
    """sides: top/bottom/left/right = (val, sz, color)"""
    tcpr = cell._tc.get_or_add_tcPr()
    b = tcpr.find(qn("w:tcBorders"))
    if b is None:
        b = OxmlElement("w:tcBorders")
        tcpr.append(b)
    for side, (val, sz, color) in sides.items():
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), val)
        el.set(qn("w:sz"), str(sz))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), color)
        b.append(el)


def table_borders(t, val="none", sz=4, color="000000", inside_h=None, inside_v=None):
    tblpr = t._tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        v = val
        if side == "insideH" and inside_h is not None:
            v = inside_h
        if side == "insideV" and inside_v is not None:
            v = inside_v
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), v)
        el.set(qn("w:sz"), str(sz))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), color)
        b.append(el)
    tblpr.append(b)


def repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def cant_split(row):
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def cell_margins(t, left=0.1, right=0.1):
    tblpr = t._tbl.tblPr
    m = OxmlElement("w:tblCellMar")
    for side, v in (("left", left), ("right", right)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(v * 567)))
        el.set(qn("w:type"), "dxa")
        m.append(el)
    tblpr.append(m)


def para_shade(p, fill):
    ppr = p._p.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    ppr.append(shd)


@lru_cache(maxsize=None)
def _pil_font(name: str, bold: bool):
    from PIL import ImageFont

    path = subprocess.check_output(["fc-match", f"{name}:bold" if bold else name, "-f", "%{file}"]).decode()
    return ImageFont.truetype(path, 1000)


def measure(text: str, name: str, size: float, bold: bool = False) -> float:
    """Width of text in cm when set in font `name` at `size` points."""
    return _pil_font(name, bold).getlength(text) / 1000 * size * 0.03528


def set_widths(t, widths):
    """Column widths of an existing (e.g. nested) table: grid and every cell."""
    t.autofit = False
    grid = t._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(w * 567)))
    for row in t.rows:
        for c, w in zip(row.cells, widths):
            c.width = Cm(w)
