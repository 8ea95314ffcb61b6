"""Czech and Portuguese invoices: their labels, dates and money, each drawn as a small PDF.

The layout is InvoiceGenerator's (a seller block under its heading beside the dates, an item table,
a VAT breakdown per rate with no sum row, the total with tax), which prints both languages; before
these vocabularies only the VAT id of such an invoice was read.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.extract.dates import find_dates
from bot.extract.numbers import find_amounts
from tests.extract.test_unseen_layouts import T, _pdf, _read


def _invoice(words: dict[str, str], money: list[str]) -> bytes:
    """One page: title and number, seller under its heading, dates, two items, the breakdown."""
    w = words
    net_a, net_b, tax_a, tax_b, gross_a, gross_b, gross = money
    return _pdf(
        [
            T(15, 20, w["title"]),
            T(110, 20, w["number"]),
            T(16, 28, w["seller"]),
            T(110, 28, w["issued"]),
            T(16, 34, w["name"]),
            T(110, 34, w["due"]),
            T(16, 40, "Main Street 4, 71514 Springfield"),
            T(16, 46, w["vat"]),
            T(110, 56, w["buyer"]),
            T(110, 62, "Restaurant Aurora"),
            T(15, 90, w["description"], size=8),
            T(95, 90, w["quantity"], size=8),
            T(115, 90, w["price"], size=8),
            T(150, 90, w["total"], size=8),
            T(15, 97, w["item_a"], size=8),
            T(108, 97, "2", right=True, size=8),
            T(140, 97, w["price_a"], right=True, size=8),
            T(175, 97, net_a, right=True, size=8),
            T(15, 103, w["item_b"], size=8),
            T(108, 103, "4", right=True, size=8),
            T(140, 103, w["price_b"], right=True, size=8),
            T(175, 103, net_b, right=True, size=8),
            T(15, 115, w["breakdown"], size=8),
            T(15, 121, w["rate"], size=8),
            T(40, 121, w["tax"], size=8),
            T(70, 121, w["net"], size=8),
            T(100, 121, w["gross"], size=8),
            T(15, 127, "12.00%", size=8),
            T(40, 127, tax_a, size=8),
            T(70, 127, net_a, size=8),
            T(100, 127, gross_a, size=8),
            T(15, 133, "21.00%", size=8),
            T(40, 133, tax_b, size=8),
            T(70, 133, net_b, size=8),
            T(100, 133, gross_b, size=8),
            T(120, 145, f"{w['with_tax']}: {gross}", size=9),
        ]
    )


def test_a_czech_invoice_is_read_whole() -> None:
    """Labels ("Daňový doklad č.", "Splatnost", "Celkem s DPH"), dates printed "1. 6. 2026" and
    whole crowns printed "500,- Kč"."""
    words = {
        "title": "Faktura",
        "number": "Daňový doklad č.: 202682491",
        "seller": "Poskytovatel",
        "name": "Gastro Servis Praha s.r.o.",
        "issued": "Den vystavení daňového dokladu: 1. 6. 2026",
        "due": "Splatnost: 1. 7. 2026",
        "vat": "DIČ: CZ39364293",
        "buyer": "Odběratel",
        "description": "Popis",
        "quantity": "Jednotek",
        "price": "Cena za jednotku",
        "total": "Celková cena",
        "item_a": "Chléb kmínový 1 kg",
        "price_a": "250,- Kč",
        "item_b": "Víno Ryzlink 0,75 l",
        "price_b": "138,50 Kč",
        "breakdown": "Rozpis DPH",
        "rate": "Sazba",
        "tax": "DPH",
        "net": "Bez DPH",
        "gross": "S DPH",
        "with_tax": "Celkem s DPH",
    }
    money = ["500,- Kč", "554,- Kč", "60,- Kč", "116,34 Kč", "560,- Kč", "670,34 Kč"]
    invoice = _read(_invoice(words, [*money, "1 230,34 Kč"])).invoice

    assert invoice.invoice_number == "202682491"
    assert (invoice.invoice_date, invoice.due_date) == (date(2026, 6, 1), date(2026, 7, 1))
    assert invoice.currency == "CZK"
    assert invoice.supplier_name == "Gastro Servis Praha s.r.o."
    assert invoice.supplier_tax_id == "CZ39364293"
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("1054"),
        Decimal("176.34"),
        Decimal("1230.34"),
    )
    assert [(i.description, i.quantity, i.unit_price, i.total) for i in invoice.line_items] == [
        ("Chléb kmínový 1 kg", Decimal(2), Decimal(250), Decimal(500)),
        ("Víno Ryzlink 0,75 l", Decimal(4), Decimal("138.50"), Decimal(554)),
    ]


def test_a_portuguese_invoice_is_read_whole() -> None:
    """Labels ("Fatura nº", "Data de emissão", "Vencimento", "Total com impostos"), dates with
    Portuguese month names, R$, and a seller named under its heading whose name holds a totals
    word ("Limpeza Total Ltda.")."""
    words = {
        "title": "Fatura",
        "number": "Fatura nº: 202622329",
        "seller": "Fornecedor",
        "name": "Limpeza Total Ltda.",
        "issued": "Data de emissão: 28 de mar. de 2026",
        "due": "Vencimento: 11 de abril de 2026",
        "vat": "NIF: PT886801296",
        "buyer": "Cliente",
        "description": "Descrição",
        "quantity": "Quantidade",
        "price": "Preço unitário",
        "total": "Preço total",
        "item_a": "Farinha de trigo 25 kg",
        "price_a": "R$ 250,00",
        "item_b": "Azeite extra virgem 5 l",
        "price_b": "R$ 138,50",
        "breakdown": "Resumo dos impostos",
        "rate": "Taxa",
        "tax": "Impostos",
        "net": "Sem impostos",
        "gross": "Com impostos",
        "with_tax": "Total com impostos",
    }
    money = ["R$ 500,00", "R$ 554,00", "R$ 60,00", "R$ 116,34", "R$ 560,00", "R$ 670,34"]
    invoice = _read(_invoice(words, [*money, "R$ 1.230,34"])).invoice

    assert invoice.invoice_number == "202622329"
    assert (invoice.invoice_date, invoice.due_date) == (date(2026, 3, 28), date(2026, 4, 11))
    assert invoice.currency == "BRL"
    assert invoice.supplier_name == "Limpeza Total Ltda."
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("1054.00"),
        Decimal("176.34"),
        Decimal("1230.34"),
    )
    assert [(i.description, i.quantity, i.total) for i in invoice.line_items] == [
        ("Farinha de trigo 25 kg", Decimal(2), Decimal(500)),
        ("Azeite extra virgem 5 l", Decimal(4), Decimal(554)),
    ]


def test_czech_and_portuguese_dates() -> None:
    found = [d.value for d in find_dates("1. 6. 2026 | 5. března 2026 | 3 de dezembro de 2026")]
    assert found == [date(2026, 6, 1), date(2026, 3, 5), date(2026, 12, 3)]
    assert find_dates("Pos. 1. 2. 10") == ()  # a dot and a space only before a four-digit year


def test_whole_units_printed_with_a_dash_are_money() -> None:
    amounts = find_amounts("157,- Kč   2 826,- Kč   12,– €   10,-5", ",")
    assert [(a.value, a.money_like) for a in amounts] == [
        (Decimal(157), True),
        (Decimal(2826), True),
        (Decimal(12), True),
        (Decimal(10), False),
        (Decimal(5), False),
    ]


def _scandinavian(words: dict[str, str]) -> bytes:
    money = ["500,00 kr", "554,00 kr", "60,00 kr", "116,34 kr", "560,00 kr", "670,34 kr"]
    return _invoice(words, [*money, "1 230,34 kr"])


def test_a_norwegian_invoice_is_read_whole() -> None:
    """Labels ("Fakturanummer", "Forfallsdato", "MVA", "Å betale", "Deres ref."), "ø" read as
    an "o" ("Beløp", "Leverandør"), and "kr" as the crown of the seller's country."""
    words = {
        "title": "Faktura",
        "number": "Fakturanummer: 2026-0412",
        "seller": "Leverandør",
        "name": "Storkjøkken Service AS",
        "issued": "Fakturadato: 1. mars 2026",
        "due": "Forfallsdato: 15. desember 2026",
        "vat": "Org.nr. NO 912 345 678 MVA   Deres ref.: 4500012345",
        "buyer": "Kunde",
        "description": "Beskrivelse",
        "quantity": "Antall",
        "price": "Enhetspris",
        "total": "Beløp",
        "item_a": "Kokkejakke hvit",
        "price_a": "250,00 kr",
        "item_b": "Oppvaskmiddel 10 kg",
        "price_b": "138,50 kr",
        "breakdown": "MVA-spesifikasjon",
        "rate": "Sats",
        "tax": "MVA",
        "net": "Grunnlag",
        "gross": "Totalt",
        "with_tax": "Å betale",
    }
    invoice = _read(_scandinavian(words)).invoice

    assert invoice.invoice_number == "2026-0412"
    assert (invoice.invoice_date, invoice.due_date) == (date(2026, 3, 1), date(2026, 12, 15))
    assert invoice.currency == "NOK"
    assert invoice.supplier_name == "Storkjøkken Service AS"
    assert invoice.po_references == ["4500012345"]
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("1054.00"),
        Decimal("176.34"),
        Decimal("1230.34"),
    )
    assert [(i.description, i.quantity, i.total) for i in invoice.line_items] == [
        ("Kokkejakke hvit", Decimal(2), Decimal(500)),
        ("Oppvaskmiddel 10 kg", Decimal(4), Decimal(554)),
    ]


def test_a_swedish_credit_note_is_read_whole() -> None:
    """Swedish labels ("Fakturadatum", "Förfallodatum", "À-pris", "Belopp", "Moms", "Att
    betala"), a "Kreditnota" title, and "kr" with a Swedish VAT id as kronor."""
    words = {
        "title": "Kreditnota",
        "number": "Fakturanummer: K-2026-77",
        "seller": "Leverantör",
        "name": "Kök & Bar Leveranser AB",
        "issued": "Fakturadatum: 2026-03-01",
        "due": "Förfallodatum: 2026-03-31",
        "vat": "Momsreg.nr: SE556677889901",
        "buyer": "Kund",
        "description": "Benämning",
        "quantity": "Antal",
        "price": "À-pris",
        "total": "Belopp",
        "item_a": "Kaffebönor 1 kg",
        "price_a": "250,00 kr",
        "item_b": "Diskmedel 5 l",
        "price_b": "138,50 kr",
        "breakdown": "Momsspecifikation",
        "rate": "Momssats",
        "tax": "Moms",
        "net": "Netto",
        "gross": "Summa",
        "with_tax": "Att betala",
    }
    invoice = _read(_scandinavian(words)).invoice

    assert invoice.document_type == "credit_note"
    assert invoice.invoice_number == "K-2026-77"
    assert (invoice.invoice_date, invoice.due_date) == (date(2026, 3, 1), date(2026, 3, 31))
    assert invoice.currency == "SEK"
    assert invoice.supplier_name == "Kök & Bar Leveranser AB"
    assert (invoice.total_excl_tax, invoice.tax_amount, invoice.total_incl_tax) == (
        Decimal("1054.00"),
        Decimal("176.34"),
        Decimal("1230.34"),
    )
    assert [(i.description, i.quantity, i.unit_price) for i in invoice.line_items] == [
        ("Kaffebönor 1 kg", Decimal(2), Decimal(250)),
        ("Diskmedel 5 l", Decimal(4), Decimal("138.50")),
    ]
