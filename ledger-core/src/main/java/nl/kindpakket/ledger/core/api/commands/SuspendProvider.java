package nl.kindpakket.ledger.core.api.commands;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.ProviderKey;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspends a provider: it can no longer redeem passes. */
public record SuspendProvider(
        Municipality municipality,
        ProviderId providerId,
        String reason,
        LocalDate suspendedOn
) {

    public SuspendProvider {
        Require.present("municipality", municipality);
        Require.present("providerId", providerId);
        reason = Text.requireFreeText("reason", reason);
        Years.requireDate("suspendedOn", suspendedOn);
    }

    @TargetAggregateIdentifier
    public String providerKey() {
        return new ProviderKey(municipality, providerId).toString();
    }
}
