package nl.kindpakket.ledger.projections.fold;

import java.util.List;

import nl.kindpakket.ledger.projections.table.Table;

/**
 * A read model as a fold: handlers that change the in-memory rows of the tables it owns. Live processing, a rebuild
 * and a reconciliation all run these same handlers; they differ only in where the rows come from and go to.
 */
public interface ReadModel {

    /** The name operators know it by, such as {@code monthly-passes}. */
    String name();

    /** Its tables, by their live names; every row it writes is in one of them. */
    List<Table> tables();

    /** Registers a handler per event type it folds. */
    void register(Handlers handlers);
}
