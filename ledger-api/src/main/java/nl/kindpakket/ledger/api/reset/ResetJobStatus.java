package nl.kindpakket.ledger.api.reset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The status resource of an annual reset job: where it is and how far. */
public record ResetJobStatus(
        String id,
        String municipality,
        int fromYear,
        int toYear,
        LocalDate effectiveOn,
        String status,
        String phase,
        Progress expiries,
        Progress renewals,
        ReleasedHolds releasedHolds,
        int failedRenewals,
        List<Failure> failures,
        Instant submittedAt,
        Instant updatedAt,
        Instant finishedAt,
        String error) {

    public record Progress(int total, int done) {
    }

    /** The open holds the expiries released first, and the credit they held (in cents). */
    public record ReleasedHolds(int count, long cents) {
    }

    public record Failure(String childRef, String type, String detail) {
    }

    public boolean finished() {
        return "DONE".equals(status);
    }
}
