package nl.kindpakket.ledger.api.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a {@link ReportTable} as CSV (RFC 4180) in a {@link CsvDialect}: one header row of the columns' CSV names,
 * the rows, and the total row last, its first cell "totaal". Euros have two decimals and no thousands separators.
 */
public final class Csv {

    static final String TOTAL = "totaal";
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?");

    private final CsvDialect dialect;
    private final Appendable out;

    public Csv(CsvDialect dialect, Appendable out) {
        this.dialect = dialect;
        this.out = out;
    }

    /** The table as one string, as the reports answer it. */
    public static String of(CsvDialect dialect, ReportTable table) {
        StringBuilder text = new StringBuilder();
        new Csv(dialect, text).write(table);
        return text.toString();
    }

    /** The table, its rows read once as they are written: a long table need not be held in memory. */
    public void write(ReportTable table) {
        append(dialect.preamble());
        row(table.columns().stream().map(Column::csvName).toList());
        for (List<Object> row : table.rows()) {
            ReportTable.requireWidth(table.columns(), row);
            row(cells(table.columns(), row));
        }
        if (table.hasTotal()) {
            List<String> total = cells(table.columns(), table.total());
            total.set(0, TOTAL);
            row(total);
        }
    }

    private List<String> cells(List<Column> columns, List<Object> values) {
        List<String> cells = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            cells.add(text(columns.get(i), values.get(i)));
        }
        return cells;
    }

    private String text(Column column, Object value) {
        if (value == null) {
            return column.csvBlank();
        }
        return switch (column.kind()) {
            case EUROS -> dialect.number(BigDecimal.valueOf(((Number) value).longValue(), 2));
            case DECIMAL -> dialect.number((BigDecimal) value);
            case SHARE -> dialect.number((BigDecimal) value);
            case MONTH -> ReportParameters.MONTHS[((Number) value).intValue() - 1];
            case TEXT -> neutralised(value.toString());
            case COUNT, POSITION, DATE -> value.toString();
        };
    }

    private void row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(dialect.separator());
            }
            line.append(cell(cells.get(i)));
        }
        append(line.append("\r\n"));
    }

    private String cell(String s) {
        return s.indexOf(dialect.separator()) >= 0 || s.contains("\"") || s.contains("\n") || s.contains("\r")
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

    private void append(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
