package nl.kindpakket.ledger.api.web.entitlement;

import java.time.LocalDate;
import java.util.Map;


/** Body of POST .../years/{y}/entitlements: credits map spending line codes to cents. */
public record GrantRequest(
        String childRef,
        String passNumber,
        Map<String, Long> credits,
        LocalDate grantedOn
) {
}
