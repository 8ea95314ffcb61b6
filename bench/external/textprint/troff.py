"""troff family: invoices typeset by groff (-ms or -mom) with tbl tables, printed by gropdf (groff -Tpdf)."""

from __future__ import annotations

import io
import os
import random
import subprocess
from pathlib import Path

from pypdf import PdfReader

PAGE_WORD = {"en": ("Page", "of"), "de": ("Seite", "von"), "fr": ("Page", "sur"), "nl": ("Pagina", "van"),
             "it": ("Pagina", "di"), "es": ("Página", "de")}
ORDER_DATE = {"en": "of", "de": "vom", "fr": "du", "nl": "van", "it": "del", "es": "de"}
FONTS = {"T": "Times", "H": "Helvetica", "P": "Palatino", "N": "New Century Schoolbook"}
SKONTO = "Bei Zahlung bis {d} gewähren wir {p} % Skonto."


def esc(s: str) -> str:
    """Text for a troff input line (or a tbl cell)."""
    s = s.replace("\\", "\\e")
    if s.startswith((".", "'")):
        s = "\\&" + s
    return s


def nalign(s: str, dec: str) -> str:
    """Mark the decimal separator as tbl's alignment point for `n` columns."""
    i = s.rfind(dec)
    if i < 0 or not any(c.isdigit() for c in s[i + 1:i + 2]):
        return s
    return s[:i] + "\\&" + s[i:]


class Doc:
    def __init__(self, d: dict, rng: random.Random):
        self.d, self.rng, self.F = d, rng, d["F"]
        self.lab = d["lab"]
        o = {}
        o["macro"] = d["pipeline"]
        o["fam"] = rng.choice(["T", "T", "H", "H", "P"])
        o["size"] = rng.choice([9, 10, 10, 11])
        o["layout"] = rng.choice(["letter", "boxed", "din"])
        o["table_box"] = rng.choice(["box", "allbox", "doublebox", "rules", "rules"])
        o["info"] = rng.choice(["table2", "table2", "strip", "colon"])
        o["head_align"] = rng.choice(["left", "centre", "right"])
        o["pos_col"] = rng.random() < 0.5
        o["unit_col"] = rng.random() < 0.7
        o["rate_col"] = d["multi_rate"] and rng.random() < 0.6 or (not d["us"] and rng.random() < 0.15)
        o["summary"] = (rng.random() < 0.8) if d["multi_rate"] else (not d["us"] and rng.random() < 0.3)
        o["summary_gross"] = rng.random() < 0.4
        o["repeat_head"] = o["macro"] == "ms" and rng.random() < 0.7
        o["page_of"] = rng.random() < 0.6
        o["title_with_number"] = rng.random() < 0.35
        o["due_in_info"] = rng.random() < 0.6
        o["po_in_info"] = rng.random() < 0.6
        o["vat_where"] = rng.choice(["head", "head", "foot"])
        o["totals_box"] = rng.random() < 0.4
        o["totals_rule"] = rng.choice(["short", "full"])
        o["bank"] = rng.random() < 0.7
        o["thanks"] = rng.random() < 0.5
        o["margin_cm"] = rng.choice([1.8, 2.0, 2.5])
        o["cur_heading"] = d["cur_in_heading"]
        o["bill_label"] = rng.random() < 0.6
        self.o = o
        self.shrink = 0.0

    # ------------------------------------------------------------------ pieces
    def title(self) -> str:
        d, lab = self.d, self.lab
        t = lab["credit"] if d["credit"] else lab["invoice"]
        return t

    def info_pairs(self) -> list:
        d, F, lab, o = self.d, self.F, self.lab, self.o
        pairs = []
        if not o["title_with_number"]:
            pairs.append((lab["cred_no"] if d["credit"] else lab["inv_no"], d["number"]))
        pairs.append((lab["date"], F.date(d["date"])))
        if d["customer"]["no"]:
            pairs.append((lab["cust_no"], d["customer"]["no"]))
        if d["pos"] and o["po_in_info"]:
            pairs.append((lab["po"], ", ".join(d["pos"])))
        if d["deliv_no"]:
            pairs.append((lab["deliv"], d["deliv_no"]))
        if d["deliv_date"]:
            pairs.append((lab["deliv_date"], F.date(d["deliv_date"])))
        if d["due"] and o["due_in_info"]:
            pairs.append((lab["due"], F.date(d["due"])))
        if d["customer"]["vat"]:
            pairs.append((lab["cust_vat"], d["customer"]["vat"]))
        return pairs

    def letterhead(self) -> list:
        sup, lab, o = self.d["supplier"], self.lab, self.o
        lines = [f"\\s+6\\fB{esc(sup['name'])}\\fP\\s0", esc(sup["street"]), esc(sup["cityline"]),
                 esc(f"{lab['phone']} {sup['phone']} \\(bu {sup['email']}").replace("\\e(bu", "\\(bu")]
        if sup["vat"] and o["vat_where"] == "head":
            lines.append(esc(f"{lab['vat_id']} {sup['vat']}"))
        out = []
        if o["head_align"] == "centre":
            out.append(f".ce {len(lines)}")
        elif o["head_align"] == "right":
            out.append(f".rj {len(lines)}")
        for ln in lines:
            out.append(ln)
            if o["head_align"] == "left":
                out.append(".br")
        return out

    def address_lines(self) -> list:
        c = self.d["customer"]
        lines = [c["name"]] + ([c["attn"]] if c["attn"] else []) + [c["street"], c["cityline"]]
        return [esc(x) for x in lines]

    def tbl_opts(self, box: str | None) -> str:
        opts = ["tab(|)"]
        if box in ("box", "allbox", "doublebox"):
            opts.insert(0, box)
        return " ".join(opts) + ";"

    def head_block(self) -> list:
        d, lab, o = self.d, self.lab, self.o
        out = []
        out += self.letterhead()
        out.append(".sp 1.5")
        addr = self.address_lines()
        plain_addr = [c for c in [d["customer"]["name"], d["customer"]["attn"], d["customer"]["street"],
                                  d["customer"]["cityline"]] if c]
        if o["layout"] == "din":  # the sender line above the window address, in small italics
            sup = d["supplier"]
            out.append(f"\\s-3\\fI{esc(sup['name'])} \\(bu {esc(sup['street'])} \\(bu {esc(sup['cityline'])}\\fP\\s0")
            out.append(".br")
        if o["info"] == "table2":
            raw = self.info_pairs()
            pairs = [(esc(k), esc(v)) for k, v in raw]
            if o["bill_label"] and o["layout"] != "din":
                addr = [f"\\fB{esc(lab['bill_to'])}\\fP"] + addr
                plain_addr = [lab["bill_to"]] + plain_addr
            addr_w = max(self.est_w(a) for a in plain_addr) * 1.05 + 0.4
            info_w = max(self.est_w(k) for k, _ in raw) + max(self.est_w(v) for _, v in raw) + 1.2
            line = self.line_cm() - 0.4
            if addr_w + info_w <= line:
                n = max(len(addr), len(pairs))
                out += [".TS", self.tbl_opts(None), f"lw({line - info_w:.1f}c) l l."]
                for i in range(n):
                    a = addr[i] if i < len(addr) else ""
                    k, v = pairs[i] if i < len(pairs) else ("", "")
                    out.append(f"{a}|{k}|{v}")
                out.append(".TE")
            else:  # no room side by side: the address, then the data
                out += [".nf"] + addr + [".fi", ".sp 0.5", ".TS", self.tbl_opts(None), "l l."]
                out += [f"{k}|{v}" for k, v in pairs]
                out.append(".TE")
        else:
            out.append(".nf")
            out += addr
            out.append(".fi")
            out.append(".sp")
            pairs = self.info_pairs()
            if o["info"] == "strip":
                ll = self.line_cm() - 0.5
                chunks, cur, used = [], [], 0.0
                for k, v in pairs:
                    w = max(self.est_w(k) * 1.12, self.est_w(v)) + 0.6
                    if cur and used + w > ll:
                        chunks.append(cur)
                        cur, used = [], 0.0
                    cur.append((k, v))
                    used += w
                chunks.append(cur)
                for ch in chunks:
                    out += [".TS", "allbox tab(|);", " ".join(["lb"] * len(ch)), " ".join(["l"] * len(ch)) + "."]
                    out.append("|".join(esc(k) for k, _ in ch))
                    out.append("|".join(esc(v) for _, v in ch))
                    out.append(".TE")
            else:
                out.append(".nf")
                for k, v in pairs:
                    out.append(esc(f"{k}: {v}"))
                out.append(".fi")
        out.append(".sp 1.2")
        title = self.title()
        if o["title_with_number"]:
            no_label = lab["cred_no"] if d["credit"] else lab["inv_no"]
            out.append(f"\\s+4\\fB{esc(title)}\\fP\\s0    \\fB{esc(no_label)} {esc(d['number'])}\\fP")
        else:
            out.append(f"\\s+4\\fB{esc(title)}\\fP\\s0")
        out.append(".br")
        out.append(".sp 0.5")
        F = self.F
        extra = []
        if d["pos"] and not o["po_in_info"]:
            extra.append(f"{lab['po']}: {', '.join(d['pos'])}")
        if d["orig"]:
            extra.append(F.text(lab["credit_ref"].format(n=d["orig"][0], d=F.date(d["orig"][1]))))
        if d["cur_style"] == "none" and not o["cur_heading"]:
            extra.append(lab["amounts_in"].format(c=d["currency"]))
        for x in extra:
            out.append(esc(x))
            out.append(".br")
        if extra:
            out.append(".sp 0.5")
        return out

    def line_cm(self) -> float:
        return (21.59 if self.d["us"] else 21.0) - 2 * self.o["margin_cm"]

    def est_w(self, s: str) -> float:
        """Rough width of a string in cm at the document's size (proportional fonts ~0.52 em a char)."""
        em = {"T": 0.5, "H": 0.55, "P": 0.55, "N": 0.56}[self.o["fam"]]
        return len(s) * self.o["size"] * em / 72 * 2.54

    def item_table(self) -> list:
        d, F, lab, o = self.d, self.F, self.lab, self.o
        dec = d["dec"]
        cols = []
        if o["pos_col"]:
            cols.append(("pos", lab["pos"], "r"))
        if d["with_codes"]:
            cols.append(("code", lab["code"], "l"))
        cols.append(("desc", lab["desc"], "l"))
        cols.append(("qty", lab["qty"], "n"))
        if o["unit_col"]:
            cols.append(("unit", lab["unit"], "l"))
        cols.append(("price", lab["price"], "n"))
        if o["rate_col"]:
            cols.append(("rate", lab["vat"] if not d["us"] else lab["tx"], "r"))
        amount_h = lab["amount"] + (f" ({d['currency']})" if o["cur_heading"] else "")
        cols.append(("amount", amount_h, "n"))
        d["codes_printed"] = d["with_codes"]
        rows = []
        pos = 0
        for it in d["items"]:
            r = {}
            if it["kind"] != "discount":
                pos += 1
                r["pos"] = str(pos)
            r["code"] = it["code"] or "" if it["kind"] != "discount" else ""
            r["desc"] = it["desc"]
            if it["kind"] != "discount":
                q = F.qty(it["qty"])
                r["qty"] = q if o["unit_col"] else f"{q} {it['unit']}"
                r["unit"] = it["unit"]
                r["price"] = F.price(it["price"])
                r["rate"] = F.rate(it["rate"]) if not d["us"] else ("T" if it["taxable"] else "")
            r["amount"] = F.amt(it["total"])
            rows.append(r)
        # widths: every column but the description at its natural width; the description gets the rest
        ll = self.line_cm()
        sep = 3 * o["size"] * 0.5 / 72 * 2.54
        other = 0.0
        for key, head, _ in cols:
            if key == "desc":
                continue
            w = max([self.est_w(head)] + [self.est_w(r.get(key, "")) for r in rows])
            other += w + sep
        desc_w = ll - other - sep - 0.3 - self.shrink
        if desc_w < 3.0:
            for opt in ("pos_col", "rate_col", "unit_col"):
                if o[opt]:
                    o[opt] = False
                    return self.item_table()
            if o["size"] > 8 or o["margin_cm"] > 1.8:
                o["size"] = max(8, o["size"] - 1)
                o["margin_cm"] = 1.8
                return self.item_table()
            raise ValueError(f"item table too wide (desc {desc_w:.1f} cm)")
        desc_w = min(desc_w, max(4.0, max(self.est_w(r["desc"]) for r in rows) * 0.8))
        self.desc_w = desc_w
        spec_head = " ".join("cb" if a != "n" else "cb" for _, _, a in cols)
        spec_body = []
        for key, _, a in cols:
            if key == "desc":
                spec_body.append(f"lw({desc_w:.1f}c)")
            else:
                spec_body.append(a)
        box = o["table_box"]
        # a table longer than a page needs .TS H/.TH (otherwise groff drops it: "table will not fit on one page")
        head_rows = o["repeat_head"] or len(rows) > 10
        self.o["repeat_head"] = head_rows
        self.h_used = head_rows
        out = [".TS H" if head_rows else ".TS", self.tbl_opts(box), spec_head, " ".join(spec_body) + "."]
        out.append("|".join(esc(h) for _, h, _ in cols))
        if box != "allbox":
            out.append("_")
        if head_rows:
            out.append(".TH")
        for r in rows:
            cells = []
            for key, _, a in cols:
                v = r.get(key, "")
                if key == "desc":
                    # a text block only where the description needs more than its column (as one writes tbl by hand)
                    cells.append("T{\n" + esc(v) + "\nT}" if self.est_w(v) > desc_w * 0.92 else esc(v))
                elif a == "n":
                    cells.append(nalign(esc(v), dec))
                else:
                    cells.append(esc(v))
            out.append("|".join(cells))
        if box == "rules":
            out.append("_")
        out.append(".TE")
        return out

    def totals(self) -> list:
        d, F, lab, o = self.d, self.F, self.lab, self.o
        dec = d["dec"]
        rows = []
        if d["discount"] and d["discount"]["kind"] == "totals":
            rows.append((lab["subtotal"], F.amt(d["subtotal"])))
            rows.append((f"{lab['discount']} {F.num(d['discount']['pct'], 0)}%", "-" + F.num(d["discount"]["amount"])))
        rows.append((lab["net"], F.amt(d["net"])))
        if d["us"]:
            rate, base, tax = d["vat_rows"][0]
            if d["us_taxable_mode"]:
                rows.append((lab["taxable"], F.amt(base)))
            rows.append((f"{lab['sales_tax']} {F.rate(rate)}", F.amt(tax)))
        elif not d["multi_rate"]:
            rate, base, tax = d["vat_rows"][0]
            rows.append((f"{lab['vat']} {F.rate(rate)}", F.amt(tax)))
        else:
            if not o["summary"]:
                for rate, base, tax in d["vat_rows"]:
                    rows.append((f"{lab['vat']} {F.rate(rate)}", F.amt(tax)))
            if d["tax_total_printed"]:
                rows.append((lab["vat_total"], F.amt(d["tax"])))
        glabel = lab["gross_credit"] if d["credit"] else lab["gross"]
        width = max(self.est_w(k) for k, _ in rows + [(glabel, "")]) + self.est_w(F.money(d["gross"])) + 1.5
        indent = max(0.0, self.line_cm() - width - 0.3)
        out = [".sp 0.5", f".in +{indent:.1f}c", ".TS", self.tbl_opts("box" if o["totals_box"] else None), "l n."]
        for i, (k, v) in enumerate(rows):
            out.append(f"{esc(k)}|{nalign(esc(v), dec)}")
            if i == 0:
                self._mom_th(out)
        out.append("|_" if o["totals_rule"] == "short" else "_")
        out.append(f"\\fB{esc(glabel)}\\fP|\\fB{nalign(esc(F.money(d['gross'])), dec)}\\fP")
        out.append(".TE")
        out.append(f".in -{indent:.1f}c")
        return out

    def _mom_th(self, out: list) -> None:
        """mom (groff 1.22.4) aborts with "'.TS with 'H' flag but no corresponding .TH" on any table that follows
        a .TS H table unless that table is a .TS H/.TH table too: turn this table into one."""
        if self.o["macro"] == "mom" and self.h_used:
            i = max(k for k, x in enumerate(out) if x == ".TS")
            out[i] = ".TS H"
            out.append(".TH")

    def summary(self) -> list:
        d, F, lab, o = self.d, self.F, self.lab, self.o
        dec = d["dec"]
        heads = [lab["rate"], lab["base"], lab["tax"]] + ([lab["gross"]] if o["summary_gross"] else [])
        out = [".sp 0.5", f"\\fB{esc(lab['summary'])}\\fP", ".br", ".TS", self.tbl_opts("box"),
               " ".join(["cb"] * len(heads)), " ".join(["n"] * len(heads)) + "."]
        out.append("|".join(esc(h) for h in heads))
        out.append("_")
        self._mom_th(out)
        for rate, base, tax in d["vat_rows"]:
            cells = [F.rate(rate), F.amt(base), F.amt(tax)] + ([F.amt(base + tax)] if o["summary_gross"] else [])
            out.append("|".join(nalign(esc(c), dec) for c in cells))
        out.append(".TE")
        return out

    def closing(self) -> list:
        d, F, lab, o = self.d, self.F, self.lab, self.o
        sup = d["supplier"]
        out = [".sp 1", ".LP" if o["macro"] == "ms" else ".PP"]
        lines = []
        if d["due"] and not o["due_in_info"]:
            lines.append(lab["terms_due"].format(due=F.date(d["due"])))
        if d["terms_printed"]:
            lines.append(lab["terms_net"].format(d=d["terms_days"]))
        if d["skonto"]:
            import datetime as dt
            lines.append(SKONTO.format(d=F.date(d["date"] + dt.timedelta(days=self.rng.choice([7, 8, 10]))),
                                       p=self.rng.choice(["2", "3"])))
        if o["thanks"]:
            lines.append(lab["thanks"])
        for x in lines:
            out.append(esc(x))
            out.append(".br")
        out.append(".sp 1")
        small = []
        if o["bank"]:
            if sup["iban"]:
                small.append(f"{lab['bank']}: IBAN {sup['iban']} \\(bu BIC {sup['bic']}")
            else:
                small.append(f"{lab['bank']}: ABA {sup['aba']} \\(bu Acct {sup['acct']}")
        foot = [sup["name"]]
        if sup["vat"] and o["vat_where"] == "foot":
            foot.append(f"{lab['vat_id']} {sup['vat']}")
        foot += sup["reg"]
        small.append(" \\(bu ".join(esc(x) for x in foot))
        out.append("\\s-2")
        for x in small:
            out.append(x.replace("\\", "\\") if "\\(bu" in x else esc(x))
            out.append(".br")
        out.append("\\s0")
        return out

    # ------------------------------------------------------------------ whole source
    def source(self, n_pages: int) -> str:
        d, o = self.d, self.o
        self.h_used = False
        body = self.head_block() + self.item_table() + (self.summary() if o["summary"] and not d["us"] else []) + \
            self.totals() + self.closing()
        word, of = PAGE_WORD[d["lang"]]
        if o["macro"] == "ms":
            pre = [f".nr PS {o['size']}", f".nr VS {o['size'] + 2}", f".nr LL {21.0 - 2 * o['margin_cm']:.1f}c",
                   f".nr PO {o['margin_cm']:.1f}c", ".nr HM 1.5c", ".nr FM 2.2c", ".nr HY 0", f".fam {o['fam']}",
                   ".ds CH", ".ds LH", ".ds RH"]
            if o["page_of"]:
                pre.append(f".ds CF \\s-1{word} \\\\n% {of} {n_pages}\\s0")
            else:
                pre.append(".ds CF \\s-1\\(en \\\\n% \\(en\\s0")
            pre += [".LP", ".nh", ".ad l"]
        else:
            paper = "LETTER" if d["us"] else "A4"
            pre = [".PRINTSTYLE TYPESET", f".PAPER {paper}", f".L_MARGIN {o['margin_cm']:.1f}c",
                   f".R_MARGIN {o['margin_cm']:.1f}c", ".T_MARGIN 1.8c", ".B_MARGIN 2.4c", f".FAMILY {o['fam']}",
                   f".PT_SIZE {o['size']}", f".LS {o['size'] + 2}", ".QUAD LEFT", ".HY OFF", ".HEADERS OFF", ".START", ".nh"]
        return "\n".join(pre + body) + "\n"


def render(d: dict, rng: random.Random, out_pdf: Path, work: Path) -> dict:
    doc = Doc(d, rng)
    paper = "letter" if d["us"] else "a4"
    macro = ["-ms"] if doc.o["macro"] == "ms" else ["-mom"]
    cmd = ["groff", "-Kutf-8", "-t", *macro, "-Tpdf", f"-dpaper={paper}", f"-P-p{paper}"]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1735689600")
    for attempt in range(12):  # tbl says when the table is wider than the line: narrow the description column
        src = doc.source(1)
        r = subprocess.run(cmd, input=src.encode("utf-8"), capture_output=True, env=env)
        if b"wider than" not in r.stderr:
            break
        doc.shrink += 0.6
        if attempt == 3:
            doc.o["pos_col"] = False
            doc.o["rate_col"] = False
        if attempt == 5:
            doc.o["unit_col"] = False
        if attempt >= 6 and doc.o["size"] > 8:
            doc.o["size"] -= 1
            doc.shrink = 0.0
    _check_run(r)
    pages = len(PdfReader(io.BytesIO(r.stdout)).pages)
    if pages > 1:
        src = doc.source(pages)
        r = subprocess.run(cmd, input=src.encode("utf-8"), capture_output=True, env=env)
        _check_run(r)
        if len(PdfReader(io.BytesIO(r.stdout)).pages) != pages:
            raise RuntimeError("page count changed between passes")
    out_pdf.write_bytes(r.stdout)
    (work / f"{out_pdf.stem}.{doc.o['macro']}").write_text(src, encoding="utf-8")
    style = dict(doc.o)
    style["font_family"] = FONTS[doc.o["fam"]]
    style["desc_width_cm"] = round(doc.desc_w, 1)
    style["narrowed_cm"] = round(doc.shrink, 1)
    return style


def _check_run(r):
    err = r.stderr.decode(errors="replace")
    if r.returncode != 0 or not r.stdout:
        raise RuntimeError(f"groff failed: {err[-800:]}")
    bad = [ln for ln in err.splitlines() if any(k in ln for k in ("wider than", "can't find", "not defined", "will not fit",
                                                                  "invalid", "error"))]
    if bad:
        raise RuntimeError("groff: " + "; ".join(bad[:3]))
