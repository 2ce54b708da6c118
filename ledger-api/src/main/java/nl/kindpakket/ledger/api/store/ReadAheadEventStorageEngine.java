package nl.kindpakket.ledger.api.store;

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

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Axon's JDBC engine, which can also read the events of many aggregates in one query for a unit of work that is about
 * to load them all (a chunk of an annual reset). The repository's next load of each of them in that unit reads from
 * what was read ahead, once; every other read goes to the table as before.
 */
public class ReadAheadEventStorageEngine extends JdbcEventStorageEngine {

    private static final String READ_AHEAD = ReadAheadEventStorageEngine.class.getName() + ".events";

    public ReadAheadEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
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

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventData<?>> read = unread().remove(aggregateIdentifier);
        if (read == null) {
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
        return upcastAndDeserializeDomainEvents(read.stream().filter(e -> e.getSequenceNumber() >= firstSequenceNumber),
                getEventSerializer(), upcasterChain);
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
