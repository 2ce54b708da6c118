package nl.kindpakket.ledger.api.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.api.LedgerApplication;
import nl.kindpakket.ledger.api.rebuild.ReadModelsCaughtUp;
import nl.kindpakket.ledger.api.rebuild.RebuildStatus;
import nl.kindpakket.ledger.api.rebuild.Rebuilds;
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
 * A process dies in the middle of rebuilding the read models and a new one takes over: the rebuild goes on with the
 * part of the fold that did not commit, and ends with exactly the figures the live read models had. The death is the
 * database losing every connection of the process at once, mid-part, then the process stopping.
 */
class InterruptedRebuildTest {

    private static final String SCHEMA = "fault_rebuild";
    private static final int CHILDREN = 200;
    private static final int PARTS = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void a_rebuild_killed_halfway_goes_on_in_a_new_process_with_the_part_it_was_folding_and_ends_with_the_same_figures()
            throws Exception {
        TestDatabase database = TestDatabase.fromSystemProperty();
        database.freshSchema(SCHEMA);
        try (TcpProxy proxy = new TcpProxy(database.host(), database.port())) {
            String url = database.url(proxy.port(), SCHEMA);
            Map<String, List<String>> built;
            String id;
            try (ConfigurableApplicationContext first = start(url)) {
                Town town = Town.named(first.getBean(CommandGateway.class), "rebuild");
                RecordedYear.append(first.getBean(EventStore.class), first.getBean(TransactionTemplate.class), town, CHILDREN);
                ReadModelsCaughtUp.await(first.getBean(JdbcTemplate.class), first.getBean(Serializer.class));
                built = ReadModelRows.of(first.getBean(JdbcTemplate.class), SCHEMA);

                HeldFold.holdInPart(2);
                id = first.getBean(Rebuilds.class).start("all").id();
                assertThat(HeldFold.awaitHeld(PATIENCE.toSeconds())).as("the rebuild reached its third part").isTrue();
                assertThat(first.getBean(JdbcTemplate.class).queryForObject(
                        "SELECT parts_done FROM read_model_rebuild WHERE rebuild_id = ?", Integer.class, id)).isEqualTo(2);
                proxy.cut();
                HeldFold.release();
            }
            proxy.restore();

            try (ConfigurableApplicationContext second = start(url)) {
                Rebuilds rebuilds = second.getBean(Rebuilds.class);
                RebuildStatus resumed = awaitFinished(rebuilds, id);

                assertThat(resumed.state()).as(resumed.toString()).isEqualTo("DONE");
                assertThat(resumed.parts()).isEqualTo(PARTS);
                assertThat(ReadModelRows.of(second.getBean(JdbcTemplate.class), SCHEMA)).isEqualTo(built);
                // a rebuild is DONE once its tables are switched in; it drops the retired ones right after
                await("the retired tables dropped").atMost(Duration.ofSeconds(10)).until(() -> second.getBean(JdbcTemplate.class)
                        .queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema IN ('rebuild', 'retired')",
                                Long.class) == 0);
            }
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(LedgerApplication.class, HeldFold.class)
                .profiles("test")
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--spring.datasource.hikari.maximum-pool-size=8",
                        "--spring.datasource.hikari.connection-timeout=1000", "--ledger.processing.batch-size=50",
                        "--ledger.rebuild.parts=" + PARTS, "--ledger.rebuild.orphaned-after=2s",
                        "--ledger.rebuild.heartbeat=200ms");
    }

    private static RebuildStatus awaitFinished(Rebuilds rebuilds, String id) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        RebuildStatus status = rebuilds.status(id).orElseThrow();
        while (!status.isFinished()) {
            assertThat(System.nanoTime()).as("the rebuild was never taken up: %s", status).isLessThan(deadline);
            Thread.sleep(100);
            status = rebuilds.status(id).orElseThrow();
        }
        return status;
    }
}
