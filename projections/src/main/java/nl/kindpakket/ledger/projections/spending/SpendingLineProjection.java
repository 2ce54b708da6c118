package nl.kindpakket.ledger.projections.spending;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import nl.kindpakket.ledger.core.api.events.BudgetAllocated;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.ExpenditureRecorded;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.core.api.events.SpendingLineOpened;
import nl.kindpakket.ledger.core.api.events.UnderspendRefunded;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.support.CounterTable;
import nl.kindpakket.ledger.projections.support.PerBatch;
import nl.kindpakket.ledger.projections.support.RecordedAt;
import nl.kindpakket.ledger.projections.support.Slots;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps per spending line of a year what was allocated, what credit is still open on active entitlements, what
 * was redeemed, reversed, spent directly by organisations and refunded. Every change to the counters is also logged
 * with the moment it was recorded, for the report as of an earlier moment.
 */
@Component
@ProcessingGroup(ReadModels.SPENDING_LINES)
public class SpendingLineProjection {

    private static final CounterTable LINES =
            new CounterTable("spending_line_count", "municipality", "budget_year", "code", "slot")
                    .withLog("spending_line_count_log");
    private static final CounterTable ORGANISATIONS =
            new CounterTable("spending_organisation", "municipality", "budget_year", "organisation", "code")
                    .withLog("spending_organisation_log");

    private final JdbcTemplate jdbc;

    public SpendingLineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(SpendingLineOpened event) {
        int updated = jdbc.update("UPDATE spending_line SET name = ? WHERE municipality = ? AND budget_year = ? "
                + "AND code = ?", event.name(), event.municipality(), event.year(), event.spendingLine());
        if (updated == 0) {
            jdbc.update("INSERT INTO spending_line (municipality, budget_year, code, name) VALUES (?, ?, ?, ?)",
                    event.municipality(), event.year(), event.spendingLine(), event.name());
        }
    }

    @EventHandler
    public void on(BudgetAllocated event, @Timestamp Instant recordedAt) {
        LINES.add(jdbc, budgetYearKey(event.municipality(), event.year(), event.spendingLine()),
                "available_cents", event.amountCents(), recordedAt);
    }

    @EventHandler
    public void on(EntitlementGranted event, @Timestamp Instant recordedAt) {
        entitlements(entitlements -> entitlements.granted(event.entitlementId()));
        new TreeMap<>(event.creditCents()).forEach((line, cents) -> LINES.add(jdbc,
                entitlementKey(event.municipality(), event.year(), line, event.entitlementId()),
                "committed_cents", cents, recordedAt));
    }

    @EventHandler
    public void on(RedeemedAtProvider event, @Timestamp Instant recordedAt) {
        boolean active = isActive(event.entitlementId());
        LINES.add(jdbc, entitlementKey(event.municipality(), event.year(), event.spendingLine(), event.entitlementId()),
                Map.of("redeemed_cents", event.amountCents(), "committed_cents", active ? -event.amountCents() : 0),
                recordedAt);
    }

    @EventHandler
    public void on(RedemptionReversed event, @Timestamp Instant recordedAt) {
        // credit returned to a revoked or expired entitlement is not open to spend, so not committed
        boolean active = isActive(event.entitlementId());
        LINES.add(jdbc, entitlementKey(event.municipality(), event.year(), event.spendingLine(), event.entitlementId()),
                Map.of("reversed_cents", event.amountCents(), "committed_cents", active ? event.amountCents() : 0),
                recordedAt);
    }

    @EventHandler
    public void on(EntitlementRevoked event, @Timestamp Instant recordedAt) {
        release(event.entitlementId(), event.municipality(), event.year(), event.releasedCreditCents(), recordedAt);
    }

    @EventHandler
    public void on(EntitlementExpired event, @Timestamp Instant recordedAt) {
        release(event.entitlementId(), event.municipality(), event.year(), event.releasedCreditCents(), recordedAt);
    }

    @EventHandler
    public void on(ExpenditureRecorded event, @Timestamp Instant recordedAt) {
        LINES.add(jdbc, budgetYearKey(event.municipality(), event.year(), event.spendingLine()),
                "expended_cents", event.amountCents(), recordedAt);
        ORGANISATIONS.add(jdbc, List.of(event.municipality(), event.year(), event.organisation(), event.spendingLine()),
                "expended_cents", event.amountCents(), recordedAt);
    }

    @EventHandler
    public void on(UnderspendRefunded event, @Timestamp Instant recordedAt) {
        LINES.add(jdbc, budgetYearKey(event.municipality(), event.year(), event.spendingLine()),
                "refunded_cents", event.amountCents(), recordedAt);
        ORGANISATIONS.add(jdbc, List.of(event.municipality(), event.year(), event.organisation(), event.spendingLine()),
                "refunded_cents", event.amountCents(), recordedAt);
        jdbc.update("INSERT INTO spending_refund (municipality, budget_year, refund_id, organisation, code, "
                        + "amount_cents, refunded_on, returned_to, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.municipality(), event.year(), event.refundId(), event.organisation(), event.spendingLine(),
                event.amountCents(), event.refundedOn(), event.returnedTo(), RecordedAt.of(recordedAt));
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM spending_line_count");
        jdbc.update("DELETE FROM spending_line_count_log");
        jdbc.update("DELETE FROM spending_line");
        jdbc.update("DELETE FROM spending_entitlement");
        jdbc.update("DELETE FROM spending_organisation");
        jdbc.update("DELETE FROM spending_organisation_log");
        jdbc.update("DELETE FROM spending_refund");
    }

    private void release(String entitlementId, String municipality, int year, Map<String, Long> released,
                         Instant recordedAt) {
        boolean[] wasActive = new boolean[1];
        entitlements(entitlements -> wasActive[0] = entitlements.deactivate(entitlementId));
        if (!wasActive[0]) {
            return;
        }
        new TreeMap<>(released).forEach((line, cents) -> LINES.add(jdbc,
                entitlementKey(municipality, year, line, entitlementId), "committed_cents", -cents, recordedAt));
    }

    private boolean isActive(String entitlementId) {
        boolean[] active = new boolean[1];
        entitlements(entitlements -> active[0] = entitlements.isActive(entitlementId));
        return active[0];
    }

    private void entitlements(Consumer<SpendingEntitlements> work) {
        PerBatch.run(jdbc, SpendingEntitlements.class, SpendingEntitlements::new, work);
    }

    private static List<Object> budgetYearKey(String municipality, int year, String line) {
        return List.of(municipality, year, line, Slots.ofBudgetYear(municipality, year));
    }

    private static List<Object> entitlementKey(String municipality, int year, String line, String entitlementId) {
        return List.of(municipality, year, line, Slots.of(entitlementId));
    }
}
