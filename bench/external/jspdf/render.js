#!/usr/bin/env node
// Renders the invoice jobs written by gen.py (a JSON array) to PDF, each with its family's library:
//   autotable, autotable-erp: jsPDF + jspdf-autotable
//   pdfmake, pdfmake-stack:   pdfmake (declarative document definitions)
//   pdfkit:                   PDFKit, drawn by hand (x positions, continued text, right-aligned boxes)
// All text arrives pre-formatted (numbers, dates, labels); this script only lays it out, the way
// web invoicing apps do with these libraries.
//
//   node render.js JOBS.json
'use strict';

const fs = require('fs');
const path = require('path');
const { jsPDF } = require('jspdf');
const { autoTable } = require('jspdf-autotable');
const pdfmake = require('pdfmake');
const PDFDocument = require('pdfkit');

function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function pageLabel(job, p, n) {
  return job.page_fmt.replace('{p}', String(p)).replace('{n}', String(n));
}

// ----------------------------------------------------------------------------- jsPDF helpers
function jsFont(doc, font) {
  if (font.kind === 'std') return font.name.toLowerCase(); // 'helvetica' | 'times' (WinAnsi)
  const add = (file, style) => {
    const name = path.basename(file);
    doc.addFileToVFS(name, fs.readFileSync(file).toString('base64'));
    doc.addFont(name, font.name, style);
  };
  add(font.regular, 'normal');
  add(font.bold, 'bold');
  return font.name;
}

function jsNew(job) {
  const doc = new jsPDF({ unit: 'pt', format: job.paper, compress: true });
  doc.setCreationDate(new Date(job.creation));
  doc.setFileId(Buffer.from(job.id.padEnd(16, '_').slice(0, 16)).toString('hex').toUpperCase());
  doc.setProperties({ title: `${job.title} ${job.number}`, author: job.supplier.name, creator: 'invoicebot bench' });
  return doc;
}

function jsSave(doc, job) {
  fs.writeFileSync(job.out, Buffer.from(doc.output('arraybuffer')));
}

function headAlign(job) {
  return (data) => {
    if (data.section === 'head' || data.section === 'body') {
      data.cell.styles.halign = job.table.align[data.column.index];
    }
  };
}

function columnStyles(job, numericWrap = true) {
  const cs = {};
  job.table.kind.forEach((k, i) => {
    cs[i] = { halign: job.table.align[i] };
    if (k !== 'desc') cs[i].cellWidth = numericWrap ? 'wrap' : 'auto';
    if (k === 'desc') cs[i].cellWidth = 'auto';
  });
  return cs;
}

function jsTextBlock(doc, F, lines, x, y, maxW, size, H, bottom, opts = {}) {
  doc.setFontSize(size);
  for (const line of lines) {
    const parts = doc.splitTextToSize(line, maxW);
    for (const part of parts) {
      if (y > H - bottom) {
        doc.addPage();
        y = 60;
      }
      doc.text(part, x, y, opts);
      y += size * 1.3;
    }
  }
  return y;
}

// ----------------------------------------------------------------------------- family: autotable (SaaS)
function renderAutotable(job) {
  const o = job.opts;
  const doc = jsNew(job);
  const F = jsFont(doc, job.font);
  const W = doc.internal.pageSize.getWidth();
  const H = doc.internal.pageSize.getHeight();
  const M = 40;
  const acc = rgb(o.accent);
  const left = o.letterhead === 'left';
  let y = 52;
  const sx = left ? M : W - M;
  const salign = left ? 'left' : 'right';
  doc.setFont(F, 'bold');
  doc.setFontSize(15);
  doc.text(job.supplier.name, sx, y, { align: salign });
  doc.setFont(F, 'normal');
  doc.setFontSize(9);
  doc.setTextColor(90);
  let ly = y + 15;
  for (const l of [...job.supplier.lines, ...job.supplier.contact.slice(0, 2)]) {
    doc.text(l, sx, ly, { align: salign });
    ly += 11;
  }
  doc.setFont(F, 'bold');
  doc.setFontSize(22);
  doc.setTextColor(...acc);
  doc.text(job.title, left ? W - M : M, y + 4, { align: left ? 'right' : 'left' });
  doc.setTextColor(0);
  y = Math.max(ly, y + 40) + 16;

  const drawParties = (top, x0, colW) => {
    let bottom = top;
    job.parties.forEach((p, i) => {
      const x = x0 + i * colW;
      doc.setFont(F, 'bold');
      doc.setFontSize(8);
      doc.setTextColor(...acc);
      doc.text(p.label.toUpperCase(), x, top);
      doc.setTextColor(0);
      doc.setFont(F, 'normal');
      doc.setFontSize(9);
      let py = top + 13;
      for (const l of p.lines) {
        for (const part of doc.splitTextToSize(l, colW - 10)) {
          doc.text(part, x, py);
          py += 11;
        }
      }
      bottom = Math.max(bottom, py);
    });
    return bottom;
  };

  if (o.meta_style === 'kv') {
    autoTable(doc, {
      startY: y - 10,
      theme: 'plain',
      body: job.meta,
      margin: { left: W - M - 215, right: M },
      styles: { font: F, fontSize: 9, cellPadding: { top: 1.5, bottom: 1.5, left: 3, right: 0 } },
      columnStyles: { 0: { fontStyle: 'bold', cellWidth: 'wrap' }, 1: { halign: 'right' } },
    });
    const metaEnd = doc.lastAutoTable.finalY;
    const pEnd = drawParties(y, M, 160);
    y = Math.max(metaEnd, pEnd) + 18;
  } else {
    const perRow = 4;
    const colW = (W - 2 * M) / perRow;
    for (let r = 0; r < job.meta.length; r += perRow) {
      job.meta.slice(r, r + perRow).forEach(([label, value], i) => {
        const x = M + i * colW;
        doc.setFont(F, 'normal');
        doc.setFontSize(7.5);
        doc.setTextColor(120);
        doc.text(label, x, y);
        doc.setTextColor(0);
        doc.setFont(F, 'bold');
        doc.setFontSize(9.5);
        doc.text(value, x, y + 12);
      });
      y += 28;
    }
    doc.setDrawColor(200);
    doc.line(M, y - 6, W - M, y - 6);
    y = drawParties(y + 10, M, (W - 2 * M) / 2) + 16;
  }

  const headFill = o.theme === 'plain' ? false : acc;
  autoTable(doc, {
    startY: y,
    head: [job.table.head],
    body: job.table.rows,
    theme: o.theme,
    showHead: o.showHead,
    rowPageBreak: 'avoid',
    margin: { top: 64, left: M, right: M, bottom: 60 },
    styles: { font: F, fontSize: 9, cellPadding: 4, overflow: 'linebreak', valign: 'top' },
    headStyles: headFill ? { fillColor: headFill, textColor: 255, fontStyle: 'bold' } : { fontStyle: 'bold', lineWidth: { bottom: 0.8 }, lineColor: 40 },
    columnStyles: columnStyles(job),
    didParseCell: headAlign(job),
    didDrawPage: (data) => {
      if (data.pageNumber > 1) {
        doc.setFont(F, 'normal');
        doc.setFontSize(8);
        doc.setTextColor(110);
        doc.text(`${job.supplier.name} – ${job.num_label} ${job.number} (${job.cont})`, M, 40);
        doc.setTextColor(0);
      }
    },
  });
  y = doc.lastAutoTable.finalY + 8;
  autoTable(doc, {
    startY: y,
    theme: 'plain',
    body: job.totals.map((t) => [t[0], t[1]]),
    pageBreak: 'avoid',
    margin: { left: W - M - 250, right: M, top: 64, bottom: 60 },
    styles: { font: F, fontSize: 9.5, cellPadding: { top: 2, bottom: 2, left: 4, right: 4 } },
    columnStyles: { 0: { halign: 'right' }, 1: { halign: 'right', cellWidth: 'wrap' } },
    didParseCell: (data) => {
      const st = job.totals[data.row.index][2];
      if (st) data.cell.styles.fontStyle = 'bold';
      if (st === 'big') {
        data.cell.styles.fontSize = 11;
        data.cell.styles.lineWidth = { top: 0.8 };
        data.cell.styles.lineColor = 60;
      }
    },
  });
  y = doc.lastAutoTable.finalY + 16;
  if (job.vat) {
    if (y > H - 140) {
      doc.addPage();
      y = 64;
    }
    doc.setFont(F, 'bold');
    doc.setFontSize(9);
    doc.text(job.vat.title, M, y);
    autoTable(doc, {
      startY: y + 5,
      theme: o.theme === 'plain' ? 'plain' : 'grid',
      head: [job.vat.head],
      body: job.vat.rows,
      tableWidth: 'wrap',
      margin: { left: M, top: 64, bottom: 60 },
      styles: { font: F, fontSize: 8.5, cellPadding: 3, halign: 'right' },
      headStyles: { fillColor: [235, 235, 235], textColor: 20 },
    });
    y = doc.lastAutoTable.finalY + 16;
  }
  doc.setFont(F, 'normal');
  doc.setTextColor(40);
  const blocks = [];
  if (job.notes.length) blocks.push([job.notes_label, job.notes]);
  if (job.terms.length) blocks.push([job.terms_label, job.terms]);
  blocks.push([job.bank_label, [job.bank.join(' · ')]]);
  for (const [label, lines] of blocks) {
    if (y > H - 90) {
      doc.addPage();
      y = 64;
    }
    doc.setFont(F, 'bold');
    doc.setFontSize(9);
    doc.text(label, M, y);
    doc.setFont(F, 'normal');
    y = jsTextBlock(doc, F, lines, M, y + 12, W - 2 * M, 8.5, H, 70) + 6;
  }
  doc.setFontSize(10);
  doc.setTextColor(...acc);
  doc.text(job.thanks, M, Math.min(y + 8, H - 70));
  doc.setTextColor(0);
  // footers on every page
  const n = doc.getNumberOfPages();
  for (let i = 1; i <= n; i++) {
    doc.setPage(i);
    doc.setDrawColor(190);
    doc.line(M, H - 48, W - M, H - 48);
    doc.setFont(F, 'normal');
    doc.setFontSize(7);
    doc.setTextColor(120);
    job.footer.forEach((l, k) => doc.text(l, W / 2, H - 37 + k * 9, { align: 'center' }));
    doc.setFontSize(8);
    doc.text(pageLabel(job, i, n), W - M, H - 14, { align: 'right' });
    doc.setTextColor(0);
  }
  jsSave(doc, job);
}

// ----------------------------------------------------------------------------- family: autotable-erp
function renderAutotableErp(job) {
  const o = job.opts;
  const doc = jsNew(job);
  const F = jsFont(doc, job.font);
  const W = doc.internal.pageSize.getWidth();
  const H = doc.internal.pageSize.getHeight();
  const M = 48;
  const right = o.letterhead === 'right';
  // letterhead
  const lx = right ? W - M : M;
  const al = right ? 'right' : 'left';
  doc.setFont(F, 'bold');
  doc.setFontSize(13);
  doc.text(job.supplier.name, lx, 50, { align: al });
  doc.setFont(F, 'normal');
  doc.setFontSize(8.5);
  let ly = 64;
  for (const l of [...job.supplier.lines, ...job.supplier.contact]) {
    doc.text(l, lx, ly, { align: al });
    ly += 10.5;
  }
  // recipient window (DIN 5008 style position)
  let y = Math.max(ly + 12, 128);
  if (o.sender_line) {
    doc.setFontSize(6.5);
    const sl = [job.supplier.name, ...job.supplier.lines].join(' · ');
    doc.text(sl, M, y);
    doc.setDrawColor(0);
    doc.setLineWidth(0.4);
    doc.line(M, y + 2, M + doc.getTextWidth(sl), y + 2);
    y += 14;
  }
  let py = y;
  job.parties.forEach((p, i) => {
    const x = M + i * 250;
    let yy = y;
    if (i > 0 || !o.sender_line) {
      doc.setFont(F, 'bold');
      doc.setFontSize(8);
      doc.text(p.label, x, yy);
      yy += 12;
    }
    doc.setFont(F, 'normal');
    doc.setFontSize(10);
    for (const l of p.lines) {
      doc.text(l, x, yy);
      yy += 12.5;
    }
    py = Math.max(py, yy);
  });
  y = py + 16;
  doc.setFont(F, 'bold');
  doc.setFontSize(16);
  doc.text(job.title, M, y);
  y += 10;
  // meta: labels over values, one grid row
  autoTable(doc, {
    startY: y,
    theme: 'grid',
    head: [job.meta.map((kv) => kv[0])],
    body: [job.meta.map((kv) => kv[1])],
    margin: { left: M, right: M },
    styles: { font: F, fontSize: 8.5, cellPadding: 3, lineColor: 150, lineWidth: 0.4, textColor: 0 },
    headStyles: { fillColor: [238, 238, 238], fontStyle: 'normal', fontSize: 7.5, textColor: 70 },
  });
  y = doc.lastAutoTable.finalY + 14;
  const contHeader = () => {
    doc.setFont(F, 'normal');
    doc.setFontSize(8);
    doc.text(`${job.title} ${job.number}`, M, 40);
  };
  autoTable(doc, {
    startY: y,
    head: [job.table.head],
    body: job.table.rows,
    theme: o.theme,
    showHead: o.showHead,
    rowPageBreak: 'avoid',
    margin: { top: 56, left: M, right: M, bottom: 80 },
    styles: { font: F, fontSize: 8.5, cellPadding: 3.5, overflow: 'linebreak', lineColor: 150, lineWidth: o.theme === 'grid' ? 0.4 : 0 },
    headStyles: { fillColor: o.theme === 'grid' ? [220, 220, 220] : rgb(o.accent), textColor: o.theme === 'grid' ? 0 : 255, fontStyle: 'bold' },
    columnStyles: columnStyles(job),
    didParseCell: headAlign(job),
    didDrawPage: (data) => {
      if (data.pageNumber > 1) contHeader();
    },
  });
  y = doc.lastAutoTable.finalY + 12;
  const need = (Math.max(job.totals.length, job.vat ? job.vat.rows.length + 2 : 0) + 1) * 16;
  if (y + need > H - 80) {
    doc.addPage();
    contHeader();
    y = 56;
  }
  const startTotals = y;
  let vatEnd = y;
  if (job.vat) {
    autoTable(doc, {
      startY: y,
      theme: 'grid',
      head: [job.vat.head],
      body: job.vat.rows,
      tableWidth: 'wrap',
      margin: { left: M, bottom: 80 },
      styles: { font: F, fontSize: 8, cellPadding: 2.5, halign: 'right', lineColor: 150, lineWidth: 0.4 },
      headStyles: { fillColor: [238, 238, 238], textColor: 40 },
    });
    vatEnd = doc.lastAutoTable.finalY;
  }
  autoTable(doc, {
    startY: startTotals,
    theme: o.theme === 'grid' ? 'grid' : 'plain',
    body: job.totals.map((t) => [t[0], t[1]]),
    margin: { left: W - M - 230, right: M, bottom: 80 },
    styles: { font: F, fontSize: 9, cellPadding: 3, lineColor: 150, lineWidth: o.theme === 'grid' ? 0.4 : 0 },
    columnStyles: { 0: { halign: 'left' }, 1: { halign: 'right', cellWidth: 'wrap' } },
    didParseCell: (data) => {
      const st = job.totals[data.row.index][2];
      if (st) data.cell.styles.fontStyle = 'bold';
      if (st === 'big') data.cell.styles.fillColor = [238, 238, 238];
    },
  });
  y = Math.max(vatEnd, doc.lastAutoTable.finalY) + 18;
  doc.setTextColor(0);
  const lines = [...job.notes, ...job.terms];
  if (lines.length) {
    doc.setFont(F, 'normal');
    y = jsTextBlock(doc, F, lines, M, y, W - 2 * M, 9, H, 90) + 4;
  }
  doc.setFont(F, 'normal');
  jsTextBlock(doc, F, [job.thanks], M, y + 4, W - 2 * M, 9, H, 90);
  // footer: three columns + page label
  const n = doc.getNumberOfPages();
  const cols = [
    [job.supplier.name, ...job.supplier.lines],
    [...job.supplier.contact],
    [job.bank_label + ':', ...job.bank],
    [...job.supplier.legal],
  ];
  const cw = (W - 2 * M) / cols.length;
  for (let i = 1; i <= n; i++) {
    doc.setPage(i);
    doc.setDrawColor(120);
    doc.setLineWidth(0.5);
    doc.line(M, H - 66, W - M, H - 66);
    doc.setFont(F, 'normal');
    doc.setFontSize(6.5);
    doc.setTextColor(80);
    cols.forEach((c, k) => {
      let fy = H - 56;
      for (const l of c) {
        for (const part of doc.splitTextToSize(l, cw - 6)) {
          doc.text(part, M + k * cw, fy);
          fy += 8;
        }
      }
    });
    doc.setFontSize(8);
    doc.text(pageLabel(job, i, n), W - M, H - 72, { align: 'right' });
    doc.setTextColor(0);
  }
  jsSave(doc, job);
}

// ----------------------------------------------------------------------------- pdfmake helpers
const STD_PDFMAKE = {
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
  Times: { normal: 'Times-Roman', bold: 'Times-Bold', italics: 'Times-Italic', bolditalics: 'Times-BoldItalic' },
};

function pmFonts(font) {
  if (font.kind === 'std') return STD_PDFMAKE;
  return {
    ...STD_PDFMAKE,
    [font.name]: { normal: font.regular, bold: font.bold, italics: font.italic || font.regular, bolditalics: font.bold },
  };
}

async function pmWrite(job, dd) {
  pdfmake.setFonts(pmFonts(job.font));
  dd.info = { title: `${job.title} ${job.number}`, author: job.supplier.name, creator: 'invoicebot bench', creationDate: new Date(job.creation) };
  dd.pageSize = job.paper === 'letter' ? 'LETTER' : 'A4';
  await pdfmake.createPdf(dd).write(job.out);
}

function pmItemTable(job, layout, headerRows, accent) {
  const head = job.table.head.map((h, i) => ({ text: h, bold: true, alignment: job.table.align[i], color: layout === 'zebra' ? 'white' : undefined }));
  const body = [head, ...job.table.rows.map((r) => r.map((c, i) => ({ text: c, alignment: job.table.align[i] })))];
  const table = { headerRows, dontBreakRows: true, widths: job.table.kind.map((k) => (k === 'desc' ? '*' : 'auto')), body };
  const node = { table, margin: [0, 8, 0, 8] };
  if (layout === 'zebra') {
    node.layout = {
      fillColor: (i) => (i === 0 ? accent : i % 2 === 0 ? '#F2F2F2' : null),
      hLineWidth: () => 0,
      vLineWidth: () => 0,
    };
  } else if (layout !== 'boxed') {
    node.layout = layout; // 'lightHorizontalLines' | 'headerLineOnly' | 'noBorders' ; 'boxed' = pdfmake's default grid
  }
  return node;
}

function pmTotals(job, layout) {
  return {
    table: {
      widths: ['auto', 'auto'],
      body: job.totals.map(([l, v, st]) => [
        { text: l, alignment: 'right', bold: !!st, noWrap: true, fontSize: st === 'big' ? 11 : undefined },
        { text: v, alignment: 'right', bold: !!st, fontSize: st === 'big' ? 11 : undefined },
      ]),
    },
    layout,
  };
}

// ----------------------------------------------------------------------------- family: pdfmake
async function renderPdfmake(job) {
  const o = job.opts;
  const F = job.font.name;
  const supplier = {
    width: '*',
    stack: [
      { text: job.supplier.name, fontSize: 14, bold: true, color: o.accent },
      ...job.supplier.lines,
      ...job.supplier.contact,
      ...job.supplier.legal.slice(0, 1),
    ],
  };
  const metaBlock = {
    width: 'auto',
    stack: [
      { text: job.title, fontSize: 20, bold: true, alignment: o.letterhead === 'left' ? 'right' : 'left', margin: [0, 0, 0, 6] },
      { table: { body: job.meta.map(([k, v]) => [{ text: k, bold: true }, { text: v, alignment: 'right' }]) }, layout: 'noBorders' },
    ],
  };
  if (o.letterhead !== 'left') supplier.alignment = 'right';
  const top = o.letterhead === 'left' ? [supplier, metaBlock] : [metaBlock, supplier];
  const content = [
    { columns: top, columnGap: 20 },
    {
      columns: job.parties.map((p) => ({ width: 220, stack: [{ text: p.label, bold: true, color: o.accent, margin: [0, 0, 0, 2] }, ...p.lines] })),
      margin: [0, 22, 0, 10],
    },
    pmItemTable(job, o.layout, o.headerRows, o.accent),
  ];
  const left = [];
  if (job.vat) {
    left.push({ text: job.vat.title, bold: true, margin: [0, 0, 0, 3] });
    left.push({
      table: { headerRows: 1, body: [job.vat.head.map((h) => ({ text: h, bold: true, alignment: 'right' })), ...job.vat.rows.map((r) => r.map((c) => ({ text: c, alignment: 'right' })))] },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    });
  }
  content.push({ columns: [{ width: '*', stack: left }, { width: 'auto', ...pmTotals(job, 'noBorders') }], columnGap: 20, unbreakable: true });
  const tail = [];
  if (job.notes.length) tail.push({ text: job.notes_label, bold: true, margin: [0, 12, 0, 2] }, ...job.notes);
  if (job.terms.length) tail.push({ text: job.terms_label, bold: true, margin: [0, 10, 0, 2] }, ...job.terms);
  tail.push({ text: job.bank_label, bold: true, margin: [0, 10, 0, 2] }, job.bank.join('   '));
  tail.push({ text: job.thanks, italics: true, margin: [0, 14, 0, 0] });
  content.push(...tail);
  if (job.general) {
    content.push({ text: job.general.title, fontSize: 13, bold: true, pageBreak: 'before', margin: [0, 0, 0, 8] });
    content.push({ text: job.general.text, alignment: 'justify' });
  }
  await pmWrite(job, {
    pageMargins: [40, 50, 40, 62],
    defaultStyle: { font: F, fontSize: 9, lineHeight: 1.15 },
    header: (cur) => (cur > 1 ? { text: `${job.supplier.name} – ${job.title} ${job.number}`, fontSize: 7.5, color: '#777', margin: [40, 24, 40, 0] } : null),
    footer: (cur, count) => ({
      margin: [40, 14, 40, 0],
      columns: [
        { width: '*', stack: job.footer, fontSize: 7, color: '#666' },
        { width: 'auto', text: pageLabel(job, cur, count), fontSize: 8 },
      ],
    }),
    content,
  });
}

// ----------------------------------------------------------------------------- family: pdfmake-stack
async function renderPdfmakeStack(job) {
  const o = job.opts;
  const F = job.font.name;
  const metaCols = [];
  for (let r = 0; r < job.meta.length; r += 3) {
    metaCols.push({
      columns: job.meta.slice(r, r + 3).map(([k, v]) => ({ width: 170, stack: [{ text: k, fontSize: 7.5, color: '#6b7280' }, { text: v, bold: true }] })),
      margin: [0, 0, 0, 8],
    });
  }
  const partyCols = [
    { width: '*', stack: [{ text: job.supplier.name, bold: true }, ...job.supplier.lines, ...job.supplier.contact.slice(0, 2)] },
    ...job.parties.map((p) => ({ width: '*', stack: [{ text: p.label, fontSize: 7.5, color: '#6b7280', margin: [0, 0, 0, 2] }, ...p.lines] })),
  ];
  const content = [
    {
      columns: [
        { width: '*', text: job.title, fontSize: 24, bold: true },
        { width: 'auto', text: job.supplier.name, fontSize: 11, bold: true, alignment: 'right', margin: [0, 8, 0, 0] },
      ],
      margin: [0, 0, 0, 18],
    },
    ...metaCols,
    { columns: partyCols, columnGap: 16, margin: [0, 10, 0, 16] },
  ];
  if (job.headline) content.push({ text: job.headline, fontSize: 15, bold: true, margin: [0, 0, 0, 14] });
  const head = job.table.head.map((h, i) => ({ text: h, fontSize: 8, color: '#6b7280', alignment: job.table.align[i] }));
  const body = [head, ...job.table.rows.map((r) => r.map((c, i) => ({ text: c, alignment: job.table.align[i] })))];
  content.push({
    table: { headerRows: o.headerRows, dontBreakRows: true, widths: job.table.kind.map((k) => (k === 'desc' ? '*' : 'auto')), body },
    layout: {
      hLineWidth: (i, node) => (i === 1 || i === node.table.body.length ? 0.7 : 0),
      vLineWidth: () => 0,
      hLineColor: () => '#9ca3af',
      paddingTop: () => 5,
      paddingBottom: () => 5,
    },
  });
  content.push({
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: {
          widths: [150, 'auto'],
          body: job.totals.map(([l, v, st]) => [{ text: l, bold: st === 'big' }, { text: v, alignment: 'right', bold: st === 'big' }]),
        },
        layout: { hLineWidth: (i, node) => (i > 0 && i < node.table.body.length ? 0.5 : 0), vLineWidth: () => 0, hLineColor: () => '#d1d5db' },
      },
    ],
    margin: [0, 10, 0, 10],
    unbreakable: true,
  });
  if (job.vat) {
    content.push({ text: job.vat.title, fontSize: 8, color: '#6b7280', margin: [0, 6, 0, 2] });
    content.push({
      table: { widths: ['auto', 'auto', 'auto', 'auto'], body: [job.vat.head.map((h) => ({ text: h, bold: true })), ...job.vat.rows] },
      layout: 'headerLineOnly',
      fontSize: 8,
    });
  }
  const small = [...job.notes, ...job.terms, `${job.bank_label}: ${job.bank.join(', ')}`, ...job.supplier.legal];
  content.push({ stack: small, fontSize: 8, color: '#374151', margin: [0, 16, 0, 0] });
  await pmWrite(job, {
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: F, fontSize: 9 },
    footer: (cur, count) => ({
      margin: [48, 18, 48, 0],
      fontSize: 7.5,
      color: '#6b7280',
      columns: [{ text: `${job.num_label} ${job.number}` }, { text: pageLabel(job, cur, count), alignment: 'right' }],
    }),
    content,
  });
}

// ----------------------------------------------------------------------------- family: pdfkit (by hand)
function renderPdfkit(job) {
  return new Promise((resolve, reject) => {
    const o = job.opts;
    const doc = new PDFDocument({
      size: job.paper === 'letter' ? 'LETTER' : 'A4',
      margins: { top: 50, bottom: 50, left: 50, right: 50 },
      bufferPages: true,
      info: { Title: `${job.title} ${job.number}`, Author: job.supplier.name, Creator: 'invoicebot bench', CreationDate: new Date(job.creation) },
    });
    const out = fs.createWriteStream(job.out);
    out.on('finish', resolve);
    out.on('error', reject);
    doc.pipe(out);
    let R = 'Helvetica';
    let B = 'Helvetica-Bold';
    if (job.font.kind === 'std' && job.font.name === 'Times') {
      R = 'Times-Roman';
      B = 'Times-Bold';
    } else if (job.font.kind === 'ttf') {
      doc.registerFont('R', job.font.regular);
      doc.registerFont('B', job.font.bold);
      R = 'R';
      B = 'B';
    }
    const W = doc.page.width;
    const H = doc.page.height;
    const L = 50;
    const RM = W - 50;
    const acc = o.accent;
    // header
    doc.font(B).fontSize(17).fillColor(acc).text(job.supplier.name, L, 50, { width: 300 });
    doc.font(R).fontSize(9).fillColor('#444444');
    for (const l of [...job.supplier.lines, ...job.supplier.contact]) doc.text(l);
    const headBottom = doc.y;
    doc.font(B).fontSize(20).fillColor('#000000').text(job.title, RM - 220, 50, { width: 220, align: 'right' });
    let y = 80;
    doc.fontSize(9);
    if (o.meta_style === 'continued') {
      for (const [k, v] of job.meta) {
        doc.font(B).text(`${k}: `, RM - 200, y, { width: 200, continued: true }).font(R).text(v);
        y = doc.y + 1;
      }
    } else {
      for (const [k, v] of job.meta) {
        doc.font(B).text(k, RM - 230, y, { width: 110, lineBreak: false });
        doc.font(R).text(v, RM - 120, y, { width: 120, align: 'right', lineBreak: false });
        y += 13;
      }
    }
    y = Math.max(y, headBottom) + 18;
    let py = y;
    job.parties.forEach((p, i) => {
      const x = L + i * 200;
      doc.font(B).fontSize(9).fillColor(acc).text(p.label, x, y);
      doc.font(R).fillColor('#000000');
      for (const l of p.lines) doc.text(l, x, doc.y, { width: 190 });
      py = Math.max(py, doc.y);
    });
    y = py + 20;
    // columns
    const WID = { pos: 24, sku: 70, qty: o.qty_unit ? 62 : 42, unit: 38, price: 72, disc: 42, vat: 42, total: 78 };
    const kinds = job.table.kind;
    const fixed = kinds.filter((k) => k !== 'desc').reduce((s, k) => s + WID[k], 0);
    const gap = 6;
    const descW = RM - L - fixed - gap * (kinds.length - 1);
    const xs = [];
    let x = L;
    const ws = kinds.map((k) => (k === 'desc' ? descW : WID[k]));
    ws.forEach((w) => {
      xs.push(x);
      x += w + gap;
    });
    const bottom = H - 70;
    const drawHead = () => {
      doc.font(B).fontSize(8.5).fillColor('#000000');
      if (o.rules === 'zebra') {
        doc.rect(L - 3, y - 3, RM - L + 6, 15).fill(acc);
        doc.fillColor('#ffffff');
      }
      kinds.forEach((k, i) => doc.text(job.table.head[i], xs[i], y, { width: ws[i], align: job.table.align[i], lineBreak: false }));
      doc.fillColor('#000000');
      y += 14;
      doc.moveTo(L, y - 2).lineTo(RM, y - 2).lineWidth(0.8).strokeColor('#333333').stroke();
      y += 3;
    };
    drawHead();
    doc.font(R).fontSize(9);
    job.table.rows.forEach((row, r) => {
      const di = kinds.indexOf('desc');
      const h = Math.max(doc.heightOfString(row[di], { width: descW }), 11) + 5;
      if (y + h > bottom) {
        doc.addPage();
        y = 50;
        doc.font(R).fontSize(8).fillColor('#777777').text(`${job.title} ${job.number} – ${job.cont}`, L, y, { lineBreak: false });
        y += 18;
        if (o.repeat_head) drawHead();
        doc.font(R).fontSize(9).fillColor('#000000');
      }
      if (o.rules === 'zebra' && r % 2 === 1) {
        doc.rect(L - 3, y - 2, RM - L + 6, h).fill('#f0f0f0');
        doc.fillColor('#000000');
      }
      row.forEach((c, i) => {
        if (i === di) doc.text(c, xs[i], y, { width: ws[i] });
        else doc.text(c, xs[i], y, { width: ws[i], align: job.table.align[i], lineBreak: false });
      });
      y += h;
      if (o.rules === 'lines') doc.moveTo(L, y - 2).lineTo(RM, y - 2).lineWidth(0.3).strokeColor('#bbbbbb').stroke();
    });
    // totals
    y += 8;
    const need = job.totals.length * 15 + 10;
    if (y + need > bottom) {
      doc.addPage();
      y = 60;
    }
    for (const [l, v, st] of job.totals) {
      const f = st ? B : R;
      const size = st === 'big' ? 11 : 9;
      if (st === 'big') {
        doc.moveTo(RM - 240, y - 3).lineTo(RM, y - 3).lineWidth(0.8).strokeColor('#000000').stroke();
      }
      doc.font(f).fontSize(size).text(l, RM - 250, y, { width: 160, align: 'right', lineBreak: false });
      doc.text(v, RM - 85, y, { width: 85, align: 'right', lineBreak: false });
      y += st === 'big' ? 17 : 14;
    }
    y += 14;
    doc.font(R).fontSize(8.5).fillColor('#333333');
    const tail = [...job.notes, ...job.terms, `${job.bank_label}: ${job.bank.join(' – ')}`, job.thanks];
    for (const t of tail) {
      const h = doc.heightOfString(t, { width: RM - L });
      if (y + h > bottom) {
        doc.addPage();
        y = 60;
      }
      doc.text(t, L, y, { width: RM - L });
      y = doc.y + 4;
    }
    // footers
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.page.margins.bottom = 0;
      doc.font(R).fontSize(7).fillColor('#777777');
      doc.text(job.footer.join(' | '), L, H - 40, { width: RM - L - 80, lineBreak: true, height: 20 });
      doc.fontSize(8).text(pageLabel(job, i + 1, range.count), RM - 80, H - 40, { width: 80, align: 'right', lineBreak: false });
    }
    doc.end();
  });
}

// ----------------------------------------------------------------------------- main
const RENDER = {
  autotable: renderAutotable,
  'autotable-erp': renderAutotableErp,
  pdfmake: renderPdfmake,
  'pdfmake-stack': renderPdfmakeStack,
  pdfkit: renderPdfkit,
};

async function main() {
  pdfmake.setUrlAccessPolicy(() => false);
  // standard font names (no path) and the TTF files under /usr/share/fonts and node_modules
  pdfmake.setLocalAccessPolicy((p) => !p.includes('/') || p.startsWith('/usr/share/fonts/') || p.startsWith(__dirname));
  const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  for (const job of jobs) {
    try {
      await RENDER[job.family](job);
    } catch (e) {
      console.error(`${job.id}: ${e.stack || e}`);
      process.exitCode = 1;
    }
  }
}

main();
