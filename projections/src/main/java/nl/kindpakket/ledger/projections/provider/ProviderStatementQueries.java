package nl.kindpakket.ledger.projections.provider;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import nl.kindpakket.ledger.projections.support.BusinessMonths;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads provider statements, one row per provider and month, summed over the counter slots. */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class ProviderStatementQueries {

    private static final String SELECT = "SELECT p.statement_year, p.statement_month, p.provider_id, n.name, "
            + "SUM(p.redemption_count) AS redemption_count, SUM(p.redemption_cents) AS redemption_cents, "
            + "SUM(p.reversal_count) AS reversal_count, SUM(p.reversal_cents) AS reversal_cents "
            + "FROM provider_month p LEFT JOIN provider_name n "
            + "ON n.municipality = p.municipality AND n.provider_id = p.provider_id "
            + "WHERE p.municipality = ? AND p.statement_year = ? ";
    private static final String GROUP = " GROUP BY p.statement_year, p.statement_month, p.provider_id, n.name "
            + "ORDER BY p.statement_month, p.provider_id";

    private final JdbcTemplate jdbc;

    public ProviderStatementQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each provider with a redemption or reversal in the month (1-12), by provider id. */
    public ProviderStatementReport forMonth(String municipality, int year, int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month must be 1 to 12");
        }
        return report(municipality, year, month,
                jdbc.query(SELECT + "AND p.statement_month = ?" + GROUP, this::statement, municipality, year, month));
    }

    /** Every provider's statement of every month of the year, by month and provider id. */
    public ProviderStatementReport forYear(String municipality, int year) {
        return report(municipality, year, null, jdbc.query(SELECT + GROUP, this::statement, municipality, year));
    }

    private ProviderStatementReport.Statement statement(ResultSet row, int n) throws SQLException {
        long redeemed = row.getLong("redemption_cents");
        long reversed = row.getLong("reversal_cents");
        return new ProviderStatementReport.Statement(row.getString("provider_id"), row.getString("name"),
                BusinessMonths.label(row.getInt("statement_year"), row.getInt("statement_month")),
                row.getLong("redemption_count"), redeemed, row.getLong("reversal_count"), reversed,
                redeemed - reversed);
    }

    private static ProviderStatementReport report(String municipality, int year, Integer month,
                                                  List<ProviderStatementReport.Statement> statements) {
        return new ProviderStatementReport(municipality, year, month, statements, new ProviderStatementReport.Total(
                statements.stream().mapToLong(ProviderStatementReport.Statement::redemptionCount).sum(),
                statements.stream().mapToLong(ProviderStatementReport.Statement::redemptionCents).sum(),
                statements.stream().mapToLong(ProviderStatementReport.Statement::reversalCount).sum(),
                statements.stream().mapToLong(ProviderStatementReport.Statement::reversalCents).sum(),
                statements.stream().mapToLong(ProviderStatementReport.Statement::netCents).sum()));
    }
}
