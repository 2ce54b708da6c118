package nl.kindpakket.ledger.core.entitlement;

import nl.kindpakket.ledger.core.api.refusals.PassInUse;
import nl.kindpakket.ledger.core.api.refusals.PassAlreadyReplaced;
import nl.kindpakket.ledger.core.lookup.PassRegistry;

/** One pass number belongs to one entitlement at a time, and only an entitlement's current pass redeems. */
final class PassPolicy {

    private PassPolicy() {
    }

    /** The last rule of a grant or a pass replacement, as it writes: the pass becomes this entitlement's, or is refused. */
    static void claim(PassRegistry passes, String municipality, String passNumber, String entitlementId) {
        if (!passes.claim(municipality, passNumber, entitlementId)) {
            throw new PassInUse(passNumber);
        }
    }

    static void requireCurrent(String passNumber, String currentPass) {
        if (!passNumber.equals(currentPass)) {
            throw new PassAlreadyReplaced(passNumber);
        }
    }
}
