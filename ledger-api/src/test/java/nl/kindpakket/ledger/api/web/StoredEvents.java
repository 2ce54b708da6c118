package nl.kindpakket.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;

/** The events stored for an aggregate, to see that a refused request left nothing behind. */
record StoredEvents(JdbcTemplate jdbc) {

    long of(String aggregateId) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    long mentioning(String text) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                Long.class, "%" + text + "%");
        return count == null ? 0 : count;
    }

    /** Sends the request and asserts that the aggregate has no more events than before. */
    <T> T unchanged(String aggregateId, Supplier<T> request) {
        long before = of(aggregateId);
        T answer = request.get();
        assertThat(of(aggregateId)).as("events of %s after %s", aggregateId, answer).isEqualTo(before);
        return answer;
    }
}
