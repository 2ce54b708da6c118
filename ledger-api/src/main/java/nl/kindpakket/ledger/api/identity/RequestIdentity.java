package nl.kindpakket.ledger.api.identity;

import java.util.Optional;

import nl.kindpakket.ledger.core.api.Receipt;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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

    /** The identifier is taken by a committed request: this one is answered as its repeat, or refused as another. */
    private Object repeat(ClientRequest request) {
        return log.find(request)
                .orElseThrow(() -> new IllegalStateException("the request log holds " + request.kind() + " "
                        + request.clientId() + " and then does not"))
                .answerRepeat(request);
    }
}
