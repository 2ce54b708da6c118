package nl.kindpakket.ledger.api.security;

/** What a user may do, within the municipality the user is bound to. */
public enum Role {
    /** every command of their municipality, and its reports and entitlements */
    MUNICIPALITY_STAFF,
    /** redeem and reverse, only as their own providerId */
    PROVIDER,
    /** read reports, entitlements and the event stream */
    AUDITOR,
    /** read reports */
    COUNCIL,
    /** read the event stream */
    INTEGRATOR,
    /** operator endpoints and actuator, across municipalities */
    OPERATOR
}
