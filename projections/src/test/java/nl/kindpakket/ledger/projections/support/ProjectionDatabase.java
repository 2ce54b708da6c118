package nl.kindpakket.ledger.projections.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.projections.entitlement.EntitlementEvents;
import nl.kindpakket.ledger.projections.entitlement.EntitlementViewQueries;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.store.BulkFold;
import nl.kindpakket.ledger.projections.store.Dialect;
import nl.kindpakket.ledger.projections.store.ReplacementTables;
import nl.kindpakket.ledger.projections.store.TableStore;
import nl.kindpakket.ledger.projections.table.Table;
import nl.kindpakket.ledger.projections.table.TableNames;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A freshly migrated projection database, and feeding events to read models the way live processing does. The events
 * it numbers are kept by aggregate, as a store holds them, for the entitlement view's history.
 */
public final class ProjectionDatabase {

    public static final int BATCH = 250;
    private static final Map<String, DataSource> CONNECTIONS = new ConcurrentHashMap<>();
    private static final String SCHEMA = "projections_test";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Dialect dialect;
    private final AtomicLong positions = new AtomicLong();
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<Long, Object>> stored = new ConcurrentHashMap<>();
    private final List<String> statements = new CopyOnWriteArrayList<>();

    private ProjectionDatabase(DataSource dataSource) {
        this.dataSource = new StatementRecordingDataSource(dataSource, statements);
        this.jdbc = new JdbcTemplate(this.dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
        this.dialect = Dialect.of(jdbc);
    }

    /** The SQL of every statement prepared from now on, in order (a batch's statement counts once). */
    public List<String> recordStatements() {
        statements.clear();
        return statements;
    }

    /** The PostgreSQL database named by the system property {@code ledger.test.jdbc-url}, emptied and migrated. */
    public static ProjectionDatabase postgres() {
        String url = System.getProperty("ledger.test.jdbc-url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("Set -Dledger.test.jdbc-url to a PostgreSQL database of your own");
        }
        // a schema of its own, so the service's tests later in the same run find the public schema untouched
        String ownSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        return migrated(new DriverManagerDataSource(ownSchema, "postgres", ""), SCHEMA);
    }

    public static ProjectionDatabase migrated(DriverManagerDataSource dataSource) {
        return migrated(dataSource, null);
    }

    /** Cleans and migrates the database; then works on one connection, as a pooled service would per request. */
    public static ProjectionDatabase migrated(DriverManagerDataSource dataSource, String schema) {
        var configuration = Flyway.configure();
        if (schema != null) {
            configuration.schemas(schema).createSchemas(true);
        }
        Flyway flyway = configuration
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
        return new ProjectionDatabase(CONNECTIONS.computeIfAbsent(dataSource.getUrl(), url ->
                new SingleConnectionDataSource(url, dataSource.getUsername(), dataSource.getPassword(), true)));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The events as the store would hand them on: each with its aggregate and place in it, the next position, now. */
    public List<EventRecord> records(List<?> events) {
        return records(events, i -> Instant.now());
    }

    /** The same, recorded at the moment given for each event's index in the list. */
    public List<EventRecord> records(List<?> events, IntFunction<Instant> recordedAt) {
        List<EventRecord> records = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Object event = events.get(i);
            if (event instanceof EventRecord record) {
                records.add(record);
            } else {
                String aggregate = Aggregates.of((LedgerEvent) event);
                long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
                records.add(new EventRecord(event, aggregate, sequence, positions.incrementAndGet(), recordedAt.apply(i)));
            }
            EventRecord record = records.get(records.size() - 1);
            stored.computeIfAbsent(record.aggregateId(), aggregate -> new ConcurrentSkipListMap<>())
                    .put(record.sequence(), record.payload());
        }
        return records;
    }

    /** The events of an entitlement numbered here, as the store would hand them to its history. */
    public EntitlementEvents entitlementEvents() {
        return (entitlementId, last) -> stored.getOrDefault(entitlementId, Collections.emptyNavigableMap())
                .headMap(last, true).entrySet().stream()
                .map(event -> new EntitlementEvents.Event(event.getKey(), event.getValue()))
                .toList();
    }

    /** The entitlement view's queries on this database and the events numbered here. */
    public EntitlementViewQueries entitlementViews() {
        return new EntitlementViewQueries(jdbc, entitlementEvents());
    }

    public void feed(ReadModel readModel, List<?> events) {
        feedAll(List.of(readModel), events);
    }

    /** Feeds the events in order, in transactions of a few hundred as live processing's batches are. */
    public void feedAll(List<ReadModel> readModels, List<?> events) {
        feedInBatches(readModels, events, BATCH);
    }

    public void feedInBatches(List<ReadModel> readModels, List<?> events, int batchSize) {
        Fold fold = Fold.of(readModels);
        TableStore tables = new TableStore(jdbc, dialect, TableNames.LIVE);
        List<EventRecord> records = records(events);
        for (int from = 0; from < records.size(); from += batchSize) {
            List<EventRecord> batch = records.subList(from, Math.min(records.size(), from + batchSize));
            inTransaction(() -> tables.apply(fold, batch));
        }
    }

    /**
     * Folds the records from nothing into the replacement tables, as a rebuild does: in {@code parts} folds, each of a
     * part of the aggregates and committed on its own, then the tables get their keys.
     */
    public void foldFromNothing(Fold fold, ReplacementTables tables, List<EventRecord> records, int parts) {
        tables.create();
        for (int part = 0; part < parts; part++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (BulkFold bulk = new BulkFold(fold, dialect, tables.names(), connection)) {
                    for (EventRecord record : records) {
                        if (Math.floorMod(record.aggregateId().hashCode(), parts) == part) {
                            bulk.apply(record);
                        }
                    }
                    bulk.finish();
                }
                connection.commit();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        tables.completeKeys();
    }

    /** Empties the read models' tables, as before their first event. */
    public void reset(List<ReadModel> readModels) {
        inTransaction(() -> Fold.of(readModels).tables().stream().map(Table::name)
                .forEach(table -> jdbc.update("DELETE FROM " + table)));
    }

    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }
}
