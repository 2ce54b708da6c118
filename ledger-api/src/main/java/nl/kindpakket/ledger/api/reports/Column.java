package nl.kindpakket.ledger.api.reports;

/**
 * A column of a {@link ReportTable}: the Dutch heading people read (pages, workbooks), the name a machine reads
 * (the CSV header), and the kind of its values, which decides how each format writes them.
 *
 * @param csvBlank what the CSV writes for a missing value (the seed tables' "–" where a report keeps it)
 * @param warning  a sign a page puts before a figure above zero in this column, so that it stands out on paper; or null
 */
public record Column(String heading, String csvName, Kind kind, String csvBlank, String warning) {

    /** The kinds of value a report holds; each cell's Java type follows from its kind. */
    public enum Kind {
        /** a String */
        TEXT,
        /** a Long or Integer amount in cents, shown in euros */
        EUROS,
        /** an Integer or Long count */
        COUNT,
        /** a Long event position, written as the event stream writes it (no thousands separators) */
        POSITION,
        /** a LocalDate */
        DATE,
        /** a month number 1 to 12, shown by its Dutch name */
        MONTH,
        /** a BigDecimal such as an FTE figure, shown with two decimals */
        DECIMAL,
        /** a BigDecimal fraction shown as a percentage */
        SHARE;

        boolean isText() {
            return this == TEXT || this == MONTH || this == DATE;
        }
    }

    public Column {
        if (heading == null || csvName == null || kind == null || csvBlank == null) {
            throw new IllegalArgumentException("a column needs a heading, a CSV name, a kind and a blank");
        }
    }

    /** A column whose CSV name is its heading in lower case, as the reports' CSV headers have always been. */
    public static Column of(String heading, Kind kind) {
        return new Column(heading, heading.toLowerCase(java.util.Locale.ROOT), kind, "", null);
    }

    public static Column text(String heading) {
        return of(heading, Kind.TEXT);
    }

    public static Column euros(String heading) {
        return of(heading, Kind.EUROS);
    }

    public static Column count(String heading) {
        return of(heading, Kind.COUNT);
    }

    public static Column date(String heading) {
        return of(heading, Kind.DATE);
    }

    public static Column position(String heading) {
        return of(heading, Kind.POSITION);
    }

    /** The same column with another CSV name, for a heading that is a name (an organisation) rather than a word. */
    public Column csvNamed(String name) {
        return new Column(heading, name, kind, csvBlank, warning);
    }

    /** The same column with what the CSV writes for a missing value. */
    public Column csvBlank(String blank) {
        return new Column(heading, csvName, kind, blank, warning);
    }

    /** The same column, its figures above zero marked with {@code sign} on a page. */
    public Column warnsAboveZero(String sign) {
        return new Column(heading, csvName, kind, csvBlank, sign);
    }
}
