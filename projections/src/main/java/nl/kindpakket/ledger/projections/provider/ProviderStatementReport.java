package nl.kindpakket.ledger.projections.provider;

import java.util.List;

/**
 * What a municipality owes its providers for a month or a year, amounts in cents. Months are Europe/Amsterdam:
 * a redemption counts in the month it occurred, a reversal in the month it was made.
 *
 * @param month null for a whole year, which has one statement per provider and month
 */
public record ProviderStatementReport(
        String municipality,
        int year,
        Integer month,
        List<Statement> statements,
        Total total
) {

    public ProviderStatementReport {
        statements = List.copyOf(statements);
    }

    /**
     * @param providerName null until the provider's registration has been processed
     * @param month        {@code yyyy-MM}
     * @param netCents     redeemed minus reversed: what to pay (negative: what the provider owes back)
     */
    public record Statement(String providerId, String providerName, String month, long redemptionCount,
                            long redemptionCents, long reversalCount, long reversalCents, long netCents) {
    }

    public record Total(long redemptionCount, long redemptionCents, long reversalCount, long reversalCents,
                        long netCents) {
    }
}
