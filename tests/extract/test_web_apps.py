"""Invoices printed by web apps' JavaScript PDF libraries (jsPDF with autotable, pdfmake,
PDFKit): headings over two lines, a web shop's "#" numbers, shipping below the subtotal."""

from __future__ import annotations

from bot.extract.parse import parse_pages


def test_a_number_printed_with_its_hash_keeps_it() -> None:
    """ "N° de facture: #98656": the "#" glued to the number is printed as part of it (a web
    shop's "#1001"); "Invoice # 123" set apart is the label's."""
    page = """Blanchisserie Garnier SAS                                           Facture
45 quai des Chartrons                                N° de facture: #98656
33000 Bordeaux                                       Date d'émission: 06/11/2024

Désignation                                   Quantité    Prix unitaire HT    Total HT
Vin rouge de la maison, 0,75 l                      35               18,66      653,10
                                                           Total HT             653,10
                                                           TVA 20 %             130,62
                                                           Total TTC            783,72
"""
    assert parse_pages([page]).invoice.invoice_number == "#98656"
    spaced = page.replace("N° de facture: #98656", "Invoice # 98656      ")
    assert parse_pages([spaced]).invoice.invoice_number == "98656"


def test_an_italian_document_number_and_czech_catalogue_numbers() -> None:
    """ "N. documento" numbers the invoice; "Kat. č." heads the article codes and "Označení"
    the descriptions."""
    page = """Ferrari Forniture Alberghiere S.r.l.                  N. documento      FT/2025/605
Via Stalingrado 45, 40128 Bologna                     Data documento    04/07/2025

Č.   Kat. č.       Označení                         Množství      Cena/MJ       Částka
1    LN-34970      Sada ložního prádla, praná          1 000     12,54 Kč   12 540,00 Kč
2    141407        Pronájem ubrusu 130 x 130 cm          120     20,89 Kč    2 506,80 Kč
                                                    Celkem bez DPH        15 046,80 Kč
"""
    invoice = parse_pages([page]).invoice

    assert invoice.invoice_number == "FT/2025/605"
    assert [(i.product_code, i.description) for i in invoice.line_items] == [
        ("LN-34970", "Sada ložního prádla, praná"),
        ("141407", "Pronájem ubrusu 130 x 130 cm"),
    ]


def test_headings_over_two_lines_read_as_one() -> None:
    """pdfmake wraps narrow headings: "Item" over "code" heads the codes, "Unit" over "price"
    the prices (each word alone names another column)."""
    page = """Harbour Linen Services Inc.                        Invoice No. INV-2024-118
                                                   Date: 03/14/2024

Item                                     Item        Quantity      Unit         Total
                                         code                      price        (USD)

Linen rental weekly service              SV399-L            6    195.31      1,171.86
Bed linen set, washed and ironed         LN705-L           28      1.63         45.64
                                                        Subtotal             1,217.50
                                                        Sales tax 8%            97.40
                                                        Total                1,314.90
"""
    items = parse_pages([page]).invoice.line_items

    assert [(i.description, i.product_code, str(i.unit_price)) for i in items] == [
        ("Linen rental weekly service", "SV399-L", "195.31"),
        ("Bed linen set, washed and ironed", "LN705-L", "1.63"),
    ]


def test_shipping_below_the_subtotal_is_no_item() -> None:
    """ "Portes" (Spanish carriage) between the subtotal and the taxable base."""
    page = """Suministros Hosteleros Ruiz S.L.                   Factura nº  F-2024-0093
Calle Mayor 24, 28013 Madrid                       Fecha       12/03/2024

 Código        Descripción                                   Uds.       Precio         Total
 EQ-13063      Cubeta gastronorm GN 1/1, 100 mm                 4     51,67 €     206,68 €
 CL907-M       Desinfectante de superficies 1 l                 7      6,19 €      43,33 €

                                                 Subtotal                         250,01 €
                                                 Portes                            12,50 €
                                                 Base imponible                   262,51 €
                                                 IVA 21%                           55,13 €
                                                 Total                            317,64 €
"""
    items = parse_pages([page]).invoice.line_items

    assert [i.product_code for i in items] == ["EQ-13063", "CL907-M"]
