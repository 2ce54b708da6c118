package nl.kindpakket.ledger.api.web.entitlement;

import java.time.LocalDate;

/** Body of POST .../entitlements/{childRef}/pass-replacement. */
public record PassReplacementRequest(String newPassNumber, LocalDate replacedOn) {
}
