package nl.kindpakket.ledger.core.api.commands;

import java.time.LocalDate;
import java.util.Map;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grants a child an entitlement for a year with credit per spending line and a pass. today is the recording date (for the no-future rule); annualResetId is set for a renewal by an annual reset. */
public record GrantEntitlement(
        EntitlementId entitlement,
        PassNumber passNumber,
        Map<SpendingLineCode, Money> credits,
        LocalDate grantedOn,
        LocalDate today,
        String annualResetId
) {

    public GrantEntitlement {
        Require.present("entitlement", entitlement);
        Require.present("passNumber", passNumber);
        credits = Require.credits(credits);
        Years.requireDate("grantedOn", grantedOn);
        Require.present("today", today);
    }

    @TargetAggregateIdentifier
    public String entitlementId() {
        return entitlement.toString();
    }
}
