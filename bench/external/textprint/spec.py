"""Draws one document (supplier, buyer, numbers, dates, items, VAT) and formats its values; writes the truth."""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

import world as W
from world import q2

FAMILY_PIPELINES = {
    "lineprint": [("enscript", 60), ("ps", 25), ("groffmono", 15)],
    "troff": [("ms", 60), ("mom", 40)],
}
TRADE_WEIGHTS = {"food": 30, "bev": 18, "clean": 15, "linen": 12, "equip": 13, "serv": 12}


US_LABELS = dict(
    deliv=["Packing Slip #", "Delivery Ticket", "Pick Ticket"], deliv_date=["Ship Date", "Date Shipped", "Ship Date"],
    bill_to=["Bill To:", "Sold To:", "Bill To:"], ship_to=["Ship To:"], net=["Subtotal", "Merchandise Total", "Sub Total"],
    subtotal=["Subtotal", "Merchandise"], cust_no=["Customer #", "Account #", "Cust ID"], date=["Invoice Date", "Date"],
    due=["Due Date", "Payment Due"], cf=["Continued", "Subtotal forward"], bf=["Subtotal forward", "Forwarded"],
    credit=["CREDIT MEMO", "CREDIT MEMO", "CREDIT NOTE"], cred_no=["Credit Memo #", "Memo No.", "Credit #"],
    terms_net=["Terms: Net {d}", "TERMS: NET {d}", "Payment terms: Net {d} days"],
    gross_credit=["Total Credit", "Credit Total", "TOTAL"],
)


def wchoice(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


class Fmt:
    """How this document prints numbers, amounts, dates and text."""

    def __init__(self, d: dict):
        self.d = d
        self.dec, self.grp = d["dec"], d["grp"]

    def text(self, s: str) -> str:
        return W.translit(s) if self.d["ascii"] else s

    def num(self, x: Decimal, places: int = 2, group: bool = True) -> str:
        return W.fmt_num(x, self.dec, self.grp if group else "", places)

    def amt(self, x: Decimal, signed: bool = True) -> str:
        """An amount as printed in the table/totals (credit notes: with the document's sign style)."""
        s = self.num(x)
        if signed and self.d["credit"] and x != 0:
            style = self.d["credit_sign"]
            if style in ("minus", "qtyneg"):
                return "-" + s
            if style == "trailing":
                return s + "-"
        return s

    def money(self, x: Decimal, signed: bool = True) -> str:
        """Amount with the currency as the document prints totals."""
        a = self.amt(x, signed)
        cur, style = self.d["cur_token"], self.d["cur_style"]
        if style == "before":
            return f"{cur} {a}" if len(cur) > 1 or self.d["cur_space"] else f"{cur}{a}"
        if style == "after":
            return f"{a} {cur}"
        return a

    def qty(self, q: Decimal) -> str:
        places = self.d["qty_places"]
        if places == "min":
            s = format(q.normalize(), "f")
            if "." in s:
                ip, fp = s.split(".")
                s = W.fmt_num(Decimal(ip), self.dec, self.grp, 0) + self.dec + fp
            else:
                s = W.fmt_num(q, self.dec, self.grp, 0)
        else:
            s = self.num(q, places)
        if self.d["credit"] and self.d["credit_sign"] == "qtyneg":
            s = "-" + s
        return s

    def price(self, p: Decimal) -> str:
        return self.num(p, self.d["price_places"])

    def date(self, x: dt.date) -> str:
        return self.text(W.fmt_date(x, self.d["date_fmt"], self.d["lang"]))

    def rate(self, r: Decimal) -> str:
        return W.fmt_rate(r, self.dec, self.d["rate_style"])


def _number(rng: random.Random, d: dict, credit: bool) -> str:
    y = d["date"].year
    yy = y % 100
    n = rng.randint(1, 99999)
    styles = [f"{n:06d}", f"{y}{n:05d}", f"{yy}{n:05d}", f"RE{yy}{n:05d}", f"INV-{n:06d}", f"{y}-{n:05d}",
              f"F{yy}/{n:05d}", f"A-{n:05d}", f"FV-{y}/{n:04d}", f"{rng.randint(1, 9)}{n:06d}", f"SI{n:06d}",
              f"{y}/{n:05d}", f"{yy}-{rng.randint(1, 12):02d}-{n:04d}"]
    if credit:
        styles = [f"CN{n:06d}", f"GS-{y}-{n:04d}", f"AV{yy}{n:05d}", f"{y}-C{n:04d}", f"CR-{n:05d}", f"NC/{y}/{n:04d}",
                  f"R{yy}/{n:05d}", f"{n:07d}"]
    return rng.choice(styles)


def _po(rng: random.Random, country: str) -> str:
    n = rng.randint(1, 99999)
    y = rng.choice([2023, 2024, 2025])
    return rng.choice([f"PO-{n:05d}", f"45{rng.randint(0, 99999999):08d}", f"BC-{y}-{n:04d}", f"ORD/{y}/{n:04d}",
                       f"{n:06d}", f"K-{n:04d}", f"HTL{n:05d}", f"P{y % 100}-{n:05d}", f"{rng.choice(['KUE', 'BAR', 'REST'])}-{n:04d}"])


def _code(rng: random.Random, style: str, cat: str) -> str:
    if style == "num5":
        return f"{rng.randint(10000, 99999)}"
    if style == "num6":
        return f"{rng.randint(100000, 999999)}"
    if style == "dash":
        return f"{rng.randint(10, 99)}-{rng.randint(100, 999)}"
    if style == "alpha":
        return f"{cat.upper()[:3]}{rng.randint(100, 9999):04d}"
    if style == "letter":
        return f"{rng.choice('ABCDFHKMRST')}{rng.randint(1000, 99999)}"
    raise ValueError(style)


def _qty(rng: random.Random, kind: str) -> Decimal:
    if kind == "kg":
        return rng.choice([Decimal(rng.randint(1, 40)) / 2, Decimal(rng.randint(250, 25000)) / 1000,
                           Decimal(rng.randint(10, 600)) / 100, Decimal(rng.randint(1, 30))])
    if kind == "h":
        return Decimal(rng.randint(1, 16)) / 2
    if kind == "few":
        return Decimal(rng.choice([1, 1, 1, 2, 2, 3, 4]))
    return Decimal(rng.choice([1, 2, 3, 4, 5, 6, 6, 8, 10, 12, 12, 15, 20, 24, 24, 30, 36, 40, 48, 50, 60, 100, 120]))


def _price(rng: random.Random, lo: float, hi: float, places: int) -> Decimal:
    scale = 10 ** places
    v = Decimal(rng.randint(int(lo * scale), int(hi * scale))) / scale
    if places == 2 and rng.random() < 0.4:  # catalogue-looking prices
        v = Decimal(int(v)) + Decimal(rng.choice(["0.50", "0.95", "0.99", "0.00", "0.25", "0.75"]))
    return max(v, Decimal(1) / scale).quantize(Decimal(1).scaleb(-places))


def draw(rng: random.Random, family: str, seed: int, index: int, pipeline: str | None = None) -> dict:
    drawn = wchoice(rng, dict(FAMILY_PIPELINES[family]))
    pipeline = pipeline or drawn
    loc = wchoice(rng, W.LOCALE_WEIGHTS)
    L = W.LOCALES[loc]
    lang, country = L["lang"], L["country"]
    d: dict = dict(family=family, pipeline=pipeline, loc=loc, lang=lang, country=country, seed=seed, index=index)
    d["us"] = loc == "en_US"
    d["ascii"] = family == "lineprint" and rng.random() < 0.15
    d["credit"] = rng.random() < 0.14
    d["dec"], d["grp"] = L["dec"], L["grp"]
    if rng.random() < (0.3 if family == "lineprint" else 0.12):
        d["grp"] = ""
    d["currency"] = L["cur"]
    euro_ok = pipeline != "enscript" and not d["ascii"]
    sign = L["sign"]
    if sign == "€" and not euro_ok or d["ascii"] and sign == "£":
        sign = L["cur"]
    d["cur_style"] = rng.choice(["before", "before", "after", "none"])
    d["cur_token"] = rng.choice([sign, L["cur"]]) if d["cur_style"] != "none" else L["cur"]
    if d["cur_style"] == "after" and d["cur_token"] in ("$", "£"):
        d["cur_style"] = "before"
    d["cur_space"] = rng.random() < 0.3
    d["cur_in_heading"] = d["cur_style"] == "none" or rng.random() < 0.3
    d["date_fmt"] = rng.choice(W.DATE_FORMATS[loc])
    d["price_places"] = rng.choices([2, 3, 4], weights=[70, 15, 15])[0]
    d["qty_places"] = rng.choices(["min", 2, 3], weights=[55, 20, 25])[0]
    d["rate_style"] = rng.choice(["tight", "space", "fixed2"])
    d["credit_sign"] = rng.choice(["positive", "minus", "trailing", "qtyneg"]) if d["credit"] else "positive"

    # --- labels: one spelling per key for this document
    lab = {}
    for k, v in W.LABELS[lang].items():
        lab[k] = rng.choice(v) if isinstance(v, list) else v
    if d["us"]:
        lab["po"] = rng.choice(W.LABELS["en"]["po_us"])
        lab["vat_id"] = rng.choice(W.LABELS["en"]["ein"])
        lab["summary"] = "Tax Summary"
        lab["gross"] = rng.choice(["Total", "TOTAL", "Invoice Total", "Amount Due", "Balance Due"])
        lab["invoice"] = rng.choice(["INVOICE", "INVOICE", "SALES INVOICE"])
        for k, v in US_LABELS.items():
            lab[k] = rng.choice(v)
    d["lab"] = lab
    F = Fmt(d)
    d["F"] = F

    # --- parties
    trade = wchoice(rng, TRADE_WEIGHTS)
    surname = rng.choice(W.SURNAMES[country])
    tw = rng.choice(W.TRADE_WORDS[lang][trade])
    form = rng.choice(W.LEGAL[country])
    if lang in ("en",):
        name = f"{surname} {tw} {form}"
    elif lang == "de":
        name = rng.choice([f"{tw} {surname} {form}", f"{surname} {tw} {form}"])
    elif lang == "nl":
        name = rng.choice([f"{surname} {tw} {form}", f"{tw} {surname} {form}"])
    else:
        name = rng.choice([f"{tw} {surname} {form}", f"{surname} {tw} {form}"])
    if rng.random() < 0.3 and family == "lineprint":
        name = name.upper()
    street, city, pc = rng.choice(W.PLACES[country])
    sup = dict(name=F.text(name), street=F.text(street), city=F.text(city), pc=pc, trade=trade)
    sup["cityline"] = sup["city"] + " " + pc if country in ("GB", "IE", "US") else f"{pc} {sup['city']}"
    if country == "US" and rng.random() < 0.45:
        sup["vat"] = None
    else:
        v = W.vat_id(rng, country)
        if country == "IT":
            sup["vat"] = rng.choice([v["plain"], v["plain"], v["bare"]])
        elif country == "ES":
            sup["vat"] = rng.choice([v["plain"], v["bare"], v["bare"]])
        else:
            sup["vat"] = rng.choice([v["plain"], v["spaced"]])
        sup["vat_raw"] = v
    sup["phone"] = {"GB": "+44 113 ", "IE": "+353 1 ", "US": "(555) ", "DE": "+49 89 ", "AT": "+43 1 ", "CH": "+41 44 ",
                    "FR": "+33 1 ", "BE": "+32 2 ", "NL": "+31 20 ", "IT": "+39 02 ", "ES": "+34 91 "}[country] + \
        f"{rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    sup["iban"] = W.iban(rng, country) if country != "US" else None
    sup["bic"] = "".join(rng.choice("ABCDEFGHKLMNPRSTUZ") for _ in range(4)) + country + rng.choice(["2X", "MM", "22", "XX"])
    sup["aba"] = f"0{rng.randint(10000000, 99999999)}"
    sup["acct"] = f"{rng.randint(10 ** 8, 10 ** 10 - 1)}"
    sup["email"] = F.text("accounts@" + "".join(c for c in W.translit(surname.lower()) if c.isalnum()) + "-" + trade + ".example")
    sup["reg"] = _registration(rng, country, sup, lab)
    d["supplier"] = sup

    cname = rng.choice(W.CUSTOMERS[lang])
    cform = rng.choice(W.CUSTOMER_FORMS[country])
    cstreet, ccity, cpc = rng.choice([p for p in W.PLACES[country] if p[0] != street])
    cus = dict(name=F.text(f"{cname} {cform}".strip()), attn=None, street=F.text(cstreet), city=F.text(ccity), pc=cpc)
    cus["cityline"] = cus["city"] + " " + cpc if country in ("GB", "IE", "US") else f"{cpc} {cus['city']}"
    if rng.random() < 0.35:
        cus["attn"] = F.text(rng.choice({"en": ["Attn: Accounts Payable", "FAO Head Chef", "Attn: Purchasing"],
                                         "de": ["z. Hd. Buchhaltung", "Küche", "z. Hd. Herrn Keller"],
                                         "fr": ["À l'attention du service comptable", "Service achats"],
                                         "nl": ["t.a.v. Crediteurenadministratie", "t.a.v. de keuken"],
                                         "it": ["Alla c.a. Amministrazione", "Ufficio acquisti"],
                                         "es": ["A la atención de Administración", "Dpto. de compras"]}[lang]))
    cus["vat"] = None
    if country != "US" and rng.random() < 0.35:
        cus["vat"] = W.vat_id(rng, country)["plain"]
    cus["no"] = f"{rng.randint(10000, 99999)}" if rng.random() < 0.7 else f"K{rng.randint(1000, 9999)}"
    d["customer"] = cus
    d["ship_to"] = rng.random() < 0.25

    # --- numbers and dates
    d["date"] = dt.date(2023, 1, 2) + dt.timedelta(days=rng.randint(0, 1090))
    d["number"] = _number(rng, d, d["credit"])
    d["terms_days"] = rng.choice([7, 10, 14, 14, 21, 30, 30, 30, 45, 60])
    due = d["date"] + dt.timedelta(days=d["terms_days"])
    d["due"] = None
    d["terms_printed"] = True
    if not d["credit"]:
        r = rng.random()
        if r < 0.62:
            d["due"] = due
            d["terms_printed"] = rng.random() < 0.5
    else:
        d["terms_printed"] = False
    d["skonto"] = d["due"] is not None and lang == "de" and rng.random() < 0.3
    npo = rng.choices([0, 1, 2], weights=[50, 40, 10])[0]
    d["pos"] = [_po(rng, country) for _ in range(npo)]
    if len(set(d["pos"])) < len(d["pos"]):
        d["pos"] = d["pos"][:1]
    d["deliv_no"] = f"{rng.randint(100000, 999999)}" if rng.random() < 0.45 else None
    d["deliv_date"] = d["date"] - dt.timedelta(days=rng.randint(0, 4)) if rng.random() < 0.35 else None
    if d["credit"] and rng.random() < 0.75:
        d["orig"] = (_number(rng, d, False), d["date"] - dt.timedelta(days=rng.randint(3, 60)))
    else:
        d["orig"] = None

    # --- items
    if d["credit"]:
        n = rng.choice([1, 1, 2, 2, 3, 4, 5, 6])
    else:
        n = rng.choices([rng.randint(1, 5), rng.randint(6, 15), rng.randint(16, 28), rng.randint(29, 40)],
                        weights=[30, 32, 24, 14])[0]
    cats = W.TRADES[trade]
    pool = {c: [p for p in W.CATALOGUE if p[0] == c] for c in set(cats)}
    d["with_codes"] = rng.random() < 0.6
    code_style = rng.choice(["num5", "num6", "dash", "alpha", "letter"])
    codes: dict = {}
    unit_spelling: dict = {}
    items = []
    for _ in range(n):
        cat = rng.choice(cats)
        p = rng.choice(pool[cat])
        _, vclass, unit, lo, hi, kind, names = p
        key = names["en"]
        if key not in codes:
            codes[key] = _code(rng, code_style, cat)
        qty = _qty(rng, kind)
        if d["qty_places"] != "min":
            qty = qty.quantize(Decimal(1).scaleb(-d["qty_places"]), rounding=ROUND_HALF_UP)
            if qty == 0:
                qty = Decimal(1)
        price = _price(rng, lo, hi, d["price_places"])
        total = q2(qty * price)
        if total <= 0:
            continue
        ukey = "us" if d["us"] else lang
        if unit not in unit_spelling:  # one spelling per unit and document, as an ERP's unit table has
            unit_spelling[unit] = F.text(rng.choice(W.UNITS[ukey][unit]))
        items.append(dict(desc=F.text(names[lang]), code=codes[key], qty=qty, unit=unit_spelling[unit],
                          price=price, total=total, vclass=vclass, kind="item"))
    if not d["credit"] and rng.random() < 0.12:
        price = Decimal(rng.randint(500, 4500)) / 100
        items.append(dict(desc=F.text(lab["delivery_row"]), code="FRACHT" if lang == "de" else "DEL", qty=Decimal(1),
                          unit=unit_spelling.get("pcs") or F.text(W.UNITS["us" if d["us"] else lang]["pcs"][0]), price=price, total=price,
                          vclass="std", kind="delivery"))

    # --- tax
    if d["us"]:
        rate = Decimal(rng.choice(W.US_SALES_TAX))
        d["us_taxable_mode"] = rng.random() < 0.35 and any(i["vclass"] != "std" for i in items)
        for it in items:
            it["rate"] = rate if (not d["us_taxable_mode"] or it["vclass"] == "std") else Decimal(0)
            it["taxable"] = it["rate"] > 0
    else:
        rates = L["rates"]
        for it in items:
            it["rate"] = Decimal(rates[it["vclass"]])
    distinct = sorted({it["rate"] for it in items}, reverse=True)
    single = len(distinct) == 1 or d["us"] and not d["us_taxable_mode"]
    d["discount"] = None
    if not d["credit"] and single and rng.random() < 0.2:
        pct = Decimal(rng.choice([2, 3, 5, 10]))
        kind = rng.choice(["totals", "row"])
        d["discount"] = dict(kind=kind, pct=pct)
    subtotal = sum((it["total"] for it in items), Decimal(0))
    if d["discount"] and d["discount"]["kind"] == "row":
        amount = -q2(subtotal * d["discount"]["pct"] / 100)
        p = F.num(d["discount"]["pct"], 0) + (" %" if lang in ("de", "fr") else "%")
        items.append(dict(desc=F.text(lab["discount_row"].format(p=p)), code=None, qty=None, unit=None, price=None,
                          total=amount, vclass="std", rate=distinct[0], kind="discount", taxable=True))
        subtotal += amount
    d["items"] = items
    d["subtotal"] = subtotal
    if d["discount"] and d["discount"]["kind"] == "totals":
        d["discount"]["amount"] = q2(subtotal * d["discount"]["pct"] / 100)
        net = subtotal - d["discount"]["amount"]
    else:
        net = subtotal
    d["net"] = net
    if d["us"]:
        taxable = sum((it["total"] for it in items if it["taxable"]), Decimal(0))
        if d["discount"] and d["discount"]["kind"] == "totals":
            taxable = net
        d["us_rate"] = rate
        d["us_taxable"] = taxable
        tax = q2(taxable * rate / 100)
        d["vat_rows"] = [(rate, taxable, tax)]
    else:
        rows = []
        for r in distinct:
            base = sum((it["total"] for it in items if it["rate"] == r), Decimal(0))
            if d["discount"] and d["discount"]["kind"] == "totals":
                base = net
            rows.append((r, base, q2(base * r / 100)))
        d["vat_rows"] = rows
        tax = sum((t for _, _, t in rows), Decimal(0))
    d["tax"] = tax
    d["gross"] = net + tax
    d["multi_rate"] = len(d["vat_rows"]) > 1
    d["tax_total_printed"] = not d["multi_rate"] or rng.random() < 0.8
    return d


def _registration(rng, country: str, sup: dict, lab: dict) -> list[str]:
    """Company-register lines for the footer (distractor numbers)."""
    out = []
    if country == "GB":
        out.append(f"Registered in England and Wales No. {rng.randint(1000000, 13999999):08d}")
    elif country == "DE":
        out.append(f"Amtsgericht {rng.choice(['München', 'Hamburg', 'Köln', 'Leipzig'])} HRB {rng.randint(10000, 250000)}")
        if rng.random() < 0.5:
            out.append(f"{lab.get('st_nr', 'St.-Nr.')} {rng.randint(100, 999)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}")
    elif country == "AT":
        out.append(f"FN {rng.randint(100000, 599999)}{rng.choice('abdfghkmps')}, {rng.choice(['HG Wien', 'LG Salzburg', 'LG Graz'])}")
    elif country == "CH":
        out.append(f"Handelsregister {rng.choice(['Zürich', 'Luzern', 'Bern'])}")
    elif country == "FR":
        siren = sup.get("vat_raw", {}).get("siren") or f"{rng.randint(100000000, 999999999)}"
        out.append(f"SIRET {siren} {rng.randint(10000, 99999)} - RCS {rng.choice(['Paris', 'Lyon', 'Bordeaux', 'Nantes'])} {siren[:3]} {siren[3:6]} {siren[6:]}")
        out.append(f"Capital social {rng.choice(['7 500', '10 000', '50 000', '150 000'])} EUR - APE {rng.choice(['4639B', '4634Z', '4644Z', '8121Z'])}")
    elif country == "BE":
        out.append(f"RPM/RPR {rng.choice(['Bruxelles', 'Gent', 'Antwerpen'])}")
    elif country == "NL":
        out.append(f"KvK {rng.randint(10000000, 99999999)}")
    elif country == "IT":
        out.append(f"REA {rng.choice(['MI', 'BO', 'RM', 'TO'])}-{rng.randint(100000, 999999)} - Cap. soc. EUR {rng.choice(['10.000,00', '50.000,00', '100.000,00'])} i.v.")
    elif country == "ES":
        out.append(f"Inscrita en el Registro Mercantil de {rng.choice(['Madrid', 'Valencia', 'Barcelona'])}, Tomo {rng.randint(1000, 40000)}, Folio {rng.randint(1, 220)}, Hoja M-{rng.randint(10000, 600000)}")
    elif country == "IE":
        out.append(f"Registered in Ireland No. {rng.randint(100000, 699999)}")
    return out


def dstr(x: Decimal) -> str:
    """Plain decimal string (no exponent)."""
    s = format(x, "f")
    return s


def qstr(q: Decimal) -> str:
    s = format(q.normalize(), "f")
    return s


def printed(s: str) -> str:
    """The text as the page shows it: enscript's Latin-1, PostScript's ISOLatin1Encoding and groff all print the
    ASCII apostrophe as the glyph quoteright, which PDF text extraction gives as U+2019."""
    return s.replace("'", "\u2019")


def truth(d: dict, style: dict) -> dict:
    sup = d["supplier"]
    t = {
        "document_type": "credit_note" if d["credit"] else "invoice",
        "invoice_number": d["number"],
        "invoice_date": d["date"].isoformat(),
        "due_date": d["due"].isoformat() if d["due"] else None,
        "currency": d["currency"],
        "total_excl_tax": dstr(abs(d["net"])),
        "tax_amount": dstr(abs(d["tax"])) if d["tax_total_printed"] else None,
        "total_incl_tax": dstr(abs(d["gross"])),
        "supplier_name": printed(sup["name"]),
        "supplier_tax_id": sup["vat"],
    }
    if d["pos"]:
        t["po_references"] = list(d["pos"])
    items = []
    for it in d["items"]:
        row = {"description": printed(" ".join(it["desc"].split()))}
        if it["qty"] is not None:
            row["quantity"] = qstr(it["qty"])
            row["unit_price"] = dstr(it["price"])
        row["total"] = dstr(it["total"])
        if it["code"] and d["codes_printed"]:
            row["product_code"] = it["code"]
        items.append(row)
    t["line_items"] = items
    t = {k: v for k, v in t.items() if v is not None}
    t["_source"] = f"textprint seed {d['seed']}"
    t["_style"] = style
    return t
