package nl.kindpakket.ledger.projections.fold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.kindpakket.ledger.core.api.events.EntitlementEvent;
import nl.kindpakket.ledger.projections.table.CounterTable;
import nl.kindpakket.ledger.projections.table.RowTable;
import nl.kindpakket.ledger.projections.table.Table;

/** Read models folded together: each event is handed to every read model's handler for its type, in order. */
public final class Fold {

    private final List<ReadModel> readModels;
    private final Handlers handlers = new Handlers();

    private Fold(List<ReadModel> readModels) {
        this.readModels = List.copyOf(readModels);
        this.readModels.forEach(readModel -> readModel.register(handlers));
    }

    public static Fold of(List<ReadModel> readModels) {
        return new Fold(readModels);
    }

    public List<ReadModel> readModels() {
        return readModels;
    }

    public void apply(EventRecord record, Changes changes) {
        handlers.dispatch(record, changes);
    }

    /**
     * Folds a batch of events into changes on stored rows: the rows of the batch's entitlements are read in one query
     * per table that a handler needs, rather than one query per event.
     */
    public void applyBatch(List<EventRecord> records, Changes changes) {
        Set<String> entitlements = new LinkedHashSet<>();
        for (EventRecord record : records) {
            if (record.payload() instanceof EntitlementEvent event) {
                entitlements.add(event.entitlementId());
            }
        }
        changes.expectEntitlements(entitlements);
        records.forEach(record -> apply(record, changes));
    }

    /** The event types some read model folds. */
    public Set<Class<?>> foldedTypes() {
        return handlers.types();
    }

    /** Every table the read models write, counters' logs included, in the read models' order. */
    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        for (ReadModel readModel : readModels) {
            for (Table table : readModel.tables()) {
                tables.add(table);
                if (table instanceof CounterTable counters && counters.log() != null) {
                    tables.add(counters.log());
                }
            }
        }
        return tables;
    }

    public List<RowTable<?>> rowTables() {
        return ofKind(RowTable.class);
    }

    public List<CounterTable> counterTables() {
        return ofKind(CounterTable.class);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> ofKind(Class<?> kind) {
        Collection<Table> tables = tables();
        return tables.stream().filter(kind::isInstance).map(table -> (T) table).toList();
    }
}
