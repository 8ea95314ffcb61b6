"""Label vocabularies in English, German, French, Dutch, Spanish, Italian, Portuguese, Czech and
the Scandinavian languages (Norwegian, Swedish, Danish).

Patterns match folded text (lower case, accents removed, see :func:`bot.extract.dates.fold`).
Each field lists its labels from most to least specific; the index becomes part of a
candidate's score, so "Rechnungsnummer" beats a bare "Nr.".
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def _scan(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each character of a regular expression outside escapes and character classes, with the
    depth of the groups it stands in (a bracket's own: the depth outside it)."""
    depth, k, in_class = 0, 0, False
    while k < len(pattern):
        c = pattern[k]
        if c == "\\":
            k += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            k += (
                2 if pattern.startswith("^]", k + 1) else 1 if pattern.startswith("]", k + 1) else 0
            )
        else:
            depth -= c == ")"
            yield k, c, depth
            depth += c == "("
        k += 1


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    cuts = [k for k, c, depth in _scan(pattern) if c == "|" and depth == 0]
    return [pattern[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def _group_end(pattern: str) -> int:
    """The index of the ")" that closes the group the pattern opens with, or -1."""
    return next((k for k, c, depth in _scan(pattern) if c == ")" and depth == 0), -1)


_CAPTURING = re.compile(r"(?<!\\)\((?!\?)|\(\?P<")


def _spelled_out(alt: str, depth: int = 0) -> list[str]:
    """An alternative that opens with a group, as the alternatives it stands for, in the order
    they are tried: "(?:a|b)X" is "aX|bX", and "(?:a)?X" is "aX|X" (greedy: with it first)."""
    end = _group_end(alt) if alt.startswith("(?:") and depth < 4 else -1
    if end < 0 or _CAPTURING.search(alt):  # (a group copied would be numbered twice)
        return [alt]
    inner, rest = alt[3:end], alt[end + 1 :]
    optional = rest.startswith("?") and not rest.startswith(("??", "?+"))
    if rest[:1] in ("*", "+", "{") or (rest[:1] == "?" and not optional):
        return [alt]
    rest = rest[1:] if optional else rest
    out = [x for a in _alternatives(inner) for x in _spelled_out(a + rest, depth + 1)]
    return out + (_spelled_out(rest, depth + 1) if optional else [])


def by_first_letter(pattern: str) -> str:
    """The same expression with its alternatives grouped by the letter they start with.

    Python's regular expressions try every alternative at every position of the text: a list of
    a hundred headings cost a millisecond a page. Grouped, a position whose letter starts none
    of them fails at once. What matches is the same: alternatives that can match at a position
    all start with its letter (or with no plain letter: those are left where they are, and no
    group reaches across one), and keep their order.
    """
    groups: list[tuple[str, list[str]]] = []
    open_groups: dict[str, list[str]] = {}
    for alt in (x for a in _alternatives(pattern) for x in _spelled_out(a)):
        first = alt[:1]
        if first.isalpha() and alt[1:2] not in ("?", "*", "+", "{"):
            if first not in open_groups:
                open_groups[first] = []
                groups.append((first, open_groups[first]))
            open_groups[first].append(alt[1:])
        else:
            groups.append(("", [alt]))
            open_groups = {}
    return "|".join(
        rest[0] if not first else f"{first}(?:{'|'.join(rest)})" for first, rest in groups
    )


_NO = r"(?:\s*(?:n(?:o|r|um|°|º|\.o|\.[°º]|\.)|#|number|nummer|numero|num)(?![a-z])\.?)"

INVOICE_NUMBER = [
    r"invoice\s*(?:number|no\b\.?|nr\b\.?|num\b\.?|#|id\b)",
    r"rechnungs?\s*-?\s*(?:nummer|nr\b\.?|no\b\.?)",
    r"rechnung\s*(?:nr\b\.?|#|no\b\.?)",
    r"(?:numero|n\.?[°º]|no\.?|num\.?)\s*(?:de\s+)?(?:la\s+)?(?:d.auto)?facture",
    r"facture\s*(?:n\.?\s?[°º]|no\b\.?|numero|num\b\.?|#)",
    r"factuur\s*-?\s*(?:nummer|nr\b\.?|no\b\.?)",
    r"(?:numero|n\.?[°º]|no\.?|num\.?)\s*(?:de\s+)?factura",
    r"factura\s*(?:n\.?\s?[°º]|no\b\.?|numero|num\b\.?|#)",
    r"(?:numero|n[°º.]|nr\.?)\s*(?:di\s+)?fattura",
    r"fattura\s*(?:n\s?[°º.]|nr\b\.?|numero|num\b\.?|#)"
    r"|fatura(?:\s+\w+){0,2}?\s*(?:n\.?\s?[°º]|no\b\.?|numero|num\b\.?|#)|(?:numero|n\.?[°º])\s*da\s+fatura"
    r"|(?:faktura|doklad|dobropis)\s*(?:c\.|cislo)|cislo\s+(?:faktury|dokladu|dobropisu)"
    r"|danovy\s+doklad\s*(?:c\.|cislo)|faktura\s*-?\s*(?:nummer|nr\b\.?)|fakturanr\b\.?",
    r"(?:credit\s*(?:note|memo)?|gutschrifts?|korrektur|avoir|creditnota|creditfactuur|nota\s+de\s+credito"
    r"|kreditnota|kreditfaktura|rectificativa"
    r"|nota\s+di\s+credito)\s*-?"
    + _NO
    + r"|(?:n\.?[°º]|numero)\s+(?:de\s+)?(?:factura\s+)?rectificativa",
    r"\bnota\s*(?:n[°º.]|nr\b\.?|no\b\.?)",
    r"(?:numero|n\.?[°º]|n\.|no\.?|nr\.?)\s*(?:de\s+(?:la\s+)?|d.|di\s+)?(?:nota\s+de\s+credito|avoir|abono"
    r"|nota\s+di\s+credito|credit\s*note|gutschrift|creditnota)",
    r"(?:beleg|dokument|document|bill|receipt|documento|belegnummer)\s*-?" + _NO,
    r"belegnummer|rechnungsnr|factuurnr|\brg\.?\s*-?\s*nr\b\.?|(?:n\.?[°º]|numero)\s+(?:de\s+)?piece"
    # an ERP's abbreviations: "Rech.-Nr.", "RE.-NR.", "Fact. n°", "Fatt. n.", "Nº Fra.", "Memo No."
    r"|(?:rech\.|re\.|fact\.|fra\.|fatt\.|fakt\.|fac\.)\s*-?\s*(?:n\.?[°º]|nr\b\.?|no\b\.?|num\b\.?|n\.|#)"
    r"|(?:n\.?[°º]|no\.?|nr\.?|num\.?)\s*(?:fra|fact|fatt|fac)\.|memo\s*(?:no\b\.?|number|#)"
    r"|num\.\s*doc\b\.?|(?:numero|n[°º.]|nr\.?|num\.?)\s*(?:del\s+)?documento"
    r"|documentnummer|documentnr\b\.?|beleg\s*-?\s*nr\b\.?",
    r"\binv(?:\.\s*(?:no\b\.?|nr\b\.?|#)?|\s*(?:no\b\.?|nr\b\.?|#))",
    # hotels and travel: the booking's number is the document's number on receipts
    r"booking\s*(?:id|ref(?:erence)?|no\b\.?|number)|reservation\s*(?:id|no\b\.?|number)"
    r"|buchungs\s*-?\s*(?:nummer|nr\b\.?)|(?:numero|n\.?[°º])\s+de\s+reservation|reserveringsnummer",
    # a bare "Nummer:" / "Numéro" / "No." starting a cell, under the document's title
    r"^\s*(?:numero|nummer|number|no|nr|n\.?[°º]|num|cislo|c(?=\.))\.?(?= ?:|  | ?$| #| \d)",
    r"^\s*(?:credit\s*note|gutschrift|rechnungskorrektur|korrekturrechnung|stornorechnung|avoir"
    r"|creditnota|creditfactuur|nota\s+de\s+credito|kreditnota|factura\s+rectificativa"
    r"|nota\s+di\s+credito)\b",
    r"^\s*(?:invoice|(?:handels|schluss|abschlags|teil|sammel|end|waren|dienstleistungs)?rechnung"
    r"|facture|factuur|factura|fattura|fatura|faktura|tax invoice)\b",
    r"\b(?:invoice|rechnung|facture|factuur|factura|fattura|fatura|faktura)\b",
]

INVOICE_DATE = [
    r"invoice\s*date|date\s+of\s+(?:invoice|issue)|issue\s*date|date\s+issued|invoiced?\s+on"
    r"|issued\s+(?:on|at)|tax\s+point(?:\s+date)?|bill(?:ing)?\s+date|document\s+date",
    r"rechnungs\s*-?\s*datum|beleg\s*-?\s*datum|ausstellungsdatum|rechnungstag",
    r"date\s+(?:de\s+(?:la\s+)?)?(?:facture|facturation|d.emission)",
    r"factuur\s*-?\s*datum|factuurdatum",
    r"fecha\s+(?:de\s+)?(?:la\s+)?(?:factura|emision|expedicion)",
    # an ERP's abbreviations: "Re.-Datum", "Rech.-Datum", "F. factura", "Fecha fra.", "Fact. date"
    r"(?:rech\.|re\.|fact\.|fatt\.)\s*-?\s*(?:datum|date|data)|f\.\s*(?:factura|fra\.)|fecha\s+fra\.",
    r"data\s+(?:della\s+|di\s+)?(?:fattura|emissione|documento)"
    r"|data\s+(?:de\s+)?emissao|data\s+da\s+fatura|(?:datum|den)\s+vystaveni|vystaveno|faktura\s*-?\s*dat(?:o|um)",
    r"created(?:\s+on)?|erstellt(?:\s+am)?|aangemaakt(?:\s+op)?|emess[ao](?:\s+il)?|creee?\s+le|criad[ao]\s+em"
    r"|emitid[ao](?:\s+(?:em|el))?|emise?\s+le",
    r"\b(?:date|datum|fecha|data|dated|du|vom|del)\b",
]

DUE_DATE = [
    r"due\s*date|payment\s+due|date\s+due|due\s+(?:by|on)|pay(?:able)?\s+(?:by|before|until)"
    r"|please\s+(?:pay|remit)\s+(?:by|until|before)"
    r"|^\s*(?:due|deadline|fallig)\b(?= ?:|  | [a-z]+\.? \d| \d)",
    r"falligkeits?\s*-?\s*datum|fallig\s+(?:am|bis)|zahlungsziel|zahlbar\s+(?:bis|am)"
    r"|uberweisen\s+sie\s+(?:bitte\s+)?bis|falligkeit(?:stag)?|zahlbar\s+innerhalb\s+\d+\s+tagen"
    r"(?:\s+netto)?\s+bis",
    r"date\s+d.echeance|echeance|date\s+limite\s+de\s+(?:paiement|reglement)|a\s+payer\s+avant",
    r"vervaldatum|vervaldag|uiterste\s+betaaldatum|te\s+betalen\s+voor|betalen\s+voor",
    r"fecha\s+(?:de\s+)?vencimiento|vencimiento|venc\.|vto\.|pagar\s+antes|fecha\s+limite\s+de\s+pago",
    r"data\s+(?:di\s+)?scadenza|scadenza|scad\.|pagamento\s+entro|da\s+pagare\s+entro",
    r"a\s+regler\s+avant|payable\s+avant|pagadero\s+antes|pagar\s+antes\s+del"
    r"|data\s+de\s+vencimento|vencimento|pagar\s+ate|datum\s+splatnosti|splatnost|splatno\s+do",
    r"forfalls?\s*-?\s*dat(?:o|um)|forfallodat(?:um|o)|forfallodag|forfaldsdato|forfaldsdag|forfall"
    r"|sista\s+betalningsdag|betalingsfrist|att\s+betala\s+senast|betales\s+senest",
]

TOTAL_INCL = [
    r"total\s*(?:amount\s*)?(?:incl\.?|inkl\.?|including|inc\.?)\s*(?:vat|tax|gst|mwst|ust)"
    r"|grand\s*total"
    r"|total\s+(?:amount\s+)?due|amount\s+due|balance\s+due|total\s+payable|amount\s+payable"
    r"|invoice\s+total|total\s+to\s+pay|total\s+amount|gross\s+(?:total|amount)|total\s+gross"
    r"|total\s+credit|credit\s+total|total\s+this\s+invoice|total\s+for\s+this\s+invoice"
    r"|credit\s+amount|gutschriftsbetrag|creditbedrag|montant\s+(?:de\s+l.)?avoir|amount\s+to\s+pay"
    r"|(?:total\s+)?(?:charges|amount)\s+(?:for\s+)?this\s+(?:period|bill|invoice)"
    r"|(?:total\s+)?(?:new|current)\s+charges",
    r"gesamtbetrag|rechnungsbetrag|gutschrifts?betrag|endbetrag|bruttobetrag|gesamtsumme|(?:rechnungs)?summe\s+brutto"
    r"|summe\s+inkl|brutto\s*summe|rechnungssumme\s+brutto|zu\s+zahlen(?:der\s+betrag)?"
    r"|total\s+brutto|gesamt\s+brutto|gesamtpreis|zahlbetrag|rechnungsbeitrag"
    r"|(?:gesamt|rechnungs)(?:betrag|summe)\s+(?:inkl\.?|einschl\.?|einschlie\w*|mit)\s+"
    r"(?:der\s+)?(?:ust|umsatzsteuer|mwst|mehrwertsteuer)|gesamtbetrag\s+brutto|falliger\s+betrag",
    r"total\s+ttc|montant\s+ttc|net\s+a\s+payer|total\s+a\s+payer|somme\s+a\s+payer|montant\s+total"
    r"|total\s+facture|montant\s+a\s+payer|(?:montant|total)\s+(?:de\s+)?(?:cette|la|votre)\s+facture"
    r"(?:\s+ttc)?|(?:montant|total)(?: [\w']+){0,4} ttc\b",
    r"totaal\s*(?:incl\.?|inclusief)|totaalbedrag|te\s+betalen|factuur\s*totaal|totaal\s+factuur"
    r"|eindtotaal|totaal\s+te\s+voldoen",
    r"total\s+(?:de\s+la\s+)?factura|importe\s+total|total\s+a\s+pagar|total\s+con\s+iva"
    r"|total\s+\(?iva\s+incl",
    r"totale\s+(?:fattura|documento|da\s+pagare|ivato|complessivo)|importo\s+totale|netto\s+a\s+pagare"
    r"|total\s+(?:com\s+(?:iva|impostos?)|da\s+fatura)|valor\s+total|celkem\s+(?:s\s+dph|k\s+uhrade)"
    r"|k\s+uhrade|celkova\s+castka",
    # (every alternative starts with a letter: re then scans for first letters, see prefilter)
    r"a\s+betale|att\s+betala|at\s+betale|slutsumma|totalsumma|totalbelop|fakturabelopp?"
    r"|inkl\.?\s+(?:mva|moms)",
    # "Beitrag inklusive 19 % Versicherungsteuer", "price incl. VAT": an amount with tax in it
    r"\b(?:inkl(?:usive)?|incl(?:uding|usief|\.)?|inclus[e]?|compris[e]?|inclusa|incluido)\.?\s+"
    r"(?:(?:der|de\s+la|la|el|l.)\s+)?(?:\d+(?:[.,]\d+)?\s*%\s*)?"
    r"(?:mwst|ust|vat|tax|tva|btw|iva|gst|\w*steuer)\b",
    r"^\s*(?:total|totaal|totale|summe|gesamt|importe|celkem|totalt|summa)\b|\btotal\s*(?:eur|usd|gbp|chf)?\s*:?\s*$",
    r"\b(?:total|totaal|totale|summe)\b",
]

TOTAL_EXCL = [
    r"total\s*(?:amount\s*)?(?:excl\.?|exkl\.?|excluding|ex\.?|before|without|ohne)\s*"
    r"(?:vat|tax|gst|mwst|ust)"
    r"|net\s*(?:total|amount)|total\s+net|subtotal|sub\s*-\s*total|taxable\s+(?:amount|subtotal)"
    r"|untaxed\s+amount"
    r"|goods\s+(?:total|value)|total\s+goods|amount\s+before\s+tax|(?:total\s+)?net\s+value",
    r"nettobetrag|summe\s+netto|netto\s*summe|rechnungssumme\s+netto|gesamt\s+netto|total\s+netto"
    r"|(?:(?:rechnungs|gesamt)?summe|(?:gesamt|rechnungs)betrag)\s+(?:ohne|exkl\.?|zzgl\.?)\s+"
    r"(?:der\s+)?(?:ust|mwst|umsatzsteuer|mehrwertsteuer)|gesamtsumme\s+netto"
    r"|summe\s+(?:der\s+|aller\s+)?positionen(?:\s+netto)?|summe\s+nettobetrage"
    r"|(?:rechnungs|gesamt)(?:betrag|summe)\s*\(?netto\)?|nettosumme|zwischensumme|warenwert\s+netto"
    r"|netto\s*betrag|gesamtbeitrag|nettobeitrag"
    r"|(?:gesamt\s*)?nettowert|summe\s+nettowert",
    r"total\s+ht|montant\s+ht|sous\s*-?\s*total|(?:total|montant)\s+hors\s+taxes?|base\s+ht"
    r"|(?:total\s+)?valeur\s+nette|montant\s+net|net\s+ht",
    r"(?:totaal|bedrag)\s*(?:excl\.?|exclusief)|exclusief\s+btw|excl\.?\s+btw|subtotaal|netto\s*bedrag"
    r"|(?:totaal\s+)?netto\s*waarde",
    r"base\s+imponible|total\s+base(?:\s+imponible)?|subtotal|total\s+sin\s+iva|importe\s+neto",
    r"imponibile|totale\s+imponibile|subtotale|totale\s+netto"
    r"|(?:total\s+)?sem\s+(?:iva|impostos?)|valor\s+liquido|(?:celkem\s+)?bez\s+dph|zaklad\s+dane|mezisoucet",
    r"mva\s*-?\s*grunnlag|moms\s*-?\s*grunnlag|grunnlag|momsgrundlag|mellansumma|delsum(?:ma)?|nettobelopp?"
    r"|nettosumma|eks\.?\s+(?:mva|moms)"
    r"|ekskl\.?\s+(?:mva|moms)|exkl\.?\s+(?:mva|moms)",
    r"\bnetto\b|\bnet\b",
]

TAX_AMOUNT = [
    r"total\s+(?:vat|tax|mwst|ust)|vat\s+amount|tax\s+amount|sales\s+tax",
    r"summe\s+(?:umsatzsteuer|mwst|ust)|mwst\.?\s*-?\s*betrag|ust\.?\s*-?\s*betrag|ust\.?\s+gesamt"
    r"|umsatzsteuer|mehrwertsteuer|versicherungs?steuer|zzgl\.?\s+(?:ust|mwst)|zuzugl\.?\s+ust"
    r"|(?:gesamt)?steuerbetrag|steuer\s+gesamt|summe\s+(?:der\s+)?(?:umsatz)?steuer(?:betrage)?"
    r"|gesamtbetrag\s+(?:der\s+)?(?:umsatzsteuer|ust|mwst)",
    r"montant\s+(?:de\s+la\s+)?tva|total\s+tva",
    r"btw\s*-?\s*bedrag|totaal\s+btw",
    r"cuota\s+(?:de\s+)?iva|total\s+iva|importe\s+iva",
    r"totale\s+(?:iva|imposta)|imposta|importo\s+iva"
    r"|total\s+(?:do\s+)?iva|valor\s+(?:do\s+)?iva|impostos?|impuestos?|(?:celkem|castka)\s+dph"
    r"|dph\s+celkem",
    r"sum\s+(?:mva|moms)|summa\s+(?:mva|moms)|total\s+(?:mva|moms)|totalt\s+(?:mva|moms)|merverdiavgift"
    r"|mva\s*-?\s*belop[pb]?|moms\s*-?\s*belop[pb]?|momsbelop[pb]?|mervardesskatt",
    # (and a compound: "Positionssteuer")
    r"\b(?:vat|tax|gst|mwst|ust|tva|btw|iva|dph|mva|moms|[a-z]*steuer(?!\s*-?\s*(?:nr|nummer|id)))\b",
]

#: An earlier balance added to this invoice's amount: the amount due is not the invoice total.
PREVIOUS_BALANCE = [
    r"previous\s+balance|balance\s+(?:brought|carried)\s+forward|outstanding\s+(?:balance|amount)"
    r"|ausstehende\s+forderung|vorsaldo|alter\s+saldo|saldo\s+vortrag|ruckstand"
    r"|solde\s+(?:precedent|anterieur)|ancien\s+solde|vorig\s+saldo|openstaand\s+saldo"
    r"|saldo\s+(?:anterior|precedente)|balance\s+from\s+(?:your\s+)?(?:last|previous)"
    r"|opening\s+balance|arrears|unpaid\s+balance|vorheriger\s+saldo|saldo\s+aus\s+vor\w*"
    r"|offener\s+(?:saldo|betrag)\s+(?:aus|der|vom)|reste\s+du\s+(?:precedent|anterieur)",
]

#: Money already received: the amount due is the invoice total minus this.
ALREADY_PAID = [
    r"gezahlter\s+betrag|vorauszahlung(?:sbetrag)?|vorausbezahlt|(?:amount|already)\s+paid|paid\s+(?:to\s+date|amount)|payments?\s+received|less\s+paid"
    r"|deposit\s+paid|bereits\s+(?:bezahlt|gezahlt|geleistet)|anzahlung|geleistete\s+zahlung"
    r"|acompte(?:\s+verse)?|deja\s+(?:paye|regle)|reeds\s+betaald|aanbetaling|vooruitbetaald"
    r"|ya\s+pagado|anticipo|gia\s+pagato|acconto"
    # Odoo's payments under the total: "Paid on 08/10/2025"
    r"|paid\s+on|bezahlt\s+am|paye\s+le|betaald\s+op|pagado\s+el|pagato\s+il",
]


PO_REFERENCE = [
    r"purchase\s+order(?:\s*(?:number|no\.?|#|ref\.?))?|p\.?\s?o\.?\s*(?:number|no\.?|#|ref\.?)"
    r"|\bpo\b(?![-/]?\d)|your\s+order(?:\s*(?:number|no\.?|ref(?:erence)?\.?))?|order\s+ref(?:erence)?"
    r"|order\s+(?:number|no\b\.?)|customer\s+order",
    r"bestell\s*-?\s*(?:nummer|nr\.?|referenz)|bestellung\s*(?:nr\.?|nummer)|ihre\s+bestellung"
    r"|ihr\s+auftrag(?:\s*-?\s*(?:nummer|nr\b\.?))?",
    r"bon\s+de\s+commande|(?:n\.?[°º]|numero)\s+(?:de\s+)?commande|commande\s*(?:n\.?[°º]|no)"
    r"|votre\s+commande|ref(?:erence)?\.?\s*(?:de\s+(?:la\s+)?)?commande|commande\s+client",
    r"inkoop\s*(?:order\s*)?(?:nummer|nr\.?)|inkooporder|bestel\s*(?:nummer|nr\.?)|uw\s+order\s*(?:nummer|nr\.?)?"
    r"|uw\s+referentie|po\s*-?\s*nummer|uw\s+bestelling",
    r"orden\s+de\s+compra|(?:numero|n\.?[°º])\s+(?:de\s+)?pedido|pedido\s*(?:n\.?[°º]|no)|su\s+pedido(?:\s*n\.?[°º])?"
    r"|pedido\s+(?:del\s+)?cliente",
    r"ordine\s+(?:di\s+acquisto|d.acquisto|n[°º.]?)|(?:numero|n[°º.])\s+ordine|vs\.?\s+ordine"
    r"|vostro\s+ordine(?:\s+d.acquisto)?(?:\s+n[°º.]?)?"
    r"|rif\.?\s+ordine"
    r"|nota\s+de\s+encomenda|encomenda|vase\s+obj(?:ednavka|\.)|cislo\s+objednavky|objednavka\s*c\.",
    r"bestillings?\s*-?\s*(?:nummer|nr\b\.?)|ordre\s*-?\s*(?:nummer|nr\b\.?)|order\s*-?\s*(?:nummer|nr\b\.?)"
    r"|d(?<![a-z]d)eres\s+(?:bestilling|ordre)(?:\s*-?\s*(?:nummer|nr\b\.?))?|ert\s+order(?:nummer|nr)?"
    r"|j(?<![a-z]j)eres\s+ordre(?:nummer|nr)?"
    r"|inkopsorder|rekvisisjon",
    # the last: the buyer's own reference, an order number when it has one ("Your ref. BS/12"
    # in a letter's reference line is initials and a month: see ``fields.po_references``)
    r"your\s+ref(?:erence)?\b\.?|votre\s+ref(?:erence)?\b\.?|vos\s+ref(?:erences)?\b\.?|bestellung\b"
    r"|ihr\s+zeichen|ihre?\s+referenz|uw\s+kenmerk|vase\s+znacka"
    r"|v\s?/\s?ref\b\.?|y\s?/\s?ref\b\.?"
    r"|su\s+referencia|vs\.?\s+riferimento|vostro\s+riferimento|d(?<![a-z]d)eres\s+ref(?:eranse)?\b\.?"
    r"|vs\.\s*rif\b\.?|customer\s+po\b|customer\s+ref(?:erence)?\b\.?|kundenreferenz"
    r"|ref(?:erence)?\.?\s+client\b|referencia\s+(?:del\s+)?cliente|riferimento\s+cliente"
    r"|klantreferentie|pedido\b"
    # Odoo's "Reference:" over the customer's reference, in its languages
    r"|^\s*(?:reference|referentie|riferimento|referencia|referenz)(?= ?:)"
    r"|e(?<![a-z]e)r\s+referens|j(?<![a-z]j)eres\s+ref(?:erence)?\b\.?",
]

CREDIT_NOTE = re.compile(
    r"\b(?:credit\s*note|credit\s*memo|gutschrift|gutschriftsanzeige|rechnungskorrektur"
    r"|korrekturrechnung|stornorechnung|avoir|note\s+de\s+credit"
    r"|facture\s+d.avoir|creditnota|creditfactuur|credit\s*factuur|nota\s+de\s+credito"
    r"|(?:factura\s+)?rectificativa|nota\s+di\s+credito|nota\s+credito|dobropis"
    r"|opravny\s+danovy\s+doklad|kreditnota|kreditfaktura|factura\s+de\s+abono)\b"
    # a Spanish credit note's title or number ("Abono R-12", "N.º de abono"), not a payment
    r"|^\s*abono\b|(?:n\.?[°º]|numero)\s*(?:de\s+)?abono\b"
)
#: Labels of a document's type code (UNTDID 1001: 380 invoice, 381 credit note), which
#: renderings of e-invoices print where a letter would print a title.
TYPE_CODE = [
    r"rechnungsart|rechnungstyp|belegart|dokumentart|invoice\s+type(?:\s+code)?"
    r"|document\s+type(?:\s+code)?|type\s+de\s+(?:facture|document)|factuurtype|documenttype",
]
#: A self-billed invoice (the buyer writes it: "Gutschrift" in German law) is an invoice.
SELF_BILLED = re.compile(
    r"selbst\s*-?\s*ausgestellte|self\s*-?\s*bill(?:ed|ing)|auto\s*-?\s*facturation"
    r"|zelf\s*-?\s*facturering|autofactura|autofattura|gutschrifts?verfahren|abrechnungsgutschrift"
    r"|selbstfakturierung"
)

#: Labels that introduce the buyer's block or the buyer's own numbers.
CUSTOMER = re.compile(
    r"\b(?:bill(?:ed)?\s+to|invoice\s+to|ship\s+to|billing\s+address|shipping\s+address"
    r"|delivery\s+address|adresse\s+de\s+(?:facturation|livraison)|rechnungsadresse|lieferadresse"
    r"|rechnung\s+an"
    r"|sold\s+to|deliver(?:ed|y)?\s+to|customer|client"
    r"|buyer|purchaser|attn|rechnungsempfanger|empfanger|kaufer|kunde|kunden|warenempfanger|lieferanschrift"
    r"|herrn|frau|destinataire|facture[er]?\s+a|factureren\s+aan|gefactureerd\s+aan|geleverd\s+aan"
    r"|factuuradres|facturatieadres|factuur\s+aan|afleveradres|leveradres|klant|zu\s+handen"
    r"|z\.\s?hd|t\.\s?a\.\s?v|livre\s+a"
    r"|a\s+l.attention\s+de"
    r"|cliente|destinatario|spett\.?le|facturar\s+a|enviar\s+a|odberatel[eiu]?|kupujici(?:ho)?|prijemce|ontvanger|recipient"
    r"|zakaznik|cessionario"
    r"|kund|kjoper|kopare|kober|mottaker|mottagare|fakturaadressen?|leveringsadresse|leveransadress"
    r"|your|ihre?|uw|votre"
    r"|vostr[oa]|vs(?=\.)|su)\b"
)

#: Labels that introduce the seller.
_SELLER_WORDS = (
    r"from|seller|supplier|supplied\s+by|vendor|sold\s+by|(?:service\s+)?provider|issued\s+by"
    r"|lieferant(?:en)?|leistungserbringer|leistender(?:\s+unternehmer)?|rechnungs(?:er)?steller|verkaufer|absender|fournisseur"
    r"|emetteur|vendeur|leverancier|afzender|sender|biller|expediteur|remitente"
    r"|verkoper|proveedor|emisor|fornitore|cedente|prestatore|mittente|fornecedor|prestador|emitente|dodavatel[eiu]?"
    r"|poskytovatel|prodavajici(?:ho)?|leverandor|leverantor|selger|saljare|saelger|avsender|avsandare"
)
SUPPLIER = re.compile(rf"\b(?:{_SELLER_WORDS})\b")
#: a seller's heading, also a short "from" standing alone ("Von", "De", "Od" over the block)
SELLER_HEADING = re.compile(rf"\b(?:{_SELLER_WORDS}|von|van|de|da|od)\b")

#: Units of measure printed after a quantity ("12 kg", "3 Stk.", "2 colis").
UNIT = re.compile(
    r"^(?:pcs?|pc\.|pce|pces|stk\.?|st\.?|stuks?|kg|g|gr|l|ltr|lt|ml|cl|m|m2|m²|m3|h|hrs?|hours?"
    r"|std\.?|units?|ea|each|x|kwh|pkt|pack|packs|box|boxes|karton|kart\.?|fl|fles|flessen|pz"
    r"|uds?|unid\.?|pi[eè]ces?|colis|carton|cartons|ctn|cs|case|cases|crate|crates|krat|kratten"
    r"|doos|dozen|ds|btl|bt|bottles?|fut|keg|sac|sack|bag|bags|roll|rolls|rol|paar|pr|set|sets"
    r"|lot|bund|bunch|tray|trays|portion|port\.?|nights?|rooms?|days?|tage?|jours?|dagen"
    r"|months?|mo\.|mon\.|monat|monate|mois|mnd|maand|maanden|weeks?|wochen?|semaines?|weken"
    r"|years?|jahre?|jaar|stunden?|heures?|uur|kisten?|flaschen?|st[üu]ck|pck\.?|pkg\.?|pak"
    r"|pakken|paquets?|pq|pqt|fl\.|u\.?|rollen?|dose|dosen|eimer|beutel|sachet|bouteilles?|caisses?"
    r"|fixed|flat|pauschal|psch\.?|forfait|forfaitaire|can|kan|kanister|bidons?|blik|blikken"
    r"|tins?|jars?|glas|gl[aä]ser|pots?|potten|bocaux|bocal|briques?|zak|cartone|cartoni|pezz[io]"
    r"|conf\.?|confezion[ei]|bottigli[ae]|cassa|casse)$",
    re.I,
)

#: The start of a line that ends a line-item table or is a summary line, never an item: a
#: totals, tax, payment, discount or carried-forward label.
_SUMMARY_WORDS = (
    r"sub\s*-?\s*total|total|totaal|totale|summe|gesamt|netto|brutto|rechnungssumme"
    r"|montant|exclusief|vat|tax|mwst|ust|tva|btw|iva|zuzugl|zzgl|abzgl|balance|grand|importe"
    r"|somme|rabatt|discount|remise|korting|sconto|descuento|shipping|versand|paid|pagado"
    r"|breakdown|aufschlusselung|celkem|mezisoucet|rozpis|rekapitulace|recapitulatif|dph|resumo"
    r"|impostos?"
    r"|offener\s+betrag|reste\s+a\s+payer|openstaand|pendiente|saldo|ubertrag|carried\s+forward"
    r"|brought\s+forward|report|a\s+reporter|transport|riporto|suma\s+y\s+sigue|a\s+trasladar"
    r"|suma\s+anterior|summa|suma|sum\s+of|soucet|mva|moms\w*|\d+(?:[.,]\d+)?\s?%\s(?:vat|btw|tva|mwst|ust|iva|tax)"
)
SUMMARY = re.compile(
    r"^\s*(?:"
    + by_first_letter(
        "|".join(
            [rf"{word}\b" for word in _alternatives(_SUMMARY_WORDS)]
            + TOTAL_EXCL[:-1]
            + TOTAL_INCL[:-3]
            + TAX_AMOUNT[:-1]
            + ALREADY_PAID
        )
    )
    + ")"
)

#: Line-item table column headings by the column they name (each alternative starts with a letter).
COLUMNS: dict[str, str] = {
    # ("Product Description" stays two headings: a printout's "PRODUCT" heads the codes)
    "description": r"item\s+description|service\s+description|description|desc\.|item|posten"
    r"|article|product|produkt|artikel"
    r"|bezeichnung"
    r"|artikelbezeichnung|beschreibung|leistung|designation|libelle|omschrijving|descripcion"
    r"|concepto|descrizione|articolo|articulo|artigo|prodotto|descricao|produto|popis|polozka|nazev"
    r"|oznaceni"
    r"|title|service|dienst"
    r"|details?|particulars"
    r"|delivery\s+note|lieferschein|bon\s+de\s+livraison|pakbon|leverbon"
    r"|beskrivelse|beskrivning|varebeskrivelse|benamning|varetekst|ydelse",
    "quantity": r"qty|quantity|quantite|qte|menge|anzahl|aantal|hoeveelheid|cantidad|cant\."
    r"|quantita|qta|q\.ta|quantidade|qtde?|mnozstvi|pocet|jednotek|nombre|stuks|amount(?=\s+product)"
    r"|antall|antal|mengde|kvantitet",
    "unit": r"unit(?!\s*price)|unite|einheit|meng\.-?\s*einheit|eenheid|unidad|unita|u\.m\."
    r"|enhet|enhed|u(?<![a-z]u)m\b",
    "unit_price": r"p(?:rice|rix|reis|rijs|ris)\s*(?:/|per|par|pro|je)\s*"
    r"(?:unit|unite|einheit|eenheid|enhet|enhed)|prix\s+unit(?:aire|\.)?|taux\s+horaire|taux\s+journalier"
    r"|hourly\s+rate|day\s+rate|stundensatz|tagessatz|stundenlohn|uurtarief|dagtarief|tarief"
    r"|unit\s*price|item\s+price|article\s+price|prices?|rate|einzel(?:preis|betrag)|preis|stuckpreis"
    r"|e-preis|vk-preis"
    r"|nettopreis|p\.u\.|pu\s+ht|prix|prijs\s+per\s+stuk|stukprijs|prijs"
    r"|(?:precio|prezzo|preco)\s+unit(?:ario|\.)?|precio|prezzo|p\.\s*unit|valor\s+unitario"
    r"|preco|cena\s+za\s+(?:jednotku|mj|ks)|jedn\.\s*cena|cena|a\s*-?\s*pris|pris",
    "total": r"amount|total|line\s+total|base\s+imp(?:\.|onible)|betrag|gesamtbetrag|gesamtpreis"
    r"|gesamt|summe|zeilenbetrag"
    r"|nettowert|entgelt|montant|total\s+ht|bedrag|totaal|importe|importo|totale|value|wert"
    r"|waarde|valeur|preco\s+total|valor|celkova\s+cena|celkem|castka|ammontare|belop[pb]?|summa|totalt",
    "tax_rate": r"vat\s*(?:rate|%)|tax\s*(?:rate|%)|vat|tax|taxes|ust\.?\s*%?|mwst\.?-?\s*%?|tva"
    r"|btw|iva|steuersatz|steuern|taux|impostos?|impuestos?|aliq(?:uota|\.)|dph|sazba|mva|moms|momssats",
}

#: Short or abbreviated headings, recognised only as a whole heading cell ("ME", "U/M",
#: "Each"): inside longer headings they would be parts of other words.
COLUMN_CELLS: dict[str, str] = {
    # beside a "Description" column too; "Activity" is the LaTeX invoice package's
    "description": r"(?:item\s+|product\s+)?name|nom|naam|activit(?:y|eit|e)|aktivitat|attivita"
    r"|actividad|tatigkeit|auslagen?|expenses?|spesen|debours|depenses?|aktivitet|vare|varer"
    r"|onkosten|spese|gastos|despesas|vydaje?|utlagg|utlegg|text|texte|tekst|testo|texto",
    "unit": r"uom|uq|u/?m|me|eh|einh|eenh|u|un|unit\s+of\s+measure|mengeneinheit|unite|verp|vpe|mj",
    "unit_price": r"each|ep|pu|p/u|per\s+unit|unit\s+cost|cost|tarif|prix\s+u|eenheidsprijs"
    r"|u\.\s?p\.(?:\s*\((?:net|ht|netto)\))?"  # Dolibarr's "U.P. (net)"
    r"|p\.\s?u(?:\.?\s*(?:ht|ttc|netto))?"  # "P.U.", "P.U. HT" (prix / prezzo unitario)
    r"|/\s*(?:stk|st|pcs|pc|pce|piece|unit|einheit|eh|me|kg)\.?"  # "€ / Stk"
    r"|prijs\s*/\s*(?:st|stuk|eenh|eenheid)|preis\s*/\s*(?:einheit|me|eh|stk)|price\s+each",
    "quantity": r"anz|aant|nbre|nb|stk|st|hrs|hours|menge|units|uds|qte|count|mnoz\.?"
    r"|h|std|stunden|tage?|days?|jours?|heures?|uur|uren|dag|dagen",
    "total": r"net|netto|nett|ht|ges|sum|eur|usd|gbp|chf|imponibile",  # "EUR": amounts in euros
    "other": r"pos\.?|position|line|regel|ligne|lig|zeile|lfd\.?\s*nr\.?|ln|lin",  # "RegelProduct"
    "code": r"art(?:ikel)?\.?\s*-?\s*(?:nr|no|nummer)\.?|artikelnummer|sku|ref(?:erence)?\.?"
    r"|(?:item|product|article|part)\s*(?:no\.?|nr\.?|number|#|code)|p/n"
    r"|code(?:\s+(?:article|produit))?|codice|codigo"
    r"|cod\.?(?:\s*art\.?)?"
    r"|kat\.?\s*c\.?|katalogove\s+cislo"  # Czech "Kat. č."
    r"|ean|gtin"  # (where a shop prints no article number of its own)
    r"|nr|no|n|n\.?[°º]|№|kod",  # a bare "No." column: positions (left alone) or article numbers
    # a discount per line: its percentage is no VAT rate
    "discount": r"sleva|rabatt|discount|disc\.?|remise|korting|sconto|descuento|desconto"
    r"|(?:rem|kort|desc|dto|rab|sc)\.?\s*%|dto\.?|rab\.?",  # "Rem.%", "Kort.%" (Odoo's), "Rab."
}

LEGAL_FORMS = re.compile(
    r"(?<![\w])(?:gmbh(?:\s*&\s*co\.?\s*kg)?|(?:ges\.?\s?)?m\.?\s?b\.?\s?h\.?|gesmbh|ag|kg|ohg|og"
    r"|e\.\s?k\.|e\.\s?u\.|ug(?:\s*\(haftungsbeschr[aä]nkt\))?|se|a\.g\.|b\.\s?v\.?|bv|n\.\s?v\.?|nv"
    r"|bvba|v\.?\s?o\.?\s?f\.?|c\.\s?v\.|comm\.\s?v\.|sprl|scrl|sa/nv|sas|sasu|sarl|s\.a\.r\.l\."
    r"|s\.\s?[aà]\s?r\.\s?l\.|sa|s\.a\.|eurl|eirl|snc|sci|sca|s\.l\.u?\.?|sl|s\.p\.a\.|spa"
    r"|s\.r\.l\.(?:s\.)?|s\.r\.l|srls?"
    r"|s\.n\.c\.|s\.a\.s\.|pvt\.?\s*ltd\.?|private\s+limited|ltd\.?|limited|plc|llp|lp|inc\.?"
    r"|llc|l\.l\.c\.|corp\.?|co\.|pty(?:\s+ltd\.?)?|asa|(?-i:AS)|hb|kb|oyj"
    # cooperatives: "Winzergenossenschaft eG", "S.Coop.", "Soc. coop.", "Coöperatie U.A.", "SCRL"
    r"|(?-i:eG)|(?-i:e\.\s?G\.)|kgaa|s\.\s?coop\.?|soc\.\s?coop\.?|u\.a\.|cvba|scop"
    r"|gbr|ev|e\.v\.|a/s|aps|ab|oy|ltda\.?|lda\.?|spol\.\s?s\s?r\.\s?o\.|s\.\s?r\.\s?o\.|a\.\s?s\."
    r"|k\.\s?s\.|v\.\s?o\.\s?s\.|sp\.\s?z\s?o\.\s?o\.)"
    r"(?![\w])",
    re.IGNORECASE,
)


def compile_all(patterns: list[str]) -> list[re.Pattern[str]]:
    """Compile label patterns so that they never reach across a column gap.

    Layout text separates columns by two or more spaces, so inside a label ``\\s`` means one
    space, and ``^`` means the start of a cell rather than of the line.
    """
    out = []
    for p in map(by_first_letter, patterns):
        p = p.replace(r"^\s*", r"(?:^ ?|(?<=  ))")
        p = p.replace(r"\s+", " ").replace(r"\s*", " ?").replace(r"\s?", " ?")
        out.append(re.compile(p, re.MULTILINE))
    return out
