"""Self-billed invoices ("Gutschrift (Selbst ausgestellte Rechnung)", "self-billing"): the buyer
writes them on its own letterhead to the seller, who is the supplier of the record."""

from __future__ import annotations

from tests.extract.test_unseen_layouts import T, _pdf, _read


def _items(y: float) -> list[T]:
    return [
        T(15, y, "Pos.", size=9),
        T(30, y, "Bezeichnung", size=9),
        T(120, y, "Anz.", right=True, size=9),
        T(150, y, "E-Preis", right=True, size=9),
        T(190, y, "Gesamt", right=True, size=9),
        T(15, y + 6, "1", size=9),
        T(30, y + 6, "Hauswein rot, 0,75 l", size=9),
        T(120, y + 6, "31,00", right=True, size=9),
        T(150, y + 6, "17,82", right=True, size=9),
        T(190, y + 6, "552,42", right=True, size=9),
        T(130, y + 14, "Summe netto", size=9),
        T(190, y + 14, "552,42", right=True, size=9),
        T(130, y + 20, "Gesamtbetrag", size=9),
        T(190, y + 20, "657,38", right=True, size=9),
    ]


def test_the_addressee_of_a_self_billed_letter_is_the_supplier() -> None:
    """The letterhead and the return address are the buyer's (who wrote it); the window's
    addressee, with "USt-IdNr. des Lieferanten", is the seller."""
    page = [
        T(70, 15, "HOTEL SEEBLICK GMBH", size=14),
        T(60, 22, "Hohe Straße 132 · 50667 Köln · +49 40 920078", size=8),
        T(15, 45, "Hotel Seeblick GmbH · Hohe Straße 132 · 50667 Köln", size=7),
        T(15, 50, "Wäscherei Kessler e.K."),
        T(15, 55, "Großer Grasbrook 9"),
        T(15, 60, "20457 Hamburg"),
        T(15, 65, "USt-IdNr. des Lieferanten: DE771338360"),
        T(130, 50, "Gutschrift-Nr.   2024/AF/570"),
        T(130, 55, "Datum   17.03.2024"),
        T(15, 80, "Gutschrift (Selbst ausgestellte Rechnung) 2024/AF/570", size=12),
        *_items(95),
        T(15, 280, "Hotel Seeblick GmbH · USt-IdNr.: DE892742803", size=7),
    ]
    invoice = _read(_pdf(page, page)).invoice

    assert invoice.document_type == "invoice"
    assert (invoice.supplier_name, invoice.supplier_tax_id) == (
        "Wäscherei Kessler e.K.",
        "DE771338360",
    )


def test_a_seller_heading_alone_over_its_block_names_the_supplier_and_its_vat_id() -> None:
    """ "Leverancier" alone on its line over the seller's name, address and "Btw-nr.": the
    supplier and its VAT id, though the buyer's letterhead and footer say otherwise."""
    page = [
        T(15, 15, "RESTAURANT DE KAS B.V.", size=14),
        T(15, 22, "Blaak 43 · 3011 AA Rotterdam", size=8),
        T(130, 40, "Documentnr.:   GS25-6603"),
        T(130, 45, "Datum:   12-4-2025"),
        T(15, 60, "Leverancier", size=9),
        T(15, 65, "Visser Horecagroothandel B.V."),
        T(15, 70, "Basisweg 10, 1043 AP Amsterdam"),
        T(15, 75, "Btw-nr.: NL875521010B01"),
        T(15, 85, "FACTUUR (SELF-BILLING) GS25-6603", size=12),
        *_items(100),
        T(15, 280, "Restaurant De Kas B.V. · Btw-nr. NL485674774B03", size=7),
    ]
    invoice = _read(_pdf(page, page)).invoice

    assert (invoice.supplier_name, invoice.supplier_tax_id) == (
        "Visser Horecagroothandel B.V.",
        "NL875521010B01",
    )
