package nl.kindpakket.ledger.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import nl.kindpakket.ledger.core.api.refusals.InvalidInput;

/** Calendar years and business dates, which the ledger reports in Europe/Amsterdam. */
public final class Years {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    public static final int FIRST = 2000;
    public static final int LAST = 2100;
    private static final Instant FIRST_MOMENT = LocalDate.of(FIRST, 1, 1).atStartOfDay(ZONE).toInstant();
    private static final Instant END_MOMENT = LocalDate.of(LAST + 1, 1, 1).atStartOfDay(ZONE).toInstant();

    private Years() {
    }

    public static int require(String field, int year) {
        if (year < FIRST || year > LAST) {
            throw new InvalidInput(field, "must be a year between " + FIRST + " and " + LAST);
        }
        return year;
    }

    public static LocalDate requireDate(String field, LocalDate date) {
        if (date == null) {
            throw new InvalidInput(field, "is required");
        }
        require(field, date.getYear());
        return date;
    }

    public static Instant requireInstant(String field, Instant instant) {
        if (instant == null) {
            throw new InvalidInput(field, "is required");
        }
        // compared as instants: the far ends of Instant's range have no date in Amsterdam
        if (instant.isBefore(FIRST_MOMENT) || !instant.isBefore(END_MOMENT)) {
            throw new InvalidInput(field, "must be a moment in the years " + FIRST + " to " + LAST);
        }
        return instant;
    }

    /** Today in Amsterdam by the system clock, for callers that record a command without a clock of their own. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The business date of a moment: 23:30 UTC on 31 January is 1 February in Amsterdam. */
    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
