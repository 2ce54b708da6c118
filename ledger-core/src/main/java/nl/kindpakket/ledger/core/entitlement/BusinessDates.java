package nl.kindpakket.ledger.core.entitlement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.refusals.DateBeforeGrant;
import nl.kindpakket.ledger.core.api.refusals.DateInFuture;
import nl.kindpakket.ledger.core.api.refusals.DateOutsideYear;

/** Business dates come from the client; these rules keep them inside the year and out of the future. */
final class BusinessDates {

    /** Tills and web shops run on their own clocks; a few minutes ahead is skew, not the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private BusinessDates() {
    }

    static void requireInYear(String field, LocalDate date, int year) {
        if (date.getYear() != year) {
            throw new DateOutsideYear(field, date, year);
        }
    }

    /** Nothing happens to an entitlement before it was granted; the refusal names the grant date. */
    static void requireNotBeforeGrant(String field, LocalDate date, LocalDate grantedOn) {
        if (date.isBefore(grantedOn)) {
            throw new DateBeforeGrant(field, date, grantedOn);
        }
    }

    static void requireNotAfter(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw new DateInFuture(field, date);
        }
    }

    static void requireNotAhead(String field, Instant moment, Instant recordedAt) {
        if (moment.isAfter(recordedAt.plus(CLOCK_SKEW))) {
            throw new DateInFuture(field, moment);
        }
    }
}
