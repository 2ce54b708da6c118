package nl.kindpakket.ledger.core.entitlement;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.refusals.ConflictingRevocation;
import nl.kindpakket.ledger.core.api.refusals.EntitlementAlreadyExpired;
import nl.kindpakket.ledger.core.api.refusals.EntitlementAlreadyRevoked;

/** Where an entitlement stands: active, revoked from a date, or expired by an annual reset. */
record Lifecycle(Revocation revocation, boolean expired) {

    static final Lifecycle ACTIVE = new Lifecycle(null, false);

    record Revocation(String reason, LocalDate effectiveOn) {
    }

    Lifecycle revoke(String reason, LocalDate effectiveOn) {
        return new Lifecycle(new Revocation(reason, effectiveOn), expired);
    }

    Lifecycle expire() {
        return new Lifecycle(revocation, true);
    }

    boolean isRevoked() {
        return revocation != null;
    }

    boolean isOver() {
        return isRevoked() || expired;
    }

    void requireActive(String entitlementId) {
        if (isRevoked()) {
            throw new EntitlementAlreadyRevoked(entitlementId);
        }
        requireNotExpired(entitlementId);
    }

    void requireNotExpired(String entitlementId) {
        if (expired) {
            throw new EntitlementAlreadyExpired(entitlementId);
        }
    }

    /** An entitlement is revoked once: any revocation after the first is refused. */
    void requireNotRevoked(String entitlementId) {
        if (isRevoked()) {
            throw new ConflictingRevocation(entitlementId);
        }
    }
}
