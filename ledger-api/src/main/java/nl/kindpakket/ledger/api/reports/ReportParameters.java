package nl.kindpakket.ledger.api.reports;

import java.time.Instant;

import nl.kindpakket.ledger.api.asof.AsOf;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;

/** The query parameters the reports share, validated like every other input. */
final class ReportParameters {

    static final String[] MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december"};

    private ReportParameters() {
    }

    static String municipality(String slug) {
        return new Municipality(slug).slug();
    }

    static int year(String field, Integer year) {
        if (year == null) {
            throw new InvalidInput(field, "is required");
        }
        return Years.require(field, year);
    }

    static Integer month(Integer month) {
        if (month != null && (month < 1 || month > 12)) {
            throw new InvalidInput("month", "must be between 1 and 12");
        }
        return month;
    }

    /** What a page's subtitle adds for a report as of an earlier moment of recording; nothing for the current one. */
    static String asOfLabel(Instant asOf) {
        return asOf == null ? "" : ", stand zoals vastgelegd op " + AsOf.label(asOf);
    }

    /** "2018-03" as the Dutch month name, as the memo prints it. */
    static String monthName(String label) {
        return MONTHS[Integer.parseInt(label.substring(5)) - 1];
    }
}
