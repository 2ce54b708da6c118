package nl.kindpakket.ledger.api.identity;

import java.util.Optional;

import nl.kindpakket.ledger.api.store.Causes;
import nl.kindpakket.ledger.core.api.Receipt;

/**
 * A request found its identifier recorded with an answer by an earlier request, the same one: it is answered that
 * answer. Thrown out of the command's unit of work, so that whatever its handler did is rolled back, and caught by
 * whoever sent the command, for whom it is an answer and not a failure.
 */
public final class AnsweredBefore extends RuntimeException {

    private final transient Receipt receipt;

    AnsweredBefore(ClientRequest request, Receipt receipt) {
        super("the " + request.kind() + " " + request.clientId() + " was answered before", null, false, false);
        this.receipt = receipt;
    }

    /** The first answer, repeated. */
    public Receipt receipt() {
        return receipt;
    }

    /** The first answer, where a command's failure is this one or is caused by it. */
    public static Optional<Receipt> in(Throwable failure) {
        return Causes.find(failure, AnsweredBefore.class).map(AnsweredBefore::receipt);
    }
}
