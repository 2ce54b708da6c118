package nl.kindpakket.ledger.api.identity;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.AlreadyReversed;
import nl.kindpakket.ledger.core.api.refusals.ConflictingRevocation;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import nl.kindpakket.ledger.core.api.refusals.ReservationNotOpen;

/** A client's request as the log holds it: what was sent under its identifier, and what it was answered. */
record RecordedRequest(String fingerprint, String target, Long balanceAfterCents) {

    /** The first answer again for the same request; another request under the same identifier is refused. */
    Receipt answerRepeat(ClientRequest request) {
        if (!fingerprint.equals(request.fingerprint())) {
            throw otherRequest(request);
        }
        return new Receipt(true, balanceAfterCents);
    }

    /** Where the domain names the conflict (a second reversal, revocation or settlement), its refusal. */
    private static LedgerRefusal otherRequest(ClientRequest request) {
        String id = request.clientId();
        return switch (request.kind()) {
            case ClientRequest.REVERSAL -> new AlreadyReversed(id);
            case ClientRequest.REVOCATION -> new ConflictingRevocation(id);
            case ClientRequest.CAPTURE -> new ReservationNotOpen(id, "captured");
            case ClientRequest.RELEASE -> new ReservationNotOpen(id, "released");
            default -> new IdempotencyConflict(id);
        };
    }
}
