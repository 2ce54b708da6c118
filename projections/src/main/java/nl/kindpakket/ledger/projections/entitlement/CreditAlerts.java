package nl.kindpakket.ledger.projections.entitlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff act on before a child or a provider runs into it: active entitlements whose credit on a line has
 * fallen under a share of what the line was granted, and open holds that expire soon.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class CreditAlerts {

    private static final String LOW = "FROM entitlement_credit c "
            + "JOIN entitlement_view v ON v.entitlement_id = c.entitlement_id "
            + "WHERE v.status = 'ACTIVE' AND c.granted_cents > 0 AND c.credit_cents * 10000 < ? * c.granted_cents";
    private static final String EXPIRING = "h.state = 'OPEN' AND h.expires_at < ?";

    private final JdbcTemplate jdbc;

    public CreditAlerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A line of an active entitlement with less credit left than the share asked for. */
    public record LowCredit(int year, String childRef, String passNumber, String spendingLine, long creditCents,
                            long grantedCents) {
    }

    /** An open hold that expires before the moment asked for. */
    public record ExpiringHold(int year, String childRef, String passNumber, EntitlementView.Hold hold) {
    }

    /**
     * The municipality's active entitlement lines whose credit (without what is held) is below share times their
     * grant, for one year or all, by year, child and line; at most limit of them.
     *
     * @param share a fraction from 0 to 1, at most four decimals
     */
    public List<LowCredit> lowCredit(String municipality, Integer year, BigDecimal share, int limit) {
        String yearFilter = year == null ? "" : " AND v.budget_year = " + year.intValue();
        return jdbc.query("SELECT v.budget_year, v.child_ref, v.pass_number, c.spending_line, c.credit_cents, "
                        + "c.granted_cents " + LOW + " AND v.municipality = ?" + yearFilter
                        + " ORDER BY v.budget_year, v.child_ref, c.spending_line LIMIT " + limit,
                (row, n) -> new LowCredit(row.getInt("budget_year"), row.getString("child_ref"),
                        row.getString("pass_number"), row.getString("spending_line"), row.getLong("credit_cents"),
                        row.getLong("granted_cents")),
                basisPoints(share), municipality);
    }

    /** The municipality's open holds expiring before the moment, soonest first; at most limit of them. */
    public List<ExpiringHold> expiringBefore(String municipality, Instant moment, int limit) {
        return jdbc.query("SELECT v.budget_year, v.child_ref, v.pass_number, " + Holds.qualified("h")
                        + " FROM entitlement_hold h JOIN entitlement_view v ON v.entitlement_id = h.entitlement_id"
                        + " WHERE " + EXPIRING + " AND h.municipality = ? ORDER BY h.expires_at, h.reservation_id"
                        + " LIMIT " + limit,
                (row, n) -> new ExpiringHold(row.getInt("budget_year"), row.getString("child_ref"),
                        row.getString("pass_number"), Holds.read(row, n)),
                utc(moment), municipality);
    }

    /** Per municipality, how many active entitlement lines have credit below the share of their grant. */
    public Map<String, Long> lowCreditCounts(BigDecimal share) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT v.municipality, COUNT(*) AS lines " + LOW + " GROUP BY v.municipality",
                row -> {
                    counts.put(row.getString("municipality"), row.getLong("lines"));
                }, basisPoints(share));
        return counts;
    }

    /** Per municipality, how many open holds expire before the moment. */
    public Map<String, Long> expiringCounts(Instant moment) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT h.municipality, COUNT(*) AS holds FROM entitlement_hold h WHERE " + EXPIRING
                        + " GROUP BY h.municipality",
                row -> {
                    counts.put(row.getString("municipality"), row.getLong("holds"));
                }, utc(moment));
        return counts;
    }

    private static long basisPoints(BigDecimal share) {
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0 || share.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("a share is a fraction from 0 to 1 with at most four decimals: " + share);
        }
        return share.movePointRight(4).longValueExact();
    }

    private static OffsetDateTime utc(Instant moment) {
        return OffsetDateTime.ofInstant(moment, ZoneOffset.UTC);
    }
}
