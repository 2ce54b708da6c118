package nl.kindpakket.ledger.api.web.budget;

import nl.kindpakket.ledger.core.api.commands.AllocateBudget;

/** What an allocation answers, the first time and on every repeat. */
public record AllocationAnswer(
        String municipality,
        int year,
        String allocationId,
        String code,
        String name,
        long amountCents,
        String source
) {

    static AllocationAnswer of(AllocateBudget command) {
        return new AllocationAnswer(command.municipality().slug(), command.year(), command.allocationId(),
                command.spendingLine().value(), command.name(), command.amount().cents(), command.source());
    }
}
