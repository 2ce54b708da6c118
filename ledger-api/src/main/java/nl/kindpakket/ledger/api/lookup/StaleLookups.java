package nl.kindpakket.ledger.api.lookup;

import nl.kindpakket.ledger.api.store.Causes;

/**
 * A command prepared from remembered lookups found the tables answering otherwise ({@link Recalled}): nothing of it
 * was written, and whoever prepared it prepares it again from the tables. Not a refusal and not a conflict: neither
 * the client nor the gateway's retry sees it, and the command metrics count the attempt that follows instead.
 */
public final class StaleLookups extends RuntimeException {

    StaleLookups(Recalled recalled) {
        super("the lookups remembered for pass " + recalled.passNumber() + " of " + recalled.municipality()
                + " no longer hold", null, false, false);
    }

    /** Whether the failure, or one of its causes, is this. */
    public static boolean in(Throwable failure) {
        return Causes.find(failure, StaleLookups.class).isPresent();
    }
}
