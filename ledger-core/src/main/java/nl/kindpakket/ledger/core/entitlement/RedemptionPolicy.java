package nl.kindpakket.ledger.core.entitlement;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.refusals.ProviderAlreadySuspended;
import nl.kindpakket.ledger.core.api.refusals.ProviderNotAcceptingLine;
import nl.kindpakket.ledger.core.api.refusals.ProviderNotRegistered;
import nl.kindpakket.ledger.core.api.refusals.ReversalBeforeRedemption;
import nl.kindpakket.ledger.core.lookup.BudgetYearLookup;
import nl.kindpakket.ledger.core.lookup.ProviderDirectory;

/** What a redemption and a reversal must meet beyond the entitlement's own state and credit. */
final class RedemptionPolicy {

    private RedemptionPolicy() {
    }

    static void check(RedeemAtProvider command, String currentPass, LocalDate grantedOn, BudgetYearLookup budgetYears,
                      ProviderDirectory providers) {
        EntitlementId id = command.entitlement();
        String municipality = id.municipality().slug();
        GrantPolicy.requireYearOpen(budgetYears, municipality, id.year());
        PassPolicy.requireCurrent(command.passNumber().value(), currentPass);
        BusinessDates.requireInYear("occurredAt", Years.dateOf(command.occurredAt()), id.year());
        // a redemption before the grant would count a user in a month without the child's pass
        BusinessDates.requireNotBeforeGrant("occurredAt", Years.dateOf(command.occurredAt()), grantedOn);
        BusinessDates.requireNotAhead("occurredAt", command.occurredAt(), command.recordedAt());
        requireAccepting(providers, municipality, command.providerId().value(), command.spendingLine().value());
    }

    static void requireAccepting(ProviderDirectory providers, String municipality, String providerId,
                                 String spendingLine) {
        switch (providers.standing(municipality, providerId, spendingLine)) {
            case UNKNOWN -> throw new ProviderNotRegistered(providerId);
            case SUSPENDED -> throw new ProviderAlreadySuspended(providerId);
            case NOT_ACCEPTING_LINE -> throw new ProviderNotAcceptingLine(providerId, spendingLine);
            case ACCEPTING -> {
            }
        }
    }

    static void checkReversal(ReverseRedemption command, Redemption redemption) {
        if (command.reversedAt().isBefore(redemption.occurredAt())) {
            throw new ReversalBeforeRedemption(redemption.redemptionId(), redemption.occurredAt());
        }
        BusinessDates.requireNotAhead("reversedAt", command.reversedAt(), command.recordedAt());
    }
}
