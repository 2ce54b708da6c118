package nl.kindpakket.ledger.projections.overhead;

import java.util.List;

import nl.kindpakket.ledger.core.api.events.ExpenditureRecorded;
import nl.kindpakket.ledger.core.api.events.OverheadCostRecorded;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.projections.fold.Changes;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Handlers;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.support.RecordedAt;
import nl.kindpakket.ledger.projections.support.Slots;
import nl.kindpakket.ledger.projections.table.CounterTable;
import nl.kindpakket.ledger.projections.table.Table;

/**
 * A year's execution costs per organisation and task (with FTE) and, in counters of its own, the money that went
 * directly to children, so that it needs no other read model.
 */
public final class Overhead implements ReadModel {

    public static final String NAME = "overhead";

    static final CounterTable BENEFIT = CounterTable.named("overhead_benefit",
                    List.of("municipality", "budget_year", CounterTable.SLOT), "spent_cents")
            .withLog("overhead_benefit_log");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Table> tables() {
        return List.of(OverheadCostRow.TABLE, OverheadCostLogRow.TABLE, BENEFIT);
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(OverheadCostRecorded.class, this::costRecorded)
                .on(RedeemedAtProvider.class, (event, record, changes) -> changes.count(BENEFIT, record,
                        List.of(event.municipality(), event.year(), Slots.of(event.entitlementId())),
                        "spent_cents", event.amountCents()))
                .on(RedemptionReversed.class, (event, record, changes) -> changes.count(BENEFIT, record,
                        List.of(event.municipality(), event.year(), Slots.of(event.entitlementId())),
                        "spent_cents", -event.amountCents()))
                .on(ExpenditureRecorded.class, (event, record, changes) -> changes.count(BENEFIT, record,
                        List.of(event.municipality(), event.year(), Slots.ofBudgetYear(event.municipality(), event.year())),
                        "spent_cents", event.amountCents()));
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
