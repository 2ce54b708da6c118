package nl.kindpakket.ledger.api.stream;

/**
 * A stretch of the stream: the events with {@code after < position <= upTo} that pass the filter.
 * A reader resumes with {@code after = upTo}, even when the stretch held no event it asked for.
 *
 * @param horizon the safe horizon the page was cut at; upTo never exceeds it
 */
public record Page(long after, long upTo, long horizon) {

    public boolean isEmpty() {
        return upTo <= after;
    }
}
