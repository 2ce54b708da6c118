package nl.kindpakket.ledger.core.testing;

import java.util.HashMap;
import java.util.Map;

import nl.kindpakket.ledger.core.lookup.PassRegistry;

/**
 * Which entitlement holds which pass, set up by each test: a pass on record ({@link #hold}) is refused to every claim,
 * its own entitlement's too; a pass taken ahead ({@link #takenAhead}) is its entitlement's claim already.
 */
public final class FakePassRegistry implements PassRegistry {

    private final Map<String, String> holders = new HashMap<>();
    private final Map<String, String> takenAhead = new HashMap<>();

    public FakePassRegistry hold(String municipality, String passNumber, String entitlementId) {
        holders.put(municipality + ":" + passNumber, entitlementId);
        return this;
    }

    /** The pass claimed ahead for this entitlement in the command's unit of work, as a reset chunk claims its passes. */
    public FakePassRegistry takenAhead(String municipality, String passNumber, String entitlementId) {
        takenAhead.put(municipality + ":" + passNumber, entitlementId);
        return this;
    }

    @Override
    public boolean claim(String municipality, String passNumber, String entitlementId) {
        String pass = municipality + ":" + passNumber;
        if (entitlementId.equals(takenAhead.get(pass))) {
            return true;
        }
        return holders.putIfAbsent(pass, entitlementId) == null;
    }
}
