package nl.kindpakket.ledger.api.reports;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell styles of a report workbook: a number format per kind of column, bold for the heading and the total row. */
final class XlsxStyles {

    /** Euros as a number that Excel sums, shown with the euro sign and two decimals in the reader's own separators. */
    static final String EUROS = "\"€\" #,##0.00;\"€\" -#,##0.00";
    static final String COUNT = "#,##0";
    static final String POSITION = "0";
    static final String DECIMAL = "0.00";
    static final String SHARE = "0.0%";
    static final String DATE = "yyyy-mm-dd";

    private final Workbook workbook;
    private final Map<Column.Kind, CellStyle> plain = new EnumMap<>(Column.Kind.class);
    private final Map<Column.Kind, CellStyle> bold = new EnumMap<>(Column.Kind.class);
    private final Map<Column.Kind, CellStyle> headings = new EnumMap<>(Column.Kind.class);
    private final Font boldFont;

    XlsxStyles(Workbook workbook) {
        this.workbook = workbook;
        this.boldFont = workbook.createFont();
        boldFont.setBold(true);
    }

    CellStyle of(Column.Kind kind, boolean strong) {
        return (strong ? bold : plain).computeIfAbsent(kind, k -> create(k, strong));
    }

    CellStyle heading(Column.Kind kind) {
        return headings.computeIfAbsent(kind, k -> {
            CellStyle style = workbook.createCellStyle();
            style.setFont(boldFont);
            style.setAlignment(k.isText() ? HorizontalAlignment.LEFT : HorizontalAlignment.RIGHT);
            return style;
        });
    }

    /** A width (in 1/256 of a character) that fits the heading and the figures of a column of this kind. */
    static int width(Column column) {
        int figures = switch (column.kind()) {
            case TEXT -> 24;
            case EUROS -> 16;
            case DATE, MONTH, POSITION -> 12;
            case COUNT, DECIMAL, SHARE -> 10;
        };
        return Math.min(60, Math.max(figures, column.heading().length() + 2)) * 256;
    }

    private CellStyle create(Column.Kind kind, boolean strong) {
        CellStyle style = workbook.createCellStyle();
        DataFormat formats = workbook.createDataFormat();
        String format = switch (kind) {
            case EUROS -> EUROS;
            case COUNT -> COUNT;
            case POSITION -> POSITION;
            case DECIMAL -> DECIMAL;
            case SHARE -> SHARE;
            case DATE -> DATE;
            case TEXT, MONTH -> null;
        };
        if (format != null) {
            style.setDataFormat(formats.getFormat(format));
        }
        if (strong) {
            style.setFont(boldFont);
        }
        return style;
    }
}
