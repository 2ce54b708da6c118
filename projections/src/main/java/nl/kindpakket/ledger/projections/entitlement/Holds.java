package nl.kindpakket.ledger.projections.entitlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads a hold of {@code entitlement_hold} as the views show it. */
final class Holds {

    static final String COLUMNS = "reservation_id, provider_id, spending_line, amount_cents, state, reserved_at, "
            + "expires_at, captured_cents, redemption_id, settled_at, released_by, reason";

    private Holds() {
    }

    /** The columns, each prefixed with the table's alias in a query. */
    static String qualified(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    static EntitlementView.Hold read(ResultSet row, int n) throws SQLException {
        return new EntitlementView.Hold(row.getString("reservation_id"), row.getString("provider_id"),
                row.getString("spending_line"), row.getLong("amount_cents"), HoldState.valueOf(row.getString("state")),
                moment(row, "reserved_at"), moment(row, "expires_at"), row.getObject("captured_cents", Long.class),
                row.getString("redemption_id"), moment(row, "settled_at"), row.getString("released_by"),
                row.getString("reason"));
    }

    private static Instant moment(ResultSet row, String column) throws SQLException {
        OffsetDateTime moment = row.getObject(column, OffsetDateTime.class);
        return moment == null ? null : moment.toInstant();
    }
}
