package nl.kindpakket.ledger.api.identity;

import java.util.Optional;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a client's request was seen before, inside the transaction of the command's
 * events: a new request is handled and recorded with its answer, or rolled back with it; a repeat gets the first
 * answer; another request under a known identifier is refused.
 *
 * <p>A new request costs one insert, which records its identifier with its answer; it is held after the handler and
 * goes to the database with the unit's events and its commit, in one round trip
 * ({@link nl.kindpakket.ledger.api.store.HeldWrites}). Under an identifier already recorded the insert breaks the log's
 * key, the transaction is rolled back, and the request is answered as a repeat of the first ({@link AnsweredBefore})
 * or refused as another. Two first requests under one identifier, on any instances, meet at the log's key (or, on one
 * entitlement, at its next event's sequence number, a lost race the gateway sends again): the later waits there for
 * the earlier to commit and breaks the key then. A repeat that comes after the first answer also runs its handler,
 * where the aggregate may refuse it (a redemption's identifier is used): a refusal is answered from the log when the
 * log holds the identifier.
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
        Object answer;
        try {
            answer = chain.proceed();
        } catch (LedgerRefusal refusal) {
            Optional<RecordedRequest> first = log.find(request);
            if (first.isEmpty()) {
                throw refusal;
            }
            throw new AnsweredBefore(request, first.get().answerRepeat(request));
        }
        Long balance = answer instanceof Receipt receipt ? receipt.balanceAfterCents() : null;
        log.record(request, balance, () -> repeat(request));
        return answer;
    }

    /**
     * The identifier is recorded: this request is answered as the repeat of the one that recorded it, or refused as
     * another. Where the first is not yet visible (a store that does not wait for it before it refuses the insert, as
     * H2 may), the request lost a race and is sent again by the gateway's conflict retry, to meet the first committed.
     */
    private RuntimeException repeat(ClientRequest request) {
        RecordedRequest first = log.find(request)
                .orElseThrow(() -> new ConcurrencyException("the identifier " + request.kind() + " "
                        + request.clientId() + " is taken by a request not yet committed"));
        return new AnsweredBefore(request, first.answerRepeat(request));
    }
}
