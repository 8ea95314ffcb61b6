"""Choosing the invoice's totals when a page prints more than one "amount due"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.extract.doc import Doc
from bot.extract.parse import parse_pages
from bot.extract.totals import choose


def _read(page: str) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    invoice = parse_pages([page]).invoice
    return invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax


def test_previous_balance_is_not_part_of_the_invoice_total() -> None:
    page = (
        "Northern Power Ltd\n"
        "Invoice number: E-55120                          Invoice date: 02/03/2024\n"
        "\n"
        "Energy charges                                               100.00\n"
        "Standing charge                                               20.00\n"
        "Total excl. VAT                                              120.00\n"
        "VAT 20%                                                       24.00\n"
        "Total this invoice                                           144.00\n"
        "Previous balance                                              80.00\n"
        "Amount due                                                   224.00\n"
    )
    assert _read(page) == (Decimal("120.00"), Decimal("24.00"), Decimal("144.00"))


def test_amount_already_paid_is_not_taken_off_the_total() -> None:
    page = (
        "Traiteur Dupont SARL\n"
        "Facture n° F2024-118                                 Date : 12/03/2024\n"
        "Total HT                                                  1 000,00 €\n"
        "TVA 10 %                                                    100,00 €\n"
        "Total TTC                                                 1 100,00 €\n"
        "Acompte versé                                               300,00 €\n"
        "Net à payer                                                 800,00 €\n"
    )
    assert _read(page) == (Decimal("1000.00"), Decimal("100.00"), Decimal("1100.00"))


def test_an_amount_labelled_including_tax_is_a_gross_total() -> None:
    page = (
        "Musterversicherung AG\n"
        "Beitragsrechnung Nr. 77-123                                  11.03.2024\n"
        "Quartalsbeitrag inklusive 19 % Versicherungsteuer              220,00 €\n"
        "darin enthaltene Versicherungsteuer                            (35,13 €)\n"
        "Ausstehende Forderung                                          220,00 €\n"
        "zu zahlender Beitrag                                           440,00 €\n"
    )
    assert _read(page)[2] == Decimal("220.00")


def test_the_sum_of_the_items_breaks_a_tie_between_net_candidates() -> None:
    doc = Doc(
        [
            "Fresh Greens BV\n"
            "Invoice no: 2024-118                              Date: 12-03-2024\n"
            "Subtotal                                            30.00\n"
            "Net amount                                          40.00\n"
        ]
    )
    assert choose(doc).net == Decimal("40.00")  # the later label, without other evidence
    assert choose(doc, items_total=Decimal("30.00")).net == Decimal("30.00")


def test_no_break_spaces_group_thousands_inside_one_cell() -> None:
    page = (
        "Primeurs Mercier SAS\n"
        "Facture n° F-2024-311                                 Date : 14/03/2024\n"
        "Montant HT                                           1\u00a0176,03 €\n"
        "Total TVA                                               68,25 €\n"
        "Montant TTC                                          1\u00a0244,28 €\n"
    )
    assert _read(page) == (Decimal("1176.03"), Decimal("68.25"), Decimal("1244.28"))


def test_american_labels_and_a_number_in_the_title_that_is_no_tax() -> None:
    page = (
        "Harrison Bakery LLC                        Tax Invoice No. 240725-33\n"
        "95 Market St, San Francisco, CA 94107\n"
        "                          Goods Total                    $165.22\n"
        "                          Gross Total                    $165.22\n"
        "Terms: Net 14\n"
    )
    assert _read(page) == (Decimal("165.22"), None, Decimal("165.22"))


def test_tax_printed_per_rate_only_is_summed() -> None:
    page = (
        "Primeurs Rochat Sàrl\n"
        "Facture n° F-2024-311                                 Date : 14.06.2024\n"
        "                         Total valeur nette                       1'866.38\n"
        "                         TVA 2.6 % sur 1'272.94                      33.10\n"
        "                         TVA 8.1 % sur 593.44                        48.07\n"
        "                         Montant total CHF                        1'947.55\n"
    )
    assert _read(page) == (Decimal("1866.38"), Decimal("81.17"), Decimal("1947.55"))


def test_a_utility_bill_total_is_this_invoice_not_the_amount_due() -> None:
    page = (
        "Vlaamse Stroom NV\n"
        "Numéro de facture                      F2024/4137\n"
        "Date de facture                        08/08/2024\n"
        "  Montant de la période HT                               2 075,96 EUR\n"
        "  TVA 6 %                                                  124,56 EUR\n"
        "  Montant de cette facture TTC                           2 200,52 EUR\n"
        "  Solde précédent                                        2 215,72 EUR\n"
        "  Montant à payer                                        4 416,24 EUR\n"
    )
    assert _read(page) == (Decimal("2075.96"), Decimal("124.56"), Decimal("2200.52"))


def test_dutch_net_value_and_german_credit_amount_labels() -> None:
    page = (
        "Groothandel Peeters NV\n"
        "Factuur 2024-0815                                   Datum 28/01/2024\n"
        "                    Totaal nettowaarde                          1524,10\n"
        "                    Btw 6% van 1516,43                            90,99\n"
        "                    Btw 21% van 7,67                               1,61\n"
        "                    Totaalbedrag EUR                            1616,70\n"
    )
    assert _read(page) == (Decimal("1524.10"), Decimal("92.60"), Decimal("1616.70"))
    credit = (
        "Fleischhauerei Pichler GmbH\n"
        "Gutschrift Nr. GS-2024-17                           Datum 12.03.2024\n"
        "                                   Nettobetrag           EUR -1 817,08\n"
        "                 zzgl. 10 % USt. auf -861,96             EUR -86,20\n"
        "                 zzgl. 20 % USt. auf -955,12             EUR -191,02\n"
        "                            Gutschriftsbetrag            EUR -2 094,30\n"
    )
    assert _read(credit) == (Decimal("1817.08"), Decimal("277.22"), Decimal("2094.30"))


def test_expenses_outside_the_tax_between_the_net_and_the_total() -> None:
    """The LaTeX `invoice` package: fees, their VAT, then disbursements outside the VAT; the bare
    "Total" is all three. Each project's subtotals come first, and one of them plus its VAT plus
    another subtotal also makes the total: only the summary's rows between the net and the total
    count. The net is the total less the VAT (what EN 16931 calls the total without VAT)."""
    page = (
        "Maison Gourmet SRL\n"
        "Facture n° 20230587749                            Date de facture 17/05/2023\n"
        "Cuisine\n"
        "Activité                                   Prix/Unité   Quantité   Montant (EUR)\n"
        "Crème fraîche liquide 35 % MG, 1 l               5.37         30          161,10\n"
        "Formation HACCP du personnel                   132.01         15         1980,15\n"
        "Sous-Total Honoraires                                                    2141,25\n"
        "TVA (21%)                                                                 449,66\n"
        "Sous-Total Cuisine                                                       2590,91\n"
        "Chambres\n"
        "Activité                                   Prix/Unité   Quantité   Montant (EUR)\n"
        "Parure de lit king size, lavage                  1.60        100          160,00\n"
        "Main-d'oeuvre technicien                       121.08          7          847,56\n"
        "Sous-Total Honoraires                                                    1007,56\n"
        "TVA (21%)                                                                 211,59\n"
        "Dépense                          Devise     Montant    Facteur            EUR\n"
        "Frais de déchetterie             EUR                                     74,73\n"
        "Sous-Total Chambres                                                      1293,88\n"
        "Total Honoraires                                                         3148,81\n"
        "Total TVA                                                                 661,25\n"
        "Total Dépenses                                                             74,73\n"
        "Total                                                                    3884,79\n"
    )
    assert _read(page) == (Decimal("3223.54"), Decimal("661.25"), Decimal("3884.79"))


@pytest.mark.parametrize("heading", ["Onkosten", "Spese", "Gastos", "Utlägg", "Výdaje"])
def test_expense_rows_under_their_own_heading_are_items(heading: str) -> None:
    """The LaTeX `invoice` package lists disbursements in a table of their own ("Onkosten
    Valuta  Bedrag  Faktor  EUR"), whose heading names expenses in the document's language."""
    page = (
        "Vakwerk Horeca B.V.\n"
        "Factuurnummer: 2025-0412                                Factuurdatum: 14-03-2025\n"
        "Activiteit                           Prijs/Eenheid  Aantal  Bedrag (EUR)\n"
        "Koksmes 21 cm, gesmeed                     113.92       5        569,60\n"
        "Subtotaal Honorarium                                              569,60\n"
        "BTW (9%)                                                           51,26\n"
        f"{heading:<27}Valuta        Bedrag  Faktor           EUR\n"
        "Parkeerkosten                EUR                                   51,06\n"
        "Stortkosten                  EUR                                   19,11\n"
        "Totaal Honorarium                                                 569,60\n"
        "Totaal BTW                                                         51,26\n"
        f"Totaal {heading}                                                   70,17\n"
        "Totaal                                                            691,03\n"
    )
    items = parse_pages([page]).invoice.line_items
    assert [(i.description, i.total) for i in items] == [
        ("Koksmes 21 cm, gesmeed", Decimal("569.60")),
        ("Parkeerkosten", Decimal("51.06")),
        ("Stortkosten", Decimal("19.11")),
    ]
