"""Layouts of typesetting packages' invoice templates (Typst, LaTeX), each as a small PDF."""

from __future__ import annotations

from decimal import Decimal

from tests.extract.test_unseen_layouts import T, _pdf, _read


def test_amounts_with_the_currency_code_glued_after_them() -> None:
    """ "35.43DKK": a template that prints the code straight after the amount, in the items and
    in the totals (and nothing else on the line is a label)."""
    pdf = _pdf(
        [
            T(15, 20, "Kaffeerösterei Nordlicht e.K. - Hauptstraße 142 - 05967 Köln", size=8),
            T(15, 50, "Rechnung #R444536"),
            T(160, 50, "Köln, 11.04.2025"),
            T(15, 65, "Pos."),
            T(30, 65, "Beschreibung"),
            T(190, 65, "Preis", right=True),
            T(15, 72, "1."),
            T(30, 72, "Rinderfilet vakuumverpackt, je kg"),
            T(190, 72, "35.43DKK", right=True),
            T(15, 78, "2."),
            T(30, 78, "Fassbier Helles, 50-l-Fass"),
            T(190, 78, "1380.40DKK", right=True),
            T(140, 86, "Summe:"),
            T(190, 86, "1415.83DKK", right=True),
            T(140, 96, "Gesamt:"),
            T(190, 96, "1415.83DKK", right=True),
        ]
    )
    invoice = _read(pdf).invoice

    assert invoice.currency == "DKK"
    assert [i.total for i in invoice.line_items] == [Decimal("35.43"), Decimal("1380.40")]
    assert (invoice.total_excl_tax, invoice.total_incl_tax) == (
        Decimal("1415.83"),
        Decimal("1415.83"),
    )
