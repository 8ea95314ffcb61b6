"""Locales and labels of the "prawn" set: those of common/labels.py (the "php" set's, itself adapted from
"jspdf"), plus de_AT, de_CH, this set's locale order and the PRAWN labels of its layouts.

A label given as a list is drawn once per document (rng.choice); a string is fixed.
"""

from common.labels import *  # noqa: F403  (X, US, DOLI, LETTER, FR_MENTIONS, FR_FORMS)
from common.labels import DATE_FORMATS as _DATE_FORMATS
from common.labels import LOCALES as _LOCALES

LOCALES = {
    **_LOCALES,
    "de_AT": dict(lang="de", country="AT", sep=(".", ","), cur=("EUR", "€", "pre_sp"), paper="a4"),
    "de_CH": dict(lang="de", country="CH", sep=("'", "."), cur=("CHF", "CHF", "pre_sp"), paper="a4"),
}

DATE_FORMATS = {
    **_DATE_FORMATS,
    "de_AT": ["{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{dd}.{mm}.{yyyy}"],
    "de_CH": ["{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{d}.{m}.{yyyy}"],
}

LOCALE_ORDER = ["en_GB", "de_DE", "en_US", "fr_FR", "nl_NL", "es_ES", "it_IT", "en_US", "de_AT", "cs_CZ", "de_CH", "en_GB"]


# labels of this set's layouts (per language): the web shop's own order number, carried-forward lines,
# VAT codes, section heads of service invoices, English sub-labels of bilingual (invoice_printer-like) documents
PRAWN = {
    "en": dict(order_no=["Order number", "Web order", "Order #"], carried="Carried forward", brought="Brought forward",
               code="VAT code", codes="VAT analysis", labour="Labour", parts="Parts and materials", callout="Call-out and travel",
               goods="Goods", section_total="Section total", issued="Issue date", provider="Provider", purchaser="Purchaser",
               payment="Payment details", items="Items", payment_method="Payment method", by_transfer="Bank transfer",
               store="Store", ship_method="Shipping method", shipped_via=["Courier", "Own delivery van", "Pallet freight"],
               total_to_pay="Total to pay", page="Page"),
    "de": dict(order_no=["Auftragsnr.", "Webshop-Auftrag", "Auftrag"], carried="Übertrag", brought="Übertrag von Seite {p}",
               code="St.-Kz.", codes="Steueraufstellung", labour="Arbeitszeit", parts="Material", callout="Anfahrt",
               goods="Waren", section_total="Summe Abschnitt", issued="Ausstellungsdatum", provider="Lieferant",
               purchaser="Kunde", payment="Zahlungsangaben", items="Positionen", payment_method="Zahlungsart",
               by_transfer="Überweisung", store="Shop", ship_method="Versandart",
               shipped_via=["Paketdienst", "Eigene Zustellung", "Spedition"], total_to_pay="Zu zahlen", page="Seite"),
    "fr": dict(order_no=["Commande web n°", "Réf. commande boutique", "N° de dossier"], carried="À reporter", brought="Report",
               code="Code TVA", codes="Détail TVA", labour="Main-d'œuvre", parts="Pièces et fournitures", callout="Déplacement",
               goods="Marchandises", section_total="Total section", issued="Date d'émission", provider="Fournisseur",
               purchaser="Client", payment="Règlement", items="Articles", payment_method="Mode de règlement",
               by_transfer="Virement", store="Boutique", ship_method="Mode de livraison",
               shipped_via=["Transporteur", "Livraison par nos soins", "Messagerie"], total_to_pay="Net à payer", page="Page"),
    "nl": dict(order_no=["Webordernummer", "Ordernr.", "Order"], carried="Transport", brought="Transport van pagina {p}",
               code="Btw-code", codes="Btw-overzicht", labour="Arbeid", parts="Materialen", callout="Voorrijkosten",
               goods="Goederen", section_total="Subtotaal sectie", issued="Uitgiftedatum", provider="Leverancier",
               purchaser="Klant", payment="Betaalgegevens", items="Artikelen", payment_method="Betaalwijze",
               by_transfer="Overschrijving", store="Webshop", ship_method="Verzendwijze",
               shipped_via=["Pakketdienst", "Eigen bezorging", "Vrachtvervoer"], total_to_pay="Te betalen", page="Pagina"),
    "es": dict(order_no=["N.º de pedido web", "Pedido tienda", "Expediente"], carried="Suma y sigue", brought="Suma anterior",
               code="Cód. IVA", codes="Desglose de IVA", labour="Mano de obra", parts="Materiales", callout="Desplazamiento",
               goods="Mercancía", section_total="Total sección", issued="Fecha de emisión", provider="Proveedor",
               purchaser="Cliente", payment="Datos de pago", items="Artículos", payment_method="Forma de pago",
               by_transfer="Transferencia", store="Tienda", ship_method="Envío",
               shipped_via=["Mensajería", "Reparto propio", "Agencia de transporte"], total_to_pay="Total a pagar", page="Página"),
    "it": dict(order_no=["Ordine web n.", "Rif. ordine shop", "Pratica"], carried="A riportare", brought="Riporto",
               code="Cod. IVA", codes="Castelletto IVA", labour="Manodopera", parts="Materiali", callout="Diritto di chiamata",
               goods="Merce", section_total="Totale sezione", issued="Data emissione", provider="Fornitore",
               purchaser="Cliente", payment="Dati di pagamento", items="Articoli", payment_method="Modalità di pagamento",
               by_transfer="Bonifico", store="Negozio", ship_method="Spedizione",
               shipped_via=["Corriere", "Consegna diretta", "Trasporto su bancale"], total_to_pay="Totale da pagare", page="Pagina"),
    "cs": dict(order_no=["Číslo obj. e-shopu", "Zakázka", "Obj. e-shop"], carried="Převod", brought="Převod ze strany {p}",
               code="Kód DPH", codes="Rekapitulace DPH", labour="Práce", parts="Materiál", callout="Doprava technika",
               goods="Zboží", section_total="Celkem oddíl", issued="Datum vystavení", provider="Dodavatel",
               purchaser="Odběratel", payment="Platební údaje", items="Položky", payment_method="Způsob platby",
               by_transfer="Převodem", store="E-shop", ship_method="Doprava",
               shipped_via=["Kurýr", "Vlastní rozvoz", "Paletová přeprava"], total_to_pay="K úhradě", page="Strana"),
}
