package nl.kindpakket.ledger.core.api.commands;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes an entitlement from effectiveOn (the child moved away, or was granted in error); unused credit is released. */
public record RevokeEntitlement(
        EntitlementId entitlement,
        String reason,
        LocalDate effectiveOn,
        LocalDate today
) {

    public RevokeEntitlement {
        Require.present("entitlement", entitlement);
        reason = Text.requireFreeText("reason", reason);
        Years.requireDate("effectiveOn", effectiveOn);
        Require.present("today", today);
    }

    @TargetAggregateIdentifier
    public String entitlementId() {
        return entitlement.toString();
    }
}
