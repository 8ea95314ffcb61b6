#!/usr/bin/env python3
"""Invoice PDFs drawn by Java's iText 5 (Debian's libitext5-java 5.5.13), the PDF library behind a generation of
Java ERPs and reporting tools; a truth JSON is written beside each PDF and checked against its text.

    .venv/bin/python gen.py OUTDIR --count N --seed S [--keep-jobs] [--no-check] [--only FAMILY]

gen.py draws every document (parties, items, VAT, formats, labels, layout options), writes one JSON job per
document, compiles ``Render.java`` with javac into a temporary folder (against the Debian jars of iText 5,
its XML Worker and Gson) and runs it once on all the jobs; Render lays each job out with the family's layout.
Then pypdf extracts the text of every PDF and the printed truth values are looked for in it (``check_doc``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
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
    dec_str,
    fmt_date,
    fmt_qty,
    money,
    pct,
    phone,
    pick,
    r2,
    slug,
)

G.use_set_venv(HERE, __file__)

SET_NAME = "itext"
#: family -> the iText API it is drawn with
FAMILIES = {
    "erp-boxed": "PdfPTable + page events",
    "jasper-bands": "PdfContentByte + ColumnText (absolute bands)",
    "cashcarry": "PdfPTable + Barcode128",
    "xmlworker-shop": "XMLWorker (XHTML + CSS)",
    "grouped-delivery": "PdfPTable in ColumnText",
}
FX = {"CZK": 25, "GBP": 0.86, "USD": 1.08, "CHF": 0.95}
JARS = ["/usr/share/java/itext5.jar", "/usr/share/java/itext5-xmlworker.jar", "/usr/share/java/gson.jar"]


# --------------------------------------------------------------------------- parties
def make_supplier(rng, doc):
    country = doc["country"]
    s = rng.choice(W.SURNAMES[country])
    city, pc, street = rng.choice(W.PLACES[country])
    name = rng.choice(W.SUPPLIER_PATTERNS[country]).format(s=s, c=city.split(",")[0])
    tld = {"GB": "co.uk", "US": "com"}.get(country, country.lower())
    sup = dict(name=name, street=street, city=city_line(country, city, pc), phone=phone(rng, country, alpine=True),
               email=rng.choice(["invoices", "billing", "accounts", "info", "buchhaltung" if doc["lang"] == "de" else "office"])
               + f"@{slug(s)}.{tld}", web=f"www.{slug(s)}.{tld}")
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
        extra.append((rng.choice(["Amtsgericht Hamburg HRB", "Registergericht Hamburg, HRB"]), f"{rng.randint(10000, 199999)}"))
        if rng.random() < 0.3:
            extra.append(("Steuernr.", f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"))
    elif country == "AT":
        sup.update(tax_label=rng.choice(["UID-Nr.", "UID", "USt-IdNr."]), tax_id=ids.at_vat(rng))
        extra.append(("FN", f"{rng.randint(10000, 599999)} {rng.choice('abdfgimpstvwxyz')}"))
        extra.append(("Firmenbuchgericht", rng.choice(["Handelsgericht Wien", "Landesgericht Salzburg", "Landesgericht Graz"])))
    elif country == "CH":
        u = ids.ch_uid(rng)
        sup.update(tax_label=rng.choice(["MWST-Nr.", "MWST", "UID"]), tax_id=f"{u} MWST")
        extra.append(("Handelsregister", rng.choice(["Kanton Zürich", "Kanton Bern", "Basel-Stadt"])))
    elif country == "FR":
        v, siren = ids.fr_vat(rng)
        sup.update(tax_label=rng.choice(["N° TVA intracom.", "TVA intracommunautaire", "N° TVA"]),
                   tax_id=rng.choice([v, f"{v[:2]} {v[2:4]} {v[4:]}"]))
        extra.append(("SIRET", f"{siren[:3]} {siren[3:6]} {siren[6:]} {rng.randint(10, 99):03d}{rng.randint(10, 99)}"))
        extra.append(("RCS", f"{rng.choice(['Créteil', 'Lyon', 'Bordeaux'])} {siren[:3]} {siren[3:6]} {siren[6:]}"))
    elif country == "NL":
        sup.update(tax_label=rng.choice(["Btw-nr.", "Btw-id", "BTW"]), tax_id=ids.nl_vat(rng))
        extra.append(("KvK", f"{rng.randint(10000000, 99999999)}"))
    elif country == "IT":
        v = ids.it_vat(rng)
        sup.update(tax_label=rng.choice(["P. IVA", "P.IVA", "Partita IVA"]), tax_id=rng.choice([v, "IT" + v, "IT" + v]))
        extra.append(("REA", f"MI-{rng.randint(1000000, 2999999)}"))
        extra.append(("Cap. soc.", "€ " + rng.choice(["10.000,00 i.v.", "50.000,00 i.v.", "100.000,00 i.v."])))
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
                                   f"C{rng.randint(1000, 9999)}", f"D{rng.randint(10000, 99999)}"]))
    if rng.random() < 0.3:
        cust["attn"] = dict(en="Attn: Accounts Payable", de="z. Hd. Buchhaltung", fr="À l'attention du service comptable",
                            nl="t.a.v. crediteurenadministratie", it="c.a. Amministrazione", es="Att. Contabilidad",
                            cs="k rukám účtárny")[doc["lang"]]
    if country not in ("US", "GB") and rng.random() < 0.4:
        cust["vat_id"] = {"DE": lambda r: ids.de_vat(r), "NL": lambda r: ids.nl_vat(r), "FR": lambda r: ids.fr_vat(r)[0],
                          "IT": lambda r: "IT" + ids.it_vat(r), "ES": lambda r: "ES" + ids.es_cif(r),
                          "CZ": lambda r: "CZ" + ids.cz_ico(r), "AT": lambda r: ids.at_vat(r),
                          "CH": lambda r: ids.ch_uid(r) + " MWST"}[country](rng)
    if rng.random() < 0.35:
        c2, pc2, st2 = rng.choice(W.PLACES[country])
        st2 = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(41, 90)), st2, count=1)
        first = rng.choice(["Goods in / Kitchen", "Loading bay", "Rear entrance"]) if doc["lang"] == "en" else \
            dict(de="Warenannahme Küche", fr="Réception marchandises", nl="Goederenontvangst", it="Ricevimento merci",
                 es="Recepción de mercancía", cs="Příjem zboží")[doc["lang"]]
        cust["ship"] = [cust["name"], first, st2, city_line(country, c2, pc2)]
    return cust


def invoice_number(rng, lang, credit, year, month):
    n = rng.randint(12, 99999)
    if credit:
        pre = dict(en="CN", de="GS", fr="AV", nl="CR", it="NC", es="R", cs="DB")[lang]
        return rng.choice([f"{pre}-{year}-{n % 10000:04d}", f"{pre}{year % 100:02d}{n:05d}", f"{pre}-{n:06d}",
                           f"{pre}/{year % 100:02d}/{n % 10000:04d}"])
    pre = dict(en="INV", de="RE", fr="FA", nl="F", it="FT", es="F", cs="FV")[lang]
    return rng.choice([f"{pre}-{year}-{n % 10000:04d}", f"{year}{n:05d}", f"{pre}{year % 100:02d}{month:02d}-{n % 1000:03d}",
                       f"{pre}-{n:06d}", f"{n % 100000:05d}/{year % 100:02d}", f"{year}-{n % 10000:04d}",
                       f"{pre}/{year}/{n % 1000:03d}", f"1{year % 100:02d}{n:06d}"])


# --------------------------------------------------------------------------- items
def ean13(rng):
    d = [4, rng.choice([0, 1, 2, 3])] + [rng.randint(0, 9) for _ in range(10)]
    s = sum(x * (3 if i % 2 else 1) for i, x in enumerate(d))
    return "".join(map(str, d)) + str((10 - s % 10) % 10)


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
        n = rng.randint(1, 6)
    elif doc["long"]:
        n = rng.randint(28, 52)
    else:
        n = rng.randint(1, 5) if r < 0.3 else rng.randint(6, 14) if r < 0.75 else rng.randint(15, 24)
    if doc["family"] == "grouped-delivery" and not doc["credit"]:
        n = max(n, 5)
    long_p = rng.choice([0.0, 0.0, 0.2, 0.4])
    fx = FX.get(doc["cur"][0], 1)
    items, used = [], set()
    gtin = doc["family"] == "cashcarry" and rng.random() < 0.5
    for _ in range(n):
        p = rng.choice(pool_main if rng.random() < 0.85 else pool)
        price = Decimal(str(rng.uniform(p["lo"], p["hi"]) * fx)).quantize(Decimal(1).scaleb(-p["dec"]), ROUND_HALF_UP)
        if p["dec"] == 2 and price > 1 and rng.random() < 0.3:
            price = price.quantize(Decimal("0.1")) - Decimal("0.01")
        if p["dec"] == 2 and doc["family"] in ("jasper-bands", "cashcarry") and rng.random() < 0.25:
            price = price.quantize(Decimal("0.001"))  # 3-decimal unit prices in the decimal-aligned layouts
        if price <= 0:
            price = Decimal("0.05")
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
        if gtin:
            code = ean13(rng)
        else:
            code = rng.choice([f"{p['prefix']}-{rng.randint(1000, 99999)}", f"{rng.randint(100000, 999999)}",
                               f"{p['prefix']}{rng.randint(100, 999)}-{rng.choice('ABCKLMSX')}",
                               f"{rng.randint(10, 99)}.{rng.randint(100, 999)}.{rng.randint(10, 99)}"])
        while code in used:
            code = f"{p['prefix']}-{rng.randint(1000, 99999)}"
        used.add(code)
        rate = std if (p["vat"] == "std" or doc["mode"] == "single") else red
        pdec = max(p["dec"], -price.as_tuple().exponent)
        items.append(dict(desc=desc, code=code, qty=qty, unit=W.UNITS[p["unit"]][lang], price=price, pdec=pdec,
                          rate=rate, disc=None))
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
    doc = dict(idx=idx, seed=seed, family=family, api=FAMILIES[family], loc=loc, lang=lang, country=country,
               months=info.get("months", lang))
    X = {k: pick(rng, v) for k, v in LB.X[lang].items()}
    doc["X"] = X
    doc["I"] = LB.ITX[lang]
    doc["sep"] = info["sep"]
    if loc == "fr_FR" and rng.random() < 0.3:
        doc["sep"] = (".", ",")
    if loc == "de_CH" and rng.random() < 0.3:
        doc["sep"] = ("\u2019", ".")  # typographic apostrophe (Java's de_CH NumberFormat)
    doc["min_group2"] = loc == "es_ES" and rng.random() < 0.5
    doc["cur"] = info["cur"]
    doc["cur_fmt"] = info["cur"][2] if rng.random() < 0.75 else rng.choice(["code_pre", "code_post"])
    doc["table_sym"] = rng.random() < 0.4 and family not in ("cashcarry",)
    doc["tot_sym"] = rng.random() < 0.85
    doc["pct_sep"] = " " if lang in ("fr", "de", "cs") and rng.random() < 0.6 else ""
    doc["qty_fixed"] = rng.choice([0, 0, 0, 2, 3 if family == "cashcarry" else 0])
    doc["date_fmt"] = rng.choice(LB.DATE_FORMATS[loc])
    doc["paper"] = info["paper"]
    doc["sales_tax"] = Decimal(str(rng.choice(W.US_SALES_TAX))) if country == "US" else None
    doc["credit"] = rng.random() < 0.13
    doc["neg"] = doc["credit"] and rng.random() < 0.4
    doc["long"] = (not doc["credit"]) and rng.random() < 0.2
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
                                   f"{rng.randint(10000, 99999)}", f"WEB-{rng.randint(100000, 999999)}"]))
    doc["pos"] = pos
    doc["mode"] = "single" if country == "US" or rng.random() < 0.45 else "multi"
    items = make_items(rng, doc)
    doc["line_disc"] = family in ("erp-boxed", "jasper-bands", "grouped-delivery", "xmlworker-shop") and rng.random() < 0.28
    if doc["line_disc"]:
        for it in items:
            if rng.random() < 0.4:
                it["disc"] = Decimal(rng.choice([2, 3, 5, 10, 12.5, 15, 20])).normalize()
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
    if not doc["credit"] and rng.random() < 0.28:
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
    # delivery notes (grouped-delivery): consecutive runs of items
    doc["dnotes"] = []
    if family == "grouped-delivery":
        k = min(len(items), rng.choice([1, 2, 2, 3, 3, 4]) if len(items) >= 4 else 1)
        cuts = sorted(rng.sample(range(1, len(items)), k - 1)) if k > 1 else []
        bounds = [0] + cuts + [len(items)]
        day = date - dt.timedelta(days=rng.randint(20, 30))
        base_no = rng.randint(100000, 899999)
        for a, b in zip(bounds, bounds[1:]):
            day = min(date, day + dt.timedelta(days=rng.randint(1, 8)))
            base_no += rng.randint(3, 400)
            doc["dnotes"].append(dict(start=a, end=b, no=rng.choice([f"LS{base_no}", f"{base_no}", f"DN-{base_no}"]),
                                      date=day, sum=sum((it["total"] for it in items[a:b]), Decimal(0))))
    doc["vat_col"] = len(groups) > 1 or (country != "US" and rng.random() < 0.35)
    doc["vat_summary"] = family in ("erp-boxed", "jasper-bands", "grouped-delivery", "cashcarry") and country != "US" and (
        family == "cashcarry" or len(groups) > 1 and rng.random() < 0.7 or rng.random() < 0.25)
    doc["vat_lines_only"] = len(groups) > 1 and not doc["vat_summary"] and rng.random() < 0.3
    doc["font"] = pick_font(rng, doc)
    doc["rng_layout"] = rng.random()
    doc["opts"] = layout_opts(rng, doc)
    return doc


TTF = ["DejaVu Sans", "DejaVu Sans Condensed", "DejaVu Serif", "Liberation Sans", "Liberation Serif",
       "Liberation Sans Narrow"]


def pick_font(rng, doc):
    """Core Helvetica / Times / Courier (WinAnsi, not embedded) or DejaVu / Liberation TTFs embedded as Identity-H
    subsets. cs_CZ: always a TTF."""
    r = rng.random()
    need_ttf = doc["loc"] == "cs_CZ"
    if doc["family"] == "cashcarry":
        if need_ttf or r < 0.5:
            return dict(kind="ttf", name=rng.choice(["DejaVu Sans Mono", "Liberation Mono", "DejaVu Sans Condensed",
                                                       "Liberation Sans Narrow"]))
        return dict(kind="std", name=rng.choice(["Courier", "Helvetica"]))
    if need_ttf or r < 0.45:
        return dict(kind="ttf", name=rng.choice(TTF))
    return dict(kind="std", name="Helvetica" if r < 0.85 else "Times")


def layout_opts(rng, doc):
    f = doc["family"]
    o = dict(accent=rng.choice(["#1F4E79", "#2E75B6", "#375623", "#7B2C2C", "#404040", "#5B2C6F", "#0E6655", "#B9770E"]),
             size=rng.choice([8, 8.5, 9, 9, 9.5, 10]))
    if f == "erp-boxed":
        o.update(repeat_head=rng.random() < 0.75, cont_row=rng.random() < 0.45, grid=rng.choice(["grid", "rows", "head"]),
                 head_align=rng.choice(["col", "center", "left"]), info_box=rng.random() < 0.7, zebra=rng.random() < 0.3,
                 logo_bar=rng.random() < 0.5, ship_beside=rng.random() < 0.6,
                 cols=rng.choice([["pos", "sku", "desc", "qty", "unit", "price", "total"], ["sku", "desc", "qty", "price", "total"],
                                  ["pos", "desc", "qty", "unit", "price", "total"], ["desc", "sku", "unit", "qty", "price", "total"],
                                  ["pos", "sku", "desc", "price", "qty", "total"]]))
    elif f == "jasper-bands":
        o.update(repeat_head=rng.random() < 0.7, decimal=rng.random() < 0.6, label_right=rng.random() < 0.5,
                 head_fill=rng.random() < 0.6, detail_lines=rng.choice(["none", "rule", "dotted"]),
                 title_right=rng.random() < 0.6, head_center=rng.random() < 0.4,
                 cols=rng.choice([["sku", "desc", "qty", "unit", "price", "total"], ["desc", "qty", "price", "total"],
                                  ["pos", "desc", "sku", "qty", "price", "total"], ["qty", "unit", "desc", "price", "total"],
                                  ["sku", "desc", "price", "qty", "total"]]))
    elif f == "cashcarry":
        o.update(barcode=rng.random() < 0.7, boxes=rng.random() < 0.5, vcode_letters=rng.random() < 0.75,
                 repeat_head=rng.random() < 0.8, decimal=rng.random() < 0.5,
                 cols=rng.choice([["sku", "desc", "qty", "unit", "price", "total", "vcode"],
                                  ["sku", "desc", "unit", "price", "qty", "total", "vcode"],
                                  ["pos", "sku", "desc", "qty", "price", "vcode", "total"],
                                  ["sku", "qty", "desc", "price", "total", "vcode"]]))
        o["size"] = rng.choice([7, 7.5, 8])
    elif f == "xmlworker-shop":
        o.update(repeat_head=rng.random() < 0.7, theme=rng.choice(["stripe", "lines", "grid", "plain"]),
                 addr_table=rng.random() < 0.6, meta_side=rng.choice(["right", "below"]),
                 head_align=rng.choice(["left", "center"]),
                 cols=rng.choice([["sku", "desc", "qty", "price", "total"], ["desc", "qty", "price", "total"],
                                  ["desc", "sku", "price", "qty", "total"], ["pos", "desc", "qty", "unit", "price", "total"]]))
    else:  # grouped-delivery
        o.update(repeat_head=rng.random() < 0.65, group_sums=rng.random() < 0.75, group_style=rng.choice(["bold", "fill", "italic"]),
                 head_align=rng.choice(["col", "center"]), running_head=rng.random() < 0.7,
                 cols=rng.choice([["sku", "desc", "qty", "unit", "price", "total"], ["pos", "sku", "desc", "qty", "price", "total"],
                                  ["desc", "qty", "unit", "price", "total"], ["sku", "desc", "qty", "price", "vat", "total"]]))
    cols = list(o["cols"])
    if doc["line_disc"]:
        cols.insert(cols.index("total"), "disc")
    if f == "cashcarry":
        pass  # the VAT code column stands for the rate
    elif doc["vat_col"] and "vat" not in cols:
        cols.insert(cols.index("total") + rng.choice([0, 0, 1]), "vat")
    o["cols"] = cols
    return o


# --------------------------------------------------------------------------- the job (all text pre-formatted)
def build_job(doc: dict, out_pdf: Path) -> dict:
    X, I, s, c, o = doc["X"], doc["I"], doc["supplier"], doc["customer"], doc["opts"]
    us = doc["country"] == "US"
    sg = -1 if doc["neg"] else 1
    lr = random.Random(doc["number"] + "x")
    title = X["credit"] if doc["credit"] else X["invoice"]
    if doc["family"] == "grouped-delivery" and not doc["credit"] and lr.random() < 0.5:
        title = I["collective"]
    num_label = X["cn_no"] if doc["credit"] else X["inv_no"]
    meta = [[num_label, doc["number"]], [X["date"], fmt_date(doc["date"], doc)]]
    if doc["due"]:
        meta.append([X["due"], fmt_date(doc["due"], doc)])
    if doc["delivery"]:
        meta.append([X["delivery"], fmt_date(doc["delivery"], doc)])
    meta.append([X["cust"], c["number"]])
    if doc["pos"]:
        meta.append([X["po"], ", ".join(doc["pos"])])
    if doc["family"] == "cashcarry" and lr.random() < 0.6:
        meta.append([I["cashier"], f"{lr.randint(1, 40):02d}/{lr.randint(100, 999)}"])
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
    code = doc["cur"][0]
    head_of = dict(pos=X["pos"], sku=X["sku"], desc=X["desc"], qty=X["qty"], unit=X["unit"], price=X["price"],
                   disc=X["disc"], vat=X["vat"], total=X["total"], vcode=I["code"])
    if doc["family"] == "cashcarry" and lr.random() < 0.5 and "sku" in o["cols"]:
        head_of["sku"] = I["gtin"] if doc["items"] and doc["items"][0]["code"].isdigit() and len(doc["items"][0]["code"]) == 13 else head_of["sku"]
    if not doc["table_sym"] and doc["rng_layout"] < 0.4:
        head_of["total"] = f"{head_of['total']} ({code})"
    cols = o["cols"]
    # VAT codes (cash & carry): A, B, … or 1, 2, … per rate
    rates = [g[0] for g in doc["groups"]]
    vcode = {r: ("ABCD"[i] if o.get("vcode_letters", True) else str(i + 1)) for i, r in enumerate(sorted(rates, reverse=True))}
    rows = []
    for i, it in enumerate(doc["items"], 1):
        cell = dict(pos=str(i), sku=it["code"], desc=it["desc"], qty=fmt_qty(it["qty"], doc), unit=it["unit"],
                    price=money(it["price"], doc, doc["table_sym"], it["pdec"]),
                    disc=pct(it["disc"], doc) if it["disc"] else "", vat=pct(it["rate"], doc),
                    total=money(sg * it["total"], doc, doc["table_sym"]), vcode=vcode.get(it["rate"], ""))
        rows.append([cell[k] for k in cols])
    align = ["left" if k in ("sku", "desc", "unit") else "center" if k in ("vcode",) else "right" for k in cols]
    if "pos" in cols:
        align[cols.index("pos")] = "center" if doc["rng_layout"] < 0.5 else "left"
    groups_rows = []
    for dn in doc["dnotes"]:
        groups_rows.append(dict(start=dn["start"], end=dn["end"], label=I["dn"].format(n=dn["no"], d=fmt_date(dn["date"], doc)),
                                sum_label=I["dn_sum"].format(n=dn["no"]), sum=money(sg * dn["sum"], doc, doc["table_sym"])))
    table = dict(head=[head_of[k] for k in cols], align=align, kind=cols, rows=rows, groups=groups_rows,
                 dp=doc["sep"][1])
    # totals block
    m = lambda x: money(sg * x, doc, doc["tot_sym"])  # noqa: E731
    totals = []
    show_sub = doc["disc_pct"] or doc["shipping"] or doc["rng_layout"] < 0.5
    net_label = pick(random.Random(doc["number"]), LB.US["net"]) if us else X["net"]
    if show_sub:
        totals.append([X["subtotal"], m(doc["subtotal"]), ""])
    if doc["disc_pct"]:
        totals.append([f"{X['discount']} {pct(doc['disc_pct'], doc)}", money(-doc["disc_amt"], doc, doc["tot_sym"]), ""])
    if doc["shipping"]:
        totals.append([X["shipping"], m(doc["shipping"]), ""])
    if not show_sub or doc["disc_pct"] or doc["shipping"]:
        totals.append([net_label, m(doc["net"]), "strong"])
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
        totals.append([X["deposit"], money(-doc["deposit"], doc, doc["tot_sym"]), ""])
        totals.append([X["amount_due"], m(doc["gross"] - doc["deposit"]), "big"])
    vat = None
    if doc["vat_summary"]:
        head = [X["rate"], X["base"], X["vat_amt"], X["gross_col"]]
        vrows = [[pct(r, doc), m(b), m(t), m(b + t)] for r, b, t in doc["groups"]]
        if doc["family"] == "cashcarry":
            head = [I["legend"]] + head
            vrows = [[vcode[r]] + row for (r, _, _), row in zip(doc["groups"], vrows)]
        vat = dict(title=X["vat_summary"], head=head, rows=vrows)
    notes = []
    if doc["credit"]:
        notes.append(X["refers"].format(n=doc["ref_invoice"], d=fmt_date(doc["ref_date"], doc)))
    if (doc["cur_fmt"].startswith("code") or not doc["tot_sym"]) and doc["rng_layout"] < 0.5:
        notes.append({"en": "All amounts in {c}.", "de": "Alle Beträge in {c}.", "fr": "Montants en {c}.",
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
    job = dict(
        id=f"{doc['idx']:03d}_{doc['family']}", out=str(out_pdf), family=doc["family"],
        paper=doc["paper"], font=doc["font"], opts=o, lang=doc["lang"],
        title=title, supplier=dict(name=s["name"], lines=sup_lines, contact=contact, legal=legal),
        meta=meta, parties=parties, table=table, totals=totals, vat=vat, notes=notes, terms=terms,
        terms_label=X["terms"], bank=bank, bank_label=X["bank"], thanks=X["thanks"], notes_label=X["notes"],
        footer=footer, page_fmt=X["page"], cont=I["cont"], carried=I["carried"], number=doc["number"],
        num_label=num_label, mentions=mentions,
        barcode=doc["number"] if o.get("barcode") else None,
    )
    if doc["family"] == "xmlworker-shop":
        job["html"], job["css"] = shop_html(doc, job)
    return job


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def shop_html(doc: dict, job: dict) -> tuple[str, str]:
    """XHTML + CSS of a web shop's invoice (order confirmation turned invoice), printed by XMLWorker."""
    o = job["opts"]
    font = job["font"]["name"]
    acc = o["accent"]
    size = o["size"]
    th_bg = acc if o["theme"] in ("stripe", "grid") else "#FFFFFF"
    th_fg = "#FFFFFF" if o["theme"] in ("stripe", "grid") else "#000000"
    border = "0.5px solid #888888" if o["theme"] == "grid" else "none"
    css = f"""
body {{ font-family: "{font}"; font-size: {size}pt; color: #222222; }}
p, td, div {{ font-size: {size}pt; }}
h1 {{ font-size: {size + 9}pt; color: {acc}; margin: 0; }}
.shop {{ font-size: {size + 5}pt; font-weight: bold; color: {acc}; }}
.small {{ font-size: {size - 1.5}pt; color: #555555; }}
table.items {{ width: 100%; border-collapse: collapse; }}
table.items th {{ font-size: {size}pt; background-color: {th_bg}; color: {th_fg}; font-weight: bold; padding: 3px; border: {border};
  border-bottom: 1px solid {acc}; text-align: {o["head_align"]}; }}
table.items td {{ font-size: {size}pt; padding: 2px 3px 2px 3px; border: {border}; vertical-align: top; line-height: 1.15; }}
table.items td.num {{ text-align: right; }}
table.items td.ctr {{ text-align: center; }}
tr.odd td {{ background-color: {"#EEF2F7" if o["theme"] == "stripe" else "#FFFFFF"}; }}
tr.line td {{ border-bottom: {"0.5px solid #BBBBBB" if o["theme"] == "lines" else border}; }}
table.sums {{ width: 45%; }}
table.sums td {{ font-size: {size}pt; padding: 2px; }}
td.label {{ text-align: left; }}
td.amt {{ text-align: right; }}
tr.big td {{ font-weight: bold; font-size: {size + 1.5}pt; border-top: 1px solid #222222; }}
table.meta td {{ font-size: {size}pt; padding: 1px 4px 1px 0; }}
"""
    h = ['<html><head><meta charset="UTF-8"/></head><body>']
    sup = job["supplier"]
    h.append('<table width="100%"><tr><td width="55%">')
    h.append(f'<div class="shop">{esc(sup["name"])}</div>')
    h.append(f'<div class="small">{esc(" · ".join(sup["lines"]))}<br/>{esc(" · ".join(sup["contact"][:2]))}</div>')
    h.append('</td><td width="45%" align="right">')
    h.append(f'<h1>{esc(job["title"])}</h1>')
    if o["meta_side"] == "right":
        h.append('<table class="meta" align="right">')
        for k, v in job["meta"]:
            h.append(f'<tr><td>{esc(k)}:</td><td align="right"><b>{esc(v)}</b></td></tr>')
        h.append("</table>")
    h.append("</td></tr></table><br/>")
    parties = job["parties"]
    if o["addr_table"]:
        h.append('<table width="100%"><tr>')
        for p in parties:
            h.append(f'<td width="{100 // max(2, len(parties))}%"><b>{esc(p["label"])}</b><br/>'
                     + "<br/>".join(esc(x) for x in p["lines"]) + "</td>")
        if len(parties) < 2:
            h.append('<td width="50%"></td>')
        h.append("</tr></table>")
    else:
        for p in parties:
            h.append(f'<p><b>{esc(p["label"])}</b><br/>' + "<br/>".join(esc(x) for x in p["lines"]) + "</p>")
    if o["meta_side"] == "below":
        h.append('<br/><table class="meta" width="100%"><tr>')
        for k, _ in job["meta"]:
            h.append(f'<td><b>{esc(k)}</b></td>')
        h.append("</tr><tr>")
        for _, v in job["meta"]:
            h.append(f"<td>{esc(v)}</td>")
        h.append("</tr></table>")
    h.append("<br/>")
    t = job["table"]
    # column widths as a shop template computes them: from the longest text of each column (bold head ~1.15 x)
    widths = {}
    for i, k in enumerate(t["kind"]):
        if k != "desc":
            chars = max([len(t["head"][i]) * 1.15] + [len(r[i]) for r in t["rows"]])
            widths[k] = int(chars * 1.25 + 3)
    content_w = (612 if job["paper"] == "letter" else 595) - 84
    fixed = sum(widths.values())
    if fixed > 62:
        widths = {k: int(v * 62 / fixed) + 1 for k, v in widths.items()}
        fixed = sum(widths.values())
    widths["desc"] = 0
    rep = "yes" if o["repeat_head"] else "no"
    h.append(f'<table class="items" style="repeat-header: {rep};"><thead><tr>')
    for k, head in zip(t["kind"], t["head"]):
        w = widths[k] or (100 - fixed)
        h.append(f'<th style="width: {w * content_w / 100:.0f}pt;">{esc(head)}</th>')
    h.append("</tr></thead><tbody>")
    for i, row in enumerate(t["rows"]):
        cls = "odd line" if i % 2 == 0 else "line"
        h.append(f'<tr class="{cls}">')
        for k, a, v in zip(t["kind"], t["align"], row):
            kl = "num" if a == "right" else "ctr" if a == "center" else "txt"
            w = widths[k] or (100 - fixed)
            h.append(f'<td class="{kl}" style="width: {w * content_w / 100:.0f}pt;">{esc(v)}</td>')
        h.append("</tr>")
    h.append("</tbody></table><br/>")
    h.append('<table class="sums" align="right">')
    for lab, val, style in job["totals"]:
        cls = ' class="big"' if style == "big" else ""
        h.append(f'<tr{cls}><td class="label">{esc(lab)}</td><td class="amt">{esc(val)}</td></tr>')
    h.append("</table><br/>")
    for n in job["notes"]:
        h.append(f"<p>{esc(n)}</p>")
    if job["terms"]:
        h.append(f'<p><b>{esc(job["terms_label"])}</b><br/>{esc(job["terms"][0])}</p>')
    h.append(f'<p><b>{esc(job["bank_label"])}</b><br/>{esc(" · ".join(job["bank"]))}</p>')
    if job["mentions"]:
        h.append(f'<p class="small">{esc(job["mentions"])}</p>')
    h.append(f'<p>{esc(job["thanks"])}</p>')
    h.append("</body></html>")
    return "\n".join(h), css


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
    for g in job["table"]["groups"]:
        yield g["label"]
        yield g["sum_label"]
        yield g["sum"]
    for t in job["totals"]:
        yield from t[:2]
    if job["vat"]:
        yield job["vat"]["title"]
        yield from job["vat"]["head"]
        for r in job["vat"]["rows"]:
            yield from r
    for k in ("notes", "terms", "bank", "footer"):
        yield from job[k]
    for k in ("terms_label", "bank_label", "thanks", "notes_label", "page_fmt", "cont", "carried", "mentions"):
        if job.get(k):
            yield job[k]


# --------------------------------------------------------------------------- truth and check
def truth_of(doc: dict) -> dict:
    return G.truth_of(doc, SET_NAME, style=style_of(doc))


def style_of(doc: dict) -> dict:
    """_style of the truth: common's, with the iText API instead of the library, the currency in the totals and
    the delivery notes."""
    o = doc["opts"]
    return {
        "family": doc["family"], "api": doc["api"], "locale": doc["loc"], "font": doc["font"]["name"],
        "font_kind": doc["font"]["kind"], "paper": doc["paper"], "columns": o["cols"],
        "layout": {k: v for k, v in o.items() if k not in ("cols", "accent")},
        "date_format": doc["date_fmt"], "separators": list(doc["sep"]), "es_min_grouping": doc["min_group2"],
        "currency_format": doc["cur_fmt"], "amounts_with_currency_in_table": doc["table_sym"],
        "amounts_with_currency_in_totals": doc["tot_sym"],
        "vat_rates": [format(Decimal(str(g[0])).normalize(), "f") for g in doc["groups"]],
        "vat_summary": doc["vat_summary"], "vat_lines_only": doc["vat_lines_only"],
        "line_discounts": doc["line_disc"], "totals_discount_pct": str(doc["disc_pct"]) if doc["disc_pct"] else None,
        "shipping": dec_str(doc["shipping"], 2) if doc["shipping"] else None,
        "deposit": dec_str(doc["deposit"], 2) if doc["deposit"] else None,
        "delivery_notes": len(doc["dnotes"]) or None,
        "credit_printed_negative": doc["neg"], "items": len(doc["items"]),
    }


def check_doc(doc: dict, job: dict, pdf: Path) -> list[str]:
    problems = G.check_doc(doc, job, pdf)
    if doc["dnotes"] and sum((d["sum"] for d in doc["dnotes"]), Decimal(0)) != doc["subtotal"]:
        problems.append("delivery notes do not sum to the subtotal")
    return problems


# --------------------------------------------------------------------------- determinism
def pin_pdf(pdf: Path, stem: str, date: dt.date) -> None:
    """iText stamps the wall clock (CreationDate, ModDate), a time-based file /ID and random subset prefixes
    (ABCDEF+DejaVuSans): replace them in place with values derived from the document, same lengths."""
    b = pdf.read_bytes()
    d = f"D:{date:%Y%m%d}093000".encode()
    b = re.sub(rb"\(D:\d{14}", lambda m: b"(" + d, b)
    h = hashlib.md5(stem.encode()).hexdigest().upper().encode()
    b = re.sub(rb"/ID ?\[<([0-9A-Fa-f]{32})><([0-9A-Fa-f]{32})>\]", lambda m: b"/ID [<" + h + b"><" + h + b">]", b)
    prefixes: dict[bytes, bytes] = {}

    def sub(m):
        p = m.group(1)
        if p not in prefixes:
            n = len(prefixes)
            prefixes[p] = bytes([65 + (n // 676) % 26, 65 + (n // 26) % 26, 65 + n % 26]) + b"ITX"
        return b"/" + prefixes[p] + b"+"

    b = re.sub(rb"/([A-Z]{6})\+", sub, b)
    pdf.write_bytes(b)


# --------------------------------------------------------------------------- main
def compile_render(tmp: Path) -> Path:
    classes = tmp / "classes"
    classes.mkdir()
    cp = ":".join(JARS)
    res = subprocess.run(["javac", "-encoding", "UTF-8", "-nowarn", "-cp", cp, "-d", str(classes), str(HERE / "Render.java")],
                         capture_output=True, text=True)
    if res.returncode != 0:
        print(res.stdout, res.stderr, file=sys.stderr)
        raise SystemExit("javac Render.java failed")
    return classes


def main(argv=None):
    args = G.parse_args(argv, __doc__, FAMILIES)
    missing = [j for j in JARS if not Path(j).exists()]
    if missing or not shutil.which("javac"):
        raise SystemExit("javac or the jars missing: apt-get install -y openjdk-17-jdk-headless libitext5-java libgoogle-gson-java")
    out, docs, jobs = G.draw_docs(args, make_doc, build_job, job_strings)
    tmp = Path(tempfile.mkdtemp(prefix="itext_"))
    try:
        classes = compile_render(tmp)
        jobs_file = G.write_jobs(jobs, out, tmp, args.keep_jobs)
        env = dict(os.environ, TZ="UTC")
        res = subprocess.run(["java", "-Xmx1g", "-Djava.awt.headless=true", "-cp", ":".join([str(classes)] + JARS),
                              "Render", str(jobs_file)], capture_output=True, text=True, env=env, timeout=1800)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if res.returncode != 0:
        print(res.stdout[-3000:], res.stderr[-5000:], file=sys.stderr)
        raise SystemExit("Render failed")
    if res.stderr.strip():
        print("Render warnings:\n" + res.stderr.strip()[:2000], file=sys.stderr)
    return G.write_truths(out, docs, jobs, args.no_check, truth_of, check_doc,
                          before_check=lambda pdf, d: pin_pdf(pdf, d["stem"], d["date"]))


if __name__ == "__main__":
    raise SystemExit(main())
