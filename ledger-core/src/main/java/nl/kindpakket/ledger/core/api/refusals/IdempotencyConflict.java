package nl.kindpakket.ledger.core.api.refusals;

/** A client identifier reused with a different request body. */
public class IdempotencyConflict extends LedgerRefusal {

    public IdempotencyConflict(String identifier) {
        super("idempotency-conflict", Kind.CONFLICT, "identifier " + identifier + " was already used for a different request");
    }
}
