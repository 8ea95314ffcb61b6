"""Locales and labels of the "itext" set: those of common/labels.py (the "php" set's), plus de_AT and de_CH,
this set's locale order and the labels of the itext layouts at the end.

A label given as a list is drawn once per document (rng.choice); a string is fixed.
"""

from common.labels import *  # noqa: F403  (X, US, DOLI, LETTER, FR_MENTIONS, FR_FORMS)
from common.labels import DATE_FORMATS as _DATE_FORMATS
from common.labels import LOCALES as _LOCALES

LOCALES = {
    **_LOCALES,
    "de_AT": dict(lang="de", country="AT", sep=(".", ","), cur=("EUR", "€", "pre_sp"), paper="a4", months="de_AT"),
    "de_CH": dict(lang="de", country="CH", sep=("'", "."), cur=("CHF", "CHF", "pre_sp"), paper="a4"),
}

DATE_FORMATS = {
    **_DATE_FORMATS,
    "de_AT": ["{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{dd}. {mon} {yyyy}"],
    "de_CH": ["{dd}.{mm}.{yyyy}", "{d}. {month} {yyyy}", "{dd}.{mm}.{yy}"],
}

LOCALE_ORDER = ["en_GB", "de_DE", "en_US", "fr_FR", "nl_NL", "es_ES", "it_IT", "en_US", "de_AT", "de_CH", "cs_CZ"]


# labels of the itext layouts (grouped collective invoices, cash & carry, page breaks)
ITX = {
    "en": dict(dn="Delivery note {n} of {d}", dn_sum="Total delivery note {n}", cont="Continued on next page",
               carried="continued from page {p}", code="Tax code", legend="Tax code", gtin="EAN",
               collective="Collective invoice", order_ref="Order", cashier="Cashier", customer_card="Customer card"),
    "de": dict(dn="Lieferschein {n} vom {d}", dn_sum="Summe Lieferschein {n}", cont="Fortsetzung auf der nächsten Seite",
               carried="Fortsetzung von Seite {p}", code="St.", legend="Steuerschlüssel", gtin="EAN",
               collective="Sammelrechnung", order_ref="Auftrag", cashier="Kasse", customer_card="Kundenkarte"),
    "fr": dict(dn="Bon de livraison {n} du {d}", dn_sum="Total BL {n}", cont="Suite page suivante",
               carried="suite de la page {p}", code="Code TVA", legend="Code TVA", gtin="EAN",
               collective="Facture récapitulative", order_ref="Commande", cashier="Caisse", customer_card="Carte client"),
    "nl": dict(dn="Pakbon {n} van {d}", dn_sum="Totaal pakbon {n}", cont="Vervolg op volgende pagina",
               carried="vervolg van pagina {p}", code="Btw-code", legend="Btw-code", gtin="EAN",
               collective="Verzamelfactuur", order_ref="Order", cashier="Kassa", customer_card="Klantenpas"),
    "es": dict(dn="Albarán {n} del {d}", dn_sum="Total albarán {n}", cont="Continúa en la página siguiente",
               carried="viene de la página {p}", code="Cód. IVA", legend="Código IVA", gtin="EAN",
               collective="Factura recapitulativa", order_ref="Pedido", cashier="Caja", customer_card="Tarjeta cliente"),
    "it": dict(dn="DDT n. {n} del {d}", dn_sum="Totale DDT {n}", cont="Segue alla pagina successiva",
               carried="segue da pagina {p}", code="Cod. IVA", legend="Codice IVA", gtin="EAN",
               collective="Fattura riepilogativa", order_ref="Ordine", cashier="Cassa", customer_card="Tessera cliente"),
    "cs": dict(dn="Dodací list {n} ze dne {d}", dn_sum="Celkem dodací list {n}", cont="Pokračování na další straně",
               carried="pokračování ze strany {p}", code="Kód DPH", legend="Kód DPH", gtin="EAN",
               collective="Souhrnná faktura", order_ref="Zakázka", cashier="Pokladna", customer_card="Zákaznická karta"),
}
