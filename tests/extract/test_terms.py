"""Due dates from payment terms and direct-debit sentences, in the six languages."""

from __future__ import annotations

from datetime import date

import pytest

from bot.extract.dates import fold
from bot.extract.parse import parse_pages
from bot.extract.terms import debit_date, due_from_terms, pay_by_date

ISSUED = date(2024, 3, 12)


@pytest.mark.parametrize(
    ("line", "due"),
    [
        ("Payment terms: 30 days net", date(2024, 4, 11)),
        ("Terms: Net 14", date(2024, 3, 26)),
        ("Please pay within 21 days of the invoice date.", date(2024, 4, 2)),
        ("Zahlbar innerhalb von 14 Tagen ohne Abzug.", date(2024, 3, 26)),
        ("Zahlungsbedingungen: 8 Tage 2 % Skonto, 30 Tage netto", date(2024, 4, 11)),
        ("Conditions de paiement : à 30 jours fin de mois", date(2024, 4, 30)),
        ("Paiement à 45 jours date de facture", date(2024, 4, 26)),
        ("Betaling binnen 30 dagen na factuurdatum", date(2024, 4, 11)),
        ("Pago a 60 días", date(2024, 5, 11)),
        ("Pagamento a 30 giorni data fattura", date(2024, 4, 11)),
    ],
)
def test_due_date_from_terms(line: str, due: date) -> None:
    assert due_from_terms([fold(line)], ISSUED) == due


@pytest.mark.parametrize(
    "line",
    [
        "Bei Zahlung innerhalb 14 Tagen gewähren wir 2,0% Skonto.",  # discount, not the due date
        "Lieferung innerhalb 5 Tagen",  # no payment word
        "Delivery within 3 days, payment terms apply",
        "Zahlbar sofort",
    ],
)
def test_no_due_date_without_net_terms(line: str) -> None:
    assert due_from_terms([fold(line)], ISSUED) is None


def test_no_issue_date_no_due_date() -> None:
    assert due_from_terms([fold("30 days net")], None) is None


def test_direct_debit_date_over_a_wrapped_sentence() -> None:
    lines = [
        fold("Der Betrag in Höhe von EUR 529,87 wird am 20.03.2014 von Ihrem Konto"),
        fold("per SEPA-Lastschrift eingezogen."),
    ]
    assert debit_date(lines, "dmy") == date(2014, 3, 20)
    assert debit_date([fold("Le montant sera prélevé le 05/04/2024.")], "dmy") == date(2024, 4, 5)


def test_a_date_in_a_sentence_without_debit_is_no_due_date() -> None:
    assert debit_date([fold("Die Ware wird am 20.03.2014 geliefert.")], "dmy") is None


def test_parser_prefers_a_printed_due_date_over_terms() -> None:
    page = (
        "Fresh Greens BV\n"
        "Factuurnummer: 2024-118          Factuurdatum: 12-03-2024\n"
        "Vervaldatum: 20-03-2024\n"
        "Betaling binnen 30 dagen\n"
        "Totaal incl. BTW      EUR 121,00\n"
    )
    assert parse_pages([page]).invoice.due_date == date(2024, 3, 20)
    without = page.replace("Vervaldatum: 20-03-2024\n", "")
    result = parse_pages([without])
    assert result.invoice.due_date == date(2024, 4, 11)
    assert result.confidence["due_date"] < 0.8


@pytest.mark.parametrize(
    ("line", "due"),
    [
        ("Merci de régler 4 416,24 EUR avant le 18/08/2024.", date(2024, 8, 18)),
        ("Bitte überweisen Sie den Betrag von CHF 319.09 bis zum 06.04.2025 auf", date(2025, 4, 6)),
        ("Wij verzoeken u het bedrag vóór 21 november 2023 over te maken", date(2023, 11, 21)),
        ("Please transfer the amount of £79.35 by 16/08/2024 to our account", date(2024, 8, 16)),
    ],
)
def test_due_date_asked_for_in_a_sentence(line: str, due: date) -> None:
    assert pay_by_date([fold(line)], "dmy") == due


def test_a_payment_sentence_without_a_deadline_gives_no_due_date() -> None:
    assert pay_by_date([fold("Paid by card on 12/03/2024, thank you.")], "dmy") is None


@pytest.mark.parametrize(
    "line",
    [
        "Den Betrag von 1'971.20 CHF buchen wir am 14.10.2023 von Ihrem Konto ab.",
        "Wij schrijven 1.197,49 EUR op 14/10/2023 af van rekening BE97 7674.",
        "Nous prélèverons 120,00 EUR le 14/10/2023 sur votre compte.",
    ],
)
def test_direct_debit_sentences_with_separable_verbs(line: str) -> None:
    assert debit_date([fold(line)], "dmy") == date(2023, 10, 14)


def test_a_pay_by_sentence_whose_verb_is_on_the_line_before_its_date() -> None:
    """A letter's sentence wraps: the request to pay on one line, the date on the next."""
    italian = [
        "con la presente vi trasmettiamo la fattura.  vi preghiamo di saldare l'importo",
        "totale, indicando il numero di fattura (20231115-9), entro il 25/11/2023.",
    ]
    english = [
        "please find below our invoice.  kindly pay the total amount, quoting the",
        "invoice number (20230611-3), by 11/07/2023.",
    ]
    spanish = ["por favor, transfiera el importe antes del 12 de diciembre de 2025 a la cuenta:"]
    assert pay_by_date(italian, "dmy") == date(2023, 11, 25)
    assert pay_by_date(english, "dmy") == date(2023, 7, 11)
    assert pay_by_date(spanish) == date(2025, 12, 12)
