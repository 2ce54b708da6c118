package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import nl.kindpakket.ledger.api.store.StatementRecorder;
import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a redemption at the till costs in statements: its lookups (the pass, the redemption id, the year's closing and
 * the provider's standing) are one query the first time, and at a pass seen before a check of what they found, sent
 * with its writes; its identity with its answer is one insert, sent with its event, its registry row and the commit
 * as one statement (one round trip), and an entitlement in the cache is not read from the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RedemptionRoundTripsTest {

    /** The statements prepared on the request threads, in order. */
    static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();
    /** The commits asked on the request threads, with the driver's transaction state then. */
    static final List<String> COMMITS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class CountingStatements {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
                }
            };
        }
    }

    static final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            boolean requestThread = Thread.currentThread().getName().startsWith("http-nio");
            return StatementRecorder.recording(super.getConnection(), sql -> requestThread, STATEMENTS,
                    requestThread ? COMMITS : null);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_redemption_at_a_pass_seen_before_is_one_round_trip_its_remembered_lookups_checked_with_its_writes() {
        LedgerHttp http = new LedgerHttp(port);
        Testville testville = new Testville(http).withBudgetAndProviders();
        Child child = testville.grant("anna", "{\"3\": 5000}");
        STATEMENTS.clear();
        Answer first = http.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("r1"), child, "zwembad", "3", 1000));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(STATEMENTS).as("the first redemption at the pass: its lookups, then its writes: " + STATEMENTS).hasSize(2);
        assertThat(STATEMENTS.get(0)).as("the lookups, in one query").startsWith("select")
                .contains("pass_registry", "client_request", "redemption_registry", "budget_year_state", "provider_registry",
                        "provider_line");

        STATEMENTS.clear();
        COMMITS.clear();
        Answer second = http.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("r2"), child, "zwembad", "3", 1500));

        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().path("lineBalanceAfterCents").asLong()).isEqualTo(2500);
        assertThat(STATEMENTS).as("the statements of the second redemption: its remembered lookups' check and its writes: "
                + STATEMENTS).hasSize(1);
        List<String> writes = List.of(STATEMENTS.get(0).toLowerCase().split(";\\s*"));
        assertThat(writes).as("the check of what was remembered, the request's identity, its event and the redemption"
                        + " registry, sent together with the commit")
                .satisfiesExactly(
                        sql -> assertThat(sql).startsWith("select remembered_lookups_hold(")
                                .contains("pass_registry", "redemption_registry", "budget_year_state", "provider_registry",
                                        "provider_line"),
                        sql -> assertThat(sql).startsWith("insert into client_request").contains("balance_after_cents"),
                        sql -> assertThat(sql).startsWith("insert into domain_event_entry"),
                        sql -> assertThat(sql).startsWith("insert into redemption_registry"),
                        sql -> assertThat(sql).isEqualTo("commit"));
        assertThat(STATEMENTS).as("no snapshot or event of the cached entitlement is read")
                .noneMatch(sql -> sql.toLowerCase().contains("from domain_event_entry")
                        || sql.toLowerCase().contains("from snapshot_event_entry"));
        assertThat(jdbc.queryForObject("select balance_after_cents from client_request where client_id = ?", Long.class,
                testville.id("r2"))).as("the answer recorded with the identifier").isEqualTo(2500L);
        assertThat(COMMITS).as("the transaction manager's commit, which finds the transaction committed and sends nothing")
                .containsExactly("commit, the driver's transaction IDLE");
        assertThat(jdbc.queryForObject("select count(*) from redemption_registry where redemption_id = ?", Integer.class,
                testville.id("r2"))).as("the registry's row, written in that round trip").isEqualTo(1);
        assertThat(jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number desc limit 1", byte[].class, child.entitlementId()))
                .as("the answers travel with the command, not into its event")
                .asString(java.nio.charset.StandardCharsets.UTF_8).doesNotContain("prepared").contains("correlationId");
    }
}
