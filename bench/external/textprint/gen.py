#!/usr/bin/env python3
"""Invoices and credit notes printed the way older ERP/accounting systems and Unix print pipelines print them.

    gen.py OUTDIR --count N --seed S [--keep-src] [--jobs J]

Families (file suffix):
  lineprint  fixed-width text (80/96/132 columns) printed by enscript + ps2pdf, by a hand-written
             PostScript program + ps2pdf, or by groff -Tpdf in no-fill Courier
  troff      groff -ms / -mom documents with tbl tables, printed by gropdf (groff -t -Tpdf)

Writes OUTDIR/NNN_<family>.pdf and OUTDIR/NNN_<family>.json (truth), checks every PDF's pypdf text
against the truth and the amounts against each other; exits 1 when a document fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
try:
    import pypdf  # noqa: F401
except ImportError:  # run with the folder's venv when started by another interpreter
    venv_python = HERE / ".venv" / "bin" / "python"
    if venv_python.exists() and Path(sys.executable).resolve() != venv_python.resolve():
        os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])
    raise

import logging  # noqa: E402

from pypdf import PdfReader  # noqa: E402

import lineprint  # noqa: E402
import spec  # noqa: E402
import troff  # noqa: E402
from world import q2  # noqa: E402

logging.getLogger("pypdf").setLevel(logging.ERROR)
FORCED = ["enscript", "ms", "ps", "mom", "groffmono"]  # documents 1-5: one of each pipeline
FAMILY_OF = {"enscript": "lineprint", "ps": "lineprint", "groffmono": "lineprint", "ms": "troff", "mom": "troff"}


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s)).strip()


def plan(seed: int, i: int) -> tuple[str, str | None]:
    if i <= len(FORCED):
        p = FORCED[i - 1]
        return FAMILY_OF[p], p
    r = random.Random(f"textprint-plan-{seed}-{i}")
    return ("lineprint" if r.random() < 0.55 else "troff"), None


def make(seed: int, i: int, out: Path, work: Path) -> tuple[str, dict, dict, list[str]]:
    family, forced = plan(seed, i)
    rng = random.Random(f"textprint-{seed}-{i}")
    d = spec.draw(rng, family, seed, i, forced)
    stem = f"{i:03d}_{family}"
    pdf = out / f"{stem}.pdf"
    lrng = random.Random(f"textprint-layout-{seed}-{i}")
    if family == "lineprint":
        style = lineprint.render(d, lrng, pdf, work)
    else:
        style = troff.render(d, lrng, pdf, work)
    style = {k: v for k, v in style.items() if k not in ("preprinted_lines",)}
    style = dict(family=family, pipeline=d["pipeline"], locale=d["loc"], date_format=d["date_fmt"],
                 number_format=f"dec {d['dec']!r} group {d['grp']!r}", currency_style=d["cur_style"],
                 currency_token=d["cur_token"], currency_in_heading=d["cur_in_heading"], ascii_only=d["ascii"],
                 credit_note=d["credit"], credit_sign=d["credit_sign"] if d["credit"] else None,
                 items=len(d["items"]), vat_rates=[str(r) for r, _, _ in d["vat_rows"]], multi_rate=d["multi_rate"],
                 us_sales_tax=d["us"], discount=(d["discount"] or {}).get("kind"), price_places=d["price_places"],
                 qty_places=d["qty_places"], product_codes=d["with_codes"], **{f"layout_{k}": v for k, v in style.items()})
    t = spec.truth(d, style)
    notes: list = []
    bad, pages = check(pdf, d, t, notes)
    t["_style"]["pages"] = pages
    if notes:
        t["_style"]["pypdf_splits_words_in"] = notes
    if family == "lineprint" and pages != style.get("layout_pages_planned"):
        bad.append(f"{pages} pages, planned {style.get('layout_pages_planned')}")
    (out / f"{stem}.json").write_text(json.dumps(t, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return stem, d, t, bad


def check(pdf: Path, d: dict, t: dict, notes: list) -> tuple[list[str], int]:
    reader = PdfReader(str(pdf))
    text = norm(" ".join(p.extract_text() or "" for p in reader.pages))
    F = d["F"]
    want = {"invoice_number": d["number"], "supplier_name": d["supplier"]["name"], "invoice_date": F.date(d["date"]),
            "net": F.amt(d["net"]), "gross": F.money(d["gross"])}
    if d["supplier"]["vat"]:
        want["supplier_tax_id"] = d["supplier"]["vat"]
    if d["due"]:
        want["due_date"] = F.date(d["due"])
    if d["tax_total_printed"]:
        want["tax"] = F.amt(d["tax"])
    for k, po in enumerate(d["pos"]):
        want[f"po{k}"] = po
    for k, it in enumerate(d["items"]):
        if d["family"] == "lineprint":  # each printed line of a wrapped description
            for j, part in enumerate(it["parts"]):
                want[f"item{k}.desc{j}"] = part
        else:
            want[f"item{k}.desc"] = it["desc"]
        want[f"item{k}.total"] = F.amt(it["total"])
        if it["qty"] is not None:
            want[f"item{k}.qty"] = F.qty(it["qty"])
            want[f"item{k}.price"] = F.price(it["price"])
        if it["code"] and d["codes_printed"]:
            want[f"item{k}.code"] = it["code"]
    bad = []
    squashed = text.replace(" ", "")
    for k, v in want.items():
        v = norm(spec.printed(v))
        if v in text:
            continue
        # pypdf sometimes splits a word of gropdf's kerned text ("Té ne gro"): accepted for descriptions, noted
        if ".desc" in k and v.replace(" ", "") in squashed:
            notes.append(v)
            continue
        bad.append(f"{k}: {v!r} not in text")
    # the truth against the printed values
    if t["invoice_number"] != d["number"] or t["supplier_name"] != spec.printed(d["supplier"]["name"]):
        bad.append("truth differs from the printed values")
    # amounts
    items = [Decimal(i["total"]) for i in t["line_items"]]
    if d["credit"] and any(x < 0 for x in items):
        bad.append("credit note truth with negative items")
    disc = d["discount"]["amount"] if d["discount"] and d["discount"]["kind"] == "totals" else Decimal(0)
    if sum(items, Decimal(0)) - disc != Decimal(t["total_excl_tax"]):
        bad.append(f"items {sum(items, Decimal(0))} - discount {disc} != net {t['total_excl_tax']}")
    if Decimal(t["total_excl_tax"]) + d["tax"] != Decimal(t["total_incl_tax"]):
        bad.append("net + tax != gross")
    if "tax_amount" in t and Decimal(t["tax_amount"]) != d["tax"]:
        bad.append("tax_amount != tax")
    if sum((x for _, _, x in d["vat_rows"]), Decimal(0)) != d["tax"]:
        bad.append("VAT rows do not add up to the tax")
    for rate, base, tax in d["vat_rows"]:
        if q2(base * rate / 100) != tax:
            bad.append(f"VAT at {rate} wrong")
    if not d["us"] and sum((b for _, b, _ in d["vat_rows"]), Decimal(0)) != d["net"]:
        bad.append("VAT bases do not add up to the net")
    for i in t["line_items"]:
        if "quantity" in i and q2(Decimal(i["quantity"]) * Decimal(i["unit_price"])) != Decimal(i["total"]):
            bad.append(f"qty x price != total for {i['description']!r}")
    return bad, len(reader.pages)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep-src", action="store_true", help="keep the text/PostScript/troff sources in OUTDIR/src/")
    ap.add_argument("--jobs", type=int, default=4, help="documents printed in parallel (output does not depend on it)")
    args = ap.parse_args(argv)
    for tool in ("enscript", "ps2pdf", "groff"):
        if not shutil.which(tool):
            print(f"{tool} not found (apt-get install -y enscript ghostscript groff)")
            return 2
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="textprint_"))
    failures = 0
    try:
        def one(i):
            w = work / f"{i:03d}"
            w.mkdir()
            try:
                return make(args.seed, i, out, w)
            except Exception as exc:  # a generator bug: report the document, go on
                return f"{i:03d}", None, None, [f"ERROR {type(exc).__name__}: {exc}"]

        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(one, range(1, args.count + 1)))
        for stem, d, t, bad in results:
            if bad:
                failures += 1
                print(f"{stem} FAILED: " + "; ".join(bad))
            else:
                s = t["_style"]
                print(f"{stem} ok  {s['pipeline']:<9} {s['locale']} {'credit ' if d['credit'] else ''}"
                      f"{len(t['line_items'])} items, {s['pages']} page(s)")
        if args.keep_src:
            (out / "src").mkdir(exist_ok=True)
            for p in work.glob("*/*"):
                if p.suffix in (".ps", ".tr", ".ms", ".mom", ".txt", ".LIS", ".prn", ".out"):
                    shutil.copy(p, out / "src" / f"{p.parent.name}_{p.name}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.count} documents in {out}, {failures} failed the check")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
