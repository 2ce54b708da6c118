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
 * the provider's standing) are one query, its identity with its answer one insert, sent with its event, its registry
 * row and the commit as one statement (one round trip), and an entitlement in the cache is not read from the store.
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
    void a_redemption_asks_the_lookup_tables_once_sends_its_writes_together_and_reads_no_events_of_a_cached_entitlement() {
        LedgerHttp http = new LedgerHttp(port);
        Testville testville = new Testville(http).withBudgetAndProviders();
        Child child = testville.grant("anna", "{\"3\": 5000}");
        Answer first = http.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("r1"), child, "zwembad", "3", 1000));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        STATEMENTS.clear();
        COMMITS.clear();
        Answer second = http.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("r2"), child, "zwembad", "3", 1500));

        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().path("lineBalanceAfterCents").asLong()).isEqualTo(2500);
        List<String> reads = STATEMENTS.stream().filter(sql -> sql.trim().toLowerCase().startsWith("select")).toList();
        assertThat(reads).as("the reads of the second redemption: " + STATEMENTS).hasSize(1);
        assertThat(reads.get(0)).as("the lookups").contains("pass_registry", "redemption_registry", "budget_year_state",
                "provider_registry", "provider_line");
        assertThat(STATEMENTS).as("the request's identity, recorded with its answer in its transaction by one insert")
                .anyMatch(sql -> sql.toLowerCase().startsWith("insert into client_request") && sql.contains("balance_after_cents"))
                .noneMatch(sql -> sql.toLowerCase().startsWith("update client_request"));
        assertThat(jdbc.queryForObject("select balance_after_cents from client_request where client_id = ?", Long.class,
                testville.id("r2"))).as("the answer recorded with the identifier").isEqualTo(2500L);
        assertThat(STATEMENTS).as("no snapshot or event of the cached entitlement is read")
                .noneMatch(sql -> sql.toLowerCase().contains("from domain_event_entry")
                        || sql.toLowerCase().contains("from snapshot_event_entry"));
        assertThat(STATEMENTS).as("the statements of the second redemption: the lookups, then its writes: " + STATEMENTS)
                .hasSize(2);
        List<String> writes = List.of(STATEMENTS.get(1).toLowerCase().split(";\\s*"));
        assertThat(writes).as("the request's identity, its event and the redemption registry, sent together with the commit")
                .satisfiesExactly(
                        sql -> assertThat(sql).startsWith("insert into client_request"),
                        sql -> assertThat(sql).startsWith("insert into domain_event_entry"),
                        sql -> assertThat(sql).startsWith("insert into redemption_registry"),
                        sql -> assertThat(sql).isEqualTo("commit"));
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
