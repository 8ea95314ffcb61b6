"""Five word-processor layouts. Each build_*(s, rng) returns (Document, style dict)."""

from __future__ import annotations

import world as W
from docx_util import (CENTER, LEFT, measure, set_widths, RIGHT, add_row, cant_split, cell_borders, cell_margins, cell_text, field,
                       new_document, para, para_border, para_shade, repeat_header, run, shade, table, table_borders, text_width)

# what each layout can print, used when drawing the content
OPTIONS = {
    "tabs_letter": dict(codes=False, discount_col=False, doc_discount=True),
    "grid": dict(codes=True, discount_col=True, doc_discount=True),
    "open_table": dict(codes=True, discount_col=False, doc_discount=True),
    "din_pos": dict(codes=True, discount_col=False, doc_discount=False),
    "boxed": dict(codes=True, discount_col=True, doc_discount=True),
}


# ------------------------------------------------------------------ shared text
def fd(s, d):
    return W.fmt_date(d, s["date_style"], s["lang"])


def fn(s, x, places=2):
    return W.fmt_num(x, s["loc"], places)


def fm(s, x):
    return W.fmt_money(x, s["loc"], s["money_mode"])


def fq(s, x):
    return W.fmt_qty(x, s["loc"])


def title(s):
    return s["lab"]["credit_note"] if s["credit"] else s["lab"]["invoice"]


def meta_rows(s, short=False):
    lab = s["lab"]
    rows = [(lab["cn_no"] if s["credit"] else lab["inv_no"], s["number"]),
            (lab["date"] if short else lab["inv_date"], fd(s, s["inv_date"]))]
    if s["delivery"]:
        rows.append((lab["delivery"], fd(s, s["delivery"])))
    if s["due"]:
        rows.append((lab["due"], fd(s, s["due"])))
    rows.append((lab["cust_no"], s["cust"]["no"]))
    if s["pos"]:
        rows.append((lab["po"], ", ".join(s["pos"])))
    return rows


def cust_lines(s):
    c = s["cust"]
    out = [c["name"]]
    if c["attn"]:
        out.append(c["attn"])
    return out + c["addr"]


def tax_label(s, rate, with_base=False, base=None):
    loc, lang = s["loc"], s["lang"]
    r = W.fmt_rate(rate, loc)
    tax = W.LOCALES[loc]["tax"]
    if loc == "en_US":
        lbl = f"Sales Tax ({r})"
    elif loc == "en_GB":
        lbl = f"VAT @ {r}"
    elif lang == "de" and loc == "de_DE":
        lbl = f"zzgl. {r} USt."
    else:
        lbl = f"{tax} {r}"
    if with_base:
        on = {"en": "on", "de": "auf", "fr": "sur", "nl": "over", "it": "su", "es": "sobre", "cs": "ze"}[lang]
        lbl += f" {on} {fn(s, base)}"
    return lbl


TAX_TOTAL = {"en": "Total VAT", "de": "Summe USt.", "de_CH": "Total MWST", "fr": "Total TVA", "nl": "Totaal BTW",
             "it": "Totale IVA", "es": "Total IVA", "cs": "DPH celkem"}


def discount_label(s):
    return f"{s['lab']['discount']} {W.fmt_rate(s['doc_disc_pct'], s['loc'])}"


def total_rows(s, base_in_label=False):
    """(label, amount string, bold) rows from subtotal to total."""
    lab = s["lab"]
    rows = []
    if s["doc_disc_pct"]:
        rows.append((lab["subtotal"], fm(s, s["items_sum"]), False))
        rows.append((discount_label(s), "-" + fm(s, s["disc_total"]), False))
    rows.append((lab["net_total"], fm(s, s["net"]), False))
    for rate, base, tax in s["vat_rows"]:
        rows.append((tax_label(s, rate, base_in_label and len(s["vat_rows"]) > 1, base), fm(s, tax), False))
    if len(s["vat_rows"]) > 1 and s.get("tax_sum_row"):
        rows.append((TAX_TOTAL.get(s["loc"], TAX_TOTAL[s["lang"]]), fm(s, s["tax"]), False))
    rows.append((lab["credit_total"] if s["credit"] else lab["total_due"], fm(s, s["gross"]), True))
    return rows


def payment_text(s):
    lab = s["lab"]
    if s["credit"]:
        return lab["cn_refund"]
    if s["due"]:
        return lab["pay_by"].format(date=fd(s, s["due"]))
    return lab["terms"].format(n=s["terms_days"])


def ref_text(s):
    lab = s["lab"]
    num, d = s["ref_invoice"]
    return f"{lab['ref_inv']} {num} ({fd(s, d)})"


def id_strings(s):
    sup, lab, c = s["sup"], s["lab"], s["sup"]["country"]
    out = []
    if c == "FR":
        out.append(f"{sup['form']} au capital de {sup['capital']} €")
    for kind, val in sup["ids"]:
        if kind == "reg" and c == "DE":
            out.append(val)
        elif kind == "reg" and c == "FR":
            out.append(f"RCS {sup['addr'][-1].split(' ', 1)[1]} {val}")
        else:
            sep = ":" if c in ("DE", "ES", "CZ", "US") else ""
            out.append(f"{lab[kind]}{sep} {val}")
    if c == "GB":
        out.append(lab["reg_court"])
    return out


def bank_strings(s):
    b, lab = s["sup"]["bank"], s["lab"]
    if "routing" in b:
        return [b["name"], f"{lab['sort']} {b['routing']}", f"{lab['acct']} {b['account']}"]
    out = [b["name"], f"{lab['iban']}: {b['iban']}", f"{lab['bic']}: {b['bic']}"]
    if "sort" in b:
        out = [b["name"], f"{lab['sort']} {b['sort']}", f"{lab['acct']} {b['account']}", f"{lab['iban']} {b['iban']}"]
    return out


def contact_strings(s):
    sup, lab = s["sup"], s["lab"]
    return [sup["name"]] + sup["addr"] + [f"{lab['tel']} {sup['phone']}", sup["email"]]


def page_para(container, s, size=7.5, align=RIGHT, total=True):
    lab = s["lab"]
    p = para(container, size=size, align=align)
    run(p, f"{lab['page']} ", size=size)
    field(p, "PAGE", size)
    if total:
        run(p, f" {lab['of']} ", size=size)
        field(p, "NUMPAGES", size)
    return p


def wrap(text, width_cm, size, font):
    """Split text at spaces into lines that fit width_cm (measured with the font's metrics)."""
    lines, cur = [], ""
    for word in text.split():
        cand = f"{cur} {word}" if cur else word
        if cur and measure(cand, font, size) > width_cm:
            lines.append(cur)
            cur = word
        else:
            cur = cand
    return lines + [cur] if cur else lines or [""]


def code_width(s, size):
    return round(max(measure(i["code"] or "", s["font"], size) for i in s["items"]) + 0.5, 2)


def col_values(s, key):
    loc = s["loc"]
    out = []
    for it in s["items"]:
        out.append({"code": it["code"] or "", "qty": fq(s, it["qty"]), "unit": it["unit"],
                    "qtyu": f"{fq(s, it['qty'])} {it['unit']}", "price": fn(s, it["price"], it["places"]),
                    "disc": W.fmt_rate(it["disc"], loc) if it["disc"] else "", "rate": W.fmt_rate(it["rate"], loc),
                    "total": fn(s, it["total"])}[key])
    return out


def fit_cols(s, cols, size):
    """Widen the fixed columns so that no value and no heading word wraps."""
    out = []
    for key, head, width, align in cols:
        if key != "desc":
            need = max(measure(v, s["font"], size) for v in col_values(s, key)) + 0.5
            head_need = max(measure(w, s["font"], size, True) for w in head.split()) + 0.5
            width = round(max(width, need, head_need), 2)
        out.append((key, head, width, align))
    return out


def group_row(t, widths, s, n, size):
    """A delivery-note line spanning the whole items table before item n."""
    if n not in s["groups"]:
        return
    row = add_row(t, widths)
    cell = row.cells[0].merge(row.cells[-1])
    cell_text(cell, s["groups"][n], italic=True, bold=True, size=size - 0.5)


def spread(need, total):
    """Column widths: the needs, grown in proportion to fill total (or shrunk if they cannot fit)."""
    k = total / sum(need)
    return [round(n * k, 2) for n in need]


def std_font(rng, choices=("Liberation Sans", "Liberation Serif", "Carlito", "DejaVu Sans", "Caladea"), s=None):
    font = rng.choice(choices)
    size = rng.choice([9, 9.5, 10]) if font == "DejaVu Sans" else rng.choice([9.5, 10, 10.5, 11])
    return font, size


# ------------------------------------------------------------------ 1. letter with tab stops
def build_tabs_letter(s, rng):
    lab, loc, sup = s["lab"], s["loc"], s["sup"]
    font, size = std_font(rng)
    s["font"] = font
    doc = new_document(font, size, W.DOCX_LANG[loc], letter=loc == "en_US", after=s["para_after"], margins=(1.7, 2.0, 2.4, 2.5))
    tw = round(text_width(doc), 2)
    head_align = rng.choice(["left", "right", "center"])
    al = {"left": LEFT, "right": RIGHT, "center": CENTER}[head_align]
    para(doc, sup["name"], bold=True, size=size + 7, align=al)
    para(doc, "  ·  ".join(sup["addr"] + [f"{lab['tel']} {sup['phone']}", sup["email"]]), size=size - 1.5, align=al, after=20)
    para(doc, " · ".join([sup["name"]] + sup["addr"]), size=6.5, underline=True, after=4)
    info = meta_rows(s)
    addr = cust_lines(s)
    lab_w = max(measure(f"{l}:", font, size) for l, _ in info) + 0.3
    val_w = max(measure(v, font, size) for _, v in info) + 0.1
    addr_w = max(measure(a, font, size) for a in addr) + 0.4
    info_tab = max(addr_w, min(rng.choice([9.5, 10.0, 10.5]), tw - lab_w - val_w))
    value_left = rng.random() < 0.5  # values left-aligned after the labels, or right-aligned at the margin
    vtab = (info_tab + lab_w, "L") if value_left else (tw, "R")
    for k in range(max(len(addr), len(info))):
        a = addr[k] if k < len(addr) else ""
        if k < len(info):
            text = f"{a}\t{info[k][0]}:\t{info[k][1]}"
        else:
            text = a
        para(doc, text, tabs=[(info_tab, "L"), vtab])
    if s["cust"]["vat"]:
        para(doc, f"{lab['your_vat']}: {s['cust']['vat']}", size=size - 1)
    para(doc, title(s), bold=True, size=size + 4, before=26, after=8)
    if s["credit"]:
        para(doc, ref_text(s), after=4)
        para(doc, lab["cn_text"], after=8)

    # columns, planned from the right margin with measured widths
    num_kind = rng.choice(["R", "D"])
    heads_left = rng.random() < 0.6  # headings left-aligned at the column's left edge (not over the numbers)
    with_pos = rng.random() < 0.5
    amount_head = lab["amount"] + (f" {W.LOCALES[loc]['cur']}" if s["money_mode"] == "iso" else "")
    gap = 0.45

    def width(key, head):
        return max([measure(v, font, size) for v in col_values(s, key)] + [measure(head, font, size, True)]) + 0.2

    amt_w, price_w = width("total", amount_head), width("price", lab["unit_price"])
    unit_w, qty_w = width("unit", lab["unit"]), width("qty", lab["qty"])
    amt_r = tw
    price_r = amt_r - amt_w - gap
    unit_l = price_r - price_w - gap - unit_w
    qty_r = unit_l - 0.25
    desc_x = (max(measure(str(len(s["items"])), font, size), measure(lab["pos"], font, size, True)) + 0.4) if with_pos else 0.0
    dec2 = measure(W.LOCALES[loc]["dec"] + "00", font, size)
    dec3 = measure(W.LOCALES[loc]["dec"] + "000", font, size)

    def stop(right, kind, decimals):
        return (right - decimals, "D") if kind == "D" else (right, "R")

    item_tabs = ([(desc_x, "L")] if with_pos else []) + [stop(qty_r, num_kind, dec3), (unit_l, "L"),
                                                         stop(price_r, num_kind, dec2), stop(amt_r, num_kind, dec2)]
    if heads_left:
        head_tabs = ([(desc_x, "L")] if with_pos else []) + [(qty_r - qty_w, "L"), (unit_l, "L"), (price_r - price_w, "L"),
                                                             (amt_r - amt_w, "L")]
    else:
        head_tabs = ([(desc_x, "L")] if with_pos else []) + [(qty_r, "R"), (unit_l, "L"), (price_r, "R"), (amt_r, "R")]
    heads = ([lab["pos"]] if with_pos else []) + [lab["desc"], lab["qty"], lab["unit"], lab["unit_price"], amount_head]
    p = para(doc, "\t".join(heads), bold=True, tabs=head_tabs, after=3, keep_next=True)
    para_border(p, "bottom", 6)
    desc_w = qty_r - qty_w - gap - desc_x
    for k, it in enumerate(s["items"], 1):
        if k - 1 in s["groups"]:
            para(doc, s["groups"][k - 1], italic=True, before=6, keep_next=True)
        lines = wrap(it["desc"], desc_w, size, font)
        cells = ([str(k)] if with_pos else []) + [lines[0], fq(s, it["qty"]), it["unit"], fn(s, it["price"], it["places"]),
                                                   fn(s, it["total"])]
        para(doc, "\t".join(cells), tabs=item_tabs, before=3)
        for more in lines[1:]:
            para(doc, more, indent=desc_x)
        if it["detail"]:
            for dl in wrap(it["detail"], qty_r - desc_x, size - 1, font):
                para(doc, dl, italic=True, size=size - 1, indent=desc_x)
    p = para(doc, "", after=4)
    para_border(p, "bottom", 6)

    leaders = rng.random() < 0.4
    trows = total_rows(s, base_in_label=True)
    val_w = max(measure(v, font, size, True) for _, v, _ in trows)
    lbl_w = max(measure(l, font, size, True) for l, _, _ in trows)
    lab_kind = rng.choice(["R", "L"])
    lab_x = tw - val_w - 0.6 if lab_kind == "R" else max(2.0, min(8.0, tw - val_w - lbl_w - 1.0))
    for lbl, val, bold in trows:
        tabs = [(lab_x, lab_kind), (tw, "R", leaders)]
        p = para(doc, f"\t{lbl}\t{val}", bold=bold, tabs=tabs, before=2)
        if bold:
            para_border(p, "top", 6, space=2)
    para(doc, payment_text(s), before=18)
    if rng.random() < 0.6:
        para(doc, lab["thanks"], before=6)

    ft = doc.sections[0].footer
    fp = ft.paragraphs[0]
    fp.alignment = CENTER
    run(fp, "  ·  ".join(contact_strings(s)[:1] + [", ".join(sup["addr"])] + [sup["web"]]), size=7)
    para_border(fp, "top", 4, color="808080", space=4)
    para(ft, "  ·  ".join(bank_strings(s)), size=7, align=CENTER)
    para(ft, "  ·  ".join(id_strings(s)), size=7, align=CENTER)
    if rng.random() < 0.6:
        page_para(ft, s, size=7)
    return doc, dict(font=font, size=size, head_align=head_align, numbers=num_kind, heads_left=heads_left,
                     pos_column=with_pos, leaders=leaders)


# ------------------------------------------------------------------ 2. bordered Word tables
def build_grid(s, rng):
    lab, loc, sup = s["lab"], s["loc"], s["sup"]
    font, size = std_font(rng, ("Liberation Sans", "Carlito", "DejaVu Sans", "Liberation Serif"))
    s["font"] = font
    size = min(size, 10)
    doc = new_document(font, size, W.DOCX_LANG[loc], letter=loc == "en_US", after=s["para_after"], margins=(1.5, 1.8, 2.6, 1.8))
    tw = round(text_width(doc), 2)
    fill = rng.choice(["D9D9D9", "DCE6F1", "E2EFDA", "F2F2F2"])
    # header
    t = table(doc, 1, 2, [tw * 0.6, tw * 0.4])
    c0, c1 = t.rows[0].cells
    cell_text(c0, sup["name"], bold=True, size=size + 5)
    for line in sup["addr"] + [f"{lab['tel']} {sup['phone']}", sup["email"]]:
        para(c0, line, size=size - 0.5)
    cell_text(c1, title(s).upper(), bold=True, size=size + 9, align=RIGHT)
    para(doc, "", after=8)
    # meta: labels row + values row, bordered
    meta = meta_rows(s, short=True)
    if len(s["pos"]) > 1:  # several order numbers: a line of their own below the table
        meta = [m for m in meta if m[0] != lab["po"]]
    mw = spread([max(measure(l, font, size - 1, True), measure(v, font, size)) + 0.5 for l, v in meta], tw)
    t = table(doc, 2, len(meta), mw, style="Table Grid")
    for k, (l, v) in enumerate(meta):
        cell_text(t.rows[0].cells[k], l, bold=True, size=size - 1)
        shade(t.rows[0].cells[k], fill)
        cell_text(t.rows[1].cells[k], v)
    if len(s["pos"]) > 1:
        para(doc, f"{lab['po']}: {', '.join(s['pos'])}", before=4)
    para(doc, "", after=8)
    # addresses
    t = table(doc, 1, 2, [tw / 2, tw / 2])
    a, b = t.rows[0].cells
    cell_text(a, lab["bill_to"], bold=True, size=size - 1)
    for line in cust_lines(s):
        para(a, line)
    if s["cust"]["vat"]:
        para(a, f"{lab['your_vat']}: {s['cust']['vat']}", size=size - 1)
    ship = rng.random() < 0.5
    if ship:
        cell_text(b, lab["ship_to"], bold=True, size=size - 1)
        for line in [s["cust"]["name"]] + s["cust"]["addr"]:
            para(b, line)
    para(doc, "", after=8)
    if s["credit"]:
        para(doc, ref_text(s), bold=True, after=6)
    # items
    cols = []
    if s["with_codes"]:
        cols.append(("code", lab["code"], code_width(s, size), LEFT))
    cols.append(("desc", lab["desc"], 0, LEFT))
    cols += [("qty", lab["qty"], 1.4, RIGHT), ("unit", lab["unit"], 1.3, LEFT), ("price", lab["unit_price"], 2.0, RIGHT)]
    if s["line_disc"]:
        cols.append(("disc", f"{lab['discount']} %", 1.4, RIGHT))
    show_rate = loc != "en_US" and rng.random() < 0.7
    if show_rate:
        cols.append(("rate", lab["vat_col"], 1.3, RIGHT))
    cols.append(("total", lab["amount"], 2.3, RIGHT))
    cols = fit_cols(s, cols, size)
    fixed = sum(c[2] for c in cols)
    if show_rate and tw - fixed < 5.5:  # no room for a readable description: drop the VAT column
        cols = [c for c in cols if c[0] != "rate"]
        show_rate = False
        fixed = sum(c[2] for c in cols)
    widths = [c[2] if c[2] else tw - fixed for c in cols]
    t = table(doc, 1, len(cols), widths, style="Table Grid")
    rep = rng.random() < 0.3
    if rep:
        repeat_header(t.rows[0])
    for k, c in enumerate(cols):
        cell_text(t.rows[0].cells[k], c[1], bold=True, size=size - 0.5, align=c[3])
        shade(t.rows[0].cells[k], fill)
    for n, it in enumerate(s["items"]):
        group_row(t, widths, s, n, size)
        row = add_row(t, widths)
        cant_split(row)
        for k, c in enumerate(cols):
            key = c[0]
            cell = row.cells[k]
            if key == "desc":
                cell_text(cell, it["desc"])
                if it["detail"]:
                    para(cell, it["detail"], italic=True, size=size - 1.5, color="555555")
                continue
            val = {"code": it["code"] or "", "qty": fq(s, it["qty"]), "unit": it["unit"],
                   "price": fn(s, it["price"], it["places"]), "disc": W.fmt_rate(it["disc"], loc) if it["disc"] else "",
                   "rate": W.fmt_rate(it["rate"], loc), "total": fn(s, it["total"])}[key]
            cell_text(cell, val, align=c[3])
    para(doc, "", after=6)
    # totals (right) and VAT summary
    rows = total_rows(s)
    # drop the per-rate tax rows into the summary table and print only the tax sum in totals when several rates
    if len(s["vat_rows"]) > 1:
        rows = [r for r in rows if not any(r[0] == tax_label(s, v[0]) for v in s["vat_rows"])]
        rows.insert(len(rows) - 1, (f"{W.LOCALES[loc]['tax']}", fm(s, s["tax"]), False))
    tw2 = [4.6, 3.0]
    t = table(doc, 0, 2, tw2, style="Table Grid", align="right")
    for lbl, val, bold in rows:
        row = add_row(t, tw2)
        cell_text(row.cells[0], lbl, bold=bold)
        cell_text(row.cells[1], val, bold=bold, align=RIGHT)
        if bold:
            shade(row.cells[0], fill)
            shade(row.cells[1], fill)
    if len(s["vat_rows"]) > 1 or rng.random() < 0.4:
        para(doc, lab["vat_summary"], bold=True, before=10, after=2, keep_next=True)
        vw = [2.2, 3.0, 3.0, 3.0]
        t = table(doc, 1, 4, vw, style="Table Grid")
        for k, h in enumerate([lab["rate"], lab["net"], lab["tax_amt"], lab["gross"]]):
            cell_text(t.rows[0].cells[k], h, bold=True, size=size - 0.5, align=LEFT if k == 0 else RIGHT)
            shade(t.rows[0].cells[k], fill)
        for rate, base, tax in s["vat_rows"]:
            row = add_row(t, vw)
            for k, v in enumerate([W.fmt_rate(rate, loc), fn(s, base), fn(s, tax), fn(s, base + tax)]):
                cell_text(row.cells[k], v, align=LEFT if k == 0 else RIGHT)
    para(doc, payment_text(s), before=12)
    # footer: three columns
    ft = doc.sections[0].footer
    fw = [tw / 3] * 3
    t = table(ft, 1, 3, fw, width_cm=tw)
    cols_txt = [contact_strings(s)[:-1], bank_strings(s), id_strings(s)]
    for k, lines in enumerate(cols_txt):
        cell_text(t.rows[0].cells[k], "\n".join(lines), size=7)
        cell_borders(t.rows[0].cells[k], top=("single", 4, "808080"))
    page_para(ft, s, size=7, align=RIGHT)
    return doc, dict(font=font, size=size, fill=fill, repeat_header=rep, rate_column=show_rate, ship_to=ship)


# ------------------------------------------------------------------ 3. borderless table with rules
def build_open_table(s, rng):
    lab, loc, sup = s["lab"], s["loc"], s["sup"]
    font, size = std_font(rng)
    s["font"] = font
    doc = new_document(font, size, W.DOCX_LANG[loc], letter=loc == "en_US", after=s["para_after"], margins=(1.5, 2.0, 2.8, 2.0))
    tw = round(text_width(doc), 2)
    accent = rng.choice(["1F4E79", "7B2C2C", "2E5E3A", "404040"])
    zebra = rng.random() < 0.5
    # supplier block right, customer left, both in one borderless table
    t = table(doc, 1, 2, [tw * 0.55, tw * 0.45])
    left, right = t.rows[0].cells
    cell_text(right, sup["name"], bold=True, size=size + 3, align=RIGHT, color=accent)
    for line in sup["addr"] + [f"{lab['tel']} {sup['phone']}", sup["email"], sup["web"]]:
        para(right, line, size=size - 1, align=RIGHT)
    vat_label = lab["vat_id"]
    para(right, f"{vat_label} {sup['vat']}", size=size - 1, align=RIGHT)
    cell_text(left, "")
    for _ in range(3):
        para(left, "")
    para(left, lab["bill_to"] if loc != "it_IT" else "Spett.le", size=size - 1.5, color="808080")
    for line in cust_lines(s):
        para(left, line)
    if s["cust"]["vat"]:
        para(left, f"{lab['your_vat']} {s['cust']['vat']}", size=size - 1)
    # title line with number and date by a right tab
    p = para(doc, f"{title(s)} {s['number']}\t{fd(s, s['inv_date'])}", bold=True, size=size + 5, before=22, after=6,
             tabs=[(tw, "R")], color=accent)
    # horizontal info table: labels above values, without the number and date (already printed)
    meta = [m for m in meta_rows(s, short=True)[2:]]
    if s["credit"]:
        meta.append((lab["ref_inv"], f"{s['ref_invoice'][0]}"))
    if meta:
        need = [max(measure(l, font, size - 1.5), measure(v, font, size)) + 0.5 for l, v in meta]
        mw = spread(need, tw) if sum(need) > tw * 0.75 else [max(tw / 4, n) for n in need]
        t = table(doc, 2, len(meta), mw)
        for k, (l, v) in enumerate(meta):
            cell_text(t.rows[0].cells[k], l, size=size - 1.5, color="808080")
            cell_text(t.rows[1].cells[k], v)
    para(doc, "", after=10)
    # items
    cols = []
    if s["with_codes"]:
        cols.append(("code", lab["code"], code_width(s, size), LEFT))
    cols.append(("desc", lab["desc"], 0, LEFT))
    qty_unit = rng.random() < 0.5  # '12 kg' in one column
    if qty_unit:
        cols.append(("qtyu", lab["qty"], 2.2, RIGHT))
    else:
        cols += [("qty", lab["qty"], 1.4, RIGHT), ("unit", lab["unit"], 1.3, LEFT)]
    cols += [("price", lab["unit_price"], 2.2, RIGHT), ("total", lab["amount"], 2.4, RIGHT)]
    cols = fit_cols(s, cols, size)
    fixed = sum(c[2] for c in cols)
    widths = [c[2] if c[2] else tw - fixed for c in cols]
    t = table(doc, 1, len(cols), widths)
    cell_margins(t, 0.1, 0.1)
    for k, c in enumerate(cols):
        cell = t.rows[0].cells[k]
        cell_text(cell, c[1], bold=True, size=size - 0.5, align=c[3], color=accent)
        cell_borders(cell, top=("single", 8, accent), bottom=("single", 8, accent))
    for n, it in enumerate(s["items"]):
        group_row(t, widths, s, n, size)
        row = add_row(t, widths)
        for k, c in enumerate(cols):
            key = c[0]
            cell = row.cells[k]
            if zebra and n % 2 == 1:
                shade(cell, "F2F2F2")
            if key == "desc":
                cell_text(cell, it["desc"])
                if it["detail"]:
                    para(cell, it["detail"], size=size - 1.5, color="606060")
                continue
            val = {"code": it["code"] or "", "qty": fq(s, it["qty"]), "unit": it["unit"],
                   "qtyu": f"{fq(s, it['qty'])} {it['unit']}", "price": fn(s, it["price"], it["places"]),
                   "total": fn(s, it["total"])}[key]
            cell_text(cell, val, align=c[3])
        if n == len(s["items"]) - 1:
            for cell in row.cells:
                cell_borders(cell, bottom=("single", 8, accent))
    # totals right, VAT summary left
    t = table(doc, 1, 2, [tw * 0.5, tw * 0.5])
    left, right = t.rows[0].cells
    cell_text(left, "")
    if len(s["vat_rows"]) > 1 or rng.random() < 0.5:
        para(left, lab["vat_summary"], bold=True, size=size - 1, before=6)
        vw = [1.8, 2.6, 2.6]
        vt = left.add_table(1, 3)
        for k, h in enumerate([lab["rate"], lab["net"], lab["tax_amt"]]):
            cell_text(vt.rows[0].cells[k], h, size=size - 1, align=LEFT if k == 0 else RIGHT, color="808080")
        for rate, base, tax in s["vat_rows"]:
            row = vt.add_row()
            for k, v in enumerate([W.fmt_rate(rate, loc), fn(s, base), fn(s, tax)]):
                cell_text(row.cells[k], v, size=size - 1, align=LEFT if k == 0 else RIGHT)
        set_widths(vt, vw)
    cell_text(right, "")
    tt = right.add_table(0, 2)
    for lbl, val, bold in total_rows(s):
        row = tt.add_row()
        cell_text(row.cells[0], lbl, bold=bold)
        cell_text(row.cells[1], val, bold=bold, align=RIGHT)
        if bold:
            for c in row.cells:
                cell_borders(c, top=("double", 6, accent))
    vw = max(measure(v, font, size, True) for _, v, _ in total_rows(s)) + 0.5
    set_widths(tt, [tw * 0.5 - vw - 0.3, vw])
    if s["credit"]:
        para(doc, lab["cn_text"].rstrip(":") + ".", before=12)
    para(doc, payment_text(s), before=12)
    para(doc, f"{lab['iban']} {sup['bank'].get('iban', '')}" if "iban" in sup["bank"] else "  ".join(bank_strings(s)), size=size - 1)
    ft = doc.sections[0].footer
    fp = ft.paragraphs[0]
    fp.alignment = CENTER
    run(fp, " – ".join([sup["name"]] + id_strings(s)), size=7, color="606060")
    para(ft, " – ".join(bank_strings(s)), size=7, align=CENTER, color="606060")
    return doc, dict(font=font, size=size, accent=accent, zebra=zebra, qty_with_unit=qty_unit)


# ------------------------------------------------------------------ 4. DIN-style positions with decimal tabs
def build_din_pos(s, rng):
    lab, loc, sup = s["lab"], s["loc"], s["sup"]
    font, size = std_font(rng, ("Liberation Sans", "DejaVu Sans", "Carlito", "Liberation Serif"))
    s["font"] = font
    size = min(size, 10)
    doc = new_document(font, size, W.DOCX_LANG[loc], letter=loc == "en_US", after=s["para_after"], margins=(1.5, 1.8, 2.6, 2.2))
    tw = round(text_width(doc), 2)
    brand = rng.random() < 0.5  # trade name on top, legal name only in the address line and footer
    p = para(doc, sup["trade"] if brand else sup["name"], bold=True, size=size + 8, align=CENTER, after=2)
    p = para(doc, " | ".join(sup["addr"] + [sup["phone"], sup["web"]]), size=size - 1.5, align=CENTER, after=14)
    para_border(p, "bottom", 8, space=4)
    # address left, info right in a borderless table
    t = table(doc, 1, 2, [9.0, tw - 9.0])
    a, b = t.rows[0].cells
    cell_text(a, " · ".join([sup["name"]] + sup["addr"]), size=6.5, color="606060")
    para(a, "")
    for line in cust_lines(s):
        para(a, line)
    cell_text(b, "")
    for l, v in meta_rows(s):
        para(b, f"{l}\t{v}", size=size - 0.5, tabs=[(tw - 9.0 - 0.25, "R")])
    if s["cust"]["vat"]:
        para(b, f"{lab['your_vat']}\t{s['cust']['vat']}", size=size - 0.5, tabs=[(tw - 9.0 - 0.25, "R")])
    para(doc, f"{title(s)}", bold=True, size=size + 4, before=24, after=2)
    if s["credit"]:
        para(doc, ref_text(s), after=2)
    para(doc, lab["cn_text"] if s["credit"] else "", after=8)
    # columns: Pos | code | description | qty unit | price | total
    code_w = 0
    if s["with_codes"]:
        code_w = max(code_width(s, size), measure(lab["code"], font, size - 0.5, True) + 0.5) - 0.1
    dec = W.LOCALES[loc]["dec"]

    def parts_w(key, head=None):
        vals = col_values(s, key)
        left = max(measure(v.split(dec)[0], font, size) for v in vals)
        right = max(measure(dec + v.split(dec)[1], font, size) if dec in v else 0 for v in vals)
        if head:  # the heading is right-aligned over the column
            left = max(left, measure(head, font, size - 0.5, True) - right)
        return left, right

    gap = 0.5
    x_code = max(measure(str(len(s["items"])), font, size), measure(lab["pos"], font, size - 0.5, True)) + 0.35
    x_desc = x_code + code_w
    tl, tr = parts_w("total", lab["amount"])
    x_total = tw - max(tr, measure(dec + "00", font, size))
    pl, pr = parts_w("price", lab["price"])
    x_price = x_total - tl - gap - pr
    unit_w = max([measure(v, font, size) for v in col_values(s, "unit")] + [measure(lab["unit"], font, size - 0.5, True)])
    x_unit = x_price - pl - gap - unit_w
    ql, qr = parts_w("qty", lab["qty"])
    x_qty = x_unit - 0.3 - qr
    tabs = [(x_code, "L")] + ([(x_desc, "L")] if code_w else []) + [(x_qty, "D"), (x_unit, "L"), (x_price, "D"), (x_total, "D")]
    htabs = [(x_code, "L")] + ([(x_desc, "L")] if code_w else []) + [(x_qty + qr, "R"), (x_unit, "L"), (x_price + pr, "R"),
                                                                     (x_total + tr, "R")]
    heads = [lab["pos"]] + ([lab["code"]] if code_w else []) + [lab["desc"], lab["qty"], lab["unit"], lab["price"], lab["amount"]]
    p = para(doc, "\t".join(heads), bold=True, size=size - 0.5, tabs=htabs, after=2, keep_next=True)
    para_border(p, "top", 6, space=2)
    para_border(p, "bottom", 6, space=2)
    desc_w = x_qty - ql - gap - x_desc
    for k, it in enumerate(s["items"], 1):
        if k - 1 in s["groups"]:
            para(doc, s["groups"][k - 1], bold=True, size=size - 0.5, before=5, keep_next=True)
        lines = wrap(it["desc"], desc_w, size, font)
        parts = [str(k)] + ([it["code"]] if code_w else []) + [
            lines[0], fq(s, it["qty"]), it["unit"], fn(s, it["price"], it["places"]), fn(s, it["total"])]
        para(doc, "\t".join(parts), tabs=tabs, before=2)
        for more in lines[1:] + ([it["detail"]] if it["detail"] else []):
            for ml in wrap(more, x_unit - x_desc, size - 0.5, font):
                para(doc, ml, size=size - 0.5, indent=x_desc)
    p = para(doc, "", after=6)
    para_border(p, "bottom", 6)
    # totals, decimal tab
    trows = total_rows(s, base_in_label=True)
    x_sum = tw - max(measure(dec + v.split(dec)[-1], font, size, True) for _, v, _ in trows)
    for lbl, val, bold in trows:
        p = para(doc, f"\t{lbl}\t{val}", bold=bold, tabs=[(x_price - pl - gap, "R"), (x_sum, "D")], before=1)
        if bold:
            para_border(p, "bottom", 12, val="double", space=1)
    para(doc, payment_text(s), before=14)
    # footer: 4-column table
    ft = doc.sections[0].footer
    fw = [tw / 4] * 4
    t = table(ft, 1, 4, fw, width_cm=tw)
    cols_txt = [[sup["name"]] + sup["addr"], [f"{lab['tel']} {sup['phone']}", sup["email"], sup["web"]], bank_strings(s),
                id_strings(s)]
    for k, lines in enumerate(cols_txt):
        cell_text(t.rows[0].cells[k], "\n".join(lines), size=6.5)
    page_para(ft, s, size=6.5, align=CENTER, total=rng.random() < 0.5)
    return doc, dict(font=font, size=size, brand_header=brand)


# ------------------------------------------------------------------ 5. boxed, big title, dark header row
def build_boxed(s, rng):
    lab, loc, sup = s["lab"], s["loc"], s["sup"]
    font, size = std_font(rng, ("Liberation Sans", "Carlito", "DejaVu Sans"))
    s["font"] = font
    size = min(size, 10)
    doc = new_document(font, size, W.DOCX_LANG[loc], letter=loc == "en_US", after=s["para_after"], margins=(1.4, 1.6, 2.4, 1.6))
    tw = round(text_width(doc), 2)
    dark = rng.choice(["1F3864", "333333", "385723", "833C0B"])
    t = table(doc, 1, 2, [tw * 0.55, tw * 0.45])
    left, right = t.rows[0].cells
    cell_text(left, sup["name"], bold=True, size=size + 4)
    for line in sup["addr"] + [f"{lab['tel']} {sup['phone']}", sup["web"]]:
        para(left, line, size=size - 0.5)
    cell_text(right, title(s).upper(), bold=True, size=size + 14, align=RIGHT, color=dark)
    mt = right.add_table(0, 2)
    for l, v in meta_rows(s, short=True):
        row = mt.add_row()
        cell_text(row.cells[0], l, bold=True, size=size - 0.5, align=RIGHT)
        cell_text(row.cells[1], v, size=size - 0.5, align=RIGHT)
    vw = max(measure(v, font, size - 0.5) for _, v in meta_rows(s, short=True)) + 0.5
    set_widths(mt, [tw * 0.45 - vw - 0.3, vw])
    para(doc, "", after=10)
    # bill to / ship to with shaded heading cells
    ship = rng.random() < 0.6
    t = table(doc, 2, 2 if ship else 1, [tw / 2, tw / 2] if ship else [tw / 2])
    cell_text(t.rows[0].cells[0], lab["bill_to"], bold=True, color="FFFFFF")
    shade(t.rows[0].cells[0], dark)
    cell_text(t.rows[1].cells[0], "\n".join(cust_lines(s)))
    if s["cust"]["vat"]:
        para(t.rows[1].cells[0], f"{lab['your_vat']}: {s['cust']['vat']}", size=size - 1)
    if ship:
        cell_text(t.rows[0].cells[1], lab["ship_to"], bold=True, color="FFFFFF")
        shade(t.rows[0].cells[1], dark)
        cell_text(t.rows[1].cells[1], "\n".join([s["cust"]["name"]] + s["cust"]["addr"]))
    para(doc, "", after=10)
    if s["credit"]:
        para(doc, ref_text(s), italic=True, after=6)
    # items: qty first
    cols = [("qty", lab["qty"], 1.5, CENTER)]
    if s["with_codes"]:
        cols.append(("code", lab["code"], code_width(s, size), LEFT))
    cols.append(("desc", lab["desc"], 0, LEFT))
    cols.append(("price", lab["unit_price"], 2.3, RIGHT))
    if s["line_disc"]:
        cols.append(("disc", lab["discount"], 1.6, RIGHT))
    cols.append(("total", lab["amount"], 2.5, RIGHT))
    cols = fit_cols(s, cols, size)
    fixed = sum(c[2] for c in cols)
    widths = [c[2] if c[2] else tw - fixed for c in cols]
    t = table(doc, 1, len(cols), widths)
    for k, c in enumerate(cols):
        cell = t.rows[0].cells[k]
        cell_text(cell, c[1], bold=True, color="FFFFFF", align=c[3])
        shade(cell, dark)
    for n, it in enumerate(s["items"]):
        group_row(t, widths, s, n, size)
        row = add_row(t, widths)
        for k, c in enumerate(cols):
            cell = row.cells[k]
            cell_borders(cell, bottom=("single", 4, "A6A6A6"))
            key = c[0]
            if key == "desc":
                cell_text(cell, it["desc"])
                if it["detail"]:
                    para(cell, it["detail"], italic=True, size=size - 1.5)
                continue
            val = {"code": it["code"] or "", "qty": fq(s, it["qty"]), "price": fn(s, it["price"], it["places"]),
                   "disc": W.fmt_rate(it["disc"], loc) if it["disc"] else "", "total": fn(s, it["total"])}[key]
            cell_text(cell, val, align=c[3])
    para(doc, "", after=6)
    # comments box left, totals right
    t = table(doc, 1, 3, [tw * 0.5, tw * 0.08, tw * 0.42])
    left, _, right = t.rows[0].cells
    notes = {"en": "Terms & notes", "de": "Hinweise", "fr": "Conditions", "nl": "Opmerkingen", "it": "Note",
             "es": "Observaciones", "cs": "Poznámky"}[s["lang"]]
    p = cell_text(left, notes, bold=True, color="FFFFFF")
    para_shade(p, dark)
    para(left, payment_text(s))
    cell_borders(left, bottom=("single", 6, dark), left=("single", 6, dark), right=("single", 6, dark),
                 top=("single", 6, dark))
    if len(s["vat_rows"]) > 1:
        for rate, base, tax in s["vat_rows"]:
            para(left, f"{W.fmt_rate(rate, loc)}: {lab['net']} {fn(s, base)} / {lab['tax_amt']} {fn(s, tax)}", size=size - 1)
    tt = right.add_table(0, 2)
    for lbl, val, bold in total_rows(s):
        row = tt.add_row()
        cell_text(row.cells[0], lbl, bold=bold, align=RIGHT)
        cell_text(row.cells[1], val, bold=bold, align=RIGHT)
        if bold:
            for c in row.cells:
                shade(c, "D9D9D9")
    vw = max(measure(v, font, size, True) for _, v, _ in total_rows(s)) + 0.5
    set_widths(tt, [tw * 0.42 - vw - 0.3, vw])
    if loc == "en_US":
        para(doc, f"Make all checks payable to {sup['name'].rstrip('.')}.", before=14)
    para(doc, lab["thanks"], bold=True, align=CENTER, before=10, color=dark)
    ft = doc.sections[0].footer
    fp = ft.paragraphs[0]
    fp.alignment = CENTER
    run(fp, " | ".join(bank_strings(s)), size=7)
    para(ft, " | ".join([sup["name"]] + id_strings(s)), size=7, align=CENTER)
    return doc, dict(font=font, size=size, color=dark, ship_to=ship)


BUILDERS = {"tabs_letter": build_tabs_letter, "grid": build_grid, "open_table": build_open_table, "din_pos": build_din_pos,
            "boxed": build_boxed}
