#!/usr/bin/env python3
"""Invoice PDFs drawn by Go's gofpdf (github.com/jung-kurt/gofpdf 2.17, Debian package), as Go invoicing
tools, web-shop and ERP back ends print them; a truth JSON is written beside each PDF and checked against
its text.

    .venv/bin/python gen.py OUTDIR --count N --seed S [--keep-jobs] [--no-check] [--only FAMILY]

gen.py draws every document (parties, items, VAT, formats, labels, layout options), writes one JSON
job per document, builds ``render.go`` with Debian's Go and /usr/share/gocode (GO111MODULE=off, no
network; the binary and the Go cache go to a temporary directory) and runs it once on all the jobs;
render.go lays each job out with the family's layout. Then pypdf extracts the text of every PDF and
the printed truth values are looked for in it (see ``check_doc``).
"""

from __future__ import annotations

import datetime as dt
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
from common import ids  # noqa: E402
from common import labels as LB  # noqa: E402
from common import scaffold as G  # noqa: E402
from common import world as W  # noqa: E402
from common.scaffold import (  # noqa: E402
    C2,
    FX,
    city_line,
    dec_str,
    fmt_date,
    fmt_qty,
    money,
    pct,
    pick,
    r2,
    slug,
)

G.use_set_venv(HERE, __file__)

SET_NAME = "gofpdf"
FAMILIES = ["gig-boxes", "wholesale-grid", "band-erp", "webshop", "service-log"]
GOFPDF_SRC = Path("/usr/share/gocode/src/github.com/jung-kurt/gofpdf")
TTF_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation")]

# --------------------------------------------------------------------------- locales (php's + de_AT)
LOCALES = dict(LB.LOCALES)
LOCALES["de_AT"] = dict(lang="de", country="AT", sep=(".", ","), cur=("EUR", "€", "pre_sp"), paper="a4")
DATE_FORMATS = dict(LB.DATE_FORMATS)
DATE_FORMATS["de_AT"] = ["{dd}.{mm}.{yyyy}", "{d}.{m}.{yyyy}", "{d}. {month} {yyyy}"]
LOCALE_ORDER = ["en_GB", "de_DE", "en_US", "fr_FR", "nl_NL", "es_ES", "it_IT", "en_US", "de_AT", "cs_CZ"]

# labels of this set's own layouts (the common ones come from labels.py)
GX = {
    "en": dict(paid="Paid", order_no=["Order #", "Order number", "Order No."], order_date=["Order date", "Ordered on"],
               payment=["Payment method", "Paid with"], card="{b} ending {d}", from_=["From", "Seller", "Supplier"],
               to=["To", "Customer", "Buyer"], period=["Service period", "Period"], site=["Service address", "Site"],
               date_col=["Date", "Service date"], carried="Carried forward", brought="Brought forward",
               vcode=["Code", "Tax code"], tech=["Technician", "Engineer"], sku_sub=["SKU", "Item code", "Art."],
               ref=["Reference", "Ref."], legend="{c} = VAT {r}", order_total="Order total",
               signature="Customer signature", hours_note="Hours as per signed job sheets."),
    "de": dict(paid="Bezahlt", order_no=["Bestellnummer", "Bestell-Nr."], order_date=["Bestelldatum", "Bestellt am"],
               payment=["Zahlungsart", "Bezahlt mit"], card="{b} endet auf {d}", from_=["Absender", "Lieferant", "Verkäufer"],
               to=["Empfänger", "Kunde", "Käufer"], period=["Leistungszeitraum", "Zeitraum"], site=["Einsatzort", "Leistungsort"],
               date_col=["Datum", "Einsatztag"], carried="Übertrag", brought="Übertrag",
               vcode=["Kz.", "St.-Kz."], tech=["Techniker", "Monteur"], sku_sub=["Art.-Nr.", "Artikel"],
               ref=["Referenz", "Ref."], legend="{c} = USt. {r}", order_total="Bestellsumme",
               signature="Unterschrift Kunde", hours_note="Stunden laut unterschriebenen Arbeitsberichten."),
    "fr": dict(paid="Payé", order_no=["Commande n°", "N° de commande"], order_date=["Date de commande", "Commandé le"],
               payment=["Moyen de paiement", "Payé par"], card="{b} se terminant par {d}", from_=["Émetteur", "Vendeur", "Fournisseur"],
               to=["Destinataire", "Client", "Acheteur"], period=["Période d'intervention", "Période"], site=["Lieu d'intervention", "Site"],
               date_col=["Date", "Date d'intervention"], carried="À reporter", brought="Report",
               vcode=["Code", "Code TVA"], tech=["Technicien", "Intervenant"], sku_sub=["Réf.", "Référence"],
               ref=["Référence", "Réf."], legend="{c} = TVA {r}", order_total="Total commande",
               signature="Signature du client", hours_note="Heures selon bons d'intervention signés."),
    "nl": dict(paid="Betaald", order_no=["Bestelnummer", "Ordernr."], order_date=["Besteldatum", "Besteld op"],
               payment=["Betaalmethode", "Betaald met"], card="{b} eindigend op {d}", from_=["Van", "Verkoper", "Leverancier"],
               to=["Aan", "Klant", "Koper"], period=["Periode", "Uitvoeringsperiode"], site=["Werkadres", "Locatie"],
               date_col=["Datum", "Werkdatum"], carried="Transport", brought="Transport",
               vcode=["Code", "Btw-code"], tech=["Monteur", "Technicus"], sku_sub=["Art.nr.", "Artikel"],
               ref=["Referentie", "Ref."], legend="{c} = btw {r}", order_total="Totaal bestelling",
               signature="Handtekening klant", hours_note="Uren volgens getekende werkbonnen."),
    "es": dict(paid="Pagado", order_no=["Pedido n.º", "N.º de pedido"], order_date=["Fecha del pedido", "Pedido el"],
               payment=["Forma de pago", "Pagado con"], card="{b} terminada en {d}", from_=["Emisor", "Vendedor", "Proveedor"],
               to=["Destinatario", "Cliente", "Comprador"], period=["Periodo de servicio", "Periodo"], site=["Lugar del servicio", "Centro"],
               date_col=["Fecha", "Fecha servicio"], carried="Suma y sigue", brought="Suma anterior",
               vcode=["Cód.", "Cód. IVA"], tech=["Técnico", "Operario"], sku_sub=["Ref.", "Código"],
               ref=["Referencia", "Ref."], legend="{c} = IVA {r}", order_total="Total pedido",
               signature="Firma del cliente", hours_note="Horas según partes de trabajo firmados."),
    "it": dict(paid="Pagato", order_no=["Ordine n.", "Numero ordine"], order_date=["Data ordine", "Ordinato il"],
               payment=["Metodo di pagamento", "Pagato con"], card="{b} che termina con {d}", from_=["Mittente", "Venditore", "Fornitore"],
               to=["Destinatario", "Cliente", "Acquirente"], period=["Periodo di servizio", "Periodo"], site=["Luogo di intervento", "Sede"],
               date_col=["Data", "Data intervento"], carried="A riportare", brought="Riporto",
               vcode=["Cod.", "Cod. IVA"], tech=["Tecnico", "Operatore"], sku_sub=["Cod.", "Codice"],
               ref=["Riferimento", "Rif."], legend="{c} = IVA {r}", order_total="Totale ordine",
               signature="Firma del cliente", hours_note="Ore come da rapportini firmati."),
    "cs": dict(paid="Zaplaceno", order_no=["Objednávka č.", "Číslo objednávky"], order_date=["Datum objednávky", "Objednáno"],
               payment=["Způsob platby", "Zaplaceno"], card="{b} končící {d}", from_=["Dodavatel", "Prodávající"],
               to=["Odběratel", "Kupující", "Zákazník"], period=["Období plnění", "Období"], site=["Místo plnění", "Provozovna"],
               date_col=["Datum", "Den zásahu"], carried="Převod", brought="Převod",
               vcode=["Kód", "Kód DPH"], tech=["Technik", "Servisní technik"], sku_sub=["Kód", "Kat. č."],
               ref=["Reference", "Ref."], legend="{c} = DPH {r}", order_total="Celkem objednávka",
               signature="Podpis zákazníka", hours_note="Hodiny dle podepsaných výkazů práce."),
}
PO_SENTENCE = dict(en="Re: your order {p} dated {d}", de="Ihre Bestellung {p} vom {d}", fr="Votre commande {p} du {d}",
                   nl="Uw bestelling {p} van {d}", es="Su pedido {p} del {d}", it="Vs. ordine {p} del {d}",
                   cs="Vaše objednávka {p} ze dne {d}")
SHIPPING_WEB = dict(en="Shipping", de="Versand", fr="Livraison", nl="Verzending", es="Envío", it="Spedizione", cs="Doprava")


# --------------------------------------------------------------------------- parties
def phone(rng, country):
    n = lambda k: "".join(str(rng.randint(0, 9)) for _ in range(k))  # noqa: E731
    return {
        "GB": f"0113 {n(3)} {n(4)}", "US": f"({n(3)}) {n(3)}-{n(4)}", "DE": f"+49 40 {n(6)}", "AT": f"+43 1 {n(3)} {n(4)}",
        "FR": f"01 {n(2)} {n(2)} {n(2)} {n(2)}", "NL": f"020 {n(3)} {n(4)}", "IT": f"02 {n(8)}",
        "ES": f"91 {n(3)} {n(2)} {n(2)}", "CZ": f"+420 {n(3)} {n(3)} {n(3)}",
    }[country]


def make_supplier(rng, doc):
    country = doc["country"]
    s = rng.choice(W.SURNAMES[country])
    city, pc, street = rng.choice(W.PLACES[country])
    name = rng.choice(W.SUPPLIER_PATTERNS[country]).format(s=s, c=city.split(",")[0])
    tld = {"GB": "co.uk", "US": "com"}.get(country, country.lower())
    sup = dict(name=name, street=street, city=city_line(country, city, pc), phone=phone(rng, country),
               email=rng.choice(["invoices", "billing", "accounts", "info", "rechnung" if doc["lang"] == "de" else "office"])
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
        extra.append((rng.choice(["Amtsgericht Hamburg HRB", "Registergericht: AG Hamburg, HRB"]), f"{rng.randint(10000, 199999)}"))
        if rng.random() < 0.3:
            extra.append(("Steuernr.", f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"))
    elif country == "AT":
        sup.update(tax_label=rng.choice(["UID-Nr.", "UID", "USt-IdNr."]), tax_id=ids.at_vat(rng))
        extra.append(("FN", f"{rng.randint(10000, 599999)} {rng.choice('abdfghikmpstvwxyz')}"))
        extra.append(("Firmenbuchgericht", rng.choice(["Handelsgericht Wien", "LG Salzburg", "LG für ZRS Graz"])))
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
    sup["us_bank"] = f"Routing {rng.randint(100000000, 999999999)} / Account {rng.randint(10**9, 10**10 - 1)}"
    sup["bic"] = "".join(rng.choice("ABCDEFGHKLMNPRSTUVWZ") for _ in range(4)) + country + rng.choice(["2X", "MM", "HH", "PP"])
    sup["bank"] = {"GB": "Barclays Bank", "US": "First Republic", "DE": "Hamburger Sparkasse", "AT": "Erste Bank",
                   "FR": "Crédit Agricole", "NL": "ING Bank", "IT": "Intesa Sanpaolo", "ES": "CaixaBank",
                   "CZ": "Komerční banka"}[country]
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
    if country not in ("US",) and rng.random() < 0.4:
        cust["vat_id"] = {"DE": lambda r: ids.de_vat(r), "AT": lambda r: ids.at_vat(r), "NL": lambda r: ids.nl_vat(r),
                          "FR": lambda r: ids.fr_vat(r)[0], "IT": lambda r: "IT" + ids.it_vat(r),
                          "ES": lambda r: "ES" + ids.es_cif(r), "CZ": lambda r: "CZ" + ids.cz_ico(r),
                          "GB": lambda r: "GB" + ids.gb_vat(r)}[country](rng)
    if rng.random() < 0.4:
        c2, pc2, st2 = rng.choice(W.PLACES[country])
        st2 = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(41, 90)), st2, count=1)
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
                       f"{pre}-{n:06d}", f"{year}-{n % 10000:04d}", f"{pre}/{year}/{n % 1000:03d}",
                       f"{pre}{n:07d}", f"{year % 100:02d}-{n:05d}"])


# --------------------------------------------------------------------------- items
def make_items(rng, doc):
    lang, country = doc["lang"], doc["country"]
    std, red = W.VAT[country] if country != "US" else (doc["sales_tax"], doc["sales_tax"])
    pool = W.CATALOGUE
    if doc["mode"] == "single":
        pool = [p for p in pool if p["vat"] == "std"]
    cats = sorted({p["cat"] for p in pool})
    if doc["family"] == "service-log":  # a service supplier: services, linen, cleaning
        main = rng.sample(["service", "linen", "clean"], rng.choice([1, 2]))
    else:
        main = rng.sample(cats, min(len(cats), rng.choice([1, 2, 2, 3])))
    pool_main = [p for p in pool if p["cat"] in main] or pool
    r = rng.random()
    if doc["credit"]:
        n = rng.randint(1, 6)
    elif doc["long"]:
        n = rng.randint(26, 48)
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
                          rate=rate, disc=None))
    return items


# --------------------------------------------------------------------------- the document
def make_doc(seed: int, idx: int) -> dict:
    rng = random.Random(f"{SET_NAME}/{seed}/{idx}")
    order = random.Random(f"{SET_NAME}/{seed}").sample(FAMILIES, len(FAMILIES))
    family = order[idx % len(FAMILIES)]
    lorder = random.Random(f"{SET_NAME}/{seed}/loc").sample(LOCALE_ORDER, len(LOCALE_ORDER))
    loc = lorder[(idx + 2 * (idx // len(FAMILIES))) % len(lorder)]  # every family meets every locale
    info = LOCALES[loc]
    lang, country = info["lang"], info["country"]
    doc = dict(idx=idx, seed=seed, family=family, loc=loc, lang=lang, country=country)
    X = {k: pick(rng, v) for k, v in LB.X[lang].items()}
    X.update({k: pick(rng, v) for k, v in GX[lang].items()})
    doc["X"] = X
    doc["sep"] = info["sep"]
    if loc == "fr_FR" and rng.random() < 0.3:
        doc["sep"] = (".", ",")
    if loc == "de_DE" and family == "wholesale-grid" and rng.random() < 0.3:
        doc["sep"] = ("", ",")  # ERP exports without a thousands separator: 1234,56
    doc["min_group2"] = loc == "es_ES" and rng.random() < 0.5
    doc["cur"] = info["cur"]
    doc["cur_fmt"] = info["cur"][2] if rng.random() < 0.75 else rng.choice(["code_pre", "code_post"])
    doc["table_sym"] = rng.random() < (0.7 if family == "webshop" else 0.15 if family == "wholesale-grid" else 0.4)
    doc["tot_sym"] = family != "wholesale-grid" or rng.random() < 0.5
    doc["pct_sep"] = " " if lang in ("fr", "de", "cs") and rng.random() < 0.6 else ""
    doc["qty_fixed"] = rng.choice([0, 0, 0, 2, 3] if family == "wholesale-grid" else [0, 0, 0, 2])
    doc["date_fmt"] = rng.choice(DATE_FORMATS[loc])
    doc["paper"] = info["paper"]
    doc["sales_tax"] = Decimal(str(rng.choice(W.US_SALES_TAX))) if country == "US" else None
    doc["credit"] = rng.random() < 0.14
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
    doc["delivery"] = date - dt.timedelta(days=rng.randint(0, 6)) if rng.random() < 0.35 else None
    pos = []
    if rng.random() < 0.5:
        for _ in range(2 if rng.random() < 0.15 else 1):
            pos.append(rng.choice([f"PO-{rng.randint(10000, 99999)}", f"4500{rng.randint(100000, 999999)}",
                                   f"PO{date.year}-{rng.randint(100, 999)}", f"B-{rng.randint(1000, 9999)}",
                                   f"{rng.randint(10000, 99999)}", f"HK/{rng.randint(100, 999)}/{date.year % 100:02d}"]))
    doc["pos"] = pos
    doc["order_no"] = rng.choice([f"#{rng.randint(100000, 999999)}", f"WEB-{rng.randint(10000, 99999)}",
                                  f"{rng.randint(10, 99)}-{rng.randint(100000, 999999)}"])
    doc["order_date"] = date - dt.timedelta(days=rng.randint(1, 5))
    doc["mode"] = "single" if country == "US" or rng.random() < 0.45 else "multi"
    items = make_items(rng, doc)
    doc["line_disc"] = family in ("gig-boxes", "wholesale-grid", "band-erp") and rng.random() < 0.3
    if doc["line_disc"]:
        for it in items:
            if rng.random() < 0.4:
                it["disc"] = Decimal(rng.choice([2, 3, 5, 10, 15, 20]))
    for it in items:
        g = it["qty"] * it["price"]
        it["total"] = r2(g if it["disc"] is None else g * (100 - it["disc"]) / 100)
    if family == "service-log":  # one service date per line, within the month before the invoice
        start = (date.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        end = date.replace(day=1) - dt.timedelta(days=1)
        doc["period"] = (start, end)
        days = sorted(start + dt.timedelta(days=rng.randint(0, (end - start).days)) for _ in items)
        for it, d in zip(items, days):
            it["date"] = d
    doc["items"] = items
    subtotal = sum((it["total"] for it in items), Decimal(0))
    rates = sorted({it["rate"] for it in items})
    std = doc["sales_tax"] if country == "US" else W.VAT[country][0]
    doc["disc_pct"] = None
    if len(rates) == 1 and not doc["credit"] and rng.random() < 0.2:
        doc["disc_pct"] = Decimal(rng.choice([2, 3, 5, 10]))
    doc["disc_amt"] = r2(subtotal * doc["disc_pct"] / 100) if doc["disc_pct"] else Decimal(0)
    doc["shipping"] = Decimal(0)
    if not doc["credit"] and family != "service-log" and rng.random() < (0.5 if family == "webshop" else 0.22):
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
    if not doc["credit"] and rng.random() < (0.3 if family == "webshop" else 0.15):
        doc["deposit"] = (doc["gross"] if family == "webshop" and rng.random() < 0.5
                          else r2(doc["gross"] * Decimal(rng.choice([20, 25, 30, 50])) / 100))
    doc["vat_col"] = len(groups) > 1 or (country != "US" and rng.random() < 0.35)
    doc["vat_summary"] = (family == "wholesale-grid" and country != "US") or (
        family in ("band-erp", "gig-boxes", "service-log") and country != "US" and (
            len(groups) > 1 and rng.random() < 0.6 or rng.random() < 0.2))
    doc["vat_lines_only"] = len(groups) > 1 and not doc["vat_summary"] and rng.random() < 0.3
    doc["font"] = pick_font(rng, doc)
    doc["rng_layout"] = rng.random()
    doc["opts"] = layout_opts(rng, doc)
    return doc


FONTS_TTF = {  # name -> (dir, regular, bold, italic)
    "DejaVu Sans": ("dejavu", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"),
    "DejaVu Sans Condensed": ("dejavu", "DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf",
                              "DejaVuSansCondensed-Oblique.ttf"),
    "DejaVu Serif": ("dejavu", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"),
    "Liberation Sans": ("liberation", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf"),
    "Liberation Sans Narrow": ("liberation", "LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf",
                               "LiberationSansNarrow-Italic.ttf"),
    "Liberation Serif": ("liberation", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf"),
    "Liberation Mono": ("liberation", "LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf", "LiberationMono-Italic.ttf"),
}


def pick_font(rng, doc):
    """The core Helvetica / Times / Courier (cp1252 via UnicodeTranslatorFromDescriptor) or a TTF from
    fonts-dejavu-core / fonts-liberation embedded with AddUTF8Font. cs_CZ: always a TTF."""
    f = doc["family"]
    ttf = {"gig-boxes": ["DejaVu Sans", "Liberation Sans", "DejaVu Sans Condensed"],
           "wholesale-grid": ["Liberation Sans Narrow", "DejaVu Sans Condensed", "Liberation Mono"],
           "band-erp": ["Liberation Sans", "DejaVu Sans", "Liberation Serif"],
           "webshop": ["DejaVu Sans", "Liberation Sans"],
           "service-log": ["Liberation Serif", "DejaVu Serif", "DejaVu Sans"]}[f]
    core = {"gig-boxes": ["Helvetica"], "wholesale-grid": ["Helvetica", "Courier"], "band-erp": ["Helvetica", "Times"],
            "webshop": ["Helvetica"], "service-log": ["Times", "Helvetica"]}[f]
    if doc["loc"] == "cs_CZ" or rng.random() < 0.45:
        name = rng.choice(ttf)
        d, reg, bold, ital = FONTS_TTF[name]
        return dict(kind="ttf", name=name, files={"": f"{d}/{reg}", "B": f"{d}/{bold}", "I": f"{d}/{ital}"})
    return dict(kind="std", name=rng.choice(core), files={})


def layout_opts(rng, doc):
    f = doc["family"]
    o = dict(accent=rng.choice([[31, 78, 121], [46, 117, 182], [55, 86, 35], [123, 44, 44], [64, 64, 64],
                                [91, 44, 111], [14, 102, 85], [192, 57, 43], [230, 126, 34]]))
    if f == "gig-boxes":
        o.update(head_align=rng.choice(["center", "left"]), repeat_head=rng.random() < 0.7, box_fill=rng.random() < 0.75,
                 title_right=rng.random() < 0.7, zebra=rng.random() < 0.4, multicell=rng.random() < 0.5,
                 cols=rng.choice([["desc", "price", "qty", "total"], ["sku", "desc", "price", "qty", "total"],
                                  ["desc", "qty", "unit", "price", "total"], ["desc", "price", "qty", "unit", "total"]]))
    elif f == "wholesale-grid":
        o.update(vcode_style=rng.choice(["letters", "digits"]), header_grid=rng.random() < 0.6, small=rng.random() < 0.5,
                 cols=rng.choice([["pos", "sku", "desc", "qty", "unit", "price", "vcode", "total"],
                                  ["sku", "desc", "unit", "qty", "price", "total", "vcode"],
                                  ["pos", "qty", "unit", "sku", "desc", "price", "vcode", "total"],
                                  ["sku", "qty", "desc", "price", "vcode", "total"]]))
    elif f == "band-erp":
        o.update(sku_sub=rng.random() < 0.5, dec_align=rng.random() < 0.7, carry=rng.random() < 0.6,
                 po_sentence=bool(doc["pos"]) and rng.random() < 0.5,
                 repeat_head=rng.random() < 0.5, band_full=rng.random() < 0.6, meta_right=rng.random() < 0.75,
                 cols=rng.choice([["pos", "desc", "qty", "unit", "price", "total"], ["pos", "desc", "qty", "price", "total"],
                                  ["desc", "qty", "unit", "price", "total"], ["pos", "qty", "unit", "desc", "price", "total"]]))
        if not o["sku_sub"]:
            c = list(o["cols"])
            c.insert(c.index("desc"), "sku")
            o["cols"] = c
    elif f == "webshop":
        o.update(sku_sub=rng.random() < 0.7, rows_rule=rng.random() < 0.6, repeat_head=rng.random() < 0.3,
                 addresses_top=rng.random() < 0.5,
                 cols=rng.choice([["desc", "qty", "price", "total"], ["desc", "price", "qty", "total"],
                                  ["qty", "desc", "price", "total"]]))
        if not o["sku_sub"] and rng.random() < 0.5:
            o["cols"] = ["sku"] + o["cols"]
    else:  # service-log
        o.update(head_align=rng.choice(["center", "same"]), leaders=rng.random() < 0.6, repeat_head=rng.random() < 0.6,
                 signature=rng.random() < 0.5, date_short=rng.random() < 0.5,
                 cols=rng.choice([["date", "desc", "qty", "unit", "price", "total"], ["date", "sku", "desc", "qty", "price", "total"],
                                  ["date", "desc", "unit", "qty", "price", "total"], ["pos", "date", "desc", "qty", "price", "total"]]))
    cols = list(o["cols"])
    if doc["line_disc"]:
        cols.insert(cols.index("total"), "disc")
    if f != "wholesale-grid" and doc["vat_col"] and "vat" not in cols:
        cols.insert(cols.index("total") + rng.choice([0, 0, 1]), "vat")
    o["cols"] = cols
    return o


# --------------------------------------------------------------------------- the job (all text pre-formatted)
def build_job(doc: dict, out_pdf: Path) -> dict:
    X, s, c, o = doc["X"], doc["supplier"], doc["customer"], doc["opts"]
    fam = doc["family"]
    us = doc["country"] == "US"
    sg = -1 if doc["neg"] else 1
    title = X["credit"] if doc["credit"] else X["invoice"]
    num_label = X["cn_no"] if doc["credit"] else X["inv_no"]
    meta = [[num_label, doc["number"]], [X["date"], fmt_date(doc["date"], doc)]]
    if fam == "webshop":
        meta.append([X["order_no"], doc["order_no"]])
        meta.append([X["order_date"], fmt_date(doc["order_date"], doc)])
    if doc["due"]:
        meta.append([X["due"], fmt_date(doc["due"], doc)])
    if doc["delivery"] and fam != "service-log":
        meta.append([X["delivery"], fmt_date(doc["delivery"], doc)])
    if fam == "service-log":
        a, b = doc["period"]
        meta.append([X["period"], f"{fmt_date(a, doc)} – {fmt_date(b, doc)}"])
    meta.append([X["cust"], c["number"]])
    po_line = ""
    if doc["pos"] and o.get("po_sentence"):
        po_line = PO_SENTENCE[doc["lang"]].format(p=", ".join(doc["pos"]), d=fmt_date(doc["order_date"], doc))
    elif doc["pos"]:
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
        parties.append(dict(label=X["site"] if fam == "service-log" else X["ship_to"], lines=c["ship"]))
    # item table
    head_of = dict(pos=X["pos"], sku=X["sku"], desc=X["desc"], qty=X["qty"], unit=X["unit"], price=X["price"],
                   disc=X["disc"], vat=X["vat"], total=X["total"], vcode=X["vcode"], date=X["date_col"])
    code = doc["cur"][0]
    if not doc["table_sym"] and doc["rng_layout"] < 0.4:
        head_of["total"] = f"{X['total']} ({code})"
    cols = o["cols"]
    codes = {}
    if fam == "wholesale-grid":
        for i, (rate, _, _) in enumerate(doc["groups"]):
            codes[rate] = "ABCDE"[i] if o["vcode_style"] == "letters" else str(i + 1)
    rows, subs, cums = [], [], []
    run = Decimal(0)
    short_fmt = {"en_US": "{mm}/{dd}", "en_GB": "{dd}/{mm}", "fr_FR": "{dd}/{mm}", "es_ES": "{dd}/{mm}",
                 "it_IT": "{dd}/{mm}", "nl_NL": "{dd}-{mm}"}.get(doc["loc"], "{dd}.{mm}.")
    for i, it in enumerate(doc["items"], 1):
        qty = fmt_qty(it["qty"], doc)
        cell = dict(pos=str(i), sku=it["code"], desc=it["desc"], qty=qty, unit=it["unit"],
                    price=money(it["price"], doc, doc["table_sym"], it["pdec"]),
                    disc=pct(it["disc"], doc) if it["disc"] else "", vat=pct(it["rate"], doc),
                    total=money(sg * it["total"], doc, doc["table_sym"]), vcode=codes.get(it["rate"], ""),
                    date=fmt_date(it["date"], doc, short_fmt if o.get("date_short") else None) if "date" in it else "")
        rows.append([cell[k] for k in cols])
        sub = ""
        if o.get("sku_sub"):
            sub = f"{X['sku_sub']}: {it['code']}"
            if fam == "webshop" and "unit" not in cols and rng_bool(doc, i):
                sub += f" · {it['unit']}"
        subs.append(sub)
        run += it["total"]
        cums.append(money(sg * run, doc, doc["tot_sym"]))
    num_kinds = {"qty", "price", "disc", "vat", "total"}
    align = ["R" if k in num_kinds else "C" if k in ("vcode", "pos") and fam == "wholesale-grid" else "L" for k in cols]
    table = dict(head=[head_of[k] for k in cols], align=align, kind=cols, rows=rows, sub=subs, cum=cums)
    # totals block
    m = lambda x: money(sg * x, doc, doc["tot_sym"])  # noqa: E731
    totals = []
    show_sub = doc["disc_pct"] or doc["shipping"] or doc["rng_layout"] < 0.5 or fam == "webshop"
    net_label = pick(random.Random(doc["number"]), LB.US["net"]) if us else X["net"]
    if us and show_sub and net_label == X["subtotal"]:
        net_label = "Taxable subtotal"
    if show_sub:
        totals.append([X["subtotal"], m(doc["subtotal"]), ""])
    if doc["disc_pct"]:
        totals.append([f"{X['discount']} {pct(doc['disc_pct'], doc)}", money(-sg * doc["disc_amt"], doc, doc["tot_sym"]), ""])
    if doc["shipping"]:
        totals.append([SHIPPING_WEB[doc["lang"]] if fam == "webshop" else X["shipping"], m(doc["shipping"]), ""])
    if not show_sub or doc["disc_pct"] or doc["shipping"]:
        totals.append([net_label, m(doc["net"]), "B" if fam == "band-erp" else ""])
    if us:
        totals.append([pick(random.Random(doc["number"] + "t"), LB.US["tax_line"]).format(r=pct(doc["sales_tax"], doc)),
                       m(doc["tax"]), ""])
    else:
        per_rate = len(doc["groups"]) > 1 and not doc["vat_summary"]
        if per_rate or doc["rng_layout"] > 0.6:
            for rate, base, tax in doc["groups"]:
                lab = (X["vat_on"].format(r=pct(rate, doc), b=m(base)) if doc["rng_layout"] > 0.8
                       else X["vat_line"].format(r=pct(rate, doc)))
                totals.append([lab, m(tax), ""])
        if not doc["vat_lines_only"] and not (len(doc["groups"]) == 1 and doc["rng_layout"] > 0.6):
            totals.append([X["vat_total"], m(doc["tax"]), ""])
    gross_label = pick(random.Random(doc["number"] + "g"), LB.US["gross"]) if us else X["gross"]
    totals.append([gross_label, m(doc["gross"]), "big"])
    payment = None
    if fam == "webshop":
        r = random.Random(doc["number"] + "p")
        brand = r.choice(["Visa", "Mastercard", "Amex"])
        payment = X["card"].format(b=brand, d=f"{r.randint(0, 9999):04d}") if r.random() < 0.7 else "PayPal"
    if doc["deposit"]:
        dep_label = X["deposit"] if fam != "webshop" else f"{X['paid']} ({payment})"
        totals.append([dep_label, money(-sg * doc["deposit"], doc, doc["tot_sym"]), ""])
        totals.append([X["amount_due"], m(doc["gross"] - doc["deposit"]), "big"])
    vat = None
    if doc["vat_summary"]:
        head = [X["rate"], X["base"], X["vat_amt"], X["gross_col"]]
        rws = [[pct(r, doc), m(b), m(t), m(b + t)] for r, b, t in doc["groups"]]
        if fam == "wholesale-grid":
            head = [X["vcode"]] + head
            rws = [[codes[g[0]]] + rw for g, rw in zip(doc["groups"], rws)]
        vat = dict(title=X["vat_summary"], head=head, rows=rws)
    notes = []
    if doc["credit"]:
        notes.append(X["refers"].format(n=doc["ref_invoice"], d=fmt_date(doc["ref_date"], doc)))
    if doc["cur_fmt"].startswith("code") and doc["rng_layout"] < 0.3 or not doc["tot_sym"]:
        notes.append({"en": "All amounts in {c}.", "de": "Alle Beträge in {c}.", "fr": "Montants en {c}.",
                      "nl": "Alle bedragen in {c}.", "it": "Importi in {c}.", "es": "Importes en {c}.",
                      "cs": "Částky v {c}."}[doc["lang"]].format(c=code))
    if fam == "wholesale-grid":
        legend = "{c} = Sales tax {r}" if us else X["legend"]
        notes.append(", ".join(legend.format(c=codes[r], r=pct(r, doc)) for r, _, _ in doc["groups"]))
    if fam == "service-log":
        notes.append(X["hours_note"])
    terms = [] if doc["credit"] else [(LB.US["terms_val"] if us else X["terms_val"]).format(n=doc["terms_days"])]
    if s["iban"]:
        bank = [f"{s['bank']}", f"IBAN {s['iban']}", f"BIC {s['bic']}"]
    else:
        bank = [s["bank"], s["us_bank"]]
    sep = " · " if doc["font"]["kind"] == "ttf" else " | "
    footer = [sep.join([s["name"], s["street"], s["city"]]), sep.join(legal + [s["email"]])]
    lr = random.Random(doc["number"] + "x")
    mentions = None
    if doc["country"] == "FR":
        mentions = lr.choice(LB.FR_MENTIONS)
        footer[1] = lr.choice(LB.FR_FORMS) + sep + footer[1]
    job = dict(
        id=f"{doc['idx']:03d}_{fam}", out=str(out_pdf), family=fam, paper=doc["paper"], font=doc["font"], opts=o,
        lang=doc["lang"], creation=int(dt.datetime.combine(doc["date"], dt.time(9, 30), dt.timezone.utc).timestamp()),
        title=title, number=doc["number"], num_label=num_label,
        supplier=dict(name=s["name"], lines=sup_lines, contact=contact, legal=legal),
        meta=meta, parties=parties, table=table, totals=totals, vat=vat, notes=notes, terms=terms,
        terms_label=X["terms"], bank=bank, bank_label=X["bank"], thanks=X["thanks"], notes_label=X["notes"],
        footer=footer, page_fmt=X["page"], cont=X["cont"], carried=X["carried"], brought=X["brought"],
        from_label=X["from_"], to_label=X["to"], mentions=mentions, dp=doc["sep"][1],
        tech=f"{X['tech']}: {lr.choice(W.STAFF)}" if fam == "service-log" else "",
        signature=X["signature"], payment=[X["payment"], payment] if payment else None,
        sender_line=sep.join([s["name"], s["street"], s["city"]]), po_line=po_line,
    )
    return job


def rng_bool(doc, i):
    return random.Random(f"{doc['number']}/{i}").random() < 0.5


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
    yield from job["table"]["sub"]
    yield from job["table"]["cum"]
    for t in job["totals"]:
        yield from t[:2]
    if job["vat"]:
        yield job["vat"]["title"]
        yield from job["vat"]["head"]
        for r in job["vat"]["rows"]:
            yield from r
    for k in ("notes", "terms", "bank", "footer"):
        yield from job[k]
    for k in ("terms_label", "bank_label", "thanks", "notes_label", "page_fmt", "cont", "mentions", "carried", "brought",
              "from_label", "to_label", "tech", "signature", "sender_line", "po_line"):
        if job.get(k):
            yield job[k]
    if job["payment"]:
        yield from job["payment"]


# --------------------------------------------------------------------------- truth and check
def truth_of(doc: dict) -> dict:
    o = doc["opts"]
    return G.truth_of(doc, SET_NAME, show_codes=bool("sku" in o["cols"] or o.get("sku_sub")), style=style_of(doc))


def style_of(doc: dict) -> dict:
    """_style of the truth: common's, with the library's version and the currency in the totals."""
    o = doc["opts"]
    return {
        "family": doc["family"], "library": "gofpdf 2.17.2", "locale": doc["loc"], "font": doc["font"]["name"],
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
        "credit_printed_negative": doc["neg"], "items": len(doc["items"]),
    }


def expected_strings(doc: dict, job: dict) -> list[tuple[str, str]]:
    """common's, and the item codes printed under the descriptions (sku_sub)."""
    out = G.expected_strings(doc, job)
    if doc["opts"].get("sku_sub"):
        out += [(f"item{i}.sku", it["code"]) for i, it in enumerate(doc["items"])]
    return out


def check_doc(doc: dict, job: dict, pdf: Path) -> list[str]:
    return G.check_doc(doc, job, pdf, expected_strings,
                       text_check=lambda text: ["page count alias left in the text"] if "{nb}" in text else [])


# --------------------------------------------------------------------------- build and run render.go
def build_renderer(tmp: Path) -> Path:
    go = shutil.which("go")
    if not go or not GOFPDF_SRC.exists():
        raise SystemExit("go or gofpdf missing: apt-get install -y golang-go golang-github-jung-kurt-gofpdf-dev")
    exe = tmp / "render"
    env = dict(os.environ, GO111MODULE="off", GOPATH="/usr/share/gocode", GOCACHE=str(tmp / "gocache"),
               GOFLAGS="", GOPROXY="off", CGO_ENABLED="0", HOME=str(tmp))
    res = subprocess.run([go, "build", "-trimpath", "-o", str(exe), str(HERE / "render.go")], cwd=tmp, env=env,
                         capture_output=True, text=True, timeout=600)
    if res.returncode != 0:
        print(res.stdout, res.stderr, file=sys.stderr)
        raise SystemExit("go build render.go failed")
    return exe


# --------------------------------------------------------------------------- main
def main(argv=None):
    args = G.parse_args(argv, __doc__, FAMILIES)
    out, docs, jobs = G.draw_docs(args, make_doc, build_job, job_strings, "not cp1252 with a core font")
    tmp = Path(tempfile.mkdtemp(prefix="gofpdf_build_"))
    try:
        exe = build_renderer(tmp)
        jobs_file = G.write_jobs(jobs, out, tmp, args.keep_jobs)
        res = subprocess.run([str(exe), str(jobs_file)], capture_output=True, text=True, timeout=1800)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    G.renderer_done(res, "render")
    return G.write_truths(out, docs, jobs, args.no_check, truth_of, check_doc)


if __name__ == "__main__":
    raise SystemExit(main())
