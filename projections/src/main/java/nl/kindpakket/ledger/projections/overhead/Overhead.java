package nl.kindpakket.ledger.projections.overhead;

import java.util.List;

import nl.kindpakket.ledger.core.api.events.OverheadCostRecorded;
import nl.kindpakket.ledger.projections.fold.Changes;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Handlers;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.support.RecordedAt;
import nl.kindpakket.ledger.projections.table.Table;

/**
 * A year's execution costs per organisation and task (with FTE). The money that went directly to children, which the
 * report sets against them, is the spending lines' redeemed, reversed and expended counters: every read model is
 * folded by the same processor and rebuilt together, so a second set of counters of the same money would only cost
 * two rows more per redemption, live and in every rebuild.
 */
public final class Overhead implements ReadModel {

    public static final String NAME = "overhead";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Table> tables() {
        return List.of(OverheadCostRow.TABLE, OverheadCostLogRow.TABLE);
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(OverheadCostRecorded.class, this::costRecorded);
    }

    private void costRecorded(OverheadCostRecorded event, EventRecord record, Changes changes) {
        OverheadCostRow cost = changes.find(OverheadCostRow.TABLE, event.municipality(), event.year(),
                event.organisation(), event.task());
        changes.put(OverheadCostRow.TABLE, cost == null
                ? new OverheadCostRow(event.municipality(), event.year(), event.organisation(), event.task(),
                        event.amountCents(), event.fte(), record.position())
                : cost.plus(event.amountCents(), event.fte()));
        changes.append(OverheadCostLogRow.TABLE, new OverheadCostLogRow(event.municipality(), event.year(),
                event.organisation(), event.task(), event.amountCents(), event.fte(), RecordedAt.of(record.recordedAt())));
    }
}
