package nl.kindpakket.ledger.projections.entitlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import nl.kindpakket.ledger.projections.support.SpendingLineOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads one child's entitlement by the key the municipality knows it by: its figures from the view's tables, its
 * history from its own events, through the last one those figures took in.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class EntitlementViewQueries {

    private final JdbcTemplate jdbc;
    private final EntitlementEvents events;

    public EntitlementViewQueries(JdbcTemplate jdbc, EntitlementEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Empty when the municipality granted this child nothing for that year. */
    public Optional<EntitlementView> find(String municipality, int year, String childRef) {
        List<Head> heads = jdbc.query("SELECT entitlement_id, pass_number, status, granted_on, events_seen "
                        + "FROM entitlement_view WHERE municipality = ? AND budget_year = ? AND child_ref = ?",
                (row, n) -> new Head(row.getString("entitlement_id"), row.getString("pass_number"),
                        EntitlementStatus.valueOf(row.getString("status")),
                        row.getObject("granted_on", LocalDate.class), row.getInt("events_seen")),
                municipality, year, childRef);
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        Head head = heads.get(0);
        Map<String, Long> credits = new TreeMap<>(SpendingLineOrder.CODES);
        int seen = Math.max(head.eventsSeen(), credits(head.entitlementId(), credits));
        List<EntitlementView.Hold> holds = holds(head.entitlementId());
        Map<String, Long> held = new TreeMap<>(SpendingLineOrder.CODES);
        holds.stream().filter(hold -> hold.state() == HoldState.OPEN)
                .forEach(hold -> held.merge(hold.spendingLine(), hold.amountCents(), Long::sum));
        return Optional.of(new EntitlementView(head.entitlementId(), municipality, year, childRef, head.passNumber(),
                head.status(), head.grantedOn(), credits, sum(credits),
                EntitlementHistory.of(events.through(head.entitlementId(), seen - 1)), held, sum(held), holds));
    }

    private static long sum(Map<String, Long> cents) {
        return cents.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Puts the entitlement's credit per line; returns how many of its events the credit rows had taken in. */
    private int credits(String entitlementId, Map<String, Long> credits) {
        int[] seen = {0};
        jdbc.query("SELECT spending_line, credit_cents, events_seen FROM entitlement_credit WHERE entitlement_id = ?",
                row -> {
                    credits.put(row.getString("spending_line"), row.getLong("credit_cents"));
                    seen[0] = Math.max(seen[0], row.getInt("events_seen"));
                }, entitlementId);
        return seen[0];
    }

    private List<EntitlementView.Hold> holds(String entitlementId) {
        return jdbc.query("SELECT " + Holds.COLUMNS + " FROM entitlement_hold WHERE entitlement_id = ? "
                + "ORDER BY reserved_at, reservation_id", Holds::read, entitlementId);
    }

    private record Head(String entitlementId, String passNumber, EntitlementStatus status, LocalDate grantedOn,
                        int eventsSeen) {
    }
}
