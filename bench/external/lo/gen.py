#!/usr/bin/env python3
"""Invoice PDFs written as Word documents (python-docx) and printed to PDF by LibreOffice Writer.

    python3 gen.py OUTDIR --count N --seed S [--keep-docx]

Writes OUTDIR/NNN_<layout>.pdf and OUTDIR/NNN_<layout>.json (truth), then checks every PDF's text
(pypdf) against its truth and the amounts against each other; exits 1 when a document fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
try:
    import docx  # noqa: F401
    import PIL  # noqa: F401
    import pypdf  # noqa: F401
except ImportError:  # run with the folder's venv when started by another interpreter
    venv_python = HERE / ".venv" / "bin" / "python"
    if venv_python.exists() and Path(sys.executable).resolve() != venv_python.resolve():
        os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])
    raise

import world as W  # noqa: E402
from layouts import BUILDERS, OPTIONS  # noqa: E402
from spec import draw, truth  # noqa: E402

LOCS = ["en_GB", "en_US", "de_DE", "de_CH", "fr_FR", "nl_NL", "it_IT", "es_ES", "cs_CZ"]
LAYOUTS = list(BUILDERS)


def plan(seed: int, count: int):
    combos = [(loc, lay) for loc in LOCS for lay in LAYOUTS]
    random.Random(f"plan-{seed}").shuffle(combos)
    return [combos[i % len(combos)] for i in range(count)]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def check(pdf: Path, t: dict, s: dict) -> tuple[list[str], int]:
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    text = norm(" ".join(p.extract_text() or "" for p in reader.pages))
    loc = s["loc"]

    def fd(d):
        return W.fmt_date(d, s["date_style"], s["lang"])

    want = {
        "invoice_number": t["invoice_number"], "supplier_name": t["supplier_name"], "supplier_tax_id": t["supplier_tax_id"],
        "invoice_date": fd(s["inv_date"]), "total_excl_tax": W.fmt_num(s["net"], loc),
        "total_incl_tax": W.fmt_num(s["gross"], loc),
    }
    want["total with currency"] = W.fmt_money(s["gross"], loc, s["money_mode"])
    if "tax_amount" in t:
        want["tax_amount"] = W.fmt_num(s["tax"], loc)
    if s["due"]:
        want["due_date"] = fd(s["due"])
    for k, po in enumerate(t.get("po_references", [])):
        want[f"po{k}"] = po
    for k, it in enumerate(s["items"]):
        want[f"item{k}.desc"] = " ".join(it["desc"].split()[:3])
        want[f"item{k}.qty"] = W.fmt_qty(it["qty"], loc)
        want[f"item{k}.price"] = W.fmt_num(it["price"], loc, it["places"])
        want[f"item{k}.total"] = W.fmt_num(it["total"], loc)
        if it["code"]:
            want[f"item{k}.code"] = it["code"]
    bad = [f"{k}: {v!r} not in text" for k, v in want.items() if norm(v) not in text]
    # amounts
    items_sum = sum((Decimal(i["total"]) for i in t["line_items"]), Decimal(0))
    if items_sum - s["disc_total"] != Decimal(t["total_excl_tax"]):
        bad.append(f"items {items_sum} - discount {s['disc_total']} != net {t['total_excl_tax']}")
    if Decimal(t["total_excl_tax"]) + s["tax"] != Decimal(t["total_incl_tax"]):
        bad.append("net + tax != gross")
    for rate, base, tax in s["vat_rows"]:
        if W.q2(base * rate / 100) != tax:
            bad.append(f"tax at {rate} wrong")
    for i in t["line_items"]:
        if Decimal(i["total"]) <= 0:
            bad.append(f"item total {i['total']}")
    return bad, len(reader.pages)


def main(argv=None) -> int:
    try:
        return _main(argv)
    finally:
        for p in Path(tempfile.gettempdir()).glob(f"lo_invoices_{os.getpid()}_*"):
            shutil.rmtree(p, ignore_errors=True)


def _main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep-docx", action="store_true", help="keep the .docx sources in OUTDIR/docx/")
    ap.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    args = ap.parse_args(argv)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"lo_invoices_{os.getpid()}_"))
    docs = []
    for i, (loc, layout) in enumerate(plan(args.seed, args.count), 1):
        rng = random.Random(f"{args.seed}-{i}")
        s = draw(rng, loc, layout, OPTIONS[layout])
        # several VAT rates: the grid layout prints the tax sum, the others only sometimes (else no tax_amount truth)
        s["tax_sum_row"] = layout != "grid" and rng.random() < 0.6
        s["para_after"] = rng.choice([0, 0, 1, 3, 4, 6])
        s["tax_printed"] = len(s["vat_rows"]) == 1 or layout == "grid" or s["tax_sum_row"]
        doc, style = BUILDERS[layout](s, rng)
        stem = f"{i:03d}_{layout}"
        doc.save(str(work / f"{stem}.docx"))
        style = dict(layout=layout, locale=loc, date_style=s["date_style"], money=s["money_mode"], cell_space_after=s["para_after"],
                     credit_note=s["credit"], items=len(s["items"]), vat_rates=[str(r) for r, _, _ in s["vat_rows"]],
                     product_codes=s["with_codes"], line_discounts=s["line_disc"],
                     doc_discount=str(s["doc_disc_pct"]) if s["doc_disc_pct"] else None, **style)
        docs.append((stem, s, truth(s, args.seed, style)))
    # LibreOffice aligns decimal tab stops on the decimal separator of its UI locale (taken from LANG), so the
    # documents are converted in two runs: comma-decimal locales under de_DE, point-decimal ones under en_US.
    # Each run gets a private profile (no clash with other soffice users).
    batches = {}
    for stem, s, _ in docs:
        batches.setdefault(W.LOCALES[s["loc"]]["dec"], []).append(str(work / f"{stem}.docx"))
    for dec, files in sorted(batches.items()):
        lang = "de_DE.UTF-8" if dec == "," else "en_US.UTF-8"
        profile = Path(tempfile.mkdtemp(prefix="lo_profile_"))
        env = dict(os.environ, LANG=lang, LC_ALL=lang)
        cmd = [args.soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to",
               "pdf:writer_pdf_Export", "--outdir", str(out)] + sorted(files)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        shutil.rmtree(profile, ignore_errors=True)
    if args.keep_docx:
        (out / "docx").mkdir(exist_ok=True)
        for p in work.glob("*.docx"):
            shutil.copy(p, out / "docx" / p.name)
    shutil.rmtree(work, ignore_errors=True)
    failures = 0
    for stem, s, t in docs:
        pdf = out / f"{stem}.pdf"
        if not pdf.exists():
            print(f"{stem}: NO PDF")
            failures += 1
            continue
        bad, pages = check(pdf, t, s)
        t["_style"]["pages"] = pages
        (out / f"{stem}.json").write_text(json.dumps(t, ensure_ascii=False, indent=2) + "\n")
        if bad:
            failures += 1
            print(f"{stem} ({s['loc']}): " + "; ".join(bad))
    print(f"{len(docs)} documents in {out}, {failures} failed the check")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
