package nl.kindpakket.ledger.core.lookup;

/** Whether a provider may redeem on a spending line. */
public interface ProviderDirectory {

    Standing standing(String municipality, String providerId, String spendingLine);

    enum Standing {
        UNKNOWN,
        SUSPENDED,
        NOT_ACCEPTING_LINE,
        ACCEPTING
    }
}
