package nl.kindpakket.ledger.api.identity;

import java.util.Optional;

import nl.kindpakket.ledger.core.api.Receipt;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a client's request was seen before, inside the transaction of the command's
 * events: a repeat gets the first answer without reaching its aggregate, another request under a known identifier is
 * refused, and a new one is handled and recorded with its answer, or rolled back with it.
 *
 * <p>A new request costs one statement before its handler: the insert that takes its identifier, which does nothing
 * under an identifier already taken. Two first requests under one identifier, on any instances, meet at the log's
 * key: the later waits for the earlier to commit, takes nothing, and is answered as a repeat of it.
 */
@Component
public class RequestIdentity implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ClientRequestLog log;

    public RequestIdentity(ClientRequestLog log) {
        this.log = log;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Optional<ClientRequest> identified = ClientRequest.in(unitOfWork.getMessage().getMetaData());
        if (identified.isEmpty()) {
            return chain.proceed();
        }
        ClientRequest request = identified.get();
        if (!log.open(request)) {
            return repeat(request);
        }
        Object answer = chain.proceed();
        if (answer instanceof Receipt receipt) {
            log.answered(request, receipt);
        }
        return answer;
    }

    /**
     * The identifier is taken: this request is answered as the repeat of the one that took it, or refused as another.
     * Where the taker is not yet visible (a store that does not wait for it before the insert does nothing, as H2 may),
     * the request lost a race and is sent again by the gateway's conflict retry, to meet the taker committed.
     */
    private Object repeat(ClientRequest request) {
        return log.find(request)
                .orElseThrow(() -> new ConcurrencyException("the identifier " + request.kind() + " "
                        + request.clientId() + " is taken by a request not yet committed"))
                .answerRepeat(request);
    }
}
