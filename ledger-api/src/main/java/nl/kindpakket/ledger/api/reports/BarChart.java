package nl.kindpakket.ledger.api.reports;

import java.util.List;
import java.util.Locale;

/** A grouped bar chart as inline SVG: a bar per series in each group, readable and printable without script. */
final class BarChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int BOTTOM = 40;
    private static final int TOP = 30;
    private static final List<String> COLOURS = List.of("#1f5fa8", "#e08a1e", "#3a9a5b", "#8e44ad");

    /** One label on the axis with a value per series; null where a series has no figure (an empty month). */
    record Group(String label, List<Long> values) {
    }

    private BarChart() {
    }

    static String svg(String title, List<String> series, List<Group> groups) {
        long max = Math.max(1, groups.stream().flatMap(g -> g.values().stream())
                .filter(v -> v != null).mapToLong(Long::longValue).max().orElse(1));
        int plotHeight = HEIGHT - TOP - BOTTOM;
        // a few groups keep bars of a readable width rather than filling the chart
        double slot = Math.min(160, (WIDTH - LEFT - 10) / (double) Math.max(1, groups.size()));
        double bar = slot * 0.7 / series.size();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(HtmlPage.escape(title)).append("</title>");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, HEIGHT - BOTTOM, WIDTH - 10, HEIGHT - BOTTOM));
        for (int tick = 0; tick <= 4; tick++) {
            long value = Math.round(max * tick / 4.0);
            double y = HEIGHT - BOTTOM - plotHeight * tick / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>", LEFT, y, WIDTH - 10, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>", LEFT - 6, y + 4, Euros.dutchNumber(value)));
        }
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            for (int s = 0; s < series.size(); s++) {
                appendBar(svg, x + s * bar, g.values().get(s), max, plotHeight, bar, colour(s), series.get(s) + " " + g.label());
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                    x + bar * series.size() / 2, HEIGHT - BOTTOM + 16, HtmlPage.escape(g.label())));
        }
        int legend = LEFT;
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"18\" font-size=\"12\">%s</text>",
                    legend, colour(s), legend + 16, HtmlPage.escape(series.get(s))));
            legend += 30 + 8 * series.get(s).length();
        }
        return svg.append("</svg>").toString();
    }

    private static String colour(int series) {
        return COLOURS.get(series % COLOURS.size());
    }

    /** A negative figure (a line spent beyond its budget has a negative remainder) draws no bar but keeps its label. */
    private static void appendBar(StringBuilder svg, double x, Long value, long max, int plotHeight, double width, String colour, String label) {
        if (value == null) {
            return;
        }
        double height = plotHeight * Math.max(0, value) / (double) max;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>",
                x, HEIGHT - BOTTOM - height, width, height, colour, HtmlPage.escape(label), Euros.dutchNumber(value)));
    }
}
