// render.go lays out the invoice jobs written by gen.py with github.com/jung-kurt/gofpdf (2.17, Debian's
// golang-github-jung-kurt-gofpdf-dev), one PDF per job. Every string is formatted by gen.py; this program
// only places it. Five layouts ("families"), written against gofpdf's public API after the look of
// invoices printed by Go invoicing tools, web shops and ERP back ends:
//
//	gig-boxes       a go-invoice-generator-like page: title and reference right, grey supplier/customer boxes,
//	                accent-filled table head, grey totals box
//	wholesale-grid  a wholesaler's back-office print: full grid (CellFormat border "1"), small type, VAT code
//	                letters or digits per line with a code legend and a code-keyed VAT summary
//	band-erp        an ERP letter with a coloured band, decimal-aligned amounts, the SKU under the description,
//	                "carried forward" / "brought forward" running totals at page breaks
//	webshop         a web-shop order invoice: bold product names with a grey SKU line, order number and payment
//	                method, light rules, totals with shipping, "paid" and amount due
//	service-log     a service supplier's invoice: one service date per line, serif type, centred letterhead,
//	                totals with dot leaders, technician and signature line
//
// Usage: render JOBS.json
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

type Party struct {
	Label string   `json:"label"`
	Lines []string `json:"lines"`
}

type Table struct {
	Head  []string   `json:"head"`
	Align []string   `json:"align"`
	Kind  []string   `json:"kind"`
	Rows  [][]string `json:"rows"`
	Sub   []string   `json:"sub"`
	Cum   []string   `json:"cum"`
}

type VatT struct {
	Title string     `json:"title"`
	Head  []string   `json:"head"`
	Rows  [][]string `json:"rows"`
}

type Font struct {
	Kind  string            `json:"kind"`
	Name  string            `json:"name"`
	Files map[string]string `json:"files"`
}

type Job struct {
	ID         string                 `json:"id"`
	Out        string                 `json:"out"`
	Family     string                 `json:"family"`
	Paper      string                 `json:"paper"`
	Lang       string                 `json:"lang"`
	Font       Font                   `json:"font"`
	Opts       map[string]interface{} `json:"opts"`
	Creation   int64                  `json:"creation"`
	Title      string                 `json:"title"`
	Number     string                 `json:"number"`
	NumLabel   string                 `json:"num_label"`
	Supplier   struct {
		Name    string   `json:"name"`
		Lines   []string `json:"lines"`
		Contact []string `json:"contact"`
		Legal   []string `json:"legal"`
	} `json:"supplier"`
	Meta       [][]string `json:"meta"`
	Parties    []Party    `json:"parties"`
	Table      Table      `json:"table"`
	Totals     [][]string `json:"totals"`
	Vat        *VatT      `json:"vat"`
	Notes      []string   `json:"notes"`
	Terms      []string   `json:"terms"`
	TermsLabel string     `json:"terms_label"`
	Bank       []string   `json:"bank"`
	BankLabel  string     `json:"bank_label"`
	Thanks     string     `json:"thanks"`
	NotesLabel string     `json:"notes_label"`
	Footer     []string   `json:"footer"`
	PageFmt    string     `json:"page_fmt"`
	Cont       string     `json:"cont"`
	Carried    string     `json:"carried"`
	Brought    string     `json:"brought"`
	FromLabel  string     `json:"from_label"`
	ToLabel    string     `json:"to_label"`
	Mentions   string     `json:"mentions"`
	Dp         string     `json:"dp"`
	Tech       string     `json:"tech"`
	Signature  string     `json:"signature"`
	Payment    []string   `json:"payment"`
	SenderLine string     `json:"sender_line"`
	PoLine     string     `json:"po_line"`
}

// R wraps a gofpdf document with the job's font and its text encoding (cp1252 for the core fonts).
type R struct {
	pdf    *gofpdf.Fpdf
	j      *Job
	tr     func(string) string
	family string
	core   bool
	pw, ph float64
	lm, rm float64
	bottom float64 // lowest y for content
	accent [3]int
}

func (r *R) enc(s string) string {
	if r.core {
		return r.tr(s)
	}
	return s
}

func (r *R) font(style string, size float64) {
	if !r.core && style == "BI" {
		style = "B"
	}
	r.pdf.SetFont(r.family, style, size)
}

// fit sets the font at size, smaller if s would be wider than w.
func (r *R) fit(style string, size float64, s string, w float64) {
	for {
		r.font(style, size)
		if size <= 8 || r.width(s) <= w {
			return
		}
		size -= 0.5
	}
}

func (r *R) width(s string) float64 { return r.pdf.GetStringWidth(r.enc(s)) }

func (r *R) cell(w, h float64, s, border string, ln int, align string, fill bool) {
	r.pdf.CellFormat(w, h, r.enc(s), border, ln, align, fill, 0, "")
}

func (r *R) cellAt(x, y, w, h float64, s, align string) {
	r.pdf.SetXY(x, y)
	r.cell(w, h, s, "", 0, align, false)
}

// wrap splits s into lines of at most w (cell margins included), encoded for the current font:
// SplitLines for the core fonts (cp1252 bytes), SplitText for UTF-8 fonts.
func (r *R) wrap(s string, w float64) []string {
	var out []string
	if r.core {
		for _, l := range r.pdf.SplitLines([]byte(r.tr(s)), w) {
			out = append(out, string(l))
		}
	} else {
		out = r.pdf.SplitText(s, w)
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

func (r *R) color(c [3]int) { r.pdf.SetTextColor(c[0], c[1], c[2]) }
func (r *R) black()         { r.pdf.SetTextColor(0, 0, 0) }
func (r *R) grey(g int)     { r.pdf.SetTextColor(g, g, g) }

func (r *R) ob(k string) bool {
	v, ok := r.j.Opts[k].(bool)
	return ok && v
}

func (r *R) os(k string) string {
	v, _ := r.j.Opts[k].(string)
	return v
}

func (r *R) pageText() string {
	s := strings.Replace(r.j.PageFmt, "{p}", fmt.Sprint(r.pdf.PageNo()), 1)
	return strings.Replace(s, "{n}", "{nb}", 1)
}

// need adds a page when h does not fit above the bottom limit; it reports whether it did.
func (r *R) need(h float64) bool {
	if r.pdf.GetY()+h > r.bottom {
		r.pdf.AddPage()
		return true
	}
	return false
}

// ------------------------------------------------------------------ item table
type TStyle struct {
	Size, LH, PadY   float64
	HeadFill         []int
	HeadText         []int
	HeadAlign        string // "center", "same" (as the cells), "left"
	HeadRules        bool
	HeadBottomRule   bool
	Grid             bool
	Rules            bool
	RuleGrey         int
	Zebra            []int
	RepeatHead       bool
	ContLine         bool // without a repeated head: a "continued" line on the next page
	Carry            bool
	DecAlign         bool
	DescBold         bool
	SubSize          float64
	HeadBold         bool
	MinDesc          float64
	MultiCellDesc    bool // the description drawn by MultiCell (its own wrapping) instead of line by line
}

type colw struct {
	w, left, right float64 // width, decimal-aligned parts
}

func (r *R) splitDec(s string) (string, string) {
	i := strings.LastIndex(s, r.j.Dp)
	if i < 0 {
		// no decimals (a whole quantity): right part is the suffix after the last digit
		k := len(s)
		for k > 0 && !(s[k-1] >= '0' && s[k-1] <= '9') {
			k--
		}
		return s[:k], s[k:]
	}
	return s[:i], s[i:]
}

func (r *R) colWidths(t *Table, st *TStyle, total float64) []colw {
	n := len(t.Kind)
	ws := make([]colw, n)
	m := r.pdf.GetCellMargin()
	desc := -1
	sum := 0.0
	for c := 0; c < n; c++ {
		if t.Kind[c] == "desc" {
			desc = c
			continue
		}
		r.font("B", st.Size)
		w := r.width(t.Head[c])
		r.font("", st.Size)
		dec := st.DecAlign && (t.Kind[c] == "price" || t.Kind[c] == "total" || t.Kind[c] == "qty")
		var ml, mr float64
		for _, row := range t.Rows {
			if dec {
				a, b := r.splitDec(row[c])
				ml = math.Max(ml, r.width(a))
				mr = math.Max(mr, r.width(b))
			} else {
				w = math.Max(w, r.width(row[c]))
			}
		}
		if dec {
			w = math.Max(w, ml+mr)
		}
		if st.Carry && t.Kind[c] == "total" { // the running totals are printed in this column too
			r.font("B", st.Size)
			for _, v := range t.Cum {
				w = math.Max(w, r.width(v))
			}
			r.font("", st.Size)
		}
		ws[c] = colw{w: w + 2*m + 1, left: ml, right: mr}
		sum += ws[c].w
	}
	if desc >= 0 {
		ws[desc].w = math.Max(total-sum, st.MinDesc)
	}
	return ws
}

func (r *R) drawHead(t *Table, st *TStyle, ws []colw, x0 float64) {
	p := r.pdf
	y := p.GetY()
	if st.HeadBold {
		r.font("B", st.Size)
	} else {
		r.font("", st.Size)
	}
	h := st.LH + 2*st.PadY + 1
	tw := 0.0
	for _, c := range ws {
		tw += c.w
	}
	fill := st.HeadFill != nil
	if fill {
		p.SetFillColor(st.HeadFill[0], st.HeadFill[1], st.HeadFill[2])
		p.Rect(x0, y, tw, h, "F")
	}
	if st.HeadText != nil {
		p.SetTextColor(st.HeadText[0], st.HeadText[1], st.HeadText[2])
	}
	x := x0
	for c, head := range t.Head {
		al := t.Align[c]
		switch st.HeadAlign {
		case "center":
			al = "C"
		case "left":
			al = "L"
		}
		border := ""
		if st.Grid {
			border = "1"
		}
		p.SetXY(x, y)
		r.cell(ws[c].w, h, head, border, 0, al, false)
		x += ws[c].w
	}
	r.black()
	if st.HeadRules {
		p.Line(x0, y, x0+tw, y)
	}
	if st.HeadRules || st.HeadBottomRule {
		p.Line(x0, y+h, x0+tw, y+h)
	}
	p.SetXY(x0, y+h)
}

// drawItems draws the item table at the current y, breaking pages by itself (auto page break is off).
func (r *R) drawItems(st *TStyle, x0, tw float64) {
	p := r.pdf
	t := &r.j.Table
	ws := r.colWidths(t, st, tw)
	if st.Grid {
		p.SetLineWidth(0.15)
	}
	r.drawHead(t, st, ws, x0)
	m := p.GetCellMargin()
	totalCol := -1
	for c, k := range t.Kind {
		if k == "total" {
			totalCol = c
		}
	}
	carryLine := func(label, amount string) {
		y := p.GetY()
		r.font("I", st.Size)
		xt := x0
		for c := 0; c < totalCol; c++ {
			xt += ws[c].w
		}
		r.cellAt(x0, y+0.5, xt-x0, st.LH, label, "R")
		r.font("B", st.Size)
		r.cellAt(xt, y+0.5, ws[totalCol].w, st.LH, amount, "R")
		p.Line(x0, y+0.3, x0+tw, y+0.3)
		p.SetXY(x0, y+st.LH+1.5)
	}
	for i, row := range t.Rows {
		descW := 0.0
		descC := -1
		for c, k := range t.Kind {
			if k == "desc" {
				descC = c
				descW = ws[c].w
			}
		}
		if st.DescBold {
			r.font("B", st.Size)
		} else {
			r.font("", st.Size)
		}
		var lines []string
		if descC >= 0 {
			lines = r.wrap(row[descC], descW)
		}
		nl := float64(len(lines))
		if nl < 1 {
			nl = 1
		}
		sub := ""
		if i < len(t.Sub) {
			sub = t.Sub[i]
		}
		h := nl*st.LH + 2*st.PadY
		if sub != "" {
			h += st.SubSize * 0.45
		}
		reserve := 0.0
		if st.Carry && totalCol >= 0 {
			reserve = st.LH + 2
		}
		if p.GetY()+h > r.bottom-reserve {
			if st.Carry && i > 0 && totalCol >= 0 {
				carryLine(r.j.Carried, t.Cum[i-1])
			}
			p.AddPage()
			p.SetX(x0)
			if st.RepeatHead {
				r.drawHead(t, st, ws, x0)
			} else if st.ContLine {
				r.font("I", st.Size-0.5)
				r.grey(90)
				r.cellAt(x0, p.GetY(), tw, st.LH+1, r.j.Title+" "+r.j.Number+" ("+r.j.Cont+")", "L")
				r.black()
				p.SetXY(x0, p.GetY()+st.LH+2)
			}
			if st.Carry && i > 0 && totalCol >= 0 {
				carryLine(r.j.Brought, t.Cum[i-1])
			}
		}
		y := p.GetY()
		if st.Zebra != nil && i%2 == 1 {
			p.SetFillColor(st.Zebra[0], st.Zebra[1], st.Zebra[2])
			p.Rect(x0, y, tw, h, "F")
		}
		x := x0
		for c, v := range row {
			w := ws[c].w
			if st.Grid {
				p.Rect(x, y, w, h, "D")
			}
			if c == descC {
				if st.DescBold {
					r.font("B", st.Size)
				} else {
					r.font("", st.Size)
				}
				if st.MultiCellDesc {
					p.SetXY(x, y+st.PadY)
					p.MultiCell(w, st.LH, r.enc(v), "", "L", false)
				} else {
					for k, l := range lines {
						p.SetXY(x, y+st.PadY+float64(k)*st.LH)
						p.CellFormat(w, st.LH, l, "", 0, "L", false, 0, "")
					}
				}
				if sub != "" {
					r.font("", st.SubSize)
					r.grey(110)
					r.cellAt(x, y+st.PadY+nl*st.LH-0.3, w, st.SubSize*0.45, sub, "L")
					r.black()
				}
				r.font("", st.Size)
			} else {
				r.font("", st.Size)
				k := t.Kind[c]
				if st.DecAlign && (k == "price" || k == "total" || k == "qty") {
					a, _ := r.splitDec(v)
					xd := x + w - m - ws[c].right
					xs := xd - r.width(a)
					p.SetXY(xs-m, y+st.PadY)
					r.cell(r.width(v)+2*m, st.LH, v, "", 0, "L", false)
				} else {
					p.SetXY(x, y+st.PadY)
					r.cell(w, st.LH, v, "", 0, t.Align[c], false)
				}
			}
			x += w
		}
		if st.Rules {
			p.SetDrawColor(st.RuleGrey, st.RuleGrey, st.RuleGrey)
			p.Line(x0, y+h, x0+tw, y+h)
			p.SetDrawColor(0, 0, 0)
		}
		p.SetXY(x0, y+h)
	}
	p.SetLineWidth(0.2)
}

// ------------------------------------------------------------------ small blocks
// kvTable draws label/value rows with the values right-aligned at x+w (the totals).
type KV struct {
	Size, LH     float64
	Leaders      bool
	Fill         []int
	Border       bool
	BigFill      []int
	BigText      []int
	RuleBeforeBig bool
	DoubleUnder  bool
}

func (r *R) totalsBlock(rows [][]string, x, w float64, k KV) {
	p := r.pdf
	r.font("B", k.Size)
	vw := 0.0
	for _, row := range rows {
		vw = math.Max(vw, r.width(row[1]))
	}
	vw += 2*p.GetCellMargin() + 2
	lw := 0.0
	for _, row := range rows {
		lw = math.Max(lw, r.width(row[0]))
	}
	if need := lw + vw + 2*p.GetCellMargin() + 3; need > w { // long labels widen the block to the left
		x -= need - w
		w = need
	}
	h := float64(len(rows))*k.LH + 2
	r.need(h + 2)
	y := p.GetY()
	if k.Fill != nil {
		p.SetFillColor(k.Fill[0], k.Fill[1], k.Fill[2])
		p.Rect(x, y, w, h, "F")
	}
	y += 1
	for _, row := range rows {
		big := len(row) > 2 && row[2] == "big"
		bold := big || (len(row) > 2 && row[2] == "B")
		if big && k.RuleBeforeBig {
			p.Line(x, y, x+w, y)
		}
		if big && k.BigFill != nil {
			p.SetFillColor(k.BigFill[0], k.BigFill[1], k.BigFill[2])
			p.Rect(x, y, w, k.LH, "F")
		}
		if big && k.BigText != nil {
			p.SetTextColor(k.BigText[0], k.BigText[1], k.BigText[2])
		}
		st := ""
		if bold {
			st = "B"
		}
		r.font(st, k.Size)
		label := row[0]
		if k.Leaders {
			dot := r.width(".")
			room := w - vw - r.width(label+" ") - 2*p.GetCellMargin()
			if n := int(room / dot); n > 2 {
				label += " " + strings.Repeat(".", n)
			}
		}
		border := ""
		if k.Border {
			border = "1"
		}
		p.SetXY(x, y)
		r.cell(w-vw, k.LH, label, border, 0, "L", false)
		r.cell(vw, k.LH, row[1], border, 0, "R", false)
		r.black()
		y += k.LH
		if big && k.DoubleUnder {
			p.Line(x+w-vw, y, x+w, y)
			p.Line(x+w-vw, y+0.6, x+w, y+0.6)
		}
	}
	p.SetXY(r.lm, y+1)
}

// gridTable draws a small table (VAT summary) with given alignment, returning its height.
func (r *R) smallTable(x, y float64, head []string, rows [][]string, size, lh float64, grid bool, headFill []int) float64 {
	p := r.pdf
	n := len(head)
	ws := make([]float64, n)
	m := p.GetCellMargin()
	r.font("B", size)
	for c := 0; c < n; c++ {
		ws[c] = r.width(head[c])
	}
	r.font("", size)
	for _, row := range rows {
		for c := 0; c < n; c++ {
			ws[c] = math.Max(ws[c], r.width(row[c]))
		}
	}
	border := ""
	if grid {
		border = "1"
	}
	p.SetXY(x, y)
	r.font("B", size)
	for c := 0; c < n; c++ {
		ws[c] += 2*m + 2
		r.cell(ws[c], lh, head[c], border, 0, "C", headFill != nil)
	}
	yy := y + lh
	if !grid {
		tw := 0.0
		for _, w := range ws {
			tw += w
		}
		p.Line(x, yy, x+tw, yy)
	}
	r.font("", size)
	for _, row := range rows {
		p.SetXY(x, yy)
		for c := 0; c < n; c++ {
			al := "R"
			if c == 0 {
				al = "C"
			}
			r.cell(ws[c], lh, row[c], border, 0, al, false)
		}
		yy += lh
	}
	return yy - y
}

func (r *R) lines(x float64, lines []string, size, lh float64, style string, w float64, align string) {
	p := r.pdf
	r.font(style, size)
	for _, l := range lines {
		p.SetX(x)
		r.cell(w, lh, l, "", 2, align, false)
	}
}

// paragraph prints wrapped text with MultiCell.
func (r *R) para(x, w float64, s string, size, lh float64, style string) {
	p := r.pdf
	r.font(style, size)
	n := float64(len(r.wrap(s, w)))
	r.need(n*lh + 1)
	p.SetX(x)
	p.MultiCell(w, lh, r.enc(s), "", "L", false)
}

func (r *R) closing(x, w, size, lh float64, titles bool) {
	p := r.pdf
	for _, n := range r.j.Notes {
		r.para(x, w, n, size, lh, "")
	}
	if len(r.j.Terms) > 0 {
		p.Ln(1.5)
		if titles {
			r.para(x, w, r.j.TermsLabel, size, lh, "B")
		}
		for _, t := range r.j.Terms {
			r.para(x, w, t, size, lh, "")
		}
	}
	p.Ln(1.5)
	r.need(float64(len(r.j.Bank)+1) * lh)
	if titles {
		r.para(x, w, r.j.BankLabel, size, lh, "B")
		r.lines(x, r.j.Bank, size, lh, "", w, "L")
	} else {
		r.para(x, w, r.j.BankLabel+": "+strings.Join(r.j.Bank, ", "), size, lh, "")
	}
	if r.j.Mentions != "" {
		p.Ln(1.5)
		r.para(x, w, r.j.Mentions, size-1, lh-0.5, "I")
	}
}

// ------------------------------------------------------------------ family: gig-boxes
func gigBoxes(r *R) {
	p := r.pdf
	j := r.j
	a := r.accent
	p.SetMargins(10, 10, 10)
	r.lm, r.rm = 10, 10
	r.bottom = r.ph - 22
	cw := r.pw - 20
	p.SetHeaderFunc(func() {
		if p.PageNo() == 1 {
			return
		}
		r.font("B", 9)
		r.color(a)
		r.cellAt(10, 8, cw/2, 5, j.Supplier.Name, "L")
		r.black()
		r.font("", 9)
		r.cellAt(10+cw/2, 8, cw/2, 5, j.Title+" "+j.Number, "R")
		p.SetXY(10, 17)
	})
	p.SetFooterFunc(func() {
		r.font("", 7.5)
		r.grey(120)
		r.cellAt(10, r.ph-16, cw, 4, j.Footer[0], "C")
		r.cellAt(10, r.ph-12.5, cw, 4, j.Footer[1], "C")
		r.font("", 8)
		r.cellAt(10, r.ph-8.5, cw, 4, r.pageText(), "R")
		r.black()
	})
	p.AddPage()
	// name as the logo, title and reference block
	titleRight := r.ob("title_right")
	r.fit("B", 18, j.Supplier.Name, cw*0.5)
	r.color(a)
	r.cellAt(10, 10, cw*0.6, 10, j.Supplier.Name, "L")
	r.black()
	tx, al := 10+cw*0.45, "R"
	ty := 10.0
	if !titleRight {
		tx, al, ty = 10, "L", 22
	}
	r.fit("B", 20, j.Title, cw*0.45)
	r.cellAt(tx, ty, cw*0.55, 10, j.Title, al)
	y := ty + 11
	r.font("", 9)
	for _, kv := range j.Meta {
		r.cellAt(tx, y, cw*0.55, 4.6, kv[0]+": "+kv[1], al)
		y += 4.6
	}
	y = math.Max(y, 40) + 4
	// boxes
	bw := (cw - 8) / 2
	sup := append([]string{}, j.Supplier.Lines...)
	sup = append(sup, j.Supplier.Contact[0], j.Supplier.Contact[1])
	sup = append(sup, j.Supplier.Legal...)
	bill := j.Parties[0].Lines
	nl := math.Max(float64(len(sup)), float64(len(bill)))
	bh := 10 + nl*4.3 + 2
	for k, x := range []float64{10, 10 + bw + 8} {
		if r.ob("box_fill") {
			p.SetFillColor(240, 240, 240)
			p.Rect(x, y, bw, bh, "F")
		} else {
			p.SetDrawColor(190, 190, 190)
			p.Rect(x, y, bw, bh, "D")
			p.SetDrawColor(0, 0, 0)
		}
		r.font("B", 8)
		r.grey(110)
		lab := j.FromLabel
		if k == 1 {
			lab = j.ToLabel
		}
		r.cellAt(x+2, y+1.5, bw-4, 4, strings.ToUpper(lab), "L")
		r.black()
		r.font("B", 10)
		name := j.Supplier.Name
		ls := sup
		if k == 1 {
			name, ls = bill[0], bill[1:]
		}
		r.cellAt(x+2, y+6, bw-4, 5, name, "L")
		r.font("", 9)
		yy := y + 11
		for _, l := range ls {
			r.cellAt(x+2, yy, bw-4, 4.3, l, "L")
			yy += 4.3
		}
	}
	y += bh + 3
	if len(j.Parties) > 1 {
		r.font("B", 8.5)
		r.cellAt(10+bw+8, y, bw, 4.3, j.Parties[1].Label+":", "L")
		r.font("", 8.5)
		y += 4.3
		for _, l := range j.Parties[1].Lines {
			r.cellAt(10+bw+8, y, bw, 4.2, l, "L")
			y += 4.2
		}
		y += 2
	}
	p.SetXY(10, y+3)
	st := &TStyle{Size: 9, LH: 4.6, PadY: 1.3, HeadFill: []int{a[0], a[1], a[2]}, HeadText: []int{255, 255, 255},
		HeadAlign: r.os("head_align"), HeadBold: true, RepeatHead: r.ob("repeat_head"), ContLine: !r.ob("repeat_head"),
		MinDesc: 50, MultiCellDesc: r.ob("multicell")}
	if r.ob("zebra") {
		st.Zebra = []int{245, 245, 245}
	} else {
		st.Rules, st.RuleGrey = true, 210
	}
	r.drawItems(st, 10, cw)
	p.Ln(4)
	// VAT summary left, totals box right
	tw := 80.0
	k := KV{Size: 9.5, LH: 6, Fill: []int{240, 240, 240}, BigFill: []int{a[0], a[1], a[2]}, BigText: []int{255, 255, 255}}
	hTot := float64(len(j.Totals))*6 + 2
	hVat := 0.0
	if j.Vat != nil {
		hVat = float64(len(j.Vat.Rows)+2)*5 + 2
	}
	r.need(math.Max(hTot, hVat) + 3)
	y0 := p.GetY()
	if j.Vat != nil {
		r.font("B", 8.5)
		r.cellAt(10, y0, 80, 5, j.Vat.Title, "L")
		r.smallTable(10, y0+5, j.Vat.Head, j.Vat.Rows, 8, 5, false, nil)
	}
	p.SetY(y0)
	r.totalsBlock(j.Totals, 10+cw-tw, tw, k)
	p.SetY(math.Max(p.GetY(), y0+hVat) + 4)
	r.closing(10, cw, 8.5, 4.2, true)
	if j.Thanks != "" {
		p.Ln(3)
		r.para(10, cw, j.Thanks, 9, 4.5, "I")
	}
}

// ------------------------------------------------------------------ family: wholesale-grid
func wholesaleGrid(r *R) {
	p := r.pdf
	j := r.j
	p.SetMargins(8, 8, 8)
	r.lm, r.rm = 8, 8
	r.bottom = r.ph - 20
	cw := r.pw - 16
	size := 8.5
	if r.ob("small") {
		size = 7.5
	}
	if r.j.Font.Name == "Courier" || r.j.Font.Name == "Liberation Mono" {
		size -= 0.5
	}
	p.SetHeaderFunc(func() {
		if p.PageNo() == 1 {
			return
		}
		r.font("B", size+1)
		r.cellAt(8, 7, cw/2, 5, j.Supplier.Name, "L")
		r.font("", size)
		r.cellAt(8+cw/2, 7, cw/2, 5, j.NumLabel+" "+j.Number+" - "+j.Meta[1][1], "R")
		p.Line(8, 13, 8+cw, 13)
		p.SetXY(8, 15)
	})
	p.SetFooterFunc(func() {
		p.Line(8, r.ph-17, 8+cw, r.ph-17)
		r.font("", size-1)
		r.grey(80)
		r.cellAt(8, r.ph-16, cw*0.8, 3.6, j.Footer[0], "L")
		r.cellAt(8, r.ph-12.4, cw*0.8, 3.6, j.Footer[1], "L")
		r.font("B", size)
		r.black()
		r.cellAt(8+cw*0.7, r.ph-16, cw*0.3, 4, r.pageText(), "R")
	})
	p.AddPage()
	r.fit("B", 15, j.Supplier.Name, cw*0.5)
	r.cellAt(8, 8, cw*0.55, 7, j.Supplier.Name, "L")
	r.font("", size)
	y := 15.5
	for _, l := range append(append([]string{}, j.Supplier.Lines...), j.Supplier.Contact...) {
		r.cellAt(8, y, cw*0.55, 3.8, l, "L")
		y += 3.8
	}
	for _, l := range j.Supplier.Legal {
		r.cellAt(8, y, cw*0.55, 3.8, l, "L")
		y += 3.8
	}
	// document box right
	bx := 8 + cw*0.52
	bw := cw * 0.48
	r.fit("B", 13, strings.ToUpper(j.Title), bw-4)
	r.cellAt(bx, 8, bw, 7, strings.ToUpper(j.Title), "R")
	yb := 17.0
	if r.ob("header_grid") {
		n := len(j.Meta)
		per := 3
		if n > 6 {
			per = 4
		}
		cwid := bw / float64(per)
		for i, kv := range j.Meta {
			cx := bx + float64(i%per)*cwid
			cy := yb + float64(i/per)*9
			p.Rect(cx, cy, cwid, 9, "D")
			r.font("", size-1.5)
			r.grey(90)
			r.cellAt(cx, cy+0.3, cwid, 3.5, kv[0], "L")
			r.black()
			r.font("B", size)
			r.cellAt(cx, cy+4, cwid, 4.5, kv[1], "L")
		}
		yb += float64((n+per-1)/per) * 9
	} else {
		for _, kv := range j.Meta {
			r.font("", size)
			r.cellAt(bx, yb, bw*0.45, 4.2, kv[0], "L")
			r.font("B", size)
			r.cellAt(bx+bw*0.45, yb, bw*0.55, 4.2, kv[1], "L")
			yb += 4.2
		}
	}
	// customer window left, ship-to right
	y = math.Max(y, yb) + 5
	r.font("", size-1.5)
	r.cellAt(8, y, 85, 3.5, j.SenderLine, "L")
	p.Line(8+p.GetCellMargin(), y+3.4, 8+p.GetCellMargin()+r.width(j.SenderLine), y+3.4)
	y0 := y + 4.5
	r.font("B", size+1)
	r.cellAt(8, y0, 85, 4.6, j.Parties[0].Lines[0], "L")
	r.font("", size+1)
	yy := y0 + 4.6
	for _, l := range j.Parties[0].Lines[1:] {
		r.cellAt(8, yy, 85, 4.4, l, "L")
		yy += 4.4
	}
	if len(j.Parties) > 1 {
		sh := float64(len(j.Parties[1].Lines)+1)*4 + 2
		p.Rect(bx, y0, bw, sh, "D")
		r.font("B", size)
		r.cellAt(bx+1, y0+0.5, bw, 4, j.Parties[1].Label, "L")
		r.font("", size)
		yt := y0 + 4.5
		for _, l := range j.Parties[1].Lines {
			r.cellAt(bx+1, yt, bw, 4, l, "L")
			yt += 4
		}
		yy = math.Max(yy, yt)
	}
	p.SetXY(8, yy+5)
	r.font("B", size+3)
	r.cell(cw, 6, j.Title+" "+j.Number, "", 1, "L", false)
	p.Ln(1)
	st := &TStyle{Size: size, LH: size * 0.45, PadY: 0.7, HeadFill: []int{215, 215, 215}, HeadAlign: "center",
		HeadBold: true, Grid: true, RepeatHead: true, MinDesc: 40}
	p.SetFillColor(215, 215, 215)
	r.drawItems(st, 8, cw)
	p.Ln(3)
	// VAT summary grid left, totals grid right
	hv := 0.0
	if j.Vat != nil {
		hv = float64(len(j.Vat.Rows)+2) * (size * 0.5)
	}
	ht := float64(len(j.Totals)) * (size*0.5 + 0.5)
	r.need(math.Max(hv, ht) + 4)
	y0 = p.GetY()
	if j.Vat != nil {
		r.font("B", size)
		r.cellAt(8, y0, 80, size*0.5, j.Vat.Title, "L")
		p.SetFillColor(215, 215, 215)
		r.smallTable(8, y0+size*0.5, j.Vat.Head, j.Vat.Rows, size, size*0.5, true, []int{215, 215, 215})
	}
	p.SetY(y0)
	r.totalsBlock(j.Totals, 8+cw*0.55, cw*0.45, KV{Size: size + 0.5, LH: size*0.5 + 0.5, Border: true})
	p.SetY(math.Max(p.GetY(), y0+hv) + 3)
	r.closing(8, cw, size, size*0.45, false)
}

// ------------------------------------------------------------------ family: band-erp
func bandErp(r *R) {
	p := r.pdf
	j := r.j
	a := r.accent
	lm := 20.0
	p.SetMargins(lm, 10, 15)
	r.lm, r.rm = lm, 15
	r.bottom = r.ph - 30
	cw := r.pw - lm - 15
	p.SetHeaderFunc(func() {
		if r.ob("band_full") {
			p.SetFillColor(a[0], a[1], a[2])
			p.Rect(0, 0, r.pw, 24, "F")
			r.font("B", 17)
			p.SetTextColor(255, 255, 255)
			r.cellAt(lm, 5, cw, 8, j.Supplier.Name, "L")
			r.font("", 8.5)
			r.cellAt(lm, 14, cw, 4.5, strings.Join(append(append([]string{}, j.Supplier.Lines...), j.Supplier.Contact[0]), "  |  "), "L")
		} else {
			r.font("B", 17)
			r.color(a)
			r.cellAt(lm, 8, cw, 8, j.Supplier.Name, "L")
			p.SetFillColor(a[0], a[1], a[2])
			p.Rect(lm, 17, cw, 1.8, "F")
			r.font("", 8.5)
			r.grey(60)
			r.cellAt(lm, 19.5, cw, 4.5, strings.Join(append(append([]string{}, j.Supplier.Lines...), j.Supplier.Contact[0]), "  |  "), "L")
		}
		r.black()
		if p.PageNo() > 1 {
			r.font("", 9)
			r.cellAt(lm, 28, cw, 5, j.Title+" "+j.Number+" - "+r.pageText(), "R")
			p.SetXY(lm, 35)
		} else {
			p.SetXY(lm, 30)
		}
	})
	p.SetFooterFunc(func() {
		y := r.ph - 25
		p.SetDrawColor(a[0], a[1], a[2])
		p.Line(lm, y, lm+cw, y)
		p.SetDrawColor(0, 0, 0)
		r.font("", 7)
		r.grey(70)
		cols := [][]string{append([]string{j.Supplier.Name}, j.Supplier.Lines...), j.Supplier.Contact,
			append([]string{}, j.Supplier.Legal...), append([]string{j.BankLabel}, j.Bank...)}
		w := cw / 4
		for c, ls := range cols {
			yy := y + 1.5
			for _, l := range ls {
				r.cellAt(lm+float64(c)*w, yy, w, 3.3, l, "L")
				yy += 3.3
			}
		}
		r.black()
		if p.PageNo() == 1 {
			r.font("", 8)
			r.cellAt(lm, r.ph-8, cw, 4, r.pageText(), "R")
		}
	})
	p.AddPage()
	y := 40.0
	// address window
	r.font("", 7)
	r.cellAt(lm, y, 85, 3.5, j.SenderLine, "L")
	p.Line(lm+p.GetCellMargin(), y+3.5, lm+p.GetCellMargin()+r.width(j.SenderLine), y+3.5)
	yy := y + 5.5
	r.font("", 10)
	for _, l := range j.Parties[0].Lines {
		r.cellAt(lm, yy, 85, 4.6, l, "L")
		yy += 4.6
	}
	// meta
	var ym float64
	if r.ob("meta_right") {
		mx := lm + cw - 75
		ym = y
		for _, kv := range j.Meta {
			r.font("", 9)
			r.cellAt(mx, ym, 36, 4.6, kv[0], "L")
			r.font("B", 9)
			r.cellAt(mx+36, ym, 39, 4.6, kv[1], "R")
			ym += 4.6
		}
	}
	y = math.Max(yy, ym) + 4
	if len(j.Parties) > 1 {
		r.font("B", 8.5)
		r.cellAt(lm, y, 85, 4.2, j.Parties[1].Label, "L")
		r.font("", 8.5)
		r.cellAt(lm, y+4.2, cw, 4.2, strings.Join(j.Parties[1].Lines, ", "), "L")
		y += 10
	}
	p.SetXY(lm, y+2)
	r.font("B", 14)
	r.cell(cw, 7, j.Title+" "+j.Number, "", 1, "L", false)
	if j.PoLine != "" {
		r.font("", 9.5)
		r.cell(cw, 5, j.PoLine, "", 1, "L", false)
	}
	if !r.ob("meta_right") {
		p.Ln(1)
		x := lm
		for _, kv := range j.Meta {
			r.font("", 7.5)
			w := math.Max(r.width(kv[0]), r.width(kv[1])*9/7.5) + 5
			if x+w > lm+cw {
				x = lm
				p.SetY(p.GetY() + 9)
			}
			yk := p.GetY()
			r.grey(90)
			r.cellAt(x, yk, w, 3.8, kv[0], "L")
			r.black()
			r.font("B", 9)
			r.cellAt(x, yk+3.8, w, 4.6, kv[1], "L")
			p.SetY(yk)
			x += w
		}
		p.SetXY(lm, p.GetY()+10)
	}
	p.Ln(3)
	st := &TStyle{Size: 9, LH: 4.5, PadY: 1.1, HeadAlign: "same", HeadRules: true, HeadBold: true,
		RepeatHead: r.ob("repeat_head"), ContLine: false, Carry: r.ob("carry"), DecAlign: r.ob("dec_align"),
		SubSize: 7, MinDesc: 45}
	r.drawItems(st, lm, cw)
	p.Line(lm, p.GetY(), lm+cw, p.GetY())
	p.Ln(3)
	r.totalsBlock(j.Totals, lm+cw-85, 85, KV{Size: 9.5, LH: 5.4, RuleBeforeBig: true, DoubleUnder: true})
	if j.Vat != nil {
		p.Ln(2)
		r.need(float64(len(j.Vat.Rows)+2)*4.6 + 2)
		r.font("B", 8.5)
		r.cellAt(lm, p.GetY(), 80, 4.6, j.Vat.Title, "L")
		h := r.smallTable(lm, p.GetY()+4.6, j.Vat.Head, j.Vat.Rows, 8.5, 4.6, false, nil)
		p.SetXY(lm, p.GetY()+4.6+h+3)
	}
	p.Ln(2)
	for _, n := range j.Notes {
		r.para(lm, cw, n, 9, 4.4, "")
	}
	for _, t := range j.Terms {
		r.para(lm, cw, t, 9, 4.4, "")
	}
	if j.Mentions != "" {
		r.para(lm, cw, j.Mentions, 7.5, 3.6, "")
	}
	p.Ln(2)
	r.para(lm, cw, j.Thanks, 9, 4.4, "")
}

// ------------------------------------------------------------------ family: webshop
func webshop(r *R) {
	p := r.pdf
	j := r.j
	a := r.accent
	m := 15.0
	p.SetMargins(m, 12, m)
	r.lm, r.rm = m, m
	r.bottom = r.ph - 22
	cw := r.pw - 2*m
	p.SetHeaderFunc(func() {
		if p.PageNo() == 1 {
			return
		}
		r.font("", 8)
		r.grey(120)
		r.cellAt(m, 8, cw, 4, j.Supplier.Name+" - "+j.Title+" "+j.Number, "L")
		r.black()
		p.SetXY(m, 16)
	})
	p.SetFooterFunc(func() {
		r.font("", 7)
		r.grey(130)
		p.SetDrawColor(220, 220, 220)
		p.Line(m, r.ph-16, m+cw, r.ph-16)
		p.SetDrawColor(0, 0, 0)
		r.cellAt(m, r.ph-15, cw, 3.5, j.Footer[0], "L")
		r.cellAt(m, r.ph-11.5, cw, 3.5, j.Footer[1], "L")
		r.cellAt(m, r.ph-15, cw, 3.5, r.pageText(), "R")
		r.black()
	})
	p.AddPage()
	r.fit("B", 16, j.Supplier.Name, cw*0.5-4)
	r.color(a)
	r.cellAt(m, 12, cw*0.5, 8, j.Supplier.Name, "L")
	r.black()
	r.font("", 8.5)
	r.grey(90)
	y := 20.5
	top := []string{j.Supplier.Contact[2], j.Supplier.Contact[1]}
	if r.ob("addresses_top") && len(j.Supplier.Legal) > 0 {
		top = append(top, j.Supplier.Legal[0])
	}
	for _, l := range top {
		r.cellAt(m, y, cw*0.6, 4, l, "L")
		y += 4
	}
	r.black()
	r.fit("B", 22, j.Title, cw*0.5-2)
	r.grey(150)
	r.cellAt(m+cw*0.5, 11, cw*0.5, 10, j.Title, "R")
	r.black()
	ym := 23.0
	for _, kv := range j.Meta {
		r.font("", 8.5)
		r.grey(100)
		r.cellAt(m+cw*0.45, ym, cw*0.3, 4.3, kv[0], "R")
		r.black()
		r.font("B", 8.5)
		r.cellAt(m+cw*0.75, ym, cw*0.25, 4.3, kv[1], "R")
		ym += 4.3
	}
	y = math.Max(y, ym) + 6
	blocks := j.Parties
	if !r.ob("addresses_top") {
		blocks = append([]Party{{Label: j.FromLabel, Lines: append(append([]string{j.Supplier.Name}, j.Supplier.Lines...), j.Supplier.Legal[:min(1, len(j.Supplier.Legal))]...)}}, blocks...)
	}
	bw := cw / float64(max(len(blocks), 2))
	yb := y
	for i, b := range blocks {
		x := m + float64(i)*bw
		r.font("B", 8)
		r.grey(100)
		r.cellAt(x, y, bw-4, 4, strings.ToUpper(b.Label), "L")
		p.SetDrawColor(200, 200, 200)
		p.Line(x+p.GetCellMargin(), y+4.3, x+bw-6, y+4.3)
		p.SetDrawColor(0, 0, 0)
		r.black()
		r.font("", 9)
		yy := y + 5.5
		for _, l := range b.Lines {
			r.cellAt(x, yy, bw-4, 4.3, l, "L")
			yy += 4.3
		}
		yb = math.Max(yb, yy)
	}
	y = yb + 3
	if j.Payment != nil {
		r.font("", 8.5)
		r.cellAt(m, y, cw, 4.3, j.Payment[0]+": "+j.Payment[1], "L")
		y += 5
	}
	p.SetXY(m, y+3)
	st := &TStyle{Size: 9, LH: 4.6, PadY: 1.8, HeadAlign: "same", HeadBottomRule: true, HeadBold: true,
		HeadText: []int{110, 110, 110}, Rules: r.ob("rows_rule"), RuleGrey: 225, RepeatHead: r.ob("repeat_head"),
		ContLine: !r.ob("repeat_head"), DescBold: true, SubSize: 7.5, MinDesc: 60}
	r.drawItems(st, m, cw)
	p.Ln(5)
	r.totalsBlock(j.Totals, m+cw-80, 80, KV{Size: 9.5, LH: 5.8, RuleBeforeBig: true})
	p.Ln(4)
	r.closing(m, cw, 8.5, 4.2, true)
	p.Ln(4)
	r.font("B", 10)
	r.color(a)
	r.need(6)
	r.cell(cw, 5, j.Thanks, "", 1, "C", false)
	r.black()
}

// ------------------------------------------------------------------ family: service-log
func serviceLog(r *R) {
	p := r.pdf
	j := r.j
	m := 18.0
	p.SetMargins(m, 12, m)
	r.lm, r.rm = m, m
	r.bottom = r.ph - 22
	cw := r.pw - 2*m
	p.SetHeaderFunc(func() {
		if p.PageNo() == 1 {
			r.font("B", 16)
			r.cellAt(m, 12, cw, 8, j.Supplier.Name, "C")
			r.font("", 9)
			r.cellAt(m, 20, cw, 4.5, strings.Join(j.Supplier.Lines, ", "), "C")
			r.cellAt(m, 24.5, cw, 4.5, strings.Join(j.Supplier.Contact, " - "), "C")
			p.Line(m, 30.5, m+cw, 30.5)
			p.Line(m, 31.2, m+cw, 31.2)
			p.SetXY(m, 35)
			return
		}
		r.font("I", 9)
		r.cellAt(m, 10, cw, 5, j.Supplier.Name+" - "+j.Title+" "+j.Number, "C")
		p.Line(m, 15.5, m+cw, 15.5)
		p.SetXY(m, 18)
	})
	p.SetFooterFunc(func() {
		r.font("", 7.5)
		r.grey(90)
		r.cellAt(m, r.ph-15, cw, 3.6, strings.Join(j.Supplier.Legal, " - "), "C")
		r.cellAt(m, r.ph-11.4, cw, 3.6, r.pageText(), "C")
		r.black()
	})
	p.AddPage()
	y := 36.0
	r.font("B", 14)
	r.cellAt(m, y, cw/2, 7, j.Title, "L")
	ym := y
	for _, kv := range j.Meta {
		r.font("", 9)
		r.cellAt(m+cw*0.45, ym, cw*0.25, 4.5, kv[0]+":", "L")
		r.font("B", 9)
		r.cellAt(m+cw*0.7, ym, cw*0.3, 4.5, kv[1], "L")
		ym += 4.5
	}
	yy := y + 10
	for i, pt := range j.Parties {
		x := m
		if i == 1 {
			x = m + cw*0.45
			yy = math.Max(yy, ym+3)
		}
		r.font("B", 9)
		r.cellAt(x, yy, cw*0.45, 4.5, pt.Label, "L")
		r.font("", 9.5)
		y2 := yy + 4.5
		for _, l := range pt.Lines {
			r.cellAt(x, y2, cw*0.5, 4.5, l, "L")
			y2 += 4.5
		}
		if i == 0 {
			y = y2
		} else {
			y = math.Max(y, y2)
		}
	}
	y = math.Max(y, ym) + 3
	if j.Tech != "" {
		r.font("I", 9)
		r.cellAt(m, y, cw, 4.5, j.Tech, "L")
		y += 5
	}
	p.SetXY(m, y+3)
	st := &TStyle{Size: 9, LH: 4.4, PadY: 1.2, HeadAlign: r.os("head_align"), HeadRules: true, HeadBold: true,
		HeadFill: []int{238, 238, 238}, Rules: true, RuleGrey: 200, RepeatHead: r.ob("repeat_head"),
		ContLine: !r.ob("repeat_head"), MinDesc: 50, MultiCellDesc: true}
	r.drawItems(st, m, cw)
	p.Ln(4)
	r.totalsBlock(j.Totals, m+cw-95, 95, KV{Size: 9.5, LH: 5.2, Leaders: r.ob("leaders"), RuleBeforeBig: true})
	if j.Vat != nil {
		p.Ln(2)
		r.need(float64(len(j.Vat.Rows)+2)*4.5 + 2)
		r.font("B", 8.5)
		r.cellAt(m, p.GetY(), 80, 4.5, j.Vat.Title, "L")
		h := r.smallTable(m, p.GetY()+4.5, j.Vat.Head, j.Vat.Rows, 8.5, 4.5, true, nil)
		p.SetXY(m, p.GetY()+4.5+h+3)
	}
	p.Ln(2)
	r.closing(m, cw, 8.5, 4.2, true)
	if r.ob("signature") {
		r.need(16)
		p.Ln(8)
		y := p.GetY()
		p.Line(m+cw-70, y, m+cw, y)
		r.font("", 8)
		r.cellAt(m+cw-70, y+0.5, 70, 4, j.Signature, "C")
		p.SetY(y + 5)
	}
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func render(j *Job) error {
	size := "A4"
	if j.Paper == "letter" {
		size = "Letter"
	}
	pdf := gofpdf.New("P", "mm", size, "/usr/share/fonts/truetype")
	pdf.SetCatalogSort(true) // deterministic object order
	t := time.Unix(j.Creation, 0).UTC()
	pdf.SetCreationDate(t)
	pdf.SetModificationDate(t)
	pdf.SetTitle(j.Title+" "+j.Number, true)
	pdf.SetAuthor(j.Supplier.Name, true)
	pdf.SetCreator("render.go (gofpdf check set)", true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.AliasNbPages("{nb}")
	r := &R{pdf: pdf, j: j}
	r.pw, r.ph = pdf.GetPageSize()
	for i, v := range j.Opts["accent"].([]interface{}) {
		r.accent[i] = int(v.(float64))
	}
	if j.Font.Kind == "ttf" {
		r.family = "F"
		for style, f := range j.Font.Files {
			pdf.AddUTF8Font("F", style, f)
		}
	} else {
		r.core = true
		r.family = j.Font.Name
		r.tr = pdf.UnicodeTranslatorFromDescriptor("") // cp1252
	}
	switch j.Family {
	case "gig-boxes":
		gigBoxes(r)
	case "wholesale-grid":
		wholesaleGrid(r)
	case "band-erp":
		bandErp(r)
	case "webshop":
		webshop(r)
	case "service-log":
		serviceLog(r)
	default:
		return fmt.Errorf("unknown family %q", j.Family)
	}
	if pdf.Err() {
		return pdf.Error()
	}
	return pdf.OutputFileAndClose(j.Out)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: render JOBS.json")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var jobs []Job
	if err := json.Unmarshal(data, &jobs); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	failed := 0
	for i := range jobs {
		if err := render(&jobs[i]); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", jobs[i].ID, err)
			failed++
		}
	}
	if failed > 0 {
		os.Exit(1)
	}
}
