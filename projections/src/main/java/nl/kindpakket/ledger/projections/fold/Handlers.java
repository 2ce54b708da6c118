package nl.kindpakket.ledger.projections.fold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The event handlers of a set of read models, by payload type, called in the order they were registered. */
public final class Handlers {

    /** Changes the rows for one event. */
    @FunctionalInterface
    public interface Handler<E> {
        void on(E event, EventRecord record, Changes changes);
    }

    private final Map<Class<?>, List<Handler<Object>>> byType = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public <E> Handlers on(Class<E> type, Handler<? super E> handler) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add((Handler<Object>) handler);
        return this;
    }

    /** The payload types some handler folds; others can be left unread. */
    public Set<Class<?>> types() {
        return byType.keySet();
    }

    void dispatch(EventRecord record, Changes changes) {
        List<Handler<Object>> handlers = byType.get(record.payload().getClass());
        if (handlers != null) {
            for (Handler<Object> handler : handlers) {
                handler.on(record.payload(), record, changes);
            }
        }
    }
}
