package nl.kindpakket.ledger.projections.entitlement;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.PassReplaced;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.support.PerBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each entitlement's pass, status and credit per line, and appends one history row per event. The rows of
 * the entitlements a batch touches are read once and written back once, before the batch commits.
 */
@Component
@ProcessingGroup(ReadModels.ENTITLEMENT_VIEW)
public class EntitlementViewProjection {

    private final JdbcTemplate jdbc;

    public EntitlementViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(EntitlementGranted event) {
        rows(rows -> {
            rows.granted(event.entitlementId(), event.municipality(), event.year(), event.childRef(), event.passNumber(),
                    event.grantedOn(), new TreeMap<>(event.creditCents()));
            String note = event.annualResetId() == null
                    ? event.passNumber() : event.passNumber() + " (" + event.annualResetId() + ")";
            rows.append(rows.get(event.entitlementId()), "EntitlementGranted", event.grantedOn(), null,
                    event.totalCreditCents(), event.totalCreditCents(), null, null, note);
        });
    }

    @EventHandler
    public void on(RedeemedAtProvider event) {
        rows(rows -> {
            EntitlementRows.Entitlement entitlement = rows.get(event.entitlementId());
            entitlement.setCredit(event.spendingLine(), event.lineBalanceAfterCents());
            rows.append(entitlement, "RedeemedAtProvider", event.occurredOn(), event.spendingLine(), event.amountCents(),
                    event.lineBalanceAfterCents(), event.redemptionId(), event.providerId(), null);
        });
    }

    @EventHandler
    public void on(RedemptionReversed event) {
        rows(rows -> {
            EntitlementRows.Entitlement entitlement = rows.get(event.entitlementId());
            entitlement.setCredit(event.spendingLine(), event.lineBalanceAfterCents());
            rows.append(entitlement, "RedemptionReversed", event.reversedOn(), event.spendingLine(), event.amountCents(),
                    event.lineBalanceAfterCents(), event.redemptionId(), event.providerId(), event.reason());
        });
    }

    @EventHandler
    public void on(PassReplaced event) {
        rows(rows -> {
            EntitlementRows.Entitlement entitlement = rows.get(event.entitlementId());
            entitlement.passNumber(event.newPassNumber());
            rows.append(entitlement, "PassReplaced", event.replacedOn(), null, null, null, null, null,
                    event.oldPassNumber() + " -> " + event.newPassNumber());
        });
    }

    @EventHandler
    public void on(EntitlementRevoked event) {
        rows(rows -> {
            EntitlementRows.Entitlement entitlement = end(rows, event.entitlementId(), EntitlementStatus.REVOKED,
                    event.releasedCreditCents());
            rows.append(entitlement, "EntitlementRevoked", event.effectiveOn(), null, event.releasedTotalCents(),
                    entitlement.totalCredit(), null, null, event.reason());
        });
    }

    @EventHandler
    public void on(EntitlementExpired event) {
        rows(rows -> {
            EntitlementRows.Entitlement entitlement = end(rows, event.entitlementId(), EntitlementStatus.EXPIRED,
                    event.releasedCreditCents());
            rows.append(entitlement, "EntitlementExpired", event.expiredOn(), null, event.releasedTotalCents(),
                    entitlement.totalCredit(), null, null, event.annualResetId());
        });
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM entitlement_history");
        jdbc.update("DELETE FROM entitlement_credit");
        jdbc.update("DELETE FROM entitlement_view");
    }

    private void rows(Consumer<EntitlementRows> work) {
        PerBatch.run(jdbc, EntitlementRows.class, EntitlementRows::new, work);
    }

    private static EntitlementRows.Entitlement end(EntitlementRows rows, String entitlementId, EntitlementStatus status,
                                                   Map<String, Long> released) {
        EntitlementRows.Entitlement entitlement = rows.get(entitlementId);
        entitlement.status(status);
        new TreeMap<>(released).forEach(entitlement::release);
        return entitlement;
    }
}
