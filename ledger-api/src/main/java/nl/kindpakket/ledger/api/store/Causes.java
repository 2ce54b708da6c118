package nl.kindpakket.ledger.api.store;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The failure that matters, found in a failure's cause chain: gateways, units of work, transaction managers and
 * stores wrap it. The chain is followed at most 16 deep, and not into a cause that is its own.
 */
public final class Causes {

    private static final int MAX_DEPTH = 16;

    private Causes() {
    }

    /** The failure itself or the first of its causes that is wanted. */
    public static Optional<Throwable> find(Throwable failure, Predicate<Throwable> wanted) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (wanted.test(current)) {
                return Optional.of(current);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return Optional.empty();
    }

    /** The failure itself or the first of its causes of the type. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return find(failure, type::isInstance).map(type::cast);
    }
}
