package nl.kindpakket.ledger.projections.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The aggregates whose events are in the batch a processor is handling, so a read model can read the rows of all
 * of them in a few queries when the batch starts instead of one query per aggregate as their events come. Only the
 * messages' headers are read (aggregate type and identifier), no payload is deserialised for this.
 */
public final class BatchAggregates {

    /** The aggregate type of an entitlement's events, as the event store records it. */
    public static final String ENTITLEMENT = "Entitlement";

    /** Identifiers per IN list: far below any database's limit on parameters, large enough to matter. */
    public static final int CHUNK = 500;

    private BatchAggregates() {
    }

    /** The identifiers of the aggregates of this type with an event in the current batch; empty outside a batch. */
    public static Set<String> ofType(String aggregateType) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Set.of();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root instanceof BatchingUnitOfWork<?> batch)) {
            return Set.of();
        }
        Set<String> identifiers = new LinkedHashSet<>();
        for (Message<?> message : batch.getMessages()) {
            if (message instanceof DomainEventMessage<?> event && aggregateType.equals(event.getType())) {
                identifiers.add(event.getAggregateIdentifier());
            }
        }
        return identifiers;
    }

    /** Hands the identifiers over in lists of at most {@link #CHUNK}. */
    public static void inChunks(Collection<String> identifiers, Consumer<List<String>> chunk) {
        List<String> all = new ArrayList<>(identifiers);
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunk.accept(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
    }

    /** {@code ?, ?, ?} for an IN list of {@code count} values. */
    public static String marks(int count) {
        StringJoiner marks = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            marks.add("?");
        }
        return marks.toString();
    }
}
