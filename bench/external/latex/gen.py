#!/usr/bin/env python3
"""Invoice PDFs from third-party LaTeX invoice templates, with truth JSON.

    python3 gen.py OUTDIR --count N --seed S [--keep-tex]

Families (templates written by other people; see README.md):
  invoice2   CTAN invoice2 (Simon Dierl): booktabs longtable, per-line VAT, gross line prices
  corff      CTAN invoice (Oliver Corff): projects with fee lines (rate x count), truncating arithmetic
  simpleinv  CTAN simpleinvoice (Mathias Lohne): tabularx, item price / VAT % / sum
  treyhunner GitHub treyhunner/invoices invoice.cls: US hours x rate longtable, no tax
  mrzool     GitHub mrzool/invoice-boilerplate template.tex (xelatex + spreadtab): services + one VAT
             (not shipped with this repository, see README.md: the family is skipped when
             templates/mrzool/template.tex is missing)
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
import unicodedata
import sys
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from locales import CUR_SYMBOL, L, LOCALES, fmt_date, fmt_num, q2, tax_id  # noqa: E402
from world import BASES, COUNTRIES, CUSTOMERS, GOODS, LANGS, LONG_TAIL, SERVICES  # noqa: E402

SET_NAME = "latex"
D = Decimal

FAMILIES = {
    # family: (weight, locales)
    "invoice2": (30, ["en-GB", "en-IE", "en-US", "de-DE", "de-AT", "de-CH", "fr-FR", "fr-BE", "fr-CH", "nl-NL", "it-IT", "es-ES"]),
    "corff": (20, ["en-GB", "en-US", "de-DE", "de-AT", "fr-FR", "fr-BE", "nl-NL", "it-IT", "es-ES", "cs-CZ", "sv-SE"]),
    "simpleinv": (15, ["en-GB", "en-IE", "nb-NO", "de-DE", "fr-FR"]),
    "treyhunner": (15, ["en-US"]),
    "mrzool": (20, ["en-GB", "en-IE", "de-DE", "de-AT", "fr-FR", "fr-BE", "it-IT", "nl-NL", "es-ES"]),
}

# Template files copied from GitHub. A family whose file is missing is skipped (its documents are not
# written; the other documents stay the same, as every document draws from its own seeded RNG).
TEMPLATE_FILES = {
    "treyhunner": (HERE / "templates/treyhunner/invoice.cls",
                   "https://github.com/treyhunner/invoices, file invoice.cls (MIT)"),
    "mrzool": (HERE / "templates/mrzool/template.tex",
               "https://github.com/mrzool/invoice-boilerplate, file template.tex (licence GPL-3 / unclear; "
               "not redistributed here)"),
}

BABEL = {"en": "english", "de": "ngerman", "fr": "french", "nl": "dutch", "it": "italian", "es": "spanish",
         "cs": "czech", "sv": "swedish", "nb": "norsk"}


# ---------------------------------------------------------------- helpers
def tex(s: str) -> str:
    """Escape plain text for LaTeX."""
    rep = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
           "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}", "\u202f": r"\,", "€": r"\texteuro{}"}
    return "".join(rep.get(c, c) for c in s)


def printed(s: str) -> str:
    """How pdflatex/xelatex (T1 / tex-text mapping) print a plain string: ' becomes a right quote."""
    return s.replace("'", "\u2019")


def dstr(d: Decimal) -> str:
    return format(d, "f")


def name_of(entry, lang):
    names = entry[3].split("|")
    return names[LANGS.index(lang)]


def pick_items(rng, lang, cat, n, kinds=("goods",)):
    pool = []
    for kind in kinds:
        src = GOODS if kind == "goods" else SERVICES
        for e in src:
            w = 6 if (e[0] == cat or kind == "services") else 1
            pool += [(kind, e)] * w
    items, seen = [], set()
    for _ in range(n):
        for _try in range(20):
            kind, e = rng.choice(pool)
            desc = name_of(e, lang)
            if desc not in seen or len(seen) >= len(set(name_of(x[1], lang) for x in pool)):
                break
        if desc in seen:
            desc = f"{desc} ({len(items) + 1})"
        seen.add(desc)
        lo, hi = e[2]
        price = q2(D(str(rng.uniform(lo, hi))))
        if kind == "services":
            if e[2][1] < 5:  # per km
                qty = D(rng.randint(8, 160))
            else:
                qty = D(rng.randint(1, 40)) / 4
        elif rng.random() < 0.25:
            qty = D(rng.randint(2, 60)) / 4
        else:
            qty = D(rng.choice([1, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 36, 48, 60, 100]))
        if price > 500:
            qty = D(rng.randint(1, 2))
        elif price > 40 and kind == "goods":
            qty = D(rng.randint(1, 8))
        items.append(dict(desc=desc, qty=qty, price=price, cat=e[0], vclass=e[1], kind=kind))
    return items


def make_party(rng, country, cat):
    c = COUNTRIES[country]
    base = rng.choice(BASES[cat])
    form = rng.choice(c["forms"])
    zipc, city, street = rng.choice(c["cities"])
    return dict(name=f"{base} {form}", street=street, zip=zipc, city=city, country=country)


def make_common(rng, family, seed):
    loc = rng.choice(FAMILIES[family][1])
    lang, country, numstyle, datestyle, currency, rates = LOCALES[loc]
    cat = rng.choice(["food", "food", "bev", "clean", "linen", "equip", "svc"])
    sup = make_party(rng, country, cat)
    sup["tax_id"] = tax_id(country, rng)
    cust_zip, cust_city, cust_street = rng.choice(COUNTRIES[country]["cities"])
    cust = dict(name=rng.choice(CUSTOMERS), street=cust_street, zip=cust_zip, city=cust_city)
    year = rng.choice([2023, 2024, 2025])
    idate = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
    due_days = rng.choice([7, 10, 14, 14, 21, 30, 30, 45, 60])
    ddate = idate + dt.timedelta(days=due_days)
    nfmt = rng.choice(["RE-{y}-{n:04d}", "F{y}/{n:05d}", "INV-{n:05d}", "{y}-{n:04d}", "FA{yy}-{n:05d}", "{y}{m:02d}{n:03d}", "R{n:06d}"])
    number = nfmt.format(y=year, yy=year % 100, m=idate.month, n=rng.randint(1, 99999) % (10 ** 4 if "04d" in nfmt else 10 ** 5))
    pos = []
    if rng.random() < 0.45:
        pfmt = rng.choice(["PO-{n:05d}", "45{n:08d}", "BE-{y}-{n:03d}", "CMD{n:06d}", "ORD-{n:04d}"])
        for _ in range(1 if rng.random() < 0.8 else 2):
            pos.append(pfmt.format(n=rng.randint(1, 99999), y=year))
    return dict(family=family, locale=loc, lang=lang, country=country, numstyle=numstyle, datestyle=datestyle,
                currency=currency, rates=rates, cat=cat, sup=sup, cust=cust, idate=idate, ddate=ddate,
                due_days=due_days, number=number, pos=pos, seed=seed)


def n_items(rng, cap=25):
    r = rng.random()
    if r < 0.12:
        n = rng.randint(1, 2)
    elif r < 0.7:
        n = rng.randint(3, 9)
    elif r < 0.85:
        n = rng.randint(10, 16)
    else:
        n = rng.randint(17, 25)
    return min(n, cap)


def maybe_long(rng, items, lang, p=0.15):
    for it in items:
        if rng.random() < p:
            it["desc"] = f"{it['desc']}, {LONG_TAIL[lang]}"


def rate_for(doc, it, multi):
    rates = doc["rates"]
    if not multi:
        return D(rates[0])
    if it["vclass"] == "red" and len(rates) > 1:
        return D(rates[1])
    return D(rates[0])


def base_truth(doc, credit=False):
    t = {"document_type": "credit_note" if credit else "invoice",
         "invoice_number": doc["number"], "invoice_date": doc["idate"].isoformat(),
         "currency": doc["currency"], "supplier_name": doc["sup"]["name"],
         "supplier_tax_id": doc["sup"]["tax_id"]}
    if doc["pos"]:
        t["po_references"] = list(doc["pos"])
    return t


def vat_label(doc):
    if doc["country"] == "US":
        return "EIN"
    if doc["country"] == "CH":
        return {"de": "MWST-Nr.", "fr": "N° TVA"}.get(doc["lang"], "VAT No.")
    return L[doc["lang"]]["vat"]


# ---------------------------------------------------------------- header (families whose template has no header)
def header_tex(doc, rng, credit, show_due, show_taxid=True):
    lang = doc["lang"]
    lab = L[lang]
    sup, cust = doc["sup"], doc["cust"]
    ds = doc["datestyle"] if rng.random() < 0.7 else "long"
    if doc["country"] == "US":
        ds = rng.choice(["mdy_long", "mdy/"])
    doc["_ds"] = ds
    idate = fmt_date(doc["idate"], ds, lang)
    ddate = fmt_date(doc["ddate"], ds, lang)
    title = lab["credit"] if credit else lab["invoice"]
    numlab = lab["cnumber"] if credit else lab["number"]
    expect = [sup["name"], doc["number"], idate]
    rows = [(numlab, doc["number"]), (lab["date"], idate)]
    if show_due:
        rows.append((lab["due"], ddate))
        expect.append(ddate)
    for p in doc["pos"]:
        rows.append((lab["po"], p))
        expect.append(p)
    meta = "\\begin{tabular}{@{}l@{\\quad}l@{}}\n" + "".join(
        f"\\textbf{{{tex(a)}}} & {tex(b)}\\\\\n" for a, b in rows) + "\\end{tabular}"
    taxline = f"{tex(vat_label(doc))}: {tex(sup['tax_id'])}" if show_taxid else ""
    if show_taxid:
        expect.append(sup["tax_id"])
    custblock = (f"\\textbf{{{tex(lab['billto'])}}}\\\\\n{tex(cust['name'])}\\\\\n{tex(cust['street'])}\\\\\n"
                 f"{tex(cust['zip'])} {tex(cust['city'])}")
    variant = rng.choice(["split", "centered"])
    doc["_header"] = variant
    if variant == "split":
        s = (f"\\noindent\\begin{{minipage}}[t]{{0.55\\textwidth}}\n{{\\Large\\bfseries {tex(sup['name'])}}}\\\\\n"
             f"{tex(sup['street'])}\\\\\n{tex(sup['zip'])} {tex(sup['city'])}\\\\\n{taxline}\n\\end{{minipage}}\\hfill\n"
             f"\\begin{{minipage}}[t]{{0.4\\textwidth}}\\raggedleft\n{{\\huge {tex(title)}}}\\\\[2ex]\n{meta}\n\\end{{minipage}}\n\n"
             f"\\vspace{{8mm}}\n\\noindent {custblock}\n\n\\vspace{{8mm}}\n")
    else:
        s = (f"\\begin{{center}}{{\\LARGE\\bfseries {tex(sup['name'])}}}\\\\\n"
             f"{tex(sup['street'])}, {tex(sup['zip'])} {tex(sup['city'])}"
             f"{' -- ' + taxline if show_taxid else ''}\\end{{center}}\n\\hrule\\vspace{{6mm}}\n"
             f"\\noindent\\begin{{minipage}}[t]{{0.5\\textwidth}}\n{custblock}\n\\end{{minipage}}\\hfill\n"
             f"\\begin{{minipage}}[t]{{0.45\\textwidth}}\\raggedleft\n{{\\Large\\bfseries {tex(title)}}}\\\\[1ex]\n{meta}\n\\end{{minipage}}\n\n\\vspace{{8mm}}\n")
    return s, expect, ddate


def footer_tex(doc, rng, credit, show_due, ddate):
    lab = L[doc["lang"]]
    if credit:
        txt = lab["cterms"]
    elif show_due:
        txt = lab["terms"].format(due=ddate)
    else:
        txt = {"en": "Payable within {n} days.", "de": "Zahlbar innerhalb von {n} Tagen.", "fr": "Payable à {n} jours.",
               "nl": "Betaalbaar binnen {n} dagen.", "it": "Pagamento a {n} giorni.", "es": "Pago a {n} días.",
               "cs": "Splatnost {n} dní.", "sv": "Betalningsvillkor {n} dagar.", "nb": "Betalingsfrist {n} dager."}[doc["lang"]].format(n=doc["due_days"])
    iban = "DE89 3704 0044 0532 0130 00" if doc["currency"] == "EUR" else "GB29 NWBK 6016 1331 9268 19"
    return f"\n\\vspace{{8mm}}\n\\noindent {tex(txt)}\\\\\nIBAN: {iban}\n"


def font_pkgs(rng):
    f = rng.choice(["lmodern", "lmodern", "helvet", "times", "palatino", "charter"])
    return f, {"lmodern": "\\usepackage{lmodern}",
               "helvet": "\\usepackage{lmodern}\\usepackage[scaled]{helvet}\\renewcommand{\\familydefault}{\\sfdefault}",
               "times": "\\usepackage{mathptmx}", "palatino": "\\usepackage{mathpazo}",
               "charter": "\\usepackage{charter}"}[f]


# ---------------------------------------------------------------- family: invoice2
I2_TR = {
    # lang: (LanguageName, labels amount,item,vat,unit,price,net,vattotal,gross or None to keep package ones)
    "en": ("English", None),
    "de": ("German", None),
    "fr": ("French", ["Qté", "Désignation", "TVA", "Prix unitaire HT", "Montant TTC", "Total HT", "TVA", "Total TTC"]),
    "nl": ("Dutch", ["Aantal", "Omschrijving", "BTW", "Stukprijs", "Bedrag", "Totaal excl. BTW", "BTW", "Totaal incl. BTW"]),
    "it": ("Italian", ["Q.tà", "Descrizione", "IVA", "Prezzo unitario", "Importo", "Imponibile", "IVA", "Totale"]),
    "es": ("Spanish", ["Cant.", "Descripción", "IVA", "Precio unitario", "Importe", "Base imponible", "IVA", "Total"]),
}
I2_KEYS = ["amount", "item", "vat", "unit-price", "price", "net-total", "vat-total", "gross-total"]


def i2_num(d: Decimal, style: str, places=2) -> str:
    """siunitx \\num as configured by our invoice2 translations (group-minimum-digits=4)."""
    st = {"en": "en", "de": "de", "fr": "fr", "ch": "ch"}[style]
    if places is None:
        s = dstr(d.normalize()) if d != d.to_integral() else str(int(d))
        if "." in s:
            ip, fp = s.split(".")
            return fmt_num(D(ip), st, 0) + (",." if False else ("," if style in ("de", "fr") else ".")) + fp
        return fmt_num(D(s), st, 0)
    return fmt_num(d, st, places)


def fam_invoice2(doc, rng):
    lang, cur, style = doc["lang"], doc["currency"], doc["numstyle"]
    credit = rng.random() < 0.15
    show_due = (not credit) and rng.random() < 0.8
    n = n_items(rng, 24)
    items = pick_items(rng, lang, doc["cat"], n)
    maybe_long(rng, items, lang)
    multi = len(doc["rates"]) > 1 and rng.random() < 0.7 and doc["country"] != "US"
    gross_mode = rng.random() < 0.3
    in_header = rng.random() < 0.35
    colorize = rng.random() < 0.3
    if rng.random() < 0.3:
        items.append(dict(desc={"en": "Delivery charge", "de": "Frachtkosten", "fr": "Frais de livraison", "nl": "Verzendkosten",
                                "it": "Spese di trasporto", "es": "Gastos de envío"}[lang], qty=D(1),
                          price=q2(D(str(rng.uniform(4, 45)))), cat="x", vclass="std", kind="ship"))
    sym_tex = {"EUR": "\\texteuro", "GBP": "\\pounds", "USD": "\\$", "CHF": "CHF"}[cur]
    sym_txt = CUR_SYMBOL[cur]
    font, fontpkg = font_pkgs(rng)
    if rng.random() < 0.3 or (cur == "EUR" and font != "lmodern"):  # other fonts print the euro as 'C'

        sym_tex = sym_txt = cur
    with_codes = rng.random() < 0.3

    def consistent():
        net = vat = gross = lines = D(0)
        for it in items:
            r = rate_for(doc, it, multi) / 100
            if gross_mode:
                line = it["qty"] * q2(it["price"] * (1 + r))
                net += line / (1 + r)
                vat += line * r / (1 + r)
            else:
                line = it["qty"] * it["price"] * (1 + r)
                net += it["qty"] * it["price"]
                vat += it["qty"] * it["price"] * r
            gross += line
            lines += q2(line)
        return q2(net) + q2(vat) == q2(gross) and lines == q2(gross)
    # nudge prices by a few cents until the printed (rounded) figures add up, so that the number of
    # items is not biased by the consistency requirement
    for _ in range(400):
        if consistent():
            break
        it = rng.choice(items)
        it["price"] = max(D("0.05"), it["price"] + D(rng.choice([-3, -2, -1, 1, 2, 3])) / 100)
    rows, titems = [], []
    net = vat = gross = D(0)
    for k, it in enumerate(items):
        r = rate_for(doc, it, multi) / 100
        if gross_mode:
            g = q2(it["price"] * (1 + r))  # we type gross prices
            unit_print = q2(g / (1 + r))
            line = it["qty"] * g
            net += it["qty"] * g / (1 + r)
            vat += it["qty"] * g * r / (1 + r)
            gross += line
            typed = g
        else:
            unit_print = it["price"]
            line = it["qty"] * it["price"] * (1 + r)
            net += it["qty"] * it["price"]
            vat += it["qty"] * it["price"] * r
            gross += line
            typed = it["price"]
        total_print = q2(line)
        desc = it["desc"]
        code = None
        cell = tex(desc)
        if with_codes and it["kind"] != "ship":
            code = f"{rng.choice(['A', 'B', 'K', 'M'])}{rng.randint(1000, 99999)}"
            cell = f"{cell}\\\\ \\footnotesize {tex(L[lang]['code'])} {code}"
        if len(desc) > 48 or code:
            cell = f"\\parbox[t]{{0.5\\textwidth}}{{\\raggedright {cell}}}"
        opt = f"[{dstr(r)}]" if multi else ""
        rows.append(f"\\invoiceitem{opt}{{{dstr(it['qty'])}}}{{{cell}}}{{{dstr(typed)}}}")
        ti = {"description": printed(desc), "quantity": dstr(it["qty"]), "unit_price": dstr(unit_print),
              "total": dstr(total_print)}
        if code:
            ti["product_code"] = code
        titems.append(ti)
    netp, vatp, grossp = q2(net), q2(vat), q2(gross)
    if netp + vatp != grossp or sum(D(t["total"]) for t in titems) != grossp:
        return None  # rounding would make the truth inconsistent: redraw
    if all(it["qty"] == 1 for it in items):
        for t in titems:
            t.pop("quantity")
    tname, labels = I2_TR[lang]
    dec = "{,}" if style in ("de", "fr") else "."
    thou = {"en": "{,}", "de": ".", "fr": "\\,", "ch": "\\mbox{\\textquotesingle}"}[style]
    trs = [f"\\DeclareTranslation{{{tname}}}{{invoice2-thousands-sep}}{{{thou}}}",
           f"\\DeclareTranslation{{{tname}}}{{invoice2-decimal-point}}{{{dec}}}"]
    if labels:
        trs += [f"\\DeclareTranslation{{{tname}}}{{invoice2-{k}}}{{{v}}}" for k, v in zip(I2_KEYS, labels)]
    opts = [f"vat={dstr(D(doc['rates'][0]) / 100)}", f"currency-symbol={{{sym_tex}}}"]
    if in_header:
        opts.append("currency-in-header=true")
    if gross_mode:
        opts.append("included-vat=true")
    if colorize:
        opts += ["colorize=true", "even-color=black!8", "title-color=black!15", "total-color=black!15"]
    head, expect, ddate = header_tex(doc, rng, credit, show_due)
    babel = BABEL[lang] if doc["locale"] != "en-US" else "american"
    if lang == "es":
        babel += ",es-nodecimaldot"  # babel-spanish would turn '.' in math into a comma
    src = f"""\\documentclass[a4paper,{rng.choice(['10pt', '11pt'])}]{{article}}
\\usepackage[T1]{{fontenc}}\\usepackage[utf8]{{inputenc}}\\usepackage{{textcomp}}
{fontpkg}
\\usepackage[{babel}]{{babel}}
\\usepackage[margin={rng.choice(['20mm', '25mm'])}]{{geometry}}
\\usepackage{{invoice2}}
{chr(10).join(trs)}
\\pagestyle{{plain}}
\\begin{{document}}\\hyphenpenalty=10000 \\exhyphenpenalty=10000
{head}
\\begin{{invoice}}[{', '.join(opts)}]
{chr(10).join(rows)}
\\end{{invoice}}
{footer_tex(doc, rng, credit, show_due, ddate)}
\\end{{document}}
"""
    t = base_truth(doc, credit)
    if show_due:
        t["due_date"] = doc["ddate"].isoformat()
    t.update(total_excl_tax=dstr(netp), tax_amount=dstr(vatp), total_incl_tax=dstr(grossp), line_items=titems)
    sfx = "" if in_header else sym_txt
    for v in (netp, vatp, grossp):
        expect.append(i2_num(v, style) + sfx)
    for ti in titems:
        expect.append(i2_num(D(ti["unit_price"]), style) + sfx)
        expect.append(i2_num(D(ti["total"]), style) + sfx)
    t["_style"] = dict(template="CTAN invoice2 1.2 (Simon Dierl)", locale=doc["locale"], font=font,
                       multi_vat=multi, vat_included_prices=gross_mode, currency_in_header=in_header,
                       colorize=colorize, product_codes=with_codes, header=doc["_header"], date_style=doc["_ds"],
                       note="line 'total' is the printed gross line price (qty x unit x (1+VAT))")
    return dict(src=src, engine="pdflatex", truth=t, expect=expect, files={}, consistency="gross")


# ---------------------------------------------------------------- family: corff (CTAN invoice)
CORFF_OPT = {"en": "english", "de": "german", "fr": "french", "nl": "dutch", "it": "italian", "es": "spanish", "cs": None, "sv": "swedish"}
PROJECTS = {"en": ["Kitchen", "Restaurant", "Bar", "Rooms"], "de": ["Küche", "Restaurant", "Bar", "Zimmer"],
            "fr": ["Cuisine", "Salle", "Bar", "Chambres"], "nl": ["Keuken", "Restaurant", "Bar", "Kamers"],
            "it": ["Cucina", "Sala", "Bar", "Camere"], "es": ["Cocina", "Comedor", "Bar", "Habitaciones"],
            "cs": ["Kuchyně", "Restaurace", "Bar", "Pokoje"], "sv": ["Kök", "Restaurang", "Bar", "Rum"]}
EXPENSES = {"en": ["Parking fees", "Spare parts", "Disposal fee"], "de": ["Parkgebühren", "Ersatzteile", "Entsorgungsgebühr"],
            "fr": ["Frais de parking", "Pièces détachées", "Frais de déchetterie"], "nl": ["Parkeerkosten", "Onderdelen", "Stortkosten"],
            "it": ["Parcheggio", "Ricambi", "Smaltimento rifiuti"], "es": ["Aparcamiento", "Repuestos", "Tasa de residuos"],
            "cs": ["Parkovné", "Náhradní díly", "Poplatek za likvidaci"], "sv": ["Parkeringsavgift", "Reservdelar", "Avfallsavgift"]}


def corff_num(d: Decimal, comma: bool) -> str:
    """siunitx \\num default (group-minimum-digits 5, thin space) on an FPtrunc'ed value."""
    s = f"{abs(d):.2f}"
    ip, fp = s.split(".")
    if len(ip) >= 5:
        parts = []
        while len(ip) > 3:
            parts.insert(0, ip[-3:])
            ip = ip[:-3]
        parts.insert(0, ip)
        ip = " ".join(parts)
    return ("-" if d < 0 else "") + ip + ("," if comma else ".") + fp


def trunc2(d):
    return d.quantize(D("0.01"), rounding=ROUND_DOWN)


def fam_corff(doc, rng):
    lang = doc["lang"]
    credit = rng.random() < 0.15
    show_due = (not credit) and rng.random() < 0.75
    comma = lang != "en"
    vrate = doc["rates"][0] if rng.random() < 0.75 or len(doc["rates"]) < 2 else doc["rates"][1]
    if doc["country"] == "US":
        vrate = rng.choice(["8.875", "6.25", "7"])
    if vrate not in ("19", "7", "20", "10", "5.5", "21", "9", "22", "6", "12", "25", "8.875", "6.25", "4"):
        vrate = "20"
    n = n_items(rng, 22)
    items = pick_items(rng, lang, doc["cat"], n, kinds=("services", "goods") if rng.random() < 0.6 else ("services",))
    maybe_long(rng, items, lang, 0.1)
    nproj = 1 if (n < 4 or rng.random() < 0.6) else 2
    projs = rng.sample(PROJECTS[lang], nproj)
    split = rng.randint(1, n - 1) if nproj == 2 else n
    expenses = []
    if rng.random() < 0.2:
        for e in rng.sample(EXPENSES[lang], rng.randint(1, 2)):
            expenses.append((e, q2(D(str(rng.uniform(5, 90))))))
    body, titems = [], []
    fees = D(0)
    for k, it in enumerate(items):
        if k == 0 or k == split:
            body.append(f"\\ProjectTitle{{{tex(projs[0 if k == 0 else 1])}}}")
        amt = trunc2(it["price"] * it["qty"])
        fees += amt
        desc = it["desc"]
        cell = tex(desc)
        if len(desc) > 40:
            cell = f"\\parbox[t]{{5cm}}{{\\raggedright {cell}}}"
        body.append(f"\\Fee{{{cell}}}{{{dstr(it['price'])}}}{{{dstr(it['qty'])}}}")
        titems.append({"description": printed(desc), "quantity": dstr(it["qty"]), "unit_price": dstr(it["price"]),
                       "total": dstr(amt)})
        if expenses and (k == n - 1):
            for e, a in expenses:
                body.append(f"\\EBC{{{tex(e)}}}{{{dstr(a)}}}")
                titems.append({"description": printed(e), "total": dstr(a)})
    vat = (fees * 100 * D(vrate) / 100).to_integral_value(rounding=ROUND_DOWN) / 100
    exp_total = sum((a for _, a in expenses), D(0))
    total = fees + vat + exp_total
    head, expect, ddate = header_tex(doc, rng, credit, show_due)
    opt = CORFF_OPT[lang]
    pkgopts = ",".join(x for x in [opt, "comma" if comma else None] if x)
    font, fontpkg = font_pkgs(rng)
    if lang == "cs":  # psnfss virtual fonts build č/ě from accent + letter (text extracts as 'ˇc')
        font, fontpkg = "lmodern", "\\usepackage{lmodern}"
    babel = BABEL[lang] if doc["locale"] != "en-US" else "american"
    if lang == "es":
        babel += ",es-nodecimaldot"
    src = f"""\\documentclass[a4paper,{rng.choice(['10pt', '11pt', '12pt'])}]{{article}}
\\usepackage[T1]{{fontenc}}\\usepackage[utf8]{{inputenc}}\\usepackage{{textcomp}}
{fontpkg}
\\usepackage[{babel}]{{babel}}
\\usepackage[margin={rng.choice(['20mm', '25mm'])}]{{geometry}}
\\usepackage[{pkgopts}]{{invoice}}
\\begin{{document}}\\hyphenpenalty=10000 \\exhyphenpenalty=10000
{head}
\\begin{{invoice}}{{{doc['currency']}}}{{{vrate}}}
{chr(10).join(body)}
\\end{{invoice}}
{footer_tex(doc, rng, credit, show_due, ddate)}
\\end{{document}}
"""
    t = base_truth(doc, credit)
    if show_due:
        t["due_date"] = doc["ddate"].isoformat()
    t.update(tax_amount=dstr(vat), total_incl_tax=dstr(total), line_items=titems)
    if not expenses:
        t["total_excl_tax"] = dstr(fees)
    for ti in titems:
        expect.append(corff_num(D(ti["total"]), comma))
        if "unit_price" in ti:
            expect.append(f"{ti['description'].split(',')[0][:20]}")
    for v in (fees, vat, total):
        expect.append(corff_num(v, comma))
    t["_style"] = dict(template="CTAN invoice 0.91 (Oliver Corff)", locale=doc["locale"], font=font, projects=nproj,
                       vat_rate=vrate, expenses=len(expenses), comma=comma, header=doc["_header"], date_style=doc["_ds"],
                       note="unit rates and counts are printed raw with '.', amounts truncated (not rounded) to cents")
    return dict(src=src, engine="pdflatex", truth=t, expect=expect, files={},
                consistency="net" if not expenses else "gross-minus-tax")


# ---------------------------------------------------------------- family: simpleinvoice
SI_LABELS = {
    "deu": dict(invoice="Rechnung", ourref="Unser Zeichen", yourref="Ihre Bestellung", invnum="Rechnungsnummer",
                invdate="Rechnungsdatum", deadline="Fällig am", description="Beschreibung", itemprice="Einzelpreis",
                vat="MwSt.", itemtotal="Summe", subtotal="Nettobetrag", total="Gesamtbetrag", paymentinfo="Zahlungsinformationen",
                totallong="Zu zahlen", accountnum="Kontonummer", warning="Bei Zahlung nach Fälligkeit können Verzugszinsen berechnet werden."),
    "fra": dict(invoice="Facture", ourref="Notre réf.", yourref="Votre commande", invnum="Numéro de facture",
                invdate="Date de facture", deadline="Échéance", description="Désignation", itemprice="Prix HT",
                vat="TVA", itemtotal="Total TTC", subtotal="Total HT", total="Total TTC", paymentinfo="Informations de paiement",
                totallong="Net à payer", accountnum="IBAN", warning="Tout retard de paiement entraîne des pénalités de retard."),
}


def babel_today(d: dt.date, lang):
    """\\today as babel prints it (english=american, norsk, ngerman, french)."""
    from locales import MONTHS
    if lang == "en":
        return f"{MONTHS['en'][d.month - 1]} {d.day}, {d.year}"
    if lang == "nb":
        nb = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"]
        return f"{d.day}.\u00a0{nb[d.month - 1]} {d.year}"
    if lang == "de":
        return f"{d.day}. {MONTHS['de'][d.month - 1]} {d.year}"
    if lang == "fr":
        return f"{'1er' if d.day == 1 else d.day} {MONTHS['fr'][d.month - 1]} {d.year}"
    raise ValueError(lang)


def fam_simpleinv(doc, rng):
    lang, cur, style = doc["lang"], doc["currency"], doc["numstyle"]
    credit = rng.random() < 0.15
    n = n_items(rng, 10)
    items = pick_items(rng, lang, doc["cat"], n, kinds=("goods", "services") if doc["cat"] == "svc" else ("goods",))
    maybe_long(rng, items, lang, 0.12)
    multi = len(doc["rates"]) > 1 and rng.random() < 0.7
    symfirst = lang == "en"
    sym = CUR_SYMBOL[cur]

    def money(d):
        s = fmt_num(d, style)
        return f"{sym}{s}" if symfirst else f"{s} {sym}"

    adds, titems = [], []
    sub = vat = D(0)
    for it in items:
        r = rate_for(doc, it, multi)
        netl = q2(it["price"] * it["qty"])
        v = q2(netl * r / 100)
        sub += netl
        vat += v
        desc = it["desc"]
        rate_s = dstr(r).replace(".", "," if style in ("de", "fr") else ".")
        adds.append(f"\\additem{{{tex(desc)}}}{{{tex(money(netl))}}}{{{rate_s}}}{{{tex(money(netl + v))}}}")
        titems.append({"description": printed(desc), "unit_price": dstr(netl), "total": dstr(netl + v)})
    total = sub + vat
    lab = L[lang]
    sup, cust = doc["sup"], doc["cust"]
    vl = vat_label(doc)
    addr = f"{tex(sup['street'])} \\\\ {tex(sup['zip'])} {tex(sup['city'])} \\\\ {tex(vl)} {tex(sup['tax_id'])}"
    one = f"{tex(sup['street'])}, {tex(sup['zip'])} {tex(sup['city'])}"
    idate_s = fmt_date(doc["idate"], doc["datestyle"], lang)
    due_s = babel_today(doc["ddate"], lang)
    pkg_lang = {"en": "english", "nb": "norsk"}.get(lang, "english")
    babel = {"en": "english", "nb": "norsk", "de": "ngerman", "fr": "french"}[lang]
    extra = ""
    if lang in ("de", "fr"):
        code = {"de": "deu", "fr": "fra"}[lang]
        extra = "\\makeatletter\n\\def\\INV@lang{%s}\n" % code + "".join(
            f"\\def\\INV@text@{k}@{code}{{{tex(v)}}}\n" for k, v in SI_LABELS[code].items()) + "\\makeatother\n"
    title = ""
    if credit:
        title = f"\\setinvoicetitle{{{tex(lab['credit'])}}}\n"
    refs = ""
    if doc["pos"]:
        refs += f"\\setyourref{{{tex(', '.join(doc['pos']))}}}\n"
    if rng.random() < 0.5:
        refs += f"\\setourref{{{rng.choice(['KD', 'C', 'K'])}-{rng.randint(1000, 9999)}}}\n"
    d = doc["idate"]
    src = f"""\\documentclass[a4paper,{babel},{rng.choice(['10pt', '11pt'])}]{{article}}
\\usepackage[T1]{{fontenc}}\\usepackage[utf8]{{inputenc}}\\usepackage{{textcomp}}\\usepackage{{lmodern}}
\\usepackage[margin=2cm]{{geometry}}
\\usepackage[{pkg_lang}]{{simpleinvoice}}
{extra}\\day={d.day} \\month={d.month} \\year={d.year}
\\setinvoicenumber{{{tex(doc['number'])}}}
\\setinvoicedate{{{tex(idate_s)}}}
\\setdeadline{{{doc['due_days']}}}
{title}{refs}\\setname{{{tex(sup['name'])}}}
\\setaddress{{{addr}}}{{{one}}}
\\setreceivername{{{tex(cust['name'])}}}
\\setreceiveraddress{{{tex(cust['street'])} \\\\ {tex(cust['zip'])} {tex(cust['city'])}}}
\\setemail{{accounts@example.com}}
\\setaccountnumber{{{'NO93 8601 1117 947' if lang == 'nb' else 'DE89 3704 0044 0532 0130 00'}}}
{chr(10).join(adds)}
\\setsubtotal{{{tex(money(sub))}}}
\\setvat{{{tex(money(vat))}}}
\\settotal{{{tex(money(total))}}}
\\begin{{document}}\\hyphenpenalty=10000 \\exhyphenpenalty=10000
\\makeinvoice
\\end{{document}}
"""
    t = base_truth(doc, credit)
    t["due_date"] = doc["ddate"].isoformat()
    t.update(total_excl_tax=dstr(sub), tax_amount=dstr(vat), total_incl_tax=dstr(total), line_items=titems)
    expect = [sup["name"], sup["tax_id"], doc["number"], idate_s, due_s] + list(doc["pos"])
    expect += [money(sub), money(vat), money(total)]
    for ti in titems:
        expect += [money(D(ti["unit_price"])), money(D(ti["total"]))]
    t["_style"] = dict(template="CTAN simpleinvoice 2017-11-03 (Mathias Lohne)", locale=doc["locale"],
                       labels="package" if lang in ("en", "nb") else "added via \\INV@text@...@" + lang,
                       multi_vat=multi, credit_title=credit,
                       note="no quantity column: 'Item price' is the net line amount (truth unit_price), 'Sum' the gross line amount")
    return dict(src=src, engine="pdflatex", truth=t, expect=expect, files={}, consistency="gross")


# ---------------------------------------------------------------- family: treyhunner invoice.cls
TH_UNITS = ["pcs", "cases", "units", "boxes"]
TH_SECTIONS = {"svc": "Services", "food": "Food Supplies", "bev": "Beverages", "clean": "Cleaning Supplies",
               "linen": "Linen", "equip": "Equipment", "x": "Other Charges"}


def fam_treyhunner(doc, rng):
    lang = "en"
    n = n_items(rng, 24)
    svc = [it for it in pick_items(rng, lang, "svc", max(1, n // 3), kinds=("services",)) if "km" not in it["desc"]]
    goods = pick_items(rng, lang, doc["cat"] if doc["cat"] != "svc" else "equip", max(0, n - len(svc)))
    maybe_long(rng, goods, lang, 0.05)
    for it in goods:
        if len(it["desc"]) > 50:
            it["desc"] = it["desc"][:50].rsplit(" ", 1)[0]
    show_due = rng.random() < 0.8
    body, titems, pre = [], [], ""
    exact_total = D(0)
    rows_exact = []

    def fp2(d):
        return q2(d)
    # hours section(s): one hourly rate per section
    hourly = svc[: max(1, len(svc))] if svc else []
    if hourly and rng.random() < 0.8:
        rate = D(rng.randint(45, 140)).quantize(D("0.01"))  # whole dollars: quarter hours stay exact
        pre = f"\\hourlyrate{{{dstr(rate)}}}\n"  # must be set outside the table (cells are groups)
        body.append(f"\\feetype{{{tex(rng.choice(['Consulting Services', 'Maintenance Labor', 'Cleaning Services', 'On-site Services']))}}}")
        sub = D(0)
        for it in hourly:
            h = it["qty"]
            body.append(f"\\hourrow{{{tex(it['desc'])}}}{{{dstr(h)}}}")
            amt = fp2(h * rate)
            sub += h * rate
            exact_total += h * rate
            rows_exact.append(h * rate)
            titems.append({"description": printed(it["desc"]), "quantity": dstr(q2(h)), "unit_price": dstr(rate), "total": dstr(amt)})
        body.append("\\subtotal")
    else:
        goods = hourly + goods
    if goods:
        body.append(f"\\feetype{{{rng.choice(['Supplies', 'Materials', 'Goods delivered', 'Products'])}}}")
        for it in goods:
            if it["qty"] != it["qty"].to_integral():
                it["price"] = max(D(1), it["price"].to_integral_value(rounding=ROUND_HALF_UP)).quantize(D("0.01"))
            else:
                it["price"] = max(D("0.25"), (it["price"] * 4).to_integral_value(rounding=ROUND_HALF_UP) / 4).quantize(D("0.01"))
            u = "kg" if " kg" in it["desc"] and it["qty"] != it["qty"].to_integral() else rng.choice(TH_UNITS)
            body.append(f"\\unitrow{{{tex(it['desc'])}}}{{{dstr(it['qty'])}}}{{{dstr(it['price'])}}}{{{u}}}")
            amt = fp2(it["qty"] * it["price"])
            exact_total += it["qty"] * it["price"]
            rows_exact.append(it["qty"] * it["price"])
            titems.append({"description": printed(it["desc"]), "quantity": dstr(q2(it["qty"])), "unit_price": dstr(it["price"]), "total": dstr(amt)})
        body.append("\\subtotal*")
    if rng.random() < 0.4:
        body.append("\\feetype{Other Charges}")
        for fdesc in rng.sample(["Delivery charge", "Fuel surcharge", "Rush order fee", "Pallet deposit"], rng.randint(1, 2)):
            a = (D(rng.randint(32, 320)) / 4).quantize(D("0.01"))
            body.append(f"\\feerow{{{fdesc}}}{{{dstr(a)}}}")
            exact_total += a
            rows_exact.append(a)
            titems.append({"description": fdesc, "unit_price": dstr(a), "total": dstr(a)})
    # calc's \\real (used for the running total) is binary fixed point: only factors exact in binary
    # (quarter quantities, quarter-dollar prices) keep 'Balance Due' equal to the sum of the printed rows
    total = q2(exact_total)
    if sum(D(t["total"]) for t in titems) != total:
        return None
    show_tax = rng.random() < 0.5
    head, expect, ddate = header_tex(doc, rng, False, show_due, show_taxid=show_tax)
    doc["sup"]["tax_id"] = doc["sup"]["tax_id"] if show_tax else None
    src = f"""\\documentclass{{invoice}}
\\usepackage[T1]{{fontenc}}\\usepackage[utf8]{{inputenc}}\\usepackage{{lmodern}}
\\begin{{document}}\\hyphenpenalty=10000 \\exhyphenpenalty=10000
{head}
{pre}\\begin{{invoiceTable}}
{chr(10).join(body)}
\\end{{invoiceTable}}
{footer_tex(doc, rng, False, show_due, ddate)}
\\end{{document}}
"""
    t = base_truth(doc)
    if not show_tax:
        t.pop("supplier_tax_id")
    if show_due:
        t["due_date"] = doc["ddate"].isoformat()
    t.update(total_incl_tax=dstr(total), line_items=titems)
    expect.append(f"${dstr(total)}")
    for ti in titems:
        expect += [f"${ti['unit_price']}", f"${ti['total']}"]
    t["_style"] = dict(template="GitHub treyhunner/invoices invoice.cls (MIT, 2011)", locale="en-US",
                       header=doc["_header"], date_style=doc["_ds"],
                       note="no tax printed; 'Balance Due' is total_incl_tax; fee rows have no quantity")
    return dict(src=src, engine="pdflatex", truth=t, expect=expect,
                files={"invoice.cls": TEMPLATE_FILES["treyhunner"][0]}, consistency="gross")


# ---------------------------------------------------------------- family: mrzool invoice-boilerplate
POLY = {"en": "english", "de": "german", "fr": "french", "it": "italian", "nl": "dutch", "es": "spanish"}


def fill_pandoc_template(tpl: str, ctx: dict) -> str:
    """Minimal pandoc-template filler: $var$, $a.b$, $if(x)$..$else$..$endif$, $for(x)$..$endfor$."""
    def get(name, c):
        cur = c
        for part in name.split("."):
            if isinstance(cur, dict) and part in cur:
                cur = cur[part]
            else:
                return None
        return cur

    def render(s, c):
        out, i = [], 0
        pat = re.compile(r"\$(if|for)\(([\w.-]+)\)\$|\$([\w.-]+)\$")
        while True:
            m = pat.search(s, i)
            if not m:
                out.append(s[i:])
                break
            out.append(s[i:m.start()])
            if m.group(1):
                kind, name = m.group(1), m.group(2)
                end_tag = "$endif$" if kind == "if" else "$endfor$"
                depth, j = 1, m.end()
                open_pat = re.compile(r"\$%s\([\w.-]+\)\$" % kind)
                while depth:
                    nxt_end = s.index(end_tag, j)
                    nxt_open = open_pat.search(s, j)
                    if nxt_open and nxt_open.start() < nxt_end:
                        depth += 1
                        j = nxt_open.end()
                    else:
                        depth -= 1
                        j = nxt_end + len(end_tag)
                body = s[m.end(): j - len(end_tag)]
                val = get(name, c)
                if kind == "if":
                    parts = body.split("$else$") if "$else$" in body else [body, ""]
                    out.append(render(parts[0] if val else parts[1], c))
                else:
                    seq = val if isinstance(val, list) else ([val] if val else [])
                    last = name.split(".")[-1]
                    for v in seq:
                        c2 = dict(c)
                        c2[last] = v
                        if "." in name:  # $for(service.details)$ ... $service.details$
                            head = name.split(".")[0]
                            c2[head] = dict(c[head]) if isinstance(c.get(head), dict) else {}
                            c2[head][last] = v
                        out.append(render(body, c2))
                i = j
            else:
                v = get(m.group(3), c)
                out.append("" if v is None else str(v))
                i = m.end()
        return "".join(out)
    # pandoc drops a line that holds nothing but a directive (with its newline)
    tpl = re.sub(r"^[ \t]*(\$(?:if\([\w.-]+\)|else|endif|for\([\w.-]+\)|endfor)\$)[ \t]*\n", r"\1", tpl, flags=re.M)
    return render(tpl, ctx)


def fam_mrzool(doc, rng):
    lang, cur = doc["lang"], doc["currency"]
    comma = lang != "en"
    n = n_items(rng, 16)
    kinds = ("services",) if doc["cat"] == "svc" or rng.random() < 0.4 else ("goods", "services")
    items = pick_items(rng, lang, doc["cat"], n, kinds=kinds)
    maybe_long(rng, items, lang, 0.1)
    vrate = D(doc["rates"][0])
    services, titems = [], []
    sub = D(0)
    with_codes = rng.random() < 0.35
    for it in items:
        amt = q2(it["price"] * it["qty"])
        sub += amt
        details = []
        ti = {"description": printed(it["desc"]), "total": dstr(amt)}
        if with_codes and rng.random() < 0.8:
            code = f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
            details.append(f"{tex(L[lang]['code'])} {code}")
            ti["product_code"] = code
        if rng.random() < 0.3:
            qs = dstr(it["qty"]).replace(".", "," if comma else ".")
            details.append(f"{qs} x {fmt_num(it['price'], 'de' if comma else 'en')}")
        services.append({"description": tex(it["desc"]), "price": dstr(amt), "details": details or None})
        titems.append(ti)
    vat = q2(sub * vrate / 100)
    total = sub + vat
    sup, cust = doc["sup"], doc["cust"]
    lab = L[lang]
    due_s = fmt_date(doc["ddate"], doc["datestyle"], lang)
    note_parts = []
    if doc["pos"]:
        note_parts.append(f"{tex(lab['po'])}: {tex(', '.join(doc['pos']))}.")
    show_due = rng.random() < 0.8
    if show_due:
        note_parts.append(tex(lab["terms"].format(due=due_s)))
    note_parts.append(f"{tex(vat_label(doc))}: {tex(sup['tax_id'])}")
    ctx = {
        "fontsize": rng.choice(["10pt", "11pt", "12pt"]),
        "geometry": rng.choice(["a4paper, left=43mm, right=43mm, top=51mm, bottom=17mm",
                                "a4paper, left=25mm, right=25mm, top=25mm, bottom=20mm"]),
        "seriffont": rng.choice(["TeX Gyre Pagella", "TeX Gyre Termes", "Latin Modern Roman"]),
        "sansfont": rng.choice(["TeX Gyre Heros", "Latin Modern Sans"]),
        "lang": POLY[lang],
        "author": tex(sup["name"]),
        "from": [tex(sup["street"]), f"{tex(sup['zip'])} {tex(sup['city'])}"],
        "to": [tex(cust["name"]), tex(cust["street"]), f"{tex(cust['zip'])} {tex(cust['city'])}"],
        "city": tex(sup["city"]),
        "invoice-nr": tex(doc["number"]),
        "currency": {"EUR": rng.choice(["EUR", "€"]), "GBP": rng.choice(["GBP", "£"])}.get(cur, cur),
        "commasep": comma or None,
        "service": services,
        "VAT": dstr(vrate),
        "closingnote": "\n\n".join(note_parts),
    }
    if ctx["currency"] == "€":
        ctx["currency"] = "\\texteuro{}" if False else "€"
    tpl = TEMPLATE_FILES["mrzool"][0].read_text()
    src = fill_pandoc_template(tpl, ctx)
    d = doc["idate"]
    src = src.replace("\\begin{document}", f"\\day={d.day} \\month={d.month} \\year={d.year}\n\\begin{{document}}\\hyphenpenalty=10000 \\exhyphenpenalty=10000 ", 1)
    t = base_truth(doc)
    if show_due:
        t["due_date"] = doc["ddate"].isoformat()
    t.update(total_excl_tax=dstr(sub), tax_amount=dstr(vat), total_incl_tax=dstr(total), line_items=titems)
    ns = "plainc" if comma else "plain"
    expect = [sup["name"], sup["tax_id"], doc["number"]] + list(doc["pos"])
    if show_due:
        expect.append(due_s)
    expect += [fmt_num(v, ns) for v in (sub, vat, total)]
    expect += [fmt_num(D(ti["total"]), ns) for ti in titems]
    t["_style"] = dict(template="GitHub mrzool/invoice-boilerplate template.tex (xelatex, spreadtab)", locale=doc["locale"],
                       fonts=[ctx["seriffont"], ctx["sansfont"]], polyglossia=POLY[lang], commasep=comma,
                       product_codes=with_codes, vat_rate=dstr(vrate),
                       note="English table labels are hard-coded by the template; date printed by polyglossia \\today; "
                            "no quantity/unit columns (price = line amount)")
    return dict(src=src, engine="xelatex", truth=t, expect=expect, files={}, consistency="net")


RENDER = {"invoice2": fam_invoice2, "corff": fam_corff, "simpleinv": fam_simpleinv,
          "treyhunner": fam_treyhunner, "mrzool": fam_mrzool}


# ---------------------------------------------------------------- build + check
def compile_doc(src, engine, files, workdir: Path):
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "doc.tex").write_text(src)
    for name, path in files.items():
        shutil.copy(path, workdir / name)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", FORCE_SOURCE_DATE="1")
    for _ in range(3):
        p = subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], cwd=workdir,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, timeout=300)
        if p.returncode != 0:
            raise RuntimeError(f"{engine} failed:\n" + p.stdout.decode("utf8", "replace")[-3000:])
        log = (workdir / "doc.log").read_text("latin-1")
        if "Rerun" not in log and "rerun" not in log:
            break
    if re.search(r"Overfull \\vbox \([0-9.]+pt too high\) has occurred while \\output", log):
        raise Overflow("content runs off the page")
    return workdir / "doc.pdf"


class Overflow(Exception):
    pass


def squash(s: str) -> str:
    s = s.replace("\u2212", "-").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    return re.sub(r"\s+", "", s)


def check(pdf: Path, truth: dict, expect: list, consistency: str) -> list:
    from pypdf import PdfReader
    reader = PdfReader(str(pdf))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    flat = squash(unicodedata.normalize("NFKC", text))  # xelatex fonts emit ligature glyphs (U+FB00..)
    errs = []
    for v in expect:
        if v and squash(str(v)) not in flat:
            errs.append(f"expected text not found: {v!r}")
    for k in ("invoice_number", "supplier_name", "supplier_tax_id"):
        if truth.get(k) and squash(truth[k]) not in flat:
            errs.append(f"{k} not printed: {truth[k]!r}")
    for p in truth.get("po_references", []):
        if squash(p) not in flat:
            errs.append(f"po not printed: {p}")
    for it in truth.get("line_items", []):
        words = " ".join(it["description"].split()[:3])
        if squash(words) not in flat:
            errs.append(f"item description not found: {words!r}")
        if it.get("product_code") and squash(it["product_code"]) not in flat:
            errs.append(f"product code not found: {it['product_code']}")
    tot = sum((D(i["total"]) for i in truth.get("line_items", [])), D(0))
    net, tax, gross = (D(truth[k]) if truth.get(k) else None for k in ("total_excl_tax", "tax_amount", "total_incl_tax"))
    if net is not None and tax is not None and net + tax != gross:
        errs.append(f"net+tax != gross: {net}+{tax} != {gross}")
    want = {"net": net, "gross": gross, "gross-minus-tax": (gross - tax) if tax is not None else None}[consistency]
    if want is not None and tot != want:
        errs.append(f"sum of item totals {tot} != {consistency} {want}")
    return errs, len(reader.pages)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", help="only this family (debugging)")
    args = ap.parse_args()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "tex").mkdir(exist_ok=True)
    build = out / ".build"
    fams = list(FAMILIES)
    weights = [FAMILIES[f][0] for f in fams]
    master = random.Random(f"latex-set-{args.seed}")
    plan = [master.choices(fams, weights)[0] for _ in range(args.count)]
    if args.only:
        plan = [args.only] * args.count
    failures = 0
    missing = {f for f, (path, _) in TEMPLATE_FILES.items() if not path.exists()}
    for fam in sorted(missing & set(plan)):
        path, origin = TEMPLATE_FILES[fam]
        print(f"SKIPPING family {fam!r}: template file {path.relative_to(HERE)} is missing. "
              f"Fetch it by hand from {origin} (see README.md).", file=sys.stderr)
    skipped = 0
    for i, fam in enumerate(plan, 1):
        if fam in missing:
            skipped += 1
            print(f"{i:03d}_{fam}: skipped (template missing)")
            continue
        res, pdf, errs, compiled = None, None, ["no draw"], 0
        for attempt in range(60):
            rng = random.Random(f"{args.seed}-{i}-{attempt}")
            doc = make_common(rng, fam, args.seed)
            res = RENDER[fam](doc, rng)
            if res is None:
                continue
            compiled += 1
            if compiled > 8:
                break
            try:
                pdf = compile_doc(res["src"], res["engine"], res["files"], build / f"{i:03d}")
            except Overflow as e:
                print(f"  {i:03d} {fam} attempt {attempt}: {e}", file=sys.stderr)
                pdf, errs = None, [str(e)]
                continue
            errs, pages = check(pdf, res["truth"], res["expect"], res["consistency"])
            if not errs:
                break
            print(f"  {i:03d} {fam} attempt {attempt}: {errs[:4]}", file=sys.stderr)
        base = f"{i:03d}_{fam}"
        shutil.copy(pdf, out / f"{base}.pdf")
        (out / "tex" / f"{base}.tex").write_text(res["src"])
        truth = res["truth"]
        truth["_source"] = f"{SET_NAME} seed {args.seed}"
        truth["_style"]["family"] = fam
        truth["_style"]["pages"] = pages
        truth["_style"]["attempt"] = attempt
        if errs:
            truth["_style"]["check_errors"] = errs
            failures += 1
        (out / f"{base}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n")
        print(f"{base}: {res['truth']['_style'].get('locale')} items={len(truth['line_items'])} pages={pages}"
              f"{' CHECK FAILED' if errs else ''}")
    shutil.rmtree(build, ignore_errors=True)
    print(f"done: {len(plan) - skipped} documents, {failures} failing the check"
          + (f", {skipped} skipped (template missing)" if skipped else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
