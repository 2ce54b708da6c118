package nl.kindpakket.ledger.api.web.budget;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import nl.kindpakket.ledger.api.web.WholeCents;

/** Body of POST .../years/{y}/expenditures. */
public record ExpenditureRequest(
        String expenditureId,
        String organisation,
        String spendingLine,
        @JsonDeserialize(using = WholeCents.class) Long amountCents,
        LocalDate spentOn,
        String description
) {
}
