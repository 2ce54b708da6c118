package nl.kindpakket.ledger.api.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The auditor's answer to "is the history I read the history that was written?". */
public record ChainAudit(
        String municipality,
        long eventsChecked,
        long aggregates,
        boolean intact,
        long breaks,
        @JsonInclude(JsonInclude.Include.ALWAYS) Break firstBreak,
        Instant checkedAt,
        long durationMs,
        long eventsPerSecond
) {

    /** Field names as in the event stream's lines, so a break can be looked up there. */
    public record Break(
            long globalIndex,
            String eventId,
            String aggregateId,
            long sequence,
            String kind,
            String expectedHash,
            String storedHash,
            String description
    ) {
    }

    public static ChainAudit of(ChainReport report) {
        ChainBreak first = report.firstBreak();
        return new ChainAudit(report.municipality(), report.eventsChecked(), report.aggregates(), report.intact(),
                report.breaks(),
                first == null ? null : new Break(first.globalIndex(), first.eventIdentifier(), first.aggregateIdentifier(),
                        first.sequenceNumber(), first.kind().name(), EventChain.hex(first.expectedHash()),
                        EventChain.hex(first.storedHash()), first.describe()),
                report.checkedAt(), report.durationMs(), Math.round(report.eventsPerSecond()));
    }
}
