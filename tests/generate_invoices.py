"""Generate varied invoice PDFs with their truth JSON beside them (``x.pdf`` + ``x.json``).

    python tests/generate_invoices.py OUT_DIR [--count 60] [--seed 7]

Six languages (EN, DE, FR, NL, ES, IT), several layouts (labels beside or above values, supplier
left or right, totals as lines or as a tax table), number formats (``1,234.56``, ``1.234,56``,
``1 234,56``, ``1'234.56``), numeric and long dates, one or more pages, credit notes, with and
without PO references and VAT ids. A seeded RNG makes the set reproducible. The truth holds a
field only when the page shows it, as in the shared corpus.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from fpdf import FPDF

CENT = Decimal("0.01")

LANG: dict[str, dict[str, Any]] = {
    "en": {
        "paid": "Paid",
        "balance": "Balance due",
        "invoice": ["INVOICE", "Invoice", "Tax Invoice"],
        "credit": ["CREDIT NOTE", "Credit Note"],
        "number": ["Invoice number", "Invoice No.", "Invoice #"],
        "credit_number": ["Credit note no."],
        "date": ["Invoice date", "Date", "Date of issue"],
        "due": ["Due date", "Payment due"],
        "po": ["PO number", "Purchase order", "Your order ref."],
        "vat": ["VAT No.", "VAT Reg. No."],
        "cust_vat": "Your VAT No.",
        "bill_to": ["Bill to", "Invoice to"],
        "cols": ["Description", "Qty", "Unit", "Unit price", "VAT %", "Amount"],
        "net": ["Subtotal", "Net total", "Total excl. VAT"],
        "tax": ["VAT", "Total VAT"],
        "gross": ["Total", "Total due", "Grand total", "Amount due"],
        "months": "January February March April May June July August September October "
        "November December",
        "page": "Page",
        "thanks": "Thank you for your business.",
        "items": [
            "Tomatoes",
            "Olive oil extra virgin",
            "Sparkling water",
            "Flour type 55",
            "Cheddar cheese",
            "Chicken breast",
            "Cleaning service",
            "Delivery fee",
            "Coffee beans",
            "Napkins white",
            "Red wine Merlot",
            "Butter unsalted",
        ],
        "street": ["High Street", "Market Road", "Harbour Lane"],
        "city": ["London", "Leeds"],
    },
    "de": {
        "paid": "Bereits bezahlt",
        "balance": "Offener Betrag",
        "invoice": ["RECHNUNG", "Rechnung"],
        "credit": ["GUTSCHRIFT", "Gutschrift"],
        "number": ["Rechnungsnummer", "Rechnungsnr.", "Rechnung Nr."],
        "credit_number": ["Gutschrift Nr.", "Belegnummer"],
        "date": ["Rechnungsdatum", "Datum"],
        "due": ["Fälligkeitsdatum", "Zahlbar bis", "Fällig am"],
        "po": ["Bestellnummer", "Ihre Bestellung", "Bestell-Nr."],
        "vat": ["USt-IdNr.", "USt-ID"],
        "cust_vat": "Ihre USt-IdNr.",
        "bill_to": ["Rechnungsempfänger", "Kunde"],
        "cols": ["Bezeichnung", "Menge", "Einheit", "Einzelpreis", "MwSt. %", "Gesamtpreis"],
        "net": ["Nettobetrag", "Summe netto", "Zwischensumme"],
        "tax": ["MwSt.", "Umsatzsteuer", "zzgl. USt."],
        "gross": ["Gesamtbetrag", "Rechnungsbetrag", "Summe brutto", "Endbetrag"],
        "months": "Januar Februar März April Mai Juni Juli August September Oktober November "
        "Dezember",
        "page": "Seite",
        "thanks": "Vielen Dank für Ihren Auftrag.",
        "items": [
            "Tomaten",
            "Olivenöl nativ extra",
            "Mineralwasser still",
            "Weizenmehl Type 405",
            "Bergkäse",
            "Hähnchenbrust",
            "Reinigungsservice",
            "Lieferpauschale",
            "Kaffeebohnen",
            "Servietten weiß",
            "Weißwein Riesling",
            "Butter Süßrahm",
        ],
        "street": ["Hauptstraße", "Bahnhofstraße", "Marktplatz"],
        "city": ["Berlin", "München"],
    },
    "fr": {
        "paid": "Acompte versé",
        "balance": "Reste à payer",
        "invoice": ["FACTURE", "Facture"],
        "credit": ["AVOIR", "Facture d'avoir"],
        "number": ["Facture n°", "Numéro de facture", "N° de facture"],
        "credit_number": ["Avoir n°"],
        "date": ["Date de facture", "Date"],
        "due": ["Date d'échéance", "Échéance"],
        "po": ["Bon de commande", "N° de commande", "Votre commande"],
        "vat": ["N° TVA", "TVA intracommunautaire"],
        "cust_vat": "Votre n° TVA",
        "bill_to": ["Client", "Facturé à"],
        "cols": ["Désignation", "Qté", "Unité", "Prix unitaire HT", "TVA", "Montant HT"],
        "net": ["Total HT", "Montant HT", "Sous-total"],
        "tax": ["TVA", "Montant TVA", "Total TVA"],
        "gross": ["Total TTC", "Net à payer", "Montant TTC"],
        "months": "janvier février mars avril mai juin juillet août septembre octobre novembre "
        "décembre",
        "page": "Page",
        "thanks": "Merci de votre confiance.",
        "items": [
            "Tomates",
            "Huile d'olive vierge extra",
            "Eau gazeuse",
            "Farine T55",
            "Comté affiné",
            "Blanc de poulet",
            "Service de nettoyage",
            "Frais de livraison",
            "Café en grains",
            "Serviettes blanches",
            "Vin rouge Bordeaux",
            "Beurre doux",
        ],
        "street": ["rue de la Paix", "avenue Victor Hugo", "boulevard Voltaire"],
        "city": ["Paris", "Lyon"],
    },
    "nl": {
        "paid": "Reeds betaald",
        "balance": "Openstaand bedrag",
        "invoice": ["FACTUUR", "Factuur"],
        "credit": ["CREDITNOTA", "Creditfactuur"],
        "number": ["Factuurnummer", "Factuurnr."],
        "credit_number": ["Creditnota nr."],
        "date": ["Factuurdatum", "Datum"],
        "due": ["Vervaldatum", "Uiterste betaaldatum"],
        "po": ["Inkoopordernummer", "Uw ordernummer", "Bestelnummer"],
        "vat": ["BTW-nummer", "BTW"],
        "cust_vat": "Uw BTW-nummer",
        "bill_to": ["Factuuradres", "Klant"],
        "cols": ["Omschrijving", "Aantal", "Eenheid", "Prijs per stuk", "BTW %", "Bedrag"],
        "net": ["Subtotaal", "Totaal excl. BTW"],
        "tax": ["BTW", "BTW bedrag"],
        "gross": ["Totaal", "Totaal incl. BTW", "Te betalen"],
        "months": "januari februari maart april mei juni juli augustus september oktober "
        "november december",
        "page": "Pagina",
        "thanks": "Bedankt voor uw bestelling.",
        "items": [
            "Tomaten",
            "Olijfolie extra vierge",
            "Bruisend water",
            "Tarwebloem",
            "Goudse kaas belegen",
            "Kipfilet",
            "Schoonmaakdienst",
            "Bezorgkosten",
            "Koffiebonen",
            "Servetten wit",
            "Rode wijn Merlot",
            "Roomboter",
        ],
        "street": ["Hoofdstraat", "Kerkstraat", "Marktplein"],
        "city": ["Amsterdam", "Utrecht"],
    },
    "es": {
        "paid": "Pagado",
        "balance": "Pendiente de pago",
        "invoice": ["FACTURA", "Factura"],
        "credit": ["NOTA DE CRÉDITO", "Factura rectificativa"],
        "number": ["Número de factura", "Factura nº", "Nº factura"],
        "credit_number": ["Nº nota de crédito"],
        "date": ["Fecha de factura", "Fecha"],
        "due": ["Fecha de vencimiento", "Vencimiento"],
        "po": ["Nº de pedido", "Su pedido", "Orden de compra"],
        "vat": ["NIF/IVA", "CIF"],
        "cust_vat": "Su NIF",
        "bill_to": ["Cliente", "Facturar a"],
        "cols": ["Descripción", "Cantidad", "Unidad", "Precio unitario", "IVA %", "Importe"],
        "net": ["Base imponible", "Subtotal"],
        "tax": ["IVA", "Cuota IVA", "Total IVA"],
        "gross": ["Total factura", "Total a pagar", "Importe total"],
        "months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre "
        "noviembre diciembre",
        "page": "Página",
        "thanks": "Gracias por su confianza.",
        "items": [
            "Tomates",
            "Aceite de oliva virgen extra",
            "Agua con gas",
            "Harina de trigo",
            "Queso manchego",
            "Pechuga de pollo",
            "Servicio de limpieza",
            "Gastos de envío",
            "Café en grano",
            "Servilletas blancas",
            "Vino tinto Rioja",
            "Mantequilla",
        ],
        "street": ["Calle Mayor", "Avenida de la Paz", "Plaza España"],
        "city": ["Madrid", "Sevilla"],
    },
    "it": {
        "paid": "Acconto versato",
        "balance": "Saldo da pagare",
        "invoice": ["FATTURA", "Fattura"],
        "credit": ["NOTA DI CREDITO", "Nota di credito"],
        "number": ["Numero fattura", "Fattura n.", "N. fattura"],
        "credit_number": ["Nota n."],
        "date": ["Data fattura", "Data"],
        "due": ["Data di scadenza", "Scadenza"],
        "po": ["Ordine di acquisto", "Rif. ordine", "Vs. ordine"],
        "vat": ["P. IVA", "Partita IVA"],
        "cust_vat": "Vostra P. IVA",
        "bill_to": ["Cliente", "Destinatario"],
        "cols": ["Descrizione", "Quantità", "U.M.", "Prezzo unitario", "IVA %", "Importo"],
        "net": ["Imponibile", "Totale imponibile", "Subtotale"],
        "tax": ["IVA", "Totale IVA"],
        "gross": ["Totale fattura", "Totale documento", "Totale da pagare"],
        "months": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
        "novembre dicembre",
        "page": "Pagina",
        "thanks": "Grazie per la fiducia.",
        "items": [
            "Pomodori",
            "Olio extravergine di oliva",
            "Acqua frizzante",
            "Farina 00",
            "Parmigiano Reggiano",
            "Petto di pollo",
            "Servizio di pulizia",
            "Spese di consegna",
            "Caffè in grani",
            "Tovaglioli bianchi",
            "Vino rosso Chianti",
            "Burro",
        ],
        "street": ["Via Roma", "Corso Italia", "Piazza Garibaldi"],
        "city": ["Milano", "Torino"],
    },
}
COUNTRY = {"en": "GB", "de": "DE", "fr": "FR", "nl": "NL", "es": "ES", "it": "IT"}
RATES = {
    "GB": ["20", "5"],
    "DE": ["19", "7"],
    "FR": ["20", "5.5", "10"],
    "NL": ["21", "9"],
    "ES": ["21", "10"],
    "IT": ["22", "10"],
    "US": ["0"],
}
FORMS = {
    "GB": ["Ltd", "Limited", "plc"],
    "DE": ["GmbH", "AG", "GmbH & Co. KG"],
    "FR": ["SARL", "SAS", "S.A."],
    "NL": ["B.V.", "BV", "N.V."],
    "ES": ["S.L.", "S.A."],
    "IT": ["S.r.l.", "S.p.A."],
    "US": ["Inc.", "LLC"],
}
NAME_WORDS = [
    "Alpen",
    "Nordsee",
    "Bella",
    "Verde",
    "Sol",
    "Fresh",
    "Royal",
    "Golden",
    "Marine",
    "Rhein",
    "Provence",
    "Delta",
    "Atlas",
    "Orion",
    "Luna",
    "Terra",
    "Costa",
    "Vallei",
]
NAME_KINDS = [
    "Foods",
    "Trading",
    "Catering",
    "Wholesale",
    "Gastro",
    "Services",
    "Distribution",
    "Handels",
    "Import",
    "Fresh Market",
]
CURRENCY_WORD = {
    "en": "Currency",
    "de": "Währung",
    "fr": "Devise",
    "nl": "Valuta",
    "es": "Moneda",
    "it": "Valuta",
}
TWISTS = ("no_footer_name", "number_in_title", "letter_date", "item_notes", "paid", "no_colon")
UNITS = ["kg", "pcs", "l", "h", "box"]


@dataclass
class Style:
    lang: str
    country: str
    currency: str
    number_format: str  # "en", "de", "fr", "ch"
    date_format: str  # "dmy.", "dmy/", "dmy-", "iso", "mdy", "long"
    layout: str  # "beside", "above"
    supplier_right: bool
    tax_table: bool
    currency_display: str  # "code_after", "code_before", "symbol", "column"


def money(value: Decimal, fmt: str) -> str:
    """Format with the style's separators."""
    sign = "-" if value < 0 else ""
    whole, frac = f"{abs(value):.2f}".split(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    sep, dec = {"en": (",", "."), "de": (".", ","), "fr": (" ", ","), "ch": ("'", ".")}[fmt]
    return sign + sep.join(groups) + dec + frac


def qty_text(value: Decimal, fmt: str) -> str:
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}"
    return text.replace(".", ",") if fmt in ("de", "fr") else text


def date_text(d: date, style: Style) -> str:
    months = str(LANG[style.lang]["months"]).split()
    f = style.date_format
    if f == "iso":
        return d.isoformat()
    if f == "mdy":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if f == "long":
        month = months[d.month - 1]
        if style.lang == "en":
            return (
                f"{d.day} {month} {d.year}"
                if style.country == "GB"
                else f"{month} {d.day}, {d.year}"
            )
        if style.lang == "de":
            return f"{d.day}. {month} {d.year}"
        if style.lang == "es":
            return f"{d.day} de {month} de {d.year}"
        return f"{d.day} {month} {d.year}"
    sep = f[-1]
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def vat_id(rng: random.Random, country: str, spaced: bool) -> tuple[str, str]:
    """(printed, compact) VAT id of a country."""
    digits = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    compact = {
        "DE": lambda: "DE" + digits(9),
        "FR": lambda: "FR" + digits(2) + digits(9),
        "NL": lambda: "NL" + digits(9) + "B" + digits(2),
        "ES": lambda: "ESB" + digits(8),
        "IT": lambda: "IT" + digits(11),
        "GB": lambda: "GB" + digits(9),
        "US": lambda: "GB" + digits(9),
    }[country]()
    if spaced and country in ("DE", "GB", "FR"):
        printed = (
            compact[:2] + " " + " ".join(compact[i : i + 3] for i in range(2, len(compact), 3))
        )
    else:
        printed = compact
    return printed, compact


def make_style(rng: random.Random) -> Style:
    lang = rng.choice(list(LANG))
    country = COUNTRY[lang]
    currency = "EUR"
    if lang == "en":
        country = rng.choice(["GB", "GB", "US"])
        currency = {"GB": "GBP", "US": "USD"}[country]
        if rng.random() < 0.3:
            currency = "EUR"
    number_format = {"en": "en", "de": "de", "fr": "fr", "nl": "de", "es": "de", "it": "de"}[lang]
    if lang == "de" and rng.random() < 0.15:
        number_format, currency = "ch", "CHF"
    if lang in ("nl", "fr") and rng.random() < 0.3:
        number_format = "en" if lang == "nl" else "de"
    date_format = rng.choice(["dmy.", "dmy/", "dmy-", "iso", "long", "long"])
    if country == "US":
        date_format = rng.choice(["mdy", "long", "iso"])
    return Style(
        lang=lang,
        country=country,
        currency=currency,
        number_format=number_format,
        date_format=date_format,
        layout=rng.choice(["beside", "beside", "above"]),
        supplier_right=rng.random() < 0.4,
        tax_table=rng.random() < 0.3,
        currency_display=rng.choice(["code_after", "code_before", "symbol", "column"]),
    )


def amount(value: Decimal, style: Style) -> str:
    text = money(value, style.number_format)
    symbol = {"GBP": "£", "USD": "$"}.get(style.currency)
    if style.currency_display == "symbol":
        return f"{symbol}{text}" if symbol else f"{text} {style.currency}"
    if style.currency_display == "code_before":
        return f"{style.currency} {text}"
    if style.currency_display == "code_after":
        return f"{text} {style.currency}"
    return text


class Invoice(FPDF):
    footer_lines: list[str] = []
    page_word = "Page"

    def footer(self) -> None:
        self.set_y(-22)
        self.set_font("Helvetica", size=7)
        for line in self.footer_lines:
            self.cell(0, 3.5, line, align="C", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 3.5, f"{self.page_word} {self.page_no()}", align="R")


def build(rng: random.Random, index: int) -> tuple[bytes, dict[str, object]]:
    """One invoice PDF and its truth."""
    style = make_style(rng)
    words = LANG[style.lang]
    credit = rng.random() < 0.12
    supplier = (
        f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_KINDS)} {rng.choice(FORMS[style.country])}"
    )
    customer = f"{rng.choice(NAME_WORDS)} {rng.choice(['Hotel', 'Restaurant', 'Bistro', 'Café'])}"
    if rng.random() < 0.5:  # buyers have legal forms too; the parser must not take them
        customer += f" {rng.choice(FORMS[style.country])}"
    twists = {t for t in TWISTS if rng.random() < 0.25}
    issued = date(2023, 1, 1) + timedelta(days=rng.randrange(700))
    due = issued + timedelta(days=rng.choice([14, 30, 30, 45]))
    show_due = rng.random() < 0.75
    prefix = rng.choice(["INV-", "RE-", "F", "", "2024/", "FA-", "R"])
    number = (
        f"{prefix}{issued.year}{rng.randrange(100, 99999):05d}"
        if rng.random() < 0.5
        else (f"{prefix}{rng.randrange(1000, 9999999)}")
    )
    po = f"{rng.choice(['PO-', 'PO', 'B', 'BE-', ''])}{rng.randrange(10000, 999999)}"
    show_po = rng.random() < 0.45
    show_vat = rng.random() < 0.85 and style.country != "US"
    vat_printed, vat_compact = vat_id(rng, style.country, rng.random() < 0.3)
    cust_vat = vat_id(rng, style.country, False)[0] if rng.random() < 0.3 else None
    rates = RATES[style.country]
    n_items = rng.choice([1, 2, 3, 4, 5, 6, 8, 12, 18, 30])
    items = []
    for _ in range(n_items):
        q = (
            Decimal(rng.choice([1, 2, 3, 5, 10, 12, 24]))
            if rng.random() < 0.8
            else (Decimal(rng.randrange(5, 250)) / 10)
        )
        price = (Decimal(rng.randrange(50, 150000)) / 100).quantize(CENT)
        if rng.random() < 0.8:
            price = (Decimal(rng.randrange(50, 9000)) / 100).quantize(CENT)
        total = (q * price).quantize(CENT, ROUND_HALF_UP)
        rate = Decimal(rng.choice(rates))
        items.append(
            {
                "description": rng.choice(list(words["items"])),  # type: ignore[arg-type]
                "quantity": q,
                "unit": rng.choice(UNITS),
                "unit_price": price,
                "total": total,
                "tax_rate": rate,
            }
        )
    sign = Decimal(-1) if credit and rng.random() < 0.5 else Decimal(1)
    for it in items:
        it["quantity"] *= sign  # type: ignore[operator]
        it["total"] *= sign  # type: ignore[operator]
    net = sum((it["total"] for it in items), Decimal(0))  # type: ignore[misc]
    by_rate: dict[Decimal, Decimal] = {}
    for it in items:
        by_rate[it["tax_rate"]] = by_rate.get(it["tax_rate"], Decimal(0)) + it["total"]  # type: ignore
    taxes = {r: (b * r / 100).quantize(CENT, ROUND_HALF_UP) for r, b in by_rate.items()}
    tax = sum(taxes.values(), Decimal(0))
    gross = net + tax

    pdf = Invoice(format="A4")
    pdf.page_word = str(words["page"])
    street = f"{rng.choice(list(words['street']))} {rng.randrange(1, 120)}"  # type: ignore[arg-type]
    city = f"{rng.randrange(10000, 99999)} {rng.choice(list(words['city']))}"  # type: ignore[arg-type]
    footer = [
        f"{street} - {city}" if "no_footer_name" in twists else f"{supplier} - {street} - {city}"
    ]
    if show_vat:
        footer.append(
            f"{rng.choice(list(words['vat']))}: {vat_printed}   IBAN "  # type: ignore
            f"{style.country}{rng.randrange(10, 99)} 1234 5678 9012 3456 78"
        )
    pdf.footer_lines = footer
    pdf.set_auto_page_break(True, margin=30)
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    sx, cx = (120, 15) if style.supplier_right else (15, 120)
    pdf.set_xy(sx, 15)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(75, 6, supplier, new_x="LEFT", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    for line in (street, city):
        pdf.cell(75, 4.5, line, new_x="LEFT", new_y="NEXT")
    if show_vat and rng.random() < 0.6:
        pdf.cell(
            75,
            4.5,
            f"{rng.choice(list(words['vat']))} {vat_printed}",  # type: ignore
            new_x="LEFT",
            new_y="NEXT",
        )
    pdf.set_xy(cx, 15)
    pdf.set_font("Helvetica", "B", 8)
    pdf.cell(75, 4.5, str(rng.choice(list(words["bill_to"]))), new_x="LEFT", new_y="NEXT")  # type: ignore
    pdf.set_font("Helvetica", size=9)
    for line in (customer, f"{rng.choice(list(words['street']))} 5", city):  # type: ignore
        pdf.cell(75, 4.5, line, new_x="LEFT", new_y="NEXT")
    if cust_vat:
        pdf.cell(75, 4.5, f"{words['cust_vat']}: {cust_vat}", new_x="LEFT", new_y="NEXT")

    pdf.set_xy(15, 55)
    pdf.set_font("Helvetica", "B", 16)
    title = rng.choice(list(words["credit" if credit else "invoice"]))  # type: ignore[arg-type]
    heading = f"{title} {number}" if "number_in_title" in twists else str(title)
    pdf.cell(0, 9, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    if "letter_date" in twists:
        pdf.cell(
            0,
            5,
            f"{words['city'][0]}, {date_text(issued, style)}",
            align="R",  # type: ignore
            new_x="LMARGIN",
            new_y="NEXT",
        )
    meta: list[tuple[str, str]] = []
    if "number_in_title" not in twists:
        meta.append((str(rng.choice(list(words["credit_number" if credit else "number"]))), number))  # type: ignore
    if "letter_date" not in twists:
        meta.append((str(rng.choice(list(words["date"]))), date_text(issued, style)))  # type: ignore
    if show_due:
        meta.append((str(rng.choice(list(words["due"]))), date_text(due, style)))  # type: ignore
    if show_po:
        meta.append((str(rng.choice(list(words["po"]))), po))  # type: ignore
    if not meta:
        pass
    elif style.layout == "beside":
        for label, value in meta:
            pdf.cell(40, 5, f"{label}:")
            pdf.cell(60, 5, value, new_x="LMARGIN", new_y="NEXT")
    else:
        width = 180 / len(meta)
        pdf.set_font("Helvetica", "B", 8)
        for label, _ in meta:
            pdf.cell(width, 5, label)
        pdf.ln(5)
        pdf.set_font("Helvetica", size=9)
        for _, value in meta:
            pdf.cell(width, 5, value)
        pdf.ln(5)
    if style.currency_display == "column":
        pdf.cell(
            0, 5, f"{CURRENCY_WORD[style.lang]}: {style.currency}", new_x="LMARGIN", new_y="NEXT"
        )
    pdf.ln(4)

    cols = list(words["cols"])  # type: ignore[arg-type]
    variant = rng.choice(["full", "simple", "pos", "rate", "qty_first"])
    keys = {
        "full": [0, 1, 2, 3, 4, 5],
        "simple": [0, 1, 3, 5],
        "pos": [-1, 0, 1, 3, 5],
        "rate": [0, 1, 3, 4, 5],
        "qty_first": [1, 0, 3, 5],
    }[variant]
    widths = {-1: 10, 0: 70, 1: 18, 2: 15, 3: 27, 4: 15, 5: 30}

    def header() -> None:
        pdf.set_font("Helvetica", "B", 8)
        for k in keys:
            name = "Pos." if k == -1 else str(cols[k])
            pdf.cell(widths[k], 6, name, align="L" if k in (0, -1, 2) else "R")
        pdf.ln(6)
        pdf.set_font("Helvetica", size=8)

    header()
    for pos, it in enumerate(items, start=1):
        if pdf.get_y() > 250:
            pdf.add_page()
            header()
        values = {
            -1: str(pos),
            0: str(it["description"]),
            1: qty_text(it["quantity"], style.number_format)  # type: ignore[arg-type]
            + ("" if 2 in keys else f" {it['unit']}"),
            2: str(it["unit"]),
            3: money(it["unit_price"], style.number_format),  # type: ignore
            4: f"{it['tax_rate']}%",
            5: money(it["total"], style.number_format),  # type: ignore
        }
        for k in keys:
            pdf.cell(widths[k], 5, values[k], align="L" if k in (0, -1, 2) else "R")
        pdf.ln(5)
        if "item_notes" in twists and pos % 2:
            pdf.set_x(15 + sum(widths[k] for k in keys[: keys.index(0)]))
            pdf.cell(
                widths[0], 4, f"Lot {rng.randrange(1000, 9999)}", new_x="LMARGIN", new_y="NEXT"
            )
    pdf.ln(3)
    if pdf.get_y() > 230:
        pdf.add_page()
    summary_x = 105
    show_tax_total = True
    if style.tax_table:
        pdf.set_x(summary_x)
        pdf.set_font("Helvetica", "B", 8)
        heads = [
            str(rng.choice(list(words["net"]))),
            str(words["tax"][0]),  # type: ignore
            str(rng.choice(list(words["gross"]))),
        ]  # type: ignore
        for h in heads:
            pdf.cell(30, 5, h, align="R")
        pdf.ln(5)
        pdf.set_font("Helvetica", size=9)
        pdf.set_x(summary_x)
        for v in (net, tax, gross):
            pdf.cell(30, 5, amount(v, style), align="R")
        pdf.ln(5)
    else:
        rows = [(str(rng.choice(list(words["net"]))), net)]  # type: ignore[arg-type]
        if len(taxes) > 1 and rng.random() < 0.5:
            show_tax_total = False
            for r, t in sorted(taxes.items()):
                rows.append((f"{words['tax'][0]} {r}%", t))  # type: ignore[index]
        else:
            label = str(rng.choice(list(words["tax"])))  # type: ignore[arg-type]
            rate_note = f" {next(iter(taxes))}%" if len(taxes) == 1 else ""
            rows.append((label + rate_note, tax))
        rows.append((str(rng.choice(list(words["gross"]))), gross))  # type: ignore[arg-type]
        if "paid" in twists:
            paid = (gross / 2).quantize(CENT)
            rows.append((str(words["paid"]), paid))
            rows.append((str(words["balance"]), gross - paid))
        colon = "" if "no_colon" in twists else ":"
        for label, v in rows:
            pdf.set_x(summary_x)
            pdf.cell(50, 5.5, label + colon)
            pdf.cell(40, 5.5, amount(v, style), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.cell(0, 5, str(words["thanks"]), new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())

    def shown(value: Decimal) -> str:
        """Credit notes carry positive amounts in the truth (as e-invoices of type 381 do),
        whichever sign the page prints."""
        return str(abs(value) if credit else value)

    truth: dict[str, object] = {
        "document_type": "credit_note" if credit else "invoice",
        "invoice_number": number,
        "invoice_date": issued.isoformat(),
        "currency": style.currency,
        "total_excl_tax": shown(net),
        "total_incl_tax": shown(gross),
        "supplier_name": supplier,
        "line_items": [
            {
                "description": it["description"],
                "quantity": shown(it["quantity"]),
                "unit_price": shown(it["unit_price"]),
                "total": shown(it["total"]),
            }
            for it in items
        ],
    }
    if show_tax_total:
        truth["tax_amount"] = shown(tax)
    if show_due:
        truth["due_date"] = due.isoformat()
    if show_vat:
        truth["supplier_tax_id"] = vat_compact
    if show_po:
        truth["po_references"] = [po]
    truth["_style"] = style.__dict__ | {"items": n_items}
    return data, truth


def generate(out: Path, count: int = 60, seed: int = 7) -> list[Path]:
    """Write ``count`` invoices into ``out``; returns the PDF paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        data, truth = build(rng, i)
        name = f"gen_{i:03d}_{truth['_style']['lang']}"  # type: ignore[index]
        (out / f"{name}.pdf").write_bytes(data)
        (out / f"{name}.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False))
        paths.append(out / f"{name}.pdf")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
