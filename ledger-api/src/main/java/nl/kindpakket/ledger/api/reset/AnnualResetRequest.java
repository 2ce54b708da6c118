package nl.kindpakket.ledger.api.reset;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/v1/municipalities/{m}/annual-resets}. */
public record AnnualResetRequest(Integer fromYear, Integer toYear, List<Renewal> renewals, LocalDate effectiveOn) {

    /** A child re-determined eligible for the new year, with its pass and credit per line in cents. */
    public record Renewal(String childRef, String passNumber, Map<String, Long> credits) {
    }
}
