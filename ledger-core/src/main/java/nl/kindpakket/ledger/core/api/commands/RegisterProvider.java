package nl.kindpakket.ledger.core.api.commands;

import java.time.LocalDate;
import java.util.Set;

import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.ProviderKey;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a provider (aanbieder) and the spending lines it accepts. */
public record RegisterProvider(
        Municipality municipality,
        ProviderId providerId,
        String name,
        Set<SpendingLineCode> spendingLines,
        LocalDate registeredOn
) {

    public RegisterProvider {
        Require.present("municipality", municipality);
        Require.present("providerId", providerId);
        name = Text.requireFreeText("name", name);
        if (spendingLines == null || spendingLines.isEmpty()) {
            throw new InvalidInput("spendingLines", "must name at least one spending line");
        }
        spendingLines = Set.copyOf(spendingLines);
        Years.requireDate("registeredOn", registeredOn);
    }

    @TargetAggregateIdentifier
    public String providerKey() {
        return new ProviderKey(municipality, providerId).toString();
    }
}
