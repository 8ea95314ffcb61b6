"""Line items of tables as real invoices lay them out: with or without a heading row."""

from __future__ import annotations

from decimal import Decimal

from bot.extract.parse import parse_pages
from bot.extract.schema import LineItem


def _items(*pages: str) -> list[LineItem]:
    return parse_pages(list(pages)).invoice.line_items


def _rows(items: list[LineItem]) -> list[tuple[object, ...]]:
    return [(i.description, i.quantity, i.unit, i.unit_price, i.total) for i in items]


def test_headless_rows_with_code_and_quantity_before_the_description() -> None:
    page = (
        "Jansen Versgroothandel\n"
        "Factuurnr.:        V2023-044            Factuurdatum:     16/12/2023\n"
        " 20873        3 kg   Trostomaten klasse I                 4,50        13,50\n"
        " 17485      8 doos   Roomboter ongezouten 250 g x 40     95,35       762,80\n"
        " FR587        1 st   Bezorgkosten                         6,20         6,20\n"
        "                                     Subtotaal                    EUR 782,50\n"
        "                                     Btw 9%                        EUR 70,43\n"
        "                                     Totaal incl. BTW             EUR 852,93\n"
    )
    items = _items(page)
    assert _rows(items) == [
        ("Trostomaten klasse I", 3, "kg", Decimal("4.50"), Decimal("13.50")),
        ("Roomboter ongezouten 250 g x 40", 8, "doos", Decimal("95.35"), Decimal("762.80")),
        ("Bezorgkosten", 1, "st", Decimal("6.20"), Decimal("6.20")),
    ]
    assert [i.product_code for i in items] == ["20873", "17485", "FR587"]


def test_headless_rows_with_unit_cell_and_rate_without_percent_sign() -> None:
    page = (
        "Edinburgh Drinks Company\n"
        "Invoice No.:   A-074904          Invoice Date:   09/09/24\n"
        " 1  86888   Orange juice 1 l x 6      cs       6     9.09   20.0     54.54\n"
        " 2  27015   House red wine 0.75 l     bottle  24     9.38   20.0    225.12\n"
        " 3  43687   Kitchen deep clean        hr     2.5    43.01   20.0    107.53\n"
        "                                 Sub-total                £387.19\n"
        "                                 VAT 20%                   £77.44\n"
        "                                 Invoice Total            £464.63\n"
    )
    items = _items(page)
    assert _rows(items) == [
        ("Orange juice 1 l x 6", 6, "cs", Decimal("9.09"), Decimal("54.54")),
        ("House red wine 0.75 l", 24, "bottle", Decimal("9.38"), Decimal("225.12")),
        ("Kitchen deep clean", Decimal("2.5"), "hr", Decimal("43.01"), Decimal("107.53")),
    ]
    assert {i.tax_rate for i in items} == {Decimal("20.0")}


def test_unit_printed_in_the_quantity_cell() -> None:
    page = (
        "Getränke Huber GmbH\n"
        "Rechnung Nr. 2024-77                              Datum: 01.03.2024\n"
        " Pos  Bezeichnung                     Menge     Einzelpreis      Gesamt\n"
        "   1  Tonic Water 24 x 0,2 l         8 Kiste         16,47       131,76\n"
        "   2  Pfand Kasten                  2 Kasten          2,40         4,80\n"
        "   3  Wartung Kühlanlage               1 Mon.        30,00        30,00\n"
        "                                       Summe netto                166,56\n"
    )
    assert [i.unit for i in _items(page)] == ["Kiste", "Kasten", "Mon."]


def test_table_goes_on_after_a_carried_forward_line_on_the_next_page() -> None:
    head = " Code    Omschrijving                    Aantal     Prijs       Totaal\n"
    page1 = (
        "Slagerij Mulder V.O.F.\n"
        "Factuurnr.:    2023/0925           Factuurdatum:   2023-11-09\n"
        + head
        + " 48057   Kipfilet                            5     9,15        45,75\n"
        " 38463   Braadworst 20 x 120 g               7    14,32       100,24\n"
        " Over te brengen                                              145,99\n"
        "Slagerij Mulder V.O.F.   IBAN NL30 ABNA 5652 5339 27   KvK 90655785\n"
    )
    page2 = (
        "Slagerij Mulder V.O.F.                                  Factuur 2023/0925\n"
        + head
        + " Transport                                                    145,99\n"
        " 99536   Kalfsoester                         4    31,13       124,52\n"
        "                                  Totaal excl. BTW            270,51 €\n"
        "                                  Btw 9%                       24,35 €\n"
        "                                  Totaalbedrag                294,86 €\n"
    )
    items = _items(page1, page2)
    assert [(i.description, i.total) for i in items] == [
        ("Kipfilet", Decimal("45.75")),
        ("Braadworst 20 x 120 g", Decimal("100.24")),
        ("Kalfsoester", Decimal("124.52")),
    ]


def test_tax_breakdown_beside_the_last_row_is_not_an_item() -> None:
    page = (
        "Boissons Lefèvre SAS\n"
        "Facture N° F2024-983                              Date : 12/03/2024\n"
        "  N°   Code     Description                               Qté     PU HT     Total HT\n"
        "  27   99230    Prosecco DOC extra dry 75 cl               12     10,41       124,92\n"
        "  28   FR405    Frais de port                               1      9,86         9,86\n"
        "Taux TVA          Base HTMontant TVA        TTC    Montant HT           134,78 EUR\n"
        "   20 %            134,78         26,96   161,74   Total TVA          26,96 EUR\n"
        "                                                   Total TTC         161,74 EUR\n"
        "Boissons Lefèvre SAS au capital de 50 000 €   IBAN FR91 1024 2332 8665 8619\n"
    )
    items = _items(page)
    assert [i.description for i in items] == ["Prosecco DOC extra dry 75 cl", "Frais de port"]


def test_footer_and_group_heading_left_of_the_description_are_not_detail_lines() -> None:
    page = (
        "Boissons Lefèvre SAS\n"
        "Facture N° F2024-983                              Date : 12/03/2024\n"
        "  N°   Code     Description                               Qté     PU HT     Total HT\n"
        "  1    59298    Vin rouge Côtes du Rhône 75 cl              24      7,22       173,28\n"
        " BL N° 547493 du 17/03/24\n"
        "  2    77906    Eau minérale plate 24 x 50 cl                8     11,29        90,32\n"
        "                Lot 4711\n"
        "                                              Total HT               263,60\n"
    )
    items = _items(page)
    assert [i.description for i in items] == [
        "Vin rouge Côtes du Rhône 75 cl",
        "Eau minérale plate 24 x 50 cl\nLot 4711",
    ]


def test_discount_row_under_the_items_is_an_item_but_not_in_the_totals_box() -> None:
    page = (
        "Slagerij Mulder V.O.F.\n"
        "Factuurnr.:    2023/0925           Factuurdatum:   2023-11-09\n"
        " Code    Omschrijving                         Aantal     Prijs       Totaal\n"
        " 48057   Kipfilet                                  5      9,15        45,75\n"
        " 38463   Braadworst 20 x 120 g                     7     14,32       100,24\n"
        "         Klantkorting                                                 -5,84\n"
        "                                  Subtotaal                          140,15\n"
        "                                  Korting                            -10,00\n"
        "                                  Totaal excl. BTW                   130,15\n"
    )
    items = _items(page)
    assert [(i.description, i.total) for i in items] == [
        ("Kipfilet", Decimal("45.75")),
        ("Braadworst 20 x 120 g", Decimal("100.24")),
        ("Klantkorting", Decimal("-5.84")),
    ]


def test_headless_list_with_discount_goes_on_across_the_page_break() -> None:
    page1 = (
        "Frischdienst Becker KG\n"
        "Rechnung Nr.   R2023-862                        Rechnungsdatum   26.05.2023\n"
        "\n"
        " Olivenöl nativ extra 5 l Kanister                1   Stk      37,35      37,35\n"
        " Freilandeier Gr. L x 180                         4   Kiste    45,51     182,04\n"
        " Lieferschein 230265 vom 25.05.2023\n"
        " Zitronen unbehandelt                            21   kg        2,41      50,61\n"
        "\n"
        "Frischdienst Becker KG · Sitz: Hamburg · Amtsgericht Hamburg HRB 91708\n"
        "Geschäftsführer: Sabine Hansen · USt-IdNr. DE 344 908 026\n"
        "Bankverbindung: IBAN DE25 3690 8363 0838 9813 67  BIC COBADEFFXXX\n"
        "                                                                  Seite 1/2\n"
    )
    page2 = (
        "Frischdienst Becker KG                                  Rechnung R2023-862\n"
        " Zwiebeln gelb 25 kg Sack                         3   Stk      20,67      62,01\n"
        " Rabatt                                                                  -21,83\n"
        "                                      Zwischensumme                 EUR 310,18\n"
        "                                      USt 7 %                        EUR 21,71\n"
        "                                      Rechnungsbetrag               EUR 331,89\n"
    )
    items = _items(page1, page2)
    assert [(i.description, i.unit, i.total) for i in items] == [
        ("Olivenöl nativ extra 5 l Kanister", "Stk", Decimal("37.35")),
        ("Freilandeier Gr. L x 180", "Kiste", Decimal("182.04")),
        ("Zitronen unbehandelt", "kg", Decimal("50.61")),
        ("Zwiebeln gelb 25 kg Sack", "Stk", Decimal("62.01")),
        ("Rabatt", None, Decimal("-21.83")),
    ]


def test_totals_box_right_of_the_descriptions_ends_the_table_whatever_its_labels() -> None:
    page = (
        "Harrison Bakery\n"
        "Invoice Number   IN-2024-68633                          Date   05/09/24\n"
        "   #   Details                                 Quantity      Rate     Net Amount\n"
        "   1   Butter croissants x 10                         2      8.89          17.78\n"
        "   2   Baked cheesecake 12 portions                   8     29.53         236.24\n"
        "                              Goods Total                                $254.02\n"
        "                              Sales Tax (6.25%)                           $15.88\n"
        "                              Total Due                                  $269.90\n"
    )
    items = _items(page)
    assert [(i.description, i.quantity, i.total) for i in items] == [
        ("Butter croissants x 10", 2, Decimal("17.78")),
        ("Baked cheesecake 12 portions", 8, Decimal("236.24")),
    ]


def test_headless_rows_opening_with_right_aligned_quantities() -> None:
    page = (
        "Metzgerei Hansen e.K.\n"
        "Rechnung Nr. A-061673                               Datum 01.02.2024\n"
        "       10,5   kg       Schweinebauch ohne Knochen         9,74      102,27\n"
        "                       Charge 122861\n"
        "     2,696    kg       Hähnchenbrustfilet                13,68       36,88\n"
        "          6   Pkg.     Bratwurst grob 20 x 120 g         10,21       61,26\n"
        "         13   kg       Kalbsschnitzel                    38,76      503,88\n"
        "                                   Summe netto                 € 704,29\n"
        "                                   USt 7 %                      € 49,30\n"
        "                                   Summe brutto                € 753,59\n"
    )
    items = _items(page)
    assert _rows(items) == [
        (
            "Schweinebauch ohne Knochen\nCharge 122861",
            Decimal("10.5"),
            "kg",
            Decimal("9.74"),
            Decimal("102.27"),
        ),
        ("Hähnchenbrustfilet", Decimal("2.696"), "kg", Decimal("13.68"), Decimal("36.88")),
        ("Bratwurst grob 20 x 120 g", 6, "Pkg.", Decimal("10.21"), Decimal("61.26")),
        ("Kalbsschnitzel", 13, "kg", Decimal("38.76"), Decimal("503.88")),
    ]


def test_minus_printed_before_the_currency_sign() -> None:
    page = (
        "Harbour Foods Inc.\n"
        "Invoice Number   240307-22                           Invoice date   03/07/24\n"
        " Description                          Qty        Unit Price          Amount\n"
        " Onions brown 25 kg sack                8            $17.04         $136.32\n"
        " Loyalty discount                                                   -$6.82\n"
        "                                   Sub-total                       $129.50\n"
    )
    assert [i.total for i in _items(page)] == [Decimal("136.32"), Decimal("-6.82")]


def test_headings_naming_price_per_unit_hourly_rate_and_net_value() -> None:
    """Heading "Prix unit." is the price (not a unit column), "Taux horaire" and "Stundensatz"
    the price per hour (not a tax rate), "Net value" the line total; "Datum" is no unit."""
    page = (
        "Traiteur Dupont SARL\n"
        "Facture n° F-2024-118        Date : 12/03/2024\n"
        "  Qté   Unité   Désignation                  Prix unit. HT      Montant HT\n"
        "   90   pce     Œufs plein air                        0,38         34,20\n"
        "                                          Total HT                 34,20\n"
        "                                          TVA 6 %                   2,05\n"
        "                                          Total TTC                36,25\n"
    )
    assert _rows(_items(page)) == [
        ("Œufs plein air", 90, "pce", Decimal("0.38"), Decimal("34.20")),
    ]
    page = (
        "Küchentechnik Weber\n"
        "Rechnung Nr. 2024-0815        Datum: 12.03.2024\n"
        "Datum          Bezeichnung                 Menge          Stundensatz         Gesamt\n"
        "04.03.2024     Fettabscheider reinigen       1.5    h           38.00          57.00\n"
        "                                          Nettobetrag                          57.00\n"
        "                                          MwSt 19 %                            10.83\n"
        "                                          Gesamtbetrag                         67.83\n"
    )
    assert _rows(_items(page)) == [
        ("Fettabscheider reinigen", Decimal("1.5"), "h", Decimal("38.00"), Decimal("57.00")),
    ]
    page = (
        "Northern Foods Ltd\n"
        "Invoice No. INV-4410         Invoice date 12/03/2024\n"
        "Item    Material     Description              Qty    UoM      Price     Net value\n"
        "\n"
        "10      8222765      Cheddar, mature         5.09     KG       8.77         44.64\n"
        "                     Batch: L2307857   BBD: 07/02/2024   Delivery note 887 of 18/07/2023\n"
        "20      8222766      Double cream 2L            8     EA       6.25         50.00\n"
        "                     vacuum packed, chilled\n"
        "                     Batch: L2307809   BBD: 08/12/2023   Delivery note 887 of 18/07/2023\n"
        "                                          Net total                          94.64\n"
        "                                          VAT 20%                            18.93\n"
        "                                          Total                             113.57\n"
    )
    assert _rows(_items(page)) == [
        ("Cheddar, mature", Decimal("5.09"), "KG", Decimal("8.77"), Decimal("44.64")),
        ("Double cream 2L\nvacuum packed, chilled", 8, "EA", Decimal("6.25"), Decimal("50.00")),
    ]


def test_unit_named_quantity_heading_and_flat_fee_unit_run_into_its_quantity() -> None:
    """A quantity column headed by its unit ("dag", "Tag", "uur"); a flat fee's unit
    ("pauschal", "forfait", "fixed") even when the PDF runs it into the quantity."""
    page = (
        "Horeca Advies BV\n"
        "Factuurnummer: 2024-031        Factuurdatum: 29-02-2024\n"
        "Datum         Omschrijving                   dag        Tarief        Bedrag\n"
        "\n"
        "06/02/2024    Training bediening           0,5 dag      600,00        300,00\n"
        "08/02/2024    Voorrijkosten                 1pauschal     45,00         45,00\n"
        "                                       Subtotaal                     345,00\n"
        "                                       Btw 21%                        72,45\n"
        "                                       Totaal                        417,45\n"
    )
    assert _rows(_items(page)) == [
        ("Training bediening", Decimal("0.5"), "dag", Decimal("600.00"), Decimal("300.00")),
        ("Voorrijkosten", 1, "pauschal", Decimal("45.00"), Decimal("45.00")),
    ]


def test_summary_invoice_listing_delivery_notes() -> None:
    """A summary invoice's table names its items by the delivery note column."""
    page = (
        "Wäscherei Blank GmbH\n"
        "Rechnungsnummer   INV-865412          Datum   28.02.2025\n"
        "Sammelrechnung INV-865412\n"
        "Datum           Lieferschein                             Gesamt CHF\n"
        "01.02.2025      Lieferschein 159786                          542.82\n"
        "13.02.2025      Lieferschein 159791                          208.25\n"
        "                                      Nettobetrag            751.07\n"
        "                                      MWST 8.1 %              60.84\n"
        "                                      Gesamtbetrag           811.91\n"
    )
    assert [(i.description, i.total) for i in _items(page)] == [
        ("Lieferschein 159786", Decimal("542.82")),
        ("Lieferschein 159791", Decimal("208.25")),
    ]


def test_cash_receipt_items_on_two_lines_and_a_discount_on_the_whole_bill() -> None:
    """Receipt items: article number and description, then "EAN qty unit x price  amount code";
    a discount among the totals means the items add up to the net before it."""
    page = (
        "                         De Groene Weide BV\n"
        "Factuurnr. 2025.06.978                       17-06-2025 Tijd 19:20\n"
        "==================================================================\n"
        "829239 Slagroom 35% 1 l\n"
        "  0274261342077 2 st x 3,20                                 6,40 2\n"
        "663866 Oude Goudse kaas\n"
        "  2909172637284 6,883 kg x 16,88                          116,19 2\n"
        "==================================================================\n"
        "TOTAAL ARTIKELEN                                            122,59\n"
        "KORTING 3%                                                   -3,68\n"
        "TOTAAL EXCL. BTW                                            118,91\n"
        "BTW 9%                                                       10,70\n"
        "TOTAAL EUR                                                  129,61\n"
    )
    items = _items(page)
    assert _rows(items) == [
        ("Slagroom 35% 1 l", 2, "st", Decimal("3.20"), Decimal("6.40")),
        ("Oude Goudse kaas", Decimal("6.883"), "kg", Decimal("16.88"), Decimal("116.19")),
    ]
    assert [i.product_code for i in items] == ["829239", "663866"]
    page = (
        "                         Cash & Carry Ltd\n"
        "Invoice No. 2023.08.152                        12/08/2023 14:02\n"
        "==================================================================\n"
        "350999 HOUSE RED WINE 75CL                 9 x    8.93     80.37 S\n"
        "909324 DEPOSIT RETURN                     -8 x    3.30    -26.40 S\n"
        "==================================================================\n"
        "NET TOTAL                                                    53.97\n"
        "VAT 20%                                                      10.79\n"
        "TOTAL GBP                                                    64.76\n"
    )
    assert _rows(_items(page)) == [
        ("HOUSE RED WINE 75CL", 9, None, Decimal("8.93"), Decimal("80.37")),
        ("DEPOSIT RETURN", -8, None, Decimal("3.30"), Decimal("-26.40")),
    ]


def test_receipt_lines_with_vat_digit_and_a_description_running_into_the_quantity() -> None:
    page = (
        "                      Boulangerie Lambert SPRL\n"
        "Facture n° 2024.06.617                          02-06-2024 10:12\n"
        "==================================================================\n"
        "298539 Pommes de terre Charlotte 10 kg      4 x   14,02    56,08 2\n"
        "694665 Filet de bœuf Charolais (Déstockage) 2,5 x   52,82 132,05 2\n"
        "==================================================================\n"
        "TOTAL HT                                                   188,13\n"
        "TVA 6 %                                                     11,29\n"
        "TOTAL TTC EUR                                              199,42\n"
    )
    assert _rows(_items(page)) == [
        ("Pommes de terre Charlotte 10 kg", 4, None, Decimal("14.02"), Decimal("56.08")),
        (
            "Filet de bœuf Charolais (Déstockage)",
            Decimal("2.5"),
            None,
            Decimal("52.82"),
            Decimal("132.05"),
        ),
    ]


def test_headings_run_together_and_a_unit_cell_before_the_description() -> None:
    """Narrow headings the PDF ran together ("AantalEenheidOmschrijving"); the number under
    them is the quantity, the word after it the unit."""
    page = (
        "Van Dijk Groothandel BV\n"
        "Factuurnummer 2024-118          Factuurdatum 12-03-2024\n"
        "      AantalEenheidOmschrijving" + " " * 40 + "Prijs     Bedrag EUR\n"
        "\n"
        "           5,8    kg     Trostomaten" + " " * 36 + "3,13        18,15 €\n"
        "           15     blik   Olijfolie extra vierge 5 l" + " " * 20 + "38,66       579,90 €\n"
        "                                         Subtotaal                598,05 €\n"
        "                                         Btw 9%                    53,82 €\n"
        "                                         Totaal                   651,87 €\n"
    )
    assert _rows(_items(page)) == [
        ("Trostomaten", Decimal("5.8"), "kg", Decimal("3.13"), Decimal("18.15")),
        ("Olijfolie extra vierge 5 l", 15, "blik", Decimal("38.66"), Decimal("579.90")),
    ]
