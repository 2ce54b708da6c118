package nl.kindpakket.ledger.api.reports;

import java.util.List;

/** A printable report page: a heading, tables with a total row, and optional inline SVG; no script. */
final class HtmlPage {

    private static final String STYLE = """
            body{font-family:"Segoe UI",Arial,sans-serif;margin:2em;color:#1a1a1a}
            h1{font-size:1.4em;margin-bottom:.2em}p.sub{color:#555;margin-top:0}
            table{border-collapse:collapse;margin:1em 0;min-width:40em}
            th,td{border-bottom:1px solid #ccc;padding:.35em .8em;text-align:right}
            th:first-child,td:first-child{text-align:left}
            thead th{border-bottom:2px solid #333;background:#f3f3f3}
            tr.total td{font-weight:bold;border-top:2px solid #333}
            figure{margin:1em 0}figcaption{color:#555;font-size:.9em}
            @media print{body{margin:0}a{color:inherit}}
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    HtmlPage(String title, String subtitle) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
        body.append("<p class=\"sub\">").append(escape(subtitle)).append("</p>\n");
    }

    HtmlPage table(List<String> header, List<List<String>> rows, List<String> total) {
        body.append("<table>\n<thead><tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr></thead>\n<tbody>\n");
        rows.forEach(row -> appendRow(row, ""));
        if (total != null) {
            appendRow(total, " class=\"total\"");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
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

    private void appendRow(List<String> cells, String attributes) {
        body.append("<tr").append(attributes).append('>');
        cells.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
        body.append("</tr>\n");
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
                + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }
}
