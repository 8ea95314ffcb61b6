#!/usr/bin/env python3
"""Invoice PDFs drawn by the JavaScript PDF libraries of web invoicing apps (jsPDF + jspdf-autotable,
pdfmake, PDFKit) under Node.js; a truth JSON is written beside each PDF and checked against its text.

    .venv/bin/python gen.py OUTDIR --count N --seed S [--keep-jobs] [--no-check] [--only FAMILY]

gen.py draws every document (parties, items, VAT, formats, labels, layout options), writes one JSON
job per document, and runs ``node render.js JOBS.json`` once; render.js lays the job out with the
family's library. Then pypdf extracts the text of every PDF and the printed truth values are looked
for in it (see ``check_doc``).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # bench/external: the modules in common/
from common import labels as LB  # noqa: E402
from common import scaffold as G  # noqa: E402
from common import world as W  # noqa: E402
from common.scaffold import (  # noqa: E402
    C2,
    FX,
    fmt_date,
    fmt_qty,
    invoice_number,
    make_customer,
    make_items,
    make_supplier,
    money,
    pct,
    pick,
    r2,
)

G.use_set_venv(HERE, __file__)

SET_NAME = "jspdf"
#: family -> library
FAMILIES = {
    "autotable": "jspdf",
    "autotable-erp": "jspdf",
    "pdfmake": "pdfmake",
    "pdfmake-stack": "pdfmake",
    "pdfkit": "pdfkit",
}
FONTS = Path("/usr/share/fonts/truetype")
TTF = {
    "DejaVuSans": (FONTS / "dejavu/DejaVuSans.ttf", FONTS / "dejavu/DejaVuSans-Bold.ttf"),
    "LiberationSans": (FONTS / "liberation/LiberationSans-Regular.ttf", FONTS / "liberation/LiberationSans-Bold.ttf"),
    "LiberationSerif": (FONTS / "liberation/LiberationSerif-Regular.ttf", FONTS / "liberation/LiberationSerif-Bold.ttf"),
}
ROBOTO = HERE / "node_modules/pdfmake/build/fonts/Roboto"


# --------------------------------------------------------------------------- the document
def make_doc(seed: int, idx: int) -> dict:
    rng = random.Random(f"{SET_NAME}/{seed}/{idx}")
    fams = list(FAMILIES)
    order = random.Random(f"{SET_NAME}/{seed}").sample(fams, len(fams))
    family = order[idx % len(fams)]
    lorder = random.Random(f"{SET_NAME}/{seed}/loc").sample(LB.LOCALE_ORDER, len(LB.LOCALE_ORDER))
    loc = lorder[(idx + 2 * (idx // len(fams))) % len(lorder)]  # every family meets every locale
    info = LB.LOCALES[loc]
    lang, country = info["lang"], info["country"]
    doc = dict(idx=idx, seed=seed, family=family, lib=FAMILIES[family], loc=loc, lang=lang, country=country)
    X = {k: pick(rng, v) for k, v in LB.X[lang].items()}
    doc["X"] = X
    doc["sep"] = info["sep"]
    if loc == "fr_FR" and rng.random() < 0.3:
        doc["sep"] = (".", ",")  # "1.234,56", common in French web apps not using Intl
    doc["min_group2"] = loc == "es_ES" and rng.random() < 0.5  # Intl.NumberFormat('es-ES')
    doc["cur"] = info["cur"]
    doc["cur_fmt"] = info["cur"][2] if rng.random() < 0.75 else rng.choice(["code_pre", "code_post"])
    doc["table_sym"] = rng.random() < 0.45
    doc["pct_sep"] = " " if lang in ("fr", "de", "cs") and rng.random() < 0.6 else ""
    doc["qty_fixed"] = rng.choice([0, 0, 0, 2]) if family != "pdfkit" else 0
    doc["date_fmt"] = rng.choice(LB.DATE_FORMATS[loc])
    doc["paper"] = info["paper"]
    doc["sales_tax"] = Decimal(str(rng.choice(W.US_SALES_TAX))) if country == "US" else None
    doc["credit"] = rng.random() < 0.13
    doc["neg"] = doc["credit"] and rng.random() < 0.4
    doc["long"] = (not doc["credit"]) and rng.random() < 0.17
    doc["supplier"] = make_supplier(rng, doc)
    doc["customer"] = make_customer(rng, doc, doc["supplier"])
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    doc["date"] = date
    doc["number"] = invoice_number(rng, lang, doc["credit"], date.year, date.month)
    if doc["credit"]:
        doc["ref_invoice"] = invoice_number(random.Random(rng.random()), lang, False, date.year, date.month)
        doc["ref_date"] = date - dt.timedelta(days=rng.randint(5, 60))
    doc["terms_days"] = rng.choice([7, 10, 14, 14, 30, 30, 30, 45, 60])
    doc["due"] = None if (doc["credit"] or rng.random() < 0.22) else date + dt.timedelta(days=doc["terms_days"])
    doc["delivery"] = date - dt.timedelta(days=rng.randint(0, 6)) if rng.random() < 0.4 else None
    pos = []
    if rng.random() < 0.5:
        for _ in range(2 if rng.random() < 0.15 else 1):
            pos.append(rng.choice([f"PO-{rng.randint(10000, 99999)}", f"4500{rng.randint(100000, 999999)}",
                                   f"PO{date.year}-{rng.randint(100, 999)}", f"B-{rng.randint(1000, 9999)}",
                                   f"{rng.randint(10000, 99999)}"]))
    doc["pos"] = pos
    doc["mode"] = "single" if country == "US" or rng.random() < 0.45 else "multi"
    items = make_items(rng, doc)
    # per-line discount column (some families), totals-block discount (single rate), shipping, deposit
    doc["line_disc"] = family in ("autotable-erp", "pdfmake", "pdfkit") and rng.random() < 0.3
    if doc["line_disc"]:
        for it in items:
            if rng.random() < 0.4:
                it["disc"] = Decimal(rng.choice([2, 3, 5, 10, 15, 20]))
    for it in items:
        g = it["qty"] * it["price"]
        it["total"] = r2(g if it["disc"] is None else g * (100 - it["disc"]) / 100)
    doc["items"] = items
    subtotal = sum((it["total"] for it in items), Decimal(0))
    rates = sorted({it["rate"] for it in items})
    std = doc["sales_tax"] if country == "US" else W.VAT[country][0]
    doc["disc_pct"] = None
    if len(rates) == 1 and not doc["credit"] and rng.random() < 0.18:
        doc["disc_pct"] = Decimal(rng.choice([2, 3, 5, 10]))
    doc["disc_amt"] = r2(subtotal * doc["disc_pct"] / 100) if doc["disc_pct"] else Decimal(0)
    doc["shipping"] = Decimal(0)
    if not doc["credit"] and rng.random() < 0.25:
        doc["shipping"] = (Decimal(rng.choice(["4.95", "7.50", "9.90", "12.50", "15.00", "19.90", "25.00"]))
                           * Decimal(str(FX.get(doc["cur"][0], 1)))).quantize(C2)
    doc["subtotal"] = subtotal
    net = subtotal - doc["disc_amt"] + doc["shipping"]
    groups = []
    for rate in sorted(set(rates) | ({std} if doc["shipping"] else set())):
        base = sum((it["total"] for it in items if it["rate"] == rate), Decimal(0))
        if rate == std:
            base += doc["shipping"]
        if doc["disc_pct"]:
            base -= doc["disc_amt"]
        groups.append((rate, base, r2(base * Decimal(str(rate)) / 100)))
    doc["groups"] = groups
    doc["net"] = net
    doc["tax"] = sum((g[2] for g in groups), Decimal(0))
    doc["gross"] = net + doc["tax"]
    doc["deposit"] = Decimal(0)
    if not doc["credit"] and rng.random() < 0.16:
        doc["deposit"] = r2(doc["gross"] * Decimal(rng.choice([20, 25, 30, 50])) / 100)
    # layout options
    doc["vat_col"] = len(groups) > 1 or (country != "US" and rng.random() < 0.35)
    doc["vat_summary"] = family in ("autotable-erp", "pdfmake-stack", "pdfmake") and country != "US" and (
        len(groups) > 1 and rng.random() < 0.7 or rng.random() < 0.25)
    doc["vat_lines_only"] = len(groups) > 1 and not doc["vat_summary"] and rng.random() < 0.3
    doc["font"] = pick_font(rng, doc)
    doc["rng_layout"] = rng.random()
    doc["opts"] = layout_opts(rng, doc)
    return doc


def pick_font(rng, doc):
    lib = doc["lib"]
    r = rng.random()
    if lib == "pdfmake":
        if doc["loc"] == "cs_CZ" or r < 0.5:
            return dict(kind="ttf", name="Roboto", regular=str(ROBOTO / "Roboto-Regular.ttf"),
                        bold=str(ROBOTO / "Roboto-Medium.ttf"), italic=str(ROBOTO / "Roboto-Italic.ttf"))
        return dict(kind="std", name="Helvetica" if r < 0.85 else "Times")
    if doc["loc"] == "cs_CZ" or r < 0.15:
        name = rng.choice(["DejaVuSans", "LiberationSans", "LiberationSerif"] if lib == "pdfkit" else ["DejaVuSans", "LiberationSans"])
        reg, bold = TTF[name]
        return dict(kind="ttf", name=name, regular=str(reg), bold=str(bold))
    return dict(kind="std", name="Helvetica" if r < 0.8 else "Times")


def layout_opts(rng, doc):
    f = doc["family"]
    o = dict(accent=rng.choice(["#1F4E79", "#2E75B6", "#375623", "#7B2C2C", "#404040", "#5B2C6F", "#0E6655", "#C0392B"]))
    if f == "autotable":
        o.update(theme=rng.choice(["striped", "striped", "grid", "plain"]), showHead=rng.choice(["everyPage", "everyPage", "firstPage"]),
                 letterhead=rng.choice(["left", "right"]), meta_style=rng.choice(["kv", "stack"]),
                 cols=rng.choice([["desc", "qty", "price", "total"], ["sku", "desc", "qty", "price", "total"],
                                  ["desc", "sku", "qty", "unit", "price", "total"], ["qty", "desc", "price", "total"]]))
    elif f == "autotable-erp":
        o.update(theme=rng.choice(["grid", "grid", "striped"]), showHead=rng.choice(["everyPage", "everyPage", "firstPage"]),
                 letterhead=rng.choice(["left", "right"]), sender_line=rng.random() < 0.6,
                 cols=rng.choice([["pos", "sku", "desc", "qty", "unit", "price", "total"],
                                  ["sku", "desc", "qty", "unit", "price", "total"],
                                  ["pos", "desc", "sku", "qty", "price", "total"],
                                  ["sku", "qty", "unit", "desc", "price", "total"]]))
    elif f == "pdfmake":
        o.update(layout=rng.choice(["lightHorizontalLines", "headerLineOnly", "zebra", "boxed"]),
                 headerRows=rng.choice([1, 1, 1, 0]), letterhead=rng.choice(["left", "right"]),
                 general=rng.random() < 0.2,
                 cols=rng.choice([["desc", "qty", "price", "total"], ["sku", "desc", "qty", "unit", "price", "total"],
                                  ["desc", "sku", "qty", "price", "total"], ["pos", "desc", "qty", "unit", "price", "total"]]))
    elif f == "pdfmake-stack":
        o.update(headerRows=rng.choice([1, 1, 0]), headline=rng.random() < 0.6,
                 cols=rng.choice([["desc", "qty", "price", "total"], ["desc", "qty", "unit", "price", "total"],
                                  ["sku", "desc", "qty", "price", "total"]]))
    else:
        o.update(repeat_head=rng.random() < 0.6, rules=rng.choice(["lines", "zebra", "none"]),
                 qty_unit=rng.random() < 0.35, meta_style=rng.choice(["continued", "columns"]),
                 cols=rng.choice([["qty", "desc", "price", "total"], ["sku", "desc", "qty", "price", "total"],
                                  ["desc", "qty", "price", "total"], ["pos", "sku", "desc", "qty", "price", "total"]]))
    cols = list(o["cols"])
    if doc["line_disc"]:
        cols.insert(cols.index("total"), "disc")
    if doc["vat_col"]:
        cols.insert(cols.index("total") + rng.choice([0, 0, 1]), "vat")
    if f == "pdfkit" and o["qty_unit"] and "unit" in cols:
        cols.remove("unit")
    o["cols"] = cols
    return o


# --------------------------------------------------------------------------- the job (all text pre-formatted)
def build_job(doc: dict, out_pdf: Path) -> dict:
    X, s, c, o = doc["X"], doc["supplier"], doc["customer"], doc["opts"]
    us = doc["country"] == "US"
    sg = -1 if doc["neg"] else 1
    title = X["credit"] if doc["credit"] else X["invoice"]
    num_label = X["cn_no"] if doc["credit"] else X["inv_no"]
    meta = [[num_label, doc["number"]], [X["date"], fmt_date(doc["date"], doc)]]
    if doc["due"]:
        meta.append([X["due"], fmt_date(doc["due"], doc)])
    if doc["delivery"]:
        meta.append([X["delivery"], fmt_date(doc["delivery"], doc)])
    meta.append([X["cust"], c["number"]])
    if doc["pos"]:
        meta.append([X["po"], ", ".join(doc["pos"])])
    tax_line = f"{s['tax_label']}: {s['tax_id']}" if s.get("tax_id") else None
    sup_lines = [s["street"], s["city"]]
    contact = [s["phone"], s["email"], s["web"]]
    legal = [x for x in [tax_line] if x] + [f"{a} {b}" for a, b in s["extra_ids"]]
    bill = [c["name"]] + ([c["attn"]] if c.get("attn") else []) + [c["street"], c["city"]]
    if c.get("vat_id"):
        bill.append(f"{X['cust_vat']}: {c['vat_id']}")
    parties = [dict(label=X["bill_to"], lines=bill)]
    if c.get("ship"):
        parties.append(dict(label=X["ship_to"], lines=c["ship"]))
    # item table
    head_of = dict(pos=X["pos"], sku=X["sku"], desc=X["desc"], qty=X["qty"], unit=X["unit"], price=X["price"],
                   disc=X["disc"], vat=X["vat"], total=X["total"])
    code = doc["cur"][0]
    if not doc["table_sym"] and doc["rng_layout"] < 0.4:
        head_of["total"] = f"{X['total']} ({code})"
    cols = o["cols"]
    rows = []
    for i, it in enumerate(doc["items"], 1):
        qty = fmt_qty(it["qty"], doc)
        if doc["family"] == "pdfkit" and o["qty_unit"]:
            qty = f"{qty} {it['unit']}"
        cell = dict(pos=str(i), sku=it["code"], desc=it["desc"], qty=qty, unit=it["unit"],
                    price=money(it["price"], doc, doc["table_sym"], it["pdec"]),
                    disc=pct(it["disc"], doc) if it["disc"] else "", vat=pct(it["rate"], doc),
                    total=money(sg * it["total"], doc, doc["table_sym"]))
        rows.append([cell[k] for k in cols])
    align = ["left" if k in ("sku", "desc", "unit") else "right" for k in cols]
    if "pos" in cols:
        align[cols.index("pos")] = "center" if doc["rng_layout"] < 0.5 else "left"
    table = dict(head=[head_of[k] for k in cols], align=align, kind=cols, rows=rows)
    # totals block
    m = lambda x: money(sg * x, doc)  # noqa: E731
    totals = []
    show_sub = doc["disc_pct"] or doc["shipping"] or doc["rng_layout"] < 0.5
    net_label = pick(random.Random(doc["number"]), LB.US["net"]) if us else X["net"]
    if show_sub:
        totals.append([X["subtotal"], m(doc["subtotal"]), ""])
    if doc["disc_pct"]:
        totals.append([f"{X['discount']} {pct(doc['disc_pct'], doc)}", money(-doc["disc_amt"], doc), ""])
    if doc["shipping"]:
        totals.append([X["shipping"], m(doc["shipping"]), ""])
    if not show_sub or doc["disc_pct"] or doc["shipping"]:
        totals.append([net_label, m(doc["net"]), "strong" if doc["family"] == "autotable-erp" else ""])
    if us:
        totals.append([pick(random.Random(doc["number"] + "t"), LB.US["tax_line"]).format(r=pct(doc["sales_tax"], doc)),
                       m(doc["tax"]), ""])
    else:
        per_rate = len(doc["groups"]) > 1 and not doc["vat_summary"]
        if per_rate or doc["rng_layout"] > 0.6:
            for rate, base, tax in doc["groups"]:
                lab = X["vat_on"].format(r=pct(rate, doc), b=m(base)) if doc["rng_layout"] > 0.8 else X["vat_line"].format(r=pct(rate, doc))
                totals.append([lab, m(tax), ""])
        if not doc["vat_lines_only"] and not (len(doc["groups"]) == 1 and doc["rng_layout"] > 0.6):
            totals.append([X["vat_total"], m(doc["tax"]), ""])
    gross_label = pick(random.Random(doc["number"] + "g"), LB.US["gross"]) if us else X["gross"]
    totals.append([gross_label, m(doc["gross"]), "big"])
    if doc["deposit"]:
        totals.append([X["deposit"], money(-doc["deposit"], doc), ""])
        totals.append([X["amount_due"], m(doc["gross"] - doc["deposit"]), "big"])
    vat = None
    if doc["vat_summary"]:
        vat = dict(title=X["vat_summary"], head=[X["rate"], X["base"], X["vat_amt"], X["gross_col"]],
                   rows=[[pct(r, doc), m(b), m(t), m(b + t)] for r, b, t in doc["groups"]])
    notes = []
    if doc["credit"]:
        notes.append(X["refers"].format(n=doc["ref_invoice"], d=fmt_date(doc["ref_date"], doc)))
    if doc["cur_fmt"].startswith("code") and doc["rng_layout"] < 0.3:
        notes.append({"en": "All amounts in {c}.", "de": "Alle Beträge in {c}.", "fr": "Montants en {c}.",
                      "nl": "Alle bedragen in {c}.", "it": "Importi in {c}.", "es": "Importes en {c}.",
                      "cs": "Částky v {c}."}[doc["lang"]].format(c=code))
    terms = [] if doc["credit"] else [(LB.US["terms_val"] if us else X["terms_val"]).format(n=doc["terms_days"])]
    if s["iban"]:
        bank = [f"{s['bank']}", f"IBAN {s['iban']}", f"BIC {s['bic']}"]
    else:
        bank = [s["bank"], s["us_bank"]]
    footer = [" · ".join([s["name"], s["street"], s["city"]]), " · ".join(legal + [s["email"]])]
    headline = None
    if doc["family"] == "pdfmake-stack" and o.get("headline") and doc["due"]:
        amt = doc["gross"] - doc["deposit"]
        headline = X["due_on"].format(a=m(amt), d=fmt_date(doc["due"], doc))
    page_fmt = X["page"]
    job = dict(
        id=f"{doc['idx']:03d}_{doc['family']}", out=str(out_pdf), family=doc["family"], lib=doc["lib"],
        paper=doc["paper"], font=doc["font"], opts=o, lang=doc["lang"],
        creation=dt.datetime.combine(doc["date"], dt.time(9, 30)).isoformat() + "Z",
        title=title, supplier=dict(name=s["name"], lines=sup_lines, contact=contact, legal=legal),
        meta=meta, parties=parties, table=table, totals=totals, vat=vat, notes=notes, terms=terms,
        terms_label=X["terms"], bank=bank, bank_label=X["bank"], thanks=X["thanks"], notes_label=X["notes"],
        footer=footer, page_fmt=page_fmt, headline=headline, cont=X["cont"], number=doc["number"],
        num_label=num_label,
        general=dict(title=X["general"], text=X["general_text"]) if o.get("general") else None,
    )
    return job


def job_strings(job: dict):
    yield job["title"]
    yield job["supplier"]["name"]
    for part in ("lines", "contact", "legal"):
        yield from job["supplier"][part]
    for kv in job["meta"]:
        yield from kv
    for p in job["parties"]:
        yield p["label"]
        yield from p["lines"]
    yield from job["table"]["head"]
    for r in job["table"]["rows"]:
        yield from r
    for t in job["totals"]:
        yield from t[:2]
    if job["vat"]:
        yield job["vat"]["title"]
        yield from job["vat"]["head"]
        for r in job["vat"]["rows"]:
            yield from r
    for k in ("notes", "terms", "bank", "footer"):
        yield from job[k]
    for k in ("terms_label", "bank_label", "thanks", "notes_label", "page_fmt", "headline", "cont"):
        if job.get(k):
            yield job[k]
    if job["general"]:
        yield job["general"]["title"]
        yield job["general"]["text"]


# --------------------------------------------------------------------------- main
def main(argv=None):
    args = G.parse_args(argv, __doc__, FAMILIES)
    if not (HERE / "node_modules" / "jspdf").exists():
        raise SystemExit(f"node_modules missing: run `npm ci` in {HERE}")
    out, docs, jobs = G.draw_docs(args, make_doc, build_job, job_strings)
    tmp = Path(tempfile.mkdtemp(prefix="jspdf_jobs_"))
    jobs_file = G.write_jobs(jobs, out, tmp, args.keep_jobs)
    res = subprocess.run(["node", str(HERE / "render.js"), str(jobs_file)], cwd=HERE, capture_output=True, text=True,
                         timeout=1800)
    shutil.rmtree(tmp, ignore_errors=True)
    G.renderer_done(res, "render.js", warnings=False)
    return G.write_truths(out, docs, jobs, args.no_check, lambda d: G.truth_of(d, SET_NAME))


if __name__ == "__main__":
    raise SystemExit(main())
