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

/** Registers a provider (aanbieder), the spending lines it accepts and the first day it accepts passes (acceptsFrom, the registration date when not given). */
public record RegisterProvider(
        Municipality municipality,
        ProviderId providerId,
        String name,
        Set<SpendingLineCode> spendingLines,
        LocalDate registeredOn,
        LocalDate acceptsFrom
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
        acceptsFrom = Years.requireDate("acceptsFrom", acceptsFrom == null ? registeredOn : acceptsFrom);
    }

    /** A provider that accepts passes from the day it is registered. */
    public RegisterProvider(Municipality municipality, ProviderId providerId, String name,
                            Set<SpendingLineCode> spendingLines, LocalDate registeredOn) {
        this(municipality, providerId, name, spendingLines, registeredOn, null);
    }

    @TargetAggregateIdentifier
    public String providerKey() {
        return new ProviderKey(municipality, providerId).toString();
    }
}
