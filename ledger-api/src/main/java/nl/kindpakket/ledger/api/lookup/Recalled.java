package nl.kindpakket.ledger.api.lookup;

import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lookups a redemption was prepared with from memory ({@link RememberedLookups}) instead of from the tables: the
 * pass's holder, no redemption under its identifier, the holder's year open, the provider accepting the line. They
 * are what the tables answered the last time; before the redemption's writes, in the same statement and transaction,
 * the tables are asked whether they still answer so ({@link #guard()}), and a refusal is only answered after the same
 * question ({@link #stillSo}).
 */
public record Recalled(String municipality, String passNumber, String holder, int year, String redemptionId,
        String providerId, String spendingLine) {

    /** The name the guard's failure gives as its table, by which the held writes know whose failure it is. */
    static final String TABLE = "remembered_lookups";
    /** The guard's failure code (see the migration {@code V480__remembered_lookups_hold}). */
    private static final String BROKEN = "KL001";

    private static final String STILL_SO = "exists (select 1 from pass_registry where municipality = ? and pass_number = ?"
            + " and entitlement_id = ?)"
            + " and not exists (select 1 from redemption_registry where municipality = ? and redemption_id = ?)"
            + " and not exists (select 1 from budget_year_state where municipality = ? and budget_year = ? and closed)"
            + " and exists (select 1 from provider_registry where municipality = ? and provider_id = ? and not suspended)"
            + " and exists (select 1 from provider_line where municipality = ? and provider_id = ? and spending_line = ?)";

    /** A statement that fails, ending its transaction, unless the tables still answer as remembered. */
    String guard() {
        return "select remembered_lookups_hold(" + STILL_SO + ")";
    }

    Object[] arguments() {
        return new Object[] {municipality, passNumber, holder, municipality, redemptionId, municipality, year,
                municipality, providerId, municipality, providerId, spendingLine};
    }

    /** Whether the tables still answer as remembered. */
    boolean stillSo(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select " + STILL_SO, Boolean.class, arguments()));
    }

    /** Whether a failure is the guard's. */
    static boolean brokenBy(SQLException e) {
        return BROKEN.equals(e.getSQLState());
    }
}
