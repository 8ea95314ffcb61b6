// Lays out the invoice jobs written by gen.py with iText 5 (Debian's libitext5-java 5.5.13, AGPL; used, not shipped).
//
//   javac -cp itext5.jar:itext5-xmlworker.jar:gson.jar Render.java && java -cp .:... Render JOBS.json
//
// Every string printed is formatted by gen.py; this file only places it, with one layout per family:
//   erp-boxed         PdfPTable everywhere (boxed document-info grid, repeated head row, "continued" footer row
//                     via setFooterRows/setSkipLastFooter), page event with "Page x of y" through a PdfTemplate
//   jasper-bands      absolute bands as a JasperReports export draws them: PdfContentByte + ColumnText.showTextAligned,
//                     descriptions wrapped by ColumnText, optional decimal alignment, summary band, VAT summary
//                     written with PdfPTable.writeSelectedRows
//   cashcarry         dense wholesale invoice: Barcode128 of the number, one-row meta grid, VAT code letters with
//                     a legend table, small fonts (monospace or narrow), decimal-aligned cells drawn by a cell event
//   xmlworker-shop    web shop invoice in XHTML + CSS parsed by XMLWorker (repeat-header on the item table)
//   grouped-delivery  collective invoice grouped by delivery notes (group head rows and subtotal rows) in a PdfPTable
//                     flowed through ColumnText, running header on later pages
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.itextpdf.text.BaseColor;
import com.itextpdf.text.Chunk;
import com.itextpdf.text.Document;
import com.itextpdf.text.DocumentException;
import com.itextpdf.text.Element;
import com.itextpdf.text.Font;
import com.itextpdf.text.Image;
import com.itextpdf.text.Paragraph;
import com.itextpdf.text.Phrase;
import com.itextpdf.text.Rectangle;
import com.itextpdf.text.PageSize;
import com.itextpdf.text.pdf.Barcode128;
import com.itextpdf.text.pdf.BaseFont;
import com.itextpdf.text.pdf.ColumnText;
import com.itextpdf.text.pdf.PdfContentByte;
import com.itextpdf.text.pdf.PdfPCell;
import com.itextpdf.text.pdf.PdfPCellEvent;
import com.itextpdf.text.pdf.PdfPTable;
import com.itextpdf.text.pdf.PdfPageEventHelper;
import com.itextpdf.text.pdf.PdfTemplate;
import com.itextpdf.text.pdf.PdfWriter;
import com.itextpdf.text.pdf.draw.DottedLineSeparator;
import com.itextpdf.text.pdf.draw.LineSeparator;
import com.itextpdf.tool.xml.XMLWorkerFontProvider;
import com.itextpdf.tool.xml.XMLWorker;
import com.itextpdf.tool.xml.XMLWorkerHelper;
import com.itextpdf.tool.xml.ElementList;
import com.itextpdf.tool.xml.css.StyleAttrCSSResolver;
import com.itextpdf.tool.xml.html.CssAppliersImpl;
import com.itextpdf.tool.xml.html.Tags;
import com.itextpdf.tool.xml.parser.XMLParser;
import com.itextpdf.tool.xml.pipeline.css.CSSResolver;
import com.itextpdf.tool.xml.pipeline.css.CssResolverPipeline;
import com.itextpdf.tool.xml.pipeline.end.ElementHandlerPipeline;
import com.itextpdf.tool.xml.pipeline.html.HtmlPipeline;
import com.itextpdf.tool.xml.pipeline.html.HtmlPipelineContext;

import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class Render {
    static final String DJ = "/usr/share/fonts/truetype/dejavu/";
    static final String LI = "/usr/share/fonts/truetype/liberation/";
    static final Map<String, String[]> TTF = new HashMap<>();
    static {
        TTF.put("DejaVu Sans", new String[]{DJ + "DejaVuSans.ttf", DJ + "DejaVuSans-Bold.ttf"});
        TTF.put("DejaVu Sans Condensed", new String[]{DJ + "DejaVuSansCondensed.ttf", DJ + "DejaVuSansCondensed-Bold.ttf"});
        TTF.put("DejaVu Serif", new String[]{DJ + "DejaVuSerif.ttf", DJ + "DejaVuSerif-Bold.ttf"});
        TTF.put("DejaVu Sans Mono", new String[]{DJ + "DejaVuSansMono.ttf", DJ + "DejaVuSansMono-Bold.ttf"});
        TTF.put("Liberation Sans", new String[]{LI + "LiberationSans-Regular.ttf", LI + "LiberationSans-Bold.ttf"});
        TTF.put("Liberation Serif", new String[]{LI + "LiberationSerif-Regular.ttf", LI + "LiberationSerif-Bold.ttf"});
        TTF.put("Liberation Sans Narrow", new String[]{LI + "LiberationSansNarrow-Regular.ttf", LI + "LiberationSansNarrow-Bold.ttf"});
        TTF.put("Liberation Mono", new String[]{LI + "LiberationMono-Regular.ttf", LI + "LiberationMono-Bold.ttf"});
    }

    // ------------------------------------------------------------------ per-job state
    JsonObject job, opts, table;
    BaseFont bf, bfb;
    float size;
    BaseColor accent;
    Rectangle pageSize;
    String dp;

    Render(JsonObject job) throws DocumentException, IOException {
        this.job = job;
        this.opts = job.getAsJsonObject("opts");
        this.table = job.getAsJsonObject("table");
        this.dp = table.get("dp").getAsString();
        this.size = opts.get("size").getAsFloat();
        this.accent = hex(opts.get("accent").getAsString());
        this.pageSize = "letter".equals(job.get("paper").getAsString()) ? PageSize.LETTER : PageSize.A4;
        JsonObject font = job.getAsJsonObject("font");
        String name = font.get("name").getAsString();
        if ("ttf".equals(font.get("kind").getAsString())) {
            String[] p = TTF.get(name);
            bf = BaseFont.createFont(p[0], BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            bfb = BaseFont.createFont(p[1], BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } else {
            String r = name.equals("Times") ? BaseFont.TIMES_ROMAN : name.equals("Courier") ? BaseFont.COURIER : BaseFont.HELVETICA;
            String b = name.equals("Times") ? BaseFont.TIMES_BOLD : name.equals("Courier") ? BaseFont.COURIER_BOLD : BaseFont.HELVETICA_BOLD;
            bf = BaseFont.createFont(r, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            bfb = BaseFont.createFont(b, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        }
    }

    static BaseColor hex(String h) {
        return new BaseColor(Integer.parseInt(h.substring(1, 3), 16), Integer.parseInt(h.substring(3, 5), 16),
                Integer.parseInt(h.substring(5, 7), 16));
    }

    static BaseColor light(BaseColor c, float t) {
        return new BaseColor((int) (c.getRed() + (255 - c.getRed()) * t), (int) (c.getGreen() + (255 - c.getGreen()) * t),
                (int) (c.getBlue() + (255 - c.getBlue()) * t));
    }

    Font f(float s) { return new Font(bf, s); }
    Font fb(float s) { return new Font(bfb, s); }
    Font f(float s, BaseColor c) { return new Font(bf, s, Font.NORMAL, c); }
    Font fb(float s, BaseColor c) { return new Font(bfb, s, Font.NORMAL, c); }

    boolean opt(String k) { return opts.has(k) && opts.get(k).getAsBoolean(); }
    String optS(String k) { return opts.has(k) ? opts.get(k).getAsString() : ""; }
    String s(String k) { return job.has(k) && !job.get(k).isJsonNull() ? job.get(k).getAsString() : null; }

    static List<String> strs(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) return out;
        for (JsonElement x : e.getAsJsonArray()) out.add(x.getAsString());
        return out;
    }

    static List<List<String>> rows(JsonElement e) {
        List<List<String>> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) return out;
        for (JsonElement x : e.getAsJsonArray()) out.add(strs(x));
        return out;
    }

    List<String> kinds() { return strs(table.get("kind")); }
    List<String> aligns() { return strs(table.get("align")); }
    List<String> head() { return strs(table.get("head")); }
    List<List<String>> items() { return rows(table.get("rows")); }

    static int al(String a) {
        return a.equals("right") ? Element.ALIGN_RIGHT : a.equals("center") ? Element.ALIGN_CENTER : Element.ALIGN_LEFT;
    }

    float[] relWidths(List<String> kinds, boolean wideCode) {
        float[] w = new float[kinds.size()];
        for (int i = 0; i < w.length; i++) {
            switch (kinds.get(i)) {
                case "pos": w[i] = 4; break;
                case "sku": w[i] = wideCode ? 15 : 11; break;
                case "desc": w[i] = 38; break;
                case "qty": w[i] = 8; break;
                case "unit": w[i] = 8; break;
                case "price": w[i] = 12; break;
                case "disc": w[i] = 7; break;
                case "vat": w[i] = 7; break;
                case "vcode": w[i] = 5; break;
                default: w[i] = 13;
            }
        }
        return w;
    }

    /** Column widths in points for a table `avail` wide: the relative widths, each numeric/code column widened to
     *  its longest cell and longest head word (so that no number wraps), the description taking the rest. */
    float[] fitted(List<String> k, boolean wide, float avail) {
        float[] rel = relWidths(k, wide);
        float sum = 0;
        for (float x : rel) sum += x;
        List<List<String>> rs = items();
        List<String> hd = head();
        float[] w = new float[k.size()];
        float others = 0;
        for (int i = 0; i < k.size(); i++) {
            w[i] = rel[i] / sum * avail;
            if (k.get(i).equals("desc")) continue;
            float need = 0;
            for (String word : hd.get(i).split(" ")) need = Math.max(need, bfb.getWidthPoint(word, size));
            for (List<String> r : rs) need = Math.max(need, bf.getWidthPoint(r.get(i), size));
            w[i] = Math.max(w[i], need + 8);
            others += w[i];
        }
        int di = k.indexOf("desc");
        if (di >= 0) w[di] = Math.max(80, avail - others);
        return w;
    }

    // ------------------------------------------------------------------ page footer / header event
    class Pager extends PdfPageEventHelper {
        PdfTemplate total;
        BaseFont font;
        float fs;
        List<String> lines;
        String running; // header text of later pages (null: none)
        boolean pageRight = true;

        Pager(List<String> lines, String running) {
            this.lines = lines;
            this.running = running;
            this.font = bf;
            this.fs = Math.max(6f, size - 2);
        }

        @Override
        public void onOpenDocument(PdfWriter w, Document d) {
            total = w.getDirectContent().createTemplate(40, 16);
        }

        @Override
        public void onEndPage(PdfWriter w, Document d) {
            PdfContentByte cb = w.getDirectContent();
            Rectangle ps = d.getPageSize();
            float y = 22 + fs * 1.3f * (lines.size() - 1);
            for (String l : lines) {
                ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, new Phrase(l, new Font(font, fs, Font.NORMAL, BaseColor.DARK_GRAY)),
                        ps.getWidth() / 2, y, 0);
                y -= fs * 1.3f;
            }
            cb.setLineWidth(0.4f);
            cb.setColorStroke(BaseColor.GRAY);
            float top = 22 + fs * 1.3f * lines.size() + 2;
            cb.moveTo(d.leftMargin(), top);
            cb.lineTo(ps.getWidth() - d.rightMargin(), top);
            cb.stroke();
            String fmt = job.get("page_fmt").getAsString();
            String pre = fmt.substring(0, fmt.indexOf("{n}")).replace("{p}", String.valueOf(w.getPageNumber()));
            float x = ps.getWidth() - d.rightMargin() - font.getWidthPoint("99", fs);
            float py = top + 5;
            if (running != null && w.getPageNumber() > 1) {
                ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(running, new Font(font, fs)), d.leftMargin(),
                        ps.getHeight() - 26, 0);
                py = ps.getHeight() - 26;
            } else if (!pageRight) {
                py = top + 5;
            }
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(pre, new Font(font, fs)), x - font.getWidthPoint(pre, fs), py, 0);
            cb.addTemplate(total, x, py);
        }

        @Override
        public void onCloseDocument(PdfWriter w, Document d) {
            ColumnText.showTextAligned(total, Element.ALIGN_LEFT, new Phrase(String.valueOf(w.getPageNumber()), new Font(font, fs)),
                    0, 0, 0);
        }
    }

    // ------------------------------------------------------------------ decimal alignment (cell event)
    /** Draws its text so that the last decimal separator sits at a fixed distance from the cell's right edge. */
    class DecimalCell implements PdfPCellEvent {
        String text;
        Font font;
        float after; // width kept right of the separator
        DecimalCell(String text, Font font, float after) { this.text = text; this.font = font; this.after = after; }

        @Override
        public void cellLayout(PdfPCell cell, Rectangle r, PdfContentByte[] canvases) {
            float x = r.getRight() - cell.getPaddingRight() - after - font.getBaseFont().getWidthPoint(before(text), font.getSize());
            float y = r.getTop() - cell.getPaddingTop() - font.getSize();
            ColumnText.showTextAligned(canvases[PdfPTable.TEXTCANVAS], Element.ALIGN_LEFT, new Phrase(text, font), x, y, 0);
        }
    }

    String before(String t) {
        int i = t.lastIndexOf(dp);
        return i < 0 ? t : t.substring(0, i);
    }

    String afterPart(String t) {
        int i = t.lastIndexOf(dp);
        return i < 0 ? "" : t.substring(i);
    }

    float maxAfter(List<List<String>> rows, int col, BaseFont b, float fs) {
        float m = 0;
        for (List<String> r : rows) m = Math.max(m, b.getWidthPoint(afterPart(r.get(col)), fs));
        return m;
    }

    // ------------------------------------------------------------------ helpers for tables
    PdfPCell cell(String text, Font font, int align, int border) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setBorder(border);
        c.setPadding(3);
        c.setBorderWidth(0.5f);
        c.setBorderColor(BaseColor.GRAY);
        return c;
    }

    PdfPTable totalsTable(float widthPct, int hAlign, boolean labelRight) {
        PdfPTable t = new PdfPTable(new float[]{60, 40});
        t.setWidthPercentage(widthPct);
        t.setHorizontalAlignment(hAlign);
        for (List<String> r : rows(job.get("totals"))) {
            String style = r.get(2);
            boolean big = style.equals("big"), strong = style.equals("strong");
            Font font = big ? fb(size + 1.5f) : strong ? fb(size) : f(size);
            PdfPCell a = cell(r.get(0), font, labelRight ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT, big ? Rectangle.TOP : Rectangle.NO_BORDER);
            PdfPCell b = cell(r.get(1), font, Element.ALIGN_RIGHT, big ? Rectangle.TOP : Rectangle.NO_BORDER);
            if (big) { a.setBorderWidthTop(1f); b.setBorderWidthTop(1f); a.setBorderColor(BaseColor.BLACK); b.setBorderColor(BaseColor.BLACK); }
            a.setPadding(2); b.setPadding(2);
            t.addCell(a);
            t.addCell(b);
        }
        t.setKeepTogether(true);
        return t;
    }

    PdfPTable vatTable(float widthPct, BaseColor headBg) {
        JsonElement v = job.get("vat");
        if (v == null || v.isJsonNull()) return null;
        JsonObject vo = v.getAsJsonObject();
        List<String> h = strs(vo.get("head"));
        PdfPTable t = new PdfPTable(h.size());
        t.setWidthPercentage(widthPct);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        PdfPCell title = cell(vo.get("title").getAsString(), fb(size), Element.ALIGN_LEFT, Rectangle.NO_BORDER);
        title.setColspan(h.size());
        t.addCell(title);
        for (int i = 0; i < h.size(); i++) {
            PdfPCell c = cell(h.get(i), fb(size - 0.5f), i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT, Rectangle.BOTTOM);
            if (headBg != null) c.setBackgroundColor(headBg);
            t.addCell(c);
        }
        for (List<String> r : rows(vo.get("rows")))
            for (int i = 0; i < r.size(); i++)
                t.addCell(cell(r.get(i), f(size - 0.5f), i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT, Rectangle.NO_BORDER));
        t.setKeepTogether(true);
        return t;
    }

    Paragraph para(String text, Font font, float before) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(before);
        p.setLeading(font.getSize() * 1.3f);
        return p;
    }

    void afterTotals(Document d) throws DocumentException {
        for (String n : strs(job.get("notes"))) d.add(para(n, f(size), 6));
        List<String> terms = strs(job.get("terms"));
        if (!terms.isEmpty()) {
            d.add(para(s("terms_label"), fb(size), 8));
            d.add(para(terms.get(0), f(size), 0));
        }
        d.add(para(s("bank_label"), fb(size), 8));
        d.add(para(String.join("   ", strs(job.get("bank"))), f(size), 0));
        if (s("mentions") != null) d.add(para(s("mentions"), f(size - 1.5f, BaseColor.DARK_GRAY), 8));
        d.add(para(s("thanks"), f(size), 10));
    }

    Document open(float l, float r, float t, float b, Pager pager) throws DocumentException, IOException {
        Document d = new Document(pageSize, l, r, t, b);
        PdfWriter w = PdfWriter.getInstance(d, new FileOutputStream(job.get("out").getAsString()));
        w.setPageEvent(pager);
        d.addTitle(s("title") + " " + s("number"));
        d.addAuthor(job.getAsJsonObject("supplier").get("name").getAsString());
        d.addCreator("itext check set");
        d.open();
        this.writer = w;
        return d;
    }

    PdfWriter writer;

    // ------------------------------------------------------------------ family: erp-boxed
    void erpBoxed() throws DocumentException, IOException {
        JsonObject sup = job.getAsJsonObject("supplier");
        String name = sup.get("name").getAsString();
        Pager pager = new Pager(strs(job.get("footer")), s("title") + " " + s("number"));
        Document d = open(40, 40, 44, 70, pager);
        List<String> k = kinds();
        // header: supplier left, boxed document info right
        PdfPTable head = new PdfPTable(new float[]{55, 45});
        head.setWidthPercentage(100);
        PdfPCell left = new PdfPCell();
        left.setBorder(Rectangle.NO_BORDER);
        if (opt("logo_bar")) {
            PdfPTable bar = new PdfPTable(1);
            bar.setWidthPercentage(100);
            PdfPCell c = cell(name, fb(size + 5, BaseColor.WHITE), Element.ALIGN_LEFT, Rectangle.NO_BORDER);
            c.setBackgroundColor(accent);
            c.setPadding(6);
            bar.addCell(c);
            left.addElement(bar);
        } else {
            left.addElement(new Paragraph(name, fb(size + 6, accent)));
        }
        Paragraph addr = new Paragraph(String.join("\n", strs(sup.get("lines"))) + "\n" + String.join("\n", strs(sup.get("contact"))),
                f(size - 0.5f));
        addr.setLeading((size - 0.5f) * 1.25f);
        left.addElement(addr);
        head.addCell(left);
        PdfPCell right = new PdfPCell();
        right.setBorder(Rectangle.NO_BORDER);
        if (opt("info_box")) {
            PdfPTable info = new PdfPTable(new float[]{48, 52});
            info.setWidthPercentage(100);
            PdfPCell t = cell(s("title"), fb(size + 4), Element.ALIGN_CENTER, Rectangle.BOX);
            t.setColspan(2);
            t.setBackgroundColor(light(accent, 0.8f));
            t.setPadding(5);
            info.addCell(t);
            for (List<String> kv : rows(job.get("meta"))) {
                info.addCell(cell(kv.get(0), f(size - 0.5f), Element.ALIGN_LEFT, Rectangle.BOX));
                info.addCell(cell(kv.get(1), fb(size - 0.5f), Element.ALIGN_LEFT, Rectangle.BOX));
            }
            right.addElement(info);
        } else {
            Paragraph t = new Paragraph(s("title"), fb(size + 8, accent));
            t.setAlignment(Element.ALIGN_RIGHT);
            right.addElement(t);
            for (List<String> kv : rows(job.get("meta"))) {
                Paragraph p = new Paragraph();
                p.add(new Chunk(kv.get(0) + ": ", f(size)));
                p.add(new Chunk(kv.get(1), fb(size)));
                p.setAlignment(Element.ALIGN_RIGHT);
                right.addElement(p);
            }
        }
        head.addCell(right);
        d.add(head);
        // parties
        JsonArray parties = job.getAsJsonArray("parties");
        boolean beside = opt("ship_beside") || parties.size() == 1;
        PdfPTable pt = new PdfPTable(beside ? 2 : 1);
        pt.setWidthPercentage(beside ? 100 : 55);
        pt.setHorizontalAlignment(Element.ALIGN_LEFT);
        pt.setSpacingBefore(14);
        for (JsonElement pe : parties) {
            JsonObject p = pe.getAsJsonObject();
            PdfPCell c = new PdfPCell();
            c.setBorder(pe == parties.get(0) ? Rectangle.BOX : Rectangle.LEFT);
            c.setBorderColor(BaseColor.GRAY);
            c.setPadding(6);
            c.addElement(new Paragraph(p.get("label").getAsString(), fb(size - 1, BaseColor.DARK_GRAY)));
            Paragraph lines = new Paragraph(String.join("\n", strs(p.get("lines"))), f(size));
            lines.setLeading(size * 1.3f);
            c.addElement(lines);
            pt.addCell(c);
        }
        if (beside && parties.size() == 1) {
            PdfPCell c = new PdfPCell(new Phrase(String.join("\n", strs(sup.get("legal"))), f(size - 1, BaseColor.DARK_GRAY)));
            c.setBorder(Rectangle.NO_BORDER);
            c.setPaddingLeft(12);
            pt.addCell(c);
        }
        d.add(pt);
        if (!opt("ship_beside") || parties.size() == 1) {
            // legal ids under the parties when they were not printed beside
            if (parties.size() > 1) d.add(para(String.join(" · ", strs(sup.get("legal"))), f(size - 1, BaseColor.DARK_GRAY), 4));
        } else {
            d.add(para(String.join(" · ", strs(sup.get("legal"))), f(size - 1, BaseColor.DARK_GRAY), 4));
        }
        // items
        PdfPTable it = new PdfPTable(fitted(k, false, d.right() - d.left()));
        it.setWidthPercentage(100);
        it.setSpacingBefore(12);
        String grid = optS("grid");
        int bodyBorder = grid.equals("grid") ? Rectangle.BOX : grid.equals("rows") ? Rectangle.BOTTOM : Rectangle.NO_BORDER;
        boolean repeat = opt("repeat_head"), cont = opt("cont_row");
        List<String> al = aligns();
        List<String> hd = head();
        int headerRows = 0;
        if (repeat) {
            addHeadRow(it, hd, al);
            headerRows++;
        }
        if (cont) {
            PdfPCell c = cell(s("cont") + " …", f(size - 1, BaseColor.DARK_GRAY), Element.ALIGN_RIGHT, Rectangle.TOP);
            c.setColspan(k.size());
            it.addCell(c);
            headerRows++;
            it.setFooterRows(1);
            it.setSkipLastFooter(true);
        }
        it.setHeaderRows(headerRows);
        if (!repeat) addHeadRow(it, hd, al);
        int n = 0;
        for (List<String> r : items()) {
            BaseColor bg = opt("zebra") && n % 2 == 1 ? new BaseColor(0xF2, 0xF2, 0xF2) : null;
            for (int i = 0; i < r.size(); i++) {
                PdfPCell c = cell(r.get(i), f(size), al(al.get(i)), bodyBorder);
                if (bg != null) c.setBackgroundColor(bg);
                it.addCell(c);
            }
            n++;
        }
        d.add(it);
        PdfPTable vt = vatTable(55, light(accent, 0.85f));
        PdfPTable tt = totalsTable(42, Element.ALIGN_RIGHT, false);
        tt.setSpacingBefore(8);
        if (vt != null) {
            PdfPTable both = new PdfPTable(new float[]{55, 5, 40});
            both.setWidthPercentage(100);
            both.setSpacingBefore(8);
            PdfPCell a = new PdfPCell(vt); a.setBorder(Rectangle.NO_BORDER);
            PdfPCell gap = new PdfPCell(); gap.setBorder(Rectangle.NO_BORDER);
            tt.setWidthPercentage(100);
            PdfPCell b = new PdfPCell(tt); b.setBorder(Rectangle.NO_BORDER);
            both.addCell(a); both.addCell(gap); both.addCell(b);
            both.setKeepTogether(true);
            d.add(both);
        } else {
            d.add(tt);
        }
        afterTotals(d);
        d.close();
    }

    void addHeadRow(PdfPTable t, List<String> hd, List<String> al) {
        String ha = optS("head_align");
        for (int i = 0; i < hd.size(); i++) {
            int a = ha.equals("center") ? Element.ALIGN_CENTER : ha.equals("left") ? Element.ALIGN_LEFT : al(al.get(i));
            PdfPCell c = cell(hd.get(i), fb(size, BaseColor.WHITE), a, Rectangle.BOX);
            c.setBackgroundColor(accent);
            c.setBorderColor(accent);
            t.addCell(c);
        }
    }

    // ------------------------------------------------------------------ family: jasper-bands
    void jasperBands() throws DocumentException, IOException {
        JsonObject sup = job.getAsJsonObject("supplier");
        String name = sup.get("name").getAsString();
        Pager pager = new Pager(strs(job.get("footer")), opt("repeat_head") ? null : name + " – " + s("number"));
        Document d = open(36, 36, 36, 70, pager);
        PdfContentByte cb = writer.getDirectContent();
        float L = 36, R = pageSize.getWidth() - 36, T = pageSize.getHeight() - 36, B = 80;
        float y = T;
        // title band
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(name, fb(size + 6, accent)), L, y - size - 6, 0);
        float ly = y - size - 6 - (size + 3);
        for (String l : strs(sup.get("lines"))) {
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(l, f(size - 0.5f)), L, ly, 0);
            ly -= size + 2;
        }
        for (String l : strs(sup.get("contact"))) {
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(l, f(size - 0.5f)), L, ly, 0);
            ly -= size + 2;
        }
        float ty = y - size - 8;
        if (opt("title_right")) {
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(s("title"), fb(size + 10)), R, ty - 6, 0);
        } else {
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(s("title"), fb(size + 10)), L + (R - L) * 0.55f, ty - 6, 0);
        }
        // meta fields: static text (label) + text field (value)
        float my = ty - 30;
        float lx = L + (R - L) * 0.55f, vx = L + (R - L) * 0.78f;
        for (List<String> kv : rows(job.get("meta"))) {
            if (opt("label_right"))
                ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(kv.get(0) + ":", f(size, BaseColor.DARK_GRAY)), vx - 6, my, 0);
            else
                ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(kv.get(0), f(size, BaseColor.DARK_GRAY)), lx, my, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(kv.get(1), fb(size)), vx, my, 0);
            my -= size + 4;
        }
        // bill to / ship to band
        float py = Math.min(ly, my) - 14;
        float px = L;
        float lowest = py;
        for (JsonElement pe : job.getAsJsonArray("parties")) {
            JsonObject p = pe.getAsJsonObject();
            float yy = py;
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(p.get("label").getAsString(), fb(size - 1, accent)), px, yy, 0);
            yy -= size + 4;
            for (String l : strs(p.get("lines"))) {
                ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(l, f(size)), px, yy, 0);
                yy -= size + 2.5f;
            }
            lowest = Math.min(lowest, yy);
            px += (R - L) * 0.4f;
        }
        float gy = py;
        for (String l : strs(sup.get("legal"))) {
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(l, f(size - 1.5f, BaseColor.DARK_GRAY)), R, gy, 0);
            gy -= size;
        }
        y = Math.min(lowest, gy) - 10;
        for (String n : strs(job.get("notes"))) {
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(n, f(size)), L, y, 0);
            y -= size + 4;
        }
        // column layout
        List<String> k = kinds();
        List<String> al = aligns();
        List<String> hd = head();
        List<List<String>> rs = items();
        float[] w = fitted(k, false, R - L);
        float[] x0 = new float[w.length], x1 = new float[w.length];
        float cx = L;
        for (int i = 0; i < w.length; i++) {
            x0[i] = cx;
            cx += w[i];
            x1[i] = cx;
        }
        float[] after = new float[w.length];
        boolean dec = opt("decimal");
        for (int i = 0; i < w.length; i++)
            if (dec && (k.get(i).equals("price") || k.get(i).equals("qty") || k.get(i).equals("total"))) after[i] = maxAfter(rs, i, bf, size);
        y = columnHeader(cb, y, k, al, hd, x0, x1);
        int page = 1;
        for (List<String> r : rs) {
            int di = k.indexOf("desc");
            float dh = descHeight(r.get(di), x0[di] + 2, x1[di] - 2);
            float rh = Math.max(size + 5, dh + 5);
            if (y - rh < B) {
                d.newPage();
                page++;
                y = T - 10;
                if (opt("repeat_head")) y = columnHeader(cb, y, k, al, hd, x0, x1);
                else y -= 10;
            }
            float base = y - size - 1.5f;
            for (int i = 0; i < r.size(); i++) {
                String v = r.get(i);
                if (i == di) {
                    ColumnText ct = new ColumnText(cb);
                    ct.setSimpleColumn(new Phrase(v, f(size)), x0[i] + 2, y - rh, x1[i] - 2, y - 1, size * 1.2f, Element.ALIGN_LEFT);
                    ct.go();
                } else if (after[i] > 0) {
                    float xx = x1[i] - 2 - after[i] - bf.getWidthPoint(before(v), size);
                    ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(v, f(size)), xx, base, 0);
                } else {
                    int a = al(al.get(i));
                    float xx = a == Element.ALIGN_RIGHT ? x1[i] - 2 : a == Element.ALIGN_CENTER ? (x0[i] + x1[i]) / 2 : x0[i] + 2;
                    ColumnText.showTextAligned(cb, a, new Phrase(v, f(size)), xx, base, 0);
                }
            }
            y -= rh;
            String dl = optS("detail_lines");
            if (!dl.equals("none")) {
                cb.saveState();
                cb.setLineWidth(0.3f);
                cb.setColorStroke(BaseColor.LIGHT_GRAY);
                if (dl.equals("dotted")) cb.setLineDash(1f, 2f, 0);
                cb.moveTo(L, y + 1);
                cb.lineTo(R, y + 1);
                cb.stroke();
                cb.restoreState();
            }
        }
        // summary band
        List<List<String>> tot = rows(job.get("totals"));
        PdfPTable vt = vatTable(100, null);
        float need = tot.size() * (size + 6) + 20;
        if (vt != null) {
            vt.setTotalWidth((R - L) * 0.5f);
            need = Math.max(need, vt.getTotalHeight() + 20);
        }
        if (y - need < B) {
            d.newPage();
            y = T - 10;
        }
        cb.setLineWidth(0.8f);
        cb.setColorStroke(BaseColor.BLACK);
        cb.moveTo(L + (R - L) * 0.55f, y - 4);
        cb.lineTo(R, y - 4);
        cb.stroke();
        float sy = y - 8;
        if (vt != null) vt.writeSelectedRows(0, -1, L, sy, cb);
        float tyy = sy - size - 2;
        for (List<String> r : tot) {
            boolean big = r.get(2).equals("big");
            Font font = big || r.get(2).equals("strong") ? fb(big ? size + 1.5f : size) : f(size);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(r.get(0), font), R - (R - L) * 0.2f, tyy, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(r.get(1), font), R, tyy, 0);
            tyy -= size + 6;
        }
        y = Math.min(tyy, vt != null ? sy - vt.getTotalHeight() : tyy) - 8;
        // terms / bank / mentions in a column that may continue on a new page
        ColumnText ct = new ColumnText(cb);
        List<String> terms = strs(job.get("terms"));
        if (!terms.isEmpty()) {
            ct.addElement(para(s("terms_label"), fb(size), 4));
            ct.addElement(para(terms.get(0), f(size), 0));
        }
        ct.addElement(para(s("bank_label") + ": " + String.join(" · ", strs(job.get("bank"))), f(size), 6));
        if (s("mentions") != null) ct.addElement(para(s("mentions"), f(size - 1.5f, BaseColor.DARK_GRAY), 6));
        ct.addElement(para(s("thanks"), f(size), 8));
        ct.setSimpleColumn(L, B, R, y);
        while (ColumnText.hasMoreText(ct.go())) {
            d.newPage();
            ct.setSimpleColumn(L, B, R, T);
        }
        d.close();
    }

    float descHeight(String text, float x0, float x1) throws DocumentException {
        ColumnText ct = new ColumnText(null);
        ct.setSimpleColumn(new Phrase(text, f(size)), x0, 0, x1, 2000, size * 1.2f, Element.ALIGN_LEFT);
        ct.go(true);
        return 2000 - ct.getYLine();
    }

    float columnHeader(PdfContentByte cb, float y, List<String> k, List<String> al, List<String> hd, float[] x0, float[] x1) {
        float h = size + 8;
        if (opt("head_fill")) {
            cb.saveState();
            cb.setColorFill(light(accent, 0.8f));
            cb.rectangle(x0[0], y - h, x1[x1.length - 1] - x0[0], h);
            cb.fill();
            cb.restoreState();
        } else {
            cb.setLineWidth(0.8f);
            cb.setColorStroke(BaseColor.BLACK);
            cb.moveTo(x0[0], y - h);
            cb.lineTo(x1[x1.length - 1], y - h);
            cb.stroke();
        }
        for (int i = 0; i < k.size(); i++) {
            int a = opt("head_center") ? Element.ALIGN_CENTER : al(al.get(i));
            float xx = a == Element.ALIGN_RIGHT ? x1[i] - 2 : a == Element.ALIGN_CENTER ? (x0[i] + x1[i]) / 2 : x0[i] + 2;
            ColumnText.showTextAligned(cb, a, new Phrase(hd.get(i), fb(size)), xx, y - size - 2, 0);
        }
        return y - h - 2;
    }

    // ------------------------------------------------------------------ family: cashcarry
    void cashcarry() throws DocumentException, IOException {
        JsonObject sup = job.getAsJsonObject("supplier");
        String name = sup.get("name").getAsString();
        Pager pager = new Pager(strs(job.get("footer")), null);
        Document d = open(28, 28, 28, 60, pager);
        PdfContentByte cb = writer.getDirectContent();
        List<String> k = kinds();
        PdfPTable head = new PdfPTable(new float[]{50, 20, 30});
        head.setWidthPercentage(100);
        PdfPCell a = new PdfPCell();
        a.setBorder(Rectangle.NO_BORDER);
        a.addElement(new Paragraph(name, fb(size + 5)));
        Paragraph ad = new Paragraph(String.join(" · ", strs(sup.get("lines"))) + "\n" + String.join(" · ", strs(sup.get("contact")))
                + "\n" + String.join(" · ", strs(sup.get("legal"))), f(size - 0.5f));
        ad.setLeading(size * 1.25f);
        a.addElement(ad);
        head.addCell(a);
        PdfPCell mid = new PdfPCell();
        mid.setBorder(Rectangle.NO_BORDER);
        head.addCell(mid);
        PdfPCell bc = new PdfPCell();
        bc.setBorder(Rectangle.NO_BORDER);
        bc.setHorizontalAlignment(Element.ALIGN_RIGHT);
        Paragraph t = new Paragraph(s("title"), fb(size + 8));
        t.setAlignment(Element.ALIGN_RIGHT);
        bc.addElement(t);
        if (s("barcode") != null) {
            Barcode128 code = new Barcode128();
            code.setCode(s("barcode"));
            code.setBarHeight(22);
            code.setX(0.8f);
            code.setFont(null); // the number is printed in the meta grid, not under the bars
            Image img = code.createImageWithBarcode(cb, null, null);
            img.setAlignment(Element.ALIGN_RIGHT);
            bc.addElement(img);
        }
        head.addCell(bc);
        d.add(head);
        // customer block with the ship-to beside
        JsonArray parties = job.getAsJsonArray("parties");
        PdfPTable pt = new PdfPTable(2);
        pt.setWidthPercentage(100);
        pt.setSpacingBefore(8);
        for (int i = 0; i < 2; i++) {
            PdfPCell c = new PdfPCell();
            c.setBorder(opt("boxes") ? Rectangle.BOX : Rectangle.NO_BORDER);
            c.setPadding(4);
            if (i < parties.size()) {
                JsonObject p = parties.get(i).getAsJsonObject();
                c.addElement(new Paragraph(p.get("label").getAsString(), fb(size - 0.5f)));
                Paragraph lines = new Paragraph(String.join("\n", strs(p.get("lines"))), f(size + 0.5f));
                lines.setLeading((size + 0.5f) * 1.25f);
                c.addElement(lines);
            }
            pt.addCell(c);
        }
        d.add(pt);
        // meta as one boxed row: labels over values
        List<List<String>> meta = rows(job.get("meta"));
        PdfPTable mt = new PdfPTable(meta.size());
        mt.setWidthPercentage(100);
        mt.setSpacingBefore(8);
        for (List<String> kv : meta) {
            PdfPCell c = cell(kv.get(0), f(size - 1, BaseColor.DARK_GRAY), Element.ALIGN_LEFT, Rectangle.LEFT | Rectangle.TOP | Rectangle.RIGHT);
            c.setPaddingBottom(0);
            mt.addCell(c);
        }
        for (List<String> kv : meta) {
            PdfPCell c = cell(kv.get(1), fb(size), Element.ALIGN_LEFT, Rectangle.LEFT | Rectangle.BOTTOM | Rectangle.RIGHT);
            mt.addCell(c);
        }
        d.add(mt);
        for (String n : strs(job.get("notes"))) d.add(para(n, fb(size), 4));
        // items
        boolean wide = false;
        List<List<String>> rs = items();
        int si = k.indexOf("sku");
        if (si >= 0 && !rs.isEmpty() && rs.get(0).get(si).length() >= 13) wide = true;
        PdfPTable it = new PdfPTable(fitted(k, wide, d.right() - d.left()));
        it.setWidthPercentage(100);
        it.setSpacingBefore(8);
        List<String> al = aligns();
        List<String> hd = head();
        for (int i = 0; i < hd.size(); i++) {
            PdfPCell c = cell(hd.get(i), fb(size), al(al.get(i)), Rectangle.TOP | Rectangle.BOTTOM);
            c.setBorderWidthBottom(1f);
            c.setBorderColor(BaseColor.BLACK);
            c.setPaddingTop(2);
            c.setPaddingBottom(3);
            it.addCell(c);
        }
        it.setHeaderRows(opt("repeat_head") ? 1 : 0);
        boolean dec = opt("decimal");
        float[] after = new float[k.size()];
        for (int i = 0; i < k.size(); i++)
            if (dec && (k.get(i).equals("price") || k.get(i).equals("qty") || k.get(i).equals("total"))) after[i] = maxAfter(rs, i, bf, size);
        for (List<String> r : rs) {
            for (int i = 0; i < r.size(); i++) {
                PdfPCell c;
                if (after[i] > 0) {
                    c = cell("", f(size), Element.ALIGN_RIGHT, Rectangle.NO_BORDER);
                    c.setMinimumHeight(size + 4);
                    c.setCellEvent(new DecimalCell(r.get(i), f(size), after[i]));
                } else {
                    c = cell(r.get(i), f(size), al(al.get(i)), Rectangle.NO_BORDER);
                }
                c.setPaddingTop(1.5f);
                c.setPaddingBottom(1.5f);
                it.addCell(c);
            }
        }
        d.add(it);
        LineSeparator ls = opt("boxes") ? new LineSeparator(0.6f, 100, BaseColor.BLACK, Element.ALIGN_CENTER, -2)
                : new DottedLineSeparator();
        d.add(new Chunk(ls));
        PdfPTable vt = vatTable(100, null);
        PdfPTable tt = totalsTable(100, Element.ALIGN_RIGHT, true);
        PdfPTable both = new PdfPTable(new float[]{55, 5, 40});
        both.setWidthPercentage(100);
        both.setSpacingBefore(6);
        PdfPCell c1 = vt != null ? new PdfPCell(vt) : new PdfPCell();
        c1.setBorder(Rectangle.NO_BORDER);
        PdfPCell gap = new PdfPCell(); gap.setBorder(Rectangle.NO_BORDER);
        PdfPCell c2 = new PdfPCell(tt); c2.setBorder(Rectangle.NO_BORDER);
        both.addCell(c1); both.addCell(gap); both.addCell(c2);
        both.setKeepTogether(true);
        d.add(both);
        afterTotals(d);
        d.close();
    }

    // ------------------------------------------------------------------ family: xmlworker-shop
    static class Fonts extends XMLWorkerFontProvider {
        Fonts() {
            super(XMLWorkerFontProvider.DONTLOOKFORFONTS);
            for (String[] p : TTF.values()) { register(p[0]); register(p[1]); }
        }

        @Override
        public Font getFont(String fontname, String encoding, boolean embedded, float size, int style, BaseColor color) {
            if (fontname != null && TTF.containsKey(fontname))
                return super.getFont(fontname, BaseFont.IDENTITY_H, true, size, style, color);
            return super.getFont(fontname, BaseFont.CP1252, false, size, style, color);
        }
    }

    void xmlworkerShop() throws DocumentException, IOException {
        Pager pager = new Pager(strs(job.get("footer")), null);
        Document d = open(42, 42, 42, 70, pager);
        byte[] html = s("html").getBytes(StandardCharsets.UTF_8);
        byte[] css = s("css").getBytes(StandardCharsets.UTF_8);
        // the XHTML is parsed into an element list first (the XMLWorker pipeline of the iText docs), so that the
        // item table gets the column widths the shop configures: XMLWorker's own widths follow the widest word
        CSSResolver cssResolver = new StyleAttrCSSResolver();
        cssResolver.addCss(XMLWorkerHelper.getCSS(new ByteArrayInputStream(css)));
        HtmlPipelineContext hpc = new HtmlPipelineContext(new CssAppliersImpl(new Fonts()));
        hpc.setTagFactory(Tags.getHtmlTagProcessorFactory());
        ElementList elements = new ElementList();
        XMLWorker worker = new XMLWorker(new CssResolverPipeline(cssResolver,
                new HtmlPipeline(hpc, new ElementHandlerPipeline(elements, null))), true);
        new XMLParser(worker, StandardCharsets.UTF_8).parse(new ByteArrayInputStream(html), StandardCharsets.UTF_8);
        List<String> k = kinds();
        int nrows = items().size();
        for (Element e : elements) {
            if (e instanceof PdfPTable) {
                PdfPTable t = (PdfPTable) e;
                if (t.getNumberOfColumns() == k.size() && t.getRows().size() == nrows + 1) {
                    float[] w = relWidths(k, false);
                    List<List<String>> rs = items();
                    List<String> hd = head();
                    for (int i = 0; i < k.size(); i++) {
                        if (k.get(i).equals("desc")) continue;
                        // the longest word of the head (it may wrap between words), the longest cell; XMLWorker pads
                        float m = 0;
                        for (String word : hd.get(i).split(" ")) m = Math.max(m, bfb.getWidthPoint(word, size));
                        for (List<String> r : rs) m = Math.max(m, bf.getWidthPoint(r.get(i), size));
                        w[i] = m * 1.1f + 14;
                    }
                    float fixed = 0;
                    for (int i = 0; i < k.size(); i++) if (!k.get(i).equals("desc")) fixed += w[i];
                    w[k.indexOf("desc")] = Math.max(120, d.right() - d.left() - fixed);
                    t.setLockedWidth(false);
                    t.setWidths(w);
                    t.setWidthPercentage(100);
                }
            }
            d.add(e);
        }
        d.close();
    }

    // ------------------------------------------------------------------ family: grouped-delivery
    void groupedDelivery() throws DocumentException, IOException {
        JsonObject sup = job.getAsJsonObject("supplier");
        String name = sup.get("name").getAsString();
        Pager pager = new Pager(strs(job.get("footer")), opt("running_head") ? name + " · " + s("title") + " " + s("number") : null);
        Document d = open(50, 40, 48, 72, pager);
        PdfContentByte cb = writer.getDirectContent();
        float L = d.left(), R = d.right(), T = d.top();
        // letterhead: supplier right-aligned, sender line over the address
        Paragraph sn = new Paragraph(name, fb(size + 5, accent));
        sn.setAlignment(Element.ALIGN_RIGHT);
        d.add(sn);
        Paragraph sl = new Paragraph(String.join(" · ", strs(sup.get("lines"))) + "\n" + String.join(" · ", strs(sup.get("contact"))),
                f(size - 1));
        sl.setAlignment(Element.ALIGN_RIGHT);
        sl.setLeading((size - 1) * 1.3f);
        d.add(sl);
        PdfPTable top = new PdfPTable(new float[]{52, 8, 40});
        top.setWidthPercentage(100);
        top.setSpacingBefore(16);
        PdfPCell addr = new PdfPCell();
        addr.setBorder(Rectangle.NO_BORDER);
        Paragraph sender = new Paragraph(name + " · " + String.join(" · ", strs(sup.get("lines"))), f(size - 2.5f, BaseColor.DARK_GRAY));
        addr.addElement(sender);
        JsonArray parties = job.getAsJsonArray("parties");
        JsonObject bill = parties.get(0).getAsJsonObject();
        Paragraph bl = new Paragraph(String.join("\n", strs(bill.get("lines"))), f(size + 0.5f));
        bl.setLeading((size + 0.5f) * 1.3f);
        addr.addElement(bl);
        top.addCell(addr);
        PdfPCell gap = new PdfPCell(); gap.setBorder(Rectangle.NO_BORDER);
        top.addCell(gap);
        PdfPTable info = new PdfPTable(new float[]{50, 50});
        for (List<String> kv : rows(job.get("meta"))) {
            info.addCell(cell(kv.get(0), f(size - 0.5f), Element.ALIGN_LEFT, Rectangle.NO_BORDER));
            info.addCell(cell(kv.get(1), f(size - 0.5f), Element.ALIGN_RIGHT, Rectangle.NO_BORDER));
        }
        PdfPCell ic = new PdfPCell(info);
        ic.setBorder(Rectangle.NO_BORDER);
        top.addCell(ic);
        d.add(top);
        if (parties.size() > 1) {
            JsonObject sh = parties.get(1).getAsJsonObject();
            d.add(para(sh.get("label").getAsString() + ": " + String.join(", ", strs(sh.get("lines"))), f(size), 6));
        }
        d.add(para(s("title") + " " + s("number"), fb(size + 5), 14));
        for (String n : strs(job.get("notes"))) d.add(para(n, f(size), 4));
        // the table, flowed through a ColumnText
        List<String> k = kinds();
        List<String> al = aligns();
        List<String> hd = head();
        List<List<String>> rs = items();
        PdfPTable it = new PdfPTable(fitted(k, false, d.right() - d.left()));
        it.setWidthPercentage(100);
        it.setSpacingBefore(8);
        String ha = optS("head_align");
        for (int i = 0; i < hd.size(); i++) {
            int a = ha.equals("center") ? Element.ALIGN_CENTER : al(al.get(i));
            PdfPCell c = cell(hd.get(i), fb(size), a, Rectangle.BOTTOM | Rectangle.TOP);
            c.setBorderColor(BaseColor.BLACK);
            it.addCell(c);
        }
        it.setHeaderRows(opt("repeat_head") ? 1 : 0);
        String gs = optS("group_style");
        JsonArray groups = table.getAsJsonArray("groups");
        for (JsonElement ge : groups) {
            JsonObject g = ge.getAsJsonObject();
            Font gf = gs.equals("bold") ? fb(size) : gs.equals("italic") ? new Font(bf, size, Font.ITALIC) : fb(size, accent);
            PdfPCell gc = cell(g.get("label").getAsString(), gf, Element.ALIGN_LEFT, Rectangle.NO_BORDER);
            gc.setColspan(k.size());
            if (gs.equals("fill")) gc.setBackgroundColor(light(accent, 0.85f));
            gc.setPaddingTop(6);
            it.addCell(gc);
            for (int j = g.get("start").getAsInt(); j < g.get("end").getAsInt(); j++) {
                List<String> r = rs.get(j);
                for (int i = 0; i < r.size(); i++) it.addCell(cell(r.get(i), f(size), al(al.get(i)), Rectangle.NO_BORDER));
            }
            if (opt("group_sums")) {
                PdfPCell sl2 = cell(g.get("sum_label").getAsString(), f(size - 0.5f, BaseColor.DARK_GRAY), Element.ALIGN_RIGHT, Rectangle.TOP);
                sl2.setColspan(k.size() - 1);
                sl2.setBorderColor(BaseColor.LIGHT_GRAY);
                it.addCell(sl2);
                PdfPCell sv = cell(g.get("sum").getAsString(), f(size - 0.5f, BaseColor.DARK_GRAY), Element.ALIGN_RIGHT, Rectangle.TOP);
                sv.setBorderColor(BaseColor.LIGHT_GRAY);
                it.addCell(sv);
            }
        }
        d.add(it);
        PdfPTable tt = totalsTable(48, Element.ALIGN_RIGHT, false);
        tt.setSpacingBefore(10);
        d.add(tt);
        PdfPTable vt = vatTable(60, light(accent, 0.85f));
        if (vt != null) {
            vt.setSpacingBefore(8);
            d.add(vt);
        }
        afterTotals(d);
        d.close();
    }

    // ------------------------------------------------------------------ main
    void render() throws Exception {
        switch (job.get("family").getAsString()) {
            case "erp-boxed": erpBoxed(); break;
            case "jasper-bands": jasperBands(); break;
            case "cashcarry": cashcarry(); break;
            case "xmlworker-shop": xmlworkerShop(); break;
            case "grouped-delivery": groupedDelivery(); break;
            default: throw new IllegalArgumentException("unknown family " + job.get("family"));
        }
    }

    public static void main(String[] args) throws Exception {
        String text = new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.UTF_8);
        JsonArray jobs = JsonParser.parseString(text).getAsJsonArray();
        int bad = 0;
        for (JsonElement e : jobs) {
            JsonObject j = e.getAsJsonObject();
            try {
                new Render(j).render();
            } catch (Exception ex) {
                bad++;
                System.err.println(j.get("id").getAsString() + ": " + ex);
                ex.printStackTrace();
            }
        }
        System.exit(bad == 0 ? 0 : 1);
    }
}
