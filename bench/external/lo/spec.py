"""Draws one invoice (numbers, names, dates, items) for a locale; layout-independent."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

import world as W
from catalog import DETAILS, ORIGINS, catalog

CATALOG = catalog()
DELIVERY_NOTE = {"en": "Delivery note {no} of {date}", "de": "Lieferschein {no} vom {date}",
                 "fr": "Bon de livraison {no} du {date}", "nl": "Pakbon {no} van {date}", "it": "DDT n. {no} del {date}",
                 "es": "Albarán {no} de {date}", "cs": "Dodací list {no} ze dne {date}"}
CC = {"GB": "44", "US": "1", "DE": "49", "CH": "41", "FR": "33", "NL": "31", "IT": "39", "ES": "34", "CZ": "420"}
TLD = {"GB": "co.uk", "US": "com", "DE": "de", "CH": "ch", "FR": "fr", "NL": "nl", "IT": "it", "ES": "es", "CZ": "cz"}


def _slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _dec(rng, lo, hi, places) -> Decimal:
    x = Decimal(str(rng.uniform(lo, hi))).quantize(Decimal(1).scaleb(-places))
    return max(x, Decimal(1).scaleb(-places))


def address(rng, loc, street, city_zip):
    city, zc = city_zip
    n = rng.randint(1, 180)
    c = W.LOCALES[loc]["country"]
    if c == "US":
        return [street, f"{city} {zc}"]
    if c == "GB":
        return [f"{n} {street}" if rng.random() < 0.6 else f"Unit {rng.randint(1, 30)}, {street}", city, zc]
    if c == "FR":
        return [f"{n} {street}", f"{zc} {city}"]
    if c in ("IT", "ES"):
        return [f"{street}, {n}", f"{zc} {city}"]
    return [f"{street} {n}", f"{zc} {city}"]


def phone(rng, country):
    if country == "US":
        return f"({rng.randint(201, 989)}) 555-{rng.randint(100, 199):04d}"
    if country == "GB":
        return f"0{rng.randint(113, 191)} {rng.randint(400, 499)} {rng.randint(0, 9999):04d}"
    return f"+{CC[country]} {rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(100, 9999)}"


def supplier(rng, loc, cat):
    N = W.SUPPLIER_NAMES[loc]
    L = W.LOCALES[loc]
    c = L["country"]
    s = rng.choice(N["surnames"])
    base = rng.choice(N[cat]).format(s=s)
    form = rng.choice(N["forms"])
    if c == "US" and rng.random() < 0.4:
        name = f"{base}, {form}"
    else:
        name = f"{base} {form}"
    sup = dict(name=name, trade=base, addr=address(rng, loc, rng.choice(N["streets"]), rng.choice(N["cities"])),
               phone=phone(rng, c), email=f"{rng.choice(['info', 'accounts', 'invoices', 'office'])}@{_slug(base)}.{TLD[c]}",
               web=f"www.{_slug(base)}.{TLD[c]}", country=c, form=form)
    ids = []  # (label, value) pairs printed in the footer/header, first is the VAT id (truth)
    if c == "GB":
        v = W.vat_gb(rng)
        shown = f"GB {v[2:5]} {v[5:9]} {v[9:]}" if rng.random() < 0.6 else v
        sup["vat"] = shown
        ids = [("vat_id", shown), ("reg", f"{rng.randint(1000000, 14999999):08d}")]
    elif c == "US":
        sup["vat"] = W.ein_us(rng)
        ids = [("vat_id", sup["vat"])]
    elif c == "DE":
        v = W.vat_de(rng)
        shown = v if rng.random() < 0.7 else f"DE {v[2:5]} {v[5:8]} {v[8:]}"
        sup["vat"] = shown
        ids = [("vat_id", shown), ("tax_no", f"{rng.randint(100, 299)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}")]
        if form not in ("e.K.",):
            ids.append(("reg", f"{W.labels(loc)['reg_court']} {rng.choice(['München', 'Hamburg', 'Köln'])} HRB {rng.randint(10000, 249999)}"))
    elif c == "CH":
        sup["vat"] = W.uid_ch(rng)
        ids = [("vat_id", sup["vat"])]
    elif c == "FR":
        siren = W.siren_fr(rng)
        v = W.vat_fr(siren)
        shown = v if rng.random() < 0.5 else f"FR {v[2:4]} {v[4:]}"
        siret = W.siret_fr(rng, siren)
        sup["vat"] = shown
        sup["capital"] = rng.choice(["7 500", "10 000", "37 000", "50 000", "150 000"])
        ids = [("vat_id", shown), ("tax_no", f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"),
               ("reg", f"{siren[:3]} {siren[3:6]} {siren[6:]}")]
    elif c == "NL":
        sup["vat"] = W.vat_nl(rng)
        ids = [("vat_id", sup["vat"]), ("reg", f"{rng.randint(10000000, 99999999)}")]
    elif c == "IT":
        v = W.vat_it(rng)
        sup["vat"] = v
        ids = [("vat_id", v), ("tax_no", v[2:]), ("reg", f"MI-{rng.randint(1000000, 2999999)}")]
    elif c == "ES":
        cif = W.cif_es(rng, "A" if form == "S.A." else "B")
        shown = cif if rng.random() < 0.5 else ("ES" + cif)
        sup["vat"] = shown
        ids = [("vat_id", shown)]
    elif c == "CZ":
        ico = W.ico_cz(rng)
        sup["vat"] = "CZ" + ico
        ids = [("vat_id", sup["vat"]), ("reg", ico)]
    sup["ids"] = ids
    bank, bic = rng.choice(W.BANKS[c])
    if c == "US":
        sup["bank"] = dict(name=bank, routing=W.aba_routing(rng), account=f"{rng.randint(10**9, 10**10 - 1)}")
    elif c == "GB":
        ib = W.iban(rng, "GB")
        raw = ib.replace(" ", "")
        sup["bank"] = dict(name=bank, iban=ib, bic=bic,
                           sort=f"{raw[8:10]}-{raw[10:12]}-{raw[12:14]}", account=raw[14:])
    else:
        sup["bank"] = dict(name=bank, iban=W.iban(rng, c), bic=bic)
    return sup


def customer(rng, loc):
    N = W.SUPPLIER_NAMES[loc]
    base = rng.choice(W.CUSTOMERS[loc])
    form = rng.choice(W.CUSTOMER_FORMS[loc])
    name = f"{base} {form}".strip()
    cust = dict(name=name, addr=address(rng, loc, rng.choice(N["streets"]), rng.choice(N["cities"])),
                attn=rng.choice([None, None, "Accounts Payable", "Küche", "Comptabilité", "Administratie", "Amministrazione",
                                 "Administración", "Účtárna"]))
    # only keep an 'attention' line in the right language
    lang = W.LOCALES[loc]["lang"]
    attn_ok = {"en": "Accounts Payable", "de": "Küche", "fr": "Comptabilité", "nl": "Administratie", "it": "Amministrazione",
               "es": "Administración", "cs": "Účtárna"}
    if cust["attn"] != attn_ok[lang]:
        cust["attn"] = None
    c = W.LOCALES[loc]["country"]
    cust["vat"] = None
    if rng.random() < 0.4 and c not in ("US",):
        cust["vat"] = {"GB": W.vat_gb, "DE": W.vat_de, "NL": W.vat_nl, "IT": W.vat_it, "CH": W.uid_ch,
                       "CZ": lambda r: "CZ" + W.ico_cz(r), "FR": lambda r: W.vat_fr(W.siren_fr(r)),
                       "ES": lambda r: "ES" + W.cif_es(r, "B")}[c](rng)
    cust["no"] = rng.choice(["{n}", "K-{n}", "C{n:06d}", "{n:05d}", "D{n}"]).format(n=rng.randint(1000, 99999))
    return cust


def invoice_number(rng, loc, d: dt.date, credit: bool) -> str:
    n = rng.randint(12, 4999)
    y, yy = d.year, d.year % 100
    styles = {
        "en_GB": ["INV-{n:05d}", "{n:06d}", "SI-{y}{n:04d}"], "en_US": ["{n:05d}", "INV-{n}", "{y}-{n:04d}"],
        "de_DE": ["RE-{y}-{n:05d}", "{y}{n:04d}", "R{yy}{n:05d}"], "de_CH": ["{y}-{n:04d}", "RG{n:06d}"],
        "fr_FR": ["F{y}-{n:04d}", "FA{yy}{m:02d}-{n:03d}", "{y}/{n:05d}"], "nl_NL": ["{y}{n:04d}", "F{y}.{n:03d}", "VF-{n:06d}"],
        "it_IT": ["{n}/{y}", "FT {y}/{n:04d}", "{n:04d}/B"], "es_ES": ["{y}-{n:04d}", "A{yy}/{n:04d}", "FV-{y}-{n:05d}"],
        "cs_CZ": ["{y}{n:06d}", "FV{yy}{n:04d}"],
    }
    cstyles = {
        "en_GB": ["CN-{n:05d}", "CR{n:06d}"], "en_US": ["CM-{n:05d}", "CR-{n}"], "de_DE": ["GS-{y}-{n:04d}", "G{yy}{n:05d}"],
        "de_CH": ["GS{n:06d}"], "fr_FR": ["AV{y}-{n:04d}", "A{yy}{n:05d}"], "nl_NL": ["CR{y}{n:04d}", "C-{n:06d}"],
        "it_IT": ["NC {n}/{y}", "{n}/NC"], "es_ES": ["R{yy}/{n:04d}", "AB-{y}-{n:04d}"], "cs_CZ": ["DB{yy}{n:04d}", "{y}9{n:05d}"],
    }
    return rng.choice((cstyles if credit else styles)[loc]).format(n=n, y=y, yy=yy, m=d.month)


def po_number(rng, d: dt.date) -> str:
    return rng.choice(["PO-{y}-{n:04d}", "45{n8:08d}", "BE-{n}", "ORD/{yy}/{n:03d}", "{n:06d}", "P{n5:05d}"]).format(
        y=d.year, yy=d.year % 100, n=rng.randint(100, 9999), n8=rng.randint(0, 99999999), n5=rng.randint(0, 99999))


def product_code(rng, style: str) -> str:
    if style == "ean":
        return W.ean13(rng, rng.choice(["40", "76", "80", "84", "87", "50", "30", "85"]))
    if style == "num":
        return f"{rng.randint(10000, 99999)}"
    if style == "dash":
        return f"{rng.randint(100, 999)}-{rng.randint(10, 999):03d}"
    if style == "alpha":
        return f"{rng.choice('ABCDEFGHKLMNPRSTW')}{rng.choice('ABCDEFGHKLMNPRSTW')}{rng.randint(100, 9999):04d}"
    return f"ART-{rng.randint(1000, 99999)}"


def quantity(rng, qkind) -> Decimal:
    if qkind == "kg":
        return rng.choice([Decimal(rng.randint(1, 40)), Decimal(rng.randint(10, 400)) / 10,
                           Decimal(rng.randint(500, 25000)) / 1000, Decimal(rng.randint(2, 60)) / 2])
    if qkind == "big":
        return Decimal(rng.choice([rng.randint(10, 90), rng.randint(2, 30) * 10, rng.randint(1, 12) * 12, rng.randint(100, 1200)]))
    if qkind == "int":
        return Decimal(rng.randint(1, 30))
    if qkind == "small":
        return Decimal(rng.randint(1, 12))
    if qkind == "hours":
        return Decimal(rng.randint(1, 16)) / 2
    return Decimal(1)


def draw(rng, loc: str, layout: str, opts: dict) -> dict:
    """One document's content. opts: what the layout can print (discount_col, doc_discount, ...)."""
    L = W.LOCALES[loc]
    lab = W.labels(loc)
    lang = L["lang"]
    credit = rng.random() < 0.15
    cat = rng.choice(["food", "food", "bev", "bev", "clean", "linen", "equip", "svc"])
    sup = supplier(rng, loc, cat)
    cust = customer(rng, loc)
    inv_date = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 1030))
    date_style = rng.choice(W.DATE_STYLES[loc])
    number = invoice_number(rng, loc, inv_date, credit)
    terms_days = rng.choice([15, 30, 30, 45]) if loc == "en_US" else rng.choice([7, 10, 14, 30, 30, 60])
    due = None
    if not credit and rng.random() < 0.75:
        due = inv_date + dt.timedelta(days=terms_days)
    delivery = inv_date - dt.timedelta(days=rng.randint(0, 6)) if rng.random() < 0.45 else None
    pos = []
    r = rng.random()
    if r < 0.45:
        pos = [po_number(rng, inv_date)]
    elif r < 0.55:
        pos = [po_number(rng, inv_date), po_number(rng, inv_date)]
    ref_invoice = None
    if credit:
        ref_invoice = (invoice_number(rng, loc, inv_date, False),
                       inv_date - dt.timedelta(days=rng.randint(3, 40)))

    # ---- items
    if credit:
        n = rng.randint(1, 4)
    else:
        r = rng.random()
        n = rng.randint(1, 5) if r < 0.3 else rng.randint(6, 13) if r < 0.6 else rng.randint(14, 25)
    pool = [c for c in CATALOG if c["cat"] == cat]
    rng.shuffle(pool)
    starts = None  # delivery-note boundaries when the same products come on several deliveries
    if n > len(pool):
        if rng.random() < 0.4:  # a wholesaler with a wider range
            others = [c for c in CATALOG if c["cat"] != cat and c["cat"] not in ("svc",)]
            rng.shuffle(others)
            chosen = (pool + others)[:n]
        else:  # a collective invoice: repeated deliveries of the same range
            chosen, starts = [], []
            while len(chosen) < n:
                starts.append(len(chosen))
                chosen += rng.sample(pool, min(len(pool), rng.randint(3, 7)))
            chosen = chosen[:n]
    else:
        chosen = pool[:n]
    with_codes = opts.get("codes", False) and rng.random() < 0.7
    code_style = rng.choice(["ean", "num", "dash", "alpha", "art"])
    line_disc = opts.get("discount_col", False) and rng.random() < 0.35
    us_rate = Decimal(rng.choice(["6.25", "7", "8.25", "8.875", "9.5", "6.5", "7.75"]))
    items = []
    codes = {}
    factor = 25 if L["cur"] == "CZK" else 1  # price level of the currency
    for c in chosen:
        qty = quantity(rng, c["qkind"])
        price = _dec(rng, c["lo"] * factor, c["hi"] * factor, min(c["places"], 2) if factor > 1 else c["places"])
        if c["places"] > 2 and rng.random() < 0.5:
            price = price.quantize(Decimal("0.01"))
        disc = None
        if line_disc and rng.random() < 0.4:
            disc = Decimal(rng.choice([5, 10, 15, 20, 3]))
        gross_line = qty * price
        total = W.q2(gross_line * (1 - (disc or 0) / Decimal(100)))
        rate = us_rate if loc == "en_US" else Decimal(L["rates"][c["vclass"]])
        detail = None
        if rng.random() < (0.35 if n > 15 else 0.15):
            options = DETAILS[lang] if c["cat"] in ("food", "bev") else [DETAILS[lang][1], DETAILS[lang][3]]
            detail = rng.choice(options).format(
                lot=f"{rng.randint(10000, 99999)}", bb=W.fmt_date(inv_date + dt.timedelta(days=rng.randint(5, 60)), date_style, lang),
                ref=f"RV-{rng.randint(100, 999)}", origin=rng.choice(ORIGINS[lang]))
        items.append(dict(desc=c["names"][lang], detail=detail, unit=lab["units"][c["unit"]], qty=qty, price=price,
                          places=max(2, -price.as_tuple().exponent), disc=disc, rate=rate, total=total,
                          code=codes.setdefault(id(c), product_code(rng, code_style)) if with_codes else None))
    # collective invoice: items grouped under delivery-note lines (not items themselves)
    dn_groups = {}
    if starts is None and not credit and n >= 10 and rng.random() < 0.5:
        starts, k = [], 0
        while k < n:
            starts.append(k)
            k += rng.randint(3, 7)
    if starts:
        dn = rng.randint(10000, 89999)
        day = inv_date - dt.timedelta(days=rng.randint(3 * len(starts) + 2, 4 * len(starts) + 8))
        for k in starts:
            dn_groups[k] = DELIVERY_NOTE[lang].format(no=dn, date=W.fmt_date(day, date_style, lang))
            dn += rng.randint(1, 40)
            day += dt.timedelta(days=rng.randint(1, 3))
    if not credit and len(items) < 25 and rng.random() < 0.2:
        price = _dec(rng, 6 * factor, 45 * factor, 2)
        rate = us_rate if loc == "en_US" else Decimal(L["rates"]["std"])
        items.append(dict(desc=lab["delivery_charge"], detail=None, unit=lab["units"]["flat"], qty=Decimal(1), price=price,
                          places=2, disc=None, rate=rate, total=price,
                          code=("FRACHT" if lang == "de" else "SHIP") if with_codes else None))

    # ---- totals
    items_sum = sum((i["total"] for i in items), Decimal(0))
    doc_disc_pct = None
    if opts.get("doc_discount") and not credit and rng.random() < 0.18:
        doc_disc_pct = Decimal(rng.choice([2, 3, 5, 10]))
    groups = {}
    for it in items:
        groups.setdefault(it["rate"], Decimal(0))
        groups[it["rate"]] += it["total"]
    vat_rows = []  # (rate, base after discount, tax)
    disc_total = Decimal(0)
    for rate in sorted(groups, reverse=True):
        base = groups[rate]
        d = W.q2(base * doc_disc_pct / 100) if doc_disc_pct else Decimal(0)
        disc_total += d
        base -= d
        vat_rows.append((rate, base, W.q2(base * rate / 100)))
    net = sum((b for _, b, _ in vat_rows), Decimal(0))
    tax = sum((t for _, _, t in vat_rows), Decimal(0))
    assert net == items_sum - disc_total
    gross = net + tax
    return dict(
        loc=loc, lang=lang, lab=lab, layout=layout, credit=credit, cat=cat, sup=sup, cust=cust, number=number,
        inv_date=inv_date, due=due, terms_days=terms_days, delivery=delivery, date_style=date_style, pos=pos,
        ref_invoice=ref_invoice, items=items, items_sum=items_sum, doc_disc_pct=doc_disc_pct, disc_total=disc_total,
        vat_rows=vat_rows, groups=dn_groups, net=net, tax=tax, gross=gross, with_codes=with_codes, line_disc=line_disc,
        money_mode=rng.choice(["sym", "sym", "iso"]),
    )


def truth(s: dict, seed: int, style: dict) -> dict:
    t = {
        "document_type": "credit_note" if s["credit"] else "invoice",
        "invoice_number": s["number"],
        "invoice_date": s["inv_date"].isoformat(),
        "due_date": s["due"].isoformat() if s["due"] else None,
        "currency": W.LOCALES[s["loc"]]["cur"],
        "total_excl_tax": f"{s['net']:.2f}",
        "tax_amount": f"{s['tax']:.2f}" if s.get("tax_printed", True) else None,
        "total_incl_tax": f"{s['gross']:.2f}",
        "supplier_name": s["sup"]["name"],
        "supplier_tax_id": s["sup"]["vat"],
    }
    if s["pos"]:
        t["po_references"] = list(s["pos"])
    items = []
    for it in s["items"]:
        d = {"description": it["desc"], "quantity": f"{it['qty']:f}", "unit_price": f"{it['price']:f}",
             "total": f"{it['total']:.2f}"}
        if it["code"]:
            d["product_code"] = it["code"]
        items.append(d)
    t["line_items"] = items
    t = {k: v for k, v in t.items() if v is not None}
    t["_source"] = f"lo seed {seed}"
    t["_style"] = style
    return t
