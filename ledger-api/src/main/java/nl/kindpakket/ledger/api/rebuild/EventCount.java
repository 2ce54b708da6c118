package nl.kindpakket.ledger.api.rebuild;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many events a rebuild has to replay: those up to the last global index when it started, counted once, plus
 * those appended since, counted cheaply along the index. Counted rather than taken from the index, whose gaps
 * (rolled-back appends) are not events.
 */
final class EventCount {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String index;

    EventCount(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.table = schema.domainEventTable();
        this.index = schema.globalIndexColumn();
    }

    /** The last global index now; -1 for an empty store. */
    long head() {
        Long head = jdbc.queryForObject("SELECT MAX(" + index + ") FROM " + table, Long.class);
        return head == null ? -1 : head;
    }

    long upTo(long head) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + index + " <= ?", Long.class, head);
    }

    long after(long head) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + index + " > ?", Long.class, head);
    }
}
