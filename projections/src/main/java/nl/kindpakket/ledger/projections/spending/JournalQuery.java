package nl.kindpakket.ledger.projections.spending;

import java.time.Instant;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.refusals.InvalidInput;

/**
 * Which page of a spending line's journal to read: the postings after a position (the cursor), at most {@code limit},
 * optionally only those dated from/to, of one provider or one organisation, and only those recorded by {@code asOf}.
 * Null means no such condition. The fields are named as the journal's query parameters, which a refusal names.
 */
public record JournalQuery(String municipality, int year, String spendingLine, LocalDate from, LocalDate to,
                           String providerId, String organisation, Instant asOf, long after, int limit) {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 10_000;
    /** The cursor before the first posting. */
    public static final long START = -1;

    public JournalQuery {
        if (municipality == null || spendingLine == null) {
            throw new IllegalArgumentException("a journal belongs to a municipality's spending line");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (after < START) {
            throw new InvalidInput("after", "must be the position of a posting (the previous page's next), or " + START
                    + " for the start");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInput("to", "must not be before from");
        }
    }

    /** The whole journal of a line as it stands, in one page (up to the most a page holds). */
    public static JournalQuery wholeLine(String municipality, int year, String spendingLine) {
        return new JournalQuery(municipality, year, spendingLine, null, null, null, null, null, START, MAX_LIMIT);
    }

    /** The same query for the page after this position. */
    public JournalQuery after(long position) {
        return new JournalQuery(municipality, year, spendingLine, from, to, providerId, organisation, asOf, position, limit);
    }
}
