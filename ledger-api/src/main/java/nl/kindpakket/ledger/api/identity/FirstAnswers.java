package nl.kindpakket.ledger.api.identity;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import nl.kindpakket.ledger.core.api.Receipt;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * The ledger's command gateway: every sender of a request under a client's identifier that was answered before gets
 * that first answer back ({@link AnsweredBefore}), as a result and not as the failure that rolled the repeat's own
 * handling back. Everything else is the wrapped gateway's.
 */
public final class FirstAnswers implements CommandGateway {

    private final CommandGateway gateway;

    public FirstAnswers(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        gateway.send(command, (CommandCallback<C, R>) (message, result) -> callback.onResult(message, answered(result)));
    }

    @Override
    public <R> R sendAndWait(Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (RuntimeException failure) {
            return firstAnswer(failure);
        }
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        try {
            return gateway.sendAndWait(command, timeout, unit);
        } catch (RuntimeException failure) {
            return firstAnswer(failure);
        }
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        return gateway.<R>send(command).exceptionally(failure -> firstAnswer(
                failure instanceof CompletionException completion ? completion : new CompletionException(failure)));
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return gateway.registerDispatchInterceptor(interceptor);
    }

    /** The first answer the failure carries, else the failure thrown again. */
    @SuppressWarnings("unchecked")
    private static <R> R firstAnswer(RuntimeException failure) {
        Optional<Receipt> first = AnsweredBefore.in(failure);
        if (first.isEmpty()) {
            throw failure;
        }
        return (R) first.get();
    }

    @SuppressWarnings("unchecked")
    private static <R> CommandResultMessage<? extends R> answered(CommandResultMessage<? extends R> result) {
        if (!result.isExceptional()) {
            return result;
        }
        return AnsweredBefore.in(result.exceptionResult())
                .<CommandResultMessage<? extends R>>map(first -> (CommandResultMessage<R>) GenericCommandResultMessage
                        .asCommandResultMessage(first))
                .orElse(result);
    }
}
