package nl.kindpakket.ledger.projections.spending;

import java.time.LocalDate;
import java.util.List;

/**
 * A page of a spending line's journal: the postings behind its figures in position order, each with the line's
 * figures after it, and {@code next}, the cursor for the following page (null on the last page).
 *
 * @param name the line's name, as its opening named it
 */
public record SpendingLineJournal(String municipality, int year, String spendingLine, String name,
                                  List<Posting> postings, Long next) {

    public SpendingLineJournal {
        postings = List.copyOf(postings);
    }

    /**
     * One posting: an event that moved the line's figures. The four figures are the line's after it (all of its
     * postings up to this position that were recorded by the page's asOf, whatever the page's filters leave out).
     *
     * @param kind        allocation, redemption, reversal, expenditure or refund ({@link PostingKind})
     * @param amountCents signed as it moves its figure: a reversal is negative, every other kind positive
     * @param position    the event's global position, by which the event stream finds it
     */
    public record Posting(long position, LocalDate businessDate, String kind, long amountCents, String entitlementId,
                          String providerId, String organisation, long availableCents, long spentCents,
                          long refundedCents, long remainingCents) {
    }
}
