package nl.kindpakket.ledger.core.api.commands;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.Text;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Releases an open hold without a capture: all of it goes back to the credit. actingProvider is set when a provider
 * asks (it may release only its own holds); without it, staff release it.
 */
public record ReleaseReservation(
        EntitlementId entitlement,
        String reservationId,
        String reason,
        Instant recordedAt,
        ProviderId actingProvider
) {

    public ReleaseReservation {
        Require.present("entitlement", entitlement);
        Text.requireIdentifier("reservationId", reservationId);
        reason = Text.requireFreeText("reason", reason);
        Require.present("recordedAt", recordedAt);
    }

    @TargetAggregateIdentifier
    public String entitlementId() {
        return entitlement.toString();
    }
}
