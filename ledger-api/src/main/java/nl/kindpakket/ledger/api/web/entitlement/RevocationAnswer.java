package nl.kindpakket.ledger.api.web.entitlement;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;

/** What a revocation answers, the first time and on every repeat. */
public record RevocationAnswer(String entitlementId, String childRef, String reason, LocalDate effectiveOn) {

    static RevocationAnswer of(RevokeEntitlement command) {
        return new RevocationAnswer(command.entitlement().toString(), command.entitlement().childRef().value(),
                command.reason(), command.effectiveOn());
    }
}
