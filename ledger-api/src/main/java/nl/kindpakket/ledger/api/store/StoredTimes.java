package nl.kindpakket.ledger.api.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Moments and dates as the store writes them ({@code 2025-01-04T08:03:00.000Z}, {@code 2025-01-04}), read without
 * {@link java.time.format.DateTimeFormatter}: its parser builds maps for every value and was a third of what a
 * rebuild allocated. Any other spelling is left to the caller's standard parser, so errors and unusual forms (a
 * lower-case {@code t}, an offset, a leap second) come out exactly as before.
 */
public final class StoredTimes {

    private static final long SECONDS_PER_DAY = 86_400;

    private StoredTimes() {
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with one to nine fraction digits, or null for any other text. */
    public static Instant instantOrNull(CharSequence text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z') {
            return null;
        }
        LocalDate date = leadingDate(text);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, 20, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int scale = fractionDigits; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(date.toEpochDay() * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code yyyy-MM-dd}, or null for any other text. */
    public static LocalDate dateOrNull(CharSequence text) {
        return text.length() == 10 ? leadingDate(text) : null;
    }

    /** The date in the text's first ten characters, or null. */
    private static LocalDate leadingDate(CharSequence text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException notADay) {
            // the 30th of February and the like: the standard parser says so in its own words
            return null;
        }
    }

    /** The number in {@code count} decimal digits from {@code start}, or -1 if one is not a digit. */
    private static int digits(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
