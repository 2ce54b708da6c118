package nl.kindpakket.ledger.core.api.refusals;

/** Only the current pass of an entitlement redeems. */
public class PassAlreadyReplaced extends LedgerRefusal {

    public PassAlreadyReplaced(String passNumber) {
        super("pass-replaced", Kind.RULE, "pass " + passNumber + " was replaced and is no longer valid");
    }
}
