#!/usr/bin/env python3
"""Invoice check set made with Typst and third-party Typst Universe invoice templates.

    .venv/bin/python gen.py OUTDIR --count N --seed S

Templates (local copies under pkgs/preview/, imported as @preview/<name>:<version>):
  invmaker   invoice-maker 1.1.0     (en/de built in; fr/nl/it/es/pt via its `language: dictionary` option)
  germanfx   german-fx-invoice 0.2.0 (German layout; EUR/USD/GBP/CHF/...; title and closing text free)
  tiefletter tiefletter 0.1.3        (en/de letter style, per-line VAT rates)

Truth values are computed by emulating each template's own float arithmetic and formatting
(see tstr/tround/add_zeros/format_currency), then every document is checked against the text
pypdf extracts from the PDF; a document whose check fails is re-drawn (attempt counter).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import re
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pypdf
import typst

import world

HERE = Path(__file__).resolve().parent
PKGS = HERE / "pkgs"
SET_NAME = "typst"
CENT = Decimal("0.01")


# --------------------------------------------------------------------------- Typst emulation
def tstr(x) -> str:
    """Typst's str() of an int or float (shortest repr, integral floats without '.0', U+2212 minus)."""
    if isinstance(x, bool):
        raise TypeError
    if isinstance(x, int):
        s = str(x)
    elif x == int(x) and abs(x) < 1e15:
        s = str(int(x))
    else:
        s = repr(x)
        if "e" in s:
            raise ValueError(f"exponent repr {s}")
    return s.replace("-", "\u2212")


def tround(x: float, digits: int = 2) -> float:
    """calc.round(x, digits: d) for floats: (x * 10^d).round() / 10^d, half away from zero."""
    if float(x) == int(x):
        return float(x)
    off = 10.0 ** digits
    y = float(x) * off
    r = float(Decimal(y).to_integral_value(rounding=ROUND_HALF_UP))
    return r / off


def add_zeros(num) -> str:
    """invoice-maker's add-zeros: truncates str(num) to 2 decimals."""
    frags = tstr(num).split(".")
    if len(frags) == 2:
        intp, decp = frags
    else:
        intp, decp = tstr(num), "00"
    return intp + "." + (decp + "00")[:2]


def format_currency(number, locale: str = "en") -> str:
    """classy-german-invoice / german-fx-invoice / tiefletter format_currency (precision 2)."""
    s = tstr(tround(number, 2))
    m = re.search(r"\..*", s)
    after = m.group(0) if m else None
    if after is None:
        s += "."
        after = "."
    for _ in range(2 - len(after) + 1):
        s += "0"
    return s.replace(".", ",") if locale == "de" else s


def dec(printed: str) -> str:
    """Printed amount ('1234,50', '−12.50') -> positive decimal string '1234.50'."""
    s = printed.replace("\u2212", "-").replace(",", ".").lstrip("-")
    return str(Decimal(s))


def q(s: str) -> str:
    """Typst string literal."""
    return json.dumps(s, ensure_ascii=False)


def qty_str(x) -> str:
    return tstr(x)


# --------------------------------------------------------------------------- dates
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
}


def draw_dates(rng: random.Random):
    d = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    due = d + dt.timedelta(days=rng.choice([7, 10, 14, 14, 30, 30, 45, 60]))
    return d, due


# --------------------------------------------------------------------------- family: invoice-maker
INVMAKER_LANGS = {
    # custom dictionaries for the template's `language: (dictionary)` option
    "fr": dict(id="fr", country="FR", recipient="Destinataire", biller="Émetteur", invoice="Facture",
               cancellation_invoice="Facture d'avoir",
               cancellation_notice="Comme convenu, vous recevez un avoir pour la facture *#id* du *#issuing-date*.",
               invoice_id="Numéro de facture", issuing_date="Date d'émission", delivery_date="Date de livraison",
               items="Prestations", closing="Merci pour votre confiance !", number="N°", date="Date",
               description="Désignation", duration="Durée", quantity="Quantité", price="Prix",
               total_time="Temps total", subtotal="Sous-total", discount_of="Remise de", vat="TVA de",
               reverse_charge="Autoliquidation", total="Total",
               due_text="Merci de virer le montant avant le *#val* sur le compte suivant :",
               owner="Titulaire", iban="IBAN"),
    "nl": dict(id="nl", country="NL", recipient="Ontvanger", biller="Afzender", invoice="Factuur",
               cancellation_invoice="Creditfactuur",
               cancellation_notice="Zoals afgesproken ontvangt u een creditnota voor factuur *#id* van *#issuing-date*.",
               invoice_id="Factuurnummer", issuing_date="Factuurdatum", delivery_date="Leverdatum",
               items="Posten", closing="Bedankt voor de prettige samenwerking!", number="Nr", date="Datum",
               description="Omschrijving", duration="Duur", quantity="Aantal", price="Prijs",
               total_time="Totale werktijd", subtotal="Subtotaal", discount_of="Korting van", vat="Btw",
               reverse_charge="Btw verlegd", total="Totaal",
               due_text="Gelieve het bedrag uiterlijk *#val* over te maken op de volgende rekening:",
               owner="Rekeninghouder", iban="IBAN"),
    "it": dict(id="it", country="IT", recipient="Destinatario", biller="Emittente", invoice="Fattura",
               cancellation_invoice="Nota di credito",
               cancellation_notice="Come concordato, riceverete una nota di credito per la fattura *#id* del *#issuing-date*.",
               invoice_id="Numero fattura", issuing_date="Data di emissione", delivery_date="Data di consegna",
               items="Articoli", closing="Grazie per la collaborazione!", number="N.", date="Data",
               description="Descrizione", duration="Durata", quantity="Quantità", price="Prezzo",
               total_time="Tempo totale", subtotal="Imponibile", discount_of="Sconto del", vat="IVA",
               reverse_charge="Inversione contabile", total="Totale",
               due_text="Si prega di versare l'importo entro il *#val* sul seguente conto:",
               owner="Intestatario", iban="IBAN"),
    "es": dict(id="es", country="ES", recipient="Destinatario", biller="Emisor", invoice="Factura",
               cancellation_invoice="Factura rectificativa",
               cancellation_notice="Según lo acordado, recibirá un abono de la factura *#id* del *#issuing-date*.",
               invoice_id="Número de factura", issuing_date="Fecha de emisión", delivery_date="Fecha de entrega",
               items="Conceptos", closing="¡Gracias por su confianza!", number="N.º", date="Fecha",
               description="Descripción", duration="Duración", quantity="Cantidad", price="Precio",
               total_time="Tiempo total", subtotal="Base imponible", discount_of="Descuento de", vat="IVA",
               reverse_charge="Inversión del sujeto pasivo", total="Total",
               due_text="Por favor, transfiera el importe antes del *#val* a la siguiente cuenta:",
               owner="Titular", iban="IBAN"),
    "pt": dict(id="pt", country="PT", recipient="Destinatário", biller="Emitente", invoice="Fatura",
               cancellation_invoice="Nota de crédito",
               cancellation_notice="Conforme acordado, receberá uma nota de crédito referente à fatura *#id* de *#issuing-date*.",
               invoice_id="Número da fatura", issuing_date="Data de emissão", delivery_date="Data de entrega",
               items="Artigos", closing="Obrigado pela preferência!", number="N.º", date="Data",
               description="Descrição", duration="Duração", quantity="Quantidade", price="Preço",
               total_time="Tempo total", subtotal="Subtotal", discount_of="Desconto de", vat="IVA",
               reverse_charge="Autoliquidação", total="Total",
               due_text="Por favor transfira o montante até *#val* para a seguinte conta:",
               owner="Titular", iban="IBAN"),
}
INVMAKER_COUNTRY = {"en": ["IE"], "de": ["DE", "DE", "AT"], "fr": ["FR", "FR", "BE", "LU"], "nl": ["NL", "NL", "BE"],
                    "it": ["IT"], "es": ["ES"], "pt": ["PT"]}
PO_LABEL = {"en": "Your purchase order", "de": "Ihre Bestellung", "fr": "Votre bon de commande",
            "nl": "Uw inkooporder", "it": "Vostro ordine d'acquisto", "es": "Su pedido de compra",
            "pt": "A sua nota de encomenda"}


def invmaker_lang_dict(lang: str) -> str:
    d = INVMAKER_LANGS[lang]
    parts = []
    for k, v in d.items():
        key = k.replace("_", "-")
        if k == "cancellation_notice":
            parts.append(f"  {key}: (id, issuing-date) => [{v}],")
        elif k == "due_text":
            parts.append(f"  {key}: val => [{v}],")
        else:
            parts.append(f"  {key}: {q(v)},")
    return "(\n" + "\n".join(parts) + "\n)"


def fam_invmaker(rng: random.Random, seed_label: str):
    lang = rng.choice(["en", "en", "de", "de", "fr", "fr", "nl", "it", "es", "pt"])
    country = rng.choice(INVMAKER_COUNTRY[lang])
    sup = world.supplier(rng, country)
    cus = world.customer(rng, country)
    reverse = rng.random() < 0.08
    if reverse:
        other = rng.choice([c for c in world.VAT_RATES if c != country])
        cus = world.customer(rng, other)
    std, red = world.VAT_RATES[country]
    vat = rng.choice([std, std, red]) if lang != "en" else std
    d, due = draw_dates(rng)
    credit = rng.random() < 0.15
    num = world.invoice_number(rng, d.year)
    orig = world.invoice_number(rng, d.year - (1 if d.month == 1 else 0))
    n = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 25])
    items = world.pick_items(rng, lang if lang in ("en", "de", "fr", "nl", "it", "es", "pt") else "en", n)
    use_codes = rng.random() < 0.35
    rows, truth_items, printed = [], [], []
    neg = -1 if credit else 1
    for it in items:
        qv = rng.choice([1, 1, 2, 3, 4, 5, 6, 10, 12, 20, 24, 2.5, 1.5, 0.5])
        price = it["cents"] / 100
        # keep lines whose truncated display equals the exact cent value
        for _ in range(50):
            tot = price * qv
            exact = (Decimal(it["cents"]) * Decimal(str(qv)) / 100)
            if exact == exact.quantize(CENT) and Decimal(add_zeros(neg * tot).replace("\u2212", "-")).copy_abs() == exact:
                break
            it["cents"] += 1
            price = it["cents"] / 100
        else:
            raise RuntimeError("line")
        day = d - dt.timedelta(days=rng.randint(0, 10))
        row = {"date": day.isoformat(), "description": it["description"], "quantity": qv, "price": price}
        if use_codes:
            row["number"] = it["code"]
        rows.append(row)
        ti = {"description": it["description"], "quantity": str(Decimal(str(qv))),
              "unit_price": dec(add_zeros(neg * price)), "total": dec(add_zeros(neg * tot))}
        if use_codes:
            ti["product_code"] = it["code"]
        truth_items.append(ti)
        printed += [add_zeros(neg * price), add_zeros(neg * tot), it["description"]]
    sub = sum(r["price"] * r["quantity"] for r in rows)
    tax = 0 if reverse else sub * vat
    total = sub - 0 + tax
    p_sub, p_tax, p_total = add_zeros(neg * sub), add_zeros(neg * tax), add_zeros(neg * total)
    # consistency (template truncates; re-draw when sum/total do not add up to the cent)
    if sum(Decimal(t["total"]) for t in truth_items) != Decimal(dec(p_sub)):
        return None
    if not reverse and Decimal(dec(p_sub)) + Decimal(dec(p_tax)) != Decimal(dec(p_total)):
        return None
    pos = [world.po_number(rng)] if rng.random() < 0.4 else []
    if pos and rng.random() < 0.2:
        pos.append(world.po_number(rng))
    font = rng.choice([None, None, "DejaVu Sans", "TeX Gyre Heros", "Libertinus Serif"])
    fsize = rng.choice([10, 11, 11, 12])
    styling = []
    if font:
        styling.append(f"font: {q(font)}")
    styling.append(f"font-size: {fsize}pt")

    def addr(p):
        return (f"(name: {q(p['name'])}, address: (street: {q(p['street'])}, city: {q(p['city'])}, "
                f"postal-code: {q(p['zip'])}), vat-id: {q(p['vat_id'])}, iban: {q(world.iban(rng, country))})")

    def row_src(r):
        f = [f"date: {q(r['date'])}", f"description: {q(r['description'])}",
             f"quantity: {r['quantity']!r}", f"price: {r['price']!r}"]
        if "number" in r:
            f.insert(0, f"number: {q(r['number'])}")
        return "(" + ", ".join(f) + ")"

    language = q(lang) if lang in ("en", "de") else invmaker_lang_dict(lang)
    rows_src = ",\n    ".join(row_src(r) for r in rows)
    src = f"""#import "@preview/invoice-maker:1.1.0": *

// user-level style choice: no automatic hyphenation in the justified text
#set text(hyphenate: false)

#show: invoice.with(
  language: {language},
  invoice-id: {q(orig if credit else num)},
  {"cancellation-id: " + q(num) + "," if credit else ""}
  issuing-date: {q(d.isoformat())},
  delivery-date: {q((d - dt.timedelta(days=rng.randint(0, 5))).isoformat())},
  due-date: {q(due.isoformat())},
  biller: {addr(sup)},
  recipient: {addr(cus)},
  styling: ({", ".join(styling)}),
  hourly-rate: {rng.choice([45, 60, 75])},
  vat: {vat!r},
  items: (
    {rows_src},
  ),
)
"""
    if pos:
        src += f"\n#v(1em)\n#text({q(PO_LABEL[lang] + ': ' + ', '.join(pos))})\n"
    truth = {
        "document_type": "credit_note" if credit else "invoice",
        "invoice_number": num,
        "invoice_date": d.isoformat(),
        "currency": "EUR",
        "total_excl_tax": dec(p_sub),
        "total_incl_tax": dec(p_total),
        "supplier_name": sup["name"],
        "supplier_tax_id": sup["vat_id"],
        "line_items": truth_items,
    }
    if not credit:
        truth["due_date"] = due.isoformat()
    if not reverse:
        truth["tax_amount"] = dec(p_tax)
    if pos:
        truth["po_references"] = pos
    printed += [num, sup["name"], sup["vat_id"], d.isoformat(), p_sub, p_total] + pos
    if not credit:
        printed.append(due.isoformat())
    if not reverse:
        printed.append(p_tax)
    style = {"template": "invoice-maker", "version": "1.1.0", "lang": lang, "country": country,
             "vat": vat, "credit_note_via": "cancellation-id" if credit else None, "reverse_charge": reverse,
             "product_codes_in_number_column": use_codes, "font": font or "Liberation Sans (default)",
             "font_size": fsize, "items": n, "number_format": "1234.56 (truncated, not rounded)",
             "date_format": "ISO"}
    return src, truth, printed, style


# --------------------------------------------------------------------------- family: german-fx-invoice
GFX_TEXT = {
    "de": ("Vielen Dank für Ihren Auftrag. Bitte überweisen Sie den Rechnungsbetrag bis zum {due} ohne Abzug "
           "unter Angabe der Rechnungsnummer auf das unten genannte Konto.", "Ihre Bestellnummer: {po}."),
    "en": ("Thank you for your order. Please transfer the invoice amount by {due} without deduction, quoting "
           "the invoice number, to the account below.", "Your purchase order: {po}."),
}
CUR_SYMBOL = {"EUR": "€", "USD": "$", "GBP": "£"}


def fam_germanfx(rng: random.Random, seed_label: str):
    country = "DE"
    sup = world.supplier(rng, country)
    currency = rng.choice(["EUR"] * 6 + ["USD", "GBP", "CHF", "CZK", "DKK", "PLN"])
    foreign = currency != "EUR"
    reverse = foreign and rng.random() < 0.5 or (not foreign and rng.random() < 0.08)
    cus_country = rng.choice(["DE", "DE", "AT", "NL", "FR"]) if not foreign else "IE"
    cus = world.customer(rng, cus_country if not foreign else "DE")
    if foreign:
        cus["city"] = {"USD": "New York", "GBP": "London", "CHF": "Zürich", "CZK": "Praha", "DKK": "København",
                       "PLN": "Warszawa"}[currency]
    vat = rng.choice([0.19, 0.19, 0.07])
    includes_vat = rng.random() < 0.4
    credit = rng.random() < 0.15
    text_lang = "en" if (foreign and rng.random() < 0.7) else "de"
    title = {("de", False): "Rechnung", ("de", True): "Gutschrift", ("en", False): "Invoice",
             ("en", True): "Credit Note"}[(text_lang, credit)]
    d, due = draw_dates(rng)
    num = world.invoice_number(rng, d.year)
    n = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 14, 18, 25])
    items = world.pick_items(rng, text_lang, n, long_share=0.25)
    prices = []
    for it in items:
        mult = rng.choice([1, 1, 2, 3, 5, 6, 10, 12, 24])
        prices.append(it["cents"] * mult / 100)
    no_vat = reverse
    base_f = 1.0 if no_vat else (1.0 / (1.0 + vat) if includes_vat else 1.0)
    total_f = 1.0 if no_vat else (1.0 if includes_vat else 1.0 + vat)
    vat_f = 0.0 if no_vat else (vat / (1.0 + vat) if includes_vat else vat)
    loc = "de" if currency == "EUR" else "en"
    s_prices = sum(prices)
    base_price = base_f * s_prices
    total_vat = sum(p * vat_f for p in prices)
    total = sum(p * total_f for p in prices)
    p_lines = [format_currency(p * base_f, loc) for p in prices]
    p_net, p_vat, p_total = (format_currency(base_price, loc), format_currency(total_vat, loc),
                             format_currency(total, loc))
    if sum(Decimal(dec(x)) for x in p_lines) != Decimal(dec(p_net)):
        return None
    if not no_vat and Decimal(dec(p_net)) + Decimal(dec(p_vat)) != Decimal(dec(p_total)):
        return None
    if no_vat and p_net != p_total:
        return None
    pos = [world.po_number(rng)] if rng.random() < 0.4 else []
    show_due = rng.random() < 0.75 and not credit
    main_txt, po_txt = GFX_TEXT[text_lang]
    date_fmt = due.strftime("%d.%m.%Y") if text_lang == "de" else due.strftime("%d/%m/%Y")
    text = main_txt.format(due=date_fmt) if show_due else (
        "Der Betrag wird Ihrem Kundenkonto gutgeschrieben." if text_lang == "de" and credit else
        "The amount will be credited to your customer account." if credit else
        "Vielen Dank für Ihren Auftrag." if text_lang == "de" else "Thank you for your order.")
    if pos:
        text += " " + po_txt.format(po=", ".join(pos))
    use_vat_id = rng.random() < 0.8
    tax_nr = world.de_tax_number(rng)
    fx = currency != "EUR" and currency in ("USD", "GBP") and rng.random() < 0.5
    fx_rate = round(rng.uniform(0.8, 1.2), 4) if fx else None
    author = (f"(name: {q(sup['name'])}, street: {q(sup['street'])}, zip: {q(sup['zip'])}, city: {q(sup['city'])}, "
              f"tax_nr: {q(tax_nr)}" + (f", vat_id: {q(sup['vat_id'])}" if use_vat_id else "") + ")")
    recip = (f"(name: {q(cus['name'])}, street: {q(cus['street'])}, zip: {q(cus['zip'])}, city: {q(cus['city'])}"
             + (f", vat_id: {q(cus['vat_id'])}" if rng.random() < 0.6 else "") + ")")
    bank = (f"(name: {q(sup['name'])}, bank: {q(rng.choice(['Sparkasse KölnBonn', 'Commerzbank AG', 'Deutsche Bank AG', 'GLS Bank', 'Volksbank Mittelhessen']))}, "
            f"iban: {q(world.iban(rng, 'DE'))}, bic: {q(rng.choice(['COLSDE33XXX', 'COBADEFFXXX', 'DEUTDEFFXXX', 'GENODEM1GLS']))}, "
            f"gender: (account_holder: {q(rng.choice(['Kontoinhaber', 'Kontoinhaberin', 'Account holder']))}))")
    items_src = ",\n    ".join(f"(description: {q(it['description'])}, price: {p!r})" for it, p in zip(items, prices))
    src = f"""#import "@preview/german-fx-invoice:0.2.0": invoice

#show: invoice(
  {q(num)},
  datetime(year: {d.year}, month: {d.month}, day: {d.day}),
  (
    {items_src},
  ),
  {author},
  {recip},
  {bank},
  invoice-title: {q(title)},
  invoice-text: {q(text)},
  vat: {vat!r},
  reverse-charge: {"true" if reverse else "false"},
  includes-vat: {"true" if includes_vat else "false"},
  currency: {q(currency)},
  {"fx-rate: " + repr(fx_rate) + "," if fx else ""}
  show-qr: {"true" if rng.random() < 0.7 else "false"},
)
"""
    sym = CUR_SYMBOL.get(currency, currency)
    truth = {
        "document_type": "credit_note" if credit else "invoice",
        "invoice_number": num,
        "invoice_date": d.isoformat(),
        "currency": currency,
        "total_excl_tax": dec(p_net),
        "total_incl_tax": dec(p_total),
        "supplier_name": sup["name"],
        "supplier_tax_id": sup["vat_id"] if use_vat_id else tax_nr,
        "line_items": [{"description": it["description"], "total": dec(pl)} for it, pl in zip(items, p_lines)],
    }
    if not no_vat:
        truth["tax_amount"] = dec(p_vat)
    if show_due:
        truth["due_date"] = due.isoformat()
    if pos:
        truth["po_references"] = pos
    printed = [num, sup["name"], truth["supplier_tax_id"], d.strftime("%d.%m.%Y"), p_net + sym, p_total + sym] + pos
    printed += [pl + sym for pl in p_lines] + [it["description"] for it in items]
    if not no_vat:
        printed.append(p_vat + sym)
    if show_due:
        printed.append(date_fmt)
    style = {"template": "german-fx-invoice", "version": "0.2.0", "labels": "de", "text_lang": text_lang,
             "title": title, "currency": currency, "vat": vat, "includes_vat": includes_vat,
             "reverse_charge": reverse, "fx_rate": fx_rate, "items": n,
             "number_format": "1234,56 (EUR) / 1234.56 (other)", "date_format": "DD.MM.YYYY"}
    return src, truth, printed, style


# --------------------------------------------------------------------------- family: tiefletter
TL_TEXT = {"en": "Your order reference: {po}", "de": "Ihre Bestellreferenz: {po}"}


def fmt_date_tl(d: dt.date, lang: str, style: int) -> str:
    if lang == "de":
        return d.strftime("%d.%m.%Y") if style == 0 else f"{d.day}. {MONTHS['de'][d.month - 1]} {d.year}"
    return d.strftime("%d/%m/%Y") if style == 0 else f"{d.day} {MONTHS['en'][d.month - 1]} {d.year}"


def fam_tiefletter(rng: random.Random, seed_label: str):
    lang = rng.choice(["en", "de", "de"])
    country = rng.choice(["AT", "AT", "DE"])
    sup = world.supplier(rng, country)
    cus = world.customer(rng, country)
    rates = (20, 10, 13) if country == "AT" else (19, 7)
    d, due = draw_dates(rng)
    dstyle = rng.randrange(2)
    num = world.invoice_number(rng, d.year)
    n = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25])
    items = world.pick_items(rng, lang, n, long_share=0.2)
    rows = []
    for it in items:
        qv = rng.choice([1, 1, 2, 3, 4, 5, 6, 10, 12, 24, 1.5, 2.5])
        r = rates[1] if it["reduced"] and rng.random() < 0.8 else rates[0]
        rows.append({"quantity": qv, "description": it["description"], "unit-price": it["cents"] / 100, "vat-rate": r,
                     "omit_rate": r == 20 and rng.random() < 0.5})
    lines = []
    for r in rows:
        up, qv, rate = r["unit-price"], r["quantity"], r["vat-rate"]
        lines.append((format_currency(up), format_currency(qv * (rate / 100) * up),
                      format_currency((up + (rate / 100) * up) * qv)))
    net = sum(r["unit-price"] * r["quantity"] for r in rows)
    vat = sum(r["unit-price"] * r["quantity"] * r["vat-rate"] / 100 for r in rows)
    gross = net + vat
    p_net, p_vat, p_gross = format_currency(net), format_currency(vat), format_currency(gross)
    if Decimal(p_net) + Decimal(p_vat) != Decimal(p_gross):
        return None
    # line totals are gross; their sum may differ from the printed gross by per-line rounding
    gap = sum(Decimal(l[2]) for l in lines) - Decimal(p_gross)
    if abs(gap) > Decimal("0.005") * len(lines) + Decimal("0.0001"):
        return None
    pos = [world.po_number(rng)] if rng.random() < 0.4 else []
    gender, short = rng.choice([("m", "Berger"), ("f", "Maier"), ("o", "Team " + cus["name"]),
                                ("m", "Dr. Novak"), ("f", "Aigner"), ("f", "Mag. Leitner"), ("m", "Gruber")])
    fn_line = f"FN {rng.randint(100000, 599999)}{rng.choice('abdfgimpstvwxyz')}" if country == "AT" else \
        f"HRB {rng.randint(10000, 99999)}"
    uid_label = "UID" if country == "AT" else "USt-IdNr."
    footer_mid = f"{uid_label}: {sup['vat_id']}\n{fn_line}"
    bankname = rng.choice(["Erste Bank", "Raiffeisenbank", "Bank Austria", "Sparkasse", "Volksbank"])
    items_src = ",\n    ".join(
        "(" + ", ".join([f"quantity: {r['quantity']!r}", f"description: {q(r['description'])}",
                         f"unit-price: {r['unit-price']!r}"] +
                        ([] if r["omit_rate"] else [f"vat-rate: {r['vat-rate']}"])) + ")" for r in rows)
    after = TL_TEXT[lang].format(po=", ".join(pos)) if pos else None
    iban = world.iban(rng, country)
    src = f"""#import "@preview/tiefletter:0.1.3": invoice

#invoice(
  lang: {q(lang)},
  invoice-number: {q(num)},
  invoice-date: {q(fmt_date_tl(d, lang, dstyle))},
  {"delivery-date: " + q(fmt_date_tl(d - dt.timedelta(days=rng.randint(1, 6)), lang, dstyle)) + "," if rng.random() < 0.5 else ""}
  seller: (
    name: {q(sup['name'])},
    address: {q(sup['street'] + chr(10) + sup['zip'] + ' ' + sup['city'])},
    uid: {q(sup['vat_id'])},
    is-kleinunternehmer: false,
    tel: {q('+43 ' if country == 'AT' else '+49 ')} + {q(f"{rng.randint(1, 999)} {rng.randint(100000, 9999999)}")},
    email: {q('office@' + re.sub(r'[^a-z]', '', sup['name'].split()[0].lower()) + ('.at' if country == 'AT' else '.de'))},
  ),
  footer-middle: {q(footer_mid)},
  footer-right: {q(bankname + chr(10) + 'BIC ' + rng.choice(['GIBAATWWXXX', 'RZBAATWW', 'BKAUATWW', 'SPKHDE2HXXX']))},
  client: (
    gender-marker: {q(gender)},
    full-name: {q(cus['name'])},
    short-name: {q(short)},
    address: {q(cus['street'] + chr(10) + cus['zip'] + ' ' + cus['city'])},
  ),
  items: (
    {items_src},
  ),
  {"after-table-text: " + q(after) + "," if after else ""}
  payment-due-date: {q(fmt_date_tl(due, lang, dstyle))},
  iban: {q(iban)},
  bic: "XXXXATWWXXX",
)
"""
    truth = {
        "document_type": "invoice",
        "invoice_number": num,
        "invoice_date": d.isoformat(),
        "due_date": due.isoformat(),
        "currency": "EUR",
        "total_excl_tax": dec(p_net),
        "tax_amount": dec(p_vat),
        "total_incl_tax": dec(p_gross),
        "supplier_name": sup["name"],
        "supplier_tax_id": sup["vat_id"],
        "line_items": [{"description": r["description"], "quantity": str(Decimal(str(r["quantity"]))),
                        "unit_price": dec(l[0]), "total": dec(l[2])} for r, l in zip(rows, lines)],
    }
    if pos:
        truth["po_references"] = pos
    printed = [num, sup["name"], sup["vat_id"], fmt_date_tl(d, lang, dstyle), fmt_date_tl(due, lang, dstyle),
               p_net, p_vat, p_gross] + pos
    for r, l in zip(rows, lines):
        printed += [r["description"], l[0], l[1], l[2], qty_str(r["quantity"])]
    style = {"template": "tiefletter", "version": "0.1.3", "lang": lang, "country": country,
             "date_style": ["numeric", "long"][dstyle], "rates": sorted({r["vat-rate"] for r in rows}),
             "items": n, "line_total": "gross (incl. VAT)", "line_rounding_gap": str(gap),
             "number_format": "1234.56", "font": "Cormorant Garamond requested, not installed -> Typst fallback"}
    return src, truth, printed, style


FAMILIES = {"invmaker": fam_invmaker, "germanfx": fam_germanfx, "tiefletter": fam_tiefletter}
WEIGHTS = [("invmaker", 4), ("germanfx", 3), ("tiefletter", 3)]


# --------------------------------------------------------------------------- build + check
def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def pdf_text(pdf: bytes) -> tuple[str, int]:
    r = pypdf.PdfReader(io.BytesIO(pdf))
    return squash(" ".join(p.extract_text() or "" for p in r.pages)), len(r.pages)


def first_lines(pdf: bytes, descs: list[str]) -> list[str] | None:
    """First printed line of each item description (in order), from pypdf's positioned text runs."""
    runs = []
    r = pypdf.PdfReader(io.BytesIO(pdf))
    for pno, page in enumerate(r.pages):
        page.extract_text(visitor_text=lambda t, cm, tm, fd, fs, pno=pno: runs.append((pno, cm[5], cm[4], t)))
    out, pos = [], 0
    for desc in descs:
        full = squash(desc)
        found = None
        for k in range(pos, len(runs)):
            head = squash(runs[k][3])
            if head and full.startswith(head) and (len(head) == len(full) or full[len(head)] == " "
                                                   or head[-1] in "-/"):
                acc = runs[k][3]
                j = k + 1
                while j < len(runs) and runs[j][:2] == runs[k][:2]:
                    cand = acc + runs[j][3]
                    if not full.startswith(squash(cand)):
                        break
                    acc, j = cand, j + 1
                found = (k, squash(acc))
                break
        if found is None:
            return None
        pos = found[0] + 1
        out.append(found[1])
    return out


def check(text: str, printed: list[str], truth: dict) -> list[str]:
    """Every printed truth string must appear in the extracted text (descriptions: first words)."""
    dehy = re.sub(r"(\w)- (\w)", r"\1\2", text)
    bad = []
    descs = {it["description"] for it in truth.get("line_items", [])}
    for s in printed:
        s = squash(s)
        if s in descs:
            words = " ".join(s.split()[:3])
            if words not in text and words not in dehy and " ".join(s.split()[:1]) not in dehy:
                bad.append(f"description {s!r}")
        elif s not in text and s not in dehy:
            bad.append(repr(s))
    # arithmetic: items vs net, net + tax = gross
    its = truth.get("line_items", [])
    net, gross = Decimal(truth["total_excl_tax"]), Decimal(truth["total_incl_tax"])
    tax = Decimal(truth.get("tax_amount", "0"))
    if net + tax != gross:
        bad.append(f"net {net} + tax {tax} != gross {gross}")
    if its:
        s = sum(Decimal(i["total"]) for i in its)
        target = gross if truth["_style"].get("line_total", "").startswith("gross") else net
        tol = Decimal("0.005") * len(its) if target is gross else Decimal(0)
        if abs(s - target) > tol:
            bad.append(f"sum of lines {s} vs {target}")
    return bad


def build(outdir: Path, count: int, seed: int) -> int:
    outdir.mkdir(parents=True, exist_ok=True)
    failures = 0
    names = [n for n, w in WEIGHTS for _ in range(w)]
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(1, count + 1):
            fam = names[random.Random(f"{seed}-{i}-family").randrange(len(names))] if i > 3 else \
                [n for n, _ in WEIGHTS][i - 1]
            for attempt in range(40):
                rng = random.Random(f"{seed}-{i}-{attempt}")
                got = FAMILIES[fam](rng, f"{seed}")
                if got is None:
                    continue
                src, truth, printed, style = got
                truth["_source"] = f"{SET_NAME} seed {seed}"
                truth["_style"] = dict(style, attempt=attempt)
                main = Path(tmp) / "main.typ"
                main.write_text(src, encoding="utf-8")
                pdf = typst.compile(str(main), root=tmp, package_path=str(PKGS),
                                    timestamp=int(dt.datetime(2025, 1, 1).timestamp()))
                text, pages = pdf_text(pdf)
                bad = check(text, printed, truth)
                if bad:
                    print(f"  doc {i} {fam} attempt {attempt}: re-draw, not found: {bad[:4]}", file=sys.stderr)
                    continue
                truth["_style"]["pages"] = pages
                items = truth.get("line_items", [])
                fl = first_lines(pdf, [it["description"] for it in items])
                if fl is None:
                    print(f"  doc {i} {fam} attempt {attempt}: re-draw, description lines not located",
                          file=sys.stderr)
                    continue
                wrapped = 0
                for it, line in zip(items, fl):
                    if line != squash(it["description"]):
                        it["description"] = line
                        wrapped += 1
                truth["_style"]["wrapped_descriptions_cut_to_first_line"] = wrapped
                stem = f"{i:03d}_{fam}"
                (outdir / f"{stem}.pdf").write_bytes(pdf)
                (outdir / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                     encoding="utf-8")
                (outdir / f"{stem}.typ").write_text(src, encoding="utf-8")
                print(f"{stem}: {style.get('lang', style.get('text_lang'))} {truth['currency']} "
                      f"{len(truth['line_items'])} items, {pages} page(s)")
                break
            else:
                failures += 1
                print(f"doc {i} {fam}: FAILED after 40 attempts", file=sys.stderr)
    return failures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    failures = build(a.outdir, a.count, a.seed)
    if failures:
        sys.exit(f"{failures} document(s) failed their check")


if __name__ == "__main__":
    main()
