package nl.kindpakket.ledger.projections.monthly;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.support.BusinessMonths;
import nl.kindpakket.ledger.projections.support.CounterTable;
import nl.kindpakket.ledger.projections.support.PerBatch;
import nl.kindpakket.ledger.projections.support.Slots;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps, per municipality, year and month, how many entitlements were granted and revoked and how many distinct
 * entitlements redeemed (not reversed). Pass replacement and expiry leave the year's months as they are. Every change
 * to the counters is also logged with the moment it was recorded, for the report as of an earlier moment.
 */
@Component
@ProcessingGroup(ReadModels.MONTHLY_PASSES)
public class MonthlyPassProjection {

    private static final CounterTable MONTHS =
            new CounterTable("monthly_pass_count", "municipality", "budget_year", "month_no", "slot")
                    .withLog("monthly_pass_count_log");
    private static final CounterTable YEARS =
            new CounterTable("monthly_year_count", "municipality", "budget_year", "slot")
                    .withLog("monthly_year_count_log");

    private final JdbcTemplate jdbc;

    public MonthlyPassProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(EntitlementGranted event, @Timestamp Instant recordedAt) {
        entitlements(entitlements -> {
            int month = BusinessMonths.within(event.year(), event.grantedOn());
            entitlements.granted(event.entitlementId(), event.municipality(), event.year(), month);
            if (month > 0) {
                MONTHS.add(jdbc, monthKey(event.municipality(), event.year(), month, event.entitlementId()),
                        "granted", 1, recordedAt);
            }
        });
    }

    @EventHandler
    public void on(EntitlementRevoked event, @Timestamp Instant recordedAt) {
        entitlements(entitlements -> {
            int grantMonth = entitlements.grantMonth(event.entitlementId());
            int revokeMonth = BusinessMonths.within(event.year(), event.effectiveOn());
            entitlements.revoked(event.entitlementId(), revokeMonth);
            if (grantMonth > 0 && revokeMonth > 0) {
                // revoked before it was granted: it never counted at a month end, so both fall in the grant month
                int month = Math.max(grantMonth, revokeMonth);
                MONTHS.add(jdbc, monthKey(event.municipality(), event.year(), month, event.entitlementId()),
                        "revoked", 1, recordedAt);
            }
        });
    }

    @EventHandler
    public void on(RedeemedAtProvider event, @Timestamp Instant recordedAt) {
        entitlements(entitlements -> {
            if (event.occurredOn().getYear() != event.year()) {
                return;
            }
            if (entitlements.addYearUse(event.entitlementId(), 1) == 1) {
                YEARS.add(jdbc, yearKey(event.municipality(), event.year(), event.entitlementId()),
                        "distinct_users", 1, recordedAt);
            }
            int month = event.occurredOn().getMonthValue();
            if (entitlements.addUse(event.entitlementId(), month, 1) == 1) {
                MONTHS.add(jdbc, monthKey(event.municipality(), event.year(), month, event.entitlementId()),
                        "unique_users", 1, recordedAt);
            }
        });
    }

    @EventHandler
    public void on(RedemptionReversed event, @Timestamp Instant recordedAt) {
        entitlements(entitlements -> {
            if (event.redemptionOccurredOn().getYear() != event.year()) {
                return;
            }
            if (entitlements.addYearUse(event.entitlementId(), -1) == 0) {
                YEARS.add(jdbc, yearKey(event.municipality(), event.year(), event.entitlementId()),
                        "distinct_users", -1, recordedAt);
            }
            int month = event.redemptionOccurredOn().getMonthValue();
            if (entitlements.addUse(event.entitlementId(), month, -1) == 0) {
                MONTHS.add(jdbc, monthKey(event.municipality(), event.year(), month, event.entitlementId()),
                        "unique_users", -1, recordedAt);
            }
        });
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM monthly_pass_count");
        jdbc.update("DELETE FROM monthly_pass_count_log");
        jdbc.update("DELETE FROM monthly_year_count");
        jdbc.update("DELETE FROM monthly_year_count_log");
        jdbc.update("DELETE FROM monthly_entitlement_use");
        jdbc.update("DELETE FROM monthly_entitlement");
    }

    private void entitlements(Consumer<MonthlyEntitlements> work) {
        PerBatch.run(jdbc, MonthlyEntitlements.class, MonthlyEntitlements::new, work);
    }

    private static List<Object> monthKey(String municipality, int year, int month, String entitlementId) {
        return List.of(municipality, year, month, Slots.of(entitlementId));
    }

    private static List<Object> yearKey(String municipality, int year, String entitlementId) {
        return List.of(municipality, year, Slots.of(entitlementId));
    }
}
