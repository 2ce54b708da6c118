package nl.kindpakket.ledger.core.api.commands;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reverses a redemption. actingProvider is set when a provider asks: it may reverse only its own redemptions. */
public record ReverseRedemption(
        EntitlementId entitlement,
        String redemptionId,
        String reason,
        Instant reversedAt,
        Instant recordedAt,
        ProviderId actingProvider
) {

    public ReverseRedemption {
        Require.present("entitlement", entitlement);
        Text.requireIdentifier("redemptionId", redemptionId);
        reason = Text.requireFreeText("reason", reason);
        Years.requireInstant("reversedAt", reversedAt);
        Require.present("recordedAt", recordedAt);
    }

    @TargetAggregateIdentifier
    public String entitlementId() {
        return entitlement.toString();
    }
}
