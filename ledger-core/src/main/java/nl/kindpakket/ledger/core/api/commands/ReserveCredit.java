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

/**
 * Holds credit for a booking a provider settles later. The entitlement is the one holding passNumber; the hold is
 * made at recordedAt, when the ledger received it, and expires at expiresAt unless it is captured or released before.
 */
public record ReserveCredit(
        EntitlementId entitlement,
        String reservationId,
        PassNumber passNumber,
        ProviderId providerId,
        SpendingLineCode spendingLine,
        Money amount,
        Instant expiresAt,
        Instant recordedAt
) {

    public ReserveCredit {
        Require.present("entitlement", entitlement);
        Text.requireIdentifier("reservationId", reservationId);
        Require.present("passNumber", passNumber);
        Require.present("providerId", providerId);
        Require.present("spendingLine", spendingLine);
        Require.present("amountCents", amount);
        Years.requireInstant("expiresAt", expiresAt);
        Require.present("recordedAt", recordedAt);
    }

    @TargetAggregateIdentifier
    public String entitlementId() {
        return entitlement.toString();
    }
}
