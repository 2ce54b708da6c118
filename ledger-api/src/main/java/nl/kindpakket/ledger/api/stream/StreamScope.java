package nl.kindpakket.ledger.api.stream;

import java.util.Optional;

import nl.kindpakket.ledger.api.security.Caller;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;

/**
 * Which municipality a caller may read. The access policy already refuses a bound caller who names
 * none or another; this narrows the filter again where the events are read, so that a mistake in a
 * route or a rule can never widen what a bound caller sees.
 */
final class StreamScope {

    private StreamScope() {
    }

    /** @return the municipality to filter on, or null for all (only for a caller spanning all municipalities) */
    static String municipality(Optional<Caller> caller, String requested) {
        if (caller.isEmpty()) {
            throw new IllegalStateException("the event stream is read only by an authenticated caller");
        }
        if (caller.get().spansAllMunicipalities()) {
            return requested;
        }
        String own = caller.get().municipality();
        if (requested != null && !requested.equals(own)) {
            throw new UnknownMunicipality();
        }
        return own;
    }

    /** Another municipality's events: answered as if it did not exist, like the access policy does. */
    static final class UnknownMunicipality extends LedgerRefusal {

        UnknownMunicipality() {
            super("unknown-municipality", Kind.NOT_FOUND, "no such municipality");
        }
    }
}
