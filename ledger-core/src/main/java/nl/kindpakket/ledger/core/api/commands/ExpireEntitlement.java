package nl.kindpakket.ledger.core.api.commands;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Expires an entitlement of a closed year, as part of the annual reset annualResetId. A repeat changes nothing. */
public record ExpireEntitlement(
        EntitlementId entitlement,
        LocalDate expiredOn,
        String annualResetId
) {

    public ExpireEntitlement {
        Require.present("entitlement", entitlement);
        Years.requireDate("expiredOn", expiredOn);
        Require.present("annualResetId", annualResetId);
    }

    @TargetAggregateIdentifier
    public String entitlementId() {
        return entitlement.toString();
    }
}
