#!/usr/bin/env python3
"""Invoice PDFs from spreadsheet templates: openpyxl builds .xlsx sheets, LibreOffice Calc
exports them to PDF; a truth JSON is written beside each PDF and checked against the PDF text.

    python gen.py OUTDIR --count N --seed S [--keep-sheets] [--no-check]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter as CL
from openpyxl.worksheet.properties import PageSetupProperties

import ids
import world as W

HERE = Path(__file__).resolve().parent
SET_NAME = "calc"
TEMPLATES = ["service", "sales", "simple", "vertex42", "rechnung", "facture"]
LOCALE_ORDER = ["en_GB", "de_DE", "fr_FR", "en_US", "nl_NL", "de_AT", "it_IT", "es_ES", "de_CH", "cs_CZ"]
C2 = Decimal("0.01")
#: rough price level of the currency against the EUR-based catalogue
FX = {"CZK": 25, "GBP": 0.86, "USD": 1.08, "CHF": 0.95}


def r2(x: Decimal) -> Decimal:
    return x.quantize(C2, rounding=ROUND_HALF_UP)


def dec_str(x: Decimal, places: int | None = None) -> str:
    if places is not None:
        x = x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return format(x, "f")


# --------------------------------------------------------------------------- printing (for checks)
def fmt_num(x: Decimal, places: int, loc: str) -> str:
    """The number as LibreOffice prints it with '#,##0.00'-style formats in this locale."""
    th, dp = W.LOCALES[loc]["sep"]
    q = x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if places else x.quantize(Decimal(1))
    neg = q < 0
    s = format(abs(q), "f")
    ip, _, fp = s.partition(".")
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    out = th.join(groups) + (dp + fp if places else "")
    return ("-" if neg else "") + out


def fmt_date(d: dt.date, pattern: str, loc: str) -> str:
    lang = W.LOCALES[loc]["lang"]
    months = W.MONTHS["de_AT"] if loc == "de_AT" else W.MONTHS[lang]
    month = months[d.month - 1]
    return pattern.format(d=d.day, dd=f"{d.day:02d}", m=d.month, mm=f"{d.month:02d}", yyyy=d.year,
                          month=month, mon=month[:3])


def norm(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- the document model
def pick_party(rng, country):
    s = rng.choice(W.SURNAMES[country])
    city, pc, street = rng.choice(W.PLACES[country])
    return s, city, pc, street


def city_line(country, city, pc):
    if country == "US":
        return city
    if country == "GB":
        return f"{city} {pc}"
    return f"{pc} {city}"


def make_supplier(rng, loc):
    info = W.LOCALES[loc]
    country = info["country"]
    s, city, pc, street = pick_party(rng, country)
    name = rng.choice(W.SUPPLIER_PATTERNS[country]).format(s=s, c=city.split(",")[0])
    slug = re.sub(r"[^a-z]", "", s.lower().replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
                  .replace("é", "e").replace("è", "e").replace("á", "a").replace("í", "i").replace("ř", "r")
                  .replace("č", "c").replace("ý", "y").replace("ß", "ss").replace("ä", "a")) or "info"
    tld = {"GB": "co.uk", "US": "com", "CZ": "cz"}.get(country, country.lower())
    sup = dict(name=name, street=street, city=city_line(country, city, pc), country=country,
               phone=phone(rng, country), email=f"accounts@{slug}.{tld}", web=f"www.{slug}.{tld}")
    lab = W.L[info["lang"]]
    extra = []  # further ids printed (not the truth id)
    if country == "GB":
        v = ids.gb_vat(rng)
        printed = rng.choice([f"GB{v}", f"GB {v[:3]} {v[3:7]} {v[7:]}"])
        sup.update(tax_label="VAT Reg. No.", tax_id=printed)
        extra.append((lab["reg"], f"{rng.randint(1000000, 9999999):08d}"))
    elif country == "US":
        if rng.random() < 0.6:
            sup.update(tax_label=rng.choice(["EIN", "Federal Tax ID"]),
                       tax_id=f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}")
    elif country == "DE":
        if rng.random() < 0.2:
            sup.update(tax_label="Steuernummer", tax_id=f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}")
        else:
            sup.update(tax_label=rng.choice(["USt-IdNr.", "USt-ID"]), tax_id=ids.de_vat(rng))
            extra.append(("HRB", f"{rng.randint(10000, 199999)}"))
    elif country == "AT":
        sup.update(tax_label=rng.choice(["UID-Nr.", "UID"]), tax_id=ids.at_vat(rng))
        extra.append(("FN", f"{rng.randint(100000, 599999)}{rng.choice('abdfgikmp')}"))
    elif country == "CH":
        sup.update(tax_label=rng.choice(["MWST-Nr.", "UID"]), tax_id=ids.ch_uid(rng) + " MWST")
    elif country == "FR":
        v, siren = ids.fr_vat(rng)
        printed = rng.choice([v, f"{v[:2]} {v[2:4]} {v[4:]}"])
        sup.update(tax_label=rng.choice(["N° TVA intracom.", "TVA intracommunautaire"]), tax_id=printed)
        extra.append(("SIRET", f"{siren[:3]} {siren[3:6]} {siren[6:]} {rng.randint(10, 99):03d}{rng.randint(10, 99)}"))
    elif country == "NL":
        sup.update(tax_label=rng.choice(["Btw-nummer", "Btw-id"]), tax_id=ids.nl_vat(rng))
        extra.append(("KvK", f"{rng.randint(10000000, 99999999)}"))
    elif country == "IT":
        v = ids.it_vat(rng)
        sup.update(tax_label="P. IVA", tax_id=rng.choice([v, "IT" + v]))
        extra.append(("REA", f"MI-{rng.randint(1000000, 2999999)}"))
    elif country == "ES":
        v = ids.es_cif(rng)
        sup.update(tax_label=rng.choice(["NIF", "CIF"]), tax_id=rng.choice([v, "ES" + v]))
    elif country == "CZ":
        ico = ids.cz_ico(rng)
        sup.update(tax_label="DIČ", tax_id="CZ" + ico)
        extra.append(("IČO", ico))
    sup["extra_ids"] = extra
    sup["iban"] = ids.iban(rng, country, ids.IBAN_LEN[country]) if country != "US" else None
    sup["account"] = f"Routing {rng.randint(100000000, 999999999)}, Account {rng.randint(10**9, 10**10 - 1)}"
    sup["contact"] = rng.choice(W.STAFF)
    sup["bic"] = "".join(rng.choice("ABCDEFGHKLMNPRSTUVWZ") for _ in range(4)) + country + rng.choice(["2X", "MM", "HH", "PP"])
    return sup


def phone(rng, country):
    n = lambda k: "".join(str(rng.randint(0, 9)) for _ in range(k))  # noqa: E731
    return {
        "GB": f"0113 {n(3)} {n(4)}", "US": f"({n(3)}) {n(3)}-{n(4)}", "DE": f"+49 40 {n(6)}",
        "AT": f"+43 1 {n(7)}", "CH": f"+41 44 {n(3)} {n(2)} {n(2)}", "FR": f"01 {n(2)} {n(2)} {n(2)} {n(2)}",
        "NL": f"020 {n(3)} {n(4)}", "IT": f"02 {n(8)}", "ES": f"91 {n(3)} {n(2)} {n(2)}", "CZ": f"+420 {n(3)} {n(3)} {n(3)}",
    }[country]


def make_customer(rng, loc, supplier):
    country = W.LOCALES[loc]["country"]
    places = [p for p in W.PLACES[country] if p[2] != supplier["street"]]
    city, pc, street = rng.choice(places)
    street = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(3, 40)), street, count=1)
    name = rng.choice(W.CUSTOMERS[country])
    cust = dict(name=name, street=street, city=city_line(country, city, pc),
                number=rng.choice([f"K-{rng.randint(10000, 99999)}", f"{rng.randint(100000, 999999)}",
                                   f"C{rng.randint(1000, 9999)}"]))
    if rng.random() < 0.25:
        cust["attn"] = dict(en="Accounts payable", de="z. Hd. Buchhaltung", fr="Service comptabilité",
                            nl="t.a.v. crediteurenadministratie", it="Amministrazione", es="Contabilidad",
                            cs="Účtárna")[W.LOCALES[loc]["lang"]]
    if country in ("DE", "AT", "FR", "NL", "IT", "ES", "CZ") and rng.random() < 0.35:
        cust["vat_id"] = {"DE": ids.de_vat, "AT": ids.at_vat, "NL": ids.nl_vat}.get(country, lambda r: None)(rng) \
            or {"FR": lambda r: ids.fr_vat(r)[0], "IT": lambda r: "IT" + ids.it_vat(r),
                "ES": lambda r: "ES" + ids.es_cif(r), "CZ": lambda r: "CZ" + ids.cz_ico(r)}[country](rng)
    return cust


def invoice_number(rng, lang, credit, year, month):
    n = rng.randint(12, 9999)
    if credit:
        pre = dict(en="CN", de="GS", fr="AV", nl="CR", it="NC", es="R", cs="D").get(lang, "CN")
        return rng.choice([f"{pre}-{year}-{n:04d}", f"{pre}{year % 100:02d}{n:05d}", f"{pre}/{n}/{year}"])
    pre = dict(en="INV", de="RE", fr="FA", nl="F", it="FT", es="F", cs="FV").get(lang, "INV")
    return rng.choice([f"{pre}-{year}-{n:04d}", f"{year}{n:05d}", f"{pre}{year % 100:02d}{month:02d}-{n % 1000:03d}",
                       f"{n}/{year}", f"{pre}-{n:06d}", f"{year}-{n:04d}"])


def rate_str(rate) -> str:
    return dec_str(Decimal(str(rate)).normalize()) if rate is not None else ""


def make_items(rng, doc, mode):
    """mode: 'single' (standard-rate goods only), 'multi' (any goods, their own VAT rates),
    'service' (services only), 'taxed' (US/GB: taxed marker, food not taxed)."""
    lang, country = doc["lang"], doc["country"]
    std, red = W.VAT[country]
    if country == "US":
        std = red = doc["sales_tax"]
    pool = W.CATALOGUE
    if mode == "service":
        pool = [p for p in pool if p["cat"] in ("service", "linen")]
    elif mode == "single":
        pool = [p for p in pool if p["vat"] == "std"]
    elif mode == "taxed" and country == "US":
        pool = [p for p in pool if p["cat"] != "bev" or rng.random() < 0.5]
    # a supplier mostly sells one or two kinds of goods
    cats = sorted({p["cat"] for p in pool})
    main = rng.sample(cats, min(len(cats), rng.choice([1, 2, 2, 3])))
    pool_main = [p for p in pool if p["cat"] in main] or pool
    r = rng.random()
    n = rng.randint(1, 5) if r < 0.3 else rng.randint(6, 12) if r < 0.62 else rng.randint(14, 25)
    long_p = 0.0 if rng.random() < 0.5 else 0.35
    if n >= 14 and rng.random() < 0.7:  # long lists with wrapping descriptions run onto a second page
        long_p = 0.5
    fx = FX.get(doc["currency"], 1)
    items = []
    used = set()
    for k in range(n):
        p = rng.choice(pool_main if rng.random() < 0.85 else pool)
        price = Decimal(str(rng.uniform(p["lo"], p["hi"]) * fx)).quantize(Decimal(1).scaleb(-p["dec"]), ROUND_HALF_UP)
        if p["dec"] == 2 and rng.random() < 0.3:
            price = price.quantize(Decimal("0.1")) - Decimal("0.01") if price > 1 else price
        if p["frac"]:
            qty = Decimal(rng.randint(1, 24)) / rng.choice([1, 2, 4, 10])
            qty = qty.normalize()
            if qty == qty.to_integral():
                qty = qty.quantize(Decimal(1))
        elif price < 1:
            qty = Decimal(rng.choice([50, 100, 120, 150, 200, 250, 400, 500, 1000, 1500]))
        elif price < 20:
            qty = Decimal(rng.randint(1, 40))
        elif price < 200:
            qty = Decimal(rng.randint(1, 10))
        else:
            qty = Decimal(rng.randint(1, 3))
        desc = p["names"][lang]
        if rng.random() < long_p:
            desc = f"{desc}, {rng.choice(W.LONG[lang])}"
        code = f"{p['prefix']}-{rng.randint(1000, 99999)}" if rng.random() < 0.9 else f"{rng.randint(100000, 999999)}"
        while code in used:
            code = f"{p['prefix']}-{rng.randint(1000, 99999)}"
        used.add(code)
        rate = std if (p["vat"] == "std" or mode in ("single", "service")) else red
        items.append(dict(desc=desc, code=code, qty=qty, unit=W.UNITS[p["unit"]][lang], price=price, pdec=p["dec"],
                          rate=rate, taxed=(p["vat"] == "std"), disc=None))
    return items


def make_doc(seed: int, idx: int) -> dict:
    rng = random.Random(f"{SET_NAME}/{seed}/{idx}")
    order = random.Random(f"{SET_NAME}/{seed}").sample(TEMPLATES, len(TEMPLATES))
    template = order[idx % len(TEMPLATES)]
    lorder = random.Random(f"{SET_NAME}/{seed}/loc").sample(LOCALE_ORDER, len(LOCALE_ORDER))
    loc = lorder[(idx // 2 + idx) % len(lorder)]
    if template == "rechnung" and rng.random() < 0.5:
        loc = rng.choice(["de_DE", "de_DE", "de_AT", "de_CH"])
    if template == "facture" and rng.random() < 0.4:
        loc = "fr_FR"
    info = W.LOCALES[loc]
    lang, country = info["lang"], info["country"]
    doc = dict(idx=idx, seed=seed, template=template, loc=loc, lang=lang, country=country, lab=W.L[lang])
    doc["sales_tax"] = rng.choice(W.US_SALES_TAX) if country == "US" else None
    doc["currency"] = info["cur"]
    if country in ("GB", "CH", "CZ") and rng.random() < 0.15:
        doc["currency"] = "EUR"
    doc["cur_style"] = rng.choice(["symbol", "symbol", "code", "plain"])
    doc["lcid_fmt"] = rng.random() < 0.5
    doc["font"] = rng.choice(["Arial", "Calibri", "Liberation Sans"]) if template != "facture" else rng.choice(["Calibri", "Arial"])
    doc["paper"] = info["paper"]
    fmts = W.DATE_FORMATS[loc]
    if template not in ("rechnung", "facture"):
        fmts = [f for f in fmts if '"de"' not in f[0]]
    doc["date_fmt"] = rng.choice(fmts)
    doc["vat_total_line"] = rng.random() < 0.5
    doc["supplier"] = make_supplier(rng, loc)
    doc["customer"] = make_customer(rng, loc, doc["supplier"])
    doc["credit"] = rng.random() < 0.12
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    doc["date"] = date
    doc["number"] = invoice_number(rng, lang, doc["credit"], date.year, date.month)
    if doc["credit"]:
        doc["ref_invoice"] = invoice_number(random.Random(rng.random()), lang, False, date.year, date.month)
    doc["terms_days"] = rng.choice([7, 10, 14, 14, 30, 30, 45, 60])
    doc["due"] = None if (doc["credit"] or rng.random() < 0.25) else date + dt.timedelta(days=doc["terms_days"])
    doc["delivery"] = date - dt.timedelta(days=rng.randint(0, 5))
    pos = []
    if rng.random() < 0.45:
        k = 2 if rng.random() < 0.15 else 1
        for _ in range(k):
            pos.append(rng.choice([f"PO-{rng.randint(10000, 99999)}", f"4500{rng.randint(100000, 999999)}",
                                   f"PO{date.year}-{rng.randint(100, 999)}", f"B-{rng.randint(1000, 9999)}"]))
    doc["pos"] = pos
    # items and VAT mode per template
    if template == "service":
        mode = "service"
    elif template == "sales":
        mode = "single"
    elif template == "simple":
        mode = rng.choice(["single", "multi"])
    elif template == "vertex42":
        mode = "taxed" if country in ("US", "GB") else "single"
    else:
        mode = "multi"
    if country == "US" and mode == "multi":
        mode = "single"
    doc["mode"] = mode
    items = make_items(rng, doc, mode)
    doc["disc_mode"] = None
    if template == "sales" and rng.random() < 0.6:
        doc["disc_mode"] = "amount"
        for it in items:
            if rng.random() < 0.35:
                it["disc"] = r2(it["qty"] * it["price"] * Decimal(rng.choice([3, 5, 10])) / 100)
    elif template == "rechnung" and rng.random() < 0.4:
        doc["disc_mode"] = "pct"
        for it in items:
            if rng.random() < 0.4:
                it["disc"] = Decimal(rng.choice([2, 3, 5, 10, 15]))
    if template in ("sales", "simple", "vertex42", "rechnung", "facture") and rng.random() < 0.3:
        std = doc["sales_tax"] if country == "US" else W.VAT[country][0]
        items.append(dict(desc=doc["lab"]["shipping"], code=rng.choice(["SHIP", "FRACHT", "VERSAND", "TRANSP"]),
                          qty=Decimal(1), unit=W.UNITS["flat"][lang],
                          price=(Decimal(rng.choice(["9.90", "12.50", "15.00", "19.90", "25.00", "39.00"]))
                                 * Decimal(str(FX.get(doc["currency"], 1)))).quantize(C2), pdec=2,
                          rate=std, taxed=True, disc=None))
    for it in items:
        gross = it["qty"] * it["price"]
        if it["disc"] is None:
            it["total"] = r2(gross)
        elif doc["disc_mode"] == "amount":
            it["total"] = r2(gross - it["disc"])
        else:
            it["total"] = r2(gross * (100 - it["disc"]) / 100)
    doc["items"] = items
    net = sum((it["total"] for it in items), Decimal(0))
    groups = []
    if mode == "taxed":
        rate = doc["sales_tax"] if country == "US" else W.VAT[country][0]
        base = sum((it["total"] for it in items if it["taxed"]), Decimal(0))
        groups.append((rate, base, r2(base * Decimal(str(rate)) / 100)))
    elif mode == "multi":
        for rate in sorted({it["rate"] for it in items}):
            base = sum((it["total"] for it in items if it["rate"] == rate), Decimal(0))
            groups.append((rate, base, r2(base * Decimal(str(rate)) / 100)))
    else:
        rate = items[0]["rate"]
        groups.append((rate, net, r2(net * Decimal(str(rate)) / 100)))
    doc["groups"] = groups
    doc["net"] = net
    doc["tax"] = sum((g[2] for g in groups), Decimal(0))
    doc["gross"] = net + doc["tax"]
    doc["show_codes"] = template in ("sales", "vertex42", "rechnung", "facture")
    doc["title_rows"] = template in ("rechnung", "facture", "vertex42") or rng.random() < 0.5
    doc["page_footer"] = rng.random() < 0.7
    doc["color"] = rng.choice(["1F4E79", "2E75B6", "375623", "7B2C2C", "404040", "5B2C6F", "0E6655"])
    return doc


# --------------------------------------------------------------------------- sheet helpers
THIN = Side(style="thin", color="808080")
MED = Side(style="medium", color="000000")
DOUBLE = Side(style="double", color="000000")


class Sheet:
    def __init__(self, ws, doc):
        self.ws, self.doc = ws, doc
        self.font = doc["font"]
        info = W.LOCALES[doc["loc"]]
        self.prefix = f"[$-{info['lcid']}]" if doc["lcid_fmt"] else ""
        self.widths = {}

    def cols(self, widths):
        for i, w in enumerate(widths, 1):
            self.ws.column_dimensions[CL(i)].width = w
            self.widths[i] = w

    def put(self, r, c, v, fmt=None, bold=False, size=10, align=None, wrap=False, italic=False, color=None,
            fill=None, valign="top", border=None):
        cell = self.ws.cell(r, c, v)
        if isinstance(v, str) and v and not v.startswith("="):
            self.doc.setdefault("_cells", []).append(v)
        cell.font = Font(name=self.font, size=size, bold=bold, italic=italic, color=color)
        cell.alignment = Alignment(horizontal=align, vertical=valign, wrap_text=wrap)
        if fmt:
            cell.number_format = self.prefix + fmt if not fmt.startswith("@") else fmt
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
        if border:
            cell.border = border
        return cell

    def merge(self, r, c1, c2, r2_=None):
        self.ws.merge_cells(start_row=r, start_column=c1, end_row=r2_ or r, end_column=c2)

    def box(self, r1, c1, r2_, c2, side=THIN, inner=False):
        for r in range(r1, r2_ + 1):
            for c in range(c1, c2 + 1):
                cell = self.ws.cell(r, c)
                top = side if (r == r1 or inner) else cell.border.top
                bottom = side if (r == r2_ or inner) else cell.border.bottom
                left = side if (c == c1 or inner) else cell.border.left
                right = side if (c == c2 or inner) else cell.border.right
                cell.border = Border(top=top, bottom=bottom, left=left, right=right)

    def fill_row(self, r, c1, c2, color):
        for c in range(c1, c2 + 1):
            self.ws.cell(r, c).fill = PatternFill("solid", fgColor=color)

    def height(self, r, lines, size=10):
        self.ws.row_dimensions[r].height = round(lines * size * 1.22 + 3, 1)

    def fit(self, text, c1, c2, size):
        """Largest font size <= size at which bold text fits in columns c1..c2 (no clipping)."""
        width = sum(self.widths[c] for c in range(c1, c2 + 1))
        return min(size, int(width * 10 / (len(text) * 1.08)))

    def lines_for(self, text, width, size=10):
        cap = max(4, int(width * 1.12 * 10 / size) - 2)
        n, cur = 1, 0
        for word in str(text).split():
            w = len(word) + (1 if cur else 0)
            if cur + w > cap:
                n += 1
                cur = len(word)
            else:
                cur += w
        return n

    # number formats -------------------------------------------------------
    def money(self, with_cur=None):
        d = self.doc
        style = d["cur_style"] if with_cur is None else ("plain" if not with_cur else d["cur_style"])
        base = "#,##0.00"
        cur = d["currency"]
        if style == "plain":
            return base
        if style == "code":
            return f'"{cur} "{base}' if d["loc"] in ("en_GB", "en_US", "nl_NL", "de_CH", "de_AT", "it_IT") else f'{base}" {cur}"'
        sym, before, space = W.LOCALES[d["loc"]]["sym"]
        if cur != W.LOCALES[d["loc"]]["cur"]:
            sym = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF", "CZK": "Kč"}[cur]
        sp = " " if space else ""
        return f'"{sym}{sp}"{base}' if before else f'{base}"{sp}{sym}"'

    def price_fmt(self, places):
        return "#,##0." + "0" * places

    def qty_fmt(self, q: Decimal):
        exp = -q.as_tuple().exponent
        return "#,##0" if exp <= 0 else "#,##0." + "0" * exp

    def date_fmt(self):
        return self.doc["date_fmt"][0]

    def rate_fmt(self, rate, space=True):
        d = Decimal(str(rate)).normalize()
        exp = max(0, -d.as_tuple().exponent)
        sp = " " if space else ""
        return ("0" if exp == 0 else "0." + "0" * exp) + f'"{sp}%"'


def currency_note(doc):
    """Templates that print plain numbers state the currency once."""
    return doc["lab"]["amounts_in"].format(c=doc["currency"])


def title(doc):
    return doc["lab"]["credit"] if doc["credit"] else doc["lab"]["invoice"]


def number_label(doc, alt=False):
    if doc["credit"]:
        return doc["lab"]["credit_no"]
    return doc["lab"]["invoice_no2" if alt else "invoice_no"]


# --------------------------------------------------------------------------- the item grid
def item_grid(S: Sheet, row: int, spec: list, header_fill=None, header_color=None, zebra=None, borders="grid"):
    """spec: list of (key, header, col). Writes header + item rows, returns (header_row, first, last)."""
    doc = S.doc
    hdr = row
    for key, text, col in spec:
        al = "left" if key in ("desc", "code", "unit") else ("center" if key in ("pos", "taxed", "rate") else "right")
        S.put(hdr, col, text, bold=True, align=al, fill=header_fill, color=header_color, valign="center", wrap=True)
    S.height(hdr, 1.6)
    cols = {k: c for k, _, c in spec}
    grid_cur = doc["cur_style"] == "symbol" and doc["template"] in ("service", "sales", "vertex42")
    first = hdr + 1
    r = first
    for i, it in enumerate(doc["items"], 1):
        for key, _, col in spec:
            if key == "pos":
                S.put(r, col, i, align="center")
            elif key == "code":
                S.put(r, col, it["code"], fmt="@")
            elif key == "desc":
                S.put(r, col, it["desc"], wrap=True)
            elif key == "qty":
                S.put(r, col, float(it["qty"]), fmt=S.qty_fmt(it["qty"]), align="right")
            elif key == "unit":
                S.put(r, col, it["unit"])
            elif key == "price":
                f = S.money(True) if (grid_cur and it["pdec"] == 2) else S.price_fmt(it["pdec"])
                S.put(r, col, float(it["price"]), fmt=f, align="right")
            elif key == "disc":
                if it["disc"] is not None:
                    if doc["disc_mode"] == "pct":
                        S.put(r, col, float(it["disc"]), fmt='0" %"', align="right")
                    else:
                        S.put(r, col, float(it["disc"]), fmt=S.money(False), align="right")
            elif key == "rate":
                S.put(r, col, float(it["rate"]), fmt=S.rate_fmt(it["rate"]), align="center")
            elif key == "taxed":
                S.put(r, col, "X" if it["taxed"] else None, align="center")
            elif key == "total":
                q, p = cols["qty"], cols["price"]
                if it["disc"] is not None and doc["disc_mode"] == "amount":
                    f = f"=ROUND({CL(q)}{r}*{CL(p)}{r}-{CL(cols['disc'])}{r},2)"
                elif it["disc"] is not None:
                    f = f"=ROUND({CL(q)}{r}*{CL(p)}{r}*(100-{CL(cols['disc'])}{r})/100,2)"
                else:
                    f = f"=ROUND({CL(q)}{r}*{CL(p)}{r},2)"
                S.put(r, col, f, fmt=S.money(grid_cur), align="right")
        S.height(r, S.lines_for(it["desc"], S.widths[cols["desc"]]))
        if zebra and i % 2 == 0:
            S.fill_row(r, spec[0][2], spec[-1][2], zebra)
        r += 1
    last = r - 1
    c1, c2 = spec[0][2], spec[-1][2]
    if borders == "grid":
        S.box(hdr, c1, last, c2, inner=True)
    elif borders == "outline":
        S.box(hdr, c1, hdr, c2)
        S.box(first, c1, last, c2)
    elif borders == "rules":
        for c in range(c1, c2 + 1):
            S.ws.cell(hdr, c).border = Border(bottom=MED)
            S.ws.cell(last, c).border = Border(bottom=THIN)
    return hdr, first, last


def tax_formulas(S, doc, tcol, rcol, first, last):
    """Per VAT group: (rate, base formula, tax formula)."""
    T = f"{CL(tcol)}{first}:{CL(tcol)}{last}"
    out = []
    for rate, _, _ in doc["groups"]:
        rs = rate_str(rate)
        if doc["mode"] == "multi":
            R = f"{CL(rcol)}{first}:{CL(rcol)}{last}"
            base = f"SUMIF({R},{rs},{T})"
        elif doc["mode"] == "taxed":
            R = f"{CL(rcol)}{first}:{CL(rcol)}{last}"
            base = f'SUMIF({R},"X",{T})'
        else:
            base = f"SUM({T})"
        out.append((rate, "=" + base, f"=ROUND({base}*{rs}/100,2)"))
    return out


def vat_label(doc, rate, with_base=False):
    lab = doc["lab"]
    rs = fmt_num(Decimal(str(rate)).normalize(), max(0, -Decimal(str(rate)).normalize().as_tuple().exponent), doc["loc"])
    name = lab["sales_tax"] if doc["country"] == "US" else lab["vat"]
    return f"{name} {rs} %" if doc["lang"] in ("de", "fr", "cs") else f"{name} {rs}%"


def page_setup(S, last_row, last_col, title_row=None):
    ws, doc = S.ws, S.doc
    ws.print_area = f"A1:{CL(last_col)}{last_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_LETTER if doc["paper"] == "Letter" else ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.print_options.horizontalCentered = doc["idx"] % 3 == 0
    ws.sheet_view.showGridLines = False
    if title_row and doc["title_rows"]:
        ws.print_title_rows = f"{title_row}:{title_row}"
    if doc["page_footer"]:
        ws.oddFooter.center.text = doc["lab"]["page"]
        ws.oddFooter.center.size = 8
        ws.oddFooter.center.font = doc["font"]


def supplier_lines(doc, with_tax=True, with_contact=True):
    s = doc["supplier"]
    out = [s["street"], s["city"]]
    if with_contact:
        out.append(f"{doc['lab']['phone']} {s['phone']}")
        out.append(s["email"])
    if with_tax and s.get("tax_id"):
        out.append(f"{s['tax_label']}: {s['tax_id']}")
    return out


def customer_lines(doc):
    c = doc["customer"]
    out = [c["name"]]
    if c.get("attn"):
        out.append(c["attn"])
    out += [c["street"], c["city"]]
    if c.get("vat_id"):
        out.append(f"{doc['lab']['vat_id_cust']}: {c['vat_id']}")
    return out


def meta_rows(doc, alt=False, customer_no=True, due=True, po=True, delivery=False):
    """(label, value, kind) rows for an info block."""
    lab = doc["lab"]
    rows = [(number_label(doc, alt), doc["number"], "text"), (lab["invoice_date"] if alt else lab["date"], doc["date"], "date")]
    if delivery:
        rows.append((lab["delivery_date"], doc["delivery"], "date"))
    if customer_no:
        rows.append((lab["customer_no"], doc["customer"]["number"], "text"))
    if po and doc["pos"]:
        rows.append((lab["po2"] if alt else lab["po"], ", ".join(doc["pos"]), "text"))
    if due and doc["due"]:
        rows.append((lab["due"], doc["due"], "date"))
    if doc["credit"]:
        rows.append(("", lab["refers_to"].format(n=doc["ref_invoice"]), "text"))
    return rows


def put_meta(S, r, lc, vc, rows, label_bold=True, align="right", border=None, vspan=None, lspan=None, free_c1=None):
    for label, value, kind in rows:
        if not label and kind == "text":  # a free text line (credit note reference) across the block
            S.put(r, free_c1 or lc, value, fmt="@", align="left" if align == "left" else "right", italic=True)
            S.merge(r, free_c1 or lc, vc + (vspan or 1) - 1)
            r += 1
            continue
        if label:
            S.put(r, lc, label + ("" if label.endswith(":") else ":") if align == "left" else label, bold=label_bold,
                  align=align)
            if lspan:
                S.merge(r, lc, lc + lspan - 1)
        if kind == "date":
            S.put(r, vc, value, fmt=S.date_fmt(), align="right" if not vspan else "left")
        else:
            S.put(r, vc, value, fmt="@", align="right" if (label and not vspan) else ("left" if vspan else "right"))
        if vspan:
            S.merge(r, vc, vc + vspan - 1)
        if border:
            S.box(r, vc, r, vc + (vspan or 1) - 1)
        r += 1
    return r


def terms_text(doc):
    lab = doc["lab"]
    if doc["credit"]:
        return None
    if doc["due"] is None:
        return lab["payable_within"].format(n=doc["terms_days"]) if doc["terms_days"] > 7 else lab["on_receipt"]
    return None


def payable_to(doc):
    text = doc["lab"]["payable_to"].format(s=doc["supplier"]["name"])
    return text.replace("cheques", "checks") if doc["loc"] == "en_US" else text


def bank_line(doc):
    s = doc["supplier"]
    if s["iban"]:
        return f"{doc['lab']['bank']}: IBAN {s['iban']}"
    return f"{doc['lab']['bank']}: {s['account']}"


# --------------------------------------------------------------------------- templates
def t_service(S: Sheet):
    """Microsoft Office 'Service invoice': DESCRIPTION / HOURS / RATE / AMOUNT."""
    doc, lab, ws = S.doc, S.doc["lab"], S.ws
    col = doc["color"]
    S.cols([48, 11, 15, 19])
    S.put(1, 1, doc["supplier"]["name"], bold=True, size=S.fit(doc["supplier"]["name"], 1, 1, 16), color=col)
    S.put(1, 4, title(doc), bold=True, size=S.fit(title(doc), 3, 4, 20), align="right", color="808080")
    S.height(1, 1.4, 20)
    r = 2
    for line in supplier_lines(doc):
        S.put(r, 1, line, size=9)
        r += 1
    mr = put_meta(S, 2, 3, 4, meta_rows(doc, customer_no=False, po=False), label_bold=True, align="right")
    r = max(r, mr) + 1
    S.put(r, 1, lab["to"].upper() + ":", bold=True, color=col)
    S.put(r, 3, lab["for_"].upper() + ":", bold=True, color=col, align="right")
    proj = doc["items"][0]["desc"].split(",")[0]
    S.put(r, 4, proj if len(proj) < 22 else lab["project"] + " " + doc["customer"]["number"], wrap=False)
    if doc["pos"]:
        S.put(r + 1, 3, f'{lab["po"]}: {", ".join(doc["pos"])}', fmt="@", align="right")
        S.merge(r + 1, 3, 4)
    r += 1
    for line in customer_lines(doc):
        S.put(r, 1, line)
        r += 1
    r += 1
    plain = doc["cur_style"] == "plain"
    spec = [("desc", lab["desc"].upper(), 1), ("qty", lab["hours"].upper() if doc["items"][0]["unit"] in W.UNITS["h"].values() else lab["qty2"].upper(), 2),
            ("price", lab["rate"].upper() if doc["items"][0]["unit"] in W.UNITS["h"].values() else lab["unit_price"].upper(), 3),
            ("total", lab["amount"].upper() + (f" ({doc['currency']})" if plain else ""), 4)]
    hdr, first, last = item_grid(S, r, spec, header_fill=col, header_color="FFFFFF", borders="grid")
    r = last + 1
    tf = tax_formulas(S, doc, 4, None, first, last)
    rate = doc["groups"][0][0]
    S.put(r, 3, lab["subtotal"].upper(), bold=True, align="right")
    S.put(r, 4, f"=SUM(D{first}:D{last})", fmt=S.money(), align="right")
    S.box(r, 4, r, 4)
    S.put(r + 1, 3, lab["tax_rate"].upper(), bold=True, align="right")
    S.put(r + 1, 4, float(rate), fmt=S.rate_fmt(rate, space=False), align="right")
    S.put(r + 2, 3, (lab["sales_tax"] if doc["country"] == "US" else lab["vat"]).upper(), bold=True, align="right")
    S.put(r + 2, 4, f"=ROUND(D{r}*D{r + 1}/100,2)", fmt=S.money(), align="right")
    S.put(r + 3, 3, lab["total"].upper(), bold=True, align="right")
    S.put(r + 3, 4, f"=D{r}+D{r + 2}", fmt=S.money(), bold=True, align="right")
    S.box(r + 1, 4, r + 3, 4, inner=True)
    S.ws.cell(r + 3, 4).border = Border(top=THIN, bottom=DOUBLE, left=THIN, right=THIN)
    r += 5
    if plain:
        S.put(r, 1, currency_note(doc), italic=True, size=9)
        r += 1
    t = terms_text(doc)
    if t:
        S.put(r, 1, t, size=9)
        r += 1
    S.put(r, 1, payable_to(doc), size=9)
    S.put(r + 1, 1, bank_line(doc), size=9)
    S.put(r + 3, 1, lab["thanks"], bold=True, align="center", color=col)
    S.merge(r + 3, 1, 4)
    page_setup(S, r + 3, 4, hdr)


def t_sales(S: Sheet):
    """Microsoft Office 'Sales invoice': QTY / ITEM # / DESCRIPTION / UNIT PRICE / DISCOUNT / LINE TOTAL,
    with the salesperson / job / payment terms / due date strip."""
    doc, lab = S.doc, S.doc["lab"]
    col = doc["color"]
    disc = doc["disc_mode"] == "amount"
    S.cols([9, 13, 42, 14, 13 if disc else 2, 19])
    S.put(1, 1, doc["supplier"]["name"], bold=True, size=S.fit(doc["supplier"]["name"], 1, 3, 15))
    S.merge(1, 1, 3)
    S.put(1, 6, title(doc), bold=True, size=S.fit(title(doc), 4 if disc else 5, 6, 22), align="right", color=col)
    S.height(1, 1.4, 22)
    r = 2
    for line in supplier_lines(doc, with_contact=True):
        S.put(r, 1, line, size=9)
        S.merge(r, 1, 3)
        r += 1
    mr = put_meta(S, 3, 5 if disc else 4, 6, [m for m in meta_rows(doc, due=False, po=False)], label_bold=True)
    r = max(r, mr) + 1
    S.put(r, 1, lab["to"].upper(), bold=True, color=col)
    S.put(r, 4, lab["ship_to"].upper(), bold=True, color=col)
    rr = r + 1
    for line in customer_lines(doc):
        S.put(rr, 2, line)
        S.merge(rr, 2, 3)
        rr += 1
    rs = r + 1
    for line in [doc["customer"]["name"], doc["customer"]["street"], doc["customer"]["city"]]:
        S.put(rs, 4, line)
        rs += 1
    r = max(rr, rs) + 1
    # strip
    heads = [(lab["salesperson"], 1, 2), (lab["po"] if doc["pos"] else lab["job"], 3, 3),
             (lab["terms"], 4, 5), (lab["due"], 6, 6)]
    vals = [doc["supplier"]["contact"], ", ".join(doc["pos"]) if doc["pos"] else "", 
            (lab["terms_val"].format(n=doc["terms_days"]) if not doc["credit"] else ""), doc["due"]]
    for (h, c1, c2), v in zip(heads, vals):
        S.put(r, c1, h.upper(), bold=True, align="center", fill="D9D9D9", size=9)
        if c2 > c1:
            S.merge(r, c1, c2)
            S.merge(r + 1, c1, c2)
        if isinstance(v, dt.date):
            S.put(r + 1, c1, v, fmt=S.date_fmt(), align="center")
        else:
            S.put(r + 1, c1, v, align="center", fmt="@")
    S.box(r, 1, r + 1, 6, inner=True)
    r += 3
    spec = [("qty", lab["qty"].upper(), 1), ("code", lab["item_no"].upper(), 2), ("desc", lab["desc"].upper(), 3),
            ("price", lab["unit_price"].upper(), 4)]
    if disc:
        spec.append(("disc", lab["discount"].upper(), 5))
    spec.append(("total", lab["line_total"].upper(), 6))
    hdr, first, last = item_grid(S, r, spec, header_fill="D9D9D9", borders="grid")
    if not disc:
        S.box(hdr, 4, last, 6)
    r = last + 1
    tf = tax_formulas(S, doc, 6, None, first, last)
    rate = doc["groups"][0][0]
    S.put(r, 5 if disc else 4, lab["subtotal"].upper(), bold=True, align="right")
    S.put(r, 6, f"=SUM(F{first}:F{last})", fmt=S.money(), align="right")
    S.put(r + 1, 5 if disc else 4, vat_label(doc, rate).upper(), bold=True, align="right")
    S.put(r + 1, 6, tf[0][2], fmt=S.money(), align="right")
    S.put(r + 2, 5 if disc else 4, lab["total"].upper(), bold=True, align="right")
    S.put(r + 2, 6, f"=F{r}+F{r + 1}", fmt=S.money(), bold=True, align="right")
    S.box(r, 6, r + 2, 6, inner=True)
    r += 4
    if doc["cur_style"] == "plain":
        S.put(r, 1, currency_note(doc), italic=True, size=9)
        r += 1
    S.put(r, 1, payable_to(doc), size=9)
    S.put(r + 1, 1, bank_line(doc), size=9)
    S.put(r + 3, 1, lab["thanks"], bold=True, align="center")
    S.merge(r + 3, 1, 6)
    page_setup(S, r + 3, 6, hdr)


def t_simple(S: Sheet):
    """'Simple invoice': big title, supplier and info block, DESCRIPTION / QTY / UNIT PRICE / [VAT] / AMOUNT,
    one VAT line per rate."""
    doc, lab = S.doc, S.doc["lab"]
    multi = doc["mode"] == "multi"
    S.cols([46, 10, 14, 9 if multi else 6, 18])
    S.put(1, 1, title(doc), bold=True, size=24, color=doc["color"])
    S.height(1, 1.4, 24)
    S.put(3, 1, doc["supplier"]["name"], bold=True, size=12)
    r = 4
    for line in supplier_lines(doc):
        S.put(r, 1, line, size=9)
        r += 1
    mr = put_meta(S, 3, 3, 4, meta_rows(doc, alt=True), label_bold=True, align="right", vspan=2)
    r = max(r, mr) + 1
    S.put(r, 1, lab["bill_to"], bold=True)
    r += 1
    for line in customer_lines(doc):
        S.put(r, 1, line)
        r += 1
    r += 1
    plain = doc["cur_style"] == "plain"
    spec = [("desc", lab["desc"], 1), ("qty", lab["qty"], 2), ("price", lab["unit_price"], 3)]
    if multi:
        spec.append(("rate", lab["vat"], 4))
    spec.append(("total", lab["amount"] + (f" ({doc['currency']})" if plain else ""), 5))
    hdr, first, last = item_grid(S, r, spec, header_fill="F2F2F2", borders="rules",
                                 zebra="FAFAFA" if doc["idx"] % 2 else None)
    r = last + 2
    net_row = r
    S.put(r, 3, lab["net"], align="right")
    S.merge(r, 3, 4)
    S.put(r, 5, f"=SUM(E{first}:E{last})", fmt=S.money(), align="right")
    r += 1
    for rate, base, taxf in tax_formulas(S, doc, 5, 4, first, last):
        S.put(r, 3, vat_label(doc, rate), align="right")
        S.merge(r, 3, 4)
        S.put(r, 5, taxf, fmt=S.money(), align="right")
        r += 1
    tax_end = r - 1
    if len(doc["groups"]) > 1 and doc["vat_total_line"]:
        S.put(r, 3, lab["total_vat"], align="right")
        S.merge(r, 3, 4)
        S.put(r, 5, f"=SUM(E{net_row + 1}:E{tax_end})", fmt=S.money(), align="right")
        r += 1
    S.put(r, 3, lab["total"], bold=True, align="right", size=11)
    S.merge(r, 3, 4)
    S.put(r, 5, f"=SUM(E{net_row}:E{tax_end})", fmt=S.money(), bold=True, align="right", size=11)
    for c in (3, 4, 5):
        S.ws.cell(r, c).border = Border(top=THIN, bottom=DOUBLE)
    r += 2
    if plain:
        S.put(r, 1, currency_note(doc), italic=True, size=9)
        r += 1
    t = terms_text(doc)
    if t:
        S.put(r, 1, t, size=9)
        r += 1
    S.put(r, 1, bank_line(doc), size=9)
    for k, (lbl, val) in enumerate(doc["supplier"]["extra_ids"]):
        S.put(r + 1 + k, 1, f"{lbl}: {val}", size=8)
    r += 1 + len(doc["supplier"]["extra_ids"])
    page_setup(S, r, 5, hdr)


def t_vertex42(S: Sheet):
    """Vertex42-style: banded header, DATE / INVOICE # / CUSTOMER ID / DUE DATE block, BILL TO band,
    ITEM # / DESCRIPTION / QTY / UNIT PRICE / TAXED / TOTAL, comments box and Subtotal / Taxable /
    Tax rate / Tax due / TOTAL."""
    doc, lab = S.doc, S.doc["lab"]
    col = doc["color"]
    taxed = doc["mode"] == "taxed"
    S.cols([13, 40, 9, 14, 8 if taxed else 2, 19])
    S.put(1, 1, doc["supplier"]["name"], bold=True, size=S.fit(doc["supplier"]["name"], 1, 3, 18), color=col)
    S.merge(1, 1, 3)
    S.put(1, 4, title(doc), bold=True, size=S.fit(title(doc), 4, 6, 24), align="right", color="A6A6A6")
    S.merge(1, 4, 6)
    S.height(1, 1.4, 24)
    r = 2
    for line in supplier_lines(doc) + [doc["supplier"]["web"]]:
        S.put(r, 1, line, size=9)
        S.merge(r, 1, 2)
        r += 1
    rows = meta_rows(doc, po=False)
    mr = put_meta(S, 3, 3, 6, [(l.upper() if l else l, v, k) for l, v, k in rows], label_bold=True, border=True,
                  free_c1=3, lspan=3)
    r = max(r, mr) + 1
    S.put(r, 1, lab["bill_to"].upper(), bold=True, color="FFFFFF", fill=col)
    S.fill_row(r, 1, 2, col)
    S.merge(r, 1, 2)
    if doc["pos"]:
        S.put(r, 4, lab["po"].upper(), bold=True, color="FFFFFF", fill=col)
        S.fill_row(r, 4, 6, col)
        S.merge(r, 4, 6)
        S.put(r + 1, 4, ", ".join(doc["pos"]), fmt="@", align="left")
        S.merge(r + 1, 4, 6)
    r += 1
    for line in customer_lines(doc):
        S.put(r, 1, line)
        S.merge(r, 1, 2)
        r += 1
    r += 1
    spec = [("code", lab["item_no"].upper(), 1), ("desc", lab["desc"].upper(), 2), ("qty", lab["qty"].upper(), 3),
            ("price", lab["unit_price"].upper(), 4)]
    if taxed:
        spec.append(("taxed", lab["taxed"].upper(), 5))
    spec.append(("total", lab["total"].upper(), 6))
    hdr, first, last = item_grid(S, r, spec, header_fill=col, header_color="FFFFFF", borders="outline",
                                 zebra="EDEDED")
    if not taxed:
        S.box(hdr, 5, last, 5)
    r = last + 2
    tf = tax_formulas(S, doc, 6, 5, first, last)
    rate = doc["groups"][0][0]
    top = r
    S.put(r, 1, lab["comments"].upper(), bold=True, color="FFFFFF", fill=col)
    S.fill_row(r, 1, 2, col)
    S.merge(r, 1, 2)
    notes = [t for t in [terms_text(doc), payable_to(doc), bank_line(doc),
                         currency_note(doc) if doc["cur_style"] == "plain" else None] if t]
    for k, t in enumerate(notes):
        S.put(r + 1 + k, 1, f"{k + 1}. {t}", size=8)
        S.merge(r + 1 + k, 1, 2)
    S.box(r + 1, 1, r + max(len(notes), 5), 2)
    labels = [(lab["subtotal"], f"=SUM(F{first}:F{last})", S.money(False))]
    if taxed:
        labels.append((lab["taxable"], tf[0][1], S.money(False)))
    labels.append((lab["tax_rate"], float(rate), S.rate_fmt(rate, space=False)))
    labels.append((lab["tax_due"], f"=ROUND(F{r + (1 if taxed else 0)}*F{r + (2 if taxed else 1)}/100,2)", S.money(False)))
    for k, (lbl, v, f) in enumerate(labels):
        S.put(r + k, 4, lbl, align="right")
        S.merge(r + k, 4, 5)
        S.put(r + k, 6, v, fmt=f, align="right")
    k = len(labels)
    S.put(r + k, 4, lab["total"].upper(), bold=True, align="right", size=11)
    S.merge(r + k, 4, 5)
    S.put(r + k, 6, f"=F{r}+F{r + k - 1}", fmt=S.money(True), bold=True, align="right", size=11, fill="DDEBF7")
    S.ws.cell(r + k, 6).border = Border(top=THIN, bottom=DOUBLE)
    r = top + max(len(notes), 5) + 2
    S.put(r, 1, lab["questions"].format(p=f"{doc['supplier']['contact']}, {doc['supplier']['phone']}, "
                                           f"{doc['supplier']['email']}"), size=9, align="center")
    S.merge(r, 1, 6)
    S.put(r + 1, 1, lab["thanks"], bold=True, italic=True, align="center", size=12)
    S.merge(r + 1, 1, 6)
    page_setup(S, r + 1, 6, hdr)


def t_rechnung(S: Sheet):
    """German 'Rechnungsvorlage Excel': sender line over the address window, info block on the right,
    Pos. / Art.-Nr. / Bezeichnung / Menge / Einheit / Einzelpreis / USt. / Gesamtpreis, VAT per rate,
    footer with bank and register data."""
    doc, lab = S.doc, S.doc["lab"]
    s = doc["supplier"]
    pct = doc["disc_mode"] == "pct"
    S.cols([6, 12, 38, 9, 9, 13, 9 if pct else 2, 8, 15])
    # columns: A pos, B code, C desc, D qty, E unit, F price, G disc, H rate, I total
    S.put(1, 5, s["name"], bold=True, size=S.fit(s["name"], 5, 9, 16), align="right")
    S.merge(1, 5, 9)
    S.height(1, 1.4, 16)
    S.put(2, 5, f"{s['street']} · {s['city']}", size=9, align="right")
    S.merge(2, 5, 9)
    S.put(3, 5, f"{lab['phone']} {s['phone']} · {s['email']}", size=9, align="right")
    S.merge(3, 5, 9)
    S.put(6, 1, f"{s['name']} · {s['street']} · {s['city']}", size=7)
    S.merge(6, 1, 3)
    S.ws.cell(6, 1).font = Font(name=S.font, size=7, underline="single")
    r = 7
    for line in customer_lines(doc):
        S.put(r, 1, line)
        S.merge(r, 1, 3)
        r += 1
    rows = meta_rows(doc, alt=True, delivery=True)
    put_meta(S, 6, 5, 8, rows, label_bold=False, align="left", vspan=2, lspan=3)
    r = max(r, 6 + len(rows)) + 2
    S.put(r, 1, f"{title(doc).capitalize() if doc['lang'] != 'de' else title(doc).title()} {doc['number']}", bold=True, size=14)
    S.merge(r, 1, 6)
    S.height(r, 1.4, 14)
    r += 2
    plain = doc["cur_style"] == "plain"
    spec = [("pos", lab["pos"], 1), ("code", lab["item_no"], 2), ("desc", "Bezeichnung" if doc["lang"] == "de" else lab["desc"], 3), ("qty", lab["qty"], 4),
            ("unit", lab["unit"], 5), ("price", lab["unit_price"] + (f" {doc['currency']}" if plain else ""), 6)]
    if pct:
        spec.append(("disc", lab["disc_pct"], 7))
    spec += [("rate", lab["vat"], 8), ("total", lab["line_total"] + (f" {doc['currency']}" if plain else ""), 9)]
    hdr, first, last = item_grid(S, r, spec, header_fill="E7E6E6", borders="rules")
    r = last + 2
    tf = tax_formulas(S, doc, 9, 8, first, last)
    net_row = r
    S.put(r, 3, lab["net"], align="right")
    S.merge(r, 3, 8)
    S.put(r, 9, f"=SUM(I{first}:I{last})", fmt=S.money(), align="right")
    r += 1
    for rate, basef, taxf in tf:
        rs_ = vat_label(doc, rate)
        if doc["lang"] == "de":
            lbl = f"zzgl. {rs_.replace('USt.', 'USt.')} auf"
        else:
            lbl = f"{rs_} / {lab['base']}"
        S.put(r, 3, lbl, align="right")
        S.merge(r, 3, 5)
        S.put(r, 6, basef, fmt=S.money(False), align="right")
        S.put(r, 9, taxf, fmt=S.money(), align="right")
        r += 1
    tax_end = r - 1
    if len(doc["groups"]) > 1 and doc["vat_total_line"]:
        S.put(r, 3, lab["total_vat"], align="right")
        S.merge(r, 3, 8)
        S.put(r, 9, f"=SUM(I{net_row + 1}:I{tax_end})", fmt=S.money(), align="right")
        r += 1
    S.put(r, 3, lab["gross"], bold=True, align="right", size=11)
    S.merge(r, 3, 8)
    S.put(r, 9, f"=SUM(I{net_row}:I{tax_end})", fmt=S.money(), bold=True, align="right", size=11)
    for c in range(3, 10):
        S.ws.cell(r, c).border = Border(top=THIN)
    S.ws.cell(r, 9).border = Border(top=THIN, bottom=DOUBLE)
    r += 2
    if doc["due"]:
        pay = {"de": "Zahlbar ohne Abzug bis:", "fr": "À régler avant le :", "en": "Please pay by:", "nl": "Te betalen vóór:",
               "it": "Da pagare entro il:", "es": "A pagar antes del:", "cs": "Splatné do:"}[doc["lang"]]
        S.put(r, 1, pay)
        S.merge(r, 1, 3)
        S.put(r, 4, doc["due"], fmt=S.date_fmt(), align="left", bold=True)
        S.merge(r, 4, 6)
        r += 1
    t = terms_text(doc)
    if t:
        S.put(r, 1, t)
        r += 1
    if plain:
        S.put(r, 1, currency_note(doc), size=9)
        r += 1
    if doc["lang"] == "de" and doc["country"] == "DE" and not doc["credit"]:
        S.put(r, 1, "Leistungsdatum entspricht dem Lieferdatum.", size=9)
        r += 1
    r += 1
    # footer in three blocks
    foot1 = [s["name"], s["street"], s["city"]]
    foot2 = [f"{lab['phone']} {s['phone']}", s["email"], s["web"]]
    foot3 = [bank_line(doc).replace(f"{lab['bank']}: ", "")] + ([f"BIC {s['bic']}"] if s["iban"] else [])
    foot3 += [f"{a}: {b}" for a, b in s["extra_ids"]]
    if s.get("tax_id"):
        foot3.append(f"{s['tax_label']}: {s['tax_id']}")
    for k in range(max(len(foot1), len(foot2), len(foot3))):
        for c, f in ((1, foot1), (4, foot2), (7, foot3)):
            if k < len(f):
                S.put(r + k, c, f[k], size=7, color="595959")
        S.merge(r + k, 1, 3)
        S.merge(r + k, 4, 6)
        S.merge(r + k, 7, 9)
    for c in range(1, 10):
        S.ws.cell(r, c).border = Border(top=THIN)
    r += max(len(foot1), len(foot2), len(foot3))
    page_setup(S, r, 9, hdr)


def t_facture(S: Sheet):
    """French 'modèle de facture Excel': supplier top left, boxed title and number top right, client box,
    info strip, Réf. / Désignation / Qté / Unité / PU HT / TVA / Montant HT, TVA recap table and totals
    HT / TVA / TTC, legal mentions in the footer."""
    doc, lab = S.doc, S.doc["lab"]
    s = doc["supplier"]
    col = doc["color"]
    S.cols([12, 40, 8, 8, 13, 8, 16])
    S.put(1, 1, s["name"], bold=True, size=S.fit(s["name"], 1, 4, 14), color=col)
    S.merge(1, 1, 4)
    S.height(1, 1.4, 14)
    r = 2
    for line in supplier_lines(doc, with_tax=False):
        S.put(r, 1, line, size=9)
        S.merge(r, 1, 2)
        r += 1
    S.put(1, 5, title(doc), bold=True, size=S.fit(title(doc), 5, 7, 16), align="center")
    S.merge(1, 5, 7)
    S.put(2, 5, number_label(doc) + " " + doc["number"], bold=True, align="center")
    S.merge(2, 5, 7)
    S.put(3, 5, lab["date"], align="right")
    S.put(3, 6, doc["date"], fmt=S.date_fmt(), align="left")
    S.merge(3, 6, 7)
    S.box(1, 5, 3, 7)
    r = max(r, 5) + 1
    S.put(r, 5, lab["customer"], bold=True, size=9)
    rr = r + 1
    for line in customer_lines(doc):
        S.put(rr, 5, line)
        S.merge(rr, 5, 7)
        rr += 1
    S.box(r, 5, rr - 1, 7)
    r = rr + 1
    heads = [(lab["customer_no"], doc["customer"]["number"]), (lab["po2"], ", ".join(doc["pos"]) or "-"),
             (lab["due"], doc["due"] or "-"), (lab["terms"], lab["terms_val"].format(n=doc["terms_days"]) if not doc["credit"] else "-")]
    spans = [(1, 1), (2, 2), (3, 5), (6, 7)]
    for (h, v), (c1, c2) in zip(heads, spans):
        S.put(r, c1, h, bold=True, size=9, align="center", fill="D9E1F2")
        if c2 > c1:
            S.merge(r, c1, c2)
            S.merge(r + 1, c1, c2)
        if isinstance(v, dt.date):
            S.put(r + 1, c1, v, fmt=S.date_fmt(), align="center")
        else:
            S.put(r + 1, c1, v, fmt="@", align="center")
    S.box(r, 1, r + 1, 7, inner=True)
    r += 2
    if doc["credit"]:
        S.put(r, 1, lab["refers_to"].format(n=doc["ref_invoice"]), italic=True)
        r += 1
    r += 1
    spec = [("code", lab["ref"], 1), ("desc", lab["desc"], 2), ("qty", lab["qty"], 3), ("unit", lab["unit"], 4),
            ("price", lab["unit_price"], 5), ("rate", lab["vat"], 6), ("total", lab["amount"], 7)]
    hdr, first, last = item_grid(S, r, spec, header_fill=col, header_color="FFFFFF", borders="grid")
    r = last + 2
    tf = tax_formulas(S, doc, 7, 6, first, last)
    top = r
    # VAT recap (left)
    S.put(r, 1, lab["rate_col"], bold=True, align="center", fill="D9E1F2")
    S.put(r, 2, lab["net_amount"], bold=True, align="right", fill="D9E1F2")
    S.put(r, 3, lab["vat_amount"], bold=True, align="right", fill="D9E1F2")
    S.merge(r, 3, 4)
    for k, (rate, basef, taxf) in enumerate(tf, 1):
        S.put(r + k, 1, float(rate), fmt=S.rate_fmt(rate), align="center")
        S.put(r + k, 2, basef, fmt=S.money(False), align="right")
        S.put(r + k, 3, taxf, fmt=S.money(False), align="right")
        S.merge(r + k, 3, 4)
    S.box(r, 1, r + len(tf), 4, inner=True)
    # totals (right)
    S.put(r, 5, lab["net"], bold=True, align="right")
    S.merge(r, 5, 6)
    S.put(r, 7, f"=SUM(G{first}:G{last})", fmt=S.money(), align="right")
    S.put(r + 1, 5, lab["total_vat"], bold=True, align="right")
    S.merge(r + 1, 5, 6)
    S.put(r + 1, 7, f"=SUM(C{r + 1}:C{r + len(tf)})", fmt=S.money(), align="right")
    S.put(r + 2, 5, lab["total_incl"], bold=True, align="right")
    S.merge(r + 2, 5, 6)
    S.put(r + 2, 7, f"=G{r}+G{r + 1}", fmt=S.money(), bold=True, align="right", fill="D9E1F2")
    S.box(r, 5, r + 2, 7, inner=True)
    r = max(r + 3, r + len(tf) + 1) + 1
    if doc["cur_style"] == "plain":
        S.put(r, 1, currency_note(doc), italic=True, size=9)
        r += 1
    t = terms_text(doc)
    if t:
        S.put(r, 1, t, size=9)
        r += 1
    S.put(r, 1, bank_line(doc), size=9)
    r += 1
    if doc["lang"] == "fr":
        S.put(r, 1, "En cas de retard de paiement, indemnité forfaitaire pour frais de recouvrement : 40 €.", size=8,
              italic=True)
        r += 1
    r += 1
    legal = " – ".join([s["name"]] + [f"{a} {b}" for a, b in s["extra_ids"]] +
                       ([f"{s['tax_label']} {s['tax_id']}"] if s.get("tax_id") else []))
    S.put(r, 1, legal, size=8, align="center", color="595959")
    S.merge(r, 1, 7)
    page_setup(S, r, 7, hdr)


BUILDERS = dict(service=t_service, sales=t_sales, simple=t_simple, vertex42=t_vertex42, rechnung=t_rechnung,
                facture=t_facture)


def build_xlsx(doc, path: Path):
    wb = Workbook()
    ws = wb.active
    ws.title = {"de": "Rechnung", "fr": "Facture", "nl": "Factuur", "it": "Fattura", "es": "Factura",
                "cs": "Faktura"}.get(doc["lang"], "Invoice")
    wb.properties.language = W.LOCALES[doc["loc"]]["lo"]
    wb.properties.creator = doc["supplier"]["contact"]
    wb.properties.title = f"{title(doc)} {doc['number']}"
    S = Sheet(ws, doc)
    BUILDERS[doc["template"]](S)
    wb.save(path)


# --------------------------------------------------------------------------- truth
def truth_of(doc) -> dict:
    t = {
        "document_type": "credit_note" if doc["credit"] else "invoice",
        "invoice_number": doc["number"],
        "invoice_date": doc["date"].isoformat(),
        "due_date": doc["due"].isoformat() if doc["due"] else None,
        "currency": doc["currency"],
        "total_excl_tax": dec_str(doc["net"], 2),
        "tax_amount": dec_str(doc["tax"], 2),
        "total_incl_tax": dec_str(doc["gross"], 2),
        "supplier_name": doc["supplier"]["name"],
        "supplier_tax_id": doc["supplier"].get("tax_id"),
    }
    if doc["pos"]:
        t["po_references"] = list(doc["pos"])
    items = []
    for it in doc["items"]:
        d = {"description": it["desc"], "quantity": dec_str(it["qty"]), "unit_price": dec_str(it["price"], it["pdec"]),
             "total": dec_str(it["total"], 2)}
        if doc["show_codes"]:
            d["product_code"] = it["code"]
        items.append(d)
    t["line_items"] = items
    if not tax_total_printed(doc):
        t["tax_amount"] = None
    t = {k: v for k, v in t.items() if v is not None}
    t["_source"] = f"{SET_NAME} seed {doc['seed']}"
    t["_style"] = {
        "template": doc["template"], "locale": doc["loc"], "vat_mode": doc["mode"],
        "vat_rates": [rate_str(g[0]) for g in doc["groups"]], "currency_style": doc["cur_style"],
        "date_format": doc["date_fmt"][0], "paper": doc["paper"], "font": doc["font"],
        "lcid_in_formats": doc["lcid_fmt"], "discount": doc["disc_mode"], "repeat_title_rows": doc["title_rows"],
        "items": len(doc["items"]), "producer": "openpyxl xlsx -> LibreOffice Calc PDF export",
    }
    return t


def tax_total_printed(doc) -> bool:
    """With several rates, 'simple' and 'rechnung' print the VAT total only in some variants."""
    return len(doc["groups"]) == 1 or doc["template"] not in ("simple", "rechnung") or doc["vat_total_line"]


def expected_strings(doc) -> list[tuple[str, str]]:
    loc = doc["loc"]
    out = [("invoice_number", doc["number"]), ("supplier_name", doc["supplier"]["name"]),
           ("invoice_date", fmt_date(doc["date"], doc["date_fmt"][1], loc)),
           ("total_excl_tax", fmt_num(doc["net"], 2, loc)), ("total_incl_tax", fmt_num(doc["gross"], 2, loc))]
    if tax_total_printed(doc):
        out.append(("tax_amount", fmt_num(doc["tax"], 2, loc)))
    if doc["due"]:
        out.append(("due_date", fmt_date(doc["due"], doc["date_fmt"][1], loc)))
    if doc["supplier"].get("tax_id"):
        out.append(("supplier_tax_id", doc["supplier"]["tax_id"]))
    for p in doc["pos"]:
        out.append(("po", p))
    for i, it in enumerate(doc["items"]):
        out.append((f"item{i}.desc", " ".join(it["desc"].split()[:3])))
        out.append((f"item{i}.total", fmt_num(it["total"], 2, loc)))
        out.append((f"item{i}.price", fmt_num(it["price"], it["pdec"], loc)))
        exp = max(0, -it["qty"].as_tuple().exponent)
        out.append((f"item{i}.qty", fmt_num(it["qty"], exp, loc)))
        if doc["show_codes"]:
            out.append((f"item{i}.code", it["code"]))
    if doc["cur_style"] == "code" or doc["cur_style"] == "plain":
        out.append(("currency", doc["currency"]))
    return out


def check_doc(doc, pdf: Path) -> list[str]:
    from pypdf import PdfReader
    problems = []
    reader = PdfReader(str(pdf))
    text = norm(" ".join(p.extract_text() or "" for p in reader.pages))
    if "###" in text:
        problems.append("'###' in text (column too narrow)")
    for key, s in expected_strings(doc):
        if norm(s) not in text:
            problems.append(f"{key}: {s!r} not found")
    # every text cell written must be printed whole (nothing clipped by a narrow column)
    joined = text.replace("- ", "-")
    for s in doc.get("_cells", []):
        if norm(s) not in text and norm(s) not in joined:
            problems.append(f"cell text {s!r} not printed whole")
    # amounts consistent
    if sum((it["total"] for it in doc["items"]), Decimal(0)) != doc["net"]:
        problems.append("items do not sum to net")
    if doc["net"] + doc["tax"] != doc["gross"]:
        problems.append("net + tax != gross")
    doc["_pages"] = len(reader.pages)
    return problems


# --------------------------------------------------------------------------- conversion
def lo_profile(loc: str) -> Path:
    base = Path(tempfile.gettempdir()) / f"calc_lo_profiles_{os.getuid()}" / loc
    user = base / "user"
    user.mkdir(parents=True, exist_ok=True)
    tag = W.LOCALES[loc]["lo"]
    (user / "registrymodifications.xcu").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{tag}</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" oor:op="fuse"><value>{tag}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
""")
    return base


def convert(files: list[Path], loc: str, outdir: Path):
    prof = lo_profile(loc)
    cmd = ["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--norestore",
           "--convert-to", "pdf:calc_pdf_Export", "--outdir", str(outdir)] + [str(f) for f in files]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    if res.returncode != 0:
        print(res.stdout, res.stderr, file=sys.stderr)
        raise SystemExit(f"soffice failed for {loc}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep-sheets", action="store_true", help="keep the .xlsx sources in OUTDIR/sheets")
    ap.add_argument("--no-check", action="store_true")
    args = ap.parse_args(argv)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    sheets = out / "sheets" if args.keep_sheets else Path(tempfile.mkdtemp(prefix="calc_sheets_"))
    sheets.mkdir(parents=True, exist_ok=True)
    docs = []
    for i in range(1, args.count + 1):
        doc = make_doc(args.seed, i)
        doc["stem"] = f"{i:03d}_{doc['template']}"
        build_xlsx(doc, sheets / f"{doc['stem']}.xlsx")
        docs.append(doc)
    by_loc: dict[str, list] = {}
    for d in docs:
        by_loc.setdefault(d["loc"], []).append(sheets / f"{d['stem']}.xlsx")
    for loc, files in sorted(by_loc.items()):
        convert(files, loc, out)
    bad = 0
    for d in docs:
        pdf = out / f"{d['stem']}.pdf"
        problems = [] if args.no_check else check_doc(d, pdf)
        t = truth_of(d)
        if "_pages" in d:
            t["_style"]["pages"] = d["_pages"]
        (out / f"{d['stem']}.json").write_text(json.dumps(t, ensure_ascii=False, indent=1) + "\n")
        if problems:
            bad += 1
            print(f"{d['stem']} ({d['loc']}): " + "; ".join(problems))
    if not args.keep_sheets:
        shutil.rmtree(sheets, ignore_errors=True)
    print(f"{len(docs)} documents in {out}, {bad} failed the check")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
