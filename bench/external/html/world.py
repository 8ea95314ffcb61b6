"""A small hospitality-supplier world: suppliers, customers, catalogue, VAT rates, id formats.

Everything is drawn from a ``random.Random`` handed in, so a seed gives the same documents.
"""

from __future__ import annotations

import random
from decimal import Decimal

D = Decimal

# country -> (currency, VAT rates (standard first), legal forms, towns, streets, postcode maker)
COUNTRIES = {
    "GB": ("GBP", ["20", "5", "0"], ["Ltd", "Limited", "LLP", "plc"],
           ["London", "Manchester", "Bristol", "Leeds", "Edinburgh", "Brighton"],
           ["High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane"]),
    "IE": ("EUR", ["23", "13.5", "9"], ["Ltd", "DAC", "Teoranta"],
           ["Dublin", "Cork", "Galway", "Limerick"],
           ["Main Street", "Patrick Street", "Quay Road", "Dock Road"]),
    "US": ("USD", ["8.875", "6.25", "7"], ["Inc.", "LLC", "Corp.", "Co."],
           ["New York, NY", "Boston, MA", "Chicago, IL", "Austin, TX", "Portland, OR"],
           ["Main St", "Market St", "Harbor Blvd", "Oak Avenue", "5th Avenue"]),
    "DE": ("EUR", ["19", "7"], ["GmbH", "GmbH & Co. KG", "KG", "AG", "e.K.", "UG (haftungsbeschränkt)"],
           ["Hamburg", "München", "Köln", "Berlin", "Leipzig", "Stuttgart", "Düsseldorf"],
           ["Hauptstraße", "Industriestraße", "Am Großmarkt", "Bahnhofstraße", "Hafenweg"]),
    "AT": ("EUR", ["20", "10"], ["GmbH", "Ges.m.b.H.", "KG", "OG"],
           ["Wien", "Graz", "Salzburg", "Linz", "Innsbruck"],
           ["Gewerbestraße", "Hauptplatz", "Lagerhausstraße", "Ringstraße"]),
    "CH": ("CHF", ["8.1", "2.6"], ["AG", "GmbH", "SA", "Sàrl"],
           ["Zürich", "Bern", "Basel", "Luzern", "Lausanne", "Genève"],
           ["Bahnhofstrasse", "Industriestrasse", "Rue du Marché", "Seestrasse"]),
    "FR": ("EUR", ["20", "10", "5.5"], ["SARL", "SAS", "SA", "EURL", "SASU"],
           ["Paris", "Lyon", "Marseille", "Bordeaux", "Lille", "Nantes", "Rungis"],
           ["rue de la République", "avenue Jean Jaurès", "boulevard Gambetta", "rue du Commerce",
            "quai des Marchands"]),
    "BE": ("EUR", ["21", "6", "12"], ["SRL", "BV", "NV", "SA"],
           ["Bruxelles", "Antwerpen", "Gent", "Liège", "Brugge"],
           ["rue Royale", "Kerkstraat", "Meir", "chaussée de Louvain"]),
    "NL": ("EUR", ["21", "9"], ["B.V.", "V.O.F.", "N.V."],
           ["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven"],
           ["Kerkstraat", "Industrieweg", "Havenstraat", "Marktplein", "Handelskade"]),
    "IT": ("EUR", ["22", "10", "4"], ["S.r.l.", "S.p.A.", "S.n.c.", "S.a.s.", "S.r.l.s."],
           ["Milano", "Roma", "Torino", "Bologna", "Napoli", "Verona"],
           ["Via Roma", "Corso Italia", "Via Garibaldi", "Viale dell'Industria", "Via dei Mercati"]),
    "ES": ("EUR", ["21", "10", "4"], ["S.L.", "S.A.", "S.L.U.", "S.Coop."],
           ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga"],
           ["Calle Mayor", "Avenida de la Constitución", "Calle del Comercio", "Paseo Marítimo"]),
    "PT": ("EUR", ["23", "13", "6"], ["Lda.", "S.A.", "Unipessoal Lda."],
           ["Lisboa", "Porto", "Braga", "Faro", "Coimbra"],
           ["Rua Augusta", "Avenida da Liberdade", "Rua do Comércio", "Rua de Santa Catarina"]),
    "CZ": ("CZK", ["21", "12"], ["s.r.o.", "a.s.", "v.o.s."],
           ["Praha", "Brno", "Ostrava", "Plzeň", "Olomouc"],
           ["Národní", "Vinohradská", "Průmyslová", "Masarykova", "Nádražní"]),
}

LOCALE_COUNTRIES = {
    "en": ["GB", "GB", "IE", "US", "US"],
    "de": ["DE", "DE", "AT", "CH"],
    "fr": ["FR", "FR", "BE", "CH"],
    "nl": ["NL", "NL", "BE"],
    "it": ["IT", "IT", "CH"],
    "es": ["ES"],
    "pt": ["PT"],
    "cs": ["CZ"],
}

# name stems per language family, combined with a trade word
STEMS = {
    "en": ["Harbour", "Greenfield", "Oakridge", "Northgate", "Riverside", "Kingsway", "Baker & Sons",
           "Blue Anchor", "Highland", "Thames Valley", "Westbrook", "Copper Kettle"],
    "de": ["Müller", "Alpen", "Nordsee", "Schwarzwald", "Hanse", "Rheinland", "Bergmann & Söhne",
           "Weiß", "Donau", "Zimmermann", "Brauhaus Krüger", "Fleischerei Huber"],
    "fr": ["Lefèvre", "Côte d'Azur", "Dubois & Fils", "Les Halles", "Provence", "Beaumont",
           "Maison Girard", "Val de Loire", "Boucherie Martin", "Blanchisserie Moreau"],
    "nl": ["Van den Berg", "De Vries", "Hollandse", "Noordzee", "Jansen & Zn.", "Bakker",
           "Zuidas", "De Gouden Lepel", "Visser"],
    "it": ["Rossi", "Bianchi & Figli", "Fratelli Esposito", "Tirreno", "Dolomiti", "Toscana",
           "Caseificio Ferrari", "Lombardi", "Adriatica"],
    "es": ["García", "Hermanos López", "Mediterránea", "Ibérica", "Costa del Sol", "Martínez",
           "Distribuciones Ruiz", "Cantábrico"],
    "pt": ["Silva", "Ferreira & Filhos", "Atlântico", "Lusitana", "Douro", "Costa", "Oliveira"],
    "cs": ["Novák", "Dvořák a syn", "Vltava", "Moravská", "Svoboda", "Krkonoše", "Horák"],
}

TRADES = {
    "food": {"en": "Foods", "de": "Feinkost", "fr": "Alimentation", "nl": "Food Service",
             "it": "Alimentari", "es": "Alimentación", "pt": "Alimentar", "cs": "Potraviny"},
    "beverage": {"en": "Drinks Wholesale", "de": "Getränke", "fr": "Boissons", "nl": "Dranken",
                 "it": "Bevande", "es": "Bebidas", "pt": "Bebidas", "cs": "Nápoje"},
    "cleaning": {"en": "Hygiene Supplies", "de": "Reinigungstechnik", "fr": "Hygiène Pro",
                 "nl": "Schoonmaakservice", "it": "Igiene Professionale", "es": "Limpiezas",
                 "pt": "Higiene", "cs": "Čisticí prostředky"},
    "linen": {"en": "Linen Services", "de": "Textilservice", "fr": "Linge Hôtelier",
              "nl": "Linnenservice", "it": "Lavanderia Industriale", "es": "Lavandería Industrial",
              "pt": "Lavandaria", "cs": "Prádelna"},
    "equipment": {"en": "Catering Equipment", "de": "Großküchentechnik", "fr": "Équipement CHR",
                  "nl": "Horeca Techniek", "it": "Attrezzature Ristorazione",
                  "es": "Equipamiento Hostelería", "pt": "Equipamentos Hotelaria",
                  "cs": "Gastro technika"},
    "services": {"en": "Facility Services", "de": "Gebäudeservice", "fr": "Services Techniques",
                 "nl": "Facilitaire Diensten", "it": "Servizi Tecnici", "es": "Servicios Técnicos",
                 "pt": "Serviços Técnicos", "cs": "Technické služby"},
}

CUSTOMERS = {
    "en": ["The Crown & Anchor", "Riverside Hotel", "Bistro 22", "The Grand Harbour Hotel",
           "Olive Tree Kitchen", "Parkview Conference Centre"],
    "de": ["Hotel Adler", "Gasthaus zur Linde", "Restaurant Seeblick", "Parkhotel Sonnenhof",
           "Brasserie am Markt", "Landgasthof Krone"],
    "fr": ["Hôtel du Parc", "Brasserie Le Central", "Restaurant La Table d'Émile",
           "Le Petit Bistrot", "Hôtel des Voyageurs"],
    "nl": ["Hotel De Keizer", "Restaurant Het Anker", "Grand Café De Beurs", "Bistro Zilt"],
    "it": ["Hotel Bellavista", "Trattoria da Mario", "Ristorante Il Gabbiano", "Albergo Centrale"],
    "es": ["Hotel Miramar", "Restaurante El Faro", "Taberna La Bodeguilla", "Hostal San Miguel"],
    "pt": ["Hotel Avenida", "Restaurante O Pescador", "Tasca do Bairro", "Pousada do Rio"],
    "cs": ["Hotel Zlatá Hvězda", "Restaurace U Mostu", "Penzion Lípa", "Kavárna Slavie"],
}

# catalogue: category -> list of (code prefix, {lang: name}, unit price range, qty kind, rate class)
# rate class: "std" standard rate, "red" reduced rate (food)
CATALOGUE = {
    "food": [
        ("FD", {"en": "Extra virgin olive oil 5 L", "de": "Olivenöl extra vergine 5 l", "fr": "Huile d'olive vierge extra 5 L",
                "nl": "Extra vierge olijfolie 5 L", "it": "Olio extravergine di oliva 5 L", "es": "Aceite de oliva virgen extra 5 L",
                "pt": "Azeite virgem extra 5 L", "cs": "Olivový olej extra panenský 5 l"}, (28, 65), "int", "red"),
        ("FD", {"en": "Basmati rice 10 kg sack", "de": "Basmatireis 10 kg Sack", "fr": "Riz basmati sac de 10 kg",
                "nl": "Basmatirijst zak 10 kg", "it": "Riso basmati sacco 10 kg", "es": "Arroz basmati saco 10 kg",
                "pt": "Arroz basmati saco 10 kg", "cs": "Rýže basmati pytel 10 kg"}, (18, 34), "int", "red"),
        ("FD", {"en": "Beef tenderloin, vacuum packed", "de": "Rinderfilet, vakuumverpackt", "fr": "Filet de bœuf sous vide",
                "nl": "Runderhaas, vacuüm verpakt", "it": "Filetto di manzo sottovuoto", "es": "Solomillo de ternera al vacío",
                "pt": "Lombo de novilho embalado a vácuo", "cs": "Hovězí svíčková, vakuově baleno"}, (32, 58), "kg", "red"),
        ("FD", {"en": "Atlantic salmon fillet, skin on", "de": "Lachsfilet mit Haut", "fr": "Filet de saumon avec peau",
                "nl": "Zalmfilet met vel", "it": "Filetto di salmone con pelle", "es": "Filete de salmón con piel",
                "pt": "Filete de salmão com pele", "cs": "Filet z lososa s kůží"}, (19, 31), "kg", "red"),
        ("FD", {"en": "Parmesan cheese 24 months", "de": "Parmesan 24 Monate gereift", "fr": "Parmesan affiné 24 mois",
                "nl": "Parmezaanse kaas 24 maanden", "it": "Parmigiano Reggiano 24 mesi", "es": "Queso parmesano 24 meses",
                "pt": "Queijo parmesão 24 meses", "cs": "Parmazán zrající 24 měsíců"}, (16, 29), "kg", "red"),
        ("FD", {"en": "Free-range eggs, tray of 30", "de": "Freilandeier, Lage à 30 Stück", "fr": "Œufs plein air, plateau de 30",
                "nl": "Scharreleieren, tray van 30", "it": "Uova da allevamento all'aperto, vassoio da 30",
                "es": "Huevos camperos, bandeja de 30", "pt": "Ovos de galinhas criadas ao ar livre, 30 un.",
                "cs": "Vejce z volného výběhu, proklad 30 ks"}, (6, 12), "int", "red"),
        ("FD", {"en": "Butter unsalted 82% fat, 10 x 250 g", "de": "Süßrahmbutter 82 %, 10 x 250 g",
                "fr": "Beurre doux 82 % MG, 10 x 250 g", "nl": "Roomboter ongezouten, 10 x 250 g",
                "it": "Burro 82% grassi, 10 x 250 g", "es": "Mantequilla sin sal, 10 x 250 g",
                "pt": "Manteiga sem sal, 10 x 250 g", "cs": "Máslo 82 %, 10 x 250 g"}, (21, 36), "int", "red"),
        ("FD", {"en": "Seasonal vegetables box (carrots, leeks, celeriac, beetroot) for the kitchen brigade",
                "de": "Saisonale Gemüsekiste (Karotten, Lauch, Sellerie, Rote Bete) für die Küchenbrigade",
                "fr": "Cagette de légumes de saison (carottes, poireaux, céleri-rave, betteraves) pour la brigade",
                "nl": "Seizoensgroentekist (wortelen, prei, knolselderij, rode biet) voor de keukenbrigade",
                "it": "Cassetta di verdure di stagione (carote, porri, sedano rapa, barbabietole) per la brigata",
                "es": "Caja de verduras de temporada (zanahorias, puerros, apionabo, remolacha) para la cocina",
                "pt": "Caixa de legumes da época (cenouras, alho-francês, aipo, beterraba) para a cozinha",
                "cs": "Bedýnka sezónní zeleniny (mrkev, pórek, celer, červená řepa) pro kuchyni"}, (24, 48), "int", "red"),
        ("FD", {"en": "Flour type 550, 25 kg", "de": "Weizenmehl Type 550, 25 kg", "fr": "Farine T55, sac de 25 kg",
                "nl": "Tarwebloem, zak 25 kg", "it": "Farina tipo 00, sacco 25 kg", "es": "Harina de trigo, saco 25 kg",
                "pt": "Farinha de trigo T65, 25 kg", "cs": "Pšeničná mouka hladká, 25 kg"}, (14, 27), "int", "red"),
    ],
    "beverage": [
        ("BV", {"en": "Still mineral water 0.5 L, crate of 24", "de": "Mineralwasser still 0,5 l, Kasten à 24",
                "fr": "Eau minérale plate 0,5 L, casier de 24", "nl": "Mineraalwater zonder koolzuur 0,5 L, krat 24",
                "it": "Acqua minerale naturale 0,5 L, cassa da 24", "es": "Agua mineral sin gas 0,5 L, caja de 24",
                "pt": "Água mineral sem gás 0,5 L, grade de 24", "cs": "Minerální voda neperlivá 0,5 l, přepravka 24 ks"}, (7, 14), "int", "std"),
        ("BV", {"en": "House red wine, Côtes du Rhône 0.75 L", "de": "Hausrotwein Côtes du Rhône 0,75 l",
                "fr": "Vin rouge de la maison, Côtes du Rhône 75 cl", "nl": "Huisrode wijn Côtes du Rhône 0,75 L",
                "it": "Vino rosso della casa, Côtes du Rhône 0,75 L", "es": "Vino tinto de la casa, Côtes du Rhône 0,75 L",
                "pt": "Vinho tinto da casa, Côtes du Rhône 0,75 L", "cs": "Domácí červené víno Côtes du Rhône 0,75 l"}, (5, 11), "int", "std"),
        ("BV", {"en": "Lager beer keg 30 L", "de": "Pils Fass 30 l", "fr": "Fût de bière blonde 30 L",
                "nl": "Pils fust 30 L", "it": "Fusto di birra chiara 30 L", "es": "Barril de cerveza rubia 30 L",
                "pt": "Barril de cerveja 30 L", "cs": "Ležák sud 30 l"}, (68, 120), "int", "std"),
        ("BV", {"en": "Orange juice, freshly squeezed, 1 L bottle", "de": "Orangensaft frisch gepresst, 1 l Flasche",
                "fr": "Jus d'orange pressé, bouteille 1 L", "nl": "Verse jus d'orange, fles 1 L",
                "it": "Spremuta d'arancia, bottiglia 1 L", "es": "Zumo de naranja natural, botella 1 L",
                "pt": "Sumo de laranja natural, garrafa 1 L", "cs": "Čerstvě lisovaný pomerančový džus 1 l"}, (2, 5), "int", "red"),
        ("BV", {"en": "Espresso coffee beans 1 kg, 100% Arabica", "de": "Espressobohnen 1 kg, 100 % Arabica",
                "fr": "Café en grains espresso 1 kg, 100 % arabica", "nl": "Espressobonen 1 kg, 100% arabica",
                "it": "Caffè in grani espresso 1 kg, 100% arabica", "es": "Café en grano espresso 1 kg, 100 % arábica",
                "pt": "Café em grão expresso 1 kg, 100% arábica", "cs": "Zrnková káva espresso 1 kg, 100% arabika"}, (14, 26), "int", "red"),
        ("BV", {"en": "Prosecco DOC extra dry 0.75 L", "de": "Prosecco DOC extra dry 0,75 l", "fr": "Prosecco DOC extra dry 75 cl",
                "nl": "Prosecco DOC extra dry 0,75 L", "it": "Prosecco DOC extra dry 0,75 L", "es": "Prosecco DOC extra dry 0,75 L",
                "pt": "Prosecco DOC extra dry 0,75 L", "cs": "Prosecco DOC extra dry 0,75 l"}, (6, 12), "int", "std"),
    ],
    "cleaning": [
        ("CL", {"en": "Dishwasher detergent, professional, 10 L canister", "de": "Spülmaschinenreiniger professionell, 10 l Kanister",
                "fr": "Détergent lave-vaisselle professionnel, bidon 10 L", "nl": "Vaatwasmiddel professioneel, can 10 L",
                "it": "Detersivo per lavastoviglie professionale, tanica 10 L", "es": "Detergente lavavajillas profesional, garrafa 10 L",
                "pt": "Detergente para máquina de lavar loiça, 10 L", "cs": "Mycí prostředek do myčky, kanystr 10 l"}, (22, 45), "int", "std"),
        ("CL", {"en": "Rinse aid 5 L", "de": "Klarspüler 5 l", "fr": "Liquide de rinçage 5 L", "nl": "Naglansmiddel 5 L",
                "it": "Brillantante 5 L", "es": "Abrillantador 5 L", "pt": "Abrilhantador 5 L", "cs": "Leštidlo 5 l"}, (12, 24), "int", "std"),
        ("CL", {"en": "Paper napkins 33 x 33 cm, 2-ply, white", "de": "Papierservietten 33 x 33 cm, 2-lagig, weiß",
                "fr": "Serviettes papier 33 x 33 cm, 2 plis, blanches", "nl": "Papieren servetten 33 x 33 cm, 2-laags, wit",
                "it": "Tovaglioli di carta 33 x 33 cm, 2 veli, bianchi", "es": "Servilletas de papel 33 x 33 cm, 2 capas, blancas",
                "pt": "Guardanapos de papel 33 x 33 cm, 2 folhas, brancos", "cs": "Papírové ubrousky 33 x 33 cm, 2vrstvé, bílé"}, (0.02, 0.06), "pieces", "std"),
        ("CL", {"en": "Nitrile gloves, box of 100, size L", "de": "Nitrilhandschuhe, Box à 100, Gr. L",
                "fr": "Gants nitrile, boîte de 100, taille L", "nl": "Nitril handschoenen, doos 100, maat L",
                "it": "Guanti in nitrile, scatola da 100, taglia L", "es": "Guantes de nitrilo, caja de 100, talla L",
                "pt": "Luvas de nitrilo, caixa de 100, tamanho L", "cs": "Nitrilové rukavice, box 100 ks, vel. L"}, (5, 11), "int", "std"),
        ("CL", {"en": "Surface disinfectant spray 750 ml, food-safe, ready to use",
                "de": "Flächendesinfektion Spray 750 ml, lebensmittelecht, gebrauchsfertig",
                "fr": "Désinfectant surfaces en spray 750 ml, contact alimentaire, prêt à l'emploi",
                "nl": "Oppervlaktedesinfectie spray 750 ml, voedselveilig, gebruiksklaar",
                "it": "Disinfettante per superfici spray 750 ml, per uso alimentare, pronto all'uso",
                "es": "Desinfectante de superficies en spray 750 ml, apto alimentario, listo para usar",
                "pt": "Desinfetante de superfícies spray 750 ml, seguro para alimentos",
                "cs": "Dezinfekce povrchů sprej 750 ml, vhodná pro potraviny"}, (4, 9), "int", "std"),
    ],
    "linen": [
        ("LN", {"en": "Table cloth rental 130 x 130 cm, white damask", "de": "Tischwäsche Miete 130 x 130 cm, weiß Damast",
                "fr": "Location nappe 130 x 130 cm, damassé blanc", "nl": "Huur tafellaken 130 x 130 cm, wit damast",
                "it": "Noleggio tovaglia 130 x 130 cm, damasco bianco", "es": "Alquiler mantel 130 x 130 cm, damasco blanco",
                "pt": "Aluguer toalha de mesa 130 x 130 cm, damasco branco", "cs": "Pronájem ubrusu 130 x 130 cm, bílý damašek"}, (1.2, 3.5), "int", "std"),
        ("LN", {"en": "Bed linen set washing & ironing (duvet cover, sheet, 2 pillowcases)",
                "de": "Bettwäsche-Set waschen & mangeln (Bezug, Laken, 2 Kissenbezüge)",
                "fr": "Parure de lit lavage et repassage (housse, drap, 2 taies)",
                "nl": "Beddengoedset wassen en strijken (dekbedovertrek, laken, 2 slopen)",
                "it": "Set biancheria letto lavaggio e stiratura (copripiumino, lenzuolo, 2 federe)",
                "es": "Juego de cama lavado y planchado (funda nórdica, sábana, 2 fundas)",
                "pt": "Conjunto de roupa de cama lavagem e engomagem (capa, lençol, 2 fronhas)",
                "cs": "Sada ložního prádla praní a žehlení (povlak, prostěradlo, 2 povlaky na polštář)"}, (3.5, 7.5), "int", "std"),
        ("LN", {"en": "Bath towel 70 x 140 cm, washing", "de": "Badetuch 70 x 140 cm, Wäsche", "fr": "Drap de bain 70 x 140 cm, lavage",
                "nl": "Badlaken 70 x 140 cm, wassen", "it": "Telo bagno 70 x 140 cm, lavaggio", "es": "Toalla de baño 70 x 140 cm, lavado",
                "pt": "Toalha de banho 70 x 140 cm, lavagem", "cs": "Osuška 70 x 140 cm, praní"}, (0.6, 1.9), "int", "std"),
        ("LN", {"en": "Chef jackets, embroidered with logo", "de": "Kochjacken mit Logo-Stickerei", "fr": "Vestes de cuisinier brodées logo",
                "nl": "Koksbuizen met logo geborduurd", "it": "Giacche da cuoco ricamate con logo", "es": "Chaquetas de cocinero bordadas con logo",
                "pt": "Jalecas de cozinheiro bordadas com logótipo", "cs": "Kuchařské rondony s vyšitým logem"}, (24, 49), "int", "std"),
    ],
    "equipment": [
        ("EQ", {"en": "Combi steamer 10 x GN 1/1, electric, incl. installation",
                "de": "Kombidämpfer 10 x GN 1/1, elektrisch, inkl. Aufstellung",
                "fr": "Four mixte 10 niveaux GN 1/1, électrique, installation comprise",
                "nl": "Combisteamer 10 x GN 1/1, elektrisch, incl. installatie",
                "it": "Forno combinato 10 x GN 1/1, elettrico, installazione inclusa",
                "es": "Horno mixto 10 x GN 1/1, eléctrico, instalación incluida",
                "pt": "Forno misto 10 x GN 1/1, elétrico, instalação incluída",
                "cs": "Konvektomat 10 x GN 1/1, elektrický, vč. instalace"}, (5800, 11900), "one", "std"),
        ("EQ", {"en": "Gastronorm container 1/1, 65 mm, stainless steel", "de": "GN-Behälter 1/1, 65 mm, Edelstahl",
                "fr": "Bac gastronorme 1/1, 65 mm, inox", "nl": "Gastronormbak 1/1, 65 mm, rvs",
                "it": "Bacinella gastronorm 1/1, 65 mm, acciaio inox", "es": "Cubeta gastronorm 1/1, 65 mm, acero inoxidable",
                "pt": "Cuba gastronorm 1/1, 65 mm, aço inox", "cs": "Gastronádoba 1/1, 65 mm, nerez"}, (9, 19), "int", "std"),
        ("EQ", {"en": "Chef's knife 24 cm", "de": "Kochmesser 24 cm", "fr": "Couteau de chef 24 cm", "nl": "Koksmes 24 cm",
                "it": "Coltello da chef 24 cm", "es": "Cuchillo de chef 24 cm", "pt": "Faca de chef 24 cm", "cs": "Kuchařský nůž 24 cm"}, (35, 89), "int", "std"),
        ("EQ", {"en": "Wine glasses 47 cl, box of 6", "de": "Weingläser 47 cl, Karton à 6", "fr": "Verres à vin 47 cl, carton de 6",
                "nl": "Wijnglazen 47 cl, doos van 6", "it": "Calici da vino 47 cl, confezione da 6", "es": "Copas de vino 47 cl, caja de 6",
                "pt": "Copos de vinho 47 cl, caixa de 6", "cs": "Sklenice na víno 47 cl, balení 6 ks"}, (18, 42), "int", "std"),
        ("EQ", {"en": "Vacuum sealer chamber model, 400 mm bar", "de": "Vakuumiergerät Kammermodell, 400 mm Schweißleiste",
                "fr": "Machine sous vide à cloche, barre 400 mm", "nl": "Vacuümmachine kamermodel, 400 mm seal",
                "it": "Macchina sottovuoto a campana, barra 400 mm", "es": "Envasadora al vacío de campana, barra 400 mm",
                "pt": "Máquina de vácuo de campânula, barra 400 mm", "cs": "Komorová vakuovačka, svár 400 mm"}, (1400, 3200), "one", "std"),
    ],
    "services": [
        ("SV", {"en": "Maintenance visit, cold room and refrigeration units", "de": "Wartung Kühlzelle und Kühlgeräte",
                "fr": "Visite de maintenance chambre froide et groupes frigorifiques",
                "nl": "Onderhoudsbezoek koelcel en koelinstallaties", "it": "Intervento di manutenzione cella frigorifera",
                "es": "Visita de mantenimiento cámara frigorífica", "pt": "Visita de manutenção câmara frigorífica",
                "cs": "Servisní prohlídka chladicího boxu"}, (95, 240), "one", "std"),
        ("SV", {"en": "Technician labour, hourly rate", "de": "Technikerstunde", "fr": "Main-d'œuvre technicien, taux horaire",
                "nl": "Arbeidsloon monteur, uurtarief", "it": "Manodopera tecnico, tariffa oraria", "es": "Mano de obra técnico, hora",
                "pt": "Mão de obra técnico, por hora", "cs": "Práce technika, hodinová sazba"}, (55, 95), "hours", "std"),
        ("SV", {"en": "Kitchen exhaust hood deep cleaning incl. grease filters and duct inspection report",
                "de": "Grundreinigung Dunstabzugshaube inkl. Fettfilter und Prüfbericht Abluftkanal",
                "fr": "Nettoyage complet de la hotte d'extraction avec filtres à graisse et rapport d'inspection des gaines",
                "nl": "Dieptereiniging afzuigkap incl. vetfilters en inspectierapport luchtkanaal",
                "it": "Pulizia approfondita cappa aspirante con filtri antigrasso e rapporto di ispezione condotti",
                "es": "Limpieza a fondo de campana extractora con filtros de grasa e informe de inspección de conductos",
                "pt": "Limpeza profunda do exaustor com filtros de gordura e relatório de inspeção de condutas",
                "cs": "Hloubkové čištění digestoře vč. tukových filtrů a protokolu o kontrole potrubí"}, (280, 690), "one", "std"),
        ("SV", {"en": "Pest control, monthly contract", "de": "Schädlingsbekämpfung, Monatsvertrag",
                "fr": "Dératisation et désinsectisation, contrat mensuel", "nl": "Ongediertebestrijding, maandcontract",
                "it": "Disinfestazione, contratto mensile", "es": "Control de plagas, contrato mensual",
                "pt": "Controlo de pragas, contrato mensal", "cs": "Deratizace, měsíční smlouva"}, (65, 180), "one", "std"),
    ],
}

EXTRA_LINES = {
    "shipping": {"en": "Delivery charge", "de": "Lieferpauschale", "fr": "Frais de livraison", "nl": "Bezorgkosten",
                 "it": "Spese di consegna", "es": "Gastos de envío", "pt": "Portes de envio", "cs": "Doprava"},
    "discount": {"en": "Loyalty discount", "de": "Treuerabatt", "fr": "Remise fidélité", "nl": "Klantkorting",
                 "it": "Sconto fedeltà", "es": "Descuento cliente", "pt": "Desconto cliente", "cs": "Věrnostní sleva"},
}


def tax_id(rng: random.Random, country: str) -> str:
    digits = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    if country == "GB":
        return rng.choice([f"GB{digits(9)}", f"GB {digits(3)} {digits(4)} {digits(2)}"])
    if country == "IE":
        return f"IE{digits(7)}{rng.choice('ABCDEFGHW')}"
    if country == "US":
        return f"{digits(2)}-{digits(7)}"
    if country == "DE":
        return f"DE{rng.randint(1, 9)}{digits(8)}"
    if country == "AT":
        return f"ATU{digits(8)}"
    if country == "CH":
        return f"CHE-{digits(3)}.{digits(3)}.{digits(3)} " + rng.choice(["MWST", "TVA", "IVA"])
    if country == "FR":
        return f"FR{digits(2)}{digits(9)}"
    if country == "BE":
        return f"BE0{digits(9)}"
    if country == "NL":
        return f"NL{digits(9)}B{rng.randint(1, 9):02d}"
    if country == "IT":
        return f"IT{digits(11)}"
    if country == "ES":
        return f"ES{rng.choice('ABJ')}{digits(8)}"
    if country == "PT":
        return f"PT{rng.choice('5')}{digits(8)}"
    if country == "CZ":
        return f"CZ{digits(8)}"
    raise ValueError(country)


def postcode(rng: random.Random, country: str) -> str:
    r = rng.randint
    return {
        "GB": f"{rng.choice(['EC1', 'M4', 'BS1', 'LS2', 'EH3', 'BN1'])} {r(1, 9)}{rng.choice('ABDEFHJ')}{rng.choice('LNPQRSTU')}",
        "IE": f"D{r(1, 24):02d} {rng.choice('ACEFHKNPRTVWXY')}{r(100, 999)}",
        "US": f"{r(10000, 99999)}",
        "DE": f"{r(10000, 99999)}", "AT": f"{r(1000, 9999)}", "CH": f"{r(1000, 9999)}",
        "FR": f"{r(10000, 95999)}", "BE": f"{r(1000, 9999)}", "NL": f"{r(1000, 9999)} {rng.choice('ABCDEFGH')}{rng.choice('JKLMNPRS')}",
        "IT": f"{r(10000, 99999)}", "ES": f"{r(10000, 52999)}", "PT": f"{r(1000, 9999)}-{r(100, 999)}",
        "CZ": f"{r(100, 799)} {r(10, 99)}",
    }[country]


def address(rng: random.Random, country: str) -> list[str]:
    _, _, _, towns, streets = COUNTRIES[country]
    town, street, no = rng.choice(towns), rng.choice(streets), rng.randint(1, 180)
    pc = postcode(rng, country)
    if country in ("GB", "IE"):
        return [f"{no} {street}", f"{town} {pc}"]
    if country == "US":
        return [f"{no} {street}", f"{town} {pc}"]
    if country == "FR" or (country in ("BE", "CH") and street[0].islower()):
        return [f"{no} {street}", f"{pc} {town}"]
    if country in ("IT", "ES", "PT"):
        return [f"{street}, {no}", f"{pc} {town}"]
    return [f"{street} {no}", f"{pc} {town}"]


def company_name(rng: random.Random, lang: str, country: str, category: str) -> str:
    stem_lang = lang if lang in STEMS else "en"
    stem = rng.choice(STEMS[stem_lang])
    trade = TRADES[category][stem_lang]
    form = rng.choice(COUNTRIES[country][2])
    if country in ("FR", "BE") and lang == "fr" and rng.random() < 0.4:
        return f"{trade} {stem} {form}"
    return f"{stem} {trade} {form}"


def money(x) -> Decimal:
    from decimal import ROUND_HALF_UP
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
