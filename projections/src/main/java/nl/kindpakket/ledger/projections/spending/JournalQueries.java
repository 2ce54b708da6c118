package nl.kindpakket.ledger.projections.spending;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.kindpakket.ledger.projections.support.RecordedAt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a page of a spending line's journal. The line's figures after each posting are summed here, never stored:
 * the sums of the line's postings up to the cursor, then a running sum (a window) over the line's postings up to the
 * page's last one, of which the filters then keep theirs. Everything in one snapshot, as the report reads its own.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class JournalQueries {

    private static final String LINE = "municipality = ? AND budget_year = ? AND code = ?";
    private static final String RUNNING = " OVER (ORDER BY position ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";

    private final JdbcTemplate jdbc;

    public JournalQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the municipality has any spending line in the year. */
    public boolean hasBudgetYear(String municipality, int year) {
        Integer lines = jdbc.queryForObject("SELECT COUNT(*) FROM spending_line WHERE municipality = ? AND budget_year = ?",
                Integer.class, municipality, year);
        return lines != null && lines > 0;
    }

    /** The page the query asks for; empty when the year has no such line. */
    public Optional<SpendingLineJournal> page(JournalQuery query) {
        List<String> names = jdbc.queryForList("SELECT name FROM spending_line WHERE " + LINE, String.class,
                query.municipality(), query.year(), query.spendingLine());
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<Long> positions = pagePositions(query);
        boolean more = positions.size() > query.limit();
        List<SpendingLineJournal.Posting> postings = positions.isEmpty() ? List.of()
                : postings(query, positions.get(Math.min(positions.size(), query.limit()) - 1), opening(query));
        return Optional.of(new SpendingLineJournal(query.municipality(), query.year(), query.spendingLine(), names.get(0),
                postings, more ? postings.get(postings.size() - 1).position() : null));
    }

    /** The positions of the page's postings, and one more if there is a next page. */
    private List<Long> pagePositions(JournalQuery query) {
        Sql sql = Sql.line(query).and("position > ?", query.after()).recordedBy(query).filteredBy(query);
        sql.arguments.add(query.limit() + 1);
        return jdbc.queryForList("SELECT position FROM spending_posting WHERE " + sql.conditions()
                + " ORDER BY position LIMIT ?", Long.class, sql.arguments.toArray());
    }

    /** The line's figures at the cursor: every posting up to it, whatever the filters. */
    private Figures opening(JournalQuery query) {
        if (query.after() == JournalQuery.START) {
            return Figures.NONE;
        }
        Sql sql = Sql.line(query).and("position <= ?", query.after()).recordedBy(query);
        return jdbc.queryForObject("SELECT " + sums("") + " FROM spending_posting WHERE " + sql.conditions(),
                (row, n) -> new Figures(row.getLong("available"), row.getLong("spent"), row.getLong("refunded")),
                sql.arguments.toArray());
    }

    private List<SpendingLineJournal.Posting> postings(JournalQuery query, long last, Figures opening) {
        Sql line = Sql.line(query).and("position > ?", query.after()).and("position <= ?", last).recordedBy(query);
        Sql page = Sql.none().filteredBy(query);
        List<Object> arguments = new ArrayList<>(line.arguments);
        arguments.addAll(page.arguments);
        return jdbc.query("SELECT * FROM (SELECT position, kind, business_date, amount_cents, entitlement_id, "
                        + "provider_id, organisation, " + sums(RUNNING) + " FROM spending_posting WHERE "
                        + line.conditions() + ") line" + (page.isEmpty() ? "" : " WHERE " + page.conditions())
                        + " ORDER BY position",
                (row, n) -> {
                    Figures after = opening.plus(row.getLong("available"), row.getLong("spent"), row.getLong("refunded"));
                    return new SpendingLineJournal.Posting(row.getLong("position"),
                            row.getObject("business_date", LocalDate.class), row.getString("kind"),
                            row.getLong("amount_cents"), row.getString("entitlement_id"), row.getString("provider_id"),
                            row.getString("organisation"), after.available, after.spent, after.refunded,
                            LineFigures.remaining(after.available, after.spent, after.refunded));
                }, arguments.toArray());
    }

    /** The sum of the amounts that move each figure, as available, spent and refunded. */
    private static String sums(String over) {
        return sum(PostingKind.Figure.AVAILABLE, over) + " AS available, " + sum(PostingKind.Figure.SPENT, over)
                + " AS spent, " + sum(PostingKind.Figure.REFUNDED, over) + " AS refunded";
    }

    private static String sum(PostingKind.Figure figure, String over) {
        String kinds = PostingKind.moving(figure).stream().map(kind -> "'" + kind.code() + "'")
                .collect(Collectors.joining(", "));
        return "COALESCE(SUM(CASE WHEN kind IN (" + kinds + ") THEN amount_cents ELSE 0 END)" + over + ", 0)";
    }

    private record Figures(long available, long spent, long refunded) {

        static final Figures NONE = new Figures(0, 0, 0);

        Figures plus(long available, long spent, long refunded) {
            return new Figures(this.available + available, this.spent + spent, this.refunded + refunded);
        }
    }

    /** Conditions joined by AND, with their arguments in order. */
    private static final class Sql {

        private final List<String> conditions = new ArrayList<>();
        private final List<Object> arguments = new ArrayList<>();

        static Sql none() {
            return new Sql();
        }

        static Sql line(JournalQuery query) {
            return new Sql().and(LINE, query.municipality(), query.year(), query.spendingLine());
        }

        Sql and(String condition, Object... values) {
            conditions.add(condition);
            arguments.addAll(List.of(values));
            return this;
        }

        /** Only what was recorded by the query's moment, when it names one. */
        Sql recordedBy(JournalQuery query) {
            return query.asOf() == null ? this : and("recorded_at <= ?", RecordedAt.of(query.asOf()));
        }

        Sql filteredBy(JournalQuery query) {
            if (query.from() != null) {
                and("business_date >= ?", query.from());
            }
            if (query.to() != null) {
                and("business_date <= ?", query.to());
            }
            if (query.providerId() != null) {
                and("provider_id = ?", query.providerId());
            }
            if (query.organisation() != null) {
                and("organisation = ?", query.organisation());
            }
            return this;
        }

        boolean isEmpty() {
            return conditions.isEmpty();
        }

        String conditions() {
            return String.join(" AND ", conditions);
        }
    }
}
