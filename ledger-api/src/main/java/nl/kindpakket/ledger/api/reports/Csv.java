package nl.kindpakket.ledger.api.reports;

import java.util.List;
import java.util.stream.Collectors;

/** A CSV table (RFC 4180): one header row, the rows, and the total row last. */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    Csv(String... header) {
        row(List.of(header));
    }

    Csv row(Object... cells) {
        return row(List.of(cells));
    }

    Csv row(List<?> cells) {
        text.append(cells.stream().map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    private static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\""
                : s;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
