package nl.kindpakket.ledger.api.lookup;

import nl.kindpakket.ledger.api.store.HeldWrites;
import nl.kindpakket.ledger.core.api.events.BudgetAllocated;
import nl.kindpakket.ledger.core.api.events.CreditReserved;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import nl.kindpakket.ledger.core.api.events.ProviderSuspended;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.core.api.events.SpendingLineOpened;
import nl.kindpakket.ledger.core.api.events.YearClosed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the lookup tables of the cross-aggregate rules, in the same transaction as the events that
 * change them (a subscribing processor). It refuses nothing: a pass is claimed by the grant or replacement itself,
 * before its events ({@link JdbcLookups#claim}), and a client's identifier is decided before, by the request log.
 */
@Component
@ProcessingGroup(LookupTables.GROUP)
public class LookupTables {

    public static final String GROUP = "lookups";

    private final JdbcTemplate jdbc;
    private final BatchedWrites batched;
    private final HeldWrites held;

    public LookupTables(JdbcTemplate jdbc, HeldWrites held) {
        this.jdbc = jdbc;
        this.batched = new BatchedWrites(jdbc);
        this.held = held;
    }

    @EventHandler
    void on(SpendingLineOpened event) {
        jdbc.update("insert into budget_line (municipality, budget_year, spending_line, name) values (?, ?, ?, ?)",
                event.municipality(), event.year(), event.spendingLine(), event.name());
    }

    @EventHandler
    void on(BudgetAllocated event) {
        if (jdbc.update("update budget_year_state set closed = closed where municipality = ? and budget_year = ?",
                event.municipality(), event.year()) == 0) {
            jdbc.update("insert into budget_year_state (municipality, budget_year, closed) values (?, ?, false)",
                    event.municipality(), event.year());
        }
    }

    @EventHandler
    void on(YearClosed event) {
        if (jdbc.update("update budget_year_state set closed = true where municipality = ? and budget_year = ?",
                event.municipality(), event.year()) == 0) {
            jdbc.update("insert into budget_year_state (municipality, budget_year, closed) values (?, ?, true)",
                    event.municipality(), event.year());
        }
    }

    @EventHandler
    void on(ProviderRegistered event) {
        jdbc.update("insert into provider_registry (municipality, provider_id, suspended) values (?, ?, false)",
                event.municipality(), event.providerId());
        for (String line : event.spendingLines()) {
            jdbc.update("insert into provider_line (municipality, provider_id, spending_line) values (?, ?, ?)",
                    event.municipality(), event.providerId(), line);
        }
    }

    @EventHandler
    void on(ProviderSuspended event) {
        jdbc.update("update provider_registry set suspended = true where municipality = ? and provider_id = ?",
                event.municipality(), event.providerId());
    }

    @EventHandler
    void on(EntitlementGranted event) {
        batched.later("entitlement_registry", "insert into entitlement_registry (entitlement_id, municipality, budget_year, status)"
                + " values (?, ?, ?, 'ACTIVE')", event.entitlementId(), event.municipality(), event.year());
    }

    @EventHandler
    void on(EntitlementRevoked event) {
        batched.flush("pass_registry");
        batched.flush("entitlement_registry");
        jdbc.update("update pass_registry set revoked = true where entitlement_id = ?", event.entitlementId());
        jdbc.update("update entitlement_registry set status = 'REVOKED' where entitlement_id = ?", event.entitlementId());
    }

    @EventHandler
    void on(EntitlementExpired event) {
        batched.later("pass_registry", "delete from pass_registry where entitlement_id = ?", event.entitlementId());
        batched.later("entitlement_registry", "update entitlement_registry set status = 'EXPIRED' where entitlement_id = ?",
                event.entitlementId());
    }

    /** Held with the redemption's event and its request's identifier, to go in one round trip ({@link HeldWrites}). */
    @EventHandler
    void on(RedeemedAtProvider event) {
        held.hold("redemption_registry", "insert into redemption_registry (municipality, redemption_id, entitlement_id,"
                        + " budget_year, spending_line, amount_cents, reversed) values (?, ?, ?, ?, ?, ?, false)",
                event.municipality(), event.redemptionId(), event.entitlementId(), event.year(),
                event.spendingLine(), event.amountCents());
    }

    @EventHandler
    void on(CreditReserved event) {
        jdbc.update("insert into reservation_registry (municipality, reservation_id, entitlement_id, provider_id) values (?, ?, ?, ?)",
                event.municipality(), event.reservationId(), event.entitlementId(), event.providerId());
    }

    @EventHandler
    void on(RedemptionReversed event) {
        jdbc.update("update redemption_registry set reversed = true where municipality = ? and redemption_id = ?",
                event.municipality(), event.redemptionId());
    }
}
