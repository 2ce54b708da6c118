package nl.kindpakket.ledger.api.lookup;

import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Answers to questions that a command's rules will ask of the lookup tables, read by the request before the command
 * is sent, in the same query that found the command's entitlement: for a redemption or a reservation, whether the
 * entitlement's year is closed and how the provider stands with the spending line. They travel in the command
 * message's meta-data and are remembered for its unit of work ({@link UnitOfWorkAnswers}), so the rules find them
 * without another round trip. They are as fresh as the rules' own reads, which take no lock either.
 */
public record PreparedAnswers(Map<String, Object> answers) {

    /** The meta-data key; Axon copies only its correlation keys from a command to its events, so none is stored. */
    static final String META_DATA_KEY = "ledger.preparedAnswers";

    public static final PreparedAnswers NONE = new PreparedAnswers(Map.of());

    public PreparedAnswers {
        answers = Map.copyOf(answers);
    }

    /** The command message's meta-data that carries these answers; empty when there are none. */
    public Map<String, Object> metaData() {
        return answers.isEmpty() ? Map.of() : Map.of(META_DATA_KEY, this);
    }

    /** Remembers a command's prepared answers in its unit of work before its handler asks. */
    @Component
    public static final class Remembering implements MessageHandlerInterceptor<CommandMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
                throws Exception {
            if (unitOfWork.getMessage().getMetaData().get(META_DATA_KEY) instanceof PreparedAnswers prepared) {
                prepared.answers().forEach(UnitOfWorkAnswers::remember);
            }
            return interceptorChain.proceed();
        }
    }
}
