package nl.kindpakket.ledger.core.api;

import java.util.regex.Pattern;

/** The code of a spending line (bestedingslijn) within a municipality's year, such as {@code 3}. */
public record SpendingLineCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,15}");

    public SpendingLineCode {
        Text.requireFormat("spendingLine", value, FORMAT, "1 to 16 letters, digits, '.', '_' or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
