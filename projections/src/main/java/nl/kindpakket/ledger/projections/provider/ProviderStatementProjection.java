package nl.kindpakket.ledger.projections.provider;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.support.CounterTable;
import nl.kindpakket.ledger.projections.support.Slots;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps per provider and month what it redeemed and what was reversed. A reversal lands on the statement of the
 * month it was made, so a statement already paid is never changed afterwards.
 */
@Component
@ProcessingGroup(ReadModels.PROVIDER_STATEMENTS)
public class ProviderStatementProjection {

    private static final CounterTable MONTHS = new CounterTable("provider_month",
            "municipality", "statement_year", "statement_month", "provider_id", "slot");

    private final JdbcTemplate jdbc;

    public ProviderStatementProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(ProviderRegistered event) {
        int updated = jdbc.update("UPDATE provider_name SET name = ? WHERE municipality = ? AND provider_id = ?",
                event.name(), event.municipality(), event.providerId());
        if (updated == 0) {
            jdbc.update("INSERT INTO provider_name (municipality, provider_id, name) VALUES (?, ?, ?)",
                    event.municipality(), event.providerId(), event.name());
        }
    }

    @EventHandler
    public void on(RedeemedAtProvider event) {
        MONTHS.add(jdbc, key(event.municipality(), event.occurredOn(), event.providerId(), event.entitlementId()),
                Map.of("redemption_count", 1L, "redemption_cents", event.amountCents()));
    }

    @EventHandler
    public void on(RedemptionReversed event) {
        MONTHS.add(jdbc, key(event.municipality(), event.reversedOn(), event.providerId(), event.entitlementId()),
                Map.of("reversal_count", 1L, "reversal_cents", event.amountCents()));
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM provider_month");
        jdbc.update("DELETE FROM provider_name");
    }

    private static List<Object> key(String municipality, LocalDate on, String providerId, String entitlementId) {
        return List.of(municipality, on.getYear(), on.getMonthValue(), providerId, Slots.of(entitlementId));
    }
}
