package nl.kindpakket.ledger.core.testing;

import java.util.HashMap;
import java.util.Map;

import nl.kindpakket.ledger.core.lookup.RedemptionTotals;

/** Net redeemed money per line and year, set up by each test. */
public final class FakeRedemptionTotals implements RedemptionTotals {

    private final Map<String, Long> totals = new HashMap<>();

    public FakeRedemptionTotals redeemed(String municipality, int year, String spendingLine, long cents) {
        totals.put(municipality + ":" + year + ":" + spendingLine, cents);
        return this;
    }

    @Override
    public long netRedeemedCents(String municipality, int year, String spendingLine) {
        return totals.getOrDefault(municipality + ":" + year + ":" + spendingLine, 0L);
    }
}
