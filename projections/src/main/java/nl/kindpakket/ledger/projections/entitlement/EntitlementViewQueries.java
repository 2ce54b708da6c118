package nl.kindpakket.ledger.projections.entitlement;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import nl.kindpakket.ledger.projections.support.SpendingLineOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads one child's entitlement by the key the municipality knows it by. */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class EntitlementViewQueries {

    private final JdbcTemplate jdbc;

    public EntitlementViewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the municipality granted this child nothing for that year. */
    public Optional<EntitlementView> find(String municipality, int year, String childRef) {
        List<Head> heads = jdbc.query("SELECT entitlement_id, pass_number, status, granted_on "
                        + "FROM entitlement_view WHERE municipality = ? AND budget_year = ? AND child_ref = ?",
                (row, n) -> new Head(row.getString("entitlement_id"), row.getString("pass_number"),
                        EntitlementStatus.valueOf(row.getString("status")),
                        row.getObject("granted_on", LocalDate.class)),
                municipality, year, childRef);
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        Head head = heads.get(0);
        Map<String, Long> credits = credits(head.entitlementId());
        List<EntitlementView.Hold> holds = holds(head.entitlementId());
        Map<String, Long> held = new TreeMap<>(SpendingLineOrder.CODES);
        holds.stream().filter(hold -> hold.state() == HoldState.OPEN)
                .forEach(hold -> held.merge(hold.spendingLine(), hold.amountCents(), Long::sum));
        return Optional.of(new EntitlementView(head.entitlementId(), municipality, year, childRef, head.passNumber(),
                head.status(), head.grantedOn(), credits, sum(credits), history(head.entitlementId()), held, sum(held),
                holds));
    }

    private static long sum(Map<String, Long> cents) {
        return cents.values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> credits(String entitlementId) {
        Map<String, Long> credits = new TreeMap<>(SpendingLineOrder.CODES);
        jdbc.query("SELECT spending_line, credit_cents FROM entitlement_credit WHERE entitlement_id = ?",
                row -> {
                    credits.put(row.getString("spending_line"), row.getLong("credit_cents"));
                }, entitlementId);
        return new LinkedHashMap<>(credits);
    }

    private List<EntitlementView.HistoryEntry> history(String entitlementId) {
        return jdbc.query("SELECT sequence_no, event_type, business_date, spending_line, amount_cents, "
                        + "balance_after_cents, redemption_id, provider_id, note, reservation_id FROM entitlement_history "
                        + "WHERE entitlement_id = ? ORDER BY sequence_no",
                (row, n) -> new EntitlementView.HistoryEntry(row.getInt("sequence_no"), row.getString("event_type"),
                        row.getObject("business_date", LocalDate.class), row.getString("spending_line"),
                        row.getObject("amount_cents", Long.class), row.getObject("balance_after_cents", Long.class),
                        row.getString("redemption_id"), row.getString("provider_id"), row.getString("note"),
                        row.getString("reservation_id")),
                entitlementId);
    }

    private List<EntitlementView.Hold> holds(String entitlementId) {
        return jdbc.query("SELECT " + Holds.COLUMNS + " FROM entitlement_hold WHERE entitlement_id = ? "
                + "ORDER BY reserved_at, reservation_id", Holds::read, entitlementId);
    }

    private record Head(String entitlementId, String passNumber, EntitlementStatus status, LocalDate grantedOn) {
    }
}
