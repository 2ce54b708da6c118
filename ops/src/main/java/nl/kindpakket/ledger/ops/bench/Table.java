package nl.kindpakket.ledger.ops.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The result table of a run: each measure with its raw baseline, their ratio, the target and whether it is met. */
final class Table {

    /** @param figure the measure's headline number (a rate, a latency or MiB), for checks that it was measured */
    record Row(String id, String measure, String ledger, String raw, String ratio, String target, String verdict, double figure) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    /** A row measured out of its order, put after the row of that number. */
    void insertAfter(String number, Row row) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(number)) {
                rows.add(i + 1, row);
                return;
            }
        }
        rows.add(row);
    }

    void note(String format, Object... args) {
        notes.add(String.format(Locale.ROOT, format, args));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    void print(PrintStream out) {
        out.println("| # | measure | ledger | raw PostgreSQL baseline, same run | ledger / raw | target | verdict |");
        out.println("|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", r.id(), r.measure(), r.ledger(), dash(r.raw()), dash(r.ratio()),
                    dash(r.target()), dash(r.verdict()));
        }
        out.println();
        notes.forEach(out::println);
    }

    private static String dash(String text) {
        return text == null || text.isEmpty() ? "–" : text;
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%,.1f", millis);
    }

    static String ratio(double ledger, double raw) {
        return raw <= 0 ? "" : String.format(Locale.ROOT, "%.3f", ledger / raw);
    }

    /** A throughput target: met, or by how much and what share of the target was reached. */
    static String atLeast(double value, double target, String unit) {
        if (value >= target) {
            return "met";
        }
        return String.format(Locale.ROOT, "**missed** by %,.0f %s (%.1f%% of target, needs %.1f×)", target - value, unit,
                100 * value / target, target / Math.max(value, 1e-9));
    }

    /** A latency target: met, or by how many milliseconds and how many times over. */
    static String below(double millis, double targetMillis) {
        if (millis < targetMillis) {
            return "met";
        }
        return String.format(Locale.ROOT, "**missed** by %s ms (%.1f× the target)", ms(millis - targetMillis), millis / targetMillis);
    }
}
