package nl.kindpakket.ledger.core.api.refusals;

/** Credit or spending must refer to an existing spending line. */
public class UnknownSpendingLine extends LedgerRefusal {

    public UnknownSpendingLine(String spendingLine) {
        super("unknown-spending-line", Kind.RULE, "no spending line " + spendingLine);
    }
}
