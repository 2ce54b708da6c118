package nl.kindpakket.ledger.api.reports;

import java.util.List;
import java.util.Locale;

/** A grouped bar chart as inline SVG: a pair of bars per label, readable and printable without script. */
final class BarChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 50;
    private static final int BOTTOM = 40;
    private static final int TOP = 30;

    record Group(String label, Integer first, Integer second) {
    }

    private BarChart() {
    }

    static String svg(String title, String firstName, String secondName, List<Group> groups) {
        int max = Math.max(1, groups.stream()
                .mapToInt(g -> Math.max(g.first() == null ? 0 : g.first(), g.second() == null ? 0 : g.second())).max().orElse(1));
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (WIDTH - LEFT - 10) / (double) Math.max(1, groups.size());
        double bar = slot * 0.35;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(HtmlPage.escape(title)).append("</title>");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, HEIGHT - BOTTOM, WIDTH - 10, HEIGHT - BOTTOM));
        for (int tick = 0; tick <= 4; tick++) {
            int value = (int) Math.round(max * tick / 4.0);
            double y = HEIGHT - BOTTOM - plotHeight * tick / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>", LEFT, y, WIDTH - 10, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>", LEFT - 6, y + 4, Euros.dutchNumber(value)));
        }
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            double x = LEFT + i * slot + slot * 0.12;
            appendBar(svg, x, g.first(), max, plotHeight, bar, "#1f5fa8", firstName + " " + g.label());
            appendBar(svg, x + bar, g.second(), max, plotHeight, bar, "#e08a1e", secondName + " " + g.label());
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                    x + bar, HEIGHT - BOTTOM + 16, HtmlPage.escape(g.label())));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"#1f5fa8\"/><text x=\"%d\" y=\"18\" font-size=\"12\">%s</text>",
                LEFT, LEFT + 16, HtmlPage.escape(firstName)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"#e08a1e\"/><text x=\"%d\" y=\"18\" font-size=\"12\">%s</text>",
                LEFT + 200, LEFT + 216, HtmlPage.escape(secondName)));
        return svg.append("</svg>").toString();
    }

    private static void appendBar(StringBuilder svg, double x, Integer value, int max, int plotHeight, double width, String colour, String label) {
        if (value == null) {
            return;
        }
        double height = plotHeight * value / (double) max;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>",
                x, HEIGHT - BOTTOM - height, width, height, colour, HtmlPage.escape(label), Euros.dutchNumber(value)));
    }
}
