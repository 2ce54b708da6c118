package nl.kindpakket.ledger.api.web.provider;

import nl.kindpakket.ledger.core.api.commands.SuspendProvider;

/** What a suspension answers, the first time and on every repeat. */
public record SuspensionAnswer(String municipality, String providerId, String reason) {

    static SuspensionAnswer of(SuspendProvider command) {
        return new SuspensionAnswer(command.municipality().slug(), command.providerId().value(), command.reason());
    }
}
