package nl.kindpakket.ledger.api.lookup;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Answers of the lookup tables, remembered for the rest of the unit of work that asked: a command, or an annual
 * reset's chunk, whose commands run in nested units and ask the same of the same year again and again. The lookup
 * tables change only when such a unit commits (their handlers run then), or by the unit's own pass claims, whose
 * answers are what is remembered, so an answer cannot go stale inside it; another writer's change in the meantime is
 * refused by the tables' unique keys, as it is without this.
 * Outside a unit of work nothing is remembered.
 */
final class UnitOfWorkAnswers {

    private static final String ANSWERS = UnitOfWorkAnswers.class.getName();

    private UnitOfWorkAnswers() {
    }

    @SuppressWarnings("unchecked")
    static <T> T remembered(String question, Supplier<T> ask) {
        Map<String, Object> answers = answers();
        if (answers == null) {
            return ask.get();
        }
        Object answer = answers.get(question);
        if (answer == null) {
            answer = ask.get();
            answers.put(question, answer);
        }
        return (T) answer;
    }

    /** An answer read ahead, for a question the unit of work is about to ask. */
    static void remember(String question, Object answer) {
        Map<String, Object> answers = answers();
        if (answers != null) {
            answers.put(question, answer);
        }
    }

    /** An answer that no longer holds, asked again when next needed. */
    static void forget(String question) {
        Map<String, Object> answers = answers();
        if (answers != null) {
            answers.remove(question);
        }
    }

    private static Map<String, Object> answers() {
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(ANSWERS, key -> new HashMap<>())
                : null;
    }
}
