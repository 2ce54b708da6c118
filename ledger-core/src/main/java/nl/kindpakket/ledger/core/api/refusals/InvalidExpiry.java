package nl.kindpakket.ledger.core.api.refusals;

import java.time.Instant;

/** A hold expires after it is made and no later than the end of its entitlement's year. */
public class InvalidExpiry extends LedgerRefusal {

    public InvalidExpiry(Instant expiresAt, String why) {
        super("invalid-expiry", Kind.RULE, "expiresAt " + expiresAt + " " + why);
    }
}
