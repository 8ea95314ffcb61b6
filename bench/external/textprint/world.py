"""The hospitality-supplier world of the "textprint" set: locales, labels (as older ERPs spell them),
number and date formats, names, a product catalogue in six languages, ids with valid check digits."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def q2(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------------------- locales
# rates: VAT class -> percent (std: standard goods and services, food: reduced, basic: bread/milk/fruit)
LOCALES = {
    "en_GB": dict(lang="en", country="GB", cur="GBP", sign="£", dec=".", grp=",",
                  rates={"std": "20", "food": "0", "basic": "0"}, tax="VAT"),
    "en_IE": dict(lang="en", country="IE", cur="EUR", sign="€", dec=".", grp=",",
                  rates={"std": "23", "food": "13.5", "basic": "0"}, tax="VAT"),
    "en_US": dict(lang="en", country="US", cur="USD", sign="$", dec=".", grp=",", rates=None, tax="Sales Tax"),
    "de_DE": dict(lang="de", country="DE", cur="EUR", sign="€", dec=",", grp=".",
                  rates={"std": "19", "food": "7", "basic": "7"}, tax="MwSt."),
    "de_AT": dict(lang="de", country="AT", cur="EUR", sign="€", dec=",", grp=".",
                  rates={"std": "20", "food": "10", "basic": "10"}, tax="USt."),
    "de_CH": dict(lang="de", country="CH", cur="CHF", sign="Fr.", dec=".", grp="'",
                  rates={"std": "8.1", "food": "2.6", "basic": "2.6"}, tax="MWST"),
    "fr_FR": dict(lang="fr", country="FR", cur="EUR", sign="€", dec=",", grp=" ",
                  rates={"std": "20", "food": "5.5", "basic": "5.5"}, tax="TVA"),
    "fr_BE": dict(lang="fr", country="BE", cur="EUR", sign="€", dec=",", grp=".",
                  rates={"std": "21", "food": "6", "basic": "6"}, tax="TVA"),
    "nl_NL": dict(lang="nl", country="NL", cur="EUR", sign="€", dec=",", grp=".",
                  rates={"std": "21", "food": "9", "basic": "9"}, tax="BTW"),
    "nl_BE": dict(lang="nl", country="BE", cur="EUR", sign="€", dec=",", grp=".",
                  rates={"std": "21", "food": "6", "basic": "6"}, tax="BTW"),
    "it_IT": dict(lang="it", country="IT", cur="EUR", sign="€", dec=",", grp=".",
                  rates={"std": "22", "food": "10", "basic": "4"}, tax="IVA"),
    "es_ES": dict(lang="es", country="ES", cur="EUR", sign="€", dec=",", grp=".",
                  rates={"std": "21", "food": "10", "basic": "4"}, tax="IVA"),
}
LOCALE_WEIGHTS = {"en_GB": 11, "en_IE": 3, "en_US": 12, "de_DE": 13, "de_AT": 4, "de_CH": 5, "fr_FR": 11,
                  "fr_BE": 3, "nl_NL": 9, "nl_BE": 3, "it_IT": 11, "es_ES": 11}
US_SALES_TAX = ["6", "6.25", "7", "7.25", "8", "8.25", "8.375", "8.875", "9.5"]

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}
DATE_FORMATS = {
    "en_GB": ["dd/mm/yyyy", "dd/mm/yyyy", "d month yyyy", "dd-Mon-yy", "dd-MON-yyyy", "yyyy-mm-dd"],
    "en_IE": ["dd/mm/yyyy", "d month yyyy", "dd-Mon-yy"],
    "en_US": ["mm/dd/yyyy", "mm/dd/yyyy", "mm/dd/yy", "month d, yyyy", "Mon dd, yyyy"],
    "de_DE": ["dd.mm.yyyy", "dd.mm.yyyy", "dd.mm.yy", "d. month yyyy", "yyyy-mm-dd"],
    "de_AT": ["dd.mm.yyyy", "dd.mm.yy", "d. month yyyy"],
    "de_CH": ["dd.mm.yyyy", "dd.mm.yy"],
    "fr_FR": ["dd/mm/yyyy", "dd/mm/yyyy", "dd/mm/yy", "d month yyyy"],
    "fr_BE": ["dd/mm/yyyy", "dd-mm-yyyy", "d month yyyy"],
    "nl_NL": ["dd-mm-yyyy", "dd-mm-yyyy", "d month yyyy", "yyyy-mm-dd"],
    "nl_BE": ["dd/mm/yyyy", "dd-mm-yyyy", "d month yyyy"],
    "it_IT": ["dd/mm/yyyy", "dd/mm/yyyy", "dd-mm-yyyy", "d month yyyy", "dd.mm.yyyy"],
    "es_ES": ["dd/mm/yyyy", "dd/mm/yyyy", "dd-mm-yyyy", "d de month de yyyy"],
}


def fmt_date(d: dt.date, fmt: str, lang: str) -> str:
    month = MONTHS[lang][d.month - 1]
    mon = MONTHS["en"][d.month - 1][:3]
    return {
        "dd/mm/yyyy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "dd/mm/yy": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        "mm/dd/yyyy": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "mm/dd/yy": f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
        "dd.mm.yyyy": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dd.mm.yy": f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
        "dd-mm-yyyy": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "yyyy-mm-dd": d.isoformat(),
        "d month yyyy": f"{d.day} {month} {d.year}",
        "d. month yyyy": f"{d.day}. {month} {d.year}",
        "d de month de yyyy": f"{d.day} de {month} de {d.year}",
        "month d, yyyy": f"{month} {d.day}, {d.year}",
        "Mon dd, yyyy": f"{mon} {d.day:02d}, {d.year}",
        "dd-Mon-yy": f"{d.day:02d}-{mon}-{d.year % 100:02d}",
        "dd-MON-yyyy": f"{d.day:02d}-{mon.upper()}-{d.year}",
    }[fmt]


def fmt_num(x: Decimal, dec: str, grp: str, places: int = 2) -> str:
    """Unsigned-aware number: 1234.5 -> '1.234,50' (dec ',', grp '.'); the sign is kept in front."""
    neg = x < 0
    s = f"{abs(x):.{places}f}"
    intp, _, frac = s.partition(".")
    if grp:
        parts = []
        while len(intp) > 3:
            parts.insert(0, intp[-3:])
            intp = intp[:-3]
        parts.insert(0, intp)
        intp = grp.join(parts)
    out = intp + (dec + frac if places else "")
    return ("-" if neg else "") + out


def fmt_rate(r: Decimal, dec: str, style: str) -> str:
    """VAT rate: '19%', '19 %', '19.00%', '5,5 %'."""
    if style == "fixed2":
        s = f"{r:.2f}"
    else:
        s = format(r.normalize(), "f")
    s = s.replace(".", dec)
    return s + ("%" if style in ("tight", "fixed2") else " %")


def translit(s: str) -> str:
    """7-bit print chains: umlauts as ae/oe/ue, accents dropped."""
    table = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "ss", "€": "EUR",
             "£": "GBP", "°": "o", "º": "o", "ª": "a", "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE",
             "–": "-", "’": "'"}
    out = []
    for ch in s:
        if ch in table:
            out.append(table[ch])
        elif ord(ch) < 128:
            out.append(ch)
        else:
            base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append(base or "?")
    return "".join(out)


# ---------------------------------------------------------------------------------------- labels
# Each entry is a list of spellings; one is drawn per document.
LABELS = {
    "en": dict(
        invoice=["INVOICE", "TAX INVOICE", "SALES INVOICE", "INVOICE"],
        credit=["CREDIT NOTE", "CREDIT MEMO", "CREDIT NOTE"],
        inv_no=["Invoice No.", "Inv. No.", "Invoice Number", "Invoice #", "Inv No"],
        cred_no=["Credit Note No.", "Credit No.", "CN No.", "Credit Memo #"],
        date=["Invoice Date", "Date", "Inv. Date", "Date/Tax Point"],
        due=["Due Date", "Payment Due", "Due"],
        po=["Your Order No.", "Your Ref.", "Cust. Order No.", "PO Number"],
        po_us=["PO #", "P.O. Number", "Purchase Order", "Customer PO"],
        cust_no=["Account No.", "Customer No.", "Acct", "Cust. No."],
        deliv=["Delivery Note", "Despatch Note", "Del. Note"],
        deliv_date=["Delivery Date", "Despatch Date", "Date Shipped"],
        page=["Page {p} of {n}", "Page {p}/{n}", "PAGE {p} OF {n}"],
        pos=["Ln", "Line", "No."], code=["Code", "Item", "Product", "Part No."],
        desc=["Description", "Item Description", "Description"], qty=["Qty", "Quantity", "Qty"],
        unit=["Unit", "UoM", "U/M"], price=["Unit Price", "Price", "Rate", "Each"],
        amount=["Amount", "Net Amount", "Value", "Total"],
        subtotal=["Subtotal", "Goods Total", "Sub-Total"], discount=["Discount", "Less Discount", "Trade Discount"],
        net=["Net Total", "Total Net", "Nett Amount", "Total excl. VAT", "Goods Value"],
        vat=["VAT", "VAT"], vat_total=["VAT Total", "Total VAT", "VAT Amount"],
        gross=["Invoice Total", "TOTAL", "Total Amount Due", "Gross Total", "Amount Due", "Total incl. VAT"],
        gross_credit=["Credit Total", "Total Credit", "TOTAL"],
        summary=["VAT Analysis", "VAT Summary", "Analysis of VAT"], rate=["Rate", "VAT %", "Rate"],
        base=["Goods", "Net", "Taxable"], tax=["VAT", "VAT Amt"],
        vat_id=["VAT Reg. No.", "VAT No.", "VAT Registration No.", "VAT Reg No"],
        cust_vat=["Your VAT No.", "Customer VAT No."],
        bill_to=["Invoice To:", "Bill To:", "Invoice Address:", "To:"], ship_to=["Deliver To:", "Ship To:"],
        cf=["Carried forward", "Continued on next page - carried forward"], bf=["Brought forward", "B/F"],
        cont=["continued ...", "*** continued ***", "Continued overleaf"],
        terms_net=["Terms: Net {d} days", "Payment terms: {d} days net", "Terms: {d} days from invoice date"],
        terms_due=["Please pay by {due}", "Payment due by {due}"],
        remit=["REMITTANCE ADVICE", "REMITTANCE SLIP - please return with your payment"],
        amt_due=["Amount Due", "Amount Enclosed", "Total Due"],
        credit_ref=["Credit against invoice {n} dated {d}", "Ref. Invoice No. {n} of {d}", "Original invoice: {n} ({d})"],
        thanks=["Thank you for your business.", "Goods remain our property until paid in full.",
                "Please quote the invoice number with your payment."],
        bank=["Bank", "Bank details"], discount_row=["Discount {p}", "Less {p} trade discount"],
        delivery_row=["Delivery charge", "Carriage", "Delivery & handling"],
        amounts_in=["All amounts in {c}", "Currency: {c}", "Amounts shown in {c}"],
        sales_tax=["Sales Tax", "Sales Tax", "Tax"], taxable=["Taxable", "Taxable Amount"],
        ein=["EIN", "Fed. Tax ID", "Federal Tax ID No."], tx=["Tx", "T"],
        dear=["Account", "Customer"], phone="Tel.", fax="Fax",
    ),
    "de": dict(
        invoice=["RECHNUNG", "Rechnung", "RECHNUNG"],
        credit=["GUTSCHRIFT", "Gutschrift", "RECHNUNGSKORREKTUR"],
        inv_no=["Rechnungs-Nr.", "Rech.-Nr.", "Rechnungsnummer", "Beleg-Nr.", "Re.-Nr."],
        cred_no=["Gutschrift-Nr.", "Beleg-Nr.", "Gutschriftsnummer"],
        date=["Rechnungsdatum", "Datum", "Belegdatum", "Re.-Datum"],
        due=["Fällig am", "Zahlbar bis", "Fälligkeit", "Fälligkeitsdatum"],
        po=["Ihre Bestellung", "Ihre Bestell-Nr.", "Ihr Auftrag", "Ihre Bestellnummer"], po_us=None,
        cust_no=["Kunden-Nr.", "Kd.-Nr.", "Kundennummer"],
        deliv=["Lieferschein", "Lieferschein-Nr.", "LS-Nr."],
        deliv_date=["Lieferdatum", "Leistungsdatum", "Liefertag"],
        page=["Seite {p} von {n}", "Seite {p}/{n}", "Blatt {p} von {n}"],
        pos=["Pos.", "Pos", "Nr."], code=["Art.-Nr.", "Artikel", "Artikelnr."],
        desc=["Bezeichnung", "Artikelbezeichnung", "Text"], qty=["Menge", "Anz.", "Menge"],
        unit=["ME", "Einh.", "Einheit"], price=["Einzelpreis", "E-Preis", "Preis/ME", "EP"],
        amount=["Betrag", "Gesamt", "G-Preis", "Gesamtpreis"],
        subtotal=["Zwischensumme", "Warenwert", "Summe Positionen"], discount=["Rabatt", "abzgl. Rabatt"],
        net=["Nettobetrag", "Summe netto", "Warenwert netto", "Netto"],
        vat=["MwSt.", "USt.", "zzgl. MwSt."], vat_total=["Summe MwSt.", "MwSt.-Betrag", "USt.-Betrag"],
        gross=["Rechnungsbetrag", "Gesamtbetrag", "Endbetrag", "Bruttobetrag", "Zahlbetrag"],
        gross_credit=["Gutschriftsbetrag", "Gesamtbetrag", "Endbetrag"],
        summary=["MwSt.-Aufstellung", "Steuerübersicht", "USt.-Aufteilung"], rate=["Satz", "MwSt.-Satz", "%"],
        base=["Netto", "Bemessungsgrundlage", "Basis"], tax=["MwSt.", "Steuer", "USt."],
        vat_id=["USt-IdNr.", "USt-ID", "UStId-Nr.", "USt.-Id.-Nr."],
        cust_vat=["Ihre USt-IdNr.", "USt-IdNr. Kunde"],
        bill_to=["Rechnungsempfänger:", "Rechnungsanschrift:", "An:"], ship_to=["Lieferanschrift:", "Lieferadresse:"],
        cf=["Übertrag", "Zwischensumme Übertrag"], bf=["Übertrag", "Übertrag von Seite {p}"],
        cont=["Fortsetzung auf der nächsten Seite", "- Fortsetzung -", "./."],
        terms_net=["Zahlbar innerhalb {d} Tagen netto", "{d} Tage netto", "Zahlungsbedingung: {d} Tage netto"],
        terms_due=["Zahlbar bis {due} ohne Abzug", "Bitte überweisen Sie den Betrag bis zum {due}."],
        remit=["ZAHLUNGSABSCHNITT", "Überweisungsträger-Angaben"],
        amt_due=["Zahlbetrag", "Betrag", "Rechnungsbetrag"],
        credit_ref=["Gutschrift zu Rechnung {n} vom {d}", "Bezug: Rechnung Nr. {n} vom {d}", "Korrektur zur Rechnung {n} vom {d}"],
        thanks=["Vielen Dank für Ihren Auftrag.", "Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum.",
                "Bitte geben Sie bei Zahlung die Rechnungsnummer an."],
        bank=["Bankverbindung", "Bank"], discount_row=["Rabatt {p}", "abzgl. {p} Sonderrabatt"],
        delivery_row=["Frachtkosten", "Versandkosten", "Anlieferung"],
        amounts_in=["Beträge in {c}", "Währung: {c}", "Alle Beträge in {c}"],
        st_nr=["St.-Nr.", "Steuernummer"], phone="Tel.", fax="Fax",
    ),
    "fr": dict(
        invoice=["FACTURE", "Facture", "FACTURE"],
        credit=["AVOIR", "FACTURE D'AVOIR", "Avoir"],
        inv_no=["N° facture", "Facture n°", "N° de facture", "Numéro", "Fact. n°"],
        cred_no=["N° avoir", "Avoir n°", "Numéro"],
        date=["Date facture", "Date", "Date d'émission", "Le"],
        due=["Échéance", "Date d'échéance", "À régler avant le", "Date limite de paiement"],
        po=["Votre commande", "Réf. commande", "V/Réf.", "Votre bon de commande"], po_us=None,
        cust_no=["Code client", "N° client", "Client"],
        deliv=["Bon de livraison", "BL n°", "N° BL"],
        deliv_date=["Date de livraison", "Livré le"],
        page=["Page {p}/{n}", "Page {p} sur {n}", "Folio {p}/{n}"],
        pos=["N°", "Lig."], code=["Réf.", "Code", "Référence", "Article"],
        desc=["Désignation", "Libellé", "Désignation"], qty=["Qté", "Quantité", "Qté"],
        unit=["U", "Unité", "Un."], price=["P.U. HT", "Prix unit.", "PU HT", "Prix U."],
        amount=["Montant HT", "Total HT", "Montant"],
        subtotal=["Sous-total", "Total brut HT", "Total marchandises"], discount=["Remise", "Remise commerciale"],
        net=["Total HT", "Montant HT", "Total net HT", "Base HT"],
        vat=["TVA", "TVA"], vat_total=["Total TVA", "Montant TVA"],
        gross=["Total TTC", "Net à payer", "Montant TTC", "NET A PAYER"],
        gross_credit=["Total TTC", "Montant de l'avoir", "Total avoir TTC"],
        summary=["Récapitulatif TVA", "Détail TVA", "Ventilation TVA"], rate=["Taux", "Code TVA", "Taux"],
        base=["Base HT", "Base", "Montant HT"], tax=["TVA", "Montant TVA"],
        vat_id=["N° TVA intracom.", "TVA intracommunautaire", "N° TVA", "Id. TVA"],
        cust_vat=["Votre n° TVA", "N° TVA client"],
        bill_to=["Adresse de facturation :", "Facturé à :", "Client :"], ship_to=["Adresse de livraison :", "Livré à :"],
        cf=["A reporter", "Report"], bf=["Report", "Report page {p}"],
        cont=["suite page suivante", "... / ...", "- suite -"],
        terms_net=["Paiement à {d} jours net", "Règlement : {d} jours date de facture", "Conditions : {d} jours net"],
        terms_due=["À régler avant le {due}", "Paiement au plus tard le {due}"],
        remit=["TALON A JOINDRE A VOTRE REGLEMENT", "Coupon de règlement"],
        amt_due=["Montant à payer", "Net à payer", "Montant"],
        credit_ref=["Avoir sur facture n° {n} du {d}", "Réf. facture {n} du {d}", "Annule et remplace la facture {n} du {d}"],
        thanks=["Merci de votre confiance.", "Pas d'escompte pour paiement anticipé.",
                "En cas de retard de paiement, indemnité forfaitaire pour frais de recouvrement : 40 euros."],
        bank=["Banque", "Coordonnées bancaires"], discount_row=["Remise {p}", "Remise exceptionnelle {p}"],
        delivery_row=["Frais de port", "Participation transport", "Frais de livraison"],
        amounts_in=["Montants en {c}", "Devise : {c}"],
        siret=["SIRET", "RCS"], phone="Tél.", fax="Fax",
    ),
    "nl": dict(
        invoice=["FACTUUR", "Factuur", "FACTUUR"],
        credit=["CREDITNOTA", "CREDITFACTUUR", "Creditnota"],
        inv_no=["Factuurnr.", "Factuurnummer", "Nummer", "Factuur nr."],
        cred_no=["Creditnotanr.", "Nummer", "Creditnota nr."],
        date=["Factuurdatum", "Datum", "Fact.datum"],
        due=["Vervaldatum", "Te betalen voor", "Uiterste betaaldatum"],
        po=["Uw referentie", "Uw ordernr.", "Uw bestelling", "Uw kenmerk"], po_us=None,
        cust_no=["Klantnr.", "Debiteurnr.", "Klantnummer"],
        deliv=["Pakbon", "Pakbonnr.", "Afleverbon"],
        deliv_date=["Leverdatum", "Afleverdatum"],
        page=["Pagina {p} van {n}", "Blad {p}/{n}", "Pag. {p} van {n}"],
        pos=["Regel", "Nr."], code=["Artikelnr.", "Art.nr.", "Code"],
        desc=["Omschrijving", "Artikel", "Omschrijving"], qty=["Aantal", "Aant.", "Aantal"],
        unit=["Eenh.", "Eenheid"], price=["Prijs", "Stukprijs", "Prijs p/e"],
        amount=["Bedrag", "Totaal", "Bedrag"],
        subtotal=["Subtotaal", "Totaal artikelen"], discount=["Korting", "Af: korting"],
        net=["Totaal excl. BTW", "Subtotaal excl. btw", "Netto bedrag", "Totaal exclusief BTW"],
        vat=["BTW", "Btw"], vat_total=["Totaal BTW", "BTW bedrag"],
        gross=["Totaal incl. BTW", "Te betalen", "Factuurbedrag", "TOTAAL"],
        gross_credit=["Totaal incl. BTW", "Totaal creditnota", "Te ontvangen"],
        summary=["BTW-specificatie", "BTW overzicht", "Specificatie BTW"], rate=["Tarief", "BTW %", "%"],
        base=["Grondslag", "Bedrag excl.", "Omzet"], tax=["BTW", "BTW bedrag"],
        vat_id=["BTW-nr.", "Btw-id", "BTW nummer", "Btw-nr."],
        cust_vat=["Uw BTW-nr.", "BTW-nr. klant"],
        bill_to=["Factuuradres:", "Aan:", "Debiteur:"], ship_to=["Afleveradres:", "Leveradres:"],
        cf=["Transport", "Over te brengen"], bf=["Transport", "Transport van blad {p}"],
        cont=["vervolg op volgende pagina", "- vervolg -", "z.o.z."],
        terms_net=["Betaling binnen {d} dagen netto", "Betalingstermijn: {d} dagen", "Te voldoen binnen {d} dagen"],
        terms_due=["Gelieve te betalen voor {due}", "Te voldoen uiterlijk {due}"],
        remit=["ACCEPTGIRO-GEGEVENS", "BETAALSTROOK - meesturen met uw betaling"],
        amt_due=["Te betalen", "Bedrag", "Factuurbedrag"],
        credit_ref=["Creditering van factuur {n} d.d. {d}", "Betreft factuur {n} van {d}", "Ref. factuur {n} ({d})"],
        thanks=["Wij danken u voor uw bestelling.", "Op al onze leveringen zijn onze algemene voorwaarden van toepassing.",
                "Vermeld bij betaling altijd het factuurnummer."],
        bank=["Bank", "Bankgegevens"], discount_row=["Korting {p}", "Af: {p} korting"],
        delivery_row=["Vrachtkosten", "Bezorgkosten", "Transportkosten"],
        amounts_in=["Bedragen in {c}", "Valuta: {c}"],
        kvk=["KvK", "KvK-nr.", "Ondernemingsnr."], phone="Tel.", fax="Fax",
    ),
    "it": dict(
        invoice=["FATTURA", "Fattura", "FATTURA DIFFERITA", "FATTURA ACCOMPAGNATORIA"],
        credit=["NOTA DI CREDITO", "Nota di credito", "NOTA CREDITO"],
        inv_no=["Fatt. n.", "Fattura n.", "Numero fattura", "N. documento", "Num. doc."],
        cred_no=["Nota n.", "Numero", "N. documento"],
        date=["Data", "Data fattura", "Data documento", "Data doc."],
        due=["Scadenza", "Data scadenza", "Scad."],
        po=["Vs. ordine", "Rif. ordine", "Vostro ordine n.", "Vs. rif."], po_us=None,
        cust_no=["Cod. cliente", "Codice cliente", "Cliente n."],
        deliv=["DDT n.", "Doc. trasporto", "DDT"],
        deliv_date=["Data DDT", "Data consegna"],
        page=["Pagina {p} di {n}", "Pag. {p}/{n}", "Foglio {p} di {n}"],
        pos=["Riga", "N."], code=["Cod. art.", "Codice", "Articolo"],
        desc=["Descrizione", "Descrizione articolo", "Descrizione"], qty=["Q.tà", "Quantità", "Qta"],
        unit=["U.M.", "UM"], price=["Prezzo unit.", "Prezzo", "Pr. unitario"],
        amount=["Importo", "Totale", "Importo"],
        subtotal=["Totale merce", "Subtotale"], discount=["Sconto", "Sconto merce"],
        net=["Imponibile", "Totale imponibile", "Tot. imponibile"],
        vat=["IVA", "IVA"], vat_total=["Totale IVA", "Imposta", "Tot. IVA"],
        gross=["Totale fattura", "Totale documento", "Netto a pagare", "TOTALE"],
        gross_credit=["Totale nota di credito", "Totale documento", "TOTALE"],
        summary=["Riepilogo IVA", "Castelletto IVA", "Riepilogo aliquote"], rate=["Aliquota", "Aliq.", "Cod. IVA"],
        base=["Imponibile", "Imponibile"], tax=["Imposta", "IVA"],
        vat_id=["P.IVA", "Partita IVA", "P. IVA", "C.F. e P.IVA"],
        cust_vat=["P.IVA cliente", "Vs. P.IVA"],
        bill_to=["Spett.le", "Destinatario:", "Cliente:"], ship_to=["Destinazione merce:", "Luogo di consegna:"],
        cf=["A riportare", "Riporto"], bf=["Riporto", "Riporto da pag. {p}"],
        cont=["segue", "- segue -", "continua alla pagina successiva"],
        terms_net=["Pagamento: bonifico {d} gg d.f.", "Pagamento a {d} giorni data fattura", "Bonifico bancario {d} gg"],
        terms_due=["Pagamento entro il {due}", "Da pagare entro il {due}"],
        remit=["DATI PER IL PAGAMENTO", "Tagliando di pagamento"],
        amt_due=["Importo da pagare", "Netto a pagare", "Importo"],
        credit_ref=["Storno fattura n. {n} del {d}", "Rif. fattura n. {n} del {d}", "Nota di credito relativa alla fattura {n} del {d}"],
        thanks=["Grazie per la preferenza.", "Contributo CONAI assolto ove dovuto.",
                "Si prega di indicare il numero fattura nel pagamento."],
        bank=["Banca", "Coordinate bancarie"], discount_row=["Sconto {p}", "Sconto incondizionato {p}"],
        delivery_row=["Spese di trasporto", "Spese di consegna", "Trasporto"],
        amounts_in=["Importi in {c}", "Valuta: {c}"],
        rea=["REA", "Cap. soc."], phone="Tel.", fax="Fax",
    ),
    "es": dict(
        invoice=["FACTURA", "Factura", "FACTURA"],
        credit=["FACTURA RECTIFICATIVA", "ABONO", "FACTURA DE ABONO"],
        inv_no=["Nº Factura", "Factura nº", "Núm. factura", "Número", "Nº Fra."],
        cred_no=["Nº Factura", "Nº Abono", "Número"],
        date=["Fecha", "Fecha factura", "Fecha emisión", "F. factura"],
        due=["Vencimiento", "Fecha vto.", "Fecha de vencimiento", "Vto."],
        po=["Su pedido", "Ref. pedido", "Su ref.", "Pedido cliente"], po_us=None,
        cust_no=["Cód. cliente", "Nº cliente", "Cliente"],
        deliv=["Albarán", "Nº albarán", "Albarán nº"],
        deliv_date=["Fecha albarán", "Fecha entrega"],
        page=["Página {p} de {n}", "Pág. {p}/{n}", "Hoja {p} de {n}"],
        pos=["Lín.", "Nº"], code=["Código", "Ref.", "Artículo"],
        desc=["Descripción", "Concepto", "Descripción"], qty=["Cant.", "Cantidad", "Uds."],
        unit=["Ud.", "Unidad", "U.M."], price=["Precio", "P. unit.", "Precio ud."],
        amount=["Importe", "Total", "Importe"],
        subtotal=["Suma", "Total bruto", "Subtotal"], discount=["Descuento", "Dto."],
        net=["Base imponible", "Total base", "Base imp."],
        vat=["IVA", "IVA"], vat_total=["Total IVA", "Cuota IVA", "Cuota"],
        gross=["Total factura", "TOTAL", "Total a pagar", "Importe total"],
        gross_credit=["Total abono", "Total factura", "TOTAL"],
        summary=["Desglose IVA", "Resumen de impuestos", "Cuadro de IVA"], rate=["Tipo", "% IVA", "Tipo"],
        base=["Base", "Base imponible"], tax=["Cuota", "IVA"],
        vat_id=["NIF", "CIF", "N.I.F.", "C.I.F."],
        cust_vat=["NIF cliente", "CIF cliente"],
        bill_to=["Facturar a:", "Cliente:", "Datos del cliente:"], ship_to=["Dirección de entrega:", "Enviar a:"],
        cf=["Suma y sigue", "A trasladar"], bf=["Suma anterior", "Suma y sigue"],
        cont=["continúa en la página siguiente", "- sigue -"],
        terms_net=["Forma de pago: transferencia a {d} días", "Pago a {d} días fecha factura", "Vencimiento a {d} días"],
        terms_due=["Fecha límite de pago: {due}", "A pagar antes del {due}"],
        remit=["DATOS PARA EL PAGO", "Talón de pago"],
        amt_due=["Importe a pagar", "Total a pagar", "Importe"],
        credit_ref=["Rectifica la factura nº {n} de fecha {d}", "Ref. factura {n} del {d}", "Abono de la factura {n} de {d}"],
        thanks=["Gracias por su confianza.", "Inscrita en el Registro Mercantil.",
                "Indique el número de factura en su transferencia."],
        bank=["Banco", "Datos bancarios"], discount_row=["Descuento {p}", "Dto. comercial {p}"],
        delivery_row=["Portes", "Gastos de envío", "Transporte"],
        amounts_in=["Importes en {c}", "Moneda: {c}"],
        phone="Tel.", fax="Fax",
    ),
}

UNITS = {
    "en": {"kg": ["kg", "KG", "kg"], "l": ["l", "ltr", "L"], "pcs": ["pcs", "ea", "EA", "pc"],
           "cs": ["cs", "case", "CS", "ctn"], "btl": ["btl", "bt", "BTL"], "h": ["hr", "h", "hrs"],
           "pk": ["pk", "pkt", "PK"], "set": ["set", "set"]},
    "us": {"kg": ["lb", "LB", "lb"], "l": ["gal", "GAL"], "pcs": ["ea", "EA", "pc"],
           "cs": ["cs", "CS", "case"], "btl": ["btl", "BTL"], "h": ["hr", "hrs"], "pk": ["pk", "PK"], "set": ["set"]},
    "de": {"kg": ["kg", "KG", "kg"], "l": ["l", "Ltr", "L"], "pcs": ["Stk", "St.", "STK", "Stck"],
           "cs": ["Ktn", "Kart.", "KAR", "Kiste"], "btl": ["Fl.", "Fl", "FL"], "h": ["Std", "Std.", "h"],
           "pk": ["Pck", "Pkg", "PAK"], "set": ["Set", "Satz"]},
    "fr": {"kg": ["kg", "KG", "kg"], "l": ["l", "L", "lt"], "pcs": ["pce", "u", "U", "pc"],
           "cs": ["crt", "colis", "CRT", "car"], "btl": ["bt", "btl", "BTE"], "h": ["h", "H", "heure"],
           "pk": ["paq", "PQT", "lot"], "set": ["jeu", "lot"]},
    "nl": {"kg": ["kg", "KG", "kg"], "l": ["ltr", "l", "L"], "pcs": ["st", "stuk", "ST", "stk"],
           "cs": ["doos", "krat", "DS", "ds"], "btl": ["fles", "fl", "FL"], "h": ["uur", "u", "UUR"],
           "pk": ["pak", "PAK", "pk"], "set": ["set"]},
    "it": {"kg": ["kg", "KG", "kg"], "l": ["lt", "l", "LT"], "pcs": ["pz", "PZ", "n.", "nr"],
           "cs": ["cf", "CT", "crt", "cart."], "btl": ["bt", "BT", "bott."], "h": ["ore", "h", "ORE"],
           "pk": ["conf", "CF", "pac"], "set": ["set", "kit"]},
    "es": {"kg": ["kg", "KG", "kg"], "l": ["l", "L", "lt"], "pcs": ["ud", "uds", "UD", "u."],
           "cs": ["caja", "CJ", "cj"], "btl": ["bot", "BOT", "bt"], "h": ["h", "hr", "horas"],
           "pk": ["paq", "PQ", "pack"], "set": ["jgo", "set"]},
}

# ---------------------------------------------------------------------------------------- catalogue
# (category, vat class, unit, price low, high, quantity kind, {lang: name})
# quantity kinds: int, kg (decimals), l (decimals), h (hours, halves), few (1-4)
CATALOGUE = [
    # food
    ("food", "food", "kg", 8, 24, "kg", dict(en="Beef mince 20% fat", de="Rinderhackfleisch 20 % Fett", fr="Viande hachée de boeuf 20 % MG", nl="Rundergehakt 20% vet", it="Macinato di manzo 20% grassi", es="Carne picada de vacuno 20% grasa")),
    ("food", "food", "kg", 18, 42, "kg", dict(en="Salmon fillet, skin on, pin-boned, fresh Scottish", de="Lachsfilet mit Haut, grätenfrei, frisch aus Norwegen", fr="Filet de saumon avec peau, sans arêtes, frais de Norvège", nl="Zalmfilet met huid, graatloos, vers uit Noorwegen", it="Filetto di salmone con pelle, deliscato, fresco norvegese", es="Lomo de salmón con piel, sin espinas, fresco de Noruega")),
    ("food", "food", "kg", 6, 14, "kg", dict(en="Chicken breast fillets", de="Hähnchenbrustfilet", fr="Filet de poulet", nl="Kipfilet", it="Petto di pollo a fette", es="Pechuga de pollo fileteada")),
    ("food", "basic", "kg", 1, 4, "kg", dict(en="Potatoes, Maris Piper, washed", de="Kartoffeln festkochend, gewaschen", fr="Pommes de terre à chair ferme, lavées", nl="Aardappelen vastkokend, gewassen", it="Patate a pasta gialla, lavate", es="Patatas lavadas, variedad Monalisa")),
    ("food", "basic", "kg", 1, 5, "kg", dict(en="Brown onions", de="Zwiebeln gelb", fr="Oignons jaunes", nl="Gele uien", it="Cipolle dorate", es="Cebollas amarillas")),
    ("food", "basic", "kg", 2, 7, "kg", dict(en="Vine tomatoes", de="Rispentomaten", fr="Tomates grappe", nl="Trostomaten", it="Pomodori a grappolo", es="Tomates en rama")),
    ("food", "basic", "pcs", 1, 3, "int", dict(en="Sourdough loaf 800 g", de="Bauernbrot 1000 g", fr="Pain de campagne 500 g", nl="Desembrood 800 g", it="Pane casereccio 1 kg", es="Pan de payés 800 g")),
    ("food", "basic", "l", 1, 2, "int", dict(en="Whole milk 1 l", de="Frischmilch 3,5 % 1 l", fr="Lait entier 1 l", nl="Volle melk 1 l", it="Latte intero fresco 1 l", es="Leche entera 1 l")),
    ("food", "food", "kg", 9, 16, "kg", dict(en="Unsalted butter", de="Süßrahmbutter", fr="Beurre doux", nl="Roomboter ongezouten", it="Burro da panna", es="Mantequilla sin sal")),
    ("food", "food", "kg", 14, 32, "kg", dict(en="Parmesan cheese, 24 months matured", de="Parmigiano Reggiano 24 Monate gereift", fr="Parmesan affiné 24 mois", nl="Parmezaanse kaas 24 maanden", it="Parmigiano Reggiano DOP 24 mesi", es="Queso parmesano curado 24 meses")),
    ("food", "food", "cs", 18, 40, "int", dict(en="Free range eggs, size L, tray of 180", de="Eier Freilandhaltung Gr. L, 180 Stk.", fr="Oeufs plein air calibre L, plateau de 180", nl="Scharreleieren L, tray 180 st.", it="Uova fresche categoria A, cartone da 180", es="Huevos camperos talla L, caja 180 uds.")),
    ("food", "food", "pcs", 6, 14, "int", dict(en="Extra virgin olive oil 5 l tin", de="Olivenöl extra vergine 5 l Kanister", fr="Huile d'olive vierge extra 5 l", nl="Olijfolie extra vierge 5 l blik", it="Olio extravergine di oliva 5 l latta", es="Aceite de oliva virgen extra 5 l garrafa")),
    ("food", "food", "pk", 2, 6, "int", dict(en="Penne rigate 3 kg", de="Penne rigate 3 kg", fr="Penne rigate 3 kg", nl="Penne rigate 3 kg", it="Penne rigate 3 kg", es="Macarrones penne rigate 3 kg")),
    ("food", "food", "kg", 3, 9, "kg", dict(en="Basmati rice", de="Basmatireis", fr="Riz basmati", nl="Basmatirijst", it="Riso basmati", es="Arroz basmati")),
    ("food", "food", "pcs", 2, 5, "int", dict(en="Double cream 1 l", de="Schlagsahne 30 % 1 l", fr="Crème liquide 35 % 1 l", nl="Slagroom 35% 1 l", it="Panna da cucina 1 l", es="Nata para cocinar 35% 1 l")),
    ("food", "food", "kg", 20, 38, "kg", dict(en="Lamb rack, French trimmed", de="Lammkarree französisch pariert", fr="Carré d'agneau manchonné", nl="Lamsrack, gefrenched", it="Carré di agnello alla francese", es="Costillar de cordero limpio")),
    ("food", "food", "pk", 4, 12, "int", dict(en="Frozen French fries 2.5 kg", de="Pommes frites TK 2,5 kg", fr="Frites surgelées 2,5 kg", nl="Diepvries frites 2,5 kg", it="Patatine fritte surgelate 2,5 kg", es="Patatas fritas congeladas 2,5 kg")),
    ("food", "food", "kg", 7, 18, "kg", dict(en="Mixed salad leaves, washed", de="Blattsalat-Mischung gewaschen", fr="Mesclun lavé", nl="Gemengde sla gewassen", it="Misticanza lavata", es="Mezclum de lechugas lavado")),
    ("food", "food", "pcs", 0.3, 1.2, "int", dict(en="Butter croissant, frozen, ready to bake", de="Buttercroissant TK zum Aufbacken", fr="Croissant pur beurre surgelé prêt à cuire", nl="Roomboter croissant diepvries, afbakken", it="Cornetto al burro surgelato da forno", es="Croissant de mantequilla congelado para hornear")),
    ("food", "food", "kg", 9, 22, "kg", dict(en="Coffee beans, espresso blend", de="Kaffee Espresso ganze Bohne", fr="Café en grains, mélange espresso", nl="Koffiebonen espresso melange", it="Caffè in grani miscela bar", es="Café en grano mezcla espresso")),
    ("food", "food", "pk", 3, 9, "int", dict(en="Black tea bags, pack of 100", de="Schwarztee Beutel 100 Stk.", fr="Thé noir en sachets, boîte de 100", nl="Zwarte thee zakjes 100 st.", it="Tè nero in filtri, conf. 100", es="Té negro en bolsitas, caja 100 uds.")),
    ("food", "food", "kg", 25, 60, "kg", dict(en="Beef fillet, centre cut", de="Rinderfilet Mittelstück", fr="Filet de boeuf coeur", nl="Ossenhaas middenstuk", it="Filetto di manzo parte centrale", es="Solomillo de ternera centro")),
    # beverages
    ("bev", "std", "btl", 4, 12, "int", dict(en="House red wine, Merlot 0.75 l", de="Hauswein rot Merlot 0,75 l", fr="Vin rouge de la maison Merlot 75 cl", nl="Huiswijn rood Merlot 0,75 l", it="Vino rosso della casa Merlot 0,75 l", es="Vino tinto de la casa Merlot 0,75 l")),
    ("bev", "std", "btl", 5, 15, "int", dict(en="Sauvignon Blanc 0.75 l", de="Grauburgunder trocken 0,75 l", fr="Sauvignon blanc AOP 75 cl", nl="Sauvignon Blanc 0,75 l", it="Pinot Grigio DOC 0,75 l", es="Verdejo D.O. Rueda 0,75 l")),
    ("bev", "std", "btl", 14, 38, "int", dict(en="Prosecco DOC extra dry 0.75 l", de="Sekt trocken 0,75 l", fr="Champagne brut 75 cl", nl="Cava brut 0,75 l", it="Prosecco DOC extra dry 0,75 l", es="Cava brut nature 0,75 l")),
    ("bev", "std", "cs", 12, 30, "int", dict(en="Lager beer 24 x 0.33 l", de="Pils 20 x 0,5 l Kasten", fr="Bière blonde 24 x 25 cl", nl="Pils 24 x 0,3 l krat", it="Birra chiara 24 x 0,33 l", es="Cerveza rubia 24 x 0,33 l")),
    ("bev", "std", "cs", 5, 14, "int", dict(en="Still mineral water 24 x 0.5 l", de="Mineralwasser still 12 x 0,7 l", fr="Eau minérale plate 24 x 50 cl", nl="Mineraalwater plat 24 x 0,5 l", it="Acqua minerale naturale 24 x 0,5 l", es="Agua mineral sin gas 24 x 0,5 l")),
    ("bev", "std", "cs", 6, 16, "int", dict(en="Sparkling water 24 x 0.25 l glass", de="Mineralwasser classic 24 x 0,25 l Glas", fr="Eau gazeuse 24 x 25 cl verre", nl="Spa rood 24 x 0,25 l glas", it="Acqua frizzante 24 x 0,25 l vetro", es="Agua con gas 24 x 0,25 l vidrio")),
    ("bev", "std", "cs", 8, 22, "int", dict(en="Orange juice 12 x 1 l", de="Orangensaft 100 % 6 x 1 l", fr="Jus d'orange 12 x 1 l", nl="Sinaasappelsap 12 x 1 l", it="Succo d'arancia 12 x 1 l", es="Zumo de naranja 12 x 1 l")),
    ("bev", "std", "btl", 14, 35, "int", dict(en="London dry gin 0.7 l", de="Gin London Dry 0,7 l", fr="Gin London dry 70 cl", nl="Jonge jenever 1 l", it="Grappa bianca 0,7 l", es="Ginebra London dry 0,7 l")),
    ("bev", "std", "cs", 10, 26, "int", dict(en="Cola 24 x 0.33 l cans", de="Cola 24 x 0,33 l Dose", fr="Cola 24 x 33 cl canettes", nl="Cola 24 x 0,33 l blik", it="Cola 24 x 0,33 l lattina", es="Refresco de cola 24 x 0,33 l lata")),
    ("bev", "std", "pcs", 2, 8, "int", dict(en="Deposit crate", de="Pfand Kasten", fr="Consigne caisse", nl="Statiegeld krat", it="Cauzione cassa", es="Depósito caja")),
    # cleaning
    ("clean", "std", "pcs", 15, 45, "int", dict(en="Dishwasher detergent 10 l", de="Spülmaschinenreiniger 10 l", fr="Détergent lave-vaisselle 10 l", nl="Vaatwasmiddel 10 l", it="Detersivo lavastoviglie 10 l", es="Detergente lavavajillas 10 l")),
    ("clean", "std", "pcs", 12, 35, "int", dict(en="Rinse aid 5 l", de="Klarspüler 5 l", fr="Liquide de rinçage 5 l", nl="Naglansmiddel 5 l", it="Brillantante 5 l", es="Abrillantador 5 l")),
    ("clean", "std", "pk", 4, 12, "int", dict(en="Nitrile gloves size L, box of 100", de="Nitrilhandschuhe Gr. L, 100 Stk.", fr="Gants nitrile taille L, boîte de 100", nl="Nitril handschoenen maat L, 100 st.", it="Guanti in nitrile taglia L, conf. 100", es="Guantes de nitrilo talla L, caja 100")),
    ("clean", "std", "pk", 15, 40, "int", dict(en="Blue centrefeed rolls, pack of 6", de="Putzrollen blau 6 Rollen", fr="Bobines d'essuyage bleues, colis de 6", nl="Poetsrollen blauw 6 rollen", it="Bobine asciugatutto blu, conf. 6", es="Bobinas secamanos azules, paquete 6")),
    ("clean", "std", "pcs", 6, 18, "int", dict(en="Surface sanitiser spray 750 ml", de="Schnelldesinfektion Spray 750 ml", fr="Spray désinfectant surfaces 750 ml", nl="Oppervlakte desinfectie spray 750 ml", it="Spray igienizzante superfici 750 ml", es="Spray desinfectante superficies 750 ml")),
    ("clean", "std", "pk", 10, 28, "int", dict(en="Refuse sacks 120 l, heavy duty, roll of 25", de="Müllsäcke 120 l extra stark, Rolle à 25 Stk.", fr="Sacs poubelle 120 l renforcés, rouleau de 25", nl="Afvalzakken 120 l extra sterk, rol 25 st.", it="Sacchi spazzatura 120 l rinforzati, rotolo da 25", es="Bolsas de basura 120 l reforzadas, rollo de 25")),
    ("clean", "std", "pcs", 20, 60, "int", dict(en="Oven and grill cleaner 5 l", de="Grill- und Backofenreiniger 5 l", fr="Dégraissant four et grill 5 l", nl="Oven- en grillreiniger 5 l", it="Sgrassatore forni e griglie 5 l", es="Limpiahornos y planchas 5 l")),
    ("clean", "std", "pcs", 1.5, 5, "int", dict(en="Microfibre cloth, blue", de="Mikrofasertuch blau", fr="Lavette microfibre bleue", nl="Microvezeldoek blauw", it="Panno in microfibra blu", es="Bayeta de microfibra azul")),
    ("clean", "std", "pcs", 8, 24, "int", dict(en="Hand soap refill 1 l", de="Handwaschseife Nachfüllung 1 l", fr="Savon mains recharge 1 l", nl="Handzeep navulling 1 l", it="Sapone mani ricarica 1 l", es="Jabón de manos recambio 1 l")),
    # linen
    ("linen", "std", "pcs", 0.4, 1.8, "int", dict(en="Laundry service: napkin 50 x 50 cm", de="Mietwäsche Serviette 50 x 50 cm", fr="Location serviette de table 50 x 50 cm", nl="Huurlinnen servet 50 x 50 cm", it="Noleggio tovagliolo 50 x 50 cm", es="Alquiler servilleta 50 x 50 cm")),
    ("linen", "std", "pcs", 1.5, 5, "int", dict(en="Tablecloth 130 x 130 cm, white, laundered", de="Tischdecke 130 x 130 cm weiß, gewaschen", fr="Nappe 130 x 130 cm blanche, blanchie", nl="Tafelkleed 130 x 130 cm wit, gewassen", it="Tovaglia 130 x 130 cm bianca, lavata", es="Mantel 130 x 130 cm blanco, lavado")),
    ("linen", "std", "pcs", 0.8, 3, "int", dict(en="Bath towel 70 x 140 cm", de="Badetuch 70 x 140 cm", fr="Drap de bain 70 x 140 cm", nl="Badlaken 70 x 140 cm", it="Telo bagno 70 x 140 cm", es="Toalla de baño 70 x 140 cm")),
    ("linen", "std", "pcs", 1, 4, "int", dict(en="Duvet cover king size, laundered and pressed", de="Bettbezug 155 x 220 cm, gewaschen und gemangelt", fr="Housse de couette 240 x 220 cm, lavée et repassée", nl="Dekbedovertrek 240 x 220 cm, gewassen en gestreken", it="Copripiumino matrimoniale, lavato e stirato", es="Funda nórdica de matrimonio, lavada y planchada")),
    ("linen", "std", "pcs", 2, 6, "int", dict(en="Chef jacket rental, weekly", de="Kochjacke Mietservice, wöchentlich", fr="Location veste de cuisine, hebdomadaire", nl="Koksbuis huur, per week", it="Noleggio giacca da cuoco, settimanale", es="Alquiler chaqueta de cocina, semanal")),
    ("linen", "std", "kg", 1.5, 4, "kg", dict(en="Laundry by weight, mixed linen", de="Wäsche nach Gewicht, Mischwäsche", fr="Blanchisserie au poids, linge mélangé", nl="Was per kilo, gemengd linnen", it="Lavaggio a peso, biancheria mista", es="Lavado al peso, ropa mixta")),
    # equipment
    ("equip", "std", "pcs", 150, 900, "few", dict(en="Gastronorm pan GN 1/1 stainless steel 65 mm", de="GN-Behälter 1/1 Edelstahl 65 mm", fr="Bac gastronorme GN 1/1 inox 65 mm", nl="Gastronormbak GN 1/1 RVS 65 mm", it="Bacinella gastronorm GN 1/1 inox 65 mm", es="Cubeta gastronorm GN 1/1 inox 65 mm")),
    ("equip", "std", "pcs", 2, 9, "int", dict(en="Wine glass 35 cl", de="Weinglas 35 cl", fr="Verre à vin 35 cl", nl="Wijnglas 35 cl", it="Calice vino 35 cl", es="Copa de vino 35 cl")),
    ("equip", "std", "pcs", 40, 140, "few", dict(en="Chef knife 26 cm", de="Kochmesser 26 cm", fr="Couteau de chef 26 cm", nl="Koksmes 26 cm", it="Coltello da cuoco 26 cm", es="Cuchillo de cocinero 26 cm")),
    ("equip", "std", "pcs", 600, 2900, "few", dict(en="Contact grill, double, cast iron plates", de="Kontaktgrill doppelt, Gusseisenplatten", fr="Grill contact double, plaques en fonte", nl="Contactgrill dubbel, gietijzeren platen", it="Piastra grill doppia, piastre in ghisa", es="Grill de contacto doble, placas de fundición")),
    ("equip", "std", "pcs", 3, 12, "int", dict(en="Dinner plate 27 cm porcelain", de="Speiseteller 27 cm Porzellan", fr="Assiette plate 27 cm porcelaine", nl="Dinerbord 27 cm porselein", it="Piatto piano 27 cm porcellana", es="Plato llano 27 cm porcelana")),
    ("equip", "std", "pcs", 30, 120, "few", dict(en="Cutting board HACCP colour coded set", de="Schneidebrett-Set HACCP farbig", fr="Planches à découper HACCP, jeu de couleurs", nl="Snijplanken HACCP kleurenset", it="Taglieri HACCP set colorato", es="Tablas de corte HACCP juego de colores")),
    ("equip", "std", "pcs", 900, 4800, "few", dict(en="Combi oven 6 x GN 1/1, electric", de="Kombidämpfer 6 x GN 1/1, elektrisch", fr="Four mixte 6 niveaux GN 1/1, électrique", nl="Combisteamer 6 x GN 1/1, elektrisch", it="Forno combinato 6 teglie GN 1/1, elettrico", es="Horno mixto 6 bandejas GN 1/1, eléctrico")),
    # services
    ("serv", "std", "h", 35, 95, "h", dict(en="Service engineer labour", de="Monteurstunde Kundendienst", fr="Main d'oeuvre technicien", nl="Arbeidsloon monteur", it="Manodopera tecnico", es="Mano de obra técnico")),
    ("serv", "std", "pcs", 40, 120, "few", dict(en="Call-out charge", de="Anfahrtspauschale", fr="Frais de déplacement", nl="Voorrijkosten", it="Diritto di chiamata", es="Desplazamiento técnico")),
    ("serv", "std", "pcs", 60, 250, "few", dict(en="Pest control visit, monthly contract", de="Schädlingskontrolle Monatsbesuch lt. Vertrag", fr="Visite de dératisation, contrat mensuel", nl="Ongediertebestrijding maandbezoek contract", it="Intervento di disinfestazione, contratto mensile", es="Visita de control de plagas, contrato mensual")),
    ("serv", "std", "h", 25, 60, "h", dict(en="Kitchen deep clean, extraction canopy and ducting", de="Grundreinigung Küche inkl. Abzugshaube und Lüftungskanal", fr="Nettoyage complet cuisine, hotte et gaines d'extraction", nl="Dieptereiniging keuken incl. afzuigkap en kanalen", it="Pulizia straordinaria cucina, cappa e canali di aspirazione", es="Limpieza a fondo de cocina, campana y conductos de extracción")),
    ("serv", "std", "pcs", 80, 300, "few", dict(en="Annual maintenance, refrigeration units", de="Jahreswartung Kühlanlagen", fr="Maintenance annuelle groupes froid", nl="Jaarlijks onderhoud koelinstallaties", it="Manutenzione annuale impianti frigoriferi", es="Mantenimiento anual equipos de frío")),
    ("serv", "std", "pcs", 20, 90, "few", dict(en="Grease trap emptying", de="Fettabscheider Entleerung", fr="Vidange bac à graisse", nl="Vetafscheider legen", it="Svuotamento degrassatore", es="Vaciado separador de grasas")),
]

# which catalogue categories each supplier trade sells (first is the main one)
TRADES = {
    "food": ["food", "food", "food", "clean"],
    "bev": ["bev"],
    "clean": ["clean"],
    "linen": ["linen"],
    "equip": ["equip", "clean"],
    "serv": ["serv"],
}

TRADE_WORDS = {
    "en": dict(food=["Catering Foods", "Fresh Produce", "Foodservice", "Fine Foods"], bev=["Wine & Spirits", "Drinks Wholesale", "Beverages"],
               clean=["Hygiene Supplies", "Cleaning Solutions", "Janitorial Supply"], linen=["Linen Services", "Laundry", "Textile Rental"],
               equip=["Catering Equipment", "Kitchen Equipment", "Restaurant Supply"], serv=["Facility Services", "Pest Control", "Refrigeration"]),
    "de": dict(food=["Frischdienst", "Großküchenbedarf", "Gastro-Großhandel", "Feinkost"], bev=["Getränkehandel", "Getränke", "Weinhandel"],
               clean=["Hygiene", "Reinigungsbedarf", "Hygienebedarf"], linen=["Textilservice", "Wäscherei", "Mietwäsche"],
               equip=["Gastrotechnik", "Küchentechnik", "Gastronomiebedarf"], serv=["Gebäudeservice", "Schädlingsbekämpfung", "Kältetechnik"]),
    "fr": dict(food=["Distribution Alimentaire", "Primeurs", "Restauration Service", "Marée"], bev=["Boissons", "Cave", "Distribution Boissons"],
               clean=["Hygiène Pro", "Entretien", "Hygiène Services"], linen=["Blanchisserie", "Linge Service", "Location Linge"],
               equip=["Équipement CHR", "Matériel de Cuisine", "Froid Cuisine"], serv=["Services", "Maintenance", "Dératisation"]),
    "nl": dict(food=["Horeca Groothandel", "Versservice", "Foodservice", "Vishandel"], bev=["Dranken", "Drankenhandel", "Wijnkoperij"],
               clean=["Schoonmaakartikelen", "Hygiëne", "Reinigingsmiddelen"], linen=["Linnenservice", "Wasserij", "Textielverhuur"],
               equip=["Grootkeukentechniek", "Horeca Inrichting", "Keukentechniek"], serv=["Facilitaire Diensten", "Onderhoud", "Koeltechniek"]),
    "it": dict(food=["Alimentari", "Distribuzione Alimentare", "Ortofrutta", "Carni"], bev=["Bevande", "Distribuzione Bevande", "Enoteca"],
               clean=["Detergenza", "Igiene Professionale", "Forniture Pulizia"], linen=["Lavanderia Industriale", "Servizi Tessili", "Lavanderia"],
               equip=["Attrezzature Ristorazione", "Grandi Cucine", "Forniture Alberghiere"], serv=["Servizi", "Manutenzioni", "Disinfestazioni"]),
    "es": dict(food=["Distribuciones Alimentarias", "Suministros Hosteleros", "Frutas", "Cárnicas"], bev=["Bebidas", "Distribuciones de Bebidas", "Vinos"],
               clean=["Limpieza Industrial", "Higiene Profesional", "Suministros de Limpieza"], linen=["Lavandería Industrial", "Textil Hostelero", "Lavandería"],
               equip=["Maquinaria Hostelera", "Equipamiento Hostelero", "Frío Industrial"], serv=["Servicios", "Mantenimiento", "Control de Plagas"]),
}
SURNAMES = {
    "GB": ["Harrison", "Whitfield", "Pemberton", "Ashworth", "Caldwell", "Fairbairn", "Holloway", "Kingsley", "Marsh", "Thornton"],
    "IE": ["O'Connor", "Byrne", "Kavanagh", "Doyle", "Fitzgerald", "Brennan"],
    "US": ["Sullivan", "Martinez", "Goldberg", "Kowalski", "Henderson", "Brooks", "Nguyen", "Patterson", "Lakeside", "Bayview"],
    "DE": ["Müller", "Weber", "Hoffmann", "Schäfer", "Becker", "Krüger", "Wagner", "Lehmann", "Schröder", "Kessler"],
    "AT": ["Gruber", "Huber", "Pichler", "Steiner", "Moser", "Hofer"],
    "CH": ["Brunner", "Meier", "Zürcher", "Keller", "Baumann", "Frei"],
    "FR": ["Dupont", "Lefèvre", "Moreau", "Girard", "Rousseau", "Mercier", "Fontaine", "Chevalier", "Garnier", "Bonnet"],
    "BE": ["Peeters", "Janssens", "Dubois", "Lambert", "Maes", "Willems"],
    "NL": ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Mulder", "de Boer", "van den Berg", "Bos"],
    "IT": ["Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Gallo"],
    "ES": ["García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Torres", "Ruiz", "Ortega"],
}
LEGAL = {
    "GB": ["Ltd", "Limited", "Ltd", "LLP", "plc"], "IE": ["Ltd", "Limited", "DAC"], "US": ["Inc.", "LLC", "Corp.", "Co."],
    "DE": ["GmbH", "GmbH", "GmbH & Co. KG", "e.K.", "KG", "AG", "OHG"], "AT": ["GmbH", "Ges.m.b.H.", "OG", "KG"],
    "CH": ["AG", "GmbH", "AG"], "FR": ["SARL", "SAS", "SA", "EURL", "SAS"], "BE": ["SRL", "NV", "BV", "SA"],
    "NL": ["B.V.", "B.V.", "V.O.F."], "IT": ["S.r.l.", "S.p.A.", "S.n.c.", "S.r.l."], "ES": ["S.L.", "S.A.", "S.L.U.", "S.L."],
}
PLACES = {
    "GB": [("Unit 4, Riverside Trading Estate", "Leeds", "LS11 5QN"), ("27 Harbour Road", "Bristol", "BS1 6XY"),
           ("Bay 12, New Covent Garden Market", "London", "SW8 5EE"), ("3 Mill Lane", "Manchester", "M4 2DG"),
           ("118 Leith Walk", "Edinburgh", "EH6 5DT")],
    "IE": [("Unit 7, Ballymount Industrial Estate", "Dublin 12", "D12 XY45"), ("14 Quay Street", "Galway", "H91 K2F0")],
    "US": [("1450 Industrial Pkwy", "Newark, NJ", "07114"), ("220 W Fulton Market", "Chicago, IL", "60607"),
           ("88 Harbor Blvd, Suite 200", "San Diego, CA", "92101"), ("5100 Commerce Dr", "Austin, TX", "78744"),
           ("17 Water Street", "Boston, MA", "02109")],
    "DE": [("Hauptstraße 12", "München", "80331"), ("Großmarkt Halle 3", "Hamburg", "20097"), ("Industriestraße 45", "Köln", "50829"),
           ("Am Güterbahnhof 7", "Leipzig", "04103"), ("Frankfurter Straße 201", "Offenbach", "63067")],
    "AT": [("Gewerbepark 5", "Wien", "1230"), ("Salzachstraße 18", "Salzburg", "5020"), ("Südbahnstraße 3", "Graz", "8020")],
    "CH": [("Industriestrasse 22", "Zürich", "8005"), ("Rue du Marché 9", "Lausanne", "1003"), ("Bahnhofstrasse 40", "Luzern", "6003")],
    "FR": [("12 rue de la Paix", "Paris", "75002"), ("ZI des Chartreux, 4 allée Jean Moulin", "Lyon", "69009"),
           ("MIN de Rungis, bât. C2", "Rungis", "94150"), ("35 quai des Chartrons", "Bordeaux", "33000"),
           ("Zone Artisanale du Moulin", "Nantes", "44300")],
    "BE": [("Rue de la Loi 42", "Bruxelles", "1040"), ("Kortrijksesteenweg 120", "Gent", "9000"), ("Italiëlei 8", "Antwerpen", "2000")],
    "NL": [("Marktweg 51", "Amsterdam", "1051 RS"), ("Industrieweg 14", "Rotterdam", "3044 AS"), ("Oude Gracht 120", "Utrecht", "3511 AX"),
           ("Handelsweg 3", "Eindhoven", "5657 EM")],
    "IT": [("Via Roma 15", "Milano (MI)", "20121"), ("Viale dei Mercati 7", "Bologna (BO)", "40127"), ("Via Appia Nuova 210", "Roma (RM)", "00183"),
           ("Corso Vittorio Emanuele 88", "Torino (TO)", "10121")],
    "ES": [("Calle Mayor 24", "Madrid", "28013"), ("Polígono Industrial Sur, nave 12", "Valencia", "46013"),
           ("Avinguda Diagonal 455", "Barcelona", "08036"), ("Calle Larios 3", "Málaga", "29005")],
}
POSTCODE_FIRST = {"GB": False, "IE": False, "US": False}  # others print "80331 München"

CUSTOMERS = {
    "en": ["The Crown Inn", "Harbourside Hotel", "The Olive Tree Restaurant", "Riverside Brasserie", "Grand Central Hotel",
           "The Old Mill Bistro", "Bayview Grill", "Maple Street Diner", "Parkside Conference Centre", "The Red Lion"],
    "de": ["Hotel Adler", "Gasthof zur Post", "Restaurant Lindenhof", "Hotel am Markt", "Brauhaus Alte Mühle",
           "Landgasthaus Krone", "Seehotel Sonnenblick", "Café Central"],
    "fr": ["Hôtel du Parc", "Brasserie du Port", "Restaurant La Table d'Anne", "Le Bistrot des Halles", "Hôtel Bellevue",
           "Auberge du Lac", "Café de la Gare"],
    "nl": ["Hotel De Gouden Leeuw", "Restaurant De Waag", "Brasserie Het Zuiden", "Grand Café De Beurs", "Hotel Aan Zee",
           "Eetcafé De Hoek"],
    "it": ["Hotel Miramare", "Trattoria Da Mario", "Ristorante Il Girasole", "Albergo Centrale", "Osteria del Ponte",
           "Pizzeria Bella Napoli"],
    "es": ["Hotel Miramar", "Restaurante El Faro", "Taberna La Bodega", "Hostal Sol y Mar", "Casa Pepe Restaurante",
           "Hotel Plaza Mayor"],
}
CUSTOMER_FORMS = {"GB": ["Ltd", ""], "IE": ["Ltd", ""], "US": ["LLC", "Inc.", ""], "DE": ["GmbH", "KG", ""], "AT": ["GmbH", ""],
                  "CH": ["AG", ""], "FR": ["SARL", "SAS", ""], "BE": ["SRL", "BV", ""], "NL": ["B.V.", ""],
                  "IT": ["S.r.l.", "S.n.c.", ""], "ES": ["S.L.", ""]}


# ---------------------------------------------------------------------------------------- ids
def _digits(rng, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _luhn_digit(s: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def vat_id(rng, country: str) -> dict:
    """Returns dict(plain=..., printed=...) (printed with the country's usual spacing)."""
    if country == "DE":
        while True:
            body = str(rng.randint(1, 9)) + _digits(rng, 7)
            product = 10
            for ch in body:
                s = (int(ch) + product) % 10 or 10
                product = (2 * s) % 11
            check = (11 - product) % 10
            plain = f"DE{body}{check}"
            return dict(plain=plain, spaced=f"DE {plain[2:5]} {plain[5:8]} {plain[8:]}")
    if country == "AT":
        body = _digits(rng, 7)
        s = 0
        for i, ch in enumerate(body):
            d = int(ch)
            if i % 2 == 1:
                d = d * 2
                d = d // 10 + d % 10
            s += d
        check = (10 - (s + 4) % 10) % 10
        plain = f"ATU{body}{check}"
        return dict(plain=plain, spaced=plain)
    if country == "GB":
        while True:
            body = str(rng.randint(1, 9)) + _digits(rng, 6)
            s = sum(int(c) * w for c, w in zip(body, range(8, 1, -1), strict=True))
            check = (97 - s % 97) % 97
            plain = f"GB{body}{check:02d}"
            return dict(plain=plain, spaced=f"GB {plain[2:5]} {plain[5:9]} {plain[9:]}")
    if country == "IE":
        body = str(rng.randint(1, 9)) + _digits(rng, 6)
        s = sum(int(c) * w for c, w in zip(body, range(8, 1, -1), strict=True))
        plain = f"IE{body}{'WABCDEFGHIJKLMNOPQRSTUV'[s % 23]}"
        return dict(plain=plain, spaced=plain)
    if country == "FR":
        siren8 = str(rng.randint(1, 9)) + _digits(rng, 7)
        siren = siren8 + _luhn_digit(siren8)
        key = (12 + 3 * (int(siren) % 97)) % 97
        plain = f"FR{key:02d}{siren}"
        return dict(plain=plain, spaced=f"FR {key:02d} {siren}", siren=siren)
    if country == "BE":
        body = "0" + str(rng.randint(2, 9)) + _digits(rng, 6)
        check = 97 - int(body) % 97
        num = f"{body}{check:02d}"
        return dict(plain=f"BE{num}", spaced=f"BE {num[:4]}.{num[4:7]}.{num[7:]}")
    if country == "NL":
        while True:
            body = str(rng.randint(1, 9)) + _digits(rng, 7)
            s = sum(int(c) * w for c, w in zip(body, range(9, 1, -1), strict=True))
            check = s % 11
            if check < 10:
                plain = f"NL{body}{check}B{rng.choice(['01', '01', '02'])}"
                return dict(plain=plain, spaced=plain)
    if country == "IT":
        body = _digits(rng, 7) + f"{rng.randint(1, 100):03d}"
        s = 0
        for i, ch in enumerate(body):
            d = int(ch)
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            s += d
        num = body + str((10 - s % 10) % 10)
        return dict(plain=f"IT{num}", spaced=f"IT {num}", bare=num)
    if country == "ES":
        letter = rng.choice("BBBA")
        body = _digits(rng, 7)
        even = sum(int(body[i]) for i in (1, 3, 5))
        odd = 0
        for i in (0, 2, 4, 6):
            d = int(body[i]) * 2
            odd += d // 10 + d % 10
        ctrl = (10 - (even + odd) % 10) % 10
        cif = f"{letter}{body}{ctrl}"
        return dict(plain=f"ES{cif}", spaced=f"ES-{cif}", bare=cif)
    if country == "CH":
        while True:
            body = str(rng.randint(1, 9)) + _digits(rng, 7)
            s = sum(int(c) * w for c, w in zip(body, [5, 4, 3, 2, 7, 6, 5, 4], strict=True))
            check = 11 - s % 11
            if check == 11:
                check = 0
            if check < 10:
                num = body + str(check)
                plain = f"CHE-{num[:3]}.{num[3:6]}.{num[6:]} MWST"
                return dict(plain=plain, spaced=plain)
    if country == "US":
        ein = f"{rng.choice([12, 20, 23, 27, 30, 36, 45, 46, 47, 81, 84, 88, 91, 94])}-{_digits(rng, 7)}"
        return dict(plain=ein, spaced=ein)
    raise ValueError(country)


IBAN_BBAN = {"DE": (None, 18), "AT": (None, 16), "CH": (None, 17), "FR": (None, 23), "BE": (None, 12), "NL": ("ABNA", 10),
             "IT": ("X", 22), "ES": (None, 20), "GB": ("NWBK", 14), "IE": ("AIBK", 14)}


def iban(rng, country: str) -> str:
    letters, n = IBAN_BBAN[country]
    bban = (letters or "") + _digits(rng, n)
    conv = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(conv) % 97
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))
