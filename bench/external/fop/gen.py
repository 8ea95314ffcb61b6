#!/usr/bin/env python3
"""Invoice PDFs printed from XSL-FO by Apache FOP 2.8 (Debian package ``fop``), the formatter behind the invoice
prints of many Java ERPs and document platforms; a truth JSON is written beside each PDF and checked against its text.

    .venv/bin/python gen.py OUTDIR --count N --seed S [--only FAMILY] [--keep-jobs] [--no-check]

gen.py draws every document (parties, items, VAT, formats, labels, layout options), writes it out as an XSL-FO
file (plain string building, no template) and runs the ``fop`` command on each (one per CPU, at most four at a
time) with a font configuration it writes (FOP's base-14 fonts, or DejaVu / Liberation TrueType fonts embedded as
CID or single-byte fonts). FOP stamps the time of the run into the PDF (XMP dates, file /ID): those bytes are replaced by values of
the same length taken from the document, so that a seed gives identical PDFs. Then pypdf extracts the text of
every PDF and the printed truth values are looked for in it (common.scaffold.check_doc); a document that fails
is reported and removed.
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # bench/external: the modules in common/
from common import ids  # noqa: E402
from common import labels as LB  # noqa: E402
from common import scaffold as G  # noqa: E402
from common import world as W  # noqa: E402
from common.scaffold import city_line, dec_str, fmt_date, money, pct, phone, pick, r2, slug  # noqa: E402

G.use_set_venv(HERE, __file__)

SET_NAME = "fop"
#: family -> what it is after
FAMILIES = {
    "ofbiz": "ERP invoice after Apache OFBiz's invoice print",
    "din5008": "DIN 5008 business letter (Rechnung / Gutschrift)",
    "facture": "French facture with TVA summary and mentions légales",
    "carryover": "multi-page invoice, header omitted at breaks, carried-forward markers",
    "dense": "dense small-type grid with codes, units, discounts and tax-code letters",
}
FX_RATE = {"GBP": 0.86, "USD": 1.08, "CHF": 0.95}

# --------------------------------------------------------------------------- locales and labels
LOCALES = {
    **LB.LOCALES,
    "de_AT": LB.DE_AT,
    "de_CH": dict(lang="de", country="CH", sep=("'", "."), cur=("CHF", "CHF", "pre_sp"), paper="a4"),
}
DATE_FORMATS = {
    **LB.DATE_FORMATS,
    "de_AT": ["{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{dd}.{mm}.{yyyy}"],
    "de_CH": ["{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{dd}.{mm}.{yy}"],
}
#: families drawn in every locale cycle through these; the others have their own
OPEN_LOCALES = ["en_GB", "de_DE", "en_US", "nl_NL", "it_IT", "es_ES", "de_AT", "fr_FR", "de_CH", "en_US"]
FAMILY_LOCALES = {"din5008": ["de_DE", "de_AT", "de_DE", "de_CH"], "facture": ["fr_FR"]}
SELF_BILLING_LANGS = ("de", "fr", "en", "nl")

PO_LABELS = dict(en=["PO No.", "Your reference", "PO Number", "Purchase order", "Your order"],
                 de=["Ihre Bestellung", "Ihre Bestell-Nr.", "Ihr Zeichen", "Bestellnummer"],
                 fr=["Votre référence", "Votre commande", "Bon de commande", "Réf. commande"])

# labels of this set's layouts (the common ones come from common/labels.py)
FX = {
    "en": dict(carried=["Carried forward", "Balance carried forward"], brought=["Brought forward", "Balance brought forward"],
               sb_title=["SELF-BILLED INVOICE", "Self-billed invoice"], sb_no=["Invoice No.", "Self-bill No."],
               sb_note=("Self-billed invoice issued by {c} on behalf of {s} under a self-billing agreement. "
                        "The VAT shown is your output tax due to HMRC."),
               sb_pay="We will pay the amount to your account {i}.", seller=["Supplier", "Supplier details"],
               supplier_no=["Supplier No.", "Vendor No."], prev=["Previous balance", "Balance from previous invoices"],
               total_due=["Total balance due", "Total amount due"], contact=["Contact", "Your contact"], phone="Phone",
               email="E-mail", directors="Directors", legend="{c} = VAT {r}", vcode=["VAT", "Tax code"],
               amounts="All amounts in {c}.", seller_tax="Supplier VAT No.", pay_by="Please pay by {d}.",
               sales_legend="{c} = Sales tax {r}"),
    "de": dict(carried=["Übertrag", "Zwischensumme Übertrag"], brought=["Übertrag", "Übertrag Vorseite"],
               sb_title=["Gutschrift (Selbst ausgestellte Rechnung)", "Gutschrift im Gutschriftverfahren"],
               sb_no=["Gutschrift-Nr.", "Belegnummer"],
               sb_note=("Abrechnung im Gutschriftverfahren: {c} stellt diese Rechnung im Namen und für Rechnung von {s} "
                        "aus (Selbstfakturierung). Widersprechen Sie bitte innerhalb von 14 Tagen, wenn Angaben nicht "
                        "zutreffen."),
               sb_pay="Den Betrag überweisen wir auf Ihr Konto {i}.", seller=["Lieferant", "Leistender Unternehmer"],
               supplier_no=["Lieferanten-Nr.", "Ihre Lieferantennummer"], prev=["Offener Saldo Vorrechnungen", "Saldovortrag"],
               total_due=["Gesamt offen", "Offener Gesamtbetrag"], contact=["Ansprechpartner", "Ihr Ansprechpartner"],
               phone="Telefon", email="E-Mail", directors="Geschäftsführer", legend="{c} = USt. {r}",
               vcode=["St.", "USt-Kz."], amounts="Alle Beträge in {c}.", seller_tax="USt-IdNr. des Lieferanten",
               pay_by="Zahlbar bis {d} ohne Abzug.",
               sb_intro="für die folgenden Lieferungen und Leistungen erteilen wir Ihnen Gutschrift:",
               credit_intro="wir schreiben Ihnen die folgenden Positionen gut:"),
    "fr": dict(carried=["À reporter", "Total à reporter"], brought=["Report", "Report page précédente"],
               sb_title=["AUTOFACTURATION", "FACTURE – AUTOFACTURATION"], sb_no=["Facture n°", "N° d'autofacture"],
               sb_note=("Autofacturation : facture établie par {c} au nom et pour le compte de {s}, "
                        "conformément au mandat de facturation (art. 289-I-2 du CGI)."),
               sb_pay="Le montant sera viré sur votre compte {i}.", seller=["Fournisseur", "Vendeur"],
               supplier_no=["N° fournisseur", "Code fournisseur"], prev=["Solde antérieur", "Report solde précédent"],
               total_due=["Total dû", "Solde à payer"], contact=["Contact", "Votre interlocuteur"], phone="Tél.",
               email="E-mail", directors="Gérant", legend="{c} = TVA {r}", vcode=["Code", "Code TVA"],
               amounts="Montants exprimés en {c}.", seller_tax="N° TVA du fournisseur", pay_by="À régler avant le {d}.",),
    "nl": dict(carried=["Transport", "Te transporteren"], brought=["Transport", "Transport vorige pagina"],
               sb_title=["FACTUUR (SELF-BILLING)", "Self-billingfactuur"], sb_no=["Factuurnummer", "Documentnr."],
               sb_note="Factuur uitgereikt door afnemer: {c} reikt deze factuur uit namens {s} (self-billing).",
               sb_pay="Wij maken het bedrag over naar uw rekening {i}.", seller=["Leverancier", "Leverancier"],
               supplier_no=["Leveranciersnr.", "Crediteurnr."], prev=["Vorig saldo", "Openstaand saldo"],
               total_due=["Totaal openstaand", "Totaal te betalen"], contact=["Contactpersoon", "Uw contactpersoon"],
               phone="Telefoon", email="E-mail", directors="Directie", legend="{c} = btw {r}", vcode=["Btw", "Btw-code"],
               amounts="Alle bedragen in {c}.", seller_tax="Btw-nr. leverancier", pay_by="Te betalen voor {d}.",),
    "it": dict(carried=["A riportare", "Totale a riportare"], brought=["Riporto", "Riporto pagina precedente"],
               prev=["Saldo precedente", "Saldo fatture precedenti"], total_due=["Totale dovuto", "Saldo da pagare"],
               contact=["Referente", "Vs. referente"], phone="Tel.", email="E-mail", directors="Amministratore",
               legend="{c} = IVA {r}", vcode=["Cod.", "Cod. IVA"], amounts="Importi in {c}.", pay_by="Da pagare entro il {d}."),
    "es": dict(carried=["Suma y sigue", "Suma y sigue"], brought=["Suma anterior", "Suma anterior"],
               prev=["Saldo anterior", "Saldo pendiente anterior"], total_due=["Total adeudado", "Total pendiente"],
               contact=["Contacto", "Persona de contacto"], phone="Tel.", email="E-mail", directors="Administrador",
               legend="{c} = IVA {r}", vcode=["Cód.", "Cód. IVA"], amounts="Importes en {c}.", pay_by="Pagar antes del {d}."),
}
#: Swiss German says MWST, not USt.
CH_LABELS = dict(vat=["MWST", "MWST %"], vat_line="MWST {r}", vat_on="MWST {r} auf {b}", vat_total=["Total MWST", "MWST total"],
                 net=["Total exkl. MWST", "Nettobetrag"], gross=["Total inkl. MWST", "Rechnungsbetrag"], vat_amt="MWST",
                 vat_summary="MWST-Zusammenstellung", cust_vat="Ihre MWST-Nr.", legend="{c} = MWST {r}")

# --------------------------------------------------------------------------- fonts
TTF_DIR = Path("/usr/share/fonts/truetype")
#: FO family name -> files (regular, bold, italic, bold italic) under TTF_DIR
TTF = {
    "DejaVu Sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf", "dejavu/DejaVuSans-Oblique.ttf",
                    "dejavu/DejaVuSans-BoldOblique.ttf"),
    "DejaVu Sans Condensed": ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf",
                              "dejavu/DejaVuSansCondensed-Oblique.ttf", "dejavu/DejaVuSansCondensed-BoldOblique.ttf"),
    "DejaVu Serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf", "dejavu/DejaVuSerif-Italic.ttf",
                     "dejavu/DejaVuSerif-BoldItalic.ttf"),
    "Liberation Sans": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf",
                        "liberation/LiberationSans-Italic.ttf", "liberation/LiberationSans-BoldItalic.ttf"),
    "Liberation Sans Narrow": ("liberation/LiberationSansNarrow-Regular.ttf", "liberation/LiberationSansNarrow-Bold.ttf",
                               "liberation/LiberationSansNarrow-Italic.ttf", "liberation/LiberationSansNarrow-BoldItalic.ttf"),
    "Liberation Serif": ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf",
                         "liberation/LiberationSerif-Italic.ttf", "liberation/LiberationSerif-BoldItalic.ttf"),
    "Liberation Mono": ("liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf",
                        "liberation/LiberationMono-Italic.ttf", "liberation/LiberationMono-BoldItalic.ttf"),
}
#: widths in em (digit, separator, factor for other characters; 0 = monospaced) to size columns and pad figures
METRICS = {"Helvetica": (0.556, 0.278, 1.0), "Times": (0.5, 0.25, 0.9), "Courier": (0.6, 0.6, 0),
           "DejaVu Sans": (0.636, 0.318, 1.13), "DejaVu Sans Condensed": (0.572, 0.286, 1.02),
           "DejaVu Serif": (0.636, 0.318, 1.15), "Liberation Sans": (0.556, 0.278, 1.0),
           "Liberation Sans Narrow": (0.456, 0.228, 0.82), "Liberation Serif": (0.5, 0.25, 0.9),
           "Liberation Mono": (0.6, 0.6, 0)}
FAMILY_FONTS = {  # family -> (base-14 choices, TrueType choices)
    "ofbiz": (["Helvetica", "Helvetica", "Times"], ["DejaVu Sans", "Liberation Sans"]),
    "din5008": (["Helvetica", "Times"], ["Liberation Sans", "DejaVu Sans", "Liberation Serif"]),
    "facture": (["Helvetica", "Times"], ["DejaVu Serif", "Liberation Sans", "DejaVu Sans Condensed"]),
    "carryover": (["Helvetica", "Courier"], ["Liberation Mono", "DejaVu Sans Condensed", "Liberation Sans"]),
    "dense": (["Helvetica", "Courier"], ["Liberation Sans Narrow", "DejaVu Sans Condensed"]),
}


def fop_config(path: Path) -> None:
    """FOP's configuration: every TrueType font twice, as a CID font (Identity-H, FOP's default) and, under the name
    "<name> SB", in encoding-mode="single-byte" (WinAnsi plus a Differences array); no font cache."""
    fonts = []
    for name, files in TTF.items():
        for fam, mode in ((name, "cid"), (f"{name} SB", "single-byte")):
            for f, style, weight in zip(files, ("normal", "normal", "italic", "italic"), ("normal", "bold", "normal", "bold"),
                                        strict=True):
                fonts.append(f'<font embed-url={quoteattr(str(TTF_DIR / f))} kerning="yes" encoding-mode="{mode}">'
                             f'<font-triplet name={quoteattr(fam)} style="{style}" weight="{weight}"/></font>')
    path.write_text('<?xml version="1.0"?>\n<fop version="1.0"><use-cache>false</use-cache><renderers>'
                    '<renderer mime="application/pdf"><fonts>\n' + "\n".join(fonts) +
                    "\n</fonts></renderer></renderers></fop>\n")


# --------------------------------------------------------------------------- parties
VAT_ID = {"DE": ids.de_vat, "AT": ids.at_vat, "NL": ids.nl_vat, "FR": lambda r: ids.fr_vat(r)[0],
          "IT": lambda r: "IT" + ids.it_vat(r), "ES": lambda r: "ES" + ids.es_cif(r), "GB": lambda r: "GB" + ids.gb_vat(r),
          "CH": lambda r: ids.ch_uid(r) + " MWST"}
BANKS = {"GB": "Barclays Bank", "US": "First Republic", "DE": "Hamburger Sparkasse", "AT": "Erste Bank",
         "CH": "Zürcher Kantonalbank", "FR": "Crédit Agricole", "NL": "ING Bank", "IT": "Intesa Sanpaolo", "ES": "CaixaBank"}


def person(rng, country):
    return f"{rng.choice('ABCDEFGHJKLMNPRST')}. {rng.choice(W.SURNAMES[country])}"


def make_supplier(rng, doc):
    """The seller: name, address, contact, tax id as printed and the register ids its country's letters carry
    (common's make_supplier has no AT and CH, and no directors or court)."""
    country = doc["country"]
    s = rng.choice(W.SURNAMES[country])
    city, pc, street = rng.choice(W.PLACES[country])
    town = city.split(",")[0].split(" ")[0]
    name = rng.choice(W.SUPPLIER_PATTERNS[country]).format(s=s, c=town)
    tld = {"GB": "co.uk", "US": "com"}.get(country, country.lower())
    sup = dict(name=name, street=street, city=city_line(country, city, pc), phone=phone(rng, country, alpine=True),
               email=rng.choice(["invoices", "billing", "accounts", "info", "office"]) + f"@{slug(s)}.{tld}",
               web=f"www.{slug(s)}.{tld}", directors=[person(rng, country) for _ in range(rng.choice([1, 1, 2]))],
               contact=rng.choice(W.STAFF))
    extra, court = [], None
    if country == "GB":
        v = ids.gb_vat(rng)
        sup.update(tax_label=rng.choice(["VAT Reg. No.", "VAT No."]),
                   tax_id=rng.choice([f"GB{v}", f"GB {v[:3]} {v[3:7]} {v[7:]}"]))
        court = f"Registered in England and Wales No. {rng.randint(1000000, 9999999):08d}"
    elif country == "US":
        if rng.random() < 0.6:
            sup.update(tax_label=rng.choice(["EIN", "Tax ID", "Federal Tax ID"]),
                       tax_id=f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}")
    elif country == "DE":
        sup.update(tax_label=rng.choice(["USt-IdNr.", "USt-ID"]), tax_id=ids.de_vat(rng))
        court = f"Amtsgericht {town} HRB {rng.randint(10000, 199999)}"
        if rng.random() < 0.4:
            extra.append(f"Steuernr. {rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}")
    elif country == "AT":
        sup.update(tax_label=rng.choice(["UID-Nr.", "UID"]), tax_id=ids.at_vat(rng))
        court = (f"FN {rng.randint(10000, 599999)} {rng.choice('abdfgimpstvwxyz')}, "
                 + {"Wien": "Handelsgericht Wien", "Salzburg": "LG Salzburg", "Graz": "LG für ZRS Graz"}[town])
    elif country == "CH":
        sup.update(tax_label=rng.choice(["MWST-Nr.", "UID"]), tax_id=ids.ch_uid(rng) + " MWST")
        court = f"Handelsregister des Kantons {dict(Zürich='Zürich', Bern='Bern', Basel='Basel-Stadt')[town]}"
    elif country == "FR":
        v, siren = ids.fr_vat(rng)
        sup.update(tax_label=rng.choice(["N° TVA intracom.", "TVA intracommunautaire"]),
                   tax_id=rng.choice([v, f"{v[:2]} {v[2:4]} {v[4:]}"]), form=rng.choice(LB.FR_FORMS))
        sp = f"{siren[:3]} {siren[3:6]} {siren[6:]}"
        extra += [f"SIRET {sp} {rng.randint(10, 99):03d}{rng.randint(10, 99)}",
                  f"APE {rng.choice(['4639B', '4631Z', '9601A', '4669B'])}"]
        court = f"RCS {dict(Rungis='Créteil', Lyon='Lyon', Bordeaux='Bordeaux')[town]} {sp}"
    elif country == "NL":
        sup.update(tax_label=rng.choice(["Btw-nr.", "Btw-id"]), tax_id=ids.nl_vat(rng))
        court = f"KvK {rng.randint(10000000, 99999999)}"
    elif country == "IT":
        v = ids.it_vat(rng)
        sup.update(tax_label=rng.choice(["P. IVA", "Partita IVA"]), tax_id=rng.choice([v, "IT" + v]))
        court = f"REA MI-{rng.randint(1000000, 2999999)}"
        extra.append("Cap. soc. € " + rng.choice(["10.000,00 i.v.", "50.000,00 i.v."]))
    elif country == "ES":
        v = ids.es_cif(rng)
        sup.update(tax_label=rng.choice(["NIF", "CIF"]), tax_id=rng.choice([v, "ES" + v]))
        court = f"Reg. Mercantil de {town}, Tomo {rng.randint(10000, 40000)}, Hoja M-{rng.randint(100000, 699999)}"
    sup["court"], sup["extra_ids"] = court, extra
    sup["iban"] = ids.iban(rng, country, ids.IBAN_LEN[country]) if country != "US" else None
    sup["us_bank"] = f"Routing {rng.randint(100000000, 999999999)} / Account {rng.randint(10**9, 10**10 - 1)}"
    sup["bic"] = "".join(rng.choice("ABCDEFGHKLMNPRSTUVWZ") for _ in range(4)) + country + rng.choice(["2X", "MM", "HH", "PP"])
    sup["bank"] = BANKS[country]
    return sup


def make_customer(rng, doc, supplier):
    """The buyer (a hotel or restaurant); the issuer of a self-billed invoice, which then prints its VAT id."""
    country = doc["country"]
    cust = G.customer_base(rng, country, supplier)
    cust.update(number=rng.choice([f"K-{rng.randint(10000, 99999)}", f"{rng.randint(100000, 999999)}",
                                   f"C{rng.randint(1000, 9999)}", f"D{rng.randint(10000, 99999)}"]),
                phone=phone(rng, country, alpine=True), supplier_no=f"{rng.randint(70000, 79999)}")
    if rng.random() < 0.3:
        cust["attn"] = G.ATTN[doc["lang"]]
    if country != "US" and (doc["self_billed"] or rng.random() < 0.35):
        cust["vat_id"] = VAT_ID[country](rng)
    if rng.random() < 0.35:
        c2, pc2, st2 = G.ship_place(rng, country)
        first = dict(en="Goods in / Kitchen", de="Warenannahme Küche", fr="Réception marchandises", nl="Goederenontvangst",
                     it="Ricevimento merci", es="Recepción de mercancía")[doc["lang"]]
        cust["ship"] = [cust["name"], first, st2, city_line(country, c2, pc2)]
    return cust


# --------------------------------------------------------------------------- the document
def make_doc(seed: int, idx: int) -> dict:
    rng = random.Random(f"{SET_NAME}/{seed}/{idx}")
    fams = list(FAMILIES)
    family = G.family_of(SET_NAME, seed, idx, FAMILIES)
    k = (idx - 1) // len(fams)
    if family in FAMILY_LOCALES:
        pool = FAMILY_LOCALES[family]
        loc = pool[(k + seed) % len(pool)]
    else:  # every open family meets every locale
        lorder = random.Random(f"{SET_NAME}/{seed}/loc").sample(OPEN_LOCALES, len(OPEN_LOCALES))
        loc = lorder[(3 * k + fams.index(family)) % len(lorder)]
    info = LOCALES[loc]
    doc = G.start_doc(rng, seed, idx, family, loc, LOCALES, FX)
    lang, country, X = doc["lang"], doc["country"], doc["X"]
    if lang in PO_LABELS:
        X["po"] = rng.choice(PO_LABELS[lang])
    if country == "CH":
        X.update({k2: pick(rng, v) for k2, v in CH_LABELS.items()})
    doc["sep"] = info["sep"]
    if loc == "fr_FR" and rng.random() < 0.25:
        doc["sep"] = (".", ",")
    if loc == "de_CH" and rng.random() < 0.3:
        doc["sep"] = ("\u2019", ".")  # typographic apostrophe, as Java's de_CH NumberFormat prints it
    doc["min_group2"] = loc == "es_ES" and rng.random() < 0.5
    doc["cur"] = info["cur"]
    doc["cur_fmt"] = info["cur"][2] if rng.random() < 0.75 else rng.choice(["code_pre", "code_post"])
    doc["table_sym"] = family in ("ofbiz", "facture", "din5008") and rng.random() < 0.35
    doc["tot_sym"] = family != "dense" or rng.random() < 0.5
    doc["pct_sep"] = " " if lang in ("fr", "de") and rng.random() < 0.6 else ""
    doc["qty_fixed"] = rng.choice([0, 0, 0, 2, 3] if family == "dense" else [0, 0, 0, 2])
    doc["date_fmt"] = rng.choice(DATE_FORMATS[loc])
    doc["paper"] = info["paper"]
    doc["sales_tax"] = Decimal(str(rng.choice(W.US_SALES_TAX))) if country == "US" else None
    doc["credit"] = family != "carryover" and rng.random() < 0.13
    doc["neg"] = False  # credit notes print positive amounts, their title says what they are
    doc["self_billed"] = (not doc["credit"] and family in ("ofbiz", "din5008", "facture") and lang in SELF_BILLING_LANGS
                          and country != "US" and rng.random() < 0.14)
    doc["long"] = family == "carryover"
    doc["supplier"] = make_supplier(rng, doc)
    doc["customer"] = make_customer(rng, doc, doc["supplier"])
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    doc["date"] = date
    doc["number"] = G.invoice_number(rng, lang, doc["credit"], date.year, date.month)
    if doc["self_billed"]:
        doc["number"] = rng.choice([f"GS{date.year % 100:02d}-{rng.randint(1000, 9999)}", f"SB-{rng.randint(10000, 99999)}",
                                    f"{date.year}/AF/{rng.randint(100, 999)}"])
    if doc["credit"]:
        doc["ref_invoice"] = G.invoice_number(random.Random(rng.random()), lang, False, date.year, date.month)
        doc["ref_date"] = date - dt.timedelta(days=rng.randint(5, 60))
    G.draw_terms_and_pos(rng, doc, date, delivery_p=0.4)
    doc["mode"] = "single" if country == "US" or rng.random() < 0.4 else "multi"
    items = G.make_items(rng, doc)
    if family == "carryover":
        items = items[:rng.randint(25, 45)]
    if family == "dense":
        doc["line_disc"] = True
    else:
        doc["line_disc"] = family in ("ofbiz", "din5008", "facture") and rng.random() < 0.2
    if doc["line_disc"]:
        G.draw_line_discounts(rng, items, (2, 3, 5, 10, 12.5, 15, 20), normalize=True)
    G.draw_amounts(rng, doc, items, disc_p=0.18, ship_p=0 if doc["self_billed"] else 0.25, fx=FX_RATE, rates_desc=True)
    groups = doc["groups"]
    doc["deposit"] = doc["prev_balance"] = Decimal(0)
    fx = Decimal(str(FX_RATE.get(doc["cur"][0], 1)))
    if not doc["credit"] and not doc["self_billed"]:
        r = rng.random()
        if r < 0.13:
            doc["deposit"] = r2(doc["gross"] * Decimal(rng.choice([20, 25, 30, 50])) / 100)
        elif r < 0.22:
            doc["prev_balance"] = r2(Decimal(str(rng.uniform(80, 2400))) * fx)
    doc["vat_summary"] = country != "US" and (
        family in ("facture", "dense") or family in ("din5008", "carryover", "ofbiz") and (
            len(groups) > 1 and rng.random() < 0.55 or rng.random() < 0.15))
    doc["vat_lines_only"] = False  # the VAT total is always printed
    doc["font"] = pick_font(rng, doc)
    doc["rng_layout"] = rng.random()
    doc["opts"] = layout_opts(rng, doc)
    return doc


def pick_font(rng, doc):
    """A base-14 font (WinAnsi, not embedded) or a TrueType font embedded by FOP as a CID subset (Identity-H) or,
    in about a third, in single-byte mode."""
    std, ttf = FAMILY_FONTS[doc["family"]]
    if rng.random() < 0.5:
        name = rng.choice(ttf)
        sb = rng.random() < 0.35
        return dict(kind="ttf", name=name, fo=f"{name} SB" if sb else name, encoding="single-byte" if sb else "cid")
    name = rng.choice(std)
    return dict(kind="std", name=name, fo=name, encoding="WinAnsi")


ACCENTS = ["#1F4E79", "#2E75B6", "#375623", "#7B2C2C", "#404040", "#5B2C6F", "#0E6655", "#8E5B00", "#1B2631"]


def layout_opts(rng, doc):
    f = doc["family"]
    o = dict(accent=rng.choice(ACCENTS), size=rng.choice([9, 9, 9.5, 10]), dec_align=rng.random() < 0.5,
             repeat_head=rng.random() < 0.75)
    if f == "ofbiz":
        o.update(logo_box=rng.random() < 0.4, zebra=rng.random() < 0.35, title_right=rng.random() < 0.7,
                 cols=rng.choice([["sku", "desc", "qty", "price", "total"], ["desc", "qty", "price", "total"],
                                  ["sku", "desc", "qty", "unit", "price", "total"],
                                  ["pos", "sku", "desc", "qty", "price", "total"]]))
    elif f == "din5008":
        o.update(size=rng.choice([9, 9.5, 10, 10, 11]), form=rng.choice(["A", "B", "B"]), subject_number=rng.random() < 0.5,
                 rules=rng.choice(["head", "rows", "grid"]), four_cols=rng.random() < 0.4,
                 cols=rng.choice([["pos", "sku", "desc", "qty", "unit", "price", "total"],
                                  ["pos", "desc", "qty", "unit", "price", "total"],
                                  ["pos", "sku", "desc", "qty", "price", "total"]]))
    elif f == "facture":
        o.update(leaders=rng.random() < 0.5, client_box=rng.random() < 0.7,
                 head_fill=rng.choice(["#E6E6E6", "#D9E2F3", "#EFEFEF"]),
                 cols=rng.choice([["sku", "desc", "qty", "price", "vat", "total"],
                                  ["desc", "qty", "unit", "price", "vat", "total"],
                                  ["sku", "desc", "qty", "unit", "price", "vat", "total"]]))
    elif f == "carryover":
        o.update(size=rng.choice([10, 10.5, 11]), repeat_head=False, sku_sub=rng.random() < 0.35, band=rng.random() < 0.5,
                 cols=rng.choice([["pos", "sku", "desc", "qty", "unit", "price", "total"],
                                  ["pos", "desc", "qty", "price", "total"], ["sku", "desc", "qty", "unit", "price", "total"],
                                  ["pos", "desc", "qty", "unit", "price", "total"]]))
        if o["sku_sub"] and "sku" in o["cols"]:
            o["cols"] = [c for c in o["cols"] if c != "sku"]
    else:  # dense
        o.update(size=rng.choice([6.5, 7, 7, 7.5]), vcode_letters=rng.random() < 0.7, disc_blank=rng.random() < 0.5,
                 head_fill=rng.choice(["#D0D0D0", "#E0E0E0", "#CFD8E3"]),
                 cols=rng.choice([["pos", "sku", "desc", "qty", "unit", "price", "disc", "total", "vcode"],
                                  ["sku", "desc", "qty", "unit", "price", "disc", "vcode", "total"],
                                  ["pos", "sku", "desc", "unit", "qty", "price", "disc", "total", "vcode"]]))
    cols = list(o["cols"])
    if doc["line_disc"] and "disc" not in cols:
        cols.insert(cols.index("total"), "disc")
    if f in ("ofbiz", "din5008", "carryover") and len(doc["groups"]) > 1 and rng.random() < 0.7:
        cols.insert(cols.index("total"), "vat")
    o["cols"] = cols
    return o


# --------------------------------------------------------------------------- the job (all text pre-formatted)
def build_job(doc: dict, out_pdf: Path) -> dict:
    X, s, c, o = doc["X"], doc["supplier"], doc["customer"], doc["opts"]
    us = doc["country"] == "US"
    sb = doc["self_billed"]
    lr = random.Random(doc["number"] + "x")
    D = lambda d: fmt_date(d, doc)  # noqa: E731
    title = X["sb_title"] if sb else X["credit"] if doc["credit"] else X["invoice"]
    num_label = X["sb_no"] if sb else X["cn_no"] if doc["credit"] else X["inv_no"]
    meta = G.meta_rows(doc, num_label, [X["supplier_no"], c["supplier_no"]] if sb else [X["cust"], c["number"]])
    # the issuer (letterhead, footer) and the addressee: the seller and its customer, or the other way round
    if sb:
        vat_word = dict(GB="VAT No.", DE="USt-IdNr.", AT="UID-Nr.", CH="MWST-Nr.", FR="N° TVA", NL="Btw-nr.")[doc["country"]]
        issuer = dict(name=c["name"], lines=[c["street"], c["city"]], contact=[c["phone"]],
                      legal=[f"{vat_word} {c['vat_id']}"], directors=[], court=None, bank=[])
        addressee = [s["name"], s["street"], s["city"]]
        seller = [s["name"], s["street"], s["city"], f"{X['seller_tax']}: {s['tax_id']}"]
    else:
        tax_line = f"{s['tax_label']}: {s['tax_id']}" if s.get("tax_id") else None
        legal = ([s["form"]] if s.get("form") else []) + ([s["court"]] if s["court"] else []) + \
            ([tax_line] if tax_line else []) + s["extra_ids"]
        bank = [s["bank"], f"IBAN {s['iban']}", f"BIC {s['bic']}"] if s["iban"] else [s["bank"], s["us_bank"]]
        issuer = dict(name=s["name"], lines=[s["street"], s["city"]], contact=[s["phone"], s["email"], s["web"]],
                      legal=legal, directors=s["directors"], court=s["court"], bank=bank, tax_line=tax_line)
        addressee = [c["name"]] + ([c["attn"]] if c.get("attn") else []) + [c["street"], c["city"]]
        seller = None
    if c.get("vat_id") and not sb:
        addressee_vat = f"{X['cust_vat']}: {c['vat_id']}"
    else:
        addressee_vat = None
    # item table
    head_of = G.column_heads(doc, 0.3, vcode=X["vcode"])
    cols = o["cols"]
    codes = {}
    for i, (rate, _, _) in enumerate(doc["groups"]):
        codes[rate] = "ABCD"[i] if o.get("vcode_letters", True) else str(i + 1)
    rows, subs, bf, cfw = [], [], [], []
    run = Decimal(0)
    for i, it in enumerate(doc["items"], 1):
        cell = G.item_cells(doc, i, it)
        if not it["disc"] and not o.get("disc_blank", True):
            cell["disc"] = pct(0, doc)  # 0 % printed on the lines without a discount
        cell["vcode"] = codes.get(it["rate"], "")
        rows.append([cell[k] for k in cols])
        subs.append(f"{X['sku']}: {it['code']}" if o.get("sku_sub") else "")
        bf.append(money(run, doc, doc["tot_sym"]) if i > 1 else "")
        run += it["total"]
        cfw.append(money(run, doc, doc["tot_sym"]) if i < len(doc["items"]) else "")
    table = dict(head=[head_of[k] for k in cols], kind=cols, rows=rows, sub=subs, brought=bf, carried=cfw)
    # totals
    m = lambda x: money(x, doc, doc["tot_sym"])  # noqa: E731
    totals = []
    if doc["disc_pct"] or doc["shipping"]:
        totals.append([X["subtotal"], m(doc["subtotal"]), ""])
    if doc["disc_pct"]:
        totals.append([f"{X['discount']} {pct(doc['disc_pct'], doc)}", money(-doc["disc_amt"], doc, doc["tot_sym"]), ""])
    if doc["shipping"]:
        totals.append([X["shipping"], m(doc["shipping"]), ""])
    net_label = pick(lr, LB.US["net"]) if us else X["net"]
    if net_label == X["subtotal"] and (doc["disc_pct"] or doc["shipping"]):
        net_label = "Taxable subtotal"
    totals.append([net_label, m(doc["net"]), "B"])
    if us:
        totals.append([pick(lr, LB.US["tax_line"]).format(r=pct(doc["sales_tax"], doc)), m(doc["tax"]), ""])
    else:
        if len(doc["groups"]) > 1 and not doc["vat_summary"] or doc["rng_layout"] > 0.75:
            for rate, base, tax in doc["groups"]:
                lab = (X["vat_on"].format(r=pct(rate, doc), b=m(base)) if doc["rng_layout"] > 0.55
                       else X["vat_line"].format(r=pct(rate, doc)))
                totals.append([lab, m(tax), ""])
        totals.append([X["vat_total"], m(doc["tax"]), ""])
    gross_label = X["gross"]
    if us:
        gross_label = lr.choice(["Invoice total", "Total"] if doc["deposit"] or doc["prev_balance"] else LB.US["gross"])
    totals.append([gross_label, m(doc["gross"]), "big"])
    if doc["deposit"]:
        totals.append([X["deposit"], money(-doc["deposit"], doc, doc["tot_sym"]), ""])
        totals.append([X["amount_due"], m(doc["gross"] - doc["deposit"]), "big"])
    if doc["prev_balance"]:
        totals.append([X["prev"], m(doc["prev_balance"]), ""])
        totals.append([X["total_due"], m(doc["gross"] + doc["prev_balance"]), "big"])
    vat = None
    if doc["vat_summary"]:
        if doc["family"] == "facture":
            head, rws = ["Base HT", "Taux", "Montant TVA"], [[m(b), pct(r, doc), m(t)] for r, b, t in doc["groups"]]
        else:
            head = [X["rate"], X["base"], X["vat_amt"], X["gross_col"]]
            rws = [[pct(r, doc), m(b), m(t), m(b + t)] for r, b, t in doc["groups"]]
            if doc["family"] == "dense":
                head = [X["vcode"]] + head
                rws = [[codes[g[0]]] + rw for g, rw in zip(doc["groups"], rws, strict=True)]
        vat = dict(title=X["vat_summary"], head=head, rows=rws)
    notes = []
    if doc["credit"]:
        notes.append(X["refers"].format(n=doc["ref_invoice"], d=D(doc["ref_date"])))
    if sb:
        notes.append(X["sb_note"].format(c=c["name"], s=s["name"]))
    if not doc["tot_sym"] or doc["cur_fmt"].startswith("code") and doc["rng_layout"] < 0.3:
        notes.append(X["amounts"].format(c=doc["cur"][0]))
    if doc["family"] == "dense":
        legend = X["sales_legend"] if us else X["legend"]
        notes.append(", ".join(legend.format(c=codes[r], r=pct(r, doc)) for r, _, _ in doc["groups"]))
    terms = []
    if sb:
        terms.append(X["sb_pay"].format(i=s["iban"]))
    elif not doc["credit"]:
        terms.append((LB.US["terms_val"] if us else X["terms_val"]).format(n=doc["terms_days"]))
        if doc["due"] and lr.random() < 0.4:
            terms.append(X["pay_by"].format(d=D(doc["due"])))
    sep = " · " if doc["font"]["kind"] == "ttf" or lr.random() < 0.5 else " | "
    job = dict(
        id=f"{doc['idx']:03d}_{doc['family']}", out=str(out_pdf), family=doc["family"], lang=doc["lang"],
        title=title, number=doc["number"], num_label=num_label, date=D(doc["date"]), date_label=X["date"],
        issuer=issuer, addressee=addressee, addressee_vat=addressee_vat, seller=seller,
        seller_label=X.get("seller", ""), ship=c.get("ship"), ship_label=X["ship_to"], bill_label=X["bill_to"],
        meta=meta, table=table, totals=totals, vat=vat, notes=notes, terms=terms, terms_label=X["terms"],
        bank_label=X["bank"], thanks=X["thanks"], page_fmt=X["page"], carried=X["carried"], brought=X["brought"],
        sender_line=sep.join([issuer["name"]] + issuer["lines"]), sep=sep, contact_label=X["contact"],
        contact=s["contact"] if not sb else lr.choice(W.STAFF), phone_label=X["phone"], email_label=X["email"],
        directors_label=X["directors"], letter=LB.LETTER[doc["lang"]],
        mentions=lr.choice(LB.FR_MENTIONS) if doc["country"] == "FR" else None,
        general=X["general_text"] if lr.random() < 0.35 and doc["family"] != "facture" else None,  # facture: FR_MENTIONS
    )
    return job


def job_strings(job: dict):
    """Every string of the job (for the WinAnsi check of base-14 documents)."""
    def walk(v):
        if isinstance(v, str):
            yield v
        elif isinstance(v, dict):
            for k, w in v.items():
                if k not in ("out", "id", "family"):
                    yield from walk(w)
        elif isinstance(v, (list, tuple)):
            for w in v:
                yield from walk(w)
    yield from walk(job)


# --------------------------------------------------------------------------- XSL-FO building
class M(str):
    """FO markup, already escaped."""


def x(v) -> M:
    return v if isinstance(v, M) else M(escape(str(v)))


def attrs(kw: dict) -> str:
    """Python names to FO property names: '_' -> '-', '__' -> '.' (keep_together__within_page)."""
    out = []
    for k, v in kw.items():
        if v is None or v is False:
            continue
        name = k.rstrip("_").replace("__", ".").replace("_", "-")
        out.append(f" {name}={quoteattr(str(v))}")
    return "".join(out)


def el(tag: str, *content, **kw) -> M:
    inner = "".join(x(c) for c in content if c is not None)
    return M(f"<fo:{tag}{attrs(kw)}>{inner}</fo:{tag}>" if inner else f"<fo:{tag}{attrs(kw)}/>")


def cat(*parts) -> M:
    return M("".join(x(p) for p in parts if p is not None))


def blk(*content, **kw) -> M:
    return el("block", *content, **kw)


def lines(items, **kw) -> M:
    return cat(*(blk(t, **kw) for t in items if t))


def cell(*content, **kw) -> M:
    """A table cell; plain strings become blocks."""
    body = [c if isinstance(c, M) and c.startswith(("<fo:block", "<fo:table", "<fo:list")) else blk(c) for c in content]
    return el("table-cell", *(body or [blk("")]), **kw)


def row(*cells, **kw) -> M:
    return el("table-row", *cells, **kw)


def table(widths, body, head=None, foot=None, **kw) -> M:
    cols = cat(*(el("table-column", column_width=w) for w in widths))
    kw.setdefault("table_layout", "fixed")
    kw.setdefault("width", "100%")
    return el("table", cols, el("table-header", *head) if head else None, el("table-footer", *foot) if foot else None,
              el("table-body", *body), **kw)


def nb(s: str) -> str:
    """Numbers and dates do not break inside a table cell: their spaces become no-break spaces."""
    return s.replace(" ", "\u00a0")


def text_mm(s: str, doc: dict, size: float, bold: bool = False) -> float:
    """Width of ``s`` (mm) in the document's font, from METRICS: enough to size the table columns."""
    digit, sep, k = METRICS[doc["font"]["name"]]
    if k == 0:
        em = 0.6 * len(s)
    else:
        em = 0.0
        for ch in s:
            em += (digit if ch.isdigit() else sep if ch in " .,'’\u00a0-/:" else 0.72 * k if ch.isupper() or ch in "mwMW%€£$"
                   else 0.52 * k)
    return em * size * 0.3528 * (1.08 if bold else 1.0)


def decimals(s: str, dp: str) -> int:
    num = re.sub(r"[^\d.,'’\u00a0 -]", "", s).strip()
    return len(num) - num.rindex(dp) - 1 if dp in num else 0


def dec_pads(values: list[str], doc: dict) -> list[float]:
    """The space (em) after each right-aligned figure that lines up the column's decimal marks (FOP 2.8 rejects
    text-align="<string>", XSL's own decimal alignment)."""
    digit, sep, k = METRICS[doc["font"]["name"]]
    ds = [decimals(v, doc["sep"][1]) for v in values]
    most = max(ds, default=0)
    return [(most - d) * digit + (sep if d == 0 and most else 0) if v else 0.0
            for v, d in zip(values, ds, strict=True)]


def padded(v: str, pad: float) -> M:
    """A figure followed by a space leader of ``pad`` em."""
    return cat(nb(v), el("leader", leader_pattern="space", leader_length=f"{pad:.3f}em")) if pad else x(nb(v))


NUMERIC = {"qty", "price", "disc", "vat", "total"}


def column_widths(doc, job, size, body_mm, pad_mm=1.2, dec=False):
    """Widths of the item table: each column as wide as its widest value or heading word, the description the rest."""
    t = job["table"]
    widths = []
    for j, k in enumerate(t["kind"]):
        if k == "desc":
            widths.append(None)
            continue
        vals = [r[j] for r in t["rows"]]
        pads = dec_pads(vals, doc) if dec and k in NUMERIC else [0.0] * len(vals)
        w = max([text_mm(v, doc, size) + p * size * 0.3528 for v, p in zip(vals, pads, strict=True)]
                + [text_mm(wd, doc, size, True) for wd in t["head"][j].split()])
        widths.append(w + 2 * pad_mm + 0.8)
    rest = body_mm - sum(w for w in widths if w)
    return [f"{w:.1f}mm" if w else "proportional-column-width(1)" for w in widths], rest


def items_table(doc, job, size, body_mm, *, head_fill=None, head_color=None, head_align="col", grid=False,
                row_rule=False, zebra=None, omit_header=False, markers=None, border="#999999", pad="0.8mm",
                head_rule="0.8pt solid #000000", bottom_rule=None) -> M:
    """The item table: headings (left, centred or as their column) over figures aligned at the end (or on their
    decimal marks), grid / row rules / zebra, the header repeated or omitted at page breaks, and for the
    carried-forward layout a marker pair in each row (the labelled running totals before and after it)."""
    o, t = doc["opts"], job["table"]
    dec = o.get("dec_align", False)
    widths, rest = column_widths(doc, job, size, body_mm, dec=dec)
    kinds = t["kind"]
    colvals = list(zip(*t["rows"], strict=True)) if t["rows"] else [[] for _ in kinds]
    cells_by_col = []
    for j, k in enumerate(kinds):
        vals = list(colvals[j])
        if k in NUMERIC and dec:
            cells_by_col.append([padded(v, p) for v, p in zip(vals, dec_pads(vals, doc), strict=True)])
        elif k in NUMERIC:
            cells_by_col.append([x(nb(v)) for v in vals])
        else:
            cells_by_col.append([x(v) for v in vals])
    align = ["end" if k in NUMERIC else "center" if k in ("vcode",) else "start" for k in kinds]
    if "pos" in kinds:
        align[kinds.index("pos")] = "end" if doc["rng_layout"] < 0.5 else "start"
    cb = f"0.4pt solid {border}"
    hc = dict(padding=pad, background_color=head_fill, color=head_color, border_bottom=head_rule,
              border=cb if grid else None, display_align="after")
    head_cells = []
    for j, h in enumerate(t["head"]):
        ha = {"col": align[j], "left": "start", "center": "center"}[head_align]
        head_cells.append(cell(blk(h, font_weight="bold", text_align=ha), **hc))
    body = []
    for i in range(len(t["rows"])):
        cells = []
        for j, k in enumerate(kinds):
            content = cells_by_col[j][i]
            parts = []
            if j == 0 and markers:
                parts = [el("marker", markers[0][i], marker_class_name="brought"),
                         el("marker", markers[1][i], marker_class_name="carried")]
            inner = [blk(*parts, content, text_align=align[j])]
            if k == "desc" and t["sub"][i]:
                inner.append(blk(t["sub"][i], font_size="85%", color="#555555"))
            cells.append(cell(*inner, padding=pad, border=cb if grid else None,
                              border_bottom=f"0.3pt solid {border}" if row_rule and not grid else None))
        body.append(row(*cells, background_color=zebra if zebra and i % 2 else None,
                        keep_together__within_page="always"))
    tb = table(widths, body, head=[row(*head_cells)], font_size=f"{size}pt",
               table_omit_header_at_break="true" if omit_header else None,
               border_collapse="collapse", border_bottom=bottom_rule, hyphenate="false")
    return tb


def totals_table(job, size, width="85mm", big_size=None, leaders=False, label_align="start", rule="0.6pt solid #000000",
                 fill=None, border=None) -> M:
    """The totals block: label | amount rows, the gross (and amount due) bold with a rule above."""
    rows = []
    for label, value, style in job["totals"]:
        bold = style in ("big", "B")
        lab = cat(label, el("leader", leader_pattern="dots", leader_pattern_width="3pt")) if leaders else x(label)
        kw = dict(padding="0.6mm", border_top=rule if style == "big" else None, background_color=fill if style == "big" else None,
                  border=border)
        rows.append(row(cell(blk(lab, text_align="justify" if leaders else label_align,
                                 text_align_last="justify" if leaders else None, font_weight="bold" if bold else None), **kw),
                        cell(blk(nb(value), text_align="end", font_weight="bold" if bold else None,
                                 font_size=big_size if style == "big" and big_size else None), **kw)))
    return table(["proportional-column-width(3)", "proportional-column-width(2)"], rows, width=width,
                 font_size=f"{size}pt", keep_together__within_page="always", hyphenate="false")


def vat_table(job, size, head_fill="#EEEEEE", border="#999999", width="100%") -> M:
    v = job["vat"]
    cb = f"0.4pt solid {border}"
    n = len(v["head"])
    head = [row(*(cell(blk(h, font_weight="bold", text_align="start" if j == 0 else "end"), padding="0.6mm", border=cb,
                       background_color=head_fill) for j, h in enumerate(v["head"])))]
    body = [row(*(cell(blk(nb(c), text_align="start" if j == 0 else "end"), padding="0.6mm", border=cb) for j, c in enumerate(r)))
            for r in v["rows"]]
    return cat(blk(v["title"], font_weight="bold", space_before="3mm", space_after="1mm", keep_with_next="always",
                   font_size=f"{size}pt"),
               table(["proportional-column-width(1)"] * n, body, head=head, width=width, font_size=f"{size}pt",
                     border_collapse="collapse", keep_together__within_page="always", hyphenate="false"))


def kv_table(pairs, size, widths=("proportional-column-width(1)", "proportional-column-width(1)"), bold_values=False,
             value_align="start", label_color=None, width="100%", pad="0.3mm") -> M:
    rows = [row(cell(blk(a, color=label_color), padding=pad), cell(blk(nb(b), text_align=value_align,
                                                                      font_weight="bold" if bold_values else None), padding=pad))
            for a, b in pairs]
    return table(list(widths), rows, width=width, font_size=f"{size}pt", hyphenate="false")


def page_text(job, doc) -> M:
    """'Page x of n' in the document's words: fo:page-number and fo:page-number-citation-last."""
    fmt = job["page_fmt"]
    a, rest = fmt.split("{p}")
    b, c = rest.split("{n}")
    return cat(a, el("page-number"), b, el("page-number-citation-last", ref_id="seq"), c)


PAPER = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}


def page_masters(doc, first: dict, rest: dict) -> M:
    """Two simple-page-masters (first / rest) chosen by a repeatable-page-master-alternatives; each dict gives the
    page margins (mm: top, right, bottom, left), the body's top and bottom margins and the regions' extents."""
    w, h = PAPER[doc["paper"]]
    ms = []
    for name, g in (("first", first), ("rest", rest)):
        t, r, b, left = g["margin"]
        ms.append(el("simple-page-master",
                     el("region-body", margin_top=f"{g['body_top']}mm", margin_bottom=f"{g['body_bottom']}mm"),
                     el("region-before", region_name=f"before-{name}", extent=f"{g['before']}mm"),
                     el("region-after", region_name=f"after-{name}", extent=f"{g['after']}mm"),
                     master_name=name, page_width=f"{w}mm", page_height=f"{h}mm",
                     margin=f"{t}mm {r}mm {b}mm {left}mm"))
    alts = el("repeatable-page-master-alternatives",
              el("conditional-page-master-reference", master_reference="first", page_position="first"),
              el("conditional-page-master-reference", master_reference="rest", page_position="rest"))
    ms.append(el("page-sequence-master", alts, master_name="doc"))
    return el("layout-master-set", *ms)


def fo_document(doc, job, masters: M, statics: dict, flow: M, size: float) -> str:
    """The fo:root: fonts, language (for the hyphenation of running text), XMP metadata, one page-sequence."""
    created = f"{doc['date'].isoformat()}T09:30:00Z"
    xmp = M('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{escape(job['title'] + ' ' + job['number'])}</dc:title><xmp:CreateDate>{created}</xmp:CreateDate>"
            "</rdf:Description></rdf:RDF></x:xmpmeta>")
    sc = cat(*(el("static-content", content, flow_name=name) for name, content in statics.items()))
    seq = el("page-sequence", sc, el("flow", flow, flow_name="xsl-region-body"), master_reference="doc", id="seq")
    root = el("root", masters, el("declarations", xmp), seq, font_family=doc["font"]["fo"], font_size=f"{size}pt",
              line_height="1.2", language=doc["lang"], country=doc["country"].lower(), hyphenate="false")
    root = root.replace("<fo:root ", '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" ', 1)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + root


def prose(text, size, **kw) -> M:
    """Running text: justified and hyphenated by FOP (language from fo:root)."""
    return blk(text, font_size=f"{size}pt", text_align="justify", hyphenate="true", **kw)


def notes_block(job, size) -> M:
    return cat(*(blk(n, font_size=f"{size}pt", space_before="1.5mm", keep_together__within_page="always") for n in job["notes"]))


def terms_block(job, size, bank: bool = True) -> M:
    parts = []
    if job["terms"]:
        parts.append(blk(el("inline", job["terms_label"] + ": ", font_weight="bold"), " ".join(job["terms"]),
                         font_size=f"{size}pt", space_before="2mm"))
    if bank and job["issuer"]["bank"]:
        parts.append(blk(el("inline", job["bank_label"] + ": ", font_weight="bold"), job["sep"].join(job["issuer"]["bank"]),
                         font_size=f"{size}pt", space_before="1mm"))
    return cat(*parts)


# --------------------------------------------------------------------------- family: ofbiz
def fo_ofbiz(doc, job) -> str:
    """After OFBiz's invoice print: logo text block and company address left, the title and a label/value meta
    table right, bill-to / ship-to side by side, item table with left-aligned bold headings over right-aligned
    figures, totals block right, running header and 'Page x of y' footer."""
    o, size, acc = doc["opts"], doc["opts"]["size"], doc["opts"]["accent"]
    w, _ = PAPER[doc["paper"]]
    ml = mr = 15.0
    body = w - ml - mr
    iss = job["issuer"]
    logo = (blk(iss["name"], font_size="15pt", font_weight="bold", color="#FFFFFF", background_color=acc, padding="2mm")
            if o["logo_box"] else blk(iss["name"], font_size="16pt", font_weight="bold", color=acc))
    left = cat(logo, lines(iss["lines"] + iss["contact"], font_size=f"{size - 1}pt", space_before="0.5mm"))
    right = cat(blk(job["title"], font_size="18pt" if len(job["title"]) < 14 else "13pt", font_weight="bold",
                    text_align="end" if o["title_right"] else "start",
                    space_after="2mm", color=acc),
                kv_table(job["meta"], size - 0.5, widths=("proportional-column-width(1)", "proportional-column-width(1)"),
                         label_color="#444444", value_align="end"))
    header = table(["proportional-column-width(1)", "proportional-column-width(1)"],
                   [row(cell(left, padding_right="4mm"), cell(right))])
    boxes = []
    blabel = job["seller_label"] if job["seller"] else job["bill_label"]
    bill = job["seller"] if job["seller"] else job["addressee"] + ([job["addressee_vat"]] if job["addressee_vat"] else [])
    boxes.append(cat(blk(blabel + ":", font_weight="bold", border_bottom=f"0.5pt solid {acc}", space_after="1mm"), lines(bill)))
    if job["seller"]:
        boxes.append(cat(blk(job["bill_label"] + ":", font_weight="bold", border_bottom=f"0.5pt solid {acc}", space_after="1mm"),
                         lines([job["issuer"]["name"]] + job["issuer"]["lines"])))
    elif job["ship"]:
        boxes.append(cat(blk(job["ship_label"] + ":", font_weight="bold", border_bottom=f"0.5pt solid {acc}", space_after="1mm"),
                         lines(job["ship"])))
    while len(boxes) < 2:
        boxes.append(blk(""))
    parties = table(["proportional-column-width(1)", "8mm", "proportional-column-width(1)"],
                    [row(cell(boxes[0]), cell(blk("")), cell(boxes[1]))], space_before="6mm", space_after="6mm")
    items = items_table(doc, job, size, body, head_align="left", head_rule=f"1pt solid {acc}", row_rule=not o["zebra"],
                        zebra="#F2F2F2" if o["zebra"] else None, omit_header=not o["repeat_head"], border="#CCCCCC")
    tot = table(["proportional-column-width(1)", "90mm"],
                [row(cell(blk("")), cell(totals_table(job, size, width="90mm", big_size=f"{size + 1}pt")))],
                space_before="4mm", keep_together__within_page="always")
    flow = cat(header, parties, items, tot, vat_table(job, size) if job["vat"] else None, notes_block(job, size),
               terms_block(job, size), blk(job["thanks"], space_before="4mm", font_style="italic") if job["terms"] else None,
               prose(job["general"], size - 2, space_before="3mm") if job["general"] else None)
    footer = cat(blk(job["sep"].join(job["issuer"]["legal"]), font_size="7pt", text_align="center", color="#555555"),
                 blk(page_text(job, doc), font_size="7.5pt", text_align="center", space_before="1mm"))
    running = table(["proportional-column-width(1)", "proportional-column-width(1)"],
                    [row(cell(blk(job["issuer"]["name"], font_weight="bold", color=acc)),
                         cell(blk(f"{job['title']} {job['number']}", text_align="end")))],
                    font_size=f"{size - 1}pt", border_bottom="0.5pt solid #999999")
    g = dict(margin=(12, mr, 10, ml), body_top=0, body_bottom=14, before=0.1, after=12)
    masters = page_masters(doc, g, dict(g, body_top=14, before=10))
    return fo_document(doc, job, masters, {"before-rest": running, "after-first": footer, "after-rest": footer}, flow, size)


# --------------------------------------------------------------------------- family: din5008
def fo_din5008(doc, job) -> str:
    """A DIN 5008 business letter: letterhead, address field (form A 27 mm / form B 45 mm from the top) with the
    return line, information block at 125 mm, subject, salutation, items, totals, closing, and a three- or
    four-column footer (address and managing directors, register court and VAT id, bank) on every page."""
    o, size, acc = doc["opts"], doc["opts"]["size"], doc["opts"]["accent"]
    X = doc["X"]
    iss = job["issuer"]
    top = 27.0 if o["form"] == "A" else 45.0
    ml, mr = 25.0, 20.0
    body = 210.0 - ml - mr
    head = cat(blk(iss["name"], font_size="17pt", font_weight="bold", color=acc, text_align="end"),
               blk(job["sep"].join(iss["lines"]), font_size="8pt", text_align="end", color="#555555"))
    window = el("block-container",
                blk(job["sender_line"], font_size="7pt", text_decoration="underline", space_after="3mm"),
                lines(job["addressee"] + ([job["addressee_vat"]] if job["addressee_vat"] else []),
                      font_size=f"{min(size, 10)}pt"),
                height="40mm", overflow="hidden")
    info = list(job["meta"])
    info.append([job["contact_label"], job["contact"]])
    if not job["seller"]:
        info.append([job["phone_label"], iss["contact"][0]])
        info.append([job["email_label"], iss["contact"][1]])
    if job["seller"]:
        info.append([doc["X"]["seller_tax"], doc["supplier"]["tax_id"]])
    info_t = kv_table(info, 8.5, widths=("proportional-column-width(10)", "proportional-column-width(11)"))
    address = table(["85mm", "15mm", "proportional-column-width(1)"], [row(cell(window), cell(blk("")), cell(info_t))])
    subject = job["title"] + (f" {job['number']}" if o["subject_number"] else "")
    sal, intro, closing = job["letter"]
    if job["seller"]:
        intro = doc["X"]["sb_intro"]
    elif doc["credit"]:
        intro = doc["X"]["credit_intro"]
    rules = o["rules"]
    items = items_table(doc, job, size - 0.5, body, head_align="col", grid=rules == "grid", row_rule=rules == "rows",
                        head_fill="#EEEEEE" if rules == "grid" else None, omit_header=not o["repeat_head"],
                        head_rule="0.8pt solid #000000", bottom_rule="0.8pt solid #000000" if rules != "grid" else None)
    tot = table(["proportional-column-width(1)", "80mm"], [row(cell(blk("")), cell(totals_table(job, size - 0.5, width="80mm")))],
                space_before="2mm", keep_together__within_page="always")
    flow = cat(address, blk(subject, font_weight="bold", font_size=f"{size + 1}pt", space_before="8mm", space_after="6mm"),
               blk(sal), blk(intro, space_before="3mm", space_after="3mm"), items, tot,
               vat_table(job, size - 1, width="120mm") if job["vat"] else None, notes_block(job, size - 0.5),
               cat(*(blk(t, space_before="2mm") for t in job["terms"])),
               blk(closing, space_before="6mm", keep_with_next="always"), blk(iss["name"], space_before="1mm"),
               prose(job["general"], size - 2.5, space_before="5mm", color="#444444") if job["general"] else None)
    # footer columns
    col1 = [iss["name"]] + iss["lines"]
    if iss["directors"]:
        col1.append(f"{job['directors_label']}: {', '.join(iss['directors'])}")
    col2 = ([iss["court"]] if iss["court"] else []) + ([iss["tax_line"]] if iss.get("tax_line") else []) + \
        [e for e in iss["legal"] if e != iss["court"] and e != iss.get("tax_line")]
    col3 = iss["bank"] or [f"{job['phone_label']} {c}" for c in iss["contact"]]
    cols = [col1, col2, col3]
    if o["four_cols"] and not job["seller"]:
        cols = [col1[:3], col1[3:] + [f"{job['phone_label']} {iss['contact'][0]}", iss["contact"][1]], col2, col3]
    foot = cat(blk(page_text(job, doc), text_align="end", font_size="8pt", space_after="2mm"),
               table(["proportional-column-width(1)"] * len(cols),
                     [row(*(cell(lines(c), padding_right="2mm", padding_top="1mm") for c in cols))],
                     font_size="6.5pt", color="#444444", border_top="0.4pt solid #999999"))
    running = cat(blk(iss["name"], font_weight="bold", color=acc, text_align="end", font_size="10pt"),
                  blk(f"{job['title']} {job['number']} {X['date']} {job['date']}", font_size="8pt", text_align="end"))
    first = dict(margin=(10, mr, 8, ml), body_top=top - 10, body_bottom=28, before=top - 14, after=26)
    rest = dict(first, body_top=22, before=18)
    masters = page_masters(doc, first, rest)
    return fo_document(doc, job, masters, {"before-first": head, "before-rest": running, "after-first": foot,
                                           "after-rest": foot}, flow, size)


# --------------------------------------------------------------------------- family: facture
def fo_facture(doc, job) -> str:
    """A French facture: supplier block with legal form and capital, client box right, a bordered band of
    references (date, échéance, n° client, votre référence), the item table with TVA rates, the TVA summary
    (Base HT | Taux | Montant TVA) beside Total HT / Total TVA / Total TTC, conditions, mentions légales (pénalités
    de retard, indemnité forfaitaire) and a legal footer line."""
    o, size, acc = doc["opts"], doc["opts"]["size"], doc["opts"]["accent"]
    iss = job["issuer"]
    ml = mr = 15.0
    body = 210.0 - ml - mr
    form = doc["supplier"].get("form") if not job["seller"] else None
    left = cat(blk(iss["name"], font_size="15pt", font_weight="bold", color=acc),
               blk(form, font_size="7.5pt", color="#555555") if form else None,
               lines(iss["lines"], font_size=f"{size - 0.5}pt"),
               lines([f"{job['phone_label']} {iss['contact'][0]}"] + iss["contact"][1:2], font_size=f"{size - 1}pt"))
    right = cat(blk(job["title"], font_size="20pt" if len(job["title"]) < 14 else "13pt", font_weight="bold", text_align="end",
                    color=acc),
                blk(f"{job['num_label']} {job['number']}", text_align="end", font_size=f"{size + 1}pt", font_weight="bold"))
    header = table(["proportional-column-width(3)", "proportional-column-width(2)"], [row(cell(left), cell(right))])
    cbox = dict(border="0.6pt solid #777777", padding="2.5mm") if o["client_box"] else dict(padding="2.5mm")
    if job["seller"]:
        lbox = cat(blk(job["seller_label"], font_weight="bold", font_size="8pt", color="#555555"), lines(job["seller"]))
        rbox = cat(blk(job["bill_label"], font_size="8pt", color="#555555"), lines([iss["name"]] + iss["lines"] + iss["legal"]))
    else:
        lbox = (cat(blk(job["ship_label"], font_weight="bold", font_size="8pt", color="#555555"), lines(job["ship"]))
                if job["ship"] else blk(""))
        rbox = cat(blk(job["bill_label"], font_size="8pt", color="#555555"),
                   lines(job["addressee"] + ([job["addressee_vat"]] if job["addressee_vat"] else []), font_weight="normal"))
    parties = table(["proportional-column-width(1)", "10mm", "90mm"],
                    [row(cell(lbox, padding="2.5mm"), cell(blk("")), cell(rbox, **cbox))], space_before="6mm")
    meta = [kv for kv in job["meta"] if kv[1] != job["number"]]
    band = table(["proportional-column-width(1)"] * len(meta),
                 [row(*(cell(blk(a, font_size="7.5pt", color="#555555"), blk(nb(b), font_weight="bold"),
                             border="0.5pt solid #777777", padding="1.2mm") for a, b in meta))],
                 space_before="5mm", space_after="5mm", font_size=f"{size}pt", border_collapse="collapse")
    items = items_table(doc, job, size - 0.5, body, head_fill=o["head_fill"], grid=True, head_align="center",
                        omit_header=not o["repeat_head"], border="#777777", head_rule="0.5pt solid #777777")
    bottom = table(["95mm", "proportional-column-width(1)", "80mm"],
                   [row(cell(vat_table(job, size - 1, head_fill=o["head_fill"], width="95mm")), cell(blk("")),
                        cell(totals_table(job, size - 0.5, width="80mm", leaders=o["leaders"], fill=o["head_fill"],
                                          rule="0.6pt solid #777777")))],
                   space_before="3mm", keep_together__within_page="always")
    flow = cat(header, parties, band, items, bottom, notes_block(job, size - 0.5),
               terms_block(job, size - 0.5, bank=not job["seller"]),
               prose(job["mentions"], 7.5, space_before="4mm", color="#333333"),
               prose(job["general"], 7, space_before="1.5mm", color="#333333") if job["general"] else None)
    legal = job["sep"].join([iss["name"]] + iss["legal"])
    footer = cat(blk(legal, font_size="6.5pt", text_align="center", color="#444444", border_top="0.4pt solid #999999",
                     padding_top="1mm"),
                 blk(page_text(job, doc), font_size="7pt", text_align="end"))
    running = blk(f"{iss['name']} – {job['title']} {job['number']}", font_size="8pt", color="#555555",
                  border_bottom="0.4pt solid #999999")
    g = dict(margin=(12, mr, 8, ml), body_top=0, body_bottom=16, before=0.1, after=14)
    masters = page_masters(doc, g, dict(g, body_top=10, before=7))
    return fo_document(doc, job, masters, {"before-rest": running, "after-first": footer, "after-rest": footer}, flow, size)


# --------------------------------------------------------------------------- family: carryover
def fo_carryover(doc, job) -> str:
    """A long ERP invoice over several pages: the running header (name band, title, number, page) on every
    page, the table's header only on the first page (table-omit-header-at-break), and the running total carried
    from page to page with fo:marker / fo:retrieve-marker: "Carried forward" at the foot of a page, "Brought
    forward" at the top of the next."""
    o, size, acc = doc["opts"], doc["opts"]["size"], doc["opts"]["accent"]
    iss = job["issuer"]
    w, _ = PAPER[doc["paper"]]
    ml, mr = 18.0, 15.0
    body = w - ml - mr
    name = (blk(iss["name"], font_size="13pt", font_weight="bold", color="#FFFFFF", background_color=acc, padding="1.5mm")
            if o["band"] else
            blk(iss["name"], font_size="13pt", font_weight="bold", color=acc, border_bottom=f"1.5pt solid {acc}"))
    pg = page_text(job, doc)
    running = cat(name, table(["proportional-column-width(1)", "proportional-column-width(1)"],
                              [row(cell(blk(f"{job['title']} {job['number']}", font_weight="bold")),
                                   cell(blk(pg, text_align="end")))], font_size=f"{size - 1}pt", space_before="1mm"),
                  blk(el("retrieve-marker", retrieve_class_name="brought", retrieve_position="first-starting-within-page",
                         retrieve_boundary="page"), text_align="end", font_size=f"{size}pt", font_weight="bold",
                      space_before="1.5mm"))
    carried_label = job["carried"]
    after = cat(blk(el("retrieve-marker", retrieve_class_name="carried", retrieve_position="last-ending-within-page",
                       retrieve_boundary="page"), text_align="end", font_size=f"{size}pt", font_weight="bold"),
                blk(job["sep"].join([iss["name"]] + iss["lines"] + iss["legal"]), font_size="6.5pt", color="#555555",
                    text_align="center", space_before="2mm"))
    # the markers carry their labels: "Brought forward: 1.234,56" / "Carried forward: 1.234,56"
    t = job["table"]
    markers = ([cat(job["brought"], ": ", nb(v)) if v else "" for v in t["brought"]],
               [cat(carried_label, ": ", nb(v)) if v else "" for v in t["carried"]])
    # first page: sender line, bill-to, ship-to and the references, the title, an opening sentence
    bill = cat(blk(job["sender_line"], font_size="6.5pt", text_decoration="underline", space_after="2mm"),
               blk(job["bill_label"], font_size="7.5pt", color="#555555"),
               lines(job["addressee"] + ([job["addressee_vat"]] if job["addressee_vat"] else [])))
    ship = (cat(blk(job["ship_label"], font_size="7.5pt", color="#555555", space_before="4mm"), lines(job["ship"]))
            if job["ship"] else None)
    addr = table(["proportional-column-width(1)", "proportional-column-width(1)"],
                 [row(cell(bill, ship), cell(kv_table(job["meta"] + [[job["contact_label"], job["contact"]]], size - 0.5,
                                                     value_align="end")))], space_before="2mm")
    title = cat(blk(f"{job['title']} {job['number']}", font_size=f"{size + 4}pt", font_weight="bold", space_before="8mm"),
                blk(job["letter"][1], space_before="2mm", space_after="4mm"))
    items = items_table(doc, job, size - 0.5, body, omit_header=True, markers=markers, head_rule="0.8pt solid #000000",
                        row_rule=True, border="#BBBBBB", head_align="col", pad="1.2mm")
    tot = table(["proportional-column-width(1)", "85mm"], [row(cell(blk("")), cell(totals_table(job, size - 0.5)))],
                space_before="3mm", keep_together__within_page="always")
    flow = cat(addr, title, items, tot, vat_table(job, size - 1, width="120mm") if job["vat"] else None,
               notes_block(job, size - 0.5), terms_block(job, size - 0.5))
    g = dict(margin=(10, mr, 8, ml), body_top=26, body_bottom=16, before=24, after=14)
    masters = page_masters(doc, g, g)
    return fo_document(doc, job, masters, {"before-first": running, "before-rest": running, "after-first": after,
                                           "after-rest": after}, flow, size)


# --------------------------------------------------------------------------- family: dense
def fo_dense(doc, job) -> str:
    """A wholesaler's dense print in small type: one-line letterhead, a grid of small labels over values for the
    references, bill-to / ship-to boxes, a full grid item table (codes, units, discount %, tax-code letter per
    line), the tax-code legend, a code-keyed VAT summary grid beside the totals grid."""
    o, size = doc["opts"], doc["opts"]["size"]
    iss = job["issuer"]
    w, _ = PAPER[doc["paper"]]
    ml = mr = 10.0
    body = w - ml - mr
    letter = cat(blk(iss["name"], font_size="11pt", font_weight="bold"),
                 blk(job["sep"].join(iss["lines"] + iss["contact"][:2]), font_size=f"{size}pt"),
                 blk(job["sep"].join(iss["legal"]), font_size=f"{size - 0.5}pt", color="#444444"))
    meta = job["meta"]
    grid = table(["proportional-column-width(1)"] * len(meta),
                 [row(*(cell(blk(a, font_size=f"{size - 1}pt", color="#555555"), blk(b, font_weight="bold"),
                             border="0.4pt solid #666666", padding="0.8mm") for a, b in meta))],
                 font_size=f"{size}pt", border_collapse="collapse")
    title = table(["proportional-column-width(1)", "proportional-column-width(3)"],
                  [row(cell(blk(job["title"].upper(), font_size="13pt", font_weight="bold"), display_align="center"),
                       cell(grid))], space_before="3mm")
    boxes = [cat(blk(job["bill_label"], font_size=f"{size - 1}pt", color="#555555"),
                 lines(job["addressee"] + ([job["addressee_vat"]] if job["addressee_vat"] else [])))]
    if job["ship"]:
        boxes.append(cat(blk(job["ship_label"], font_size=f"{size - 1}pt", color="#555555"), lines(job["ship"])))
    else:
        boxes.append(blk(""))
    parties = table(["proportional-column-width(1)", "proportional-column-width(1)"],
                    [row(*(cell(b, border="0.4pt solid #666666" if i == 0 or job["ship"] else None, padding="1.2mm")
                           for i, b in enumerate(boxes)))], font_size=f"{size + 0.5}pt", space_before="2mm", space_after="3mm")
    items = items_table(doc, job, size, body, head_fill=o["head_fill"], grid=True, head_align="center",
                        omit_header=not o["repeat_head"], border="#666666", pad="0.5mm", head_rule="0.4pt solid #666666")
    vt = vat_table(job, size, head_fill=o["head_fill"], border="#666666", width="110mm") if job["vat"] else blk("")
    bottom = table(["110mm", "proportional-column-width(1)", "70mm"],
                   [row(cell(vt), cell(blk("")),
                        cell(totals_table(job, size + 0.5, width="70mm", border="0.4pt solid #666666", rule="0.8pt solid #000000",
                                          fill=o["head_fill"])))],
                   space_before="2mm", keep_together__within_page="always")
    flow = cat(letter, title, parties, items, bottom, notes_block(job, size), terms_block(job, size))
    footer = blk(cat(job["sep"].join([iss["name"]] + iss["legal"][:1]), " – ", page_text(job, doc)), font_size=f"{size - 0.5}pt",
                 text_align="center", color="#444444")
    running = blk(f"{iss['name']} – {job['title']} {job['number']}", font_size=f"{size}pt", border_bottom="0.4pt solid #666666")
    g = dict(margin=(8, mr, 6, ml), body_top=0, body_bottom=8, before=0.1, after=6)
    masters = page_masters(doc, g, dict(g, body_top=8, before=6))
    return fo_document(doc, job, masters, {"before-rest": running, "after-first": footer, "after-rest": footer}, flow, size)


RENDER = {"ofbiz": fo_ofbiz, "din5008": fo_din5008, "facture": fo_facture, "carryover": fo_carryover, "dense": fo_dense}


# --------------------------------------------------------------------------- running FOP
FOP_NOISE = re.compile(r"^(\[warning\] /usr/bin/fop:|\[INFO\]|\s*$)")
FOP_FATAL = re.compile(r"not available in font|not found\. Substituting|SEVERE|\[ERROR\]")


def run_fop(fo: Path, pdf: Path, conf: Path) -> tuple[int, list[str]]:
    """One ``fop`` run; returns its exit status and the messages worth reading (FOP's warnings and errors)."""
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")
    env.setdefault("JAVA_ARGS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")  # a short-lived JVM: start faster
    res = subprocess.run(["fop", "-c", str(conf), "-fo", str(fo), "-pdf", str(pdf)], capture_output=True, text=True,
                         timeout=600, env=env)
    msgs = [ln for ln in (res.stdout + res.stderr).splitlines() if not FOP_NOISE.match(ln) and not ln.startswith("\tat ")]
    return res.returncode, msgs


def fix_stamps(pdf: Path, doc: dict) -> None:
    """Replace the run's time that FOP writes (XMP dc:date and MetadataDate, the file /ID, an MD5 of the time) by
    values of the same length taken from the document, so that the same seed gives the same bytes."""
    b = pdf.read_bytes()
    n = len(b)
    iso = f"{doc['date'].isoformat()}T09:30:00Z".encode()
    b = re.sub(rb"<dc:date>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ</dc:date>", b"<dc:date>" + iso + b"</dc:date>", b)
    b = re.sub(rb"<xmp:MetadataDate>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ</xmp:MetadataDate>",
               b"<xmp:MetadataDate>" + iso + b"</xmp:MetadataDate>", b)
    fid = hashlib.md5(f"{SET_NAME}/{doc['seed']}/{doc['stem']}".encode()).hexdigest().upper().encode()
    b = re.sub(rb"/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]", b"/ID [<" + fid + b"> <" + fid + b">]", b)
    assert len(b) == n
    pdf.write_bytes(b)


# --------------------------------------------------------------------------- truth and check
def truth_of(doc: dict) -> dict:
    o = doc["opts"]
    return G.truth_of(doc, SET_NAME, show_codes=bool("sku" in o["cols"] or o.get("sku_sub")), style=style_of(doc))


def style_of(doc: dict) -> dict:
    """_style of the truth: common's fields (but vat_lines_only and credit_printed_negative), with the font's
    encoding, the currency in the totals, a previous balance and self-billing."""
    prev = dec_str(doc["prev_balance"], 2) if doc["prev_balance"] else None
    after = {"font_kind": {"font_encoding": doc["font"]["encoding"]},
             "amounts_with_currency_in_table": {"amounts_with_currency_in_totals": doc["tot_sym"]},
             "deposit": {"previous_balance": prev, "self_billed": doc["self_billed"]}}
    return G.reshape(G.style_of(dict(doc, lib="Apache FOP 2.8")), after,
                     drop=("vat_lines_only", "credit_printed_negative"))


def check_doc(doc: dict, job: dict, pdf: Path) -> list[str]:
    """common's check, with the item codes printed under the descriptions (sku_sub)."""
    return G.check_doc(doc, job, pdf, G.expected_with_sub_codes)


# --------------------------------------------------------------------------- main
def main(argv=None):
    args = G.parse_args(argv, __doc__, FAMILIES)
    if not shutil.which("fop"):
        raise SystemExit("fop missing: apt-get install -y fop fonts-dejavu-core fonts-liberation")
    out, docs, jobs = G.draw_docs(args, make_doc, build_job, job_strings, "not WinAnsi with a base-14 font")
    tmp = Path(tempfile.mkdtemp(prefix="fop_gen_"))
    fo_dir = out / "fo" if args.keep_jobs else tmp
    fo_dir.mkdir(exist_ok=True)
    try:
        conf = fo_dir / "fop.xconf"
        fop_config(conf)
        fos = []
        for d, job in zip(docs, jobs, strict=True):
            fo = fo_dir / f"{d['stem']}.fo"
            fo.write_text(RENDER[d["family"]](d, job), encoding="utf-8")
            fos.append(fo)
        G.write_jobs(jobs, out, tmp, args.keep_jobs)
        with cf.ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 2)) as ex:
            results = list(ex.map(lambda a: run_fop(a[0], out / f"{a[1]['stem']}.pdf", conf), zip(fos, docs, strict=True)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    keep_docs, keep_jobs = [], []
    for d, job, (rc, msgs) in zip(docs, jobs, results, strict=True):
        pdf = out / f"{d['stem']}.pdf"
        fatal = [m for m in msgs if FOP_FATAL.search(m)]
        if msgs:
            print(f"{d['stem']}: fop says:\n  " + "\n  ".join(m[:300] for m in msgs[:8]), file=sys.stderr)
        if rc != 0 or fatal or not pdf.exists():
            print(f"{d['stem']} FAIL: fop exit {rc}; not written", file=sys.stderr)
            pdf.unlink(missing_ok=True)
            continue
        fix_stamps(pdf, d)
        keep_docs.append(d)
        keep_jobs.append(job)
    status = G.write_truths(out, keep_docs, keep_jobs, args.no_check, truth_of, check_doc, drop_failed=True)
    if len(keep_docs) < len(docs):
        print(f"{len(docs) - len(keep_docs)} of {len(docs)} documents not drawn by fop", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
