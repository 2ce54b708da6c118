package nl.kindpakket.ledger.projections.spending;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.projections.support.SpendingLineOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the spending lines report from its counters: lines x slots rows, plus the year's organisations. */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class SpendingLineQueries {

    private final JdbcTemplate jdbc;

    public SpendingLineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every line of a municipality's year that has an allocation or a movement; empty lists when none has. */
    public SpendingLineReport report(String municipality, int year) {
        List<SpendingLineReport.Line> lines = lines(municipality, year);
        SpendingLineReport.Total total = new SpendingLineReport.Total(
                lines.stream().mapToLong(SpendingLineReport.Line::availableCents).sum(),
                lines.stream().mapToLong(SpendingLineReport.Line::committedCents).sum(),
                lines.stream().mapToLong(SpendingLineReport.Line::spentCents).sum(),
                lines.stream().mapToLong(SpendingLineReport.Line::remainingCents).sum(),
                lines.stream().mapToLong(SpendingLineReport.Line::refundedCents).sum());
        return new SpendingLineReport(municipality, year, lines, total, organisations(municipality, year),
                refunds(municipality, year));
    }

    private List<SpendingLineReport.Line> lines(String municipality, int year) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT code, name FROM spending_line WHERE municipality = ? AND budget_year = ?",
                row -> {
                    names.put(row.getString("code"), row.getString("name"));
                }, municipality, year);
        return jdbc.query("SELECT code, SUM(available_cents) AS available, SUM(committed_cents) AS committed, "
                                + "SUM(redeemed_cents) - SUM(reversed_cents) + SUM(expended_cents) AS spent, "
                                + "SUM(refunded_cents) AS refunded "
                                + "FROM spending_line_count WHERE municipality = ? AND budget_year = ? GROUP BY code",
                        (row, n) -> {
                            long available = row.getLong("available");
                            long spent = row.getLong("spent");
                            return new SpendingLineReport.Line(row.getString("code"), names.get(row.getString("code")),
                                    available, row.getLong("committed"), spent, available - spent,
                                    row.getLong("refunded"));
                        }, municipality, year)
                .stream()
                .sorted(Comparator.comparing(SpendingLineReport.Line::code, SpendingLineOrder.CODES))
                .toList();
    }

    private List<SpendingLineReport.OrganisationLine> organisations(String municipality, int year) {
        return jdbc.query("SELECT organisation, code, expended_cents, refunded_cents FROM spending_organisation "
                                + "WHERE municipality = ? AND budget_year = ?",
                        (row, n) -> new SpendingLineReport.OrganisationLine(row.getString("organisation"),
                                row.getString("code"), row.getLong("expended_cents"), row.getLong("refunded_cents")),
                        municipality, year)
                .stream()
                .sorted(Comparator.comparing(SpendingLineReport.OrganisationLine::organisation)
                        .thenComparing(SpendingLineReport.OrganisationLine::spendingLine, SpendingLineOrder.CODES))
                .toList();
    }

    private List<SpendingLineReport.Refund> refunds(String municipality, int year) {
        return jdbc.query("SELECT refund_id, organisation, code, amount_cents, refunded_on, returned_to "
                        + "FROM spending_refund WHERE municipality = ? AND budget_year = ? "
                        + "ORDER BY refunded_on, refund_id",
                (row, n) -> new SpendingLineReport.Refund(row.getString("refund_id"), row.getString("organisation"),
                        row.getString("code"), row.getLong("amount_cents"),
                        row.getObject("refunded_on", LocalDate.class), row.getString("returned_to")),
                municipality, year);
    }
}
