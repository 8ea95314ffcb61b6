#!/usr/bin/env python3
"""Invoice PDFs rendered from HTML/CSS by two Python engines: xhtml2pdf (pisa, on ReportLab), what
many Django invoicing apps print with, and PyMuPDF's Story (MuPDF's own HTML layout with
DocumentWriter); a truth JSON is written beside each PDF and checked against its text.

    .venv/bin/python gen.py OUTDIR --count N --seed S [--only FAMILY] [--keep-jobs] [--no-check]

gen.py draws every document (parties, items, VAT, formats, labels, layout options) and formats
everything that is printed into one job per document; ``render.py`` fills the family's Jinja2
template with the job and has xhtml2pdf or PyMuPDF's Story lay it out, in this process. Then pypdf
extracts the text of every PDF and the printed truth values are looked for in it
(common.scaffold.check_doc); a document that fails is reported and removed."""

from __future__ import annotations

import datetime as dt
import logging
import random
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # bench/external: the modules in common/
from common import ids  # noqa: E402
from common import labels as LB  # noqa: E402
from common import scaffold as G  # noqa: E402
from common import world as W  # noqa: E402
from common.scaffold import city_line, dec_str, fmt_date, money, pct, pick, r2  # noqa: E402

G.use_set_venv(HERE, __file__, ("xhtml2pdf", "pymupdf", "jinja2"))
import render  # noqa: E402  (xhtml2pdf and PyMuPDF, from the set's venv)

SET_NAME = "pyhtml"
#: family -> (engine, what it is after)
FAMILIES = {
    "django": (
        "xhtml2pdf",
        "a Django invoicing app's invoice template printed with pisa.CreatePDF",
    ),
    "facture": (
        "xhtml2pdf",
        "an ERP facture / Rechnung with its table of VAT rates and total lines",
    ),
    "letter": ("xhtml2pdf", "a business letter with a letter-spaced letterhead and justified text"),
    "wholesale": ("story", "a wholesaler's long invoice whose table goes on without its heading"),
    "us": ("story", "a US distributor's invoice: dollars, sales tax, EIN, boxed headings"),
}

# --------------------------------------------------------------------------- locales
LOCALES = {**LB.LOCALES, "de_AT": LB.DE_AT}
DATE_FORMATS = {
    **LB.DATE_FORMATS,
    "de_AT": ["{dd}.{mm}.{yyyy}", "{d}.{m}.{yyyy}", "{d}. {month} {yyyy}"],
}
#: the locales a family's documents cycle through (seed-shifted)
FAMILY_LOCALES = {
    "django": ["en_GB", "en_US", "de_DE", "nl_NL", "it_IT", "es_ES", "cs_CZ", "en_GB"],
    "facture": ["fr_FR", "de_DE", "fr_FR", "de_AT", "fr_FR", "es_ES", "it_IT", "de_DE"],
    "letter": ["de_DE", "de_AT", "nl_NL", "en_GB", "it_IT", "de_DE", "es_ES", "fr_FR"],
    "wholesale": ["nl_NL", "de_DE", "es_ES", "it_IT", "en_GB", "cs_CZ", "fr_FR", "de_AT"],
    "us": ["en_US"],
}
SELF_BILLING_LANGS = ("de", "fr", "nl", "en")

#: purchase-order labels (the reference the customer gave)
PO_LABELS = {
    "en": ["PO Number", "Your reference", "PO", "Purchase order", "Your order"],
    "de": ["Bestellung", "Ihre Bestellung", "Ihr Zeichen", "Bestellnummer"],
    "fr": ["Votre référence", "Votre commande", "Bon de commande", "Réf. commande"],
    "nl": ["Uw referentie", "Uw bestelling", "Inkoopordernummer"],
    "it": ["Vs. riferimento", "Vs. ordine", "Rif. ordine"],
    "es": ["Su referencia", "Su pedido", "N.º de pedido"],
    "cs": ["Vaše objednávka", "Objednávka č.", "Vaše značka"],
}

# labels of this set's layouts (the common ones come from common/labels.py); a list is drawn once
# per document
PX = {
    "en": dict(
        cn_intro="We credit you for the following goods and services:",
        sb_intro=(
            "We have received the following supplies from you and settle them by this self-billed "
            "invoice:"
        ),
        sb_title=["SELF-BILLED INVOICE", "Self-billed invoice"],
        sb_no=["Self-bill No.", "Invoice No."],
        sb_note=(
            "Self-billed invoice issued by {c} on behalf of {s} under a self-billing agreement. "
            "The VAT shown is your output tax due to HMRC."
        ),
        sb_pay="We will pay this amount into your account {i}.",
        seller=["Supplier", "Supplier details"],
        supplier_no=["Supplier No.", "Vendor No."],
        seller_tax="Supplier VAT No.",
        prev=["Previous balance", "Balance brought forward"],
        total_due=["Total balance due", "Total amount due"],
        vt_net=["Net total", "Total net"],
        vt_tax=["Total VAT", "VAT"],
        vt_gross=["Invoice total", "Total incl. VAT"],
        our_ref="Our reference",
        contact="Contact",
        phone="Tel.",
        email="E-mail",
        directors="Directors",
        intro=(
            "Thank you for your order. As agreed, we invoice you for the goods and services listed "
            "below, "
            "delivered to {c} in {m}. Please check the details and let us know within eight days "
            "should "
            "anything be unclear."
        ),
        closing=(
            "Please pay the amount shown by bank transfer, quoting the invoice number as the "
            "payment "
            "reference. Goods remain our property until paid in full; claims for short delivery or "
            "damage "
            "must reach us in writing within 48 hours of delivery."
        ),
        amounts="All amounts in {c}.",
        paid_by="Payment method",
        transfer="Bank transfer",
        our_vat="Our VAT No.",
    ),
    "de": dict(
        cn_intro="wir schreiben Ihnen die folgenden Positionen gut:",
        sb_intro="für die folgenden Lieferungen und Leistungen erteilen wir Ihnen Gutschrift:",
        sb_title=["Gutschrift (Selbst ausgestellte Rechnung)", "Gutschrift im Gutschriftverfahren"],
        sb_no=["Gutschrift-Nr.", "Belegnummer"],
        sb_note=(
            "Abrechnung im Gutschriftverfahren: {c} stellt diese Rechnung im Namen und für "
            "Rechnung von {s} "
            "aus (§ 14 Abs. 2 UStG). Bitte widersprechen Sie innerhalb von 14 Tagen, wenn Angaben "
            "nicht "
            "zutreffen."
        ),
        sb_pay="Den Betrag überweisen wir auf Ihr Konto {i}.",
        seller=["Lieferant", "Leistender Unternehmer"],
        supplier_no=["Lieferanten-Nr.", "Ihre Lieferantennummer"],
        seller_tax="USt-IdNr. des Lieferanten",
        prev=["Offener Saldo aus Vorrechnungen", "Saldovortrag"],
        total_due=["Gesamt offen", "Offener Gesamtbetrag"],
        vt_net=["Nettobetrag", "Summe netto"],
        vt_tax=["USt", "USt.", "MwSt."],
        vt_gross=["Bruttobetrag", "Rechnungsbetrag"],
        our_ref="Unser Zeichen",
        contact="Ansprechpartner",
        phone="Telefon",
        email="E-Mail",
        directors="Geschäftsführer",
        intro=(
            "vielen Dank für Ihren Auftrag. Wie vereinbart berechnen wir Ihnen die folgenden "
            "Lieferungen und "
            "Leistungen, die im {m} für {c} erbracht wurden. Bitte prüfen Sie die Angaben und "
            "melden Sie sich "
            "innerhalb von acht Tagen, falls etwas unklar ist."
        ),
        closing=(
            "Bitte überweisen Sie den Rechnungsbetrag unter Angabe der Rechnungsnummer auf unser "
            "unten "
            "genanntes Konto. Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum; "
            "Mängel sind "
            "innerhalb von 48 Stunden nach Lieferung schriftlich anzuzeigen."
        ),
        amounts="Alle Beträge in {c}.",
        paid_by="Zahlungsart",
        transfer="Überweisung",
        our_vat="Unsere USt-IdNr.",
    ),
    "fr": dict(
        cn_intro="Nous vous prions de trouver ci-dessous le détail de notre avoir :",
        sb_intro=(
            "Nous avons reçu de votre part les livraisons suivantes et les réglons par la présente "
            "autofacture :"
        ),
        sb_title=["AUTOFACTURATION", "FACTURE – AUTOFACTURATION"],
        sb_no=["N° d'autofacture", "Facture n°"],
        sb_note=(
            "Autofacturation : facture établie par {c} au nom et pour le compte de {s}, "
            "conformément au "
            "mandat de facturation (art. 289-I-2 du CGI)."
        ),
        sb_pay="Le montant sera viré sur votre compte {i}.",
        seller=["Fournisseur", "Vendeur"],
        supplier_no=["N° fournisseur", "Code fournisseur"],
        seller_tax="N° TVA du fournisseur",
        prev=["Solde antérieur", "Report solde précédent"],
        total_due=["Total dû", "Solde à payer"],
        vt_net=["Total HT"],
        vt_tax=["Total TVA"],
        vt_gross=["Total TTC"],
        our_ref="Notre référence",
        contact="Interlocuteur",
        phone="Tél.",
        email="E-mail",
        directors="Gérant",
        intro=(
            "Nous vous remercions de votre commande. Veuillez trouver ci-dessous le détail des "
            "fournitures et "
            "prestations livrées à {c} en {m}. Merci de vérifier ces informations et de nous "
            "signaler toute "
            "anomalie sous huit jours."
        ),
        closing=(
            "Merci de régler le montant indiqué par virement en rappelant le numéro de facture. "
            "Les "
            "marchandises restent notre propriété jusqu'au paiement intégral ; toute réclamation "
            "doit nous "
            "parvenir par écrit dans les 48 heures suivant la livraison."
        ),
        amounts="Montants exprimés en {c}.",
        paid_by="Mode de règlement",
        transfer="Virement",
        our_vat="Notre N° TVA",
    ),
    "nl": dict(
        cn_intro="Hierbij crediteren wij u voor de volgende posten:",
        sb_intro=(
            "Wij hebben de volgende leveringen van u ontvangen en verrekenen deze met deze factuur:"
        ),
        sb_title=["FACTUUR (SELF-BILLING)", "Self-billingfactuur"],
        sb_no=["Documentnr.", "Factuurnummer"],
        sb_note=(
            "Factuur uitgereikt door afnemer: {c} reikt deze factuur uit namens {s} (self-billing)."
        ),
        sb_pay="Wij maken het bedrag over naar uw rekening {i}.",
        seller=["Leverancier", "Leverancier"],
        supplier_no=["Leveranciersnr.", "Crediteurnr."],
        seller_tax="Btw-nr. leverancier",
        prev=["Vorig saldo", "Openstaand saldo"],
        total_due=["Totaal openstaand", "Totaal te betalen"],
        vt_net=["Totaal excl. btw", "Subtotaal"],
        vt_tax=["Totaal btw", "Btw"],
        vt_gross=["Totaal incl. btw", "Te betalen"],
        our_ref="Ons kenmerk",
        contact="Contactpersoon",
        phone="Telefoon",
        email="E-mail",
        directors="Directie",
        intro=(
            "Hartelijk dank voor uw bestelling. Zoals afgesproken brengen wij u de onderstaande "
            "leveringen en "
            "diensten in rekening, geleverd aan {c} in {m}. Controleer de gegevens en neem binnen "
            "acht dagen "
            "contact met ons op als iets onduidelijk is."
        ),
        closing=(
            "Wij verzoeken u het bedrag over te maken onder vermelding van het factuurnummer. De "
            "goederen "
            "blijven ons eigendom tot volledige betaling; reclamaties binnen 48 uur na levering "
            "schriftelijk "
            "melden."
        ),
        amounts="Alle bedragen in {c}.",
        paid_by="Betaalwijze",
        transfer="Overschrijving",
        our_vat="Ons btw-nummer",
    ),
    "it": dict(
        cn_intro="Vi accreditiamo le seguenti posizioni:",
        prev=["Saldo precedente", "Saldo fatture precedenti"],
        total_due=["Totale dovuto", "Saldo da pagare"],
        vt_net=["Totale imponibile", "Imponibile"],
        vt_tax=["Totale IVA", "Imposta"],
        vt_gross=["Totale documento", "Totale fattura"],
        our_ref="Ns. riferimento",
        contact="Referente",
        phone="Tel.",
        email="E-mail",
        directors="Amministratore",
        intro=(
            "Vi ringraziamo per l'ordine. Come concordato vi addebitiamo le seguenti forniture e "
            "prestazioni "
            "consegnate a {c} nel mese di {m}. Vi preghiamo di verificare il dettaglio e di "
            "segnalarci "
            "eventuali discrepanze entro otto giorni."
        ),
        closing=(
            "Vi preghiamo di effettuare il pagamento tramite bonifico indicando il numero della "
            "fattura. La "
            "merce resta di nostra proprietà fino al completo pagamento; eventuali reclami devono "
            "pervenire "
            "per iscritto entro 48 ore dalla consegna."
        ),
        amounts="Importi in {c}.",
        paid_by="Pagamento",
        transfer="Bonifico bancario",
        our_vat="Ns. P. IVA",
    ),
    "es": dict(
        cn_intro="Les abonamos las siguientes posiciones:",
        prev=["Saldo anterior", "Saldo pendiente anterior"],
        total_due=["Total adeudado", "Total pendiente"],
        vt_net=["Base imponible", "Total base imponible"],
        vt_tax=["Total IVA", "Cuota IVA"],
        vt_gross=["Total factura", "Total"],
        our_ref="Nuestra referencia",
        contact="Contacto",
        phone="Tel.",
        email="E-mail",
        directors="Administrador",
        intro=(
            "Les agradecemos su pedido. Según lo acordado, les facturamos los siguientes "
            "suministros y "
            "servicios entregados a {c} en {m}. Les rogamos revisen el detalle y nos comuniquen "
            "cualquier "
            "discrepancia en un plazo de ocho días."
        ),
        closing=(
            "Rogamos efectúen el pago por transferencia indicando el número de factura. La "
            "mercancía es "
            "propiedad nuestra hasta su pago completo; las reclamaciones deberán realizarse por "
            "escrito en "
            "las 48 horas siguientes a la entrega."
        ),
        amounts="Importes en {c}.",
        paid_by="Forma de pago",
        transfer="Transferencia bancaria",
        our_vat="Nuestro NIF",
    ),
    "cs": dict(
        cn_intro="dobropisujeme Vám následující položky:",
        prev=["Předchozí zůstatek", "Neuhrazeno z minulých faktur"],
        total_due=["Celkem k úhradě", "Zbývá uhradit"],
        vt_net=["Základ daně", "Celkem bez DPH"],
        vt_tax=["DPH celkem", "Celkem DPH"],
        vt_gross=["Celkem s DPH", "Celkem"],
        our_ref="Naše značka",
        contact="Vyřizuje",
        phone="Telefon",
        email="E-mail",
        directors="Jednatel",
        intro=(
            "Děkujeme za Vaši objednávku. Dle dohody Vám fakturujeme následující dodávky a služby "
            "poskytnuté "
            "pro {c} v období {m}. Zkontrolujte prosím údaje a případné nejasnosti nám sdělte do "
            "osmi dnů."
        ),
        closing=(
            "Částku prosím uhraďte převodem a jako variabilní symbol uveďte číslo faktury. Zboží "
            "zůstává až "
            "do úplného zaplacení majetkem dodavatele; reklamace je nutné uplatnit do 48 hodin od "
            "dodání."
        ),
        amounts="Částky v {c}.",
        paid_by="Forma úhrady",
        transfer="Převodem",
        our_vat="Naše DIČ",
    ),
}

#: US labels (QuickBooks-style boxed invoice of a distributor)
US_X = dict(
    invoice=["INVOICE", "Invoice"],
    credit=["CREDIT MEMO", "Credit Memo"],
    inv_no=["Invoice #", "Invoice No."],
    cn_no=["Credit Memo #", "Memo No."],
    date=["Date", "Invoice Date"],
    due=["Due Date"],
    terms=["Terms"],
    rep=["Rep", "Sales Rep"],
    ship_via=["Ship Via"],
    cust=["Customer #", "Account #"],
    bill_to=["Bill To", "Sold To"],
    ship_to=["Ship To"],
    sku=["Item", "Item #", "Item Code"],
    desc=["Description"],
    qty=["Qty", "Quantity"],
    unit=["U/M", "Unit"],
    price=["Rate", "Unit Price", "Price Each"],
    total=["Amount", "Ext. Price"],
    tax_col="Tax",
    subtotal="Subtotal",
    discount="Discount",
    shipping=["Freight", "Shipping & Handling"],
    tax_line=["Sales Tax ({r})", "Tax ({r})"],
    gross=["Total", "Invoice Total"],
    deposit=["Payments/Credits", "Less deposit received"],
    amount_due=["Balance Due", "Amount Due"],
    prev=["Previous Balance", "Balance Forward"],
    total_due=["Total Amount Due", "Total Due"],
    remit=["Remit To", "Please remit to"],
    thanks=["Thank you for your business!", "We appreciate your business."],
    terms_val="Net {n}",
    refers="Credit for invoice {n} dated {d}",
    page=["Page {p} of {n}"],
    policy=(
        "All claims for shortages or damage must be made within 48 hours of delivery. Returns "
        "require prior "
        "authorization and are subject to a 15% restocking fee. Past due balances are subject to a "
        "finance "
        "charge of 1.5% per month."
    ),
)
US_VIA = ["Our truck", "UPS Ground", "FedEx Freight", "Customer pickup", "Route 12"]

# --------------------------------------------------------------------------- fonts
#: TrueType fonts (regular, bold) under /usr/share/fonts/truetype; "Liberation Sans 2" is
# fonts-liberation2's
TTF = {
    "DejaVu Sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "DejaVu Sans Condensed": (
        "dejavu/DejaVuSansCondensed.ttf",
        "dejavu/DejaVuSansCondensed-Bold.ttf",
    ),
    "DejaVu Serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "Liberation Sans": (
        "liberation/LiberationSans-Regular.ttf",
        "liberation/LiberationSans-Bold.ttf",
    ),
    "Liberation Serif": (
        "liberation/LiberationSerif-Regular.ttf",
        "liberation/LiberationSerif-Bold.ttf",
    ),
    "Liberation Sans 2": (
        "liberation2/LiberationSans-Regular.ttf",
        "liberation2/LiberationSans-Bold.ttf",
    ),
    "Carlito": ("crosextra/Carlito-Regular.ttf", "crosextra/Carlito-Bold.ttf"),
    "Caladea": ("crosextra/Caladea-Regular.ttf", "crosextra/Caladea-Bold.ttf"),
}
#: family -> (standard / built-in fonts, TrueType fonts). xhtml2pdf's standard fonts are
# ReportLab's base-14
#: (not embedded, WinAnsi); MuPDF's are its built-in Nimbus / Charis faces (embedded CFF). MuPDF is
# not given
#: fonts-liberation 1.07 (its ToUnicode map reads the hyphen as a soft hyphen and spaces as
# no-break spaces)
FAMILY_FONTS = {
    "django": (["Helvetica", "Helvetica", "Times"], ["DejaVu Sans", "Liberation Sans", "Carlito"]),
    "facture": (
        [],
        ["DejaVu Serif", "Liberation Sans", "Carlito", "Caladea", "DejaVu Sans Condensed"],
    ),
    "letter": (["Times", "Helvetica", "Times"], ["Liberation Serif", "DejaVu Serif"]),
    "wholesale": (["sans-serif"], ["DejaVu Sans Condensed", "Liberation Sans 2", "DejaVu Sans"]),
    "us": (
        ["sans-serif", "serif"],
        ["DejaVu Sans", "Caladea", "Liberation Sans 2", "DejaVu Serif"],
    ),
}
#: MuPDF's built-in faces, by CSS generic family
BUILTIN = {"sans-serif": "Nimbus Sans (MuPDF built-in)", "serif": "Charis SIL (MuPDF built-in)"}


def pick_font(rng, doc) -> dict:
    """A standard / built-in font or an embedded TrueType one (always TrueType where a string is not
    WinAnsi with xhtml2pdf's base-14 fonts: Czech)."""
    std, ttf = FAMILY_FONTS[doc["family"]]
    engine = FAMILIES[doc["family"]][0]
    if std and not (engine == "xhtml2pdf" and doc["lang"] == "cs") and rng.random() < 0.5:
        name = rng.choice(std)
        if engine == "story":
            return dict(kind="builtin", name=BUILTIN[name], css=name, files=None)
        return dict(kind="std", name=name, css=name, files=None)
    name = rng.choice(ttf)
    return dict(kind="ttf", name=name, css=name.replace(" ", ""), files=TTF[name])


# --------------------------------------------------------------------------- parties
VAT_ID = {
    "DE": ids.de_vat,
    "AT": ids.at_vat,
    "NL": ids.nl_vat,
    "FR": lambda r: ids.fr_vat(r)[0],
    "IT": lambda r: "IT" + ids.it_vat(r),
    "ES": lambda r: "ES" + ids.es_cif(r),
    "GB": lambda r: "GB" + ids.gb_vat(r),
    "CZ": lambda r: "CZ" + ids.cz_ico(r),
}


def make_supplier(rng, doc) -> dict:
    """common's supplier (AT drawn here, as cairo does), with managing directors, a French legal
    form and an EIN on most US documents."""
    country = doc["country"]
    if country == "AT":
        s = rng.choice(W.SURNAMES["AT"])
        city, pc, street = rng.choice(W.PLACES["AT"])
        slug = G.slug(s)
        sup = dict(
            name=rng.choice(W.SUPPLIER_PATTERNS["AT"]).format(s=s, c=city),
            street=street,
            city=city_line("AT", city, pc),
            phone=G.phone(rng, "AT", alpine=True),
            email=rng.choice(["rechnung", "office", "buchhaltung"]) + f"@{slug}.at",
            web=f"www.{slug}.at",
            tax_label=rng.choice(["UID-Nr.", "UID", "USt-IdNr."]),
            tax_id=ids.at_vat(rng),
            extra_ids=[
                ("FN", f"{rng.randint(10000, 599999)} {rng.choice('abdfghikmpstvwxyz')}"),
                ("", rng.choice(["Handelsgericht Wien", "LG Salzburg", "LG für ZRS Graz"])),
            ],
            iban=ids.iban(rng, "AT", ids.IBAN_LEN["AT"]),
            us_bank="",
            bic="".join(rng.choice("ABCDEFGHKLMNPRSTUVWZ") for _ in range(4))
            + "AT"
            + rng.choice(["WW", "2S", "KK"]),
            bank=rng.choice(["Erste Bank", "Raiffeisenlandesbank", "Bank Austria"]),
        )
    else:
        sup = G.make_supplier(rng, doc)
    if country == "US":
        if rng.random() < 0.85:  # an EIN, the federal employer identification number
            sup.update(
                tax_label=rng.choice(["EIN", "EIN", "Federal Tax ID", "Tax ID"]),
                tax_id=f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}",
            )
        else:
            sup.pop("tax_label", None)
            sup.pop("tax_id", None)
    if country == "FR":
        sup["form"] = rng.choice(LB.FR_FORMS)
    sup["directors"] = [
        f"{rng.choice('ABCDEFGHJKLMNPRST')}. {rng.choice(W.SURNAMES[country])}"
        for _ in range(rng.choice([1, 1, 2]))
    ]
    return sup


def make_customer(rng, doc, supplier) -> dict:
    """common's customer (AT drawn here); the issuer of a self-billed invoice always has a VAT
    id."""
    country = doc["country"]
    if country == "AT":
        cust = G.customer_base(rng, "AT", supplier)
        cust["number"] = rng.choice(
            [f"K-{rng.randint(10000, 99999)}", f"{rng.randint(100000, 999999)}"]
        )
        if rng.random() < 0.3:
            cust["attn"] = G.ATTN["de"]
        if rng.random() < 0.4:
            cust["vat_id"] = ids.at_vat(rng)
    else:
        cust = G.make_customer(rng, doc, supplier)
    cust["supplier_no"] = f"{rng.randint(70000, 79999)}"
    cust["phone"] = G.phone(rng, country, alpine=True)
    if doc["self_billed"] and not cust.get("vat_id"):
        cust["vat_id"] = VAT_ID[country](rng)
    return cust


def invoice_number(rng, doc, year, month) -> str:
    if doc["self_billed"]:
        return rng.choice(
            [
                f"GS{year % 100:02d}-{rng.randint(1000, 9999)}",
                f"SB-{rng.randint(10000, 99999)}",
                f"{year}/AF/{rng.randint(100, 999)}",
            ]
        )
    if doc["family"] == "us" and rng.random() < 0.6:  # QuickBooks-style plain counters
        return (
            str(rng.randint(1001, 48999)) if not doc["credit"] else f"CM-{rng.randint(101, 2999)}"
        )
    return G.invoice_number(rng, doc["lang"], doc["credit"], year, month)


# --------------------------------------------------------------------------- items
POOLS = {  # catalogue categories a family's supplier mostly sells
    "django": ["food", "bev", "clean", "linen", "equip", "service"],
    "facture": ["food", "bev", "clean", "equip", "service"],
    "letter": ["service", "linen", "clean", "equip"],
    "wholesale": ["food", "bev", "clean", "equip"],
    "us": ["food", "bev", "clean", "equip", "linen"],
}


def make_items(rng, doc) -> list[dict]:
    """Items of the hospitality world: the family's categories, 1-22 (wholesale 40-54, credit notes
    1-6); a multi-rate document has at least one reduced-rate line."""
    country, fam = doc["country"], doc["family"]
    std, red = W.VAT[country] if country != "US" else (doc["sales_tax"], doc["sales_tax"])
    pool = W.CATALOGUE if doc["mode"] == "multi" else [p for p in W.CATALOGUE if p["vat"] == "std"]
    cats = sorted({p["cat"] for p in pool} & set(POOLS[fam]))
    main = rng.sample(cats, min(len(cats), rng.choice([1, 2, 2, 3])))
    if doc["mode"] == "multi" and "food" not in main:
        main.append("food")
    pool_main = [p for p in pool if p["cat"] in main] or pool
    r = rng.random()
    if doc["credit"]:
        n = rng.randint(1, 6)
    elif fam == "wholesale":
        n = rng.randint(40, 54)
    else:
        n = (
            rng.randint(1, 5)
            if r < 0.35
            else rng.randint(6, 12)
            if r < 0.8
            else rng.randint(13, 22)
        )
    long_p = (
        0.45 if fam == "letter" else 0.1 if fam == "wholesale" else rng.choice([0.0, 0.0, 0.2, 0.4])
    )
    items, used = [], set()
    for _ in range(n):
        p = rng.choice(pool_main if rng.random() < 0.85 else pool)
        items.append(G.make_item(rng, doc, p, long_p, used, std, red))
    if doc["mode"] == "multi" and std != red and all(it["rate"] == std for it in items):
        food = [p for p in W.CATALOGUE if p["vat"] == "red"]
        items[rng.randrange(len(items))] = G.make_item(
            rng, doc, rng.choice(food), long_p, used, std, red
        )
    return items


# --------------------------------------------------------------------------- the document
def make_doc(seed: int, idx: int) -> dict:
    """Draw document ``idx`` of ``seed``: locale, formats, parties, items, amounts, font and layout
    options."""
    rng = random.Random(f"{SET_NAME}/{seed}/{idx}")
    family = G.family_of(SET_NAME, seed, idx, FAMILIES)
    pool = FAMILY_LOCALES[family]
    loc = pool[((idx - 1) // len(FAMILIES) + seed) % len(pool)]
    info = LOCALES[loc]
    doc = G.start_doc(rng, seed, idx, family, loc, LOCALES, PX)
    lang, country, X = doc["lang"], doc["country"], doc["X"]
    doc["engine"] = FAMILIES[family][0]
    if country == "US":
        X.update({k: pick(rng, v) for k, v in US_X.items()})
        X["po"] = rng.choice(["P.O. No.", "PO #", "PO", "Your reference", "P.O. Number"])
    else:
        X["po"] = rng.choice(PO_LABELS[lang])
    doc["sep"] = info["sep"]
    if loc == "fr_FR" and rng.random() < 0.3:
        doc["sep"] = (".", ",")
    if loc == "de_DE" and family == "wholesale" and rng.random() < 0.3:
        doc["sep"] = ("", ",")  # ERP exports without a thousands separator: 1234,56
    doc["min_group2"] = loc == "es_ES" and rng.random() < 0.5
    doc["cur"] = info["cur"]
    doc["cur_fmt"] = (
        info["cur"][2] if rng.random() < 0.75 else rng.choice(["code_pre", "code_post"])
    )
    doc["table_sym"] = rng.random() < {"django": 0.5, "us": 0.15, "wholesale": 0.1}.get(family, 0.3)
    doc["tot_sym"] = family != "wholesale" or rng.random() < 0.6
    doc["pct_sep"] = " " if lang in ("fr", "de", "cs") and rng.random() < 0.6 else ""
    doc["qty_fixed"] = rng.choice([0, 0, 0, 2, 3] if family == "wholesale" else [0, 0, 0, 2])
    doc["date_fmt"] = rng.choice(DATE_FORMATS[loc])
    doc["paper"] = info["paper"]
    doc["sales_tax"] = Decimal(str(rng.choice(W.US_SALES_TAX))) if country == "US" else None
    doc["credit"] = family != "wholesale" and rng.random() < 0.15
    doc["neg"] = False  # credit notes print positive amounts under their title
    doc["self_billed"] = (
        not doc["credit"]
        and family in ("facture", "letter")
        and lang in SELF_BILLING_LANGS
        and country != "US"
        and rng.random() < 0.4
    )
    doc["supplier"] = make_supplier(rng, doc)
    doc["customer"] = make_customer(rng, doc, doc["supplier"])
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    doc["date"] = date
    doc["number"] = invoice_number(rng, doc, date.year, date.month)
    if doc["credit"]:
        ref_doc = dict(doc, credit=False, self_billed=False)
        doc["ref_invoice"] = invoice_number(
            random.Random(rng.random()), ref_doc, date.year, date.month
        )
        doc["ref_date"] = date - dt.timedelta(days=rng.randint(5, 60))
    G.draw_terms_and_pos(rng, doc, date, delivery_p=0.35)
    multi_p = {"facture": 0.8, "wholesale": 0.6, "us": 0.0}.get(family, 0.4)
    doc["mode"] = "multi" if rng.random() < multi_p else "single"
    items = make_items(rng, doc)
    doc["line_disc"] = family in ("django", "letter", "wholesale") and rng.random() < 0.25
    if doc["line_disc"]:
        G.draw_line_discounts(rng, items)
    ship_p = 0 if doc["self_billed"] else 0.3 if family in ("wholesale", "us") else 0.2
    ship_fees = G.SHIP_FEES + ["45.00"]
    G.draw_amounts(
        rng,
        doc,
        items,
        disc_p=0.2,
        ship_p=ship_p,
        ship_fees=ship_fees,
        rates_desc=family == "facture",
    )
    groups = doc["groups"]
    doc["deposit"] = doc["prev_balance"] = Decimal(0)
    fx = Decimal(str(G.FX.get(doc["cur"][0], 1)))
    if not doc["credit"] and not doc["self_billed"]:
        r = rng.random()
        if r < 0.15 and family != "letter":
            doc["deposit"] = r2(doc["gross"] * Decimal(rng.choice([20, 25, 30, 50])) / 100)
        elif r < 0.3 and family in ("letter", "us", "wholesale"):
            doc["prev_balance"] = r2(Decimal(str(rng.uniform(80, 2400))) * fx)
    doc["vat_col"] = country != "US" and (len(groups) > 1 or rng.random() < 0.3)
    doc["vat_summary"] = country != "US" and (
        family == "facture"
        or (family == "wholesale" and (len(groups) > 1 or rng.random() < 0.4))
        or (family == "letter" and rng.random() < 0.35)
    )
    # a multi-rate django invoice prints only its VAT lines in about a third (no VAT total)
    doc["vat_lines_only"] = family == "django" and len(groups) > 1 and rng.random() < 0.35
    doc["font"] = pick_font(rng, doc)
    doc["rng_layout"] = rng.random()
    doc["opts"] = layout_opts(rng, doc)
    return doc


ACCENTS = ["#1F4E79", "#2E75B6", "#375623", "#7B2C2C", "#404040", "#5B2C6F", "#0E6655", "#8E5B00"]


def layout_opts(rng, doc) -> dict:
    """The family's layout choices (recorded in the truth's _style.layout) and its item table's
    columns."""
    f = doc["family"]
    o = dict(accent=rng.choice(ACCENTS), size=rng.choice([8.5, 9, 9, 9.5, 10]))
    if f == "django":
        o.update(
            title_left=rng.random() < 0.3,
            head_fill=rng.random() < 0.6,
            zebra=rng.random() < 0.3,
            cols=rng.choice(
                [
                    ["desc", "qty", "price", "total"],
                    ["sku", "desc", "qty", "price", "total"],
                    ["desc", "qty", "unit", "price", "total"],
                    ["pos", "sku", "desc", "qty", "unit", "price", "total"],
                ]
            ),
        )
        # a letter-spaced name, only where the letterhead is at the left
        o["spaced_name"] = not o["title_left"] and rng.random() < 0.45
    elif f == "facture":
        o.update(
            head_align=rng.choice(["left", "left", "center"]),
            grid=rng.random() < 0.6,
            client_box=rng.random() < 0.7,
            justify=rng.random() < 0.8,
            head_fill=rng.choice(["#E6E6E6", "#D9E2F3", "#EFEFEF"]),
            cols=rng.choice(
                [
                    ["sku", "desc", "qty", "price", "vat", "total"],
                    ["desc", "qty", "unit", "price", "vat", "total"],
                    ["sku", "desc", "qty", "unit", "price", "vat", "total"],
                ]
            ),
        )
    elif f == "letter":
        o.update(
            size=rng.choice([9, 9.5, 10, 10.5]),
            spacing=rng.choice([1.5, 2, 3, 4]),
            upper_name=rng.random() < 0.6,
            repeat_head=rng.random() < 0.7,
            info_colon=rng.random() < 0.6,
            rules=rng.choice(["head", "rows"]),
            cols=rng.choice(
                [
                    ["pos", "desc", "qty", "unit", "price", "total"],
                    ["pos", "desc", "qty", "price", "total"],
                    ["pos", "sku", "desc", "qty", "unit", "price", "total"],
                ]
            ),
        )
    elif f == "wholesale":
        o.update(
            size=rng.choice([9, 9, 9.5, 10]),
            spaced_title=rng.random() < 0.3,
            head_left=rng.random() < 0.6,
            zebra=rng.random() < 0.4,
            ean_line=rng.random() < 0.35,
            cols=rng.choice(
                [
                    ["pos", "sku", "desc", "qty", "unit", "price", "total"],
                    ["sku", "desc", "qty", "unit", "price", "total"],
                    ["pos", "sku", "desc", "unit", "qty", "price", "total"],
                ]
            ),
        )
    else:  # us
        o.update(
            boxed=rng.random() < 0.7,
            tax_flag=rng.random() < 0.5,
            head_fill=rng.choice(["#D9D9D9", "#DCE6F1", "#E8E8E8"]),
            cols=rng.choice(
                [
                    ["sku", "desc", "qty", "unit", "price", "total"],
                    ["sku", "desc", "qty", "price", "total"],
                    ["qty", "sku", "desc", "price", "total"],
                    ["desc", "qty", "unit", "price", "total"],
                ]
            ),
        )
    cols = list(o["cols"])
    if doc["line_disc"]:
        cols.insert(cols.index("total"), "disc")
    if doc["vat_col"] and "vat" not in cols:
        cols.insert(cols.index("total") + (1 if f == "django" and rng.random() < 0.5 else 0), "vat")
    if f == "us" and o["tax_flag"]:
        cols.append("taxflag")
    o["cols"] = cols
    return o


# --------------------------------------------------------------------------- the job (all text
# pre-formatted)
def build_job(doc: dict, out_pdf: Path) -> dict:
    """Everything render.py prints, formatted here (numbers, dates, labels)."""
    X, s, c, o = doc["X"], doc["supplier"], doc["customer"], doc["opts"]
    fam, us, sb = doc["family"], doc["country"] == "US", doc["self_billed"]
    # choices drawn here must not shift the document's draws
    lr = random.Random(f"{doc['number']}/{fam}")
    D = lambda d: fmt_date(d, doc)  # noqa: E731
    title = X["sb_title"] if sb else X["credit"] if doc["credit"] else X["invoice"]
    num_label = X["sb_no"] if sb else X["cn_no"] if doc["credit"] else X["inv_no"]
    party = [X["supplier_no"], c["supplier_no"]] if sb else [X["cust"], c["number"]]
    meta = G.meta_rows(doc, num_label, party)
    if us:
        meta = [[a, b] for a, b in meta if a != X.get("delivery")]
    # the issuer (letterhead, footer) and the addressee: the seller and its customer, or the other
    # way round
    tax_line = f"{s['tax_label']}: {s['tax_id']}" if s.get("tax_id") else None
    bank = (
        [s["bank"], f"IBAN {s['iban']}", f"BIC {s['bic']}"]
        if s["iban"]
        else [s["bank"], s["us_bank"]]
    )
    if sb:
        vat_word = dict(GB="VAT No.", DE="USt-IdNr.", AT="UID-Nr.", FR="N° TVA", NL="Btw-nr.")[
            doc["country"]
        ]
        issuer = dict(
            name=c["name"],
            lines=[c["street"], c["city"]],
            contact=[c["phone"]],
            legal=[f"{vat_word} {c['vat_id']}"],
            bank=[],
            directors=[],
        )
        addressee = [s["name"], s["street"], s["city"]]
        seller = [s["name"], s["street"], s["city"], f"{X['seller_tax']}: {s['tax_id']}"]
        addressee_vat = None
    else:
        legal = (
            ([s["form"]] if s.get("form") else [])
            + ([tax_line] if tax_line else [])
            + [f"{a} {b}".strip() for a, b in s["extra_ids"]]
        )
        issuer = dict(
            name=s["name"],
            lines=[s["street"], s["city"]],
            contact=[s["phone"], s["email"], s["web"]],
            legal=legal,
            bank=bank,
            directors=s["directors"],
        )
        addressee = [c["name"]] + ([c["attn"]] if c.get("attn") else []) + [c["street"], c["city"]]
        seller = None
        addressee_vat = f"{X['cust_vat']}: {c['vat_id']}" if c.get("vat_id") else None
    # item table
    head_of = G.column_heads(doc, 0.3, taxflag=X.get("tax_col", ""))
    cols = o["cols"]
    rows, subs = [], []
    for i, it in enumerate(doc["items"], 1):
        cell = G.item_cells(doc, i, it)
        cell["taxflag"] = "T"
        rows.append([cell[k] for k in cols])
        subs.append(f"EAN {lr.randint(4000000000000, 4099999999999)}" if o.get("ean_line") else "")
    num_kinds = {"qty", "price", "disc", "vat", "total"}
    table = dict(
        head=[head_of[k] for k in cols],
        kind=cols,
        rows=rows,
        sub=subs,
        align=["right" if k in num_kinds else "center" if k == "taxflag" else "left" for k in cols],
    )
    # totals block: [label, amount, style], style "sub" (subtotal, discount, shipping), "net",
    # "vat" (a rate's
    # VAT), "tax" (the VAT total), "gross", "post" (deposit, previous balance) or "due" (what is
    # left to pay)
    m = lambda x: money(x, doc, doc["tot_sym"])  # noqa: E731
    totals = []
    net_label = X["subtotal"] if us else X["net"]
    if doc["disc_pct"] or doc["shipping"]:
        totals.append([X["subtotal"], m(doc["subtotal"]), "sub"])
        if us:
            net_label = "Taxable subtotal"
    if doc["disc_pct"]:
        totals.append([f"{X['discount']} {pct(doc['disc_pct'], doc)}", m(-doc["disc_amt"]), "sub"])
    if doc["shipping"]:
        totals.append([X["shipping"], m(doc["shipping"]), "sub"])
    totals.append([net_label, m(doc["net"]), "net"])
    if us:
        totals.append([X["tax_line"].format(r=pct(doc["sales_tax"], doc)), m(doc["tax"]), "tax"])
    elif doc["vat_summary"]:
        totals.append([X["vat_total"], m(doc["tax"]), "tax"])
    elif len(doc["groups"]) > 1:
        for rate, base, tax in doc["groups"]:
            lab = (
                X["vat_on"].format(r=pct(rate, doc), b=m(base))
                if doc["rng_layout"] > 0.6
                else X["vat_line"].format(r=pct(rate, doc))
            )
            totals.append([lab, m(tax), "vat"])
        if not doc["vat_lines_only"]:
            totals.append([X["vat_total"], m(doc["tax"]), "tax"])
    elif doc["rng_layout"] > 0.5:
        totals.append([X["vat_line"].format(r=pct(doc["groups"][0][0], doc)), m(doc["tax"]), "tax"])
    else:
        totals.append([X["vat_total"], m(doc["tax"]), "tax"])
    totals.append([X["gross"], m(doc["gross"]), "gross"])
    if doc["deposit"]:
        totals.append([X["deposit"], money(-doc["deposit"], doc, doc["tot_sym"]), "post"])
        totals.append([X["amount_due"], m(doc["gross"] - doc["deposit"]), "due"])
    if doc["prev_balance"]:
        totals.append([X["prev"], m(doc["prev_balance"]), "post"])
        totals.append([X["total_due"], m(doc["gross"] + doc["prev_balance"]), "due"])
    # the table of VAT rates: its rows and its own total lines (net, VAT, gross; printed by
    # facture, which
    # then prints only the "sub" lines above it and the "post" / "due" lines below it) and a total
    # row
    vat = None
    if doc["vat_summary"]:
        vat = dict(
            title=X["vat_summary"],
            head=[X["rate"], X["base"], X["vat_amt"]],
            rows=[[pct(r, doc), m(b), m(t)] for r, b, t in doc["groups"]],
            lines=[
                [X["vt_net"], m(doc["net"])],
                [X["vt_tax"], m(doc["tax"])],
                [X["vt_gross"], m(doc["gross"])],
            ],
            total=[X["total"], m(doc["net"]), m(doc["tax"])],
        )
    notes = []
    if doc["credit"]:
        notes.append(X["refers"].format(n=doc["ref_invoice"], d=D(doc["ref_date"])))
    if doc["cur_fmt"].startswith("code") and doc["rng_layout"] < 0.3 or not doc["tot_sym"]:
        notes.append(
            X["amounts"].format(c=doc["cur"][0]) if not us else f"All amounts in {doc['cur'][0]}."
        )
    if sb:
        notes.append(X["sb_note"].format(c=c["name"], s=s["name"]))
    terms = ""
    if not doc["credit"]:
        terms = X["terms_val"].format(n=doc["terms_days"])
        if sb:
            terms = X["sb_pay"].format(i=s["iban"])
        elif doc["due"] and not us and lr.random() < 0.5:
            terms = X["due_on"].format(a=m(doc["gross"] - doc["deposit"]), d=D(doc["due"]))
    month = fmt_date(doc["date"].replace(day=1) - dt.timedelta(days=1), doc, "{month} {yyyy}")
    staff = lr.choice(W.STAFF)
    letter = LB.LETTER[doc["lang"]]
    pay = [f"{X['paid_by']}: {X['transfer']}"] if not us and lr.random() < 0.5 else []
    job = dict(
        id=f"{doc['idx']:03d}_{fam}",
        out=str(out_pdf),
        family=fam,
        engine=doc["engine"],
        paper=doc["paper"],
        font=doc["font"],
        opts=o,
        lang=doc["lang"],
        date=doc["date"].isoformat(),
        title=title,
        number=doc["number"],
        num_label=num_label,
        date_label=X["date"],
        date_str=D(doc["date"]),
        meta=meta,
        issuer=issuer,
        addressee=addressee,
        addressee_vat=addressee_vat,
        seller=seller,
        seller_label=X.get("seller", ""),
        bill_label=X["bill_to"],
        ship=c.get("ship") if not sb else None,
        ship_label=X["ship_to"],
        table=table,
        totals=totals,
        vat=vat,
        notes=notes,
        terms=terms,
        terms_label=X["terms"],
        pay=pay,
        bank=issuer["bank"],
        bank_label=X.get("bank", ""),
        thanks=X["thanks"],
        mentions=lr.choice(LB.FR_MENTIONS) if doc["country"] == "FR" and not sb else None,
        general=X.get("general", ""),
        general_text=US_X["policy"] if us else X.get("general_text", ""),
        page_fmt=X["page"],
        sep=lr.choice([" · ", " | ", " – "]),
        sender_line=" · ".join([issuer["name"]] + issuer["lines"]),
        salutation=letter[0],
        intro=(
            X["sb_intro"]
            if sb
            else X["cn_intro"]
            if doc["credit"]
            else X.get("intro", "").format(c=c["name"], m=month)
        ),
        closing_text="" if sb or doc["credit"] else X.get("closing", ""),
        closing=letter[2],
        staff=staff,
        our_ref=[X.get("our_ref", ""), f"{staff.split()[-1][:2].upper()}/{lr.choice('abcdefgh')}"],
        contact=[X.get("contact", ""), staff],
        phone_label=X.get("phone", ""),
        directors=f"{X.get('directors', '')}: {', '.join(issuer['directors'])}"
        if issuer["directors"]
        else "",
        cont=X.get("cont", ""),
    )
    if us:
        job.update(
            terms_value=X["terms_val"].format(n=doc["terms_days"]) if not doc["credit"] else "",
            terms_head=X["terms"],
            rep=lr.choice(["JC", "MW", "SL", "RO", "DK", "TB"]),
            rep_label=X["rep"],
            via=lr.choice(US_VIA),
            via_label=X["ship_via"],
            remit=X["remit"],
            po_label=X["po"],
            po=", ".join(doc["pos"]),
            due_label=X["due"],
            due_str=D(doc["due"]) if doc["due"] else "",
            cust_label=X["cust"],
            cust_no=c["number"],
            tax_line=tax_line,
        )
    return job


def job_strings(job: dict):
    """The strings a job prints (for the WinAnsi test of documents set in a base-14 font)."""

    def walk(v):
        if isinstance(v, str):
            yield v
        elif isinstance(v, dict):
            for k, x in v.items():
                if k not in ("out", "font", "opts", "id"):
                    yield from walk(x)
        elif isinstance(v, (list, tuple)):
            for x in v:
                yield from walk(x)

    return list(walk(job))


# --------------------------------------------------------------------------- truth and check
def rate_str(rate) -> str:
    return format(Decimal(str(rate)).normalize(), "f")


def truth_of(doc: dict) -> dict:
    """common's truth, with each item's unit and VAT rate where the table prints them (a unit
    column, a VAT % column), in the key order description, product_code, quantity, unit, unit_price,
    total, tax_rate."""
    cols = doc["opts"]["cols"]
    t = G.truth_of(doc, SET_NAME, show_codes="sku" in cols, style=style_of(doc))
    items = []
    for it, d in zip(doc["items"], t["line_items"], strict=True):
        e = {k: d[k] for k in ("description", "product_code", "quantity") if k in d}
        if "unit" in cols:
            e["unit"] = it["unit"]
        e.update(unit_price=d["unit_price"], total=d["total"])
        if "vat" in cols:
            e["tax_rate"] = rate_str(it["rate"])
        items.append(e)
    t["line_items"] = items
    return t


def style_of(doc: dict) -> dict:
    """_style of the truth: common's fields, with the engine, the font's kind, the currency in the
    totals, a previous balance and self-billing."""
    prev = dec_str(doc["prev_balance"], 2) if doc["prev_balance"] else None
    after = {
        "library": {"engine": doc["engine"]},
        "amounts_with_currency_in_table": {"amounts_with_currency_in_totals": doc["tot_sym"]},
        "deposit": {"previous_balance": prev, "self_billed": doc["self_billed"]},
    }
    lib = render.VERSIONS[doc["engine"]]
    st = G.reshape(G.style_of(dict(doc, lib=lib)), after, drop=("credit_printed_negative",))
    st["layout"] = {k: v for k, v in doc["opts"].items() if k not in ("cols", "accent")}
    return st


def expected(doc: dict, job: dict) -> list[tuple[str, str]]:
    """common's expected strings, and each item's unit and VAT-rate cells where printed."""
    out = G.expected_strings(doc, job)
    cols = doc["opts"]["cols"]
    for i, row in enumerate(job["table"]["rows"]):
        for k in ("unit", "vat"):
            if k in cols:
                out.append((f"item{i}.{k}", row[cols.index(k)]))
    return out


def check_doc(doc: dict, job: dict, pdf: Path) -> list[str]:
    """common's check (truth values and the printed cells in the pypdf text, amounts add up), what
    xhtml2pdf or MuPDF reported, and for wholesale that its table did go on over a page break: its
    first item on page 1, its last on a later page."""
    probs = [f"{job['engine']}: {m}" for m in job.get("_messages", [])]
    probs += G.check_doc(doc, job, pdf, expected)
    if doc["family"] == "wholesale":
        from pypdf import PdfReader

        pages = [G.norm(p.extract_text() or "") for p in PdfReader(str(pdf)).pages]
        first, last = doc["items"][0]["code"], doc["items"][-1]["code"]
        if first not in pages[0] or last in pages[0] or not any(last in p for p in pages[1:]):
            probs.append("the item table did not go on over a page break")
    return probs


# --------------------------------------------------------------------------- main
def main(argv=None):
    # MuPDF's ToUnicode maps of DejaVu have 5-digit entries that make pypdf log warnings
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    args = G.parse_args(argv, __doc__, FAMILIES)
    out, docs, jobs = G.draw_docs(args, make_doc, build_job, job_strings)
    for job in jobs:
        job["_messages"] = render.render(job)
    if args.keep_jobs:
        G.write_jobs(jobs, out, out, True)
    return G.write_truths(out, docs, jobs, args.no_check, truth_of, check_doc, drop_failed=True)


if __name__ == "__main__":
    raise SystemExit(main())
