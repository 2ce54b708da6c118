package nl.kindpakket.ledger.projections.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A freshly migrated projection database, and feeding events to a read model the way a processor does. */
public final class ProjectionDatabase {

    private static final int BATCH = 250;
    private static final Map<String, DataSource> CONNECTIONS = new ConcurrentHashMap<>();

    private static final String SCHEMA = "projections_test";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    private final List<String> statements = new CopyOnWriteArrayList<>();

    private ProjectionDatabase(DataSource dataSource) {
        DataSource recording = new StatementRecordingDataSource(dataSource, statements);
        this.jdbc = new JdbcTemplate(recording);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(recording));
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

    /** Feeds the events in order, in transactions of a few hundred as a processor's batches are. */
    public void feed(Object readModel, List<?> events) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(readModel);
        for (int from = 0; from < events.size(); from += BATCH) {
            List<?> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            List<EventMessage<?>> messages = batch.stream().<EventMessage<?>>map(this::message).toList();
            inTransaction(() -> inBatch(messages, () -> messages.forEach(message -> handle(handlers, message))));
        }
    }

    public void feedAll(List<Object> readModels, List<?> events) {
        readModels.forEach(readModel -> feed(readModel, events));
    }

    /** What a processor's reset does to the read model: its {@code @ResetHandler}, in a transaction. */
    public void reset(Object readModel) {
        inTransaction(() -> new AnnotationEventHandlerAdapter(readModel).prepareReset());
    }

    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    /**
     * Runs the work in a batch's unit of work committed inside the transaction, as a processor runs a batch: the read
     * models see the batch's messages (and their aggregates) as they do in the service.
     */
    private static void inBatch(List<EventMessage<?>> messages, Runnable work) {
        UnitOfWork<EventMessage<?>> unit = new BatchingUnitOfWork<>(messages);
        unit.start();
        try {
            work.run();
        } catch (RuntimeException e) {
            unit.rollback(e);
            throw e;
        }
        unit.commit();
    }

    /** An entitlement's event as the store gives it: with its aggregate and sequence number; others as they are. */
    private EventMessage<?> message(Object event) {
        if (event instanceof EventMessage<?> message) {
            return message;
        }
        try {
            String entitlementId = (String) event.getClass().getMethod("entitlementId").invoke(event);
            long sequence = sequences.merge(entitlementId, 1L, Long::sum) - 1;
            return new GenericDomainEventMessage<>("Entitlement", entitlementId, sequence, event);
        } catch (NoSuchMethodException notAnEntitlementEvent) {
            return GenericEventMessage.asEventMessage(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void handle(AnnotationEventHandlerAdapter handlers, EventMessage<?> message) {
        if (!handlers.canHandle(message)) {
            return;
        }
        try {
            handlers.handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
