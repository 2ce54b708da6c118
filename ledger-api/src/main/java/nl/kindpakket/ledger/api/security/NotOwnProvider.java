package nl.kindpakket.ledger.api.security;

/** A provider asked to redeem in the name of another provider. */
public class NotOwnProvider extends RuntimeException {

    public static final String TYPE = "not-own-provider";

    public NotOwnProvider() {
        super("a provider redeems only as its own providerId", null, false, false);
    }
}
