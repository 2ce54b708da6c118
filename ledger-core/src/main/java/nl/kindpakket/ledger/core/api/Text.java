package nl.kindpakket.ledger.core.api;

import java.util.regex.Pattern;

import nl.kindpakket.ledger.core.api.refusals.BsnLikeValue;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;

/** Validation shared by every identifier and free-text field that enters an event. */
public final class Text {

    public static final int MAX_FREE_TEXT = 200;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private Text() {
    }

    /** A client-chosen identifier: letters, digits, '.', '_' and '-', at most 64 characters, never BSN-like. */
    public static String requireIdentifier(String field, String value) {
        return requireFormat(field, value, IDENTIFIER, "letters, digits, '.', '_' or '-', at most 64 characters");
    }

    public static String requireFormat(String field, String value, Pattern format, String expectation) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        if (!format.matcher(value).matches()) {
            throw new InvalidInput(field, "must be " + expectation);
        }
        refuseBsnLike(field, value);
        return value;
    }

    /** Free text such as a name, reason or description: trimmed, no control characters, never a BSN. */
    public static String requireFreeText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        return optionalFreeText(field, value);
    }

    public static String optionalFreeText(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_FREE_TEXT) {
            throw new InvalidInput(field, "must be at most " + MAX_FREE_TEXT + " characters");
        }
        if (CONTROL.matcher(trimmed).find()) {
            throw new InvalidInput(field, "must not contain control characters");
        }
        refuseBsnLike(field, trimmed);
        return trimmed;
    }

    /**
     * Refuses any run of exactly nine digits that passes the BSN eleven-test. A single space or dot between two digits
     * does not end a run ("111 222 333", "1112.22.333"); anything else does. One pass over the text, since every
     * identifier and free-text field of every command comes through here.
     */
    public static void refuseBsnLike(String field, String value) {
        int sum = 0;
        int digits = 0;
        boolean zeros = true;
        int length = value.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? value.charAt(i) : ' ';
            if (isDigit(c)) {
                // the eleven-test weighs the first eight digits 9 down to 2 and the ninth -1
                int digit = c - '0';
                sum += digits < 8 ? (9 - digits) * digit : digits == 8 ? -digit : 0;
                zeros &= digit == 0;
                digits++;
            } else if (!(digits > 0 && (c == ' ' || c == '.') && i + 1 < length && isDigit(value.charAt(i + 1)))) {
                if (digits == 9 && sum % 11 == 0 && !zeros) {
                    throw new BsnLikeValue(field);
                }
                sum = 0;
                digits = 0;
                zeros = true;
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
