package nl.kindpakket.ledger.projections.overhead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.projections.spending.SpendingLines;
import nl.kindpakket.ledger.projections.support.Recorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the overhead report: the year's cost rows (one per organisation and task) and, as its direct benefit, what the
 * spending lines' counters say was redeemed (less reversals) and expended. As of an earlier moment of recording it sums
 * the cost log and the spending lines' postings up to that moment, keeping the order costs were first recorded in.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class OverheadQueries {

    private static final BigDecimal NO_FTE = BigDecimal.ZERO.setScale(2);

    private final JdbcTemplate jdbc;

    public OverheadQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public OverheadReport report(String municipality, int year) {
        return report(municipality, year, Recorded.NOW);
    }

    /** The overhead as it stood at a moment of recording, before any change recorded after it. */
    public OverheadReport report(String municipality, int year, Instant asOf) {
        return report(municipality, year, Recorded.asOf(asOf));
    }

    private OverheadReport report(String municipality, int year, Recorded recorded) {
        List<Cost> costs = jdbc.query(costQuery(recorded),
                (row, n) -> new Cost(row.getString("organisation"), row.getString("task"),
                        row.getLong("amount_cents"), row.getBigDecimal("fte").setScale(2)),
                recorded.arguments(municipality, year));
        long overhead = costs.stream().mapToLong(Cost::cents).sum();
        long benefit = recorded.isNow()
                ? jdbc.queryForObject("SELECT COALESCE(" + SpendingLines.SPENT + ", 0) FROM "
                        + SpendingLines.LINE_COUNTERS + " WHERE budget_year = ? AND municipality = ?", Long.class,
                        year, municipality)
                : jdbc.queryForObject("SELECT COALESCE(SUM(spent), 0) FROM (" + SpendingLines.CHANGES_RECORDED_BY
                        + ") changes", Long.class, SpendingLines.changesRecordedBy(year, municipality,
                        recorded.moment()));
        BigDecimal fte = costs.stream().map(Cost::fte).reduce(NO_FTE, BigDecimal::add);
        return new OverheadReport(municipality, year, overhead, benefit, share(overhead, benefit), fte,
                byOrganisation(costs), byTask(costs));
    }

    /** The log is joined to the cost rows for the order in which each organisation's task was first recorded. */
    private static String costQuery(Recorded recorded) {
        if (recorded.isNow()) {
            return "SELECT organisation, task, amount_cents, fte FROM overhead_cost "
                    + "WHERE municipality = ? AND budget_year = ? ORDER BY ordinal";
        }
        return "SELECT c.organisation, c.task, SUM(l.amount_cents) AS amount_cents, SUM(l.fte) AS fte "
                + "FROM overhead_cost_log l JOIN overhead_cost c ON c.municipality = l.municipality "
                + "AND c.budget_year = l.budget_year AND c.organisation = l.organisation AND c.task = l.task "
                + "WHERE l.municipality = ? AND l.budget_year = ? AND l.recorded_at <= ? "
                + "GROUP BY c.organisation, c.task, c.ordinal ORDER BY c.ordinal";
    }

    private static BigDecimal share(long overhead, long benefit) {
        long whole = overhead + benefit;
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(overhead).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static List<OverheadReport.OrganisationOverhead> byOrganisation(List<Cost> costs) {
        Map<String, Cost> totals = new LinkedHashMap<>();
        costs.forEach(cost -> totals.merge(cost.organisation(), cost, Cost::plus));
        return totals.values().stream()
                .map(total -> new OverheadReport.OrganisationOverhead(total.organisation(), total.cents(), total.fte()))
                .toList();
    }

    private static List<OverheadReport.TaskOverhead> byTask(List<Cost> costs) {
        Map<String, List<Cost>> tasks = new LinkedHashMap<>();
        costs.forEach(cost -> tasks.computeIfAbsent(cost.task(), task -> new ArrayList<>()).add(cost));
        return tasks.entrySet().stream().map(task -> {
            Map<String, Long> perOrganisation = new LinkedHashMap<>();
            task.getValue().forEach(cost -> perOrganisation.put(cost.organisation(), cost.cents()));
            return new OverheadReport.TaskOverhead(task.getKey(),
                    task.getValue().stream().map(Cost::fte).reduce(NO_FTE, BigDecimal::add),
                    task.getValue().stream().mapToLong(Cost::cents).sum(), perOrganisation);
        }).toList();
    }

    private record Cost(String organisation, String task, long cents, BigDecimal fte) {

        Cost plus(Cost other) {
            return new Cost(organisation, task, cents + other.cents, fte.add(other.fte));
        }
    }
}
