package nl.kindpakket.ledger.projections.provider;

import java.time.LocalDate;
import java.util.List;

import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.projections.fold.Handlers;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.support.Slots;
import nl.kindpakket.ledger.projections.table.CounterTable;
import nl.kindpakket.ledger.projections.table.Key;
import nl.kindpakket.ledger.projections.table.Table;

/**
 * Per provider and month what it redeemed and what was reversed. A reversal lands on the statement of the month it
 * was made, so a statement already paid is never changed afterwards.
 */
public final class ProviderStatements implements ReadModel {

    public static final String NAME = "provider-statements";

    static final CounterTable MONTHS = CounterTable.named("provider_month",
            List.of("municipality", "statement_year", "statement_month", "provider_id", CounterTable.SLOT),
            "redemption_count", "redemption_cents", "reversal_count", "reversal_cents");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Table> tables() {
        return List.of(ProviderNameRow.TABLE, MONTHS);
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(ProviderRegistered.class, (event, record, changes) -> changes.put(ProviderNameRow.TABLE,
                        new ProviderNameRow(event.municipality(), event.providerId(), event.name())))
                .on(RedeemedAtProvider.class, (event, record, changes) -> changes.count(MONTHS, record,
                        key(event.municipality(), event.occurredOn(), event.providerId(), event.entitlementId()),
                        "redemption_count", 1, "redemption_cents", event.amountCents()))
                .on(RedemptionReversed.class, (event, record, changes) -> changes.count(MONTHS, record,
                        key(event.municipality(), event.reversedOn(), event.providerId(), event.entitlementId()),
                        "reversal_count", 1, "reversal_cents", event.amountCents()));
    }

    private static List<Object> key(String municipality, LocalDate on, String providerId, String entitlementId) {
        return Key.of(municipality, on.getYear(), on.getMonthValue(), providerId, Slots.of(entitlementId));
    }
}
