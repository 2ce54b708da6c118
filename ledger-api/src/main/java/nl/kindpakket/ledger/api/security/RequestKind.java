package nl.kindpakket.ledger.api.security;

import java.util.EnumSet;
import java.util.Set;

import static nl.kindpakket.ledger.api.security.Role.AUDITOR;
import static nl.kindpakket.ledger.api.security.Role.COUNCIL;
import static nl.kindpakket.ledger.api.security.Role.INTEGRATOR;
import static nl.kindpakket.ledger.api.security.Role.MUNICIPALITY_STAFF;
import static nl.kindpakket.ledger.api.security.Role.OPERATOR;
import static nl.kindpakket.ledger.api.security.Role.PROVIDER;

/** The kinds of request the access policy tells apart, each with the roles allowed to make it: the rule table. */
public enum RequestKind {
    /** any other request under /api/v1/municipalities/{m}: commands, annual resets and their status */
    MUNICIPAL(EnumSet.of(MUNICIPALITY_STAFF)),
    /** POST /api/v1/municipalities/{m}/redemptions */
    REDEMPTION(EnumSet.of(MUNICIPALITY_STAFF, PROVIDER)),
    /** POST /api/v1/municipalities/{m}/redemptions/{redemptionId}/reversal */
    REVERSAL(EnumSet.of(MUNICIPALITY_STAFF, PROVIDER)),
    /** POST /api/v1/municipalities/{m}/reservations and .../{reservationId}/capture or /release; GET .../{reservationId} */
    RESERVATION(EnumSet.of(MUNICIPALITY_STAFF, PROVIDER)),
    /** GET /api/v1/municipalities/{m}/reports/** */
    REPORT_READ(EnumSet.of(MUNICIPALITY_STAFF, AUDITOR, COUNCIL)),
    /** GET /api/v1/municipalities/{m}/years/{y}/entitlements/** */
    ENTITLEMENT_READ(EnumSet.of(MUNICIPALITY_STAFF, AUDITOR)),
    /** GET /api/v1/municipalities/{m}/years/{y}/spending-lines/{code}/postings: it names children, so not the council */
    JOURNAL_READ(EnumSet.of(MUNICIPALITY_STAFF, AUDITOR)),
    /** GET /api/v1/municipalities/{m}/audit/**, such as the event chain's verification */
    AUDIT_READ(EnumSet.of(AUDITOR, OPERATOR)),
    /** GET /api/v1/events, scoped by its municipality parameter */
    EVENT_STREAM(EnumSet.of(INTEGRATOR, AUDITOR)),
    /** /api/v1/operator/**, /actuator/** (but health, which is open), and any write to /api/v1/events */
    OPERATIONS(EnumSet.of(OPERATOR)),
    /** reading the start page, the API document, Swagger UI and the explanation of the reports */
    GUIDANCE(EnumSet.allOf(Role.class)),
    /** no endpoint lives here: any signed-in caller gets the plain 404 or 405 */
    UNMAPPED(EnumSet.allOf(Role.class));

    private final Set<Role> allowed;

    RequestKind(Set<Role> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(Role role) {
        return allowed.contains(role);
    }

    /** Whether the path names the municipality, so that another municipality's caller must not learn it exists. */
    public boolean isMunicipal() {
        return this == MUNICIPAL || this == REDEMPTION || this == REVERSAL || this == RESERVATION || this == REPORT_READ || this == ENTITLEMENT_READ
                || this == JOURNAL_READ || this == AUDIT_READ;
    }
}
