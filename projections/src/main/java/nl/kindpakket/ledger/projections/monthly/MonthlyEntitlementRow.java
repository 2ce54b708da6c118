package nl.kindpakket.ledger.projections.monthly;

import java.util.Arrays;

import nl.kindpakket.ledger.projections.support.Vocabulary;
import nl.kindpakket.ledger.projections.table.RowTable;

/**
 * A row of {@code monthly_entitlement}: the month an entitlement's grant counts from, the month its revocation counts
 * from (null while it stands) and, per month of its year, its redemptions dated in that month that are not reversed.
 */
record MonthlyEntitlementRow(String entitlementId, String municipality, int year, int grantMonth, Integer revokeMonth,
                             int[] redemptions) {

    private static final String[] MONTH_COLUMNS = {"redemptions_01", "redemptions_02", "redemptions_03",
            "redemptions_04", "redemptions_05", "redemptions_06", "redemptions_07", "redemptions_08", "redemptions_09",
            "redemptions_10", "redemptions_11", "redemptions_12"};

    static final RowTable<MonthlyEntitlementRow> TABLE = RowTable.<MonthlyEntitlementRow>named("monthly_entitlement")
            .key("entitlement_id")
            .columns("municipality", "budget_year", "grant_month", "revoke_month")
            .columns(MONTH_COLUMNS)
            .groupedBy("entitlement_id")
            .keyedBy(MonthlyEntitlementRow::entitlementId)
            .values(MonthlyEntitlementRow::values)
            .reader(row -> {
                int[] redemptions = new int[12];
                for (int month = 0; month < 12; month++) {
                    redemptions[month] = row.getInt(6 + month);
                }
                return new MonthlyEntitlementRow(row.getString(1), row.getString(2), row.getInt(3), row.getInt(4),
                        row.getObject(5, Integer.class), redemptions);
            });

    MonthlyEntitlementRow {
        if (redemptions.length != 12) {
            throw new IllegalArgumentException("an entitlement's redemptions are counted for twelve months");
        }
        municipality = Vocabulary.of(municipality);
    }

    static MonthlyEntitlementRow granted(String entitlementId, String municipality, int year, int grantMonth) {
        return new MonthlyEntitlementRow(entitlementId, municipality, year, grantMonth, null, new int[12]);
    }

    MonthlyEntitlementRow revokedIn(int month) {
        if (revokeMonth != null) {
            throw new IllegalStateException("Entitlement " + entitlementId + " was already revoked");
        }
        return new MonthlyEntitlementRow(entitlementId, municipality, year, grantMonth, month, redemptions);
    }

    /** The same after a redemption (+1) or a reversal (-1) dated in the month (1-12). */
    MonthlyEntitlementRow used(int month, int delta) {
        int[] after = redemptions.clone();
        after[month - 1] += delta;
        if (after[month - 1] < 0) {
            throw new IllegalStateException("A reversal of entitlement " + entitlementId + " has no redemption in month "
                    + month);
        }
        return new MonthlyEntitlementRow(entitlementId, municipality, year, grantMonth, revokeMonth, after);
    }

    int redemptionsIn(int month) {
        return redemptions[month - 1];
    }

    boolean usedInAMonthOtherThan(int month) {
        for (int other = 1; other <= 12; other++) {
            if (other != month && redemptions[other - 1] > 0) {
                return true;
            }
        }
        return false;
    }

    private Object[] values() {
        Object[] values = new Object[5 + 12];
        values[0] = entitlementId;
        values[1] = municipality;
        values[2] = year;
        values[3] = grantMonth;
        values[4] = revokeMonth;
        for (int month = 0; month < 12; month++) {
            values[5 + month] = redemptions[month];
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MonthlyEntitlementRow row && entitlementId.equals(row.entitlementId)
                && municipality.equals(row.municipality) && year == row.year && grantMonth == row.grantMonth
                && java.util.Objects.equals(revokeMonth, row.revokeMonth) && Arrays.equals(redemptions, row.redemptions);
    }

    @Override
    public int hashCode() {
        return entitlementId.hashCode();
    }

    @Override
    public String toString() {
        return "MonthlyEntitlementRow[" + entitlementId + ", grant " + grantMonth + ", revoke " + revokeMonth
                + ", redemptions " + Arrays.toString(redemptions) + "]";
    }
}
