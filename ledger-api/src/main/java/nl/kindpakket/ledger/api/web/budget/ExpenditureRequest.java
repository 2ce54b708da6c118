package nl.kindpakket.ledger.api.web.budget;

import java.time.LocalDate;


/** Body of POST .../years/{y}/expenditures. */
public record ExpenditureRequest(
        String expenditureId,
        String organisation,
        String spendingLine,
        Long amountCents,
        LocalDate spentOn,
        String description
) {
}
