package nl.kindpakket.ledger.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kindpakket.ledger.api.metrics.CommandMetrics;
import nl.kindpakket.ledger.api.metrics.ProcessorPositions;
import nl.kindpakket.ledger.core.api.Receipt;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.TransactionException;

/**
 * The database goes away under load and comes back: commands fail fast and cleanly meanwhile, whatever
 * was acknowledged is in the store afterwards, and the read models catch up. The service reaches the
 * database through a proxy of this test's own, so the shared server is never touched.
 */
@SpringBootTest(properties = {"ledger.metrics.positions-max-age=0s",
        "spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500",
        "spring.datasource.hikari.maximum-pool-size=8"})
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@Import(RedemptionTally.class)
class StoreOutageTest {

    private static final String SCHEMA = "fault_outage";
    private static final int CLIENTS = 4;
    private static TcpProxy proxy;

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessorPositions positions;
    @Autowired
    RedemptionTally tally;
    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry properties) throws Exception {
        TestDatabase database = TestDatabase.fromSystemProperty();
        database.freshSchema(SCHEMA);
        proxy = new TcpProxy(database.host(), database.port());
        properties.add("spring.datasource.url", () -> database.url(proxy.port(), SCHEMA));
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Test
    void commands_fail_cleanly_while_the_store_is_away_and_nothing_acknowledged_is_lost() throws Exception {
        Town town = Town.founded(commands, "outage");
        for (int child = 0; child < CLIENTS; child++) {
            town.grant(child, 1_000_000);
        }
        Load load = new Load(town);
        load.start();

        Thread.sleep(1_500);
        int acknowledgedBefore = load.acknowledged.size();
        proxy.cut();
        Thread.sleep(3_000);
        int acknowledgedWhileAway = load.acknowledged.size();
        proxy.restore();
        Thread.sleep(2_500);
        load.stop();

        assertThat(acknowledgedBefore).as("accepted before the outage").isPositive();
        assertThat(load.failures).as("commands refused while the store was away").isNotEmpty();
        assertThat(load.failures).allSatisfy(failure -> {
            assertThat(isDatabaseFailure(failure.cause())).as("a database failure: %s", chain(failure.cause())).isTrue();
            assertThat(failure.took()).as("failed fast").isLessThan(Duration.ofSeconds(5));
        });
        assertThat(load.acknowledged.size()).as("accepted after the outage").isGreaterThan(acknowledgedWhileAway);
        assertThat(storedRedemptionIds(town)).containsAll(load.acknowledged);
        assertThat(failedRedemptions("store-unavailable")).as("every failure counted as the store unavailable")
                .isEqualTo(load.failures.size());
        assertThat(failedRedemptions("error")).isZero();
        assertThat(redemptions("accepted", "none")).isEqualTo(load.acknowledged.size());

        awaitCaughtUp();
        long stored = storedRedemptionIds(town).size();
        assertThat(tally.rows(town.slug())).singleElement()
                .satisfies(row -> assertThat(((Number) row.get("redemptions")).longValue()).isEqualTo(stored));
    }

    private Set<String> storedRedemptionIds(Town town) {
        return Set.copyOf(jdbc.queryForList("select convert_from(payload, 'UTF8')::json ->> 'redemptionId' from domain_event_entry"
                + " where payload_type like '%.RedeemedAtProvider' and aggregate_identifier like ?", String.class, town.slug() + ":%"));
    }

    private void awaitCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (positions.current().lag(RedemptionTally.GROUP).orElse(-1) != 0) {
            assertThat(System.nanoTime()).as("the tally never caught up: %s", positions.current()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private double failedRedemptions(String reason) {
        return redemptions("failed", reason);
    }

    private double redemptions(String outcome, String reason) {
        Counter counter = registry.find(CommandMetrics.COMMANDS)
                .tags("command", "RedeemAtProvider", "outcome", outcome, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Failed on the database, not on a bug: the command was not recorded and may be retried. */
    private static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof TransactionException || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    private static String chain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append("\n  ").append(t).append(t instanceof SQLException sql ? " state " + sql.getSQLState() : "");
        }
        return text.toString();
    }

    record Failure(Throwable cause, Duration took) {
    }

    /** One client per child, redeeming a cent at a time, as fast as the ledger answers. */
    private static final class Load {

        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final List<Failure> failures = new CopyOnWriteArrayList<>();
        private final Town town;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

        Load(Town town) {
            this.town = town;
        }

        void start() {
            for (int child = 0; child < CLIENTS; child++) {
                int client = child;
                clients.submit(() -> redeemUntilStopped(client));
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).as("clients stopped").isTrue();
        }

        private void redeemUntilStopped(int child) {
            for (int n = 0; running.get(); n++) {
                String redemptionId = "c" + child + "-" + n;
                long started = System.nanoTime();
                try {
                    Receipt receipt = town.redeem(child, redemptionId, 1);
                    if (!receipt.repeated()) {
                        acknowledged.add(redemptionId);
                    }
                } catch (RuntimeException e) {
                    failures.add(new Failure(e, Duration.ofNanos(System.nanoTime() - started)));
                    pause();
                }
            }
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
