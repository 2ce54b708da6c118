package nl.kindpakket.ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import nl.kindpakket.ledger.api.fault.TestDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A processor's token with many gaps is cleaned as Axon cleans it: gaps below an old event go, gaps that recent
 * events follow stay. And the cleaning reads the few rows its walk needs, where Axon's statement made the database
 * send every row from the first gap to the last.
 */
class GapCleaningTest {

    private static final Instant OLD = Instant.now().minus(Duration.ofHours(1));
    private static final Instant RECENT = Instant.now();

    @Test
    void gaps_below_an_old_event_are_dropped_and_gaps_that_recent_events_follow_are_kept() throws Exception {
        Store store = new Store("gap_cleaning_kept");
        store.events(1, 10, OLD);
        store.events(411, 420, OLD);
        store.events(721, 731, RECENT);

        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(730, gaps(11, 410, 421, 720));

        GapAwareTrackingToken next = store.firstAfter(store.engine(true), token);
        assertThat(next.getIndex()).isEqualTo(731);
        assertThat(next.getGaps()).isEqualTo(gaps(421, 720));
        // as Axon's own statement leaves it
        assertThat(store.firstAfter(store.engine(false), token).getGaps()).isEqualTo(next.getGaps());
    }

    @Test
    void a_walk_longer_than_one_fetch_goes_on_in_the_next_while_the_token_holds_more_gaps_than_the_threshold()
            throws Exception {
        Store store = new Store("gap_cleaning_next");
        store.events(1, 10, OLD);
        store.events(311, 700, OLD);
        store.events(1_001, 1_010, OLD);
        store.events(1_011, 1_021, RECENT);
        // 300, then 300 more gaps behind 390 old events, more than one fetch's walk reaches
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(1_020, gaps(11, 310, 701, 1_000));

        GapAwareTrackingToken first = store.firstAfter(store.engine(true), token);
        assertThat(first.getGaps()).as("after the first fetch").isEqualTo(gaps(701, 1_000));

        GapAwareTrackingToken axons = store.firstAfter(store.engine(false), token);
        assertThat(axons.getGaps()).as("Axon's walk, over every row").isEmpty();
        // 300 gaps are still more than the threshold: the next fetch walks on to the old event after them
        GapAwareTrackingToken rest = GapAwareTrackingToken.newInstance(1_020, gaps(701, 1_000));
        assertThat(store.firstAfter(store.engine(true), rest).getGaps()).as("after the second fetch").isEmpty();
    }

    @Test
    void cleaning_reads_the_rows_up_to_the_first_recent_event_not_every_row_up_to_the_last_gap() throws Exception {
        Store store = new Store("gap_cleaning_reads");
        store.events(1, 10, OLD);
        store.events(311, 2_310, RECENT);
        store.events(2_311, 2_311, RECENT);
        // gaps that recent events follow, and one further on: Axon's statement selects the rows from 311 to 2,001, and
        // the walk stops at the first of them
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(2_310, gaps(11, 310, 2_000, 2_000));

        // each fetch cleans, then reads the events after the token; the second part is the same for both
        long axons = store.rowsRead(() -> store.firstAfter(store.engine(false), token));
        long ours = store.rowsRead(() -> store.firstAfter(store.engine(true), token));

        assertThat(axons - ours).as("rows Axon's cleaning reads (%d in its fetch) beyond this one's (%d)", axons, ours)
                .isGreaterThan(1_500);
    }

    private static SortedSet<Long> gaps(long... ranges) {
        SortedSet<Long> gaps = new TreeSet<>();
        for (int i = 0; i < ranges.length; i += 2) {
            for (long position = ranges[i]; position <= ranges[i + 1]; position++) {
                gaps.add(position);
            }
        }
        return gaps;
    }

    /** An event table of Axon's own layout in a schema of its own, written at the positions a test chooses. */
    private static final class Store {

        private final String schema;
        private final String url;
        private final DriverManagerDataSource dataSource;

        Store(String schema) throws SQLException {
            this.schema = schema;
            this.url = TestDatabase.freshStore(schema);
            this.dataSource = new DriverManagerDataSource(url, "postgres", "");
            engine(false).createSchema(PostgresEventTableFactory.INSTANCE);
        }

        /** Axon's engine in a transaction per fetch, as the ledger's processor reads; with this cleaning or Axon's. */
        JdbcEventStorageEngine engine(boolean gapCleaning) {
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                    .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                    .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer);
            return (gapCleaning ? builder.cleanGaps(GapCleaning::statement) : builder).build();
        }

        void events(long from, long to, Instant recorded) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                 PreparedStatement insert = connection.prepareStatement("insert into domainevententry (globalindex,"
                         + " eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype,"
                         + " payloadrevision, payload, metadata) values (?, ?, ?, 0, 'Thing', ?, 'java.lang.String',"
                         + " null, ?, '{}'::bytea)")) {
                for (long position = from; position <= to; position++) {
                    insert.setLong(1, position);
                    insert.setString(2, "event-" + position);
                    insert.setString(3, "thing-" + position);
                    insert.setString(4, recorded.toString());
                    insert.setBytes(5, ("\"" + position + "\"").getBytes());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        /** The token of the first event the engine gives after {@code token}: one fetch, which cleans first. */
        GapAwareTrackingToken firstAfter(JdbcEventStorageEngine engine, GapAwareTrackingToken token) {
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false)) {
                return (GapAwareTrackingToken) events.findFirst().orElseThrow().trackingToken();
            }
        }

        /**
         * The rows of the event table that the database read while {@code reading} ran, by its statistics: each
         * connection here is closed after use, and a closed session reports what it read.
         */
        long rowsRead(Runnable reading) throws Exception {
            long before = read();
            reading.run();
            await().atMost(Duration.ofSeconds(20)).until(() -> read() > before);
            Thread.sleep(200);
            return read() - before;
        }

        private long read() throws SQLException {
            try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                 PreparedStatement statistics = connection.prepareStatement("select coalesce(seq_tup_read, 0)"
                         + " + coalesce(idx_tup_fetch, 0) from pg_stat_user_tables where schemaname = ?"
                         + " and relname = 'domainevententry'")) {
                statistics.setString(1, schema);
                try (var rows = statistics.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0;
                }
            }
        }
    }
}
