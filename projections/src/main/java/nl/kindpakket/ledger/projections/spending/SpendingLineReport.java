package nl.kindpakket.ledger.projections.spending;

import java.time.LocalDate;
import java.util.List;

/**
 * Spending per line (bestedingslijn) of a municipality's year, amounts in cents, lines in code order; with the
 * organisations that spent or refunded directly and each underspend refund.
 */
public record SpendingLineReport(
        String municipality,
        int year,
        List<Line> lines,
        Total total,
        List<OrganisationLine> byOrganisation,
        List<Refund> refunds
) {

    public SpendingLineReport {
        lines = List.copyOf(lines);
        byOrganisation = List.copyOf(byOrganisation);
        refunds = List.copyOf(refunds);
    }

    /**
     * @param name           null until the line's opening has been processed
     * @param committedCents credit still open on the year's active entitlements
     * @param spentCents     redemptions minus their reversals, plus expenditures recorded by organisations
     * @param remainingCents available minus spent minus refunded; below zero when passes spent more than was left
     * @param overcommittedCents how far the credit still committed exceeds what remains (spent plus committed plus
     *                           refunded above available), else 0: children may redeem it, the line cannot pay it
     * @param reservedCents  the part of committed that providers hold for bookings they have not settled
     */
    public record Line(String code, String name, long availableCents, long committedCents, long spentCents,
                       long remainingCents, long refundedCents, long overcommittedCents, long reservedCents) {

        /** A line with its over-commitment worked out from the other figures. */
        public Line(String code, String name, long availableCents, long committedCents, long spentCents,
                    long remainingCents, long refundedCents, long reservedCents) {
            this(code, name, availableCents, committedCents, spentCents, remainingCents, refundedCents,
                    Math.max(0, committedCents - remainingCents), reservedCents);
        }
    }

    /** The lines added up; overcommittedCents is the sum of the lines' over-commitments. */
    public record Total(long availableCents, long committedCents, long spentCents, long remainingCents,
                        long refundedCents, long overcommittedCents, long reservedCents) {
    }

    /** What one organisation spent directly on a line, and what it repaid of it. */
    public record OrganisationLine(String organisation, String spendingLine, long expenditureCents,
                                   long refundedCents) {
    }

    /** Unspent budget repaid, and the budget it went back to. */
    public record Refund(String refundId, String organisation, String spendingLine, long amountCents,
                         LocalDate refundedOn, String returnedTo) {
    }
}
