// Renders the invoice jobs written by gen.py with React-PDF (@react-pdf/renderer): one React element tree per job,
// built with React.createElement (no JSX, no build step), laid out by Yoga (flexbox) and written by renderToFile.
//
//     node render.mjs JOBS.json
//
// Every string is formatted by gen.py; this script only places it. Five layouts ("families"): saas, webshop, erp,
// service, us. Tables are flex rows (<View style={{flexDirection: "row"}}>) of fixed-width cells with the
// description cell growing; rows are not split across pages (wrap={false}) and the heading row is not repeated:
// React-PDF wraps the page itself, and `fixed` elements draw the running header and the "Page x of n" footer.
import fs from "node:fs";
import React from "react";
import { Document, Font, Page, Text, View, renderToFile } from "@react-pdf/renderer";

const h = React.createElement;

// no hyphenation: cells and names break at spaces only (React-PDF would hyphenate long words by default)
Font.registerHyphenationCallback((word) => [word]);

// A TrueType family is registered afresh for every document (under the job's own name): fontkit objects that
// are shared between documents rendered in one process can leave a later document with a broken ToUnicode
// map (a glyph without code points), so that its text cannot be extracted.
function registerFont(job) {
  if (job.font.kind !== "ttf") return job.font.name;
  const family = `${job.font.name} ${job.id}`;
  const [regular, bold] = job.font.files;
  Font.register({ family, fonts: [{ src: regular }, { src: bold, fontWeight: "bold" }] });
  return family;
}

const pageFmt = (fmt, p, n) => fmt.replace("{p}", String(p)).replace("{n}", String(n));
const T = (text, style = {}, props = {}) => h(Text, { style, ...props }, text);
const Row = (style, ...children) => h(View, { style: { flexDirection: "row", ...style } }, ...children);
const Col = (style, ...children) => h(View, { style }, ...children);
const lines = (arr, style = {}) => arr.filter((x) => x).map((x) => T(x, style));
const B = { fontWeight: "bold" };

// ------------------------------------------------------------------------------------------------ shared pieces
// width of each column kind in % of the table; the description takes the rest
const COLW = { pos: 6, sku: 12, qty: 9, ord: 9, unit: 8, price: 13, disc: 8, vat: 8, total: 15 };
const cellBox = (k) => (k === "desc" ? { flexGrow: 1, flexBasis: 0 } : { width: `${COLW[k]}%` });

function itemTable(job, st) {
  const t = job.table;
  const headAlign = (i) => (t.head_align === "left" ? "left" : t.align[i]);
  const head = h(
    View,
    { style: { flexDirection: "row", ...st.headRow }, minPresenceAhead: 40 },
    ...t.kind.map((k, i) => T(t.head[i], { ...cellBox(k), ...st.cell, ...st.headCell, textAlign: headAlign(i) })),
  );
  const body = [];
  t.rows.forEach((r, j) => {
    const sec = t.sections.find((s) => s[0] === j);
    if (sec) body.push(h(View, { style: st.sectionRow, wrap: false, minPresenceAhead: 30 }, T(sec[1], st.sectionText)));
    const cells = t.kind.map((k, i) => {
      if (k === "desc" && t.subs[j]) {
        return Col({ ...cellBox(k), ...st.cell }, T(r[i]), T(t.subs[j], st.sub));
      }
      return T(r[i], { ...cellBox(k), ...st.cell, textAlign: t.align[i] });
    });
    const zebra = st.zebra && j % 2 === 1 ? st.zebra : {};
    body.push(h(View, { wrap: false, style: { flexDirection: "row", ...st.bodyRow, ...zebra } }, ...cells));
  });
  return h(View, { style: st.table || {} }, head, ...body);
}

function totalsBlock(rows, st, width = "45%") {
  if (!rows.length) return null;
  return h(
    View,
    { wrap: false, style: { width, alignSelf: "flex-end", marginTop: 8, ...(st.totals || {}) } },
    ...rows.map(([label, value, kind]) =>
      Row(
        { paddingVertical: 2, ...(kind === "big" ? st.bigRow : {}), ...(kind === "b" ? B : {}) },
        T(label, { flexGrow: 1, flexBasis: 0, ...(kind === "big" ? { ...B, ...st.bigText } : {}) }),
        T(value, { textAlign: "right", paddingLeft: 6, ...(kind === "big" ? { ...B, ...st.bigText } : {}) }),
      ),
    ),
  );
}

function vatTable(vat, st, width = "60%") {
  const n = vat.head.length;
  const cw = `${100 / n}%`;
  const cell = (s, i, extra = {}) => T(s, { width: cw, textAlign: i === 0 ? "left" : "right", paddingHorizontal: 3, ...extra });
  return h(
    View,
    { wrap: false, style: { width, marginTop: 10, ...(st.vatBox || {}) } },
    vat.title ? T(vat.title, { ...B, marginBottom: 3 }) : null,
    Row({ borderBottom: "0.6pt solid #555", paddingBottom: 2 }, ...vat.head.map((s, i) => cell(s, i, B))),
    ...vat.rows.map((r) => Row({ paddingVertical: 1.5 }, ...r.map((s, i) => cell(s, i)))),
    vat.total_row ? Row({ borderTop: "0.6pt solid #555", paddingTop: 2 }, ...vat.total_row.map((s, i) => cell(s, i, B))) : null,
  );
}

function runningHeader(job, style) {
  return T("", { position: "absolute", top: 18, left: 0, right: 0, textAlign: "center", fontSize: 7.5, color: "#666", ...style }, {
    fixed: true,
    render: ({ pageNumber, totalPages }) => (pageNumber > 1 ? `${job.running} · ${pageFmt(job.page_fmt, pageNumber, totalPages)}` : ""),
  });
}

const pageNumberText = (job, style) =>
  T("", style, { render: ({ pageNumber, totalPages }) => pageFmt(job.page_fmt, pageNumber, totalPages) });

function metaColon(meta, style = {}) {
  return meta.map(([l, v]) => h(Text, { style: { marginBottom: 1.5, ...style } }, h(Text, { style: B }, `${l}: `), v));
}

function metaTab(meta, labelWidth = "48%", style = {}) {
  return meta.map(([l, v]) => Row({ marginBottom: 1.5, ...style }, T(`${l}:`, { width: labelWidth }), T(v, { flexGrow: 1, flexBasis: 0 })));
}

function chunks(arr, n) {
  const out = [];
  for (let i = 0; i < arr.length; i += n) out.push(arr.slice(i, i + n));
  return out;
}

// a row of headings over a row of values (grid) or label-over-value stacks side by side (stack)
function metaGrid(meta, mode, st, per = 4) {
  return chunks(meta, per).map((part) => {
    const w = `${100 / per}%`;
    if (mode === "stack") {
      return Row({ marginBottom: 6 }, ...part.map(([l, v]) => Col({ width: w, paddingRight: 6 }, T(l, st.metaHead), T(v, st.metaValue))));
    }
    return Col(
      { marginBottom: 6, ...(st.gridBox || {}) },
      Row(st.gridHeadRow || {}, ...part.map(([l]) => T(l, { width: w, paddingHorizontal: 3, ...st.metaHead }))),
      Row(st.gridValueRow || {}, ...part.map(([, v]) => T(v, { width: w, paddingHorizontal: 3, ...st.metaValue }))),
    );
  });
}

function docProps(job) {
  return { title: `${job.title} ${job.table ? job.meta[0][1] : ""}`.trim(), author: job.issuer.name, creationDate: new Date(job.creation) };
}

function basePage(job, style) {
  return { size: job.paper, style: { fontFamily: job.fontFamily, ...style } };
}

const textBlock = (label, arr, style = {}) =>
  arr && arr.length ? Col({ marginTop: 8, ...style }, label ? T(label, { ...B, marginBottom: 2 }) : null, ...lines(arr)) : null;

// ------------------------------------------------------------------------------------------------ saas
function saas(job) {
  const o = job.opts;
  const acc = o.accent;
  const st = {
    headRow: { backgroundColor: acc, color: "#fff", paddingVertical: 4 },
    headCell: { fontWeight: "bold", fontSize: 8 },
    cell: { paddingHorizontal: 4 },
    bodyRow: { borderBottom: "0.5pt solid #dddddd", paddingVertical: 3.5 },
    zebra: o.zebra ? { backgroundColor: "#f3f5f8" } : null,
    sub: { fontSize: 7, color: "#777" },
    bigRow: { borderTop: `1pt solid ${acc}`, marginTop: 3, paddingTop: 4 },
    bigText: { fontSize: 11, color: acc },
    metaHead: { fontSize: 7.5, color: "#777", marginBottom: 1 },
    metaValue: { fontSize: 9.5 },
    gridHeadRow: { borderBottom: "0.5pt solid #ccc", paddingBottom: 2, marginBottom: 2 },
  };
  const nameBlock = Col(
    { width: "55%" },
    T(job.issuer.name, { fontSize: 15, ...B, color: acc, letterSpacing: o.name_spaced ? 2 : 0, marginBottom: 4 }),
    ...lines(job.issuer.lines, { color: "#444" }),
    T(job.issuer.contact.join(" · "), { color: "#444", fontSize: 8 }),
  );
  const titleBlock = Col(
    { width: "45%", alignItems: o.title_side === "right" ? "flex-end" : "flex-start" },
    T(job.title, { fontSize: 22, color: "#333", letterSpacing: o.title_spaced ? 3 : 0 }),
  );
  const header = Row(
    { justifyContent: "space-between", marginBottom: 18 },
    ...(o.title_side === "right" ? [nameBlock, titleBlock] : [titleBlock, Col({ width: "55%", alignItems: "flex-end" }, ...nameBlock.props.children)]),
  );
  const parties = Row(
    { marginTop: 8, marginBottom: 14 },
    Col({ width: "50%" }, T(job.recipient.label, st.metaHead), ...lines(job.recipient.lines)),
    job.ship ? Col({ width: "50%" }, T(job.ship.label, st.metaHead), ...lines(job.ship.lines)) : null,
  );
  const bottom = Row(
    { justifyContent: "space-between", alignItems: "flex-start" },
    Col({ width: "50%" }, job.vat ? vatTable(job.vat, st, "100%") : null, textBlock(null, job.notes, { color: "#555" })),
    totalsBlock(job.totals, st, "45%"),
  );
  return h(
    Document,
    docProps(job),
    h(
      Page,
      basePage(job, { fontSize: 9, paddingTop: 40, paddingBottom: 64, paddingHorizontal: 40, color: "#222" }),
      runningHeader(job),
      header,
      ...metaGrid(job.meta, o.meta_style, st, 4),
      parties,
      itemTable(job, st),
      bottom,
      textBlock(job.terms_label, job.terms),
      textBlock(job.bank_label, job.issuer.bank.length ? [job.issuer.bank.join(" · ")] : []),
      T(job.thanks, { marginTop: 12, color: acc }),
      Col(
        { position: "absolute", bottom: 22, left: 40, right: 40, borderTop: "0.5pt solid #ccc", paddingTop: 4, fontSize: 7, color: "#777" },
        ...lines(job.footer),
        pageNumberText(job, { textAlign: "right" }),
      ),
    ),
  );
}
// ------------------------------------------------------------------------------------------------ webshop
function webshop(job) {
  const o = job.opts;
  const acc = o.accent;
  const st = {
    headRow: { borderBottom: "1pt solid #333", paddingBottom: 3 },
    headCell: { fontWeight: "bold" },
    cell: { paddingHorizontal: 3 },
    bodyRow: { borderBottom: "0.5pt solid #cccccc", paddingVertical: 3 },
    zebra: o.zebra ? { backgroundColor: "#f6f6f6" } : null,
    sub: { fontSize: 7, color: "#666" },
    bigRow: { borderTop: "0.8pt solid #333", paddingTop: 3 },
    bigText: { fontSize: 10 },
  };
  const meta = o.meta_style === "colon" ? metaColon(job.meta) : metaTab(job.meta);
  const footer = Row(
    { position: "absolute", bottom: 20, left: 40, right: 40, borderTop: "0.5pt solid #999", paddingTop: 4, fontSize: 6.5, color: "#555" },
    Col({ width: "30%" }, ...lines([job.issuer.name, ...job.issuer.lines])),
    Col({ width: "25%" }, ...lines(job.issuer.contact)),
    Col({ width: "30%" }, ...lines([...job.issuer.legal, ...(job.issuer.director ? [`${job.director_label}: ${job.issuer.director}`] : [])])),
    Col({ width: "15%", alignItems: "flex-end" }, pageNumberText(job)),
  );
  return h(
    Document,
    docProps(job),
    h(
      Page,
      basePage(job, { fontSize: 8.5, paddingTop: 36, paddingBottom: 80, paddingHorizontal: 40 }),
      runningHeader(job),
      Row(
        { justifyContent: "space-between", marginBottom: 16 },
        T(job.issuer.name, { fontSize: 16, ...B, color: acc, width: "60%" }),
        Col({ width: "40%", alignItems: "flex-end" }, ...lines([...job.issuer.lines, job.issuer.contact[1]], { fontSize: 8, color: "#555" })),
      ),
      Row(
        { marginBottom: 14 },
        Col(
          { width: "55%", paddingRight: 10 },
          o.sender_line ? T(job.sender_line, { fontSize: 6.5, textDecoration: "underline", marginBottom: 4, color: "#555" }) : null,
          ...lines(job.recipient.lines, { fontSize: 9.5 }),
          job.ship ? Col({ marginTop: 8 }, T(job.ship.label, B), ...lines(job.ship.lines)) : null,
        ),
        Col({ width: "45%" }, ...meta),
      ),
      T(job.title, { fontSize: 15, ...B, marginBottom: 8 }),
      itemTable(job, st),
      totalsBlock(job.totals, st, "50%"),
      textBlock(null, job.notes),
      textBlock(job.terms_label, job.terms),
      textBlock(job.bank_label, job.issuer.bank.length ? [job.issuer.bank.join(" · ")] : []),
      T(job.thanks, { marginTop: 10, ...B }),
      footer,
    ),
  );
}

// ------------------------------------------------------------------------------------------------ erp letter
function erp(job) {
  const o = job.opts;
  const st = {
    headRow: { borderTop: "0.8pt solid #000", borderBottom: "0.8pt solid #000", paddingVertical: 3 },
    headCell: { fontWeight: "bold" },
    cell: { paddingHorizontal: 3 },
    bodyRow: { paddingVertical: 2.5, borderBottom: "0.3pt solid #bbbbbb" },
    bigRow: { borderTop: "0.8pt solid #000", borderBottom: "1.6pt double #000", paddingVertical: 3 },
    bigText: {},
  };
  const spaced = o.name_spaced ? { letterSpacing: 2.5, textTransform: "uppercase" } : {};
  const letterhead = Col(
    { alignItems: o.letterhead === "right" ? "flex-end" : "flex-start", marginBottom: 14 },
    T(job.issuer.name, { fontSize: 14, ...B, ...spaced, marginBottom: 3 }),
    T([...job.issuer.lines, ...job.issuer.contact].join(" · "), { fontSize: 7.5, color: "#444" }),
  );
  const meta = o.meta_style === "colon" ? metaColon(job.meta) : metaTab(job.meta, "52%");
  const footer = Row(
    { position: "absolute", bottom: 18, left: 56, right: 40, borderTop: "0.5pt solid #000", paddingTop: 4, fontSize: 6.5 },
    Col({ width: "26%" }, ...lines([job.issuer.name, ...job.issuer.lines])),
    Col({ width: "24%" }, ...lines(job.issuer.contact)),
    Col({ width: "26%" }, ...lines(job.issuer.bank)),
    Col(
      { width: "24%" },
      ...lines([...job.issuer.legal, ...(job.issuer.director ? [`${job.director_label}: ${job.issuer.director}`] : [])]),
      pageNumberText(job, { marginTop: 2, ...B }),
    ),
  );
  let sums;
  if (job.vat) {
    sums = Col(
      { alignItems: "flex-end" },
      totalsBlock(job.pre, st, "50%"),
      vatTable(job.vat, st, "65%"),
      totalsBlock(job.vat.foot, st, "50%"),
      totalsBlock(job.totals, st, "50%"),
    );
  } else {
    sums = totalsBlock(job.totals, st, "50%");
  }
  const letter = job.letter;
  return h(
    Document,
    docProps(job),
    h(
      Page,
      basePage(job, { fontSize: 9, paddingTop: 44, paddingBottom: 90, paddingLeft: 56, paddingRight: 40 }),
      runningHeader(job, { textAlign: "right", right: 40 }),
      letterhead,
      Row(
        { marginBottom: 18, minHeight: 110 },
        Col(
          { width: "56%", paddingRight: 12 },
          T(job.sender_line, { fontSize: 6.5, textDecoration: "underline", marginBottom: 6 }),
          ...lines(job.recipient.lines, { fontSize: 10 }),
        ),
        Col({ width: "44%" }, ...meta),
      ),
      job.seller ? Col({ marginBottom: 10 }, T(job.seller.label, B), ...lines(job.seller.lines)) : null,
      job.ship ? Col({ marginBottom: 10 }, T(job.ship.label, B), T(job.ship.lines.join(", "))) : null,
      T(job.title_full, { fontSize: 13, ...B, marginBottom: 10, letterSpacing: o.title_spaced ? 2 : 0 }),
      T(letter.salutation, { marginBottom: 4 }),
      T(letter.intro, { marginBottom: 8 }),
      itemTable(job, st),
      sums,
      textBlock(null, job.notes),
      textBlock(null, job.terms),
      h(View, { wrap: false, style: { marginTop: 14 } }, T(letter.closing), T(job.issuer.name, { marginTop: 2 })),
      footer,
    ),
  );
}

// ------------------------------------------------------------------------------------------------ field service
function service(job) {
  const o = job.opts;
  const acc = o.accent;
  const st = {
    headRow: { backgroundColor: "#eeeeee", borderBottom: `1pt solid ${acc}`, paddingVertical: 3 },
    headCell: { fontWeight: "bold" },
    cell: { paddingHorizontal: 4 },
    bodyRow: { paddingVertical: 3, borderBottom: "0.4pt solid #dddddd" },
    sectionRow: { paddingTop: 6, paddingBottom: 2, paddingHorizontal: 4 },
    sectionText: { fontWeight: "bold", color: acc },
    bigRow: { backgroundColor: acc, color: "#fff", padding: 4, marginTop: 2 },
    bigText: { fontSize: 10.5 },
    metaHead: { fontSize: 7.5, ...B, color: "#333" },
    metaValue: { fontSize: 9 },
    gridBox: { border: "0.6pt solid #999" },
    gridHeadRow: { backgroundColor: "#eeeeee", paddingVertical: 2, borderBottom: "0.6pt solid #999" },
    gridValueRow: { paddingVertical: 3 },
  };
  const per = job.meta.length > 5 ? Math.ceil(job.meta.length / 2) : job.meta.length;
  return h(
    Document,
    docProps(job),
    h(
      Page,
      basePage(job, { fontSize: 9, paddingTop: 36, paddingBottom: 64, paddingHorizontal: 40 }),
      runningHeader(job),
      Row(
        { backgroundColor: acc, color: "#fff", padding: 12, justifyContent: "space-between", alignItems: "center", marginBottom: 12 },
        Col(
          { width: "60%" },
          T(job.issuer.name, { fontSize: 13, ...B, letterSpacing: o.name_spaced ? 1.5 : 0 }),
          T([...job.issuer.lines, job.issuer.contact[0]].join(" · "), { fontSize: 7.5 }),
        ),
        T(job.title, { fontSize: 18, ...B, letterSpacing: o.title_spaced ? 4 : 0, textTransform: o.title_spaced ? "uppercase" : "none" }),
      ),
      ...metaGrid(job.meta, "grid", st, per),
      Row(
        { marginVertical: 8 },
        Col({ width: "50%" }, T(job.recipient.label, st.metaHead), ...lines(job.recipient.lines)),
        Col({ width: "50%" }, T(job.ship.label, st.metaHead), ...lines(job.ship.lines)),
      ),
      Col({ border: "0.6pt solid #bbb", padding: 6, marginBottom: 10 }, T(job.work.title, { ...B, marginBottom: 2 }), T(job.work.text)),
      itemTable(job, st),
      Row(
        { justifyContent: "space-between", alignItems: "flex-start" },
        Col({ width: "50%" }, job.vat ? vatTable(job.vat, st, "100%") : null),
        totalsBlock(job.totals, st, "45%"),
      ),
      textBlock(null, job.notes),
      textBlock(job.terms_label, job.terms),
      textBlock(job.bank_label, job.issuer.bank.length ? [job.issuer.bank.join(" · ")] : []),
      job.signature
        ? Row(
            { marginTop: 26 },
            ...job.signature.map((s) => Col({ width: "40%", marginRight: "10%", borderTop: "0.6pt solid #333", paddingTop: 2 }, T(s, { fontSize: 7.5 }))),
          )
        : null,
      Col(
        { position: "absolute", bottom: 22, left: 40, right: 40, fontSize: 7, color: "#666", textAlign: "center" },
        ...lines(job.footer),
        pageNumberText(job),
      ),
    ),
  );
}

// ------------------------------------------------------------------------------------------------ US distributor
function us(job) {
  const o = job.opts;
  const box = o.boxed ? { border: "0.8pt solid #000" } : {};
  const st = {
    headRow: { backgroundColor: "#dddddd", paddingVertical: 3, ...(o.boxed ? { border: "0.8pt solid #000" } : { borderBottom: "1pt solid #000" }) },
    headCell: { fontWeight: "bold", fontSize: 8 },
    cell: { paddingHorizontal: 3 },
    bodyRow: { paddingVertical: 2.5, borderBottom: "0.3pt solid #aaaaaa" },
    bigRow: { borderTop: "1pt solid #000", paddingTop: 3 },
    bigText: { fontSize: 10 },
    metaHead: { fontSize: 7.5, ...B },
    metaValue: { fontSize: 8.5 },
    gridBox: { ...box, marginTop: 4 },
    gridHeadRow: { backgroundColor: "#dddddd", paddingVertical: 2 },
    gridValueRow: { paddingVertical: 3 },
  };
  const spaced = o.name_spaced ? { letterSpacing: 1.5, textTransform: "uppercase" } : {};
  const addr = (p) => Col({ width: "48%", ...box }, T(p.label, { ...B, backgroundColor: "#dddddd", padding: 3 }), Col({ padding: 4 }, ...lines(p.lines)));
  return h(
    Document,
    docProps(job),
    h(
      Page,
      basePage(job, { fontSize: 8.5, paddingTop: 36, paddingBottom: 60, paddingHorizontal: 36 }),
      runningHeader(job),
      Row(
        { justifyContent: "space-between", marginBottom: 12 },
        Col({ width: "58%" }, T(job.issuer.name, { fontSize: 15, ...B, ...spaced, marginBottom: 3 }), ...lines([...job.issuer.lines, job.issuer.contact[0], job.issuer.contact[1]])),
        Col(
          { width: "38%", ...box, padding: 6 },
          T(job.title, { fontSize: 18, ...B, textAlign: "right", marginBottom: 4 }),
          ...metaTab(job.meta, "50%"),
        ),
      ),
      Row({ justifyContent: "space-between", marginBottom: 8 }, addr(job.recipient), job.ship ? addr(job.ship) : Col({ width: "48%" })),
      ...metaGrid(job.grid, "grid", st, job.grid.length),
      Col({ marginTop: 8 }, itemTable(job, st)),
      Row(
        { justifyContent: "space-between", alignItems: "flex-start" },
        Col({ width: "52%", marginTop: 8 }, ...lines(job.notes), ...lines(job.terms)),
        totalsBlock(job.totals, st, "42%"),
      ),
      Col(
        { marginTop: 14, ...box, padding: 5, width: "55%" },
        T(job.remit.label, B),
        ...lines(job.remit.lines),
        job.remit.tax ? T(job.remit.tax) : null,
        T(`ACH: ${job.issuer.bank.join(" · ")}`, { fontSize: 7.5, marginTop: 2 }),
      ),
      T(job.thanks, { marginTop: 10, textAlign: "center" }),
      Col({ position: "absolute", bottom: 22, left: 36, right: 36, fontSize: 7, color: "#444" }, pageNumberText(job, { textAlign: "center" })),
    ),
  );
}

const FAMILIES = { saas, webshop, erp, service, us };

// the last child of every page is its footer: mark it fixed so that it is drawn on every page
function withFixedFooter(docEl) {
  const page = docEl.props.children;
  const kids = React.Children.toArray(page.props.children);
  const foot = kids[kids.length - 1];
  kids[kids.length - 1] = React.cloneElement(foot, { fixed: true });
  return React.cloneElement(docEl, {}, React.cloneElement(page, {}, ...kids));
}

const jobs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
for (const job of jobs) {
  job.fontFamily = registerFont(job);
  await renderToFile(withFixedFooter(FAMILIES[job.family](job)), job.out);
}
