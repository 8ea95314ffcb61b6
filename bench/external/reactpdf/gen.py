#!/usr/bin/env python3
"""Invoice PDFs rendered by React-PDF (@react-pdf/renderer) under Node.js, the library behind the
PDF invoices of many JavaScript web apps and SaaS back ends; a truth JSON is written beside each PDF
and checked against its text.

    .venv/bin/python gen.py OUTDIR --count N --seed S [--only FAMILY] [--keep-jobs] [--no-check]

gen.py draws every document (parties, items, VAT, formats, labels, layout options) from the shared
world of ../common, writes one JSON job per document and runs ``node render.mjs JOBS.json`` once;
render.mjs builds each document as a React element tree (React.createElement, no JSX) of
<Document>, <Page>, <View> and <Text> in its family's layout and writes it with renderToFile (Yoga
flexbox layout, React-PDF's text engine over PDFKit). Then pypdf extracts the text of every PDF and
the printed truth values are looked for in it (common's ``check_doc``); a document that fails its
check is dropped and reported.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # bench/external: the modules in common/
from common import ids  # noqa: E402
from common import labels as LB  # noqa: E402
from common import scaffold as G  # noqa: E402
from common import world as W  # noqa: E402
from common.scaffold import city_line, dec_str, fmt_date, fmt_qty, money, pct, pick, r2  # noqa: E402

G.use_set_venv(HERE, __file__)

SET_NAME = "reactpdf"
LIBRARY = "@react-pdf/renderer 4.9.0"
#: family -> what it imitates
FAMILIES = {
    "saas": "SaaS invoicing app",
    "webshop": "B2B web shop",
    "erp": "wholesaler's ERP letter",
    "service": "field-service invoice",
    "us": "US foodservice distributor",
}
LOCALES = dict(LB.LOCALES, de_AT=LB.DE_AT)
DATE_FORMATS = dict(
    LB.DATE_FORMATS, de_AT=["{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{d}.{m}.{yyyy}"]
)
#: each family cycles through its own locales (us: en_US only)
FAMILY_LOCALES = {
    "saas": ["en_GB", "de_DE", "fr_FR", "nl_NL", "en_US", "it_IT", "es_ES", "de_AT", "cs_CZ"],
    "webshop": ["de_DE", "en_GB", "nl_NL", "de_AT", "fr_FR", "es_ES", "it_IT", "cs_CZ"],
    "erp": ["de_DE", "fr_FR", "de_AT", "en_GB", "nl_NL", "it_IT", "es_ES", "de_DE", "fr_FR"],
    "service": ["en_GB", "de_DE", "fr_FR", "nl_NL", "de_AT", "it_IT", "es_ES"],
    "us": ["en_US"],
}
SELF_BILLING_LANGS = ("de", "fr", "en", "nl")

FONTS = Path("/usr/share/fonts/truetype")
#: TrueType families registered by render.mjs (Font.register): fonts-dejavu-core, fonts-liberation
TTF = {
    "DejaVu Sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "DejaVu Serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "Liberation Sans": (
        "liberation/LiberationSans-Regular.ttf",
        "liberation/LiberationSans-Bold.ttf",
    ),
    "Liberation Serif": (
        "liberation/LiberationSerif-Regular.ttf",
        "liberation/LiberationSerif-Bold.ttf",
    ),
    "Liberation Sans Narrow": (
        "liberation/LiberationSansNarrow-Regular.ttf",
        "liberation/LiberationSansNarrow-Bold.ttf",
    ),
}
#: family -> (chance of a standard font, standard fonts, TrueType families)
FAMILY_FONTS = {
    "saas": (0.35, ["Helvetica"], ["DejaVu Sans", "Liberation Sans"]),
    "webshop": (0.55, ["Helvetica"], ["Liberation Sans", "DejaVu Sans"]),
    "erp": (
        0.8,
        ["Helvetica", "Helvetica", "Times-Roman"],
        ["Liberation Sans Narrow", "Liberation Sans"],
    ),
    "service": (0.25, ["Times-Roman"], ["Liberation Serif", "DejaVu Serif", "DejaVu Sans"]),
    "us": (0.75, ["Helvetica", "Times-Roman"], ["Liberation Sans", "Liberation Serif"]),
}

# ------------------------------------------------------------------ labels of this set's layouts
# merged over common/labels.py's X of the language (a list: one is drawn per document)
XR = {
    "en": dict(
        po=["Your reference", "PO", "PO Number", "Purchase order", "Your order ref."],
        sb_title=["SELF-BILLED INVOICE", "Self-billed invoice"],
        sb_no=["Self-bill No.", "Invoice No."],
        sb_note=(
            "Self-billed invoice issued by {c} on behalf of {s} under a self-billing agreement. "
            "The VAT shown is your output tax due to HMRC."
        ),
        sb_pay="We will pay the amount to your account {i}.",
        seller=["Supplier", "Supplier details"],
        supplier_no=["Supplier No.", "Vendor No."],
        seller_tax="VAT No.",
        prev=["Previous balance", "Balance brought forward"],
        total_due=["Total balance due", "Total amount due"],
        vt=[
            ("Net total", "VAT", "Total"),
            ("Total net", "Total VAT", "Total gross"),
            ("Goods value", "VAT", "Invoice total"),
        ],
        vt_row="Total",
        order_id=["Order ID", "Web order"],
        order_date="Order date",
        pay_method="Payment method",
        pay_vals=["Credit card (Visa ending 4242)", "PayPal", "Bank transfer", "Direct debit"],
        paid=["Paid", "Amount paid"],
        job_no=["Job No.", "Work order"],
        tech=["Engineer", "Technician"],
        site=["Site address", "Service location"],
        labour="Labour",
        parts=["Parts and materials", "Parts"],
        work=["Work carried out", "Description of work"],
        work_text=[
            "Annual service carried out, all units tested and left in full working order.",
            "Fault found and repaired on site, appliance tested and handed back to the kitchen.",
            "Scheduled visit as per service contract; findings recorded in the site log book.",
        ],
        dn=["Delivery note", "Delivery note No."],
        clerk=["Your contact", "Clerk"],
        sig=("Customer signature", "Engineer"),
        credit_intro="We credit you with the following items:",
        amounts="All amounts in {c}.",
        shop_thanks="Thank you for your order!",
        paid_note="Paid on {d} by {m}.",
        sb_intro="We credit you with the following deliveries under our self-billing agreement:",
    ),
    "de": dict(
        po=["Bestellung", "Ihre Bestellung", "Ihre Referenz", "Bestell-Nr.", "Ihr Zeichen"],
        sb_title=["Gutschrift (Selbst ausgestellte Rechnung)", "Gutschrift im Gutschriftverfahren"],
        sb_no=["Gutschrift-Nr.", "Belegnummer"],
        sb_note=(
            "Abrechnung im Gutschriftverfahren: {c} stellt diese Rechnung im Namen und für "
            "Rechnung von {s} aus (Selbstfakturierung). Widersprechen Sie bitte innerhalb von "
            "14 Tagen, wenn Angaben nicht zutreffen."
        ),
        sb_pay="Den Betrag überweisen wir auf Ihr Konto {i}.",
        seller=["Lieferant", "Leistender Unternehmer"],
        supplier_no=["Lieferanten-Nr.", "Ihre Lieferantennummer"],
        seller_tax="USt-IdNr.",
        prev=["Offener Saldo Vorrechnungen", "Saldovortrag"],
        total_due=["Gesamt offen", "Offener Gesamtbetrag"],
        vt=[
            ("Nettobetrag", "USt", "Bruttobetrag"),
            ("Summe netto", "Summe USt.", "Summe brutto"),
            ("Warenwert netto", "MwSt.", "Rechnungsbetrag"),
        ],
        vt_row="Summe",
        order_id=["Auftrags-Nr.", "Webshop-Auftrag"],
        order_date="Bestelldatum",
        pay_method="Zahlungsart",
        pay_vals=["Kreditkarte (Visa **** 4242)", "PayPal", "Vorkasse", "SEPA-Lastschrift"],
        paid=["Bereits bezahlt", "Bezahlt"],
        job_no=["Auftrag", "Serviceauftrag Nr."],
        tech=["Techniker", "Monteur"],
        site=["Einsatzort", "Leistungsort"],
        labour=["Arbeitszeit", "Arbeitsleistung"],
        parts=["Material", "Ersatzteile und Material"],
        work=["Durchgeführte Arbeiten", "Arbeitsbericht"],
        work_text=[
            "Jährliche Wartung durchgeführt, alle Geräte geprüft und betriebsbereit übergeben.",
            "Störung vor Ort behoben, Gerät geprüft und an die Küche übergeben.",
            "Termin gemäß Wartungsvertrag; Befund im Anlagenbuch dokumentiert.",
        ],
        dn=["Lieferschein", "Lieferschein-Nr."],
        clerk=["Bearbeiter", "Ihr Ansprechpartner"],
        sig=("Unterschrift Kunde", "Techniker"),
        credit_intro="wir schreiben Ihnen die folgenden Positionen gut:",
        amounts="Alle Beträge in {c}.",
        shop_thanks="Vielen Dank für Ihre Bestellung!",
        paid_note="Bezahlt am {d} per {m}.",
        sb_intro="für die folgenden Lieferungen und Leistungen erteilen wir Ihnen Gutschrift:",
    ),
    "fr": dict(
        po=["Votre référence", "Votre commande", "Bon de commande", "Réf. client"],
        sb_title=["AUTOFACTURATION", "Facture – autofacturation"],
        sb_no=["Facture n°", "N° d'autofacture"],
        sb_note=(
            "Autofacturation : facture établie par {c} au nom et pour le compte de {s}, "
            "conformément au mandat de facturation (art. 289-I-2 du CGI)."
        ),
        sb_pay="Le montant sera viré sur votre compte {i}.",
        seller=["Fournisseur", "Vendeur"],
        supplier_no=["N° fournisseur", "Code fournisseur"],
        seller_tax="N° TVA",
        prev=["Solde antérieur", "Report solde précédent"],
        total_due=["Total dû", "Solde à payer"],
        vt=[("Total HT", "Total TVA", "Total TTC"), ("Montant HT", "Montant TVA", "Montant TTC")],
        vt_row="Total",
        order_id=["Commande web", "Réf. boutique"],
        order_date="Date de commande",
        pay_method="Mode de paiement",
        pay_vals=["Carte bancaire", "PayPal", "Virement", "Prélèvement SEPA"],
        paid=["Déjà réglé", "Payé"],
        job_no=["N° d'intervention", "Bon d'intervention"],
        tech=["Technicien", "Intervenant"],
        site=["Lieu d'intervention", "Adresse d'intervention"],
        labour=["Main-d'œuvre", "Main d'œuvre"],
        parts=["Pièces et fournitures", "Pièces détachées"],
        work=["Travaux réalisés", "Compte rendu d'intervention"],
        work_text=[
            "Entretien annuel réalisé, tous les appareils contrôlés et laissés en état de marche.",
            "Panne diagnostiquée et réparée sur place, appareil testé et remis en service.",
            "Visite programmée selon contrat de maintenance ; constats consignés au registre.",
        ],
        dn=["Bon de livraison", "BL n°"],
        clerk=["Suivi par", "Votre interlocuteur"],
        sig=("Signature client", "Technicien"),
        credit_intro="Nous vous prions de trouver ci-dessous le détail de notre avoir :",
        amounts="Montants exprimés en {c}.",
        shop_thanks="Merci pour votre commande !",
        paid_note="Réglé le {d} par {m}.",
        sb_intro="Veuillez trouver ci-dessous le détail de l'autofacturation :",
    ),
    "nl": dict(
        po=["Uw referentie", "Uw bestelling", "Inkoopordernummer"],
        sb_title=["FACTUUR (SELF-BILLING)", "Self-billingfactuur"],
        sb_no=["Factuurnummer", "Documentnr."],
        sb_note=(
            "Factuur uitgereikt door afnemer: {c} reikt deze factuur uit namens {s} (self-billing)."
        ),
        sb_pay="Wij maken het bedrag over naar uw rekening {i}.",
        seller=["Leverancier"],
        supplier_no=["Leveranciersnr.", "Crediteurnr."],
        seller_tax="Btw-nr.",
        prev=["Vorig saldo", "Openstaand saldo"],
        total_due=["Totaal openstaand", "Totaal te betalen"],
        vt=[("Totaal excl. btw", "Btw", "Totaal incl. btw"), ("Subtotaal", "Btw totaal", "Totaal")],
        vt_row="Totaal",
        order_id=["Webshop-order", "Ordernr. webshop"],
        order_date="Besteldatum",
        pay_method="Betaalwijze",
        pay_vals=["iDEAL", "Creditcard", "Overboeking", "PayPal"],
        paid=["Reeds betaald", "Betaald"],
        job_no=["Werkbon", "Opdrachtnr."],
        tech=["Monteur", "Technicus"],
        site=["Locatie", "Werkadres"],
        labour=["Arbeidsloon", "Arbeid"],
        parts=["Materialen", "Onderdelen"],
        work=["Uitgevoerde werkzaamheden"],
        work_text=[
            "Jaarlijks onderhoud uitgevoerd, alle apparatuur gecontroleerd en werkend opgeleverd.",
            "Storing ter plaatse verholpen, apparaat getest en aan de keuken overgedragen.",
            "Geplande controle volgens servicecontract; bevindingen vastgelegd in het logboek.",
        ],
        dn=["Pakbon", "Pakbonnr."],
        clerk=["Contactpersoon", "Behandeld door"],
        sig=("Handtekening klant", "Monteur"),
        credit_intro="Hierbij crediteren wij u het volgende:",
        amounts="Alle bedragen in {c}.",
        shop_thanks="Bedankt voor uw bestelling!",
        paid_note="Betaald op {d} via {m}.",
        sb_intro="Hierbij ontvangt u de afrekening van de volgende leveringen:",
    ),
    "it": dict(
        po=["Vs. riferimento", "Vs. ordine", "Rif. ordine"],
        prev=["Saldo precedente", "Saldo fatture precedenti"],
        total_due=["Totale dovuto", "Saldo da pagare"],
        vt=[
            ("Totale imponibile", "Totale IVA", "Totale documento"),
            ("Imponibile", "IVA", "Totale fattura"),
        ],
        vt_row="Totale",
        order_id=["Ordine web", "Ordine online n."],
        order_date="Data ordine",
        pay_method="Modalità di pagamento",
        pay_vals=["Carta di credito", "PayPal", "Bonifico bancario"],
        paid=["Già pagato", "Pagato"],
        job_no=["Intervento n.", "Rapporto n."],
        tech=["Tecnico"],
        site=["Luogo intervento", "Sede intervento"],
        labour=["Manodopera"],
        parts=["Materiali", "Ricambi e materiali"],
        work=["Lavori eseguiti", "Descrizione intervento"],
        work_text=[
            "Manutenzione annuale eseguita, tutte le apparecchiature verificate e funzionanti.",
            "Guasto individuato e riparato sul posto, apparecchio collaudato e riconsegnato.",
            "Visita programmata secondo contratto di assistenza; esito riportato nel registro.",
        ],
        dn=["DDT", "DDT n."],
        clerk=["Referente"],
        sig=("Firma cliente", "Tecnico"),
        credit_intro="Vi accreditiamo le seguenti voci:",
        amounts="Importi in {c}.",
        shop_thanks="Grazie per il vostro ordine!",
        paid_note="Pagato il {d} con {m}.",
    ),
    "es": dict(
        po=["Su referencia", "Su pedido", "N.º de pedido"],
        prev=["Saldo anterior", "Saldo pendiente anterior"],
        total_due=["Total adeudado", "Total pendiente"],
        vt=[
            ("Base imponible", "Total IVA", "Total factura"),
            ("Base imponible", "Cuota IVA", "Total"),
        ],
        vt_row="Total",
        order_id=["Pedido web", "Pedido online"],
        order_date="Fecha del pedido",
        pay_method="Forma de pago",
        pay_vals=["Tarjeta de crédito", "PayPal", "Transferencia bancaria", "Bizum"],
        paid=["Ya pagado", "Pagado"],
        job_no=["Parte de trabajo", "N.º de aviso"],
        tech=["Técnico"],
        site=["Lugar de intervención", "Dirección de servicio"],
        labour=["Mano de obra"],
        parts=["Materiales", "Repuestos y materiales"],
        work=["Trabajos realizados"],
        work_text=[
            "Mantenimiento anual realizado, todos los equipos revisados y en funcionamiento.",
            "Avería localizada y reparada in situ, equipo probado y entregado a cocina.",
            "Visita programada según contrato de mantenimiento; resultado anotado en el registro.",
        ],
        dn=["Albarán", "Albarán n.º"],
        clerk=["Atendido por", "Contacto"],
        sig=("Firma del cliente", "Técnico"),
        credit_intro="Les abonamos los siguientes conceptos:",
        amounts="Importes en {c}.",
        shop_thanks="¡Gracias por su pedido!",
        paid_note="Pagado el {d} con {m}.",
    ),
    "cs": dict(
        po=["Vaše objednávka", "Objednávka č."],
        prev=["Předchozí zůstatek"],
        total_due=["Celkem k úhradě"],
        vt=[("Základ daně", "DPH", "Celkem s DPH")],
        vt_row="Celkem",
        order_id=["Obj. e-shop"],
        order_date="Datum objednávky",
        pay_method="Způsob platby",
        pay_vals=["Platební karta", "Převodem", "Dobírka"],
        paid=["Uhrazeno", "Zaplaceno"],
        dn=["Dodací list"],
        clerk=["Vyřizuje"],
        credit_intro="Dobropisujeme Vám následující položky:",
        amounts="Částky v {c}.",
        shop_thanks="Děkujeme za Váš nákup!",
        paid_note="Zaplaceno {d} ({m}).",
    ),
}
#: en_US wording (us family and saas en_US)
US_LABELS = dict(
    invoice=["INVOICE", "Invoice"],
    credit=["CREDIT MEMO", "Credit Memo"],
    inv_no=["Invoice #", "Invoice No."],
    cn_no=["Credit Memo #", "Memo No."],
    date=["Invoice Date", "Date"],
    due=["Due Date", "Payment Due"],
    cust=["Customer #", "Account No.", "Cust. No."],
    po=["PO #", "P.O. Number", "PO", "Customer PO"],
    bill_to=["Bill To", "Sold To"],
    ship_to=["Ship To"],
    deposit=["Payments/Credits", "Less deposit", "Amount paid"],
    amount_due=["Balance Due", "Amount Due"],
    prev=["Previous Balance", "Prior balance"],
    total_due=["Total Amount Due", "Total Due"],
    shipping=["Freight", "Shipping & Handling", "Delivery"],
)
US_TERMS = {7: "Net 7", 10: "Net 10", 14: "Net 14", 30: "Net 30", 45: "Net 45", 60: "Net 60"}


# --------------------------------------------------------------------------- parties
def make_supplier(rng, doc):
    """common's supplier of the country; Austrian ones drawn here; US ones always print an EIN."""
    country = doc["country"]
    if country != "AT":
        sup = G.make_supplier(rng, doc)
        if country == "US":
            sup.update(
                tax_label=rng.choice(["EIN", "Federal EIN", "Fed. Tax ID", "Tax ID (EIN)"]),
                tax_id=f"{rng.randint(10, 98)}-{rng.randint(1000000, 9999999)}",
            )
    else:
        s = rng.choice(W.SURNAMES["AT"])
        city, pc, street = rng.choice(W.PLACES["AT"])
        name = rng.choice(W.SUPPLIER_PATTERNS["AT"]).format(s=s, c=city)
        dom = G.slug(s)
        sup = dict(
            name=name,
            street=street,
            city=city_line("AT", city, pc),
            phone=f"+43 {rng.choice(['1', '662', '316'])} {rng.randint(100, 999)} "
            f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
            email=rng.choice(["rechnung", "office", "buchhaltung"]) + f"@{dom}.at",
            web=f"www.{dom}.at",
            tax_label=rng.choice(["UID-Nr.", "UID", "USt-IdNr."]),
            tax_id=ids.at_vat(rng),
            extra_ids=[
                ("FN", f"{rng.randint(100000, 599999)}{rng.choice('abdgikmpstvwz')}"),
                (
                    "Firmenbuchgericht:",
                    rng.choice(
                        [
                            "Handelsgericht Wien",
                            "Landesgericht Salzburg",
                            "Landesgericht für ZRS Graz",
                        ]
                    ),
                ),
            ],
            iban=ids.iban(rng, "AT", ids.IBAN_LEN["AT"]),
            us_bank="",
            bic="".join(rng.choice("ABCDEFGHKLMNPRSTUVWZ") for _ in range(4))
            + "AT"
            + rng.choice(["WW", "2S", "KK"]),
            bank=rng.choice(["Erste Bank", "Raiffeisenbank", "UniCredit Bank Austria"]),
        )
    sup["director"] = f"{rng.choice('ABCDEFGHJKLMNPRSTW')}. {rng.choice(W.SURNAMES[country])}"
    return sup


VAT_ID = dict(
    DE=ids.de_vat,
    AT=ids.at_vat,
    NL=ids.nl_vat,
    FR=lambda r: ids.fr_vat(r)[0],
    IT=lambda r: "IT" + ids.it_vat(r),
    ES=lambda r: "ES" + ids.es_cif(r),
    CZ=lambda r: "CZ" + ids.cz_ico(r),
    GB=lambda r: "GB" + ids.gb_vat(r),
)


def make_customer(rng, doc, supplier):
    """The hotel or restaurant billed; the issuer of a self-billed invoice (with its VAT id)."""
    country = doc["country"]
    cust = G.customer_base(rng, country, supplier)
    cust.update(
        number=rng.choice(
            [
                f"K-{rng.randint(10000, 99999)}",
                f"{rng.randint(100000, 999999)}",
                f"C{rng.randint(1000, 9999)}",
                f"CUS-{rng.randint(100, 9999):04d}",
            ]
        ),
        supplier_no=f"{rng.randint(70000, 79999)}",
        phone=G.phone(rng, "DE" if country == "AT" else country),
    )
    if rng.random() < 0.3:
        cust["attn"] = G.ATTN[doc["lang"]]
    if country != "US" and (doc["self_billed"] or rng.random() < 0.3):
        cust["vat_id"] = VAT_ID[country](rng)
    if doc["family"] == "service" or rng.random() < 0.35:
        c2, pc2, st2 = G.ship_place(rng, country)
        cust["ship"] = [cust["name"], st2, city_line(country, c2, pc2)]
    return cust


# --------------------------------------------------------------------------- the document
def make_doc(seed: int, idx: int) -> dict:
    rng = random.Random(f"{SET_NAME}/{seed}/{idx}")
    family = G.family_of(SET_NAME, seed, idx, FAMILIES)
    pool = FAMILY_LOCALES[family]
    loc = pool[((idx - 1) // len(FAMILIES) + seed) % len(pool)]
    info = LOCALES[loc]
    doc = G.start_doc(rng, seed, idx, family, loc, LOCALES, XR)
    lang, country, X = doc["lang"], doc["country"], doc["X"]
    if loc == "en_US":
        X.update({k: pick(rng, v) for k, v in US_LABELS.items()})
    doc["lib"] = LIBRARY
    doc["sep"] = info["sep"]
    if loc == "fr_FR" and rng.random() < 0.3:
        doc["sep"] = (".", ",")
    doc["min_group2"] = loc == "es_ES" and rng.random() < 0.5
    doc["cur"] = info["cur"]
    doc["cur_fmt"] = info["cur"][2] if rng.random() < 0.8 else rng.choice(["code_pre", "code_post"])
    doc["table_sym"] = (
        rng.random()
        < {"saas": 0.4, "webshop": 0.7, "erp": 0.15, "service": 0.4, "us": 0.35}[family]
    )
    doc["tot_sym"] = family != "erp" or doc["table_sym"] or rng.random() < 0.7
    doc["pct_sep"] = " " if lang in ("fr", "de", "cs") and rng.random() < 0.6 else ""
    doc["qty_fixed"] = rng.choice([0, 0, 2, 3] if family == "erp" else [0, 0, 0, 2])
    doc["date_fmt"] = rng.choice(DATE_FORMATS[loc])
    doc["paper"] = info["paper"]
    doc["sales_tax"] = Decimal(str(rng.choice(W.US_SALES_TAX))) if country == "US" else None
    doc["credit"] = rng.random() < 0.14
    doc["neg"] = False  # credit notes print positive amounts; their title says what they are
    doc["self_billed"] = (
        family == "erp" and not doc["credit"] and lang in SELF_BILLING_LANGS and rng.random() < 0.25
    )
    long_p = {"saas": 0.15, "webshop": 0.1, "erp": 0.3, "service": 0.0, "us": 0.2}[family]
    doc["long"] = not doc["credit"] and rng.random() < long_p
    doc["supplier"] = make_supplier(rng, doc)
    doc["customer"] = make_customer(rng, doc, doc["supplier"])
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    doc["date"] = date
    doc["number"] = G.invoice_number(rng, lang, doc["credit"], date.year, date.month)
    if doc["self_billed"]:
        doc["number"] = rng.choice(
            [
                f"GS{date.year % 100:02d}-{rng.randint(1000, 9999)}",
                f"SB-{rng.randint(10000, 99999)}",
                f"{date.year}/AF/{rng.randint(100, 999)}",
            ]
        )
    if doc["credit"]:
        doc["ref_invoice"] = G.invoice_number(
            random.Random(rng.random()), lang, False, date.year, date.month
        )
        doc["ref_date"] = date - dt.timedelta(days=rng.randint(5, 60))
    G.draw_terms_and_pos(rng, doc, date, delivery_p=0.4)
    if family == "service" and not doc["pos"] and rng.random() < 0.5:
        doc["pos"] = [
            rng.choice([f"PO-{rng.randint(10000, 99999)}", f"WO{rng.randint(1000, 9999)}"])
        ]
    doc["mode"] = (
        "single"
        if country == "US" or rng.random() < (0.25 if family == "erp" else 0.45)
        else "multi"
    )
    items = service_items(rng, doc) if family == "service" else G.make_items(rng, doc)
    if family == "us":
        for it in items:
            it["ordered"] = it["qty"]
            goods = it["unit"] not in ("hrs", "flat", "week")
            if (
                goods
                and it["qty"] == it["qty"].to_integral()
                and it["qty"] > 1
                and rng.random() < 0.12
            ):
                it["ordered"] = it["qty"] + rng.randint(
                    1, 6
                )  # back-ordered: only the shipped quantity is invoiced
    doc["line_disc"] = family in ("erp", "saas") and rng.random() < 0.2
    if doc["line_disc"]:
        G.draw_line_discounts(rng, items)
    ship_p = {"saas": 0.15, "webshop": 0.6, "erp": 0.2, "service": 0.0, "us": 0.45}[family]
    G.draw_amounts(
        rng,
        doc,
        items,
        disc_p=0.15 if family != "service" else 0,
        ship_p=0 if doc["self_billed"] else ship_p,
        rates_desc=family == "erp",
    )
    groups = doc["groups"]
    doc["deposit"] = doc["prev_balance"] = Decimal(0)
    fx = Decimal(str(G.FX.get(doc["cur"][0], 1)))
    if not doc["credit"] and not doc["self_billed"]:
        r = rng.random()
        if family == "webshop":
            if r < 0.3:
                doc["deposit"] = doc["gross"]  # paid in full at checkout
            elif r < 0.38:
                doc["deposit"] = r2(doc["gross"] * Decimal(rng.choice([20, 30, 50])) / 100)
        elif r < 0.13:
            doc["deposit"] = r2(doc["gross"] * Decimal(rng.choice([20, 25, 30, 50])) / 100)
        elif r < 0.25:
            doc["prev_balance"] = r2(Decimal(str(rng.uniform(80, 2400))) * fx)
    if country == "US":
        doc["vat_summary"] = False
    elif family == "erp":
        doc["vat_summary"] = len(groups) > 1 or rng.random() < 0.4
    elif family == "saas":
        doc["vat_summary"] = len(groups) > 1 and rng.random() < 0.45
    else:
        doc["vat_summary"] = family == "service" and lang == "fr" and rng.random() < 0.5
    doc["vat_lines_only"] = family == "webshop" and len(groups) > 1 and rng.random() < 0.4
    doc["font"] = pick_font(rng, doc)
    doc["rng_layout"] = rng.random()
    doc["opts"] = layout_opts(rng, doc)
    return doc


def service_items(rng, doc):
    """Labour lines (the catalogue's services), then parts and materials (equipment, cleaning)."""
    std = W.VAT[doc["country"]][0]
    used: set = set()
    labour_pool = [p for p in W.CATALOGUE if p["cat"] == "service" and p["unit"] != "wk"]
    parts_pool = [p for p in W.CATALOGUE if p["cat"] in ("equip", "clean")]
    labour = [
        G.make_item(rng, doc, p, 0.25, used, std, std)
        for p in rng.sample(labour_pool, rng.randint(1, 3))
    ]
    n_parts = rng.randint(0, 3) if doc["credit"] else rng.choice([0, 1, 2, 3, 4, 5, 7])
    parts = [
        G.make_item(rng, doc, rng.choice(parts_pool), 0.15, used, std, std) for _ in range(n_parts)
    ]
    doc["sections"] = [0] + ([len(labour)] if parts else [])
    return labour + parts


def pick_font(rng, doc):
    p_std, std, ttf = FAMILY_FONTS[doc["family"]]
    if doc["loc"] != "cs_CZ" and rng.random() < p_std:
        return dict(kind="std", name=rng.choice(std))
    name = rng.choice(ttf)
    return dict(kind="ttf", name=name, files=[str(FONTS / f) for f in TTF[name]])


ACCENTS = [
    "#1F4E79",
    "#2E75B6",
    "#375623",
    "#7B2C2C",
    "#404040",
    "#5B2C6F",
    "#0E6655",
    "#C0392B",
    "#B9770E",
]


def layout_opts(rng, doc):
    f, multi = doc["family"], len(doc["groups"]) > 1
    o = dict(accent=rng.choice(ACCENTS))
    vat_p = 0.3
    if f == "saas":
        o.update(
            name_spaced=rng.random() < 0.4,
            title_spaced=rng.random() < 0.3,
            meta_style=rng.choice(["grid", "grid", "stack"]),
            head_align="left" if rng.random() < 0.8 else "match",
            zebra=rng.random() < 0.5,
            title_side=rng.choice(["right", "left"]),
            cols=rng.choice(
                [
                    ["desc", "qty", "price", "total"],
                    ["desc", "qty", "unit", "price", "total"],
                    ["sku", "desc", "qty", "price", "total"],
                    ["desc", "sku", "qty", "unit", "price", "total"],
                ]
            ),
        )
    elif f == "webshop":
        o.update(
            head_align="left" if rng.random() < 0.6 else "match",
            sender_line=rng.random() < 0.6,
            meta_style=rng.choice(["colon", "tab"]),
            zebra=rng.random() < 0.3,
            cols=rng.choice(
                [
                    ["pos", "sku", "desc", "qty", "price", "total"],
                    ["sku", "desc", "qty", "price", "total"],
                    ["desc", "qty", "price", "total"],
                    ["pos", "desc", "sku", "qty", "unit", "price", "total"],
                ]
            ),
        )
        o["sku_sub"] = "sku" not in o["cols"] and rng.random() < 0.7
        vat_p = 0.5
    elif f == "erp":
        o.update(
            name_spaced=rng.random() < 0.45,
            title_spaced=rng.random() < 0.25,
            head_align="match",
            meta_style=rng.choice(["colon", "tab"]),
            letterhead=rng.choice(["right", "left"]),
            title_number=rng.random() < 0.5,
            vt_style=rng.choice(["lines", "lines", "row"]),
            cols=rng.choice(
                [
                    ["pos", "sku", "desc", "qty", "unit", "price", "total"],
                    ["pos", "desc", "qty", "unit", "price", "total"],
                    ["sku", "desc", "qty", "unit", "price", "total"],
                    ["pos", "sku", "desc", "unit", "qty", "price", "total"],
                ]
            ),
        )
        vat_p = 0.4
    elif f == "service":
        o.update(
            title_spaced=rng.random() < 0.75,
            name_spaced=rng.random() < 0.2,
            head_align="match" if rng.random() < 0.7 else "left",
            qty_unit=rng.random() < 0.4,
            signature=rng.random() < 0.6,
            cols=rng.choice(
                [
                    ["desc", "qty", "price", "total"],
                    ["sku", "desc", "qty", "price", "total"],
                    ["desc", "qty", "unit", "price", "total"],
                ]
            ),
        )
        vat_p = 0.15
    else:
        o.update(
            name_spaced=rng.random() < 0.7,
            head_align="left" if rng.random() < 0.5 else "match",
            boxed=rng.random() < 0.6,
            ship_via=rng.choice(["UPS Ground", "Our Truck", "FedEx Freight", "Will Call"]),
            rep=rng.choice(["JM", "K. Alvarez", "T. Nguyen", "House", "R. Patel"]),
            cols=rng.choice(
                [
                    ["sku", "desc", "qty", "unit", "price", "total"],
                    ["sku", "desc", "ord", "qty", "unit", "price", "total"],
                    ["qty", "sku", "desc", "price", "total"],
                    ["ord", "qty", "sku", "desc", "unit", "price", "total"],
                ]
            ),
        )
    cols = list(o["cols"])
    if doc["line_disc"]:
        cols.insert(cols.index("total"), "disc")
    if doc["country"] != "US" and (multi and rng.random() < 0.85 or rng.random() < vat_p):
        cols.insert(cols.index("total") + rng.choice([0, 0, 1]), "vat")
    if o.get("qty_unit") and "unit" in cols:
        cols.remove("unit")
    o["cols"] = cols
    return o


# ------------------------------------------------------------ the job (all text pre-formatted)
def build_job(doc: dict, out_pdf: Path) -> dict:
    X, s, c, o, fam = doc["X"], doc["supplier"], doc["customer"], doc["opts"], doc["family"]
    us = doc["country"] == "US"
    sb = doc["self_billed"]
    lr = random.Random(f"{doc['number']}/{doc['idx']}/job")
    D = lambda d: fmt_date(d, doc)  # noqa: E731
    m = lambda x: money(x, doc, doc["tot_sym"])  # noqa: E731
    title = X["sb_title"] if sb else X["credit"] if doc["credit"] else X["invoice"]
    num_label = X["sb_no"] if sb else X["cn_no"] if doc["credit"] else X["inv_no"]
    # the issuer (letterhead, footer) and the addressee: seller and customer, or the other way round
    tax_line = f"{s['tax_label']}: {s['tax_id']}" if s.get("tax_id") else None
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
        )
        recipient = [s["name"], s["street"], s["city"]]
        seller = dict(
            label=X["seller"],
            lines=[s["name"], f"{s['street']}, {s['city']}", f"{X['seller_tax']}: {s['tax_id']}"],
        )
    else:
        legal = ([tax_line] if tax_line else []) + [f"{a} {b}" for a, b in s["extra_ids"]]
        bank = (
            [s["bank"], f"IBAN {s['iban']}", f"BIC {s['bic']}"]
            if s["iban"]
            else [s["bank"], s["us_bank"]]
        )
        issuer = dict(
            name=s["name"],
            lines=[s["street"], s["city"]],
            contact=[s["phone"], s["email"], s["web"]],
            legal=legal,
            bank=bank,
        )
        recipient = [c["name"]] + ([c["attn"]] if c.get("attn") else []) + [c["street"], c["city"]]
        if c.get("vat_id"):
            recipient.append(f"{X['cust_vat']}: {c['vat_id']}")
        seller = None
    issuer["director"] = "" if sb else s["director"]
    # references
    po = ", ".join(doc["pos"])
    party = [X["supplier_no"], c["supplier_no"]] if sb else [X["cust"], c["number"]]
    meta = [[num_label, doc["number"]], [X["date"], D(doc["date"])]]
    if fam == "webshop":
        meta.append([X["order_id"], f"#{lr.randint(100000, 999999)}"])
        meta.append([X["order_date"], D(doc["date"] - dt.timedelta(days=lr.randint(0, 3)))])
    if fam == "service":
        meta.append([X["job_no"], f"{lr.choice(['SA', 'JOB', 'W'])}-{lr.randint(10000, 99999)}"])
        meta.append([X["tech"], lr.choice(W.STAFF)])
    if doc["due"] and fam != "us":
        meta.append([X["due"], D(doc["due"])])
    if doc["delivery"] and fam in ("erp", "webshop", "saas"):
        meta.append([X["delivery"], D(doc["delivery"])])
    if fam != "us":
        meta.append(party)
    if fam == "erp" and lr.random() < 0.5:
        meta.append([X["dn"], f"{lr.randint(400000, 499999)}"])
    if doc["pos"] and fam != "us":
        meta.append([X["po"], po])
    if fam == "erp" and lr.random() < 0.5:
        meta.append([X["clerk"], lr.choice(W.STAFF)])
    if fam == "webshop":
        meta.append([X["pay_method"], X["pay_vals"]])
    grid = None
    if fam == "us":  # the row of headings over values under the addresses
        grid = [[X["cust"], c["number"]]]
        if doc["pos"]:
            grid.append([X["po"], po])
        grid += [
            ["Terms", US_TERMS[doc["terms_days"]]],
            ["Sales Rep", o["rep"]],
            ["Ship Via", o["ship_via"]],
        ]
        if doc["due"]:
            grid.append([X["due"], D(doc["due"])])
        if doc["delivery"]:
            grid.append(["Ship Date", D(doc["delivery"])])
    # item table
    head_of = G.column_heads(doc, 0.35)
    if fam == "us":
        has_ord = "ord" in o["cols"]
        head_of.update(
            sku=lr.choice(["Item #", "Item No.", "Product #"]),
            desc="Description",
            ord=lr.choice(["Ordered", "Qty Ord"]),
            qty=lr.choice(["Shipped", "Qty Ship"]) if has_ord else "Qty",
            unit=lr.choice(["U/M", "UOM"]),
            price=lr.choice(["Unit Price", "Price"]),
            total=lr.choice(["Amount", "Ext. Price", "Extension"]),
        )
    if fam == "service" and o.get("qty_unit"):
        head_of["qty"] = X["qty"]
    cols = o["cols"]
    rows, subs = [], []
    for i, it in enumerate(doc["items"], 1):
        cell = G.item_cells(doc, i, it)
        if "ordered" in it:
            cell["ord"] = fmt_qty(it["ordered"], doc)
        if o.get("qty_unit"):
            cell["qty"] = f"{cell['qty']} {it['unit']}"
        rows.append([cell[k] for k in cols])
        subs.append(f"{X['sku']}: {it['code']}" if o.get("sku_sub") else "")
    align = ["left" if k in ("sku", "desc", "unit") else "right" for k in cols]
    if "pos" in cols:
        align[cols.index("pos")] = "left"
    sections = []
    if fam == "service":
        sections = [
            [i, t] for i, t in zip(doc["sections"], [X["labour"], X["parts"]], strict=False)
        ]
    table = dict(
        head=[head_of[k] for k in cols],
        kind=cols,
        align=align,
        rows=rows,
        subs=subs,
        sections=sections,
        head_align=o["head_align"],
    )
    totals, pre, vat = totals_rows(doc, lr), [], None
    if doc["vat_summary"]:
        vt = X["vt"]
        if fam == "service" or fam == "erp" and doc["lang"] == "fr" and lr.random() < 0.5:
            head = (
                ["Taux", "Base HT", "Montant TVA"]
                if doc["lang"] == "fr"
                else [X["rate"], X["base"], X["vat_amt"]]
            )
            vrows = [[pct(r, doc), m(b), m(t)] for r, b, t in doc["groups"]]
        else:
            head = [X["rate"], X["base"], X["vat_amt"], X["gross_col"]]
            vrows = [[pct(r, doc), m(b), m(t), m(b + t)] for r, b, t in doc["groups"]]
        vat = dict(title=X["vat_summary"], head=head, rows=vrows)
        if fam == "erp":
            # the VAT table carries the totals: its own total lines, or a total row and the gross
            pre = (
                [t for t in totals if t[3] in ("sub", "disc", "ship")]
                if doc["disc_pct"] or doc["shipping"]
                else []
            )
            after = [t for t in totals if t[3] in ("dep", "due", "prev", "tdue")]
            if o["vt_style"] == "row" and len(head) == 4:
                vat["total_row"] = [X["vt_row"], m(doc["net"]), m(doc["tax"]), m(doc["gross"])]
                vat["foot"] = [[vt[2], m(doc["gross"]), "big"]]
            else:
                vat["foot"] = [
                    [vt[0], m(doc["net"]), ""],
                    [vt[1], m(doc["tax"]), ""],
                    [vt[2], m(doc["gross"]), "big"],
                ]
            totals = after
    # texts
    notes = []
    if doc["credit"]:
        notes.append(X["refers"].format(n=doc["ref_invoice"], d=D(doc["ref_date"])))
    if sb:
        notes.append(X["sb_note"].format(c=c["name"], s=s["name"]))
    if not doc["tot_sym"] or doc["cur_fmt"].startswith("code") and doc["rng_layout"] < 0.3:
        notes.append(X["amounts"].format(c=doc["cur"][0]))
    terms = []
    if sb:
        terms.append(X["sb_pay"].format(i=s["iban"]))
    elif not doc["credit"] and not (fam == "webshop" and doc["deposit"] == doc["gross"]):
        terms.append((LB.US["terms_val"] if us else X["terms_val"]).format(n=doc["terms_days"]))
        if doc["lang"] == "fr" and fam in ("saas", "erp", "service"):
            terms.append(lr.choice(LB.FR_MENTIONS))  # late-payment penalties (Code de commerce)
    if fam == "webshop" and doc["deposit"]:
        notes.append(
            X["paid_note"].format(
                d=D(doc["date"] - dt.timedelta(days=lr.randint(0, 3))),
                m=dict(meta)[X["pay_method"]],
            )
        )
    letter = None
    if fam == "erp":
        sal, intro, closing = LB.LETTER[doc["lang"]]
        if sb and doc["lang"] in ("de", "en", "fr", "nl"):
            intro = X["sb_intro"]
        elif doc["credit"]:
            intro = X["credit_intro"]
        letter = dict(salutation=sal, intro=intro, closing=closing)
    work = None
    if fam == "service":
        work = dict(title=X["work"], text=X["work_text"])
        site = [c["ship"][0], c["ship"][1], c["ship"][2]]
        ship = dict(label=X["site"], lines=site)
    else:
        ship = dict(label=X["ship_to"], lines=c["ship"]) if c.get("ship") and not sb else None
    footer = [" · ".join([issuer["name"], issuer["lines"][0], issuer["lines"][1]])]
    if issuer["legal"]:
        footer.append(" · ".join(issuer["legal"]))
    title_full = title
    if fam == "erp" and o.get("title_number") and not o.get("title_spaced"):
        title_full = f"{title} {doc['number']}"
    page_fmt = X["page"]
    running = f"{title} {doc['number']}"
    sender_line = " · ".join([issuer["name"], issuer["lines"][0], issuer["lines"][1]])
    remit = None
    if fam == "us":
        remit = dict(
            label=lr.choice(["Please remit to:", "Remit payment to:"]),
            lines=[s["name"], s["street"], s["city"]],
            tax=tax_line,
        )
    job = dict(
        id=doc["stem"],
        out=str(out_pdf),
        family=fam,
        paper="LETTER" if doc["paper"] == "letter" else "A4",
        font=doc["font"],
        opts=o,
        lang=doc["lang"],
        creation=dt.datetime.combine(doc["date"], dt.time(9, 30)).isoformat() + "Z",
        title=title,
        title_full=title_full,
        issuer=issuer,
        sender_line=sender_line,
        recipient=dict(label=X["bill_to"], lines=recipient),
        ship=ship,
        seller=seller,
        meta=meta,
        grid=grid,
        table=table,
        pre=[t[:3] for t in pre],
        totals=[t[:3] for t in totals],
        vat=vat,
        notes=notes,
        terms=terms,
        terms_label=X["terms"],
        bank_label=X["bank"],
        notes_label=X["notes"],
        thanks=X.get("shop_thanks") if fam == "webshop" else X["thanks"],
        letter=letter,
        work=work,
        footer=footer,
        page_fmt=page_fmt,
        running=running,
        remit=remit,
        signature=list(X["sig"]) if fam == "service" and o.get("signature") else None,
        director_label={
            "de": "Geschäftsführer",
            "fr": "Gérant",
            "nl": "Directie",
            "it": "Amministratore",
            "es": "Administrador",
            "en": "Director",
            "cs": "Jednatel",
        }[doc["lang"]],
    )
    return job


def totals_rows(doc: dict, lr) -> list[list[str]]:
    """[label, amount, style, kind] lines of the totals block: subtotal, discount, shipping, net,
    VAT, gross, then a deposit and the amount due or a previous balance and the total due."""
    X, fam = doc["X"], doc["family"]
    us = doc["country"] == "US"
    m = lambda x: money(x, doc, doc["tot_sym"])  # noqa: E731
    out = []
    show_sub = bool(
        doc["disc_pct"] or doc["shipping"] or fam in ("webshop", "us") or doc["rng_layout"] < 0.5
    )
    if show_sub:
        out.append([X["subtotal"], m(doc["subtotal"]), "", "sub"])
    if doc["disc_pct"]:
        out.append(
            [
                f"{X['discount']} {pct(doc['disc_pct'], doc)}",
                money(-doc["disc_amt"], doc, doc["tot_sym"]),
                "",
                "disc",
            ]
        )
    if doc["shipping"]:
        out.append([X["shipping"], m(doc["shipping"]), "", "ship"])
    if not show_sub or doc["disc_pct"] or doc["shipping"]:
        net_label = X["net"]
        if us:
            net_label = (
                "Subtotal" if not show_sub else lr.choice(["Taxable subtotal", "Total before tax"])
            )
        out.append([net_label, m(doc["net"]), "b", "net"])
    if us:
        out.append(
            [
                pick(lr, LB.US["tax_line"]).format(r=pct(doc["sales_tax"], doc)),
                m(doc["tax"]),
                "",
                "tax",
            ]
        )
    else:
        multi = len(doc["groups"]) > 1
        if multi and not doc["vat_summary"] or doc["rng_layout"] > 0.7:
            for rate, base, tax in doc["groups"]:
                lab = (
                    X["vat_on"].format(r=pct(rate, doc), b=m(base))
                    if doc["rng_layout"] > 0.85
                    else X["vat_line"].format(r=pct(rate, doc))
                )
                out.append([lab, m(tax), "", "tax"])
        if not doc["vat_lines_only"] and not (len(doc["groups"]) == 1 and doc["rng_layout"] > 0.7):
            out.append([X["vat_total"], m(doc["tax"]), "", "tax"])
    gross_label = pick(lr, LB.US["gross"]) if us else X["gross"]
    if us and (doc["deposit"] or doc["prev_balance"]):
        gross_label = lr.choice(["Invoice Total", "Total"])
    out.append([gross_label, m(doc["gross"]), "big", "gross"])
    if doc["deposit"]:
        dep_label = (
            X["paid"]
            if doc["family"] == "webshop" and doc["deposit"] == doc["gross"]
            else X["deposit"]
        )
        out.append([dep_label, money(-doc["deposit"], doc, doc["tot_sym"]), "", "dep"])
        out.append([X["amount_due"], m(doc["gross"] - doc["deposit"]), "big", "due"])
    if doc["prev_balance"]:
        out.append([X["prev"], m(doc["prev_balance"]), "", "prev"])
        out.append([X["total_due"], m(doc["gross"] + doc["prev_balance"]), "big", "tdue"])
    return out


def job_strings(job):
    """Every string the job prints (for the WinAnsi check of standard-font documents)."""

    def walk(x, key=""):
        if key in (
            "out",
            "id",
            "font",
            "creation",
            "family",
            "paper",
            "lang",
            "kind",
            "align",
            "head_align",
        ):
            return
        if isinstance(x, str):
            yield x
        elif isinstance(x, dict):
            for k, v in x.items():
                if k == "opts":
                    continue
                yield from walk(v, k)
        elif isinstance(x, list | tuple):
            for v in x:
                yield from walk(v, key)

    yield from walk(job)


# --------------------------------------------------------------------------- truth and check
def truth_of(doc: dict) -> dict:
    """common's truth, with the unit and the VAT rate of each line where they are printed."""
    o = doc["opts"]
    t = G.truth_of(
        doc, SET_NAME, show_codes=bool("sku" in o["cols"] or o.get("sku_sub")), style=style_of(doc)
    )
    show_unit = "unit" in o["cols"] or bool(o.get("qty_unit"))
    show_rate = "vat" in o["cols"]
    items = []
    for it, d in zip(doc["items"], t["line_items"], strict=True):
        e = {k: d[k] for k in ("description", "product_code", "quantity") if k in d}
        if show_unit:
            e["unit"] = it["unit"]
        e.update(unit_price=d["unit_price"], total=d["total"])
        if show_rate:
            e["tax_rate"] = format(Decimal(str(it["rate"])).normalize(), "f")
        items.append(e)
    t["line_items"] = items
    return t


def style_of(doc: dict) -> dict:
    """_style of the truth: common's fields, the currency in the totals, a previous balance,
    self-billing and long lists."""
    prev = dec_str(doc["prev_balance"], 2) if doc["prev_balance"] else None
    after = {
        "amounts_with_currency_in_table": {"amounts_with_currency_in_totals": doc["tot_sym"]},
        "deposit": {
            "previous_balance": prev,
            "self_billed": doc["self_billed"],
            "long": doc["long"],
        },
    }
    return G.reshape(G.style_of(doc), after, drop=("credit_printed_negative",))


def expected(doc: dict, job: dict) -> list[tuple[str, str]]:
    """common's expected strings, the unit, VAT and ordered cells, codes under the descriptions."""
    out = G.expected_with_sub_codes(doc, job)
    cols = doc["opts"]["cols"]
    for i, row in enumerate(job["table"]["rows"]):
        for k in ("unit", "vat", "ord"):
            if k in cols:
                out.append((f"item{i}.{k}", row[cols.index(k)]))
    return out


class _Warnings(logging.Handler):
    """Collects what pypdf logs while it reads a PDF (a broken ToUnicode map, say)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def check_doc(doc: dict, job: dict, pdf: Path) -> list[str]:
    """common's check (``expected``), no pypdf warning while reading, a long list over two pages."""
    log, seen = logging.getLogger("pypdf"), _Warnings()
    log.addHandler(seen)
    try:
        problems = G.check_doc(doc, job, pdf, expected)
    finally:
        log.removeHandler(seen)
    problems += [f"pypdf: {m[:120]}" for m in seen.messages]
    if doc["long"] and doc.get("_pages", 1) < 2:
        problems.append("a long document on one page")
    return problems


# --------------------------------------------------------------------------- main
def main(argv=None):
    args = G.parse_args(argv, __doc__, FAMILIES)
    if not (HERE / "node_modules" / "@react-pdf" / "renderer").exists():
        raise SystemExit(f"node_modules missing: run `npm ci` in {HERE}")
    out, docs, jobs = G.draw_docs(args, make_doc, build_job, job_strings)
    tmp = Path(tempfile.mkdtemp(prefix="reactpdf_jobs_"))
    jobs_file = G.write_jobs(jobs, out, tmp, args.keep_jobs)
    res = subprocess.run(
        ["node", str(HERE / "render.mjs"), str(jobs_file)],
        cwd=HERE,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    shutil.rmtree(tmp, ignore_errors=True)
    G.renderer_done(res, "render.mjs")
    return G.write_truths(out, docs, jobs, args.no_check, truth_of, check_doc, drop_failed=True)


if __name__ == "__main__":
    raise SystemExit(main())
