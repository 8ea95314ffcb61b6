#!/usr/bin/env python3
"""Invoice PDFs laid out with Ruby's Prawn PDF library and prawn-table (the library behind many Rails invoicing
apps and web-shop back offices), installed from Debian; a truth JSON is written beside each PDF and checked
against its text.

    .venv/bin/python gen.py OUTDIR --count N --seed S [--keep-jobs] [--no-check] [--only FAMILY]

gen.py draws every document (parties, items, VAT, formats, labels, layout options), writes one JSON
job per document, and runs ``ruby render.rb JOBS.json`` once; render.rb lays the job out with the
family's layout. Then pypdf extracts the text of every PDF and the printed truth values are looked
for in it (see ``check_doc``).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # bench/external: the modules in common/
sys.path.insert(1, str(HERE))
import labels as LB  # noqa: E402  (common/labels.py and this set's own)
from common import ids  # noqa: E402
from common import scaffold as G  # noqa: E402
from common import world as W  # noqa: E402
from common.scaffold import (  # noqa: E402
    C2,
    city_line,
    fmt_date,
    fmt_qty,
    invoice_number,
    money,
    pct,
    phone,
    pick,
    r2,
    slug,
)

G.use_set_venv(HERE, __file__)

SET_NAME = "prawn"
#: family -> how it draws (prawn-table or Prawn's text primitives)
FAMILIES = {
    "spree-invoice": "prawn-table",
    "printer-boxes": "prawn-table",
    "erp-carry": "prawn",
    "cashcarry-codes": "prawn-table",
    "service-sections": "prawn-table",
}
FX = {"CZK": 25, "GBP": 0.86, "USD": 1.08, "CHF": 0.95}
PRAWN_LIB = Path("/usr/lib/ruby/vendor_ruby/prawn.rb")
PRAWN_TABLE_LIB = Path("/usr/lib/ruby/vendor_ruby/prawn/table.rb")


# --------------------------------------------------------------------------- parties
def make_supplier(rng, doc):
    country = doc["country"]
    s = rng.choice(W.SURNAMES[country])
    city, pc, street = rng.choice(W.PLACES[country])
    name = rng.choice(W.SUPPLIER_PATTERNS[country]).format(s=s, c=city.split(",")[0])
    tld = {"GB": "co.uk", "US": "com"}.get(country, country.lower())
    sup = dict(name=name, street=street, city=city_line(country, city, pc), phone=phone(rng, country, alpine=True),
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
    elif country == "AT":
        sup.update(tax_label=rng.choice(["UID-Nr.", "UID", "USt-IdNr."]), tax_id=ids.at_vat(rng))
        extra.append(("FN", f"{rng.randint(100000, 599999)}{rng.choice('abdfgikmpstvwxyz')}"))
        extra.append(("Firmenbuchgericht", rng.choice(["Handelsgericht Wien", "Landesgericht Salzburg", "Landesgericht für ZRS Graz"])))
    elif country == "CH":
        uid = ids.ch_uid(rng)
        if rng.random() < 0.6:
            sup.update(tax_label=rng.choice(["MWST-Nr.", "MWST", "Mehrwertsteuernummer"]), tax_id=f"{uid} MWST")
        else:
            sup.update(tax_label=rng.choice(["UID", "UID-Nr."]), tax_id=uid)
        extra.append(("Handelsregister", rng.choice(["Kanton Zürich", "Kanton Bern", "Basel-Stadt"])))
    elif country == "CZ":
        ico = ids.cz_ico(rng)
        sup.update(tax_label="DIČ", tax_id="CZ" + ico)
        extra.append(("IČO", ico))
    sup["extra_ids"] = extra
    sup["iban"] = ids.iban(rng, country, ids.IBAN_LEN[country]) if country != "US" else None
    sup["us_bank"] = f"Routing {rng.randint(100000000, 999999999)} · Account {rng.randint(10**9, 10**10 - 1)}"
    sup["bic"] = "".join(rng.choice("ABCDEFGHKLMNPRSTUVWZ") for _ in range(4)) + country + rng.choice(["2X", "MM", "HH", "PP"])
    sup["bank"] = {"GB": "Barclays Bank", "US": "First Republic", "DE": "Hamburger Sparkasse", "FR": "Crédit Agricole",
                   "NL": "ING Bank", "IT": "Intesa Sanpaolo", "ES": "CaixaBank", "CZ": "Komerční banka",
                   "AT": "Erste Bank", "CH": "Zürcher Kantonalbank"}[country]
    return sup


def make_customer(rng, doc, supplier):
    country = doc["country"]
    places = [p for p in W.PLACES[country] if p[2] != supplier["street"]]
    city, pc, street = rng.choice(places)
    street = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(3, 40)), street, count=1)
    cust = dict(name=rng.choice(W.CUSTOMERS[country]), street=street, city=city_line(country, city, pc),
                number=rng.choice([f"K-{rng.randint(10000, 99999)}", f"{rng.randint(100000, 999999)}",
                                   f"C{rng.randint(1000, 9999)}", f"CUS-{rng.randint(100, 9999):04d}"]))
    if rng.random() < 0.3:
        cust["attn"] = dict(en="Attn: Accounts Payable", de="z. Hd. Buchhaltung", fr="À l'attention du service comptable",
                            nl="t.a.v. crediteurenadministratie", it="c.a. Amministrazione", es="Att. Contabilidad",
                            cs="k rukám účtárny")[doc["lang"]]
    if country not in ("US", "GB") and rng.random() < 0.35:
        cust["vat_id"] = {"DE": lambda r: ids.de_vat(r), "NL": lambda r: ids.nl_vat(r), "FR": lambda r: ids.fr_vat(r)[0],
                          "IT": lambda r: "IT" + ids.it_vat(r), "ES": lambda r: "ES" + ids.es_cif(r),
                          "CZ": lambda r: "CZ" + ids.cz_ico(r), "AT": lambda r: ids.at_vat(r),
                          "CH": lambda r: ids.ch_uid(r) + " MWST"}[country](rng)
    if rng.random() < 0.35:
        c2, pc2, st2 = rng.choice(W.PLACES[country])
        st2 = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(41, 90)), st2, count=1)
        cust["ship"] = [cust["name"], rng.choice(["Goods in / Kitchen", "Loading bay", "Rear entrance"]) if doc["lang"] == "en"
                        else st2, st2 if doc["lang"] == "en" else city_line(country, c2, pc2)]
        if doc["lang"] == "en":
            cust["ship"].append(city_line(country, c2, pc2))
    return cust


# --------------------------------------------------------------------------- items
def make_items(rng, doc):
    lang, country = doc["lang"], doc["country"]
    std, red = W.VAT[country] if country != "US" else (doc["sales_tax"], doc["sales_tax"])
    pool = W.CATALOGUE
    if doc["mode"] == "single":
        pool = [p for p in pool if p["vat"] == "std"]
    cats = sorted({p["cat"] for p in pool})
    main = rng.sample(cats, min(len(cats), rng.choice([1, 2, 2, 3])))
    if doc["family"] == "service-sections":  # a service firm: labour, call-outs, the parts it fits
        main = ["service", rng.choice(["equip", "clean", "linen"])]
    elif doc["family"] == "cashcarry-codes":  # a cash & carry: food, drinks, cleaning on one ticket
        main = [c for c in ("food", "bev", "clean") if c in cats] or main
    pool_main = [p for p in pool if p["cat"] in main] or pool
    r = rng.random()
    if doc["credit"]:
        n = rng.randint(1, 6)
    elif doc["long"]:
        n = rng.randint(28, 46)
    else:
        n = rng.randint(1, 5) if r < 0.35 else rng.randint(6, 14) if r < 0.8 else rng.randint(15, 22)
    long_p = rng.choice([0.0, 0.0, 0.2, 0.4])
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
        code = rng.choice([f"{p['prefix']}-{rng.randint(1000, 99999)}", f"{rng.randint(100000, 999999)}",
                           f"{p['prefix']}{rng.randint(100, 999)}-{rng.choice('ABCKLMSX')}"])
        while code in used:
            code = f"{p['prefix']}-{rng.randint(1000, 99999)}"
        used.add(code)
        rate = std if (p["vat"] == "std" or doc["mode"] == "single") else red
        items.append(dict(desc=desc, code=code, qty=qty, unit=W.UNITS[p["unit"]][lang], price=price, pdec=p["dec"],
                          rate=rate, disc=None, cat=p["cat"], ukey=p["unit"]))
    return items


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
    doc["min_group2"] = loc == "es_ES" and rng.random() < 0.5  # ICU es_ES (Rails apps using ICU-style formatting): no separator in 1234,56
    doc["cur"] = info["cur"]
    doc["cur_fmt"] = info["cur"][2] if rng.random() < 0.75 else rng.choice(["code_pre", "code_post"])
    doc["table_sym"] = rng.random() < (0.6 if family == "spree-invoice" else 0.1 if family == "erp-carry" else 0.4)
    # totals with the currency sign, except Dolibarr-like documents ("Amounts in EUR" above the table)
    doc["tot_sym"] = family not in ("erp-carry", "cashcarry-codes") or rng.random() < 0.5
    doc["pct_sep"] = " " if lang in ("fr", "de", "cs") and rng.random() < 0.6 else ""
    doc["qty_fixed"] = rng.choice([0, 0, 0, 2])
    doc["date_fmt"] = rng.choice(LB.DATE_FORMATS[loc])
    doc["paper"] = info["paper"]
    doc["sales_tax"] = Decimal(str(rng.choice(W.US_SALES_TAX))) if country == "US" else None
    doc["credit"] = rng.random() < 0.13
    doc["neg"] = doc["credit"] and rng.random() < 0.4
    doc["long"] = (not doc["credit"]) and rng.random() < (0.3 if family in ("erp-carry", "cashcarry-codes") else 0.17)
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
    if family == "service-sections":  # printed grouped: labour, parts, call-out (in a drawn order)
        doc["sec_order"] = rng.choice([["labour", "parts", "callout"], ["callout", "labour", "parts"], ["parts", "labour", "callout"]])
        items.sort(key=lambda it: doc["sec_order"].index(section_of(it)))
    # per-line discount column (some families), totals-block discount (single rate), shipping, deposit
    doc["line_disc"] = family in ("erp-carry", "service-sections", "printer-boxes") and rng.random() < 0.3
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
    if not doc["credit"] and rng.random() < (0.7 if family == "spree-invoice" else 0.25):
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
    doc["vat_summary"] = country != "US" and (family == "cashcarry-codes" or family in ("erp-carry", "printer-boxes", "service-sections") and (
        len(groups) > 1 and rng.random() < 0.7 or rng.random() < 0.25))
    doc["vat_lines_only"] = len(groups) > 1 and not doc["vat_summary"] and rng.random() < 0.3
    doc["font"] = pick_font(rng, doc)
    doc["rng_layout"] = rng.random()
    doc["opts"] = layout_opts(rng, doc)
    return doc


def section_of(it: dict) -> str:
    """Section of an item on a service invoice: hours and weekly services are labour, flat fees the call-out."""
    if it["ukey"] in ("h", "wk"):
        return "labour"
    if it["ukey"] == "flat":
        return "callout"
    return "parts"


#: embedded TrueType fonts (fonts-dejavu-core, fonts-liberation): name -> (regular, bold)
TTF = {
    "DejaVu Sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "DejaVu Sans Condensed": ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf"),
    "DejaVu Serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "Liberation Sans": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    "Liberation Sans Narrow": ("liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationSansNarrow-Bold.ttf"),
    "Liberation Serif": ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
}
FONT_DIR = Path("/usr/share/fonts/truetype")


def pick_font(rng, doc):
    """Prawn's core fonts (Helvetica, Times-Roman: AFM metrics, WinAnsi, not embedded) or a TTF embedded as a subset
    (DejaVu, Liberation). cs_CZ: always a TTF (the core fonts have no č, ř, ů)."""
    if doc["loc"] == "cs_CZ" or rng.random() < 0.45:
        name = rng.choice(list(TTF))
        reg, bold = TTF[name]
        return dict(kind="ttf", name=name, normal=str(FONT_DIR / reg), bold=str(FONT_DIR / bold))
    return dict(kind="std", name="Helvetica" if rng.random() < 0.7 else "Times-Roman")


def layout_opts(rng, doc):
    f = doc["family"]
    o = dict(accent=rng.choice(["1F4E79", "2E75B6", "375623", "7B2C2C", "404040", "5B2C6F", "0E6655", "C0392B", "B9770E"]),
             head_align=rng.choice(["match", "match", "left", "center"]), size=rng.choice([8, 8.5, 9, 9.5, 10]))
    if f == "spree-invoice":
        o.update(addr_grid=rng.random() < 0.6, zebra=rng.random() < 0.4, store_right=rng.random() < 0.3,
                 totals_boxed=rng.random() < 0.5,
                 cols=rng.choice([["sku", "desc", "price", "qty", "total"], ["desc", "sku", "price", "qty", "total"],
                                  ["desc", "price", "qty", "total"], ["sku", "desc", "qty", "unit", "price", "total"]]))
    elif f == "printer-boxes":
        o.update(bilingual=doc["lang"] != "en" and rng.random() < 0.6, repeat_head=rng.random() < 0.6,
                 radius=rng.choice([0, 3, 6]), stripes=rng.random() < 0.4, title_box=rng.random() < 0.5,
                 cols=rng.choice([["desc", "qty", "unit", "price", "total"], ["pos", "desc", "qty", "unit", "price", "total"],
                                  ["desc", "qty", "price", "total"], ["sku", "desc", "qty", "unit", "price", "total"]]))
    elif f == "erp-carry":
        o.update(decimal=rng.random() < 0.7, repeat_head=rng.random() < 0.6, carry=rng.random() < 0.8,
                 fold_marks=doc["paper"] == "a4" and rng.random() < 0.6, sender_line=rng.random() < 0.7,
                 head_style=rng.choice(["fill", "rules", "underline"]),
                 cols=rng.choice([["pos", "sku", "desc", "qty", "unit", "price", "total"], ["pos", "desc", "qty", "unit", "price", "total"],
                                  ["sku", "desc", "qty", "price", "total"], ["pos", "qty", "unit", "desc", "price", "total"]]))
    elif f == "cashcarry-codes":
        o.update(grid=rng.random() < 0.5, till_line=rng.random() < 0.6,
                 cols=rng.choice([["qty", "sku", "desc", "price", "code", "total"], ["sku", "desc", "qty", "price", "total", "code"],
                                  ["qty", "unit", "desc", "price", "total", "code"], ["sku", "qty", "desc", "unit", "price", "code", "total"]]))
    else:
        o.update(section_totals=rng.random() < 0.7, zebra=rng.random() < 0.4, side_meta=rng.random() < 0.5,
                 cols=rng.choice([["desc", "qty", "unit", "price", "total"], ["pos", "desc", "qty", "price", "total"],
                                  ["desc", "qty", "unit", "price", "total"], ["sku", "desc", "qty", "unit", "price", "total"]]))
    cols = list(o["cols"])
    if doc["line_disc"]:
        cols.insert(cols.index("total"), "disc")
    if f != "cashcarry-codes" and doc["vat_col"] and "vat" not in cols:
        cols.insert(cols.index("total") + rng.choice([0, 0, 1]), "vat")
    o["cols"] = cols
    return o


# --------------------------------------------------------------------------- the job (all text pre-formatted)
def build_job(doc: dict, out_pdf: Path) -> dict:
    X, s, c, o = doc["X"], doc["supplier"], doc["customer"], doc["opts"]
    P = {k: pick(random.Random(doc["number"] + k), v) for k, v in LB.PRAWN[doc["lang"]].items()}
    us = doc["country"] == "US"
    fam = doc["family"]
    sg = -1 if doc["neg"] else 1
    lr = random.Random(doc["number"] + "layout")
    title = X["credit"] if doc["credit"] else X["invoice"]
    num_label = X["cn_no"] if doc["credit"] else X["inv_no"]
    # meta: [label, value, key]
    meta = [[num_label, doc["number"], "cn_no" if doc["credit"] else "inv_no"], [X["date"], fmt_date(doc["date"], doc), "date"]]
    if doc["due"]:
        meta.append([X["due"], fmt_date(doc["due"], doc), "due"])
    if doc["delivery"]:
        meta.append([X["delivery"], fmt_date(doc["delivery"], doc), "delivery"])
    meta.append([X["cust"], c["number"], "cust"])
    if doc["pos"]:
        meta.append([X["po"], ", ".join(doc["pos"]), "po"])
    if fam == "spree-invoice":  # the shop's own order number (not a PO of the buyer)
        meta.insert(1, [P["order_no"], f"R{lr.randint(100000000, 999999999)}", "order_no"])
    tax_line = f"{s['tax_label']}: {s['tax_id']}" if s.get("tax_id") else None
    sup_lines = [s["street"], s["city"]]
    contact = [s["phone"], s["email"], s["web"]]
    legal = [x for x in [tax_line] if x] + [f"{a} {b}" for a, b in s["extra_ids"]]
    bill = [c["name"]] + ([c["attn"]] if c.get("attn") else []) + [c["street"], c["city"]]
    if c.get("vat_id"):
        bill.append(f"{X['cust_vat']}: {c['vat_id']}")
    parties = [dict(label=X["bill_to"], lines=bill, key="bill_to")]
    if c.get("ship"):
        parties.append(dict(label=X["ship_to"], lines=c["ship"], key="ship_to"))
    elif fam == "spree-invoice":  # Spree prints the ship address always: the bill address again
        parties.append(dict(label=X["ship_to"], lines=[c["name"], c["street"], c["city"]], key="ship_to"))
    # item table
    head_of = dict(pos=X["pos"], sku=X["sku"], desc=X["desc"], qty=X["qty"], unit=X["unit"], price=X["price"],
                   disc=X["disc"], vat=X["vat"], total=X["total"], code=P["code"])
    code = doc["cur"][0]
    if not doc["table_sym"] and doc["rng_layout"] < 0.4:
        head_of["total"] = f"{X['total']} ({code})"
    cols = o["cols"]
    codes = {}
    if fam == "cashcarry-codes":
        letters = "ABCD" if not us else "TN"
        for i, (rate, _, _) in enumerate(sorted(doc["groups"], key=lambda g: -g[0])):
            codes[rate] = "Z" if (rate == 0 and not us) else letters[i]
    rows = []
    cum, run = [], Decimal(0)
    for i, it in enumerate(doc["items"], 1):
        qty = fmt_qty(it["qty"], doc)
        cell = dict(pos=str(i), sku=it["code"], desc=it["desc"], qty=qty, unit=it["unit"],
                    price=money(it["price"], doc, doc["table_sym"], it["pdec"]),
                    disc=pct(it["disc"], doc) if it["disc"] else "", vat=pct(it["rate"], doc),
                    total=money(sg * it["total"], doc, doc["table_sym"]), code=codes.get(it["rate"], ""))
        rows.append([cell[k] for k in cols])
        run += it["total"]
        cum.append(money(sg * run, doc, doc["table_sym"]))
    align = ["left" if k in ("sku", "desc", "unit") else "center" if k == "code" else "right" for k in cols]
    if "pos" in cols:
        align[cols.index("pos")] = "center" if doc["rng_layout"] < 0.5 else "left"
    table = dict(head=[head_of[k] for k in cols], align=align, kind=cols, rows=rows, cum=cum)
    if fam == "printer-boxes" and o["bilingual"]:
        en_head = dict(pos="#", sku="Item code", desc="Description", qty="Quantity", unit="Unit", price="Unit price",
                       disc="Discount", vat="VAT", total="Amount", code="VAT code")
        table["sub"] = [en_head[k] for k in cols]
    if fam == "service-sections":
        secs = []
        for i, it in enumerate(doc["items"]):
            k = section_of(it)
            if not secs or secs[-1]["key"] != k:
                secs.append(dict(key=k, title=P[k], first=i, last=i, sum=Decimal(0)))
            secs[-1]["last"] = i
            secs[-1]["sum"] += it["total"]
        table["sections"] = [dict(title=x["title"], first=x["first"], last=x["last"],
                                  total=money(sg * x["sum"], doc, doc["table_sym"]),
                                  total_label=f"{P['section_total']} {x['title']}") for x in secs]
    # totals block: [label, value, style, key]
    m = lambda x: money(sg * x, doc, doc["tot_sym"])  # noqa: E731
    totals = []
    show_sub = doc["disc_pct"] or doc["shipping"] or doc["rng_layout"] < 0.5
    net_label = pick(random.Random(doc["number"]), LB.US["net"]) if us else X["net"]
    if show_sub:
        totals.append([X["subtotal"], m(doc["subtotal"]), "", "subtotal"])
    if doc["disc_pct"]:
        lab = f"{X['discount']} {pct(doc['disc_pct'], doc)}"
        if fam == "spree-invoice" and lr.random() < 0.6:
            lab = f"{X['discount']} ({lr.choice(['WELCOME', 'SPRING', 'HORECA', 'LOYAL'])}{int(doc['disc_pct'])})"
        totals.append([lab, money(-sg * doc["disc_amt"], doc, doc["tot_sym"]), "", "discount"])
    if doc["shipping"]:
        lab = X["shipping"]
        if fam == "spree-invoice" and lr.random() < 0.5:
            lab = f"{X['shipping']} ({P['shipped_via']})"
        totals.append([lab, m(doc["shipping"]), "", "shipping"])
    if not show_sub or doc["disc_pct"] or doc["shipping"]:
        totals.append([net_label, m(doc["net"]), "strong" if fam == "erp-carry" else "", "net"])
    if us:
        totals.append([pick(random.Random(doc["number"] + "t"), LB.US["tax_line"]).format(r=pct(doc["sales_tax"], doc)),
                       m(doc["tax"]), "", "vat_line"])
    else:
        per_rate = len(doc["groups"]) > 1 and not doc["vat_summary"]
        if per_rate or doc["rng_layout"] > 0.6:
            for rate, base, tax in doc["groups"]:
                if doc["rng_layout"] > 0.8:
                    lab = X["vat_on"].format(r=pct(rate, doc), b=m(base))
                else:
                    lab = X["vat_line"].format(r=pct(rate, doc))
                if codes:
                    lab = f"{codes[rate]}: {lab}"
                totals.append([lab, m(tax), "", "vat_line"])
        if not doc["vat_lines_only"] and not (len(doc["groups"]) == 1 and doc["rng_layout"] > 0.6):
            totals.append([X["vat_total"], m(doc["tax"]), "", "vat_total"])
    gross_label = pick(random.Random(doc["number"] + "g"), LB.US["gross"]) if us else X["gross"]
    totals.append([gross_label, m(doc["gross"]), "big", "gross"])
    if doc["deposit"]:
        totals.append([X["deposit"], money(-doc["deposit"], doc, doc["tot_sym"]), "", "deposit"])
        totals.append([X["amount_due"], m(doc["gross"] - doc["deposit"]), "big", "amount_due"])
    vat = None
    if doc["vat_summary"]:
        head = [X["rate"], X["base"], X["vat_amt"], X["gross_col"]]
        vrows = [[pct(r, doc), m(b), m(t), m(b + t)] for r, b, t in doc["groups"]]
        if codes:
            head = [P["code"]] + head
            vrows = [[codes[r]] + row for (r, _, _), row in zip(doc["groups"], vrows)]
        vat = dict(title=P["codes"] if codes else X["vat_summary"], head=head, rows=vrows)
    notes = []
    if doc["credit"]:
        notes.append(X["refers"].format(n=doc["ref_invoice"], d=fmt_date(doc["ref_date"], doc)))
    if not doc["tot_sym"] or (doc["cur_fmt"].startswith("code") and doc["rng_layout"] < 0.3):
        notes.append({"en": "All amounts in {c}.", "de": "Alle Beträge in {c}.", "fr": "Montants exprimés en {c}.",
                      "nl": "Alle bedragen in {c}.", "it": "Importi in {c}.", "es": "Importes en {c}.",
                      "cs": "Částky v {c}."}[doc["lang"]].format(c=code))
    terms = [] if doc["credit"] else [(LB.US["terms_val"] if us else X["terms_val"]).format(n=doc["terms_days"])]
    if s["iban"]:
        bank = [f"{s['bank']}", f"IBAN {s['iban']}", f"BIC {s['bic']}"]
    else:
        bank = [s["bank"], s["us_bank"]]
    footer = [" · ".join([s["name"], s["street"], s["city"]]), " · ".join(legal + [s["email"]])]
    mentions = None
    if doc["country"] == "FR":
        mentions = lr.choice(LB.FR_MENTIONS)
        footer[1] = lr.choice(LB.FR_FORMS) + " · " + footer[1]
    sender_line = " · ".join([s["name"], s["street"], s["city"]])
    extra = dict(P)
    till = {"en": "Till", "de": "Kasse", "fr": "Caisse", "nl": "Kassa", "es": "Caja", "it": "Cassa", "cs": "Pokladna"}[doc["lang"]]
    extra["till"] = f"{till} {lr.randint(1, 12):02d} · Op. {lr.randint(100, 999)} · {lr.randint(7, 19):02d}:{lr.randint(0, 59):02d}"
    # English sub-labels of bilingual documents (invoice_printer prints "Rechnungsdatum / Issue date"-like pairs)
    sub = {}
    if fam == "printer-boxes" and o["bilingual"]:
        sub = dict(inv_no="Invoice No.", cn_no="Credit note No.", date="Issue date", due="Due date", delivery="Delivery date",
                   cust="Customer No.", po="Purchase order", bill_to="Purchaser", ship_to="Ship to", subtotal="Subtotal",
                   discount="Discount", shipping="Shipping", net="Total excl. VAT", vat_line="VAT", vat_total="VAT total",
                   gross="Total", deposit="Deposit paid", amount_due="Amount due", provider="Provider", payment="Payment details",
                   title="Credit note" if doc["credit"] else "Invoice")
    job = dict(
        id=f"{doc['idx']:03d}_{fam}", out=str(out_pdf), family=fam, paper=doc["paper"], font=doc["font"], opts=o,
        lang=doc["lang"], creation=dt.datetime.combine(doc["date"], dt.time(9, 30)).isoformat() + "Z",
        title=title, number=doc["number"], num_label=num_label,
        supplier=dict(name=s["name"], lines=sup_lines, contact=contact, legal=legal),
        meta=meta, parties=parties, table=table, totals=totals, vat=vat, notes=notes, terms=terms,
        terms_label=X["terms"], bank=bank, bank_label=X["bank"], thanks=X["thanks"], notes_label=X["notes"],
        footer=footer, page_fmt=X["page"], cont=X["cont"], mentions=mentions, sender_line=sender_line,
        letter=list(LB.LETTER[doc["lang"]]), extra=extra, sub=sub, dp=doc["sep"][1],
    )
    return job


def job_strings(job: dict):
    yield job["title"]
    yield job["supplier"]["name"]
    for part in ("lines", "contact", "legal"):
        yield from job["supplier"][part]
    for kv in job["meta"]:
        yield from kv[:2]
    for p in job["parties"]:
        yield p["label"]
        yield from p["lines"]
    yield from job["table"]["head"]
    yield from job["table"].get("sub", [])
    for r in job["table"]["rows"]:
        yield from r
    yield from job["table"]["cum"]
    for sec in job["table"].get("sections", []):
        yield sec["title"]
        yield sec["total_label"]
        yield sec["total"]
    for t in job["totals"]:
        yield from t[:2]
    if job["vat"]:
        yield job["vat"]["title"]
        yield from job["vat"]["head"]
        for r in job["vat"]["rows"]:
            yield from r
    for k in ("notes", "terms", "bank", "footer", "letter"):
        yield from job[k]
    for k in ("terms_label", "bank_label", "thanks", "notes_label", "page_fmt", "cont", "mentions", "sender_line"):
        if job.get(k):
            yield job[k]
    for v in list(job["extra"].values()) + list(job["sub"].values()):
        yield v


# --------------------------------------------------------------------------- main
def main(argv=None):
    args = G.parse_args(argv, __doc__, FAMILIES)
    if not shutil.which("ruby") or not PRAWN_LIB.exists() or not PRAWN_TABLE_LIB.exists():
        raise SystemExit("ruby, Prawn or prawn-table missing: apt-get install -y ruby ruby-prawn ruby-prawn-table")
    out, docs, jobs = G.draw_docs(args, make_doc, build_job, job_strings)
    tmp = Path(tempfile.mkdtemp(prefix="prawn_jobs_"))
    jobs_file = G.write_jobs(jobs, out, tmp, args.keep_jobs)
    res = subprocess.run(["ruby", str(HERE / "render.rb"), str(jobs_file)], cwd=HERE, capture_output=True, text=True,
                         timeout=1800)
    shutil.rmtree(tmp, ignore_errors=True)
    G.renderer_done(res, "render.rb")
    return G.write_truths(out, docs, jobs, args.no_check, lambda d: G.truth_of(d, SET_NAME))


if __name__ == "__main__":
    raise SystemExit(main())
