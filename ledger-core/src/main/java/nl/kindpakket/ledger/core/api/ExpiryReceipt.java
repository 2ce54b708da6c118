package nl.kindpakket.ledger.core.api;

/**
 * What expiring an entitlement at the annual reset answers: whether it was over already (a repeat, nothing
 * appended), and how many open holds it released first, with the credit they held.
 */
public record ExpiryReceipt(boolean repeated, int releasedHolds, long releasedHoldCents) {

    public static ExpiryReceipt repeat() {
        return new ExpiryReceipt(true, 0, 0);
    }
}
