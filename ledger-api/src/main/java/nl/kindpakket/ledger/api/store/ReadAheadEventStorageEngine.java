package nl.kindpakket.ledger.api.store;

import static org.axonframework.common.DateTimeUtils.formatInstant;
import static org.axonframework.eventsourcing.EventStreamUtils.upcastAndDeserializeDomainEvents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC engine, reading an aggregate's events with fewer queries. A load that looks for a snapshot reads the
 * snapshot and the events after it in one query, and the load's next read of those events takes them from there: a
 * first command to an entitlement after a restart or the annual reset waits for one round trip, where Axon's engine
 * takes three (the snapshots, then the events in batches until one comes back empty). This leans on Axon's event store
 * asking for the snapshot and then, in the same unit of work, for the events after it;
 * {@code SnapshotAndEventsInOneQueryTest} fails if a load through the event store takes more than the one query. A unit
 * of work that is about to load many aggregates (a chunk of an annual reset) reads all their events in one query; the
 * repository's next load of each of them in that unit reads from what was read ahead, once. Every other read goes to
 * the table as before.
 */
public class ReadAheadEventStorageEngine extends JdbcEventStorageEngine {

    private static final String READ_AHEAD = ReadAheadEventStorageEngine.class.getName() + ".events";
    private static final String AFTER_SNAPSHOT = ReadAheadEventStorageEngine.class.getName() + ".afterSnapshot";
    private static final int SNAPSHOT = 0;

    /** Events appended at most this many at a time are held with the unit's other inserts; more go as Axon's batch. */
    static final int HELD_EVENTS_AT_MOST = 8;

    private final HeldWrites held;

    public ReadAheadEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        this(builder, null);
    }

    /** @param held where a command's few events wait to go with its other inserts, in one round trip; null sends them at once */
    public ReadAheadEventStorageEngine(JdbcEventStorageEngine.Builder builder, HeldWrites held) {
        super(builder);
        this.held = held;
    }

    /**
     * A command's few events are held for its unit's round trip ({@link HeldWrites}) as one insert of as many rows,
     * with the columns and serialisation of Axon's own statement (payload and metadata as bytes, the timestamp as
     * Axon formats it); a duplicate key is a concurrent change, as Axon reads it. A chunk of many events goes as
     * Axon's batch, after what the unit holds, and so do events not of an aggregate.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (held == null || events.size() > HELD_EVENTS_AT_MOST
                || !events.stream().allMatch(DomainEventMessage.class::isInstance)) {
            if (held != null) {
                held.flush();
            }
            super.appendEvents(events, serializer);
            return;
        }
        EventSchema schema = schema();
        StringBuilder sql = new StringBuilder("insert into ").append(schema.domainEventTable())
                .append(" (").append(schema.domainEventFields()).append(") values ");
        Object[] arguments = new Object[events.size() * 9];
        int a = 0;
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            DomainEventMessage<?> event = (DomainEventMessage<?>) events.get(i);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            arguments[a++] = event.getIdentifier();
            arguments[a++] = event.getAggregateIdentifier();
            arguments[a++] = event.getSequenceNumber();
            arguments[a++] = event.getType();
            arguments[a++] = formatInstant(event.getTimestamp());
            arguments[a++] = payload.getType().getName();
            arguments[a++] = payload.getType().getRevision();
            arguments[a++] = payload.getData();
            arguments[a++] = metaData.getData();
        }
        EventMessage<?> first = events.get(0);
        held.hold(schema.domainEventTable(), sql.toString(), arguments, e -> appendFailure(e, first));
    }

    /** The failure of an append as Axon's engine answers it: a concurrency conflict for a duplicate key. */
    private RuntimeException appendFailure(SQLException e, EventMessage<?> first) {
        try {
            handlePersistenceException(e, first);
        } catch (RuntimeException answered) {
            return answered;
        }
        return new EventStoreException("Failed to append the events of " + first.getIdentifier(), e);
    }

    /** Reads the events of these aggregates in one query, for loads in the current unit of work (or its nested ones). */
    public void readAhead(Collection<String> aggregateIdentifiers) {
        Map<String, List<DomainEventData<?>>> events = CurrentUnitOfWork.get().root()
                .getOrComputeResource(READ_AHEAD, key -> new HashMap<>());
        if (aggregateIdentifiers.isEmpty()) {
            return;
        }
        List<String> identifiers = List.copyOf(aggregateIdentifiers);
        identifiers.forEach(id -> events.put(id, new ArrayList<>()));
        List<? extends DomainEventData<?>> rows = JdbcUtils.executeQuery(getConnection(),
                connection -> select(connection, identifiers),
                JdbcUtils.listResults(this::getDomainEventData),
                e -> new EventStoreException("Failed to read ahead the events of " + identifiers.size() + " aggregates", e));
        rows.forEach(row -> events.get(row.getAggregateIdentifier()).add(row));
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return unread().containsKey(aggregateIdentifier)
                ? Optional.empty() : super.readSnapshot(aggregateIdentifier);
    }

    /**
     * The latest snapshot, read in one query with the events after it (or all events, without a snapshot), which the
     * load's next read of the aggregate's events takes. Outside a unit of work, Axon's own reads.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return super.readSnapshotData(aggregateIdentifier);
        }
        List<DomainEventData<?>> snapshot = new ArrayList<>(1);
        List<DomainEventData<?>> events = new ArrayList<>();
        JdbcUtils.executeQuery(getConnection(),
                connection -> snapshotAndEvents(connection, aggregateIdentifier),
                rows -> {
                    while (rows.next()) {
                        if (rows.getInt("read_kind") == SNAPSHOT) {
                            snapshot.add(getSnapshotData(rows));
                        } else {
                            events.add(getDomainEventData(rows));
                        }
                    }
                    return null;
                },
                e -> new EventStoreException("Failed to read the snapshot and events of " + aggregateIdentifier, e));
        long from = snapshot.isEmpty() ? 0 : snapshot.get(0).getSequenceNumber() + 1;
        Map<String, EventsFrom> afterSnapshot = CurrentUnitOfWork.get().root()
                .getOrComputeResource(AFTER_SNAPSHOT, key -> new HashMap<>());
        afterSnapshot.put(aggregateIdentifier, new EventsFrom(from, events));
        return snapshot.stream();
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventData<?>> read = unread().remove(aggregateIdentifier);
        if (read == null) {
            EventsFrom afterSnapshot = afterSnapshot().remove(aggregateIdentifier);
            // a snapshot that could not be used has the load read every event, from before what was read with it
            if (afterSnapshot == null || firstSequenceNumber < afterSnapshot.from()) {
                return super.readEvents(aggregateIdentifier, firstSequenceNumber);
            }
            read = afterSnapshot.events();
        }
        return upcastAndDeserializeDomainEvents(read.stream().filter(e -> e.getSequenceNumber() >= firstSequenceNumber),
                getEventSerializer(), upcasterChain);
    }

    /** An aggregate's events from a sequence number on, as read with its snapshot. */
    private record EventsFrom(long from, List<DomainEventData<?>> events) {
    }

    private static Map<String, EventsFrom> afterSnapshot() {
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrDefaultResource(AFTER_SNAPSHOT, Collections.emptyMap())
                : Collections.emptyMap();
    }

    /**
     * The latest snapshot (kind 0) and the events after it, or every event without one (kind 1), in that order. Both
     * tables have the same columns, so one result set holds both.
     */
    private PreparedStatement snapshotAndEvents(Connection connection, String aggregateIdentifier) throws SQLException {
        EventSchema schema = schema();
        String aggregate = schema.aggregateIdentifierColumn();
        String sequence = schema.sequenceNumberColumn();
        PreparedStatement statement = connection.prepareStatement("select * from ("
                + "(select " + SNAPSHOT + " as read_kind, " + schema.domainEventFields() + " from " + schema.snapshotTable()
                + " where " + aggregate + " = ? order by " + sequence + " desc limit 1)"
                + " union all"
                + " (select 1 as read_kind, " + schema.domainEventFields() + " from " + schema.domainEventTable()
                + " where " + aggregate + " = ? and " + sequence + " > coalesce((select max(" + sequence + ") from "
                + schema.snapshotTable() + " where " + aggregate + " = ?), -1))"
                + ") read_together order by read_kind, " + sequence);
        statement.setString(1, aggregateIdentifier);
        statement.setString(2, aggregateIdentifier);
        statement.setString(3, aggregateIdentifier);
        return statement;
    }

    private static Map<String, List<DomainEventData<?>>> unread() {
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrDefaultResource(READ_AHEAD, Collections.emptyMap())
                : Collections.emptyMap();
    }

    /**
     * One array parameter, on PostgreSQL and on H2 alike. Unlike a list of placeholders, its generic plan expects a
     * few identifiers and keeps to the index even where the table has no statistics yet (a list of 500 then reads it whole).
     */
    private PreparedStatement select(Connection connection, List<String> identifiers) throws SQLException {
        EventSchema schema = schema();
        PreparedStatement statement = connection.prepareStatement("select " + schema.domainEventFields()
                + " from " + schema.domainEventTable()
                + " where " + schema.aggregateIdentifierColumn() + " = any(?)"
                + " order by " + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn());
        statement.setArray(1, connection.createArrayOf("varchar", identifiers.toArray()));
        return statement;
    }
}
