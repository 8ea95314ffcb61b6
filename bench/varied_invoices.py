"""A second, independent holdout of generated supplier invoices, in layouts unlike a plain invoice.

    python bench/varied_invoices.py OUT_DIR [--count 100] [--seed 1] [--check]

Writes ``NNN_lang_family.pdf`` beside ``NNN_lang_family.json`` (truth in the contract's field names,
the shape of /work/shared/corpus/*.json). The first holdout is read almost perfectly, so it no
longer tells us anything; these documents are written without looking at the parser, in six
families that are not "letterhead + meta box + table + totals": a DIN 5008 business letter, a
utility bill, a cash-and-carry receipt, a freelancer/service invoice, an ERP print and a summary
invoice over delivery notes. Producer (reportlab canvas, platypus, fpdf2), fonts, number and date
formats, currency display, credit notes and pages vary independently. Same seed, same bytes.

``--check`` re-opens each PDF with pypdf and lists documents whose invoice number, printed total or
supplier name is missing from the text layer (the truth must be findable on the page).
"""

# ruff: noqa: E501  (label and name tables read better one entry a line)
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from _textcheck import report_missing

D = Decimal
CENT = D("0.01")
NBSP = "\u00a0"
A4_W, A4_H = 210.0, 297.0


def r2(value: Decimal) -> Decimal:
    """Commercial rounding to cents, as invoicing software does."""
    return value.quantize(CENT, ROUND_HALF_UP)


# ----------------------------------------------------------------------------------------------
# Locale: countries, number, money and date formats


@dataclass(frozen=True)
class Country:
    """What a supplier's country decides: language, currency, VAT rates and labels."""

    code: str
    lang: str
    currency: str
    reduced: Decimal  # food
    standard: Decimal  # drinks, services, energy
    tax_word: str
    vat_label: tuple[str, ...]
    number_styles: tuple[str, ...]
    date_style: str  # numeric date pattern


COUNTRIES: dict[str, Country] = {
    "UK": Country("UK", "en", "GBP", D("0"), D("20"), "VAT", ("VAT Reg. No.", "VAT No.", "VAT registration number"), ("en", "en", "plain_dot"), "dmy/"),
    "IE": Country("IE", "en", "EUR", D("0"), D("23"), "VAT", ("VAT No.", "VAT Reg. No."), ("en", "plain_dot"), "dmy/"),
    "US": Country("US", "en", "USD", D("0"), D("8.875"), "Sales tax", (), ("en",), "mdy/"),
    "DE": Country("DE", "de", "EUR", D("7"), D("19"), "USt.", ("USt-IdNr.", "USt-ID", "Umsatzsteuer-ID"), ("de", "de", "plain_comma"), "dmy."),
    "AT": Country("AT", "de", "EUR", D("10"), D("20"), "USt.", ("UID-Nr.", "UID", "USt-IdNr."), ("de", "de_space"), "dmy."),
    "CH": Country("CH", "de", "CHF", D("2.6"), D("8.1"), "MWST", ("MWST-Nr.", "UID/MWST", "MWST"), ("ch", "ch", "plain_dot"), "dmy."),
    "FR": Country("FR", "fr", "EUR", D("5.5"), D("20"), "TVA", ("N° TVA intracommunautaire", "TVA intracom.", "N° TVA"), ("fr", "fr", "fr_space"), "dmy/"),
    "BEfr": Country("BE", "fr", "EUR", D("6"), D("21"), "TVA", ("N° TVA", "TVA BE", "N° d'entreprise TVA"), ("de", "fr"), "dmy/"),
    "CHfr": Country("CH", "fr", "CHF", D("2.6"), D("8.1"), "TVA", ("N° TVA", "IDE/TVA"), ("ch", "ch"), "dmy."),
    "NL": Country("NL", "nl", "EUR", D("9"), D("21"), "btw", ("Btw-nummer", "BTW-nr.", "Btw-id"), ("de", "de", "plain_comma"), "dmy-"),
    "BEnl": Country("BE", "nl", "EUR", D("6"), D("21"), "btw", ("Btw-nr.", "BTW BE", "Ondernemingsnr."), ("de", "plain_comma"), "dmy/"),
}  # fmt: skip
LANG_COUNTRIES = {
    "en": ["UK", "IE", "US"],
    "de": ["DE", "AT", "CH"],
    "fr": ["FR", "BEfr", "CHfr"],
    "nl": ["NL", "BEnl"],
}
CURRENCY_SIGNS = {"EUR": ("€", "EUR"), "GBP": ("£", "GBP"), "USD": ("$", "USD"), "CHF": ("CHF",)}


def fmt_num(value: Decimal, style: str, places: int = 2) -> str:
    """Format a number the way the style's country prints it (sign in front)."""
    q = D(1).scaleb(-places)
    v = value.quantize(q, ROUND_HALF_UP)
    neg = v < 0
    whole, _, frac = f"{abs(v):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    sep, dec = {
        "en": (",", "."),
        "de": (".", ","),
        "de_space": (" ", ","),
        "fr": (NBSP, ","),
        "fr_space": (" ", ","),
        "ch": ("'", "."),
        "plain_dot": ("", "."),
        "plain_comma": ("", ","),
    }[style]
    text = sep.join(groups) + (dec + frac if places else "")
    return ("-" if neg else "") + text


def fmt_qty(value: Decimal, style: str) -> str:
    """Quantities: no decimals when whole, else as many as needed (at least one)."""
    if value == value.to_integral_value():
        return fmt_num(value, style, 0)
    places = max(1, -value.normalize().as_tuple().exponent)  # type: ignore[operator]
    return fmt_num(value, style, places)


@dataclass(frozen=True)
class MoneyStyle:
    """How an amount with its currency is shown: sign, before or after, spaced or not."""

    number: str
    sign: str
    before: bool
    space: bool

    def money(self, value: Decimal) -> str:
        num = fmt_num(value, self.number)
        gap = " " if self.space else ""
        return f"{self.sign}{gap}{num}" if self.before else f"{num}{gap}{self.sign}"

    def num(self, value: Decimal, places: int = 2) -> str:
        return fmt_num(value, self.number, places)


MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}


def month_name(d: date, lang: str, country: str) -> str:
    if country == "AT" and d.month == 1:
        return "Jänner"
    return MONTHS[lang].split()[d.month - 1]


def fmt_date(d: date, lang: str, country: Country, long: bool) -> str:
    """Numeric in the country's pattern, or spelled out the way the language writes it."""
    if long:
        m = month_name(d, lang, country.code)
        if lang == "de":
            return f"{d.day}. {m} {d.year}"
        if lang == "fr":
            return f"{'1er' if d.day == 1 else d.day} {m} {d.year}"
        if lang == "nl":
            return f"{d.day} {m} {d.year}"
        if country.code == "US":
            return f"{m} {d.day}, {d.year}"
        return f"{d.day} {m} {d.year}"
    sep = country.date_style[3]
    if country.date_style.startswith("mdy"):
        return f"{d.month:02d}{sep}{d.day:02d}{sep}{d.year}"
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


# ----------------------------------------------------------------------------------------------
# Words per language


L: dict[str, dict[str, str]] = {
    "de": {
        "invoice": "Rechnung", "credit": "Gutschrift", "inv_no": "Rechnungsnummer",
        "inv_no_short": "Rechnung Nr.", "cn_no": "Gutschriftsnummer", "cn_no_short": "Gutschrift Nr.",
        "date": "Datum", "inv_date": "Rechnungsdatum", "due": "Fällig am", "due_date": "Fälligkeitsdatum",
        "cust_no": "Kundennummer", "your_ref": "Ihr Zeichen", "your_msg": "Ihre Nachricht vom",
        "our_ref": "Unser Zeichen", "clerk": "Bearbeiter", "phone": "Telefon", "email": "E-Mail",
        "order_no": "Ihre Bestellnummer", "order_short": "Bestell-Nr.", "delivery_date": "Lieferdatum",
        "pos": "Pos.", "desc": "Bezeichnung", "qty": "Menge", "unit": "Einheit", "price": "Einzelpreis",
        "amount": "Gesamt", "rate": "USt.", "net_total": "Nettobetrag", "total": "Rechnungsbetrag",
        "credit_total": "Gutschriftsbetrag", "page": "Seite", "of": "von", "carry": "Übertrag",
        "bank": "Bankverbindung", "mgmt": "Geschäftsführer", "regards": "Mit freundlichen Grüßen",
        "salutation": "Sehr geehrte Damen und Herren,", "vat_on": "zzgl. {r} % {w} auf {b}",
        "intro": "für unsere Lieferungen im {month} erlauben wir uns, wie folgt zu berechnen:",
        "intro_cn": "wir schreiben Ihnen folgende Positionen gut:",
        "pay_due": "Bitte überweisen Sie den Betrag von {amt} bis zum {due} auf unser Konto {iban}.",
        "pay_days": "Zahlbar innerhalb von {n} Tagen ohne Abzug auf unser Konto {iban}.",
        "credit_prose": "Den Betrag von {amt} schreiben wir Ihrem Kundenkonto gut.",
        "subject_month": "Rechnung {no} für {month}", "customer": "Kunde", "period": "Leistungszeitraum",
        "account": "Kundenkonto", "hours": "Std.", "rate_h": "Stundensatz", "day": "Tag",
        "sum": "Summe", "thanks": "Vielen Dank für Ihren Auftrag!", "bill_to": "Rechnung an",
    },
    "en": {
        "invoice": "Invoice", "credit": "Credit note", "inv_no": "Invoice number",
        "inv_no_short": "Invoice No.", "cn_no": "Credit note number", "cn_no_short": "Credit Note No.",
        "date": "Date", "inv_date": "Invoice date", "due": "Due date", "due_date": "Due date",
        "cust_no": "Customer No.", "your_ref": "Your ref.", "your_msg": "Your letter of",
        "our_ref": "Our ref.", "clerk": "Contact", "phone": "Telephone", "email": "Email",
        "order_no": "Your order No.", "order_short": "PO No.", "delivery_date": "Delivery date",
        "pos": "Item", "desc": "Description", "qty": "Qty", "unit": "Unit", "price": "Unit price",
        "amount": "Amount", "rate": "VAT", "net_total": "Net total", "total": "Total due",
        "credit_total": "Total credit", "page": "Page", "of": "of", "carry": "Carried forward",
        "bank": "Bank details", "mgmt": "Directors", "regards": "Yours faithfully",
        "salutation": "Dear Sir or Madam,", "vat_on": "{w} {r}% on {b}",
        "intro": "we hereby invoice you for our deliveries in {month} as follows:",
        "intro_cn": "we credit your account with the following items:",
        "pay_due": "Please transfer the amount of {amt} by {due} to our account {iban}.",
        "pay_days": "Payment is due within {n} days of the invoice date to account {iban}.",
        "credit_prose": "The amount of {amt} will be credited to your customer account.",
        "subject_month": "Invoice {no} for {month}", "customer": "Customer", "period": "Service period",
        "account": "Account number", "hours": "hrs", "rate_h": "Rate", "day": "day",
        "sum": "Total", "thanks": "Thank you for your business.", "bill_to": "Bill to",
    },
    "fr": {
        "invoice": "Facture", "credit": "Avoir", "inv_no": "Numéro de facture",
        "inv_no_short": "Facture n°", "cn_no": "Numéro d'avoir", "cn_no_short": "Avoir n°",
        "date": "Date", "inv_date": "Date de facture", "due": "Échéance", "due_date": "Date d'échéance",
        "cust_no": "N° client", "your_ref": "Votre réf.", "your_msg": "Votre courrier du",
        "our_ref": "Notre réf.", "clerk": "Interlocuteur", "phone": "Téléphone", "email": "E-mail",
        "order_no": "Votre commande n°", "order_short": "N° commande", "delivery_date": "Date de livraison",
        "pos": "Pos.", "desc": "Désignation", "qty": "Qté", "unit": "Unité", "price": "Prix unit. HT",
        "amount": "Montant HT", "rate": "TVA", "net_total": "Total HT", "total": "Total TTC",
        "credit_total": "Total avoir TTC", "page": "Page", "of": "sur", "carry": "Report",
        "bank": "Coordonnées bancaires", "mgmt": "Gérant", "regards": "Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.",
        "salutation": "Madame, Monsieur,", "vat_on": "{w} {r} % sur {b}",
        "intro": "veuillez trouver ci-dessous le détail de nos livraisons du mois de {month} :",
        "intro_cn": "nous portons à votre crédit les articles suivants :",
        "pay_due": "Merci de régler la somme de {amt} avant le {due} sur notre compte {iban}.",
        "pay_days": "Paiement à {n} jours date de facture sur notre compte {iban}.",
        "credit_prose": "Le montant de {amt} sera porté au crédit de votre compte client.",
        "subject_month": "Facture {no} – {month}", "customer": "Client", "period": "Période de prestation",
        "account": "Référence client", "hours": "h", "rate_h": "Taux horaire", "day": "jour",
        "sum": "Total", "thanks": "Merci de votre confiance.", "bill_to": "Facturé à",
    },
    "nl": {
        "invoice": "Factuur", "credit": "Creditnota", "inv_no": "Factuurnummer",
        "inv_no_short": "Factuur nr.", "cn_no": "Creditnotanummer", "cn_no_short": "Creditnota nr.",
        "date": "Datum", "inv_date": "Factuurdatum", "due": "Vervaldatum", "due_date": "Vervaldatum",
        "cust_no": "Klantnummer", "your_ref": "Uw kenmerk", "your_msg": "Uw bericht van",
        "our_ref": "Ons kenmerk", "clerk": "Behandeld door", "phone": "Telefoon", "email": "E-mail",
        "order_no": "Uw bestelnummer", "order_short": "Bestelnr.", "delivery_date": "Leverdatum",
        "pos": "Pos.", "desc": "Omschrijving", "qty": "Aantal", "unit": "Eenheid", "price": "Prijs",
        "amount": "Bedrag", "rate": "Btw", "net_total": "Totaal excl. btw", "total": "Totaal incl. btw",
        "credit_total": "Totaal creditnota", "page": "Pagina", "of": "van", "carry": "Transport",
        "bank": "Bankgegevens", "mgmt": "Directie", "regards": "Met vriendelijke groet,",
        "salutation": "Geachte heer, mevrouw,", "vat_on": "{w} {r}% over {b}",
        "intro": "hierbij factureren wij u onze leveringen in {month}:",
        "intro_cn": "hierbij crediteren wij u de volgende posten:",
        "pay_due": "Wij verzoeken u het bedrag van {amt} vóór {due} over te maken op rekening {iban}.",
        "pay_days": "Betaling binnen {n} dagen na factuurdatum op rekening {iban}.",
        "credit_prose": "Het bedrag van {amt} wordt op uw klantrekening gecrediteerd.",
        "subject_month": "Factuur {no} voor {month}", "customer": "Klant", "period": "Periode",
        "account": "Klantnummer", "hours": "uur", "rate_h": "Tarief", "day": "dag",
        "sum": "Totaal", "thanks": "Bedankt voor uw opdracht.", "bill_to": "Factuur aan",
    },
}  # fmt: skip


# ----------------------------------------------------------------------------------------------
# Parties: suppliers, customers, VAT ids

STREETS = {
    "UK": ["High Street", "Station Road", "Mill Lane", "Church Street", "Victoria Road"],
    "IE": ["Main Street", "Dock Road", "Bridge Street", "Parnell Square"],
    "US": ["Main Street", "Oak Avenue", "Harbor Blvd", "Industrial Parkway"],
    "DE": ["Hauptstraße", "Bahnhofstraße", "Industriestraße", "Am Großmarkt", "Lindenweg"],
    "AT": ["Hauptplatz", "Wiener Straße", "Gewerbepark", "Linzer Gasse"],
    "CH": ["Bahnhofstrasse", "Industriestrasse", "Seestrasse", "Dorfstrasse"],
    "FR": ["rue de la République", "avenue Jean Jaurès", "rue du Marché", "boulevard Victor Hugo"],
    "BE": ["rue de l'Industrie", "Kerkstraat", "chaussée de Louvain", "Stationsstraat"],
    "NL": ["Kerkstraat", "Industrieweg", "Havenstraat", "Marktplein", "Dorpsstraat"],
}
CITIES = {
    "UK": ["London SE1 7PB", "Manchester M4 1HN", "Bristol BS1 6QA", "Leeds LS2 7EY"],
    "IE": ["Dublin 8, D08 X2Y3", "Cork T12 AB34", "Galway H91 C2D3"],
    "US": ["Brooklyn, NY 11201", "Boston, MA 02118", "Chicago, IL 60607"],
    "DE": ["80331 München", "20095 Hamburg", "50667 Köln", "60311 Frankfurt am Main"],
    "AT": ["1030 Wien", "5020 Salzburg", "8010 Graz", "6020 Innsbruck"],
    "CH": ["8005 Zürich", "3011 Bern", "4051 Basel", "6003 Luzern"],
    "CHfr": ["1201 Genève", "1003 Lausanne", "2000 Neuchâtel"],
    "FR": ["69002 Lyon", "75011 Paris", "33000 Bordeaux", "13001 Marseille"],
    "BE": ["1000 Bruxelles", "2000 Antwerpen", "9000 Gent", "4000 Liège"],
    "NL": ["1012 AB Amsterdam", "3011 BD Rotterdam", "3511 LK Utrecht", "9711 HV Groningen"],
}
PEOPLE = {
    "en": ["Sarah Mitchell", "James O'Brien", "Emma Clarke", "David Patel", "Laura Kennedy"],
    "de": ["Anna Schneider", "Thomas Huber", "Markus Keller", "Julia Brandt", "Stefan Wagner"],
    "fr": ["Claire Moreau", "Julien Lefèvre", "Sophie Garnier", "Nicolas Perrin", "Élodie Roux"],
    "nl": ["Sanne de Vries", "Pieter Jansen", "Lotte Bakker", "Bram Visser", "Eva Mulder"],
}
SUPPLIER_NAMES: dict[str, dict[str, list[str]]] = {
    "goods": {
        "UK": ["Harbour Fresh Foods Ltd", "Carter & Sons Wholesale Ltd", "Greenfield Produce Ltd"],
        "IE": ["O'Connell Catering Supplies Ltd", "Liffey Foodservice Ltd", "Atlantic Fish Co. Ltd"],
        "US": ["Blue Ridge Produce LLC", "Hudson Valley Provisions Inc.", "Lakeside Dairy Co."],
        "DE": ["Frischdienst Nord GmbH & Co. KG", "Bäckerei Hofmann GmbH", "Getränke Lindner KG", "Metzgerei Brandl GmbH"],
        "AT": ["Alpenfrisch Handels GmbH", "Weinkellerei Gruber KG", "Fleischhauerei Pichler GmbH"],
        "CH": ["Alpenmilch AG", "Gemüse Zürrer AG", "Getränke Bühler GmbH"],
        "FR": ["Maison Lefèvre SARL", "Boucherie Dupont & Fils SAS", "Primeurs du Rhône SAS", "Brasseries Réunies SA"],
        "BE": ["Van Damme Foodservice NV", "Boulangerie Lambert SPRL", "Vandenbroucke & Co BV"],
        "CHfr": ["Laiterie du Léman SA", "Primeurs Rochat Sàrl"],
        "NL": ["Van der Berg Groothandel B.V.", "De Groene Weide BV", "Vishandel Kramer B.V.", "Bakkerij Smit V.O.F."],
    },
    "utility": {
        "UK": ["Brightwave Energy Ltd", "Northline Telecom plc"],
        "IE": ["Shannon Power Ltd", "Emerald Broadband Ltd"],
        "US": ["Metro Gas & Electric Co.", "Riverside Water Authority"],
        "DE": ["Stadtwerke Rosenau GmbH", "NordEnergie Vertrieb AG", "Telenova Kommunikation GmbH"],
        "AT": ["Energie Donautal AG", "AlpNet Telekom GmbH"],
        "CH": ["Elektrizitätswerk Seetal AG", "Swissline Telecom AG"],
        "FR": ["Énergies du Val SAS", "Télécom Azur SA", "Eaux de la Vallée SA"],
        "BE": ["Lumière Énergie SA", "Vlaamse Stroom NV"],
        "CHfr": ["Services Industriels du Lac SA"],
        "NL": ["Helder Energie B.V.", "Polder Telecom B.V.", "Waternet Zuid N.V."],
    },
    "service": {
        "UK": ["Sparkle Kitchen Cleaning Ltd", "Harper Hospitality Consulting"],
        "IE": ["Fitzgerald Menu Design", "CleanPro Services Ltd"],
        "US": ["Rivera Culinary Consulting LLC", "Northside Hood Cleaning Inc."],
        "DE": ["Gebäudereinigung Sandra Keller", "Kessler Gastro Consulting GmbH", "Kältetechnik Baumann"],
        "AT": ["Reinigungsservice Mayr e.U.", "Gastroberatung Hofer"],
        "CH": ["Küchentechnik Frei GmbH", "Beratung Steiner & Partner"],
        "FR": ["Nettoyage Pro Lyon SARL", "Julien Perrin Conseil", "Froid Service 69 SAS"],
        "BE": ["Conseil Horeca Dubois SRL", "Schoonmaak Peeters BV"],
        "CHfr": ["Conseil Gastro Romand Sàrl"],
        "NL": ["Schoonmaakbedrijf De Wit", "Studio Vermeer Horeca Advies", "Koeltechniek Dijkstra B.V."],
    },
    "statement": {
        "UK": ["Riverside Laundry Services Ltd", "Baker Street Bakery Ltd"],
        "IE": ["Galway Bay Bakery Ltd", "Linen Care Ireland Ltd"],
        "US": ["Sunrise Bakery LLC", "Metro Linen Supply Inc."],
        "DE": ["Wäscherei Blank GmbH", "Bäckerei Sonnenschein", "Obst & Gemüse Yilmaz e.K."],
        "AT": ["Bäckerei Ströck-Müller GmbH", "Wäscherei Edelweiß GmbH"],
        "CH": ["Bäckerei Kuhn AG", "Wäscherei Sauber AG"],
        "FR": ["Blanchisserie du Lac SAS", "Boulangerie Martin SARL", "Fromagerie Vidal"],
        "BE": ["Blanchisserie Leroy SA", "Bakkerij Claes BV"],
        "CHfr": ["Boulangerie Favre SA"],
        "NL": ["Wasserij Hoogland B.V.", "Bakkerij Bos", "Groente & Fruit Van Dijk"],
    },
}  # fmt: skip
CUSTOMERS = {
    "en": ["The Crown & Anchor Ltd", "Harbour Kitchen Group Ltd", "Olive Tree Restaurants Ltd"],
    "de": ["Gasthaus zur Linde GmbH", "Brauhaus am Markt GmbH", "Genuss Gastro Gruppe GmbH"],
    "fr": ["Brasserie Le Comptoir SAS", "Groupe Bistrot Saint-Jean", "Restaurant Les Halles SARL"],
    "nl": ["Restaurant De Kade B.V.", "Brasserie Het Plein", "Horecagroep Noord B.V."],
}


def vat_id(rng: random.Random, country: str, lang: str) -> tuple[str, str] | None:
    """A valid-looking VAT id as printed, and compact (the truth)."""
    digits = "".join(rng.choice("0123456789") for _ in range(9))
    if country == "UK":
        printed = rng.choice([f"GB{digits}", f"GB {digits[:3]} {digits[3:7]} {digits[7:]}"])
        return printed, f"GB{digits}"
    if country == "IE":
        v = f"IE{digits[:7]}{rng.choice('ABCDEFHKLMPTVW')}"
        return v, v
    if country == "US":
        return None
    if country == "DE":
        return rng.choice(
            [f"DE{digits}", f"DE {digits[:3]} {digits[3:6]} {digits[6:]}"]
        ), f"DE{digits}"
    if country == "AT":
        return rng.choice([f"ATU{digits[:8]}", f"ATU {digits[:8]}"]), f"ATU{digits[:8]}"
    if country == "CH":
        word = {"de": "MWST", "fr": "TVA"}[lang]
        return f"CHE-{digits[:3]}.{digits[3:6]}.{digits[6:]} {word}", f"CHE{digits}{word}"
    if country == "FR":
        siren = int(digits)
        key = (12 + 3 * (siren % 97)) % 97
        return rng.choice(
            [f"FR{key:02d}{digits}", f"FR {key:02d} {digits}"]
        ), f"FR{key:02d}{digits}"
    if country == "BE":
        base = "0" + digits[:7]
        num = f"{base}{97 - int(base) % 97:02d}"
        return rng.choice([f"BE{num}", f"BE {num[:4]}.{num[4:7]}.{num[7:]}"]), f"BE{num}"
    if country == "NL":
        v = f"NL{digits}B{rng.choice(['01', '01', '02'])}"
        return rng.choice([v, f"{v[:6]}.{v[6:8]}.{v[8:11]}.{v[11:]}"]), v
    raise ValueError(country)


def iban(rng: random.Random, country: str) -> str:
    """Looks like the country's IBAN, grouped by four (not checksum-valid; nobody pays it)."""
    lengths = {"UK": 22, "IE": 22, "DE": 22, "AT": 20, "CH": 21, "FR": 27, "BE": 16, "NL": 18}
    cc = {"UK": "GB"}.get(country, country)
    if country == "US":
        return f"ABA 0{rng.randint(10000000, 99999999)} Acct {rng.randint(1000000, 9999999)}"
    body = f"{rng.randint(10, 99)}" + "".join(
        rng.choice("0123456789") for _ in range(lengths[country] - 4)
    )
    if country in ("UK", "IE", "NL"):
        bank = {"UK": "BARC", "IE": "AIBK", "NL": rng.choice(["RABO", "INGB", "ABNA"])}[country]
        body = body[:2] + bank + body[6:]
    raw = cc + body
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@dataclass
class Party:
    """A supplier or a customer as it appears on paper."""

    name: str
    street: str
    city: str
    country: str
    vat_print: str | None = None
    vat_compact: str | None = None
    phone: str = ""
    email: str = ""
    iban: str = ""
    bic: str = ""
    register: str = ""
    manager: str = ""
    web: str = ""


def make_party(rng: random.Random, kind: str, ckey: str, lang: str) -> Party:
    """A supplier of the given kind in the country ``ckey`` (keys of COUNTRIES)."""
    c = COUNTRIES[ckey]
    name = rng.choice(SUPPLIER_NAMES[kind][ckey if ckey in ("CHfr",) else c.code])
    street = f"{rng.choice(STREETS[c.code])} {rng.randint(1, 180)}"
    if c.code in ("UK", "IE", "US"):
        street = f"{rng.randint(1, 180)} {rng.choice(STREETS[c.code])}"
    if c.code == "FR" or (c.code == "BE" and lang == "fr"):
        street = f"{rng.randint(1, 120)} {rng.choice(STREETS[c.code])}"
    city = rng.choice(CITIES[ckey if ckey == "CHfr" else c.code])
    v = vat_id(rng, c.code, lang)
    slug = re.sub(r"[^a-z]", "", name.lower().split()[0])[:12] or "info"
    tld = {"UK": "co.uk", "US": "com", "CHfr": "ch"}.get(ckey, c.code.lower())
    phone = {
        "UK": f"+44 20 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
        "IE": f"+353 1 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        "US": f"(617) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
        "DE": f"089 {rng.randint(100, 999)} {rng.randint(100, 999)}-{rng.randint(0, 99)}",
        "AT": f"+43 1 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "CH": f"+41 44 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "FR": f"04 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "BE": f"+32 2 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "NL": f"020 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
    }[c.code]
    register = {
        "UK": f"Registered in England No. {rng.randint(1000000, 9999999):08d}",
        "IE": f"Registered in Ireland No. {rng.randint(100000, 999999)}",
        "US": "",
        "DE": f"Amtsgericht München HRB {rng.randint(10000, 99999)}",
        "AT": f"FN {rng.randint(100000, 599999)}{rng.choice('abdfgkmpstvz')}, HG Wien",
        "CH": f"Handelsregister Kanton Zürich CH-020.{rng.randint(1, 9)}.{rng.randint(100000, 999999)}-{rng.randint(1, 9)}",
        "FR": f"RCS Lyon {rng.randint(300, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        "BE": f"RPM Bruxelles {rng.randint(1000, 9999)}.{rng.randint(100, 999)}.{rng.randint(100, 999)}",
        "NL": f"KvK {rng.randint(10000000, 99999999)}",
    }[c.code]
    if c.lang == "fr" and c.code == "CH":
        register = f"Registre du commerce de Genève CH-660.{rng.randint(1000000, 9999999)}-{rng.randint(1, 9)}"
    return Party(
        name=name,
        street=street,
        city=city,
        country=c.code,
        vat_print=v[0] if v else None,
        vat_compact=v[1] if v else None,
        phone=phone,
        email=f"{rng.choice(['info', 'buchhaltung' if lang == 'de' else 'accounts', 'factures' if lang == 'fr' else 'billing'])}@{slug}.{tld}",
        iban=iban(rng, c.code),
        bic=f"{rng.choice(['COBA', 'DEUT', 'BNPA', 'RABO', 'BARC', 'UBSW', 'GEBA', 'INGB'])}{({'UK': 'GB'}).get(c.code, c.code)}{rng.choice(['2L', '22', 'MM', 'PP'])}",
        register=register,
        manager=rng.choice(PEOPLE[lang]),
        web=f"www.{slug}.{tld}",
    )


def make_customer(rng: random.Random, lang: str, ckey: str) -> Party:
    c = COUNTRIES[ckey]
    street = f"{rng.choice(STREETS[c.code])} {rng.randint(1, 90)}"
    if c.code in ("UK", "IE", "US", "FR"):
        street = f"{rng.randint(1, 90)} {rng.choice(STREETS[c.code])}"
    v = vat_id(rng, c.code, lang)
    return Party(
        name=rng.choice(CUSTOMERS[lang]),
        street=street,
        city=rng.choice(CITIES[ckey if ckey == "CHfr" else c.code]),
        country=c.code,
        vat_print=v[0] if v else None,
        vat_compact=v[1] if v else None,
    )


# ----------------------------------------------------------------------------------------------
# Drawing: families draw into a recorder (mm, origin top left, y = baseline); a producer replays it.
# Recording first lets "Page 2 of 3" be written once the page count is known.

RL_FONTS = (
    Path(__file__).resolve().parent.parent / ".venv/lib/python3.11/site-packages/reportlab/fonts"
)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class FontSet:
    """Regular, bold, mono, mono bold: base-14 names or TTF files (then embedded)."""

    key: str
    files: tuple[str, str, str, str]  # file paths, or base-14 names
    ttf: bool

    def name(self, style: str) -> str:
        i = {"r": 0, "b": 1, "m": 2, "mb": 3}[style]
        return f"{self.key}-{style}" if self.ttf else self.files[i]

    def file(self, style: str) -> str:
        return self.files[{"r": 0, "b": 1, "m": 2, "mb": 3}[style]]


def _font_sets() -> dict[str, FontSet]:
    rl = str(RL_FONTS)
    dj = str(DEJAVU)
    mono = (f"{dj}/DejaVuSansMono.ttf", f"{dj}/DejaVuSansMono-Bold.ttf")
    return {
        "helvetica": FontSet("helvetica", ("Helvetica", "Helvetica-Bold", "Courier", "Courier-Bold"), False),
        "times": FontSet("times", ("Times-Roman", "Times-Bold", "Courier", "Courier-Bold"), False),
        "courier": FontSet("courier", ("Courier", "Courier-Bold", "Courier", "Courier-Bold"), False),
        "vera": FontSet("vera", (f"{rl}/Vera.ttf", f"{rl}/VeraBd.ttf", *mono), True),
        "dejavu": FontSet("dejavu", (f"{dj}/DejaVuSans.ttf", f"{dj}/DejaVuSans-Bold.ttf", *mono), True),
        "dejavu_serif": FontSet("dejavu_serif", (f"{dj}/DejaVuSerif.ttf", f"{dj}/DejaVuSerif-Bold.ttf", *mono), True),
        "dejavu_cond": FontSet("dejavu_cond", (f"{dj}/DejaVuSansCondensed.ttf", f"{dj}/DejaVuSansCondensed-Bold.ttf", *mono), True),
        "dejavu_mono": FontSet("dejavu_mono", (*mono, *mono), True),
    }  # fmt: skip


FONT_SETS = _font_sets()
_REGISTERED: set[str] = set()


def rl_font(fs: FontSet, style: str) -> str:
    """The reportlab font name, registering the TTF on first use (also used to measure)."""
    name = fs.name(style)
    if fs.ttf and name not in _REGISTERED:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont(name, fs.file(style)))
        _REGISTERED.add(name)
    return name


def text_width(fs: FontSet, style: str, size: float, text: str) -> float:
    """Width in mm (same metrics as every producer, so alignment is the same everywhere)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, rl_font(fs, style), size) * 25.4 / 72


Op = tuple[Any, ...]


class Sheet:
    """Records drawing operations page by page."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.pages: list[list[Op]] = [[]]

    def new_page(self) -> None:
        self.pages.append([])

    @property
    def page_no(self) -> int:
        return len(self.pages)

    def text(
        self, x: float, y: float, s: str, size: float = 9, st: str = "r", al: str = "l"
    ) -> None:
        if s:
            self.pages[-1].append(("text", x, y, s, size, st, al))

    def line(self, x1: float, y1: float, x2: float, y2: float, w: float = 0.3) -> None:
        self.pages[-1].append(("line", x1, y1, x2, y2, w))

    def rect(
        self, x: float, y: float, w: float, h: float, fill: float | None = None, lw: float = 0.3
    ) -> None:
        self.pages[-1].append(("rect", x, y, w, h, fill, lw))

    def row(
        self,
        x: float,
        y: float,
        widths: list[float],
        cells: list[str],
        aligns: str,
        size: float = 8.5,
        st: str = "r",
    ) -> None:
        """One table row; platypus draws it as a Table, the others cell by cell."""
        self.pages[-1].append(("row", x, y, list(widths), list(cells), aligns, size, st))

    def para(
        self,
        x: float,
        y: float,
        w: float,
        s: str,
        size: float = 9,
        st: str = "r",
        lead: float = 1.3,
    ) -> float:
        """Wrapped text starting at baseline y; returns the y below it."""
        lines = self.wrap(s, w, size, st)
        self.pages[-1].append(("para", x, y, w, lines, size, st, lead))
        return y + len(lines) * size * lead * 0.3528

    def width(self, s: str, size: float, st: str = "r") -> float:
        return text_width(self.fonts, st, size, s)

    def wrap(self, s: str, w: float, size: float, st: str = "r") -> list[str]:
        out: list[str] = []
        for part in s.split("\n"):
            cur = ""
            for word in part.split(" "):
                trial = f"{cur} {word}" if cur else word
                if cur and self.width(trial, size, st) > w:
                    out.append(cur)
                    cur = word
                else:
                    cur = trial
            out.append(cur)
        return out


def _subst(s: str, page: int, pages: int) -> str:
    return s.replace("{PAGE}", str(page)).replace("{PAGES}", str(pages))


def render_reportlab(sheet: Sheet, path: Path, platypus: bool, title: str) -> None:
    """Replay on a reportlab canvas; with ``platypus`` rows become Tables, paragraphs Paragraphs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, Table, TableStyle

    mm = 72 / 25.4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("")
    fs = sheet.fonts
    H = A4[1]
    total = len(sheet.pages)
    for pno, ops in enumerate(sheet.pages, 1):
        for op in ops:
            kind = op[0]
            if kind == "text":
                _, x, y, s, size, st, al = op
                s = _subst(s, pno, total)
                c.setFont(rl_font(fs, st), size)
                if al == "r":
                    c.drawRightString(x * mm, H - y * mm, s)
                elif al == "c":
                    c.drawCentredString(x * mm, H - y * mm, s)
                else:
                    c.drawString(x * mm, H - y * mm, s)
            elif kind == "line":
                _, x1, y1, x2, y2, w = op
                c.setLineWidth(w)
                c.line(x1 * mm, H - y1 * mm, x2 * mm, H - y2 * mm)
            elif kind == "rect":
                _, x, y, w, h, fill, lw = op
                c.setLineWidth(lw)
                if fill is not None:
                    c.setFillGray(fill)
                c.rect(x * mm, H - (y + h) * mm, w * mm, h * mm, stroke=1, fill=fill is not None)
                c.setFillGray(0)
            elif kind == "row":
                _, x, y, widths, cells, aligns, size, st = op
                if platypus:
                    t = Table([cells], colWidths=[w * mm for w in widths], rowHeights=[size * 1.25])
                    style = [
                        ("FONT", (0, 0), (-1, -1), rl_font(fs, st), size),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ]
                    for i, a in enumerate(aligns):
                        style.append(
                            ("ALIGN", (i, 0), (i, 0), {"l": "LEFT", "r": "RIGHT", "c": "CENTER"}[a])
                        )
                    t.setStyle(TableStyle(style))
                    t.wrapOn(c, sum(widths) * mm, size * 2)
                    t.drawOn(c, x * mm, H - y * mm - size * 0.22)
                else:
                    c.setFont(rl_font(fs, st), size)
                    cx = x
                    for w, s, a in zip(widths, cells, aligns, strict=True):
                        if a == "r":
                            c.drawRightString((cx + w) * mm, H - y * mm, s)
                        elif a == "c":
                            c.drawCentredString((cx + w / 2) * mm, H - y * mm, s)
                        else:
                            c.drawString(cx * mm, H - y * mm, s)
                        cx += w
            elif kind == "para":
                _, x, y, w, lines, size, st, lead = op
                if platypus:
                    esc = [ln.replace("&", "&amp;").replace("<", "&lt;") for ln in lines]
                    ps = ParagraphStyle(
                        "p", fontName=rl_font(fs, st), fontSize=size, leading=size * lead
                    )
                    p = Paragraph("<br/>".join(esc), ps)
                    _, h = p.wrapOn(c, (w + 5) * mm, 1000)
                    p.drawOn(c, x * mm, H - y * mm - h + size)
                else:
                    c.setFont(rl_font(fs, st), size)
                    for i, ln in enumerate(lines):
                        c.drawString(x * mm, H - (y + i * size * lead * 0.3528) * mm, ln)
        c.showPage()
    c.save()


def render_fpdf(sheet: Sheet, path: Path, title: str) -> None:
    """Replay with fpdf2 (TTF fonts embedded as subsets, base-14 with cp1252)."""
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format="A4")
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(
        __import__("datetime").datetime(2024, 1, 1, tzinfo=__import__("datetime").timezone.utc)
    )
    pdf.set_title(title)
    fs = sheet.fonts
    fam: dict[str, tuple[str, str]] = {}
    for st in ("r", "b", "m", "mb"):
        if fs.ttf:
            name = f"{fs.key}{st}".replace("_", "")
            pdf.add_font(name, "", fs.file(st))
            fam[st] = (name, "")
        else:
            base = fs.file(st)
            family = {"Helvetica": "helvetica", "Times": "times", "Courier": "courier"}[
                base.split("-")[0]
            ]
            fam[st] = (family, "B" if "Bold" in base else "")
    total = len(sheet.pages)

    def put(x: float, y: float, s: str, size: float, st: str, al: str) -> None:
        pdf.set_font(fam[st][0], fam[st][1], size)
        w = text_width(fs, st, size, s)
        xx = x - w if al == "r" else x - w / 2 if al == "c" else x
        pdf.text(xx, y, s)

    for pno, ops in enumerate(sheet.pages, 1):
        pdf.add_page()
        for op in ops:
            kind = op[0]
            if kind == "text":
                _, x, y, s, size, st, al = op
                put(x, y, _subst(s, pno, total), size, st, al)
            elif kind == "line":
                _, x1, y1, x2, y2, w = op
                pdf.set_line_width(w * 0.3528)
                pdf.line(x1, y1, x2, y2)
            elif kind == "rect":
                _, x, y, w, h, fill, lw = op
                pdf.set_line_width(lw * 0.3528)
                if fill is not None:
                    g = int(fill * 255)
                    pdf.set_fill_color(g, g, g)
                pdf.rect(x, y, w, h, style="DF" if fill is not None else "D")
            elif kind == "row":
                _, x, y, widths, cells, aligns, size, st = op
                cx = x
                for w, s, a in zip(widths, cells, aligns, strict=True):
                    put(cx + w if a == "r" else cx + w / 2 if a == "c" else cx, y, s, size, st, a)
                    cx += w
            elif kind == "para":
                _, x, y, w, lines, size, st, lead = op
                for i, ln in enumerate(lines):
                    put(x, y + i * size * lead * 0.3528, ln, size, st, "l")
    pdf.output(str(path))


def render(sheet: Sheet, path: Path, producer: str, title: str) -> None:
    if producer == "fpdf2":
        render_fpdf(sheet, path, title)
    else:
        render_reportlab(sheet, path, producer == "platypus", title)


class Flow:
    """A y cursor that starts a new page (and calls ``on_new``) when the next block won't fit."""

    def __init__(self, sheet: Sheet, y: float, bottom: float, on_new: Callable[[], float]) -> None:
        self.sheet = sheet
        self.y = y
        self.bottom = bottom
        self.on_new = on_new

    def need(self, h: float, before_break: Callable[[], None] | None = None) -> bool:
        """Make room for h mm; True when a page was started."""
        if self.y + h <= self.bottom:
            return False
        if before_break:
            before_break()
        self.sheet.new_page()
        self.y = self.on_new()
        return True


# ----------------------------------------------------------------------------------------------
# The invoice model: what is printed, and from it the truth


@dataclass
class Item:
    """One line; ``shows`` names the truth fields the page prints for it."""

    desc: str
    total: Decimal
    qty: Decimal | None = None
    unit: str | None = None
    price: Decimal | None = None
    price_places: int = 2
    rate: Decimal | None = None
    code: str = ""
    ean: str = ""
    day: date | None = None
    extra: str = ""  # batch / best-before / delivery note line: not part of the description
    cont: str = ""  # a second description line that belongs to the description
    vat_code: str = ""
    shows: tuple[str, ...] = ("description", "quantity", "unit", "unit_price", "total", "tax_rate")

    def truth(self, credit: bool) -> dict[str, str]:
        """Stored amounts are positive for credit notes whatever sign the page shows."""
        out: dict[str, str] = {}
        for f in self.shows:
            if f == "description":
                out[f] = self.desc + (f"\n{self.cont}" if self.cont else "")
            elif f == "quantity" and self.qty is not None:
                out[f] = str(self.qty)
            elif f == "unit" and self.unit:
                out[f] = self.unit
            elif f == "unit_price" and self.price is not None:
                out[f] = f"{self.price:.{self.price_places}f}"
            elif f == "total":
                out[f] = f"{self.total:.2f}"
            elif f == "tax_rate" and self.rate is not None:
                out[f] = f"{self.rate.normalize():f}"
        return out


@dataclass
class Inv:
    """Everything a family needs to draw one document, decided before drawing."""

    idx: int
    seed: int
    family: str
    lang: str
    ckey: str
    supplier: Party
    customer: Party
    number: str
    issued: date
    due: date | None
    credit: bool
    ms: MoneyStyle
    long_dates: bool
    items: list[Item]
    po: list[str]
    tax_mode: str = "normal"  # normal, reverse, small, sales
    style: dict[str, Any] | None = None
    by_rate: dict[Decimal, tuple[Decimal, Decimal]] | None = None
    net: Decimal = D(0)
    tax: Decimal = D(0)
    gross: Decimal = D(0)

    @property
    def c(self) -> Country:
        return COUNTRIES[self.ckey]

    @property
    def w(self) -> dict[str, str]:
        return L[self.lang]

    def d(self, when: date, long: bool | None = None) -> str:
        return fmt_date(when, self.lang, self.c, self.long_dates if long is None else long)

    def money(self, v: Decimal) -> str:
        return self.ms.money(v)

    def num(self, v: Decimal, places: int = 2) -> str:
        return self.ms.num(v, places)

    def compute(self, base_adjust: dict[Decimal, Decimal] | None = None) -> None:
        """Net per rate, VAT per rate rounded once per rate, totals."""
        groups: dict[Decimal, Decimal] = {}
        for it in self.items:
            key = it.rate if it.rate is not None else D(0)
            groups[key] = groups.get(key, D(0)) + it.total
        for k, v in (base_adjust or {}).items():
            groups[k] = groups.get(k, D(0)) + v
        self.by_rate = {}
        for rate in sorted(groups):
            base = groups[rate]
            tax = D(0) if self.tax_mode in ("reverse", "small") else r2(base * rate / 100)
            self.by_rate[rate] = (base, tax)
        if self.tax_mode == "sales":
            base = sum(groups.values(), D(0))
            rate = self.c.standard
            self.by_rate = {rate: (base, r2(base * rate / 100))}
        self.net = sum((b for b, _ in self.by_rate.values()), D(0))
        self.tax = sum((t for _, t in self.by_rate.values()), D(0))
        self.gross = self.net + self.tax


def money_style(rng: random.Random, c: Country) -> MoneyStyle:
    signs = CURRENCY_SIGNS[c.currency]
    sign = rng.choice(signs)
    number = rng.choice(c.number_styles)
    if c.currency in ("GBP", "USD") and sign in ("£", "$"):
        return MoneyStyle(number, sign, True, False)
    before = rng.random() < (0.5 if c.lang in ("nl", "en") or sign == "CHF" else 0.15)
    return MoneyStyle(number, sign, before, True)


def inv_number(rng: random.Random, issued: date, credit: bool) -> str:
    y, yy = issued.year, issued.year % 100
    n = rng.randint(1, 9999)
    forms = [
        f"{y}-{n:04d}",
        f"RE{yy}-{rng.randint(100, 99999):05d}",
        f"F{y}/{n:04d}",
        f"INV-{rng.randint(1000, 999999):06d}",
        f"{rng.randint(90000000, 99999999)}",
        f"FA-{yy}-{n}",
        f"{y}.{issued.month:02d}.{rng.randint(1, 999):03d}",
        f"{yy}{issued.month:02d}{rng.randint(100, 999)}",
    ]
    no = rng.choice(forms)
    if credit and rng.random() < 0.5:
        no = rng.choice(["GS", "CN", "AV", "CR"]) + no.lstrip("REFINVA-")
    return no


def po_number(rng: random.Random) -> str:
    return rng.choice(
        [
            f"PO-{rng.randint(1000, 99999)}",
            f"B{rng.randint(100000, 999999)}",
            f"4500{rng.randint(100000, 999999)}",
            f"BE-{rng.randint(2023, 2025)}-{rng.randint(1, 999):03d}",
        ]
    )


CATALOG: dict[str, list[tuple[str, str, float, float, str]]] = {
    # description, unit, price low, price high, rate class (r = reduced/food, s = standard)
    "de": [
        ("Tomaten rispenfrisch", "kg", 2.1, 4.5, "r"), ("Kartoffeln festkochend 25 kg", "Sack", 14, 24, "r"),
        ("Rinderfilet Argentinien", "kg", 38, 62, "r"), ("Lachsfilet mit Haut", "kg", 18, 29, "r"),
        ("Sahne 32 % 1 l", "Stk", 2.9, 4.2, "r"), ("Butter Süßrahm 250 g", "Stk", 1.9, 3.1, "r"),
        ("Olivenöl extra vergine 5 l", "Kan", 32, 58, "r"), ("Basmatireis 5 kg", "Sack", 9, 16, "r"),
        ("Mineralwasser still 0,75 l", "Kiste", 8, 14, "s"), ("Apfelschorle 0,2 l", "Kiste", 9, 15, "s"),
        ("Riesling trocken 0,75 l", "Fl", 6.5, 14, "s"), ("Spülmaschinenreiniger 10 l", "Kan", 19, 35, "s"),
        ("Servietten 3-lagig weiß", "Pck", 4, 9, "s"), ("Parmesan 24 Monate", "kg", 19, 28, "r"),
        ("Champignons braun", "kg", 3.5, 6.5, "r"), ("Eier Freiland M", "Stk", 0.22, 0.39, "r"),
    ],
    "en": [
        ("Vine tomatoes", "kg", 2.1, 4.5, "r"), ("Maris Piper potatoes 25kg", "sack", 12, 22, "r"),
        ("Beef sirloin, dry aged", "kg", 28, 48, "r"), ("Salmon fillet, skin on", "kg", 16, 26, "r"),
        ("Double cream 2L", "each", 5.5, 8.9, "r"), ("Salted butter 250g", "each", 1.8, 2.9, "r"),
        ("Extra virgin olive oil 5L", "tin", 30, 55, "r"), ("Basmati rice 10kg", "bag", 14, 24, "r"),
        ("Sparkling water 750ml x 12", "case", 8, 15, "s"), ("Orange juice 1L x 6", "case", 9, 16, "s"),
        ("House red wine 75cl", "btl", 5.5, 12, "s"), ("Dishwasher detergent 10L", "drum", 18, 32, "s"),
        ("Blue roll 2-ply", "pack", 6, 12, "s"), ("Cheddar, mature", "kg", 8, 14, "r"),
        ("Chestnut mushrooms", "kg", 3.5, 6.5, "r"), ("Free range eggs (30)", "tray", 6, 9.5, "r"),
    ],
    "fr": [
        ("Tomates grappe", "kg", 2.1, 4.5, "r"), ("Pommes de terre Charlotte 10 kg", "sac", 9, 16, "r"),
        ("Filet de bœuf Charolais", "kg", 38, 62, "r"), ("Pavé de saumon", "kg", 18, 29, "r"),
        ("Crème fraîche 35 % 1 L", "pce", 3.1, 4.8, "r"), ("Beurre doux 250 g", "pce", 1.9, 3.2, "r"),
        ("Huile d'olive vierge extra 5 L", "bidon", 32, 58, "r"), ("Riz basmati 5 kg", "sac", 9, 16, "r"),
        ("Eau gazeuse 1 L x 6", "colis", 4.5, 8, "s"), ("Jus de pomme 25 cl x 24", "colis", 14, 22, "s"),
        ("Côtes du Rhône rouge 75 cl", "bt", 5.5, 12, "s"), ("Liquide vaisselle 5 L", "bidon", 9, 19, "s"),
        ("Serviettes papier blanches", "paquet", 4, 9, "s"), ("Comté 18 mois", "kg", 19, 28, "r"),
        ("Champignons de Paris", "kg", 3.5, 6.5, "r"), ("Œufs plein air calibre M", "pce", 0.22, 0.39, "r"),
    ],
    "nl": [
        ("Trostomaten", "kg", 2.1, 4.5, "r"), ("Aardappelen vastkokend 15 kg", "zak", 9, 17, "r"),
        ("Ossenhaas Iers", "kg", 38, 62, "r"), ("Zalmfilet met vel", "kg", 18, 29, "r"),
        ("Slagroom 35% 1 l", "st", 2.9, 4.2, "r"), ("Roomboter ongezouten 250 g", "st", 1.9, 3.1, "r"),
        ("Olijfolie extra vierge 5 l", "blik", 32, 58, "r"), ("Basmatirijst 5 kg", "zak", 9, 16, "r"),
        ("Spa rood 1 l", "krat", 8, 14, "s"), ("Appelsap 0,2 l", "krat", 9, 15, "s"),
        ("Huiswijn wit 75 cl", "fles", 5, 11, "s"), ("Vaatwasmiddel 10 l", "can", 19, 35, "s"),
        ("Servetten 3-laags wit", "pak", 4, 9, "s"), ("Oude Goudse kaas", "kg", 14, 22, "r"),
        ("Kastanjechampignons", "kg", 3.5, 6.5, "r"), ("Scharreleieren M", "st", 0.22, 0.39, "r"),
    ],
}  # fmt: skip
CONT_LINES = {
    "de": [
        "vakuumverpackt, gekühlt",
        "Herkunft: Deutschland, Klasse I",
        "Bio-zertifiziert DE-ÖKO-006",
    ],
    "en": ["vacuum packed, chilled", "Origin: UK, Class I", "Organic certified GB-ORG-05"],
    "fr": ["sous vide, réfrigéré", "Origine : France, catégorie I", "Certifié bio FR-BIO-01"],
    "nl": ["vacuüm verpakt, gekoeld", "Herkomst: Nederland, klasse I", "Biologisch NL-BIO-01"],
}


def goods(rng: random.Random, inv_lang: str, c: Country, n: int, tax_mode: str) -> list[Item]:
    """n distinct goods lines with consistent totals (qty x price, rounded)."""
    pool = CATALOG[inv_lang][:]
    rng.shuffle(pool)
    out: list[Item] = []
    for i in range(n):
        desc, unit, lo, hi, cls = pool[i % len(pool)]
        if i >= len(pool):
            extra = {"de": ["Aktion", "Bio", "Sonderposten"], "en": ["Promo", "Organic", "Clearance"],
                     "fr": ["Promo", "Bio", "Déstockage"], "nl": ["Actie", "Biologisch", "Opruiming"]}[inv_lang]  # fmt: skip
            desc = f"{desc} ({extra[i // len(pool) - 1]})"
        price = r2(D(str(rng.uniform(lo, hi))))
        if unit == "kg":
            qty = D(str(round(rng.uniform(0.5, 25), rng.choice([1, 2, 3])))).normalize()
            if qty == qty.to_integral_value():
                qty = qty.quantize(D(1))
        elif price < 1:
            qty = D(rng.choice([30, 60, 90, 120, 180]))
        else:
            qty = D(rng.randint(1, 24))
        rate = None if tax_mode == "sales" else (c.reduced if cls == "r" else c.standard)
        out.append(
            Item(desc=desc, total=r2(qty * price), qty=qty, unit=unit, price=price, rate=rate)
        )
    return out


def build_truth(
    inv: Inv,
    items: list[Item] | None,
    *,
    tax_printed: bool,
    due_printed: bool,
    tax_id_printed: bool,
    not_visible: list[str],
) -> dict[str, Any]:
    """Truth in the corpus' shape: only fields the page shows; credit notes positive."""
    t: dict[str, Any] = {
        "invoice_number": inv.number,
        "invoice_date": inv.issued.isoformat(),
    }
    if inv.due and due_printed:
        t["due_date"] = inv.due.isoformat()
    elif inv.due:
        not_visible.append("due_date")
    t["currency"] = inv.c.currency
    t["total_excl_tax"] = f"{inv.net:.2f}"
    if tax_printed:
        t["tax_amount"] = f"{inv.tax:.2f}"
    t["total_incl_tax"] = f"{inv.gross:.2f}"
    t["supplier_name"] = inv.supplier.name
    if inv.supplier.vat_compact and tax_id_printed:
        t["supplier_tax_id"] = inv.supplier.vat_compact
    if inv.po:
        t["po_references"] = list(inv.po)
    t["document_type"] = "credit_note" if inv.credit else "invoice"
    if items is not None:
        t["line_items"] = [it.truth(inv.credit) for it in items]
    t["_not_visible"] = sorted(set(not_visible))
    t["_source"] = f"bench/varied_invoices.py seed {inv.seed}"
    t["_style"] = inv.style
    return t


# ----------------------------------------------------------------------------------------------
# Shared pieces


def vat_label(rng: random.Random, inv: Inv) -> str:
    return rng.choice(inv.c.vat_label) if inv.c.vat_label else "Tax ID"


def footer_columns(sheet: Sheet, inv: Inv, rng_state: dict[str, Any], y: float = 272) -> None:
    """The 3-4 column letter footer: address, contact, bank, register/VAT/management."""
    s, w = inv.supplier, inv.w
    vat = (
        f"{rng_state['vat_label']} {s.vat_print}"
        if rng_state.get("vat_in_footer") and s.vat_print
        else ""
    )
    cols = [
        [s.name, s.street, s.city],
        [f"{w['phone']} {s.phone}", s.email, s.web],
        [w["bank"], f"IBAN {s.iban}", f"BIC {s.bic}"],
        [s.register, vat, f"{w['mgmt']}: {s.manager}"],
    ]
    if rng_state.get("footer_cols", 4) == 3:
        cols = [cols[0] + [s.phone], cols[2], cols[3]]
    x0, x1 = rng_state.get("footer_x", (20.0, 195.0))
    sheet.line(x0, y - 4, x1, y - 4, 0.4)
    size = rng_state.get("footer_size", 6.5)
    # columns as wide as their longest line, the slack shared out; smaller type if they don't fit
    while True:
        need = [max(sheet.width(ln, size) for ln in col if ln) + 3 for col in cols]
        if sum(need) <= x1 - x0 or size <= 5:
            break
        size -= 0.25
    slack = max(0.0, (x1 - x0) - sum(need)) / max(1, len(cols) - 1)
    x = x0
    for i, col in enumerate(cols):
        yy = y
        for ln in col:
            if ln:
                sheet.text(x, yy, ln, size)
                yy += size * 0.45
        x += need[i] + slack


def logo(sheet: Sheet, inv: Inv, x: float, y: float, size: float, right: bool) -> None:
    """A logo-like heading: a filled mark and the name in bold (or a plain bold name)."""
    name = inv.supplier.name
    wname = sheet.width(name, size, "b")
    if right:
        sheet.text(x, y, name, size, "b", "r")
        sheet.rect(x - wname - 10, y - size * 0.33, 7, 7, fill=0.25)
    else:
        sheet.rect(x, y - size * 0.33, 7, 7, fill=0.25)
        sheet.text(x + 10, y, name, size, "b")


def pick_fonts(rng: random.Random, mono: bool = False) -> FontSet:
    if mono:
        return FONT_SETS[rng.choice(["courier", "dejavu_mono", "courier"])]
    return FONT_SETS[
        rng.choice(
            ["helvetica", "times", "vera", "dejavu", "dejavu_serif", "dejavu_cond", "helvetica"]
        )
    ]


def rate_txt(rate: Decimal, lang: str, style: str) -> str:
    r = fmt_qty(rate, style)
    return f"{r} %" if lang in ("de", "fr") else f"{r}%"


# ----------------------------------------------------------------------------------------------
# Family 1: DIN 5008 business letter


def fam_letter(rng: random.Random, inv: Inv) -> tuple[Sheet, dict[str, Any]]:
    """Sender line above the window, info block, bold subject, prose, table, prose terms, footer."""
    w, s, cu = inv.w, inv.supplier, inv.customer
    sheet = Sheet(pick_fonts(rng))
    has_logo = rng.random() < 0.5
    info_style = rng.choice(["side", "stack", "refline"])
    vat_place = rng.choice(["header", "info", "footer", "footer"]) if s.vat_print else "none"
    vl = vat_label(rng, inv)
    fst = {
        "vat_label": vl,
        "vat_in_footer": vat_place == "footer",
        "footer_cols": rng.choice([3, 4]),
    }
    no_in_info = rng.random() < 0.6
    date_in_info = rng.random() < 0.6
    table_kind = rng.choice(["A", "B", "C"])
    show_rate = table_kind == "A" or (inv.tax_mode == "normal" and rng.random() < 0.3)
    cur_in_cells = rng.random() < 0.3
    credit_minus = inv.credit and rng.random() < 0.4
    due_prose = inv.due is not None
    lm = 25.0
    # header
    if has_logo:
        right = rng.random() < 0.5
        logo(sheet, inv, 190 if right else lm, 22, rng.choice([15, 17, 19]), right)
        sheet.text(190 if right else lm + 10, 28, s.web, 7.5, "r", "r" if right else "l")
    if vat_place == "header":
        sheet.text(190, 35, f"{vl} {s.vat_print}", 7.5, "r", "r")
    sep = rng.choice([" · ", " - ", ", ", " | "])
    sender = sep.join([s.name, s.street, s.city])
    sheet.text(lm, 49, sender, 7)
    sheet.line(lm, 50, lm + sheet.width(sender, 7), 50, 0.3)
    attn = {"de": "z. Hd.", "en": "Attn:", "fr": "À l'attention de", "nl": "T.a.v."}[inv.lang]
    addr = [cu.name, f"{attn} {rng.choice(PEOPLE[inv.lang])}", cu.street, cu.city]
    for i, ln in enumerate(addr):
        sheet.text(lm, 56 + i * 4.6, ln, 10)
    # info block
    title_no = w["cn_no"] if inv.credit else w["inv_no"]
    pairs: list[tuple[str, str]] = [
        (
            w["your_ref"],
            rng.choice(
                [
                    f"{rng.choice('ABKMS')}{rng.choice('ABKMS')}/{inv.issued.month:02d}",
                    "Bestellung" if inv.lang == "de" else "email",
                ]
            ),
        ),
        (
            w["our_ref"],
            f"{rng.choice('HKLMW')}{rng.choice('BDKS')}/{rng.choice('abks')}{rng.choice('ms')}",
        ),
        (w["cust_no"], str(rng.randint(10000, 99999))),
    ]
    if no_in_info:
        pairs.append((title_no, inv.number))
    if date_in_info:
        pairs.append((w["date"], inv.d(inv.issued)))
    if inv.po:
        pairs.append((w["order_no"], inv.po[0]))
    pairs += [(w["clerk"], rng.choice(PEOPLE[inv.lang])), (w["phone"], s.phone)]
    if info_style != "refline":
        pairs.append((w["email"], s.email))
    if vat_place == "info":
        pairs.append((vl, s.vat_print or ""))
    y_subject = 105.0
    if info_style == "side":
        for i, (k, v) in enumerate(pairs):
            sheet.text(125, 52 + i * 4.2, k, 7.5)
            sheet.text(160, 52 + i * 4.2, v, 8)
        y_subject = max(105.0, 52 + len(pairs) * 4.2 + 8)
    elif info_style == "stack":
        for i, (k, v) in enumerate(pairs):
            sheet.text(125, 50 + i * 7.2, k, 6.5)
            sheet.text(125, 53.4 + i * 7.2, v, 8.5)
        y_subject = max(105.0, 50 + len(pairs) * 7.2 + 6)
    else:  # a Bezugszeichenzeile: labels across the page, values under them
        row = pairs[:5]
        rest = pairs[5:]
        colw = 165 / len(row)
        for i, (k, v) in enumerate(row):
            sheet.text(lm + i * colw, 98, k, 6.5)
            sheet.text(lm + i * colw, 102, v, 9)
        for i, (k, v) in enumerate(rest):
            sheet.text(140, 56 + i * 4.2, f"{k}: {v}", 7.5)
        y_subject = 113.0
    y = y_subject
    if not date_in_info:
        place = (
            inv.supplier.city.split(" ", 1)[-1]
            if inv.c.code in ("DE", "AT", "CH")
            else inv.supplier.city.split(",")[0]
        )
        sheet.text(190, y - 6, f"{place}, {inv.d(inv.issued)}", 9, "r", "r")
    # subject
    if inv.credit:
        subject = f"{w['cn_no_short']} {inv.number}"
    elif rng.random() < 0.4:
        subject = w["subject_month"].format(
            no=inv.number, month=f"{month_name(inv.issued, inv.lang, inv.c.code)} {inv.issued.year}"
        )
    else:
        subject = f"{w['inv_no_short']} {inv.number}"
    sheet.text(lm, y, subject, rng.choice([10, 11, 12]), "b")
    y += 10
    sheet.text(lm, y, w["salutation"], 9.5)
    y += 6
    intro = (
        w["intro_cn"]
        if inv.credit
        else w["intro"].format(month=month_name(inv.issued, inv.lang, inv.c.code))
    )
    y = sheet.para(lm, y, 165, intro, 9.5) + 3
    # table
    cur = inv.c.currency
    if table_kind == "A":
        cols = [
            (w["pos"], 10, "l"),
            (w["desc"], 63, "l"),
            (w["qty"], 16, "r"),
            (w["unit"], 16, "r"),
            (w["price"], 22, "r"),
            (w["rate"], 13, "r"),
            (w["amount"], 25, "r"),
        ]
    elif table_kind == "B":
        cols = [
            (w["qty"], 14, "r"),
            (w["unit"], 14, "c"),
            (w["desc"], 85, "l"),
            (w["price"], 27, "r"),
            (f"{w['amount']} {cur}", 25, "r"),
        ]
    else:
        cols = [
            (w["pos"], 10, "l"),
            ("Art.-Nr." if inv.lang == "de" else "Ref.", 18, "l"),
            (w["desc"], 67, "l"),
            (w["qty"], 20, "r"),
            (w["price"], 25, "r"),
            (w["amount"], 25, "r"),
        ]
    if show_rate and table_kind != "A":
        cols.insert(-1, (w["rate"], 12, "r"))
        cols[2 if table_kind == "B" else 2] = (cols[2][0], cols[2][1] - 12, cols[2][2])
    widths = [c[1] for c in cols]
    aligns = "".join(c[2] for c in cols)

    def head(yy: float) -> float:
        sheet.row(lm, yy, widths, [c[0] for c in cols], aligns, 8.5, "b")
        sheet.line(lm, yy + 1.5, lm + sum(widths), yy + 1.5, 0.5)
        return yy + 6

    def amount(v: Decimal) -> str:
        v = -v if credit_minus else v
        return inv.money(v) if cur_in_cells else inv.num(v)

    def new_page() -> float:
        sheet.text(lm, 20, f"{s.name}{sep}{title_no} {inv.number}", 8)
        sheet.text(190, 20, f"{w['page']} {{PAGE}}", 8, "r", "r")
        return head(32)

    running = D(0)
    carry = rng.random() < 0.4

    def before_break() -> None:
        if carry:
            sheet.row(
                lm,
                flow.y,
                widths,
                [""] * (len(cols) - 2) + [w["carry"], inv.num(running)],
                aligns,
                8.5,
                "b",
            )
        footer_columns(sheet, inv, fst)

    flow = Flow(sheet, head(y), 258, new_page)
    shows = ["description", "total", "quantity", "unit_price"]
    if table_kind in ("A", "B"):
        shows.append("unit")
    if show_rate:
        shows.append("tax_rate")
    for n, it in enumerate(inv.items, 1):
        it.shows = tuple(shows)
        h = 5.0 + (4.0 if it.cont else 0)
        if flow.need(h, before_break) and carry:
            sheet.row(
                lm,
                flow.y,
                widths,
                [""] * (len(cols) - 2) + [w["carry"], inv.num(running)],
                aligns,
                8.5,
                "b",
            )
            flow.y += 5
        qty = fmt_qty(it.qty or D(0), inv.ms.number)
        price = inv.num(it.price or D(0))
        rate = rate_txt(it.rate, inv.lang, inv.ms.number) if it.rate is not None else ""
        if table_kind == "A":
            cells = [str(n), it.desc, qty, it.unit or "", price, rate, amount(it.total)]
        elif table_kind == "B":
            cells = [qty, it.unit or "", it.desc, price, amount(it.total)]
        else:
            it.code = it.code or str(rng.randint(100000, 999999))
            cells = [
                str(n * 10 if rng.random() < 0 else n),
                it.code,
                it.desc,
                f"{qty} {it.unit}",
                price,
                amount(it.total),
            ]
            it.shows = tuple(shows) + ("unit",)
        if show_rate and table_kind != "A":
            cells.insert(-1, rate)
        sheet.row(lm, flow.y, widths, cells, aligns, 8.5)
        desc_x = lm + sum(widths[: [c[0] for c in cols].index(w["desc"])])
        if it.cont:
            sheet.text(desc_x, flow.y + 4, it.cont, 8)
        flow.y += h
        running += it.total
    # totals
    lines: list[tuple[str, str, str]] = []
    sign = -1 if credit_minus else 1
    tax_printed = inv.tax_mode in ("normal", "sales") or (
        inv.tax_mode == "reverse" and fst.setdefault("zero_line", rng.random() < 0.6)
    )
    lines.append((w["net_total"], inv.money(sign * inv.net), "r"))
    assert inv.by_rate is not None
    for rate, (base, tax) in inv.by_rate.items():
        if tax_printed:
            lbl = w["vat_on"].format(
                r=fmt_qty(rate if inv.tax_mode in ("normal", "sales") else D(0), inv.ms.number),
                w=inv.c.tax_word,
                b=inv.num(sign * base),
            )
            lines.append((lbl, inv.money(sign * tax), "r"))
            if inv.tax_mode == "reverse":
                break
    lines.append(
        (w["credit_total"] if inv.credit else w["total"], inv.money(sign * inv.gross), "b")
    )
    flow.need(len(lines) * 5 + 8, lambda: footer_columns(sheet, inv, fst))
    sheet.line(lm + sum(widths) - 70, flow.y - 2, lm + sum(widths), flow.y - 2, 0.4)
    flow.y += 3
    for lbl, val, st in lines:
        sheet.text(lm + sum(widths) - 30, flow.y, lbl, 9, st, "r")
        sheet.text(lm + sum(widths), flow.y, val, 9, st, "r")
        flow.y += 5
    # closing prose
    flow.y += 4
    prose = []
    if inv.tax_mode == "reverse":
        prose.append(REVERSE_NOTE[inv.lang] + f" {vat_label(rng, inv)} {cu.vat_print}")
    if inv.credit:
        prose.append(w["credit_prose"].format(amt=inv.money(inv.gross)))
    elif due_prose and inv.due:
        prose.append(w["pay_due"].format(amt=inv.money(inv.gross), due=inv.d(inv.due), iban=s.iban))
    else:
        prose.append(
            w["pay_days"].format(n=fst.setdefault("days", rng.choice([8, 10, 14, 30])), iban=s.iban)
        )
    text = " ".join(prose)
    flow.need(30, lambda: footer_columns(sheet, inv, fst))
    flow.y = sheet.para(lm, flow.y, 165, text, 9.5) + 5
    sheet.text(lm, flow.y, w["regards"] if inv.lang != "fr" else "Cordialement,", 9.5)
    sheet.text(lm, flow.y + 14, rng.choice(PEOPLE[inv.lang]), 9.5)
    if not has_logo or rng.random() < 0.5:
        sheet.text(lm, flow.y + 18.5, s.name, 9.5)
    footer_columns(sheet, inv, fst)
    inv.style = {
        "family": "letter",
        "info_block": info_style,
        "logo": has_logo,
        "vat_id_at": vat_place,
        "table": table_kind,
        "rate_column": show_rate,
        "carry_forward": carry,
        "invoice_no_in_info": no_in_info,
        "date_in_info": date_in_info,
        "credit_minus": credit_minus,
    }
    truth = build_truth(
        inv,
        inv.items,
        tax_printed=tax_printed,
        due_printed=True,
        tax_id_printed=vat_place != "none",
        not_visible=[] if inv.due or inv.credit else ["due_date"],
    )
    return sheet, truth


REVERSE_NOTE = {
    "de": "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge).",
    "en": "Reverse charge - VAT to be paid by the recipient.",
    "fr": "Autoliquidation - TVA due par le preneur (art. 283-2 du CGI).",
    "nl": "Btw verlegd naar de afnemer (verleggingsregeling).",
}
SMALL_NOTE = {
    "DE": "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
    "AT": "Umsatzsteuerbefreit - Kleinunternehmer gemäß § 6 Abs. 1 Z 27 UStG.",
    "CH": "Nicht MWST-pflichtig (Umsatz unter CHF 100'000).",
    "FR": "TVA non applicable, art. 293 B du CGI.",
    "BEfr": "Régime particulier de franchise des petites entreprises - TVA non applicable.",
    "BEnl": "Bijzondere vrijstellingsregeling kleine ondernemingen - btw niet van toepassing.",
    "NL": "Vrijgesteld van btw op grond van de kleineondernemersregeling (KOR).",
    "UK": "Not registered for VAT.",
    "IE": "Not registered for VAT.",
    "US": "",
    "CHfr": "Non assujetti à la TVA (chiffre d'affaires inférieur à CHF 100'000).",
}


# ----------------------------------------------------------------------------------------------
# Family 2: utility / telecom / energy bill

UTIL_WORDS = {
    "de": {"title_e": "Ihre Stromrechnung", "title_t": "Ihre Telekommunikationsrechnung", "account": "Vertragskonto", "period": "Abrechnungszeitraum",
           "meter": "Zählernummer", "site": "Lieferstelle", "old": "Zählerstand alt", "new": "Zählerstand neu", "cons": "Verbrauch", "factor": "Faktor",
           "readings": "Ihre Zählerstände", "charges": "Ihre Kosten im Detail", "prev": "Saldo aus Vorrechnung", "paid": "Zahlungseingang vom {d}",
           "this_net": "Kosten dieses Zeitraums (netto)", "this_total": "Rechnungsbetrag", "due_amt": "Zu zahlender Betrag", "subtotal": "Zwischensumme",
           "debit": "Den Betrag von {amt} buchen wir am {d} von Ihrem Konto {iban} ab.", "pay_by": "Bitte zahlen Sie {amt} bis zum {d}.",
           "summary": "Zusammenfassung", "usage": "Ihre Verbindungsübersicht", "calls": "Anzahl", "minutes": "Minuten", "days": "Tage", "month": "Monat",
           "info": "Wissenswertes zu Ihrem Tarif: Ihr Preis setzt sich aus Energie, Netzentgelten, Steuern und Abgaben zusammen. Ihre nächste Abschlagszahlung wird automatisch angepasst. Den Energieträgermix finden Sie auf unserer Website."},
    "en": {"title_e": "Your electricity bill", "title_t": "Your phone and broadband bill", "account": "Account number", "period": "Billing period",
           "meter": "Meter number", "site": "Supply address", "old": "Previous reading", "new": "Current reading", "cons": "Units used", "factor": "Factor",
           "readings": "Your meter readings", "charges": "Your charges in detail", "prev": "Previous balance", "paid": "Payment received {d}",
           "this_net": "Charges this period (excl. VAT)", "this_total": "Total this bill", "due_amt": "Amount due", "subtotal": "Subtotal",
           "debit": "We will collect {amt} by Direct Debit from account {iban} on {d}.", "pay_by": "Please pay {amt} by {d}.",
           "summary": "Bill summary", "usage": "Your usage summary", "calls": "Calls", "minutes": "Minutes", "days": "days", "month": "month",
           "info": "About your tariff: your price is made up of energy, network costs, levies and taxes. Your monthly payment will be reviewed automatically. Fuel mix information is available on our website."},
    "fr": {"title_e": "Votre facture d'électricité", "title_t": "Votre facture télécom", "account": "N° de contrat", "period": "Période de facturation",
           "meter": "N° de compteur", "site": "Point de livraison", "old": "Ancien index", "new": "Nouvel index", "cons": "Consommation", "factor": "Coeff.",
           "readings": "Vos relevés de compteur", "charges": "Détail de votre facture", "prev": "Solde précédent", "paid": "Paiement reçu le {d}",
           "this_net": "Montant de la période HT", "this_total": "Montant de cette facture TTC", "due_amt": "Montant à payer", "subtotal": "Sous-total",
           "debit": "Le montant de {amt} sera prélevé le {d} sur votre compte {iban}.", "pay_by": "Merci de régler {amt} avant le {d}.",
           "summary": "Synthèse", "usage": "Détail de vos communications", "calls": "Appels", "minutes": "Minutes", "days": "jours", "month": "mois",
           "info": "Bon à savoir : votre prix comprend la fourniture d'énergie, l'acheminement, les taxes et contributions. Votre échéancier sera ajusté automatiquement. L'origine de l'électricité est indiquée sur notre site."},
    "nl": {"title_e": "Uw energienota", "title_t": "Uw telecomfactuur", "account": "Contractnummer", "period": "Factuurperiode",
           "meter": "Meternummer", "site": "Leveringsadres", "old": "Beginstand", "new": "Eindstand", "cons": "Verbruik", "factor": "Factor",
           "readings": "Uw meterstanden", "charges": "Specificatie van de kosten", "prev": "Vorig saldo", "paid": "Betaling ontvangen op {d}",
           "this_net": "Kosten deze periode excl. btw", "this_total": "Totaal deze nota", "due_amt": "Te betalen", "subtotal": "Subtotaal",
           "debit": "Wij schrijven {amt} op {d} af van rekening {iban}.", "pay_by": "Gelieve {amt} te betalen vóór {d}.",
           "summary": "Overzicht", "usage": "Overzicht van uw gesprekken", "calls": "Aantal", "minutes": "Minuten", "days": "dagen", "month": "maand",
           "info": "Goed om te weten: uw prijs bestaat uit energie, netbeheerkosten, belastingen en heffingen. Uw termijnbedrag wordt automatisch aangepast. De herkomst van de stroom vindt u op onze website."},
}  # fmt: skip
ENERGY_LINES = {
    # section index, description, quantity kind, unit price range (4 places), rate class (s = standard, r = reduced)
    "de": [(0, "Arbeitspreis HT", "ht", 0.27, 0.36, "s"), (0, "Arbeitspreis NT", "nt", 0.21, 0.28, "s"), (0, "Grundpreis", "days", 0.35, 0.65, "s"),
           (1, "Netzentgelt Arbeitspreis", "all", 0.07, 0.11, "s"), (1, "Messstellenbetrieb", "days", 0.05, 0.09, "s"), (1, "Stromsteuer", "all", 0.0205, 0.0205, "s"),
           (1, "Konzessionsabgabe", "all", 0.0132, 0.0239, "s")],
    "en": [(0, "Day units", "ht", 0.24, 0.33, "s"), (0, "Night units", "nt", 0.15, 0.22, "s"), (0, "Standing charge", "days", 0.45, 0.75, "s"),
           (1, "Climate Change Levy", "all", 0.0078, 0.0078, "s"), (1, "Metering charge", "days", 0.04, 0.09, "s")],
    "fr": [(0, "Abonnement", "days", 0.55, 0.95, "r"), (0, "Consommation heures pleines", "ht", 0.2, 0.27, "s"), (0, "Consommation heures creuses", "nt", 0.15, 0.2, "s"),
           (1, "Acheminement (TURPE)", "all", 0.03, 0.05, "s"), (1, "Contribution tarifaire d'acheminement", "days", 0.03, 0.06, "r"), (1, "Accise sur l'électricité", "all", 0.021, 0.021, "s")],
    "nl": [(0, "Levering stroom normaal", "ht", 0.26, 0.33, "s"), (0, "Levering stroom dal", "nt", 0.22, 0.28, "s"), (0, "Vaste leveringskosten", "days", 0.18, 0.24, "s"),
           (1, "Netbeheerkosten", "days", 0.9, 1.3, "s"), (1, "Energiebelasting", "all", 0.1088, 0.1088, "s"), (1, "Vermindering energiebelasting", "red", 1.6, 1.75, "s")],
}  # fmt: skip
ENERGY_SECTIONS = {"de": ["Energie", "Netzentgelte, Steuern und Abgaben"], "en": ["Energy", "Network costs and levies"],
                   "fr": ["Fourniture", "Acheminement, taxes et contributions"], "nl": ["Leveringskosten", "Netbeheer en belastingen"]}  # fmt: skip
TELECOM_LINES = {
    "de": [(0, "Business Glasfaser 500", "month", 49, 79), (0, "Mobilfunk Business L", "sims", 24, 39), (0, "Routermiete", "month", 3.9, 6.9),
           (1, "Verbindungen Mobilfunk", "min", 0.09, 0.19), (1, "Auslandsverbindungen", "min", 0.19, 0.49), (1, "Servicerufnummern", "min", 0.14, 0.42)],
    "en": [(0, "Business Fibre 500", "month", 39, 69), (0, "Mobile Business L", "sims", 18, 32), (0, "Router rental", "month", 3, 6),
           (1, "Calls to mobiles", "min", 0.08, 0.15), (1, "International calls", "min", 0.18, 0.45), (1, "Premium rate calls", "min", 0.35, 0.9)],
    "fr": [(0, "Fibre Pro 500", "month", 39, 69), (0, "Forfait mobile Pro", "sims", 15, 29), (0, "Location box", "month", 3, 6),
           (1, "Appels vers mobiles", "min", 0.08, 0.15), (1, "Appels internationaux", "min", 0.18, 0.45), (1, "Numéros spéciaux", "min", 0.35, 0.8)],
    "nl": [(0, "Zakelijk Glasvezel 500", "month", 45, 75), (0, "Mobiel Zakelijk L", "sims", 19, 33), (0, "Modemhuur", "month", 3, 6),
           (1, "Bellen naar mobiel", "min", 0.08, 0.15), (1, "Bellen naar buitenland", "min", 0.19, 0.45), (1, "Servicenummers", "min", 0.3, 0.8)],
}  # fmt: skip
TELECOM_SECTIONS = {"de": ["Monatliche Entgelte", "Verbindungsentgelte"], "en": ["Monthly charges", "Usage charges"],
                    "fr": ["Abonnements", "Communications"], "nl": ["Maandelijkse kosten", "Gebruikskosten"]}  # fmt: skip


def fam_utility(rng: random.Random, inv: Inv) -> tuple[Sheet, dict[str, Any]]:
    """Summary page first, then meter readings (not money) and charges by section with subtotals."""
    w, u, s, cu = inv.w, UTIL_WORDS[inv.lang], inv.supplier, inv.customer
    lang = inv.lang
    energy = not any(
        k in s.name for k in ("Telecom", "Telekom", "Télécom", "Broadband", "Telekommunikation")
    )
    start = inv.issued.replace(day=1) - timedelta(days=1)
    start = start.replace(day=1)
    end = inv.issued.replace(day=1) - timedelta(days=1)
    days = (end - start).days + 1
    sheet = Sheet(pick_fonts(rng))
    c = inv.c
    rate_std = {"IE": D("9"), "BE": D("6")}.get(c.code, c.standard) if energy else c.standard
    rate_red = {"FR": D("5.5")}.get(c.code, rate_std)
    if c.code == "US":
        inv.tax_mode = "sales"
    items: list[Item] = []
    sections: list[list[Item]] = [[], []]
    ht = D(rng.randint(800, 6000))
    nt = D(rng.randint(300, 2500))
    meters = []
    if energy:
        old_ht = D(rng.randint(10000, 90000))
        old_nt = D(rng.randint(5000, 40000))
        meters = [("HT", old_ht, old_ht + ht), ("NT", old_nt, old_nt + nt)]
        for sec, desc, kind, lo, hi, cls in ENERGY_LINES[lang]:
            qty = {"ht": ht, "nt": nt, "all": ht + nt, "days": D(days), "red": D(days)}[kind]
            unit = "kWh" if kind in ("ht", "nt", "all") else u["days"]
            price = D(str(round(rng.uniform(lo, hi), 4)))
            total = r2(qty * price)
            if kind == "red":
                price, total = -price, -total
            rate = None if inv.tax_mode == "sales" else (rate_red if cls == "r" else rate_std)
            it = Item(
                desc=desc, total=total, qty=qty, unit=unit, price=price, price_places=4, rate=rate
            )
            sections[sec].append(it)
    else:
        sims = D(rng.randint(2, 8))
        for sec, desc, kind, lo, hi in TELECOM_LINES[lang]:
            if kind == "min" and rng.random() < 0.3:
                continue
            qty = {"month": D(1), "sims": sims, "min": D(rng.randint(20, 900))}[kind]
            unit = {"month": u["month"], "sims": "SIM", "min": "min"}[kind]
            places = 2 if kind != "min" else 4
            price = D(str(round(rng.uniform(lo, hi), places)))
            rate = None if inv.tax_mode == "sales" else rate_std
            sections[sec].append(
                Item(
                    desc=desc,
                    total=r2(qty * price),
                    qty=qty,
                    unit=unit,
                    price=price,
                    price_places=places,
                    rate=rate,
                )
            )
    items = sections[0] + sections[1]
    inv.items = items
    inv.compute()
    show_rate = len({it.rate for it in items}) > 1 or rng.random() < 0.4
    show_rate = show_rate and inv.tax_mode != "sales"
    prev = r2(inv.gross * D(str(rng.uniform(0.7, 1.3))))
    paid_mode = rng.choice(["all", "all", "none", "part", "credit"])
    paid = {
        "all": prev,
        "none": D(0),
        "part": r2(prev / 2),
        "credit": prev + r2(D(rng.randint(10, 80))),
    }[paid_mode]
    due_amt = prev - paid + inv.gross
    pay = rng.choice(["debit", "pay_by", "debit"])
    pay_date = inv.issued + timedelta(days=rng.choice([10, 14, 14, 21]))
    inv.due = pay_date
    acct = f"{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    meter_no = f"{rng.choice(['1ESY', '1EMH', 'Z', 'E'])}{rng.randint(1000000, 99999999)}"
    has_logo = rng.random() < 0.7
    vat_place = rng.choice(["info", "footer", "footer"]) if s.vat_print else "none"
    vl = vat_label(rng, inv)
    fst = {
        "vat_label": vl,
        "vat_in_footer": vat_place == "footer",
        "footer_cols": rng.choice([3, 4]),
        "footer_x": (18.0, 192.0),
    }
    lm = 20.0
    period = (
        f"{inv.d(start, False)} - {inv.d(end, False)}"
        if rng.random() < 0.7
        else f"{inv.d(start, False)} {rng.choice(['bis', 'to', 'au', 't/m'])} {inv.d(end, False)}"
    )
    # page 1: summary
    if has_logo:
        logo(sheet, inv, lm, 22, 18, False)
    sender = f"{s.name} · {s.street} · {s.city}"
    sheet.text(lm, 47, sender, 6.5)
    for i, ln in enumerate([cu.name, cu.street, cu.city]):
        sheet.text(lm, 53 + i * 4.6, ln, 10)
    info = [
        (w["cust_no"], str(rng.randint(1000000, 9999999))),
        (u["account"], acct),
        (w["inv_no"], inv.number),
        (w["inv_date"], inv.d(inv.issued)),
        (u["period"], period),
    ]
    if energy:
        info.append((u["meter"], meter_no))
    info.append((u["site"], cu.street))
    if vat_place == "info":
        info.append((vl, s.vat_print or ""))
    for i, (k, v) in enumerate(info):
        sheet.text(118, 40 + i * 4.5, k, 7.5)
        sheet.text(192, 40 + i * 4.5, v, 7.5, "b" if k == w["inv_no"] else "r", "r")
    y = max(90.0, 40 + len(info) * 4.5 + 10)
    title = u["title_e"] if energy else u["title_t"]
    sheet.text(lm, y, f"{title} {month_name(start, lang, c.code)} {start.year}", 14, "b")
    y += 10
    sheet.text(lm, y, u["summary"], 10, "b")
    y += 3
    sheet.rect(lm, y, 172, 62, fill=0.93)
    y += 7
    rows: list[tuple[str, str, str]] = [(u["this_net"], inv.money(inv.net), "r")]
    assert inv.by_rate is not None
    for rate, (_base, tax) in inv.by_rate.items():
        lbl = f"{c.tax_word} {rate_txt(rate, lang, inv.ms.number)}"
        rows.append((lbl, inv.money(tax), "r"))
    rows.append((u["this_total"], inv.money(inv.gross), "b"))
    rows.append((u["prev"], inv.money(prev), "r"))
    rows.append(
        (
            u["paid"].format(d=inv.d(start + timedelta(days=rng.randint(3, 12)), False)),
            inv.money(-paid),
            "r",
        )
    )
    rows.append((u["due_amt"], inv.money(due_amt), "b"))
    order = rng.choice(["this_first", "balance_first"])
    if order == "balance_first":
        k = len(inv.by_rate) + 2
        rows = rows[k:-1] + rows[:k] + rows[-1:]
    for lbl, val, st in rows:
        sheet.text(lm + 5, y, lbl, 9.5, st)
        sheet.text(lm + 165, y, val, 9.5, st, "r")
        y += 6.5
    y = lm + 0 + y - lm + 12
    text = (u["debit"] if pay == "debit" else u["pay_by"]).format(
        amt=inv.money(due_amt),
        d=inv.d(pay_date),
        iban=cu.street and iban(rng, c.code)[:9] + " **** " + str(rng.randint(10, 99)),
    )
    y = sheet.para(lm, max(y, 170), 170, text, 9.5) + 6
    y = sheet.para(lm, y, 170, u["info"], 8, lead=1.4)
    footer_columns(sheet, inv, fst, 275)
    sheet.text(192, 290, f"{w['page']} {{PAGE}}/{{PAGES}}", 7, "r", "r")

    # page 2+: readings and charges
    def page_head() -> float:
        sheet.text(lm, 18, s.name, 9, "b" if has_logo else "r")
        sheet.text(192, 18, f"{w['inv_no']} {inv.number} · {u['account']} {acct}", 8, "r", "r")
        sheet.line(lm, 20, 192, 20, 0.4)
        return 30

    def foot() -> None:
        footer_columns(sheet, inv, fst, 275)
        sheet.text(192, 290, f"{w['page']} {{PAGE}}/{{PAGES}}", 7, "r", "r")

    sheet.new_page()
    flow = Flow(sheet, page_head(), 262, page_head)
    if energy:
        sheet.text(lm, flow.y, u["readings"], 11, "b")
        flow.y += 7
        mw = [32, 38, 28, 28, 14, 32]
        ma = "llrrrr"
        sheet.row(
            lm,
            flow.y,
            mw,
            [
                u["meter"],
                u["period"].split()[0] if lang == "de" else w["date"],
                u["old"],
                u["new"],
                u["factor"],
                f"{u['cons']} kWh",
            ],
            ma,
            7.5,
            "b",
        )
        flow.y += 5
        for tariff, old, new in meters:
            sheet.row(
                lm,
                flow.y,
                mw,
                [
                    f"{meter_no} {tariff}",
                    f"{inv.d(start, False)}-{inv.d(end, False)}"[:23],
                    fmt_qty(old, inv.ms.number),
                    fmt_qty(new, inv.ms.number),
                    "1",
                    fmt_qty(new - old, inv.ms.number),
                ],
                ma,
                7.5,
            )
            flow.y += 4.5
        flow.y += 6
    else:
        sheet.text(lm, flow.y, u["usage"], 11, "b")
        flow.y += 7
        for desc, n, mins in [(it.desc, rng.randint(5, 300), it.qty) for it in sections[1]]:
            sheet.row(
                lm,
                flow.y,
                [70, 25, 25],
                [
                    desc,
                    f"{n} {u['calls']}",
                    f"{fmt_qty(mins or D(0), inv.ms.number)} {u['minutes']}",
                ],
                "lrr",
                8,
            )
            flow.y += 4.5
        flow.y += 6
    sheet.text(lm, flow.y, u["charges"], 11, "b")
    flow.y += 7
    cw = [62, 24, 16, 26, 16, 28] if show_rate else [70, 26, 18, 30, 28]
    heads = [
        w["desc"],
        w["qty"],
        w["unit"],
        f"{w['price']} {inv.ms.sign}",
        w["rate"],
        f"{w['amount']} {inv.ms.sign}",
    ]
    if not show_rate:
        heads.pop(4)
    ca = "lrcrrr" if show_rate else "lrcrr"
    shows = ("description", "quantity", "unit", "unit_price", "total") + (
        ("tax_rate",) if show_rate else ()
    )
    for si, sec in enumerate(sections):
        if not sec:
            continue
        flow.need(20, foot)
        sheet.text(
            lm, flow.y, (ENERGY_SECTIONS if energy else TELECOM_SECTIONS)[lang][si], 9.5, "b"
        )
        flow.y += 5
        sheet.row(lm, flow.y, cw, heads, ca, 7.5, "b")
        sheet.line(lm, flow.y + 1.3, lm + sum(cw), flow.y + 1.3)
        flow.y += 5
        for it in sec:
            it.shows = shows
            flow.need(5, foot)
            cells = [
                it.desc,
                fmt_qty(it.qty or D(0), inv.ms.number),
                it.unit or "",
                inv.num(it.price or D(0), it.price_places),
                inv.num(it.total),
            ]
            if show_rate and it.rate is not None:
                cells.insert(4, rate_txt(it.rate, lang, inv.ms.number))
            sheet.row(lm, flow.y, cw, cells, ca, 8.5)
            flow.y += 4.8
        sub = sum((it.total for it in sec), D(0))
        sheet.line(lm + sum(cw) - 30, flow.y - 2.6, lm + sum(cw), flow.y - 2.6)
        sheet.text(lm + sum(cw) - 32, flow.y + 1, u["subtotal"], 8.5, "b", "r")
        sheet.text(lm + sum(cw), flow.y + 1, inv.num(sub), 8.5, "b", "r")
        flow.y += 9
    flow.need(30, foot)
    tot = [(w["net_total"], inv.num(inv.net))]
    for rate, (base, tax) in inv.by_rate.items():
        tot.append(
            (
                w["vat_on"].format(r=fmt_qty(rate, inv.ms.number), w=c.tax_word, b=inv.num(base)),
                inv.num(tax),
            )
        )
    tot.append((u["this_total"], inv.money(inv.gross)))
    for i, (lbl, val) in enumerate(tot):
        st = "b" if i == len(tot) - 1 else "r"
        sheet.text(lm + sum(cw) - 32, flow.y, lbl, 9, st, "r")
        sheet.text(lm + sum(cw), flow.y, val, 9, st, "r")
        flow.y += 5.5
    foot()
    inv.style = {
        "family": "utility",
        "kind": "energy" if energy else "telecom",
        "logo": has_logo,
        "vat_id_at": vat_place,
        "rate_column": show_rate,
        "payment": pay,
        "paid": paid_mode,
        "summary_order": order,
    }
    truth = build_truth(
        inv,
        items,
        tax_printed=True,
        due_printed=True,
        tax_id_printed=vat_place != "none",
        not_visible=[],
    )
    return sheet, truth


# ----------------------------------------------------------------------------------------------
# Family 4: service / freelancer / consultancy

SERVICES = {
    "de": (["Reinigung Küche", "Grundreinigung Gastraum", "Fettabscheider reinigen", "Wartung Kühlzelle", "Menüberatung vor Ort", "Schulung Servicepersonal", "HACCP-Audit"],
           ["Anfahrtspauschale", "Reinigungsmittel pauschal", "Kältemittel R290"], "Std.", "Tag", "pauschal"),
    "en": (["Kitchen deep clean", "Extraction hood cleaning", "Cold room maintenance", "Menu engineering workshop", "Front of house training", "Food safety audit", "Grease trap service"],
           ["Call-out fee", "Cleaning materials", "Parts and consumables"], "hrs", "day", "fixed"),
    "fr": (["Nettoyage cuisine", "Dégraissage hotte", "Maintenance chambre froide", "Atelier carte et menus", "Formation personnel de salle", "Audit hygiène HACCP", "Entretien bac à graisse"],
           ["Frais de déplacement", "Produits d'entretien", "Pièces détachées"], "h", "jour", "forfait"),
    "nl": (["Schoonmaak keuken", "Reiniging afzuigkap", "Onderhoud koelcel", "Workshop menukaart", "Training bediening", "HACCP-audit", "Vetafscheider reinigen"],
           ["Voorrijkosten", "Schoonmaakmiddelen", "Onderdelen"], "uur", "dag", "vast"),
}  # fmt: skip
EU = ["IE", "DE", "AT", "FR", "BEfr", "BEnl", "NL"]


def fam_service(rng: random.Random, inv: Inv) -> tuple[Sheet, dict[str, Any]]:
    """Dated hours x rate lines, a service period, and reverse-charge or small-business notes."""
    lang, c, s = inv.lang, inv.c, inv.supplier
    w = inv.w
    tasks, extras, hour_u, day_u, lump_u = SERVICES[lang]
    by_days = rng.random() < 0.3
    hour_u = rng.choice([hour_u, "h"]) if lang != "fr" else "h"
    mode = "normal"
    r = rng.random()
    if inv.ckey in EU and r < 0.3:
        mode = "reverse"
        other = rng.choice([k for k in EU if COUNTRIES[k].code != c.code])
        inv.customer = make_customer(rng, COUNTRIES[other].lang, other)
    elif r < 0.55 or c.code == "US":
        mode = "small"
    inv.tax_mode = mode
    start = inv.issued.replace(day=1) - timedelta(days=1)
    start = start.replace(day=1)
    end = inv.issued.replace(day=1) - timedelta(days=1)
    rate_h = D(rng.choice([38, 42, 45, 55, 65, 75, 85, 95, 120]))
    n = rng.choice([3, 4, 5, 6, 8, 10, 14, 20, 28])
    items: list[Item] = []
    for _ in range(n):
        day = start + timedelta(days=rng.randint(0, (end - start).days))
        if by_days:
            qty, unit, price = D(rng.choice(["0.5", "1", "1", "2"])), day_u, rate_h * 8
        else:
            qty, unit, price = (
                D(rng.choice(["1", "1.5", "2", "2.5", "3", "4", "4.5", "6", "7.25"])),
                hour_u,
                rate_h,
            )
        items.append(
            Item(
                desc=rng.choice(tasks),
                total=r2(qty * price),
                qty=qty,
                unit=unit,
                price=price,
                day=day,
            )
        )
    items.sort(key=lambda it: it.day or start)
    for _ in range(rng.choice([0, 0, 1, 2])):
        price = r2(D(str(rng.uniform(15, 120))))
        items.append(
            Item(desc=rng.choice(extras), total=price, qty=D(1), unit=lump_u, price=price, day=end)
        )
    rate = c.standard if mode == "normal" else D(0)
    for it in items:
        it.rate = None if mode in ("small",) else rate
    inv.items = items
    if mode == "normal" and c.code == "US":
        inv.tax_mode = "small"
    inv.compute()
    sheet = Sheet(pick_fonts(rng))
    lm = rng.choice([18.0, 22.0])
    rm = 192.0
    has_logo = rng.random() < 0.6
    unit_col = rng.random() < 0.5
    zero_line = mode == "reverse" and rng.random() < 0.6
    net_line = mode != "small" or rng.random() < 0.5
    vat_place = (
        rng.choice(["header", "footer", "meta"]) if s.vat_print and mode != "small" else "none"
    )
    vl = vat_label(rng, inv)
    fst = {
        "vat_label": vl,
        "vat_in_footer": vat_place == "footer",
        "footer_cols": 3,
        "footer_x": (lm, rm),
    }
    credit_minus = inv.credit and rng.random() < 0.4
    sign = -1 if credit_minus else 1
    # header
    if has_logo:
        sheet.text(lm, 24, s.name, rng.choice([16, 20, 22]), "b")
        sheet.line(lm, 27, rm, 27, 1.2)
    contact = [s.street, s.city, s.phone, s.email]
    if vat_place == "header":
        contact.append(f"{vl} {s.vat_print}")
    for i, ln in enumerate(contact):
        sheet.text(rm, 34 + i * 4, ln, 8, "r", "r")
    if not has_logo or rng.random() < 0.5:
        sheet.text(lm, 47, f"{s.name} | {s.street} | {s.city}", 6.5)
    cu = inv.customer
    sheet.text(lm, 53, w["bill_to"], 7.5, "b")
    addr = [cu.name, cu.street, cu.city]
    if mode == "reverse":
        addr.append(
            {
                "IE": "Ireland",
                "DE": "Deutschland",
                "AT": "Österreich",
                "FR": "France",
                "BE": "Belgique",
                "NL": "Nederland",
            }[cu.country]
        )
        addr.append(f"{vat_label(rng, inv)} {cu.vat_print}")
    for i, ln in enumerate(addr):
        sheet.text(lm, 58 + i * 4.5, ln, 9.5)
    title = w["credit"] if inv.credit else w["invoice"]
    ty = 95.0
    sheet.text(lm, ty, title.upper() if rng.random() < 0.4 else title, 18, "b")
    meta = [
        (w["cn_no"] if inv.credit else w["inv_no"], inv.number),
        (w["inv_date"], inv.d(inv.issued)),
        (w["period"], f"{inv.d(start, False)} – {inv.d(end, False)}"),
    ]
    if inv.due:
        meta.append((w["due_date"], inv.d(inv.due)))
    if inv.po:
        meta.append((w["order_short"], inv.po[0]))
    if vat_place == "meta":
        meta.append((vl, s.vat_print or ""))
    for i, (k, v) in enumerate(meta):
        sheet.text(112, 58 + i * 5, k, 8.5)
        sheet.text(rm, 58 + i * 5, v, 8.5, "b" if i == 0 else "r", "r")
    y = ty + 10
    # table: date | service | qty | (unit) | rate | amount
    per = w["day"] if by_days else w["hours"]
    cols = [
        (w["date"], 24, "l"),
        (w["desc"], 76 if unit_col else 86, "l"),
        (per if not unit_col else w["qty"], 18, "r"),
    ]
    if unit_col:
        cols.append(("", 12, "c"))
    cols += [(w["rate_h"], 22, "r"), (w["amount"], 26 if unit_col else 28, "r")]
    widths = [x[1] for x in cols]
    aligns = "".join(x[2] for x in cols)

    def head(yy: float) -> float:
        sheet.rect(lm, yy - 4, sum(widths), 6, fill=0.88, lw=0.1)
        sheet.row(
            lm + 1,
            yy,
            [widths[0] - 1, *widths[1:-1], widths[-1] - 1],
            [x[0] for x in cols],
            aligns,
            8.5,
            "b",
        )
        return yy + 7

    def new_page() -> float:
        sheet.text(lm, 20, f"{title} {inv.number}", 9, "b")
        sheet.text(rm, 20, f"{w['page']} {{PAGE}} {w['of']} {{PAGES}}", 8, "r", "r")
        return head(30)

    flow = Flow(sheet, head(y), 250, new_page)
    shows = ("description", "quantity", "unit", "unit_price", "total")
    for it in items:
        it.shows = shows
        flow.need(5.5, lambda: footer_columns(sheet, inv, fst))
        q = fmt_qty(it.qty or D(0), inv.ms.number)
        cells = [inv.d(it.day or end, False), it.desc, q if unit_col else f"{q} {it.unit}"]
        if unit_col:
            cells.append(it.unit or "")
        cells += [inv.num(sign * (it.price or D(0))), inv.num(sign * it.total)]
        sheet.row(lm + 1, flow.y, [widths[0] - 1, *widths[1:-1], widths[-1] - 1], cells, aligns, 9)
        flow.y += 5.5
    sheet.line(lm, flow.y - 3, lm + sum(widths), flow.y - 3, 0.4)
    flow.need(40, lambda: footer_columns(sheet, inv, fst))
    flow.y += 3
    tl: list[tuple[str, str, str]] = []
    if net_line:
        tl.append(
            (w["net_total"] if mode != "small" else L[lang]["sum"], inv.money(sign * inv.net), "r")
        )
    if mode == "normal":
        assert inv.by_rate is not None
        for rt, (_b, tax) in inv.by_rate.items():
            tl.append(
                (f"{c.tax_word} {rate_txt(rt, lang, inv.ms.number)}", inv.money(sign * tax), "r")
            )
    elif zero_line:
        tl.append(
            (
                f"{c.tax_word} 0 %" if lang in ("de", "fr") else f"{c.tax_word} 0%",
                inv.money(D(0)),
                "r",
            )
        )
    tl.append(
        (
            w["credit_total"]
            if inv.credit
            else (
                w["total"]
                if mode != "small"
                else {"de": "Gesamtbetrag", "en": "Total", "fr": "Total à payer", "nl": "Totaal"}[
                    lang
                ]
            ),
            inv.money(sign * inv.gross),
            "b",
        )
    )
    for lbl, val, st in tl:
        sheet.text(rm - 32, flow.y, lbl, 9.5, st, "r")
        sheet.text(rm, flow.y, val, 9.5, st, "r")
        flow.y += 5.5
    flow.y += 6
    notes = []
    if mode == "reverse":
        notes.append(REVERSE_NOTE[lang])
    if mode == "small" and SMALL_NOTE[inv.ckey]:
        notes.append(SMALL_NOTE[inv.ckey])
    if inv.due and not inv.credit:
        notes.append(
            {
                "de": f"Zahlbar bis {inv.d(inv.due)} ohne Abzug.",
                "en": f"Please pay by {inv.d(inv.due)}.",
                "fr": f"Paiement au plus tard le {inv.d(inv.due)}.",
                "nl": f"Te betalen vóór {inv.d(inv.due)}.",
            }[lang]
        )
    elif not inv.credit:
        notes.append(
            {
                "de": "Zahlbar sofort nach Erhalt ohne Abzug.",
                "en": "Payment due on receipt.",
                "fr": "Paiement à réception de facture.",
                "nl": "Betaling per omgaande.",
            }[lang]
        )
    notes.append(w["thanks"])
    for note in notes:
        flow.need(6, lambda: footer_columns(sheet, inv, fst))
        flow.y = sheet.para(lm, flow.y, rm - lm, note, 9) + 1.5
    if mode == "small" and c.code in ("DE", "AT"):
        s.register = f"Steuernummer {rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"
    elif mode == "small" and c.code == "FR":
        s.register = f"SIRET {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(10000, 99999)}"
    footer_columns(sheet, inv, fst)
    inv.style = {
        "family": "service",
        "vat_mode": mode,
        "logo": has_logo,
        "by_days": by_days,
        "unit_column": unit_col,
        "zero_vat_line": zero_line,
        "net_line": net_line,
        "vat_id_at": vat_place,
        "credit_minus": credit_minus,
    }
    truth = build_truth(
        inv,
        items,
        tax_printed=mode == "normal" or zero_line,
        due_printed=True,
        tax_id_printed=vat_place != "none",
        not_visible=[],
    )
    if not net_line:
        del truth["total_excl_tax"]
    return sheet, truth


# ----------------------------------------------------------------------------------------------
# Family 3: cash-and-carry receipt on A4, monospace

CASH_WORDS = {
    "de": {"title": "RECHNUNG", "no": "Rechnungs-Nr.", "time": "Zeit", "cust": "Kunde", "till": "Kasse {a} Bon {b} Bed. {c}", "goods": "SUMME ARTIKEL",
           "dep": "PFAND/LEERGUT", "disc": "RABATT {p} %", "net": "SUMME NETTO", "vat": "MWST", "rate": "SATZ", "nett": "NETTO", "gross": "BRUTTO",
           "total": "GESAMTBETRAG", "paid": "BEZAHLT EC-KARTE", "card": "Karte", "pfand": "Pfand Kiste", "back": "Leergut Kiste", "cont": "Fortsetzung"},
    "en": {"title": "INVOICE", "no": "Invoice No.", "time": "Time", "cust": "Customer", "till": "Till {a} Rcpt {b} Op {c}", "goods": "GOODS TOTAL",
           "dep": "DEPOSITS", "disc": "DISCOUNT {p}%", "net": "NET TOTAL", "vat": "VAT", "rate": "RATE", "nett": "NET", "gross": "GROSS",
           "total": "TOTAL", "paid": "PAID BY CARD", "card": "Card", "pfand": "Deposit crate", "back": "Deposit return", "cont": "continued"},
    "fr": {"title": "FACTURE", "no": "Facture n°", "time": "Heure", "cust": "Client", "till": "Caisse {a} Ticket {b} Op. {c}", "goods": "TOTAL ARTICLES",
           "dep": "CONSIGNES", "disc": "REMISE {p} %", "net": "TOTAL HT", "vat": "TVA", "rate": "TAUX", "nett": "HT", "gross": "TTC",
           "total": "TOTAL TTC", "paid": "PAYE PAR CARTE", "card": "Carte", "pfand": "Consigne casier", "back": "Retour consigne", "cont": "suite"},
    "nl": {"title": "FACTUUR", "no": "Factuurnr.", "time": "Tijd", "cust": "Klant", "till": "Kassa {a} Bon {b} Kassier {c}", "goods": "TOTAAL ARTIKELEN",
           "dep": "STATIEGELD", "disc": "KORTING {p}%", "net": "TOTAAL EXCL. BTW", "vat": "BTW", "rate": "TARIEF", "nett": "EXCL", "gross": "INCL",
           "total": "TOTAAL", "paid": "BETAALD PIN", "card": "Kaart", "pfand": "Statiegeld krat", "back": "Retour statiegeld", "cont": "vervolg"},
}  # fmt: skip


def fam_cash(rng: random.Random, inv: Inv) -> tuple[Sheet, dict[str, Any]]:
    """Receipt columns in a narrow monospace band, EANs, deposits and returns, VAT by letter code."""
    lang, c, s = inv.lang, inv.c, inv.supplier
    cw = CASH_WORDS[lang]
    upper = rng.random() < 0.5
    two_line = rng.random() < 0.5
    codes = {"UK": ("S", "Z"), "US": ("T", "T")}.get(c.code) or rng.choice([("A", "B"), ("1", "2")])
    items: list[Item] = []
    for it in inv.items:
        if upper:
            it.desc = it.desc.upper()
        it.cont = ""
        it.code = str(rng.randint(100000, 999999))
        it.ean = "".join(rng.choice("0123456789") for _ in range(13))
        std = it.rate == c.standard or inv.tax_mode == "sales"
        it.vat_code = codes[0] if std else codes[1]
        items.append(it)
        if (
            std
            and it.unit in ("Kiste", "case", "colis", "krat", "Fl", "btl", "bt", "fles")
            and rng.random() < 0.8
        ):
            dep = D(rng.choice(["3.30", "1.50", "2.40", "0.25", "3.90"]))
            q = it.qty or D(1)
            d = Item(
                desc=cw["pfand"].upper() if upper else cw["pfand"],
                total=r2(q * dep),
                qty=q,
                unit=it.unit,
                price=dep,
                rate=it.rate,
                vat_code=it.vat_code,
            )
            d.code, d.ean = str(rng.randint(900000, 999999)), ""
            items.append(d)
            if rng.random() < 0.5:
                back = -D(rng.randint(1, int(q) + 2))
                r = Item(
                    desc=cw["back"].upper() if upper else cw["back"],
                    total=r2(back * dep),
                    qty=back,
                    unit=it.unit,
                    price=dep,
                    rate=it.rate,
                    vat_code=it.vat_code,
                )
                r.code, r.ean = str(rng.randint(900000, 999999)), ""
                items.append(r)
    inv.items = items
    disc_pct = rng.choice([D(0), D(0), D(2), D(3)])
    adjust: dict[Decimal, Decimal] = {}
    if disc_pct:
        for it in items:
            if it.desc.lower() not in (cw["pfand"].lower(), cw["back"].lower()):
                key = it.rate if it.rate is not None else D(0)
                adjust[key] = adjust.get(key, D(0)) + it.total
        adjust = {k: -r2(v * disc_pct / 100) for k, v in adjust.items()}
    inv.due = None
    inv.po = []
    inv.compute(adjust)
    sheet = Sheet(pick_fonts(rng, mono=True))
    size = rng.choice([7.5, 8.0, 8.5])
    cwid = sheet.width("0", size, "m")
    chars = 66
    x0 = rng.choice([20.0, 30.0, 40.0])
    y = 20.0

    def line(txt: str, st: str = "m") -> None:
        nonlocal y
        sheet.text(x0, y, txt, size, st)
        y += size * 0.42

    def rjust(left: str, right: str) -> str:
        return left + " " * max(1, chars - len(left) - len(right)) + right

    sheet.text(x0 + chars * cwid / 2, y, s.name, size + 3, "mb", "c")
    y += 6
    for ln in [s.street, s.city, f"Tel. {s.phone}"]:
        sheet.text(x0 + chars * cwid / 2, y, ln, size, "m", "c")
        y += size * 0.42
    vat_shown = bool(s.vat_print) and rng.random() < 0.85
    if vat_shown:
        sheet.text(x0 + chars * cwid / 2, y, f"{vat_label(rng, inv)} {s.vat_print}", size, "m", "c")
        y += size * 0.42
    y += 3
    rule = rng.choice(["-", "="]) * chars
    line(rule)
    line(cw["title"], "mb")
    line(
        rjust(
            f"{cw['no']} {inv.number}",
            f"{inv.d(inv.issued, False)} {cw['time']} {rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}",
        )
    )
    line(
        rjust(
            f"{cw['cust']} {rng.randint(100, 999)} {rng.randint(100000, 999999)}",
            cw["till"].format(
                a=rng.randint(1, 40), b=rng.randint(1000, 9999), c=rng.randint(1, 99)
            ),
        )
    )
    line(inv.customer.name)
    line(f"{inv.customer.street}, {inv.customer.city}")
    line(rule)

    def cont() -> float:
        nonlocal y
        y = 20.0
        line(rjust(f"{s.name} - {cw['no']} {inv.number}", f"{cw['cont']} {{PAGE}}"))
        line(rule)
        return y

    flow = Flow(sheet, y, 280, cont)
    for it in items:
        flow.need(size * 0.9 if two_line else size * 0.45)
        y = flow.y
        q = fmt_qty(it.qty or D(0), inv.ms.number)
        price = inv.num(it.price or D(0))
        tot = inv.num(it.total)
        if two_line:
            line(f"{it.code} {it.desc}")
            left = f"  {it.ean or ' ' * 13} {q} {it.unit} x {price}"
            line(rjust(left, f"{tot} {it.vat_code}"))
            it.shows = ("description", "quantity", "unit", "unit_price", "total")
        else:
            desc = it.desc
            left = f"{it.code} {desc:<30} {q:>6} x {price:>7}"
            line(rjust(left, f"{tot} {it.vat_code}"))
            it.shows = ("description", "quantity", "unit_price", "total")
        flow.y = y
    y = flow.y
    flow.need(size * 0.42 * 18)
    y = flow.y
    line(rule)
    goods_sum = sum(
        (
            it.total
            for it in items
            if it.desc.lower() not in (cw["pfand"].lower(), cw["back"].lower())
        ),
        D(0),
    )
    dep_sum = sum((it.total for it in items), D(0)) - goods_sum
    line(rjust(cw["goods"], inv.num(goods_sum)))
    if dep_sum:
        line(rjust(cw["dep"], inv.num(dep_sum)))
    if disc_pct:
        line(
            rjust(
                cw["disc"].format(p=fmt_qty(disc_pct, inv.ms.number)),
                inv.num(sum(adjust.values(), D(0))),
            )
        )
    line(rjust(cw["net"], inv.num(inv.net)))
    line("")
    line(f"{cw['vat']:<6}{cw['rate']:>8}{cw['nett']:>14}{cw['vat']:>12}{cw['gross']:>14}")
    assert inv.by_rate is not None
    for rt, (b, t) in inv.by_rate.items():
        code = codes[0] if (rt == c.standard or inv.tax_mode == "sales") else codes[1]
        line(
            f"{code:<6}{rate_txt(rt, lang, inv.ms.number):>8}{inv.num(b):>14}{inv.num(t):>12}{inv.num(b + t):>14}"
        )
    line(rule)
    line(rjust(f"{cw['total']} {c.currency}", inv.num(inv.gross)), "mb")
    line(rule)
    line(rjust(cw["paid"], inv.num(inv.gross)))
    line(
        f"{cw['card']}: {rng.choice(['VISA', 'Mastercard', 'Maestro', 'girocard', 'V PAY'])} ************{rng.randint(1000, 9999)}"
    )
    line(
        f"Terminal {rng.randint(10000000, 99999999)}  Trace {rng.randint(1000, 99999)}  {inv.d(inv.issued, False)}"
    )
    inv.style = {
        "family": "cash",
        "upper": upper,
        "two_line": two_line,
        "codes": "".join(codes),
        "discount": str(disc_pct),
        "vat_id_shown": vat_shown,
        "x": x0,
        "size": size,
    }
    truth = build_truth(
        inv, items, tax_printed=True, due_printed=False, tax_id_printed=vat_shown, not_visible=[]
    )
    return sheet, truth


# ----------------------------------------------------------------------------------------------
# Family 5: ERP print (SAP / Navision look)

ERP_WORDS = {
    "de": {"title": "RECHNUNG", "ctitle": "GUTSCHRIFT", "doc": "Belegnr.", "date": "Rechnungsdatum", "post": "Buchungsdatum", "cust": "Kundennr.",
           "po": "Ihre Bestellung", "podate": "Bestelldatum", "dn": "Lieferschein", "terms": "Zahlungsbedingung", "page": "Seite", "bill": "Rechnungsempfänger",
           "ship": "Warenempfänger", "item": "Pos", "mat": "Material", "desc": "Bezeichnung", "qty": "Menge", "uom": "ME", "price": "Preis", "value": "Nettowert",
           "batch": "Charge", "bbd": "MHD", "of_date": "vom", "tnet": "Summe Nettowert", "tax": "MwSt", "of": "von", "tamount": "Gesamtbetrag", "net_days": "{n} Tage netto",
           "due": "Fällig am"},
    "en": {"title": "INVOICE", "ctitle": "CREDIT MEMO", "doc": "Document No.", "date": "Invoice date", "post": "Posting date", "cust": "Customer No.",
           "po": "Your order", "podate": "Order date", "dn": "Delivery note", "terms": "Payment terms", "page": "Page", "bill": "Bill-to",
           "ship": "Ship-to", "item": "Item", "mat": "Material", "desc": "Description", "qty": "Qty", "uom": "UoM", "price": "Price", "value": "Net value",
           "batch": "Batch", "bbd": "BBD", "of_date": "of", "tnet": "Total net value", "tax": "Tax", "of": "of", "tamount": "Total amount", "net_days": "{n} days net",
           "due": "Due date"},
    "fr": {"title": "FACTURE", "ctitle": "AVOIR", "doc": "N° de pièce", "date": "Date de facture", "post": "Date comptable", "cust": "N° client",
           "po": "Votre commande", "podate": "Date commande", "dn": "Bon de livraison", "terms": "Conditions de paiement", "page": "Page", "bill": "Facturé à",
           "ship": "Livré à", "item": "Pos.", "mat": "Article", "desc": "Désignation", "qty": "Qté", "uom": "UQ", "price": "Prix", "value": "Valeur nette",
           "batch": "Lot", "bbd": "DDM", "of_date": "du", "tnet": "Total valeur nette", "tax": "TVA", "of": "sur", "tamount": "Montant total", "net_days": "{n} jours net",
           "due": "Date d'échéance"},
    "nl": {"title": "FACTUUR", "ctitle": "CREDITNOTA", "doc": "Documentnr.", "date": "Factuurdatum", "post": "Boekingsdatum", "cust": "Debiteurnr.",
           "po": "Uw order", "podate": "Orderdatum", "dn": "Pakbon", "terms": "Betalingsconditie", "page": "Pagina", "bill": "Factuuradres",
           "ship": "Afleveradres", "item": "Pos", "mat": "Artikel", "desc": "Omschrijving", "qty": "Aantal", "uom": "Eh", "price": "Prijs", "value": "Nettowaarde",
           "batch": "Partij", "bbd": "THT", "of_date": "van", "tnet": "Totaal nettowaarde", "tax": "Btw", "of": "van", "tamount": "Totaalbedrag", "net_days": "{n} dagen netto",
           "due": "Vervaldatum"},
}  # fmt: skip


def fam_erp(rng: random.Random, inv: Inv) -> tuple[Sheet, dict[str, Any]]:
    """Header grid on every page with Page n of m, posting-date distractor, pos 10/20/30, batch lines."""
    lang, c, s, cu = inv.lang, inv.c, inv.supplier, inv.customer
    ew = ERP_WORDS[lang]
    sheet = Sheet(FONT_SETS[rng.choice(["helvetica", "dejavu_cond", "vera", "dejavu"])])
    lm, rm = 15.0, 195.0
    posting = inv.issued + timedelta(days=rng.randint(0, 3))
    order_date = inv.issued - timedelta(days=rng.randint(2, 20))
    dn_no = str(rng.randint(80000000, 89999999))
    cust_no = str(rng.randint(100000, 999999))
    has_logo = rng.random() < 0.6
    rate_col = rng.random() < 0.5 and inv.tax_mode != "sales"
    vat_top = rng.random() < 0.5
    vl = vat_label(rng, inv)
    grid = [
        (ew["doc"], inv.number),
        (ew["date"], inv.d(inv.issued, False)),
        (ew["post"], inv.d(posting, False)),
        (ew["cust"], cust_no),
    ]
    grid2 = [
        (ew["po"], inv.po[0] if inv.po else "-"),
        (ew["podate"], inv.d(order_date, False)),
        (ew["due"], inv.d(inv.due, False))
        if inv.due
        else (ew["terms"], ew["net_days"].format(n=rng.choice([14, 30, 45]))),
        (ew["page"], f"{{PAGE}} {ew['of']} {{PAGES}}"),
    ]
    title = ew["ctitle"] if inv.credit else ew["title"]

    def header() -> float:
        if has_logo:
            sheet.rect(lm, 12, 12, 8, fill=0.2)
            sheet.text(lm + 15, 18, s.name, 12, "b")
        else:
            sheet.text(lm, 18, f"{s.name} · {s.street} · {s.city}", 7)
        sheet.text(rm, 18, title, 14, "b", "r")
        if vat_top and s.vat_print:
            sheet.text(rm, 23, f"{vl} {s.vat_print}", 7, "r", "r")
        bw = (rm - lm) / 4
        for r, row in enumerate([grid, grid2]):
            for i, (k, v) in enumerate(row):
                x, yy = lm + i * bw, 27 + r * 10
                sheet.rect(x, yy, bw, 10, lw=0.3)
                sheet.text(x + 1.5, yy + 3.2, k, 6)
                sheet.text(x + 1.5, yy + 8, v, 8.5, "b" if k == ew["doc"] else "r")
        return 53

    cols = [(ew["item"], 10, "l"), (ew["mat"], 22, "l"), (ew["desc"], 66 if rate_col else 78, "l"), (ew["qty"], 16, "r"), (ew["uom"], 12, "c"),
            (ew["price"], 22, "r")]  # fmt: skip
    if rate_col:
        cols.append((ew["tax"], 12, "r"))
    cols.append((ew["value"], 20, "r"))
    widths = [x[1] for x in cols]
    aligns = "".join(x[2] for x in cols)

    def thead(yy: float) -> float:
        sheet.line(lm, yy - 3.5, rm, yy - 3.5, 0.5)
        sheet.row(lm, yy, widths, [x[0] for x in cols], aligns, 7.5, "b")
        sheet.line(lm, yy + 1.5, rm, yy + 1.5, 0.5)
        return yy + 6

    def foot() -> None:
        bits = [s.name, s.street, s.city, s.register, f"IBAN {s.iban}"]
        if not vat_top and s.vat_print:
            bits.append(f"{vl} {s.vat_print}")
        y0 = 282.0
        for ln in sheet.wrap(" | ".join(bits), rm - lm, 6.5):
            sheet.text(lm, y0, ln, 6.5)
            y0 += 3

    def new_page() -> float:
        return thead(header() + 4)

    y = header()
    sheet.text(lm, y + 2, ew["bill"], 7, "b")
    sheet.text(110, y + 2, ew["ship"], 7, "b")
    ship = [
        cu.name,
        rng.choice(
            [
                "Lieferrampe / Küche",
                "Goods in / kitchen",
                "Réception marchandises",
                "Magazijn / keuken",
            ]
        ),
        cu.street,
        cu.city,
    ]
    for i, ln in enumerate([cu.name, cu.street, cu.city]):
        sheet.text(lm, y + 7 + i * 4.3, ln, 9)
    for i, ln in enumerate(ship):
        sheet.text(110, y + 7 + i * 4.3, ln, 9)
    flow = Flow(sheet, thead(y + 30), 270, new_page)
    shows = ("description", "quantity", "unit", "unit_price", "total") + (
        ("tax_rate",) if rate_col else ()
    )
    uom = {"kg": "KG", "Stk": "ST", "each": "EA", "pce": "PCE", "st": "ST"}
    for n, it in enumerate(inv.items, 1):
        flow.need(9.5, foot)
        it.code = f"{rng.randint(1000000, 9999999)}"
        it.shows = shows
        it.unit = uom.get(it.unit or "", (it.unit or "").upper()[:3])
        cells = [
            str(n * 10),
            it.code,
            it.desc,
            fmt_qty(it.qty or D(0), inv.ms.number),
            it.unit,
            inv.num(it.price or D(0)),
        ]
        if rate_col and it.rate is not None:
            cells.append(rate_txt(it.rate, lang, inv.ms.number))
        cells.append(inv.num(it.total))
        sheet.row(lm, flow.y, widths, cells, aligns, 8)
        batch = f"L{inv.issued:%y%m}{rng.randint(100, 999)}"
        bbd = inv.issued + timedelta(days=rng.randint(5, 200))
        it.extra = f"{ew['batch']}: {batch}   {ew['bbd']}: {inv.d(bbd, False)}   {ew['dn']} {dn_no} {ew['of_date']} {inv.d(order_date + timedelta(days=1), False)}"
        sheet.text(lm + widths[0] + widths[1], flow.y + 3.8, it.extra, 6.5)
        flow.y += 9.5
    flow.need(32, foot)
    sheet.line(lm + 90, flow.y - 3, rm, flow.y - 3, 0.5)
    flow.y += 2
    rows = [(ew["tnet"], inv.num(inv.net), "r")]
    assert inv.by_rate is not None
    for rt, (b, t) in inv.by_rate.items():
        rows.append(
            (
                f"{ew['tax'] if inv.tax_mode != 'sales' else 'Sales tax'} {rate_txt(rt, lang, inv.ms.number)} {ew['of']} {inv.num(b)}",
                inv.num(t),
                "r",
            )
        )
    rows.append((f"{ew['tamount']} {c.currency}", inv.num(inv.gross), "b"))
    for lbl, val, st in rows:
        sheet.text(lm + 95, flow.y, lbl, 8.5, st)
        sheet.text(rm, flow.y, val, 8.5, st, "r")
        flow.y += 5
    foot()
    inv.style = {
        "family": "erp",
        "logo": has_logo,
        "rate_column": rate_col,
        "vat_id_at": "header" if vat_top else "footer",
    }
    truth = build_truth(
        inv,
        inv.items,
        tax_printed=True,
        due_printed=True,
        tax_id_printed=bool(s.vat_print),
        not_visible=[],
    )
    if not inv.po:
        truth.pop("po_references", None)
    return sheet, truth


# ----------------------------------------------------------------------------------------------
# Family 6: summary invoice over delivery notes

STMT_WORDS = {
    "de": ("Sammelrechnung", "Lieferschein", "Lieferung vom {d}, LS {n}", "Lieferzeitraum", "darin enthalten {r} % MwSt.", "Nettobetrag", "Gesamtbetrag"),
    "en": ("Summary invoice", "Delivery note", "Delivery of {d}, DN {n}", "Delivery period", "includes VAT {r}%", "Net amount", "Total amount"),
    "fr": ("Facture récapitulative", "Bon de livraison", "Livraison du {d}, BL {n}", "Période de livraison", "dont TVA {r} %", "Montant HT", "Montant TTC"),
    "nl": ("Verzamelfactuur", "Pakbon", "Levering van {d}, pakbon {n}", "Leveringsperiode", "waarvan btw {r}%", "Bedrag excl. btw", "Totaalbedrag"),
}  # fmt: skip


def fam_statement(rng: random.Random, inv: Inv) -> tuple[Sheet, dict[str, Any]]:
    """Delivery notes with date and amount only (no quantities), then totals."""
    lang, c, s, cu, w = inv.lang, inv.c, inv.supplier, inv.customer, inv.w
    title_w, dn_w, text_w, period_w, incl_w, net_w, tot_w = STMT_WORDS[lang]
    variant = rng.choice(["net", "rate", "gross"])
    if inv.tax_mode == "sales" and variant != "net":
        variant = "net"
    start = inv.issued.replace(day=1) - timedelta(days=1)
    start = start.replace(day=1)
    end = inv.issued.replace(day=1) - timedelta(days=1)
    k = rng.choice([4, 6, 8, 12, 16, 22, 30, 40, 64, 90])
    days = sorted(start + timedelta(days=rng.randint(0, (end - start).days)) for _ in range(k))
    no = rng.randint(10000, 990000)
    one_rate = rng.choice([c.reduced, c.standard])
    items: list[Item] = []
    for d in days:
        no += rng.randint(1, 40)
        amt = r2(D(str(rng.uniform(18, 640))))
        rate = rng.choice([c.reduced, c.standard]) if variant == "rate" else one_rate
        if inv.tax_mode == "sales":
            rate = None
        if variant == "gross":
            it = Item(
                desc=text_w.format(d=inv.d(d, False), n=no),
                total=amt,
                rate=rate,
                day=d,
                shows=("description", "total"),
            )
        else:
            it = Item(
                desc=f"{dn_w} {no}",
                total=amt,
                rate=rate,
                day=d,
                shows=("description", "total", "tax_rate")
                if variant == "rate"
                else ("description", "total"),
            )
        items.append(it)
    inv.items = items
    if variant == "gross":
        gross = sum((it.total for it in items), D(0))
        tax = r2(gross * one_rate / (100 + one_rate))
        inv.gross, inv.tax, inv.net = gross, tax, gross - tax
        inv.by_rate = {one_rate: (inv.net, tax)}
    else:
        inv.compute()
    sheet = Sheet(pick_fonts(rng))
    lm, rm = 22.0, 190.0
    has_logo = rng.random() < 0.5
    vat_place = rng.choice(["header", "footer"]) if s.vat_print else "none"
    vl = vat_label(rng, inv)
    fst = {
        "vat_label": vl,
        "vat_in_footer": vat_place == "footer",
        "footer_cols": rng.choice([3, 4]),
        "footer_x": (lm, rm),
    }
    credit_minus = inv.credit and rng.random() < 0.4
    sign = -1 if credit_minus else 1
    if has_logo:
        sheet.text((lm + rm) / 2, 24, s.name, 18, "b", "c")
        sheet.text((lm + rm) / 2, 30, f"{s.street} · {s.city} · {s.phone}", 8, "r", "c")
    if vat_place == "header":
        sheet.text(
            (lm + rm) / 2 if has_logo else rm,
            34,
            f"{vl} {s.vat_print}",
            7.5,
            "r",
            "c" if has_logo else "r",
        )
    sheet.text(lm, 48, f"{s.name}, {s.street}, {s.city}", 7)
    for i, ln in enumerate([cu.name, cu.street, cu.city]):
        sheet.text(lm, 55 + i * 4.6, ln, 10)
    meta = [
        (w["cn_no"] if inv.credit else w["inv_no"], inv.number),
        (w["date"], inv.d(inv.issued)),
        (w["cust_no"], str(rng.randint(1000, 99999))),
        (period_w, f"{inv.d(start, False)} - {inv.d(end, False)}"),
    ]
    if inv.due:
        meta.append((w["due_date"], inv.d(inv.due)))
    if inv.po:
        meta.append((w["order_short"], inv.po[0]))
    for i, (kk, v) in enumerate(meta):
        sheet.text(120, 52 + i * 4.6, kk, 8)
        sheet.text(rm, 52 + i * 4.6, v, 8, "r", "r")
    heading = w["credit"] if inv.credit else title_w
    sheet.text(lm, 92, f"{heading} {inv.number}" if rng.random() < 0.6 else heading, 13, "b")
    if variant == "gross":
        cols = [(w["desc"], 128, "l"), (f"{w['amount']} {c.currency}", 40, "r")]
    elif variant == "rate":
        cols = [(w["date"], 30, "l"), (dn_w, 78, "l"), (w["rate"], 25, "r"), (w["amount"], 35, "r")]
    else:
        cols = [(w["date"], 30, "l"), (dn_w, 98, "l"), (f"{w['amount']} {c.currency}", 40, "r")]
    widths = [x[1] for x in cols]
    aligns = "".join(x[2] for x in cols)

    def head(yy: float) -> float:
        sheet.row(lm, yy, widths, [x[0] for x in cols], aligns, 8.5, "b")
        sheet.line(lm, yy + 1.5, rm, yy + 1.5, 0.5)
        return yy + 6

    def new_page() -> float:
        sheet.text(lm, 20, f"{heading} {inv.number} - {w['page']} {{PAGE}}", 8)
        return head(30)

    flow = Flow(sheet, head(102), 258, new_page)
    for it in items:
        flow.need(5, lambda: footer_columns(sheet, inv, fst))
        amt = inv.num(sign * it.total)
        if variant == "gross":
            cells = [it.desc, amt]
        elif variant == "rate":
            cells = [
                inv.d(it.day or end, False),
                it.desc,
                rate_txt(it.rate or D(0), lang, inv.ms.number),
                amt,
            ]
        else:
            cells = [inv.d(it.day or end, False), it.desc, amt]
        sheet.row(lm, flow.y, widths, cells, aligns, 9)
        flow.y += 5
    flow.need(35, lambda: footer_columns(sheet, inv, fst))
    sheet.line(rm - 80, flow.y - 2.5, rm, flow.y - 2.5, 0.5)
    flow.y += 3
    rows: list[tuple[str, str, str]] = []
    assert inv.by_rate is not None
    if variant == "gross":
        rows.append((w["credit_total"] if inv.credit else tot_w, inv.money(sign * inv.gross), "b"))
        rows.append(
            (incl_w.format(r=fmt_qty(one_rate, inv.ms.number)), inv.money(sign * inv.tax), "r")
        )
        rows.append((net_w, inv.money(sign * inv.net), "r"))
    else:
        rows.append((w["net_total"], inv.money(sign * inv.net), "r"))
        for rt, (b, t) in inv.by_rate.items():
            rows.append(
                (
                    w["vat_on"].format(
                        r=fmt_qty(rt, inv.ms.number), w=c.tax_word, b=inv.num(sign * b)
                    ),
                    inv.money(sign * t),
                    "r",
                )
            )
        rows.append(
            (w["credit_total"] if inv.credit else w["total"], inv.money(sign * inv.gross), "b")
        )
    for lbl, val, st in rows:
        sheet.text(rm - 42, flow.y, lbl, 9, st, "r")
        sheet.text(rm, flow.y, val, 9, st, "r")
        flow.y += 5.5
    flow.y += 5
    if not inv.credit:
        if inv.due:
            txt = w["pay_due"].format(amt=inv.money(inv.gross), due=inv.d(inv.due), iban=s.iban)
        else:
            txt = w["pay_days"].format(n=rng.choice([8, 14, 30]), iban=s.iban)
        flow.need(12, lambda: footer_columns(sheet, inv, fst))
        sheet.para(lm, flow.y, rm - lm, txt, 9)
    footer_columns(sheet, inv, fst)
    inv.style = {
        "family": "statement",
        "variant": variant,
        "logo": has_logo,
        "vat_id_at": vat_place,
        "credit_minus": credit_minus,
    }
    truth = build_truth(
        inv,
        items,
        tax_printed=True,
        due_printed=True,
        tax_id_printed=vat_place != "none",
        not_visible=[],
    )
    return sheet, truth


# ----------------------------------------------------------------------------------------------
# Generation

FAMILIES: dict[str, Callable[[random.Random, Inv], tuple[Sheet, dict[str, Any]]]] = {
    "letter": fam_letter,
    "utility": fam_utility,
    "cash": fam_cash,
    "service": fam_service,
    "erp": fam_erp,
    "statement": fam_statement,
}
SUPPLIER_KIND = {
    "letter": "goods",
    "utility": "utility",
    "cash": "goods",
    "service": "service",
    "erp": "goods",
    "statement": "statement",
}
CREDIT_FAMILIES = {"letter", "service", "erp", "statement"}


def make_inv(idx: int, seed: int, family: str, lang: str) -> tuple[random.Random, Inv]:
    """The document's facts; the family then draws them and may add its own."""
    rng = random.Random(f"{seed}-{idx}")
    ckey = rng.choice(LANG_COUNTRIES[lang])
    c = COUNTRIES[ckey]
    supplier = make_party(rng, SUPPLIER_KIND[family], ckey, lang)
    customer = make_customer(rng, lang, ckey)
    issued = date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))
    credit = family in CREDIT_FAMILIES and rng.random() < 0.12
    due = (
        None
        if credit or rng.random() < 0.35
        else issued + timedelta(days=rng.choice([7, 10, 14, 14, 21, 30, 30]))
    )
    inv = Inv(
        idx=idx, seed=seed, family=family, lang=lang, ckey=ckey, supplier=supplier, customer=customer,
        number=inv_number(rng, issued, credit), issued=issued, due=due, credit=credit,
        ms=money_style(rng, c), long_dates=rng.random() < 0.3, items=[], po=[],
        tax_mode="sales" if c.code == "US" else "normal",
    )  # fmt: skip
    if rng.random() < 0.3:
        inv.po = [po_number(rng)]
    n = rng.choice([2, 3, 4, 5, 6, 8, 10, 14, 18, 26, 34, 48, 64])
    inv.items = goods(rng, lang, c, n, inv.tax_mode)
    for it in inv.items:
        if rng.random() < 0.08:
            it.cont = rng.choice(CONT_LINES[lang])
    inv.compute()
    return rng, inv


def generate(out: Path, count: int, seed: int) -> list[Path]:
    """Write count documents; families and languages cycle so shares stay about equal."""
    out.mkdir(parents=True, exist_ok=True)
    fams = list(FAMILIES)
    langs = ["en", "de", "fr", "nl"]
    order = random.Random(seed)
    plan = [(fams[i % len(fams)], langs[(i // len(fams)) % 4]) for i in range(count)]
    order.shuffle(plan)
    written: list[Path] = []
    for idx, (family, lang) in enumerate(plan, 1):
        rng, inv = make_inv(idx, seed, family, lang)
        producer = rng.choice(["canvas", "platypus", "fpdf2"])
        sheet, truth = FAMILIES[family](rng, inv)
        truth["_style"] = {**(truth.get("_style") or {}), "producer": producer, "font": sheet.fonts.key,
                           "language": lang, "country": inv.c.code, "number_format": inv.ms.number,
                           "currency_sign": inv.ms.sign, "currency_before": inv.ms.before,
                           "long_dates": inv.long_dates, "pages": len(sheet.pages), "credit_note": inv.credit}  # fmt: skip
        stem = f"{idx:03d}_{lang}_{family}"
        pdf = out / f"{stem}.pdf"
        render(
            sheet,
            pdf,
            producer,
            f"{inv.w['credit'] if inv.credit else inv.w['invoice']} {inv.number}",
        )
        (out / f"{stem}.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        written.append(pdf)
    return written


def check(pdfs: list[Path]) -> int:
    """Report documents whose invoice number, printed total or supplier name is not in the text."""

    def expected(pdf: Path) -> dict[str, str]:
        truth = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
        return {
            "invoice_number": truth["invoice_number"],
            "total": fmt_num(D(truth["total_incl_tax"]), truth["_style"]["number_format"]),
            "supplier_name": truth["supplier_name"],
        }

    return report_missing((pdf, expected(pdf)) for pdf in pdfs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--check", action="store_true", help="verify the text layer holds the key truth"
    )
    args = ap.parse_args(argv)
    pdfs = generate(args.out_dir, args.count, args.seed)
    print(f"wrote {len(pdfs)} documents to {args.out_dir}")
    if args.check:
        return 1 if check(pdfs) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
