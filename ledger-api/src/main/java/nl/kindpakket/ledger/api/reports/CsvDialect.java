package nl.kindpakket.ledger.api.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import org.springframework.http.MediaType;

/**
 * How a CSV writes its separators and numbers. {@link #PLAIN} is the default for machines (RFC 4180: commas, decimal
 * points); {@link #EXCEL_NL} is what a Dutch Excel opens into columns (semicolons, decimal commas, a UTF-8 byte order
 * mark so that accents survive). Chosen by {@code Accept: text/csv;dialect=excel-nl} or by {@code ?csv=excel-nl}.
 */
public enum CsvDialect {

    PLAIN(',', '.', ""),
    EXCEL_NL(';', ',', "\uFEFF");

    public static final String PARAMETER = "dialect";
    public static final String EXCEL_NL_NAME = "excel-nl";

    private final char separator;
    private final char decimalMark;
    private final String preamble;

    CsvDialect(char separator, char decimalMark, String preamble) {
        this.separator = separator;
        this.decimalMark = decimalMark;
        this.preamble = preamble;
    }

    /**
     * The dialect a request asks for: the {@code csv} query parameter when present, else the {@code dialect} parameter
     * of a {@code text/csv} type in the Accept header, else the plain one.
     */
    public static CsvDialect requested(String csvParameter, String accept) {
        if (csvParameter != null) {
            return named("csv", csvParameter);
        }
        if (accept == null || accept.isBlank()) {
            return PLAIN;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException unparsable) {
            return PLAIN;
        }
        return types.stream()
                .filter(type -> "csv".equals(type.getSubtype()) && type.getParameter(PARAMETER) != null)
                .findFirst()
                .map(type -> named(PARAMETER, type.getParameter(PARAMETER)))
                .orElse(PLAIN);
    }

    private static CsvDialect named(String field, String name) {
        if (EXCEL_NL_NAME.equals(name.strip().toLowerCase(Locale.ROOT))) {
            return EXCEL_NL;
        }
        throw new InvalidInput(field, "the only CSV dialect to ask for is " + EXCEL_NL_NAME + " (the default needs none)");
    }

    char separator() {
        return separator;
    }

    /** What goes before the header: the byte order mark that tells Excel the file is UTF-8. */
    String preamble() {
        return preamble;
    }

    /** The media type of the answer, naming the dialect when it is not the default. */
    MediaType mediaType() {
        return this == PLAIN ? ReportResponses.CSV : new MediaType(ReportResponses.CSV, java.util.Map.of(
                "charset", "UTF-8", PARAMETER, EXCEL_NL_NAME));
    }

    /** A number as this dialect writes it: no thousands separators, its own decimal mark. */
    String number(BigDecimal value) {
        String plain = value.toPlainString();
        return decimalMark == '.' ? plain : plain.replace('.', decimalMark);
    }
}
