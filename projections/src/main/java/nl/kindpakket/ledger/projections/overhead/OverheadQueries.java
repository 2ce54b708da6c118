package nl.kindpakket.ledger.projections.overhead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the overhead report: the year's cost rows (one per organisation and task) and its benefit counters. */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class OverheadQueries {

    private static final BigDecimal NO_FTE = BigDecimal.ZERO.setScale(2);

    private final JdbcTemplate jdbc;

    public OverheadQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public OverheadReport report(String municipality, int year) {
        List<Cost> costs = jdbc.query("SELECT organisation, task, amount_cents, fte FROM overhead_cost "
                        + "WHERE municipality = ? AND budget_year = ? ORDER BY ordinal",
                (row, n) -> new Cost(row.getString("organisation"), row.getString("task"),
                        row.getLong("amount_cents"), row.getBigDecimal("fte").setScale(2)),
                municipality, year);
        long overhead = costs.stream().mapToLong(Cost::cents).sum();
        long benefit = jdbc.queryForObject("SELECT COALESCE(SUM(spent_cents), 0) FROM overhead_benefit "
                + "WHERE municipality = ? AND budget_year = ?", Long.class, municipality, year);
        BigDecimal fte = costs.stream().map(Cost::fte).reduce(NO_FTE, BigDecimal::add);
        return new OverheadReport(municipality, year, overhead, benefit, share(overhead, benefit), fte,
                byOrganisation(costs), byTask(costs));
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
