"""Lay a job out as a PDF: fill the family's Jinja2 template (templates/) and hand the HTML to
xhtml2pdf (``pisa.CreatePDF``, ReportLab underneath) or to PyMuPDF's Story (MuPDF's HTML layout,
written page by page with ``DocumentWriter``). Everything printed is formatted in gen.py; the
templates only place it.

``render(job)`` writes ``job["out"]`` and returns what the engine reported (warnings, errors) that
gen.py treats as a failure."""

from __future__ import annotations

import logging
from importlib import metadata
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

HERE = Path(__file__).resolve().parent
FONT_ROOT = Path("/usr/share/fonts/truetype")
#: page size in points
PAPER = {"a4": (595.276, 841.89), "letter": (612.0, 792.0)}
PT_PER_CM = 72 / 2.54

ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def _versions() -> dict[str, str]:
    import pymupdf

    rl = metadata.version("reportlab")
    return {
        "xhtml2pdf": f"xhtml2pdf {metadata.version('xhtml2pdf')} (ReportLab {rl})",
        "story": f"PyMuPDF {metadata.version('pymupdf')} Story (MuPDF {pymupdf.VersionFitz})",
    }


VERSIONS = _versions()

#: average width of a character in em, by font (_style.font), to size the table's columns
EM = {
    "DejaVu Sans": 0.64,
    "DejaVu Sans Condensed": 0.58,
    "DejaVu Serif": 0.65,
    "Liberation Sans": 0.56,
    "Liberation Sans 2": 0.56,
    "Liberation Serif": 0.52,
    "Carlito": 0.52,
    "Caladea": 0.54,
    "Helvetica": 0.56,
    "Times": 0.52,
}
#: the item table's width: the page less these margins (cm) on each side
SIDE_MARGIN_CM = {
    "django": 1.7,
    "facture": 1.5,
    "letter": 2.0,
    "wholesale": 40 / PT_PER_CM,
    "us": 36 / PT_PER_CM,
}


def col_widths(job: dict) -> list[float]:
    """Column widths in % of the item table: each column as wide as its longest cell (its heading
    may wrap at a space), measured with an average character width; the description takes the rest
    (at least 30 %)."""
    t, o = job["table"], job["opts"]
    em = EM.get(job["font"]["name"], 0.6) * o.get("table_size", o["size"])
    width = table_width_pt(job)
    need = []
    for i, kind in enumerate(t["kind"]):
        if kind == "desc":
            need.append(0.0)
            continue
        head = max(len(w) for w in t["head"][i].split()) * em * 1.2  # bold
        cells = max(len(r[i]) for r in t["rows"]) * em
        need.append(max(head, cells) + 12)
    fixed = sum(need)
    if fixed > 0.7 * width:
        need = [x * 0.7 * width / fixed for x in need]
        fixed = 0.7 * width
    return [
        round(100 * ((width - fixed) if k == "desc" else x) / width, 1)
        for k, x in zip(t["kind"], need, strict=True)
    ]


def table_width_pt(job: dict) -> float:
    return PAPER[job["paper"]][0] - 2 * SIDE_MARGIN_CM[job["family"]] * PT_PER_CM


def render(job: dict) -> list[str]:
    """Write job["out"] with the family's engine; returns the engine's warnings and errors."""
    job["_widths"] = col_widths(job)
    # MuPDF's table layout takes a column's width in points (style="width: …pt"), not in per cent
    job["_widths_pt"] = [
        round(w * table_width_pt(job) / 100 - 8, 1) for w in job["_widths"]
    ]  # less padding
    if job["engine"] == "xhtml2pdf":
        return render_xhtml2pdf(job)
    return render_story(job)


# --------------------------------------------------------------------------- xhtml2pdf
class _Grab(logging.Handler):
    """Collects what xhtml2pdf logs at WARNING and above (and keeps it off stderr)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage()[:300])


def page_markup(fmt: str) -> Markup:
    """'Page {p} of {n}' with xhtml2pdf's page number and page count tags."""
    s = str(escape(fmt)).replace("{p}", "<pdf:pagenumber />").replace("{n}", "<pdf:pagecount />")
    return Markup(s)


def render_xhtml2pdf(job: dict) -> list[str]:
    from reportlab import rl_config
    from xhtml2pdf import pisa
    from xhtml2pdf.config.resources import ResourceAccessPolicy

    rl_config.invariant = 1  # no time stamp, a fixed document id: the same job gives the same bytes
    w, h = PAPER[job["paper"]]
    html = ENV.get_template(f"{job['family']}.html").render(
        j=job,
        o=job["opts"],
        t=job["table"],
        pw=round(w / PT_PER_CM, 2),
        ph=round(h / PT_PER_CM, 2),
        font_root=str(FONT_ROOT),
        page=page_markup(job["page_fmt"]),
    )
    # fonts are read from /usr/share/fonts/truetype; nothing else outside the templates, nothing
    # remote
    policy = ResourceAccessPolicy(
        allow_remote=False, base_dir=HERE / "templates", extra_roots=(FONT_ROOT,)
    )
    grab = _Grab()
    log = logging.getLogger("xhtml2pdf")
    log.addHandler(grab)
    try:
        with open(job["out"], "wb") as f:
            res = pisa.CreatePDF(html, dest=f, encoding="utf-8", resource_policy=policy)
    finally:
        log.removeHandler(grab)
    msgs = grab.messages
    if res.err:
        msgs.append(f"pisa reported {res.err} error(s)")
    return msgs


# --------------------------------------------------------------------------- PyMuPDF Story
#: margins in points (top of page 1, top of later pages, bottom, left, right) and the heights of the
#: running header (later pages) and footer
STORY_GEOMETRY = {
    "wholesale": dict(top1=36, top=62, bottom=70, left=40, right=40, head=30, foot=48),
    "us": dict(top1=36, top=60, bottom=54, left=36, right=36, head=28, foot=32),
}


def render_story(job: dict) -> list[str]:
    import pymupdf

    pymupdf.TOOLS.mupdf_display_warnings(False)
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.reset_mupdf_warnings()
    tpl = ENV.get_template(f"{job['family']}.html")
    css = ENV.get_template(f"{job['family']}.css").render(j=job, o=job["opts"])
    body = tpl.render(j=job, o=job["opts"], t=job["table"], part="body", p=0, n=0)
    arch = pymupdf.Archive(str(FONT_ROOT))
    g = STORY_GEOMETRY[job["family"]]
    w, h = PAPER[job["paper"]]
    page_rect = pymupdf.Rect(0, 0, w, h)

    def lay_out(writer, n_pages: int) -> int:
        """Place the body page after page (drawing it, with the running header and footer, when
        there is a writer); returns the number of pages."""
        story = pymupdf.Story(html=body, user_css=css, archive=arch)
        page, more = 0, 1
        while more:
            page += 1
            if page > 12:
                raise RuntimeError(f"{job['id']}: Story does not end after 12 pages")
            top = g["top1"] if page == 1 else g["top"]
            where = pymupdf.Rect(g["left"], top, w - g["right"], h - g["bottom"])
            dev = writer.begin_page(page_rect) if writer else None
            more, _ = story.place(where)
            story.draw(dev)  # None: the content placed is only consumed (the page count's pass)
            if writer is None:
                continue
            parts = [("foot", pymupdf.Rect(g["left"], h - g["foot"] - 12, w - g["right"], h - 12))]
            if page > 1:
                parts.append(("head", pymupdf.Rect(g["left"], 24, w - g["right"], 24 + g["head"])))
            for part, rect in parts:
                html = tpl.render(
                    j=job, o=job["opts"], t=job["table"], part=part, p=page, n=n_pages
                )
                st = pymupdf.Story(html=html, user_css=css, archive=arch)
                st.place(rect)
                st.draw(dev)
            writer.end_page()
        return page

    n = lay_out(None, 0)
    writer = pymupdf.DocumentWriter(job["out"])
    drawn = lay_out(writer, n)
    writer.close()
    msgs = [m for m in pymupdf.TOOLS.mupdf_warnings().splitlines() if m.strip()]
    if drawn != n:
        msgs.append(f"{n} pages counted, {drawn} drawn")
    return msgs
