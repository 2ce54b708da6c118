package nl.kindpakket.ledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

// the same context as the HTTP tests: each cached context holds a pool of connections
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SqlAndJavaChainAgreeTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_postgresql_function_computes_the_hash_that_java_computes() {
        byte[] previous = new byte[32];
        new Random(7).nextBytes(previous);
        List<EventRow> rows = List.of(
                EventChainTest.row("ev-1", "town:2024:kind-1", 0, "nl.T", null, "{}", null),
                EventChainTest.row("ev-2", "town:2024:kind-1", 1L << 40, "nl.T", "", "", ""),
                EventChainTest.row("ëv-3", "gemeente-’s-gravenhage:2024:kïnd", 3, "nl.Ωmega", "2", "{\"naam\":\"Zwembad Ü\"}", "{\"traceId\":\"x\"}"),
                new EventRow("ev-4", "x", 9, "T", "1", "t", "x".repeat(100_000).getBytes(StandardCharsets.UTF_8), new byte[] {0, -1, 0}));

        assertThat(rows).allSatisfy(row -> {
            assertThat(sqlHash(EventChain.GENESIS, row)).isEqualTo(EventChain.hash(EventChain.GENESIS, row));
            assertThat(sqlHash(previous, row)).isEqualTo(EventChain.hash(previous, row));
        });
    }

    @Test
    void the_trigger_stores_the_hash_java_computes_chained_to_the_aggregates_previous_event() {
        String aggregate = "chain-sql:" + UUID.randomUUID();
        EventRow first = insert(aggregate, 0);
        EventRow second = insert(aggregate, 1);

        byte[] firstHash = EventChain.hash(EventChain.GENESIS, first);
        assertThat(storedHash(aggregate, 0)).isEqualTo(firstHash);
        assertThat(storedHash(aggregate, 1)).isEqualTo(EventChain.hash(firstHash, second));
    }

    @Test
    void events_of_one_aggregate_inserted_by_one_statement_chain_to_each_other_in_their_order() {
        String aggregate = "chain-sql:" + UUID.randomUUID();
        EventRow first = row(aggregate, 0);
        EventRow second = row(aggregate, 1);
        EventRow third = row(aggregate, 2);
        // one statement of three rows, as a batch of appends rewritten into one insert reaches the table
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) values " + String.join(", ",
                        Collections.nCopies(3, "(?, ?, ?, 'Test', ?, ?, ?, ?, ?)")),
                Stream.of(first, second, third).flatMap(row -> Stream.of(
                        row.eventIdentifier(), row.aggregateIdentifier(), row.sequenceNumber(), row.timeStamp(),
                        row.payloadType(), row.payloadRevision(), row.payload(), row.metaData())).toArray());

        byte[] firstHash = EventChain.hash(EventChain.GENESIS, first);
        byte[] secondHash = EventChain.hash(firstHash, second);
        assertThat(storedHash(aggregate, 0)).isEqualTo(firstHash);
        assertThat(storedHash(aggregate, 1)).isEqualTo(secondHash);
        assertThat(storedHash(aggregate, 2)).isEqualTo(EventChain.hash(secondHash, third));
    }

    @Test
    void an_event_whose_predecessor_is_missing_is_refused() {
        String aggregate = "chain-sql:" + UUID.randomUUID();
        insert(aggregate, 0);

        assertThatThrownBy(() -> insert(aggregate, 2))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("has no chained predecessor 1");
    }

    private byte[] sqlHash(byte[] previous, EventRow row) {
        return jdbc.queryForObject("select event_chain_hash(?, ?, ?, ?, ?, ?, ?, ?, ?)", byte[].class, previous,
                row.eventIdentifier(), row.aggregateIdentifier(), row.sequenceNumber(), row.payloadType(), row.payloadRevision(),
                row.timeStamp(), row.payload(), row.metaData());
    }

    /** Well-formed for the service's processors, which read this table too: metadata present, a type no handler takes. */
    private static EventRow row(String aggregate, long sequence) {
        return new EventRow(UUID.randomUUID().toString(), aggregate, sequence, "test.Event", sequence == 0 ? null : "1",
                "2024-03-01T10:00:0" + sequence + "Z", ("{\"n\":" + sequence + "}").getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private EventRow insert(String aggregate, long sequence) {
        EventRow row = row(aggregate, sequence);
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) values (?, ?, ?, 'Test', ?, ?, ?, ?, ?)",
                row.eventIdentifier(), row.aggregateIdentifier(), row.sequenceNumber(), row.timeStamp(), row.payloadType(),
                row.payloadRevision(), row.payload(), row.metaData());
        return row;
    }

    private byte[] storedHash(String aggregate, long sequence) {
        return jdbc.queryForObject("select chain_hash from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                byte[].class, aggregate, sequence);
    }
}
