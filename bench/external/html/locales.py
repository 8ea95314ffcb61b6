"""Labels, number, date and money formats per locale."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

L = {
    "invoice": dict(en="Invoice", de="Rechnung", fr="Facture", nl="Factuur", it="Fattura", es="Factura", pt="Fatura", cs="Faktura"),
    "credit_note": dict(en="Credit Note", de="Gutschrift", fr="Avoir", nl="Creditnota", it="Nota di credito", es="Factura rectificativa", pt="Nota de crédito", cs="Dobropis"),
    "number": dict(en="Invoice #", de="Rechnungsnr.", fr="Facture n°", nl="Factuurnummer", it="Fattura n.", es="N.º de factura", pt="Fatura n.º", cs="Číslo faktury"),
    "cn_number": dict(en="Credit note #", de="Gutschrift-Nr.", fr="Avoir n°", nl="Creditnotanummer", it="Nota di credito n.", es="N.º de rectificativa", pt="Nota de crédito n.º", cs="Číslo dobropisu"),
    "invoice_number": dict(en="Invoice Number", de="Rechnungsnummer", fr="Numéro de facture", nl="Factuurnummer", it="Numero fattura", es="Número de factura", pt="Número da fatura", cs="Číslo faktury"),
    "credit_number": dict(en="Credit Number", de="Gutschriftnummer", fr="Numéro d'avoir", nl="Creditnummer", it="Numero nota di credito", es="Número de abono", pt="Número do crédito", cs="Číslo dobropisu"),
    "date": dict(en="Date", de="Datum", fr="Date", nl="Datum", it="Data", es="Fecha", pt="Data", cs="Datum"),
    "created": dict(en="Created", de="Erstellt", fr="Émise le", nl="Aangemaakt", it="Emessa il", es="Emitida", pt="Emitida", cs="Vystaveno"),
    "invoice_date": dict(en="Invoice Date", de="Rechnungsdatum", fr="Date de facture", nl="Factuurdatum", it="Data fattura", es="Fecha de factura", pt="Data da fatura", cs="Datum vystavení"),
    "credit_date": dict(en="Credit Date", de="Gutschriftdatum", fr="Date de l'avoir", nl="Creditdatum", it="Data nota di credito", es="Fecha del abono", pt="Data do crédito", cs="Datum dobropisu"),
    "due": dict(en="Due", de="Fällig", fr="Échéance", nl="Vervaldatum", it="Scadenza", es="Vencimiento", pt="Vencimento", cs="Splatnost"),
    "due_date": dict(en="Due Date", de="Fälligkeitsdatum", fr="Date d'échéance", nl="Vervaldatum", it="Data di scadenza", es="Fecha de vencimiento", pt="Data de vencimento", cs="Datum splatnosti"),
    "po": dict(en="PO Number", de="Bestellnummer", fr="N° de commande", nl="Inkoopordernummer", it="N. ordine", es="N.º de pedido", pt="N.º de encomenda", cs="Číslo objednávky"),
    "order_number": dict(en="Order number", de="Bestellnummer", fr="Numéro de commande", nl="Ordernummer", it="Numero d'ordine", es="Número de pedido", pt="Número de encomenda", cs="Číslo objednávky"),
    "customer_number": dict(en="Customer number", de="Kundennummer", fr="N° client", nl="Klantnummer", it="Codice cliente", es="N.º de cliente", pt="N.º de cliente", cs="Číslo zákazníka"),
    "bill_to": dict(en="Bill to", de="Rechnungsempfänger", fr="Facturé à", nl="Factuur aan", it="Intestata a", es="Facturar a", pt="Faturar a", cs="Odběratel"),
    "invoice_to": dict(en="Invoice to", de="Rechnung an", fr="Facturer à", nl="Factuur aan", it="Fattura a", es="Factura a", pt="Fatura para", cs="Fakturováno"),
    "to": dict(en="To", de="An", fr="À", nl="Aan", it="A", es="Para", pt="Para", cs="Pro"),
    "from": dict(en="From", de="Von", fr="De", nl="Van", it="Da", es="De", pt="De", cs="Od"),
    "ship_to": dict(en="Ship to", de="Lieferadresse", fr="Livrer à", nl="Afleveradres", it="Spedire a", es="Enviar a", pt="Enviar para", cs="Dodací adresa"),
    "item": dict(en="Item", de="Artikel", fr="Article", nl="Artikel", it="Articolo", es="Artículo", pt="Artigo", cs="Položka"),
    "items_label": dict(en="Items", de="Positionen", fr="Articles", nl="Artikelen", it="Articoli", es="Artículos", pt="Artigos", cs="Položky"),
    "description": dict(en="Description", de="Beschreibung", fr="Description", nl="Omschrijving", it="Descrizione", es="Descripción", pt="Descrição", cs="Popis"),
    "qty": dict(en="Qty", de="Menge", fr="Qté", nl="Aantal", it="Q.tà", es="Cant.", pt="Qtd.", cs="Množství"),
    "quantity": dict(en="Quantity", de="Menge", fr="Quantité", nl="Aantal", it="Quantità", es="Cantidad", pt="Quantidade", cs="Množství"),
    "amount_qty": dict(en="Amount", de="Anzahl", fr="Quantité", nl="Aantal", it="Quantità", es="Cantidad", pt="Quantidade", cs="Množství"),
    "price": dict(en="Price", de="Preis", fr="Prix", nl="Prijs", it="Prezzo", es="Precio", pt="Preço", cs="Cena"),
    "unit_price": dict(en="Unit price", de="Einzelpreis", fr="Prix unitaire", nl="Stukprijs", it="Prezzo unitario", es="Precio unitario", pt="Preço unitário", cs="Jednotková cena"),
    "unit_cost": dict(en="Unit Cost", de="Stückpreis", fr="Prix unitaire", nl="Eenheidsprijs", it="Costo unitario", es="Precio unitario", pt="Preço unitário", cs="Cena za jednotku"),
    "total": dict(en="Total", de="Gesamt", fr="Total", nl="Totaal", it="Totale", es="Total", pt="Total", cs="Celkem"),
    "line_total": dict(en="Line Total", de="Summe", fr="Total ligne", nl="Regeltotaal", it="Totale riga", es="Total línea", pt="Total linha", cs="Celkem za řádek"),
    "amount": dict(en="Amount", de="Betrag", fr="Montant", nl="Bedrag", it="Importo", es="Importe", pt="Montante", cs="Částka"),
    "subtotal": dict(en="Subtotal", de="Zwischensumme", fr="Sous-total", nl="Subtotaal", it="Subtotale", es="Subtotal", pt="Subtotal", cs="Mezisoučet"),
    "net_total": dict(en="Total excl. VAT", de="Summe netto", fr="Total HT", nl="Totaal excl. btw", it="Imponibile", es="Base imponible", pt="Total sem IVA", cs="Základ daně"),
    "vat": dict(en="VAT", de="MwSt.", fr="TVA", nl="btw", it="IVA", es="IVA", pt="IVA", cs="DPH"),
    "vat_ch": dict(en="VAT", de="MWST", fr="TVA", nl="btw", it="IVA", es="IVA", pt="IVA", cs="DPH"),
    "sales_tax": dict(en="Sales Tax", de="Umsatzsteuer", fr="Taxe", nl="Omzetbelasting", it="Imposta", es="Impuesto", pt="Imposto", cs="Daň"),
    "tax": dict(en="Tax", de="Steuer", fr="Taxe", nl="Belasting", it="Imposta", es="Impuesto", pt="Imposto", cs="Daň"),
    "grand_total": dict(en="Grand Total", de="Gesamtbetrag", fr="Total TTC", nl="Totaal incl. btw", it="Totale documento", es="Total factura", pt="Total a pagar", cs="Celkem k úhradě"),
    "amount_due": dict(en="Amount Due", de="Offener Betrag", fr="Montant dû", nl="Openstaand bedrag", it="Importo dovuto", es="Importe pendiente", pt="Valor em dívida", cs="K úhradě"),
    "balance_due": dict(en="Balance Due", de="Offener Betrag", fr="Solde dû", nl="Te betalen", it="Saldo dovuto", es="Saldo pendiente", pt="Saldo devedor", cs="Zbývá uhradit"),
    "credit_amount": dict(en="Credit Amount", de="Gutschriftbetrag", fr="Montant de l'avoir", nl="Creditbedrag", it="Importo accredito", es="Importe del abono", pt="Valor do crédito", cs="Částka dobropisu"),
    "paid": dict(en="Paid", de="Bezahlt", fr="Payé", nl="Betaald", it="Pagato", es="Pagado", pt="Pago", cs="Zaplaceno"),
    "paid_to_date": dict(en="Paid to Date", de="Bereits bezahlt", fr="Déjà payé", nl="Reeds betaald", it="Già pagato", es="Pagado a la fecha", pt="Pago até à data", cs="Dosud uhrazeno"),
    "balance": dict(en="Balance", de="Saldo", fr="Solde", nl="Saldo", it="Saldo", es="Saldo", pt="Saldo", cs="Zůstatek"),
    "payment_method": dict(en="Payment Method", de="Zahlungsart", fr="Mode de paiement", nl="Betaalmethode", it="Metodo di pagamento", es="Forma de pago", pt="Método de pagamento", cs="Způsob platby"),
    "bank_transfer": dict(en="Bank transfer", de="Überweisung", fr="Virement bancaire", nl="Bankoverschrijving", it="Bonifico bancario", es="Transferencia bancaria", pt="Transferência bancária", cs="Bankovní převod"),
    "direct_debit": dict(en="Direct debit", de="Lastschrift", fr="Prélèvement", nl="Automatische incasso", it="Addebito diretto", es="Domiciliación", pt="Débito direto", cs="Inkaso"),
    "vat_id": dict(en="VAT No.", de="USt-IdNr.", fr="N° TVA", nl="Btw-nr.", it="P.IVA", es="NIF", pt="NIF", cs="DIČ"),
    "vat_id_long": dict(en="VAT number", de="Umsatzsteuer-ID", fr="Numéro de TVA intracommunautaire", nl="Btw-nummer", it="Partita IVA", es="NIF/CIF", pt="Número de contribuinte", cs="DIČ"),
    "ein": dict(en="EIN", de="EIN", fr="EIN", nl="EIN", it="EIN", es="EIN", pt="EIN", cs="EIN"),
    "phone": dict(en="Phone", de="Tel.", fr="Tél.", nl="Tel.", it="Tel.", es="Tel.", pt="Tel.", cs="Tel."),
    "notes": dict(en="Notes", de="Anmerkungen", fr="Remarques", nl="Opmerkingen", it="Note", es="Notas", pt="Notas", cs="Poznámky"),
    "terms": dict(en="Terms", de="Zahlungsbedingungen", fr="Conditions", nl="Voorwaarden", it="Condizioni", es="Condiciones", pt="Condições", cs="Podmínky"),
    "thanks": dict(en="Thank you!", de="Vielen Dank!", fr="Merci !", nl="Bedankt!", it="Grazie!", es="¡Gracias!", pt="Obrigado!", cs="Děkujeme!"),
    "notice": dict(en="NOTICE:", de="HINWEIS:", fr="AVIS :", nl="LET OP:", it="AVVISO:", es="AVISO:", pt="AVISO:", cs="UPOZORNĚNÍ:"),
    "notice_text": dict(en="A finance charge of 1.5% will be made on unpaid balances after 30 days.",
                        de="Bei Zahlungsverzug berechnen wir Verzugszinsen gemäß § 288 BGB.",
                        fr="Tout retard de paiement entraîne une indemnité forfaitaire de 40 € pour frais de recouvrement.",
                        nl="Bij late betaling wordt de wettelijke handelsrente in rekening gebracht.",
                        it="In caso di ritardato pagamento saranno applicati gli interessi di mora.",
                        es="El retraso en el pago devengará los intereses de demora legales.",
                        pt="Pagamentos em atraso estão sujeitos a juros de mora.",
                        cs="Při prodlení s platbou účtujeme úrok z prodlení."),
    "terms_text": dict(en="Payment within {d} days of the invoice date. Please quote the invoice number.",
                       de="Zahlbar innerhalb von {d} Tagen ohne Abzug. Bitte geben Sie die Rechnungsnummer an.",
                       fr="Paiement à {d} jours date de facture. Merci de rappeler le numéro de facture.",
                       nl="Betaling binnen {d} dagen na factuurdatum onder vermelding van het factuurnummer.",
                       it="Pagamento entro {d} giorni dalla data fattura.",
                       es="Pago a {d} días fecha factura.",
                       pt="Pagamento a {d} dias da data da fatura.",
                       cs="Splatnost {d} dní od data vystavení."),
    "cn_text": dict(en="This credit note will be offset against your next invoice.",
                    de="Der Betrag wird mit Ihrer nächsten Rechnung verrechnet.",
                    fr="Le montant de cet avoir sera déduit de votre prochaine facture.",
                    nl="Dit bedrag wordt verrekend met uw volgende factuur.",
                    it="L'importo sarà compensato con la prossima fattura.",
                    es="El importe se compensará en su próxima factura.",
                    pt="O valor será compensado na próxima fatura.",
                    cs="Částka bude započtena na další fakturu."),
    "footer_valid": dict(en="Invoice was created on a computer and is valid without the signature and seal.",
                         de="Diese Rechnung wurde maschinell erstellt und ist ohne Unterschrift gültig.",
                         fr="Facture établie par ordinateur, valable sans signature ni cachet.",
                         nl="Deze factuur is elektronisch aangemaakt en geldig zonder handtekening.",
                         it="Fattura generata elettronicamente, valida senza firma e timbro.",
                         es="Factura generada por ordenador, válida sin firma ni sello.",
                         pt="Fatura processada por computador, válida sem assinatura.",
                         cs="Faktura byla vytvořena počítačem a je platná bez podpisu a razítka."),
    "contact": dict(en="Contact", de="Kontakt", fr="Contact", nl="Contact", it="Contatti", es="Contacto", pt="Contacto", cs="Kontakt"),
    "bank_account": dict(en="Bank account", de="Bankverbindung", fr="Coordonnées bancaires", nl="Bankrekening", it="Coordinate bancarie", es="Cuenta bancaria", pt="Conta bancária", cs="Bankovní spojení"),
    "page_of": dict(en="Page {p} of {n}", de="Seite {p} von {n}", fr="Page {p} sur {n}", nl="Pagina {p} van {n}", it="Pagina {p} di {n}", es="Página {p} de {n}", pt="Página {p} de {n}", cs="Strana {p} z {n}"),
    "address": dict(en="Address", de="Adresse", fr="Adresse", nl="Adres", it="Indirizzo", es="Dirección", pt="Morada", cs="Adresa"),
    "email": dict(en="Email", de="E-Mail", fr="E-mail", nl="E-mail", it="E-mail", es="Correo", pt="E-mail", cs="E-mail"),
}

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince".split(),
}

# number styles: (thousands separator, decimal separator)
NUM_STYLES = {
    "en": (",", "."),
    "de": (".", ","),
    "fr": ("\u202f", ","),   # narrow no-break space, as CLDR fr
    "fr_sp": ("\u00a0", ","),
    "ch": ("'", "."),
    "ch_typo": ("’", "."),
    "plain_comma": ("", ","),
    "plain_dot": ("", "."),
    "cs": ("\u00a0", ","),
}


def label(key: str, lang: str) -> str:
    return L[key][lang]


def fmt_num(value, style: str, decimals: int = 2) -> str:
    sep, dec = NUM_STYLES[style]
    q = Decimal(1).scaleb(-decimals) if decimals else Decimal(1)
    v = Decimal(value).quantize(q, rounding=ROUND_HALF_UP)
    neg = v < 0
    s = f"{abs(v):.{decimals}f}"
    whole, _, frac = s.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sep.join(groups) + (dec + frac if decimals else "")
    return ("-" if neg else "") + out


def fmt_qty(value: Decimal, style: str, fixed: int | None = None) -> str:
    """Quantities: integers without decimals unless ``fixed`` asks for a fixed count."""
    if fixed is not None:
        return fmt_num(value, style, fixed)
    if value == value.to_integral_value():
        return fmt_num(value, style, 0)
    decs = max(1, -value.normalize().as_tuple().exponent)
    return fmt_num(value, style, decs)


SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF", "CZK": "Kč"}


def fmt_money(value, currency: str, style: str, pattern: str, decimals: int = 2) -> str:
    """pattern: 'sym_pre' (€1.00 / $1.00), 'sym_pre_sp' (€ 1,00), 'sym_post' (1,00 €),
    'code_pre' (EUR 1.00), 'code_post' (1.00 EUR), 'none' (1.00)."""
    n = fmt_num(value, style, decimals)
    sym = SYMBOLS[currency]
    nb = "\u00a0"
    if pattern == "sym_pre":
        return f"{sym}{n}" if len(sym) == 1 else f"{sym}{nb}{n}"
    if pattern == "sym_pre_sp":
        return f"{sym}{nb}{n}"
    if pattern == "sym_post":
        return f"{n}{nb}{sym}"
    if pattern == "code_pre":
        return f"{currency}{nb}{n}"
    if pattern == "code_post":
        return f"{n}{nb}{currency}"
    return n


def fmt_date(d: dt.date, fmt: str, lang: str) -> str:
    m = MONTHS[lang][d.month - 1]
    return {
        "dmy_dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dmy_slash": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dmy_dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "mdy_slash": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "iso": d.isoformat(),
        "long_en_us": f"{m} {d.day}, {d.year}",
        "long_en_gb": f"{d.day} {m} {d.year}",
        "long_de": f"{d.day}. {m} {d.year}",
        "long": f"{d.day} {m} {d.year}",
        "long_es": f"{d.day} de {m} de {d.year}",
        "cs": f"{d.day}. {d.month}. {d.year}",
        "cs_long": f"{d.day}. {m} {d.year}",
    }[fmt]


# per country (or locale) the plausible formats
def date_formats(lang: str, country: str) -> list[str]:
    if lang == "en":
        return ["mdy_slash", "long_en_us", "iso"] if country == "US" else ["dmy_slash", "long_en_gb", "iso"]
    return {
        "de": ["dmy_dot", "dmy_dot", "long_de", "iso"],
        "fr": ["dmy_slash", "dmy_slash", "long"],
        "nl": ["dmy_dash", "dmy_dash", "long", "iso"],
        "it": ["dmy_slash", "long"],
        "es": ["dmy_slash", "long_es"],
        "pt": ["dmy_slash", "dmy_dash", "long_es"],
        "cs": ["cs", "dmy_dot", "cs_long"],
    }[lang]


def num_styles(lang: str, country: str) -> list[str]:
    if country == "CH":
        return ["ch", "ch_typo"]
    if lang == "en":
        return ["en"] if country in ("GB", "US", "IE") else ["en", "de"]
    return {
        "de": ["de", "de"],
        "fr": ["fr", "fr_sp", "plain_comma"],
        "nl": ["de"],
        "it": ["de"],
        "es": ["de", "plain_comma"],
        "pt": ["fr_sp", "de"],
        "cs": ["cs"],
    }[lang]


def money_patterns(lang: str, currency: str) -> list[str]:
    if currency in ("GBP", "USD"):
        return ["sym_pre", "sym_pre", "code_pre"]
    if currency == "CHF":
        return ["code_pre", "code_post"]
    if currency == "CZK":
        return ["sym_post", "code_post"]
    if lang in ("nl",):
        return ["sym_pre_sp", "sym_pre_sp", "code_pre"]
    if lang == "en":
        return ["sym_pre", "sym_post", "code_pre"]
    return ["sym_post", "sym_post", "code_post"]
