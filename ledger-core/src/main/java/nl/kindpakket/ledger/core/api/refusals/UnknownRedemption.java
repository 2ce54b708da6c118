package nl.kindpakket.ledger.core.api.refusals;

/** The redemption named does not exist for this caller. */
public class UnknownRedemption extends LedgerRefusal {

    public UnknownRedemption(String redemptionId) {
        super("unknown-redemption", Kind.NOT_FOUND, "no redemption " + redemptionId);
    }
}
