package nl.kindpakket.ledger.api.security;

/** A principal that knows which {@link Caller} it is; any way of authenticating supplies one. */
public interface CallerPrincipal {

    Caller caller();
}
