package nl.kindpakket.ledger.api.web;

import java.util.function.Supplier;

import nl.kindpakket.ledger.api.identity.ClientRequest;
import nl.kindpakket.ledger.api.lookup.PreparedAnswers;
import nl.kindpakket.ledger.api.metrics.CommandMetrics;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command and waits for its receipt; a command to an aggregate that was never created is refused as the endpoint's unknown resource. */
@Component
public class LedgerCommands {

    private final CommandGateway gateway;
    private final CommandMetrics metrics;

    public LedgerCommands(CommandGateway gateway, CommandMetrics metrics) {
        this.gateway = gateway;
        this.metrics = metrics;
    }

    /**
     * Prepares a command, such as by the lookups that find its aggregate. A refusal or a store failure there is
     * counted as the command's, like those of its handler, so that the metrics show every refusal and every 503.
     */
    public <T> T prepare(Class<?> command, Supplier<T> preparation) {
        long started = System.nanoTime();
        try {
            return preparation.get();
        } catch (RuntimeException failure) {
            if (FailureCause.refusal(failure).isPresent() || FailureCause.isStoreUnavailable(failure)) {
                metrics.failedBeforeDispatch(command, failure, started);
            }
            throw failure;
        }
    }

    /** A command with the answers its request read beforehand to the questions its rules will ask. */
    public record Prepared<C>(C command, PreparedAnswers answers) {
    }

    public Receipt send(Object command, Supplier<? extends LedgerRefusal> whenAbsent) {
        return sent(command, whenAbsent);
    }

    /** A command under a client's identifier: a repeat of the request is answered as the first time. */
    public Receipt send(ClientRequest request, Object command, Supplier<? extends LedgerRefusal> whenAbsent) {
        return send(request, PreparedAnswers.NONE, command, whenAbsent);
    }

    /** The same, with the answers its request read beforehand to the questions its rules will ask of the lookup tables. */
    public Receipt send(ClientRequest request, PreparedAnswers answers, Object command,
            Supplier<? extends LedgerRefusal> whenAbsent) {
        return sent(GenericCommandMessage.asCommandMessage(command).andMetaData(request.metaData())
                .andMetaData(answers.metaData()), whenAbsent);
    }

    /** For commands under a client's identifier that create their aggregate when missing. */
    public Receipt send(ClientRequest request, Object command) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(request.metaData()));
    }

    private Receipt sent(Object command, Supplier<? extends LedgerRefusal> whenAbsent) {
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
