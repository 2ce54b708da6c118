package nl.kindpakket.ledger.api.web.provider;

import java.util.List;

import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;

/** What a registration answers, the first time and on every repeat; lines sorted so that both answers are equal. */
public record RegistrationAnswer(String municipality, String providerId, String name, List<String> spendingLines) {

    static RegistrationAnswer of(RegisterProvider command) {
        return new RegistrationAnswer(command.municipality().slug(), command.providerId().value(), command.name(),
                command.spendingLines().stream().map(SpendingLineCode::value).sorted().toList());
    }
}
