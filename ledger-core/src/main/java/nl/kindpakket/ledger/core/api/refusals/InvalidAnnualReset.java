package nl.kindpakket.ledger.core.api.refusals;

/** An annual reset goes from one year to the next, effective in the new year. */
public class InvalidAnnualReset extends LedgerRefusal {

    public InvalidAnnualReset(String reason) {
        super("invalid-annual-reset", Kind.RULE, "annual reset refused: " + reason);
    }
}
