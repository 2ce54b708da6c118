package nl.kindpakket.ledger.api.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One table of a report as typed values, written alike as CSV (either dialect), as a workbook sheet and as an HTML
 * table. The rows are an {@link Iterable} so that a long table can be read as it is written; the total row, when
 * there is one, has a cell per column of which the first is replaced by the word "Totaal".
 *
 * @param title the sheet's name in a workbook
 */
public record ReportTable(String title, List<Column> columns, Iterable<List<Object>> rows, List<Object> total) {

    public ReportTable {
        columns = List.copyOf(columns);
        if (columns.isEmpty() || rows == null) {
            throw new IllegalArgumentException("a table needs columns and rows");
        }
        if (total != null) {
            total = Collections.unmodifiableList(new ArrayList<>(total));
            requireWidth(columns, total);
        }
    }

    public static ReportTable of(String title, List<Column> columns, Iterable<List<Object>> rows) {
        return new ReportTable(title, columns, rows, null);
    }

    public ReportTable withTotal(List<Object> total) {
        return new ReportTable(title, columns, rows, total);
    }

    public boolean hasTotal() {
        return total != null;
    }

    static void requireWidth(List<Column> columns, List<?> row) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + columns.size() + " columns");
        }
    }
}
