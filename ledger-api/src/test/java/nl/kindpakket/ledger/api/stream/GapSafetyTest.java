package nl.kindpakket.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The classic gap: a position drawn by a transaction still open while a later one has committed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GapSafetyTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    final String town = "gap-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void the_horizon_stays_below_a_position_whose_transaction_is_still_open() throws Exception {
        WriterLockHorizon horizon = new WriterLockHorizon(Duration.ofMillis(200));
        try (Connection reader = dataSource.getConnection()) {
            long before = horizon.safePosition(reader);
            try (HeldTransaction held = HeldTransaction.insert(dataSource, town + ":held")) {
                long later = insertCommitted(town + ":later");

                assertThat(later).isGreaterThan(held.position());
                assertThat(visible(town)).as("the later event is visible, the held one is not").containsExactly(later);
                assertThat(horizon.safePosition(reader)).isEqualTo(before).isLessThan(held.position());

                held.commit();
                assertThat(horizon.safePosition(reader)).isGreaterThanOrEqualTo(later);
            }
        }
    }

    @Test
    void a_request_waits_for_the_open_transaction_and_serves_both_events_in_order() throws Exception {
        StreamClient client = StreamClient.integrator(port);
        long start = client.get("limit=1&municipality=testville").horizon();
        try (HeldTransaction held = HeldTransaction.insert(dataSource, "testville:held-" + town)) {
            long later = insertCommitted("testville:later-" + town);
            CompletableFuture<StreamClient.Response> page = CompletableFuture.supplyAsync(() ->
                    client.get("after=" + (held.position() - 1) + "&municipality=testville&limit=10000"));
            await("the request waits while the writer is in flight").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> !page.isDone());

            held.commit();

            assertThat(page.get().positions()).startsWith(held.position(), later);
            assertThat(page.get().nextAfter()).isGreaterThanOrEqualTo(later).isGreaterThan(start);
        }
    }

    private long insertCommitted(String aggregateId) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return HeldTransaction.RawEvents.insert(connection, aggregateId);
        }
    }

    private List<Long> visible(String municipality) {
        return jdbc.queryForList("select global_index from domain_event_entry where aggregate_identifier like ? order by global_index",
                Long.class, municipality + ":%");
    }
}
