package nl.kindpakket.ledger.projections.spending;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.projections.support.Recorded;
import nl.kindpakket.ledger.projections.support.SpendingLineOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the spending lines report from its counters: lines x slots rows, plus the year's organisations. As of an
 * earlier moment of recording it sums the postings and the counters' logs up to that moment and lists the refunds
 * recorded by then.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class SpendingLineQueries {

    private final JdbcTemplate jdbc;

    public SpendingLineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every line of a municipality's year that has an allocation or a movement; empty lists when none has. */
    public SpendingLineReport report(String municipality, int year) {
        return report(municipality, year, Recorded.NOW);
    }

    /** The lines as they stood at a moment of recording, before any change recorded after it. */
    public SpendingLineReport report(String municipality, int year, Instant asOf) {
        return report(municipality, year, Recorded.asOf(asOf));
    }

    private SpendingLineReport report(String municipality, int year, Recorded recorded) {
        List<SpendingLineReport.Line> lines = lines(municipality, year, recorded);
        SpendingLineReport.Total total = new SpendingLineReport.Total(
                lines.stream().mapToLong(SpendingLineReport.Line::availableCents).sum(),
                lines.stream().mapToLong(SpendingLineReport.Line::committedCents).sum(),
                lines.stream().mapToLong(SpendingLineReport.Line::spentCents).sum(),
                lines.stream().mapToLong(SpendingLineReport.Line::remainingCents).sum(),
                lines.stream().mapToLong(SpendingLineReport.Line::refundedCents).sum(),
                lines.stream().mapToLong(SpendingLineReport.Line::overcommittedCents).sum(),
                lines.stream().mapToLong(SpendingLineReport.Line::reservedCents).sum());
        return new SpendingLineReport(municipality, year, lines, total, organisations(municipality, year, recorded),
                refunds(municipality, year, recorded));
    }

    private List<SpendingLineReport.Line> lines(String municipality, int year, Recorded recorded) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT code, name FROM spending_line WHERE municipality = ? AND budget_year = ?",
                row -> {
                    names.put(row.getString("code"), row.getString("name"));
                }, municipality, year);
        String sums;
        Object[] arguments;
        if (recorded.isNow()) {
            sums = "SELECT code, SUM(available_cents) AS available, SUM(committed_cents) AS committed, "
                    + SpendingLines.SPENT + " AS spent, SUM(refunded_cents) AS refunded, "
                    + "SUM(reserved_cents) AS reserved FROM " + SpendingLines.LINE_COUNTERS
                    + " WHERE budget_year = ? AND municipality = ? GROUP BY code";
            arguments = new Object[] {year, municipality};
        } else {
            sums = "SELECT code, SUM(available) AS available, SUM(committed) AS committed, SUM(spent) AS spent, "
                    + "SUM(refunded) AS refunded, SUM(reserved) AS reserved FROM ("
                    + SpendingLines.CHANGES_RECORDED_BY + ") changes GROUP BY code";
            arguments = SpendingLines.changesRecordedBy(year, municipality, recorded.moment());
        }
        return jdbc.query(sums,
                        (row, n) -> {
                            long available = row.getLong("available");
                            long committed = row.getLong("committed");
                            long spent = row.getLong("spent");
                            long refunded = row.getLong("refunded");
                            return new SpendingLineReport.Line(row.getString("code"), names.get(row.getString("code")),
                                    available, committed, spent, LineFigures.remaining(available, spent, refunded),
                                    refunded, row.getLong("reserved"));
                        }, arguments)
                .stream()
                .sorted(Comparator.comparing(SpendingLineReport.Line::code, SpendingLineOrder.CODES))
                .toList();
    }

    private List<SpendingLineReport.OrganisationLine> organisations(String municipality, int year,
                                                                    Recorded recorded) {
        return jdbc.query("SELECT organisation, code, SUM(expended_cents) AS expended_cents, "
                                + "SUM(refunded_cents) AS refunded_cents FROM "
                                + recorded.table("spending_organisation") + " WHERE municipality = ? AND budget_year = ?"
                                + recorded.until() + " GROUP BY organisation, code",
                        (row, n) -> new SpendingLineReport.OrganisationLine(row.getString("organisation"),
                                row.getString("code"), row.getLong("expended_cents"), row.getLong("refunded_cents")),
                        recorded.arguments(municipality, year))
                .stream()
                .sorted(Comparator.comparing(SpendingLineReport.OrganisationLine::organisation)
                        .thenComparing(SpendingLineReport.OrganisationLine::spendingLine, SpendingLineOrder.CODES))
                .toList();
    }

    private List<SpendingLineReport.Refund> refunds(String municipality, int year, Recorded recorded) {
        // a refund projected before recording times were kept has none: it was recorded before any asOf
        String until = recorded.isNow() ? "" : " AND (recorded_at IS NULL OR recorded_at <= ?)";
        return jdbc.query("SELECT refund_id, organisation, code, amount_cents, refunded_on, returned_to "
                        + "FROM spending_refund WHERE municipality = ? AND budget_year = ?" + until
                        + " ORDER BY refunded_on, refund_id",
                (row, n) -> new SpendingLineReport.Refund(row.getString("refund_id"), row.getString("organisation"),
                        row.getString("code"), row.getLong("amount_cents"),
                        row.getObject("refunded_on", LocalDate.class), row.getString("returned_to")),
                recorded.arguments(municipality, year));
    }
}
