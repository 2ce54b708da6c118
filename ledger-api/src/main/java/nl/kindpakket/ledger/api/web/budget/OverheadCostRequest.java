package nl.kindpakket.ledger.api.web.budget;

import java.math.BigDecimal;
import java.time.LocalDate;


/** Body of POST .../years/{y}/overhead-costs; fte is a JSON number such as 0.5. */
public record OverheadCostRequest(
        String costId,
        String organisation,
        String task,
        Long amountCents,
        BigDecimal fte,
        LocalDate incurredOn
) {
}
