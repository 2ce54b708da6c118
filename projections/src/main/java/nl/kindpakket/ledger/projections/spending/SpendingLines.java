package nl.kindpakket.ledger.projections.spending;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.events.BudgetAllocated;
import nl.kindpakket.ledger.core.api.events.CreditReserved;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.ExpenditureRecorded;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.core.api.events.ReservationCaptured;
import nl.kindpakket.ledger.core.api.events.ReservationExpired;
import nl.kindpakket.ledger.core.api.events.ReservationReleased;
import nl.kindpakket.ledger.core.api.events.SpendingLineOpened;
import nl.kindpakket.ledger.core.api.events.UnderspendRefunded;
import nl.kindpakket.ledger.projections.fold.Changes;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Handlers;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.support.RecordedAt;
import nl.kindpakket.ledger.projections.support.Slots;
import nl.kindpakket.ledger.projections.table.CounterTable;
import nl.kindpakket.ledger.projections.table.Key;
import nl.kindpakket.ledger.projections.table.Table;

/**
 * Spending per line of a year: what was allocated, what credit is still open on active entitlements and how much
 * of it providers hold, what was redeemed, reversed, spent directly by organisations and refunded, with the
 * organisations and each refund; and every posting that moved those figures, the line's journal.
 */
public final class SpendingLines implements ReadModel {

    public static final String NAME = "spending-lines";
    /**
     * The counters of a line's money, by municipality, year, line and slot. The overhead report reads its direct
     * benefit from them too.
     */
    public static final String LINE_COUNTERS = "spending_line_count";
    /**
     * What the line counters' rows that a query selects say was spent: redemptions less their reversals, plus what
     * organisations expended. The spending lines' {@code spentCents} and the overhead's direct benefit.
     */
    public static final String SPENT = "SUM(redeemed_cents) - SUM(reversed_cents) + SUM(expended_cents)";
    /**
     * Every change of a year's lines recorded by a moment, a row each of {@code code, available, committed, spent,
     * refunded, reserved}: the postings (allocations, redemptions, reversals, expenditure, refunds, each with what it
     * moved in committed credit), and the line counters' log, which keeps the changes no posting tells (grants,
     * releases, holds). Its arguments: {@link #changesRecordedBy}.
     */
    public static final String CHANGES_RECORDED_BY = "SELECT code, available_cents AS available, "
            + "committed_cents AS committed, redeemed_cents - reversed_cents + expended_cents AS spent, "
            + "refunded_cents AS refunded, reserved_cents AS reserved FROM spending_line_count_log "
            + "WHERE budget_year = ? AND municipality = ? AND recorded_at <= ? "
            + "UNION ALL SELECT code, " + amountIf(PostingKind.Figure.AVAILABLE) + ", committed_cents, "
            + amountIf(PostingKind.Figure.SPENT) + ", " + amountIf(PostingKind.Figure.REFUNDED) + ", 0 "
            + "FROM spending_posting WHERE budget_year = ? AND municipality = ? AND recorded_at <= ?";

    static final CounterTable LINES = CounterTable.named(LINE_COUNTERS,
                    List.of("municipality", "budget_year", "code", CounterTable.SLOT),
                    "available_cents", "committed_cents", "redeemed_cents", "reversed_cents", "expended_cents",
                    "refunded_cents", "reserved_cents")
            .withLog("spending_line_count_log");
    static final CounterTable ORGANISATIONS = CounterTable.named("spending_organisation",
                    List.of("municipality", "budget_year", "organisation", "code"), "expended_cents", "refunded_cents")
            .withLog("spending_organisation_log");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Table> tables() {
        return List.of(SpendingLineRow.TABLE, SpendingEntitlementRow.TABLE, LINES, ORGANISATIONS,
                SpendingRefundRow.TABLE, SpendingPostingRow.TABLE);
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(SpendingLineOpened.class, this::opened)
                .on(BudgetAllocated.class, this::allocated)
                .on(EntitlementGranted.class, this::granted)
                .on(RedeemedAtProvider.class, this::redeemed)
                .on(RedemptionReversed.class, this::reversed)
                .on(CreditReserved.class, (event, record, changes) -> held(changes, record, event.entitlementId(),
                        event.municipality(), event.year(), event.spendingLine(), event.amountCents()))
                .on(ReservationCaptured.class, (event, record, changes) -> held(changes, record, event.entitlementId(),
                        event.municipality(), event.year(), event.spendingLine(), -event.heldCents()))
                .on(ReservationReleased.class, (event, record, changes) -> held(changes, record, event.entitlementId(),
                        event.municipality(), event.year(), event.spendingLine(), -event.releasedCents()))
                .on(ReservationExpired.class, (event, record, changes) -> held(changes, record, event.entitlementId(),
                        event.municipality(), event.year(), event.spendingLine(), -event.releasedCents()))
                .on(EntitlementRevoked.class, (event, record, changes) -> release(changes, record,
                        event.entitlementId(), event.municipality(), event.year(), event.releasedCreditCents()))
                .on(EntitlementExpired.class, (event, record, changes) -> release(changes, record,
                        event.entitlementId(), event.municipality(), event.year(), event.releasedCreditCents()))
                .on(ExpenditureRecorded.class, this::expended)
                .on(UnderspendRefunded.class, this::refunded);
    }

    private void opened(SpendingLineOpened event, EventRecord record, Changes changes) {
        changes.put(SpendingLineRow.TABLE,
                new SpendingLineRow(event.municipality(), event.year(), event.spendingLine(), event.name()));
    }

    private void allocated(BudgetAllocated event, EventRecord record, Changes changes) {
        changes.countToldByARow(LINES, record, budgetYearKey(event.municipality(), event.year(), event.spendingLine()),
                "available_cents", event.amountCents());
        changes.append(SpendingPostingRow.TABLE, SpendingPostingRow.of(event, record));
    }

    private void granted(EntitlementGranted event, EventRecord record, Changes changes) {
        changes.put(SpendingEntitlementRow.TABLE, new SpendingEntitlementRow(event.entitlementId(), true));
        new TreeMap<>(event.creditCents()).forEach((line, cents) -> changes.count(LINES, record,
                entitlementKey(event.municipality(), event.year(), line, event.entitlementId()), "committed_cents", cents));
    }

    private void redeemed(RedeemedAtProvider event, EventRecord record, Changes changes) {
        long committed = changes.get(SpendingEntitlementRow.TABLE, event.entitlementId()).active()
                ? -event.amountCents() : 0;
        changes.countToldByARow(LINES, record,
                entitlementKey(event.municipality(), event.year(), event.spendingLine(), event.entitlementId()),
                "redeemed_cents", event.amountCents(), "committed_cents", committed);
        changes.append(SpendingPostingRow.TABLE, SpendingPostingRow.of(event, record, committed));
    }

    private void reversed(RedemptionReversed event, EventRecord record, Changes changes) {
        // credit returned to a revoked or expired entitlement is not open to spend, so not committed
        long committed = changes.get(SpendingEntitlementRow.TABLE, event.entitlementId()).active()
                ? event.amountCents() : 0;
        changes.countToldByARow(LINES, record,
                entitlementKey(event.municipality(), event.year(), event.spendingLine(), event.entitlementId()),
                "reversed_cents", event.amountCents(), "committed_cents", committed);
        changes.append(SpendingPostingRow.TABLE, SpendingPostingRow.of(event, record, committed));
    }

    /**
     * A hold moves credit from open to held and back, both part of committed: committed changes only when the
     * capture's redemption spends it.
     */
    private void held(Changes changes, EventRecord record, String entitlementId, String municipality, int year,
                      String line, long deltaCents) {
        changes.count(LINES, record, entitlementKey(municipality, year, line, entitlementId), "reserved_cents",
                deltaCents);
    }

    private void release(Changes changes, EventRecord record, String entitlementId, String municipality, int year,
                         Map<String, Long> released) {
        if (!changes.get(SpendingEntitlementRow.TABLE, entitlementId).active()) {
            return;
        }
        changes.put(SpendingEntitlementRow.TABLE, new SpendingEntitlementRow(entitlementId, false));
        new TreeMap<>(released).forEach((line, cents) -> changes.count(LINES, record,
                entitlementKey(municipality, year, line, entitlementId), "committed_cents", -cents));
    }

    private void expended(ExpenditureRecorded event, EventRecord record, Changes changes) {
        changes.countToldByARow(LINES, record, budgetYearKey(event.municipality(), event.year(), event.spendingLine()),
                "expended_cents", event.amountCents());
        changes.count(ORGANISATIONS, record,
                Key.of(event.municipality(), event.year(), event.organisation(), event.spendingLine()),
                "expended_cents", event.amountCents());
        changes.append(SpendingPostingRow.TABLE, SpendingPostingRow.of(event, record));
    }

    private void refunded(UnderspendRefunded event, EventRecord record, Changes changes) {
        changes.countToldByARow(LINES, record, budgetYearKey(event.municipality(), event.year(), event.spendingLine()),
                "refunded_cents", event.amountCents());
        changes.count(ORGANISATIONS, record,
                Key.of(event.municipality(), event.year(), event.organisation(), event.spendingLine()),
                "refunded_cents", event.amountCents());
        changes.append(SpendingRefundRow.TABLE, new SpendingRefundRow(event.municipality(), event.year(),
                event.refundId(), event.organisation(), event.spendingLine(), event.amountCents(), event.refundedOn(),
                event.returnedTo(), RecordedAt.of(record.recordedAt())));
        changes.append(SpendingPostingRow.TABLE, SpendingPostingRow.of(event, record));
    }

    /** The arguments of {@link #CHANGES_RECORDED_BY}: the year, municipality and moment of each of its two parts. */
    public static Object[] changesRecordedBy(int year, String municipality, OffsetDateTime moment) {
        return new Object[] {year, municipality, moment, year, municipality, moment};
    }

    /** A posting's amount where it moves this figure, else 0. */
    private static String amountIf(PostingKind.Figure figure) {
        return "CASE WHEN kind IN (" + String.join(", ", PostingKind.moving(figure).stream()
                .map(kind -> "'" + kind.code() + "'").toList()) + ") THEN amount_cents ELSE 0 END";
    }

    private static List<Object> budgetYearKey(String municipality, int year, String line) {
        return Key.of(municipality, year, line, Slots.ofBudgetYear(municipality, year));
    }

    private static List<Object> entitlementKey(String municipality, int year, String line, String entitlementId) {
        return Key.of(municipality, year, line, Slots.of(entitlementId));
    }
}
