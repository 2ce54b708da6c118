package nl.kindpakket.ledger.api.web;

import java.util.function.Supplier;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command and waits for its receipt; a command to an aggregate that was never created is refused as the endpoint's unknown resource. */
@Component
public class LedgerCommands {

    private final CommandGateway gateway;

    public LedgerCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public Receipt send(Object command, Supplier<? extends LedgerRefusal> whenAbsent) {
        try {
            return gateway.sendAndWait(command);
        } catch (RuntimeException failure) {
            if (FailureCause.refusal(failure).isEmpty() && FailureCause.isMissingAggregate(failure)) {
                throw whenAbsent.get();
            }
            throw failure;
        }
    }

    /** For commands that create their aggregate when missing. */
    public Receipt send(Object command) {
        return gateway.sendAndWait(command);
    }
}
