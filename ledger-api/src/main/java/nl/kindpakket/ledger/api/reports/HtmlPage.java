package nl.kindpakket.ledger.api.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A printable report page: a heading, tables with a total row, and optional inline SVG; no script. */
final class HtmlPage {

    private static final String STYLE = """
            body{font-family:"Segoe UI",Arial,sans-serif;margin:2em;color:#1a1a1a}
            h1{font-size:1.4em;margin-bottom:.2em}p.sub{color:#555;margin-top:0}
            table{border-collapse:collapse;margin:1em 0;min-width:40em}
            th,td{border-bottom:1px solid #ccc;padding:.35em .8em;text-align:right}
            th.text,td.text{text-align:left}
            td.date{white-space:nowrap}
            thead th{border-bottom:2px solid #333;background:#f3f3f3}
            tr.total td{font-weight:bold;border-top:2px solid #333}
            figure{margin:1em 0}figcaption{color:#555;font-size:.9em}
            footer{margin-top:2em;color:#555;font-size:.9em}
            @media print{body{margin:0}a{color:inherit}}
            """;

    /** Every page says where each of its figures is explained. */
    private static final String FOOTER = "<footer>Wat elk cijfer betekent, ook in de randgevallen: <a href=\"" + ReportGuide.PATH
            + "\">toelichting op de rapportages</a> (docs/reports.md).</footer>\n";

    private final StringBuilder body = new StringBuilder();
    private final String title;

    HtmlPage(String title, String subtitle) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
        body.append("<p class=\"sub\">").append(escape(subtitle)).append("</p>\n");
    }

    /** The table with its cells as people read them: Dutch numbers, "–" for a missing figure, text left-aligned. */
    HtmlPage table(ReportTable table) {
        List<Column> columns = table.columns();
        body.append("<table>\n<thead><tr>");
        columns.forEach(c -> body.append("<th").append(alignment(c)).append('>').append(escape(c.heading())).append("</th>"));
        body.append("</tr></thead>\n<tbody>\n");
        table.rows().forEach(row -> appendRow(columns, shown(columns, row), ""));
        if (table.hasTotal()) {
            List<String> total = shown(columns, table.total());
            total.set(0, "Totaal");
            appendRow(columns, total, " class=\"total\"");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A list of links, each with its text and the address it points to, and any further links after it. */
    HtmlPage links(List<Link> links) {
        body.append("<ul>\n");
        for (Link link : links) {
            body.append("<li><a href=\"").append(escape(link.href())).append("\">").append(escape(link.text())).append("</a>");
            link.more().forEach(more -> body.append(" · <a href=\"").append(escape(more.href())).append("\">")
                    .append(escape(more.text())).append("</a>"));
            body.append("</li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    record Link(String text, String href, List<Link> more) {

        Link(String text, String href) {
            this(text, href, List.of());
        }
    }

    HtmlPage heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** Adds markup built by this package (an SVG chart); never user input. */
    HtmlPage trusted(String markup) {
        body.append(markup).append('\n');
        return this;
    }

    private void appendRow(List<Column> columns, List<String> cells, String attributes) {
        body.append("<tr").append(attributes).append('>');
        for (int i = 0; i < columns.size(); i++) {
            body.append("<td").append(alignment(columns.get(i))).append('>').append(escape(cells.get(i))).append("</td>");
        }
        body.append("</tr>\n");
    }

    private static List<String> shown(List<Column> columns, List<Object> values) {
        ReportTable.requireWidth(columns, values);
        List<String> cells = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Column column = columns.get(i);
            String shown = shown(column.kind(), values.get(i));
            boolean warns = column.warning() != null && values.get(i) instanceof Number number && number.longValue() > 0;
            cells.add(warns ? column.warning() + " " + shown : shown);
        }
        return cells;
    }

    private static String alignment(Column column) {
        if (column.kind() == Column.Kind.DATE) {
            return " class=\"text date\"";
        }
        return column.kind().isText() ? " class=\"text\"" : "";
    }

    /** A cell as people read it; a missing figure is the seed tables' "–", a missing text is empty. */
    static String shown(Column.Kind kind, Object value) {
        if (value == null) {
            return kind == Column.Kind.TEXT ? "" : "–";
        }
        return switch (kind) {
            case EUROS -> Euros.dutch(((Number) value).longValue());
            case COUNT -> Euros.dutchNumber(((Number) value).longValue());
            case DECIMAL -> Euros.dutchDecimal((BigDecimal) value);
            case SHARE -> Euros.percentage((BigDecimal) value);
            case MONTH -> capitalised(ReportParameters.MONTHS[((Number) value).intValue() - 1]);
            case POSITION, DATE, TEXT -> value.toString();
        };
    }

    static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Override
    public String toString() {
        return "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body + FOOTER + "</body>\n</html>\n";
    }
}
