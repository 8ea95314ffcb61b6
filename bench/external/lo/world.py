"""The hospitality-supplier world: locales, labels, names, catalogue, ids with valid check digits."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"

# ---------------------------------------------------------------- locales
# lang: label language; dec/grp: number separators; cur: ISO code; sym: how amounts carry the currency
# rates: VAT class -> rate (percent, Decimal string); country: for addresses and ids
LOCALES = {
    "en_GB": dict(lang="en", dec=".", grp=",", cur="GBP", sym=("£", "pre0"), country="GB",
                  rates={"food": "0", "basic": "0", "soft": "20", "alc": "20", "std": "20", "energy": "5"},
                  tax="VAT"),
    "en_US": dict(lang="en", dec=".", grp=",", cur="USD", sym=("$", "pre0"), country="US",
                  rates=None, tax="Sales Tax"),
    "de_DE": dict(lang="de", dec=",", grp=".", cur="EUR", sym=("€", "post"), country="DE",
                  rates={"food": "7", "basic": "7", "soft": "19", "alc": "19", "std": "19", "energy": "19"},
                  tax="USt."),
    "de_CH": dict(lang="de", dec=".", grp="'", cur="CHF", sym=("CHF", "pre"), country="CH",
                  rates={"food": "2.6", "basic": "2.6", "soft": "2.6", "alc": "8.1", "std": "8.1", "energy": "8.1"},
                  tax="MWST"),
    "fr_FR": dict(lang="fr", dec=",", grp=NBSP, cur="EUR", sym=("€", "post"), country="FR",
                  rates={"food": "5.5", "basic": "5.5", "soft": "5.5", "alc": "20", "std": "20", "energy": "20"},
                  tax="TVA"),
    "nl_NL": dict(lang="nl", dec=",", grp=".", cur="EUR", sym=("€", "pre"), country="NL",
                  rates={"food": "9", "basic": "9", "soft": "9", "alc": "21", "std": "21", "energy": "21"},
                  tax="BTW"),
    "it_IT": dict(lang="it", dec=",", grp=".", cur="EUR", sym=("€", "pre"), country="IT",
                  rates={"food": "10", "basic": "4", "soft": "22", "alc": "22", "std": "22", "energy": "22"},
                  tax="IVA"),
    "es_ES": dict(lang="es", dec=",", grp=".", cur="EUR", sym=("€", "post"), country="ES",
                  rates={"food": "10", "basic": "4", "soft": "10", "alc": "21", "std": "21", "energy": "21"},
                  tax="IVA"),
    "cs_CZ": dict(lang="cs", dec=",", grp=NBSP, cur="CZK", sym=("Kč", "post"), country="CZ",
                  rates={"food": "12", "basic": "12", "soft": "12", "alc": "21", "std": "21", "energy": "21"},
                  tax="DPH"),
}

DOCX_LANG = {"en_GB": "en-GB", "en_US": "en-US", "de_DE": "de-DE", "de_CH": "de-CH", "fr_FR": "fr-FR",
             "nl_NL": "nl-NL", "it_IT": "it-IT", "es_ES": "es-ES", "cs_CZ": "cs-CZ"}

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince".split(),
}

# date styles per locale: the generator picks one per document
DATE_STYLES = {
    "en_GB": ["dd/mm/yyyy", "d month yyyy", "d-Mon-yyyy"],
    "en_US": ["mm/dd/yyyy", "month d, yyyy"],
    "de_DE": ["dd.mm.yyyy", "dd.mm.yyyy", "d. month yyyy"],
    "de_CH": ["dd.mm.yyyy"],
    "fr_FR": ["dd/mm/yyyy", "dd/mm/yyyy", "d month yyyy"],
    "nl_NL": ["dd-mm-yyyy", "d month yyyy"],
    "it_IT": ["dd/mm/yyyy", "d month yyyy"],
    "es_ES": ["dd/mm/yyyy", "d de month de yyyy"],
    "cs_CZ": ["d. m. yyyy", "dd.mm.yyyy"],
}


def fmt_date(d: dt.date, style: str, lang: str) -> str:
    m = MONTHS[lang][d.month - 1]
    if style == "dd/mm/yyyy":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "mm/dd/yyyy":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "dd.mm.yyyy":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dd-mm-yyyy":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "d. m. yyyy":
        return f"{d.day}.{NBSP}{d.month}.{NBSP}{d.year}"
    if style == "d month yyyy":
        return f"{d.day} {m} {d.year}"
    if style == "d. month yyyy":
        return f"{d.day}. {m} {d.year}"
    if style == "d-Mon-yyyy":
        return f"{d.day}-{m[:3]}-{d.year}"
    if style == "month d, yyyy":
        return f"{m} {d.day}, {d.year}"
    if style == "d de month de yyyy":
        return f"{d.day} de {m} de {d.year}"
    raise ValueError(style)


def q2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fmt_num(x: Decimal, loc: str, places: int = 2, group: bool = True) -> str:
    L = LOCALES[loc]
    s = f"{abs(x):.{places}f}"
    ip, _, fp = s.partition(".")
    if group and len(ip) > 3:
        parts = []
        while len(ip) > 3:
            parts.insert(0, ip[-3:])
            ip = ip[:-3]
        parts.insert(0, ip)
        ip = L["grp"].join(parts)
    out = ip + (L["dec"] + fp if places else "")
    return ("-" if x < 0 else "") + out


def fmt_qty(x: Decimal, loc: str) -> str:
    """Quantities: integers without decimals, else as many as needed (2.5, 12.35)."""
    if x == x.to_integral_value():
        return fmt_num(x, loc, 0)
    places = max(1, -x.normalize().as_tuple().exponent)
    return fmt_num(x, loc, places)


def fmt_money(x: Decimal, loc: str, mode: str) -> str:
    """mode: 'plain' number only, 'sym' with the locale's symbol, 'iso' with the ISO code."""
    n = fmt_num(x, loc)
    if mode == "plain":
        return n
    L = LOCALES[loc]
    if mode == "iso":
        return f"{L['cur']} {n}" if loc not in ("de_DE", "fr_FR", "es_ES", "cs_CZ") else f"{n} {L['cur']}"
    sym, pos = L["sym"]
    if pos == "pre0":
        return f"{sym}{n}"
    if pos == "pre":
        return f"{sym} {n}"
    return f"{n}{NBSP}{sym}"


def fmt_rate(r: Decimal, loc: str) -> str:
    s = f"{r.normalize():f}"
    if "." in s:
        s = s.replace(".", LOCALES[loc]["dec"])
    return s + ("\u00a0%" if LOCALES[loc]["lang"] in ("fr", "de", "cs") and loc != "de_CH" else "%")


# ---------------------------------------------------------------- labels
LABELS = {
    "en": dict(
        invoice="Invoice", credit_note="Credit Note", inv_no="Invoice No.", cn_no="Credit Note No.",
        date="Date", inv_date="Invoice date", due="Due date", po="Your order no.", po2="PO number",
        cust_no="Customer no.", delivery="Delivery date", ref_inv="Relating to invoice",
        pos="Item", code="Code", desc="Description", qty="Qty", unit="Unit", unit_price="Unit price",
        price="Price", amount="Amount", vat_col="VAT", subtotal="Subtotal", discount="Discount",
        net_total="Net total", total="Total", total_due="Amount due", credit_total="Total credit",
        vat_summary="VAT analysis", rate="Rate", net="Net", tax_amt="VAT", gross="Gross",
        bank="Bank", iban="IBAN", bic="BIC", acct="Account", sort="Sort code",
        vat_id="VAT Reg. No.", tax_no="Tax ID", reg="Company No.", reg_court="Registered in England and Wales",
        terms="Payment terms: {n} days net.", pay_by="Please pay by {date}.",
        thanks="Thank you for your business.", bill_to="Invoice to", ship_to="Deliver to",
        customer="Customer", page="Page", of="of", cn_text="We credit your account as follows:",
        delivery_charge="Delivery charge", tel="Tel.", email="Email", your_vat="Your VAT No.",
        cn_refund="The amount will be offset against your next invoice.",
        units=dict(pcs="pcs", kg="kg", l="l", ctn="ctn", case="case", btl="btl", hr="hrs", pack="pack",
                   set="set", flat="flat"),
    ),
    "de": dict(
        invoice="Rechnung", credit_note="Gutschrift", inv_no="Rechnungsnummer", cn_no="Gutschrift-Nr.",
        date="Datum", inv_date="Rechnungsdatum", due="Fällig am", po="Ihre Bestellung", po2="Bestell-Nr.",
        cust_no="Kunden-Nr.", delivery="Lieferdatum", ref_inv="Bezug: Rechnung",
        pos="Pos.", code="Art.-Nr.", desc="Bezeichnung", qty="Menge", unit="Einheit", unit_price="Einzelpreis",
        price="Preis", amount="Gesamt", vat_col="USt.", subtotal="Zwischensumme", discount="Rabatt",
        net_total="Nettobetrag", total="Gesamtbetrag", total_due="Rechnungsbetrag", credit_total="Gutschriftsbetrag",
        vat_summary="Umsatzsteuer", rate="Satz", net="Netto", tax_amt="USt.", gross="Brutto",
        bank="Bank", iban="IBAN", bic="BIC", acct="Konto", sort="BLZ",
        vat_id="USt-IdNr.", tax_no="Steuernummer", reg="Handelsregister", reg_court="Amtsgericht",
        terms="Zahlbar innerhalb von {n} Tagen ohne Abzug.", pay_by="Bitte überweisen Sie den Betrag bis zum {date}.",
        thanks="Vielen Dank für Ihren Auftrag.", bill_to="Rechnungsanschrift", ship_to="Lieferanschrift",
        customer="Kunde", page="Seite", of="von", cn_text="Wir schreiben Ihnen folgende Positionen gut:",
        delivery_charge="Frachtkosten", tel="Tel.", email="E-Mail", your_vat="Ihre USt-IdNr.",
        cn_refund="Der Betrag wird mit der nächsten Rechnung verrechnet.",
        units=dict(pcs="Stk.", kg="kg", l="l", ctn="Kt.", case="Kiste", btl="Fl.", hr="Std.", pack="Pck.",
                   set="Set", flat="pausch."),
    ),
    "fr": dict(
        invoice="Facture", credit_note="Avoir", inv_no="Facture n°", cn_no="Avoir n°",
        date="Date", inv_date="Date de facture", due="Échéance", po="Votre commande", po2="Bon de commande",
        cust_no="Code client", delivery="Date de livraison", ref_inv="Réf. facture",
        pos="N°", code="Réf.", desc="Désignation", qty="Qté", unit="Unité", unit_price="P.U. HT",
        price="Prix HT", amount="Montant HT", vat_col="TVA", subtotal="Sous-total HT", discount="Remise",
        net_total="Total HT", total="Total TTC", total_due="Net à payer", credit_total="Total avoir TTC",
        vat_summary="Récapitulatif TVA", rate="Taux", net="Base HT", tax_amt="Montant TVA", gross="TTC",
        bank="Banque", iban="IBAN", bic="BIC", acct="Compte", sort="Code banque",
        vat_id="N° TVA intracom.", tax_no="SIRET", reg="RCS", reg_court="RCS",
        terms="Paiement à {n} jours.", pay_by="Date limite de paiement : {date}.",
        thanks="Merci de votre confiance.", bill_to="Facturé à", ship_to="Livré à",
        customer="Client", page="Page", of="/", cn_text="Nous vous créditons des montants suivants :",
        delivery_charge="Frais de livraison", tel="Tél.", email="E-mail", your_vat="Votre n° TVA",
        cn_refund="Montant à déduire de votre prochain règlement.",
        units=dict(pcs="pce", kg="kg", l="l", ctn="carton", case="caisse", btl="bt", hr="h", pack="paquet",
                   set="lot", flat="forfait"),
    ),
    "nl": dict(
        invoice="Factuur", credit_note="Creditnota", inv_no="Factuurnummer", cn_no="Creditnota nr.",
        date="Datum", inv_date="Factuurdatum", due="Vervaldatum", po="Uw ordernummer", po2="Inkoopordernr.",
        cust_no="Debiteurnr.", delivery="Leverdatum", ref_inv="Betreft factuur",
        pos="Nr.", code="Art.nr.", desc="Omschrijving", qty="Aantal", unit="Eenheid", unit_price="Stukprijs",
        price="Prijs", amount="Bedrag", vat_col="BTW", subtotal="Subtotaal", discount="Korting",
        net_total="Totaal excl. BTW", total="Totaal incl. BTW", total_due="Te betalen", credit_total="Totaal credit",
        vat_summary="BTW-specificatie", rate="Tarief", net="Grondslag", tax_amt="BTW", gross="Totaal",
        bank="Bank", iban="IBAN", bic="BIC", acct="Rekening", sort="Bankcode",
        vat_id="BTW-nr.", tax_no="KvK", reg="KvK", reg_court="KvK",
        terms="Betaling binnen {n} dagen.", pay_by="Gelieve te betalen vóór {date}.",
        thanks="Dank voor uw bestelling.", bill_to="Factuuradres", ship_to="Afleveradres",
        customer="Klant", page="Pagina", of="van", cn_text="Wij crediteren u voor het volgende:",
        delivery_charge="Bezorgkosten", tel="Tel.", email="E-mail", your_vat="Uw BTW-nr.",
        cn_refund="Het bedrag wordt verrekend met uw volgende factuur.",
        units=dict(pcs="st", kg="kg", l="l", ctn="doos", case="krat", btl="fles", hr="uur", pack="pak",
                   set="set", flat="vast"),
    ),
    "it": dict(
        invoice="Fattura", credit_note="Nota di credito", inv_no="Fattura n.", cn_no="Nota di credito n.",
        date="Data", inv_date="Data fattura", due="Scadenza", po="Vs. ordine", po2="Ordine n.",
        cust_no="Cod. cliente", delivery="Data consegna", ref_inv="Rif. fattura",
        pos="Pos.", code="Codice", desc="Descrizione", qty="Q.tà", unit="U.M.", unit_price="Prezzo unit.",
        price="Prezzo", amount="Importo", vat_col="IVA", subtotal="Subtotale", discount="Sconto",
        net_total="Imponibile", total="Totale documento", total_due="Totale da pagare", credit_total="Totale nota di credito",
        vat_summary="Riepilogo IVA", rate="Aliquota", net="Imponibile", tax_amt="Imposta", gross="Totale",
        bank="Banca", iban="IBAN", bic="BIC", acct="C/C", sort="ABI/CAB",
        vat_id="P.IVA", tax_no="C.F.", reg="REA", reg_court="Registro Imprese",
        terms="Pagamento: bonifico a {n} gg d.f.", pay_by="Scadenza pagamento: {date}.",
        thanks="Grazie per la preferenza.", bill_to="Spett.le", ship_to="Destinazione merce",
        customer="Cliente", page="Pagina", of="di", cn_text="Storniamo quanto segue:",
        delivery_charge="Spese di trasporto", tel="Tel.", email="E-mail", your_vat="Vs. P.IVA",
        cn_refund="L'importo sarà compensato con la prossima fattura.",
        units=dict(pcs="pz", kg="kg", l="l", ctn="cart.", case="cassa", btl="bt", hr="ore", pack="conf.",
                   set="set", flat="forf."),
    ),
    "es": dict(
        invoice="Factura", credit_note="Factura rectificativa", inv_no="Nº factura", cn_no="Nº rectificativa",
        date="Fecha", inv_date="Fecha factura", due="Vencimiento", po="Su pedido", po2="Nº pedido",
        cust_no="Nº cliente", delivery="Fecha entrega", ref_inv="Rectifica la factura",
        pos="Lín.", code="Código", desc="Descripción", qty="Cant.", unit="Ud.", unit_price="Precio ud.",
        price="Precio", amount="Importe", vat_col="IVA", subtotal="Subtotal", discount="Descuento",
        net_total="Base imponible", total="Total factura", total_due="Total a pagar", credit_total="Total abono",
        vat_summary="Desglose IVA", rate="Tipo", net="Base", tax_amt="Cuota", gross="Total",
        bank="Banco", iban="IBAN", bic="BIC", acct="Cuenta", sort="Entidad",
        vat_id="NIF", tax_no="CIF", reg="Reg. Merc.", reg_court="Registro Mercantil",
        terms="Forma de pago: transferencia a {n} días.", pay_by="Fecha de vencimiento: {date}.",
        thanks="Gracias por su confianza.", bill_to="Cliente", ship_to="Dirección de entrega",
        customer="Cliente", page="Página", of="de", cn_text="Abonamos en su cuenta los siguientes conceptos:",
        delivery_charge="Portes", tel="Tel.", email="Email", your_vat="NIF cliente",
        cn_refund="El importe se compensará en la próxima factura.",
        units=dict(pcs="ud", kg="kg", l="l", ctn="caja", case="caja", btl="bot.", hr="h", pack="paq.",
                   set="juego", flat="global"),
    ),
    "cs": dict(
        invoice="Faktura – daňový doklad", credit_note="Dobropis", inv_no="Číslo faktury", cn_no="Číslo dobropisu",
        date="Datum", inv_date="Datum vystavení", due="Datum splatnosti", po="Vaše objednávka", po2="Objednávka č.",
        cust_no="Číslo zákazníka", delivery="DUZP", ref_inv="K faktuře",
        pos="Č.", code="Kód", desc="Popis", qty="Množství", unit="MJ", unit_price="Cena/MJ",
        price="Cena", amount="Celkem", vat_col="DPH", subtotal="Mezisoučet", discount="Sleva",
        net_total="Základ daně", total="Celkem k úhradě", total_due="K úhradě", credit_total="Celkem dobropis",
        vat_summary="Rekapitulace DPH", rate="Sazba", net="Základ", tax_amt="DPH", gross="Celkem",
        bank="Banka", iban="IBAN", bic="BIC", acct="Účet", sort="Kód banky",
        vat_id="DIČ", tax_no="IČO", reg="IČO", reg_court="Zapsáno v OR u Městského soudu v Praze",
        terms="Splatnost {n} dní.", pay_by="Splatnost: {date}.",
        thanks="Děkujeme za Vaši objednávku.", bill_to="Odběratel", ship_to="Místo dodání",
        customer="Odběratel", page="Strana", of="z", cn_text="Dobropisujeme Vám následující položky:",
        delivery_charge="Doprava", tel="Tel.", email="E-mail", your_vat="DIČ odběratele",
        cn_refund="Částka bude započtena s další fakturou.",
        units=dict(pcs="ks", kg="kg", l="l", ctn="kart.", case="bedna", btl="lahev", hr="hod", pack="bal.",
                   set="sada", flat="pauš."),
    ),
}
# en_US differences
LABELS_US = dict(LABELS["en"], inv_no="Invoice #", cn_no="Credit Memo #", credit_note="Credit Memo", po="P.O. #",
                 po2="PO Number", subtotal="Subtotal", net_total="Subtotal", total="Total", total_due="Balance Due",
                 vat_id="EIN", bill_to="Bill To", ship_to="Ship To", terms="Terms: Net {n}",
                 pay_by="Payment due by {date}.", bank="Bank", acct="Account #", sort="Routing #",
                 delivery_charge="Freight", your_vat="Customer Tax ID", credit_total="Total Credit")
# Swiss German differences
LABELS_CH = dict(LABELS["de"], vat_id="MWST-Nr.", vat_col="MWST", tax_amt="MWST", vat_summary="Mehrwertsteuer",
                 reg="UID", terms="Zahlbar innert {n} Tagen netto.", bill_to="Rechnungsadresse")


def labels(loc: str) -> dict:
    if loc == "en_US":
        return LABELS_US
    if loc == "de_CH":
        return LABELS_CH
    return LABELS[LOCALES[loc]["lang"]]


# ---------------------------------------------------------------- ids with check digits
def _luhn_ok(digits: str) -> bool:
    s = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0


def _luhn_complete(prefix: str) -> str:
    for d in "0123456789":
        if _luhn_ok(prefix + d):
            return prefix + d
    raise AssertionError


def vat_de(rng) -> str:
    body = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    product = 10
    for ch in body:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (2 * s) % 11
    check = 11 - product
    if check == 10:
        check = 0
    return "DE" + body + str(check)


def vat_gb(rng) -> str:
    while True:
        body = [rng.randint(0, 9) for _ in range(7)]
        body[0] = rng.randint(1, 9)
        s = sum(d * w for d, w in zip(body, range(8, 1, -1)))
        check = (-s) % 97
        return "GB" + "".join(map(str, body)) + f"{check:02d}"


def siren_fr(rng) -> str:
    return _luhn_complete(str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7)))


def vat_fr(siren: str) -> str:
    key = (12 + 3 * (int(siren) % 97)) % 97
    return f"FR{key:02d}{siren}"


def siret_fr(rng, siren: str) -> str:
    return _luhn_complete(siren + f"{rng.randint(1, 99):04d}")


def vat_nl(rng) -> str:
    while True:
        body = [rng.randint(0, 9) for _ in range(8)]
        body[0] = rng.randint(1, 9)
        s = sum(d * w for d, w in zip(body, range(9, 1, -1)))
        c = s % 11
        if c < 10:
            return "NL" + "".join(map(str, body)) + str(c) + f"B{rng.randint(1, 3):02d}"


def vat_it(rng) -> str:
    body = f"{rng.randint(0, 9999999):07d}" + f"{rng.randint(1, 100):03d}"
    s = 0
    for i, ch in enumerate(body):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return "IT" + body + str((10 - s % 10) % 10)


def cif_es(rng, letter: str) -> str:
    digits = [rng.randint(0, 9) for _ in range(7)]
    s = 0
    for i, d in enumerate(digits):
        if i % 2 == 0:  # positions 1,3,5,7
            d2 = d * 2
            s += d2 // 10 + d2 % 10
        else:
            s += d
    return letter + "".join(map(str, digits)) + str((10 - s % 10) % 10)


def ico_cz(rng) -> str:
    while True:
        body = [rng.randint(0, 9) for _ in range(7)]
        s = sum(d * w for d, w in zip(body, range(8, 1, -1)))
        r = s % 11
        c = 1 if r == 0 else 0 if r == 1 else 11 - r
        if c < 10:
            return "".join(map(str, body)) + str(c)


def uid_ch(rng) -> str:
    while True:
        body = [rng.randint(0, 9) for _ in range(8)]
        body[0] = rng.randint(1, 9)
        s = sum(d * w for d, w in zip(body, (5, 4, 3, 2, 7, 6, 5, 4)))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        d = "".join(map(str, body)) + str(c)
        return f"CHE-{d[:3]}.{d[3:6]}.{d[6:]}"


def ein_us(rng) -> str:
    prefix = rng.choice([20, 26, 27, 45, 46, 47, 81, 82, 83, 84, 85, 86, 87, 88, 91, 92, 93, 94, 95, 98])
    return f"{prefix}-{rng.randint(0, 9999999):07d}"


def iban(rng, country: str) -> str:
    def digits(n):
        return "".join(str(rng.randint(0, 9)) for _ in range(n))

    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if country == "DE":
        bban = digits(18)
    elif country == "GB":
        bban = rng.choice(["BARC", "LOYD", "NWBK", "HBUK", "MIDL"]) + digits(14)
    elif country == "FR":
        bban = digits(23)
    elif country == "NL":
        bban = rng.choice(["ABNA", "RABO", "INGB", "TRIO", "SNSB"]) + digits(10)
    elif country == "IT":
        bban = rng.choice(letters) + digits(22)
    elif country == "ES":
        bban = digits(20)
    elif country == "CZ":
        bban = digits(20)
    elif country == "CH":
        bban = digits(17)
    else:
        raise ValueError(country)
    rearranged = bban + country + "00"
    num = "".join(str(int(ch, 36)) for ch in rearranged)
    check = 98 - int(num) % 97
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


# (bank, BIC) pairs
BANKS = {"DE": [("Commerzbank", "COBADEFFXXX"), ("Deutsche Bank", "DEUTDEMMXXX"), ("Volksbank Raiffeisenbank", "GENODEF1M04"),
                ("Bayerische Landesbank", "BYLADEM1001"), ("HypoVereinsbank", "HYVEDEMMXXX")],
         "GB": [("Barclays Bank", "BARCGB22"), ("Lloyds Bank", "LOYDGB2L"), ("NatWest", "NWBKGB2L"), ("HSBC UK", "HBUKGB4B")],
         "FR": [("BNP Paribas", "BNPAFRPPXXX"), ("LCL", "CRLYFRPPXXX"), ("Société Générale", "SOGEFRPPXXX"),
                ("Crédit Agricole", "AGRIFRPP882"), ("Caisse d'Epargne", "CEPAFRPP751")],
         "NL": [("ABN AMRO", "ABNANL2A"), ("Rabobank", "RABONL2U"), ("ING Bank", "INGBNL2A"), ("Triodos Bank", "TRIONL2U")],
         "IT": [("Intesa Sanpaolo", "BCITITMM"), ("UniCredit", "UNCRITMM"), ("Banco BPM", "BAPPIT21"), ("Credem", "BACRIT22")],
         "ES": [("CaixaBank", "CAIXESBBXXX"), ("BBVA", "BBVAESMMXXX"), ("Banco Santander", "BSCHESMMXXX"),
                ("Banco Sabadell", "BSABESBBXXX")],
         "CZ": [("Komerční banka", "KOMBCZPPXXX"), ("Česká spořitelna", "GIBACZPXXXX"), ("ČSOB", "CEKOCZPPXXX"),
                ("Fio banka", "FIOBCZPPXXX")],
         "CH": [("UBS Switzerland AG", "UBSWCHZH80A"), ("Zürcher Kantonalbank", "ZKBKCHZZ80A"), ("Raiffeisen", "RAIFCH22XXX"),
                ("PostFinance", "POFICHBEXXX")],
         "US": [("Chase Bank", ""), ("Wells Fargo", ""), ("Bank of America", ""), ("U.S. Bank", "")]}


def aba_routing(rng) -> str:
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        d[0] = rng.choice([0, 1, 2])
        w = (3, 7, 1, 3, 7, 1, 3, 7)
        s = sum(a * b for a, b in zip(d, w))
        c = (10 - s % 10) % 10
        return "".join(map(str, d)) + str(c)


def ean13(rng, prefix: str) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(12 - len(prefix)))
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


# ---------------------------------------------------------------- names and addresses
SUPPLIER_NAMES = {
    "en_GB": {
        "forms": ["Ltd", "Limited", "Ltd", "LLP", "plc"],
        "food": ["{s} Fine Foods", "{s} & Sons Butchers", "Harbour Fresh Fish", "{s} Dairy Supplies", "Country Larder {s}"],
        "bev": ["{s} Wine Merchants", "Thames Valley Drinks", "{s} Brewery", "Northern Beverage Co"],
        "clean": ["{s} Hygiene Supplies", "Sparkle Janitorial", "{s} Cleaning Solutions"],
        "linen": ["{s} Linen Services", "Crown Laundry", "{s} Textile Rental"],
        "equip": ["{s} Catering Equipment", "Chef's Choice Supplies", "{s} Kitchen Services"],
        "svc": ["{s} Refrigeration & Catering Engineers", "Pestaway {s}", "{s} Facilities Management"],
        "surnames": ["Whitfield", "Ashworth", "Pemberton", "Harrington", "Blackwood", "Fairbairn", "Holloway", "Kingsley"],
        "streets": ["Station Road", "Mill Lane", "Church Street", "Riverside Way", "Victoria Park Industrial Estate", "Kings Road"],
        "cities": [("Manchester", "M4 6BF"), ("Leeds", "LS11 5QN"), ("Bristol", "BS2 0JX"), ("Norwich", "NR3 1HG"),
                   ("Reading", "RG1 8LS"), ("York", "YO30 4XB")],
    },
    "en_US": {
        "forms": ["Inc.", "LLC", "Corp.", "Inc."],
        "food": ["{s} Provisions", "Greenleaf Produce", "{s} Meat Company", "Bay Seafood Distributors", "{s} Bakery Supply"],
        "bev": ["{s} Beverage Distributors", "Coastal Wine & Spirits", "{s} Coffee Roasters"],
        "clean": ["{s} Janitorial Supply", "CleanPro Chemical", "{s} Sanitation Products"],
        "linen": ["{s} Linen & Uniform", "Metro Laundry Services", "{s} Textile Rentals"],
        "equip": ["{s} Restaurant Supply", "Pro Kitchen Equipment", "{s} Foodservice Equipment"],
        "svc": ["{s} Refrigeration Services", "AllStar Pest Control", "{s} Hood Cleaning"],
        "surnames": ["Mitchell", "Caldwell", "Hernandez", "O'Brien", "Kowalski", "Nguyen", "Patterson", "Delgado"],
        "streets": ["1200 Industrial Pkwy", "455 Commerce Dr", "78 Harbor Blvd", "2310 W Madison St", "901 Market Street"],
        "cities": [("Chicago, IL", "60612"), ("Oakland, CA", "94607"), ("Austin, TX", "78744"), ("Newark, NJ", "07105"),
                   ("Denver, CO", "80216"), ("Portland, OR", "97217")],
    },
    "de_DE": {
        "forms": ["GmbH", "GmbH & Co. KG", "e.K.", "KG", "AG", "GmbH"],
        "food": ["Frischdienst {s}", "Metzgerei {s}", "{s} Feinkost", "Fisch-Großhandel {s}", "Bäckerei {s}"],
        "bev": ["Getränke {s}", "{s} Weinhandel", "Kaffeerösterei {s}"],
        "clean": ["{s} Hygiene-Service", "Reinigungsbedarf {s}", "Clean & Fresh {s}"],
        "linen": ["Wäscherei {s}", "{s} Textilservice", "Hotelwäsche {s}"],
        "equip": ["{s} Gastro-Technik", "Großküchentechnik {s}", "{s} Gastronomiebedarf"],
        "svc": ["{s} Kältetechnik", "Schädlingsbekämpfung {s}", "{s} Haustechnik"],
        "surnames": ["Müller", "Schneider", "Weber", "Hoffmann", "Becker", "Wagner", "Schäfer", "Krüger", "Brandt"],
        "streets": ["Industriestraße", "Hauptstraße", "Am Großmarkt", "Gewerbering", "Lindenweg", "Hafenstraße"],
        "cities": [("München", "80337"), ("Hamburg", "20457"), ("Köln", "50829"), ("Leipzig", "04159"),
                   ("Stuttgart", "70469"), ("Nürnberg", "90441")],
    },
    "de_CH": {
        "forms": ["AG", "GmbH", "AG"],
        "food": ["{s} Frischprodukte", "Metzgerei {s}", "{s} Käse"],
        "bev": ["Getränke {s}", "{s} Weinkellerei"],
        "clean": ["{s} Reinigungstechnik", "Hygiene {s}"],
        "linen": ["Wäscherei {s}", "{s} Textilpflege"],
        "equip": ["{s} Gastro", "Küchentechnik {s}"],
        "svc": ["{s} Kälte-Service", "{s} Haustechnik"],
        "surnames": ["Meier", "Keller", "Brunner", "Baumann", "Frei", "Gerber", "Widmer"],
        "streets": ["Bahnhofstrasse", "Industriestrasse", "Seestrasse", "Dorfstrasse"],
        "cities": [("Zürich", "8005"), ("Bern", "3014"), ("Luzern", "6005"), ("Basel", "4057"), ("Winterthur", "8400")],
    },
    "fr_FR": {
        "forms": ["SARL", "SAS", "SA", "EURL", "SAS"],
        "food": ["Boucherie {s}", "Maison {s} Primeurs", "Marée {s}", "Fromagerie {s}", "Boulangerie {s}"],
        "bev": ["Cave {s}", "Boissons {s} Distribution", "Brûlerie {s}"],
        "clean": ["{s} Hygiène Pro", "Nettoyage {s}"],
        "linen": ["Blanchisserie {s}", "{s} Linge Hôtelier"],
        "equip": ["{s} Équipement CHR", "Matériel de Cuisine {s}"],
        "svc": ["{s} Froid Service", "{s} Dératisation", "Maintenance {s}"],
        "surnames": ["Lefèvre", "Dubois", "Moreau", "Girard", "Fontaine", "Mercier", "Rousseau", "Chevalier"],
        "streets": ["rue de la République", "avenue Jean Jaurès", "zone industrielle des Pins", "rue du Marché", "boulevard Victor Hugo"],
        "cities": [("Lyon", "69007"), ("Paris", "75011"), ("Rungis", "94150"), ("Bordeaux", "33300"), ("Lille", "59000"),
                   ("Nantes", "44200")],
    },
    "nl_NL": {
        "forms": ["B.V.", "B.V.", "V.O.F.", "N.V."],
        "food": ["{s} Vers", "Slagerij {s}", "Visgroothandel {s}", "{s} Zuivel"],
        "bev": ["Drankenhandel {s}", "{s} Wijnkoperij", "Koffiebranderij {s}"],
        "clean": ["{s} Schoonmaakartikelen", "Hygiëne {s}"],
        "linen": ["Wasserij {s}", "{s} Textielservice"],
        "equip": ["{s} Horeca Groothandel", "{s} Grootkeukens"],
        "svc": ["{s} Koeltechniek", "Ongediertebestrijding {s}"],
        "surnames": ["Van Dijk", "De Vries", "Bakker", "Visser", "Jansen", "Van den Berg", "Smit", "Mulder"],
        "streets": ["Industrieweg", "Havenstraat", "Kerkstraat", "Marktweg", "Stationsplein"],
        "cities": [("Amsterdam", "1014 BA"), ("Rotterdam", "3011 AD"), ("Utrecht", "3542 AB"), ("Eindhoven", "5651 GH"),
                   ("Den Haag", "2516 BE")],
    },
    "it_IT": {
        "forms": ["S.r.l.", "S.p.A.", "S.n.c.", "S.r.l.s.", "S.r.l."],
        "food": ["Salumificio {s}", "{s} Ortofrutta", "Caseificio {s}", "Ittica {s}", "Forno {s}"],
        "bev": ["{s} Bevande", "Cantina {s}", "Torrefazione {s}"],
        "clean": ["{s} Detergenza", "Igiene Professionale {s}"],
        "linen": ["Lavanderia {s}", "{s} Tessile Alberghiero"],
        "equip": ["{s} Forniture Alberghiere", "{s} Attrezzature per la Ristorazione"],
        "svc": ["{s} Impianti Frigoriferi", "{s} Disinfestazioni"],
        "surnames": ["Rossi", "Bianchi", "Colombo", "Ferrari", "Esposito", "Romano", "Ricci", "Marino"],
        "streets": ["Via Roma", "Via Garibaldi", "Viale dell'Industria", "Via Emilia", "Corso Italia"],
        "cities": [("Milano (MI)", "20138"), ("Bologna (BO)", "40128"), ("Torino (TO)", "10156"), ("Verona (VR)", "37135"),
                   ("Firenze (FI)", "50127")],
    },
    "es_ES": {
        "forms": ["S.L.", "S.A.", "S.L.U.", "S.L."],
        "food": ["Cárnicas {s}", "Frutas {s}", "Pescados {s}", "Panadería {s}", "Distribuciones Hosteleras {s}"],
        "bev": ["Bebidas {s}", "Bodegas {s}", "Cafés {s}"],
        "clean": ["Limpiezas {s}", "{s} Higiene Profesional"],
        "linen": ["Lavandería {s}", "Textil Hotelero {s}"],
        "equip": ["Maquinaria Hostelera {s}", "Suministros {s}"],
        "svc": ["Frío Industrial {s}", "Control de Plagas {s}"],
        "surnames": ["García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Ortega"],
        "streets": ["Calle Mayor", "Polígono Industrial Las Arenas", "Avenida de Andalucía", "Calle del Comercio", "Paseo de la Castellana"],
        "cities": [("Madrid", "28045"), ("Barcelona", "08038"), ("Valencia", "46024"), ("Sevilla", "41007"),
                   ("Málaga", "29006"), ("Bilbao", "48013")],
    },
    "cs_CZ": {
        "forms": ["s.r.o.", "a.s.", "s.r.o.", "spol. s r.o."],
        "food": ["Řeznictví {s}", "{s} Ovoce Zelenina", "Pekárna {s}", "Mlékárna {s}"],
        "bev": ["Nápoje {s}", "Vinotéka {s}", "Pražírna {s}"],
        "clean": ["{s} Hygiena", "Čisticí prostředky {s}"],
        "linen": ["Prádelna {s}", "{s} Textil servis"],
        "equip": ["Gastro {s}", "{s} Gastrotechnika"],
        "svc": ["Chladicí technika {s}", "Deratizace {s}"],
        "surnames": ["Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý"],
        "streets": ["Průmyslová", "Hlavní", "Nádražní", "Komunardů", "Jankovcova"],
        "cities": [("Praha 7", "170 00"), ("Brno", "602 00"), ("Ostrava", "702 00"), ("Plzeň", "301 00"), ("Olomouc", "779 00")],
    },
}

CUSTOMERS = {
    "en_GB": ["The Crown Inn", "Riverside Hotel", "The Old Bell Brasserie", "Harbour View Hotel", "The Granary Restaurant"],
    "en_US": ["Lakeside Grill", "The Harbor House Hotel", "Blue Door Bistro", "Maple Street Diner", "Hotel Continental"],
    "de_DE": ["Hotel Adler", "Restaurant Zur Post", "Landgasthof Linde", "Hotel am Stadtpark", "Brauhaus am Markt"],
    "de_CH": ["Hotel Bellevue", "Restaurant Schiff", "Gasthaus Sternen", "Hotel Alpenblick"],
    "fr_FR": ["Hôtel du Parc", "Brasserie Le Marais", "Restaurant La Table d'Anne", "Hôtel des Voyageurs", "Bistrot du Port"],
    "nl_NL": ["Hotel De Gouden Leeuw", "Restaurant Het Pakhuis", "Grand Café De Waag", "Hotel Aan Zee"],
    "it_IT": ["Hotel Bellavista", "Trattoria da Mario", "Ristorante Il Portico", "Albergo Centrale"],
    "es_ES": ["Hotel Miramar", "Restaurante El Faro", "Hostal La Plaza", "Taberna del Puerto"],
    "cs_CZ": ["Hotel Slavia", "Restaurace U Zlatého lva", "Penzion Pod Hradem", "Kavárna Louvre"],
}
CUSTOMER_FORMS = {"en_GB": ["Ltd", "Ltd", ""], "en_US": ["LLC", "Inc.", ""], "de_DE": ["GmbH", "Betriebs GmbH", "GmbH & Co. KG"],
                  "de_CH": ["AG", "GmbH"], "fr_FR": ["SAS", "SARL"], "nl_NL": ["B.V.", "V.O.F."],
                  "it_IT": ["S.r.l.", "S.n.c."], "es_ES": ["S.L.", "S.A."], "cs_CZ": ["s.r.o.", "a.s."]}
