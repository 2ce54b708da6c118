package nl.kindpakket.ledger.core.api.refusals;

/** Only what was not spent can be refunded. */
public class RefundExceedsUnderspend extends LedgerRefusal {

    public RefundExceedsUnderspend(String spendingLine, long underspendCents, long requestedCents) {
        super("refund-exceeds-underspend", Kind.RULE, "line " + spendingLine + " is underspent by " + underspendCents + " cents, " + requestedCents + " refund requested");
    }
}
