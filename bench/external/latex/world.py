"""Hospitality-supplier world: catalog, suppliers, customers, locales (data only)."""

LANGS = ["en", "de", "fr", "nl", "it", "es", "cs", "sv", "nb"]

# cat, vat class, price range, names in LANGS order (separated by |)
GOODS = [
    ("food", "red", (1.2, 9.5), "Organic rapeseed oil 10 l canister|Bio-Rapsöl 10 l Kanister|Huile de colza bio bidon 10 l|Biologische raapzaadolie 10 l jerrycan|Olio di colza biologico tanica 10 l|Aceite de colza ecológico garrafa 10 l|Bio řepkový olej kanystr 10 l|Ekologisk rapsolja dunk 10 l|Økologisk rapsolje kanne 10 l"),
    ("food", "red", (2.0, 14.0), "Basmati rice 5 kg bag|Basmatireis 5 kg Sack|Riz basmati sac 5 kg|Basmatirijst zak 5 kg|Riso basmati sacco 5 kg|Arroz basmati saco 5 kg|Rýže basmati pytel 5 kg|Basmatiris säck 5 kg|Basmatiris sekk 5 kg"),
    ("food", "red", (8.0, 38.0), "Beef tenderloin, vacuum packed, per kg|Rinderfilet vakuumiert, je kg|Filet de boeuf sous vide, le kg|Ossenhaas vacuum verpakt, per kg|Filetto di manzo sottovuoto, al kg|Solomillo de ternera al vacío, por kg|Hovězí svíčková vakuově balená, za kg|Oxfilé vakuumförpackad, per kg|Oksefilet vakuumpakket, per kg"),
    ("food", "red", (0.8, 4.5), "Free-range eggs size M, tray of 30|Freilandeier Gr. M, 30er Lage|Oeufs plein air calibre M, plateau de 30|Scharreleieren maat M, tray van 30|Uova da allevamento a terra M, vassoio da 30|Huevos camperos talla M, bandeja de 30|Vejce z volného výběhu M, proklad 30 ks|Frigående ägg M, bricka med 30|Frittgående egg M, brett med 30"),
    ("food", "red", (3.0, 22.0), "Parmesan cheese 24 months, per kg|Parmesan 24 Monate gereift, je kg|Parmesan affiné 24 mois, le kg|Parmezaanse kaas 24 maanden, per kg|Parmigiano Reggiano 24 mesi, al kg|Queso parmesano 24 meses, por kg|Sýr parmazán 24 měsíců, za kg|Parmesanost 24 månader, per kg|Parmesan 24 måneder, per kg"),
    ("food", "red", (1.5, 6.0), "Fresh cream 35 % fat, 1 l|Schlagsahne 35 % Fett, 1 l|Crème fraîche liquide 35 % MG, 1 l|Slagroom 35 % vet, 1 l|Panna fresca 35 % grassi, 1 l|Nata para montar 35 % MG, 1 l|Smetana ke šlehání 35 %, 1 l|Vispgrädde 35 % fett, 1 l|Kremfløte 35 % fett, 1 l"),
    ("food", "red", (0.9, 5.5), "Seasonal vegetables box, mixed|Saisongemüse Kiste, gemischt|Caisse de légumes de saison, mélange|Seizoensgroenten kist, gemengd|Cassetta di verdure di stagione, miste|Caja de verduras de temporada, surtido|Bedna sezónní zeleniny, mix|Säsongsgrönsaker låda, blandad|Sesonggrønnsaker kasse, blandet"),
    ("food", "red", (4.0, 19.0), "Arabica coffee beans espresso roast 1 kg|Arabica Kaffeebohnen Espressoröstung 1 kg|Café en grains arabica torréfaction espresso 1 kg|Arabica koffiebonen espressobranding 1 kg|Caffè in grani arabica tostatura espresso 1 kg|Café en grano arábica tueste espresso 1 kg|Zrnková káva arabica espresso 1 kg|Arabica kaffebönor espressorost 1 kg|Arabica kaffebønner espressobrent 1 kg"),
    ("bev", "std", (0.4, 2.2), "Mineral water sparkling 0.75 l glass bottle|Mineralwasser spritzig 0,75 l Glasflasche|Eau minérale gazeuse 0,75 l bouteille verre|Mineraalwater bruisend 0,75 l glazen fles|Acqua minerale frizzante 0,75 l vetro|Agua mineral con gas 0,75 l botella de vidrio|Minerální voda perlivá 0,75 l sklo|Mineralvatten kolsyrat 0,75 l glasflaska|Mineralvann med kullsyre 0,75 l glassflaske"),
    ("bev", "std", (3.5, 24.0), "House red wine Côtes du Rhône 0.75 l|Hauswein rot Côtes du Rhône 0,75 l|Vin rouge maison Côtes du Rhône 0,75 l|Huiswijn rood Côtes du Rhône 0,75 l|Vino rosso della casa Côtes du Rhône 0,75 l|Vino tinto de la casa Côtes du Rhône 0,75 l|Domácí červené víno Côtes du Rhône 0,75 l|Husets rödvin Côtes du Rhône 0,75 l|Husets rødvin Côtes du Rhône 0,75 l"),
    ("bev", "std", (40.0, 160.0), "Draught lager keg 30 l|Fassbier Pils 30 l Fass|Bière pression blonde fût 30 l|Tapbier pils fust 30 l|Birra alla spina lager fusto 30 l|Cerveza de barril lager 30 l|Točené pivo ležák sud 30 l|Fatöl ljus lager 30 l|Fatøl pils 30 l fat"),
    ("bev", "std", (0.6, 2.5), "Orange juice not from concentrate 1 l|Orangensaft Direktsaft 1 l|Jus d'orange pur jus 1 l|Sinaasappelsap niet uit concentraat 1 l|Succo d'arancia non da concentrato 1 l|Zumo de naranja exprimido 1 l|Pomerančová šťáva 100 % 1 l|Apelsinjuice ej från koncentrat 1 l|Appelsinjuice ikke fra konsentrat 1 l"),
    ("clean", "std", (3.0, 29.0), "Dishwasher detergent concentrate 10 kg|Spülmaschinenreiniger Konzentrat 10 kg|Détergent lave-vaisselle concentré 10 kg|Vaatwasmiddel concentraat 10 kg|Detergente lavastoviglie concentrato 10 kg|Detergente lavavajillas concentrado 10 kg|Mycí prostředek do myčky koncentrát 10 kg|Diskmedel koncentrat 10 kg|Oppvaskmiddel konsentrat 10 kg"),
    ("clean", "std", (2.0, 12.0), "Rinse aid 5 l|Klarspüler 5 l|Liquide de rinçage 5 l|Naglansmiddel 5 l|Brillantante 5 l|Abrillantador 5 l|Leštidlo 5 l|Sköljmedel 5 l|Skyllemiddel 5 l"),
    ("clean", "std", (1.0, 8.0), "Surface disinfectant spray 750 ml|Flächendesinfektion Spray 750 ml|Désinfectant surfaces spray 750 ml|Oppervlaktedesinfectie spray 750 ml|Disinfettante superfici spray 750 ml|Desinfectante de superficies spray 750 ml|Dezinfekce povrchů sprej 750 ml|Ytdesinfektion spray 750 ml|Overflatedesinfeksjon spray 750 ml"),
    ("clean", "std", (4.0, 26.0), "Microfibre cloths blue, pack of 10|Mikrofasertücher blau, 10er Pack|Lavettes microfibre bleues, lot de 10|Microvezeldoeken blauw, pak van 10|Panni in microfibra blu, conf. da 10|Bayetas de microfibra azules, pack de 10|Utěrky z mikrovlákna modré, bal. 10 ks|Mikrofiberdukar blå, 10-pack|Mikrofiberkluter blå, 10-pakning"),
    ("clean", "std", (9.0, 45.0), "Hand soap refill cartridge 6 x 1 l|Handseife Nachfüllkartusche 6 x 1 l|Savon mains recharge cartouche 6 x 1 l|Handzeep navulpatroon 6 x 1 l|Sapone mani ricarica 6 x 1 l|Jabón de manos recarga 6 x 1 l|Tekuté mýdlo náhradní náplň 6 x 1 l|Handtvål refill 6 x 1 l|Håndsåpe refill 6 x 1 l"),
    ("linen", "std", (0.8, 4.5), "Table linen rental, damask tablecloth 130 x 170 cm|Tischwäsche Miete, Damast Tischdecke 130 x 170 cm|Location de linge de table, nappe damassée 130 x 170 cm|Tafellinnen huur, damast tafelkleed 130 x 170 cm|Noleggio tovagliato, tovaglia damascata 130 x 170 cm|Alquiler de mantelería, mantel damasco 130 x 170 cm|Pronájem ubrusů, damaškový ubrus 130 x 170 cm|Hyra bordslinne, damastduk 130 x 170 cm|Leie av duker, damaskduk 130 x 170 cm"),
    ("linen", "std", (0.3, 2.0), "Napkins laundering service per piece|Servietten Wäscheservice je Stück|Blanchisserie serviettes par pièce|Servetten wasservice per stuk|Lavaggio tovaglioli al pezzo|Lavandería de servilletas por unidad|Praní ubrousků za kus|Tvätt av servetter per styck|Vask av servietter per stk"),
    ("linen", "std", (1.5, 9.0), "Bed linen set king size, laundering and ironing|Bettwäscheset King Size, Waschen und Mangeln|Parure de lit king size, lavage et repassage|Beddengoedset king size, wassen en strijken|Set biancheria letto king size, lavaggio e stiratura|Juego de cama king size, lavado y planchado|Sada ložního prádla king size, praní a žehlení|Bäddset king size, tvätt och mangling|Sengesett king size, vask og rulling"),
    ("linen", "std", (6.0, 28.0), "Chef jacket white, embroidered logo|Kochjacke weiß, Logo bestickt|Veste de cuisinier blanche, logo brodé|Koksbuis wit, geborduurd logo|Giacca da cuoco bianca, logo ricamato|Chaquetilla de cocinero blanca, logo bordado|Kuchařský rondon bílý, vyšité logo|Kockrock vit, broderad logotyp|Kokkejakke hvit, brodert logo"),
    ("equip", "std", (15.0, 120.0), "Gastronorm container GN 1/1 stainless steel 150 mm|Gastronorm Behälter GN 1/1 Edelstahl 150 mm|Bac gastronorme GN 1/1 inox 150 mm|Gastronormbak GN 1/1 rvs 150 mm|Bacinella gastronorm GN 1/1 inox 150 mm|Cubeta gastronorm GN 1/1 acero inoxidable 150 mm|Gastronádoba GN 1/1 nerez 150 mm|Gastronormbehållare GN 1/1 rostfri 150 mm|Gastronormbeholder GN 1/1 rustfritt 150 mm"),
    ("equip", "std", (180.0, 2400.0), "Combi steamer descaling unit incl. installation|Kombidämpfer Entkalkungsanlage inkl. Montage|Adoucisseur pour four mixte, pose comprise|Combisteamer ontkalkingsunit incl. installatie|Addolcitore per forno combinato, installazione inclusa|Descalcificador para horno mixto, instalación incluida|Změkčovač pro konvektomat vč. instalace|Avkalkningsenhet för kombiugn inkl. installation|Avkalkingsenhet for kombidamper inkl. montering"),
    ("equip", "std", (25.0, 160.0), "Chef knife 21 cm, forged|Kochmesser 21 cm, geschmiedet|Couteau de chef 21 cm, forgé|Koksmes 21 cm, gesmeed|Coltello da chef 21 cm, forgiato|Cuchillo de chef 21 cm, forjado|Kuchařský nůž 21 cm, kovaný|Kockkniv 21 cm, smidd|Kokkekniv 21 cm, smidd"),
    ("equip", "std", (2.0, 9.0), "Wine glass 47 cl, tempered|Weinglas 47 cl, gehärtet|Verre à vin 47 cl, trempé|Wijnglas 47 cl, gehard|Calice da vino 47 cl, temperato|Copa de vino 47 cl, templada|Sklenice na víno 47 cl, tvrzená|Vinglas 47 cl, härdat|Vinglass 47 cl, herdet"),
]
# services: hourly/visit style (rate range)
SERVICES = [
    ("svc", "std", (38.0, 95.0), "Deep cleaning kitchen, per hour|Grundreinigung Küche, je Stunde|Nettoyage complet cuisine, par heure|Dieptereiniging keuken, per uur|Pulizia profonda cucina, all'ora|Limpieza a fondo de cocina, por hora|Hloubkový úklid kuchyně, za hodinu|Storstädning kök, per timme|Hovedrengjøring kjøkken, per time"),
    ("svc", "std", (55.0, 140.0), "Technician labour refrigeration repair|Techniker Arbeitszeit Kältereparatur|Main-d'oeuvre technicien réparation froid|Arbeidsloon monteur koelreparatie|Manodopera tecnico riparazione frigo|Mano de obra técnico reparación frío|Práce technika oprava chlazení|Tekniker arbetstid kylreparation|Teknikerarbeid kjølereparasjon"),
    ("svc", "std", (30.0, 70.0), "Window cleaning restaurant front|Glasreinigung Restaurantfront|Nettoyage vitres façade restaurant|Glasbewassing restaurantgevel|Pulizia vetrate fronte ristorante|Limpieza de cristales fachada restaurante|Mytí oken průčelí restaurace|Fönsterputs restaurangfasad|Vindusvask restaurantfasade"),
    ("svc", "std", (60.0, 150.0), "HACCP staff training session|HACCP Mitarbeiterschulung|Formation HACCP du personnel|HACCP training personeel|Formazione HACCP del personale|Formación APPCC del personal|Školení HACCP pro personál|HACCP-utbildning personal|HACCP-opplæring personale"),
    ("svc", "std", (40.0, 110.0), "Grease trap emptying and cleaning|Fettabscheider Entleerung und Reinigung|Vidange et nettoyage bac à graisse|Vetafscheider legen en reinigen|Svuotamento e pulizia degrassatore|Vaciado y limpieza separador de grasas|Vyprázdnění a čištění lapače tuků|Tömning och rengöring fettavskiljare|Tømming og rengjøring fettutskiller"),
    ("svc", "std", (45.0, 120.0), "Preventive maintenance dishwasher|Wartung Spülmaschine|Maintenance préventive lave-vaisselle|Preventief onderhoud vaatwasser|Manutenzione preventiva lavastoviglie|Mantenimiento preventivo lavavajillas|Preventivní údržba myčky|Förebyggande underhåll diskmaskin|Forebyggende vedlikehold oppvaskmaskin"),
    ("svc", "std", (0.35, 1.2), "Travel costs per km|Anfahrt je km|Frais de déplacement par km|Reiskosten per km|Spese di trasferta al km|Desplazamiento por km|Cestovné za km|Resekostnad per km|Reisekostnad per km"),
    ("svc", "std", (35.0, 85.0), "Pest control inspection visit|Schädlingskontrolle Inspektion|Visite de contrôle antiparasitaire|Inspectie ongediertebestrijding|Ispezione disinfestazione|Visita de control de plagas|Kontrola deratizace|Skadedjurskontroll besök|Skadedyrkontroll besøk"),
]

LONG_TAIL = {
    "en": "delivered to the service entrance, including returnable crates and disposal of old packaging",
    "de": "Lieferung an den Lieferanteneingang inklusive Mehrwegkisten und Entsorgung der Altverpackung",
    "fr": "livré à l'entrée de service, caisses consignées et reprise des anciens emballages comprises",
    "nl": "geleverd aan de dienstingang, inclusief retourkratten en afvoer van oude verpakkingen",
    "it": "consegnato all'ingresso di servizio, incluse casse a rendere e smaltimento imballaggi",
    "es": "entregado en la entrada de servicio, incluidas cajas retornables y retirada de embalajes",
    "cs": "dodáno ke služebnímu vchodu včetně vratných přepravek a likvidace starých obalů",
    "sv": "levererat till personalingången inklusive returbackar och bortforsling av gammal förpackning",
    "nb": "levert til vareinngangen inkludert returkasser og bortkjøring av gammel emballasje",
}

# legal forms per country
COUNTRIES = {
    "DE": dict(forms=["GmbH", "GmbH & Co. KG", "AG", "e.K.", "UG (haftungsbeschränkt)"], cities=[("10115", "Berlin", "Chausseestraße 12"), ("80331", "München", "Sendlinger Str. 41"), ("50667", "Köln", "Hohe Straße 88"), ("20095", "Hamburg", "Spitalerstraße 3")]),
    "AT": dict(forms=["GmbH", "KG", "OG"], cities=[("1010", "Wien", "Kärntner Straße 21"), ("5020", "Salzburg", "Getreidegasse 9")]),
    "CH": dict(forms=["AG", "GmbH", "Sàrl"], cities=[("8001", "Zürich", "Bahnhofstrasse 50"), ("1204", "Genève", "Rue du Rhône 14"), ("3011", "Bern", "Marktgasse 7")]),
    "FR": dict(forms=["SARL", "SAS", "SA", "EURL"], cities=[("75011", "Paris", "12 rue Oberkampf"), ("69002", "Lyon", "8 quai Saint-Antoine"), ("13001", "Marseille", "40 La Canebière")]),
    "BE": dict(forms=["SRL", "SA", "BV"], cities=[("1000", "Bruxelles", "Rue Neuve 45"), ("4000", "Liège", "Place Saint-Lambert 2")]),
    "NL": dict(forms=["B.V.", "V.O.F.", "N.V."], cities=[("1012 AB", "Amsterdam", "Damrak 70"), ("3011 AD", "Rotterdam", "Hoogstraat 110")]),
    "IT": dict(forms=["S.r.l.", "S.p.A.", "S.n.c."], cities=[("20121", "Milano", "Via Manzoni 12"), ("00186", "Roma", "Via del Corso 101")]),
    "ES": dict(forms=["S.L.", "S.A."], cities=[("28013", "Madrid", "Calle Mayor 24"), ("08002", "Barcelona", "Carrer de Ferran 9")]),
    "CZ": dict(forms=["s.r.o.", "a.s."], cities=[("110 00", "Praha 1", "Národní 25"), ("602 00", "Brno", "Masarykova 18")]),
    "SE": dict(forms=["AB", "HB"], cities=[("111 52", "Stockholm", "Drottninggatan 33"), ("411 06", "Göteborg", "Kungsgatan 12")]),
    "NO": dict(forms=["AS", "ASA"], cities=[("0154", "Oslo", "Karl Johans gate 5"), ("5003", "Bergen", "Torgallmenningen 2")]),
    "GB": dict(forms=["Ltd", "Limited", "LLP", "plc"], cities=[("EC1V 9HX", "London", "120 Old Street"), ("M1 1AE", "Manchester", "45 Market Street")]),
    "IE": dict(forms=["Ltd", "DAC"], cities=[("D02 X285", "Dublin 2", "14 Grafton Street")]),
    "US": dict(forms=["Inc.", "LLC", "Corp."], cities=[("10013", "New York, NY", "210 Canal Street"), ("60607", "Chicago, IL", "900 W Randolph St"), ("94103", "San Francisco, CA", "455 Mission Street")]),
}

BASES = {
    "food": ["Frischeparadies", "Nordsee Feinkost", "Maison Gourmet", "Alpenfrisch", "Green Valley Produce", "Metro Gastro Supply", "Fattoria Bianchi", "Hortalizas del Sur", "Bakker Versgroothandel", "Fjord Fisk", "Zelenina Novák"],
    "bev": ["Getränke Hoffmann", "Cave des Sommeliers", "Brouwerij De Kroon", "Bevande Rossi", "Bodegas Ruiz", "Pivovar Kozel Distribuce", "Brew Supply", "Aqua Pura Distribution"],
    "clean": ["Hygiene Profi", "CleanTec Gastro", "Nettoyage Pro", "Schoon & Co", "Pulito Service", "Limpiezas Brillo", "Čistota Servis", "Städproffsen", "Renhold Partner"],
    "linen": ["Textilpflege Weber", "Blanchisserie du Lac", "Linnen Service Holland", "Lavanderia Stella", "Lavandería Central", "Prádelna Bílá", "Tvätteriet Nord", "Hotel Linen Services"],
    "equip": ["Gastro-Technik Schulz", "Équipement Cuisine Pro", "Horeca Techniek", "Attrezzature Gastronomia", "Equipos Hosteleros", "Gastro Technika", "Storkök Teknik", "Kitchen Equipment Direct"],
    "svc": ["Facility Service Krause", "Services Hôteliers Martin", "Onderhoud Partners", "Manutenzioni Verdi", "Servicios Integrales", "Servis Horák", "Fastighetsservice Berg", "Pro Maintenance"],
}

CUSTOMERS = ["Hotel Bellevue", "Restaurant Zur Post", "Brasserie Le Central", "Grand Hotel Europa", "Trattoria da Luigi", "Café Central", "Hotel am See", "Bistro Lumière", "Restaurante La Marina", "The Crown Inn", "Hotel Royal Palace", "Gasthof Adler", "Hôtel des Arts", "Stadtcafé Müller", "Osteria del Ponte", "Seaside Hotel & Spa"]
