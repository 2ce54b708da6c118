package nl.kindpakket.ledger.projections.monthly;

import java.util.List;

import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.projections.fold.Changes;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Handlers;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.support.BusinessMonths;
import nl.kindpakket.ledger.projections.support.RecordedAt;
import nl.kindpakket.ledger.projections.support.Slots;
import nl.kindpakket.ledger.projections.table.CounterTable;
import nl.kindpakket.ledger.projections.table.Key;
import nl.kindpakket.ledger.projections.table.Table;

/**
 * The monthly table of issued passes and unique use: per municipality, year and month how many entitlements were
 * granted and revoked and how many distinct entitlements redeemed (not reversed), and per year how many redeemed at
 * all. Pass replacement and expiry leave the year's months as they are.
 *
 * <p>As of a moment, a report sums the counters' log and counts the moments the entitlements' rows keep: of each
 * grant, and of each entitlement's first use of a month and of its year (most of the changes, with a row each in the
 * log before). The log holds the rest: revocations, the last redemption of a month or year reversed, a use again
 * after that.
 */
public final class MonthlyPasses implements ReadModel {

    public static final String NAME = "monthly-passes";

    static final CounterTable MONTHS = CounterTable.named("monthly_pass_count",
                    List.of("municipality", "budget_year", "month_no", CounterTable.SLOT),
                    "granted", "revoked", "unique_users")
            .withLog("monthly_pass_count_log");
    static final CounterTable YEARS = CounterTable.named("monthly_year_count",
                    List.of("municipality", "budget_year", CounterTable.SLOT), "distinct_users")
            .withLog("monthly_year_count_log");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Table> tables() {
        return List.of(MonthlyEntitlementRow.TABLE, MONTHS, YEARS);
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(EntitlementGranted.class, this::granted)
                .on(EntitlementRevoked.class, this::revoked)
                .on(RedeemedAtProvider.class, this::redeemed)
                .on(RedemptionReversed.class, this::reversed);
    }

    private void granted(EntitlementGranted event, EventRecord record, Changes changes) {
        int month = BusinessMonths.within(event.year(), event.grantedOn());
        changes.put(MonthlyEntitlementRow.TABLE, MonthlyEntitlementRow.granted(event.entitlementId(),
                event.municipality(), event.year(), month, RecordedAt.micros(record.recordedAt())));
        if (month > 0) {
            // the row keeps the grant's moment, so the log needs no row for it
            changes.countToldByARow(MONTHS, record,
                    monthKey(event.municipality(), event.year(), month, event.entitlementId()), "granted", 1);
        }
    }

    private void revoked(EntitlementRevoked event, EventRecord record, Changes changes) {
        MonthlyEntitlementRow entitlement = changes.get(MonthlyEntitlementRow.TABLE, event.entitlementId());
        int revokeMonth = BusinessMonths.within(event.year(), event.effectiveOn());
        entitlement.revokeIn(revokeMonth);
        changes.changedInPlace(MonthlyEntitlementRow.TABLE, entitlement);
        if (entitlement.grantMonth() > 0 && revokeMonth > 0) {
            // revoked before it was granted: it never counted at a month end, so both fall in the grant month
            int month = Math.max(entitlement.grantMonth(), revokeMonth);
            changes.count(MONTHS, record, monthKey(event.municipality(), event.year(), month, event.entitlementId()),
                    "revoked", 1);
        }
    }

    private void redeemed(RedeemedAtProvider event, EventRecord record, Changes changes) {
        if (event.occurredOn().getYear() == event.year()) {
            use(changes, record, event.entitlementId(), event.municipality(), event.year(),
                    event.occurredOn().getMonthValue(), 1);
        }
    }

    private void reversed(RedemptionReversed event, EventRecord record, Changes changes) {
        if (event.redemptionOccurredOn().getYear() == event.year()) {
            use(changes, record, event.entitlementId(), event.municipality(), event.year(),
                    event.redemptionOccurredOn().getMonthValue(), -1);
        }
    }

    /**
     * A redemption (+1) or its reversal (-1) in a month: the entitlement counts as a user of the month while it has
     * redemptions in it, and as a user of the year while it has any in the year. The first time it becomes a user of
     * a month, or of the year, its row keeps the moment; every later change of either has a row in the log.
     */
    private static void use(Changes changes, EventRecord record, String entitlementId, String municipality, int year,
                            int month, int delta) {
        MonthlyEntitlementRow entitlement = changes.get(MonthlyEntitlementRow.TABLE, entitlementId);
        entitlement.use(month, delta);
        boolean firstOrLastOfMonth = delta > 0 ? entitlement.redemptionsIn(month) == 1 : entitlement.redemptionsIn(month) == 0;
        if (firstOrLastOfMonth) {
            List<Object> monthKey = monthKey(municipality, year, month, entitlementId);
            if (delta > 0 && !entitlement.keepsFirstUseOf(month)) {
                entitlement.firstUsedIn(month, RecordedAt.micros(record.recordedAt()));
                changes.countToldByARow(MONTHS, record, monthKey, "unique_users", delta);
            } else {
                changes.count(MONTHS, record, monthKey, "unique_users", delta);
            }
            if (!entitlement.usedInAMonthOtherThan(month)) {
                List<Object> yearKey = Key.of(municipality, year, Slots.of(entitlementId));
                if (delta > 0 && !entitlement.keepsFirstUseOfTheYear()) {
                    entitlement.firstUsedInTheYear(RecordedAt.micros(record.recordedAt()));
                    changes.countToldByARow(YEARS, record, yearKey, "distinct_users", delta);
                } else {
                    changes.count(YEARS, record, yearKey, "distinct_users", delta);
                }
            }
        }
        changes.changedInPlace(MonthlyEntitlementRow.TABLE, entitlement);
    }

    private static List<Object> monthKey(String municipality, int year, int month, String entitlementId) {
        return Key.of(municipality, year, month, Slots.of(entitlementId));
    }
}
