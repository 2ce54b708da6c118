package nl.kindpakket.ledger.projections.monthly;

import java.time.OffsetDateTime;
import java.util.Arrays;

import nl.kindpakket.ledger.projections.support.RecordedAt;
import nl.kindpakket.ledger.projections.support.Vocabulary;
import nl.kindpakket.ledger.projections.table.RowTable;

/**
 * A row of {@code monthly_entitlement}: the month an entitlement's grant counts from, the month its revocation counts
 * from (null while it stands) and, per month of its year, its redemptions dated in that month that are not reversed.
 *
 * <p>It also keeps when some of the counters' changes were recorded, so that the counters' log need not hold a row
 * for each of them: when the grant was recorded, and, per month and for the year, when the entitlement first became a
 * user of it. A report as of a moment counts these moments beside the log's rows. A later change of the same kind
 * (a user again after a reversal took its last redemption of the month) has a row in the log, as has every change
 * of a row made before these moments were kept (its moments are null: the log holds them all).
 *
 * <p>A row changes in place: a fold from nothing holds one for every entitlement and changes one for most
 * redemptions, and a new row (with new arrays) each time would be copied by the collector while it lives and leave
 * the old one to it afterwards.
 */
final class MonthlyEntitlementRow {

    /** No moment kept: the change was not made, or the counters' log has its row. */
    static final long NONE = Long.MIN_VALUE;
    /** Where {@link #moments} keeps the grant's moment; months 1 to 12 follow it, then the year. */
    private static final int GRANT = 0;
    private static final int YEAR = 13;

    private static final String[] MONTH_COLUMNS = {"redemptions_01", "redemptions_02", "redemptions_03",
            "redemptions_04", "redemptions_05", "redemptions_06", "redemptions_07", "redemptions_08", "redemptions_09",
            "redemptions_10", "redemptions_11", "redemptions_12"};
    static final String[] MOMENT_COLUMNS = {"granted_at", "first_used_01", "first_used_02", "first_used_03",
            "first_used_04", "first_used_05", "first_used_06", "first_used_07", "first_used_08", "first_used_09",
            "first_used_10", "first_used_11", "first_used_12", "first_used_year"};

    static final RowTable<MonthlyEntitlementRow> TABLE = RowTable.<MonthlyEntitlementRow>named("monthly_entitlement")
            .key("entitlement_id")
            .columns("municipality", "budget_year", "grant_month", "revoke_month")
            .columns(MONTH_COLUMNS)
            .columns(MOMENT_COLUMNS)
            .groupedBy("entitlement_id")
            .keyedBy(MonthlyEntitlementRow::entitlementId)
            .values(MonthlyEntitlementRow::values)
            .reader(row -> {
                int[] redemptions = new int[12];
                for (int month = 0; month < 12; month++) {
                    redemptions[month] = row.getInt(6 + month);
                }
                long[] moments = new long[MOMENT_COLUMNS.length];
                for (int moment = 0; moment < moments.length; moment++) {
                    OffsetDateTime at = row.getObject(18 + moment, OffsetDateTime.class);
                    moments[moment] = at == null ? NONE : RecordedAt.micros(at);
                }
                return new MonthlyEntitlementRow(row.getString(1), row.getString(2), row.getInt(3), row.getInt(4),
                        row.getObject(5, Integer.class), redemptions, moments);
            });

    private final String entitlementId;
    private final String municipality;
    private final int year;
    private final int grantMonth;
    private Integer revokeMonth;
    private final int[] redemptions;
    private final long[] moments;

    MonthlyEntitlementRow(String entitlementId, String municipality, int year, int grantMonth, Integer revokeMonth,
                          int[] redemptions, long[] moments) {
        if (redemptions.length != 12) {
            throw new IllegalArgumentException("an entitlement's redemptions are counted for twelve months");
        }
        if (moments.length != MOMENT_COLUMNS.length) {
            throw new IllegalArgumentException("an entitlement keeps " + MOMENT_COLUMNS.length + " moments");
        }
        this.entitlementId = entitlementId;
        this.municipality = Vocabulary.of(municipality);
        this.year = year;
        this.grantMonth = grantMonth;
        this.revokeMonth = revokeMonth;
        this.redemptions = redemptions;
        this.moments = moments;
    }

    String entitlementId() {
        return entitlementId;
    }

    int grantMonth() {
        return grantMonth;
    }

    /** A grant recorded at {@code grantedAt} (microseconds, as {@link RecordedAt#micros} gives them). */
    static MonthlyEntitlementRow granted(String entitlementId, String municipality, int year, int grantMonth,
                                         long grantedAt) {
        long[] moments = new long[MOMENT_COLUMNS.length];
        Arrays.fill(moments, NONE);
        moments[GRANT] = grantedAt;
        return new MonthlyEntitlementRow(entitlementId, municipality, year, grantMonth, null, new int[12], moments);
    }

    /** The entitlement is revoked, counting from the month (0 before its year, 13 after it). */
    void revokeIn(int month) {
        if (revokeMonth != null) {
            throw new IllegalStateException("Entitlement " + entitlementId + " was already revoked");
        }
        revokeMonth = month;
    }

    /** A redemption (+1) or a reversal (-1) dated in the month (1-12). */
    void use(int month, int delta) {
        if (redemptions[month - 1] + delta < 0) {
            throw new IllegalStateException("A reversal of entitlement " + entitlementId + " has no redemption in month "
                    + month);
        }
        redemptions[month - 1] += delta;
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

    /** Whether the row keeps the moment the entitlement first became a user of the month (1-12). */
    boolean keepsFirstUseOf(int month) {
        return moments[month] != NONE;
    }

    /** Whether the row keeps the moment the entitlement first became a user of its year. */
    boolean keepsFirstUseOfTheYear() {
        return moments[YEAR] != NONE;
    }

    /** Keeps {@code at} as the moment it first became a user of the month (1-12). */
    void firstUsedIn(int month, long at) {
        keepMoment(month, at);
    }

    /** Keeps {@code at} as the moment it first became a user of its year. */
    void firstUsedInTheYear(long at) {
        keepMoment(YEAR, at);
    }

    private void keepMoment(int index, long at) {
        if (moments[index] != NONE) {
            throw new IllegalStateException("Entitlement " + entitlementId + " keeps " + MOMENT_COLUMNS[index]
                    + " already");
        }
        moments[index] = at;
    }

    private Object[] values() {
        Object[] values = new Object[5 + 12 + MOMENT_COLUMNS.length];
        values[0] = entitlementId;
        values[1] = municipality;
        values[2] = year;
        values[3] = grantMonth;
        values[4] = revokeMonth;
        for (int month = 0; month < 12; month++) {
            values[5 + month] = redemptions[month];
        }
        for (int moment = 0; moment < moments.length; moment++) {
            values[17 + moment] = moments[moment] == NONE ? null : RecordedAt.ofMicros(moments[moment]);
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MonthlyEntitlementRow row && entitlementId.equals(row.entitlementId)
                && municipality.equals(row.municipality) && year == row.year && grantMonth == row.grantMonth
                && java.util.Objects.equals(revokeMonth, row.revokeMonth) && Arrays.equals(redemptions, row.redemptions)
                && Arrays.equals(moments, row.moments);
    }

    @Override
    public int hashCode() {
        return entitlementId.hashCode();
    }

    @Override
    public String toString() {
        return "MonthlyEntitlementRow[" + entitlementId + ", grant " + grantMonth + ", revoke " + revokeMonth
                + ", redemptions " + Arrays.toString(redemptions) + ", moments " + Arrays.toString(moments) + "]";
    }
}
