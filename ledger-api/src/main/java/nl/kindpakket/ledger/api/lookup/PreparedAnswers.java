package nl.kindpakket.ledger.api.lookup;

import java.util.Map;

import nl.kindpakket.ledger.api.store.HeldWrites;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers to questions that a command's rules will ask of the lookup tables, read by the request before the command
 * is sent, in the same query that found the command's entitlement: for a redemption or a reservation, whether the
 * entitlement's year is closed and how the provider stands with the spending line. They travel in the command
 * message's meta-data and are remembered for its unit of work ({@link UnitOfWorkAnswers}), so the rules find them
 * without another round trip. They are as fresh as the rules' own reads, which take no lock either.
 *
 * <p>A redemption's answers may come from memory instead ({@link RememberedLookups}); they then carry what they assume
 * ({@code recalled}, else null), which its unit of work checks before it writes or refuses anything.
 */
public record PreparedAnswers(Map<String, Object> answers, Recalled recalled) {

    /** The meta-data key; Axon copies only its correlation keys from a command to its events, so none is stored. */
    static final String META_DATA_KEY = "ledger.preparedAnswers";

    public static final PreparedAnswers NONE = new PreparedAnswers(Map.of());

    public PreparedAnswers {
        answers = Map.copyOf(answers);
    }

    /** Answers read from the tables now. */
    public PreparedAnswers(Map<String, Object> answers) {
        this(answers, null);
    }

    /** The command message's meta-data that carries these answers; empty when there are none. */
    public Map<String, Object> metaData() {
        return answers.isEmpty() && recalled == null ? Map.of() : Map.of(META_DATA_KEY, this);
    }

    /**
     * Remembers a command's prepared answers in its unit of work before its handler asks. Answers from memory are
     * checked in the unit's transaction: a statement held before its writes fails the transaction if the tables answer
     * otherwise now, and a refusal, which writes nothing, is only let through after the same question. Either way the
     * command fails with {@link StaleLookups} when they do, and is prepared again from the tables. Outside the request
     * identity's interceptor, so that a repeat it answers from the request log is answered as it is, whatever
     * entitlement the repeat was sent to.
     */
    @Component
    @Order(Ordered.LOWEST_PRECEDENCE - 1)
    public static final class Remembering implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final HeldWrites held;
        private final JdbcTemplate jdbc;

        public Remembering(HeldWrites held, JdbcTemplate jdbc) {
            this.held = held;
            this.jdbc = jdbc;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
                throws Exception {
            if (!(unitOfWork.getMessage().getMetaData().get(META_DATA_KEY) instanceof PreparedAnswers prepared)) {
                return interceptorChain.proceed();
            }
            prepared.answers().forEach(UnitOfWorkAnswers::remember);
            Recalled recalled = prepared.recalled();
            if (recalled == null) {
                return interceptorChain.proceed();
            }
            String guard = recalled.guard();
            held.hold(Recalled.TABLE, guard, recalled.arguments(),
                    e -> Recalled.brokenBy(e) ? new StaleLookups(recalled) : held.translated(guard, e));
            try {
                return interceptorChain.proceed();
            } catch (LedgerRefusal refusal) {
                throw recalled.stillSo(jdbc) ? refusal : new StaleLookups(recalled);
            }
        }
    }
}
