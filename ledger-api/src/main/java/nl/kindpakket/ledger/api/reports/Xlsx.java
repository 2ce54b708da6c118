package nl.kindpakket.ledger.api.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes report tables as an Excel workbook (XLSX), one sheet per table: the Dutch headings, euros as numbers with a
 * euro format (never text), and the total row first-celled "Totaal". Apache POI's streaming writer keeps only a window
 * of rows in memory and spools the rest, compressed, to a temporary file, so a long table costs no more heap than a short one.
 */
public final class Xlsx {

    static final String TOTAL = "Totaal";
    /** Rows kept in memory while a sheet is written; older rows are on disk. */
    static final int WINDOW = 200;

    private Xlsx() {
    }

    public static void write(List<ReportTable> tables, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            XlsxStyles styles = new XlsxStyles(workbook);
            Set<String> names = new HashSet<>();
            for (ReportTable table : tables) {
                sheet(workbook.createSheet(uniqueName(table.title(), names)), table, styles);
            }
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    private static void sheet(SXSSFSheet sheet, ReportTable table, XlsxStyles styles) {
        List<Column> columns = table.columns();
        Row heading = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = heading.createCell(i);
            cell.setCellValue(columns.get(i).heading());
            cell.setCellStyle(styles.heading(columns.get(i).kind()));
            sheet.setColumnWidth(i, XlsxStyles.width(columns.get(i)));
        }
        sheet.createFreezePane(0, 1);
        int next = 1;
        for (List<Object> values : table.rows()) {
            ReportTable.requireWidth(columns, values);
            row(sheet.createRow(next++), columns, values, styles, false);
        }
        if (table.hasTotal()) {
            Row total = sheet.createRow(next);
            row(total, columns, table.total(), styles, true);
            total.getCell(0, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(TOTAL);
            total.getCell(0).setCellStyle(styles.of(Column.Kind.TEXT, true));
        }
    }

    private static void row(Row row, List<Column> columns, List<Object> values, XlsxStyles styles, boolean total) {
        for (int i = 0; i < columns.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Column.Kind kind = columns.get(i).kind();
            Cell cell = row.createCell(i);
            cell.setCellStyle(styles.of(kind, total));
            switch (kind) {
                case EUROS -> cell.setCellValue(BigDecimal.valueOf(((Number) value).longValue(), 2).doubleValue());
                case COUNT, POSITION -> cell.setCellValue(((Number) value).doubleValue());
                case DECIMAL, SHARE -> cell.setCellValue(((BigDecimal) value).doubleValue());
                case DATE -> cell.setCellValue((LocalDate) value);
                case MONTH -> cell.setCellValue(HtmlPage.capitalised(ReportParameters.MONTHS[((Number) value).intValue() - 1]));
                case TEXT -> cell.setCellValue(value.toString());
            }
        }
    }

    /** Excel allows 31 characters and no []:*?/\ in a sheet's name, and no two sheets of one name. */
    private static String uniqueName(String title, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(title == null || title.isBlank() ? "Tabel" : title);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
