package nl.kindpakket.ledger.api.web.entitlement;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import nl.kindpakket.ledger.api.web.WholeCents;

/** Body of POST .../years/{y}/entitlements: credits map spending line codes to cents. */
public record GrantRequest(
        String childRef,
        String passNumber,
        @JsonDeserialize(contentUsing = WholeCents.class) Map<String, Long> credits,
        LocalDate grantedOn
) {
}
