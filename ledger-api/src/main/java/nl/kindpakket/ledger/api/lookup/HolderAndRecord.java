package nl.kindpakket.ledger.api.lookup;

import java.util.Optional;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.refusals.UnknownPass;

/**
 * What a request naming a pass and a client's identifier (a redemption id, a reservation id) needs to find its
 * entitlement, read together in one round trip.
 *
 * @param holder     the entitlement id holding the pass, or the revoked entitlement that held it last, so a request
 *                   with it is refused for the revocation rather than for an unknown pass
 * @param recordedOn the entitlement the client's identifier went to, when it is known
 * @param answers    what the command's rules will ask of the lookup tables, read in the same query
 */
public record HolderAndRecord(Optional<String> holder, Optional<String> recordedOn, PreparedAnswers answers) {

    /**
     * The entitlement to send the request to: where the identifier went, so that a repeat still answers as the first
     * time after the pass was replaced (and a changed request meets its identifier there), else the pass's holder.
     */
    public EntitlementId entitlement(String passNumber) {
        return recordedOn.or(() -> holder)
                .map(EntitlementId::parse)
                .orElseThrow(() -> new UnknownPass(passNumber));
    }
}
