package nl.kindpakket.ledger.projections.entitlement;

import java.util.Map;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.PassReplaced;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps each entitlement's pass, status and credit per line, and appends one history row per event. */
@Component
@ProcessingGroup(ReadModels.ENTITLEMENT_VIEW)
public class EntitlementViewProjection {

    private final JdbcTemplate jdbc;
    private final EntitlementRows rows;

    public EntitlementViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new EntitlementRows(jdbc);
    }

    @EventHandler
    public void on(EntitlementGranted event) {
        jdbc.update("INSERT INTO entitlement_view (entitlement_id, municipality, budget_year, child_ref, pass_number, "
                        + "status, granted_on, total_credit_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event.entitlementId(), event.municipality(), event.year(), event.childRef(), event.passNumber(),
                EntitlementStatus.ACTIVE.name(), event.grantedOn(), event.totalCreditCents());
        new TreeMap<>(event.creditCents()).forEach((line, cents) -> rows.setCredit(event.entitlementId(), line, cents));
        String note = event.annualResetId() == null
                ? event.passNumber() : event.passNumber() + " (" + event.annualResetId() + ")";
        rows.append(event.entitlementId(), "EntitlementGranted", event.grantedOn(), null, event.totalCreditCents(),
                event.totalCreditCents(), null, null, note);
    }

    @EventHandler
    public void on(RedeemedAtProvider event) {
        rows.setCredit(event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
        rows.append(event.entitlementId(), "RedeemedAtProvider", event.occurredOn(), event.spendingLine(),
                event.amountCents(), event.lineBalanceAfterCents(), event.redemptionId(), event.providerId(), null);
    }

    @EventHandler
    public void on(RedemptionReversed event) {
        rows.setCredit(event.entitlementId(), event.spendingLine(), event.lineBalanceAfterCents());
        rows.append(event.entitlementId(), "RedemptionReversed", event.reversedOn(), event.spendingLine(),
                event.amountCents(), event.lineBalanceAfterCents(), event.redemptionId(), event.providerId(),
                event.reason());
    }

    @EventHandler
    public void on(PassReplaced event) {
        jdbc.update("UPDATE entitlement_view SET pass_number = ? WHERE entitlement_id = ?",
                event.newPassNumber(), event.entitlementId());
        rows.append(event.entitlementId(), "PassReplaced", event.replacedOn(), null, null, null, null, null,
                event.oldPassNumber() + " -> " + event.newPassNumber());
    }

    @EventHandler
    public void on(EntitlementRevoked event) {
        end(event.entitlementId(), EntitlementStatus.REVOKED, event.releasedCreditCents());
        rows.append(event.entitlementId(), "EntitlementRevoked", event.effectiveOn(), null,
                event.releasedTotalCents(), rows.totalCredit(event.entitlementId()), null, null, event.reason());
    }

    @EventHandler
    public void on(EntitlementExpired event) {
        end(event.entitlementId(), EntitlementStatus.EXPIRED, event.releasedCreditCents());
        rows.append(event.entitlementId(), "EntitlementExpired", event.expiredOn(), null,
                event.releasedTotalCents(), rows.totalCredit(event.entitlementId()), null, null,
                event.annualResetId());
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM entitlement_history");
        jdbc.update("DELETE FROM entitlement_credit");
        jdbc.update("DELETE FROM entitlement_view");
    }

    private void end(String entitlementId, EntitlementStatus status, Map<String, Long> released) {
        jdbc.update("UPDATE entitlement_view SET status = ? WHERE entitlement_id = ?", status.name(), entitlementId);
        new TreeMap<>(released).forEach((line, cents) -> rows.release(entitlementId, line, cents));
    }
}
