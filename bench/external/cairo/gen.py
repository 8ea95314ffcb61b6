#!/usr/bin/env python3
"""Invoice PDFs drawn with cairo + Pango (PangoCairo through PyGObject and pycairo, Debian packages), the
rendering stack of GTK applications' printing; a truth JSON is written beside each PDF and checked against
its text.

    .venv/bin/python gen.py OUTDIR --count N --seed S [--only FAMILY] [--keep-jobs] [--no-check]

gen.py draws every document (parties, items, VAT, formats, labels, layout options) and formats everything
that is printed into one job per document; ``render.py`` lays each job out with the family's layout on a
cairo PDF surface (Pango layouts, markup, tab stops, justification), in this process. Then pypdf extracts
the text of every PDF and the printed truth values are looked for in it (see ``check_doc``).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # bench/external: the modules in common/
from common import ids  # noqa: E402
from common import labels as LB  # noqa: E402
from common import scaffold as G  # noqa: E402
from common import world as W  # noqa: E402
from common.scaffold import city_line, fmt_date, money, pct, pick, r2  # noqa: E402

G.use_set_venv(HERE, __file__)
import render  # noqa: E402  (PangoCairo, from the system's python3-gi seen by the venv)

SET_NAME = "cairo"
FAMILIES = ["gnucash", "din-letter", "justified", "wholesale", "receipt"]

# --------------------------------------------------------------------------- locales (common's + de_AT)
LOCALES = {**LB.LOCALES, "de_AT": LB.DE_AT}
DATE_FORMATS = {**LB.DATE_FORMATS, "de_AT": ["{dd}.{mm}.{yyyy}", "{d}.{m}.{yyyy}", "{d}. {month} {yyyy}"]}
LOCALE_ORDER = ["en_GB", "de_DE", "en_US", "fr_FR", "nl_NL", "es_ES", "it_IT", "en_US", "de_AT", "cs_CZ"]

# labels of this set's layouts (the common ones come from labels.py); a list is drawn once per document
CX = {
    "en": dict(po_more=["Your reference", "PO"], date_col=["Date", "Entry date"], our_ref="Our reference",
               contact="Contact", phone="Phone", director="Director", services=["Services and supplies", "Details"],
               carried="Carried forward", brought="Brought forward", items_n="{n} items", code_col="Tax",
               cont_next="continued on page {p}", paid_by="Payment", transfer="Bank transfer",
               intro=("As agreed, we invoice the following goods and services delivered to {c} in {m}. All work was "
                      "carried out by our staff in accordance with the current framework agreement; please check the "
                      "details below and contact us within eight days should anything be unclear.")),
    "de": dict(po_more=["Bestellung", "Ihr Zeichen"], date_col=["Datum", "Lieferdatum"], our_ref="Unser Zeichen",
               contact="Ansprechpartner", phone="Telefon", director="Geschäftsführer",
               services=["Leistungen und Lieferungen", "Leistungsübersicht"], carried="Übertrag",
               brought="Übertrag", items_n="{n} Positionen", code_col="St.", cont_next="Fortsetzung auf Seite {p}",
               paid_by="Zahlungsart", transfer="Überweisung",
               intro=("Wie vereinbart berechnen wir Ihnen die folgenden Lieferungen und Leistungen, die im {m} für {c} "
                      "erbracht wurden. Alle Arbeiten wurden von unseren Mitarbeitern gemäß der geltenden "
                      "Rahmenvereinbarung ausgeführt; bitte prüfen Sie die Angaben und melden Sie sich innerhalb von "
                      "acht Tagen, falls etwas unklar ist.")),
    "fr": dict(po_more=["Votre référence", "Vos réf."], date_col=["Date", "Livré le"], our_ref="Notre référence",
               contact="Interlocuteur", phone="Téléphone", director="Gérant",
               services=["Détail des prestations", "Prestations et fournitures"], carried="À reporter",
               brought="Report", items_n="{n} articles", code_col="TVA", cont_next="suite page {p}",
               paid_by="Règlement", transfer="Virement",
               intro=("Conformément à notre accord, nous vous facturons les prestations et fournitures suivantes, "
                      "réalisées pour {c} en {m}. Les travaux ont été effectués par notre personnel selon le contrat "
                      "cadre en vigueur ; merci de vérifier le détail ci-dessous et de nous contacter sous huit jours "
                      "en cas de question.")),
    "nl": dict(po_more=["Uw referentie", "Uw kenmerk"], date_col=["Datum", "Leverdatum"], our_ref="Ons kenmerk",
               contact="Contactpersoon", phone="Telefoon", director="Directeur",
               services=["Specificatie", "Geleverde diensten"], carried="Transport", brought="Transport",
               items_n="{n} artikelen", code_col="Btw", cont_next="vervolg op pagina {p}", paid_by="Betaalwijze",
               transfer="Overschrijving",
               intro=("Zoals afgesproken brengen wij u de volgende leveringen en diensten in rekening, uitgevoerd voor "
                      "{c} in {m}. Alle werkzaamheden zijn door onze medewerkers verricht volgens de geldende "
                      "raamovereenkomst; controleer de gegevens hieronder en neem binnen acht dagen contact met ons op "
                      "als iets onduidelijk is.")),
    "es": dict(po_more=["Su referencia", "Su pedido n.º"], date_col=["Fecha", "Entrega"],
               our_ref="Nuestra referencia", contact="Contacto", phone="Teléfono", director="Administrador",
               services=["Detalle", "Servicios prestados"], carried="Suma y sigue", brought="Suma anterior",
               items_n="{n} artículos", code_col="IVA", cont_next="continúa en la página {p}",
               paid_by="Forma de pago", transfer="Transferencia",
               intro=("Según lo acordado, les facturamos los siguientes suministros y servicios prestados a {c} en "
                      "{m}. Todos los trabajos fueron realizados por nuestro personal conforme al acuerdo marco "
                      "vigente; les rogamos revisen el detalle y nos contacten en un plazo de ocho días ante cualquier "
                      "duda.")),
    "it": dict(po_more=["Vs. riferimento", "Vs. rif."], date_col=["Data", "Data consegna"], our_ref="Ns. riferimento",
               contact="Referente", phone="Telefono", director="Amministratore",
               services=["Dettaglio delle prestazioni", "Prestazioni"], carried="A riportare", brought="Riporto",
               items_n="{n} articoli", code_col="IVA", cont_next="segue a pagina {p}", paid_by="Pagamento",
               transfer="Bonifico",
               intro=("Come concordato, vi addebitiamo le seguenti forniture e prestazioni eseguite per {c} nel mese "
                      "di {m}. Tutti i lavori sono stati svolti dal nostro personale secondo l'accordo quadro in "
                      "vigore; vi preghiamo di verificare il dettaglio e di contattarci entro otto giorni per "
                      "eventuali chiarimenti.")),
    "cs": dict(po_more=["Vaše značka", "Vaše obj."], date_col=["Datum", "Dodáno"], our_ref="Naše značka",
               contact="Vyřizuje", phone="Telefon", director="Jednatel", services=["Rozpis plnění", "Položky"],
               carried="Převod", brought="Převod z předchozí strany", items_n="{n} položek", code_col="DPH",
               cont_next="pokračování na straně {p}", paid_by="Forma úhrady", transfer="Převodem",
               intro=("Dle dohody Vám fakturujeme následující dodávky a služby poskytnuté pro {c} v období {m}. "
                      "Veškeré práce provedli naši pracovníci v souladu s platnou rámcovou smlouvou; zkontrolujte "
                      "prosím údaje níže a případné nejasnosti nám sdělte do osmi dnů.")),
}
# GnuCash's own English report labels, used in most English gnucash documents
GNUCASH_EN = dict(net="Net Price", vat_total="Tax", gross="Total Price", amount_due="Amount Due",
                  deposit="Payment Received", po="Billing ID", terms="Terms", thanks="Thank you for your patronage!")

US_TERMS = ("Title to goods passes upon payment in full. Shortages or damage must be reported within 48 hours of "
            "delivery. Past due balances are subject to a finance charge of 1.5% per month.")

# Pango family names (fontconfig: fonts-dejavu-core, fonts-liberation(2), fonts-crosextra-carlito/-caladea)
FONTS = {
    "gnucash": ["DejaVu Sans", "Liberation Sans", "Carlito", "Liberation Serif"],
    "din-letter": ["Liberation Sans", "Carlito", "DejaVu Sans", "Caladea"],
    "justified": ["Caladea", "DejaVu Serif", "Liberation Serif", "Carlito"],
    "wholesale": ["DejaVu Sans Condensed", "Liberation Sans Narrow", "Carlito", "DejaVu Sans"],
    "receipt": ["DejaVu Sans Mono", "Liberation Mono", "DejaVu Sans Condensed", "Carlito"],
}


# --------------------------------------------------------------------------- parties (common's, and de_AT)
def make_supplier(rng, doc):
    """common's supplier; for Austria (not in common) the same fields with UID, Firmenbuch and an Austrian bank."""
    if doc["country"] != "AT":
        return G.make_supplier(rng, doc)
    s = rng.choice(W.SURNAMES["AT"])
    city, pc, street = rng.choice(W.PLACES["AT"])
    name = rng.choice(W.SUPPLIER_PATTERNS["AT"]).format(s=s, c=city)
    n = lambda k: "".join(str(rng.randint(0, 9)) for _ in range(k))  # noqa: E731
    slug = G.slug(s)
    return dict(name=name, street=street, city=city_line("AT", city, pc), phone=f"+43 1 {n(3)} {n(4)}",
                email=rng.choice(["rechnung", "office", "buchhaltung"]) + f"@{slug}.at", web=f"www.{slug}.at",
                tax_label=rng.choice(["UID-Nr.", "UID", "USt-IdNr."]), tax_id=ids.at_vat(rng),
                extra_ids=[("FN", f"{rng.randint(10000, 599999)} {rng.choice('abdfghikmpstvwxyz')}"),
                           ("Firmenbuchgericht",
                            rng.choice(["Handelsgericht Wien", "LG Salzburg", "LG für ZRS Graz"]))],
                iban=ids.iban(rng, "AT", ids.IBAN_LEN["AT"]), us_bank="",
                bic="".join(rng.choice("ABCDEFGHKLMNPRSTUVWZ") for _ in range(4)) + "AT"
                + rng.choice(["WW", "2S", "KK"]),
                bank=rng.choice(["Erste Bank", "Raiffeisenlandesbank", "Bank Austria"]))


def make_customer(rng, doc, supplier):
    """common's customer; for Austria the same fields with an Austrian UID."""
    if doc["country"] != "AT":
        return G.make_customer(rng, doc, supplier)
    cust = G.customer_base(rng, "AT", supplier)
    cust["number"] = rng.choice([f"K-{rng.randint(10000, 99999)}", f"{rng.randint(100000, 999999)}"])
    if rng.random() < 0.3:
        cust["attn"] = G.ATTN["de"]
    if rng.random() < 0.4:
        cust["vat_id"] = ids.at_vat(rng)
    return cust


def invoice_number(rng, doc, year, month):
    """GnuCash numbers its invoices with zero-padded counters (000042); the other families use common's."""
    if doc["family"] == "gnucash" and rng.random() < 0.7:
        n = rng.randint(1, 2400)
        pre = ("CN" if doc["credit"] else "") if rng.random() < 0.6 else ("CN-" if doc["credit"] else "INV-")
        return f"{pre}{n:06d}"
    return G.invoice_number(rng, doc["lang"], doc["credit"], year, month)


# --------------------------------------------------------------------------- items
POOLS = {  # catalogue categories a family's supplier mostly sells
    "gnucash": ["food", "bev", "clean", "linen", "equip", "service"], "din-letter": ["food", "bev", "clean", "equip"],
    "justified": ["service", "linen", "clean"], "wholesale": ["food", "bev", "clean", "equip"],
    "receipt": ["food", "bev", "clean", "equip"],
}


def make_items(rng, doc):
    """Items of the hospitality world: the family's categories, 1-22 (wholesale 25-45, credit notes 1-6)."""
    country, fam = doc["country"], doc["family"]
    std, red = W.VAT[country] if country != "US" else (doc["sales_tax"], doc["sales_tax"])
    pool = W.CATALOGUE if doc["mode"] == "multi" else [p for p in W.CATALOGUE if p["vat"] == "std"]
    cats = sorted({p["cat"] for p in pool} & set(POOLS[fam]))
    main = rng.sample(cats, min(len(cats), rng.choice([1, 2, 2, 3])))
    if doc["mode"] == "multi" and "food" not in main:
        main.append("food")  # a reduced-rate line or two
    pool_main = [p for p in pool if p["cat"] in main] or pool
    r = rng.random()
    if doc["credit"]:
        n = rng.randint(1, 6)
    elif fam == "wholesale":
        n = rng.randint(25, 45)
    elif fam == "receipt":
        n = rng.randint(1, 6) if r < 0.5 else rng.randint(7, 14)
    else:
        n = rng.randint(1, 5) if r < 0.35 else rng.randint(6, 12) if r < 0.8 else rng.randint(13, 22)
    long_p = 0.5 if fam == "justified" else 0.0 if fam == "receipt" else rng.choice([0.0, 0.0, 0.2, 0.4])
    items, used = [], set()
    for _ in range(n):
        p = rng.choice(pool_main if rng.random() < 0.85 else pool)
        items.append(G.make_item(rng, doc, p, long_p, used, std, red))
    if doc["mode"] == "multi" and std != red and all(it["rate"] == std for it in items):
        food = [p for p in W.CATALOGUE if p["vat"] == "red"]  # several rates: at least one reduced-rate line
        items[rng.randrange(len(items))] = G.make_item(rng, doc, rng.choice(food), long_p, used, std, red)
    return items


# --------------------------------------------------------------------------- the document
def make_doc(seed: int, idx: int) -> dict:
    """Draw document ``idx`` of ``seed``: locale, formats, parties, items, amounts, font and layout options."""
    rng = random.Random(f"{SET_NAME}/{seed}/{idx}")
    family = G.family_of(SET_NAME, seed, idx, FAMILIES)
    lorder = random.Random(f"{SET_NAME}/{seed}/loc").sample(LOCALE_ORDER, len(LOCALE_ORDER))
    loc = lorder[(idx + 2 * (idx // len(FAMILIES))) % len(lorder)]  # every family meets every locale
    info = LOCALES[loc]
    doc = G.start_doc(rng, seed, idx, family, loc, LOCALES, CX)
    lang, country, X = doc["lang"], doc["country"], doc["X"]
    if rng.random() < 0.45:  # "Your reference", "Votre référence", "Bestellung", "PO", …
        X["po"] = X["po_more"]
    if family == "gnucash" and lang == "en" and rng.random() < 0.75:
        X.update(GNUCASH_EN)
    doc["sep"] = info["sep"]
    if loc == "fr_FR" and rng.random() < 0.3:
        doc["sep"] = (".", ",")
    if loc == "de_DE" and family == "wholesale" and rng.random() < 0.3:
        doc["sep"] = ("", ",")  # ERP exports without a thousands separator: 1234,56
    doc["min_group2"] = loc == "es_ES" and rng.random() < 0.5
    doc["cur"] = info["cur"]
    doc["cur_fmt"] = info["cur"][2] if rng.random() < 0.75 else rng.choice(["code_pre", "code_post"])
    doc["table_sym"] = rng.random() < {"gnucash": 0.6, "receipt": 0.1, "wholesale": 0.15}.get(family, 0.4)
    doc["tot_sym"] = family != "receipt" or rng.random() < 0.5
    doc["pct_sep"] = " " if lang in ("fr", "de", "cs") and rng.random() < 0.6 else ""
    doc["qty_fixed"] = rng.choice([0, 0, 0, 2, 3] if family == "wholesale" else [0, 0, 0, 2])
    doc["date_fmt"] = rng.choice(DATE_FORMATS[loc])
    doc["paper"] = info["paper"]
    doc["sales_tax"] = Decimal(str(rng.choice(W.US_SALES_TAX))) if country == "US" else None
    doc["credit"] = family != "wholesale" and rng.random() < 0.15
    doc["neg"] = False  # credit notes print positive amounts under their title
    doc["supplier"] = make_supplier(rng, doc)
    doc["customer"] = make_customer(rng, doc, doc["supplier"])
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    doc["date"] = date
    doc["number"] = invoice_number(rng, doc, date.year, date.month)
    if doc["credit"]:
        doc["ref_invoice"] = invoice_number(random.Random(rng.random()), dict(doc, credit=False), date.year, date.month)
        doc["ref_date"] = date - dt.timedelta(days=rng.randint(5, 60))
    G.draw_terms_and_pos(rng, doc, date, delivery_p=0.35)
    multi_p = {"justified": 0.75, "wholesale": 0.6, "receipt": 0.5}.get(family, 0.4)
    doc["mode"] = "single" if country == "US" or rng.random() >= multi_p else "multi"
    items = make_items(rng, doc)
    doc["line_disc"] = family in ("gnucash", "din-letter", "wholesale") and rng.random() < 0.25
    if doc["line_disc"]:
        G.draw_line_discounts(rng, items)
    if family == "gnucash":  # GnuCash entries carry their own date
        days = sorted(date - dt.timedelta(days=rng.randint(0, 20)) for _ in items)
        for it, d in zip(items, days, strict=True):
            it["date"] = d
    ship_p = 0 if family == "justified" else 0.4 if family == "wholesale" else 0.2
    G.draw_amounts(rng, doc, items, disc_p=0.2, ship_p=ship_p, ship_fees=G.SHIP_FEES + ["45.00"])
    groups = doc["groups"]
    doc["deposit"] = Decimal(0)
    if not doc["credit"] and rng.random() < 0.18:
        doc["deposit"] = r2(doc["gross"] * Decimal(rng.choice([20, 25, 30, 50])) / 100)
    doc["vat_col"] = len(groups) > 1 or (country != "US" and rng.random() < 0.3)
    doc["vat_summary"] = country != "US" and (
        family in ("justified", "receipt") or (family == "wholesale" and (len(groups) > 1 or rng.random() < 0.5))
        or (family == "din-letter" and rng.random() < 0.4))
    doc["vat_lines_only"] = False  # the tax total is always printed (in the totals or the VAT summary)
    doc["font"] = dict(kind="ttf", name=rng.choice(FONTS[family]))
    doc["rng_layout"] = rng.random()
    doc["opts"] = layout_opts(rng, doc)
    return doc


ACCENTS = [[31, 78, 121], [46, 117, 182], [55, 86, 35], [123, 44, 44], [64, 64, 64], [91, 44, 111], [14, 102, 85],
           [150, 60, 20]]


def layout_opts(rng, doc):
    """The family's layout choices (recorded in the truth's _style.layout) and its item table's columns."""
    f = doc["family"]
    o = dict(accent=rng.choice(ACCENTS), size=rng.choice([8.5, 9, 9, 9.5, 10]))
    if f == "gnucash":
        o.update(grid=rng.random() < 0.5, head_fill=rng.random() < 0.6, title_hash=rng.random() < 0.6,
                 bold_total=rng.random() < 0.7,
                 cols=rng.choice([["date", "desc", "qty", "price", "total"], ["date", "desc", "qty", "price", "total"],
                                  ["desc", "qty", "price", "total"], ["date", "sku", "desc", "qty", "price", "total"]]))
    elif f == "din-letter":
        o.update(decimal_tabs=rng.random() < 0.7, fold_marks=rng.random() < 0.7,
                 letterhead=rng.choice(["right", "center", "left-rule"]), head_fill=rng.random() < 0.4,
                 sku_col=rng.random() < 0.6, repeat_head=rng.random() < 0.7, size=rng.choice([9, 9.5, 10]),
                 subject_number=rng.random() < 0.5,
                 cols=rng.choice([["pos", "desc", "qty", "unit", "price", "total"],
                                  ["pos", "desc", "qty", "price", "total"],
                                  ["pos", "desc", "unit", "qty", "price", "total"]]))
        if o["sku_col"]:
            o["cols"] = o["cols"][:1] + ["sku"] + o["cols"][1:]
    elif f == "justified":
        o.update(spaced_title=rng.random() < 0.8, small_caps=rng.random() < 0.8, intro=rng.random() < 0.8,
                 rule_color=rng.random() < 0.5, meta_right=rng.random() < 0.6, size=rng.choice([9, 9.5, 10, 10.5]),
                 cols=rng.choice([["desc", "qty", "unit", "price", "total"], ["desc", "qty", "price", "total"],
                                  ["pos", "desc", "qty", "unit", "price", "total"]]))
    elif f == "wholesale":
        o.update(zebra=rng.random() < 0.5, head_fill=rng.random() < 0.6, carry_style=rng.choice(["rule", "box"]),
                 size=rng.choice([8, 8, 8.5, 9]),
                 cols=rng.choice([["pos", "sku", "desc", "qty", "unit", "price", "total"],
                                  ["sku", "desc", "qty", "unit", "price", "total"],
                                  ["pos", "sku", "qty", "unit", "desc", "price", "total"]]))
    else:  # receipt
        narrow = rng.random() < 0.6
        o.update(narrow_page=narrow, width_mm=rng.choice([72, 80]) if narrow else rng.choice([70, 76, 84]),
                 column_at=rng.choice(["left", "center"]), code_letters=doc["country"] != "US" and rng.random() < 0.6,
                 qty_line=rng.choice(["qty_x_price", "columns"]), dashed=rng.random() < 0.6,
                 size=rng.choice([7.5, 8, 8.5]), cols=["desc", "qty", "price", "total"])
        if doc["paper"] == "letter" and narrow:
            o["width_mm"] = 76
    cols = list(o["cols"])
    if doc["line_disc"]:
        cols.insert(cols.index("total"), "disc")
    if f in ("gnucash", "din-letter", "justified", "wholesale") and doc["vat_col"]:
        cols.insert(cols.index("total") + (1 if f == "gnucash" and rng.random() < 0.5 else 0), "vat")
    o["cols"] = cols
    return o


# --------------------------------------------------------------------------- the job (all text pre-formatted)
def build_job(doc: dict, out_pdf: Path) -> dict:
    """Everything render.py prints, formatted here (numbers, dates, labels, running sums)."""
    X, s, c, o = doc["X"], doc["supplier"], doc["customer"], doc["opts"]
    fam, us = doc["family"], doc["country"] == "US"
    lr = random.Random(f"{doc['number']}/{fam}")  # drawn choices that must not shift the document's draws
    title = X["credit"] if doc["credit"] else X["invoice"]
    num_label = X["cn_no"] if doc["credit"] else X["inv_no"]
    meta = G.meta_rows(doc, num_label, [X["cust"], c["number"]])
    tax_line = f"{s['tax_label']}: {s['tax_id']}" if s.get("tax_id") else None
    legal = ([tax_line] if tax_line else []) + [f"{a} {b}" for a, b in s["extra_ids"]]
    bill = [c["name"]] + ([c["attn"]] if c.get("attn") else []) + [c["street"], c["city"]]
    cust_vat = f"{X['cust_vat']}: {c['vat_id']}" if c.get("vat_id") else None  # printed under the customer
    ship = c.get("ship")
    # item table
    head_of = G.column_heads(doc, 0.4, date=X["date_col"])
    cols = o["cols"]
    codes = {}
    if fam == "receipt" and o["code_letters"]:
        codes = {g[0]: "ABCDE"[i] for i, g in enumerate(doc["groups"])}
    short = {"en_US": "{mm}/{dd}", "en_GB": "{dd}/{mm}", "fr_FR": "{dd}/{mm}", "es_ES": "{dd}/{mm}",
             "it_IT": "{dd}/{mm}", "nl_NL": "{dd}-{mm}"}.get(doc["loc"], "{dd}.{mm}.")
    short_dates = lr.random() < 0.5
    rows, cums, vcodes = [], [], []
    run = Decimal(0)
    for i, it in enumerate(doc["items"], 1):
        cell = G.item_cells(doc, i, it)
        cell["date"] = fmt_date(it["date"], doc, short if short_dates else None) if "date" in it else ""
        rows.append([cell[k] for k in cols])
        vcodes.append(codes.get(it["rate"], ""))
        run += it["total"]
        cums.append(money(run, doc, doc["tot_sym"]))
    num_kinds = {"qty", "price", "disc", "vat", "total"}
    table = dict(head=[head_of[k] for k in cols], kind=cols, rows=rows, cum=cums,
                 units=[it["unit"] for it in doc["items"]],
                 align=["R" if k in num_kinds else "L" for k in cols], vcodes=vcodes)
    # totals block: (label, amount, style) with style "" / "net" / "tax" / "gross" / "due"
    m = lambda x: money(x, doc, doc["tot_sym"])  # noqa: E731
    totals = []
    show_sub = bool(doc["disc_pct"] or doc["shipping"])
    net_label = pick(lr, LB.US["net"]) if us else X["net"]
    if us and show_sub and net_label == X["subtotal"]:
        net_label = "Taxable subtotal"
    if show_sub:
        totals.append([X["subtotal"], m(doc["subtotal"]), ""])
    if doc["disc_pct"]:
        totals.append([f"{X['discount']} {pct(doc['disc_pct'], doc)}", m(-doc["disc_amt"]), ""])
    if doc["shipping"]:
        totals.append([X["shipping"], m(doc["shipping"]), ""])
    totals.append([net_label, m(doc["net"]), "net"])
    if us:
        totals.append([pick(lr, LB.US["tax_line"]).format(r=pct(doc["sales_tax"], doc)), m(doc["tax"]), "tax"])
    else:
        if len(doc["groups"]) > 1 and not doc["vat_summary"]:
            for rate, base, tax in doc["groups"]:
                lab = (X["vat_on"].format(r=pct(rate, doc), b=m(base)) if doc["rng_layout"] > 0.7
                       else X["vat_line"].format(r=pct(rate, doc)))
                if codes:
                    lab = f"{codes[rate]} {lab}"
                totals.append([lab, m(tax), ""])
            totals.append([X["vat_total"], m(doc["tax"]), "tax"])
        elif len(doc["groups"]) == 1 and doc["rng_layout"] > 0.5:
            rate = doc["groups"][0][0]
            totals.append([X["vat_line"].format(r=pct(rate, doc)), m(doc["tax"]), "tax"])
        else:
            totals.append([X["vat_total"], m(doc["tax"]), "tax"])
    gross_label = pick(lr, LB.US["gross"]) if us else X["gross"]
    totals.append([gross_label, m(doc["gross"]), "gross"])
    if doc["deposit"]:
        totals.append([X["deposit"], money(-doc["deposit"], doc, doc["tot_sym"]), ""])
        totals.append([X["amount_due"], m(doc["gross"] - doc["deposit"]), "due"])
    vat = None
    if doc["vat_summary"] and fam == "receipt":  # a till's VAT lines: no gross column, no currency sign
        n = lambda x: money(x, doc, False)  # noqa: E731
        head = ([X["code_col"]] if codes else []) + [X["rate"], X["base"], X["vat_amt"]]
        rws = [([codes[r]] if codes else []) + [pct(r, doc), n(b), n(t)] for r, b, t in doc["groups"]]
        total_row = ([""] if codes else []) + [X["total"], n(doc["net"]), n(doc["tax"])]
        vat = dict(title=X["vat_summary"], head=head, rows=rws, total=total_row if len(doc["groups"]) > 1 else None)
    elif doc["vat_summary"]:
        head = [X["rate"], X["base"], X["vat_amt"], X["gross_col"]]
        rws = [[pct(r, doc), m(b), m(t), m(b + t)] for r, b, t in doc["groups"]]
        total_row = [X["total"], m(doc["net"]), m(doc["tax"]), m(doc["gross"])]
        vat = dict(title=X["vat_summary"], head=head, rows=rws, total=total_row if len(doc["groups"]) > 1 else None)
    notes = []
    if doc["credit"]:
        notes.append(X["refers"].format(n=doc["ref_invoice"], d=fmt_date(doc["ref_date"], doc)))
    if doc["cur_fmt"].startswith("code") and doc["rng_layout"] < 0.3 or not doc["tot_sym"]:
        notes.append({"en": "All amounts in {c}.", "de": "Alle Beträge in {c}.", "fr": "Montants en {c}.",
                      "nl": "Alle bedragen in {c}.", "it": "Importi in {c}.", "es": "Importes en {c}.",
                      "cs": "Částky v {c}."}[doc["lang"]].format(c=doc["cur"][0]))
    terms = "" if doc["credit"] else (LB.US["terms_val"] if us else X["terms_val"]).format(n=doc["terms_days"])
    bank = [s["bank"], f"IBAN {s['iban']}", f"BIC {s['bic']}"] if s["iban"] else [s["bank"], s["us_bank"]]
    mentions = lr.choice(LB.FR_MENTIONS) if doc["country"] == "FR" else None
    form = lr.choice(LB.FR_FORMS) if doc["country"] == "FR" else None
    staff = lr.choice(W.STAFF)
    letter = LB.LETTER[doc["lang"]]
    month = fmt_date(doc["date"].replace(day=1) - dt.timedelta(days=1), doc, "{month} {yyyy}")
    job = dict(
        id=f"{doc['idx']:03d}_{fam}", out=str(out_pdf), family=fam, paper=doc["paper"], font=doc["font"], opts=o,
        lang=doc["lang"], date=doc["date"].isoformat(), title=title, number=doc["number"], num_label=num_label,
        supplier=dict(name=s["name"], lines=[s["street"], s["city"]], phone=s["phone"], email=s["email"], web=s["web"],
                      legal=legal, form=form),
        meta=meta, bill=bill, bill_label=X["bill_to"], cust_vat=cust_vat, ship=ship, ship_label=X["ship_to"],
        table=table, totals=totals, vat=vat, notes=notes, terms=terms, terms_label=X["terms"], bank=bank,
        bank_label=X["bank"], thanks=X["thanks"], mentions=mentions, page_fmt=X["page"], dp=doc["sep"][1],
        sender_line=" · ".join([s["name"], s["street"], s["city"]]), salutation=letter[0], intro_letter=letter[1],
        closing=letter[2], staff=staff,
        our_ref=[X["our_ref"], f"{staff.split()[-1][:2].upper()}/{lr.choice('abcdefgh')}"],
        contact=[X["contact"], staff], phone_label=X["phone"], director=f"{X['director']}: {lr.choice(W.STAFF)}",
        services=X["services"], intro=X["intro"].format(c=c["name"], m=month), general=X["general"],
        general_text=US_TERMS if us else X["general_text"], carried=X["carried"], brought=X["brought"],
        cont_next=X["cont_next"],
        items_n=X["items_n"].format(n=len(doc["items"])), paid_by=[X["paid_by"], X["transfer"]],
    )
    return job


def job_strings(job: dict):
    """Unused (every font is an embedded TrueType font); draw_docs asks for it only with standard fonts."""
    return []


# --------------------------------------------------------------------------- truth and check
def truth_of(doc: dict) -> dict:
    return G.truth_of(doc, SET_NAME, show_codes="sku" in doc["opts"]["cols"], style=style_of(doc))


def style_of(doc: dict) -> dict:
    """_style of the truth: common's fields, with the library versions and the currency in the totals."""
    st = G.style_of(dict(doc, lib=render.VERSIONS))
    st["amounts_with_currency_in_totals"] = doc["tot_sym"]
    if doc["family"] == "receipt" and doc["opts"]["narrow_page"]:
        st["paper"] = f"roll {doc['opts']['width_mm']} mm"
    return st


OVERLAP_TOL = 1.0  # pt: two words' boxes may touch or overlap by this much in x or in y


def text_overlaps(boxes: list, tol: float = OVERLAP_TOL, most: int = 4) -> list[str]:
    """Text drawn over text: words of two different layouts on the same page whose logical rectangles
    (recorded by render.py while drawing: page, layout, x0, y0, x1, y1, word) overlap by more than ``tol``
    points both across and down. Rules, frames and filled boxes are not text and are not recorded, so text in
    a filled box or a framed cell is not an overlap. Returns at most ``most`` problems (and their count)."""
    found = []
    by_page = {}
    for b in boxes:
        by_page.setdefault(b[0], []).append(b)
    for page, bs in sorted(by_page.items()):
        bs.sort(key=lambda b: b[3])  # sweep down the page: compare with the boxes still open at this y
        active = []
        for b in bs:
            _, lay, x0, y0, x1, y1, word = b
            active = [a for a in active if a[5] - y0 > tol]
            for a in active:
                if a[1] != lay and min(x1, a[4]) - max(x0, a[2]) > tol and min(y1, a[5]) - max(y0, a[3]) > tol:
                    found.append(f"text over text on page {page}: {a[6]!r} and {word!r} at "
                                 f"x {max(x0, a[2]):.0f}-{min(x1, a[4]):.0f}, y {max(y0, a[3]):.0f} pt")
            active.append(b)
    if len(found) > most:
        found = found[:most] + [f"… {len(found) - most} more overlaps"]
    return found


def check_doc(doc: dict, job: dict, pdf: Path) -> list[str]:
    """common's check (truth values and each item's printed cells in the pypdf text, amounts add up), for
    wholesale that its table did go on over a page break, with the carried-forward sums printed, and that no
    text is drawn over other text (``text_overlaps`` on the words' boxes render.py recorded)."""
    def text_check(text):
        probs = []
        if doc["family"] == "wholesale":
            if not job.get("_carried"):
                probs.append("the item table did not continue on a second page")
            for p, cum in job.get("_carried", []):
                if G.norm(cum) not in text:
                    probs.append(f"carried forward {cum!r} (page {p}) not found")
        return probs
    return (G.check_doc(doc, job, pdf, G.expected_strings, text_check=text_check)
            + text_overlaps(job.get("_text_boxes", [])))


# --------------------------------------------------------------------------- main
def main(argv=None):
    args = G.parse_args(argv, __doc__, FAMILIES)
    out, docs, jobs = G.draw_docs(args, make_doc, build_job, job_strings)
    for job in jobs:
        render.render(job)
    if args.keep_jobs:
        G.write_jobs([{k: v for k, v in j.items() if k != "_text_boxes"} for j in jobs], out, out, True)
    return G.write_truths(out, docs, jobs, args.no_check, truth_of, check_doc, drop_failed=True)


if __name__ == "__main__":
    raise SystemExit(main())
