package nl.kindpakket.ledger.api.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.api.LedgerApplication;
import nl.kindpakket.ledger.api.rebuild.ReadModelsCaughtUp;
import nl.kindpakket.ledger.api.rebuild.RebuildStatus;
import nl.kindpakket.ledger.api.rebuild.Rebuilds;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassReport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upgrade to monthly rows that keep the moments of a grant and of first uses (V473): a store whose monthly rows
 * were written before it answers the same figures as of every moment, and the service rebuilds the read models by
 * itself on the first start after it (V474), ending with the tables a fold from nothing writes, so a reconciliation
 * finds them equal. A new, empty store asks for no rebuild.
 */
class UpgradeToKeptMomentsTest {

    private static final String SCHEMA = "fault_upgrade_moments";
    private static final String REBUILD = "upgrade-v473-first-use-moments";
    private static final int CHILDREN = 60;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String[] MONTHS = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"};

    @Test
    void rows_written_before_answer_the_same_and_the_first_start_after_it_rebuilds_them_as_a_fold_writes_them()
            throws Exception {
        String url = TestDatabase.freshStore(SCHEMA);
        Map<String, List<String>> folded;
        String town;
        try (ConfigurableApplicationContext first = start(url)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM read_model_rebuild", Integer.class))
                    .as("an empty store asks for no rebuild").isZero();
            Town year = Town.named(first.getBean(CommandGateway.class), "upgrade");
            town = year.slug();
            RecordedYear.append(first.getBean(EventStore.class), first.getBean(TransactionTemplate.class), year,
                    CHILDREN);
            ReadModelsCaughtUp.await(jdbc, first.getBean(Serializer.class));
            folded = ReadModelRows.of(jdbc, SCHEMA);
            MonthlyPassQueries reports = first.getBean(MonthlyPassQueries.class);
            List<Instant> moments = jdbc.queryForList("SELECT DISTINCT recorded_at FROM ("
                    + "SELECT granted_at AS recorded_at FROM monthly_entitlement UNION ALL "
                    + "SELECT first_used_05 FROM monthly_entitlement UNION ALL "
                    + "SELECT recorded_at FROM monthly_pass_count_log) moments WHERE recorded_at IS NOT NULL",
                    OffsetDateTime.class).stream().map(OffsetDateTime::toInstant).sorted().toList();
            assertThat(moments).hasSizeGreaterThan(2);
            List<MonthlyPassReport> asKept = asOfEach(reports, town, moments);

            writtenAsBeforeTheUpgrade(jdbc);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_entitlement WHERE granted_at IS NOT NULL",
                    Integer.class)).isZero();
            assertThat(asOfEach(reports, town, moments)).as("rows without moments, their changes in the log")
                    .isEqualTo(asKept);
            assertThat(ReadModelRows.of(jdbc, SCHEMA)).isNotEqualTo(folded);
            // as on a database migrated up to V473 before the upgrade: V474 and those after it run on the next start
            jdbc.update("DELETE FROM flyway_schema_history WHERE CAST(version AS integer) > 473");
        }

        try (ConfigurableApplicationContext upgraded = start(url)) {
            RebuildStatus rebuilt = awaitFinished(upgraded.getBean(Rebuilds.class));
            assertThat(rebuilt.state()).as(rebuilt.toString()).isEqualTo("DONE");
            assertThat(ReadModelRows.of(upgraded.getBean(JdbcTemplate.class), SCHEMA)).isEqualTo(folded);
        }
    }

    /** Moves the kept moments back into the monthly logs, as the code before V473 wrote them, and clears them. */
    private static void writtenAsBeforeTheUpgrade(JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO monthly_pass_count_log (municipality, budget_year, month_no, granted, recorded_at) "
                + "SELECT municipality, budget_year, grant_month, 1, granted_at FROM monthly_entitlement "
                + "WHERE grant_month > 0");
        for (int month = 1; month <= 12; month++) {
            jdbc.update("INSERT INTO monthly_pass_count_log (municipality, budget_year, month_no, unique_users, "
                    + "recorded_at) SELECT municipality, budget_year, ?, 1, first_used_" + MONTHS[month - 1]
                    + " FROM monthly_entitlement WHERE first_used_" + MONTHS[month - 1] + " IS NOT NULL", month);
        }
        jdbc.update("INSERT INTO monthly_year_count_log (municipality, budget_year, distinct_users, recorded_at) "
                + "SELECT municipality, budget_year, 1, first_used_year FROM monthly_entitlement "
                + "WHERE first_used_year IS NOT NULL");
        StringBuilder clear = new StringBuilder("UPDATE monthly_entitlement SET granted_at = NULL, first_used_year = NULL");
        for (String month : MONTHS) {
            clear.append(", first_used_").append(month).append(" = NULL");
        }
        jdbc.update(clear.toString());
    }

    private static List<MonthlyPassReport> asOfEach(MonthlyPassQueries reports, String town, List<Instant> moments) {
        return moments.stream().map(moment -> reports.report(town, Town.YEAR, moment)).toList();
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test")
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--spring.datasource.hikari.maximum-pool-size=8",
                        "--ledger.processing.batch-size=50", "--ledger.rebuild.orphaned-after=2s",
                        "--ledger.rebuild.heartbeat=200ms");
    }

    private static RebuildStatus awaitFinished(Rebuilds rebuilds) {
        return await("the upgrade's rebuild taken up and finished").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> rebuilds.status(REBUILD).orElseThrow(), RebuildStatus::isFinished);
    }
}
