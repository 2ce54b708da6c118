package nl.kindpakket.ledger.core.budget;

/** A spending line of a budget year with its running totals in cents. */
record SpendingLine(String code, String name, long availableCents, long expendituresCents, long refundedCents) {

    static SpendingLine opened(String code, String name) {
        return new SpendingLine(code, name, 0, 0, 0);
    }

    SpendingLine withAvailable(long cents) {
        return new SpendingLine(code, name, cents, expendituresCents, refundedCents);
    }

    SpendingLine withExpenditures(long cents) {
        return new SpendingLine(code, name, availableCents, cents, refundedCents);
    }

    SpendingLine withRefunded(long cents) {
        return new SpendingLine(code, name, availableCents, expendituresCents, cents);
    }

    /** What the spending lines report shows as remaining: available minus spent (redeemed net and expended) minus refunded. */
    long remainingCents(long netRedeemedCents) {
        return availableCents - netRedeemedCents - expendituresCents - refundedCents;
    }
}
