package nl.kindpakket.ledger.api.web.budget;

import java.time.LocalDate;


/** Body of POST .../years/{y}/spending-lines; allocatedOn (optional) is the date of the budget decision, today when left out. */
public record AllocationRequest(
        String code,
        String name,
        Long amountCents,
        String allocationId,
        String source,
        LocalDate allocatedOn
) {
}
