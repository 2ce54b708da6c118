package nl.kindpakket.ledger.core.api.commands;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Settles a hold: amount (at most what is held) becomes the redemption redemptionId at occurredAt, and the rest of
 * the hold goes back to the credit. A hold is captured once. actingProvider is set when a provider asks: it may
 * capture only its own holds.
 */
public record CaptureReservation(
        EntitlementId entitlement,
        String reservationId,
        String redemptionId,
        Money amount,
        Instant occurredAt,
        Instant recordedAt,
        ProviderId actingProvider
) {

    public CaptureReservation {
        Require.present("entitlement", entitlement);
        Text.requireIdentifier("reservationId", reservationId);
        Text.requireIdentifier("redemptionId", redemptionId);
        Require.present("amountCents", amount);
        Years.requireInstant("occurredAt", occurredAt);
        Require.present("recordedAt", recordedAt);
    }

    @TargetAggregateIdentifier
    public String entitlementId() {
        return entitlement.toString();
    }
}
