"""Locales (number, date and currency conventions) and labels shared by the "jspdf", "php", "prawn", "itext" and
"gofpdf" sets (written for "jspdf"; DOLI, LETTER, FR_MENTIONS and FR_FORMS added by "php").

A label given as a list is drawn once per document (rng.choice); a string is fixed.
"""

# sep: (thousands, decimal); min_group2: es-ES as ICU (Intl.NumberFormat, PHP's NumberFormatter) prints it (no separator in 1234,56);
# cur: (code, symbol, symbol placement): "pre" £1,234.56 / "pre_sp" € 1.234,56 / "post_sp" 1.234,56 €
LOCALES = {
    "en_GB": dict(lang="en", country="GB", sep=(",", "."), cur=("GBP", "£", "pre"), paper="a4"),
    "en_US": dict(lang="en", country="US", sep=(",", "."), cur=("USD", "$", "pre"), paper="letter"),
    "de_DE": dict(lang="de", country="DE", sep=(".", ","), cur=("EUR", "€", "post_sp"), paper="a4"),
    "fr_FR": dict(lang="fr", country="FR", sep=(" ", ","), cur=("EUR", "€", "post_sp"), paper="a4"),
    "nl_NL": dict(lang="nl", country="NL", sep=(".", ","), cur=("EUR", "€", "pre_sp"), paper="a4"),
    "es_ES": dict(lang="es", country="ES", sep=(".", ","), cur=("EUR", "€", "post_sp"), paper="a4"),
    "it_IT": dict(lang="it", country="IT", sep=(".", ","), cur=("EUR", "€", "pre_sp"), paper="a4"),
    "cs_CZ": dict(lang="cs", country="CZ", sep=("\u00a0", ","), cur=("CZK", "Kč", "post_sp"), paper="a4"),
}
#: Austria (not in LOCALES; cairo and fop add it)
DE_AT = dict(lang="de", country="AT", sep=(".", ","), cur=("EUR", "€", "pre_sp"), paper="a4")

# python patterns: {d} {dd} {m} {mm} {yyyy} {month} {mon}
DATE_FORMATS = {
    "en_GB": ["{dd}/{mm}/{yyyy}", "{d} {mon} {yyyy}", "{d} {month} {yyyy}", "{yyyy}-{mm}-{dd}"],
    "en_US": ["{mm}/{dd}/{yyyy}", "{m}/{d}/{yyyy}", "{month} {d}, {yyyy}", "{mon} {dd}, {yyyy}"],
    "de_DE": ["{dd}.{mm}.{yyyy}", "{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{yyyy}-{mm}-{dd}"],
    "fr_FR": ["{dd}/{mm}/{yyyy}", "{d} {month} {yyyy}"],
    "nl_NL": ["{dd}-{mm}-{yyyy}", "{d}-{m}-{yyyy}", "{d} {month} {yyyy}"],
    "es_ES": ["{dd}/{mm}/{yyyy}", "{d}/{m}/{yyyy}", "{d} de {month} de {yyyy}"],
    "it_IT": ["{dd}/{mm}/{yyyy}", "{d} {month} {yyyy}"],
    "cs_CZ": ["{d}. {m}. {yyyy}", "{dd}.{mm}.{yyyy}"],
}

LOCALE_ORDER = ["en_GB", "de_DE", "en_US", "fr_FR", "nl_NL", "es_ES", "it_IT", "en_US", "de_DE", "cs_CZ"]

X = {
    "en": dict(
        invoice=["INVOICE", "Invoice", "TAX INVOICE"], credit=["CREDIT NOTE", "Credit Note", "CREDIT MEMO"],
        inv_no=["Invoice No.", "Invoice #", "Invoice number"], cn_no=["Credit note No.", "Credit note #"],
        date=["Invoice date", "Date", "Date of issue"], due=["Due date", "Payment due", "Date due"],
        cust=["Customer No.", "Account No.", "Customer ID"], delivery=["Delivery date", "Ship date"],
        po=["PO Number", "PO #", "Your order", "Purchase order"], bill_to=["Bill to", "Billed to", "Invoice to"],
        ship_to=["Ship to", "Deliver to"], sku=["SKU", "Item code", "Code"], desc=["Description", "Item", "Product"],
        qty=["Qty", "Quantity"], unit="Unit", price=["Unit price", "Price", "Rate"], vat=["VAT", "VAT %", "Tax"],
        disc=["Disc. %", "Discount"], total=["Amount", "Line total", "Total"], pos="#",
        subtotal="Subtotal", net=["Net total", "Total excl. VAT", "Total net"], discount="Discount",
        shipping=["Shipping", "Delivery charge", "Carriage"], vat_line="VAT {r}", vat_on="VAT {r} on {b}",
        vat_total=["Total VAT", "VAT total", "VAT"], gross=["Total", "Invoice total", "Total incl. VAT"],
        deposit=["Less deposit paid", "Deposit received", "Prepayment"], amount_due=["Amount due", "Balance due"],
        page=["Page {p} of {n}", "Page {p}/{n}"], notes="Notes", terms="Payment terms",
        terms_val="Payment within {n} days of the invoice date.", bank="Bank details",
        thanks="Thank you for your business.", vat_summary="VAT summary", rate="Rate", base="Net",
        vat_amt="VAT", gross_col="Gross", refers="Credit for invoice {n} of {d}", due_on="{a} due {d}",
        cust_vat="Your VAT No.", cont="continued", account="Account name", general="Terms and conditions",
        general_text=("Goods remain our property until paid in full. Claims for short delivery or damage must be "
                      "made within 48 hours of delivery. Interest may be charged on overdue accounts under the "
                      "Late Payment of Commercial Debts (Interest) Act 1998."),
    ),
    "de": dict(
        invoice=["RECHNUNG", "Rechnung"], credit=["GUTSCHRIFT", "Gutschrift", "Rechnungskorrektur"],
        inv_no=["Rechnungsnr.", "Rechnungsnummer", "Re.-Nr."], cn_no=["Gutschrift-Nr.", "Belegnummer"],
        date=["Rechnungsdatum", "Datum"], due=["Fällig am", "Zahlbar bis", "Fälligkeit"],
        cust=["Kundennr.", "Kunden-Nr."], delivery=["Lieferdatum", "Leistungsdatum"],
        po=["Bestellnummer", "Ihre Bestellung", "Ihre Bestell-Nr."], bill_to=["Rechnungsadresse", "Rechnungsempfänger"],
        ship_to=["Lieferadresse", "Lieferanschrift"], sku=["Art.-Nr.", "Artikelnr.", "SKU"],
        desc=["Bezeichnung", "Beschreibung", "Artikel"], qty=["Menge", "Anz."], unit=["Einheit", "ME"],
        price=["Einzelpreis", "E-Preis", "Preis"], vat=["USt.", "MwSt.", "USt. %"], disc=["Rabatt", "Rab. %"],
        total=["Gesamt", "Betrag", "Gesamtpreis"], pos="Pos.", subtotal="Zwischensumme",
        net=["Nettobetrag", "Summe netto", "Gesamt netto"], discount="Rabatt",
        shipping=["Versandkosten", "Frachtkosten", "Lieferpauschale"], vat_line="zzgl. USt. {r}",
        vat_on="USt. {r} auf {b}", vat_total=["Summe USt.", "USt. gesamt"],
        gross=["Gesamtbetrag", "Rechnungsbetrag", "Gesamt brutto"], deposit=["abzgl. Anzahlung", "Bereits gezahlt"],
        amount_due=["Zahlbetrag", "Offener Betrag", "Zu zahlen"], page=["Seite {p} von {n}", "Seite {p}/{n}"],
        notes="Hinweise", terms="Zahlungsbedingungen", terms_val="Zahlbar innerhalb von {n} Tagen ohne Abzug.",
        bank="Bankverbindung", thanks="Vielen Dank für Ihren Auftrag!", vat_summary="USt.-Aufstellung",
        rate="Satz", base="Netto", vat_amt="USt.", gross_col="Brutto", refers="Gutschrift zur Rechnung {n} vom {d}",
        due_on="{a} fällig am {d}", cust_vat="Ihre USt-IdNr.", cont="Fortsetzung", account="Kontoinhaber",
        general="Allgemeine Geschäftsbedingungen",
        general_text=("Die Ware bleibt bis zur vollständigen Bezahlung unser Eigentum. Mängel sind innerhalb von "
                      "48 Stunden nach Lieferung schriftlich anzuzeigen. Es gelten unsere AGB, Gerichtsstand ist "
                      "der Sitz des Lieferanten."),
    ),
    "fr": dict(
        invoice=["FACTURE", "Facture"], credit=["AVOIR", "Avoir", "FACTURE D'AVOIR"],
        inv_no=["Facture n°", "N° de facture", "Numéro"], cn_no=["Avoir n°", "N° d'avoir"],
        date=["Date de facture", "Date", "Date d'émission"], due=["Échéance", "Date d'échéance", "À régler avant le"],
        cust=["N° client", "Code client"], delivery=["Date de livraison"],
        po=["Votre commande", "Bon de commande", "Réf. commande"], bill_to=["Facturer à", "Adresse de facturation"],
        ship_to=["Livrer à", "Adresse de livraison"], sku=["Réf.", "Référence", "Code"], desc=["Désignation", "Description"],
        qty=["Qté", "Quantité"], unit=["Unité", "U."], price=["PU HT", "Prix unitaire HT", "Prix unit."],
        vat=["TVA", "TVA %"], disc=["Remise", "Rem. %"], total=["Montant HT", "Total HT"], pos="N°",
        subtotal="Sous-total HT", net=["Total HT", "Montant HT"], discount="Remise",
        shipping=["Frais de port", "Frais de livraison"], vat_line="TVA {r}", vat_on="TVA {r} sur {b}",
        vat_total=["Total TVA", "Montant TVA"], gross=["Total TTC", "Montant TTC"],
        deposit=["Acompte versé", "Acompte reçu"], amount_due=["Net à payer", "Reste à payer"],
        page=["Page {p} sur {n}", "Page {p}/{n}"], notes="Remarques", terms="Conditions de paiement",
        terms_val="Paiement à {n} jours date de facture.", bank="Coordonnées bancaires",
        thanks="Merci de votre confiance.", vat_summary="Récapitulatif TVA", rate="Taux", base="Base HT",
        vat_amt="TVA", gross_col="TTC", refers="Avoir sur facture {n} du {d}", due_on="{a} à régler avant le {d}",
        cust_vat="N° TVA client", cont="suite", account="Titulaire", general="Conditions générales de vente",
        general_text=("En cas de retard de paiement, une pénalité égale à trois fois le taux d'intérêt légal sera "
                      "exigible, ainsi qu'une indemnité forfaitaire de 40 euros pour frais de recouvrement. "
                      "Pas d'escompte pour paiement anticipé."),
    ),
    "nl": dict(
        invoice=["FACTUUR", "Factuur"], credit=["CREDITNOTA", "Creditnota", "Creditfactuur"],
        inv_no=["Factuurnummer", "Factuurnr."], cn_no=["Creditnotanummer", "Creditnota nr."],
        date=["Factuurdatum", "Datum"], due=["Vervaldatum", "Te betalen voor"], cust=["Klantnummer", "Debiteurnr."],
        delivery=["Leverdatum"], po=["Uw bestelling", "Uw referentie", "Inkoopordernummer"],
        bill_to=["Factuuradres", "Aan"], ship_to=["Afleveradres", "Leveradres"], sku=["Artikelnr.", "Art.nr.", "Code"],
        desc=["Omschrijving", "Artikel"], qty=["Aantal", "Aant."], unit=["Eenheid"], price=["Prijs", "Stukprijs"],
        vat=["Btw", "Btw %"], disc=["Korting", "Korting %"], total=["Bedrag", "Totaal"], pos="Nr.",
        subtotal="Subtotaal", net=["Totaal excl. btw", "Subtotaal excl. btw"], discount="Korting",
        shipping=["Verzendkosten", "Bezorgkosten"], vat_line="Btw {r}", vat_on="Btw {r} over {b}",
        vat_total=["Totaal btw", "Btw totaal"], gross=["Totaal incl. btw", "Totaal"],
        deposit=["Reeds betaald", "Aanbetaling"], amount_due=["Te betalen", "Openstaand bedrag"],
        page=["Pagina {p} van {n}", "Pagina {p}/{n}"], notes="Opmerkingen", terms="Betalingsvoorwaarden",
        terms_val="Betaling binnen {n} dagen na factuurdatum.", bank="Bankgegevens",
        thanks="Bedankt voor uw bestelling!", vat_summary="Btw-specificatie", rate="Tarief", base="Grondslag",
        vat_amt="Btw", gross_col="Incl. btw", refers="Creditering van factuur {n} d.d. {d}",
        due_on="{a} te betalen voor {d}", cust_vat="Uw btw-nummer", cont="vervolg", account="Ten name van",
        general="Algemene voorwaarden",
        general_text=("Op al onze leveringen zijn onze algemene voorwaarden van toepassing, gedeponeerd bij de "
                      "Kamer van Koophandel. Reclamaties binnen 48 uur na levering schriftelijk melden."),
    ),
    "es": dict(
        invoice=["FACTURA", "Factura"], credit=["FACTURA RECTIFICATIVA", "Abono", "ABONO"],
        inv_no=["Factura n.º", "N.º de factura", "Número"], cn_no=["Rectificativa n.º", "N.º de abono"],
        date=["Fecha de factura", "Fecha", "Fecha de emisión"], due=["Vencimiento", "Fecha de vencimiento"],
        cust=["N.º cliente", "Cód. cliente"], delivery=["Fecha de entrega"],
        po=["Su pedido", "N.º de pedido", "Pedido"], bill_to=["Facturar a", "Cliente"], ship_to=["Enviar a", "Dirección de entrega"],
        sku=["Código", "Ref.", "SKU"], desc=["Descripción", "Concepto"], qty=["Cant.", "Cantidad", "Uds."],
        unit=["Unidad"], price=["Precio", "Precio unit."], vat=["IVA", "% IVA"], disc=["Dto.", "Dto. %"],
        total=["Importe", "Total"], pos="N.º", subtotal="Subtotal", net=["Base imponible", "Total sin IVA"],
        discount="Descuento", shipping=["Portes", "Gastos de envío"], vat_line="IVA {r}", vat_on="IVA {r} s/ {b}",
        vat_total=["Total IVA", "Cuota IVA"], gross=["Total factura", "Total"], deposit=["Anticipo recibido", "A cuenta"],
        amount_due=["Total a pagar", "Importe pendiente"], page=["Página {p} de {n}", "Pág. {p}/{n}"],
        notes="Observaciones", terms="Forma de pago", terms_val="Transferencia a {n} días fecha factura.",
        bank="Datos bancarios", thanks="Gracias por su confianza.", vat_summary="Desglose de IVA", rate="Tipo",
        base="Base", vat_amt="Cuota", gross_col="Total", refers="Rectifica la factura {n} de {d}",
        due_on="{a} vence el {d}", cust_vat="NIF cliente", cont="continúa", account="Titular",
        general="Condiciones generales",
        general_text=("La mercancía viaja por cuenta y riesgo del comprador. Las reclamaciones deberán "
                      "realizarse en un plazo de 48 horas desde la entrega."),
    ),
    "it": dict(
        invoice=["FATTURA", "Fattura"], credit=["NOTA DI CREDITO", "Nota di credito"],
        inv_no=["Fattura n.", "Numero fattura", "N. documento"], cn_no=["Nota di credito n.", "N. documento"],
        date=["Data fattura", "Data", "Data documento"], due=["Scadenza", "Data scadenza"],
        cust=["Cod. cliente", "Codice cliente"], delivery=["Data consegna"], po=["Vs. ordine", "Rif. ordine", "Ordine n."],
        bill_to=["Spett.le", "Destinatario"], ship_to=["Destinazione merce", "Luogo di consegna"],
        sku=["Codice", "Cod. art."], desc=["Descrizione"], qty=["Q.tà", "Quantità"], unit=["U.M."],
        price=["Prezzo", "Prezzo unit."], vat=["IVA", "IVA %", "Aliq."], disc=["Sconto", "Sc. %"],
        total=["Importo", "Totale"], pos="N.", subtotal="Subtotale", net=["Imponibile", "Totale imponibile"],
        discount="Sconto", shipping=["Spese di trasporto", "Spese di spedizione"], vat_line="IVA {r}",
        vat_on="IVA {r} su {b}", vat_total=["Totale IVA", "Imposta"], gross=["Totale documento", "Totale fattura"],
        deposit=["Acconto versato", "Anticipo"], amount_due=["Netto a pagare", "Totale da pagare"],
        page=["Pagina {p} di {n}", "Pag. {p}/{n}"], notes="Note", terms="Pagamento",
        terms_val="Bonifico bancario a {n} gg data fattura.", bank="Coordinate bancarie",
        thanks="Grazie per averci scelto.", vat_summary="Riepilogo IVA", rate="Aliquota", base="Imponibile",
        vat_amt="Imposta", gross_col="Totale", refers="Storno fattura {n} del {d}", due_on="{a} entro il {d}",
        cust_vat="P. IVA cliente", cont="segue", account="Intestatario", general="Condizioni generali di vendita",
        general_text=("La merce viaggia a rischio e pericolo del committente. Eventuali reclami devono pervenire "
                      "entro 48 ore dalla consegna. Foro competente quello della sede del fornitore."),
    ),
    "cs": dict(
        invoice=["FAKTURA", "Faktura – daňový doklad"], credit=["DOBROPIS", "Opravný daňový doklad"],
        inv_no=["Faktura č.", "Číslo faktury", "Číslo dokladu"], cn_no=["Dobropis č.", "Číslo dokladu"],
        date=["Datum vystavení", "Vystaveno"], due=["Datum splatnosti", "Splatnost"], cust=["Číslo zákazníka"],
        delivery=["DUZP", "Datum zdan. plnění"], po=["Vaše objednávka", "Objednávka č."],
        bill_to=["Odběratel"], ship_to=["Místo dodání"], sku=["Kód", "Kat. č."], desc=["Popis", "Označení"],
        qty=["Počet", "Množství"], unit=["MJ"], price=["Cena/MJ", "Jedn. cena"], vat=["DPH", "Sazba"],
        disc=["Sleva", "Sleva %"], total=["Celkem", "Částka"], pos="Č.", subtotal="Mezisoučet",
        net=["Základ daně", "Celkem bez DPH"], discount="Sleva", shipping=["Doprava", "Dopravné"],
        vat_line="DPH {r}", vat_on="DPH {r} ze {b}", vat_total=["DPH celkem", "Celkem DPH"],
        gross=["Celkem s DPH", "Celkem k úhradě"], deposit=["Zaplaceno zálohou", "Odečet zálohy"],
        amount_due=["Zbývá uhradit", "K úhradě"], page=["Strana {p} z {n}", "Str. {p}/{n}"], notes="Poznámka",
        terms="Forma úhrady", terms_val="Převodem, splatnost {n} dní.", bank="Bankovní spojení",
        thanks="Děkujeme za Vaši objednávku.", vat_summary="Rekapitulace DPH", rate="Sazba", base="Základ",
        vat_amt="DPH", gross_col="Celkem", refers="Opravný doklad k faktuře {n} ze dne {d}",
        due_on="{a} splatné do {d}", cust_vat="DIČ odběratele", cont="pokračování", account="Majitel účtu",
        general="Obchodní podmínky",
        general_text=("Zboží zůstává až do úplného zaplacení majetkem dodavatele. Reklamace je nutné uplatnit "
                      "do 48 hodin od dodání. Dodavatel je plátcem DPH."),
    ),
}

US = dict(tax_line=["Sales Tax ({r})", "Tax ({r})", "Sales tax {r}"], subtotal="Subtotal", gross=["Total", "Total due", "Invoice total"],
          net=["Subtotal", "Taxable subtotal"], cust_vat="Tax ID", terms_val="Net {n}. Please include the invoice number with your payment.")

# Dolibarr-like ("sponge"/"crabe") column heads and totals labels, per language
DOLI = {
    "en": dict(desc="Description", vat="VAT", price="U.P. (net)", qty="Qty", unit="Unit", total="Total (net)", disc="Disc.",
               sku="Ref.", pos="#", net="Total (excl. tax)", vat_line="Total VAT {r}", vat_total="Total VAT",
               gross="Total (inc. tax)", deposit="Paid", amount_due="Remain to pay", sender="Sender", to="Bill to",
               amounts="Amounts in {c}", ref="Ref.", cust="Customer code", bank_intro="Payment by bank transfer to the following bank account:"),
    "fr": dict(desc="Désignation", vat="TVA", price="P.U. HT", qty="Qté", unit="Unité", total="Total HT", disc="Réduc.",
               sku="Réf.", pos="N°", net="Total HT", vat_line="Total TVA {r}", vat_total="Total TVA", gross="Total TTC",
               deposit="Payé", amount_due="Reste à payer", sender="Émetteur", to="Adressé à", amounts="Montants exprimés en {c}",
               ref="Réf.", cust="Code client", bank_intro="Règlement par virement sur le compte bancaire suivant :"),
    "de": dict(desc="Beschreibung", vat="USt.", price="Preis netto", qty="Menge", unit="Einheit", total="Gesamt netto",
               disc="Rabatt", sku="Art.-Nr.", pos="Pos.", net="Gesamtbetrag netto", vat_line="USt. {r}", vat_total="Summe USt.",
               gross="Gesamtbetrag brutto", deposit="Bezahlt", amount_due="Offener Betrag", sender="Absender",
               to="Empfänger", amounts="Beträge in {c}", ref="Nr.", cust="Kundennummer",
               bank_intro="Zahlung per Überweisung auf folgendes Konto:"),
    "nl": dict(desc="Omschrijving", vat="Btw", price="Prijs (excl.)", qty="Aantal", unit="Eenheid", total="Totaal (excl.)",
               disc="Korting", sku="Ref.", pos="Nr.", net="Totaal (excl. btw)", vat_line="Btw {r}", vat_total="Totaal btw",
               gross="Totaal (incl. btw)", deposit="Betaald", amount_due="Nog te betalen", sender="Afzender",
               to="Gericht aan", amounts="Bedragen in {c}", ref="Ref.", cust="Klantcode",
               bank_intro="Betaling per overschrijving op de volgende rekening:"),
    "es": dict(desc="Descripción", vat="IVA", price="P.U.", qty="Cant.", unit="Unidad", total="Base imp.", disc="Dto.",
               sku="Ref.", pos="N.º", net="Base imponible", vat_line="IVA {r}", vat_total="Total IVA", gross="Total",
               deposit="Pagado", amount_due="Pendiente", sender="Emisor", to="Enviar a", amounts="Importes en {c}",
               ref="Ref.", cust="Código cliente", bank_intro="Pago por transferencia a la siguiente cuenta bancaria:"),
    "it": dict(desc="Descrizione", vat="IVA", price="P.U.", qty="Q.tà", unit="Unità", total="Imponibile", disc="Sconto",
               sku="Rif.", pos="N.", net="Totale imponibile", vat_line="IVA {r}", vat_total="Totale IVA",
               gross="Totale (IVA incl.)", deposit="Pagato", amount_due="Residuo da pagare", sender="Mittente",
               to="Destinatario", amounts="Importi in {c}", ref="Rif.", cust="Codice cliente",
               bank_intro="Pagamento tramite bonifico sul seguente conto:"),
    "cs": dict(desc="Popis", vat="DPH", price="J.cena", qty="Množ.", unit="MJ", total="Celkem (bez DPH)", disc="Sleva",
               sku="Kód", pos="Č.", net="Celkem (bez DPH)", vat_line="DPH {r}", vat_total="DPH celkem",
               gross="Celkem (s DPH)", deposit="Zaplaceno", amount_due="Zbývá uhradit", sender="Dodavatel",
               to="Odběratel", amounts="Částky v {c}", ref="Č.", cust="Kód zákazníka",
               bank_intro="Platba převodem na účet:"),
}

# letter text of the DIN-5008-like ERP layout (salutation, intro, closing)
LETTER = {
    "en": ("Dear Sir or Madam,", "We invoice you for the following goods and services:", "Kind regards"),
    "de": ("Sehr geehrte Damen und Herren,", "wir erlauben uns, Ihnen folgende Lieferungen und Leistungen in Rechnung zu stellen:",
           "Mit freundlichen Grüßen"),
    "fr": ("Madame, Monsieur,", "Veuillez trouver ci-dessous le détail de notre facturation :", "Cordialement"),
    "nl": ("Geachte heer, mevrouw,", "Hierbij brengen wij u het volgende in rekening:", "Met vriendelijke groet"),
    "es": ("Estimados señores:", "Les facturamos los siguientes suministros y servicios:", "Atentamente"),
    "it": ("Spettabile cliente,", "Vi addebitiamo le seguenti forniture:", "Distinti saluti"),
    "cs": ("Vážení,", "fakturujeme Vám následující dodávky a služby:", "S pozdravem"),
}

# mentions légales that French invoicing software prints (Code de commerce L441-10)
FR_MENTIONS = [
    ("En cas de retard de paiement, application d'une pénalité égale à 3 fois le taux d'intérêt légal "
     "et d'une indemnité forfaitaire pour frais de recouvrement de 40 €. Pas d'escompte pour paiement anticipé."),
    ("Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : "
     "40 € (art. L441-10 du Code de commerce). Escompte pour paiement anticipé : néant."),
]
FR_FORMS = ["SARL au capital de 8 000 €", "SAS au capital de 50 000 €", "SARL au capital de 15 000 €", "EURL au capital de 5 000 €"]
