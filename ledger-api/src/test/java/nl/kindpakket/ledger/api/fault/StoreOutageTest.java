package nl.kindpakket.ledger.api.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away under load and comes back: commands fail fast and cleanly meanwhile (503 over HTTP),
 * whatever was acknowledged is in the store afterwards, and the read models catch up. The service reaches the
 * database through a proxy of this test's own, so the shared server is never touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.metrics.positions-max-age=0s",
        "spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500",
        "spring.datasource.hikari.maximum-pool-size=8",
        "ledger.security.users[0].name=outage-staff", "ledger.security.users[0].password=outage-staff-password",
        "ledger.security.users[0].role=MUNICIPALITY_STAFF", "ledger.security.users[0].municipality=" + StoreOutageTest.TOWN})
@ActiveProfiles("test")
@DirtiesContext
@AutoConfigureObservability(tracing = false)
@Import(RedemptionTally.class)
class StoreOutageTest {

    static final String TOWN = "outage";
    private static final String SCHEMA = "fault_outage";
    private static final int CHILDREN = 4;
    private static final Duration RECOVERY = Duration.ofSeconds(20);
    /** A request may wait for a connection (1 s here) a few times over; the default pool would queue it 30 s. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);
    /** Left open until the JVM ends: the context, closed after this class, still shuts its processors down through it. */
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
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry properties) throws Exception {
        TestDatabase database = TestDatabase.fromSystemProperty();
        database.freshSchema(SCHEMA);
        proxy = new TcpProxy(database.host(), database.port());
        properties.add("spring.datasource.url", () -> database.url(proxy.port(), SCHEMA));
    }

    @Test
    void commands_fail_cleanly_while_the_store_is_away_and_nothing_acknowledged_is_lost() throws Exception {
        Town town = Town.named(commands, TOWN);
        for (int child = 0; child < CHILDREN; child++) {
            town.grant(child, 1_000_000);
        }
        OutageClients.Client gateway = OutageClients.gateway(town);
        OutageClients.Client http = OutageClients.http(town, port, "outage-staff", "outage-staff-password");
        Load load = new Load(List.of(gateway, gateway, http, http));
        load.start();

        load.awaitAcknowledged(20);
        proxy.cut();
        Thread.sleep(3_000);
        int acknowledgedWhileAway = load.acknowledged.size();
        proxy.restore();
        load.awaitAcknowledged(acknowledgedWhileAway + 20);
        load.stop();

        assertThat(load.failures).as("commands refused while the store was away").isNotEmpty();
        assertThat(load.failures).allSatisfy(failure -> {
            assertThat(failure.outcome().clean()).as("a clean failure: %s", failure.outcome().failure()).isTrue();
            assertThat(failure.took()).as("failed within a few connection timeouts, not queued").isLessThan(FAIL_FAST);
        });
        assertThat(storedRedemptionIds()).containsAll(load.acknowledged);
        assertThat(redemptions("failed", "error")).isZero();
        assertThat(redemptions("failed", "store-unavailable")).isPositive();

        awaitCaughtUp();
        long stored = storedRedemptionIds().size();
        assertThat(tally.rows(TOWN)).singleElement()
                .satisfies(row -> assertThat(((Number) row.get("redemptions")).longValue()).isEqualTo(stored));
    }

    private Set<String> storedRedemptionIds() {
        return Set.copyOf(jdbc.queryForList("select convert_from(payload, 'UTF8')::json ->> 'redemptionId' from domain_event_entry"
                + " where payload_type like '%.RedeemedAtProvider'", String.class));
    }

    private double redemptions(String outcome, String reason) {
        Counter counter = registry.find(CommandMetrics.COMMANDS)
                .tags("command", "RedeemAtProvider", "outcome", outcome, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitCaughtUp() {
        await("the tally catches up").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> positions.current().lag(RedemptionTally.GROUP).orElse(-1) == 0);
    }

    record Failure(OutageClients.Outcome outcome, Duration took) {
    }

    /** One client per child, redeeming a cent at a time, as fast as the ledger answers. */
    private static final class Load {

        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final List<Failure> failures = new CopyOnWriteArrayList<>();
        private final List<OutageClients.Client> clients;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads;

        Load(List<OutageClients.Client> clients) {
            this.clients = clients;
            this.threads = Executors.newFixedThreadPool(clients.size());
        }

        void start() {
            for (int child = 0; child < clients.size(); child++) {
                int mine = child;
                threads.submit(() -> redeemUntilStopped(mine));
            }
        }

        void awaitAcknowledged(int count) {
            await(count + " commands accepted").atMost(RECOVERY).pollInterval(Duration.ofMillis(20))
                    .until(() -> acknowledged.size() >= count);
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).as("clients stopped").isTrue();
        }

        private void redeemUntilStopped(int child) {
            for (int n = 0; running.get(); n++) {
                String redemptionId = "c" + child + "-" + n;
                long started = System.nanoTime();
                OutageClients.Outcome outcome = clients.get(child).redeem(child, redemptionId);
                if (outcome.accepted()) {
                    acknowledged.add(redemptionId);
                } else {
                    failures.add(new Failure(outcome, Duration.ofNanos(System.nanoTime() - started)));
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
