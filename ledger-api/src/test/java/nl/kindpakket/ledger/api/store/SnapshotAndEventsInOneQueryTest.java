package nl.kindpakket.ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import nl.kindpakket.ledger.api.fault.TestDatabase;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A load that looks for a snapshot gets it and the events after it from one query, on tables of its own; a snapshot
 * the load cannot use, and a read outside a unit of work, go to the table as Axon does.
 */
class SnapshotAndEventsInOneQueryTest {

    private static final String SCHEMA = "snapshot_read";
    private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();
    private static ReadAheadEventStorageEngine engine;

    @BeforeAll
    static void tables() throws Exception {
        String url = TestDatabase.freshStore(SCHEMA);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = new ReadAheadEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource) {
                    @Override
                    public Connection getConnection() throws java.sql.SQLException {
                        return counting(super.getConnection());
                    }
                })
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer));
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        engine.appendEvents(events("with-snapshot", 5));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "with-snapshot", 2, "state after 0 to 2"));
        engine.appendEvents(events("without-snapshot", 3));
    }

    @BeforeEach
    void count() {
        STATEMENTS.clear();
    }

    @Test
    void the_snapshot_and_the_events_after_it_come_in_one_query() {
        List<Object> read = inUnitOfWork(() -> {
            DomainEventMessage<?> snapshot = engine.readSnapshot("with-snapshot").orElseThrow();
            assertThat(snapshot.getSequenceNumber()).isEqualTo(2);
            List<Object> loaded = new java.util.ArrayList<>(List.of(snapshot.getPayload()));
            engine.readEvents("with-snapshot", snapshot.getSequenceNumber() + 1).asStream()
                    .map(EventMessage::getPayload).forEach(loaded::add);
            return loaded;
        });

        assertThat(read).containsExactly("state after 0 to 2", "with-snapshot 3", "with-snapshot 4");
        assertThat(STATEMENTS).hasSize(1);
        assertThat(STATEMENTS.get(0).toLowerCase()).contains("snapshotevententry", "domainevententry");
    }

    @Test
    void a_load_through_axons_event_store_takes_the_one_query() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            List<Object> read = inUnitOfWork(() -> store.readEvents("with-snapshot").asStream()
                    .map(EventMessage::getPayload).map(Object.class::cast).toList());

            assertThat(read).containsExactly("state after 0 to 2", "with-snapshot 3", "with-snapshot 4");
            assertThat(STATEMENTS).as("Axon's store asks for the snapshot, then for the events after it").hasSize(1);
        } finally {
            store.shutDown();
        }
    }

    @Test
    void without_a_snapshot_every_event_comes_in_the_same_one_query() {
        List<Object> read = inUnitOfWork(() -> {
            assertThat(engine.readSnapshot("without-snapshot")).isEmpty();
            return engine.readEvents("without-snapshot", 0).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
        });

        assertThat(read).containsExactly("without-snapshot 0", "without-snapshot 1", "without-snapshot 2");
        assertThat(STATEMENTS).hasSize(1);
    }

    @Test
    void a_load_that_does_not_use_the_snapshot_reads_every_event_from_the_table() {
        List<Object> read = inUnitOfWork(() -> {
            assertThat(engine.readSnapshot("with-snapshot")).isPresent();
            return engine.readEvents("with-snapshot", 0).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
        });

        assertThat(read).containsExactly("with-snapshot 0", "with-snapshot 1", "with-snapshot 2", "with-snapshot 3",
                "with-snapshot 4");
        assertThat(STATEMENTS.get(0)).contains("union all");
        assertThat(STATEMENTS.subList(1, STATEMENTS.size())).as("Axon's reads of the events, from the first")
                .isNotEmpty().allMatch(sql -> sql.startsWith("SELECT globalIndex") && !sql.contains("SnapshotEventEntry"));
    }

    @Test
    void outside_a_unit_of_work_the_reads_are_axons_own() {
        assertThat(engine.readSnapshot("with-snapshot").orElseThrow().getPayload()).isEqualTo("state after 0 to 2");
        assertThat(engine.readEvents("with-snapshot", 3).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList())
                .containsExactly("with-snapshot 3", "with-snapshot 4");
        assertThat(STATEMENTS).as("a query for the snapshots, then Axon's for the events in batches until one is empty")
                .hasSizeGreaterThanOrEqualTo(2).noneMatch(sql -> sql.contains("union all"));
    }

    private static <T> T inUnitOfWork(Supplier<T> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            T result = work.get();
            unitOfWork.commit();
            return result;
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }

    private static List<DomainEventMessage<?>> events(String aggregate, int count) {
        List<DomainEventMessage<?>> events = new java.util.ArrayList<>();
        for (int sequence = 0; sequence < count; sequence++) {
            events.add(new GenericDomainEventMessage<>("Thing", aggregate, sequence, aggregate + " " + sequence));
        }
        return events;
    }

    private static Connection counting(Connection connection) {
        return StatementRecorder.recording(connection, sql -> sql.trim().toLowerCase().startsWith("select"), STATEMENTS);
    }
}
