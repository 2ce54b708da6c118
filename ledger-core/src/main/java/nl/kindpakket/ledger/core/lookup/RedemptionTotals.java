package nl.kindpakket.ledger.core.lookup;

/** Money redeemed on a line of a year, net of reversals: needed to know what was left unspent. */
public interface RedemptionTotals {

    long netRedeemedCents(String municipality, int year, String spendingLine);
}
