package nl.kindpakket.ledger.api.web.budget;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.commands.RecordOverheadCost;

/** What a recorded overhead cost answers, the first time and on every repeat. */
public record OverheadCostAnswer(
        String municipality,
        int year,
        String costId,
        String organisation,
        String task,
        long amountCents,
        BigDecimal fte,
        LocalDate incurredOn
) {

    static OverheadCostAnswer of(RecordOverheadCost command) {
        return new OverheadCostAnswer(command.municipality().slug(), command.year(), command.costId(),
                command.organisation(), command.task(), command.amount().cents(), command.fte(), command.incurredOn());
    }
}
