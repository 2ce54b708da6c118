package nl.kindpakket.ledger.core.api.refusals;

/** A pass number belongs to one entitlement at a time. */
public class PassInUse extends LedgerRefusal {

    public PassInUse(String passNumber) {
        super("pass-in-use", Kind.CONFLICT, "pass " + passNumber + " is already issued");
    }
}
