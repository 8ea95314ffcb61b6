"""A third independent holdout: invoices laid out the way word processors and ERP prints do it.

    python bench/foreign_invoices.py OUT_DIR [--count 100] [--seed 1] [--check]

Writes ``NNN_lang_family.pdf`` beside ``NNN_lang_family.json`` (truth in the field names that
bench/accuracy.py scores, credit notes with positive amounts). Written without reading the parser,
to find assumptions the first two holdouts share with it. Five families:

- ``tabstop``: a word-processor letter whose item headings sit LEFT on their tab stops while the
  numbers under them end at the RIGHT tab, no ruling, columns close together, dot leaders,
  justified letterhead names (runs of spaces), labels joined by no-break spaces;
- ``erp``: a small-print ERP list with decimal-aligned columns, article codes, unit prices with
  three or four decimals, a VAT summary over several rates, pages that continue the item list
  with no repeated heading row between page headers and footers;
- ``balance``: an invoice whose amount to pay adds an open balance or takes off a prepayment
  (the truth total is this invoice's own total);
- ``us``: a US invoice in dollars with sales tax on taxable lines, month-first dates that are all
  ambiguous (03/04/2026), the supplier's EIN as its tax id;
- ``selfbill``: a self-billed invoice written by the buyer ("Gutschrift (Selbst ausgestellte
  Rechnung)", "Autofacturation"): an invoice whose supplier is the seller named in the body.

Credit notes (positive truth, printed with or without a minus) come up in ``tabstop`` and
``erp``. Languages EN/DE/FR/NL with their countries' VAT rates, number formats (1.234,56 /
1,234.56 / 1 234,56 / 1'234.56), date formats, fonts (base-14 and embedded DejaVu, mixed on one
page) and producers (reportlab canvas, fpdf2) vary per document. Same seed, same bytes.

``--check`` re-reads each PDF with pypdf and reports every truth value (as printed) the text layer
does not hold, truth fields that were never drawn, and printed amounts that run into a
neighbouring number.
"""

# ruff: noqa: E501  (vocabulary tables read better one entry a line)
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from _textcheck import flat, report_missing

D = Decimal
CENT = D("0.01")
NBSP = "\u00a0"
A4_W, A4_H = 210.0, 297.0
PT = 25.4 / 72  # mm per point


def r2(value: Decimal) -> Decimal:
    """Commercial rounding to cents, as invoicing software does."""
    return value.quantize(CENT, ROUND_HALF_UP)


# ----------------------------------------------------------------------------------------------
# Countries, numbers, dates


@dataclass(frozen=True)
class Country:
    """What the supplier's country decides: language, currency, rates per goods class, formats."""

    key: str
    lang: str
    currency: str
    rates: dict[str, Decimal]  # r = food, m = middle rate, s = standard
    numbers: tuple[str, ...]
    dates: tuple[str, ...]
    signs: tuple[str, ...]


def _rates(r: str, m: str, s: str) -> dict[str, Decimal]:
    return {"r": D(r), "m": D(m), "s": D(s)}


COUNTRIES: dict[str, Country] = {
    "UK": Country("UK", "en", "GBP", _rates("0", "5", "20"), ("en",), ("dmy/", "long", "d_mon", "iso"), ("£", "GBP")),
    "IE": Country("IE", "en", "EUR", _rates("9", "13.5", "23"), ("en",), ("dmy/", "long", "d_mon"), ("€", "EUR")),
    "NLen": Country("NL", "en", "EUR", _rates("9", "9", "21"), ("en", "de"), ("iso", "long_us", "dmy-"), ("€", "EUR")),
    "US": Country("US", "en", "USD", _rates("0", "0", "0"), ("en",), ("mdy/",), ("$", "USD")),
    "DE": Country("DE", "de", "EUR", _rates("7", "7", "19"), ("de", "de", "de_plain"), ("dmy.", "long", "long_nodot", "iso", "d.m.y"), ("€", "EUR")),
    "AT": Country("AT", "de", "EUR", _rates("10", "13", "20"), ("de", "de_space"), ("dmy.", "long"), ("€", "EUR")),
    "CH": Country("CH", "de", "CHF", _rates("2.6", "3.8", "8.1"), ("ch", "ch_quote"), ("dmy.", "long_nodot"), ("CHF", "CHF", "Fr.")),
    "FR": Country("FR", "fr", "EUR", _rates("5.5", "10", "20"), ("fr", "fr_nbsp"), ("dmy/", "long", "iso"), ("€", "EUR")),
    "BEfr": Country("BE", "fr", "EUR", _rates("6", "12", "21"), ("de", "fr"), ("dmy/", "long"), ("€", "EUR")),
    "LU": Country("LU", "fr", "EUR", _rates("3", "8", "17"), ("fr", "de"), ("dmy.", "long"), ("€", "EUR")),
    "CHfr": Country("CH", "fr", "CHF", _rates("2.6", "3.8", "8.1"), ("ch", "fr_nbsp"), ("dmy.", "long"), ("CHF",)),
    "NL": Country("NL", "nl", "EUR", _rates("9", "9", "21"), ("de", "nl_plain"), ("dmy-", "long", "iso"), ("€", "EUR")),
    "BEnl": Country("BE", "nl", "EUR", _rates("6", "12", "21"), ("de",), ("dmy/", "long"), ("€", "EUR")),
}  # fmt: skip
LANG_COUNTRIES = {
    "en": ["UK", "IE", "NLen"],
    "de": ["DE", "AT", "CH", "DE"],
    "fr": ["FR", "BEfr", "LU", "CHfr"],
    "nl": ["NL", "BEnl", "NL"],
}
NUMBER_SEPS = {
    "en": (",", "."),
    "de": (".", ","),
    "de_plain": ("", ","),
    "de_space": (" ", ","),
    "fr": (" ", ","),
    "fr_nbsp": (NBSP, ","),
    "ch": ("'", "."),
    "ch_quote": ("\u2019", "."),
    "nl_plain": ("", ","),
}


def fmt_num(value: Decimal, style: str, places: int = 2) -> str:
    """A number as the style's country prints it, minus sign in front."""
    v = value.quantize(D(1).scaleb(-places), ROUND_HALF_UP)
    whole, _, frac = f"{abs(v):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    sep, dec = NUMBER_SEPS[style]
    text = sep.join(groups) + (dec + frac if places else "")
    return ("-" if v < 0 else "") + text


def places_of(value: Decimal) -> int:
    """How many decimals a value needs to be printed exactly."""
    exp = value.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}


def fmt_date(d: date, style: str, lang: str, us: bool = False) -> str:
    """One of the date forms seen on European and US invoices."""
    month = MONTHS[lang].split()[d.month - 1]
    if style == "iso":
        return d.isoformat()
    if style == "dmy.":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "d.m.y":
        return f"{d.day}.{d.month}.{d.year}"
    if style == "dmy/":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy-":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "mdy/":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "d_mon":
        return f"{d.day} {month[:3]} {d.year}"
    if style == "long_nodot":
        return f"{d.day} {month} {d.year}"
    if lang == "de":
        return f"{d.day}. {month} {d.year}"
    if lang == "fr":
        return f"{'1er' if d.day == 1 else d.day} {month} {d.year}"
    if style == "long_us" or (lang == "en" and us):
        return f"{month} {d.day}, {d.year}"
    return f"{d.day} {month} {d.year}"


# ----------------------------------------------------------------------------------------------
# Words: each key lists the variants one document picks from (once, so a document is coherent)

W: dict[str, dict[str, list[str]]] = {
    "de": {
        "title_inv": ["Rechnung", "RECHNUNG", "Rechnung"],
        "title_cn": ["Rechnungskorrektur", "Gutschrift", "Stornorechnung"],
        "title_self": ["Gutschrift (Selbst ausgestellte Rechnung)", "Gutschrift – Selbst ausgestellte Rechnung"],
        "inv_no": ["Rechnungs-Nr.", "Rechnungsnummer", "Beleg-Nr.", "Rechnung Nr."],
        "cn_no": ["Korrektur-Nr.", "Gutschrift-Nr.", "Beleg-Nr."],
        "self_no": ["Gutschrift-Nr.", "Beleg-Nr."],
        "date": ["Datum", "Rechnungsdatum", "Belegdatum"],
        "due": ["Fällig am", "Fälligkeit", "Zahlbar bis"],
        "po": ["Bestellung", "Ihre Bestellung", "Bestell-Nr.", "Ihre Bestellnummer"],
        "our_ref": ["Auftragsbestätigung", "Unser Zeichen", "Lieferschein"],
        "cust_no": ["Kunden-Nr.", "Kundennummer", "Debitor"],
        "delivery": ["Lieferdatum", "Leistungsdatum"],
        "pos": ["Pos.", "Pos"], "code": ["Art.-Nr.", "Artikel", "Art.Nr."],
        "desc": ["Bezeichnung", "Artikelbezeichnung", "Beschreibung"],
        "qty": ["Menge", "Anzahl"], "unit": ["Einheit", "ME"],
        "price": ["Einzelpreis", "Preis/ME", "E-Preis"], "amount": ["Gesamtpreis", "Betrag", "Gesamt"],
        "rate_col": ["USt.", "MwSt.", "USt-%"],
        "net_total": ["Rechnungssumme ohne USt.", "Nettobetrag", "Summe netto", "Warenwert netto"],
        "tax_total": ["Steuerbetrag", "Umsatzsteuer gesamt", "Summe USt."],
        "gross_total": ["Rechnungsbetrag", "Gesamtbetrag", "Endbetrag"],
        "cn_total": ["Gutschriftsbetrag", "Korrekturbetrag"],
        "rate_line": ["zzgl. {rate} % USt. auf {base}", "{rate} % MwSt. von {base}", "USt. {rate} % auf netto {base}"],
        "sum_rate": ["USt-Satz", "Steuersatz"], "sum_net": ["Netto", "Nettobetrag"],
        "sum_tax": ["USt", "Steuer"], "sum_gross": ["Brutto"], "sum_row": ["Summe", "Gesamt"],
        "page": ["Seite {p} von {n}", "Seite {p}/{n}", "- {p} -"],
        "cont_next": ["Fortsetzung auf Seite {n}", "weiter auf Seite {n}", ""],
        "cont_head": ["{title} {no} – Seite {p}", "Beleg {no}, Seite {p}", "Fortsetzung {title} {no}"],
        "prev_balance": ["zzgl. offener Saldo aus Rechnung {ref}", "Saldovortrag (Rechnung {ref})", "Offener Betrag aus Vormonat"],
        "prepay": ["abzgl. Anzahlung vom {date}", "abzüglich geleistete Anzahlung", "abzgl. Abschlagsrechnung {ref}"],
        "to_pay": ["Zu zahlender Betrag", "Zahlbetrag", "Offener Betrag"],
        "supplier_lbl": ["Lieferant", "Leistungserbringer", "Lieferant/Leistender"],
        "vat_id": ["USt-IdNr.", "USt-ID", "Umsatzsteuer-ID"],
        "cust_vat": ["Ihre USt-IdNr.", "USt-IdNr. Kunde"],
        "tax_no": ["Steuernummer", "St.-Nr."],
        "pay_by": ["Zahlbar bis zum {due} ohne Abzug.", "Bitte überweisen Sie den Betrag bis {due}."],
        "terms": ["Zahlbar innerhalb von {n} Tagen netto.", "Zahlungsziel: {n} Tage"],
        "orig_ref": ["Bezug: Rechnung {ref} vom {date}", "Korrektur zu Rechnung Nr. {ref}"],
        "self_note": ["Abrechnung im Gutschriftsverfahren gemäß § 14 Abs. 2 Satz 2 UStG.", "Gutschrift im Sinne des § 14 Abs. 2 UStG – bitte prüfen Sie die Angaben."],
        "self_pay": ["Der Betrag wird Ihnen bis {due} überwiesen.", "Die Auszahlung erfolgt auf Ihr Konto."],
        "cn_pay": ["Der Betrag wird Ihrem Kundenkonto gutgeschrieben.", "Wir verrechnen den Betrag mit der nächsten Rechnung."],
        "thanks": ["Vielen Dank für Ihren Auftrag.", "Wir danken für Ihre Bestellung."],
        "bank": ["Bankverbindung", "Bank"],
        "salute": ["Sehr geehrte Damen und Herren,"],
        "intro": ["wir berechnen Ihnen für unsere Lieferungen:", "für die Lieferung berechnen wir wie folgt:"],
        "intro_cn": ["wir schreiben Ihnen folgende Positionen gut:"],
        "intro_self": ["für die von Ihnen gelieferte Ware rechnen wir wie folgt ab:"],
        "regards": ["Mit freundlichen Grüßen"],
        "buyer": ["Rechnungsempfänger", "Kunde"],
        "taxable_legend": [""],
    },
    "en": {
        "title_inv": ["Invoice", "INVOICE", "Tax invoice", "VAT invoice"],
        "title_cn": ["Credit note", "CREDIT NOTE", "Credit memo"],
        "title_self": ["Self-billed invoice", "Self-billing invoice"],
        "inv_no": ["Invoice no.", "Invoice number", "Invoice No"],
        "cn_no": ["Credit note no.", "Credit no.", "Document no."],
        "self_no": ["Document no.", "Self-bill no."],
        "date": ["Date", "Invoice date", "Date of issue"],
        "due": ["Due date", "Payment due", "Due"],
        "po": ["Your reference", "Order ref.", "Your order no.", "PO number"],
        "our_ref": ["Our reference", "Delivery note", "Sales order"],
        "cust_no": ["Account no.", "Customer no.", "Account"],
        "delivery": ["Delivery date", "Date of supply"],
        "pos": ["Line", "No."], "code": ["Item", "Product code", "SKU"],
        "desc": ["Description", "Item description", "Details"],
        "qty": ["Qty", "Quantity"], "unit": ["Unit", "UoM"],
        "price": ["Unit price", "Price", "Rate"], "amount": ["Amount", "Net", "Line total"],
        "rate_col": ["VAT", "VAT %", "Tax"],
        "net_total": ["Subtotal", "Total net", "Net amount", "Total excl. VAT"],
        "tax_total": ["Total VAT", "VAT total", "Total tax"],
        "gross_total": ["Total", "Invoice total", "Total incl. VAT", "Total due"],
        "cn_total": ["Total credit", "Credit total"],
        "rate_line": ["VAT {rate}% on {base}", "VAT @ {rate}% of {base}"],
        "sum_rate": ["VAT rate", "Rate"], "sum_net": ["Net", "Goods"],
        "sum_tax": ["VAT"], "sum_gross": ["Gross"], "sum_row": ["Total", "Totals"],
        "page": ["Page {p} of {n}", "Page {p}/{n}", "{p} of {n}"],
        "cont_next": ["Continued on page {n}", "continued overleaf", ""],
        "cont_head": ["{title} {no} – page {p}", "{no} (continued)", "Page {p} – {title} {no}"],
        "prev_balance": ["Previous balance (invoice {ref})", "Balance brought forward", "Plus: unpaid invoice {ref}"],
        "prepay": ["Less: deposit paid {date}", "Less payment received", "Less: advance invoice {ref}"],
        "to_pay": ["Amount due", "Balance due", "Total payable"],
        "supplier_lbl": ["Supplier", "Supplied by"],
        "vat_id": ["VAT Reg. No.", "VAT No.", "VAT number"],
        "cust_vat": ["Customer VAT No.", "Your VAT No."],
        "tax_no": ["Company No.", "Company reg."],
        "pay_by": ["Please pay by {due}.", "Payment is due on {due}."],
        "terms": ["Terms: {n} days net", "Payment within {n} days"],
        "orig_ref": ["Relates to invoice {ref} of {date}", "Original invoice: {ref}"],
        "self_note": ["Self-billed invoice – the VAT shown is your output tax due to HMRC.", "Self-billing arrangement: issued by the customer on behalf of the supplier."],
        "self_pay": ["We will pay this amount by {due}.", "Payment will be made to your account."],
        "cn_pay": ["This credit will be set against your next invoice.", "The amount has been credited to your account."],
        "thanks": ["Thank you for your business.", "Many thanks for your order."],
        "bank": ["Bank details", "Pay to"],
        "salute": ["Dear Sir or Madam,"],
        "intro": ["we invoice you for the following supplies:", "please find our charges below:"],
        "intro_cn": ["we credit you with the following:"],
        "intro_self": ["we account to you for the goods you supplied as follows:"],
        "regards": ["Yours faithfully", "Kind regards"],
        "buyer": ["Invoice to", "Bill to"],
        "taxable_legend": ["T = taxable"],
    },
    "fr": {
        "title_inv": ["Facture", "FACTURE", "Facture"],
        "title_cn": ["Avoir", "Facture d'avoir", "AVOIR"],
        "title_self": ["Autofacturation", "Facture (autofacturation)", "Autofacturation – facture émise par le client"],
        "inv_no": ["N° de facture", "Facture n°", "Numéro"],
        "cn_no": ["Avoir n°", "N° d'avoir"],
        "self_no": ["N° de pièce", "Autofacture n°"],
        "date": ["Date", "Date de facture", "Date d'émission"],
        "due": ["Échéance", "Date d'échéance", "À régler avant le"],
        "po": ["Votre référence", "Votre commande", "Réf. commande", "Bon de commande"],
        "our_ref": ["Notre référence", "Bon de livraison", "Commande interne"],
        "cust_no": ["Code client", "N° client", "Compte client"],
        "delivery": ["Date de livraison", "Livré le"],
        "pos": ["N°", "Ligne"], "code": ["Réf.", "Référence", "Code"],
        "desc": ["Désignation", "Description", "Libellé"],
        "qty": ["Qté", "Quantité"], "unit": ["Unité", "U."],
        "price": ["Prix unit. HT", "P.U. HT", "Prix HT"], "amount": ["Montant HT", "Total HT", "Montant"],
        "rate_col": ["TVA", "Taux", "TVA %"],
        "net_total": ["Total HT", "Montant HT", "Sous-total HT"],
        "tax_total": ["Total TVA", "Montant TVA", "TVA totale"],
        "gross_total": ["Total TTC", "Montant TTC", "Net à payer TTC"],
        "cn_total": ["Total avoir TTC", "Montant de l'avoir TTC"],
        "rate_line": ["TVA {rate} % sur {base}", "TVA à {rate} % (base {base})"],
        "sum_rate": ["Taux", "Taux TVA"], "sum_net": ["Base HT", "Montant HT"],
        "sum_tax": ["Montant TVA", "TVA"], "sum_gross": ["TTC"], "sum_row": ["Total", "Totaux"],
        "page": ["Page {p}/{n}", "Page {p} sur {n}", "{p}/{n}"],
        "cont_next": ["Suite page {n}", "suite au verso", ""],
        "cont_head": ["{title} {no} – page {p}", "{title} n° {no} (suite)", "Suite de la {title} {no}"],
        "prev_balance": ["Solde antérieur (facture {ref})", "Report solde précédent", "Reste dû sur facture {ref}"],
        "prepay": ["Acompte versé le {date}", "Déduction acompte", "Déduction facture d'acompte {ref}"],
        "to_pay": ["Net à payer", "Reste à payer", "Montant à régler"],
        "supplier_lbl": ["Fournisseur", "Vendeur"],
        "vat_id": ["N° TVA intracommunautaire", "TVA intracom.", "N° TVA"],
        "cust_vat": ["Votre n° TVA", "N° TVA client"],
        "tax_no": ["SIRET", "RCS"],
        "pay_by": ["Paiement à réception, au plus tard le {due}.", "À régler avant le {due}."],
        "terms": ["Paiement à {n} jours net.", "Conditions : {n} jours"],
        "orig_ref": ["Avoir sur facture {ref} du {date}", "Réf. facture d'origine : {ref}"],
        "self_note": ["Autofacturation – facture établie par le client au nom et pour le compte du fournisseur.", "Facture émise par l'acquéreur (art. 289 I-2 du CGI)."],
        "self_pay": ["Le montant vous sera versé au plus tard le {due}.", "Le règlement sera effectué par virement."],
        "cn_pay": ["Cet avoir sera déduit de votre prochaine facture.", "Montant porté au crédit de votre compte."],
        "thanks": ["Merci de votre confiance.", "Nous vous remercions de votre commande."],
        "bank": ["Coordonnées bancaires", "RIB"],
        "salute": ["Madame, Monsieur,"],
        "intro": ["veuillez trouver ci-dessous le détail de nos livraisons :", "nous vous facturons :"],
        "intro_cn": ["nous portons à votre crédit :"],
        "intro_self": ["nous établissons pour votre compte la facture suivante :"],
        "regards": ["Salutations distinguées", "Cordialement"],
        "buyer": ["Facturé à", "Client"],
        "taxable_legend": [""],
    },
    "nl": {
        "title_inv": ["Factuur", "FACTUUR", "Factuur"],
        "title_cn": ["Creditnota", "Creditfactuur", "CREDITNOTA"],
        "title_self": ["Factuur (zelffacturering)", "Zelffacturering – factuur uitgereikt door afnemer"],
        "inv_no": ["Factuurnummer", "Factuurnr.", "Nummer"],
        "cn_no": ["Creditnotanr.", "Creditnummer"],
        "self_no": ["Documentnr.", "Factuurnr. (zelffacturering)"],
        "date": ["Datum", "Factuurdatum"],
        "due": ["Vervaldatum", "Uiterste betaaldatum", "Te betalen voor"],
        "po": ["Uw referentie", "Uw ordernummer", "Inkoopnummer", "Uw kenmerk"],
        "our_ref": ["Onze referentie", "Pakbon", "Orderbevestiging"],
        "cust_no": ["Klantnummer", "Debiteurnr.", "Klantnr."],
        "delivery": ["Leverdatum", "Afleverdatum"],
        "pos": ["Nr.", "Regel"], "code": ["Artikelnr.", "Art.nr.", "Code"],
        "desc": ["Omschrijving", "Artikel", "Product"],
        "qty": ["Aantal", "Aant."], "unit": ["Eenheid", "Eenh."],
        "price": ["Prijs", "Stukprijs", "Prijs per eenheid"], "amount": ["Bedrag", "Totaal", "Regeltotaal"],
        "rate_col": ["Btw", "Btw %", "Tarief"],
        "net_total": ["Subtotaal", "Totaal excl. btw", "Netto bedrag"],
        "tax_total": ["Totaal btw", "Btw totaal", "Btw-bedrag"],
        "gross_total": ["Totaal incl. btw", "Factuurbedrag", "Totaal"],
        "cn_total": ["Totaal creditnota", "Te crediteren"],
        "rate_line": ["Btw {rate}% over {base}", "{rate}% btw over {base}"],
        "sum_rate": ["Btw-tarief", "Tarief"], "sum_net": ["Grondslag", "Netto"],
        "sum_tax": ["Btw"], "sum_gross": ["Bruto"], "sum_row": ["Totaal"],
        "page": ["Pagina {p} van {n}", "Blad {p}/{n}", "{p}/{n}"],
        "cont_next": ["Vervolg op pagina {n}", "zie volgende pagina", ""],
        "cont_head": ["{title} {no} – pagina {p}", "Vervolg {title} {no}", "{no} (vervolg)"],
        "prev_balance": ["Openstaand saldo factuur {ref}", "Saldo vorige periode", "Nog te betalen van factuur {ref}"],
        "prepay": ["Reeds betaald op {date}", "Af: voorschot", "Af: voorschotfactuur {ref}"],
        "to_pay": ["Te betalen", "Totaal te voldoen", "Openstaand bedrag"],
        "supplier_lbl": ["Leverancier", "Leverancier (verkoper)"],
        "vat_id": ["Btw-nummer", "BTW-nr.", "Btw-id"],
        "cust_vat": ["Uw btw-nummer", "Btw-nr. afnemer"],
        "tax_no": ["KvK", "KvK-nummer"],
        "pay_by": ["Gelieve te betalen vóór {due}.", "Wij verzoeken u het bedrag vóór {due} over te maken."],
        "terms": ["Betaling binnen {n} dagen.", "Betalingstermijn: {n} dagen"],
        "orig_ref": ["Creditering van factuur {ref} d.d. {date}", "Betreft factuur {ref}"],
        "self_note": ["Factuur uitgereikt door de afnemer (zelffacturering).", "Zelffacturering: opgemaakt door de afnemer namens de leverancier."],
        "self_pay": ["Wij maken het bedrag vóór {due} aan u over.", "Het bedrag wordt op uw rekening gestort."],
        "cn_pay": ["Dit bedrag wordt verrekend met uw volgende factuur.", "Het bedrag wordt teruggestort."],
        "thanks": ["Bedankt voor uw bestelling.", "Dank voor uw opdracht."],
        "bank": ["Bankgegevens", "IBAN"],
        "salute": ["Geachte heer, mevrouw,"],
        "intro": ["hierbij brengen wij u in rekening:", "voor onze leveringen berekenen wij:"],
        "intro_cn": ["hierbij crediteren wij:"],
        "intro_self": ["voor de door u geleverde goederen rekenen wij als volgt af:"],
        "regards": ["Met vriendelijke groet"],
        "buyer": ["Factuuradres", "Klant"],
        "taxable_legend": [""],
    },
}  # fmt: skip
US_WORDS = {
    "title_inv": ["INVOICE", "Invoice", "SALES INVOICE"],
    "inv_no": ["Invoice #", "Invoice No.", "Invoice Number"],
    "date": ["Invoice Date", "Date"],
    "due": ["Due Date", "Payment Due"],
    "ship": ["Ship Date", "Date Shipped"],
    "po": ["P.O. Number", "Customer PO", "Order ref.", "Your reference", "PO #"],
    "cust_no": ["Customer ID", "Account #"],
    "code": ["Item #", "SKU", "Item"],
    "ein": ["EIN", "Federal Tax ID", "Tax ID (EIN)", "FEIN"],
    "sales_tax": ["Sales Tax ({rate}%)", "{state} Sales Tax {rate}%", "Tax @ {rate}%"],
}  # fmt: skip


# ----------------------------------------------------------------------------------------------
# Parties

SUPPLIERS: dict[str, list[str]] = {
    "UK": ["Harrowgate Catering Supplies Ltd", "Thames & Medway Linen Services Ltd", "Pennine Coffee Roasters Ltd", "Crown Glassware & Bar Equipment Ltd", "Whitby Fish Merchants Ltd"],
    "IE": ["Liffey Hospitality Supplies Ltd", "Connacht Dairies Ltd", "Atlantic Linen & Laundry Ltd", "Wicklow Bakery Supplies Ltd"],
    "NLen": ["Dutch Barista Supply B.V.", "Van Leeuwen Kitchen Equipment B.V.", "Hollandia Cleaning Solutions B.V."],
    "DE": ["Gastro-Technik Brenner GmbH", "Rösterei Kaffeewerk Aumann GmbH & Co. KG", "Wäscherei Hübner & Söhne GmbH", "Fleischerei-Bedarf Oberland eG", "Getränke Lindner GmbH & Co. KG", "Glas & Porzellan Reichert GmbH"],
    "AT": ["Alpen-Gastrobedarf Huber GmbH", "Kaffeerösterei Pichler & Co KG", "Wiener Textilpflege Steindl GmbH"],
    "CH": ["Gastro-Service Meier AG", "Rösterei Bergblick GmbH", "Wäscherei Seeland AG"],
    "FR": ["Brûlerie Delacroix SARL", "Équipements Culinaires Morel & Fils SAS", "Blanchisserie du Rhône SAS", "Vins & Spiritueux Garnier SARL", "Boulangerie Industrielle Lefèvre SA"],
    "BEfr": ["Torréfaction Dumont SPRL", "Hygiène Pro Wallonie SA", "Linge & Services Lambert SRL"],
    "LU": ["Luxembourg Gastro Fournitures SARL", "Brasserie Nationale Distribution SA"],
    "CHfr": ["Torréfaction du Léman SA", "Blanchisserie Romande Sàrl"],
    "NL": ["Koffiebranderij De Gouden Boon B.V.", "Horeca Groothandel Van Dijk B.V.", "Wasserij Het Zuiden B.V.", "Slagerij Bakker & Zn. B.V.", "Schoonmaakgroothandel Visser B.V."],
    "BEnl": ["Brouwerij Van Hecke NV", "Horeca Service Peeters BV", "Koffiehuis Janssens BV"],
    "US": ["Pacific Coast Restaurant Supply, Inc.", "Lone Star Linen Services LLC", "Great Lakes Coffee Roasters Co.", "Blue Ridge Produce Distributors, Inc.", "Hudson Valley Paper & Janitorial LLC"],
}  # fmt: skip
SMALL_SELLERS: dict[str, list[str]] = {
    "en": ["Hillside Farm Partnership", "J. & M. Carter (Growers)", "Ashdown Game Larder", "Moorland Eggs – R. Hughes"],
    "de": ["Hofgut Lindenau – Inh. Peter Brandl", "Gärtnerei Sonnenhang GbR", "Wildhandel Jäger Moosbauer", "Imkerei Blütenwiese Ruth Kessler"],
    "fr": ["Ferme des Trois Chênes EARL", "GAEC du Val Fleuri", "Maraîcher Pierre Rousseau", "Chèvrerie de la Combe"],
    "nl": ["Kwekerij De Zonnehoek V.O.F.", "Boerderij Het Hoogeland", "Imkerij De Linde", "Zuivelboerderij Kampen"],
}  # fmt: skip
BUYERS: dict[str, list[str]] = {
    "en": ["The Anchor Hotel Group Ltd", "Brasserie Nord Restaurants Ltd", "Greenwich Dining Co. Ltd"],
    "de": ["Hotel Zur Post Betriebs GmbH", "Ratskeller Gastronomie GmbH", "Gasthof Alte Mühle KG"],
    "fr": ["Hôtel du Parc SAS", "Restaurant Le Bistrot Gourmand SARL", "Groupe Brasseries de l'Est SA"],
    "nl": ["Hotel De Zeven Provinciën B.V.", "Restaurant De Waag B.V.", "Eetcafé Het Pleintje V.O.F."],
}  # fmt: skip
US_BUYERS = [
    "Riverside Grill & Tap LLC",
    "The Magnolia Hotel",
    "Harbor Street Bistro Inc.",
    "Sunset Diner Corp.",
]
STREETS = {
    "en": ["High Street", "Station Road", "Mill Lane", "Queen's Road", "Harbour Way"],
    "de": ["Hauptstraße", "Industriestraße", "Bahnhofstraße", "Am Gewerbepark", "Lindenweg"],
    "fr": ["rue de la République", "avenue Jean Jaurès", "rue des Artisans", "boulevard Victor Hugo"],
    "nl": ["Industrieweg", "Kerkstraat", "Havenkade", "Stationsplein", "Nijverheidsstraat"],
    "us": ["Commerce Street", "Industrial Parkway", "Main Street", "Lakeshore Drive"],
}  # fmt: skip
CITIES = {
    "UK": ["LS1 4DY Leeds", "ME4 4TE Chatham", "YO21 1DH Whitby"], "IE": ["Dublin 8 D08 T6X4", "Galway H91 E2K8"],
    "NLen": ["1012 AB Amsterdam", "3011 EN Rotterdam"], "DE": ["80331 München", "50667 Köln", "20095 Hamburg"],
    "AT": ["1010 Wien", "5020 Salzburg"], "CH": ["8001 Zürich", "3011 Bern"], "FR": ["69002 Lyon", "33000 Bordeaux", "67000 Strasbourg"],
    "BEfr": ["4000 Liège", "5000 Namur"], "LU": ["L-1724 Luxembourg", "L-4002 Esch-sur-Alzette"], "CHfr": ["1204 Genève", "1003 Lausanne"],
    "NL": ["3511 AB Utrecht", "5611 AA Eindhoven", "9711 LM Groningen"], "BEnl": ["9000 Gent", "2000 Antwerpen"],
    "US": ["Austin, TX 78701", "Oakland, CA 94607", "Chicago, IL 60607", "Seattle, WA 98104"],
}  # fmt: skip
US_STATES = {"TX": "Texas", "CA": "California", "IL": "Illinois", "WA": "Washington"}
US_TAX = {"TX": D("8.25"), "CA": D("9.25"), "IL": D("10.25"), "WA": D("10.1")}


PHONE = {
    "UK": 44,
    "IE": 353,
    "NL": 31,
    "DE": 49,
    "AT": 43,
    "CH": 41,
    "FR": 33,
    "BE": 32,
    "LU": 352,
    "US": 1,
}


@dataclass
class Party:
    """A supplier or a customer as it appears on paper."""

    name: str
    street: str
    city: str
    vat_print: str = ""
    vat_compact: str = ""
    other_id: str = ""  # national tax or company number, printed as a distraction
    iban: str = ""
    phone: str = ""
    email: str = ""


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def vat_id(rng: random.Random, country: str, lang: str) -> tuple[str, str]:
    """(as printed, compact truth) for the country's VAT id; the EIN for the US."""
    n = digits(rng, 9)
    if country == "US":
        ein = f"{rng.randint(10, 98)}-{digits(rng, 7)}"
        return ein, ein
    if country == "UK":
        return rng.choice([f"GB{n}", f"GB {n[:3]} {n[3:7]} {n[7:]}"]), f"GB{n}"
    if country == "IE":
        v = f"IE{n[:7]}{rng.choice('ABCDEFHKW')}"
        return v, v
    if country == "DE":
        return rng.choice([f"DE{n}", f"DE {n[:3]} {n[3:6]} {n[6:]}"]), f"DE{n}"
    if country == "AT":
        return f"ATU{n[:8]}", f"ATU{n[:8]}"
    if country == "CH":
        word = "TVA" if lang == "fr" else "MWST"
        return f"CHE-{n[:3]}.{n[3:6]}.{n[6:]} {word}", f"CHE{n}{word}"
    if country == "FR":
        key = (12 + 3 * (int(n) % 97)) % 97
        return rng.choice(
            [f"FR{key:02d}{n}", f"FR {key:02d} {n[:3]} {n[3:6]} {n[6:]}"]
        ), f"FR{key:02d}{n}"
    if country == "BE":
        base = "0" + n[:7]
        num = f"{base}{97 - int(base) % 97:02d}"
        return rng.choice([f"BE{num}", f"BE {num[:4]}.{num[4:7]}.{num[7:]}"]), f"BE{num}"
    if country == "LU":
        return f"LU{n[:8]}", f"LU{n[:8]}"
    v = f"NL{n}B{rng.choice(['01', '02'])}"
    return v, v


def other_id(rng: random.Random, country: str) -> str:
    """A second number near the VAT id: German tax number, SIRET, KvK, company number."""
    return {
        "DE": f"{rng.randint(100, 299)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}",
        "FR": f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 5)}",
        "NL": digits(rng, 8),
        "UK": f"{rng.randint(1000000, 9999999):08d}",
    }.get(country, "")


def iban(rng: random.Random, country: str) -> str:
    """Grouped by four; only looks like the country's IBAN."""
    length = {
        "UK": 22,
        "IE": 22,
        "DE": 22,
        "AT": 20,
        "CH": 21,
        "FR": 27,
        "BE": 16,
        "NL": 18,
        "LU": 20,
    }[country]
    raw = {"UK": "GB"}.get(country, country) + digits(rng, length - 2)
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def make_party(rng: random.Random, name: str, ckey: str, lang: str) -> Party:
    """A party of country ``ckey`` with address, ids and bank account."""
    c = COUNTRIES[ckey]
    if c.key == "US":
        street = f"{rng.randint(100, 9999)} {rng.choice(STREETS['us'])}"
    elif lang in ("en", "fr"):
        street = f"{rng.randint(1, 120)} {rng.choice(STREETS[lang])}"
    else:
        street = f"{rng.choice(STREETS[lang])} {rng.randint(1, 120)}"
    printed, compact = vat_id(rng, c.key, lang)
    slug = re.sub(r"[^a-z]", "", name.lower().split()[0])[:10] or "info"
    return Party(
        name=name,
        street=street,
        city=rng.choice(CITIES[ckey]),
        vat_print=printed,
        vat_compact=compact,
        other_id=other_id(rng, c.key),
        iban="" if c.key == "US" else iban(rng, c.key),
        phone=f"+{PHONE[c.key]} {rng.randint(10, 99)} {digits(rng, 3)} {digits(rng, 4)}"
        if c.key != "US"
        else f"({rng.randint(200, 989)}) {rng.randint(200, 999)}-{digits(rng, 4)}",
        email=f"{rng.choice(['accounts', 'billing', 'info'])}@{slug}.{'com' if c.key == 'US' else c.key.lower()}",
    )


# ----------------------------------------------------------------------------------------------
# Goods: description, unit, price range, goods class (r/m/s, see Country.rates)

CATALOG: dict[str, list[tuple[str, str, float, float, str]]] = {
    "de": [
        ("Espressobohnen Crema 1 kg", "Btl", 14, 24, "r"), ("Filterkaffee Hausmischung 500 g", "Btl", 6, 11, "r"),
        ("Vollmilch 3,5 % 1 l", "Pck", 0.9, 1.6, "r"), ("Hafer-Drink Barista 1 l", "Pck", 1.8, 2.9, "s"),
        ("Rohrzucker-Sticks 4 g", "Karton", 18, 32, "r"), ("Zitronen unbehandelt", "kg", 2.2, 4.1, "r"),
        ("Geschirrtücher Halbleinen", "Stk", 2.5, 5.5, "s"), ("Tischdecke 130x170 weiß, Miete", "Stk", 1.1, 2.4, "m"),
        ("Klarspüler Profi 10 l", "Kan", 24, 46, "s"), ("Entkalker flüssig 1 l", "Fl", 7, 13, "s"),
        ("Servietten Tissue 40x40 bordeaux", "Pck", 4, 9, "s"), ("Croissant Butter TK 70 g", "Krt", 22, 38, "r"),
        ("Wartung Siebträgermaschine", "Std", 65, 95, "s"), ("Sahne 30 % 1 l", "Pck", 3.1, 4.9, "r"),
    ],
    "en": [
        ("Espresso beans Crema 1kg", "bag", 13, 23, "r"), ("Filter coffee house blend 500g", "bag", 6, 11, "r"),
        ("Whole milk 2L", "each", 1.4, 2.2, "r"), ("Oat drink barista 1L", "each", 1.8, 2.9, "s"),
        ("Demerara sugar sticks", "box", 16, 29, "r"), ("Unwaxed lemons", "kg", 2.2, 4.1, "r"),
        ("Tea towels, cotton", "each", 2.0, 4.5, "s"), ("Tablecloth 130x170 white, hire", "each", 1.1, 2.4, "m"),
        ("Rinse aid 10L", "drum", 22, 42, "s"), ("Descaler 1L", "btl", 7, 13, "s"),
        ("Napkins 40cm burgundy", "pack", 4, 9, "s"), ("Butter croissant, frozen 70g", "case", 22, 38, "r"),
        ("Espresso machine service", "hour", 55, 85, "s"), ("Double cream 1L", "each", 3.1, 4.9, "r"),
    ],
    "fr": [
        ("Café en grains Crema 1 kg", "sac", 14, 24, "r"), ("Café moulu maison 500 g", "sac", 6, 11, "r"),
        ("Lait entier 1 L", "brique", 0.9, 1.6, "r"), ("Boisson avoine barista 1 L", "brique", 1.8, 2.9, "s"),
        ("Sucre de canne bûchettes", "carton", 18, 32, "r"), ("Citrons non traités", "kg", 2.2, 4.1, "r"),
        ("Torchons coton", "pce", 2.5, 5.5, "s"), ("Nappe 130x170 blanche, location", "pce", 1.1, 2.4, "m"),
        ("Produit de rinçage 10 L", "bidon", 24, 46, "s"), ("Détartrant 1 L", "flacon", 7, 13, "s"),
        ("Serviettes ouate 40x40 bordeaux", "paquet", 4, 9, "s"), ("Croissant pur beurre surgelé 70 g", "carton", 22, 38, "r"),
        ("Entretien machine expresso", "h", 60, 90, "s"), ("Crème liquide 30 % 1 L", "brique", 3.1, 4.9, "r"),
    ],
    "nl": [
        ("Espressobonen Crema 1 kg", "zak", 14, 24, "r"), ("Filterkoffie huismelange 500 g", "zak", 6, 11, "r"),
        ("Volle melk 1 l", "pak", 0.9, 1.6, "r"), ("Haverdrank barista 1 l", "pak", 1.8, 2.9, "r"),
        ("Rietsuikersticks", "doos", 18, 32, "r"), ("Citroenen onbespoten", "kg", 2.2, 4.1, "r"),
        ("Theedoeken katoen", "st", 2.5, 5.5, "s"), ("Tafelkleed 130x170 wit, huur", "st", 1.1, 2.4, "s"),
        ("Naglansmiddel 10 l", "can", 24, 46, "s"), ("Ontkalker 1 l", "fles", 7, 13, "s"),
        ("Servetten tissue 40x40 bordeaux", "pak", 4, 9, "s"), ("Roomboter croissant diepvries", "doos", 22, 38, "r"),
        ("Onderhoud espressomachine", "uur", 60, 90, "s"), ("Slagroom 35% 1 l", "pak", 3.1, 4.9, "r"),
    ],
}  # fmt: skip
FARM_GOODS: dict[str, list[tuple[str, str, float, float, str]]] = {
    "de": [("Kartoffeln Linda", "kg", 0.6, 1.2, "r"), ("Rehrücken ohne Knochen", "kg", 28, 42, "r"), ("Blütenhonig 500 g", "Glas", 4.5, 7.5, "r"), ("Freilandeier", "Stk", 0.28, 0.45, "r"), ("Spargel weiß Kl. I", "kg", 7, 13, "r"), ("Kürbis Hokkaido", "kg", 1.4, 2.6, "r")],
    "en": [("Potatoes, Maris Piper", "kg", 0.6, 1.2, "r"), ("Venison haunch, boned", "kg", 18, 32, "r"), ("Wildflower honey 340g", "jar", 4.5, 7.5, "r"), ("Free range eggs", "each", 0.25, 0.4, "r"), ("Asparagus, English", "kg", 8, 14, "r"), ("Squash, butternut", "kg", 1.4, 2.6, "r")],
    "fr": [("Pommes de terre Charlotte", "kg", 0.7, 1.4, "r"), ("Fromage de chèvre frais", "pce", 2.5, 4.5, "r"), ("Miel de lavande 500 g", "pot", 6, 10, "r"), ("Œufs plein air", "pce", 0.28, 0.45, "r"), ("Asperges vertes", "kg", 8, 14, "r"), ("Potimarron", "kg", 1.4, 2.6, "r")],
    "nl": [("Aardappelen Nicola", "kg", 0.6, 1.2, "r"), ("Boerenkaas belegen", "kg", 11, 17, "r"), ("Bloemenhoning 450 g", "pot", 4.5, 7.5, "r"), ("Scharreleieren", "st", 0.25, 0.4, "r"), ("Witte asperges", "kg", 7, 13, "r"), ("Pompoen", "kg", 1.4, 2.6, "r")],
}  # fmt: skip
US_GOODS: list[tuple[str, str, float, float, bool]] = [
    ("Espresso beans, 5 lb bag", "bag", 38, 62, False), ("Paper cups 12 oz, case of 1000", "case", 55, 89, True),
    ("Nitrile gloves L, box of 100", "box", 9, 16, True), ("Degreaser concentrate 1 gal", "gal", 14, 26, True),
    ("Napkins 2-ply white, case", "case", 28, 45, True), ("Organic whole milk 1 gal", "gal", 4.5, 7.5, False),
    ("Chef coat rental, weekly", "each", 3.5, 6.5, True), ("Ice machine descaling service", "hr", 85, 135, True),
    ("Cane sugar packets, case", "case", 21, 35, False), ("Takeout containers 32 oz", "case", 42, 68, True),
]  # fmt: skip


@dataclass
class Item:
    """One line as printed; the truth is taken from the same values."""

    desc: str
    qty: Decimal
    unit: str
    price: Decimal
    total: Decimal
    rate: Decimal | None = None
    code: str = ""
    price_places: int = 2
    detail: str = ""  # a second line (lot, delivery note): not part of the description
    taxable: bool = True


def draw_qty(rng: random.Random, unit: str, price: Decimal) -> Decimal:
    """Weighed goods get decimals, cheap pieces come by the dozen, the rest by a few."""
    if unit in ("kg",):
        return D(str(round(rng.uniform(0.4, 30), rng.choice([1, 2, 3])))).normalize() or D(1)
    if unit in ("Std", "hour", "h", "uur", "hr"):
        return D(rng.choice(["0.5", "1", "1.5", "2", "2.5", "3", "4"]))
    if price < 1:
        return D(rng.choice([24, 30, 60, 90, 120, 180, 360]))
    return D(rng.randint(1, 36))


QUALIFIERS = {
    "de": ["Aktionsware", "Bio", "Großgebinde", "Nachlieferung", "Muster"],
    "en": ["promotion", "organic", "bulk pack", "back order", "sample"],
    "fr": ["promotion", "bio", "grand conditionnement", "reliquat", "échantillon"],
    "nl": ["actie", "biologisch", "grootverpakking", "nalevering", "monster"],
}


def make_items(
    rng: random.Random,
    pool: list[tuple[str, str, float, float, str]],
    rates: dict[str, Decimal],
    n: int,
    fine_prices: bool,
    lang: str,
) -> list[Item]:
    """n lines with consistent totals; ``fine_prices`` gives some prices 3 or 4 decimals."""
    pool = pool[:]
    rng.shuffle(pool)
    out = []
    for i in range(n):
        desc, unit, lo, hi, cls = pool[i % len(pool)]
        if i >= len(pool):
            desc = f"{desc}, {QUALIFIERS[lang][(i // len(pool) - 1) % len(QUALIFIERS[lang])]}"
        places = rng.choice([3, 4]) if fine_prices and rng.random() < 0.4 else 2
        price = D(str(round(rng.uniform(lo, hi), places)))
        qty = draw_qty(rng, unit, price)
        if qty == qty.to_integral_value():
            qty = qty.quantize(D(1))
        out.append(Item(desc, qty, unit, price, r2(qty * price), rates[cls], price_places=places))
    return out


# ----------------------------------------------------------------------------------------------
# Drawing: families record text on a Sheet (mm, origin top left, y = baseline), a producer
# replays it. Recording first lets footers say "page 2 of 3" once the count is known.

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
CORE = {"Helvetica", "Helvetica-Bold", "Times-Roman", "Times-Bold", "Courier", "Courier-Bold"}
TTF = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSerif": "DejaVuSerif.ttf",
    "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf",
    "DejaVuSansCondensed": "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold": "DejaVuSansCondensed-Bold.ttf",
    "DejaVuSansMono": "DejaVuSansMono.ttf",
    "DejaVuSansMono-Bold": "DejaVuSansMono-Bold.ttf",
}
HAVE_TTF = all((DEJAVU / f).exists() for f in TTF.values())
FAMILIES_OF_TYPE = {
    "sans": [("Helvetica", "Helvetica-Bold"), ("DejaVuSans", "DejaVuSans-Bold"), ("DejaVuSansCondensed", "DejaVuSansCondensed-Bold")],
    "serif": [("Times-Roman", "Times-Bold"), ("DejaVuSerif", "DejaVuSerif-Bold")],
    "mono": [("Courier", "Courier-Bold"), ("DejaVuSansMono", "DejaVuSansMono-Bold")],
}  # fmt: skip


def _register_ttf() -> None:
    """reportlab measures with the same font files both producers embed."""
    if not HAVE_TTF:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in TTF.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(DEJAVU / file)))


def text_width(s: str, font: str, size: float, cs: float = 0.0) -> float:
    """Width in mm, character spacing (points) included."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return (stringWidth(s, font, size) + cs * len(s)) * PT


def pick_font(rng: random.Random, kind: str) -> tuple[str, str]:
    """(regular, bold) of one type; base-14 only when DejaVu is missing."""
    options = [f for f in FAMILIES_OF_TYPE[kind] if HAVE_TTF or f[0] in CORE]
    return rng.choice(options)


Op = tuple[Any, ...]


class Sheet:
    """Pages of recorded text and rules; ``{p}``/``{n}`` in text become page and page count."""

    def __init__(self) -> None:
        self.pages: list[list[Op]] = [[]]

    def new_page(self) -> None:
        self.pages.append([])

    def text(
        self, x: float, y: float, s: str, font: str, size: float, al: str = "l", cs: float = 0.0
    ) -> None:
        """al: l(eft), r(ight end at x), c(entre), or a decimal mark: that character sits at x."""
        if s:
            self.pages[-1].append(("text", x, y, s, font, size, al, cs))

    def line(self, x1: float, y1: float, x2: float, y2: float, w: float = 0.4) -> None:
        self.pages[-1].append(("line", x1, y1, x2, y2, w))

    def on_every_page(self, draw: Callable[[Sheet, int, int], None]) -> None:
        """Run draw(sheet, page, pages) on each page once all pages exist (headers, footers)."""
        keep = self.pages
        for no, ops in enumerate(keep, 1):
            self.pages = [ops]
            draw(self, no, len(keep))
        self.pages = keep


def start_x(op: Op) -> float:
    """Where a text op starts, from its alignment."""
    _, x, _, s, font, size, al, cs = op
    if al == "l":
        return x
    if al == "r":
        return x - text_width(s, font, size, cs)
    if al == "c":
        return x - text_width(s, font, size, cs) / 2
    head = s.rsplit(al, 1)[0] if al in s else s  # decimal tab: no mark means the number ends there
    return x - text_width(head, font, size, cs)


def render_reportlab(sheet: Sheet, path: Path, title: str) -> None:
    """reportlab canvas, one drawString per text op (base-14 or embedded DejaVu subsets)."""
    from reportlab.pdfgen import canvas

    mm = 1 / PT
    c = canvas.Canvas(str(path), pagesize=(A4_W * mm, A4_H * mm), invariant=1, pageCompression=1)
    c.setTitle(title)
    pages = len(sheet.pages)
    for no, ops in enumerate(sheet.pages, 1):
        for op in ops:
            if op[0] == "text":
                s = op[3].replace("{p}", str(no)).replace("{n}", str(pages))
                op = (*op[:3], s, *op[4:])
                c.setFont(op[4], op[5])
                c.drawString(start_x(op) * mm, (A4_H - op[2]) * mm, s, charSpace=op[7])
            else:
                _, x1, y1, x2, y2, w = op
                c.setLineWidth(w)
                c.line(x1 * mm, (A4_H - y1) * mm, x2 * mm, (A4_H - y2) * mm)
        c.showPage()
    c.save()


def render_fpdf(sheet: Sheet, path: Path, title: str) -> None:
    """fpdf2: DejaVu embedded as subsets, base-14 in cp1252; positions as the canvas has them."""
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format="A4")
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(datetime(2026, 1, 1, tzinfo=UTC))
    pdf.set_title(title)
    added: set[str] = set()
    pages = len(sheet.pages)

    def use(font: str, size: float) -> None:
        if font in CORE:
            family = {"Helvetica": "helvetica", "Times": "times", "Courier": "courier"}[
                font.split("-")[0]
            ]
            pdf.set_font(family, "B" if font.endswith("Bold") else "", size)
            return
        if font not in added:
            pdf.add_font(font, "", str(DEJAVU / TTF[font]))
            added.add(font)
        pdf.set_font(font, "", size)

    for no, ops in enumerate(sheet.pages, 1):
        pdf.add_page()
        for op in ops:
            if op[0] == "text":
                s = op[3].replace("{p}", str(no)).replace("{n}", str(pages))
                op = (*op[:3], s, *op[4:])
                use(op[4], op[5])
                pdf.set_char_spacing(op[7])
                pdf.text(start_x(op), op[2], s)
            else:
                _, x1, y1, x2, y2, w = op
                pdf.set_line_width(w * PT)
                pdf.line(x1, y1, x2, y2)
    pdf.output(str(path))


PRODUCERS: dict[str, Callable[[Sheet, Path, str], None]] = {
    "reportlab": render_reportlab,
    "fpdf2": render_fpdf,
}


# ----------------------------------------------------------------------------------------------
# The document: facts decided before drawing, the truth taken from them


@dataclass
class Inv:
    """One document's facts and print style; ``shown`` maps each truth value to its printed form."""

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
    items: list[Item]
    words: dict[str, str]
    num_style: str
    date_style: str
    sign: str
    sign_before: bool
    nbsp: bool
    body: tuple[str, str]
    head: tuple[str, str]
    po: list[str] = field(default_factory=list)
    credit: bool = False
    selfbill: bool = False
    minus: bool = False  # credit note printed with negative amounts
    item_fields: tuple[str, ...] = ()
    due_printed: bool = False
    shown: dict[str, str] = field(default_factory=dict)
    style: dict[str, Any] = field(default_factory=dict)
    by_rate: dict[Decimal, tuple[Decimal, Decimal]] = field(default_factory=dict)
    net: Decimal = D(0)
    tax: Decimal = D(0)
    gross: Decimal = D(0)

    @property
    def c(self) -> Country:
        return COUNTRIES[self.ckey]

    def w(self, key: str, **kw: Any) -> str:
        """The document's word for key; labels of several words may be tied by no-break spaces."""
        text = self.words[key].format(**kw) if kw else self.words[key]
        return text.replace(" ", NBSP) if self.nbsp and not kw and len(text) < 30 else text

    def n(self, value: Decimal, places: int = 2) -> str:
        return fmt_num(value, self.num_style, places)

    def signed(self, value: Decimal) -> Decimal:
        """Amounts of a credit note printed with a minus when the document does so."""
        return -value if self.minus else value

    def money(self, value: Decimal) -> str:
        num = self.n(value)
        if self.sign in ("£", "$"):
            return f"-{self.sign}{num[1:]}" if num.startswith("-") else f"{self.sign}{num}"
        return f"{self.sign} {num}" if self.sign_before else f"{num} {self.sign}"

    def d(self, when: date) -> str:
        return fmt_date(when, self.date_style, self.lang, us=self.c.key == "US")

    def show(self, key: str, printed: str) -> str:
        """Remember how a truth value is printed (for --check) and return it."""
        self.shown[key] = printed
        return printed

    def compute(self, sales_tax: Decimal | None = None) -> None:
        """Net per rate, VAT rounded once per rate; sales tax on the taxable lines only."""
        if sales_tax is not None:
            taxable = sum((it.total for it in self.items if it.taxable), D(0))
            self.net = sum((it.total for it in self.items), D(0))
            self.by_rate = {sales_tax: (taxable, r2(taxable * sales_tax / 100))}
            self.tax = self.by_rate[sales_tax][1]
        else:
            groups: dict[Decimal, Decimal] = {}
            for it in self.items:
                rate = it.rate if it.rate is not None else D(0)
                groups[rate] = groups.get(rate, D(0)) + it.total
            self.by_rate = {r: (b, r2(b * r / 100)) for r, b in sorted(groups.items())}
            self.net = sum((b for b, _ in self.by_rate.values()), D(0))
            self.tax = sum((t for _, t in self.by_rate.values()), D(0))
        self.gross = self.net + self.tax


def rate_text(rate: Decimal, inv: Inv) -> str:
    """19 -> "19", 5.5 -> "5,5" (decimal mark of the document)."""
    return inv.n(rate, places_of(rate))


def item_truth(it: Item, fields: tuple[str, ...]) -> dict[str, str]:
    """The item as printed; amounts positive whatever sign the page shows."""
    out: dict[str, str] = {"description": it.desc}
    values = {
        "product_code": it.code or None,
        "quantity": f"{it.qty:f}",
        "unit": it.unit or None,
        "unit_price": f"{it.price:.{it.price_places}f}",
        "total": f"{it.total:.2f}",
        "tax_rate": f"{it.rate.normalize():f}" if it.rate is not None else None,
    }
    for name in fields:
        if values.get(name) is not None:
            out[name] = values[name]  # type: ignore[assignment]
    return out


def truth(inv: Inv) -> dict[str, Any]:
    """Truth in accuracy.py's field names: only what the page prints."""
    t: dict[str, Any] = {
        "document_type": "credit_note" if inv.credit else "invoice",
        "invoice_number": inv.number,
        "invoice_date": inv.issued.isoformat(),
    }
    not_visible = []
    if inv.due and inv.due_printed:
        t["due_date"] = inv.due.isoformat()
    else:
        not_visible.append("due_date")
    t["currency"] = inv.c.currency
    t["total_excl_tax"] = f"{inv.net:.2f}"
    t["tax_amount"] = f"{inv.tax:.2f}"
    t["total_incl_tax"] = f"{inv.gross:.2f}"
    t["supplier_name"] = " ".join(inv.supplier.name.split())
    t["supplier_tax_id"] = inv.supplier.vat_compact
    if inv.po:
        t["po_references"] = list(inv.po)
    else:
        not_visible.append("po_references")
    t["line_items"] = [item_truth(it, inv.item_fields) for it in inv.items]
    t["_not_visible"] = not_visible
    t["_source"] = f"bench/foreign_invoices.py seed {inv.seed}"
    t["_style"] = inv.style
    t["_printed"] = inv.shown
    return t


# ----------------------------------------------------------------------------------------------
# Shared drawing pieces


@dataclass
class Col:
    """A table column: heading drawn left at ``hx``; values left, right or decimal-aligned."""

    key: str  # truth field of the item ("" when not part of the truth)
    head: str
    get: Callable[[Item, int], str]
    align: str  # "l", "r" or the decimal mark
    hx: float = 0.0
    vx: float = 0.0
    width: float = 0.0


def layout_cols(
    cols: list[Col],
    items: list[Item],
    font: str,
    size: float,
    x0: float,
    gap: float,
    head_right: bool = False,
) -> float:
    """Place columns one after the other, each as wide as its widest cell; returns the right edge.

    Headings stay left on their stop (``head_right`` puts them over the right edge instead),
    which is how word processors and ERP prints lay out tab stops.
    """
    x = x0
    for col in cols:
        cells = [col.get(it, i) for i, it in enumerate(items)]
        if col.align in ("l", "r"):
            col.width = max(
                [text_width(c, font, size) for c in cells] + [text_width(col.head, font, size)]
            )
            col.hx, col.vx = x, x if col.align == "l" else x + col.width
        else:
            heads = [c.rsplit(col.align, 1)[0] if col.align in c else c for c in cells]
            tails = [c[len(h) :] for c, h in zip(cells, heads, strict=True)]
            hw = max(text_width(h, font, size) for h in heads)
            tw = max(text_width(t, font, size) for t in tails)
            col.width = max(hw + tw, text_width(col.head, font, size))
            col.hx, col.vx = x, x + col.width - tw
        if head_right and col.align != "l":
            col.hx = x + col.width
        x += col.width + gap
    return x - gap


def draw_head(
    sh: Sheet, cols: list[Col], y: float, font: str, size: float, head_right: bool = False
) -> None:
    for col in cols:
        right = head_right and col.align != "l"
        sh.text(col.hx, y, col.head, font, size, "r" if right else "l")


def draw_rows(
    inv: Inv,
    sh: Sheet,
    cols: list[Col],
    y: float,
    pitch: float,
    size: float,
    bottom: float,
    new_page: Callable[[], float],
) -> float:
    """Item rows; a full page continues on the next one WITHOUT repeating the heading row."""
    font = inv.body[0]
    for i, it in enumerate(inv.items):
        need = pitch * (2 if it.detail else 1)
        if y + need > bottom:
            y = new_page()
        for col in cols:
            s = col.get(it, i)
            if col.key:
                inv.show(f"item{i + 1}.{col.key}", s)
            sh.text(col.vx, y, s, font, size, col.align)
        if it.detail:
            desc = next(c for c in cols if c.key == "description")
            sh.text(desc.vx + 2, y + pitch * 0.9, it.detail, font, size - 1.5)
        y += need
    return y


def justify(name: str, width: float, font: str, size: float) -> str:
    """Spread a name over ``width`` by runs of spaces between its words (word-processor justify)."""
    words = name.split()
    if len(words) < 2:
        return name
    gaps = len(words) - 1
    extra = (width - text_width(name, font, size)) / text_width(" ", font, size)
    k = max(1, min(6, int(extra / gaps)))
    return (" " * (k + 1)).join(words)


def letterhead_name(
    inv: Inv, sh: Sheet, name: str, x: float, y: float, size: float, al: str, rng: random.Random
) -> None:
    """The supplier's name: plain, justified with runs of spaces, or letter-spaced."""
    font = inv.head[1]
    mode = rng.choice(["plain", "justified", "justified", "spaced"])
    inv.style["name_mode"] = mode
    if mode == "justified":
        sh.text(x, y, justify(name, 120, font, size), font, size, al)
    elif mode == "spaced":
        sh.text(x, y, name, font, size, al, cs=rng.choice([0.8, 1.2, 1.6]))
    else:
        sh.text(x, y, name, font, size, al)


def totals_rows(
    inv: Inv,
    sh: Sheet,
    rows: list[tuple[str, str, bool]],
    lx: float,
    rx: float,
    y: float,
    pitch: float,
    size: float,
    leaders: bool,
) -> float:
    """Label left at lx, amount ending at rx; dot leaders between when the style has them."""
    bold_font = inv.body[1]
    need = (
        max(text_width(lb, bold_font, size) for lb, _, _ in rows)
        + max(text_width(v, bold_font, size) for _, v, _ in rows)
        + 5
    )
    lx = min(lx, rx - need)
    for label, value, bold in rows:
        font = inv.body[1] if bold else inv.body[0]
        sh.text(lx, y, label, font, size)
        if leaders:
            start = lx + text_width(label, font, size) + 1.5
            end = rx - text_width(value, font, size) - 1.5
            dots = int((end - start) / text_width(".", font, size))
            if dots > 2:
                sh.text(start, y, "." * dots, font, size)
        sh.text(rx, y, value, font, size, "r")
        y += pitch
    return y


def vat_lines(inv: Inv) -> list[tuple[str, str, bool]]:
    """One line per rate ("VAT 7% on 123.45 ... 8.64"), then the summary's tax total if several."""
    rows = []
    for rate, (base, tax) in inv.by_rate.items():
        label = inv.w("rate_line", rate=rate_text(rate, inv), base=inv.n(inv.signed(base)))
        rows.append((label, inv.n(inv.signed(tax)), False))
    if len(rows) > 1:
        rows.append((inv.w("tax_total"), inv.show("tax_amount", inv.n(inv.signed(inv.tax))), False))
    else:
        inv.show("tax_amount", rows[0][1])
    return rows


def vat_table(inv: Inv, sh: Sheet, x: float, y: float, size: float, dec: bool) -> float:
    """A VAT summary table: rate, net, tax, gross per rate and a sum row; returns y below."""
    font, bold = inv.body
    heads = [inv.w("sum_rate"), inv.w("sum_net"), inv.w("sum_tax"), inv.w("sum_gross")]
    rows = [
        [
            f"{rate_text(r, inv)} %",
            inv.n(inv.signed(b)),
            inv.n(inv.signed(t)),
            inv.n(inv.signed(b + t)),
        ]
        for r, (b, t) in inv.by_rate.items()
    ]
    total = [
        inv.w("sum_row"),
        inv.n(inv.signed(inv.net)),
        inv.n(inv.signed(inv.tax)),
        inv.n(inv.signed(inv.gross)),
    ]
    inv.show("tax_amount", total[2])
    widths = [max(text_width(r[i], bold, size) for r in [*rows, total, heads]) for i in range(4)]
    xs = [x]
    for w in widths[:-1]:
        xs.append(xs[-1] + w + 4)
    for i, h in enumerate(heads):
        sh.text(xs[i] if i == 0 else xs[i] + widths[i], y, h, bold, size, "l" if i == 0 else "r")
    y += size * 0.45
    for row in [*rows, total]:
        f = bold if row is total else font
        for i, cell in enumerate(row):
            anchor = xs[i] if i == 0 else xs[i] + widths[i]
            sh.text(anchor, y, cell, f, size, "l" if i == 0 else "r")
        y += size * 0.45
    return y + 2


def footer(inv: Inv, sh: Sheet, party: Party, y: float = 283) -> None:
    """Legal footer on every page: name, address, VAT id (+ a second number), bank, page x of n."""
    font, size = inv.body[0], 6.5
    vat_label = inv.w("vat_id") if inv.c.key != "US" else US_WORDS["ein"][0]
    parts = [party.name, party.street, party.city]
    ids = f"{vat_label}: {party.vat_print}"
    if party.other_id and inv.lang != "en" or (party.other_id and inv.c.key == "UK"):
        ids += f"   {inv.w('tax_no')}: {party.other_id}"
    bank = f"{inv.w('bank')}: IBAN {party.iban}" if party.iban else party.phone

    def draw(s: Sheet, page: int, pages: int) -> None:
        s.text(15, y, "  ·  ".join(parts), font, size)
        s.text(15, y + 3, ids, font, size)
        s.text(15, y + 6, bank, font, size)
        s.text(195, y + 6, inv.w("page", p="{p}", n="{n}"), font, size, "r")

    sh.on_every_page(draw)
    if party is inv.supplier:
        inv.show("supplier_tax_id", party.vat_print)


def meta_block(
    inv: Inv,
    sh: Sheet,
    rows: list[tuple[str, str]],
    x: float,
    y: float,
    size: float,
    mode: str,
    pitch: float,
) -> float:
    """Label/value pairs: on a tab stop, after a colon in bold, or the value at the right margin."""
    font, bold = inv.body
    lw = max(text_width(label, font, size) for label, _ in rows)
    for label, value in rows:
        if mode == "tab":
            sh.text(x, y, label, font, size)
            sh.text(x + lw + 3, y, value, font, size)
        elif mode == "colon":
            sh.text(x, y, f"{label}:", font, size)
            sh.text(x + lw + 4, y, value, bold, size)
        else:
            sh.text(x, y, label, font, size)
            sh.text(195, y, value, font, size, "r")
        y += pitch
    return y


def po_value(inv: Inv) -> str:
    """The order number(s) as printed: one, or two separated by a comma or a slash."""
    for i, po in enumerate(inv.po, 1):
        inv.show(f"po{i}", po)
    return inv.style.setdefault("po_sep", ", ").join(inv.po)


def qty_text(inv: Inv, it: Item) -> str:
    return inv.n(it.qty, places_of(it.qty))


def pay_text(inv: Inv, rng: random.Random) -> str:
    """The sentence under the totals: pay by a date (which is then the printed due date), or terms."""
    if inv.credit:
        return inv.w("cn_pay")
    if inv.due and not inv.due_printed and rng.random() < 0.6:
        inv.due_printed = True
        return inv.w("pay_by", due=inv.show("due_date", inv.d(inv.due)))
    if inv.due and not inv.due_printed:
        return inv.w("terms", n=(inv.due - inv.issued).days)
    return inv.w("thanks")


def continuation(
    inv: Inv, sh: Sheet, title: str, top: float, bottom_note: bool
) -> Callable[[], float]:
    """Page break for the item list: a note at the foot, a running head on the next page."""

    def new_page() -> float:
        font = inv.body[0]
        nxt = len(sh.pages) + 1
        if bottom_note and inv.words["cont_next"]:
            sh.text(195, 272, inv.w("cont_next", n=nxt), font, 7.5, "r")
        sh.new_page()
        sh.text(15, 18, inv.w("cont_head", title=title, no=inv.number, p=nxt), font, 8)
        sh.text(195, 18, inv.supplier.name if not inv.selfbill else inv.customer.name, font, 8, "r")
        return top

    return new_page


# ----------------------------------------------------------------------------------------------
# Family 1: word-processor letter with tab-stop table


def tabstop_cols(inv: Inv, rng: random.Random) -> list[Col]:
    """Headings left on their stops, numbers right-aligned under them; which columns varies."""
    cols = []
    if rng.random() < 0.5:
        cols.append(Col("", inv.w("pos"), lambda it, i: str(i + 1), "r"))
    cols.append(Col("description", inv.w("desc"), lambda it, i: it.desc, "l"))
    if rng.random() < 0.35:
        cols.append(
            Col("quantity", inv.w("qty"), lambda it, i: f"{qty_text(inv, it)} {it.unit}", "r")
        )
    else:
        cols.append(Col("quantity", inv.w("qty"), lambda it, i: qty_text(inv, it), "r"))
        cols.append(Col("unit", inv.w("unit"), lambda it, i: it.unit, "l"))
    cols.append(
        Col("unit_price", inv.w("price"), lambda it, i: inv.n(it.price, it.price_places), "r")
    )
    if rng.random() < 0.5:
        cols.append(
            Col(
                "tax_rate",
                inv.w("rate_col"),
                lambda it, i: f"{rate_text(it.rate or D(0), inv)} %",
                "r",
            )
        )
    cols.append(Col("total", inv.w("amount"), lambda it, i: inv.n(inv.signed(it.total)), "r"))
    return cols


def fam_tabstop(rng: random.Random, inv: Inv) -> Sheet:
    sh = Sheet()
    font, bold = inv.body
    size = rng.choice([8.5, 9, 9.5])
    al = rng.choice(["l", "c"])
    x = 15 if al == "l" else 105
    s = inv.supplier
    letterhead_name(inv, sh, s.name, x, 20, rng.choice([14, 16, 18]), al, rng)
    inv.show("supplier_name", s.name)
    sh.text(x, 26, f"{s.street} · {s.city} · {s.phone} · {s.email}", font, 7, al)
    sh.text(15, 44, f"{s.name} · {s.street} · {s.city}", font, 5.5)
    y = 50
    for line in (inv.customer.name, inv.customer.street, inv.customer.city):
        sh.text(15, y, line, font, size)
        y += 4.5
    title = inv.w("title_cn") if inv.credit else inv.w("title_inv")
    meta = [
        (inv.w("cn_no") if inv.credit else inv.w("inv_no"), inv.show("invoice_number", inv.number)),
        (inv.w("date"), inv.show("invoice_date", inv.d(inv.issued))),
        (inv.w("cust_no"), str(rng.randint(10000, 99999))),
    ]
    if inv.po:
        meta.append((inv.w("po"), po_value(inv)))
    if rng.random() < 0.4:
        meta.append(
            (inv.w("our_ref"), f"{rng.choice(['AB', 'LS', 'SO'])}{rng.randint(100000, 999999)}")
        )
    if inv.due and not inv.credit and rng.random() < 0.5:
        inv.due_printed = True
        meta.append((inv.w("due"), inv.show("due_date", inv.d(inv.due))))
    meta_block(inv, sh, meta, 120, 50, size - 0.5, rng.choice(["tab", "colon", "right"]), 4.5)
    y = 50 + 4.5 * len(meta) + 10
    sh.text(15, y, title, inv.head[1], rng.choice([12, 14]))
    y += 8
    if inv.credit:
        orig = inv.style["orig_number"]
        sh.text(
            15,
            y,
            inv.w(
                "orig_ref", ref=orig, date=inv.d(inv.issued - timedelta(days=rng.randint(5, 40)))
            ),
            font,
            size,
        )
        y += 6
    elif rng.random() < 0.5:
        sh.text(15, y, inv.w("salute"), font, size)
        sh.text(15, y + 5, inv.w("intro"), font, size)
        y += 12
    cols = tabstop_cols(inv, rng)
    inv.item_fields = tuple(c.key for c in cols if c.key) + (
        ("unit",) if "unit" not in [c.key for c in cols] else ()
    )
    tsize = size - 0.5
    right = layout_cols(cols, inv.items, font, tsize, 15, rng.choice([2.5, 3, 4, 6]))
    draw_head(sh, cols, y, bold if rng.random() < 0.6 else font, tsize)
    y += 5.5
    pitch = rng.choice([4.2, 4.6, 5.2])
    new_page = continuation(inv, sh, title, 30, True)
    y = draw_rows(inv, sh, cols, y, pitch, tsize, 262, new_page) + 4
    rows = [(inv.w("net_total"), inv.show("total_excl_tax", inv.n(inv.signed(inv.net))), False)]
    rows += vat_lines(inv)
    gross_label = inv.w("cn_total") if inv.credit else inv.w("gross_total")
    rows.append((gross_label, inv.show("total_incl_tax", inv.money(inv.signed(inv.gross))), True))
    inv.show("currency", inv.sign)
    if y + len(rows) * 5 + 14 > 270:
        y = new_page()
    lx = max(15.0, right - 95)
    y = totals_rows(inv, sh, rows, lx, right, y, 5, tsize, rng.random() < 0.5) + 6
    sh.text(15, y, pay_text(inv, rng), font, size)
    sh.text(15, y + 10, inv.w("regards") if rng.random() < 0.5 else inv.w("thanks"), font, size)
    footer(inv, sh, s)
    return sh


# ----------------------------------------------------------------------------------------------
# Family 2: ERP print, decimal-aligned columns, several VAT rates, continued pages


def erp_cols(inv: Inv, rng: random.Random, dec: str) -> list[Col]:
    """Pos, code, text, then numbers aligned on their decimal mark; the rate as a number or a code."""
    cols = [
        Col(
            "",
            inv.w("pos"),
            lambda it, i: f"{(i + 1) * 10}" if inv.style["pos10"] else str(i + 1),
            "r",
        ),
        Col("product_code", inv.w("code"), lambda it, i: it.code, "l"),
        Col("description", inv.w("desc"), lambda it, i: it.desc, "l"),
        Col("quantity", inv.w("qty"), lambda it, i: qty_text(inv, it), dec),
        Col("unit", inv.w("unit"), lambda it, i: it.unit, "l"),
        Col("unit_price", inv.w("price"), lambda it, i: inv.n(it.price, it.price_places), dec),
    ]
    codes = {r: str(k) for k, r in enumerate(inv.by_rate, 1)}
    if inv.style["rate_codes"]:
        cols.append(Col("", inv.w("rate_col"), lambda it, i: codes[it.rate or D(0)], "r"))
    else:
        cols.append(Col("tax_rate", inv.w("rate_col"), lambda it, i: inv.n(it.rate or D(0)), dec))
    cols.append(Col("total", inv.w("amount"), lambda it, i: inv.n(inv.signed(it.total)), dec))
    return cols


def erp_header(inv: Inv, sh: Sheet, rng: random.Random, title: str, size: float) -> float:
    """Name and address at one side, title and number in one line, meta in two columns."""
    font, bold = inv.body
    s = inv.supplier
    right = rng.random() < 0.5
    x, al = (195, "r") if right else (15, "l")
    letterhead_name(inv, sh, s.name, x, 16, 12, al, rng)
    inv.show("supplier_name", s.name)
    sh.text(x, 21, f"{s.street}, {s.city}", font, 7, al)
    sh.text(x, 24.5, f"{s.phone}  {s.email}", font, 7, al)
    y = 40
    for line in (inv.customer.name, inv.customer.street, inv.customer.city):
        sh.text(15 if right else 120, y, line, font, size + 1)
        y += 4.2
    if rng.random() < 0.5 and inv.customer.vat_print:
        sh.text(
            15 if right else 120,
            y + 1,
            f"{inv.w('cust_vat')}: {inv.customer.vat_print}",
            font,
            size - 0.5,
        )
    no_label = inv.w("cn_no") if inv.credit else inv.w("inv_no")
    sh.text(
        15,
        66,
        f"{title} {inv.show('invoice_number', inv.number)}" if rng.random() < 0.5 else title,
        inv.head[1],
        11,
    )
    meta = [(no_label, inv.number), (inv.w("date"), inv.show("invoice_date", inv.d(inv.issued))),
            (inv.w("cust_no"), f"{rng.randint(100000, 999999)}"),
            (inv.w("delivery"), inv.d(inv.issued - timedelta(days=rng.randint(0, 6))))]  # fmt: skip
    if inv.po:
        meta.append((inv.w("po"), po_value(inv)))
    if inv.due and rng.random() < 0.6:
        inv.due_printed = True
        meta.append((inv.w("due"), inv.show("due_date", inv.d(inv.due))))
    inv.show("invoice_number", inv.number)
    half = (len(meta) + 1) // 2
    meta_block(inv, sh, meta[:half], 15, 73, size, "colon", 4)
    meta_block(inv, sh, meta[half:], 110, 73, size, "colon", 4)
    y = 73 + 4 * half + 2
    if inv.credit:
        sh.text(
            15,
            y,
            inv.w(
                "orig_ref",
                ref=inv.style["orig_number"],
                date=inv.d(inv.issued - timedelta(days=12)),
            ),
            font,
            size,
        )
        y += 4
    return y + 4


DETAIL_WORDS = {
    "de": ("Charge", "MHD", "LS"),
    "en": ("Lot", "Best before", "DN"),
    "fr": ("Lot", "DLUO", "BL"),
    "nl": ("Partij", "THT", "Pakbon"),
}


def fam_erp(rng: random.Random, inv: Inv) -> Sheet:
    sh = Sheet()
    font, bold = inv.body
    size = rng.choice([7.5, 8, 8.5])
    dec = NUMBER_SEPS[inv.num_style][1]
    lot, best, note = DETAIL_WORDS[inv.lang]
    for it in inv.items:
        it.code = rng.choice(
            [
                f"{rng.randint(10000, 99999)}",
                f"{rng.choice('ABKMS')}-{rng.randint(100, 999)}-{rng.randint(10, 99)}",
                f"{rng.randint(1000000, 9999999)}",
            ]
        )
        if rng.random() < 0.1:
            it.detail = rng.choice(
                [
                    f"{lot} L{digits(rng, 5)}",
                    f"{best} {inv.d(inv.issued + timedelta(days=rng.randint(30, 300)))}",
                    f"{note} {digits(rng, 8)}",
                ]
            )
    inv.style.update(pos10=rng.random() < 0.4, rate_codes=rng.random() < 0.3)
    title = inv.w("title_cn") if inv.credit else inv.w("title_inv")
    y = erp_header(inv, sh, rng, title, size)
    cols = erp_cols(inv, rng, dec)
    inv.item_fields = tuple(c.key for c in cols if c.key)
    right = layout_cols(
        cols, inv.items, font, size, 15, rng.choice([2, 2.5, 3.5]), head_right=rng.random() < 0.3
    )
    ruled = rng.random() < 0.5
    if ruled:
        sh.line(15, y - 3.5, right, y - 3.5)
    draw_head(sh, cols, y, bold, size, head_right=cols[-1].hx > cols[-1].vx)
    if ruled:
        sh.line(15, y + 1.5, right, y + 1.5)
    pitch = size * 0.48
    y = (
        draw_rows(inv, sh, cols, y + 5, pitch, size, 266, continuation(inv, sh, title, 28, True))
        + 3
    )
    if inv.style["rate_codes"]:
        legend = "   ".join(f"{k} = {rate_text(r, inv)} %" for k, r in enumerate(inv.by_rate, 1))
        sh.text(15, y, legend, font, size - 0.5)
        y += 5
    if y + 40 > 272:
        y = continuation(inv, sh, title, 28, False)()
    vat_table(inv, sh, 15, y + 2, size, True)
    rows = [(inv.w("net_total"), inv.show("total_excl_tax", inv.n(inv.signed(inv.net))), False),
            (inv.w("tax_total"), inv.n(inv.signed(inv.tax)), False),
            (inv.w("cn_total") if inv.credit else inv.w("gross_total"), inv.show("total_incl_tax", inv.money(inv.signed(inv.gross))), True)]  # fmt: skip
    inv.show("currency", inv.sign)
    y = totals_rows(inv, sh, rows, max(110.0, right - 75), right, y + 2, 4.5, size + 0.5, False) + 4
    sh.text(15, y + 8, pay_text(inv, rng), font, size)
    footer(inv, sh, inv.supplier)
    return sh


# ----------------------------------------------------------------------------------------------
# Family 3: amount to pay differs from the invoice total (open balance added, prepayment taken off)


def balance_rows(inv: Inv, rng: random.Random) -> list[tuple[str, str, bool]]:
    """The lines after this invoice's total: the earlier balance or the prepayment, the amount due."""
    ref = doc_number(rng, inv.issued - timedelta(days=rng.randint(25, 70)), "invoice")
    when = inv.d(inv.issued - timedelta(days=rng.randint(10, 60)))
    if rng.random() < 0.5:
        amount = r2(D(str(rng.uniform(40, 1500))))
        label = inv.w("prev_balance", ref=ref, date=when)
        due_total = inv.gross + amount
        inv.style["balance"] = "previous"
        line = inv.money(amount)
    else:
        amount = r2(inv.gross * D(rng.choice(["0.3", "0.4", "0.5"])))
        label = inv.w("prepay", ref=ref, date=when)
        due_total = inv.gross - amount
        inv.style["balance"] = "prepayment"
        line = inv.money(-amount)
    return [(label, line, False), (inv.w("to_pay"), inv.money(due_total), True)]


def fam_balance(rng: random.Random, inv: Inv) -> Sheet:
    sh = Sheet()
    font, bold = inv.body
    size = rng.choice([8.5, 9, 9.5])
    s = inv.supplier
    letterhead_name(inv, sh, s.name, 195, 20, rng.choice([13, 15]), "r", rng)
    inv.show("supplier_name", s.name)
    for k, line in enumerate((s.street, s.city, s.phone, s.email)):
        sh.text(195, 26 + k * 3.6, line, font, 7.5, "r")
    sh.text(15, 46, inv.w("buyer"), bold, size - 1)
    y = 51
    for line in (inv.customer.name, inv.customer.street, inv.customer.city):
        sh.text(15, y, line, font, size)
        y += 4.5
    title = inv.w("title_inv")
    sh.text(15, 80, title, inv.head[1], 16)
    meta = [
        (inv.w("inv_no"), inv.show("invoice_number", inv.number)),
        (inv.w("date"), inv.show("invoice_date", inv.d(inv.issued))),
    ]
    if inv.due and rng.random() < 0.7:
        inv.due_printed = True
        meta.append((inv.w("due"), inv.show("due_date", inv.d(inv.due))))
    meta.append((inv.w("cust_no"), f"{rng.randint(1000, 9999)}"))
    if inv.po:
        meta.append((inv.w("po"), po_value(inv)))
    meta_block(inv, sh, meta, 125, 46, size - 0.5, rng.choice(["right", "tab"]), 4.6)
    y = max(92.0, 46 + 4.6 * len(meta) + 8)
    cols = [Col("description", inv.w("desc"), lambda it, i: it.desc, "l"),
            Col("quantity", inv.w("qty"), lambda it, i: f"{qty_text(inv, it)} {it.unit}", "r"),
            Col("unit_price", inv.w("price"), lambda it, i: inv.n(it.price, it.price_places), "r")]  # fmt: skip
    if rng.random() < 0.6:
        cols.append(
            Col(
                "tax_rate",
                inv.w("rate_col"),
                lambda it, i: f"{rate_text(it.rate or D(0), inv)}%",
                "r",
            )
        )
    cols.append(Col("total", inv.w("amount"), lambda it, i: inv.n(it.total), "r"))
    inv.item_fields = (*[c.key for c in cols], "unit")
    head_right = rng.random() < 0.5
    right = layout_cols(
        cols, inv.items, font, size, 15, rng.choice([3, 5, 8]), head_right=head_right
    )
    draw_head(sh, cols, y, bold, size, head_right)
    sh.line(15, y + 1.5, right, y + 1.5, 0.3)
    y = draw_rows(inv, sh, cols, y + 6, 4.8, size, 262, continuation(inv, sh, title, 30, False))
    sh.line(15, y - 2, right, y - 2, 0.3)
    rows = [
        (inv.w("net_total"), inv.show("total_excl_tax", inv.n(inv.net)), False),
        *vat_lines(inv),
    ]
    rows.append((inv.w("gross_total"), inv.show("total_incl_tax", inv.money(inv.gross)), True))
    inv.show("currency", inv.sign)
    rows += balance_rows(inv, rng)
    y = totals_rows(inv, sh, rows, right - 90, right, y + 4, 5, size, rng.random() < 0.3) + 6
    sh.text(15, y, pay_text(inv, rng), font, size)
    footer(inv, sh, s)
    return sh


# ----------------------------------------------------------------------------------------------
# Family 4: US invoice, sales tax on taxable lines, every date ambiguous, EIN


def us_header(inv: Inv, sh: Sheet, rng: random.Random, size: float) -> float:
    """Supplier block with its EIN at the left, INVOICE and the meta at the right; bill/ship to."""
    font, bold = inv.body
    s = inv.supplier
    letterhead_name(inv, sh, s.name, 15, 20, 13, "l", rng)
    inv.show("supplier_name", s.name)
    for k, line in enumerate((s.street, s.city, s.phone)):
        sh.text(15, 25.5 + k * 4, line, font, size)
    sh.text(15, 37.5, f"{inv.w('ein')}: {inv.show('supplier_tax_id', s.vat_print)}", font, size)
    sh.text(195, 20, inv.w("title_inv"), inv.head[1], 20, "r")
    days = (inv.due - inv.issued).days if inv.due else 0
    meta = [
        (inv.w("inv_no"), inv.show("invoice_number", inv.number)),
        (inv.w("date"), inv.show("invoice_date", inv.d(inv.issued))),
    ]
    if inv.due:
        inv.due_printed = True
        meta.append((inv.w("due"), inv.show("due_date", inv.d(inv.due))))
    if days in (10, 15, 30, 45, 60):
        meta.append(("Terms", f"Net {days}"))
    if inv.po:
        meta.append((inv.w("po"), po_value(inv)))
    meta.append((inv.w("cust_no"), f"C{rng.randint(1000, 9999)}"))
    meta_block(inv, sh, meta, 135, 30, size, "right", 4.5)
    y = max(62.0, 30 + 4.5 * len(meta) + 6)
    c = inv.customer
    for x, head in ((15, "BILL TO"), (105, "SHIP TO")):
        sh.text(x, y, head, bold, size)
        for k, line in enumerate((c.name, c.street, c.city)):
            sh.text(x, y + 4.5 * (k + 1), line, font, size)
    return y + 24


def fam_us(rng: random.Random, inv: Inv) -> Sheet:
    sh = Sheet()
    font, bold = inv.body
    size = rng.choice([8.5, 9])
    y = us_header(inv, sh, rng, size)
    flag = rng.random() < 0.6
    cols = [Col("quantity", "QTY", lambda it, i: qty_text(inv, it), "r"),
            Col("product_code", inv.w("code").upper(), lambda it, i: it.code, "l"),
            Col("description", "DESCRIPTION", lambda it, i: it.desc, "l"),
            Col("unit_price", "UNIT PRICE", lambda it, i: inv.n(it.price), "r")]  # fmt: skip
    if flag:
        cols.append(Col("", "TAX", lambda it, i: "T" if it.taxable else "", "l"))
    cols.append(Col("total", "AMOUNT", lambda it, i: inv.n(it.total), "r"))
    inv.item_fields = tuple(c.key for c in cols if c.key)
    right = layout_cols(cols, inv.items, font, size, 15, rng.choice([4, 6]), head_right=True)
    sh.line(15, y - 4, right, y - 4)
    draw_head(sh, cols, y, bold, size, True)
    sh.line(15, y + 1.5, right, y + 1.5)
    y = (
        draw_rows(inv, sh, cols, y + 6, 5, size, 255, continuation(inv, sh, "Invoice", 30, False))
        + 2
    )
    rate, (taxable, tax) = next(iter(inv.by_rate.items()))
    state = inv.style["state"]
    tax_label = inv.w(
        "sales_tax", rate=fmt_num(rate, "en", places_of(rate)), state=US_STATES[state]
    )
    if flag:
        sh.text(15, y + 3, "T = taxable item", font, size - 1)
    rows = [("Subtotal", inv.show("total_excl_tax", inv.money(inv.net)), False),
            (tax_label, inv.show("tax_amount", inv.money(tax)), False),
            ("Total", inv.show("total_incl_tax", inv.money(inv.gross)), True)]  # fmt: skip
    inv.show("currency", inv.sign)
    if rng.random() < 0.35:
        paid = r2(inv.gross * D(rng.choice(["0.25", "0.5"])))
        rows += [
            ("Payments/Credits", inv.money(-paid), False),
            ("Balance Due", inv.money(inv.gross - paid), True),
        ]
        inv.style["balance"] = "payment"
    y = totals_rows(inv, sh, rows, right - 70, right, y + 4, 5, size, False) + 8
    name = inv.supplier.name
    sh.text(
        15, y, f"Make all checks payable to {name}{'' if name.endswith('.') else '.'}", font, size
    )
    sh.text(15, y + 5, "Thank you for your business!", font, size)
    sh.on_every_page(lambda s_, p, n: s_.text(105, 287, "Page {p} of {n}", font, 7, "c"))
    return sh


# ----------------------------------------------------------------------------------------------
# Family 5: self-billed invoice, written by the buyer for the seller (an invoice, not a credit)

SELF_TOTAL = {
    "de": ["Gutschriftsbetrag", "Auszahlungsbetrag", "Gesamtbetrag"],
    "en": ["Total payable to supplier", "Total", "Amount payable"],
    "fr": ["Total TTC", "Montant TTC à payer au fournisseur"],
    "nl": ["Totaal incl. btw", "Uit te betalen"],
}


def fam_selfbill(rng: random.Random, inv: Inv) -> Sheet:
    sh = Sheet()
    font, bold = inv.body
    size = rng.choice([8.5, 9, 9.5])
    buyer, seller = inv.customer, inv.supplier
    sh.text(15, 20, buyer.name, inv.head[1], rng.choice([14, 16]))
    sh.text(15, 25, f"{buyer.street} · {buyer.city} · {buyer.phone}", font, 7.5)
    y = 48
    for line in (seller.name, seller.street, seller.city):
        sh.text(15, y, line, font, size)
        y += 4.5
    inv.show("supplier_name", seller.name)
    title = inv.w("title_self")
    meta = [(inv.w("self_no"), inv.show("invoice_number", inv.number)), (inv.w("date"), inv.show("invoice_date", inv.d(inv.issued))),
            (inv.w("delivery"), inv.d(inv.issued - timedelta(days=rng.randint(1, 9))))]  # fmt: skip
    if inv.po:
        meta.append((inv.w("po"), po_value(inv)))
    meta_block(inv, sh, meta, 120, 48, size - 0.5, rng.choice(["tab", "colon"]), 4.5)
    y = 78
    sh.text(15, y, title, inv.head[1], 13)
    y += 8
    sh.text(
        15, y, f"{inv.w('supplier_lbl')}: {seller.name}, {seller.street}, {seller.city}", font, size
    )
    sh.text(
        15,
        y + 4.5,
        f"{inv.w('vat_id')} {inv.w('supplier_lbl').lower()}: {inv.show('supplier_tax_id', seller.vat_print)}",
        font,
        size,
    )
    y += 12
    sh.text(15, y, inv.w("intro_self"), font, size)
    y += 7
    cols = tabstop_cols(inv, rng)
    inv.item_fields = tuple(c.key for c in cols if c.key) + (
        ("unit",) if "unit" not in [c.key for c in cols] else ()
    )
    right = layout_cols(
        cols, inv.items, font, size, 15, rng.choice([3, 4, 6]), head_right=rng.random() < 0.5
    )
    draw_head(sh, cols, y, bold, size, cols[-1].hx > cols[-1].vx)
    y = (
        draw_rows(inv, sh, cols, y + 5.5, 4.8, size, 262, continuation(inv, sh, title, 30, False))
        + 4
    )
    total_label = rng.choice(SELF_TOTAL[inv.lang])
    if rng.random() < 0.5:
        rows = [
            (inv.w("net_total"), inv.show("total_excl_tax", inv.n(inv.net)), False),
            *vat_lines(inv),
        ]
    else:
        y = vat_table(inv, sh, 15, y + 2, size, False) + 2
        rows = [
            (inv.w("net_total"), inv.show("total_excl_tax", inv.n(inv.net)), False),
            (inv.w("tax_total"), inv.n(inv.tax), False),
        ]
    rows.append((total_label, inv.show("total_incl_tax", inv.money(inv.gross)), True))
    inv.show("currency", inv.sign)
    y = totals_rows(inv, sh, rows, right - 90, right, y + 2, 5, size, False) + 6
    sh.text(15, y, inv.w("self_note"), font, size - 0.5)
    if inv.due and "{due}" in inv.words["self_pay"]:
        inv.due_printed = True
        sh.text(15, y + 5, inv.w("self_pay", due=inv.show("due_date", inv.d(inv.due))), font, size)
    else:
        sh.text(15, y + 5, inv.w("self_pay", due=""), font, size)
    footer(inv, sh, buyer)
    return sh


# ----------------------------------------------------------------------------------------------
# Drawing the facts of one document


def doc_number(rng: random.Random, issued: date, kind: str) -> str:
    """House styles of numbering; credit notes and self-bills get their own prefixes."""
    y, yy, n = issued.year, issued.year % 100, rng.randint(1, 9999)
    forms = [
        f"{y}-{n:05d}",
        f"RE-{yy}-{n:04d}",
        f"FA{y}/{n:04d}",
        f"F-{rng.randint(100000, 999999)}",
        f"{yy}/{n:04d}",
        f"{rng.randint(1000000, 9999999)}",
        f"V{yy}{issued.month:02d}-{n:03d}",
    ]
    no = rng.choice(forms)
    if kind == "credit":
        no = rng.choice(["GS", "AV", "CN", "RK"]) + "-" + re.sub(r"^[A-Z]+-?", "", no)
    elif kind == "selfbill":
        no = rng.choice(["GU", "AF", "SB", "ZF"]) + f"-{y}-{rng.randint(1, 999):03d}"
    elif kind == "us":
        no = rng.choice(
            [
                f"{rng.randint(10000, 99999)}",
                f"INV-{rng.randint(1000, 99999)}",
                f"{yy}{rng.randint(1000, 9999)}",
            ]
        )
    return no


def po_number(rng: random.Random, issued: date) -> str:
    return rng.choice(
        [
            f"4500{digits(rng, 6)}",
            f"PO-{issued.year}-{rng.randint(1, 999):04d}",
            f"B{digits(rng, 6)}",
            f"K-{rng.randint(100, 9999)}/{issued.year % 100}",
            f"PO{digits(rng, 5)}",
        ]
    )


def ambiguous_dates(rng: random.Random) -> tuple[date, date]:
    """Issue and due dates that read as valid dates both month-first and day-first."""
    while True:
        issued = date(rng.choice([2025, 2026]), rng.randint(1, 12), rng.randint(1, 12))
        if issued.day == issued.month:
            continue
        dues = [issued + timedelta(days=k) for k in range(7, 75)]
        dues = [d for d in dues if d.day <= 12 and d.day != d.month]
        if dues:
            return issued, rng.choice(dues)


def tie_name(rng: random.Random, name: str) -> str:
    """Legal forms printed with no-break spaces ("GmbH & Co. KG") as word processors keep them."""
    if rng.random() < 0.3:
        return re.sub(
            r"(?<=\S) (?=(&|GmbH|Co\.|KG|SARL|SAS|B\.V\.|Ltd|Inc\.|LLC|NV|BV|SA)\b)", NBSP, name
        )
    return name


def make_inv(idx: int, seed: int, family: str, lang: str) -> tuple[random.Random, Inv]:
    """The document's facts; the family draws them and may add its own."""
    rng = random.Random(f"foreign-{seed}-{idx}")
    ckey = "US" if family == "us" else rng.choice(LANG_COUNTRIES[lang])
    c = COUNTRIES[ckey]
    words = {k: rng.choice(v) for k, v in W[lang].items()}
    if family == "us":
        words.update({k: rng.choice(v) for k, v in US_WORDS.items()})
    seller = rng.choice(SMALL_SELLERS[lang] if family == "selfbill" else SUPPLIERS[ckey])
    buyer = rng.choice(US_BUYERS if family == "us" else BUYERS[lang])
    supplier = make_party(rng, tie_name(rng, seller), ckey, lang)
    customer = make_party(rng, buyer, ckey, lang)
    if family == "us":
        issued, due = ambiguous_dates(rng)
    else:
        issued = date(2025, 1, 2) + timedelta(days=rng.randint(0, 540))
        due = (
            issued + timedelta(days=rng.choice([8, 10, 14, 14, 21, 30, 30, 45]))
            if rng.random() < 0.8
            else None
        )
    credit = family in ("tabstop", "erp") and rng.random() < 0.3
    kind = "credit" if credit else family if family in ("selfbill", "us") else "invoice"
    sign = rng.choice(c.signs)
    body_kind = rng.choice(["mono", "sans"]) if family == "erp" else rng.choice(["sans", "serif"])
    inv = Inv(
        idx=idx, seed=seed, family=family, lang=lang, ckey=ckey, supplier=supplier, customer=customer,
        number=doc_number(rng, issued, kind), issued=issued, due=None if credit else due, items=[], words=words,
        num_style=rng.choice(c.numbers), date_style=rng.choice(c.dates), sign=sign,
        sign_before=sign in ("£", "$") or rng.random() < 0.3, nbsp=rng.random() < 0.5,
        body=pick_font(rng, body_kind), head=pick_font(rng, rng.choice(["sans", "serif"])),
        credit=credit, selfbill=family == "selfbill",
    )  # fmt: skip
    inv.minus = credit and rng.random() < 0.6
    if credit:
        inv.style["orig_number"] = doc_number(rng, issued - timedelta(days=20), "invoice")
    if rng.random() < (0.6 if family == "us" else 0.45):
        inv.po = [po_number(rng, issued) for _ in range(1 if rng.random() < 0.85 else 2)]
        inv.style["po_sep"] = rng.choice([", ", " / "])
    n = (
        rng.choice([2, 3, 4, 5, 6, 8, 10, 12])
        if family != "erp"
        else rng.choice([6, 12, 24, 40, 55, 70])
    )
    if family == "tabstop" and rng.random() < 0.15:
        n = rng.randint(30, 40)
    if family == "us":
        inv.items = us_items(rng, n)
        inv.compute(sales_tax=US_TAX[inv.style.setdefault("state", rng.choice(list(US_TAX)))])
    else:
        pool = FARM_GOODS[lang] if family == "selfbill" else CATALOG[lang]
        inv.items = make_items(rng, pool, c.rates, n, family == "erp", lang)
        if family == "selfbill" and rng.random() < 0.5:
            haul = {
                "de": "Transportkostenanteil",
                "en": "Haulage contribution",
                "fr": "Participation transport",
                "nl": "Bijdrage transport",
            }[lang]
            unit = {"de": "psch.", "en": "flat", "fr": "forfait", "nl": "post"}[lang]
            inv.items.append(Item(haul, D(1), unit, D("15.00"), D("15.00"), c.rates["s"]))
        inv.compute()
    return rng, inv


def us_items(rng: random.Random, n: int) -> list[Item]:
    """US lines: some taxable ("T"), some exempt (food); sales tax comes from the state."""
    pool = US_GOODS[:]
    rng.shuffle(pool)
    out = []
    for i in range(n):
        desc, unit, lo, hi, taxable = pool[i % len(pool)]
        price = D(str(round(rng.uniform(lo, hi), 2)))
        qty = D(rng.randint(1, 24)) if unit != "hr" else D(rng.choice(["1", "1.5", "2", "3"]))
        code = f"{rng.choice(['PC', 'JN', 'LS', 'HV'])}-{rng.randint(1000, 9999)}"
        out.append(Item(desc, qty, unit, price, r2(qty * price), None, code=code, taxable=taxable))
    if not any(it.taxable for it in out):
        out[0].taxable = True
    return out


# ----------------------------------------------------------------------------------------------
# Running it

FAMILIES: dict[str, Callable[[random.Random, Inv], Sheet]] = {
    "tabstop": fam_tabstop,
    "erp": fam_erp,
    "balance": fam_balance,
    "us": fam_us,
    "selfbill": fam_selfbill,
}
FAMILY_LANGS = {"us": ["en"]}


def plan(count: int, seed: int) -> list[tuple[str, str]]:
    """Families take turns; languages take turns within each family (the US family is English)."""
    turns: dict[str, int] = {}
    out = []
    fams = list(FAMILIES)
    for i in range(count):
        fam = fams[i % len(fams)]
        langs = FAMILY_LANGS.get(fam, ["en", "de", "fr", "nl"])
        out.append((fam, langs[turns.get(fam, 0) % len(langs)]))
        turns[fam] = turns.get(fam, 0) + 1
    random.Random(seed).shuffle(out)
    return out


def generate(out: Path, count: int, seed: int) -> list[Path]:
    """Write count documents and their truth; returns the PDF paths."""
    _register_ttf()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for idx, (family, lang) in enumerate(plan(count, seed), 1):
        rng, inv = make_inv(idx, seed, family, lang)
        producer = rng.choice(list(PRODUCERS))
        sheet = FAMILIES[family](rng, inv)
        inv.style.update(
            producer=producer, language=lang, country=inv.c.key, number_format=inv.num_style,
            date_format=inv.date_style, font=inv.body[0], head_font=inv.head[1], nbsp_labels=inv.nbsp,
            pages=len(sheet.pages), credit_note=inv.credit, self_billed=inv.selfbill, minus=inv.minus,
        )  # fmt: skip
        stem = f"{idx:03d}_{lang}_{family}"
        pdf = out / f"{stem}.pdf"
        PRODUCERS[producer](sheet, pdf, f"{inv.words.get('title_inv', 'Invoice')} {inv.number}")
        (out / f"{stem}.json").write_text(
            json.dumps(truth(inv), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        written.append(pdf)
    return written


AMOUNT = re.compile(r"^-?[\d.,' \u00a0\u2019]*\d$")


def glued(pdf: Path, printed: dict[str, str], text: str) -> list[str]:
    """Printed numbers that the text layer runs into a neighbouring digit (columns too close)."""
    bad = []
    for key, value in printed.items():
        v = flat(value)
        if AMOUNT.match(v) and not re.search(rf"(?<![\d.,]){re.escape(v)}(?![\d])", text):
            bad.append(key)
    return bad


def unprinted(t: dict[str, Any]) -> list[str]:
    """Truth fields with no printed form recorded: the generator would claim what it never drew."""
    printed = t["_printed"]
    keys = [k for k in t if not k.startswith("_") and k not in ("document_type", "line_items")]
    out = [k for k in keys if k != "po_references" and k not in printed]
    out += [
        f"po{i}" for i in range(1, len(t.get("po_references", [])) + 1) if f"po{i}" not in printed
    ]
    for i, item in enumerate(t["line_items"], 1):
        for name in item:
            if f"item{i}.{name}" not in printed and not (
                name == "unit" and f"item{i}.quantity" in printed
            ):
                out.append(f"item{i}.{name}")
    return out


def check(pdfs: list[Path]) -> int:
    """Every truth value as printed must be in pypdf's text, numbers not glued to others."""
    from pypdf import PdfReader

    def truth_of(pdf: Path) -> dict[str, Any]:
        return json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))

    bad = report_missing((pdf, truth_of(pdf)["_printed"]) for pdf in pdfs)
    for pdf in pdfs:
        t = truth_of(pdf)
        text = flat("\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages))
        keys = glued(pdf, t["_printed"], text)
        if keys:
            print(f"{pdf.name}: glued {', '.join(keys)}")
        missing = unprinted(t)
        if missing:
            print(f"{pdf.name}: truth never printed {', '.join(missing)}")
        bad += bool(keys or missing)
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--check", action="store_true", help="verify the text layer holds every truth value"
    )
    args = ap.parse_args(argv)
    pdfs = generate(args.out_dir, args.count, args.seed)
    print(f"wrote {len(pdfs)} documents to {args.out_dir}")
    if args.check:
        return 1 if check(pdfs) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
