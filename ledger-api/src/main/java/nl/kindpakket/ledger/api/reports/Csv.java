package nl.kindpakket.ledger.api.reports;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A CSV table (RFC 4180): one header row, the rows, and the total row last. */
final class Csv {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?");

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
        String s = neutralised(value == null ? "" : value.toString());
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\""
                : s;
    }

    /**
     * A spreadsheet runs a cell that begins with =, +, -, @, a tab or a carriage return as a formula; such text
     * (a line named =HYPERLINK(...)) gets a leading apostrophe, as OWASP advises. Numbers such as -12.50 stay numbers.
     */
    static String neutralised(String text) {
        boolean formula = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
        return formula && !NUMBER.matcher(text).matches() ? "'" + text : text;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
