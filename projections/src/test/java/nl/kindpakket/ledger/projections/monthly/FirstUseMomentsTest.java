package nl.kindpakket.ledger.projections.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.store.Dialect;
import nl.kindpakket.ledger.projections.store.TableStore;
import nl.kindpakket.ledger.projections.support.Aggregates;
import nl.kindpakket.ledger.projections.support.LedgerStory;
import nl.kindpakket.ledger.projections.support.MigratingDatabase;
import nl.kindpakket.ledger.projections.support.RecordedAt;
import nl.kindpakket.ledger.projections.support.Slots;
import nl.kindpakket.ledger.projections.table.TableNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moments an entitlement's row keeps of its grant and of its first use of a month and of its year stand in for
 * the counters' log rows of those changes: a fold writes no log row for them, and a report as of any moment is the
 * same as before. Rows written before V473, whose changes are all in the log, go on beside them: an upgraded
 * database answers as of every moment what a fold of the same events from nothing answers, on PostgreSQL and H2.
 */
class FirstUseMomentsTest {

    private static final Instant START = Instant.parse("2019-02-04T08:00:00.123456Z");
    private static final String WESTLAND = "westland";

    @Test
    void postgresql_upgraded_rows_and_new_rows_answer_as_a_fold_from_nothing() {
        answersAsAFold(MigratingDatabase.postgres("projections_first_use_upgraded"),
                MigratingDatabase.postgres("projections_first_use_fresh"));
    }

    @Test
    void h2_upgraded_rows_and_new_rows_answer_as_a_fold_from_nothing(@TempDir Path upgraded, @TempDir Path fresh) {
        answersAsAFold(MigratingDatabase.h2(upgraded), MigratingDatabase.h2(fresh));
    }

    private static void answersAsAFold(MigratingDatabase upgradedDatabase, MigratingDatabase freshDatabase) {
        LedgerStory story = new LedgerStory(WESTLAND);
        LedgerStory.Child first = story.grant(2019, "kind-1", "WL-1", LocalDate.of(2019, 2, 4), Map.of("1", 10_000L));
        RedeemedAtProvider march = first.redeem("r-1", "zwembad", "1", 500, Instant.parse("2019-03-05T10:00:00Z"));
        // recorded after the upgrade: the only use of the year reversed, then a use again in the same month
        first.reverse(march, "kassafout", Instant.parse("2019-03-06T10:00:00Z"));
        first.redeem("r-2", "zwembad", "1", 300, Instant.parse("2019-03-07T10:00:00Z"));
        LedgerStory.Child second = story.grant(2019, "kind-2", "WL-2", LocalDate.of(2019, 3, 10), Map.of("1", 10_000L));
        RedeemedAtProvider april = second.redeem("r-3", "zwembad", "1", 200, Instant.parse("2019-04-02T10:00:00Z"));
        second.reverse(april, "kassafout", Instant.parse("2019-04-03T10:00:00Z"));
        second.redeem("r-4", "zwembad", "1", 200, Instant.parse("2019-04-04T10:00:00Z"));
        List<EventRecord> records = recordedOneSecondApart(story.events());

        JdbcTemplate upgraded = upgradedDatabase.migrateTo("472");
        writeAsBefore(upgraded, first.id());
        upgradedDatabase.migrateToLatest();
        feed(upgraded, records.subList(2, records.size()));
        JdbcTemplate fresh = freshDatabase.migrateTo("latest");
        feed(fresh, records);

        MonthlyPassQueries upgradedReports = new MonthlyPassQueries(upgraded);
        MonthlyPassQueries freshReports = new MonthlyPassQueries(fresh);
        for (int i = 0; i < records.size(); i++) {
            Instant moment = moment(i);
            assertThat(upgradedReports.report(WESTLAND, 2019, moment)).as("as of event %d", i)
                    .isEqualTo(freshReports.report(WESTLAND, 2019, moment));
            assertThat(freshReports.report(WESTLAND, 2019, moment.minusNanos(1_000))).as("just before event %d", i)
                    .isEqualTo(i == 0 ? freshReports.report(WESTLAND, 2019, START.minusSeconds(1))
                            : freshReports.report(WESTLAND, 2019, moment(i - 1)));
        }
        assertThat(upgradedReports.report(WESTLAND, 2019)).isEqualTo(freshReports.report(WESTLAND, 2019));
        assertThat(figures(freshReports.report(WESTLAND, 2019, moment(1)))).as("the first use, before the reversal")
                .containsExactly(1, 1, 0, 1, 1);
        assertThat(figures(freshReports.report(WESTLAND, 2019, moment(2)))).as("the year's only use reversed")
                .containsExactly(1, 0, 0, 0, 0);
        assertThat(figures(freshReports.report(WESTLAND, 2019, moment(3)))).as("a use again in March")
                .containsExactly(1, 1, 0, 1, 1);
        assertThat(figures(freshReports.report(WESTLAND, 2019, moment(6)))).as("the second child's April reversed")
                .containsExactly(1, 1, 0, 1, 1);
        assertThat(figures(freshReports.report(WESTLAND, 2019))).as("now")
                .containsExactly(1, 1, 1, 2, 2);

        // a fold logs only the changes no row keeps the moment of: the reversals and the uses again after them
        List<String> logged = List.of("3 0 -1 @2", "3 0 1 @3", "4 0 -1 @6", "4 0 1 @7");
        assertThat(monthLog(fresh)).containsExactlyElementsOf(logged);
        assertThat(yearLog(fresh)).containsExactly("-1 @2", "1 @3", "-1 @6", "1 @7");
        // the rows written before V473 keep their log rows; the first child's use again is kept in its row
        List<String> upgradedLog = new ArrayList<>(List.of("2 1 0 @0", "3 0 1 @1"));
        upgradedLog.addAll(logged);
        upgradedLog.remove("3 0 1 @3");
        assertThat(monthLog(upgraded)).containsExactlyElementsOf(upgradedLog);
        assertThat(yearLog(upgraded)).containsExactly("1 @1", "-1 @2", "-1 @6", "1 @7");
        assertThat(upgraded.queryForObject("SELECT first_used_03 FROM monthly_entitlement WHERE entitlement_id = ?",
                OffsetDateTime.class, first.id()).toInstant()).isEqualTo(moment(3));
        assertThat(upgraded.queryForObject("SELECT granted_at FROM monthly_entitlement WHERE entitlement_id = ?",
                OffsetDateTime.class, first.id())).as("granted before V473: told by the log").isNull();
    }

    /** The first child granted (February) and its first redemption (March), as the code before V473 wrote them. */
    private static void writeAsBefore(JdbcTemplate jdbc, String entitlementId) {
        int slot = Slots.of(entitlementId);
        jdbc.update("INSERT INTO monthly_entitlement (entitlement_id, municipality, budget_year, grant_month, "
                + "redemptions_03) VALUES (?, ?, 2019, 2, 1)", entitlementId, WESTLAND);
        jdbc.update("INSERT INTO monthly_pass_count (municipality, budget_year, month_no, slot, granted) "
                + "VALUES (?, 2019, 2, ?, 1)", WESTLAND, slot);
        jdbc.update("INSERT INTO monthly_pass_count (municipality, budget_year, month_no, slot, unique_users) "
                + "VALUES (?, 2019, 3, ?, 1)", WESTLAND, slot);
        jdbc.update("INSERT INTO monthly_year_count (municipality, budget_year, slot, distinct_users) "
                + "VALUES (?, 2019, ?, 1)", WESTLAND, slot);
        jdbc.update("INSERT INTO monthly_pass_count_log (municipality, budget_year, month_no, granted, recorded_at) "
                + "VALUES (?, 2019, 2, 1, ?)", WESTLAND, RecordedAt.of(moment(0)));
        jdbc.update("INSERT INTO monthly_pass_count_log (municipality, budget_year, month_no, unique_users, recorded_at) "
                + "VALUES (?, 2019, 3, 1, ?)", WESTLAND, RecordedAt.of(moment(1)));
        jdbc.update("INSERT INTO monthly_year_count_log (municipality, budget_year, distinct_users, recorded_at) "
                + "VALUES (?, 2019, 1, ?)", WESTLAND, RecordedAt.of(moment(1)));
    }

    /** Feeds the records through live processing, one batch each. */
    private static void feed(JdbcTemplate jdbc, List<EventRecord> records) {
        Fold fold = Fold.of(List.of(new MonthlyPasses()));
        TableStore tables = new TableStore(jdbc, Dialect.of(jdbc), TableNames.LIVE);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        for (EventRecord record : records) {
            transactions.executeWithoutResult(status -> tables.apply(fold, List.of(record)));
        }
    }

    private static List<EventRecord> recordedOneSecondApart(List<LedgerEvent> events) {
        List<EventRecord> records = new ArrayList<>();
        Map<String, Long> sequences = new java.util.HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            LedgerEvent event = events.get(i);
            String aggregate = Aggregates.of(event);
            long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
            records.add(new EventRecord(event, aggregate, sequence, i + 1, moment(i)));
        }
        return records;
    }

    private static Instant moment(int event) {
        return START.plusSeconds(event);
    }

    /** Issued in February, users in March and in April, the months' users summed, distinct users of the year. */
    private static List<Integer> figures(MonthlyPassReport report) {
        return List.of(orZero(report.months().get(1).issuedPasses()), orZero(report.months().get(2).uniqueUsers()),
                orZero(report.months().get(3).uniqueUsers()), report.total().uniqueUsers(),
                report.total().distinctUsersInYear());
    }

    /** A month after the last with figures shows none. */
    private static int orZero(Integer figure) {
        return figure == null ? 0 : figure;
    }

    private static List<String> monthLog(JdbcTemplate jdbc) {
        return jdbc.query("SELECT month_no, granted, unique_users, recorded_at FROM monthly_pass_count_log "
                + "ORDER BY recorded_at, month_no", (row, n) -> row.getInt(1) + " " + row.getLong(2) + " "
                + row.getLong(3) + " @" + eventAt(row.getObject(4, OffsetDateTime.class)));
    }

    private static List<String> yearLog(JdbcTemplate jdbc) {
        return jdbc.query("SELECT distinct_users, recorded_at FROM monthly_year_count_log ORDER BY recorded_at",
                (row, n) -> row.getLong(1) + " @" + eventAt(row.getObject(2, OffsetDateTime.class)));
    }

    private static long eventAt(OffsetDateTime recordedAt) {
        return recordedAt.toInstant().getEpochSecond() - START.getEpochSecond();
    }
}
