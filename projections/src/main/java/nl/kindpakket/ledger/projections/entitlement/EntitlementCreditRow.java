package nl.kindpakket.ledger.projections.entitlement;

import java.util.List;

import nl.kindpakket.ledger.projections.support.Vocabulary;
import nl.kindpakket.ledger.projections.table.RowTable;

/**
 * A row of {@code entitlement_credit}: an entitlement's open credit on one spending line, without what is held on
 * it. Every event that moves credit carries the line's balance after it, so a row is written without being read.
 */
record EntitlementCreditRow(String entitlementId, String spendingLine, long creditCents) {

    static final RowTable<EntitlementCreditRow> TABLE = RowTable.<EntitlementCreditRow>named("entitlement_credit")
            .key("entitlement_id", "spending_line")
            .columns("credit_cents")
            .groupedBy("entitlement_id")
            .keyedBy(row -> List.of(row.entitlementId(), row.spendingLine()))
            .values(row -> new Object[] {row.entitlementId, row.spendingLine, row.creditCents})
            .reader(row -> new EntitlementCreditRow(row.getString(1), row.getString(2), row.getLong(3)));

    EntitlementCreditRow {
        spendingLine = Vocabulary.of(spendingLine);
    }

    EntitlementCreditRow withCredit(long cents) {
        return new EntitlementCreditRow(entitlementId, spendingLine, cents);
    }
}
