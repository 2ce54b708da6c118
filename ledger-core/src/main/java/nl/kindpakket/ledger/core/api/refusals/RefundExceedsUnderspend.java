package nl.kindpakket.ledger.core.api.refusals;

/** Only what remains on a line (available minus spent minus refunded) can be refunded. */
public class RefundExceedsUnderspend extends LedgerRefusal {

    public RefundExceedsUnderspend(String spendingLine, long remainingCents, long requestedCents) {
        super("refund-exceeds-underspend", Kind.RULE, "line " + spendingLine + " has " + remainingCents + " cents remaining, " + requestedCents + " refund requested");
    }
}
