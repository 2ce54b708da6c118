package nl.kindpakket.ledger.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.kindpakket.ledger.api.LedgerApplication;
import nl.kindpakket.ledger.api.metrics.ProcessorPositions;
import nl.kindpakket.ledger.api.metrics.ProcessorStatus;
import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A process dies in the middle of rebuilding the read models and a new one takes over: the rebuild resumes
 * where the last committed batch left it and ends with exactly the figures the uninterrupted projections had.
 * The death is the database losing every connection of the process at once, mid-batch, then the process stopping.
 */
class InterruptedReplayTest {

    private static final String SCHEMA = "fault_replay";
    private static final int CHILDREN = 200;
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    /** Not the read models: the store itself, its tokens, and the schema's history. */
    private static final List<String> NOT_REBUILT = List.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "flyway_schema_history");

    @Test
    void a_rebuild_killed_halfway_resumes_in_a_new_process_and_ends_with_the_same_figures() throws Exception {
        TestDatabase database = TestDatabase.fromSystemProperty();
        database.freshSchema(SCHEMA);
        try (TcpProxy proxy = new TcpProxy(database.host(), database.port())) {
            String url = database.url(proxy.port(), SCHEMA);
            Map<String, List<String>> built;
            long head;
            try (ConfigurableApplicationContext first = start(url)) {
                Town town = Town.named(first.getBean(CommandGateway.class), "replay");
                RecordedYear.append(first.getBean(EventStore.class), first.getBean(TransactionTemplate.class), town, CHILDREN);
                awaitRebuilt(first);
                built = readModels(first.getBean(JdbcTemplate.class));
                head = first.getBean(ProcessorPositions.class).current().head();

                ReplayGate.holdAt(head / 2);
                rebuildAll(first);
                assertThat(ReplayGate.awaitHeld(PATIENCE.toSeconds())).as("the rebuild reached the middle").isTrue();
                proxy.cut();
                ReplayGate.release();
            }
            proxy.restore();

            try (ConfigurableApplicationContext second = start(url)) {
                long resumedFrom = second.getBean(ProcessorPositions.class).current().position(ReadModels.SPENDING_LINES).orElseThrow();
                assertThat(resumedFrom).as("the rebuild resumes from its last batch, not from the start or the end")
                        .isPositive().isLessThan(head);
                awaitRebuilt(second);

                assertThat(readModels(second.getBean(JdbcTemplate.class))).isEqualTo(built);
            }
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(LedgerApplication.class, ReplayGate.class)
                .profiles("test")
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--spring.datasource.hikari.maximum-pool-size=8",
                        "--spring.datasource.hikari.connection-timeout=1000", "--ledger.processing.batch-size=50",
                        "--ledger.metrics.positions-max-age=0s");
    }

    private static void rebuildAll(ConfigurableApplicationContext context) {
        for (StreamingEventProcessor processor : streaming(context)) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
    }

    private static void awaitRebuilt(ConfigurableApplicationContext context) throws InterruptedException {
        ProcessorPositions positions = context.getBean(ProcessorPositions.class);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!streaming(context).stream().allMatch(p -> !ProcessorStatus.isReplaying(p)
                && positions.current().lag(p.getName()).orElse(-1) == 0)) {
            assertThat(System.nanoTime()).as("the read models never caught up: %s", positions.current()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static List<StreamingEventProcessor> streaming(ConfigurableApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    /** Every row of every read model table, as text, sorted: equal maps are equal figures. */
    private static Map<String, List<String>> readModels(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = ?",
                String.class, SCHEMA)) {
            if (!NOT_REBUILT.contains(table)) {
                tables.put(table, jdbc.queryForList("select * from " + table).stream().map(Object::toString).sorted().toList());
            }
        }
        return tables;
    }
}
