"""What the gen.py of the "jspdf", "php", "prawn", "itext" and "gofpdf" sets share: re-running with the set's
venv, the command line, the loop that draws the documents and writes their jobs, number/money/date formatting,
the parties, items and invoice numbers of jspdf and php (the other sets draw their own), the truth JSON and the
pypdf text check (``check_doc``) and the loop that writes the truths.

A set's gen.py puts bench/external on sys.path and imports from ``common``; what a set draws differently stays
in its own gen.py.
"""

from __future__ import annotations

import argparse
import importlib
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from . import ids
from . import labels as LB
from . import world as W

C2 = Decimal("0.01")
FX = {"CZK": 25, "GBP": 0.86, "USD": 1.08}


# --------------------------------------------------------------------------- command line and main loop
def use_set_venv(here: Path, script: str, modules: tuple[str, ...] = ()) -> None:
    """Re-run ``script`` with the set's own venv (``here/.venv``) when pypdf (or one of ``modules``,
    the set's renderers) is not importable here."""
    venv_py = here / ".venv" / "bin" / "python"
    try:
        import pypdf  # noqa: F401

        for name in modules:
            importlib.import_module(name)
    except ImportError:
        # sys.prefix, not the interpreter's file: the venv's python may be a link to this very interpreter
        if venv_py.exists() and Path(sys.prefix).resolve() != venv_py.parent.parent.resolve():
            os.execv(str(venv_py), [str(venv_py), script, *sys.argv[1:]])
        raise


def parse_args(argv, doc: str, families) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", choices=list(families), help="write only the documents of this family")
    ap.add_argument("--keep-jobs", action="store_true", help="keep the JSON jobs in OUTDIR/jobs.json")
    ap.add_argument("--no-check", action="store_true")
    return ap.parse_args(argv)


def draw_docs(args, make_doc, build_job, job_strings, not_winansi: str = "not WinAnsi with a standard font"):
    """Create OUTDIR and draw documents 1..count (those of ``--only``) and their jobs; a document set in a
    standard (WinAnsi) font must not print a string outside cp1252. Returns (outdir, docs, jobs)."""
    out = Path(args.outdir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    docs, jobs = [], []
    for i in range(1, args.count + 1):
        doc = make_doc(args.seed, i)
        if args.only and doc["family"] != args.only:
            continue
        doc["stem"] = f"{i:03d}_{doc['family']}"
        job = build_job(doc, out / f"{doc['stem']}.pdf")
        if doc["font"]["kind"] == "std":
            bad = [x for x in job_strings(job) if not winansi_ok(x)]
            if bad:
                raise SystemExit(f"{doc['stem']}: {not_winansi}: {bad[:3]}")
        docs.append(doc)
        jobs.append(job)
    return out, docs, jobs


def write_jobs(jobs: list, out: Path, tmp: Path, keep: bool) -> Path:
    """The jobs as one JSON file, in OUTDIR/jobs.json with ``--keep-jobs``, else in ``tmp``."""
    jobs_file = (out / "jobs.json") if keep else (tmp / "jobs.json")
    jobs_file.write_text(json.dumps(jobs, ensure_ascii=False, indent=1))
    return jobs_file


def renderer_done(res, name: str, warnings: bool = True) -> None:
    """Stop if the renderer failed; print what it wrote on stderr (``warnings``)."""
    if res.returncode != 0:
        print(res.stdout, res.stderr, file=sys.stderr)
        raise SystemExit(f"{name} failed")
    if warnings and res.stderr.strip():
        print(f"{name} warnings:\n" + res.stderr.strip()[:2000], file=sys.stderr)


def write_truths(out: Path, docs: list, jobs: list, no_check: bool, truth, check=None, before_check=None,
                 drop_failed: bool = False) -> int:
    """Check every PDF (``check(doc, job, pdf)``, default ``check_doc``) and write its truth JSON
    (``truth(doc)``) beside it; ``before_check(pdf, doc)`` runs first. With ``drop_failed`` a PDF that fails
    the check is removed and gets no truth. Returns the exit status."""
    check = check or check_doc
    bad = 0
    for d, job in zip(docs, jobs, strict=True):
        pdf = out / f"{d['stem']}.pdf"
        if before_check:
            before_check(pdf, d)
        problems = [] if no_check else check(d, job, pdf)
        line = f"{d['stem']} {d['loc']} {d['font']['name']} items={len(d['items'])} pages={d.get('_pages', '?')}"
        bad += bool(problems)
        if problems and drop_failed:
            pdf.unlink()
            print(line + " FAIL (not written): " + "; ".join(problems))
            continue
        t = truth(d)
        if "_pages" in d:
            t["_style"]["pages"] = d["_pages"]
        (out / f"{d['stem']}.json").write_text(json.dumps(t, ensure_ascii=False, indent=1) + "\n")
        print(line + (" FAIL: " + "; ".join(problems) if problems else ""))
    print(f"{len(docs)} documents in {out}, {bad} failed the check" + (" (not written)" if drop_failed else ""))
    return 1 if bad else 0


# --------------------------------------------------------------------------- a document's start (cairo and fop)
def family_of(set_name: str, seed: int, idx: int, families) -> str:
    """The family of document ``idx``: the families in an order drawn from the seed, taken in turn."""
    fams = list(families)
    return random.Random(f"{set_name}/{seed}").sample(fams, len(fams))[idx % len(fams)]


def start_doc(rng, seed: int, idx: int, family: str, loc: str, locales: dict, labels: dict) -> dict:
    """A document's first fields (idx, seed, family, loc, lang, country from ``locales``) and its labels doc["X"]:
    labels.X of its language, then the set's ``labels[lang]``, one drawn with ``rng`` of every list."""
    info = locales[loc]
    lang = info["lang"]
    doc = dict(idx=idx, seed=seed, family=family, loc=loc, lang=lang, country=info["country"])
    X = {k: pick(rng, v) for k, v in LB.X[lang].items()}
    X.update({k: pick(rng, v) for k, v in labels[lang].items()})
    doc["X"] = X
    return doc


# --------------------------------------------------------------------------- formats
def r2(x: Decimal) -> Decimal:
    return x.quantize(C2, rounding=ROUND_HALF_UP)


def dec_str(x: Decimal, places: int | None = None) -> str:
    if places is not None:
        x = x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return format(x, "f")


def pick(rng, v):
    return rng.choice(v) if isinstance(v, list) else v


def fmt_num(x: Decimal, places: int, doc: dict) -> str:
    th, dp = doc["sep"]
    q = x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    neg = q < 0
    ip, _, fp = format(abs(q), "f").partition(".")
    if len(ip) > 4 or (len(ip) == 4 and not doc["min_group2"]):
        groups = []
        while len(ip) > 3:
            groups.insert(0, ip[-3:])
            ip = ip[:-3]
        groups.insert(0, ip)
        ip = th.join(groups)
    return ("-" if neg else "") + ip + (dp + fp if places else "")


def fmt_qty(q: Decimal, doc: dict) -> str:
    places = max(0, -q.normalize().as_tuple().exponent)
    if doc["qty_fixed"]:
        places = max(places, doc["qty_fixed"])
    return fmt_num(q, places, doc)


def money(x: Decimal, doc: dict, sym: bool = True, places: int = 2) -> str:
    n = fmt_num(abs(x), places, doc)
    sign = "-" if x < 0 else ""
    if not sym:
        return sign + n
    code, s, _ = doc["cur"]
    style = doc["cur_fmt"]
    if style == "pre":
        return f"{sign}{s}{n}"
    if style == "pre_sp":
        return f"{s} {sign}{n}"
    if style == "post_sp":
        return f"{sign}{n} {s}"
    if style == "code_pre":
        return f"{code} {sign}{n}"
    return f"{sign}{n} {code}"


def pct(rate, doc: dict) -> str:
    r = Decimal(str(rate)).normalize()
    s = format(r, "f").replace(".", doc["sep"][1])
    return s + doc["pct_sep"] + "%"


def fmt_date(d: dt.date, doc: dict, fmt: str | None = None) -> str:
    """``fmt`` (default: the document's date format) with {d} {dd} {m} {mm} {yy} {yyyy} {month} {mon}; a locale
    with its own month names in world.MONTHS (de_AT: Jänner) uses them."""
    months = W.MONTHS.get(doc["loc"], W.MONTHS[doc["lang"]])
    month = months[d.month - 1]
    mon = month[:3] + ("." if doc["lang"] in ("fr", "nl", "de") and len(month) > 4 else "")
    if doc["lang"] == "en":
        mon = month[:3]
    return (fmt or doc["date_fmt"]).format(d=d.day, dd=f"{d.day:02d}", m=d.month, mm=f"{d.month:02d}", yyyy=d.year,
                                           yy=f"{d.year % 100:02d}", month=month, mon=mon)


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    return re.sub(r"\s+", " ", text).strip()


def winansi_ok(s: str) -> bool:
    try:
        s.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


# --------------------------------------------------------------------------- parties (jspdf and php; phone, city_line and slug for all)
def city_line(country, city, pc):
    if country == "US":
        return city
    if country == "GB":
        return f"{city} {pc}"
    return f"{pc} {city}"


def phone(rng, country, alpine: bool = False):
    """A phone number of the country. Every number of the table is drawn (in this order), whichever is returned:
    ``alpine`` adds AT and CH at the end (prawn, itext), so the draws of the others stay the same."""
    n = lambda k: "".join(str(rng.randint(0, 9)) for _ in range(k))  # noqa: E731
    numbers = {
        "GB": f"0113 {n(3)} {n(4)}", "US": f"({n(3)}) {n(3)}-{n(4)}", "DE": f"+49 40 {n(6)}",
        "FR": f"01 {n(2)} {n(2)} {n(2)} {n(2)}", "NL": f"020 {n(3)} {n(4)}", "IT": f"02 {n(8)}",
        "ES": f"91 {n(3)} {n(2)} {n(2)}", "CZ": f"+420 {n(3)} {n(3)} {n(3)}",
    }
    if alpine:
        numbers.update(AT=f"+43 1 {n(3)} {n(2)} {n(2)}", CH=f"+41 44 {n(3)} {n(2)} {n(2)}")
    return numbers[country]


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower().replace("ß", "ss"))
    return re.sub(r"[^a-z]", "", s) or "info"


def make_supplier(rng, doc):
    country = doc["country"]
    s = rng.choice(W.SURNAMES[country])
    city, pc, street = rng.choice(W.PLACES[country])
    name = rng.choice(W.SUPPLIER_PATTERNS[country]).format(s=s, c=city.split(",")[0])
    tld = {"GB": "co.uk", "US": "com"}.get(country, country.lower())
    sup = dict(name=name, street=street, city=city_line(country, city, pc), phone=phone(rng, country),
               email=rng.choice(["invoices", "billing", "accounts", "info"]) + f"@{slug(s)}.{tld}",
               web=f"www.{slug(s)}.{tld}")
    extra = []
    if country == "GB":
        v = ids.gb_vat(rng)
        sup.update(tax_label=rng.choice(["VAT Reg. No.", "VAT No.", "VAT number"]),
                   tax_id=rng.choice([f"GB{v}", f"GB {v[:3]} {v[3:7]} {v[7:]}"]))
        extra.append(("Company No.", f"{rng.randint(1000000, 9999999):08d}"))
    elif country == "US":
        if rng.random() < 0.55:
            sup.update(tax_label=rng.choice(["EIN", "Tax ID", "Federal Tax ID"]),
                       tax_id=f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}")
    elif country == "DE":
        sup.update(tax_label=rng.choice(["USt-IdNr.", "USt-ID", "UStIdNr."]), tax_id=ids.de_vat(rng))
        extra.append(("Amtsgericht Hamburg HRB", f"{rng.randint(10000, 199999)}"))
        if rng.random() < 0.3:
            extra.append(("Steuernr.", f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"))
    elif country == "FR":
        v, siren = ids.fr_vat(rng)
        sup.update(tax_label=rng.choice(["N° TVA intracom.", "TVA intracommunautaire", "N° TVA"]),
                   tax_id=rng.choice([v, f"{v[:2]} {v[2:4]} {v[4:]}"]))
        extra.append(("SIRET", f"{siren[:3]} {siren[3:6]} {siren[6:]} {rng.randint(10, 99):03d}{rng.randint(10, 99)}"))
    elif country == "NL":
        sup.update(tax_label=rng.choice(["Btw-nr.", "Btw-id", "BTW"]), tax_id=ids.nl_vat(rng))
        extra.append(("KvK", f"{rng.randint(10000000, 99999999)}"))
    elif country == "IT":
        v = ids.it_vat(rng)
        sup.update(tax_label=rng.choice(["P. IVA", "P.IVA", "Partita IVA"]), tax_id=rng.choice([v, "IT" + v, "IT" + v]))
        extra.append(("REA", f"MI-{rng.randint(1000000, 2999999)}"))
    elif country == "ES":
        v = ids.es_cif(rng)
        sup.update(tax_label=rng.choice(["NIF", "CIF"]), tax_id=rng.choice([v, "ES" + v]))
        extra.append(("Reg. Mercantil de Madrid, Tomo", f"{rng.randint(10000, 40000)}"))
    elif country == "CZ":
        ico = ids.cz_ico(rng)
        sup.update(tax_label="DIČ", tax_id="CZ" + ico)
        extra.append(("IČO", ico))
    sup["extra_ids"] = extra
    sup["iban"] = ids.iban(rng, country, ids.IBAN_LEN[country]) if country != "US" else None
    sup["us_bank"] = f"Routing {rng.randint(100000000, 999999999)} · Account {rng.randint(10**9, 10**10 - 1)}"
    sup["bic"] = "".join(rng.choice("ABCDEFGHKLMNPRSTUVWZ") for _ in range(4)) + country + rng.choice(["2X", "MM", "HH", "PP"])
    sup["bank"] = {"GB": "Barclays Bank", "US": "First Republic", "DE": "Hamburger Sparkasse", "FR": "Crédit Agricole",
                   "NL": "ING Bank", "IT": "Intesa Sanpaolo", "ES": "CaixaBank", "CZ": "Komerční banka"}[country]
    return sup


#: "for the attention of" the customer's accounts department
ATTN = dict(en="Attn: Accounts Payable", de="z. Hd. Buchhaltung", fr="À l'attention du service comptable",
            nl="t.a.v. crediteurenadministratie", it="c.a. Amministrazione", es="Att. Contabilidad", cs="k rukám účtárny")


def ship_place(rng, country):
    """A delivery address of the country: (city, postcode, street), the house number raised by 41-90."""
    c2, pc2, st2 = rng.choice(W.PLACES[country])
    return c2, pc2, re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(41, 90)), st2, count=1)


def customer_base(rng, country, supplier) -> dict:
    """The customer's name, street and city: a hotel or restaurant of the country, not in the supplier's street
    (a street of world.PLACES, the house number raised by 3-40)."""
    city, pc, street = rng.choice([p for p in W.PLACES[country] if p[2] != supplier["street"]])
    street = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(3, 40)), street, count=1)
    return dict(name=rng.choice(W.CUSTOMERS[country]), street=street, city=city_line(country, city, pc))


def make_customer(rng, doc, supplier):
    country = doc["country"]
    cust = customer_base(rng, country, supplier)
    cust["number"] = rng.choice([f"K-{rng.randint(10000, 99999)}", f"{rng.randint(100000, 999999)}",
                                 f"C{rng.randint(1000, 9999)}", f"CUS-{rng.randint(100, 9999):04d}"])
    if rng.random() < 0.3:
        cust["attn"] = ATTN[doc["lang"]]
    if country not in ("US", "GB") and rng.random() < 0.35:
        cust["vat_id"] = {"DE": lambda r: ids.de_vat(r), "NL": lambda r: ids.nl_vat(r), "FR": lambda r: ids.fr_vat(r)[0],
                          "IT": lambda r: "IT" + ids.it_vat(r), "ES": lambda r: "ES" + ids.es_cif(r),
                          "CZ": lambda r: "CZ" + ids.cz_ico(r)}[country](rng)
    if rng.random() < 0.35:
        c2, pc2, st2 = ship_place(rng, country)
        cust["ship"] = [cust["name"], rng.choice(["Goods in / Kitchen", "Loading bay", "Rear entrance"]) if doc["lang"] == "en"
                        else st2, st2 if doc["lang"] == "en" else city_line(country, c2, pc2)]
        if doc["lang"] == "en":
            cust["ship"].append(city_line(country, c2, pc2))
    return cust


def invoice_number(rng, lang, credit, year, month):
    n = rng.randint(12, 99999)
    if credit:
        pre = dict(en="CN", de="GS", fr="AV", nl="CR", it="NC", es="R", cs="DB")[lang]
        return rng.choice([f"{pre}-{year}-{n % 10000:04d}", f"{pre}{year % 100:02d}{n:05d}", f"{pre}-{n:06d}"])
    pre = dict(en="INV", de="RE", fr="FA", nl="F", it="FT", es="F", cs="FV")[lang]
    return rng.choice([f"{pre}-{year}-{n % 10000:04d}", f"{year}{n:05d}", f"{pre}{year % 100:02d}{month:02d}-{n % 1000:03d}",
                       f"{pre}-{n:06d}", f"#{n % 100000:05d}", f"{year}-{n % 10000:04d}", f"{pre}/{year}/{n % 1000:03d}"])


# --------------------------------------------------------------------------- items (jspdf and php; make_item for all)
def catalogue_pools(rng, doc):
    """The catalogue a document draws from (standard-rate products only on a single-rate one) and
    its main pool: one to three categories drawn from it."""
    pool = W.CATALOGUE
    if doc["mode"] == "single":
        pool = [p for p in pool if p["vat"] == "std"]
    cats = sorted({p["cat"] for p in pool})
    main = rng.sample(cats, min(len(cats), rng.choice([1, 2, 2, 3])))
    return pool, [p for p in pool if p["cat"] in main] or pool


def make_items(rng, doc):
    country = doc["country"]
    std, red = W.VAT[country] if country != "US" else (doc["sales_tax"], doc["sales_tax"])
    pool, pool_main = catalogue_pools(rng, doc)
    r = rng.random()
    if doc["credit"]:
        n = rng.randint(1, 6)
    elif doc["long"]:
        n = rng.randint(28, 46)
    else:
        n = rng.randint(1, 5) if r < 0.35 else rng.randint(6, 14) if r < 0.8 else rng.randint(15, 22)
    long_p = rng.choice([0.0, 0.0, 0.2, 0.4])
    items, used = [], set()
    for _ in range(n):
        p = rng.choice(pool_main if rng.random() < 0.85 else pool)
        items.append(make_item(rng, doc, p, long_p, used, std, red))
    return items


def make_item(rng, doc, p, long_p, used, std, red):
    """One line of catalogue product ``p``: price (in the document's currency), quantity, description (a long
    one with probability ``long_p``), a code not in ``used`` (added to it), VAT rate ``std`` or ``red``."""
    lang, fx = doc["lang"], FX.get(doc["cur"][0], 1)
    price = Decimal(str(rng.uniform(p["lo"], p["hi"]) * fx)).quantize(Decimal(1).scaleb(-p["dec"]), ROUND_HALF_UP)
    if p["dec"] == 2 and price > 1 and rng.random() < 0.3:
        price = price.quantize(Decimal("0.1")) - Decimal("0.01")
    if p["frac"]:
        qty = (Decimal(rng.randint(1, 24)) / rng.choice([1, 2, 4, 10])).normalize()
        if qty == qty.to_integral():
            qty = qty.quantize(Decimal(1))
    elif price < 1 * fx:
        qty = Decimal(rng.choice([50, 100, 120, 150, 200, 250, 400, 500, 1000, 1500]))
    elif price < 20 * fx:
        qty = Decimal(rng.randint(1, 40))
    elif price < 200 * fx:
        qty = Decimal(rng.randint(1, 10))
    else:
        qty = Decimal(rng.randint(1, 3))
    desc = p["names"][lang]
    if rng.random() < long_p:
        desc = f"{desc}, {rng.choice(W.LONG[lang])}"
    code = rng.choice([f"{p['prefix']}-{rng.randint(1000, 99999)}", f"{rng.randint(100000, 999999)}",
                       f"{p['prefix']}{rng.randint(100, 999)}-{rng.choice('ABCKLMSX')}"])
    while code in used:
        code = f"{p['prefix']}-{rng.randint(1000, 99999)}"
    used.add(code)
    rate = std if (p["vat"] == "std" or doc["mode"] == "single") else red
    return dict(desc=desc, code=code, qty=qty, unit=W.UNITS[p["unit"]][lang], price=price, pdec=p["dec"],
                rate=rate, disc=None)


# --------------------------------------------------------------------------- dates, references, amounts (cairo and fop)
def draw_terms_and_pos(rng, doc, date: dt.date, delivery_p: float = 0.35) -> None:
    """Payment terms (days), the due date (none on a credit note and one in five invoices), a delivery date
    (with probability ``delivery_p``) and up to two purchase-order references (doc["pos"])."""
    doc["terms_days"] = rng.choice([7, 10, 14, 14, 30, 30, 30, 45, 60])
    doc["due"] = None if (doc["credit"] or rng.random() < 0.2) else date + dt.timedelta(days=doc["terms_days"])
    doc["delivery"] = date - dt.timedelta(days=rng.randint(0, 6)) if rng.random() < delivery_p else None
    pos = []
    if rng.random() < 0.55:
        for _ in range(2 if rng.random() < 0.15 else 1):
            pos.append(rng.choice([f"PO-{rng.randint(10000, 99999)}", f"4500{rng.randint(100000, 999999)}",
                                   f"PO{date.year}-{rng.randint(100, 999)}", f"B-{rng.randint(1000, 9999)}",
                                   f"{rng.randint(10000, 99999)}", f"HK/{rng.randint(100, 999)}/{date.year % 100:02d}"]))
    doc["pos"] = pos


def draw_line_discounts(rng, items, pcts=(2, 3, 5, 10, 15, 20), normalize: bool = False) -> None:
    """A discount % of ``pcts`` on about two lines in five (it["disc"]; ``normalize``: Decimal(12.5).normalize())."""
    for it in items:
        if rng.random() < 0.4:
            d = Decimal(rng.choice(list(pcts)))
            it["disc"] = d.normalize() if normalize else d


SHIP_FEES = ["4.95", "7.50", "9.90", "12.50", "15.00", "19.90", "25.00"]


def draw_amounts(rng, doc, items, *, disc_p: float, ship_p: float, ship_fees=SHIP_FEES, fx=FX,
                 rates_desc: bool = False) -> None:
    """The amounts of ``items`` (doc["items"]): each line's total (after its discount), a totals-block discount
    (single-rate invoices, probability ``disc_p``), shipping (invoices, probability ``ship_p``; a fee of
    ``ship_fees`` at the standard rate, converted with ``fx``), the VAT groups (rate, base, tax) by rate
    (``rates_desc``: highest first), net, tax and gross."""
    country = doc["country"]
    for it in items:
        g = it["qty"] * it["price"]
        it["total"] = r2(g if it["disc"] is None else g * (100 - it["disc"]) / 100)
    doc["items"] = items
    subtotal = sum((it["total"] for it in items), Decimal(0))
    rates = sorted({it["rate"] for it in items})
    std = doc["sales_tax"] if country == "US" else W.VAT[country][0]
    doc["disc_pct"] = None
    if len(rates) == 1 and not doc["credit"] and rng.random() < disc_p:
        doc["disc_pct"] = Decimal(rng.choice([2, 3, 5, 10]))
    doc["disc_amt"] = r2(subtotal * doc["disc_pct"] / 100) if doc["disc_pct"] else Decimal(0)
    doc["shipping"] = Decimal(0)
    if not doc["credit"] and ship_p and rng.random() < ship_p:
        doc["shipping"] = (Decimal(rng.choice(ship_fees)) * Decimal(str(fx.get(doc["cur"][0], 1)))).quantize(C2)
    doc["subtotal"] = subtotal
    net = subtotal - doc["disc_amt"] + doc["shipping"]
    groups = []
    for rate in sorted(set(rates) | ({std} if doc["shipping"] else set()), reverse=rates_desc):
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


# --------------------------------------------------------------------------- the job's printed rows (cairo and fop)
def meta_rows(doc: dict, num_label: str, party_row: list) -> list[list[str]]:
    """The [label, value] references of the document (labels from doc["X"]): number, date, due and delivery
    dates, ``party_row`` (the customer number, say), the purchase orders."""
    X = doc["X"]
    meta = [[num_label, doc["number"]], [X["date"], fmt_date(doc["date"], doc)]]
    if doc["due"]:
        meta.append([X["due"], fmt_date(doc["due"], doc)])
    if doc["delivery"]:
        meta.append([X["delivery"], fmt_date(doc["delivery"], doc)])
    meta.append(party_row)
    if doc["pos"]:
        meta.append([X["po"], ", ".join(doc["pos"])])
    return meta


def column_heads(doc: dict, code_head: float, **more) -> dict:
    """The item table's heading of each column kind (doc["X"]'s, and ``more``); without currency signs in the
    table the total's heading names the currency when doc["rng_layout"] < ``code_head``."""
    X = doc["X"]
    head_of = dict(pos=X["pos"], sku=X["sku"], desc=X["desc"], qty=X["qty"], unit=X["unit"], price=X["price"],
                   disc=X["disc"], vat=X["vat"], total=X["total"], **more)
    if not doc["table_sym"] and doc["rng_layout"] < code_head:
        head_of["total"] = f"{X['total']} ({doc['cur'][0]})"
    return head_of


def item_cells(doc: dict, i: int, it: dict) -> dict:
    """The printed cells of item ``it`` (line ``i``) by column kind; no discount is an empty cell."""
    return dict(pos=str(i), sku=it["code"], desc=it["desc"], qty=fmt_qty(it["qty"], doc), unit=it["unit"],
                price=money(it["price"], doc, doc["table_sym"], it["pdec"]),
                disc=pct(it["disc"], doc) if it["disc"] else "", vat=pct(it["rate"], doc),
                total=money(it["total"], doc, doc["table_sym"]))


# --------------------------------------------------------------------------- truth and check
def truth_of(doc: dict, set_name: str, show_codes: bool | None = None, style: dict | None = None) -> dict:
    """The truth JSON of a document: the printed values, then ``_source`` and ``_style`` (``style``, by default
    ``style_of(doc)``). Item codes are in it when ``show_codes`` (by default: when the table has a code column)."""
    t = {
        "document_type": "credit_note" if doc["credit"] else "invoice",
        "invoice_number": doc["number"],
        "invoice_date": doc["date"].isoformat(),
        "due_date": doc["due"].isoformat() if doc["due"] else None,
        "currency": doc["cur"][0],
        "total_excl_tax": dec_str(doc["net"], 2),
        "tax_amount": dec_str(doc["tax"], 2) if tax_total_printed(doc) else None,
        "total_incl_tax": dec_str(doc["gross"], 2),
        "supplier_name": doc["supplier"]["name"],
        "supplier_tax_id": doc["supplier"].get("tax_id"),
    }
    if doc["pos"]:
        t["po_references"] = list(doc["pos"])
    items = []
    if show_codes is None:
        show_codes = "sku" in doc["opts"]["cols"]
    for it in doc["items"]:
        d = {"description": it["desc"]}
        if show_codes:
            d["product_code"] = it["code"]
        d.update(quantity=dec_str(it["qty"]), unit_price=dec_str(it["price"], it["pdec"]), total=dec_str(it["total"], 2))
        items.append(d)
    t["line_items"] = items
    t = {k: v for k, v in t.items() if v is not None}
    t["_source"] = f"{set_name} seed {doc['seed']}"
    t["_style"] = style_of(doc) if style is None else style
    return t


def style_of(doc: dict) -> dict:
    """How the document is drawn (``_style`` of the truth), as jspdf, php and prawn record it."""
    o = doc["opts"]
    return {
        "family": doc["family"], "library": doc["lib"], "locale": doc["loc"], "font": doc["font"]["name"],
        "font_kind": doc["font"]["kind"], "paper": doc["paper"], "columns": o["cols"],
        "layout": {k: v for k, v in o.items() if k not in ("cols", "accent")},
        "date_format": doc["date_fmt"], "separators": list(doc["sep"]), "es_min_grouping": doc["min_group2"],
        "currency_format": doc["cur_fmt"], "amounts_with_currency_in_table": doc["table_sym"],
        "vat_rates": [format(Decimal(str(g[0])).normalize(), "f") for g in doc["groups"]],
        "vat_summary": doc["vat_summary"], "vat_lines_only": doc["vat_lines_only"],
        "line_discounts": doc["line_disc"], "totals_discount_pct": str(doc["disc_pct"]) if doc["disc_pct"] else None,
        "shipping": dec_str(doc["shipping"], 2) if doc["shipping"] else None,
        "deposit": dec_str(doc["deposit"], 2) if doc["deposit"] else None,
        "credit_printed_negative": doc["neg"], "items": len(doc["items"]),
    }


def reshape(d: dict, after: dict, drop=()) -> dict:
    """``d`` without the keys in ``drop`` and with the items of ``after[k]`` inserted after its key k (a set's
    ``_style`` in its own key order)."""
    out = {}
    for k, v in d.items():
        if k not in drop:
            out[k] = v
        out.update(after.get(k, {}))
    return out


def tax_total_printed(doc: dict) -> bool:
    """The total VAT is printed unless a multi-rate document prints only its per-rate VAT lines."""
    return not doc["vat_lines_only"]


def expected_strings(doc: dict, job: dict) -> list[tuple[str, str]]:
    """(key, string) pairs that must be in the PDF's text: the truth values as printed, and each item's row."""
    sg = -1 if doc["neg"] else 1
    m = lambda x: money(sg * x, doc, doc.get("tot_sym", True))  # noqa: E731  (jspdf: always with the sign)
    out = [("invoice_number", doc["number"]), ("supplier_name", doc["supplier"]["name"]),
           ("invoice_date", fmt_date(doc["date"], doc)), ("total_excl_tax", m(doc["net"])),
           ("total_incl_tax", m(doc["gross"]))]
    if tax_total_printed(doc):
        out.append(("tax_amount", m(doc["tax"])))
    if doc["due"]:
        out.append(("due_date", fmt_date(doc["due"], doc)))
    if doc["supplier"].get("tax_id"):
        out.append(("supplier_tax_id", doc["supplier"]["tax_id"]))
    for p in doc["pos"]:
        out.append(("po", p))
    cols = doc["opts"]["cols"]
    for i, (it, row) in enumerate(zip(doc["items"], job["table"]["rows"], strict=False)):
        out.append((f"item{i}.desc", " ".join(it["desc"].split()[:3])))
        for k in ("qty", "price", "total", "sku"):
            if k in cols:
                out.append((f"item{i}.{k}", row[cols.index(k)]))
    return out


def expected_with_sub_codes(doc: dict, job: dict) -> list[tuple[str, str]]:
    """``expected_strings``, and the item codes when they are printed under the descriptions (opts["sku_sub"])."""
    out = expected_strings(doc, job)
    if doc["opts"].get("sku_sub"):
        out += [(f"item{i}.sku", it["code"]) for i, it in enumerate(doc["items"])]
    return out


def check_doc(doc: dict, job: dict, pdf: Path, expected=expected_strings, text_check=None) -> list[str]:
    """Problems of a rendered PDF: strings of ``expected(doc, job)`` missing from its pypdf text, those
    ``text_check(text)`` reports, amounts that do not add up. Sets doc["_pages"]."""
    from pypdf import PdfReader

    problems = []
    reader = PdfReader(str(pdf))
    pages = [p.extract_text() or "" for p in reader.pages]
    text = norm(" ".join(pages))
    for key, s in expected(doc, job):
        if norm(s) not in text:
            problems.append(f"{key}: {s!r} not found")
    if text_check:
        problems += text_check(text)
    # amounts add up
    if sum((it["total"] for it in doc["items"]), Decimal(0)) != doc["subtotal"]:
        problems.append("items do not sum to the subtotal")
    if doc["subtotal"] - doc["disc_amt"] + doc["shipping"] != doc["net"]:
        problems.append("subtotal - discount + shipping != net")
    if sum((g[1] for g in doc["groups"]), Decimal(0)) != doc["net"]:
        problems.append("VAT bases do not sum to the net")
    if doc["net"] + doc["tax"] != doc["gross"]:
        problems.append("net + tax != gross")
    for it in doc["items"]:
        g = it["qty"] * it["price"]
        if it["disc"] is None and r2(g) != it["total"]:
            problems.append(f"qty x price != total for {it['desc']!r}")
    doc["_pages"] = len(reader.pages)
    return problems
