package nl.kindpakket.ledger.core.api.refusals;

import java.time.Instant;

/** A reversal cannot precede the redemption it undoes. */
public class ReversalBeforeRedemption extends LedgerRefusal {

    public ReversalBeforeRedemption(String redemptionId, Instant redemptionOccurredAt) {
        super("reversal-before-redemption", Kind.RULE,
                "redemption " + redemptionId + " occurred at " + redemptionOccurredAt + "; its reversal cannot be earlier");
    }
}
