package nl.kindpakket.ledger.projections.entitlement;

import nl.kindpakket.ledger.projections.support.Vocabulary;
import nl.kindpakket.ledger.projections.table.Key;
import nl.kindpakket.ledger.projections.table.RowTable;

/**
 * A row of {@code entitlement_credit}: an entitlement's open credit on one spending line, without what is held on
 * it, and what the line was granted. Every event that moves credit carries the line's balance after it, so a row is
 * written without being read; what was granted is written with the grant and left as stored after that, so that a
 * low-credit share is reckoned from one row.
 *
 * <p>The credit changes in place: a fold from nothing holds a row for every line of every entitlement and changes one
 * for most events, and a new row each time would be copied by the collector while it lives and leave the old one
 * to it afterwards.
 */
final class EntitlementCreditRow {

    static final RowTable<EntitlementCreditRow> TABLE = RowTable.<EntitlementCreditRow>named("entitlement_credit")
            .key("entitlement_id", "spending_line")
            .columns("credit_cents", "granted_cents", "events_seen")
            .writtenOnce("granted_cents")
            .groupedBy("entitlement_id")
            .keyedBy(row -> Key.of(row.entitlementId(), row.spendingLine()))
            .values(row -> new Object[] {row.entitlementId, row.spendingLine, row.creditCents, row.grantedCents,
                    row.eventsSeen})
            .reader(row -> new EntitlementCreditRow(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4),
                    row.getInt(5)));

    private final String entitlementId;
    private final String spendingLine;
    /** What the grant gave the line; unknown (0) in a row written without being read, where the stored value stays. */
    private final long grantedCents;
    private long creditCents;
    /** How many of the entitlement's events the view had taken in when it last wrote this row. */
    private int eventsSeen;

    EntitlementCreditRow(String entitlementId, String spendingLine, long creditCents, long grantedCents,
                         int eventsSeen) {
        this.entitlementId = entitlementId;
        this.spendingLine = Vocabulary.of(spendingLine);
        this.creditCents = creditCents;
        this.grantedCents = grantedCents;
        this.eventsSeen = eventsSeen;
    }

    String entitlementId() {
        return entitlementId;
    }

    String spendingLine() {
        return spendingLine;
    }

    long creditCents() {
        return creditCents;
    }

    long grantedCents() {
        return grantedCents;
    }

    int eventsSeen() {
        return eventsSeen;
    }

    /** The line's open credit is now {@code cents}, as the entitlement's {@code seen}th event left it. */
    void creditBecomes(long cents, int seen) {
        this.creditCents = cents;
        this.eventsSeen = seen;
    }

    @Override
    public String toString() {
        return "EntitlementCreditRow[" + entitlementId + ", " + spendingLine + ", credit " + creditCents + ", granted "
                + grantedCents + ", seen " + eventsSeen + "]";
    }
}
