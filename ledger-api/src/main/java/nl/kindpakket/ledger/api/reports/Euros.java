package nl.kindpakket.ledger.api.reports;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Cents and numbers shown to people in Dutch: 1.594.000,00. */
final class Euros {

    private static final DecimalFormatSymbols DUTCH = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL"));

    private Euros() {
    }

    static String dutch(long cents) {
        return new DecimalFormat("#,##0.00", DUTCH).format(BigDecimal.valueOf(cents, 2));
    }

    static String dutchNumber(long number) {
        return new DecimalFormat("#,##0", DUTCH).format(number);
    }

    static String dutchDecimal(BigDecimal number) {
        return number == null ? "–" : new DecimalFormat("#,##0.00", DUTCH).format(number);
    }

    static String percentage(BigDecimal share) {
        return share == null ? "–" : new DecimalFormat("#,##0.0", DUTCH).format(share.movePointRight(2)) + "%";
    }
}
