package nl.kindpakket.ledger.api.lookup;

import java.util.Optional;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.UnknownPass;

/**
 * What a request naming a pass and a client's identifier (a redemption id, a reservation id) needs to find its
 * entitlement, read together in one round trip.
 *
 * @param holder     the entitlement id holding the pass, or the revoked entitlement that held it last, so a request
 *                   with it is refused for the revocation rather than for an unknown pass
 * @param recordedOn the entitlement the client's identifier is recorded on, when it is known
 * @param answers    what the command's rules will ask of the lookup tables, read in the same query
 */
public record HolderAndRecord(Optional<String> holder, Optional<String> recordedOn, PreparedAnswers answers) {

    public HolderAndRecord(Optional<String> holder, Optional<String> recordedOn) {
        this(holder, recordedOn, PreparedAnswers.NONE);
    }

    /**
     * The entitlement to send the request to: where the identifier was recorded, so that a repeat still answers as
     * the first time after the pass was replaced, else the pass's holder. A known identifier on another entitlement
     * than the pass's is a conflict; a pass nobody holds is unknown.
     */
    public EntitlementId entitlement(String clientId, String passNumber) {
        if (recordedOn.isPresent() && holder.isPresent() && !recordedOn.equals(holder)) {
            throw new IdempotencyConflict(clientId);
        }
        return recordedOn.or(() -> holder)
                .map(EntitlementId::parse)
                .orElseThrow(() -> new UnknownPass(passNumber));
    }
}
