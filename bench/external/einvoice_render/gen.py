#!/usr/bin/env python3
"""Invoice PDFs drawn by renderers of e-invoices (XRechnung / ZUGFeRD / Factur-X / Peppol) written
by other people: the printable PDF that a supplier's e-invoicing software makes of the EN 16931
invoice it issues, or the view that an e-invoice viewer makes of a received XML. A truth JSON
taken from the e-invoice XML is written beside each PDF and checked against its text.

    .venv/bin/python gen.py OUTDIR --count N --seed S [--only FAMILY] [--keep-jobs] [--no-check]

gen.py draws each document (parties, items, VAT, references, terms) and hands it as data to one of
three PyPI packages, whose own templates and layouts draw the page: django-xrechnung (a Django
app: XRechnung UBL and a WeasyPrint PDF of its HTML template), erechnung (ZUGFeRD CII and a
ReportLab DIN 5008 letter) and eu-einvoice (UBL or CII; the XML is parsed back and shown by its
viewer, as a ReportLab PDF or as HTML printed by Chromium or WeasyPrint). The truth is read from
the XML that the package wrote (BT-1, BT-2, BT-3, BT-5, BT-9, BT-13, BT-27, BT-31, BT-109, BT-110,
BT-112, the lines' BT-153/154, BT-129, BT-146, BT-131), restricted to what the renderer prints; it
must agree with the amounts gen.py computed itself, and its values, formatted as the renderer
formats them, must be in the PDF's pypdf text. A document that fails is reported and removed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # bench/external: the modules in common/


from common import scaffold as G  # noqa: E402

G.use_set_venv(HERE, __file__, ("django", "erechnung", "eu_einvoice"))

from common import ids  # noqa: E402
from common import world as W  # noqa: E402
from common.scaffold import norm, r2, slug  # noqa: E402

SET_NAME = "einvoice_render"
FAMILIES = ["xrechnung_django", "erechnung_din", "euinvoice_pdf", "euinvoice_html"]
RENDERER = {
    "xrechnung_django": "django-xrechnung",
    "erechnung_din": "erechnung",
    "euinvoice_pdf": "eu-einvoice",
    "euinvoice_html": "eu-einvoice",
}
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
C2 = Decimal("0.01")

# --------------------------------------------------------------------------- the world of this set
#: countries of eu-einvoice's documents, taken in turn (seed-shifted);
#: the other two renderers are German only
EU_COUNTRIES = ["DE", "DE", "AT", "FR", "DE", "NL", "IT", "DE", "ES", "AT", "DE", "CZ"]
COUNTRY_LANG = {"DE": "de", "AT": "de", "FR": "fr", "NL": "nl", "IT": "it", "ES": "es", "CZ": "en"}
CURRENCY = {"CZ": "CZK"}
#: the language of the product names (world.CATALOGUE) and invoice numbers
NAME_LANG = {"DE": "de", "AT": "de", "FR": "fr", "NL": "nl", "IT": "it", "ES": "es", "CZ": "cs"}
UNIT_CODE = {
    "pc": "H87",
    "kg": "KGM",
    "l": "LTR",
    "case": "XCS",
    "box": "XBX",
    "h": "HUR",
    "pack": "XPK",
    "flat": "LS",
    "wk": "WEE",
}
FIRST = {
    "DE": ["Anna", "Jonas", "Miriam", "Thomas", "Katrin", "Stefan"],
    "AT": ["Lena", "Florian", "Sabine", "Markus"],
    "FR": ["Claire", "Julien", "Sophie", "Nicolas"],
    "NL": ["Sanne", "Daan", "Eva", "Pieter"],
    "IT": ["Giulia", "Marco", "Chiara", "Luca"],
    "ES": ["Lucía", "Javier", "Marta", "Pablo"],
    "CZ": ["Jana", "Petr", "Lucie", "Tomáš"],
}
LAST = {
    "DE": ["Becker", "Wagner", "Schulz", "Neumann", "Krüger", "Lange"],
    "AT": ["Bauer", "Wimmer", "Hofer", "Lang"],
    "FR": ["Martin", "Bernard", "Petit", "Durand"],
    "NL": ["Mulder", "de Boer", "Bos", "Vos"],
    "IT": ["Romano", "Gallo", "Conti", "Greco"],
    "ES": ["Ruiz", "Díaz", "Moreno", "Navarro"],
    "CZ": ["Černá", "Horák", "Marek", "Pokorná"],
}
TERMS = {
    "de": [
        "Zahlbar innerhalb von {n} Tagen ohne Abzug.",
        "Zahlbar bis {due} ohne Abzug.",
        "{n} Tage netto.",
        "Zahlung per Überweisung innerhalb von {n} Tagen.",
    ],
    "en": [
        "Payment within {n} days of the invoice date.",
        "Net {n} days.",
        "Payable by bank transfer within {n} days.",
    ],
    "fr": ["Paiement à {n} jours date de facture.", "Règlement par virement sous {n} jours."],
    "nl": ["Betaling binnen {n} dagen na factuurdatum.", "Te voldoen binnen {n} dagen."],
    "it": ["Bonifico bancario a {n} gg data fattura.", "Pagamento a {n} giorni data fattura."],
    "es": ["Transferencia a {n} días fecha factura.", "Pago a {n} días."],
}
REFUND = {
    "de": [
        "Der Betrag wird innerhalb von 14 Tagen erstattet.",
        "Der Gutschriftbetrag wird mit der nächsten Rechnung verrechnet.",
    ],
    "en": [
        "The amount will be refunded within 14 days.",
        "The credit will be offset against your next invoice.",
    ],
    "fr": [
        "Le montant sera remboursé sous 14 jours.",
        "L'avoir sera déduit de votre prochaine facture.",
    ],
    "nl": [
        "Het bedrag wordt binnen 14 dagen terugbetaald.",
        "Het bedrag wordt verrekend met de volgende factuur.",
    ],
    "it": [
        "L'importo sarà rimborsato entro 14 giorni.",
        "L'importo sarà compensato con la prossima fattura.",
    ],
    "es": [
        "El importe se reembolsará en 14 días.",
        "El importe se compensará en la próxima factura.",
    ],
}
CREDIT_REASON = {
    "de": [
        "Retoure: Ware bei Anlieferung beschädigt",
        "Gutschrift für Mindermenge",
        "Preiskorrektur gemäß Rahmenvertrag",
        "Rücknahme nicht bestellter Ware",
    ],
    "en": [
        "Returned goods, damaged on delivery",
        "Credit for short delivery",
        "Price correction as agreed",
    ],
    "fr": [
        "Retour de marchandise endommagée",
        "Avoir pour livraison incomplète",
        "Correction de prix",
    ],
    "nl": ["Retour beschadigde goederen", "Creditering ontbrekende levering", "Prijscorrectie"],
    "it": ["Reso merce danneggiata", "Nota di credito per consegna incompleta", "Rettifica prezzo"],
    "es": [
        "Devolución de mercancía dañada",
        "Abono por entrega incompleta",
        "Corrección de precio",
    ],
}
LINE_ALLOW = {
    "de": ["Rabatt", "Aktionsrabatt", "Mengenrabatt"],
    "en": ["Discount", "Volume discount"],
    "fr": ["Remise", "Remise quantité"],
    "nl": ["Korting", "Actiekorting"],
    "it": ["Sconto", "Sconto quantità"],
    "es": ["Descuento", "Dto. por volumen"],
}
DOC_ALLOW = {
    "de": ["Treuerabatt", "Sonderrabatt"],
    "en": ["Loyalty discount", "Special discount"],
    "fr": ["Remise fidélité", "Remise exceptionnelle"],
    "nl": ["Klantkorting", "Extra korting"],
    "it": ["Sconto fedeltà", "Sconto speciale"],
    "es": ["Descuento fidelidad", "Descuento especial"],
}
DOC_CHARGE = {
    "de": ["Fracht", "Versandkosten", "Lieferpauschale"],
    "en": ["Freight", "Delivery charge"],
    "fr": ["Frais de port", "Frais de livraison"],
    "nl": ["Verzendkosten", "Bezorgkosten"],
    "it": ["Spese di trasporto", "Spese di consegna"],
    "es": ["Portes", "Gastos de envío"],
}
SHIP_FEES = ["4.95", "7.50", "9.90", "12.50", "15.00", "19.90", "25.00", "39.00"]
NOTES = {
    "de": [
        "Lieferung gemäß Lieferschein.",
        "Es gelten unsere Allgemeinen Geschäftsbedingungen.",
        "Vielen Dank für Ihren Auftrag!",
    ],
    "en": ["Thank you for your business.", "Goods remain our property until paid in full."],
    "fr": ["Merci de votre confiance.", "Pas d'escompte pour paiement anticipé."],
    "nl": [
        "Bedankt voor uw bestelling.",
        "Op al onze leveringen zijn onze algemene voorwaarden van toepassing.",
    ],
    "it": ["Grazie per averci scelto.", "La merce viaggia a rischio del committente."],
    "es": ["Gracias por su confianza.", "Las reclamaciones deben hacerse en 48 horas."],
}
COURTS = {"Hamburg": "Hamburg", "München": "München", "Köln": "Köln"}


# --------------------------------------------------------------------------- drawing a document
def vat_id(rng, country: str) -> str:
    return {
        "DE": ids.de_vat,
        "AT": ids.at_vat,
        "NL": ids.nl_vat,
        "FR": lambda r: ids.fr_vat(r)[0],
        "IT": lambda r: "IT" + ids.it_vat(r),
        "ES": lambda r: "ES" + ids.es_cif(r),
        "CZ": lambda r: "CZ" + ids.cz_ico(r),
    }[country](rng)


def split_street(street: str) -> tuple[str, str]:
    """'Großer Grasbrook 9' -> ('Großer Grasbrook', '9'); without a trailing number: whole."""
    m = re.match(r"^(.*\D)\s+(\d+\w*)$", street)
    return (m.group(1), m.group(2)) if m else (street, "")


def make_supplier(rng, country: str, lang: str) -> dict:
    s = rng.choice(W.SURNAMES[country])
    city, pc, street = rng.choice(W.PLACES[country])
    name = rng.choice(W.SUPPLIER_PATTERNS[country]).format(s=s, c=city.split(",")[0])
    tld = country.lower()
    st, house = split_street(street)
    sup = dict(
        name=name,
        street=st,
        house=house,
        pc=pc,
        city=city,
        country=country,
        vat=vat_id(rng, country),
        email=rng.choice(["rechnung", "invoices", "billing", "buchhaltung", "info"])
        + f"@{slug(s)}-gastro.{tld}",
        phone=G.phone(rng, country, alpine=True),
        contact=f"{rng.choice(FIRST[country])} {rng.choice(LAST[country])}",
        web=f"www.{slug(s)}-gastro.{tld}",
        iban=ids.iban(rng, country, ids.IBAN_LEN[country]).replace(" ", ""),
        bic="".join(rng.choice("ABCDEFGHKLMNPRSTUVWZ") for _ in range(4))
        + country
        + rng.choice(["2X", "MM", "HH"]),
    )
    sup["stnr"] = (
        f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"
        if country == "DE" and rng.random() < 0.35
        else ""
    )
    sup["trading"] = ""
    if rng.random() < 0.15:  # a trading name (BT-28) beside the registered one
        sup["trading"] = re.sub(
            r"\s*(GmbH( & Co\. KG)?|e\.K\.|SARL|SAS|B\.V\.|S\.r\.l\.|S\.p\.A\.|S\.L\.|S\.A\."
            r"|s\.r\.o\.|a\.s\.|KG)$",
            "",
            name,
        ).strip() + rng.choice([" Großhandel", " Service", ""])
        if sup["trading"] == name:
            sup["trading"] = ""
    reg = rng.randint(10000, 199999)
    sup["legal_id"], sup["legal_info"] = {
        "DE": (
            f"HRB {reg}",
            f"Amtsgericht {COURTS.get(city, 'Hamburg')} HRB {reg}, "
            f"Geschäftsführer: {sup['contact']}",
        ),
        "AT": (f"FN {reg}{rng.choice('abdfgkmpstw')}", f"Firmenbuch FN {reg}, Handelsgericht Wien"),
        "FR": (sup["vat"][4:], f"SAS au capital de {rng.choice([8, 15, 50])} 000 € · RCS {city}"),
        "NL": (f"{rng.randint(10000000, 99999999)}", "KvK-inschrijving Amsterdam"),
        "IT": (f"MI-{rng.randint(1000000, 2999999)}", f"REA MI-{reg} · Capitale sociale i.v."),
        "ES": (
            sup["vat"].removeprefix("ES"),
            f"Reg. Mercantil de Madrid, Tomo {rng.randint(10000, 40000)}",
        ),
        "CZ": (sup["vat"][2:], "Zapsáno v obchodním rejstříku, Městský soud v Praze"),
    }[country]
    return sup


def make_customer(rng, country: str, supplier: dict) -> dict:
    city, pc, street = rng.choice(
        [
            p
            for p in W.PLACES[country]
            if p[2] != f"{supplier['street']} {supplier['house']}".strip()
        ]
    )
    street = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(3, 40)), street, count=1)
    st, house = split_street(street)
    name = rng.choice(W.CUSTOMERS[country])
    cust = dict(
        name=name,
        street=st,
        house=house,
        pc=pc,
        city=city,
        country=country,
        first=rng.choice(FIRST[country]),
        last=rng.choice(LAST[country]),
        gender=rng.choice([None, "f", "m"]),
        email=rng.choice(["ap", "rechnungseingang", "einkauf", "accounts", "office"])
        + f"@{slug(name)[:14]}.{country.lower()}",
        number=rng.choice(
            [
                f"K-{rng.randint(10000, 99999)}",
                f"{rng.randint(100000, 999999)}",
                f"C{rng.randint(1000, 9999)}",
            ]
        ),
    )
    cust["vat"] = vat_id(rng, country) if rng.random() < 0.35 else ""
    return cust


def buyer_reference(rng, cust: dict) -> str:
    """BT-10: the buyer's reference (Leitweg-ID for public buyers; a hotel's cost centre or
    customer number)."""
    return rng.choice(
        [
            cust["number"],
            f"KST {rng.randint(1000, 9999)}",
            f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
            f"04011000-{rng.randint(10000, 99999)}-{rng.randint(10, 99)}",
            f"EK/{rng.randint(100, 999)}",
        ]
    )


def po_number(rng, date: dt.date) -> str:
    return rng.choice(
        [
            f"PO-{rng.randint(10000, 99999)}",
            f"4500{rng.randint(100000, 999999)}",
            f"PO{date.year}-{rng.randint(100, 999)}",
            f"B-{rng.randint(1000, 9999)}",
            f"{rng.randint(10000, 99999)}",
            f"HK/{rng.randint(100, 999)}/{date.year % 100:02d}",
            f"BE-{date.year}-{rng.randint(1000, 9999)}",
        ]
    )


def make_items(rng, doc: dict) -> list[dict]:
    country = doc["country"]
    std, red = (Decimal(str(x)) for x in W.VAT[country])
    pool, pool_main = G.catalogue_pools(rng, doc)
    r = rng.random()
    if doc["credit"]:
        n = rng.randint(1, 6)
    else:
        n = (
            rng.randint(1, 5)
            if r < 0.35
            else rng.randint(6, 14)
            if r < 0.8
            else rng.randint(15, 25)
        )
    # django-xrechnung has no BT-154: there a long description is appended to the name (it wraps
    # in the cell)
    long_p = rng.choice([0.0, 0.0, 0.2, 0.4])
    sub_p = rng.choice([0.0, 0.0, 0.15, 0.35]) if doc["family"] != "xrechnung_django" else 0.0
    mk = dict(lang=doc["name_lang"], cur=(doc["cur"],), mode=doc["mode"])
    items, used = [], set()
    for _ in range(n):
        p = rng.choice(pool_main if rng.random() < 0.85 else pool)
        it = G.make_item(
            rng, mk, p, long_p if doc["family"] == "xrechnung_django" else 0.0, used, std, red
        )
        it["rate"] = Decimal(str(it["rate"]))
        it["ucode"] = UNIT_CODE[p["unit"]]
        it["sub"] = rng.choice(W.LONG[doc["name_lang"]]) if rng.random() < sub_p else ""
        it["allow"] = None
        items.append(it)
    if (
        doc["family"] in ("xrechnung_django", "euinvoice_pdf", "euinvoice_html")
        and rng.random() < 0.18
    ):
        for it in items:
            if rng.random() < 0.35:
                pct = Decimal(rng.choice([3, 5, 10, 15]))
                it["allow"] = dict(
                    pct=pct,
                    amount=r2(r2(it["qty"] * it["price"]) * pct / 100),
                    reason=rng.choice(LINE_ALLOW[doc["lang"]]),
                )
    return items


def compute(doc: dict) -> None:
    """The amounts as EN 16931 computes them: line nets, document allowances and charges per rate,
    VAT per rate,
    net (BT-109), VAT (BT-110), gross (BT-112), prepaid and amount due."""
    for it in doc["items"]:
        g = r2(it["qty"] * it["price"])
        it["total"] = g - (it["allow"]["amount"] if it["allow"] else Decimal(0))
    doc["subtotal"] = sum((it["total"] for it in doc["items"]), Decimal(0))
    bases: dict[Decimal, Decimal] = {}
    for it in doc["items"]:
        bases[it["rate"]] = bases.get(it["rate"], Decimal(0)) + it["total"]
    for c in doc["charges"]:
        bases[c["rate"]] = bases.get(c["rate"], Decimal(0)) + c["amount"]
    for a in doc["allowances"]:
        bases[a["rate"]] = bases.get(a["rate"], Decimal(0)) - a["amount"]
    doc["groups"] = [(rate, bases[rate], r2(bases[rate] * rate / 100)) for rate in sorted(bases)]
    doc["net"] = (
        doc["subtotal"]
        + sum((c["amount"] for c in doc["charges"]), Decimal(0))
        - sum((a["amount"] for a in doc["allowances"]), Decimal(0))
    )
    doc["tax"] = sum((g[2] for g in doc["groups"]), Decimal(0))
    doc["gross"] = doc["net"] + doc["tax"]
    doc["payable"] = doc["gross"] - doc["prepaid"]


def make_doc(seed: int, idx: int) -> dict:
    rng = random.Random(f"{SET_NAME}/{seed}/{idx}")
    family = G.family_of(SET_NAME, seed, idx, FAMILIES)
    k = (idx - 1) // len(FAMILIES)
    if family.startswith("euinvoice"):
        country = EU_COUNTRIES[(k + seed + FAMILIES.index(family)) % len(EU_COUNTRIES)]
    else:
        country = "DE"
    lang = COUNTRY_LANG[country]
    if family == "erechnung_din" and rng.random() < 0.25:
        lang = "en"  # erechnung's Language.EN: the whole page in (US) English
    if family.startswith("euinvoice") and lang != "en" and rng.random() < 0.15:
        lang = "en"  # the viewer shows the document in English
    doc = dict(
        idx=idx,
        seed=seed,
        family=family,
        renderer=RENDERER[family],
        country=country,
        lang=lang,
        name_lang=NAME_LANG[country] if family != "erechnung_din" or lang == "de" else "en",
        cur=CURRENCY.get(country, "EUR"),
    )
    doc["supplier"] = sup = make_supplier(rng, country, lang)
    doc["customer"] = cust = make_customer(rng, country, sup)
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    doc["date"] = date
    doc["credit"] = rng.random() < 0.15
    num_lang = NAME_LANG[country] if country != "CZ" else "cs"
    doc["number"] = G.invoice_number(rng, num_lang, doc["credit"], date.year, date.month)
    if doc["credit"]:
        doc["ref_number"] = G.invoice_number(
            random.Random(rng.random()), num_lang, False, date.year, date.month
        )
        doc["ref_date"] = date - dt.timedelta(days=rng.randint(5, 60))
        doc["reason"] = rng.choice(CREDIT_REASON[lang])
    doc["service_date"] = date - dt.timedelta(days=rng.randint(0, 6))
    doc["terms_days"] = rng.choice([7, 10, 14, 14, 30, 30, 30, 45, 60])
    due_p = {"xrechnung_django": 0.75, "erechnung_din": 1.0}.get(family, 0.8)
    doc["due"] = (
        date + dt.timedelta(days=doc["terms_days"])
        if not doc["credit"] and rng.random() < due_p
        else None
    )
    if doc["credit"]:
        doc["terms"] = rng.choice(REFUND[lang])
    else:
        t = rng.choice([x for x in TERMS[lang] if doc["due"] or "{due}" not in x])
        due_txt = doc["due"].strftime("%d.%m.%Y") if doc["due"] else ""
        doc["terms"] = t.format(n=doc["terms_days"], due=due_txt)
        if doc["due"] and rng.random() < 0.35:
            doc["terms"] = ""
        if family == "xrechnung_django" and not doc["due"]:
            doc["terms"] = doc["terms"] or TERMS["de"][0].format(n=doc["terms_days"])
    doc["po"] = None
    if family != "erechnung_din" and rng.random() < (0.3 if doc["credit"] else 0.6):
        doc["po"] = po_number(rng, date)
    doc["buyer_ref"] = buyer_reference(rng, cust)
    doc["mode"] = "single" if rng.random() < 0.4 else "multi"
    doc["items"] = make_items(rng, doc)
    std = Decimal(str(W.VAT[country][0]))
    doc["charges"], doc["allowances"] = [], []
    if family.startswith("euinvoice") and not doc["credit"]:
        if rng.random() < 0.2:
            fee = (Decimal(rng.choice(SHIP_FEES)) * Decimal(str(G.FX.get(doc["cur"], 1)))).quantize(
                C2
            )
            doc["charges"].append(dict(reason=rng.choice(DOC_CHARGE[lang]), amount=fee, rate=std))
        rates = {it["rate"] for it in doc["items"]}
        if len(rates) == 1 and rng.random() < 0.15:
            sub = sum(
                (
                    r2(it["qty"] * it["price"]) - (it["allow"]["amount"] if it["allow"] else 0)
                    for it in doc["items"]
                ),
                Decimal(0),
            )
            doc["allowances"].append(
                dict(
                    reason=rng.choice(DOC_ALLOW[lang]),
                    pct=Decimal(rng.choice([2, 3, 5])),
                    amount=Decimal(0),
                    rate=next(iter(rates)),
                    base=sub,
                )
            )
            a = doc["allowances"][0]
            a["amount"] = r2(a["base"] * a["pct"] / 100)
    if family == "erechnung_din" and not doc["credit"]:
        rates = {it["rate"] for it in doc["items"]}
        sub = sum((r2(it["qty"] * it["price"]) for it in doc["items"]), Decimal(0))
        if len(rates) == 1 and rng.random() < 0.15:
            doc["allowances"].append(
                dict(
                    reason="",
                    amount=r2(sub * Decimal(rng.choice([2, 3, 5])) / 100),
                    rate=next(iter(rates)),
                )
            )
        if rng.random() < 0.15:
            doc["charges"].append(
                dict(
                    reason=rng.choice(DOC_CHARGE[lang]),
                    amount=Decimal(rng.choice(SHIP_FEES)),
                    rate=std,
                )
            )
    doc["prepaid"] = Decimal(0)
    compute(doc)
    if not doc["credit"] and rng.random() < 0.08:
        doc["prepaid"] = r2(doc["gross"] * Decimal(rng.choice([20, 30, 50])) / 100)
        compute(doc)
    doc["skonto"] = None
    if (
        family in ("xrechnung_django", "erechnung_din")
        and doc["due"]
        and doc["terms_days"] > 10
        and not doc["prepaid"]
        and rng.random() < 0.2
    ):
        doc["skonto"] = (rng.choice([7, 10]), Decimal(rng.choice([2, 3])))
    doc["notes"] = [rng.choice(NOTES[lang])] if rng.random() < 0.3 else []
    # renderer options (data the packages take)
    if family == "xrechnung_django":
        doc["extra_refs"] = {}
        for key, p, make in (
            ("contract_reference", 0.2, lambda: f"RV-{date.year}-{rng.randint(10, 99)}"),
            ("despatch_advice_reference", 0.3, lambda: f"LS-{rng.randint(100000, 999999)}"),
            (
                "project_reference",
                0.1,
                lambda: rng.choice(
                    ["Neueröffnung Terrasse", "Sommerfest", f"P-{rng.randint(100, 999)}"]
                ),
            ),
        ):
            if rng.random() < p:
                doc["extra_refs"][key] = make()
        doc["delivery_addr"] = rng.random() < 0.3
        doc["account_name"] = sup["name"] if rng.random() < 0.6 else ""
    elif family == "erechnung_din":
        doc["font"] = rng.choice(["Arimo", "Arimo", "Liberation Sans", "DejaVu Sans"])
        doc["intro"] = rng.choice(["default", "default", "custom", "none"])
        doc["fold_marks"] = rng.random() < 0.7
        doc["brand"] = rng.choice(
            [
                ((191, 191, 191), (242, 242, 242), (128, 128, 128)),
                ((31, 78, 121), (235, 241, 247), (31, 78, 121)),
                ((60, 60, 60), (248, 248, 248), (200, 30, 30)),
                ((220, 230, 200), (255, 255, 255), (90, 120, 40)),
            ]
        )
        doc["payment_reference"] = rng.random() < 0.4
        doc["website"] = rng.random() < 0.5
    else:
        doc["profile"] = rng.choice(
            ["xrechnung-ubl", "xrechnung-cii", "facturx", "en16931-ubl"]
            if country == "DE"
            else ["peppol", "en16931-cii", "facturx", "en16931-ubl"]
        )
        doc["engine"] = (
            ("chromium" if rng.random() < 0.65 else "weasyprint")
            if family == "euinvoice_html"
            else "reportlab"
        )
        doc["delivery_date"] = rng.random() < 0.35
    return doc


# ------------------------------------------------------------------- renderer 1: django-xrechnung
def setup_django(tmp: Path) -> None:
    import django
    from django.conf import settings

    settings.configure(
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "django_xrechnung"],
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(tmp / "xrechnung.sqlite3"),
            }
        },
        USE_TZ=True,
        TIME_ZONE="UTC",
        LANGUAGE_CODE="de",
        USE_I18N=True,
        MEDIA_ROOT=str(tmp / "media"),
        BASE_DIR=str(tmp),
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        TEMPLATES=[
            {"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}
        ],
    )
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def render_django(doc: dict) -> tuple[bytes, bytes]:
    """XRechnung UBL and the printable PDF of django-xrechnung's template (its own rules, snapshot,
    UBL writer and WeasyPrint renderer; the KoSIT validation and the artifact storage of
    finalize_invoice are left out)."""
    from django.db import models
    from django_xrechnung.line_sources import SourceAllowance, SourceLine, materialize_lines
    from django_xrechnung.models import XRechnungCashDiscount, XRechnungInvoice
    from django_xrechnung.pdf import render_pdf
    from django_xrechnung.rules import validate_invoice
    from django_xrechnung.services import create_adjustment, create_draft, update_draft
    from django_xrechnung.snapshot import freeze_invoice
    from django_xrechnung.ubl import render_ubl

    s, c = doc["supplier"], doc["customer"]
    vals = dict(
        invoice_number=doc["number"],
        invoice_date=doc["date"],
        service_date=doc["service_date"],
        due_date=doc["due"],
        payment_terms=doc["terms"],
        buyer_reference=doc["buyer_ref"],
        order_reference=doc["po"] or "",
        supplier_name=s["name"],
        supplier_vat_id=s["vat"],
        supplier_tax_id=s["stnr"],
        supplier_street=f"{s['street']} {s['house']}".strip(),
        supplier_city=s["city"],
        supplier_postcode=s["pc"],
        supplier_contact_name=s["contact"],
        supplier_contact_phone=s["phone"],
        supplier_contact_email=s["email"],
        supplier_endpoint=s["email"],
        buyer_name=c["name"],
        buyer_street=f"{c['street']} {c['house']}".strip(),
        buyer_city=c["city"],
        buyer_postcode=c["pc"],
        buyer_vat_id=c["vat"],
        buyer_endpoint=c["email"],
        payment_account=s["iban"],
        payment_account_name=doc["account_name"],
        prepaid_amount=doc["prepaid"],
        **doc["extra_refs"],
    )
    if doc["delivery_addr"]:
        city, pc, street = random.Random(doc["number"]).choice(W.PLACES["DE"])
        vals.update(
            delivery_name=c["name"],
            delivery_street=street,
            delivery_postcode=pc,
            delivery_city=city,
        )
    lines = []
    for it in doc["items"]:
        allow = ()
        if it["allow"]:
            a = it["allow"]
            allow = (
                SourceAllowance(
                    amount=a["amount"],
                    reason=a["reason"],
                    percentage=a["pct"],
                    base_amount=r2(it["qty"] * it["price"]),
                ),
            )
        lines.append(
            SourceLine(
                description=it["desc"],
                quantity=it["qty"],
                unit_code=it["ucode"],
                unit_price=it["price"],
                tax_rate=it["rate"],
                allowance_charges=allow,
            )
        )
    if doc["credit"]:
        src = create_draft(
            dict(
                vals,
                invoice_number=doc["ref_number"],
                invoice_date=doc["ref_date"],
                service_date=doc["ref_date"],
                due_date=None,
                prepaid_amount=Decimal(0),
                payment_terms=TERMS["de"][0].format(n=14),
            )
        )
        materialize_lines(src, lines, source_type="bench")
        models.QuerySet.update(
            XRechnungInvoice.objects.filter(pk=src.pk), status="finalized"
        )  # as if issued
        inv = create_adjustment(
            src,
            invoice_number=doc["number"],
            invoice_date=doc["date"],
            invoice_type="381",
            adjustment_reason=doc["reason"],
        )
        inv = update_draft(
            inv,
            dict(
                payment_account=s["iban"],
                payment_terms=doc["terms"],
                service_date=doc["service_date"],
            ),
        )
        materialize_lines(inv, lines, source_type="bench", replace=True)
    else:
        inv = create_draft(vals)
        materialize_lines(inv, lines, source_type="bench")
        if doc["skonto"]:
            XRechnungCashDiscount.objects.create(
                invoice=inv, days=doc["skonto"][0], percentage=doc["skonto"][1]
            )
    inv.refresh_from_db()
    rows = list(inv.line_items.prefetch_related("allowance_charges").order_by("position"))
    totals = validate_invoice(inv, rows)
    snap = freeze_invoice(inv, rows, totals)
    return render_ubl(snap), render_pdf(snap)


# --------------------------------------------------------------------------- renderer 2: erechnung
def render_erechnung(doc: dict) -> tuple[bytes, bytes]:
    """ZUGFeRD (EN 16931) CII and erechnung's DIN 5008 page, drawn with ReportLab."""
    from erechnung import (
        BrandStyle,
        Customer,
        CustomerType,
        Discount,
        Font,
        Invoice,
        InvoiceType,
        Language,
        LineItem,
        Seller,
        Skonto,
        Surcharge,
    )
    from erechnung.calculation import calculate
    from erechnung.xml import xml_bytes

    s, c = doc["supplier"], doc["customer"]
    seller = Seller(
        name=s["name"],
        street=s["street"],
        house_number=s["house"],
        postal_code=s["pc"],
        city=s["city"],
        vat_id=s["vat"],
        tax_number=s["stnr"],
        iban=s["iban"],
        bic=s["bic"],
        account_holder=s["name"],
        contact=s["contact"],
        phone=s["phone"],
        email=s["email"],
        website=s["web"] if doc["website"] else "",
        trading_name=s["trading"],
        legal_info=s["legal_info"].split(",")[0],
        registration=s["legal_id"],
    )
    cust = Customer(
        company=c["name"],
        first_name=c["first"],
        last_name=c["last"],
        gender=c["gender"],
        street=c["street"],
        house_number=c["house"],
        postal_code=c["pc"],
        city=c["city"],
        customer_type=CustomerType.B2B,
        vat_id=c["vat"],
        email=c["email"],
        customer_number=c["number"],
    )
    items = [
        LineItem(
            description=it["desc"],
            quantity=it["qty"],
            unit_price=it["price"],
            tax_rate=it["rate"],
            unit=it["ucode"],
            long_description=it["sub"],
        )
        for it in doc["items"]
    ]
    fonts = {
        "Liberation Sans": "/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf",
        "DejaVu Sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans{}.ttf",
    }
    font = None
    if doc["font"] in fonts:
        pat = fonts[doc["font"]]
        if doc["font"] == "DejaVu Sans":
            font = Font(
                regular=pat.format(""), bold=pat.format("-Bold"), italic=pat.format("-Oblique")
            )
        else:
            font = Font(
                regular=pat.format("Regular"), bold=pat.format("Bold"), italic=pat.format("Italic")
            )
    hf, r2c, bar = doc["brand"]
    lang = Language.DE if doc["lang"] == "de" else Language.EN
    intro = {
        "default": None,
        "none": False,
        "custom": (
            "für unsere Lieferungen und Leistungen erlauben wir uns, Ihnen Folgendes zu berechnen:"
            if doc["lang"] == "de"
            else "please find below our invoice for the goods and services delivered."
        ),
    }[doc["intro"]]
    inv = Invoice(
        seller=seller,
        customer=cust,
        line_items=items,
        invoice_number=doc["number"],
        issue_date=doc["date"],
        service_date=doc["service_date"],
        due_date=doc["due"],
        language=lang,
        invoice_type=InvoiceType.CREDIT_NOTE if doc["credit"] else InvoiceType.STANDARD,
        reference_number=doc.get("ref_number"),
        reference_date=doc.get("ref_date"),
        discounts=[
            Discount(
                kind="invoice",
                value=a["amount"],
                is_percent=False,
                tax_rate=a["rate"],
                reason="Rabatt" if doc["lang"] == "de" else "Discount",
            )
            for a in doc["allowances"]
        ],
        surcharges=[
            Surcharge(
                kind="invoice",
                value=ch["amount"],
                is_percent=False,
                tax_rate=ch["rate"],
                reason=ch["reason"],
            )
            for ch in doc["charges"]
        ],
        already_paid=doc["prepaid"] or None,
        skonto=Skonto(*doc["skonto"]) if doc["skonto"] else None,
        note=(doc["terms"] or None) if not doc["credit"] else None,
        intro=intro,
        fold_marks=doc["fold_marks"],
        font=font,
        brand_style=BrandStyle(header_fill=hf, row2=r2c, bar_color=bar),
        payment_reference=doc["number"] if doc["payment_reference"] else None,
        buyer_reference=doc["buyer_ref"],
    )
    return xml_bytes(inv, calculate(inv)), inv.pdf_bytes()


# ------------------------------------------------------------------------ renderer 3: eu-einvoice
def gln(rng) -> str:
    """A GS1 global location number (13 digits, valid check digit): a Peppol participant id."""
    d = [rng.randint(0, 9) for _ in range(12)]
    d[0] = 4
    check = (10 - sum(x * (3 if i % 2 else 1) for i, x in enumerate(d)) % 10) % 10
    return "".join(map(str, d)) + str(check)


def eu_json(doc: dict) -> dict:
    """The invoice in eu-einvoice's JSON model (readable keys for EN 16931 terms)."""
    s, c = doc["supplier"], doc["customer"]
    rng = random.Random(f"{SET_NAME}/{doc['seed']}/{doc['idx']}/eas")
    peppol = doc["profile"] == "peppol"  # Peppol wants participant ids, not e-mail addresses
    s_ea = {"id": gln(rng), "scheme": "0088"} if peppol else {"id": s["email"], "scheme": "EM"}
    c_ea = {"id": gln(rng), "scheme": "0088"} if peppol else {"id": c["email"], "scheme": "EM"}
    seller = {
        "name": s["name"],
        "vat_id": s["vat"],
        "legal_id": {"id": s["legal_id"]},
        "legal_info": s["legal_info"],
        "electronic_address": s_ea,
        "address": {
            "line1": f"{s['street']} {s['house']}".strip(),
            "city": s["city"],
            "postal_code": s["pc"],
            "country": s["country"],
        },
        "contact": {"name": s["contact"], "phone": s["phone"], "email": s["email"]},
    }
    if s["trading"]:
        seller["trading_name"] = s["trading"]
    buyer = {
        "name": c["name"],
        "electronic_address": c_ea,
        "address": {
            "line1": f"{c['street']} {c['house']}".strip(),
            "city": c["city"],
            "postal_code": c["pc"],
            "country": c["country"],
        },
    }
    if c["vat"]:
        buyer["vat_id"] = c["vat"]
    lines = []
    for it in doc["items"]:
        ln = {
            "name": it["desc"],
            "quantity": str(it["qty"]),
            "unit": it["ucode"],
            "price": str(it["price"]),
            "vat_category": "S",
            "vat_rate": str(it["rate"]),
        }
        if it["sub"]:
            ln["description"] = it["sub"]
        if it["allow"]:
            ln["allowances"] = [
                {"reason": it["allow"]["reason"], "amount": str(it["allow"]["amount"])}
            ]
        lines.append(ln)
    raw = {
        "type": "credit_note" if doc["credit"] else "invoice",
        "number": doc["number"],
        "issue_date": doc["date"].isoformat(),
        "currency": doc["cur"],
        "buyer_reference": doc["buyer_ref"],
        "seller": seller,
        "buyer": buyer,
        "lines": lines,
        "notes": list(doc["notes"]),
        "payment": {
            "means_code": "58",
            "remittance_info": doc["number"],
            "credit_transfers": [{"iban": s["iban"], "bic": s["bic"], "account_name": s["name"]}],
        },
    }
    if doc["due"]:
        raw["due_date"] = doc["due"].isoformat()
    if doc["terms"]:
        raw["payment"]["terms"] = doc["terms"]
    if doc["po"]:
        raw["order_reference"] = doc["po"]
    if doc["delivery_date"]:
        raw["delivery"] = {"date": doc["service_date"].isoformat()}
    if doc["credit"]:
        raw["preceding_invoices"] = [
            {"number": doc["ref_number"], "date": doc["ref_date"].isoformat()}
        ]
        raw["notes"].insert(0, doc["reason"])
    if doc["charges"]:
        raw["charges"] = [
            {
                "reason": ch["reason"],
                "amount": str(ch["amount"]),
                "vat_category": "S",
                "vat_rate": str(ch["rate"]),
            }
            for ch in doc["charges"]
        ]
    if doc["allowances"]:
        raw["allowances"] = [
            {
                "reason": a["reason"],
                "amount": str(a["amount"]),
                "vat_category": "S",
                "vat_rate": str(a["rate"]),
            }
            for a in doc["allowances"]
        ]
    if doc["prepaid"]:
        raw["prepaid_amount"] = str(doc["prepaid"])
    return raw


def render_eu(doc: dict) -> tuple[bytes, bytes | str]:
    """The e-invoice XML written by eu-einvoice in the drawn profile; then, as its viewer does with
    a received XML
    (``eu-einvoice render``), the XML parsed back and shown: a ReportLab PDF or the HTML view."""
    from eu_einvoice import cii, pdf, render, ubl
    from eu_einvoice.model import prepare
    from eu_einvoice.parse import parse_bytes
    from eu_einvoice.profiles import get_profile

    pkey, prof = get_profile(doc["profile"])
    inv, issues = prepare(eu_json(doc), pkey)
    if issues.errors:
        raise RuntimeError(
            "eu-einvoice pre-flight: "
            + "; ".join(f"{i['path']}: {i['msg']}" for i in issues.errors[:4])
        )
    xml = (ubl if prof["syntax"] == "ubl" else cii).generate(inv, prof)
    model, _notes = parse_bytes(xml)
    model["language"] = doc["lang"]
    view, issues = prepare(model, "en16931-ubl", trust_amounts=True)
    if issues.errors:
        raise RuntimeError(
            "eu-einvoice render: "
            + "; ".join(f"{i['path']}: {i['msg']}" for i in issues.errors[:4])
        )
    if doc["family"] == "euinvoice_pdf":
        return xml, pdf.render_pdf(view)
    return xml, render.to_html(view)


def print_html(html_path: Path, pdf_path: Path, engine: str) -> None:
    if engine == "chromium":
        cmd = [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--disable-dev-shm-usage",
            f"--print-to-pdf={pdf_path}",
            html_path.as_uri(),
        ]
        for _ in range(3):
            subprocess.run(cmd, capture_output=True, timeout=120)
            if pdf_path.exists() and pdf_path.stat().st_size > 1000:
                return
        raise RuntimeError(f"chromium produced no PDF for {html_path}")
    import weasyprint

    weasyprint.HTML(filename=str(html_path)).write_pdf(str(pdf_path))


def fix_stamps(pdf: Path, doc: dict) -> None:
    """Chromium writes the time of the run into the PDF (/CreationDate, /ModDate): replaced by the
    invoice date at
    09:30 UTC, same length, so that a seed gives identical files."""
    b = pdf.read_bytes()
    n = len(b)
    stamp = f"D:{doc['date'].strftime('%Y%m%d')}093000".encode()
    b = re.sub(rb"D:\d{14}", stamp, b)
    assert len(b) == n
    pdf.write_bytes(b)


# ---------------------------------------------------------------- the e-invoice XML, read back
def _local(root: ET.Element) -> ET.Element:
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
    return root


def _d(s: str | None) -> Decimal | None:
    return Decimal(s.strip()) if s and s.strip() else None


def _date(s: str | None) -> dt.date | None:
    if not s:
        return None
    s = s.strip()
    return (
        dt.date(int(s[0:4]), int(s[4:6]), int(s[6:8]))
        if re.fullmatch(r"\d{8}", s)
        else dt.date.fromisoformat(s)
    )


def xml_facts(xml: bytes) -> dict:
    """What the truth needs, read from a UBL Invoice / CreditNote or a CII CrossIndustryInvoice
    (syntax-aware
    paths, no renderer code)."""
    root = _local(ET.fromstring(xml))
    f: dict = {}
    if root.tag in ("Invoice", "CreditNote"):
        f["syntax"] = "UBL"
        cn = root.tag == "CreditNote"
        f["customization"] = root.findtext("CustomizationID")
        f["number"] = root.findtext("ID")
        f["type"] = root.findtext("CreditNoteTypeCode" if cn else "InvoiceTypeCode")
        f["date"] = _date(root.findtext("IssueDate"))
        f["due"] = _date(root.findtext("DueDate") or root.findtext("PaymentMeans/PaymentDueDate"))
        f["currency"] = root.findtext("DocumentCurrencyCode")
        f["order"] = root.findtext("OrderReference/ID")
        party = root.find("AccountingSupplierParty/Party")
        f["seller"] = party.findtext("PartyLegalEntity/RegistrationName") or party.findtext(
            "PartyName/Name"
        )
        f["seller_vat"] = next(
            (
                ts.findtext("CompanyID")
                for ts in party.findall("PartyTaxScheme")
                if ts.findtext("TaxScheme/ID") == "VAT"
            ),
            None,
        )
        mt = root.find("LegalMonetaryTotal")
        f["net"], f["gross"] = (
            _d(mt.findtext("TaxExclusiveAmount")),
            _d(mt.findtext("TaxInclusiveAmount")),
        )
        f["prepaid"], f["payable"] = (
            _d(mt.findtext("PrepaidAmount")) or Decimal(0),
            _d(mt.findtext("PayableAmount")),
        )
        tt = next(
            t
            for t in root.findall("TaxTotal")
            if t.find("TaxAmount").get("currencyID") == f["currency"]
        )
        f["tax"] = _d(tt.findtext("TaxAmount"))
        f["groups"] = [
            (
                _d(st.findtext("TaxCategory/Percent")),
                _d(st.findtext("TaxableAmount")),
                _d(st.findtext("TaxAmount")),
            )
            for st in tt.findall("TaxSubtotal")
        ]
        f["lines"] = [
            dict(
                name=ln.findtext("Item/Name"),
                desc=ln.findtext("Item/Description") or "",
                qty=_d(ln.findtext("CreditedQuantity" if cn else "InvoicedQuantity")),
                price=_d(ln.findtext("Price/PriceAmount")),
                total=_d(ln.findtext("LineExtensionAmount")),
            )
            for ln in root.findall("CreditNoteLine" if cn else "InvoiceLine")
        ]
    elif root.tag == "CrossIndustryInvoice":
        f["syntax"] = "CII"
        f["customization"] = root.findtext(
            "ExchangedDocumentContext/GuidelineSpecifiedDocumentContextParameter/ID"
        )
        ex = root.find("ExchangedDocument")
        f["number"], f["type"] = ex.findtext("ID"), ex.findtext("TypeCode")
        f["date"] = _date(ex.findtext("IssueDateTime/DateTimeString"))
        tx = root.find("SupplyChainTradeTransaction")
        ag, st = (
            tx.find("ApplicableHeaderTradeAgreement"),
            tx.find("ApplicableHeaderTradeSettlement"),
        )
        f["order"] = ag.findtext("BuyerOrderReferencedDocument/IssuerAssignedID")
        sp = ag.find("SellerTradeParty")
        f["seller"] = sp.findtext("Name")
        f["seller_vat"] = next(
            (
                r.text
                for r in sp.findall("SpecifiedTaxRegistration/ID")
                if r.get("schemeID") == "VA"
            ),
            None,
        )
        f["currency"] = st.findtext("InvoiceCurrencyCode")
        f["due"] = _date(st.findtext("SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString"))
        ms = st.find("SpecifiedTradeSettlementHeaderMonetarySummation")
        f["net"], f["gross"] = (
            _d(ms.findtext("TaxBasisTotalAmount")),
            _d(ms.findtext("GrandTotalAmount")),
        )
        f["prepaid"], f["payable"] = (
            _d(ms.findtext("TotalPrepaidAmount")) or Decimal(0),
            _d(ms.findtext("DuePayableAmount")),
        )
        f["tax"] = next(
            _d(t.text)
            for t in ms.findall("TaxTotalAmount")
            if t.get("currencyID") in (None, f["currency"])
        )
        f["groups"] = [
            (
                _d(t.findtext("RateApplicablePercent")),
                _d(t.findtext("BasisAmount")),
                _d(t.findtext("CalculatedAmount")),
            )
            for t in st.findall("ApplicableTradeTax")
        ]
        f["lines"] = [
            dict(
                name=li.findtext("SpecifiedTradeProduct/Name"),
                desc=li.findtext("SpecifiedTradeProduct/Description") or "",
                qty=_d(li.findtext("SpecifiedLineTradeDelivery/BilledQuantity")),
                price=_d(
                    li.findtext(
                        "SpecifiedLineTradeAgreement/NetPriceProductTradePrice/ChargeAmount"
                    )
                ),
                total=_d(
                    li.findtext(
                        "SpecifiedLineTradeSettlement/SpecifiedTradeSettlementLineMonetarySummation/LineTotalAmount"
                    )
                ),
            )
            for li in tx.findall("IncludedSupplyChainTradeLineItem")
        ]
    else:
        raise ValueError(f"not an e-invoice: {root.tag}")
    f["credit"] = f["type"] in ("381", "261", "262", "296", "308", "396", "420", "458", "532")
    return f


def agree(doc: dict, f: dict) -> list[str]:
    """Does the renderer's XML say what gen.py drew and computed?"""
    p = []
    pairs = [
        ("number", doc["number"], f["number"]),
        ("date", doc["date"], f["date"]),
        ("currency", doc["cur"], f["currency"]),
        ("net", doc["net"], f["net"]),
        ("tax", doc["tax"], f["tax"]),
        ("gross", doc["gross"], f["gross"]),
        ("payable", doc["payable"], f["payable"]),
        ("seller", doc["supplier"]["name"], f["seller"]),
        ("seller VAT", doc["supplier"]["vat"], f["seller_vat"]),
        ("credit", doc["credit"], f["credit"]),
        ("order", doc["po"], f["order"] or None),
        ("lines", len(doc["items"]), len(f["lines"])),
    ]
    if doc["family"] != "erechnung_din":
        pairs.append(("due", doc["due"], f["due"]))
    for key, want, got in pairs:
        if want != got:
            p.append(f"XML {key} {got!r} != drawn {want!r}")
    for i, (it, ln) in enumerate(zip(doc["items"], f["lines"], strict=False)):
        if (it["desc"], it["qty"], it["price"], it["total"]) != (
            ln["name"],
            ln["qty"],
            ln["price"],
            ln["total"],
        ):
            p.append(
                f"XML line {i + 1} {ln} != drawn "
                f"{it['desc']!r} {it['qty']} {it['price']} {it['total']}"
            )
    if sorted((g[0], g[2]) for g in doc["groups"]) != sorted((g[0], g[2]) for g in f["groups"]):
        p.append(f"XML VAT groups {f['groups']} != drawn {doc['groups']}")
    return p


# ------------------------------------------------------------------- what each renderer prints
def plain(x: Decimal) -> str:
    """A number as a plain string: no exponent, no trailing zeros (2.5, 4, 0.052)."""
    s = format(x.normalize(), "f")
    return s if "." not in s else s.rstrip("0").rstrip(".")


def price_str(x: Decimal, places: int | None = None) -> str:
    """A unit price with at least two decimals (or exactly ``places``)."""
    if places is not None:
        return format(x.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP), "f")
    s = plain(x)
    whole, _, frac = s.partition(".")
    return f"{whole}.{frac.ljust(2, '0')}"


def group(s: str, th: str, dp: str) -> str:
    """'-1234.50' -> '-1.234,50' with thousands separator ``th`` and decimal point ``dp``."""
    neg = s.startswith("-")
    whole, _, frac = s.lstrip("-").partition(".")
    whole = f"{int(whole):,}".replace(",", th)
    return ("-" if neg else "") + whole + (dp + frac if frac else "")


EU_SEP = {
    "en": (",", "."),
    "de": (".", ","),
    "nl": (".", ","),
    "it": (".", ","),
    "es": (".", ","),
    "fr": ("\u202f", ","),
}


class Printed:
    """How a family prints the truth values: money, unit price, quantity, date."""

    def __init__(self, doc: dict):
        self.doc, self.fam, self.lang = doc, doc["family"], doc["lang"]

    def money(self, x: Decimal) -> str:
        if self.fam == "xrechnung_django":
            return f"{x:.2f} EUR"
        if self.fam == "erechnung_din":
            return group(f"{x:.2f}", *((".", ",") if self.lang == "de" else (",", "."))) + " EUR"
        return group(f"{x:.2f}", *EU_SEP[self.lang]) + " " + self.doc["cur"]

    def amount(self, x: Decimal) -> str:
        """A line total as the item table prints it."""
        if self.fam == "xrechnung_django":
            return f"{x:.2f}"
        if self.fam == "erechnung_din":
            return self.money(x)[:-4]
        return self.money(x)

    def price(self, x: Decimal) -> str:
        if self.fam == "xrechnung_django":
            return f"{x:.6f}".rstrip("0").rstrip(".")
        if self.fam == "erechnung_din":
            return group(price_str(x, 2), *((".", ",") if self.lang == "de" else (",", ".")))
        return group(price_str(x), *EU_SEP[self.lang])

    def qty(self, x: Decimal) -> str:
        if self.fam == "xrechnung_django":
            return f"{x:.3f}"
        if self.fam == "erechnung_din":
            return plain(x)
        return group(plain(x), *EU_SEP[self.lang])

    def date(self, d: dt.date) -> str:
        if self.fam == "xrechnung_django" or (self.fam == "erechnung_din" and self.lang == "de"):
            return d.strftime("%d.%m.%Y")
        return d.isoformat()


def printed_facts(doc: dict, f: dict) -> dict:
    """Which of the XML's values the family prints (the truth keeps only those)."""
    fam = doc["family"]
    one_rate = len(f["groups"]) == 1
    return dict(
        due=f["due"] is not None,  # every renderer prints BT-9 when the XML has one
        tax=fam in ("erechnung_din", "euinvoice_html") or one_rate,  # else only per-rate VAT lines
        po=fam != "erechnung_din" and bool(f["order"]),
        sub=fam
        in ("erechnung_din", "euinvoice_pdf", "euinvoice_html"),  # BT-154 printed under the name
        price_places=2 if fam == "erechnung_din" else None,
    )


def truth_of(doc: dict, f: dict) -> dict:
    pr = printed_facts(doc, f)
    t = {
        "document_type": "credit_note" if f["credit"] else "invoice",
        "invoice_number": f["number"],
        "invoice_date": f["date"].isoformat(),
        "due_date": f["due"].isoformat() if pr["due"] else None,
        "currency": f["currency"],
        "total_excl_tax": f"{f['net']:.2f}",
        "tax_amount": f"{f['tax']:.2f}" if pr["tax"] else None,
        "total_incl_tax": f"{f['gross']:.2f}",
        "supplier_name": f["seller"],
        "supplier_tax_id": f["seller_vat"],
    }
    if pr["po"]:
        t["po_references"] = [f["order"]]
    t["line_items"] = [
        {
            "description": ln["name"] + (" " + ln["desc"] if pr["sub"] and ln["desc"] else ""),
            "quantity": plain(ln["qty"]),
            "unit_price": price_str(ln["price"], pr["price_places"]),
            "total": f"{ln['total']:.2f}",
        }
        for ln in f["lines"]
    ]
    t = {k: v for k, v in t.items() if v is not None}
    t["_source"] = f"{SET_NAME} seed {doc['seed']}"
    t["_style"] = style_of(doc, f)
    return t


def style_of(doc: dict, f: dict) -> dict:
    fam = doc["family"]
    lib = {
        "xrechnung_django": f"WeasyPrint {metadata.version('weasyprint')}",
        "erechnung_din": f"ReportLab {metadata.version('reportlab')}",
        "euinvoice_pdf": f"ReportLab {metadata.version('reportlab')}",
    }.get(fam)
    if fam == "euinvoice_html":
        lib = (
            CHROMIUM_VERSION
            if doc["engine"] == "chromium"
            else f"WeasyPrint {metadata.version('weasyprint')}"
        )
    return {
        "family": fam,
        "renderer": f"{doc['renderer']} {metadata.version(doc['renderer'])}",
        "library": lib,
        "country": doc["country"],
        "language": doc["lang"],
        "xml_syntax": f["syntax"],
        "xml_profile": f["customization"],
        "eu_profile": doc.get("profile"),
        "font": doc.get("font"),
        "items": len(f["lines"]),
        "vat_rates": [plain(g[0]) for g in f["groups"]],
        "line_allowances": any(it["allow"] for it in doc["items"]),
        "doc_charges": [str(c["amount"]) for c in doc["charges"]],
        "doc_allowances": [str(a["amount"]) for a in doc["allowances"]],
        "prepaid": str(doc["prepaid"]) if doc["prepaid"] else None,
        "skonto": bool(doc["skonto"]),
        "bt154_lines": sum(1 for it in doc["items"] if it["sub"]),
        "trading_name": bool(doc["supplier"]["trading"]),
        "buyer_reference": doc["buyer_ref"],
        "credit_printed_negative": False,
    }


def expected(doc: dict, t: dict, f: dict) -> list[tuple[str, str]]:
    """(key, string) pairs that must be in the PDF's text: the truth's values as the family prints
    them."""
    P = Printed(doc)
    out = [
        ("invoice_number", t["invoice_number"]),
        ("supplier_name", t["supplier_name"]),
        ("invoice_date", P.date(f["date"])),
        ("total_excl_tax", P.money(f["net"])),
        ("total_incl_tax", P.money(f["gross"])),
        ("supplier_tax_id", t["supplier_tax_id"]),
    ]
    if "tax_amount" in t:
        out.append(("tax_amount", P.money(f["tax"])))
    if "due_date" in t:
        out.append(("due_date", P.date(f["due"])))
    for p in t.get("po_references", []):
        out.append(("po", p))
    for i, ln in enumerate(f["lines"]):
        out.append((f"item{i}.desc", " ".join(ln["name"].split()[:3])))
        if printed_facts(doc, f)["sub"] and ln["desc"]:
            out.append((f"item{i}.sub", " ".join(ln["desc"].split()[:3])))
        out += [
            (f"item{i}.qty", P.qty(ln["qty"])),
            (f"item{i}.price", P.price(ln["price"])),
            (f"item{i}.total", P.amount(ln["total"])),
        ]
    return out


def check(doc: dict, t: dict, f: dict, pdf: Path) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    text = norm(" ".join(p.extract_text() or "" for p in reader.pages))
    doc["_pages"] = len(reader.pages)
    return [f"{k}: {s!r} not found" for k, s in expected(doc, t, f) if norm(s) not in text]


# --------------------------------------------------------------------------- main
def chromium_version() -> str:
    try:
        out = subprocess.run(
            [CHROMIUM, "--version"], capture_output=True, text=True, timeout=60
        ).stdout
        m = re.search(r"Chromium (\d+)", out)
        return f"Chromium {m.group(1)}" if m else "Chromium"
    except (OSError, subprocess.SubprocessError):
        return "Chromium"


CHROMIUM_VERSION = "Chromium"


def main(argv=None) -> int:
    global CHROMIUM_VERSION
    args = G.parse_args(argv, __doc__, FAMILIES)
    from reportlab import rl_config

    rl_config.invariant = (
        1  # no creation date or random /ID in ReportLab's PDFs: a seed gives identical files
    )
    logging.getLogger("erechnung").setLevel(logging.ERROR)
    out = Path(args.outdir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    docs = []
    for i in range(1, args.count + 1):
        d = make_doc(args.seed, i)
        if args.only and d["family"] != args.only:
            continue
        d["stem"] = f"{i:03d}_{d['family']}"
        docs.append(d)
    if any(d.get("engine") == "chromium" for d in docs):
        if not Path(CHROMIUM).exists():
            raise SystemExit(
                "chromium missing: apt-get install -y chromium fonts-dejavu-core fonts-liberation"
            )
        CHROMIUM_VERSION = chromium_version()
    tmp = Path(tempfile.mkdtemp(prefix="einvoice_render_"))
    keep = out / "xml" if args.keep_jobs else None
    if keep:
        keep.mkdir(exist_ok=True)
    bad = 0
    try:
        if any(d["family"] == "xrechnung_django" for d in docs):
            setup_django(tmp)
        for d in docs:
            pdf = out / f"{d['stem']}.pdf"
            line = f"{d['stem']} {d['country']}/{d['lang']} items={len(d['items'])}"
            try:
                if d["family"] == "xrechnung_django":
                    xml, body = render_django(d)
                elif d["family"] == "erechnung_din":
                    xml, body = render_erechnung(d)
                else:
                    xml, body = render_eu(d)
                if isinstance(body, str):
                    html = tmp / f"{d['stem']}.html"
                    html.write_text(body, encoding="utf-8")
                    print_html(html, pdf, d["engine"])
                    if d["engine"] == "chromium":
                        fix_stamps(pdf, d)
                    if keep:
                        shutil.copy(html, keep / html.name)
                else:
                    pdf.write_bytes(body)
            except Exception as exc:  # a renderer refusing the data: report, write nothing
                bad += 1
                pdf.unlink(missing_ok=True)
                print(
                    f"{line} FAIL (not written): {d['renderer']}: "
                    f"{type(exc).__name__}: {str(exc)[:300]}"
                )
                continue
            if keep:
                (keep / f"{d['stem']}.xml").write_bytes(xml)
            f = xml_facts(xml)
            t = truth_of(d, f)
            problems = agree(d, f) + ([] if args.no_check else check(d, t, f, pdf))
            if "_pages" in d:
                t["_style"]["pages"] = d["_pages"]
            line += f" pages={d.get('_pages', '?')}"
            if problems:
                bad += 1
                pdf.unlink()
                print(f"{line} FAIL (not written): " + "; ".join(problems[:6]))
                continue
            (out / f"{d['stem']}.json").write_text(
                json.dumps(t, ensure_ascii=False, indent=1) + "\n"
            )
            print(line)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(docs)} documents in {out}, {bad} failed (not written), {len(docs) - bad} written")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
