package nl.kindpakket.ledger.api.web.budget;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import nl.kindpakket.ledger.api.web.WholeCents;

/** Body of POST .../years/{y}/refunds. */
public record RefundRequest(
        String refundId,
        String organisation,
        String spendingLine,
        @JsonDeserialize(using = WholeCents.class) Long amountCents,
        LocalDate refundedOn,
        String returnedTo
) {
}
