package nl.kindpakket.ledger.projections.entitlement;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads one reservation by the id its provider gave it. */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class ReservationQueries {

    private final JdbcTemplate jdbc;

    public ReservationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the municipality has no reservation by this id, or none the read models have seen yet. */
    public Optional<ReservationView> find(String municipality, String reservationId) {
        List<ReservationView> found = jdbc.query("SELECT v.budget_year, v.child_ref, v.pass_number, "
                        + qualified("h") + " FROM entitlement_hold h "
                        + "JOIN entitlement_view v ON v.entitlement_id = h.entitlement_id "
                        + "WHERE h.municipality = ? AND h.reservation_id = ?",
                (row, n) -> new ReservationView(municipality, row.getInt("budget_year"), row.getString("child_ref"),
                        row.getString("pass_number"), Holds.read(row, n)),
                municipality, reservationId);
        return found.stream().findFirst();
    }

    static String qualified(String alias) {
        return alias + "." + Holds.COLUMNS.replace(", ", ", " + alias + ".");
    }
}
