package nl.kindpakket.ledger.core.api.refusals;

/** A redemption can be reversed once. */
public class AlreadyReversed extends LedgerRefusal {

    public AlreadyReversed(String redemptionId) {
        super("already-reversed", Kind.CONFLICT, "redemption " + redemptionId + " is already reversed");
    }
}
