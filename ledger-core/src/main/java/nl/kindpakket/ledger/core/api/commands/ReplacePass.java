package nl.kindpakket.ledger.core.api.commands;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces an entitlement's pass (lost or broken card) by a new number. */
public record ReplacePass(
        EntitlementId entitlement,
        PassNumber newPassNumber,
        LocalDate replacedOn,
        LocalDate today
) {

    public ReplacePass {
        Require.present("entitlement", entitlement);
        Require.present("newPassNumber", newPassNumber);
        Years.requireDate("replacedOn", replacedOn);
        Require.present("today", today);
    }

    @TargetAggregateIdentifier
    public String entitlementId() {
        return entitlement.toString();
    }
}
