"""Line-printer family: the invoice is composed as fixed-width text (80/96/132 columns), paginated with
page headers/footers, then printed by enscript (+ ps2pdf), by a hand-written PostScript program (+ ps2pdf)
or by groff -Tpdf in no-fill Courier."""

from __future__ import annotations

import os
import random
import subprocess
import textwrap
from decimal import Decimal
from pathlib import Path

# enscript: lines that fit on one page (measured with enscript 1.6.5.90: -B / --header)
ENSCRIPT_CAP = {
    ("Courier10", False, "A4"): 69, ("Courier10", False, "Letter"): 65,
    ("Courier9", False, "A4"): 76, ("Courier9", False, "Letter"): 71,
    ("Courier8", False, "A4"): 85, ("Courier8", False, "Letter"): 79,
    ("Courier10", True, "A4"): 50, ("Courier10", True, "Letter"): 52,
    ("Courier9", True, "A4"): 55, ("Courier9", True, "Letter"): 57,
    ("Courier8", True, "A4"): 61, ("Courier8", True, "Letter"): 63,
}
PAPER = {"A4": (595, 842), "Letter": (612, 792)}

TEAR = {"en": "tear off here", "de": "hier abtrennen", "fr": "à découper", "nl": "hier afscheuren", "it": "staccare qui",
        "es": "cortar por aquí"}
SKONTO = {"de": "Bei Zahlung bis {d} gewähren wir {p} % Skonto."}
ORDER_DATE = {"en": "of", "de": "vom", "fr": "du", "nl": "van", "it": "del", "es": "de"}


def L(text: str, bold: bool = False) -> list:
    return [(text, bold)]


def width(line: list) -> int:
    return sum(len(t) for t, _ in line)


def text_of(line: list) -> str:
    return "".join(t for t, _ in line)


def pad(line: list, w: int) -> list:
    n = width(line)
    return line + ([(" " * (w - n), False)] if n < w else [])


def join(left: list, right: list, at: int) -> list:
    """Left segments padded to column `at`, then the right segments."""
    return pad(left, at) + right


def rjust(line: list, w: int) -> list:
    n = width(line)
    return ([(" " * (w - n), False)] if n < w else []) + line


def centre(line: list, w: int) -> list:
    n = width(line)
    return ([(" " * ((w - n) // 2), False)] if n < w else []) + line


class Composer:
    def __init__(self, d: dict, rng: random.Random, W: int, P: int, opts: dict):
        self.d, self.rng, self.W, self.P, self.o = d, rng, W, P, opts
        self.F = d["F"]
        lab = dict(d["lab"])
        if opts["labels_upper"]:
            lab = {k: (v.upper() if isinstance(v, str) and "{" not in v else v) for k, v in lab.items()}
        self.lab = {k: (self.F.text(v) if isinstance(v, str) else v) for k, v in lab.items()}

    # ------------------------------------------------------------------ pieces
    def page_text(self, p: int, n: int) -> str:
        return self.lab["page"].format(p=p, n=n)

    def info_pairs(self, p: int, n: int) -> list:
        d, F, lab, o = self.d, self.F, self.lab, self.o
        pairs = [(lab["cred_no"] if d["credit"] else lab["inv_no"], d["number"]), (lab["date"], F.date(d["date"]))]
        if d["customer"]["no"] and o["cust_no"]:
            pairs.append((lab["cust_no"], d["customer"]["no"]))
        if d["pos"] and o["po_in_info"]:
            pairs.append((lab["po"], ", ".join(d["pos"])))
        if d["deliv_no"] and o["deliv_in_info"]:
            pairs.append((lab["deliv"], d["deliv_no"]))
        if d["deliv_date"]:
            pairs.append((lab["deliv_date"], F.date(d["deliv_date"])))
        if d["due"] and o["due_in_info"]:
            pairs.append((lab["due"], F.date(d["due"])))
        if o["vat_where"] == "info" and d["supplier"]["vat"]:
            pairs.append((lab["vat_id"], d["supplier"]["vat"]))
        if d["customer"]["vat"] and o["cust_vat"]:
            pairs.append((lab["cust_vat"], d["customer"]["vat"]))
        if o["page_where"] == "info":
            pt = self.page_text(p, n)
            word, _, rest = pt.partition(" ")
            pairs.append((word, rest))
        return pairs

    def info_block(self, p: int, n: int) -> list:
        pairs = self.info_pairs(p, n)
        style = self.o["info_style"]
        out = []
        if style == "colon":
            for k, v in pairs:
                out.append(L(f"{k}: {v}"))
        elif style == "column":
            lw = max(len(k) for k, _ in pairs) + 1
            leader = self.o["leader"]
            for k, v in pairs:
                if leader == "dots":
                    out.append(L(f"{(k + ' ').ljust(lw + 2, '.')}: {v}"))
                elif leader == "colon":
                    out.append(L(f"{k.ljust(lw)}: {v}"))
                else:
                    out.append(L(f"{k.ljust(lw + 2)}{v}"))
        return out

    def strip(self, p: int, n: int) -> list:
        """Labels above values in a row of boxes (or ruled columns) across the page."""
        pairs = self.info_pairs(p, n)
        boxed = self.o["info_style"] == "strip_box"
        rows, cur, used = [], [], 1
        for k, v in pairs:
            w = max(len(k), len(v)) + 2
            if used + w + 1 > self.W:
                rows.append(cur)
                cur, used = [], 1
            cur.append((k, v, w))
            used += w + 1
        if cur:
            rows.append(cur)
        out = []
        for row in rows:
            if boxed:
                rule = "+" + "+".join("-" * w for _, _, w in row) + "+"
                out.append(L(rule))
                out.append(L("|" + "|".join(f" {k}".ljust(w) for k, _, w in row) + "|"))
                out.append(L("|" + "|".join(f" {v}".ljust(w) for _, v, w in row) + "|"))
                out.append(L(rule))
            else:
                out.append(L(" ".join(k.ljust(w) for k, _, w in row).rstrip(), self.o["head_bold"]))
                out.append(L(" ".join("-" * (w - 1) + " " for _, _, w in row).rstrip()))
                out.append(L(" ".join(v.ljust(w) for _, v, w in row).rstrip()))
        return out

    def letterhead(self) -> list:
        d, sup, lab, o, W = self.d, self.d["supplier"], self.lab, self.o, self.W
        title = lab["credit"] if d["credit"] else lab["invoice"]
        contact = f"{lab['phone']} {sup['phone']}"
        if o["email"]:
            contact += f"  {sup['email']}"
        vat_line = f"{lab['vat_id']} {sup['vat']}" if sup["vat"] and o["vat_where"] == "head" else None
        out = []
        style = o["head_style"]
        if style == "preprinted":  # the renderer draws the letterhead; keep its room free
            out += [L("") for _ in range(o["preprinted_lines"])]
            out.append(rjust(L(title, True), W))
        elif style == "left":
            out.append(join(L(sup["name"], True), rjust(L(title, True), W - max(width(L(sup["name"])) + 2, W // 2)),
                            max(len(sup["name"]) + 2, W // 2)))
            out.append(L(sup["street"]))
            out.append(L(sup["cityline"]))
            out.append(L(contact))
            if vat_line:
                out.append(L(vat_line))
        elif style == "centred":
            out.append(centre(L(sup["name"], True), W))
            out.append(centre(L(f"{sup['street']} - {sup['cityline']}"), W))
            out.append(centre(L(contact), W))
            if vat_line:
                out.append(centre(L(vat_line), W))
            out.append(L(o["rule2"] * W))
            out.append(centre(L(title, True), W))
        else:  # box
            inner = W - 4
            out.append(L("+" + "-" * (W - 2) + "+"))
            out.append([("| ", False)] + pad(join(L(sup["name"], True), rjust(L(title, True), inner - max(len(sup["name"]) + 2, inner // 2)),
                                                  max(len(sup["name"]) + 2, inner // 2)), inner) + [(" |", False)])
            for t in [f"{sup['street']}, {sup['cityline']}", contact] + ([vat_line] if vat_line else []):
                out.append(L("| " + t.ljust(inner) + " |"))
            out.append(L("+" + "-" * (W - 2) + "+"))
        out.append(L(""))
        return out

    def address(self) -> list:
        c, lab = self.d["customer"], self.lab
        lines = [L(lab["bill_to"], self.o["head_bold"])] if self.o["bill_label"] else []
        lines.append(L(c["name"]))
        if c["attn"]:
            lines.append(L(c["attn"]))
        lines += [L(c["street"]), L(c["cityline"])]
        return lines

    def ship(self) -> list:
        c, lab = self.d["customer"], self.lab
        return [L(lab["ship_to"], self.o["head_bold"]), L(c["name"]), L(c["street"]), L(c["cityline"])]

    def first_head(self, p: int, n: int) -> list:
        o, W = self.o, self.W
        out = []
        if o["page_where"] == "top":
            out.append(rjust(L(self.page_text(p, n)), W))
        out += self.letterhead()
        addr = self.address()
        if self.d["ship_to"] and W >= 96:
            addr2 = self.ship()
            mid = max(width(x) for x in addr) + 4
            addr = [join(addr[i] if i < len(addr) else L(""), addr2[i] if i < len(addr2) else L(""), mid)
                    for i in range(max(len(addr), len(addr2)))]
        if o["info_style"] in ("strip", "strip_box"):
            out += addr + [L("")] + self.strip(p, n)
        else:
            info = self.info_block(p, n)
            at = max(max(width(x) for x in addr) + 3, W - max(width(x) for x in info) - 1 if o["info_right"] else W // 2)
            at = min(at, W - max(width(x) for x in info))
            if at < max(width(x) for x in addr) + 2:
                out += addr + [L("")] + info
            else:
                for i in range(max(len(addr), len(info))):
                    out.append(join(addr[i] if i < len(addr) else L(""), info[i] if i < len(info) else L(""), at))
        out.append(L(""))
        d, lab, F = self.d, self.lab, self.F
        if d["pos"] and not o["po_in_info"]:
            out.append(L(f"{lab['po']}: {', '.join(d['pos'])}"))
        if d["deliv_no"] and not o["deliv_in_info"]:
            out.append(L(f"{lab['deliv']} {d['deliv_no']} {ORDER_DATE[d['lang']]} {F.date(d['deliv_date'] or d['date'])}"))
        if d["orig"]:
            out.append(L(self.F.text(d["lab"]["credit_ref"].format(n=d["orig"][0], d=F.date(d["orig"][1])))))
        if o["amounts_in_line"]:
            out.append(L(lab["amounts_in"].format(c=d["currency"])))
        if out[-1] != L(""):
            out.append(L(""))
        return out

    def cont_head(self, p: int, n: int) -> list:
        d, o, W = self.d, self.o, self.W
        left = f"{self.d['supplier']['name']}" if o["head_style"] != "preprinted" else ""
        mid = f"{self.lab['cred_no'] if d['credit'] else self.lab['inv_no']} {d['number']}"
        out = []
        if o["page_where"] == "top":
            out.append(rjust(L(self.page_text(p, n)), W))
            out.append(join(L(left), L(mid), max(len(left) + 3, W // 2)))
        else:
            right = self.page_text(p, n) if o["page_where"] not in ("footer", "enscript") else self.F.date(d["date"])
            line = join(L(left), L(mid), max(len(left) + 3, W // 3))
            out.append(join(line, rjust(L(right), W - width(line)), width(line)))
        out.append(L(o["rule1"] * W))
        out.append(L(""))
        return out

    # ------------------------------------------------------------------ the item table
    def plan_table(self):
        d, F, lab, o, W = self.d, self.F, self.lab, self.o, self.W
        items = d["items"]
        cols = []
        if o["pos_col"]:
            cols.append(["pos", lab["pos"], "r"])
        if d["with_codes"]:
            cols.append(["code", lab["code"], "l"])
        cols.append(["desc", lab["desc"], "l"])
        if o["qty_unit_joined"]:
            cols.append(["qtyu", lab["qty"], "r"])
        else:
            cols.append(["qty", lab["qty"], "r"])
            cols.append(["unit", lab["unit"], "l"])
        price_h = lab["price"]
        amount_h = lab["amount"]
        if d["cur_in_heading"]:
            if o["cur_heading_style"] == "paren":
                amount_h = f"{amount_h} ({d['currency']})"
            else:
                amount_h = f"{amount_h} {d['currency']}"
        cols.append(["price", price_h, "r"])
        if o["rate_col"]:
            cols.append(["rate", lab["tx"] if d["us"] else ("%" if o["rate_col"] == "code" else lab["vat"]), "r"])
        cols.append(["amount", amount_h, "r"])

        def cell(it, key):
            if key == "pos":
                return str(it["pos"])
            if key == "code":
                return it["code"] or ""
            if key == "desc":
                return it["desc"]
            if it["kind"] == "discount" and key in ("qty", "unit", "price", "qtyu", "rate"):
                return ""
            if key == "qty":
                return F.qty(it["qty"])
            if key == "unit":
                return it["unit"]
            if key == "qtyu":
                return f"{F.qty(it['qty'])} {it['unit']}"
            if key == "price":
                return F.price(it["price"])
            if key == "rate":
                if d["us"]:
                    return "T" if it["taxable"] else ""
                if o["rate_col"] == "code":
                    return self.rate_code(it["rate"])
                return F.rate(it["rate"])
            if key == "amount":
                return F.amt(it["total"])
            raise KeyError(key)

        pos = 0
        for it in items:
            if it["kind"] != "discount":
                pos += 1
                it["pos"] = pos * o["pos_step"]
            else:
                it["pos"] = ""
        widths = {}
        for c in cols:
            key = c[0]
            vals = [len(c[1])] + [len(cell(it, key)) for it in items if key != "desc"]
            widths[key] = max(vals)
        gap = 2 if W >= 96 else 1
        fixed = sum(w for k, w in widths.items() if k != "desc") + gap * (len(cols) - 1)
        desc_w = W - fixed
        if desc_w < 20 and o["rate_col"]:
            o["rate_col"] = False
            return self.plan_table()
        if desc_w < 20 and o["pos_col"]:
            o["pos_col"] = False
            return self.plan_table()
        if desc_w < 20 and not o["qty_unit_joined"]:
            o["qty_unit_joined"] = True
            return self.plan_table()
        if desc_w < 16:
            raise ValueError("table too wide")
        extra = 0
        maxdesc = max(len(it["desc"]) for it in items)
        cap = max(24, min(56 if W >= 132 else 48, maxdesc if o["desc_fit"] else (44 if W >= 132 else 36)))
        if desc_w > cap:
            extra = desc_w - cap
            desc_w = cap
        widths["desc"] = desc_w
        self.cols, self.widths, self.gap, self.cell = cols, widths, gap, cell
        # spread the spare columns over the gaps after the description
        after = [c[0] for c in cols][[c[0] for c in cols].index("desc") + 1:]
        self.gaps = {k: gap for k in [c[0] for c in cols]}
        if after:
            for i in range(extra):
                self.gaps[after[i % len(after)]] += 1
        else:
            self.widths["desc"] += extra
        d["codes_printed"] = d["with_codes"]

    def rate_code(self, r: Decimal) -> str:
        rates = [row[0] for row in self.d["vat_rows"]]
        if self.d["country"] == "GB" or self.d["country"] == "IE":
            return "S" if r == max(rates) and r > 0 else ("Z" if r == 0 else "R")
        return str(sorted(rates, reverse=True).index(r) + 1)

    def fmt_row(self, values: dict, bold=False) -> list:
        parts = []
        for i, (key, _, align) in enumerate(self.cols):
            v = values.get(key, "")
            w = self.widths[key]
            s = v.rjust(w) if align == "r" else v.ljust(w)
            if i:
                s = " " * self.gaps[key] + s
            parts.append(s)
        return L("".join(parts).rstrip(), bold)

    def table_header(self) -> list:
        o = self.o
        head = self.fmt_row({k: h for k, h, _ in self.cols}, o["head_bold"])
        tw = width(self.fmt_row({k: "x" * self.widths[k] for k, _, _ in self.cols}))
        out = []
        if o["table_rule_above"]:
            out.append(L(o["rule2"] * tw))
        out.append(head)
        out.append(L(o["rule1"] * tw))
        self.table_w = tw
        return out

    def row_groups(self) -> list:
        groups = []
        dw = self.widths["desc"]
        for it in self.d["items"]:
            desc = it["desc"]
            parts = textwrap.wrap(desc, dw, break_long_words=True, break_on_hyphens=False) or [""]
            it["first_line"] = parts[0]
            it["parts"] = parts
            vals = {k: self.cell(it, k) for k, _, _ in self.cols}
            vals["desc"] = parts[0]
            lines = [self.fmt_row(vals)]
            for extra in parts[1:]:
                lines.append(self.fmt_row({"desc": extra}))
            if self.o["row_space"]:
                lines.append(L(""))
            groups.append((lines, it["total"]))
        return groups

    def carry_line(self, label: str, amount: Decimal) -> list:
        s = self.F.amt(amount)
        return rjust(L(label + "   " + s.rjust(self.widths["amount"])), self.table_w)

    # ------------------------------------------------------------------ totals and tail
    def totals(self) -> list:
        d, F, lab, o = self.d, self.F, self.lab, self.o
        rows = []  # (label, value, bold)
        if d["discount"] and d["discount"]["kind"] == "totals":
            rows.append((lab["subtotal"], F.amt(d["subtotal"]), False))
            pct = F.num(d["discount"]["pct"], 0) + "%"
            da = F.num(d["discount"]["amount"])
            rows.append((f"{lab['discount']} {pct}", o["disc_neg"].format(da), False))
        rows.append((lab["net"], F.amt(d["net"]), False))
        if d["us"]:
            rate, base, tax = d["vat_rows"][0]
            if d["us_taxable_mode"] or o["show_base"]:
                rows.append((lab["taxable"], F.amt(base), False))
            rows.append((f"{lab['sales_tax']} {F.rate(rate)}", F.amt(tax), False))
        elif not d["multi_rate"]:
            rate, base, tax = d["vat_rows"][0]
            rows.append((f"{lab['vat']} {F.rate(rate)}", F.amt(tax), False))
        else:
            if not o["summary"]:
                for rate, base, tax in d["vat_rows"]:
                    rows.append((f"{lab['vat']} {F.rate(rate)}", F.amt(tax), False))
            if d["tax_total_printed"]:
                rows.append((lab["vat_total"], F.amt(d["tax"]), False))
        rows.append(("=", "", False))
        glabel = lab["gross_credit"] if d["credit"] else lab["gross"]
        rows.append((glabel, F.money(d["gross"]), True))
        lw = max(len(r[0]) for r in rows if r[0] != "=") + 2
        vw = max(len(r[1]) for r in rows) + 1
        vw = max(vw, 12)
        block = []
        for label, value, bold in rows:
            if label == "=":
                block.append(L(o["rule2"] * (lw + vw)))
            else:
                block.append(L(label.ljust(lw) + value.rjust(vw), bold and o["head_bold"]))
        return block

    def summary_table(self) -> list:
        d, F, lab = self.d, self.F, self.lab
        cols = [lab["rate"], lab["base"], lab["tax"]]
        rows = []
        for rate, base, tax in d["vat_rows"]:
            r = F.rate(rate)
            if self.o["rate_col"] == "code":
                r = f"{self.rate_code(rate)} {r}"
            rows.append([r, F.amt(base), F.amt(tax)])
        ws = [max(len(cols[i]), *(len(r[i]) for r in rows)) + 2 for i in range(3)]
        out = [L(lab["summary"], self.o["head_bold"]),
               L(cols[0].ljust(ws[0]) + cols[1].rjust(ws[1]) + cols[2].rjust(ws[2]))]
        out.append(L("-" * sum(ws)))
        for r in rows:
            out.append(L(r[0].ljust(ws[0]) + r[1].rjust(ws[1]) + r[2].rjust(ws[2])))
        return out

    def tail(self) -> list:
        d, F, lab, o, W = self.d, self.F, self.lab, self.o, self.W
        out = [L(o["rule1"] * self.table_w)] if o["rule_after_table"] else []
        tot = self.totals()
        summ = self.summary_table() if (o["summary"] and not d["us"]) else []
        tw = max(width(x) for x in tot)
        sw = max((width(x) for x in summ), default=0)
        if summ and sw + tw + 4 <= W:
            at = W - tw
            for i in range(max(len(summ), len(tot))):
                out.append(join(summ[i] if i < len(summ) else L(""), tot[i] if i < len(tot) else L(""), at))
        else:
            out += [rjust(x, W) for x in tot]
            if summ:
                out += [L("")] + summ
        out.append(L(""))
        notes = []
        if d["due"] and not o["due_in_info"]:
            notes.append(self.F.text(d["lab"]["terms_due"].format(due=F.date(d["due"]))))
        if d["terms_printed"]:
            notes.append(self.F.text(d["lab"]["terms_net"].format(d=d["terms_days"])))
        if d["skonto"]:
            sk = d["date"] + __import__("datetime").timedelta(days=self.rng.choice([7, 8, 10]))
            notes.append(self.F.text(SKONTO["de"].format(d=F.date(sk), p=self.rng.choice(["2", "3"]))))
        if o["thanks"]:
            notes.append(lab["thanks"])
        for note in notes:
            out += [L(x) for x in textwrap.wrap(note, W)]
        if o["bank_in_tail"]:
            out.append(L(""))
            out += self.bank_lines()
        if o["remit"] and not d["credit"]:
            out += self.remittance()
        return out

    def bank_lines(self) -> list:
        sup, lab = self.d["supplier"], self.lab
        if sup["iban"]:
            return [L(f"{lab['bank']}: IBAN {sup['iban']}  BIC {sup['bic']}")]
        return [L(f"{lab['bank']}: ABA {sup['aba']}  Acct {sup['acct']}")]

    def remittance(self) -> list:
        d, F, lab, W = self.d, self.F, self.lab, self.W
        t = f" {self.F.text(TEAR[d['lang']])} "
        dash = "- " * (W // 2)
        mid = (W - len(t)) // 2
        out = [L(""), L((dash[:mid] + t + dash)[:W]), L(lab["remit"], self.o["head_bold"])]
        left = [f"{lab['cust_no']}: {d['customer']['no']}", f"{lab['inv_no']}: {d['number']}", f"{lab['date']}: {F.date(d['date'])}"]
        right = [d["customer"]["name"], f"{lab['amt_due']}: {F.money(d['gross'])}", ""]
        at = max(len(x) for x in left) + 4
        for a, b in zip(left, right, strict=True):
            out.append(join(L(a), L(b), at))
        return out

    def footer(self, p: int, n: int) -> list:
        d, o, lab, W = self.d, self.o, self.lab, self.W
        out = []
        if not o["footer"] and o["page_where"] != "footer":
            return out
        out.append(L(o["rule1"] * W))
        if o["footer"]:
            parts = [d["supplier"]["name"]] if o["head_style"] != "preprinted" or o["footer_name"] else []
            if d["supplier"]["vat"] and o["vat_where"] == "footer":
                parts.append(f"{lab['vat_id']} {d['supplier']['vat']}")
            parts += [self.F.text(x) for x in d["supplier"]["reg"]]
            line = ""
            for part in parts:
                cand = (line + " - " + part) if line else part
                if len(cand) > W:
                    out.append(L(line))
                    line = part[:W]
                else:
                    line = cand
            if line:
                out.append(L(line))
            if o["bank_in_footer"]:
                out += self.bank_lines()
        if o["page_where"] == "footer":
            out.append(rjust(L(self.page_text(p, n)), W) if o["footer_page_right"] else centre(L(self.page_text(p, n)), W))
        return out

    # ------------------------------------------------------------------ pagination
    def paginate(self, n_pages: int) -> list:
        o, P, lab = self.o, self.P, self.lab
        self.plan_table()
        groups = self.row_groups()
        th = self.table_header()
        tail = self.tail()
        pages = []
        p = 1
        foot = self.footer(p, n_pages)
        cap = P - len(foot) - (1 if foot else 0)
        cur = self.first_head(p, n_pages) + th
        running = Decimal(0)
        if len(cur) + len(groups[0][0]) + 2 > cap:
            raise ValueError("head too long for the page")

        def close(cur, p):
            body = cur + [L("")] * (cap - len(cur))
            f = self.footer(p, n_pages)
            pages.append(body + ([L("")] if f else []) + f)

        for lines, amount in groups:
            need = len(lines) + (1 if o["carry"] else 0) + (1 if o["cont_note"] else 0)
            if len(cur) + need > cap:
                if o["carry"]:
                    cur.append(self.carry_line(lab["cf"], running))
                if o["cont_note"]:
                    cur.append(rjust(L(lab["cont"]), self.W))
                close(cur, p)
                p += 1
                cur = self.cont_head(p, n_pages)
                if o["repeat_header"]:
                    cur += th
                if o["carry"]:
                    cur.append(self.carry_line(lab["bf"].format(p=p - 1), running))
            cur += lines
            running += amount
        if len(cur) + len(tail) > cap:
            if o["carry"]:
                cur.append(self.carry_line(lab["cf"], running))
            if o["cont_note"]:
                cur.append(rjust(L(lab["cont"]), self.W))
            close(cur, p)
            p += 1
            cur = self.cont_head(p, n_pages)
            if o["carry"]:
                cur += th if o["repeat_header"] else []
                cur.append(self.carry_line(lab["bf"].format(p=p - 1), running))
            if len(cur) + len(tail) > cap:
                raise ValueError("tail too long for a page")
        cur += tail
        close(cur, p)
        return pages

    def compose(self) -> list:
        pages = self.paginate(9)
        n = len(pages)
        pages = self.paginate(n)
        if len(pages) != n:
            raise ValueError("page count changed")
        for pg in pages:
            for line in pg:
                if width(line) > self.W:
                    raise ValueError(f"line too wide ({width(line)} > {self.W}): {text_of(line)!r}")
        return pages


def draw_options(d: dict, rng: random.Random) -> dict:
    pipe = d["pipeline"]
    o = {}
    o["width"] = rng.choices([80, 96, 132], weights=[50, 20, 30])[0]
    o["labels_upper"] = rng.random() < 0.3
    o["head_style"] = rng.choice(["left", "left", "centred", "box"] + (["preprinted", "preprinted"] if pipe == "ps" else []))
    o["preprinted_lines"] = 7
    o["info_style"] = rng.choice(["colon", "column", "column", "strip", "strip_box"])
    o["info_right"] = rng.random() < 0.5
    o["leader"] = rng.choice(["dots", "colon", "none"])
    o["head_bold"] = rng.random() < 0.6
    o["rule1"] = rng.choice(["-", "-", "=", "_"])
    o["rule2"] = rng.choice(["=", "-", "*"])
    o["email"] = rng.random() < 0.5
    o["vat_where"] = rng.choice(["head", "head", "footer", "info"])
    o["cust_no"] = rng.random() < 0.8
    o["cust_vat"] = rng.random() < 0.7
    o["po_in_info"] = rng.random() < 0.7
    o["deliv_in_info"] = rng.random() < 0.6
    o["due_in_info"] = rng.random() < 0.55
    o["page_where"] = rng.choice(["info", "top", "footer", "footer"])
    o["bill_label"] = rng.random() < 0.7
    o["amounts_in_line"] = d["cur_in_heading"] and rng.random() < 0.4
    o["pos_col"] = rng.random() < 0.55
    o["pos_step"] = rng.choice([1, 1, 1, 10])
    o["qty_unit_joined"] = rng.random() < 0.25
    o["rate_col"] = rng.choice([False, False, "rate", "code"]) if (d["multi_rate"] or rng.random() < 0.3) else False
    if d["us"]:
        o["rate_col"] = "tx" if d["us_taxable_mode"] else False
    o["cur_heading_style"] = rng.choice(["paren", "space"])
    o["desc_fit"] = rng.random() < 0.5
    o["table_rule_above"] = rng.random() < 0.5
    o["row_space"] = rng.random() < 0.2
    o["repeat_header"] = rng.random() < 0.5
    o["carry"] = rng.random() < 0.4
    o["cont_note"] = rng.random() < 0.4
    o["rule_after_table"] = rng.random() < 0.7
    o["summary"] = rng.random() < 0.75 if d["multi_rate"] else (not d["us"] and rng.random() < 0.25)
    o["show_base"] = rng.random() < 0.3
    o["disc_neg"] = rng.choice(["-{}", "{}-", "({})"])
    o["thanks"] = rng.random() < 0.5
    o["bank_in_tail"] = rng.random() < 0.4
    o["bank_in_footer"] = not o["bank_in_tail"] and rng.random() < 0.5
    o["remit"] = rng.random() < 0.3
    o["footer"] = rng.random() < 0.7
    o["footer_name"] = rng.random() < 0.5
    o["footer_page_right"] = rng.random() < 0.5
    if o["vat_where"] == "footer" and not o["footer"]:
        o["vat_where"] = "head"
    if o["head_style"] == "preprinted" and o["vat_where"] == "head":
        o["vat_where"] = "preprinted"
    return o


# ====================================================================== renderers
def render(d: dict, rng: random.Random, out_pdf: Path, work: Path) -> dict:
    o = draw_options(d, rng)
    W = o["width"]
    pipe = d["pipeline"]
    media = "Letter" if d["us"] else ("A4" if rng.random() < 0.9 else "Letter")
    style = dict(o)
    style["media"] = media
    if pipe == "enscript":
        if W == 80:
            font = rng.choice(["Courier10", "Courier10", "Courier9"])
            land = False
        elif W == 96:
            font = rng.choice(["Courier9", "Courier8"])
            land = False
        else:
            font = rng.choice(["Courier9", "Courier8"]) if media == "A4" else "Courier8"  # 132 x Courier9 wraps on Letter
            land = True
        hdr = None
        if rng.random() < 0.25:
            hdr = rng.choice(["plain", "plain", "fancy"])
        cap = ENSCRIPT_CAP[(font, land, media)] - (2 if hdr == "plain" else 5 if hdr == "fancy" else 0)
        P = min(66, cap - 1)
        if hdr:
            o["page_where"] = "enscript"
            if o["info_style"] in ("colon", "column", "strip", "strip_box"):
                pass
        comp = Composer(d, rng, W, P, o)
        pages = comp.compose()
        style.update(font=font, landscape=land, enscript_header=hdr, lines_per_page=P)
        _enscript(d, comp, pages, font, land, media, hdr, out_pdf, work, rng)
    elif pipe == "ps":
        land = W == 132 and rng.random() < 0.5
        pw, ph = PAPER[media]
        if land:
            pw, ph = ph, pw
        margin = rng.choice([18, 24, 30])
        size = min(rng.choice([10, 11, 12]) if W == 80 else 9 if W == 96 else 8, (pw - 2 * margin) / (W * 0.6))
        size = float(int(size * 10) / 10)
        lead = rng.choice([12.0, round(size * 1.18, 2)]) if size <= 10 else round(size * 1.15, 2)
        if lead < size * 1.05:
            lead = round(size * 1.12, 2)
        top = margin + 12
        P = int((ph - top - margin) // lead)
        P = min(P, 72)
        o["greenbar"] = rng.random() < 0.4
        comp = Composer(d, rng, W, P, o)
        pages = comp.compose()
        style.update(font_size=size, leading=lead, landscape=land, lines_per_page=P, greenbar=o["greenbar"])
        _postscript(d, comp, pages, (pw, ph), margin, size, lead, o, out_pdf, work, rng)
    else:  # groffmono
        pw, ph = PAPER[media]
        margin = 36
        size = {80: rng.choice([10, 9]), 96: 8, 132: 6.5}[W]
        if size * 0.6 * W > pw - 2 * 20:
            size = round((pw - 40) / (W * 0.6) - 0.05, 1)
        lead = {80: 12.0, 96: 10.0, 132: 9.0}[W] if rng.random() < 0.5 else round(size * 1.2, 1)  # 6/7/8 lpi
        P = min(66 if W == 80 else 84, int((ph - 2 * margin) // lead) - 1)
        comp = Composer(d, rng, W, P, o)
        pages = comp.compose()
        style.update(font_size=size, leading=lead, lines_per_page=P)
        _groffmono(d, pages, media, size, lead, margin, out_pdf, work)
    style["pages_planned"] = len(pages)
    style["width"] = W
    return style


def _env() -> dict:
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = "1735689600"
    env.setdefault("LC_ALL", "C.UTF-8")
    return env


def _run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, env=_env(), **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed: {r.stderr.decode(errors='replace')[-800:]}")
    return r


def _enscript(d, comp, pages, font, land, media, hdr, out_pdf, work, rng):
    size = font.replace("Courier", "")
    esc = "\0"
    text_pages = []
    for pg in pages:
        lines = []
        for line in pg:
            s = ""
            for t, b in line:
                s += f"{esc}font{{Courier-Bold{size}}}{t}{esc}font{{default}}" if b and t.strip() else t
            lines.append(s.rstrip())
        text_pages.append("\n".join(lines).rstrip("\n"))
    body = "\n\f".join(text_pages) + "\n"
    stem = out_pdf.stem
    fname = rng.choice([f"inv{d['index']:05d}.txt", f"PRT{rng.randint(1000, 9999)}.LIS", f"rech_{d['index']}.prn",
                        f"spool{rng.randint(100, 999)}.out"])
    src = work / fname
    src.write_bytes(body.encode("latin-1"))
    cmd = ["enscript", "-e", "-X", "latin1", f"--media={media}", "-f", font, "-o", str(work / f"{stem}.ps")]
    if land:
        cmd.append("-r")
    title = comp.lab["credit"] if d["credit"] else comp.lab["invoice"]
    page_fmt = comp.lab["page"].replace("{p}", "$%").replace("{n}", "$=")
    if hdr == "plain":
        cmd += ["-F", f"Courier-Bold{size}", f"--header={title} {d['number']}||{page_fmt}"]
    elif hdr == "fancy":
        cmd += ["-G", "-F", "Courier-Bold10", f"--header={title} {d['number']}||{page_fmt}"]
        # the fancy header prints the file's modification time: the print run, on the invoice date
        import datetime as dt
        t = dt.datetime.combine(d["date"], dt.time(rng.randint(7, 18), rng.randint(0, 59)))
        os.utime(src, (t.timestamp(), t.timestamp()))
    else:
        cmd.append("-B")
    cmd.append(str(src))
    r = _run(cmd)
    if b"wrapped" in r.stderr or b"truncated" in r.stderr:
        raise RuntimeError("enscript wrapped lines: " + r.stderr.decode(errors="replace"))
    _run(["ps2pdf", "-dAutoRotatePages=/None" if not land else "-dAutoRotatePages=/PageByPage", str(work / f"{stem}.ps"), str(out_pdf)])


def _ps_str(s: str) -> str:
    out = []
    for ch in s:
        if ch in "()\\":
            out.append("\\" + ch)
        elif ch == "€":
            out.append("\\200")
        elif ord(ch) < 128:
            out.append(ch)
        else:
            b = ch.encode("latin-1")
            out.append(f"\\{b[0]:03o}")
    return "(" + "".join(out) + ")"


def _postscript(d, comp, pages, paper, margin, size, lead, o, out_pdf, work, rng):
    pw, ph = paper
    sup = d["supplier"]
    ps = ["%!PS-Adobe-3.0", f"%%BoundingBox: 0 0 {int(pw)} {int(ph)}", "%%Creator: lpr-form.ps",
          f"%%Title: {d['number']}", f"%%Pages: {len(pages)}", "%%EndComments",
          "/reenc { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall",
          "  /Encoding MyEnc def currentdict end definefont pop } bind def",
          "/MyEnc ISOLatin1Encoding dup length array copy dup 128 /Euro put dup 45 /hyphen put def",
          "/CR /Courier reenc /CB /Courier-Bold reenc /HR /Helvetica reenc /HB /Helvetica-Bold reenc",
          f"/fr {{ /CR findfont {size} scalefont setfont }} bind def",
          f"/fb {{ /CB findfont {size} scalefont setfont }} bind def",
          f"<< /PageSize [{pw} {ph}] >> setpagedevice"]
    cw = size * 0.6
    x0 = margin + max(0, (pw - 2 * margin - comp.W * cw) / 2)
    ytop = ph - margin - 12
    for i, pg in enumerate(pages, 1):
        ps.append(f"%%Page: {i} {i}")
        if o.get("greenbar"):
            ps.append("gsave 0.86 0.95 0.86 setrgbcolor")
            k = 0
            while k < len(pg):
                y = ytop - (k + 3) * lead + lead * 0.75
                ps.append(f"{x0 - 6:.2f} {y:.2f} {comp.W * cw + 12:.2f} {lead * 3:.2f} rectfill")
                k += 6
            ps.append("0.8 setgray")
            yy = 20
            while yy < ph - 10:
                ps.append(f"newpath 9 {yy} 3.5 0 360 arc fill newpath {pw - 9} {yy} 3.5 0 360 arc fill")
                yy += 36
            ps.append("grestore")
        if o["head_style"] == "preprinted" and i == 1:
            lines = [sup["street"] + " - " + sup["cityline"], f"{comp.lab['phone']} {sup['phone']}  {sup['email']}"]
            if o["vat_where"] == "preprinted" and sup["vat"]:
                lines.append(f"{comp.lab['vat_id']} {sup['vat']}")
            ps.append(f"/HB findfont 16 scalefont setfont {x0:.2f} {ph - margin - 16:.2f} moveto {_ps_str(sup['name'])} show")
            y = ph - margin - 30
            for t in lines:
                ps.append(f"/HR findfont 8 scalefont setfont {x0:.2f} {y:.2f} moveto {_ps_str(t)} show")
                y -= 10
            ps.append(f"0.5 setlinewidth {x0:.2f} {y + 4:.2f} moveto {pw - x0:.2f} {y + 4:.2f} lineto stroke")
        for k, line in enumerate(pg):
            if not text_of(line).strip():
                continue
            y = ytop - k * lead
            x = x0
            for t, b in line:
                if t.strip():
                    lead_sp = len(t) - len(t.lstrip(" "))
                    core = t.rstrip(" ").lstrip(" ")
                    ps.append(f"{'fb' if b else 'fr'} {x + lead_sp * cw:.2f} {y:.2f} moveto {_ps_str(core)} show")
                x += len(t) * cw
        ps.append("showpage")
    ps.append("%%EOF")
    src = work / f"{out_pdf.stem}.ps"
    src.write_bytes(("\n".join(ps) + "\n").encode("latin-1", errors="strict"))
    _run(["ps2pdf", "-dAutoRotatePages=/None", str(src), str(out_pdf)])


def _groff_esc(s: str) -> str:
    s = s.replace("\\", "\\e")
    s = s.replace("€", "\\[Eu]")
    return s


def _groffmono(d, pages, media, size, lead, margin, out_pdf, work):
    pw, ph = PAPER[media]
    src = [f".pl {ph}p", f".po {margin * 0.6:.0f}p", f".ll {pw - margin:.0f}p", ".nf", ".ft CR", f".ps {size}", f".vs {lead}p",
           f".sp |{margin}p"]
    for i, pg in enumerate(pages):
        if i:
            src.append(".bp")
            src.append(f".sp |{margin}p")
        for line in pg:
            s = ""
            for t, b in line:
                e = _groff_esc(t)
                s += f"\\f[CB]{e}\\f[CR]" if b and t.strip() else e
            s = s.rstrip()
            if s.startswith((".", "'")):
                s = "\\&" + s
            src.append(s)
    path = work / f"{out_pdf.stem}.tr"
    path.write_text("\n".join(src) + "\n", encoding="utf-8")
    paper = "a4" if media == "A4" else "letter"
    r = _run(["groff", "-Kutf-8", "-Tpdf", f"-P-p{paper}", str(path)])
    out_pdf.write_bytes(r.stdout)
