package nl.kindpakket.ledger.core.lookup;

import java.util.Optional;

/** Which entitlement holds a pass number now; a pass number belongs to one entitlement at a time. */
public interface PassRegistry {

    Optional<String> holderOf(String municipality, String passNumber);
}
