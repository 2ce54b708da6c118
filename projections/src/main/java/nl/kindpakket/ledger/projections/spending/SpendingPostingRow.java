package nl.kindpakket.ledger.projections.spending;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import nl.kindpakket.ledger.core.api.events.BudgetAllocated;
import nl.kindpakket.ledger.core.api.events.ExpenditureRecorded;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import nl.kindpakket.ledger.core.api.events.UnderspendRefunded;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.support.RecordedAt;
import nl.kindpakket.ledger.projections.table.AppendTable;

/**
 * A row of {@code spending_posting}: one event that moves a line's figures, under the event's global position, with
 * its signed amount and the moment it was recorded. No running totals: segments append a line's postings in no global
 * order, so a row cannot know the figures after it; the journal sums them when it is read.
 *
 * <p>A posting also carries what its event moved in the line's committed credit ({@code committedCents}: a redemption
 * on an active entitlement takes its amount off, its reversal puts it back), which the journal does not show: with
 * it, a report as of a moment reads every change of a line that a posting tells from the postings, and the line
 * counters' log keeps only the changes no posting tells (grants, releases, holds).
 */
record SpendingPostingRow(String municipality, int year, String code, long position, PostingKind kind,
                          LocalDate businessDate, long amountCents, String entitlementId, String providerId,
                          String organisation, OffsetDateTime recordedAt, long committedCents) {

    static final AppendTable<SpendingPostingRow> TABLE = AppendTable.<SpendingPostingRow>named("spending_posting")
            .key("municipality", "budget_year", "code", "position")
            .columns("kind", "business_date", "amount_cents", "entitlement_id", "provider_id", "organisation",
                    "recorded_at", "committed_cents")
            .values(row -> new Object[] {row.municipality, row.year, row.code, row.position, row.kind.code(),
                    row.businessDate, row.amountCents, row.entitlementId, row.providerId, row.organisation,
                    row.recordedAt, row.committedCents});

    static SpendingPostingRow of(BudgetAllocated event, EventRecord record) {
        return new SpendingPostingRow(event.municipality(), event.year(), event.spendingLine(), record.position(),
                PostingKind.ALLOCATION, event.allocatedOn(), event.amountCents(), null, null, null, recordedAt(record),
                0);
    }

    static SpendingPostingRow of(RedeemedAtProvider event, EventRecord record, long committedCents) {
        return new SpendingPostingRow(event.municipality(), event.year(), event.spendingLine(), record.position(),
                PostingKind.REDEMPTION, event.occurredOn(), event.amountCents(), event.entitlementId(),
                event.providerId(), null, recordedAt(record), committedCents);
    }

    static SpendingPostingRow of(RedemptionReversed event, EventRecord record, long committedCents) {
        return new SpendingPostingRow(event.municipality(), event.year(), event.spendingLine(), record.position(),
                PostingKind.REVERSAL, event.reversedOn(), -event.amountCents(), event.entitlementId(),
                event.providerId(), null, recordedAt(record), committedCents);
    }

    static SpendingPostingRow of(ExpenditureRecorded event, EventRecord record) {
        return new SpendingPostingRow(event.municipality(), event.year(), event.spendingLine(), record.position(),
                PostingKind.EXPENDITURE, event.spentOn(), event.amountCents(), null, null, event.organisation(),
                recordedAt(record), 0);
    }

    static SpendingPostingRow of(UnderspendRefunded event, EventRecord record) {
        return new SpendingPostingRow(event.municipality(), event.year(), event.spendingLine(), record.position(),
                PostingKind.REFUND, event.refundedOn(), event.amountCents(), null, null, event.organisation(),
                recordedAt(record), 0);
    }

    private static OffsetDateTime recordedAt(EventRecord record) {
        return RecordedAt.of(record.recordedAt());
    }
}
