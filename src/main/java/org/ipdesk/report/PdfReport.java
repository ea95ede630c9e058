package org.ipdesk.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ipdesk.model.Usage;
import org.ipdesk.report.PdfGlyphs.Style;
import org.ipdesk.report.Thresholds.Level;
import org.ipdesk.report.UsageReport.SubnetRow;
import org.ipdesk.report.UsageReport.Total;

/**
 * The usage report as a PDF (OpenPDF): landscape A4, title, date, database name and thresholds; the subnet table
 * with a small utilisation bar per row, blue, amber or red by threshold as in the window; network totals, grand totals, the ten
 * fullest subnets and those over the thresholds; "Page n of m" at the foot of every page. Latin text is in the
 * standard Helvetica; other scripts and emoji in bundled fonts, chosen per character ({@link PdfGlyphs}). A character
 * no bundled font has is drawn as U+FFFD and named by {@link #warnings}.
 */
public final class PdfReport implements UsageExporter {
    private static final Color TRACK = new Color(0xea, 0xee, 0xf2);
    private static final Color HEADER_FILL = new Color(0xf0, 0xf2, 0xf5);
    private static final Color GREY = new Color(0x57, 0x60, 0x6a);

    private static final Style TITLE = new Style(16, true);
    private static final Style HEADING = new Style(11, true);
    private static final Style META = new Style(9, false, GREY);
    private static final Style HEAD = new Style(7, true);
    private static final Style CELL = new Style(7, false);

    private static final List<String> SUBNET_HEADERS = List.of("Network", "Subnet", "Name", "VLAN", "Size",
            "Usable", "Allocated", "Reserved", "DHCP", "Deprecated", "Free", "Free /64s", "Used", "");
    private static final float[] SUBNET_WIDTHS = {8, 11, 11, 3.5f, 6, 6, 5.5f, 5.5f, 5, 5.5f, 6, 6, 4.5f, 7};
    private static final List<String> TOTAL_HEADERS = List.of("Network", "IP", "Subnets", "Size", "Usable",
            "Allocated", "Reserved", "DHCP", "Deprecated", "Free", "Free /64s", "Used", "");
    private static final float[] TOTAL_WIDTHS = {11, 3.5f, 4, 7, 7, 6, 6, 6, 6, 7, 6, 5, 8};

    /** Names the characters of the report's names that no bundled font has (drawn as U+FFFD). */
    @Override
    public List<String> warnings(UsageReport report) {
        List<String> texts = new ArrayList<>();
        report.network().ifPresent(texts::add);
        texts.add(report.databaseName());
        for (SubnetRow r : report.subnets()) {
            texts.add(r.network());
            texts.add(r.cidr().toString());
            texts.add(r.name());
        }
        for (Total t : report.networks()) {
            t.network().ifPresent(texts::add);
        }
        return PdfGlyphs.warnings(texts);
    }

    @Override
    public void write(UsageReport report, OutputStream out, ExportMonitor monitor) throws IOException {
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 42);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageNumbers());
            document.addTitle("IPDesk usage report");
            document.addCreator("IPDesk");
            document.open();
            write(report, document, monitor);
            document.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    private static void write(UsageReport report, Document document, ExportMonitor monitor) {
        document.add(line("IPDesk usage report" + report.network().map(n -> " - " + n).orElse(""), TITLE));
        document.add(line("Date: " + Figures.date(report.generatedAt()) + "     Database: "
                + report.databaseName() + "     Warning at " + report.thresholds().warn().toPlainString()
                + "%, critical at " + report.thresholds().critical().toPlainString() + "%", META));

        long total = report.rowCount();
        long done = 0;
        heading(document, "Subnets");
        PdfPTable subnets = table(SUBNET_WIDTHS, SUBNET_HEADERS, 3);
        for (SubnetRow r : report.subnets()) {
            text(subnets, r.network());
            PdfPCell cidr = cell(r.cidr().toString(), Element.ALIGN_LEFT);
            cidr.setPaddingLeft(2 + 8 * r.depth());
            subnets.addCell(cidr);
            text(subnets, r.name());
            number(subnets, Figures.vlan(r.vlan()));
            figures(subnets, r.size(), r.usage(), r.free64s(), r.percent(), r.level());
            monitor.step(++done, total);
        }
        document.add(subnets);

        done = totals(document, "Networks (sum of top-level subnets, IPv4 and IPv6 apart)", report.networks(),
                monitor, done, total);
        totals(document, "Totals", report.totals(), monitor, done, total);

        ranked(document, "The " + UsageReport.FULLEST + " fullest subnets", report.fullest(),
                "No subnet has usable addresses.");
        ranked(document, "Subnets at or over " + report.thresholds().warn().toPlainString() + "%",
                report.overThreshold(), "No subnet is at or over the warning threshold.");
    }

    private static long totals(Document document, String title, List<Total> rows, ExportMonitor monitor, long done,
                               long total) {
        heading(document, title);
        PdfPTable table = table(TOTAL_WIDTHS, TOTAL_HEADERS, 2);
        for (Total t : rows) {
            totalRow(table, t);
            monitor.step(++done, total);
        }
        document.add(table);
        return done;
    }

    private static void ranked(Document document, String title, List<SubnetRow> rows, String none) {
        heading(document, title);
        if (rows.isEmpty()) {
            document.add(paragraph(none, META));
            return;
        }
        PdfPTable table = table(new float[] {10, 12, 14, 5, 8, 6}, List.of("Network", "Subnet", "Name", "Used", "",
                "Level"), 3);
        table.setWidthPercentage(60);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        for (SubnetRow r : rows) {
            text(table, r.network());
            text(table, r.cidr().toString());
            text(table, r.name());
            number(table, Figures.percent(r.percent()));
            table.addCell(bar(r.percent(), r.level()));
            number(table, r.level().label());
        }
        document.add(table);
    }

    private static void totalRow(PdfPTable table, Total t) {
        text(table, t.network().orElse("All networks"));
        text(table, Figures.version(t.ipVersion()));
        number(table, Integer.toString(t.subnets()));
        figures(table, t.size(), t.usage(), t.free64s(), t.percent(), t.level());
    }

    private static void figures(PdfPTable table, BigInteger size, Usage u, java.util.Optional<BigDecimal> free64s,
                                BigDecimal percent, Level level) {
        for (BigInteger value : List.of(size, u.usable(), u.allocated(), u.reserved(), u.dhcp(), u.deprecated(),
                u.free())) {
            number(table, Figures.count(value));
        }
        number(table, free64s.map(Figures::free64s).orElse(""));
        number(table, Figures.percent(percent));
        table.addCell(bar(percent, level));
    }

    private static Paragraph paragraph(String text, Style style) {
        return new Paragraph(PdfGlyphs.phrase(text, style));
    }

    /**
     * A line of text that may hold names: laid out like a paragraph, but in a borderless cell, as only cells apply
     * the bidirectional algorithm (a Hebrew or Arabic name reads right to left, Arabic letters joined).
     */
    private static PdfPTable line(String text, Style style) {
        PdfPCell cell = new PdfPCell(PdfGlyphs.phrase(text, style));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setLeading(0, 1.5f);
        cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.addCell(cell);
        return table;
    }

    private static void heading(Document document, String text) {
        Paragraph p = paragraph(text, HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    /** A table with a header row; the headers of the columns after the first {@code textColumns} align right. */
    private static PdfPTable table(float[] widths, List<String> headers, int textColumns) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (int i = 0; i < headers.size(); i++) {
            PdfPCell cell = new PdfPCell(PdfGlyphs.phrase(headers.get(i), HEAD));
            cell.setHorizontalAlignment(i < textColumns ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setBackgroundColor(HEADER_FILL);
            cell.setBorderWidth(0);
            cell.setBorderWidthBottom(0.5f);
            cell.setPadding(3);
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPCell cell(String text, int alignment) {
        PdfPCell cell = new PdfPCell(PdfGlyphs.phrase(text, CELL));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setBorderWidth(0);
        cell.setBorderWidthBottom(0.25f);
        cell.setBorderColor(new Color(0xd0, 0xd7, 0xde));
        cell.setPadding(2.5f);
        cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        return cell;
    }

    private static void text(PdfPTable table, String text) {
        table.addCell(cell(text, Element.ALIGN_LEFT));
    }

    private static void number(PdfPTable table, String text) {
        table.addCell(cell(text, Element.ALIGN_RIGHT));
    }

    private static PdfPCell bar(BigDecimal percent, Level level) {
        PdfPCell cell = cell("", Element.ALIGN_LEFT);
        float share = percent.min(BigDecimal.valueOf(100)).max(BigDecimal.ZERO).floatValue() / 100f;
        cell.setCellEvent(new Bar(share, colour(level)));
        return cell;
    }

    /** The fill of a usage bar at {@code level}: the colour the window draws. */
    static Color colour(Level level) {
        return Color.decode(level.colour());
    }

    /** Draws the utilisation bar inside its cell: a grey track and a coloured fill. */
    private record Bar(float share, Color colour) implements PdfPCellEvent {
        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte canvas = canvases[PdfPTable.BACKGROUNDCANVAS];
            float height = 5;
            float x = position.getLeft() + 3;
            float width = position.getWidth() - 6;
            float y = position.getBottom() + (position.getHeight() - height) / 2;
            canvas.saveState();
            canvas.setColorFill(TRACK);
            canvas.rectangle(x, y, width, height);
            canvas.fill();
            if (share > 0) {
                canvas.setColorFill(colour);
                canvas.rectangle(x, y, Math.max(width * share, 0.8f), height);
                canvas.fill();
            }
            canvas.restoreState();
        }
    }

    /** "Page n of m" at the foot of each page; m is filled in when the document closes. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private PdfTemplate totalPages;
        private BaseFont font;

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            totalPages = writer.getDirectContent().createTemplate(40, 12);
            try {
                font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("Helvetica is built into every PDF reader", e);
            }
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String text = "Page " + writer.getPageNumber() + " of ";
            float size = 8;
            float width = font.getWidthPoint(text, size);
            float x = (document.right() + document.left()) / 2 - width / 2;
            float y = document.bottom() - 24;
            PdfContentByte canvas = writer.getDirectContent();
            canvas.saveState();
            canvas.beginText();
            canvas.setFontAndSize(font, size);
            canvas.setColorFill(GREY);
            canvas.setTextMatrix(x, y);
            canvas.showText(text);
            canvas.endText();
            canvas.addTemplate(totalPages, x + width, y);
            canvas.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            totalPages.beginText();
            totalPages.setFontAndSize(font, 8);
            totalPages.setColorFill(GREY);
            totalPages.setTextMatrix(0, 0);
            totalPages.showText(Integer.toString(writer.getPageNumber() - 1));
            totalPages.endText();
        }
    }
}
