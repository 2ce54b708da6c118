package nl.kindpakket.ledger.core.api.refusals;

/** Credit on a spending line never goes below zero. */
public class InsufficientCredit extends LedgerRefusal {

    public InsufficientCredit(String spendingLine, long balanceCents, long requestedCents) {
        super("insufficient-credit", Kind.RULE, "credit on line " + spendingLine + " is " + balanceCents + " cents, " + requestedCents + " requested");
    }
}
