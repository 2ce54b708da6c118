package nl.kindpakket.ledger.api.identity;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;

/** A client's request as the log holds it: what was sent under its identifier, and what it was answered. */
record RecordedRequest(String fingerprint, String target, Long balanceAfterCents) {

    /** The first answer again for the same request; another request under the same identifier is refused. */
    Receipt answerRepeat(ClientRequest request) {
        if (!fingerprint.equals(request.fingerprint())) {
            throw new IdempotencyConflict(request.clientId());
        }
        return new Receipt(true, balanceAfterCents);
    }
}
