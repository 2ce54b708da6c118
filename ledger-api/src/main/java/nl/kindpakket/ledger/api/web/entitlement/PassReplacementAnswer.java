package nl.kindpakket.ledger.api.web.entitlement;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.commands.ReplacePass;

/** What a pass replacement answers, the first time and on every repeat. */
public record PassReplacementAnswer(String entitlementId, String childRef, String newPassNumber, LocalDate replacedOn) {

    static PassReplacementAnswer of(ReplacePass command) {
        return new PassReplacementAnswer(command.entitlement().toString(), command.entitlement().childRef().value(),
                command.newPassNumber().value(), command.replacedOn());
    }
}
