package nl.kindpakket.ledger.core.provider;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;

import nl.kindpakket.ledger.core.api.ProviderKey;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.SuspendProvider;
import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import nl.kindpakket.ledger.core.api.events.ProviderSuspended;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.UnknownProvider;
import nl.kindpakket.ledger.core.api.refusals.UnknownSpendingLine;
import nl.kindpakket.ledger.core.lookup.BudgetYearLookup;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

/** A provider (aanbieder) of a municipality: the spending lines it accepts, and whether it is suspended. */
@AggregateRoot
public class Provider {

    @AggregateIdentifier
    private String providerKey;
    private boolean registered;
    private String municipality;
    private String providerId;
    private String suspensionReason;

    protected Provider() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(RegisterProvider command, BudgetYearLookup budgetYears) {
        List<String> lines = command.spendingLines().stream().map(SpendingLineCode::value).sorted().toList();
        if (registered) {
            throw new IdempotencyConflict(providerKey);
        }
        String municipality = command.municipality().slug();
        lines.stream().filter(line -> !budgetYears.lineCodeExists(municipality, line)).findFirst().ifPresent(line -> {
            throw new UnknownSpendingLine(line);
        });
        apply(new ProviderRegistered(municipality, command.providerId().value(), command.name(),
                lines, command.registeredOn(), command.acceptsFrom()));
        return Receipt.recorded();
    }

    /** CREATE_IF_MISSING only so that an unknown provider is a typed refusal rather than a missing aggregate. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(SuspendProvider command) {
        if (!registered) {
            throw new UnknownProvider(new ProviderKey(command.municipality(), command.providerId()).toString());
        }
        if (suspensionReason != null) {
            throw new IdempotencyConflict(providerKey + "/suspension");
        }
        apply(new ProviderSuspended(municipality, providerId, command.reason(), command.suspendedOn()));
        return Receipt.recorded();
    }

    @EventSourcingHandler
    void on(ProviderRegistered event) {
        providerKey = event.municipality() + ":" + event.providerId();
        registered = true;
        municipality = event.municipality();
        providerId = event.providerId();
    }

    @EventSourcingHandler
    void on(ProviderSuspended event) {
        suspensionReason = event.reason();
    }
}
