package org.ipdesk.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ipdesk.model.Usage;
import org.ipdesk.report.Thresholds.Level;
import org.ipdesk.report.UsageReport.SubnetRow;
import org.ipdesk.report.UsageReport.Total;

/**
 * The usage report as one self-contained HTML file: inline CSS, utilisation bars as styled divs coloured by
 * threshold, no scripts, images, fonts or links to anything outside the file. All text is escaped. Each figure
 * cell carries its exact value in {@code data-value}; the visible text groups digits and writes counts past a
 * trillion as the window does ("2^64 − 1", "~2^70").
 */
public final class HtmlReport implements UsageExporter {
    private static final List<String> HEADERS = List.of("Network", "Subnet", "Name", "VLAN", "Size", "Usable",
            "Allocated", "Reserved", "DHCP", "Deprecated", "Free", "Free /64s", "Used", "");

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:24px;\
            color:#1f2328;font-size:13px}
            h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:24px 0 6px}
            .meta{color:#57606a;margin-bottom:12px}
            table{border-collapse:collapse;margin-bottom:8px}
            th,td{padding:3px 8px;border-bottom:1px solid #d0d7de;white-space:nowrap}
            th{background:#f6f8fa;text-align:left;font-weight:600}th.n{text-align:right}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.depth1 td.cidr{padding-left:20px}tr.depth2 td.cidr{padding-left:32px}\
            tr.depth3 td.cidr{padding-left:44px}tr.depth4 td.cidr{padding-left:56px}
            .bar{width:120px;height:10px;background:#eaeef2;border-radius:2px;overflow:hidden}
            .bar div{height:100%}
            .ok{background:OK}.warning{background:WARNING}.critical{background:CRITICAL}
            .level-warning{color:#9a6700;font-weight:600}.level-critical{color:#cf222e;font-weight:600}
            @media print{body{margin:0}}
            """.replace("{background:OK}", "{background:" + Level.OK.colour() + "}")
            .replace("{background:WARNING}", "{background:" + Level.WARNING.colour() + "}")
            .replace("{background:CRITICAL}", "{background:" + Level.CRITICAL.colour() + "}");

    @Override
    public void write(UsageReport report, OutputStream out, ExportMonitor monitor) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String title = "IPDesk usage report" + report.network().map(n -> " \u2014 " + n).orElse("");
        w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
                + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        w.write("<h1>" + esc(title) + "</h1>\n");
        w.write("<div class=\"meta\">Date: <span id=\"date\">" + esc(Figures.date(report.generatedAt()))
                + "</span> &middot; Database: <span id=\"database\">" + esc(report.databaseName())
                + "</span> &middot; Warning at " + esc(report.thresholds().warn().toPlainString())
                + "%, critical at " + esc(report.thresholds().critical().toPlainString()) + "%</div>\n");

        long total = report.rowCount();
        long done = 0;
        w.write("<h2>Subnets</h2>\n<table id=\"subnets\">\n");
        header(w, HEADERS, 3);
        for (SubnetRow r : report.subnets()) {
            w.write("<tr class=\"depth" + Math.min(r.depth(), 4) + "\">");
            td(w, "", r.network());
            td(w, "cidr", r.cidr().toString());
            td(w, "", r.name());
            td(w, "n", Figures.vlan(r.vlan()));
            figures(w, r.size(), r.usage(), r.free64s().map(Figures::free64s).orElse(""), r.percent(), r.level());
            w.write("</tr>\n");
            monitor.step(++done, total);
        }
        w.write("</table>\n");

        w.write("<h2>Networks</h2>\n<p class=\"meta\">Sum of each network's top-level subnets, IPv4 and IPv6 apart."
                + "</p>\n<table id=\"networks\">\n");
        header(w, List.of("Network", "IP", "Subnets", "Size", "Usable", "Allocated", "Reserved", "DHCP",
                "Deprecated", "Free", "Free /64s", "Used", ""), 2);
        for (Total t : report.networks()) {
            totalRow(w, t);
            monitor.step(++done, total);
        }
        w.write("</table>\n");

        w.write("<h2>Totals</h2>\n<table id=\"totals\">\n");
        header(w, List.of("", "IP", "Subnets", "Size", "Usable", "Allocated", "Reserved", "DHCP", "Deprecated",
                "Free", "Free /64s", "Used", ""), 2);
        for (Total t : report.totals()) {
            totalRow(w, t);
            monitor.step(++done, total);
        }
        w.write("</table>\n");

        ranked(w, "fullest", "The " + UsageReport.FULLEST + " fullest subnets", report.fullest(),
                "No subnet has usable addresses.");
        ranked(w, "over-threshold", "Subnets at or over " + report.thresholds().warn().toPlainString() + "%",
                report.overThreshold(), "No subnet is at or over the warning threshold.");
        w.write("</body>\n</html>\n");
        w.flush();
    }

    private static void totalRow(Writer w, Total t) throws IOException {
        w.write("<tr>");
        td(w, "", t.network().orElse("All networks"));
        td(w, "", Figures.version(t.ipVersion()));
        td(w, "n", Integer.toString(t.subnets()));
        figures(w, t.size(), t.usage(), t.free64s().map(Figures::free64s).orElse(""), t.percent(), t.level());
        w.write("</tr>\n");
    }

    private static void ranked(Writer w, String id, String heading, List<SubnetRow> rows, String none)
            throws IOException {
        w.write("<h2>" + esc(heading) + "</h2>\n");
        if (rows.isEmpty()) {
            w.write("<p id=\"" + id + "\">" + esc(none) + "</p>\n");
            return;
        }
        w.write("<table id=\"" + id + "\">\n");
        header(w, List.of("Network", "Subnet", "Name", "Used", "", "Level"), 3);
        for (SubnetRow r : rows) {
            w.write("<tr>");
            td(w, "", r.network());
            td(w, "", r.cidr().toString());
            td(w, "", r.name());
            td(w, "n", Figures.percent(r.percent()));
            w.write(bar(r.percent(), r.level()));
            td(w, "n level-" + r.level().label(), r.level().label());
            w.write("</tr>\n");
        }
        w.write("</table>\n");
    }

    private static void figures(Writer w, BigInteger size, Usage u, String free64s, BigDecimal percent, Level level)
            throws IOException {
        for (BigInteger value : List.of(size, u.usable(), u.allocated(), u.reserved(), u.dhcp(), u.deprecated(),
                u.free())) {
            w.write("<td class=\"n\" data-value=\"" + value + "\">" + esc(Figures.count(value)) + "</td>");
        }
        td(w, "n", free64s);
        w.write("<td class=\"n\" data-value=\"" + percent.toPlainString() + "\">" + esc(Figures.percent(percent))
                + "</td>");
        w.write(bar(percent, level));
    }

    private static String bar(BigDecimal percent, Level level) {
        BigDecimal width = percent.min(BigDecimal.valueOf(100)).max(BigDecimal.ZERO);
        return "<td><div class=\"bar\" title=\"" + esc(Figures.percent(percent)) + "\"><div class=\""
                + level.label() + "\" style=\"width:" + width.toPlainString() + "%\"></div></div></td>";
    }

    /** A header row; the columns after the first {@code textColumns} hold figures and align right. */
    private static void header(Writer w, List<String> headers, int textColumns) throws IOException {
        w.write("<tr>");
        for (int i = 0; i < headers.size(); i++) {
            w.write((i < textColumns ? "<th>" : "<th class=\"n\">") + esc(headers.get(i)) + "</th>");
        }
        w.write("</tr>\n");
    }

    private static void td(Writer w, String cssClass, String text) throws IOException {
        w.write(cssClass.isEmpty() ? "<td>" : "<td class=\"" + cssClass + "\">");
        w.write(esc(text));
        w.write("</td>");
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
