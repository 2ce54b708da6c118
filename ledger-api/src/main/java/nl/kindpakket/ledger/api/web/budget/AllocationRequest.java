package nl.kindpakket.ledger.api.web.budget;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import nl.kindpakket.ledger.api.web.WholeCents;

/** Body of POST .../years/{y}/spending-lines; allocatedOn (optional) is the date of the budget decision, today when left out. */
public record AllocationRequest(
        String code,
        String name,
        @JsonDeserialize(using = WholeCents.class) Long amountCents,
        String allocationId,
        String source,
        LocalDate allocatedOn
) {
}
