package nl.kindpakket.ledger.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

/** Keeps the commands the controllers send and answers them as told, so the HTTP mapping can be checked without a store. */
final class RecordingGateway implements CommandGateway {

    final List<Object> sent = new ArrayList<>();
    private Function<Object, Object> handler = command -> {
        throw new IllegalStateException("no answer set for " + command);
    };

    RecordingGateway answering(Function<Object, Object> handler) {
        this.handler = handler;
        return this;
    }

    @SuppressWarnings("unchecked")
    <T> T last() {
        return (T) sent.get(sent.size() - 1);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R sendAndWait(Object command) {
        // as the real gateway does, a message is handled as its payload; its metadata is the request log's
        Object payload = command instanceof CommandMessage<?> message ? message.getPayload() : command;
        sent.add(payload);
        return (R) handler.apply(payload);
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return sendAndWait(command);
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        throw new UnsupportedOperationException("the controllers wait for their receipt");
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        throw new UnsupportedOperationException("the controllers wait for their receipt");
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return () -> true;
    }
}
