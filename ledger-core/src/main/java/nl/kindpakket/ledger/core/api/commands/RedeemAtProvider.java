package nl.kindpakket.ledger.core.api.commands;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Redeems a pass at a provider on a spending line. The entitlement is the one holding passNumber; recordedAt is when the ledger received it (for the no-future rule). */
public record RedeemAtProvider(
        EntitlementId entitlement,
        String redemptionId,
        PassNumber passNumber,
        ProviderId providerId,
        SpendingLineCode spendingLine,
        Money amount,
        Instant occurredAt,
        Instant recordedAt
) {

    public RedeemAtProvider {
        Require.present("entitlement", entitlement);
        Text.requireIdentifier("redemptionId", redemptionId);
        Require.present("passNumber", passNumber);
        Require.present("providerId", providerId);
        Require.present("spendingLine", spendingLine);
        Require.present("amountCents", amount);
        Years.requireInstant("occurredAt", occurredAt);
        Require.present("recordedAt", recordedAt);
    }

    @TargetAggregateIdentifier
    public String entitlementId() {
        return entitlement.toString();
    }
}
