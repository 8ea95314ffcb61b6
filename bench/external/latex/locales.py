"""Locales: labels, number/date formats, VAT rates, tax ids."""
from decimal import Decimal, ROUND_HALF_UP

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
}

# code: lang, country, number style, date style, currency, vat rates (std, reduced...)
LOCALES = {
    "en-GB": ("en", "GB", "en", "dmy/", "GBP", ["20", "5"]),
    "en-IE": ("en", "IE", "en", "dmy/", "EUR", ["23", "13.5"]),
    "en-US": ("en", "US", "en", "mdy_long", "USD", ["8.875", "6.25"]),
    "de-DE": ("de", "DE", "de", "dmy.", "EUR", ["19", "7"]),
    "de-AT": ("de", "AT", "de", "dmy.", "EUR", ["20", "10"]),
    "de-CH": ("de", "CH", "ch", "dmy.", "CHF", ["8.1", "2.6"]),
    "fr-FR": ("fr", "FR", "fr", "dmy/", "EUR", ["20", "5.5", "10"]),
    "fr-BE": ("fr", "BE", "de", "dmy/", "EUR", ["21", "6"]),
    "fr-CH": ("fr", "CH", "ch", "dmy.", "CHF", ["8.1", "2.6"]),
    "nl-NL": ("nl", "NL", "de", "dmy-", "EUR", ["21", "9"]),
    "it-IT": ("it", "IT", "de", "dmy/", "EUR", ["22", "10", "4"]),
    "es-ES": ("es", "ES", "de", "dmy/", "EUR", ["21", "10"]),
    "cs-CZ": ("cs", "CZ", "fr", "dmy.", "CZK", ["21", "12"]),
    "sv-SE": ("sv", "SE", "fr", "iso", "SEK", ["25", "12"]),
    "nb-NO": ("nb", "NO", "fr", "dmy.", "NOK", ["25", "15"]),
}

CUR_SYMBOL = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "CZK": "Kč", "SEK": "kr", "NOK": "kr"}

L = {
    "en": dict(invoice="Invoice", credit="Credit Note", number="Invoice No.", cnumber="Credit Note No.", date="Invoice date", due="Due date", po="Your order no.", vat="VAT No.", billto="Bill to", terms="Please pay the total amount by {due} quoting the invoice number.", cterms="The amount will be credited to your account.", code="Item no.", page="Page"),
    "de": dict(invoice="Rechnung", credit="Gutschrift", number="Rechnungsnummer", cnumber="Gutschriftsnummer", date="Rechnungsdatum", due="Fällig am", po="Ihre Bestellung", vat="USt-IdNr.", billto="Rechnungsempfänger", terms="Bitte überweisen Sie den Betrag bis zum {due} unter Angabe der Rechnungsnummer.", cterms="Der Betrag wird Ihrem Konto gutgeschrieben.", code="Art.-Nr.", page="Seite"),
    "fr": dict(invoice="Facture", credit="Avoir", number="Facture n°", cnumber="Avoir n°", date="Date de facture", due="Échéance", po="Votre commande", vat="N° TVA", billto="Facturé à", terms="Merci de régler le montant total avant le {due} en rappelant le numéro de facture.", cterms="Le montant sera porté au crédit de votre compte.", code="Réf.", page="Page"),
    "nl": dict(invoice="Factuur", credit="Creditnota", number="Factuurnummer", cnumber="Creditnotanummer", date="Factuurdatum", due="Vervaldatum", po="Uw bestelling", vat="BTW-nr.", billto="Factuuradres", terms="Gelieve het totaalbedrag vóór {due} over te maken onder vermelding van het factuurnummer.", cterms="Het bedrag wordt op uw rekening gecrediteerd.", code="Art.nr.", page="Pagina"),
    "it": dict(invoice="Fattura", credit="Nota di credito", number="Fattura n.", cnumber="Nota di credito n.", date="Data fattura", due="Scadenza", po="Vostro ordine", vat="P.IVA", billto="Destinatario", terms="Si prega di pagare l’importo totale entro il {due} indicando il numero di fattura.", cterms="L’importo sarà accreditato sul vostro conto.", code="Cod. art.", page="Pagina"),
    "es": dict(invoice="Factura", credit="Factura rectificativa", number="Factura n.º", cnumber="Rectificativa n.º", date="Fecha de factura", due="Vencimiento", po="Su pedido", vat="NIF", billto="Cliente", terms="Por favor, abone el importe total antes del {due} indicando el número de factura.", cterms="El importe se abonará en su cuenta.", code="Ref.", page="Página"),
    "cs": dict(invoice="Faktura", credit="Dobropis", number="Číslo faktury", cnumber="Číslo dobropisu", date="Datum vystavení", due="Datum splatnosti", po="Vaše objednávka", vat="DIČ", billto="Odběratel", terms="Uhraďte prosím celkovou částku do {due} s uvedením čísla faktury.", cterms="Částka bude připsána na váš účet.", code="Kód", page="Strana"),
    "sv": dict(invoice="Faktura", credit="Kreditfaktura", number="Fakturanummer", cnumber="Kreditfakturanummer", date="Fakturadatum", due="Förfallodatum", po="Er beställning", vat="Momsreg.nr", billto="Kund", terms="Vänligen betala totalbeloppet senast {due} och ange fakturanumret.", cterms="Beloppet krediteras ert konto.", code="Art.nr", page="Sida"),
    "nb": dict(invoice="Faktura", credit="Kreditnota", number="Fakturanummer", cnumber="Kreditnotanummer", date="Fakturadato", due="Forfallsdato", po="Deres bestilling", vat="Org.nr.", billto="Kunde", terms="Vennligst betal totalbeløpet innen {due} og oppgi fakturanummeret.", cterms="Beløpet krediteres kontoen deres.", code="Varenr.", page="Side"),
}


def q2(x):
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fmt_num(d, style, places=2, group=True):
    """Format Decimal d in a locale number style (for numbers WE print)."""
    d = Decimal(d)
    neg = d < 0
    s = f"{abs(d):.{places}f}" if places is not None else str(abs(d))
    if "." in s:
        ip, fp = s.split(".")
    else:
        ip, fp = s, ""
    seps = {"en": (",", "."), "de": (".", ","), "fr": ("\u202f", ","), "ch": ("'", "."),
            "plain": ("", "."), "plainc": ("", ",")}[style]
    if group and seps[0] and len(ip) > 3:
        parts = []
        while len(ip) > 3:
            parts.insert(0, ip[-3:])
            ip = ip[:-3]
        parts.insert(0, ip)
        ip = seps[0].join(parts)
    out = ip + (seps[1] + fp if fp else "")
    return ("-" if neg else "") + out


def fmt_date(d, style, lang):
    if style == "dmy.":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dmy/":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dmy-":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "mdy_long":
        return f"{MONTHS['en'][d.month-1]} {d.day}, {d.year}"
    if style == "mdy/":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "long":
        m = MONTHS.get(lang, MONTHS["en"])[d.month - 1]
        if lang == "en":
            return f"{d.day} {m} {d.year}"
        if lang == "de":
            return f"{d.day}. {m} {d.year}"
        if lang == "es":
            return f"{d.day} de {m} de {d.year}"
        return f"{d.day} {m} {d.year}"
    raise ValueError(style)


def tax_id(country, rng):
    dg = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))
    return {
        "DE": lambda: "DE" + dg(9),
        "AT": lambda: "ATU" + dg(8),
        "CH": lambda: f"CHE-{dg(3)}.{dg(3)}.{dg(3)} MWST",
        "FR": lambda: "FR" + dg(2) + " " + dg(9),
        "BE": lambda: "BE0" + dg(9),
        "NL": lambda: "NL" + dg(9) + "B01",
        "IT": lambda: "IT" + dg(11),
        "ES": lambda: "ESB" + dg(8),
        "CZ": lambda: "CZ" + dg(8),
        "SE": lambda: "SE" + dg(10) + "01",
        "NO": lambda: f"NO {dg(3)} {dg(3)} {dg(3)} MVA",
        "GB": lambda: f"GB {dg(3)} {dg(4)} {dg(2)}",
        "IE": lambda: "IE" + dg(7) + rng.choice("ABCDEFWT"),
        "US": lambda: f"{dg(2)}-{dg(7)}",
    }[country]()
