package nl.kindpakket.ledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

// the same context as the HTTP tests: each cached context holds a pool of connections
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UntouchedChainVerifiesTest {

    private static final int THREADS = 6;
    private static final int SHARED_CHILDREN = 3;

    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    Town town;
    ChainVerifier verifier = new ChainVerifier(Clock.systemUTC());

    @BeforeEach
    void aTownWithThreeChildren() {
        town = Town.open("chain", commands);
        for (int i = 1; i <= SHARED_CHILDREN; i++) {
            town.grant(i);
            town.redeem(i, "first-" + i);
        }
    }

    @Test
    void the_chain_of_events_written_by_commands_verifies() throws SQLException {
        ChainReport report = verify();

        assertThat(report.intact()).as("%s", report.firstBreak()).isTrue();
        assertThat(report.breaks()).isZero();
        assertThat(report.eventsChecked()).isEqualTo(storedEvents()).isGreaterThanOrEqualTo(2 + 2L * SHARED_CHILDREN);
        assertThat(report.aggregates()).isEqualTo(storedAggregates()).isEqualTo(2 + SHARED_CHILDREN);
        assertThat(report.municipality()).isEqualTo(town.municipality.slug());
    }

    @Test
    void events_appended_concurrently_by_several_threads_to_the_same_and_to_other_aggregates_chain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int k = 0; k < 5; k++) {
                        town.grant(100 * (thread + 1) + k);
                        for (int shared = 1; shared <= SHARED_CHILDREN; shared++) {
                            town.redeem(shared, "t" + thread + "-" + k + "-" + shared);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }

        ChainReport report = verify();

        assertThat(report.intact()).as("%s", report.firstBreak()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(storedEvents());
        assertThat(report.aggregates()).isEqualTo(2 + SHARED_CHILDREN + THREADS * 5);
        assertThat(jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, town.child(1).toString())).isEqualTo(1L + THREADS * 5);
    }

    @Test
    void the_whole_store_verifies() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            ChainReport report = verifier.verifyAll(connection);

            assertThat(report.intact()).as("%s", report.firstBreak()).isTrue();
            assertThat(report.municipality()).isNull();
            assertThat(report.eventsChecked()).isGreaterThanOrEqualTo(storedEvents());
            System.out.printf("verified %,d events in %,d aggregates in %,d ms: %,.0f events/s%n",
                    report.eventsChecked(), report.aggregates(), report.durationMs(), report.eventsPerSecond());
        }
    }

    private ChainReport verify() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return verifier.verify(connection, town.municipality);
        }
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?", Long.class,
                town.municipality.slug() + ":%");
    }

    private long storedAggregates() {
        return jdbc.queryForObject("select count(distinct aggregate_identifier) from domain_event_entry where aggregate_identifier like ?",
                Long.class, town.municipality.slug() + ":%");
    }
}
