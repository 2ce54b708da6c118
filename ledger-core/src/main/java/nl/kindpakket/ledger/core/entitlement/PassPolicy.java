package nl.kindpakket.ledger.core.entitlement;

import nl.kindpakket.ledger.core.api.refusals.PassInUse;
import nl.kindpakket.ledger.core.api.refusals.PassAlreadyReplaced;
import nl.kindpakket.ledger.core.lookup.PassRegistry;

/** One pass number belongs to one entitlement at a time, and only an entitlement's current pass redeems. */
final class PassPolicy {

    private PassPolicy() {
    }

    static void requireFree(PassRegistry passes, String municipality, String passNumber, String entitlementId) {
        passes.holderOf(municipality, passNumber)
                .filter(holder -> !holder.equals(entitlementId))
                .ifPresent(holder -> {
                    throw new PassInUse(passNumber);
                });
    }

    static void requireCurrent(String passNumber, String currentPass) {
        if (!passNumber.equals(currentPass)) {
            throw new PassAlreadyReplaced(passNumber);
        }
    }
}
