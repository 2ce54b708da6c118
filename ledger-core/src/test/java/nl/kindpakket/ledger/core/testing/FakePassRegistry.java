package nl.kindpakket.ledger.core.testing;

import java.util.HashMap;
import java.util.Map;

import nl.kindpakket.ledger.core.lookup.PassRegistry;

/** Which entitlement holds which pass, set up by each test. */
public final class FakePassRegistry implements PassRegistry {

    private final Map<String, String> holders = new HashMap<>();

    public FakePassRegistry hold(String municipality, String passNumber, String entitlementId) {
        holders.put(municipality + ":" + passNumber, entitlementId);
        return this;
    }

    @Override
    public boolean claim(String municipality, String passNumber, String entitlementId) {
        String holder = holders.putIfAbsent(municipality + ":" + passNumber, entitlementId);
        return holder == null || holder.equals(entitlementId);
    }
}
