"""Realistic supplier invoices (EN/DE/FR/NL) with truth, as an independent holdout set.

    python bench/realistic_invoices.py OUT_DIR [--count 80] [--seed 1] [--check]

Writes ``OUT_DIR/NNN_lang_style.pdf`` and ``NNN_lang_style.json`` (truth in the shape of
``/work/shared/corpus/*.json``).  Written without looking at the parser or its own generator, so
the numbers measure how the ``local`` engine generalises to layouts it was not tuned on.  Every
document is a seeded draw (``random.Random(seed)``) of supplier trade, country, producer
(reportlab or fpdf2), font, header/meta/table/totals layout, number and date formats.
``--check`` re-reads each PDF with pypdf and lists documents whose invoice number, printed total
or supplier name are missing from the text layer (a generator bug, not a parser failure).
Truth rules: only what is printed; money and quantities as decimal strings, positive on credit
notes; ``due_date`` only when printed as a date; fields not printed are listed in ``_not_visible``;
``supplier_name`` is the registered name with its legal form, as the footer prints it (EN 16931's
seller name, BT-27), also where the letterhead shows only the trade name.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from _textcheck import report_missing

D = Decimal
CENT = D("0.01")
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path(__file__).resolve().parent.parent / ".venv/lib/python3.11/site-packages/reportlab/fonts",
)

# --------------------------------------------------------------------------------------------
# Vocabulary.  Countries carry language, currency, VAT rates per product class and formats.
# --------------------------------------------------------------------------------------------

COUNTRIES: dict[str, dict[str, Any]] = {
    "uk": {
        "lang": "en",
        "cur": "GBP",
        "nums": ["en", "en", "en_plain"],
        "dates": ["dmy_slash", "dmy_slash2", "long_en", "short_en", "iso", "dmy_dash"],
        "rates": {"food": "0", "mid": "20", "drink": "20", "alc": "20", "std": "20", "energy": "5"},
    },
    "us": {
        "lang": "en",
        "cur": "USD",
        "nums": ["en", "en", "en_plain"],
        "dates": ["mdy_slash", "mdy_slash2", "long_us", "iso"],
        "rates": {},
    },
    "de": {
        "lang": "de",
        "cur": "EUR",
        "nums": ["de", "de", "de_plain"],
        "dates": ["dmy_dot", "dmy_dot", "dmy_dot2", "long_de", "iso"],
        "rates": {"food": "7", "mid": "7", "drink": "19", "alc": "19", "std": "19", "energy": "19"},
    },
    "at": {
        "lang": "de",
        "cur": "EUR",
        "nums": ["de", "fr_sp"],
        "dates": ["dmy_dot", "dmy_dot2", "long_de"],
        "rates": {
            "food": "10",
            "mid": "10",
            "drink": "20",
            "alc": "20",
            "std": "20",
            "energy": "20",
        },
    },
    "ch": {
        "lang": "de",
        "cur": "CHF",
        "nums": ["ch", "ch", "en"],
        "dates": ["dmy_dot", "dmy_dot2", "long_de"],
        "rates": {
            "food": "2.6",
            "mid": "2.6",
            "drink": "2.6",
            "alc": "8.1",
            "std": "8.1",
            "energy": "8.1",
        },
    },
    "fr": {
        "lang": "fr",
        "cur": "EUR",
        "nums": ["fr_sp", "fr_nbsp", "fr_nnbsp", "de", "fr_plain"],
        "dates": ["dmy_slash", "dmy_slash", "dmy_slash2", "long_fr", "dmy_dash"],
        "rates": {
            "food": "5.5",
            "mid": "10",
            "drink": "5.5",
            "alc": "20",
            "std": "20",
            "energy": "20",
        },
    },
    "befr": {
        "lang": "fr",
        "cur": "EUR",
        "nums": ["de", "fr_sp"],
        "dates": ["dmy_slash", "dmy_dot", "long_fr"],
        "rates": {"food": "6", "mid": "6", "drink": "6", "alc": "21", "std": "21", "energy": "21"},
    },
    "nl": {
        "lang": "nl",
        "cur": "EUR",
        "nums": ["de", "de", "de_plain"],
        "dates": ["dmy_dash", "dmy_dash", "dmy_slash", "long_nl", "iso", "dmy_dash_nz"],
        "rates": {"food": "9", "mid": "9", "drink": "9", "alc": "21", "std": "21", "energy": "21"},
    },
    "benl": {
        "lang": "nl",
        "cur": "EUR",
        "nums": ["de", "fr_sp"],
        "dates": ["dmy_slash", "dmy_dash", "long_nl"],
        "rates": {"food": "6", "mid": "6", "drink": "6", "alc": "21", "std": "21", "energy": "21"},
    },
}
LANG_COUNTRIES = {
    "en": [("uk", 55), ("us", 45)],
    "de": [("de", 70), ("at", 15), ("ch", 15)],
    "fr": [("fr", 80), ("befr", 20)],
    "nl": [("nl", 75), ("benl", 25)],
}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}

# Vocabulary as compact tables, parsed once at import.  A line starting with spaces continues
# the one before; "|" separates columns and ";" the choices within one.
# Labels: key = English | German | French | Dutch.
LABELS_TXT = """
invoice = INVOICE;Invoice;Tax Invoice;SALES INVOICE | RECHNUNG;Rechnung | FACTURE;Facture |
    FACTUUR;Factuur
credit = CREDIT NOTE;Credit Note;Credit Memo | GUTSCHRIFT;Gutschrift;Rechnungskorrektur |
    AVOIR;Facture d'avoir | CREDITNOTA;Creditnota
inv_no = Invoice No.;Invoice Number;Invoice #;Inv. No: | Rechnungsnummer;Rechnung Nr.;
    Rechnungs-Nr.;Beleg-Nr. | Facture N°;N° de facture;Numéro | Factuurnummer;Factuurnr.;
    Nummer
cn_no = Credit Note No.;Credit No.;Document No. | Gutschrift Nr.;Belegnummer;Gutschriftsnummer
    |Avoir N°;N° d'avoir | Creditnota nr.;Nummer
date = Invoice Date;Date;Tax Point;Invoice date | Rechnungsdatum;Datum;Belegdatum |
    Date de facture;Date;Date d'émission | Factuurdatum;Datum
due = Due Date;Payment Due;Due by | Fällig am;Fälligkeit;Zahlbar bis | Échéance;
    Date d'échéance;À régler avant le | Vervaldatum;Te betalen voor
cust_no = Customer No.;Account No.;Account;Customer ID | Kundennummer;Kunden-Nr.;Kd.-Nr. |
    N° client;Code client;Client | Klantnummer;Debiteurnr.;Klantnr.
po = Your Order;PO No.;Purchase Order;Customer PO | Ihre Bestellung;Bestell-Nr.;
    Ihre Bestellnummer | Votre commande;Réf. commande;Bon de commande | Uw bestelnummer;
    Uw referentie;Inkoopordernr.
dn = Delivery Note;Despatch Note;DN No. | Lieferschein;Lieferschein-Nr. | Bon de livraison;
    BL N° | Pakbon;Leveringsbon
order_date = Order Date | Bestelldatum;Auftragsdatum | Date de commande | Besteldatum;
    Orderdatum
delivery_date = Delivery Date;Date of Supply;Ship Date | Lieferdatum;Leistungsdatum |
    Date de livraison | Leverdatum;Afleverdatum
page = Page {p} of {n};Page {p}/{n} | Seite {p} von {n};Seite {p}/{n} | Page {p} sur {n};
    Page {p}/{n} | Pagina {p} van {n};Blad {p}/{n}
bill_to = Bill To;Invoice To;Invoice Address;Sold To | Rechnungsadresse;Rechnungsempfänger |
    Facturé à;Adresse de facturation;Client | Factuuradres;Gefactureerd aan
ship_to = Ship To;Deliver To;Delivery Address | Lieferadresse;Lieferanschrift | Livré à;
    Adresse de livraison | Afleveradres;Leveradres
cust_vat = Your VAT No. | Ihre USt-IdNr. | Votre N° TVA | Uw btw-nummer
code = Code;SKU;Item;Product Code | Art.-Nr.;Artikel;ArtNr | Réf.;Code;Article | Art.nr.;Code
desc = Description;Item Description;Product;Details | Bezeichnung;Artikelbezeichnung;
    Beschreibung;Leistung | Désignation;Description;Libellé | Omschrijving;Artikel;Product
qty = Qty;Quantity;QTY | Menge;Anz.;Anzahl | Qté;Quantité | Aantal;Aant.
unit = Unit;UoM;U/M | Einheit;ME | Unité;U. | Eenheid;Eenh.
price = Unit Price;Price;Rate;Each | Einzelpreis;E-Preis;Preis | P.U. HT;Prix unitaire;PU HT
    |Prijs;Stukprijs;Prijs/eenh.
vat = VAT %;VAT;Tax % | MwSt;USt %;MwSt.-Satz | TVA;TVA %;Taux | BTW;BTW %;Btw
amount = Amount;Total;Net Amount;Line Total | Gesamt;Betrag;Gesamtpreis;Summe | Montant HT;
    Total HT;Montant | Bedrag;Totaal;Bedrag excl.
pos = #;Line | Pos.;Pos | N°;Lig. | Regel;#
subtotal = Subtotal;Net Total;Total Net;Sub-total;Goods Total | Nettobetrag;Summe netto;
    Warenwert netto;Zwischensumme | Total HT;Montant HT;Sous-total HT | Totaal excl. BTW;
    Subtotaal;Netto bedrag
vat_line = VAT {r}%;VAT @ {r}%;VAT {r}% on {b} | MwSt. {r} %;zzgl. {r} % USt.;
    USt {r} % auf {b} | TVA {r} %;TVA {r}% sur {b} | BTW {r}%;{r}% BTW over {b};Btw {r}%
total = Total;Invoice Total;TOTAL;Total Due;Gross Total | Gesamtbetrag;Rechnungsbetrag;
    Endbetrag;Summe brutto | Total TTC;Net à payer;Montant TTC | Totaal incl. BTW;Te betalen;
    Totaalbedrag
cn_total = Total Credit;Credit Total;Total | Gutschriftsbetrag;Gesamtbetrag | Total TTC;
    Montant de l'avoir TTC | Totaal incl. BTW;Totaal creditnota
paid = Amount Paid;Less: Paid | Bereits bezahlt;Anzahlung | Acompte versé;Déjà réglé |
    Reeds betaald;Aanbetaling
balance = Balance Due;Amount Outstanding | Restbetrag;Offener Betrag | Reste à payer;Solde dû
    |Openstaand bedrag;Nog te betalen
amount_due = Amount Due;Please Pay | Zahlbetrag;Zu zahlen | Montant à payer;Net à payer |
    Te betalen;Totaal
cf = Carried forward | Übertrag | À reporter;Report | Transport;Over te brengen
bf = Brought forward | Übertrag | Report | Transport
terms = Payment terms: {n} days net;Terms: Net {n};Payment due within {n} days of invoice date
    |Zahlbar innerhalb {n} Tagen ohne Abzug;Zahlungsziel: {n} Tage netto;
    Zahlungsbedingungen: {n} Tage netto | Payable à {n} jours;
    Règlement à {n} jours date de facture;Conditions de paiement : {n} jours net |
    Betaling binnen {n} dagen;Betalingstermijn: {n} dagen;
    Gelieve te betalen binnen {n} dagen na factuurdatum
thanks = Thank you for your business!;Thank you for your custom. |
    Vielen Dank für Ihren Auftrag!;Wir danken für Ihre Bestellung. | Merci de votre confiance.
    ;Nous vous remercions de votre commande. | Bedankt voor uw bestelling!;
    Hartelijk dank voor uw vertrouwen.
ref_inv = Relates to invoice {n};Original invoice: {n} | Bezug: Rechnung {n};
    zu Rechnung Nr. {n} | Avoir sur facture {n};Réf. facture : {n} | Betreft factuur {n};
    Correctie op factuur {n}
discount = Discount;Loyalty discount | Rabatt;Treuerabatt | Remise;Remise fidélité | Korting;
    Klantkorting
delivery = Delivery charge;Carriage | Frachtkosten;Lieferpauschale | Frais de livraison;
    Frais de port | Bezorgkosten;Vrachtkosten
vat_sum = VAT rate/Net/VAT/Gross | MwSt.-Satz/Netto/MwSt./Brutto |
    Taux TVA/Base HT/Montant TVA/TTC | BTW %/Grondslag/BTW/Totaal
bank = Bank details | Bankverbindung | Coordonnées bancaires | Bankgegevens
tc = Goods remain the property of the supplier until paid in full. Claims for shortages or
    damage must be notified within 24 hours of delivery. Interest may be charged on overdue
    accounts under the Late Payment Act. | Die Ware bleibt bis zur vollständigen Bezahlung
    unser Eigentum. Reklamationen sind innerhalb von 24 Stunden nach Lieferung schriftlich
    anzuzeigen. Es gelten unsere Allgemeinen Geschäftsbedingungen. | En cas de retard de
    paiement, une pénalité égale à trois fois le taux d'intérêt légal sera exigible, ainsi
    qu'une indemnité forfaitaire de 40 € pour frais de recouvrement. Pas d'escompte pour
    paiement anticipé. | Op al onze leveringen zijn onze algemene voorwaarden van toepassing.
    Klachten dienen binnen 24 uur na levering gemeld te worden. Bij overschrijding van de
    betalingstermijn is wettelijke rente verschuldigd.
"""
UNITS_TXT = """
kg = kg | kg | kg | kg
l = l;ltr | l;Ltr. | l;L | l;ltr
pc = pcs;ea;each | Stk;St.;Stück | pce;u;pièce | st;stuk;st.
case = case;cs | Kart.;Kiste | colis;carton | doos;colli
crate = crate | Kasten;Kiste | casier | krat
btl = btl;bottle | Fl.;Flasche | bouteille;btl | fles;fl.
month = month;mth | Monat;Mon. | mois | maand;mnd
kwh = kWh | kWh | kWh | kWh
hr = hr;hours | Std.;h | h;heure | uur
pack = pack;pk | Pck.;Pkg. | paquet;lot | pak;verp.
"""
# Products per trade: English | German | French | Dutch | unit kind | price range | VAT class.
CATALOG_TXT = """
[food]
Tomatoes vine ripened, class I | Strauchtomaten Klasse I | Tomates grappe cat. I |
    Trostomaten klasse I | kg | 2.2-4.8 | food
Onions brown 25 kg sack | Zwiebeln gelb 25 kg Sack | Oignons jaunes sac 25 kg |
    Uien geel zak 25 kg | pc | 14-22 | food
Potatoes Maris Piper washed | Kartoffeln festkochend gewaschen |
    Pommes de terre Charlotte lavées | Aardappelen vastkokend gewassen | kg | 0.6-1.4 | food
Olive oil extra virgin 5 l tin | Olivenöl nativ extra 5 l Kanister |
    Huile d'olive vierge extra bidon 5 l | Olijfolie extra vierge 5 l blik | pc | 28-55 | food
Double cream 2 l | Schlagsahne 30 % 1 l | Crème fraîche épaisse 1 kg | Slagroom 35% 1 l | pc
    |3.2-9 | food
Parmigiano Reggiano DOP 24 months | Parmigiano Reggiano g.U. 24 Monate |
    Parmesan Reggiano AOP 24 mois | Parmezaan Reggiano 24 maanden | kg | 18-29 | food
Basmati rice 10 kg | Basmatireis 10 kg | Riz basmati 10 kg | Basmatirijst 10 kg | pc | 16-28
    |food
Butter unsalted 250 g x 40 | Süßrahmbutter 250 g x 40 | Beurre doux 250 g x 40 |
    Roomboter ongezouten 250 g x 40 | case | 70-110 | food
Salmon fillet skin on, Norway, fresh | Lachsfilet mit Haut, Norwegen, frisch |
    Filet de saumon avec peau, Norvège, frais | Zalmfilet met vel, Noorwegen, vers | kg |
    17-28 | food
Free range eggs large x 180 | Freilandeier Gr. L x 180 | Œufs plein air calibre L x 180 |
    Scharreleieren L x 180 | case | 38-60 | food
Rocket leaves 1 kg | Rucola 1 kg | Roquette 1 kg | Rucola 1 kg | pc | 6-11 | food
Lemons unwaxed | Zitronen unbehandelt | Citrons non traités | Citroenen onbehandeld | kg |
    2.1-3.9 | food
[drinks]
Mineral water still 24 x 0.5 l | Mineralwasser still 24 x 0,5 l |
    Eau minérale plate 24 x 50 cl | Mineraalwater plat 24 x 0,5 l | crate | 6-12 | drink
Cola 24 x 0.33 l glass | Cola 24 x 0,33 l Glas | Cola 24 x 33 cl verre | Cola 24 x 0,33 l glas
    |crate | 14-24 | drink
Lager 20 x 0.5 l | Pils 20 x 0,5 l | Bière blonde 24 x 25 cl | Pils 24 x 0,3 l | crate | 15-26
    |alc
Draught lager keg 50 l | Fassbier Pils 50 l | Fût bière pression 30 l | Fust pils 50 l | pc |
    110-190 | alc
House red wine 0.75 l | Hauswein rot trocken 0,75 l | Vin rouge Côtes du Rhône 75 cl |
    Huiswijn rood 0,75 l | btl | 4.5-12 | alc
Orange juice 1 l x 6 | Orangensaft 1 l x 6 | Jus d'orange 1 l x 6 | Sinaasappelsap 1 l x 6 |
    case | 8-16 | drink
Prosecco DOC extra dry 0.75 l | Prosecco DOC extra dry 0,75 l | Prosecco DOC extra dry 75 cl
    |Prosecco DOC extra dry 0,75 l | btl | 5-11 | alc
London Dry Gin 0.7 l | London Dry Gin 0,7 l | Gin London Dry 70 cl | London Dry Gin 0,7 l |
    btl | 14-26 | alc
Tonic water 24 x 0.2 l | Tonic Water 24 x 0,2 l | Tonic 24 x 20 cl | Tonic 24 x 0,2 l | crate
    |12-20 | drink
[butcher]
Beef ribeye dry aged 28 days | Rinder-Entrecôte dry aged 28 Tage |
    Entrecôte de bœuf maturée 28 jours | Rib-eye dry aged 28 dagen | kg | 32-58 | food
Chicken breast fillet | Hähnchenbrustfilet | Filet de poulet | Kipfilet | kg | 8-14 | food
Pork belly boneless | Schweinebauch ohne Knochen | Poitrine de porc désossée |
    Buikspek zonder been | kg | 6-11 | food
Lamb rack French trimmed | Lammkarree französisch geputzt | Carré d'agneau manchonné |
    Lamsrack gefrenched | kg | 24-42 | food
Minced beef 15% fat | Rinderhackfleisch 15 % Fett | Viande hachée de bœuf 15 % |
    Rundergehakt 15% vet | kg | 7-12 | food
Pork sausages 20 x 120 g | Bratwurst grob 20 x 120 g | Saucisses de Toulouse 20 x 120 g |
    Braadworst 20 x 120 g | pack | 9-18 | food
Veal escalope | Kalbsschnitzel aus der Oberschale | Escalope de veau | Kalfsoester | kg |
    28-39 | food
[bakery]
Sourdough loaf 800 g | Sauerteigbrot 800 g | Pain au levain 800 g | Zuurdesembrood 800 g | pc
    |3-6 | food
Baguette | Baguette | Baguette tradition | Stokbrood | pc | 0.9-1.8 | food
Brioche burger buns x 12 | Brioche Burger Buns 12 Stück | Pains burger brioche x 12 |
    Brioche hamburgerbroodjes x 12 | pack | 5-9 | food
Butter croissants x 10 | Buttercroissants 10 Stück | Croissants pur beurre x 10 |
    Roomboter croissants x 10 | pack | 6-11 | food
Baked cheesecake 12 portions | Käsekuchen 12 Stück | Tarte au citron 8 parts |
    Appeltaart 12 punten | pc | 18-32 | mid
Ciabatta rolls x 20 | Ciabatta-Brötchen 20 Stück | Petits pains ciabatta x 20 |
    Ciabattabolletjes x 20 | pack | 6-10 | food
[linen]
Table cloth 140 x 140 white, laundering | Tischdecke 140 x 140 weiß, Wäsche |
    Nappe 140 x 140 blanche, blanchissage | Tafellaken 140 x 140 wit, wassen | pc | 0.9-2.2 |
    std
Napkins 50 x 50 damask | Servietten 50 x 50 Damast | Serviettes 50 x 50 damassées |
    Servetten 50 x 50 damast | pc | 0.18-0.45 | std
Chef jacket rental, weekly | Kochjacke Mietservice wöchentlich |
    Veste de cuisine location hebdomadaire | Koksbuis huur per week | pc | 1.8-3.5 | std
Tea towels | Geschirrtücher | Torchons | Theedoeken | pc | 0.2-0.5 | std
Aprons bib, black | Latzschürzen schwarz | Tabliers bavette noirs | Schorten zwart | pc |
    0.6-1.2 | std
Collection and delivery service | Logistikpauschale Abholung und Zustellung |
    Forfait collecte et livraison | Haal- en brengservice | month | 25-60 | std
[cleaning]
Kitchen deep clean incl. extraction hood and filters |
    Grundreinigung Küche inkl. Dunstabzugshaube und Filter |
    Nettoyage complet cuisine y compris hotte et filtres |
    Dieptereiniging keuken incl. afzuigkap en filters | hr | 28-45 | std
Daily cleaning dining room | Unterhaltsreinigung Gastraum | Entretien quotidien de la salle |
    Dagelijkse schoonmaak restaurant | hr | 22-35 | std
Dishwasher detergent 10 l | Spülmaschinenreiniger 10 l | Détergent lave-vaisselle 10 l |
    Vaatwasmiddel 10 l | pc | 18-40 | std
Window cleaning inside and outside | Glasreinigung innen und außen |
    Nettoyage des vitres intérieur et extérieur | Glasbewassing binnen en buiten | hr | 25-40
    |std
Hand soap refill 5 l | Handseife Nachfüllpack 5 l | Savon mains recharge 5 l |
    Handzeep navulling 5 l | pc | 9-17 | std
[rental]
Combi oven rental 10 x GN 1/1 | Miete Kombidämpfer 10 x GN 1/1 |
    Location four mixte 10 niveaux GN 1/1 | Huur combi-steamer 10 x GN 1/1 | month | 180-420
    |std
Ice machine rental 45 kg/24h | Miete Eiswürfelbereiter 45 kg/24h |
    Location machine à glaçons 45 kg/24h | Huur ijsblokjesmachine 45 kg/24u | month | 45-95 |
    std
Glass washer rental | Miete Gläserspülmaschine | Location lave-verres |
    Huur glazenspoelmachine | month | 35-80 | std
Espresso machine lease, 2 groups | Leasing Siebträgermaschine 2-gruppig |
    Location machine à café 2 groupes | Lease espressomachine 2 groeps | month | 79-160 | std
Service visit, labour | Wartung / Servicetechniker Arbeitszeit |
    Visite de maintenance, main d'œuvre | Onderhoudsbezoek, arbeidsloon | hr | 65-95 | std
[utility]
Standing charge | Grundpreis | Abonnement | Vaste leveringskosten | month | 9-25 | energy
Electricity day rate | Arbeitspreis Strom HT | Consommation heures pleines |
    Stroomverbruik normaal tarief | kwh | 0.18-0.34 | energy
Electricity night rate | Arbeitspreis Strom NT | Consommation heures creuses |
    Stroomverbruik daltarief | kwh | 0.12-0.25 | energy
Business fibre broadband 500 Mbit/s | Business Glasfaser 500 Mbit/s | Fibre Pro 500 Mb/s |
    Zakelijk glasvezel 500 Mbit/s | month | 39-89 | std
Mobile plan unlimited | Mobilfunk Flat Business | Forfait mobile illimité |
    Mobiel abonnement onbeperkt | month | 15-45 | std
[software]
Reservation system Pro plan | Reservierungssystem Pro-Tarif |
    Logiciel de réservation offre Pro | Reserveringssysteem Pro-abonnement | month | 89-249 |
    std
POS licence per terminal | Kassenlizenz je Terminal | Licence caisse par terminal |
    Kassalicentie per terminal | month | 29-69 | std
Additional user | Zusätzlicher Benutzer | Utilisateur supplémentaire | Extra gebruiker | pc |
    8-15 | std
Online ordering module | Modul Online-Bestellungen | Module commande en ligne |
    Module online bestellen | month | 39-99 | std
Inventory and recipe costing add-on | Zusatzmodul Warenwirtschaft und Rezepturen |
    Option gestion des stocks et fiches techniques |
    Uitbreiding voorraadbeheer en receptcalculatie | month | 29-79 | std
"""
# Supplier trading names per trade ({S} a surname, {C} the city): English | ... | Dutch.
NAMES_TXT = """
food = {S} Fresh Foods;{S} & Sons Wholesale;{C} Catering Supplies | Frischdienst {S};
    {S} Gastro-Großhandel;{C}er Feinkost | Primeurs {S};{S} Distribution Alimentaire;
    Les Halles de {C} | {S} Versgroothandel;Horeca Groothandel {C};{S} Food Service
drinks = {S} Wines & Spirits;{C} Drinks Company;{S} Beverages | Getränke {S};
    {S} Getränkefachgroßhandel;{C}er Getränkedienst | Boissons {S};{S} Distribution Boissons;
    Cave {S} | Drankenhandel {S};{S} Dranken;{C} Drinks
butcher = {S} Family Butchers;{S} Quality Meats | Metzgerei {S};Fleischerei {S} |
    Boucherie {S};Maison {S} Viandes | Slagerij {S};{S} Vleesgroothandel
bakery = {S} Bakery;The {C} Bakehouse | Bäckerei {S};Backhaus {S} | Boulangerie {S};
    Fournil de {C} | Bakkerij {S};Warme Bakker {S}
linen = {C} Linen Services;{S} Laundry | {S} Textilservice;Wäscherei {S} | Blanchisserie {S};
    {C} Linge Pro | Wasserij {S};{C} Linnenservice
cleaning = {S} Cleaning Solutions;{C} Commercial Cleaning | {S} Gebäudereinigung;
    Glanz & Sauber {C} | {S} Propreté;Net Services {C} | {S} Schoonmaakdiensten;
    Schoonmaakbedrijf {C}
rental = {C} Catering Equipment Hire;{S} Kitchen Rentals | {S} Gastrotechnik;
    Großküchentechnik {C} | {S} Équipement CHR;Loca-Cuisine {C} | {S} Horecatechniek;
    {C} Keukenverhuur
utility = {C} Energy;{C} Business Telecom | Stadtwerke {C};{C} Energie | {C} Énergie;
    {S} Télécom Pro | {C} Energie;{S} Zakelijk Telecom
software = TableFlow Software;{S} Systems;Covers Cloud | Gastrosoft {C};{S} Software;
    KassenWerk | {S} Logiciels;RestoCloud;Caisse Pro {C} | {S} Software;HorecaCloud;Tafelplan
"""
PEOPLE_TXT = """
surname en = Harrison;Whitmore;Bennett;Fletcher;Ashworth;Carter;Miller;O'Connell;Palmer;Hughes
surname de = Müller;Hansen;Schröder;Weber;Becker;Kühn;Hofmann;Brandt;Lehmann;Wagner
surname fr = Dubois;Lefèvre;Moreau;Girard;Roux;Fournier;Chevalier;Garnier;Mercier;Lambert
surname nl = de Vries;Jansen;Bakker;Visser;Smit;Mulder;de Boer;Peeters;Claes;van Dijk
first en = James;Sarah;David;Emma
first de = Thomas;Andrea;Michael;Sabine
first fr = Philippe;Isabelle;Nicolas;Claire
first nl = Jeroen;Anouk;Pieter;Sanne
restaurant en = The Brass Lantern;Copper Pot Kitchen;The Old Vicarage;Harbour Grill;
    Saffron & Sage;The Crown Inn;Bluebird Diner;Olive Tree Bistro
restaurant de = Gasthaus zum Löwen;Restaurant Lindenhof;Brauhaus am Markt;Trattoria Roma;
    Hotel Adler Restaurant;Wirtshaus Alte Post
restaurant fr = Brasserie du Port;Le Petit Bouchon;Restaurant La Table d'Anne;Café des Arts;
    L'Auberge du Lac;Bistrot Saint-Jean
restaurant nl = Restaurant De Gouden Leeuw;Eetcafé 't Hoekje;Brasserie Nova;
    Grand Café De Kroon;Bistro Het Pakhuis;Restaurant Zeezicht
"""
# Country = street names | postcode=city;... | legal forms.
PLACES_TXT = """
uk = High Street;Station Road;Mill Lane;Victoria Road;Dock Street | M4 6DE=Manchester;
    LS1 4AP=Leeds;BS1 5TR=Bristol;EH6 7BD=Edinburgh;E1 6QL=London | Ltd;Limited;Ltd.
us = Main Street;Industrial Pkwy;Market St;Harbor Blvd;Commerce Drive | NY 10013=New York;
    IL 60607=Chicago;CA 94107=San Francisco;MA 02210=Boston;TX 78701=Austin | Inc.;LLC;Corp.
de = Hauptstraße;Industriestr.;Am Großmarkt;Bahnhofstraße;Gewerbering | 80331=München;
    20457=Hamburg;50667=Köln;10997=Berlin;60311=Frankfurt am Main | GmbH;GmbH & Co. KG;e.K.;KG
at = Landstraße;Gewerbepark;Wiener Straße | 1030=Wien;5020=Salzburg;6020=Innsbruck | GmbH;
    Ges.m.b.H.
ch = Bahnhofstrasse;Industriestrasse;Seestrasse | 8005=Zürich;3011=Bern;4051=Basel | AG;GmbH
fr = rue de la République;avenue Jean Jaurès;ZI des Gravières;boulevard Voltaire;rue du Marché
    |69002=Lyon;75011=Paris;33000=Bordeaux;13002=Marseille;44000=Nantes | SARL;SAS;SA;EURL
befr = rue de la Loi;chaussée de Louvain;rue du Commerce | 1000=Bruxelles;4000=Liège;
    5000=Namur | SRL;SA
nl = Marktstraat;Industrieweg;Havenkade;Kerkstraat;Keizersgracht | 1012 AB=Amsterdam;
    3011 HE=Rotterdam;3511 LN=Utrecht;2511 CV=Den Haag;5611 EM=Eindhoven | B.V.;V.O.F.
benl = Meir;Veldstraat;Bruul | 2000=Antwerpen;9000=Gent;2800=Mechelen | BV;NV
"""
TRADE_WEIGHTS = [
    ("food", 22),
    ("drinks", 16),
    ("butcher", 10),
    ("bakery", 9),
    ("linen", 9),
    ("cleaning", 8),
    ("rental", 8),
    ("utility", 9),
    ("software", 9),
]


def _logical(text: str) -> list[str]:
    """Lines of a table, continuation lines joined to the line they continue."""
    out: list[str] = []
    for raw in text.splitlines():
        if raw.startswith(" ") and out:
            out[-1] += " " + raw.strip()
        elif raw.strip():
            out.append(raw.strip())
    return out


def _choices(cell: str) -> list[str]:
    return [c.strip() for c in cell.split(";") if c.strip()]


def _by_lang(text: str) -> dict[str, dict[str, list[str]]]:
    """``key = en | de | fr | nl`` lines as key -> language -> choices."""
    table: dict[str, dict[str, list[str]]] = {}
    for line in _logical(text):
        key, _, rest = line.partition(" = ")
        cols = rest.split(" | ") if key == "tc" else rest.split("|")
        table[key] = {lang: _choices(c) for lang, c in zip(LANGS, cols, strict=True)}
    return table


LANGS = ["en", "de", "fr", "nl"]
L = _by_lang(LABELS_TXT)
UNITS = _by_lang(UNITS_TXT)
NAMES = _by_lang(NAMES_TXT)
Product = tuple[str, str, str, str, str, float, float, str]
CATALOG: dict[str, list[Product]] = {}
for _line in _logical(CATALOG_TXT):
    if _line.startswith("["):
        _trade = CATALOG.setdefault(_line.strip("[]"), [])
        continue
    _c = [c.strip() for c in _line.split("|")]
    _lo, _hi = _c[5].split("-")
    _trade.append((_c[0], _c[1], _c[2], _c[3], _c[4], float(_lo), float(_hi), _c[6]))
PEOPLE: dict[str, list[str]] = {
    k: _choices(v) for k, _, v in (x.partition(" = ") for x in _logical(PEOPLE_TXT))
}
SURNAMES = {lang: PEOPLE[f"surname {lang}"] for lang in LANGS}
FIRST = {lang: PEOPLE[f"first {lang}"] for lang in LANGS}
RESTAURANTS = {lang: PEOPLE[f"restaurant {lang}"] for lang in LANGS}
PLACES: dict[str, tuple[list[str], list[tuple[str, str]], list[str]]] = {}
for _line in _logical(PLACES_TXT):
    _key, _, _rest = _line.partition(" = ")
    _streets, _cities, _forms = (c.strip() for c in _rest.split("|"))
    PLACES[_key] = (
        _choices(_streets),
        [(p, c) for p, _, c in (x.partition("=") for x in _choices(_cities))],
        _choices(_forms),
    )


# --------------------------------------------------------------------------------------------
# Formatting of numbers, money and dates; the truth always uses plain decimals and ISO dates.
# --------------------------------------------------------------------------------------------


def fmt_num(d: Decimal, places: int, style: str) -> str:
    """Format a decimal the way the document's country prints it."""
    q = abs(d).quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{q:f}".partition(".")
    sep = {
        "en": ",",
        "de": ".",
        "fr_sp": " ",
        "fr_nbsp": "\u00a0",
        "fr_nnbsp": "\u202f",
        "ch": "'",
    }.get(style, "")
    dec = "," if style.startswith(("de", "fr")) else "."
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sep.join(groups) + (dec + frac if places else "")
    return ("-" if d < 0 else "") + out


def fmt_qty(q: Decimal, style: str) -> str:
    """Quantities print without trailing zeros unless they carry a 3-decimal weight."""
    exp = -q.as_tuple().exponent if isinstance(q.as_tuple().exponent, int) else 0
    return fmt_num(q, max(exp, 0), style.replace("_plain", "")).replace("\u202f", "")


def fmt_date(d: date, style: str, lang: str) -> str:
    """One of the common printed date forms."""
    months = MONTHS[lang].split()
    m = months[d.month - 1]
    return {
        "dmy_slash": f"{d:%d/%m/%Y}",
        "dmy_slash2": f"{d:%d/%m/%y}",
        "dmy_dot": f"{d:%d.%m.%Y}",
        "dmy_dot2": f"{d:%d.%m.%y}",
        "dmy_dash": f"{d:%d-%m-%Y}",
        "iso": d.isoformat(),
        "mdy_slash": f"{d:%m/%d/%Y}",
        "mdy_slash2": f"{d:%m/%d/%y}",
        "dmy_dash_nz": f"{d.day}-{d.month}-{d.year}",
        "long_en": f"{d.day} {m} {d.year}",
        "short_en": f"{d.day} {m[:3]} {d.year}",
        "long_us": f"{m} {d.day}, {d.year}",
        "long_de": f"{d.day}. {m} {d.year}",
        "long_fr": f"{d.day} {m} {d.year}",
        "long_nl": f"{d.day} {m} {d.year}",
    }[style]


def money2(d: Decimal) -> str:
    """Truth money string."""
    return f"{d.quantize(CENT, rounding=ROUND_HALF_UP):f}"


def rate_str(r: Decimal) -> str:
    """Truth tax rate: ``"19"``, ``"5.5"``."""
    return f"{r.normalize():f}"


def rnd(rng: random.Random, lo: float, hi: float, places: int = 2) -> Decimal:
    """Random decimal price between lo and hi."""
    return D(str(round(rng.uniform(lo, hi), places)))


def pick(rng: random.Random, key: str, lang: str) -> str:
    """Draw one label variant."""
    return rng.choice(L[key][lang])


def weighted(rng: random.Random, items: list[tuple[str, int]]) -> str:
    """Weighted choice over (value, weight) pairs."""
    return rng.choices([i for i, _ in items], [w for _, w in items])[0]


def digits(rng: random.Random, n: int) -> str:
    """n random digits (first one not zero)."""
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


# --------------------------------------------------------------------------------------------
# The document: content first (what is true), then a style (how it is printed).
# --------------------------------------------------------------------------------------------


@dataclass
class Item:
    """One printed line of the item table."""

    desc: list[str]
    qty: Decimal | None
    unit: str | None
    price: Decimal | None
    price_places: int
    rate: Decimal | None
    total: Decimal
    code: str = ""
    group: tuple[str, int] | None = (
        None  # delivery note (number, days before issue) opening a group
    )


@dataclass
class Doc:
    """Everything printed on one invoice, plus the choices of how to print it."""

    country: str
    lang: str
    trade: str
    credit: bool
    number: str
    issue: date
    due: date | None
    terms_days: int
    currency: str
    supplier_head: str
    supplier_legal: str
    supplier_addr: list[str]
    tax_id: str | None
    tax_id_printed: str | None
    customer: list[str]
    customer_no: str
    customer_vat: str | None
    po: list[str]
    dn: str | None
    order_date: date | None
    delivery_date: date | None
    ref_invoice: str | None
    items: list[Item]
    net: Decimal
    taxes: list[tuple[Decimal, Decimal, Decimal]]  # rate, base, tax
    tax: Decimal
    gross: Decimal
    paid: Decimal
    sales_tax_label: str | None
    contact: list[str]
    footer: list[str]
    bank: list[str]
    s: dict[str, Any] = field(default_factory=dict)  # style choices


def vat_id(rng: random.Random, country: str) -> tuple[str, str]:
    """(compact truth id, printed form) in the country's format, with valid-looking checks."""
    if country == "uk":
        n = digits(rng, 9)
        return "GB" + n, rng.choice([f"GB{n}", f"GB {n[:3]} {n[3:7]} {n[7:]}"])
    if country == "de":
        n = digits(rng, 9)
        return "DE" + n, rng.choice([f"DE{n}", f"DE {n}", f"DE {n[:3]} {n[3:6]} {n[6:]}"])
    if country == "at":
        n = digits(rng, 8)
        return "ATU" + n, rng.choice([f"ATU{n}", f"ATU {n}"])
    if country == "ch":
        n = digits(rng, 9)
        return f"CHE{n}MWST", f"CHE-{n[:3]}.{n[3:6]}.{n[6:]} MWST"
    if country == "fr":
        siren = digits(rng, 9)
        key = (12 + 3 * (int(siren) % 97)) % 97
        return f"FR{key:02d}{siren}", rng.choice(
            [f"FR{key:02d}{siren}", f"FR {key:02d} {siren[:3]} {siren[3:6]} {siren[6:]}"]
        )
    if country in ("befr", "benl"):
        n = "0" + digits(rng, 7)
        n = n + f"{97 - int(n) % 97:02d}"
        return "BE" + n, rng.choice([f"BE{n}", f"BE {n[:4]}.{n[4:7]}.{n[7:]}"])
    n = digits(rng, 9)
    return f"NL{n}B01", rng.choice([f"NL{n}B01", f"NL{n}B01", f"NL {n[:4]}.{n[4:6]}.{n[6:]}.B01"])


def invoice_number(rng: random.Random, d: date, credit: bool, lang: str) -> tuple[str, str]:
    """(document number, a related original invoice number) in one of several house styles."""
    y = d.year
    styles = [
        lambda p: f"{p}-{y}-{digits(rng, 5)}",
        lambda p: f"{y}/{rng.randint(1, 9999):04d}",
        lambda p: f"{p[:2]}-{digits(rng, 5)}",
        lambda p: f"{p[0]}{y}-{rng.randint(1, 999):03d}",
        lambda p: f"{d:%y%m%d}-{rng.randint(1, 40):02d}",
        lambda p: f"A-{rng.randint(1, 99999):06d}",
        lambda p: digits(rng, rng.choice([6, 7, 8])),
        lambda p: f"{y}{digits(rng, 5)}",
    ]
    f = rng.choice(styles)
    inv = {
        "en": ["INV", "IN", "SI"],
        "de": ["RE", "RG", "AR"],
        "fr": ["FA", "F", "FC"],
        "nl": ["F", "INV", "VF"],
    }[lang]
    cn = {"en": ["CN", "CR"], "de": ["GS", "RK"], "fr": ["AV", "AF"], "nl": ["CN", "CF"]}[lang]
    return f(rng.choice(cn) if credit else rng.choice(inv)), f(rng.choice(inv))


def make_items(
    rng: random.Random, doc_trade: str, country: str, lang: str, n: int, credit: bool
) -> list[Item]:
    """Draw n product lines plus the odd deposit, delivery charge and discount."""
    li = ["en", "de", "fr", "nl"].index(lang)
    rates = COUNTRIES[country]["rates"]
    cat = CATALOG[doc_trade]
    unit_variant = rng.randint(0, 5)
    items: list[Item] = []
    month_txt = MONTHS[lang].split()
    groups = 1
    if doc_trade not in ("utility", "software", "rental") and (
        n > len(cat) or (n >= 6 and rng.random() < 0.3)
    ):
        groups = min(5, max(2, -(-n // len(cat))))
    starts = {round(g * n / groups): g for g in range(groups)}
    order = cat
    for i in range(n):
        if i in starts:
            order = rng.sample(cat, len(cat))
            first = i
        p = order[(i - first) % len(cat)]
        desc = p[li]
        kind = p[4]
        units = UNITS[kind][lang]
        unit = units[unit_variant % len(units)]
        places = 4 if kind == "kwh" else (3 if rng.random() < 0.08 else 2)
        price = rnd(rng, p[5], p[6], places)
        if kind == "kg":
            qty = rng.choice(
                [D(rng.randint(1, 25)), D(rng.randint(2, 60)) / 2, D(rng.randint(250, 9999)) / 1000]
            )
            qty = qty.quantize(D("0.001")) if qty.as_tuple().exponent == -3 else qty
        elif kind == "kwh":
            qty = D(rng.randint(180, 6500))
        elif kind == "hr":
            qty = rng.choice([D(rng.randint(1, 12)), D(rng.randint(2, 20)) / 2])
        elif kind == "month":
            qty = D(1) if rng.random() < 0.8 else D(rng.randint(2, 3))
        elif kind == "btl":
            qty = D(rng.choice([6, 12, 18, 24, 36]))
        else:
            qty = D(rng.randint(1, 30 if price < 5 else 8))
            if price < 1:
                qty = D(rng.choice([50, 100, 150, 200, 350]))
        lines = [desc]
        if kind in ("kwh", "month") and rng.random() < 0.5:
            m = month_txt[(i + rng.randint(0, 11)) % 12]
            lines.append(
                {
                    "en": f"Period: {m}",
                    "de": f"Zeitraum: {m}",
                    "fr": f"Période : {m}",
                    "nl": f"Periode: {m}",
                }[lang]
            )
        elif kind == "kg" and rng.random() < 0.15:
            lines.append(
                {"en": "Lot", "de": "Charge", "fr": "Lot", "nl": "Partij"}[lang]
                + f" {digits(rng, 6)}"
            )
        rate = D(rates[p[7]]) if rates else None
        total = (qty * price).quantize(CENT, rounding=ROUND_HALF_UP)
        items.append(Item(lines, qty, unit, price, places, rate, total, code=digits(rng, 5)))
        if groups > 1 and i in starts:
            items[-1].group = (digits(rng, 6), 3 * (groups - starts[i]) + rng.randint(0, 2))
    std = D(rates["std"]) if rates else None
    if doc_trade == "drinks" and country != "us" and rng.random() < 0.7:
        name = {
            "en": "Deposit crate",
            "de": "Pfand Kasten",
            "fr": "Consigne casier",
            "nl": "Statiegeld krat",
        }[lang]
        qty = D(rng.randint(2, 20))
        price = D(rng.choice(["1.50", "3.10", "3.42", "2.40"]))
        rate = std if country not in ("nl", "benl", "befr") else D("0")
        items.append(
            Item(
                [name],
                qty,
                UNITS["crate"][lang][0],
                price,
                2,
                rate,
                (qty * price).quantize(CENT),
                code="PF" + digits(rng, 3),
            )
        )
    if (
        not credit
        and doc_trade in ("food", "drinks", "butcher", "bakery", "cleaning")
        and rng.random() < 0.25
    ):
        price = rnd(rng, 4, 25)
        items.append(
            Item(
                [pick(rng, "delivery", lang)],
                D(1),
                UNITS["pc"][lang][0],
                price,
                2,
                std,
                price,
                code="FR" + digits(rng, 3),
            )
        )
    if not credit and rng.random() < 0.15:
        base = sum((it.total for it in items), D(0))
        amt = -(base * D(rng.choice(["0.02", "0.03", "0.05"]))).quantize(CENT)
        if amt < 0:
            rate = items[0].rate
            items.append(
                Item([pick(rng, "discount", lang)], None, None, None, 2, rate, amt, code="")
            )
    return items


def make_doc(rng: random.Random, index: int) -> Doc:
    """Draw one document's content and its printing style."""
    lang = LANGS[index % 4]  # equal shares, order still varied by the other draws
    country = weighted(rng, LANG_COUNTRIES[lang])
    c = COUNTRIES[country]
    trade = weighted(rng, TRADE_WEIGHTS)
    credit = rng.random() < 0.1
    issue = date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))
    number, orig = invoice_number(rng, issue, credit, lang)
    streets, cities, forms = PLACES[country]
    surname = rng.choice(SURNAMES[lang])
    pc, city = rng.choice(cities)
    base = rng.choice(NAMES[trade][lang]).format(S=surname, C=city.split()[0])
    legal = f"{base} {rng.choice(forms)}"
    head = legal if rng.random() < 0.6 else base
    no = str(rng.randint(1, 180))
    street = rng.choice(streets)
    if country in ("uk", "us", "fr", "befr"):
        line1 = f"{no} {street}" if country in ("uk", "us") else f"{no}, {street}"
    else:
        line1 = f"{street} {no}"
    addr = [line1, f"{city}, {pc}" if country == "us" else f"{pc} {city}"]
    if country == "uk":
        addr = [line1, city, pc]
    tax_id, tax_printed = vat_id(rng, country)
    if country == "us":
        tax_id = tax_printed = None
    # customer (a restaurant in the same country)
    rest = rng.choice(RESTAURANTS[lang])
    cpc, ccity = rng.choice(cities)
    cno = str(rng.randint(1, 250))
    cstreet = rng.choice(streets)
    cl1 = (
        f"{cno} {cstreet}"
        if country in ("uk", "us")
        else (f"{cno}, {cstreet}" if lang == "fr" else f"{cstreet} {cno}")
    )
    customer = [rest, cl1, f"{ccity}, {cpc}" if country == "us" else f"{cpc} {ccity}"]
    if rng.random() < 0.3:
        attn = {
            "en": "Attn: Accounts Payable",
            "de": "z. Hd. Buchhaltung",
            "fr": "À l'attention de la comptabilité",
            "nl": "t.a.v. crediteurenadministratie",
        }
        customer.insert(1, attn[lang])
    customer_vat = vat_id(rng, country)[1] if country != "us" and rng.random() < 0.3 else None
    customer_no = rng.choice(
        [
            f"K-{digits(rng, 5)}",
            f"{rng.randint(1, 99999):06d}",
            digits(rng, 5),
            f"C{digits(rng, 4)}",
        ]
    )
    # lines
    n = rng.choice(
        [
            rng.randint(1, 4),
            rng.randint(3, 12),
            rng.randint(3, 12),
            rng.randint(8, 22),
            rng.randint(18, 40),
        ]
    )
    if trade in ("utility", "software", "rental"):
        n = min(n, rng.randint(1, 6))
    if credit:
        n = rng.randint(1, 4)
    items = make_items(rng, trade, country, lang, n, credit)
    net = sum((it.total for it in items), D(0))
    taxes: list[tuple[Decimal, Decimal, Decimal]] = []
    sales_tax_label = None
    if country == "us":
        if rng.random() < 0.6:
            r = D(rng.choice(["8.875", "6.25", "7", "8.25", "6"]))
            taxable = net if trade not in ("food", "butcher", "bakery") else D(0)
            sales_tax_label = rng.choice(["Sales Tax", "Sales tax", "Tax"])
            taxes.append((r, taxable, (taxable * r / 100).quantize(CENT, ROUND_HALF_UP)))
        for it in items:
            it.rate = None
    else:
        for r in sorted({it.rate for it in items if it.rate is not None}, reverse=True):
            b = sum((it.total for it in items if it.rate == r), D(0))
            taxes.append((r, b, (b * r / 100).quantize(CENT, rounding=ROUND_HALF_UP)))
    tax = sum((t for _, _, t in taxes), D(0))
    gross = net + tax
    terms_days = rng.choice([7, 14, 14, 30, 30, 30, 60])
    due = issue + timedelta(days=terms_days) if rng.random() < 0.6 else None
    po = []
    if rng.random() < 0.45:
        po = [
            rng.choice(
                [
                    f"PO-{digits(rng, 5)}",
                    f"4500{digits(rng, 6)}",
                    f"BST-{digits(rng, 4)}",
                    f"{issue.year}-{rng.randint(1, 999):04d}",
                    f"CMD{digits(rng, 5)}",
                ]
            )
        ]
        if rng.random() < 0.12:
            po.append(po[0][:-2] + f"{(int(po[0][-2:]) + 1) % 100:02d}")
    dn = None
    if rng.random() < 0.35:
        dn = rng.choice(
            [
                f"LS-{issue.year}-{digits(rng, 4)}",
                f"DN {digits(rng, 6)}",
                f"BL{digits(rng, 6)}",
                digits(rng, 7),
            ]
        )
    order_date = issue - timedelta(days=rng.randint(1, 6)) if rng.random() < 0.25 else None
    delivery_date = issue - timedelta(days=rng.randint(0, 3)) if rng.random() < 0.35 else None
    paid = D(0)
    phone = {
        "uk": "+44 161 {a} {b}",
        "us": "(212) {a}-{b}",
        "de": "+49 89 {a} {b}",
        "at": "+43 1 {a} {b}",
        "ch": "+41 44 {a} {b}",
        "fr": "+33 4 78 {a} {b}",
        "befr": "+32 2 {a} {b}",
        "benl": "+32 3 {a} {b}",
        "nl": "+31 20 {a} {b}",
    }
    ph = phone[country].format(a=digits(rng, 3), b=digits(rng, 4))
    dom = base.lower().replace(" & ", "").replace(" ", "").replace("'", "")
    dom = "".join(ch for ch in dom if ch.isascii() and ch.isalnum())[:18]
    tld = {
        "uk": "co.uk",
        "us": "com",
        "de": "de",
        "at": "at",
        "ch": "ch",
        "fr": "fr",
        "befr": "be",
        "benl": "be",
        "nl": "nl",
    }[country]
    tel = {"en": "Tel", "de": "Tel.", "fr": "Tél.", "nl": "Tel."}[lang]
    contact = [f"{tel} {ph}", f"info@{dom}.{tld}", f"www.{dom}.{tld}"]
    bank = bank_lines(rng, country, lang)
    footer = footer_lines(rng, country, lang, legal, city, tax_printed)
    doc = Doc(
        country,
        lang,
        trade,
        credit,
        number,
        issue,
        due,
        terms_days,
        c["cur"],
        head,
        legal,
        addr,
        tax_id,
        tax_printed,
        customer,
        customer_no,
        customer_vat,
        po,
        dn,
        order_date,
        delivery_date,
        orig if credit else None,
        items,
        net,
        taxes,
        tax,
        gross,
        paid,
        sales_tax_label,
        contact,
        footer,
        bank,
    )
    doc.s = draw_style(rng, doc)
    if doc.s["paid_box"] and not credit:
        doc.paid = (gross * D(rng.choice(["0.3", "0.5"]))).quantize(D(1))
    return doc


def bank_lines(rng: random.Random, country: str, lang: str) -> list[str]:
    """IBAN/BIC or sort code/account number."""
    if country == "uk":
        return [
            f"Sort code {digits(rng, 2)}-{digits(rng, 2)}-{digits(rng, 2)}",
            f"Account No. {digits(rng, 8)}",
        ]
    if country == "us":
        return [f"ACH Routing {digits(rng, 9)}", f"Account {digits(rng, 10)}"]
    cc = {"de": "DE", "at": "AT", "ch": "CH", "fr": "FR", "befr": "BE", "benl": "BE", "nl": "NL"}[
        country
    ]
    length = {"DE": 22, "AT": 20, "CH": 21, "FR": 27, "BE": 16, "NL": 18}[cc]
    body = digits(rng, length - 4)
    if cc == "NL":
        body = rng.choice(["ABNA", "INGB", "RABO"]) + digits(rng, 10)
    raw = f"{cc}{rng.randint(10, 99)}{body}"
    iban = " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
    bic = rng.choice(
        [
            "COBADEFFXXX",
            "BNPAFRPPXXX",
            "INGBNL2A",
            "GEBABEBB",
            "UBSWCHZH80A",
            "BKAUATWW",
            "DEUTDEMM",
            "RABONL2U",
        ]
    )
    return [f"IBAN {iban}", f"BIC {bic}"]


def footer_lines(
    rng: random.Random, country: str, lang: str, legal: str, city: str, tax_printed: str | None
) -> list[str]:
    """Legal footer as the country requires it (register, directors, VAT id)."""
    first, last = rng.choice(FIRST[lang]), rng.choice(SURNAMES[lang])
    if country in ("de", "at", "ch"):
        lines = [
            legal,
            f"Sitz: {city}",
            f"Amtsgericht {city.split()[0]} HRB {digits(rng, 5)}"
            if country == "de"
            else f"Firmenbuch FN {digits(rng, 6)}a"
            if country == "at"
            else f"Handelsregister CHE-{digits(rng, 3)}.{digits(rng, 3)}.{digits(rng, 3)}",
            f"Geschäftsführer: {first} {last}",
        ]
        if tax_printed:
            lab = {"de": "USt-IdNr.", "at": "UID-Nr.", "ch": "MWST-Nr."}[country]
            lines.append(f"{lab} {tax_printed}")
        if country == "de" and rng.random() < 0.5:
            lines.append(f"Steuernummer {digits(rng, 3)}/{digits(rng, 3)}/{digits(rng, 5)}")
        return lines
    if country in ("fr", "befr"):
        siren = digits(rng, 9)
        lines = [f"{legal} au capital de {rng.choice(['7 500', '10 000', '50 000'])} €"]
        if country == "fr":
            lines += [
                f"SIRET {siren[:3]} {siren[3:6]} {siren[6:]} {digits(rng, 5)}",
                f"RCS {city} {siren[:3]} {siren[3:6]} {siren[6:]}",
                f"APE {rng.randint(4600, 5699)}Z",
            ]
        else:
            lines += [
                f"RPM {city}",
                f"Numéro d'entreprise {tax_printed[2:] if tax_printed else ''}",
            ]
        if tax_printed:
            lines.append(f"TVA intracommunautaire {tax_printed}")
        return lines
    if country in ("nl", "benl"):
        lines = [legal, f"KvK {digits(rng, 8)}" if country == "nl" else f"RPR {city}"]
        if tax_printed:
            lines.append(f"{rng.choice(['BTW-nummer', 'BTW-nr.', 'Btw-id'])} {tax_printed}")
        return lines
    if country == "uk":
        lines = [
            f"{legal} is registered in England and Wales, No. {rng.randint(1, 16000000):08d}",
            f"Registered office: {rng.randint(1, 99)} {rng.choice(PLACES['uk'][0])}",
        ]
        if tax_printed:
            lines.append(f"VAT Reg No. {tax_printed}")
        return lines
    return [legal, rng.choice(["All prices in US dollars.", "Remit to the address above."])]


TTF_FONTS = [
    ("Vera", "Vera.ttf", "VeraBd.ttf"),
    ("DejaVuSans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("DejaVuSansCondensed", "DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    ("DejaVuSerif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
]
COLUMN_ORDERS = [
    ["code", "desc", "qty", "unit", "price", "vat", "amount"],
    ["desc", "qty", "unit", "price", "amount"],
    ["qty", "unit", "desc", "price", "amount"],
    ["code", "desc", "unit", "qty", "price", "vat", "amount"],
    ["pos", "code", "desc", "qty", "price", "amount"],
    ["pos", "desc", "qty", "price", "vat", "amount"],
    ["code", "qty", "desc", "price", "amount"],
    ["desc", "qty", "price", "amount"],
]


def draw_style(rng: random.Random, doc: Doc) -> dict[str, Any]:
    """Independent draws of every printing choice, kept in the truth's ``_style``."""
    c = COUNTRIES[doc.country]
    s: dict[str, Any] = {}
    s["producer"] = rng.choice(["reportlab", "fpdf2"])
    s["font"] = (
        rng.choice(TTF_FONTS)
        if rng.random() < 0.65
        else rng.choice([("Helvetica",), ("Helvetica",), ("Times",)])
    )
    ttf = s["font"][0].startswith("DejaVu")  # Vera and base-14 lack U+202F
    nums = [n for n in c["nums"] if ttf or n != "fr_nnbsp"]
    s["num"] = rng.choice(nums)
    s["date"] = rng.choice(c["dates"])
    cur = doc.currency
    modes = {
        "EUR": ["sym_after", "sym_before", "code_after", "code_before", "heading"],
        "GBP": ["sym_before", "sym_before", "code_before", "heading"],
        "USD": ["sym_before", "sym_before", "code_before", "heading"],
        "CHF": ["code_before", "code_after", "heading"],
    }[cur]
    if doc.lang == "fr" and cur == "EUR":
        modes += ["sym_after", "sym_after"]
    s["cur_mode"] = rng.choice(modes)
    s["decorate_lines"] = rng.random() < 0.25 and s["cur_mode"] != "heading"
    s["head_pos"] = rng.choice(["left", "left", "right", "center"])
    s["head_size"] = rng.choice([16, 18, 20, 22, 26])
    s["tagline"] = rng.random() < 0.3
    s["sender_line"] = doc.lang in ("de", "nl") and rng.random() < 0.6 or rng.random() < 0.1
    s["taxid_head"] = doc.tax_id_printed is not None and rng.random() < 0.5
    s["title_with_number"] = rng.random() < 0.2
    s["meta"] = rng.choice(["right_pairs", "box_pairs", "row_box", "left_below"])
    s["ship_to"] = rng.random() < 0.2
    s["cols"] = list(rng.choice(COLUMN_ORDERS))
    if doc.country == "us" or rng.random() < 0.3:
        s["cols"] = [k for k in s["cols"] if k != "vat"]
    s["qty_unit"] = "unit" not in s["cols"] and "qty" in s["cols"] and rng.random() < 0.4
    s["vat_fmt"] = rng.choice(["{r} %", "{r}%", "{r},0" if doc.lang != "en" else "{r}.0"])
    s["thead"] = rng.random() < 0.88
    s["grid"] = rng.random() < 0.3
    s["zebra"] = not s["grid"] and rng.random() < 0.2
    s["native"] = rng.random() < 0.35  # platypus Table / fpdf2 table() instead of strings
    s["head_fill"] = rng.random() < 0.5
    s["fs"] = rng.choice([7.5, 8, 8.5, 9])
    s["labels"] = {k: pick(rng, k, doc.lang) for k in L}
    s["totals"] = rng.choice(["lines", "lines", "vat_summary"]) if doc.country != "us" else "lines"
    s["paid_box"] = rng.random() < 0.08 and not doc.credit
    s["due_box"] = not s["paid_box"] and rng.random() < 0.2
    s["cf"] = rng.random() < 0.6
    s["neg"] = doc.credit and rng.random() < 0.5
    s["terms_too"] = rng.random() < 0.4
    s["thanks"] = rng.random() < 0.5
    s["tc"] = rng.random() < 0.35
    s["intro"] = rng.random() < 0.35
    s["footer"] = rng.choice(["center", "columns"])
    s["page_label"] = rng.choice(["footer", "header", "none"])
    s["entries_shuffle"] = rng.random() < 0.3
    return s


class Composer:
    """Lays a document out as pages of drawing operations in mm, origin top-left.

    Producer-neutral, so reportlab and fpdf2 documents differ only in how the text layer is
    written; pages are known before drawing, which lets "Page 1 of N" be printed.
    """

    def __init__(self, doc: Doc, measure: Any) -> None:
        self.doc = doc
        self.s = doc.s
        self.measure = measure  # (text, size, bold) -> width in mm
        self.W, self.H = (215.9, 279.4) if doc.country == "us" else (210.0, 297.0)
        self.M, self.R = 15.0, self.W - 15.0
        self.pages: list[list[tuple[Any, ...]]] = [[]]
        self.lab = self.s["labels"]

    # primitives
    def t(
        self, x: float, y: float, s: str, size: float, bold: bool = False, align: str = "L"
    ) -> None:
        self.pages[-1].append(("t", x, y, s, size, bold, align))

    def ln(self, x1: float, y1: float, x2: float, y2: float, w: float = 0.3) -> None:
        self.pages[-1].append(("l", x1, y1, x2, y2, w))

    def rect(
        self, x: float, y: float, w: float, h: float, fill: float | None = None, stroke: bool = True
    ) -> None:
        self.pages[-1].append(("r", x, y, w, h, fill, stroke))

    def wrap(self, text: str, width: float, size: float) -> list[str]:
        """Greedy word wrap with the real font metrics."""
        out: list[str] = []
        cur = ""
        for word in text.split(" "):
            trial = f"{cur} {word}".strip()
            if cur and self.measure(trial, size, False) > width:
                out.append(cur)
                cur = word
            else:
                cur = trial
        out.append(cur)
        return out

    # formatting helpers
    def date(self, d: date) -> str:
        return fmt_date(d, self.s["date"], self.doc.lang)

    def num(self, d: Decimal, places: int = 2) -> str:
        return fmt_num(d, places, self.s["num"])

    def money(self, d: Decimal, decorate: bool = True) -> str:
        """Amount with the document's currency decoration."""
        if self.doc.credit and self.s["neg"]:
            d = -abs(d)
        n = self.num(d)
        cur, mode = self.doc.currency, self.s["cur_mode"]
        if not decorate or mode == "heading":
            return n
        sym = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF"}[cur]
        if mode == "sym_before":
            if cur in ("GBP", "USD"):
                return f"-{sym}{n[1:]}" if n.startswith("-") else f"{sym}{n}"
            return f"{sym} {n}"
        if mode == "sym_after":
            return f"{n} {sym}"
        return f"{cur} {n}" if mode == "code_before" else f"{n} {cur}"

    def rate_txt(self, r: Decimal) -> str:
        """A rate with only the decimals it has: 19, 5,5, 8.875."""
        exp = r.normalize().as_tuple().exponent
        return fmt_num(r, max(0, -exp) if isinstance(exp, int) else 0, self.s["num"])

    def cur_suffix(self) -> str:
        return f" ({self.doc.currency})" if self.s["cur_mode"] == "heading" else ""

    # sections
    def header(self) -> float:
        """Letterhead; returns the y below it."""
        d, s = self.doc, self.s
        size = float(s["head_size"])
        limit = 170.0 if s["head_pos"] == "center" else 105.0
        while size > 12 and self.measure(d.supplier_head, size, True) > limit:
            size -= 1
        y = 14 + size * 0.3528
        x, al = {"left": (self.M, "L"), "right": (self.R, "R"), "center": (self.W / 2, "C")}[
            s["head_pos"]
        ]
        self.t(x, y, d.supplier_head, size, True, al)
        y += 4.5
        if s["tagline"]:
            tag = {
                "en": "Quality supplies for the hospitality trade",
                "de": "Ihr Partner für Gastronomie und Hotellerie",
                "fr": "Fournisseur des professionnels de la restauration",
                "nl": "Uw partner in de horeca",
            }[d.lang]
            self.t(x, y, tag, 8, False, al)
            y += 4.5
        info = list(d.supplier_addr) + d.contact
        if s["taxid_head"] and d.tax_id_printed:
            info.append(f"{self.tax_label()} {d.tax_id_printed}")
        if s["head_pos"] == "center":
            for chunk in (d.supplier_addr, info[len(d.supplier_addr) :]):
                self.t(x, y, "  ·  ".join(chunk), 8, False, "C")
                y += 3.8
            return y + 2
        for line in info:
            self.t(x, y, line, 8, False, al)
            y += 3.6
        return y + 2

    def tax_label(self) -> str:
        return {
            "uk": "VAT Reg No.",
            "de": "USt-IdNr.",
            "at": "UID",
            "ch": "MWST-Nr.",
            "fr": "N° TVA",
            "befr": "N° TVA",
            "nl": "BTW-nr.",
            "benl": "BTW-nr.",
        }.get(self.doc.country, "Tax ID")

    def title(self) -> str:
        d = self.doc
        t = self.lab["credit"] if d.credit else self.lab["invoice"]
        if self.s["title_with_number"]:
            t += {"en": " No. ", "de": " Nr. ", "fr": " N° ", "nl": " nr. "}[d.lang] + d.number
        return t

    def meta_entries(self) -> list[tuple[str, str]]:
        d, lab = self.doc, self.lab
        e: list[tuple[str, str]] = []
        if not self.s["title_with_number"]:
            e.append((lab["cn_no"] if d.credit else lab["inv_no"], d.number))
        e.append((lab["date"], self.date(d.issue)))
        if d.due:
            e.append((lab["due"], self.date(d.due)))
        e.append((lab["cust_no"], d.customer_no))
        if d.po:
            e.append((lab["po"], ", ".join(d.po)))
        if d.dn:
            e.append((lab["dn"], d.dn))
        if d.order_date:
            e.append((lab["order_date"], self.date(d.order_date)))
        if d.delivery_date:
            e.append((lab["delivery_date"], self.date(d.delivery_date)))
        if self.s["entries_shuffle"]:
            head, rest = e[:2], e[2:]
            rest.reverse()
            e = [head[1], head[0]] + rest
        return e

    def top(self) -> float:
        """Letterhead, addresses, title and meta block; returns where the table may start."""
        d, s, lab, fs = self.doc, self.s, self.lab, self.s["fs"]
        y_head = self.header()
        y0 = max(48.0, y_head + (9 if s["sender_line"] else 4))
        right_x = 118.0
        # title
        title = self.title()
        pairs = s["meta"] in ("right_pairs", "box_pairs")
        head_w = self.measure(d.supplier_head, float(s["head_size"]), True)
        title_top = head_w + self.measure(title, 15, True) < self.R - self.M - 12
        if pairs and s["head_pos"] == "left" and title_top:
            self.t(self.R, 20, title, 15, True, "R")
        y_title = not pairs
        # customer
        y = y0
        if s["sender_line"]:
            sl = " · ".join([d.supplier_legal] + d.supplier_addr)
            self.t(self.M, y - 5, sl, 6.5)
            self.ln(self.M, y - 4, self.M + self.measure(sl, 6.5, False), y - 4, 0.2)
        self.t(self.M, y, lab["bill_to"], 7.5, True)
        y += 4.2
        for line in d.customer:
            self.t(self.M, y, line, 9.5 if line == d.customer[0] else 9)
            y += 4.2
        if d.customer_vat:
            self.t(self.M, y, f"{lab['cust_vat']} {d.customer_vat}", 8)
            y += 4.2
        if s["ship_to"]:
            yy = y0
            self.t(68, yy, lab["ship_to"], 7.5, True)
            for line in [d.customer[0], f"{d.customer[-2]}", d.customer[-1]]:
                yy += 4.2
                self.t(68, yy, line, 8.5)
        entries = self.meta_entries()
        if s["meta"] in ("right_pairs", "box_pairs"):
            yy = y0 if s["head_pos"] != "right" else max(y0, y_head + 2)
            if s["head_pos"] != "left" or not title_top:
                if right_x + self.measure(title, 14, True) > self.R:
                    self.t(self.R, yy, title, 14, True, "R")
                else:
                    self.t(right_x, yy, title, 14, True)
                yy += 7
            top = yy - 4
            for k, v in entries:
                self.t(right_x + (2 if s["meta"] == "box_pairs" else 0), yy, k, fs)
                self.t(self.R - (2 if s["meta"] == "box_pairs" else 0), yy, v, fs, True, "R")
                yy += 4.6
            if s["meta"] == "box_pairs":
                self.rect(right_x, top, self.R - right_x, yy - top - 2)
            y = max(y, yy)
        if s["due_box"]:
            y += 3
            box_w = 70.0
            self.rect(self.R - box_w, y, box_w, 11, 0.92)
            self.t(self.R - box_w + 2, y + 7, lab["amount_due"], 9, True)
            self.t(self.R - 2, y + 7, self.money(d.gross), 10, True, "R")
            y += 14
        if y_title:
            y += 6
            self.t(self.M, y, title, 15, True)
            y += 4
        if s["meta"] == "row_box":
            y += 3
            cells = list(entries)
            if s["page_label"] == "header":
                cells.insert(3, (lab["page"].split("{p}")[0].strip() or "Page", "{P}/{N}"))
            need = [
                max(self.measure(k, 6.5, False), self.measure(v, 8.5, True)) + 4 for k, v in cells
            ]
            n = 1
            while n < len(cells) and n < 6 and sum(need[: n + 1]) <= self.R - self.M:
                n += 1
            cols, extra = cells[:n], cells[n:]
            scale = (self.R - self.M) / sum(need[:n])
            widths = [w * scale for w in need[:n]]
            self.rect(self.M, y, self.R - self.M, 12)
            self.rect(self.M, y, self.R - self.M, 5, 0.9)
            self.ln(self.M, y + 5, self.R, y + 5)
            x = self.M
            for i, (k, v) in enumerate(cols):
                if i:
                    self.ln(x, y, x, y + 12)
                self.t(x + 1.5, y + 3.8, k, 6.5)
                self.t(x + 1.5, y + 9.8, v, 8.5, True)
                x += widths[i]
            y += 14
            for k, v in extra:
                y += 4.2
                self.t(self.M, y, f"{k}: {v}", fs)
        elif s["meta"] == "left_below":
            y += 4
            half = (len(entries) + 1) // 2
            for i, (k, v) in enumerate(entries):
                col = 0 if i < half else 1
                xx = self.M + col * 95
                yy = y + (i % half) * 4.6
                self.t(xx, yy, k + ("" if k.endswith(":") else ":"), fs)
                self.t(xx + 38, yy, v, fs, True)
            y += half * 4.6
        if s["page_label"] == "header" and s["meta"] != "row_box":
            self.t(self.R, 10, "{PAGE}", 7.5, False, "R")
        if d.ref_invoice:
            y += 5
            self.t(self.M, y, lab["ref_inv"].format(n=d.ref_invoice), fs, True)
        if s["intro"]:
            y += 5
            self.t(
                self.M,
                y,
                {
                    "en": "We have pleasure in invoicing you for the following:",
                    "de": "Wir erlauben uns, Ihnen folgende Leistungen zu berechnen:",
                    "fr": "Veuillez trouver ci-dessous le détail de notre facture :",
                    "nl": "Hierbij factureren wij u het volgende:",
                }[d.lang],
                fs,
            )
        return y + 7

    def columns(self) -> list[tuple[str, str, float, str]]:
        """(key, heading, width, align) with the description taking the remaining width."""
        lab, s = self.lab, self.s
        widths = {
            "pos": 9.0,
            "code": 18.0,
            "qty": 15.0 if not s["qty_unit"] else 20.0,
            "unit": 15.0,
            "price": 22.0,
            "vat": 14.0,
            "amount": 25.0,
        }
        cols = []
        for k in s["cols"]:
            head = lab[k] if k != "amount" else lab["amount"] + self.cur_suffix()
            align = "R" if k in ("qty", "price", "vat", "amount", "pos") else "L"
            w = widths.get(k, 0.0)
            if w and self.s["thead"]:
                w = max(w, self.measure(head, self.s["fs"], True) + 4)
            cols.append((k, head, w, align))
        fixed = sum(w for _, _, w, _ in cols)
        return [(k, h, w or (self.R - self.M - fixed), a) for k, h, w, a in cols]

    def cells(self, i: int, it: Item) -> dict[str, str]:
        s = self.s
        q = fmt_qty(it.qty, s["num"]) if it.qty is not None else ""
        if s["qty_unit"] and it.unit and q:
            q = f"{q} {it.unit}"
        vat = ""
        if it.rate is not None:
            form = s["vat_fmt"]
            if form.endswith("0") and it.rate != it.rate.to_integral():
                form = "{r}"
            vat = form.format(r=self.rate_txt(it.rate))
        amount = self.money(it.total, s["decorate_lines"])
        return {
            "pos": str(i + 1) if it.qty is not None else "",
            "code": it.code,
            "qty": q,
            "unit": it.unit or "",
            "vat": vat,
            "amount": amount,
            "price": fmt_num(it.price, it.price_places, s["num"]) if it.price else "",
        }

    def table_head(self, y: float, cols: list[tuple[str, str, float, str]]) -> float:
        s = self.s
        if not s["thead"]:
            self.ln(self.M, y - 2, self.R, y - 2, 0.5)
            return y + 3
        if s["head_fill"]:
            self.rect(self.M, y - 4.5, self.R - self.M, 6.5, 0.85)
        x = self.M
        for _k, h, w, a in cols:
            self.t(x + w - 1.5 if a == "R" else x + 1.5, y, h, s["fs"], True, a)
            x += w
        self.ln(self.M, y + 2, self.R, y + 2, 0.6)
        return y + 7

    def table(self, y: float, limit: float) -> float:
        """Item rows, breaking onto new pages with the heading repeated."""
        d, s, fs = self.doc, self.s, self.s["fs"]
        cols = self.columns()
        lh = fs * 0.3528 * 1.3
        desc_w = next(w for k, w in ((k, w) for k, _, w, _ in cols) if k == "desc") - 3
        y = self.table_head(y, cols)
        top = y - 5
        running = D(0)
        for i, it in enumerate(d.items):
            lines = [w for part in it.desc for w in self.wrap(part, desc_w, fs)]
            it.desc = lines
            h = len(lines) * lh + 1.6
            if it.group:
                y += 1.5
                h += lh + 1.6
            if y + h > limit - (6 if s["cf"] else 0):
                if s["cf"]:
                    self.t(self.M + 1.5, y + 1, self.lab["cf"], fs, True)
                    self.t(self.R - 1.5, y + 1, self.money(running, False), fs, True, "R")
                self.grid(cols, top, y - 3)
                self.new_page()
                y = self.table_head(self.continuation_header(), cols)
                top = y - 5
                if s["cf"]:
                    self.t(self.M + 1.5, y, self.lab["bf"], fs, True)
                    self.t(self.R - 1.5, y, self.money(running, False), fs, True, "R")
                    y += lh + 2
            if s["zebra"] and i % 2:
                self.rect(self.M, y - fs * 0.3528 - 0.8, self.R - self.M, h, 0.94, False)
            if it.group:
                of = {"en": "of", "de": "vom", "fr": "du", "nl": "van"}[d.lang]
                when = self.date(d.issue - timedelta(days=it.group[1]))
                self.t(self.M + 1.5, y, f"{self.lab['dn']} {it.group[0]} {of} {when}", fs, True)
                y += lh + 1.6
                h -= lh + 1.6
            c = self.cells(i, it)
            x = self.M
            for k, _h, w, a in cols:
                if k == "desc":
                    for j, line in enumerate(lines):
                        self.t(x + 1.5, y + j * lh, line, fs)
                else:
                    self.t(x + w - 1.5 if a == "R" else x + 1.5, y, c[k], fs, False, a)
                x += w
            running += it.total
            y += h
            if s["grid"]:
                self.ln(self.M, y - fs * 0.3528 - 0.6, self.R, y - fs * 0.3528 - 0.6, 0.2)
        self.grid(cols, top, y - fs * 0.3528 - 0.6)
        self.ln(self.M, y - fs * 0.3528 - 0.6, self.R, y - fs * 0.3528 - 0.6, 0.5)
        return y + 3

    def native_table(self, y: float, limit: float) -> float:
        """Item rows as one platypus Table / fpdf2 table() per page, with our row heights."""
        d, s, fs = self.doc, self.s, self.s["fs"]
        cols = self.columns()
        lh = fs * 0.3528 * 1.3
        desc_w = next(w for k, _, w, _ in cols if k == "desc") - 4
        head = [h for _, h, _, _ in cols] if s["thead"] else None
        head_h = 6.5 if head else 0.0
        rows: list[list[str]] = []
        heights: list[float] = []
        groups: list[int] = []
        top = y - 4.5

        def flush() -> float:
            widths = [w for _, _, w, _ in cols]
            aligns = [a for _, _, _, a in cols]
            table = (head, list(rows), list(heights), list(groups))
            self.pages[-1].append(("tbl", self.M, top, widths, aligns, table, fs))
            return top + head_h + sum(heights)

        for i, it in enumerate(d.items):
            it.desc = [w for part in it.desc for w in self.wrap(part, desc_w, fs)]
            h = len(it.desc) * lh + 1.6
            need = h + (lh + 1.6 if it.group else 0)
            if top + head_h + sum(heights) + need > limit:
                flush()
                self.new_page()
                top = self.continuation_header() - 4.5
                rows, heights, groups = [], [], []
            if it.group:
                of = {"en": "of", "de": "vom", "fr": "du", "nl": "van"}[d.lang]
                when = self.date(d.issue - timedelta(days=it.group[1]))
                groups.append(len(rows))
                rows.append(
                    [f"{self.lab['dn']} {it.group[0]} {of} {when}"] + [""] * (len(cols) - 1)
                )
                heights.append(lh + 1.6)
            c = self.cells(i, it)
            rows.append(["\n".join(it.desc) if k == "desc" else c[k] for k, _, _, _ in cols])
            heights.append(h)
        return flush() + 4

    def grid(self, cols: list[tuple[str, str, float, str]], top: float, bottom: float) -> None:
        if not self.s["grid"]:
            return
        x = self.M
        for _k, _h, w, _a in cols:
            self.ln(x, top, x, bottom, 0.2)
            x += w
        self.ln(self.R, top, self.R, bottom, 0.2)

    def continuation_header(self) -> float:
        d = self.doc
        self.t(self.M, 16, d.supplier_head, 11, True)
        t = self.lab["credit"] if d.credit else self.lab["invoice"]
        self.t(self.R, 16, f"{t} {d.number}", 9, False, "R")
        self.ln(self.M, 19, self.R, 19, 0.3)
        return 28.0

    def new_page(self) -> None:
        self.pages.append([])

    def totals(self, y: float, limit: float) -> float:
        d, s, lab, fs = self.doc, self.s, self.lab, self.s["fs"]
        rows: list[tuple[str, str, bool]] = [(lab["subtotal"], self.money(d.net), False)]
        summary = s["totals"] == "vat_summary" and d.taxes
        if summary:
            rows.append(
                (
                    {
                        "en": "Total VAT",
                        "de": "MwSt. gesamt",
                        "fr": "Total TVA",
                        "nl": "Totaal BTW",
                    }[d.lang],
                    self.money(d.tax),
                    False,
                )
            )
        else:
            for r, b, t in d.taxes:
                rs = self.rate_txt(r)
                if d.sales_tax_label:
                    label = f"{d.sales_tax_label} ({rs}%)"
                else:
                    label = lab["vat_line"].format(r=rs, b=self.money(b))
                rows.append((label, self.money(t), False))
        total_label = (lab["cn_total"] if d.credit else lab["total"]) + self.cur_suffix()
        rows.append((total_label, self.money(d.gross), True))
        if d.paid:
            rows.append((lab["paid"], self.money(d.paid), False))
            rows.append((lab["balance"], self.money(d.gross - d.paid), True))
        need = len(rows) * 5.5 + (len(d.taxes) * 4.5 + 10 if summary else 0) + 8
        if y + need > limit:
            self.new_page()
            y = self.continuation_header()
        y += 4
        y_start = y
        lx = self.R - 78
        for label, val, bold in rows:
            if bold:
                self.ln(lx, y - 4.2, self.R, y - 4.2, 0.4)
            self.t(lx, y, label, fs + (1 if bold else 0), bold)
            self.t(self.R, y, val, fs + (1 if bold else 0), bold, "R")
            y += 5.5
        if summary:
            yy = y_start
            heads = lab["vat_sum"].split("/")
            xs = [self.M + 16, self.M + 38, self.M + 60, self.M + 82]
            for x, h in zip(xs, heads, strict=True):
                self.t(x, yy, h, fs - 0.5, True, "R")
            self.ln(self.M, yy + 1.5, self.M + 83, yy + 1.5, 0.3)
            for r, b, t in d.taxes:
                yy += 4.5
                rs = self.rate_txt(r) + " %"
                for x, v in zip(xs, [rs, self.num(b), self.num(t), self.num(b + t)], strict=True):
                    self.t(x, yy, v, fs - 0.5, False, "R")
            y = max(y, yy + 6)
        return y + 2

    def closing(self, y: float, limit: float) -> None:
        """Payment terms, bank details, thanks and small print, as space allows."""
        d, s, lab, fs = self.doc, self.s, self.lab, self.s["fs"]
        lines: list[tuple[str, bool]] = []
        if d.due is None or s["terms_too"]:
            lines.append((lab["terms"].format(n=d.terms_days), False))
        if d.bank:
            lines.append((f"{lab['bank']}: " + "  ".join(d.bank), False))
        if s["thanks"]:
            lines.append((lab["thanks"], True))
        tc = self.wrap(lab["tc"], self.R - self.M, 6.5) if s["tc"] else []
        need = len(lines) * 4.5 + len(tc) * 3 + 4
        if y + need > limit:
            self.new_page()
            y = self.continuation_header()
        y += 2
        for text, bold in lines:
            self.t(self.M, y, text, fs, bold)
            y += 4.5
        y += 1
        for text in tc:
            self.t(self.M, y, text, 6.5)
            y += 3

    def footer(self) -> tuple[list[tuple[Any, ...]], float]:
        """Operations of the footer (same on each page) and its height."""
        d, s = self.doc, self.s
        saved = self.pages
        self.pages = [[]]
        size = 6.5
        if s["footer"] == "center":
            parts = d.footer + (d.contact if s["head_pos"] == "center" else [])
            lines: list[str] = []
            cur = ""
            for p in parts:
                trial = f"{cur} · {p}" if cur else p
                if self.measure(trial, size, False) > self.R - self.M:
                    lines.append(cur)
                    cur = p
                else:
                    cur = trial
            lines.append(cur)
            h = len(lines) * 3.0 + 4
            y = self.H - 10 - (len(lines) - 1) * 3.0
            self.ln(self.M, y - 4, self.R, y - 4, 0.2)
            for line in lines:
                self.t(self.W / 2, y, line, size, False, "C")
                y += 3.0
        else:
            w = (self.R - self.M) / 3
            blocks = [
                [part for line in b for part in self.wrap(line, w - 3, size)]
                for b in (d.footer, d.bank, d.contact)
            ]
            n = max(len(b) for b in blocks)
            h = n * 3.0 + 4
            y0 = self.H - 10 - (n - 1) * 3.0
            self.ln(self.M, y0 - 4, self.R, y0 - 4, 0.2)
            w = (self.R - self.M) / 3
            for i, b in enumerate(blocks):
                for j, line in enumerate(b):
                    self.t(self.M + i * w, y0 + j * 3.0, line, size)
        if s["page_label"] == "footer":
            self.t(self.R, self.H - 5, "{PAGE}", 6.5, False, "R")
        ops = self.pages[0]
        self.pages = saved
        return ops, h

    def compose(self) -> list[list[tuple[Any, ...]]]:
        """All pages, with the footer on each and page numbers filled in."""
        foot, fh = self.footer()
        limit = self.H - fh - 12
        y = self.top()
        y = self.native_table(y, limit) if self.s["native"] else self.table(y, limit)
        y = self.totals(y, limit)
        self.closing(y, limit)
        n = len(self.pages)
        out = []
        for p, ops in enumerate(self.pages, 1):
            label = self.lab["page"].format(p=p, n=n)
            page = []
            for op in ops + foot:
                if op[0] == "t":
                    txt = op[3].replace("{PAGE}", label).replace("{P}", str(p))
                    op = op[:3] + (txt.replace("{N}", str(n)),) + op[4:]
                page.append(op)
            out.append(page)
        return out


# --------------------------------------------------------------------------------------------
# Producers: the same page operations written by reportlab or by fpdf2.
# --------------------------------------------------------------------------------------------

_REGISTERED: set[str] = set()


def font_file(name: str) -> str:
    """Path of a TrueType font shipped with reportlab or DejaVu."""
    for d in FONT_DIRS:
        if (d / name).exists():
            return str(d / name)
    raise FileNotFoundError(name)


def rl_font_names(font: tuple[str, ...]) -> tuple[str, str]:
    """Regular and bold reportlab font names, registering TrueType fonts once."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if len(font) == 1:
        return (
            ("Helvetica", "Helvetica-Bold")
            if font[0] == "Helvetica"
            else ("Times-Roman", "Times-Bold")
        )
    name, reg, bold = font
    if name not in _REGISTERED:
        pdfmetrics.registerFont(TTFont(name, font_file(reg)))
        pdfmetrics.registerFont(TTFont(name + "-Bold", font_file(bold)))
        _REGISTERED.add(name)
    return name, name + "-Bold"


def measurer(font: tuple[str, ...]) -> Any:
    """Width in mm of a string, from reportlab's metrics (same fonts in both producers)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    reg, bold = rl_font_names(font)

    def measure(text: str, size: float, is_bold: bool) -> float:
        return stringWidth(text, bold if is_bold else reg, size) * 25.4 / 72

    return measure


def render_reportlab(
    pages: list[list[tuple[Any, ...]]], path: Path, doc: Doc, w: float, h: float
) -> None:
    """Draw with the reportlab canvas (drawString / drawRightString / drawCentredString)."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    reg, bold = rl_font_names(doc.s["font"])
    c = canvas.Canvas(str(path), pagesize=(w * mm, h * mm))
    c.setTitle(f"{doc.s['labels']['invoice']} {doc.number}")
    c.setAuthor(doc.supplier_legal)
    for ops in pages:
        for op in ops:
            if op[0] == "t":
                _, x, y, text, size, is_bold, align = op
                c.setFont(bold if is_bold else reg, size)
                fn = {"L": c.drawString, "R": c.drawRightString, "C": c.drawCentredString}[align]
                fn(x * mm, (h - y) * mm, text)
            elif op[0] == "l":
                _, x1, y1, x2, y2, lw = op
                c.setLineWidth(lw)
                c.line(x1 * mm, (h - y1) * mm, x2 * mm, (h - y2) * mm)
            elif op[0] == "r":
                _, x, y, rw, rh, fill, stroke = op
                c.setLineWidth(0.3)
                if fill is not None:
                    c.setFillGray(fill)
                c.rect(
                    x * mm,
                    (h - y - rh) * mm,
                    rw * mm,
                    rh * mm,
                    stroke=int(stroke),
                    fill=int(fill is not None),
                )
                c.setFillGray(0)
            elif op[0] == "tbl":
                rl_table(c, op, h, reg, bold, doc.s)
        c.showPage()
    c.save()


def render_fpdf(
    pages: list[list[tuple[Any, ...]]], path: Path, doc: Doc, w: float, h: float
) -> None:
    """Draw with fpdf2 cells positioned like the reportlab strings."""
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format=(w, h))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.c_margin = 0
    font = doc.s["font"]
    if len(font) > 1:
        fam = font[0]
        pdf.add_font(fam, "", font_file(font[1]))
        pdf.add_font(fam, "B", font_file(font[2]))
    else:
        pdf.core_fonts_encoding = "windows-1252"
        fam = font[0].lower()
    pdf.set_title(f"{doc.s['labels']['invoice']} {doc.number}")
    pdf.set_author(doc.supplier_legal)
    for ops in pages:
        pdf.add_page()
        for op in ops:
            if op[0] == "t":
                _, x, y, text, size, is_bold, align = op
                pdf.set_font(fam, "B" if is_bold else "", size)
                tw = pdf.get_string_width(text)
                fs = size * 25.4 / 72
                x0 = x - tw if align == "R" else x - tw / 2 if align == "C" else x
                pdf.set_xy(x0, y - 0.8 * fs)
                pdf.cell(tw + 0.01, fs, text)
            elif op[0] == "l":
                _, x1, y1, x2, y2, lw = op
                pdf.set_line_width(lw * 25.4 / 72)
                pdf.line(x1, y1, x2, y2)
            elif op[0] == "r":
                _, x, y, rw, rh, fill, stroke = op
                pdf.set_line_width(0.3 * 25.4 / 72)
                if fill is not None:
                    pdf.set_fill_color(int(fill * 255))
                pdf.rect(x, y, rw, rh, style=("DF" if stroke else "F") if fill is not None else "D")
            elif op[0] == "tbl":
                fpdf_table(pdf, op, fam, doc.s)
    pdf.output(str(path))


def rl_table(c: Any, op: tuple[Any, ...], page_h: float, reg: str, bold: str, s: dict) -> None:
    """The item table as a platypus Table drawn on the canvas at the composed position."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    _, x, top, widths, aligns, (head, rows, heights, groups), fs = op
    data = ([head] if head else []) + rows
    hh = [6.5] if head else []
    off = 1 if head else 0
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), reg),
        ("FONTSIZE", (0, 0), (-1, -1), fs),
        ("LEADING", (0, 0), (-1, -1), fs * 1.3),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black),
    ]
    for i, a in enumerate(aligns):
        style.append(("ALIGN", (i, 0), (i, -1), "RIGHT" if a == "R" else "LEFT"))
    if head:
        style += [
            ("FONTNAME", (0, 0), (-1, 0), bold),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ]
        if s["head_fill"]:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.85, 0.85)))
    if s["grid"]:
        style.append(("GRID", (0, 0), (-1, -1), 0.3, colors.black))
    for g in groups:
        style += [
            ("SPAN", (0, g + off), (-1, g + off)),
            ("FONTNAME", (0, g + off), (-1, g + off), bold),
            ("ALIGN", (0, g + off), (-1, g + off), "LEFT"),
        ]
    t = Table(data, colWidths=[w * mm for w in widths], rowHeights=[v * mm for v in hh + heights])
    t.setStyle(TableStyle(style))
    t.wrapOn(c, sum(widths) * mm, page_h * mm)
    t.drawOn(c, x * mm, (page_h - top - sum(hh + heights)) * mm)


def fpdf_table(pdf: Any, op: tuple[Any, ...], fam: str, s: dict) -> None:
    """The item table through fpdf2's table(), placed where the composer put it."""
    from fpdf.fonts import FontFace

    _, x, top, widths, aligns, (head, rows, heights, groups), fs = op
    lh = fs * 0.3528 * 1.3
    pdf.set_font(fam, "", fs)
    pdf.set_xy(x, top)
    fill = (217, 217, 217) if s["head_fill"] else None
    with pdf.table(
        width=sum(widths),
        col_widths=tuple(widths),
        text_align=tuple("RIGHT" if a == "R" else "LEFT" for a in aligns),
        line_height=lh,
        first_row_as_headings=bool(head),
        headings_style=FontFace(emphasis="BOLD", fill_color=fill),
        borders_layout="ALL" if s["grid"] else "HORIZONTAL_LINES" if head else "NONE",
        padding=(0.8, 1.5, 0.8, 1.5),
        align="LEFT",
        v_align="TOP",
    ) as table:
        for i, cells in enumerate(([head] if head else []) + rows):
            row = table.row()
            if head and i == 0:
                for cell in cells:
                    row.cell(cell)
            elif (i - (1 if head else 0)) in groups:
                row.cell(
                    cells[0], colspan=len(cells), style=FontFace(emphasis="BOLD"), align="LEFT"
                )
            else:
                for cell in cells:
                    row.cell(cell)


# --------------------------------------------------------------------------------------------
# Truth and driver.
# --------------------------------------------------------------------------------------------


def truth(doc: Doc, seed: int) -> dict[str, Any]:
    """The truth JSON: only what the page shows, amounts positive, dates ISO."""
    s = doc.s
    cols = set(s["cols"])
    not_visible: list[str] = []
    t: dict[str, Any] = {"invoice_number": doc.number, "invoice_date": doc.issue.isoformat()}
    if doc.due:
        t["due_date"] = doc.due.isoformat()
    else:
        not_visible.append("due_date")
    t["currency"] = doc.currency
    t["total_excl_tax"] = money2(doc.net)
    if doc.taxes:
        t["tax_amount"] = money2(doc.tax)
    else:
        not_visible.append("tax_amount")
    t["total_incl_tax"] = money2(doc.gross)
    t["supplier_name"] = doc.supplier_legal
    if doc.tax_id:
        t["supplier_tax_id"] = doc.tax_id
    else:
        not_visible.append("supplier_tax_id")
    if doc.po:
        t["po_references"] = list(doc.po)
    else:
        not_visible.append("po_references")
    t["document_type"] = "credit_note" if doc.credit else "invoice"
    items = []
    for it in doc.items:
        li: dict[str, Any] = {"description": "\n".join(it.desc)}
        if "qty" in cols and it.qty is not None:
            li["quantity"] = f"{it.qty:f}"
        if ("unit" in cols or s["qty_unit"]) and it.unit and it.qty is not None:
            li["unit"] = it.unit
        if "price" in cols and it.price is not None:
            li["unit_price"] = f"{it.price:f}"
        li["total"] = money2(abs(it.total)) if doc.credit else money2(it.total)
        if "vat" in cols and it.rate is not None:
            li["tax_rate"] = rate_str(it.rate)
        items.append(li)
    t["line_items"] = items
    t["_not_visible"] = not_visible
    t["_source"] = f"bench/realistic_invoices.py seed {seed}"
    style = {k: v for k, v in s.items() if k not in ("labels",)}
    style["font"] = s["font"][0]
    style.update(lang=doc.lang, country=doc.country, trade=doc.trade, items=len(doc.items))
    t["_style"] = style
    return t


def generate(out: Path, count: int, seed: int) -> list[tuple[Path, dict[str, Any]]]:
    """Write count documents; returns (pdf path, truth) pairs."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(1, count + 1):
        doc = make_doc(rng, i - 1)
        doc.s["producer"] = ["reportlab", "fpdf2"][(i - 1) // 4 % 2]
        comp = Composer(doc, measurer(doc.s["font"]))
        pages = comp.compose()
        stem = f"{i:03d}_{doc.lang}_{doc.s['producer'][:2]}_{doc.s['meta']}"
        if doc.credit:
            stem += "_cn"
        t = truth(doc, seed)
        t["_style"]["pages"] = len(pages)
        render = render_reportlab if doc.s["producer"] == "reportlab" else render_fpdf
        pdf = out / f"{stem}.pdf"
        render(pages, pdf, doc, comp.W, comp.H)
        (out / f"{stem}.json").write_text(
            json.dumps(t, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        written.append((pdf, t))
    return written


def check(written: list[tuple[Path, dict[str, Any]]]) -> int:
    """Report documents whose key values are not in pypdf's text layer; returns the count."""
    return report_missing(
        (
            pdf,
            {
                "invoice_number": t["invoice_number"],
                "total": fmt_num(D(t["total_incl_tax"]), 2, t["_style"]["num"]),
                "supplier_name": t["supplier_name"],
            },
        )
        for pdf, t in written
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="verify the text layer with pypdf")
    args = ap.parse_args(argv)
    written = generate(args.out_dir, args.count, args.seed)
    print(f"wrote {len(written)} documents to {args.out_dir}")
    return 1 if args.check and check(written) else 0


if __name__ == "__main__":
    sys.exit(main())
