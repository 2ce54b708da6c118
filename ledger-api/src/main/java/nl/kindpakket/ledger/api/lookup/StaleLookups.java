package nl.kindpakket.ledger.api.lookup;

/**
 * A command prepared from remembered lookups found the tables answering otherwise ({@link Recalled}): nothing of it
 * was written, and whoever prepared it prepares it again from the tables. Not a refusal and not a conflict: neither
 * the client nor the gateway's retry sees it, and the command metrics count the attempt that follows instead.
 */
public final class StaleLookups extends RuntimeException {

    private static final int MAX_DEPTH = 16;

    StaleLookups(Recalled recalled) {
        super("the lookups remembered for pass " + recalled.passNumber() + " of " + recalled.municipality()
                + " no longer hold", null, false, false);
    }

    /** Whether the failure, or one of its causes, is this. */
    public static boolean in(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof StaleLookups) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }
}
