package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** An entitlement's pass was replaced; the old number no longer redeems. It stays one entitlement. */
@Revision("1")
public record PassReplaced(
        String entitlementId,
        String municipality,
        int year,
        String childRef,
        String oldPassNumber,
        String newPassNumber,
        LocalDate replacedOn
) implements EntitlementEvent {
}
