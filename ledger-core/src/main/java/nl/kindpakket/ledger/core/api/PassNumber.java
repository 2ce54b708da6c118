package nl.kindpakket.ledger.core.api;

import java.util.regex.Pattern;

/** The number printed on a child's pass. */
public record PassNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{3,31}");

    public PassNumber {
        Text.requireFormat("passNumber", value, FORMAT, "4 to 32 letters, digits or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
