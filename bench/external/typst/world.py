"""Hospitality-supplier world: suppliers, customers, catalogue, numbering (data only)."""

from __future__ import annotations

import random

# country -> (legal forms, supplier base names, VAT rates (standard first), city list)
SUPPLIER_NAMES = {
    "DE": (["GmbH", "GmbH & Co. KG", "AG", "e.K.", "UG (haftungsbeschränkt)", "KG"],
           ["Alpen Frischdienst", "Rheinland Getränkevertrieb", "Hygiene Profi Service",
            "Wäscherei Sonnenschein", "Gastro-Technik Berger", "Metzgerei Huber Großhandel",
            "Kaffeerösterei Nordlicht", "Bäckerei Kamps Lieferdienst", "Hotelwäsche Schulte",
            "Fischhandel Hanse Frisch", "Küchenprofi Hoffmann", "Obst & Gemüse Weber"],
           ["Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Leipzig", "Stuttgart"]),
    "AT": (["GmbH", "OG", "KG", "Gesellschaft m.b.H."],
           ["Tiroler Bergkäserei", "Wiener Gastrobedarf", "Salzburger Getränkehandel",
            "Steirische Hygienetechnik", "Alpenwäsche Pichler", "Kaffee Hawelka Handel"],
           ["Wien", "Graz", "Salzburg", "Innsbruck", "Linz"]),
    "FR": (["SARL", "SAS", "SA", "EURL"],
           ["Les Caves du Rhône", "Hygiène Plus", "Blanchisserie Moderne", "Primeurs de Provence",
            "Boucherie Lafayette Gros", "Équipements Culinaires Martin", "Brasserie Distribution Ouest"],
           ["Lyon", "Paris", "Marseille", "Bordeaux", "Lille", "Nantes"]),
    "BE": (["SRL", "SA", "BV", "NV"],
           ["Horeca Service Brabant", "Brasserie Van Damme Distribution", "Linge Pro Wallonie"],
           ["Bruxelles", "Antwerpen", "Liège", "Gent"]),
    "NL": (["B.V.", "V.O.F.", "N.V."],
           ["Van der Berg Horeca", "Groothandel De Molen", "Schoonmaak Totaal", "Linnenservice Holland",
            "Koffiebranderij Het Anker", "Vishandel Noordzee"],
           ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag"]),
    "IT": (["S.r.l.", "S.p.A.", "S.n.c.", "S.a.s."],
           ["Forniture Alberghiere Rossi", "Caseificio Bianchi", "Pulizie Professionali Ferri",
            "Lavanderia Industriale Conti", "Distribuzione Vini Colombo", "Attrezzature Ristorazione Greco"],
           ["Milano", "Roma", "Torino", "Bologna", "Firenze", "Napoli"]),
    "ES": (["S.L.", "S.A.", "S.L.U."],
           ["Distribuciones Hosteleras del Sur", "Lavandería Industrial Levante", "Limpiezas Martínez",
            "Bodegas y Bebidas Ortega", "Suministros Hoteleros Navarro"],
           ["Madrid", "Barcelona", "Valencia", "Sevilla", "Málaga"]),
    "IE": (["Ltd", "Limited", "DAC"],
           ["Atlantic Catering Supplies", "Emerald Linen Services", "Liffey Beverages",
            "Shannon Fresh Produce", "Celtic Hygiene Solutions"],
           ["Dublin", "Cork", "Galway", "Limerick"]),
    "PT": (["Lda.", "S.A.", "Unipessoal Lda."],
           ["Lusa Hotelaria", "Vinhos do Douro Distribuição", "Higiene Atlântica"],
           ["Lisboa", "Porto", "Faro", "Braga"]),
    "LU": (["S.à r.l.", "S.A."],
           ["Moselle Horeca Services", "Luxlinge"],
           ["Luxembourg", "Esch-sur-Alzette"]),
}

VAT_RATES = {  # standard, reduced (food)
    "DE": (0.19, 0.07), "AT": (0.2, 0.1), "FR": (0.2, 0.055), "BE": (0.21, 0.06), "NL": (0.21, 0.09),
    "IT": (0.22, 0.1), "ES": (0.21, 0.1), "IE": (0.23, 0.135), "PT": (0.23, 0.06), "LU": (0.17, 0.08),
}

STREETS = {
    "DE": ["Hauptstraße", "Industriestraße", "Am Großmarkt", "Lindenallee", "Hafenstraße"],
    "AT": ["Gewerbestraße", "Triester Straße", "Mariahilfer Straße", "Bahnhofplatz"],
    "FR": ["rue de la République", "avenue Jean Jaurès", "boulevard Voltaire", "rue du Marché"],
    "BE": ["Rue de la Loi", "Meir", "Avenue Louise", "Kortrijksesteenweg"],
    "NL": ["Keizersgracht", "Industrieweg", "Havenstraat", "Marktplein"],
    "IT": ["Via Roma", "Via Garibaldi", "Corso Italia", "Via dell'Industria"],
    "ES": ["Calle Mayor", "Avenida de la Constitución", "Calle del Comercio", "Polígono Industrial Sur"],
    "IE": ["Main Street", "Harbour Road", "O'Connell Street", "Industrial Estate"],
    "PT": ["Rua Augusta", "Avenida da Liberdade", "Rua do Comércio"],
    "LU": ["Route d'Arlon", "Rue de Hollerich"],
}

CUSTOMERS = ["Hotel Adler", "Grand Hotel Bellevue", "Restaurant Zur Post", "Bistro Le Petit Coin",
             "Trattoria da Mario", "Hostal La Plaza", "Seehotel Sonnenhof", "Brasserie Centrale",
             "Café Central", "Hotel Des Alpes", "The Harbour Inn", "Gasthof Krone", "Hotel Miramar",
             "Parkhotel Residenz", "Osteria del Ponte", "Hotel Am Markt"]


def digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def vat_id(rng: random.Random, country: str) -> str:
    if country == "DE":
        return "DE" + str(rng.randint(1, 9)) + digits(rng, 8)
    if country == "AT":
        return "ATU" + str(rng.randint(1, 9)) + digits(rng, 7)
    if country == "FR":
        return "FR" + digits(rng, 2) + str(rng.randint(1, 9)) + digits(rng, 8)
    if country == "BE":
        return "BE0" + str(rng.randint(1, 9)) + digits(rng, 8)
    if country == "NL":
        return "NL" + str(rng.randint(1, 9)) + digits(rng, 8) + "B0" + str(rng.randint(1, 9))
    if country == "IT":
        return "IT" + str(rng.randint(1, 9)) + digits(rng, 10)
    if country == "ES":
        return "ES" + rng.choice("ABB") + str(rng.randint(1, 9)) + digits(rng, 7)
    if country == "IE":
        return "IE" + str(rng.randint(1, 9)) + digits(rng, 6) + rng.choice("ABCDEFHKLMPTW")
    if country == "PT":
        return "PT" + rng.choice("5") + digits(rng, 8)
    if country == "LU":
        return "LU" + str(rng.randint(1, 9)) + digits(rng, 7)
    raise ValueError(country)


def de_tax_number(rng: random.Random) -> str:
    return f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"


def supplier(rng: random.Random, country: str) -> dict:
    forms, names, cities = SUPPLIER_NAMES[country]
    name = rng.choice(names) + " " + rng.choice(forms)
    return {
        "name": name,
        "country": country,
        "street": f"{rng.choice(STREETS[country])} {rng.randint(1, 180)}",
        "zip": postcode(rng, country),
        "city": rng.choice(cities),
        "vat_id": vat_id(rng, country),
    }


def customer(rng: random.Random, country: str) -> dict:
    cities = SUPPLIER_NAMES[country][2]
    return {
        "name": rng.choice(CUSTOMERS),
        "street": f"{rng.choice(STREETS[country])} {rng.randint(1, 90)}",
        "zip": postcode(rng, country),
        "city": rng.choice(cities),
        "vat_id": vat_id(rng, country),
    }


def postcode(rng: random.Random, country: str) -> str:
    if country in ("AT", "BE", "LU"):
        return str(rng.randint(1000, 9999))
    if country == "NL":
        return f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
    if country == "IE":
        return f"D{rng.randint(1, 24):02d} {rng.choice('ACDEFHKNPRTVWXY')}{rng.randint(100, 999)}"
    if country == "PT":
        return f"{rng.randint(1000, 9999)}-{rng.randint(100, 999)}"
    return f"{rng.randint(1000, 99999):05d}"


def iban(rng: random.Random, country: str) -> str:
    lens = {"DE": 18, "AT": 16, "FR": 23, "BE": 12, "NL": 14, "IT": 23, "ES": 20, "IE": 18, "PT": 21, "LU": 16}
    body = digits(rng, lens.get(country, 18))
    if country == "NL":
        body = "ABNA" + digits(rng, 10)
    if country == "IE":
        body = "AIBK" + digits(rng, 14)
    return f"{country}{rng.randint(10, 99)}{body}"


# Catalogue: (category, code prefix, unit price range, reduced VAT?, {lang: description})
CATALOGUE = [
    ("food", "FD", (8, 60), True, {
        "en": "Parmigiano Reggiano 24 months, 1 kg piece", "de": "Parmigiano Reggiano 24 Monate, 1-kg-Stück",
        "fr": "Parmigiano Reggiano 24 mois, pièce de 1 kg", "it": "Parmigiano Reggiano 24 mesi, pezzo da 1 kg",
        "es": "Parmigiano Reggiano 24 meses, pieza de 1 kg", "nl": "Parmigiano Reggiano 24 maanden, stuk van 1 kg",
        "pt": "Parmigiano Reggiano 24 meses, peça de 1 kg"}),
    ("food", "FD", (3, 15), True, {
        "en": "Free-range eggs size M, tray of 30", "de": "Freilandeier Größe M, Lage à 30 Stück",
        "fr": "Œufs plein air calibre M, plateau de 30", "it": "Uova da allevamento a terra M, vassoio da 30",
        "es": "Huevos camperos talla M, bandeja de 30", "nl": "Scharreleieren maat M, tray van 30",
        "pt": "Ovos de galinhas criadas ao ar livre M, tabuleiro de 30"}),
    ("food", "FD", (12, 45), True, {
        "en": "Beef tenderloin, vacuum packed, per kg", "de": "Rinderfilet vakuumverpackt, je kg",
        "fr": "Filet de bœuf sous vide, au kg", "it": "Filetto di manzo sottovuoto, al kg",
        "es": "Solomillo de ternera envasado al vacío, por kg", "nl": "Ossenhaas vacuüm verpakt, per kg",
        "pt": "Lombo de novilho embalado a vácuo, por kg"}),
    ("food", "FD", (2, 9), True, {
        "en": "Organic basmati rice, 5 kg bag", "de": "Bio-Basmatireis, 5-kg-Sack",
        "fr": "Riz basmati bio, sac de 5 kg", "it": "Riso basmati biologico, sacco da 5 kg",
        "es": "Arroz basmati ecológico, saco de 5 kg", "nl": "Biologische basmatirijst, zak van 5 kg",
        "pt": "Arroz basmati biológico, saco de 5 kg"}),
    ("food", "FD", (4, 20), True, {
        "en": "Fresh salmon fillet, skin on, per kg", "de": "Frisches Lachsfilet mit Haut, je kg",
        "fr": "Filet de saumon frais avec peau, au kg", "it": "Filetto di salmone fresco con pelle, al kg",
        "es": "Filete de salmón fresco con piel, por kg", "nl": "Verse zalmfilet met vel, per kg",
        "pt": "Filete de salmão fresco com pele, por kg"}),
    ("food", "FD", (1, 6), True, {
        "en": "Seasonal vegetables box, mixed", "de": "Saisongemüse Kiste, gemischt",
        "fr": "Cagette de légumes de saison, assortis", "it": "Cassetta di verdure di stagione, miste",
        "es": "Caja de verduras de temporada, surtidas", "nl": "Krat seizoensgroenten, gemengd",
        "pt": "Caixa de legumes da época, sortidos"}),
    ("beverage", "BV", (4, 30), False, {
        "en": "Riesling dry, 0.75 l bottle", "de": "Riesling trocken, 0,75-l-Flasche",
        "fr": "Riesling sec, bouteille 0,75 l", "it": "Riesling secco, bottiglia da 0,75 l",
        "es": "Riesling seco, botella de 0,75 l", "nl": "Riesling droog, fles 0,75 l",
        "pt": "Riesling seco, garrafa de 0,75 l"}),
    ("beverage", "BV", (8, 25), False, {
        "en": "Mineral water sparkling, crate 12 x 0.75 l", "de": "Mineralwasser spritzig, Kasten 12 x 0,75 l",
        "fr": "Eau minérale gazeuse, caisse 12 x 0,75 l", "it": "Acqua minerale frizzante, cassa 12 x 0,75 l",
        "es": "Agua mineral con gas, caja 12 x 0,75 l", "nl": "Mineraalwater bruisend, krat 12 x 0,75 l",
        "pt": "Água mineral com gás, grade 12 x 0,75 l"}),
    ("beverage", "BV", (60, 160), False, {
        "en": "Draught lager keg 50 l", "de": "Fassbier Helles, 50-l-Fass",
        "fr": "Fût de bière blonde 50 l", "it": "Fusto di birra chiara 50 l",
        "es": "Barril de cerveza rubia 50 l", "nl": "Fust pilsener 50 l", "pt": "Barril de cerveja loira 50 l"}),
    ("beverage", "BV", (9, 30), True, {
        "en": "Espresso beans house blend, 1 kg", "de": "Espressobohnen Hausmischung, 1 kg",
        "fr": "Café en grains espresso, mélange maison, 1 kg", "it": "Caffè in grani miscela della casa, 1 kg",
        "es": "Café en grano espresso mezcla de la casa, 1 kg", "nl": "Espressobonen huismelange, 1 kg",
        "pt": "Café em grão espresso lote da casa, 1 kg"}),
    ("beverage", "BV", (1, 4), False, {
        "en": "Orange juice not from concentrate, 1 l", "de": "Orangensaft Direktsaft, 1 l",
        "fr": "Jus d'orange pur jus, 1 l", "it": "Succo d'arancia non da concentrato, 1 l",
        "es": "Zumo de naranja exprimido, 1 l", "nl": "Sinaasappelsap niet uit concentraat, 1 l",
        "pt": "Sumo de laranja natural, 1 l"}),
    ("cleaning", "CL", (5, 40), False, {
        "en": "Dishwasher detergent concentrate, 10 l canister", "de": "Spülmaschinenreiniger Konzentrat, 10-l-Kanister",
        "fr": "Détergent lave-vaisselle concentré, bidon 10 l", "it": "Detergente lavastoviglie concentrato, tanica 10 l",
        "es": "Detergente lavavajillas concentrado, garrafa 10 l", "nl": "Vaatwasmiddel concentraat, jerrycan 10 l",
        "pt": "Detergente para máquina de lavar loiça, bidão 10 l"}),
    ("cleaning", "CL", (2, 12), False, {
        "en": "Surface disinfectant spray, 750 ml", "de": "Flächendesinfektion Spray, 750 ml",
        "fr": "Spray désinfectant surfaces, 750 ml", "it": "Spray disinfettante superfici, 750 ml",
        "es": "Spray desinfectante de superficies, 750 ml", "nl": "Oppervlaktedesinfectie spray, 750 ml",
        "pt": "Spray desinfetante de superfícies, 750 ml"}),
    ("cleaning", "CL", (10, 35), False, {
        "en": "Paper hand towels, case of 20 packs", "de": "Papierhandtücher, Karton mit 20 Packungen",
        "fr": "Essuie-mains papier, carton de 20 paquets", "it": "Asciugamani di carta, cartone da 20 confezioni",
        "es": "Toallas de papel para manos, caja de 20 paquetes", "nl": "Papieren handdoeken, doos van 20 pakken",
        "pt": "Toalhas de papel, caixa de 20 embalagens"}),
    ("linen", "LN", (1, 5), False, {
        "en": "Laundry service bed linen set", "de": "Wäscheservice Bettwäsche-Garnitur",
        "fr": "Service blanchisserie parure de lit", "it": "Servizio lavanderia set biancheria da letto",
        "es": "Servicio de lavandería juego de cama", "nl": "Wasservice beddengoedset",
        "pt": "Serviço de lavandaria jogo de cama"}),
    ("linen", "LN", (0.4, 2), False, {
        "en": "Table napkins damask, washed and ironed", "de": "Servietten Damast, gewaschen und gebügelt",
        "fr": "Serviettes de table damassées, lavées et repassées", "it": "Tovaglioli damascati, lavati e stirati",
        "es": "Servilletas de damasco, lavadas y planchadas", "nl": "Servetten damast, gewassen en gestreken",
        "pt": "Guardanapos de damasco, lavados e passados"}),
    ("linen", "LN", (8, 30), False, {
        "en": "Bath towel 70 x 140 cm, white, 500 g/m²", "de": "Badetuch 70 x 140 cm, weiß, 500 g/m²",
        "fr": "Drap de bain 70 x 140 cm, blanc, 500 g/m²", "it": "Telo bagno 70 x 140 cm, bianco, 500 g/m²",
        "es": "Toalla de baño 70 x 140 cm, blanca, 500 g/m²", "nl": "Badlaken 70 x 140 cm, wit, 500 g/m²",
        "pt": "Toalha de banho 70 x 140 cm, branca, 500 g/m²"}),
    ("equipment", "EQ", (35, 240), False, {
        "en": "Combi steamer descaling cartridge", "de": "Entkalkungskartusche für Kombidämpfer",
        "fr": "Cartouche de détartrage pour four mixte", "it": "Cartuccia anticalcare per forno combinato",
        "es": "Cartucho descalcificador para horno mixto", "nl": "Ontkalkingspatroon voor combisteamer",
        "pt": "Cartucho descalcificador para forno misto"}),
    ("equipment", "EQ", (20, 90), False, {
        "en": "Gastronorm container GN 1/1, stainless steel, 150 mm", "de": "Gastronormbehälter GN 1/1, Edelstahl, 150 mm",
        "fr": "Bac gastronorme GN 1/1, inox, 150 mm", "it": "Bacinella gastronorm GN 1/1, acciaio inox, 150 mm",
        "es": "Cubeta gastronorm GN 1/1, acero inoxidable, 150 mm", "nl": "Gastronormbak GN 1/1, rvs, 150 mm",
        "pt": "Cuba gastronorm GN 1/1, inox, 150 mm"}),
    ("equipment", "EQ", (3, 15), False, {
        "en": "Wine glass 47 cl, tempered, box of 6", "de": "Weinglas 47 cl, gehärtet, Karton à 6",
        "fr": "Verre à vin 47 cl, trempé, carton de 6", "it": "Calice da vino 47 cl, temperato, confezione da 6",
        "es": "Copa de vino 47 cl, templada, caja de 6", "nl": "Wijnglas 47 cl, gehard, doos van 6",
        "pt": "Copo de vinho 47 cl, temperado, caixa de 6"}),
    ("services", "SV", (45, 120), False, {
        "en": "Maintenance visit refrigeration unit, per hour", "de": "Wartung Kühlanlage, je Stunde",
        "fr": "Maintenance groupe frigorifique, par heure", "it": "Manutenzione impianto frigorifero, all'ora",
        "es": "Mantenimiento equipo de frío, por hora", "nl": "Onderhoud koelinstallatie, per uur",
        "pt": "Manutenção de equipamento de frio, por hora"}),
    ("services", "SV", (25, 90), False, {
        "en": "Delivery and handling charge", "de": "Liefer- und Bearbeitungspauschale",
        "fr": "Frais de livraison et de manutention", "it": "Spese di consegna e movimentazione",
        "es": "Gastos de entrega y manipulación", "nl": "Bezorg- en handlingkosten",
        "pt": "Despesas de entrega e manuseamento"}),
    ("services", "SV", (80, 400), False, {
        "en": "Deep cleaning of kitchen extraction hood", "de": "Grundreinigung der Küchenabzugshaube",
        "fr": "Nettoyage en profondeur de la hotte d'extraction", "it": "Pulizia a fondo della cappa di aspirazione",
        "es": "Limpieza a fondo de la campana extractora", "nl": "Dieptereiniging van de afzuigkap",
        "pt": "Limpeza profunda do exaustor da cozinha"}),
]

LONG_SUFFIX = {
    "en": ["delivered chilled to the goods-in entrance, batch-tracked, best before date at least 10 days after delivery",
           "as agreed in the framework contract, including returnable packaging and deposit handling"],
    "de": ["gekühlt an die Warenannahme geliefert, chargenrückverfolgbar, Mindesthaltbarkeit mindestens 10 Tage ab Lieferung",
           "gemäß Rahmenvertrag, inklusive Mehrweggebinde und Pfandabwicklung"],
    "fr": ["livré réfrigéré au quai de réception, lot tracé, DLC d'au moins 10 jours après livraison",
           "selon le contrat-cadre, emballages consignés et gestion de la consigne compris"],
    "it": ["consegnato refrigerato al ricevimento merci, lotto tracciato, scadenza almeno 10 giorni dalla consegna",
           "come da contratto quadro, imballi a rendere e gestione cauzione inclusi"],
    "es": ["entregado refrigerado en el muelle de recepción, lote trazado, consumo preferente mínimo 10 días",
           "según contrato marco, envases retornables y gestión de depósito incluidos"],
    "nl": ["gekoeld geleverd aan de goederenontvangst, batch traceerbaar, houdbaar tot minimaal 10 dagen na levering",
           "volgens raamovereenkomst, inclusief retourverpakking en statiegeldafhandeling"],
    "pt": ["entregue refrigerado na receção de mercadorias, lote rastreado, validade mínima de 10 dias após a entrega",
           "conforme contrato-quadro, incluindo embalagens retornáveis e gestão de tara"],
}


def pick_items(rng: random.Random, lang: str, n: int, long_share: float = 0.15):
    """n catalogue lines: dict(description, code, price(float, 2 dp), reduced(bool), category)."""
    out = []
    for _ in range(n):
        cat, pre, (lo, hi), reduced, desc = rng.choice(CATALOGUE)
        d = desc[lang]
        if rng.random() < long_share:
            d = d + ", " + rng.choice(LONG_SUFFIX[lang])
        cents = rng.randint(int(lo * 100), int(hi * 100))
        out.append({"description": d, "code": f"{pre}-{rng.randint(1000, 99999)}", "cents": cents,
                    "reduced": reduced, "category": cat})
    return out


def invoice_number(rng: random.Random, year: int) -> str:
    f = rng.randrange(7)
    if f == 0:
        return f"RE-{year}-{rng.randint(1, 9999):04d}"
    if f == 1:
        return f"INV-{rng.randint(10000, 99999)}"
    if f == 2:
        return f"{year}-{rng.randint(1, 999):03d}"
    if f == 3:
        return f"F{year}/{rng.randint(100, 9999)}"
    if f == 4:
        return f"{str(year)[2:]}{rng.randint(100000, 999999)}"
    if f == 5:
        return f"FAC-{str(year)[2:]}-{rng.randint(1000, 9999)}"
    return f"R{rng.randint(100000, 999999)}"


def po_number(rng: random.Random) -> str:
    f = rng.randrange(4)
    if f == 0:
        return f"PO-{rng.randint(100000, 999999)}"
    if f == 1:
        return f"45{rng.randint(10000000, 99999999)}"
    if f == 2:
        return f"BST-{rng.randint(2023, 2025)}-{rng.randint(100, 9999)}"
    return f"ORD{rng.randint(10000, 99999)}"
