package nl.kindpakket.ledger.api.web.entitlement;

import java.time.LocalDate;

/** Body of POST .../entitlements/{childRef}/revocation. */
public record RevocationRequest(String reason, LocalDate effectiveOn) {
}
