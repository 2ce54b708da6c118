package nl.kindpakket.ledger.api.web.budget;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import nl.kindpakket.ledger.api.web.WholeCents;

/** Body of POST .../years/{y}/spending-lines. */
public record AllocationRequest(
        String code,
        String name,
        @JsonDeserialize(using = WholeCents.class) Long amountCents,
        String allocationId,
        String source
) {
}
