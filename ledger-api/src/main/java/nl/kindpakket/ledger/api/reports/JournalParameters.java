package nl.kindpakket.ledger.api.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import nl.kindpakket.ledger.api.asof.AsOf;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import nl.kindpakket.ledger.projections.spending.JournalQuery;

/** The journal's path and query parameters, checked as every other input is: a refusal names the parameter. */
final class JournalParameters {

    private final AsOf asOf;

    JournalParameters(AsOf asOf) {
        this.asOf = asOf;
    }

    JournalQuery query(String municipality, int year, String code, String from, String to, String provider,
                       String organisation, String asOf, Long after, Integer limit) {
        Text.refuseBsnLike("code", code);
        return new JournalQuery(ReportParameters.municipality(municipality), Years.require("year", year), code,
                date("from", from), date("to", to), provider(provider), Text.optionalFreeText("organisation", organisation),
                this.asOf.parse(asOf), after == null ? JournalQuery.START : after,
                limit == null ? JournalQuery.DEFAULT_LIMIT : limit);
    }

    /** What a page's subtitle adds for the filters; nothing for the whole journal. */
    static String label(JournalQuery query) {
        List<String> parts = new ArrayList<>();
        if (query.from() != null) {
            parts.add("vanaf " + query.from());
        }
        if (query.to() != null) {
            parts.add("tot en met " + query.to());
        }
        if (query.providerId() != null) {
            parts.add("aanbieder " + query.providerId());
        }
        if (query.organisation() != null) {
            parts.add("organisatie " + query.organisation());
        }
        return parts.isEmpty() ? "" : ", " + String.join(", ", parts);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date such as 2020-04-01 (yyyy-MM-dd)");
        }
    }

    private static String provider(String providerId) {
        return providerId == null || providerId.isBlank() ? null : Text.requireIdentifier("provider", providerId.strip());
    }
}
