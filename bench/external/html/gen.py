#!/usr/bin/env python3
"""Invoice PDFs from third-party HTML/CSS invoice templates, printed by Chromium or WeasyPrint.

    .venv/bin/python gen.py OUTDIR --count N --seed S [--only TEMPLATE] [--keep-html]

Writes OUTDIR/NNN_<family>.pdf and OUTDIR/NNN_<family>.json (truth), then checks every PDF
against its truth with pypdf (see ``check``) and prints the documents that fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import jinja2
import pypdf

import locales as loc
import world as w

HERE = Path(__file__).resolve().parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# family -> (template file, design, can title a credit note, engines allowed)
FAMILIES = {
    "sparksuite": ("sparksuite.html.j2", None, True, ("chromium", "weasyprint")),
    "invoiceplane": ("invoiceplane.html.j2", None, True, ("chromium", "weasyprint")),
    "crater": ("crater.html.j2", None, False, ("chromium", "weasyprint")),
    "kimai": ("kimai.html.j2", None, True, ("chromium", "weasyprint")),
    "ninja-clean": ("invoiceninja.html.j2", "clean", True, ("chromium",)),
    "ninja-bold": ("invoiceninja.html.j2", "bold", True, ("chromium",)),
    "foggy": ("foggy.html.j2", None, True, ("chromium", "weasyprint")),
}
# Where each template came from. Only the MIT-licensed adaptations are shipped in templates/; a family
# whose template file is missing is skipped (its documents are not written; the other documents stay
# the same, as every document draws from its own seeded RNG). See README.md, "Templates".
TEMPLATE_ORIGIN = {
    "crater.html.j2": "crater-invoice/crater resources/views/app/pdf/invoice/invoice1.blade.php + "
                      "partials/table.blade.php (AGPL-3.0, not shipped)",
    "kimai.html.j2": "kimai/kimai templates/invoice/renderer/default.pdf.twig + assets/sass/invoice-pdf.scss "
                     "(AGPL-3.0 since 2024, earlier MIT; version used unknown, not shipped)",
    "invoiceninja.html.j2": "invoiceninja/invoiceninja resources/views/pdf-designs/clean.html + bold.html "
                            "(Elastic License 2.0, not shipped)",
    "foggy.html.j2": "the widely copied 'Invoice' HTML template, e.g. dzflack/ctf-challenges "
                     "challenges/ggrf/docker-files/template/pdf.html.tpl (licence unknown, not shipped)",
}
LANGS = ["en", "de", "fr", "nl", "it", "es", "pt", "cs"]
LANG_WEIGHTS = {"en": 4.5, "de": 3, "fr": 2.5, "nl": 1.5, "it": 1.5, "es": 1.5, "pt": 0.8, "cs": 0.8}

NATIVE = {"GB": "en", "IE": "en", "US": "en", "DE": "de", "AT": "de", "CH": "de", "FR": "fr",
          "BE": "nl", "NL": "nl", "IT": "it", "ES": "es", "PT": "pt", "CZ": "cs"}
COUNTRY_NAMES = {
    "GB": ("United Kingdom", "United Kingdom"), "IE": ("Ireland", "Ireland"),
    "US": ("United States", "USA"), "DE": ("Germany", "Deutschland"), "AT": ("Austria", "Österreich"),
    "CH": ("Switzerland", "Schweiz"), "FR": ("France", "France"), "BE": ("Belgium", "België"),
    "NL": ("Netherlands", "Nederland"), "IT": ("Italy", "Italia"), "ES": ("Spain", "España"),
    "PT": ("Portugal", "Portugal"), "CZ": ("Czech Republic", "Česká republika"),
}
DELIVERY = {"en": "Delivery note", "de": "Lieferschein", "fr": "Bon de livraison", "nl": "Pakbon",
            "it": "DDT", "es": "Albarán", "pt": "Guia de remessa", "cs": "Dodací list"}
ITEM_TAX = {"en": "Item Tax", "de": "Positionssteuer", "fr": "Taxe articles", "nl": "Artikel btw",
            "it": "Imposta articoli", "es": "Impuesto artículos", "pt": "Imposto artigos", "cs": "Daň položek"}
REF_INVOICE = {"en": "Re: invoice {n}", "de": "Bezug: Rechnung {n}", "fr": "Réf. facture {n}",
               "nl": "Betreft factuur {n}", "it": "Rif. fattura {n}", "es": "Rectifica la factura {n}",
               "pt": "Ref. fatura {n}", "cs": "K faktuře {n}"}
REG_IDS = {"GB": "Company No. {d8}", "DE": "HRB {d5}", "AT": "FN {d6}a", "CH": "", "FR": "SIRET {d3} {d3b} {d3c} {d5}",
           "BE": "", "NL": "KvK {d8}", "IT": "REA MI-{d6}", "ES": "", "PT": "", "CZ": "IČO {d8}", "IE": "CRO {d6}", "US": ""}


def D(x) -> Decimal:
    return Decimal(str(x))


def q2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def dstr(x: Decimal) -> str:
    """Decimal as a plain string without exponent, trailing zeros kept as given."""
    return format(x, "f")


# ---------------------------------------------------------------------------- the document

def draw_doc(rng: random.Random, idx: int, family: str, lang: str) -> dict:
    tpl_file, design, can_credit, engines = FAMILIES[family]
    country = rng.choice(w.LOCALE_COUNTRIES[lang])
    if lang == "en" and rng.random() < 0.2:
        country = rng.choice(["NL", "DE", "FR", "IT", "BE"])  # an English invoice from an EU supplier
    currency, rates, _, _, _ = w.COUNTRIES[country]
    if country == "CH" and lang == "fr":
        pass
    category = rng.choice(list(w.CATALOGUE))
    is_credit = can_credit and rng.random() < 0.18

    num_style = rng.choice(loc.num_styles(lang, country))
    money_pat = rng.choice(loc.money_patterns(lang, currency))
    date_fmt = rng.choice(loc.date_formats(lang, country))
    items_plain = family in ("invoiceplane", "kimai", "foggy", "sparksuite") and rng.random() < 0.35

    # supplier and customer
    sname = w.company_name(rng, lang if NATIVE[country] == lang else NATIVE[country], country, category)
    vat_id = w.tax_id(rng, country)
    if country == "US":
        vat_label = "EIN"
    elif country == "CH":
        vat_label = rng.choice(["MWST-Nr.", "UID", "N° TVA" if lang == "fr" else "MWST"])
    else:
        vat_label = loc.label(rng.choice(["vat_id", "vat_id", "vat_id_long"]), lang)
    digits = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    reg = REG_IDS.get(country, "").format(d8=digits(8), d5=digits(5), d6=digits(6), d3=digits(3),
                                          d3b=digits(3), d3c=digits(3))
    web_stem = re.sub(r"[^a-z]", "", sname.split()[0].lower().translate(str.maketrans("äöüéèêàçñóíúåšřčžý", "aoueeeacnoiuasrczy")))
    tld = {"GB": "co.uk", "US": "com", "CH": "ch", "AT": "at", "CZ": "cz"}.get(country, country.lower())
    supplier = {
        "name": sname,
        "short": sname.split()[0].upper() if rng.random() < 0.5 else sname.split()[0],
        "address": w.address(rng, country),
        "country_name": COUNTRY_NAMES[country][1 if NATIVE[country] == lang else 0],
        "vat_id": vat_id,
        "vat_label": vat_label,
        "id_number": reg,
        "phone": {"GB": "+44 20 7946 0", "IE": "+353 1 555 0", "US": "+1 212 555 0", "DE": "+49 40 3861 ",
                  "AT": "+43 1 512 ", "CH": "+41 44 668 ", "FR": "+33 1 42 68 ", "BE": "+32 2 511 ",
                  "NL": "+31 20 521 ", "IT": "+39 02 8734 ", "ES": "+34 91 123 ", "PT": "+351 21 340 ",
                  "CZ": "+420 222 510 "}[country] + digits(3),
        "email": f"accounts@{web_stem}.{tld}",
        "website": f"www.{web_stem}.{tld}",
        "iban": f"{country if country not in ('US',) else 'DE'}{digits(2)} {digits(4)} {digits(4)} {digits(4)} {digits(4)} {digits(2)}",
        "bic": f"{''.join(rng.choice('ABCDEFGHKLMNPRSTUVW') for _ in range(4))}{country if country != 'US' else 'DE'}{rng.choice(['2X', 'MM', 'FF', '22'])}",
    }
    ccountry = country if rng.random() < 0.85 else rng.choice(list(w.COUNTRIES))
    clang = NATIVE[ccountry] if NATIVE[ccountry] in w.CUSTOMERS else "en"
    customer = {
        "name": rng.choice(w.CUSTOMERS[lang if rng.random() < 0.8 else clang]),
        "address": w.address(rng, country),
        "email": "purchasing@example-hotel." + ("com" if country in ("US",) else country.lower()),
        "phone": None,
        "number": f"{rng.choice(['K', 'C', 'D', '']) }{rng.randint(10000, 99999)}" if rng.random() < 0.4 else None,
        "vat_id": w.tax_id(rng, ccountry) if (rng.random() < 0.3 and ccountry not in ("US", "CH")) else None,
    }
    if customer["vat_id"] and customer["vat_id"] == vat_id:
        customer["vat_id"] = None

    # dates and numbers
    inv_date = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 1030))
    terms_days = rng.choice([7, 10, 14, 14, 30, 30, 30, 45, 60])
    due_date = None if is_credit or rng.random() < 0.15 else inv_date + dt.timedelta(days=terms_days)
    y = inv_date.year
    if is_credit:
        number = rng.choice([f"CN-{y}-{rng.randint(1, 999):04d}", f"GS-{y}-{rng.randint(1, 99):03d}",
                             f"AV{y % 100}{rng.randint(1, 9999):04d}", f"NC-{y}/{rng.randint(1, 300):03d}",
                             f"C{rng.randint(1000, 9999)}"])
    else:
        number = rng.choice([f"INV-{y}-{rng.randint(1, 9999):04d}", f"RE-{y}-{rng.randint(100, 9999)}",
                             f"F{y}-{rng.randint(1, 99999):05d}", f"{y}/{rng.randint(1, 2000):04d}",
                             f"FA-{y % 100}-{rng.randint(1, 9999):04d}", f"{rng.randint(10000, 99999)}",
                             f"{y}{rng.randint(1, 12):02d}{rng.randint(1, 999):03d}",
                             f"FAC-{rng.randint(1, 999999):06d}"])
    orig_number = f"INV-{y}-{rng.randint(1, 9999):04d}" if is_credit else None
    po = None
    if rng.random() < 0.4:
        po = rng.choice([f"PO-{rng.randint(10000, 99999)}", f"45{digits(8)}", f"BST-{y}-{rng.randint(1, 999):03d}",
                         f"OC-{y}-{rng.randint(1, 9999):04d}",
                         f"{customer['name'].split()[0][:3].upper()}-{rng.randint(100, 999)}"])

    # tax rates
    std = D(rates[0])
    red = D(rates[1]) if len(rates) > 1 else std
    if country == "GB":
        red = D("0")
    single_rate = family == "kimai" or country == "US" or rng.random() < 0.35
    if family == "kimai" and category == "food" and rng.random() < 0.7:
        only_rate = red
    else:
        only_rate = std

    # items
    r = rng.random()
    n = rng.randint(1, 4) if is_credit else (rng.randint(1, 5) if r < 0.4 else rng.randint(6, 12) if r < 0.75 else rng.randint(13, 25))
    allow_fine_price = family in ("invoiceplane", "kimai", "ninja-clean", "ninja-bold", "foggy")
    cats = [category] + ([rng.choice(list(w.CATALOGUE))] if rng.random() < 0.3 else [])
    pool = [p for c in cats for p in w.CATALOGUE[c]]
    codes = {}
    used = {}
    items = []
    date_span = max(1, min(28, n))
    for i in range(n):
        prefix, names, (lo, hi), kind, rclass = rng.choice(pool)
        name = names[lang]
        key = name
        if key not in codes:
            codes[key] = rng.choice([f"{prefix}-{rng.randint(1000, 9999)}", f"{prefix}{rng.randint(10000, 99999)}",
                                     f"{rng.randint(100000, 999999)}", f"{prefix}-{rng.randint(100, 999)}-{rng.choice('ABCDEFGH')}"])
        line_date = inv_date - dt.timedelta(days=rng.randint(0, date_span))
        used[key] = used.get(key, 0) + 1
        if used[key] > 1:
            name = f"{name} – {loc.fmt_date(line_date, date_fmt, lang)}"
        decimals = 2
        if kind == "int":
            qty = D(rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 40]))
        elif kind == "kg":
            qty = D(rng.choice(["0.5", "1.2", "2.5", "3.75", "4", "5.5", "7.25", "12.4", "1.850", "2.345"]))
        elif kind == "pieces":
            qty = D(rng.choice([250, 500, 1000, 1500, 2000, 3000, 5000]))
        elif kind == "hours":
            qty = D(rng.choice(["0.5", "1", "1.5", "2", "2.5", "3", "4", "6.5"]))
        else:
            qty = D(1)
        if kind == "pieces":
            if allow_fine_price:
                decimals = rng.choice([3, 4])
            else:
                lo, hi = max(lo, 0.05), max(hi, 0.15)
        price = D(str(round(rng.uniform(lo, hi), decimals)))
        price = price.quantize(Decimal(1).scaleb(-decimals))
        if price <= 0:
            price = Decimal(1).scaleb(-decimals)
        rate = only_rate if single_rate else (red if rclass == "red" else std)
        detail = None
        if rng.random() < 0.25:
            detail = f"{DELIVERY[lang]} {rng.randint(10000, 99999)}, {loc.fmt_date(line_date, date_fmt, lang)}"
        items.append({"name": name, "detail": detail, "code": codes[key], "qty": qty, "price": price,
                      "decimals": decimals, "rate": rate, "date": line_date})
    if not is_credit and rng.random() < 0.25:
        items.append({"name": w.EXTRA_LINES["shipping"][lang], "detail": None, "code": "SHIP",
                      "qty": D(1), "price": D(rng.choice(["9.90", "12.50", "15.00", "25.00", "39.00"])),
                      "decimals": 2, "rate": only_rate if single_rate else std, "date": inv_date})
    if not is_credit and single_rate and rng.random() < 0.2:
        gross = sum(q2(it["qty"] * it["price"]) for it in items)
        disc = q2(gross * D(rng.choice(["0.02", "0.03", "0.05", "0.1"])))
        if disc > 0:
            items.append({"name": w.EXTRA_LINES["discount"][lang], "detail": None, "code": "DISC",
                          "qty": D(1), "price": -disc, "decimals": 2, "rate": only_rate, "date": inv_date})
    for it in items:
        it["total"] = q2(it["qty"] * it["price"])

    net = sum((it["total"] for it in items), Decimal("0"))
    by_rate: dict[Decimal, Decimal] = {}
    for it in items:
        by_rate[it["rate"]] = by_rate.get(it["rate"], Decimal("0")) + it["total"]
    tax_rows = [(rate, q2(base * rate / 100)) for rate, base in sorted(by_rate.items(), key=lambda x: -x[0])]
    tax = sum((t for _, t in tax_rows), Decimal("0"))
    gross = net + tax

    return dict(family=family, tpl_file=tpl_file, design=design, engine="weasyprint" if len(engines) > 1 and rng.random() < 0.35 else "chromium",
                lang=lang, country=country, currency=currency, category=category, is_credit=is_credit,
                num_style=num_style, money_pat=money_pat, date_fmt=date_fmt, items_plain=items_plain,
                supplier=supplier, customer=customer, inv_date=inv_date, due_date=due_date, terms_days=terms_days,
                number=number, orig_number=orig_number, po=po, items=items, net=net, tax_rows=tax_rows, tax=tax,
                gross=gross, single_rate=single_rate)


# ---------------------------------------------------------------------------- rendering context

def fmt_quantity(qty: Decimal, style: str, fixed: int | None) -> str:
    """Quantity as the template prints it: natural (2, 2.5, 1.850) or with at least ``fixed`` decimals."""
    if fixed is None:
        if qty == qty.to_integral_value():
            return loc.fmt_num(qty, style, 0)
        return loc.fmt_num(qty, style, -qty.as_tuple().exponent)
    decs = max(fixed, -qty.normalize().as_tuple().exponent)
    return loc.fmt_num(qty, style, decs)


def context(doc: dict, rng: random.Random) -> tuple[dict, list[tuple[str, str]]]:
    """Template variables, and the list of (what, string) that must be found in the PDF text."""
    lang, fam = doc["lang"], doc["family"]
    ns, cur, pat = doc["num_style"], doc["currency"], doc["money_pat"]
    L = {k: v[lang] for k, v in loc.L.items()}
    money = lambda x, d=2: loc.fmt_money(x, cur, ns, pat, d)  # noqa: E731
    item_money = (lambda x, d=2: loc.fmt_num(x, ns, d)) if doc["items_plain"] else money  # noqa: E731
    date = loc.fmt_date(doc["inv_date"], doc["date_fmt"], lang)
    due = loc.fmt_date(doc["due_date"], doc["date_fmt"], lang) if doc["due_date"] else None
    title = L["credit_note"] if doc["is_credit"] else L["invoice"]
    L["number_label"] = L["cn_number"] if doc["is_credit"] else L["number"]
    L["entity_number"] = L["credit_number"] if doc["is_credit"] else L["invoice_number"]
    L["entity_date"] = L["credit_date"] if doc["is_credit"] else L["invoice_date"]
    L["entity_balance"] = L["credit_amount"] if doc["is_credit"] else L["balance_due"]
    if doc["is_credit"]:
        L["invoice_number"] = L["credit_number"]
        L["invoice_date"] = L["credit_date"]

    dec_sep = loc.NUM_STYLES[ns][1]
    tax_word = loc.label("sales_tax" if doc["country"] == "US" else ("vat_ch" if doc["country"] == "CH" else "vat"), lang)
    tax_style = rng.choice(["{w} {r}%", "{w} {r} %", "{w} ({r}%)", "{r}% {w}"]) if lang != "fr" else rng.choice(["{w} {r} %", "{w} ({r} %)", "{w} {r}%"])
    if fam in ("invoiceplane", "crater"):
        tax_style = "{w} ({r}%)"
    if fam == "kimai":
        tax_style = "{w} ({r}%)"
    taxes = []
    ip_item_tax = fam == "invoiceplane" and len(doc["tax_rows"]) > 1 and rng.random() < 0.4
    if ip_item_tax:
        taxes.append({"label": ITEM_TAX[lang], "amount": money(doc["tax"])})
    else:
        for rate, amount in doc["tax_rows"]:
            rs = loc.fmt_qty(rate, ns if ns not in ("plain_comma", "plain_dot") else ("de" if dec_sep == "," else "en"))
            taxes.append({"label": tax_style.format(w=tax_word, r=rs), "amount": money(amount)})

    qty_fixed = 2 if fam == "invoiceplane" else (rng.choice([None, 2]) if fam in ("kimai", "foggy") else None)
    qty_style = ns
    ip_code_variant = fam == "invoiceplane" and rng.random() < 0.4
    items = []
    for it in doc["items"]:
        qs = fmt_quantity(it["qty"], qty_style, qty_fixed)
        row = {
            "name": it["name"], "desc": it["detail"], "code": it["code"], "qty": qs,
            "unit": item_money(it["price"], it["decimals"]), "total": item_money(it["total"]),
            "date": loc.fmt_date(it["date"], doc["date_fmt"], lang),
            "rate": loc.fmt_qty(it["rate"], "en" if dec_sep == "." else "de") + "%",
        }
        if fam == "invoiceplane":
            row["col1"], row["col2"] = (it["code"], it["name"]) if ip_code_variant else (it["name"], it["detail"] or "")
        items.append(row)

    terms = L["cn_text"] if doc["is_credit"] else L["terms_text"].format(d=doc["terms_days"])
    notes = REF_INVOICE[lang].format(n=doc["orig_number"]) if doc["is_credit"] else (
        rng.choice([None, L["thanks"]]))
    sup = dict(doc["supplier"])
    vat_line = sup["vat_id"] if rng.random() < 0.5 else f"{sup['vat_label']}: {sup['vat_id']}"
    payment_method = L["bank_transfer"] if rng.random() < 0.8 else L["direct_debit"]
    page_size = "Letter" if doc["country"] == "US" else "A4"
    ctx = dict(
        lang=lang, title=title, number=doc["number"], date=date, due=due, po=doc["po"], L=L,
        supplier=sup, customer=doc["customer"], items=items, subtotal=money(doc["net"]), taxes=taxes,
        total=money(doc["gross"]), paid=money(0), balance=money(doc["gross"]), terms=terms, notes=notes,
        payment_method=payment_method, payment_ref_label="IBAN", payment_ref=sup["iban"],
        page_size=page_size, page_margin=rng.choice(["12mm", "15mm", "10mm 14mm"]), font_px=rng.choice([12, 13, 14]),
        shadow=False, design=doc["design"], primary=rng.choice(["#298AAB", "#4e4e4e", "#2d6a4f", "#5851DB", "#b5451b"]),
        accent=rng.choice(["#57B223", "#0087C3", "#8a5a44", "#444444"]), cell_pad=rng.choice([8, 12, 20]),
        vat_line=vat_line, tax_column=(fam.startswith("ninja") and not doc["single_rate"] and rng.random() < 0.6),
        footer=f"{sup['name']} · IBAN {sup['iban']} · BIC {sup['bic']}", notice=L["notice_text"],
        intro=None, ship_to=(w.address(rng, doc["country"]) if fam == "crater" and rng.random() < 0.4 else None),
    )
    if fam == "sparksuite":
        ctx["font_px"] = rng.choice([13, 14, 16])
        ctx["shadow"] = rng.random() < 0.3
    if fam == "kimai":
        ctx["font_px"] = 13

    # strings that must be printed
    must = [("invoice_number", doc["number"]), ("invoice_date", date), ("supplier_name", sup["name"]),
            ("supplier_tax_id", sup["vat_id"]), ("total_excl_tax", ctx["subtotal"]), ("total_incl_tax", ctx["total"])]
    if due:
        must.append(("due_date", due))
    if doc["po"]:
        must.append(("po", doc["po"]))
    if ip_item_tax:
        must.append(("tax_amount", money(doc["tax"])))
    elif len(taxes) == 1:
        must.append(("tax_amount", taxes[0]["amount"]))
    for row in items:
        must.append(("item.description", row["name"]))  # whole name; line wraps are tolerated by check()
        must.append(("item.total", row["total"]))
        if fam != "sparksuite":
            must.append(("item.unit_price", row["unit"]))
            must.append(("item.quantity", row["qty"]))
        if fam.startswith("ninja") or (fam == "invoiceplane" and ip_code_variant):
            must.append(("item.product_code", row["code"]))
    extra = dict(ip_item_tax=ip_item_tax, ip_code_variant=ip_code_variant, qty_fixed=qty_fixed,
                 tax_style=tax_style, vat_line_labelled=vat_line != sup["vat_id"], page_size=page_size,
                 tax_column=ctx["tax_column"])
    return ctx, must, extra


def truth_of(doc: dict, extra: dict, seed: int, pages: int) -> dict:
    fam = doc["family"]
    items = []
    for it in doc["items"]:
        t = {"description": it["name"], "total": dstr(it["total"])}
        if fam != "sparksuite":
            t["quantity"] = dstr(it["qty"].normalize() if it["qty"] == it["qty"].to_integral_value() else it["qty"])
            if t["quantity"].endswith(".0"):
                t["quantity"] = t["quantity"][:-2]
            t["unit_price"] = dstr(it["price"])
        if fam.startswith("ninja") or (fam == "invoiceplane" and extra["ip_code_variant"]):
            t["product_code"] = it["code"]
        items.append(t)
    truth = {
        "document_type": "credit_note" if doc["is_credit"] else "invoice",
        "invoice_number": doc["number"],
        "invoice_date": doc["inv_date"].isoformat(),
        "due_date": doc["due_date"].isoformat() if doc["due_date"] else None,
        "currency": doc["currency"],
        "total_excl_tax": dstr(doc["net"]),
        "tax_amount": dstr(doc["tax"]),
        "total_incl_tax": dstr(doc["gross"]),
        "supplier_name": doc["supplier"]["name"],
        "supplier_tax_id": doc["supplier"]["vat_id"],
    }
    if doc["po"]:
        truth["po_references"] = [doc["po"]]
    truth["line_items"] = items
    truth["_source"] = f"html seed {seed}"
    truth["_style"] = {
        "template": fam, "engine": doc["engine"], "locale": doc["lang"], "country": doc["country"],
        "number_format": doc["num_style"], "money_format": doc["money_pat"], "date_format": doc["date_fmt"],
        "item_amounts_without_currency": doc["items_plain"], "items": len(items), "pages": pages,
        "vat_rates": [dstr(r) for r, _ in doc["tax_rows"]], "category": doc["category"],
        **{k: v for k, v in extra.items()},
    }
    return {k: v for k, v in truth.items() if v is not None}


# ---------------------------------------------------------------------------- printing and checking

def print_pdf(html_path: Path, pdf_path: Path, engine: str) -> None:
    if engine == "chromium":
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
               "--disable-dev-shm-usage", f"--print-to-pdf={pdf_path}", html_path.as_uri()]
        for _ in range(3):
            subprocess.run(cmd, capture_output=True, timeout=120)
            if pdf_path.exists() and pdf_path.stat().st_size > 1000:
                return
        raise RuntimeError(f"chromium produced no PDF for {html_path}")
    import weasyprint  # noqa: PLC0415
    weasyprint.HTML(filename=str(html_path)).write_pdf(str(pdf_path))


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)  # Chromium's ToUnicode keeps ligatures (U+FB01 ...)
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    return re.sub(r"\s+", " ", s).strip()


def check(pdf_path: Path, truth: dict, must: list[tuple[str, str]]) -> list[str]:
    reader = pypdf.PdfReader(str(pdf_path))
    text = norm(" ".join(p.extract_text() or "" for p in reader.pages))
    text_nospace = text.replace(" ", "")
    problems = []
    for what, s in must:
        s2 = norm(s)
        if s2 not in text and s2.replace(" ", "") not in text_nospace:
            problems.append(f"{what} {s!r} not in text")
    # amounts
    items = truth["line_items"]
    net, tax, gross = D(truth["total_excl_tax"]), D(truth["tax_amount"]), D(truth["total_incl_tax"])
    if sum(D(i["total"]) for i in items) != net:
        problems.append("sum of item totals != net")
    if net + tax != gross:
        problems.append("net + tax != gross")
    for i in items:
        if "quantity" in i and q2(D(i["quantity"]) * D(i["unit_price"])) != D(i["total"]):
            problems.append(f"qty*price != total for {i['description']!r}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", default=None, help="one family only (debugging)")
    ap.add_argument("--keep-html", action="store_true", help="keep the filled HTML beside the PDF")
    args = ap.parse_args(argv)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    master = random.Random(args.seed)
    fams = list(FAMILIES) if not args.only else [args.only]
    fam_order = fams[:]
    master.shuffle(fam_order)
    lang_order = LANGS[:]
    master.shuffle(lang_order)
    failed = 0
    missing = {f for f in fams if not (HERE / "templates" / FAMILIES[f][0]).exists()}
    for f in sorted(missing):
        tpl = FAMILIES[f][0]
        print(f"SKIPPING family {f!r}: templates/{tpl} is missing (adapted from "
              f"{TEMPLATE_ORIGIN.get(tpl, '?')}; see README.md)", file=sys.stderr)
    skipped = 0
    tmp = Path(tempfile.mkdtemp(prefix="htmlinv-"))
    for i in range(args.count):
        rng = random.Random(f"{args.seed}-{i}")
        family = fam_order[i % len(fam_order)] if i < 2 * len(fam_order) else rng.choice(fams)
        if family in missing:
            skipped += 1
            print(f"{i + 1:03d}_{family}: skipped (template missing)", flush=True)
            continue
        lang = lang_order[i % len(lang_order)] if i < len(lang_order) * 2 else rng.choices(
            LANGS, weights=[LANG_WEIGHTS[x] for x in LANGS])[0]
        doc = draw_doc(rng, i, family, lang)
        ctx, must, extra = context(doc, rng)
        html = env.get_template(doc["tpl_file"]).render(**ctx)
        stem = f"{i + 1:03d}_{family}"
        html_path = (out if args.keep_html else tmp) / f"{stem}.html"
        html_path.write_text(html, encoding="utf-8")
        pdf_path = out / f"{stem}.pdf"
        if pdf_path.exists():
            pdf_path.unlink()
        print_pdf(html_path, pdf_path, doc["engine"])
        pages = len(pypdf.PdfReader(str(pdf_path)).pages)
        truth = truth_of(doc, extra, args.seed, pages)
        (out / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2), encoding="utf-8")
        problems = check(pdf_path, truth, must)
        status = "ok" if not problems else "FAIL"
        print(f"{stem}: {status} {doc['engine']} {lang}/{doc['country']} {doc['currency']} "
              f"items={len(doc['items'])} pages={pages}{' credit' if doc['is_credit'] else ''}", flush=True)
        for p in problems:
            print(f"    {p}")
        failed += bool(problems)
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{args.count - skipped - failed} passed, {failed} failed"
          + (f", {skipped} skipped (template missing)" if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
