package nl.kindpakket.ledger.projections.entitlement;

/** Where an entitlement stands: it redeems only while active. */
public enum EntitlementStatus {
    ACTIVE,
    REVOKED,
    EXPIRED
}
