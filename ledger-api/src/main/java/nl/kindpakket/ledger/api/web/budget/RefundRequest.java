package nl.kindpakket.ledger.api.web.budget;

import java.time.LocalDate;


/** Body of POST .../years/{y}/refunds. */
public record RefundRequest(
        String refundId,
        String organisation,
        String spendingLine,
        Long amountCents,
        LocalDate refundedOn,
        String returnedTo
) {
}
