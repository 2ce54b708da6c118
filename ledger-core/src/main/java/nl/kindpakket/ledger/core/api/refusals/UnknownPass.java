package nl.kindpakket.ledger.core.api.refusals;

/** A redemption names a pass that no entitlement of the municipality holds. */
public class UnknownPass extends LedgerRefusal {

    public UnknownPass(String passNumber) {
        super("unknown-pass", Kind.RULE, "pass " + passNumber + " is not issued in this municipality");
    }
}
