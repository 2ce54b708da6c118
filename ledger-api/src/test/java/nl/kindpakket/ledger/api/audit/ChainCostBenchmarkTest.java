package nl.kindpakket.ledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.kindpakket.ledger.api.LedgerApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the chain trigger costs: the same appends on two scratch databases, one with the chain and one
 * without it, taken in alternating slices so that a busy machine weighs on both alike. Run with
 * {@code -Dledger.bench=true}; prints a Markdown table.
 */
@EnabledIfSystemProperty(named = "ledger.bench", matches = "true")
class ChainCostBenchmarkTest {

    private static final String TEST_URL = System.getProperty("ledger.test.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/ledger_test");
    private static final String SERVER = TEST_URL.substring(0, TEST_URL.lastIndexOf('/'));
    private static final int SLICES = 10;
    private static final int ROWS_PER_SLICE = 500;
    private static final int CHILDREN_PER_SLICE = 100;
    private static final int THREADS = 4;
    private static final byte[] PAYLOAD = "x".repeat(420).getBytes(StandardCharsets.UTF_8);

    /** One store under measurement, with the seconds spent per measure. */
    private static final class Store {
        final boolean chained;
        final String url;
        final Town town;
        final ConfigurableApplicationContext ledger;
        final double[] seconds = new double[4];

        Store(boolean chained) throws SQLException {
            this.chained = chained;
            this.url = scratch(chained);
            this.ledger = new SpringApplicationBuilder(LedgerApplication.class).web(WebApplicationType.NONE)
                    // arguments, not default properties, so that they override application.yml's embedded H2 URL
                    .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                            "--logging.level.root=WARN");
            this.town = Town.open("cost", ledger.getBean(CommandGateway.class));
        }
    }

    @Test
    void the_chain_trigger_costs_little_next_to_a_plain_append() throws Exception {
        Store plain = new Store(false);
        Store chained = new Store(true);
        try {
            for (int slice = 0; slice < SLICES; slice++) {
                for (Store store : new Store[] {plain, chained}) {
                    store.seconds[0] += inserts(store.url, "single-" + slice, false);
                    store.seconds[1] += inserts(store.url, "batch-" + slice, true);
                    store.seconds[2] += commands(store.town, 2 * slice * CHILDREN_PER_SLICE, 1);
                    store.seconds[3] += commands(store.town, (2 * slice + 1) * CHILDREN_PER_SLICE, THREADS);
                }
            }
            System.out.println();
            System.out.printf("| store | single-row insert+commit /s | inserts/s in transactions of %d | commands/s, 1 thread | commands/s, %d threads |%n",
                    ROWS_PER_SLICE, THREADS);
            System.out.println("|---|---|---|---|---|");
            for (Store store : new Store[] {plain, chained}) {
                double rows = SLICES * ROWS_PER_SLICE;
                double commands = SLICES * CHILDREN_PER_SLICE * 2.0;
                System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %,.0f |%n", store.chained ? "with chain trigger" : "without",
                        rows / store.seconds[0], rows / store.seconds[1], commands / store.seconds[2], commands / store.seconds[3]);
            }
            System.out.println(verify(chained.url));
        } finally {
            plain.ledger.close();
            chained.ledger.close();
            admin("drop database if exists " + name(false) + " with (force)");
            admin("drop database if exists " + name(true) + " with (force)");
        }
    }

    private static String scratch(boolean chained) throws SQLException {
        admin("drop database if exists " + name(chained) + " with (force)");
        admin("create database " + name(chained));
        String url = SERVER + "/" + name(chained);
        Flyway.configure().dataSource(url, "postgres", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        if (!chained) {
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("drop trigger domain_event_entry_chain on domain_event_entry");
                s.execute("alter table domain_event_entry alter column chain_hash drop not null");
            }
        }
        return url;
    }

    /**
     * Single rows each committed, like the design's raw baseline; or all in one transaction, so that the
     * trigger's own work shows. Five events per aggregate, so most inserts look up a predecessor.
     */
    private static double inserts(String url, String prefix, boolean oneTransaction) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(!oneTransaction);
            long start = System.nanoTime();
            insertRows(c, prefix, oneTransaction);
            if (oneTransaction) {
                c.commit();
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void insertRows(Connection c, String prefix, boolean batched) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into domain_event_entry (event_identifier, aggregate_identifier,"
                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " values (?, ?, ?, 'Entitlement', '2026-01-01T00:00:00Z', 'bench.Event', null, ?, ?)")) {
            for (int i = 0; i < ROWS_PER_SLICE; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, prefix + ":" + (i / 5));
                insert.setLong(3, i % 5);
                insert.setBytes(4, PAYLOAD);
                insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
                if (batched) {
                    insert.addBatch();
                } else {
                    insert.executeUpdate();
                }
            }
            if (batched) {
                insert.executeBatch();
            }
        }
    }

    /** Grants children and then one redemption each: half the commands append after an earlier event. */
    private static double commands(Town town, int firstChild, int threads) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                work.add(pool.submit(() -> {
                    for (int i = firstChild + offset; i < firstChild + CHILDREN_PER_SLICE; i += threads) {
                        town.grant(i);
                        town.redeem(i, "r-" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String verify(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            ChainReport report = new ChainVerifier(Clock.systemUTC()).verifyAll(c);
            assertThat(report.intact()).isTrue();
            long start = System.nanoTime();
            long rows = 0;
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1_000);
                try (ResultSet rs = s.executeQuery("select * from domain_event_entry")) {
                    while (rs.next()) {
                        rows++;
                    }
                }
            }
            c.commit();
            return String.format(Locale.ROOT, "verify: %,d events in %,d aggregates, %,d ms: %,.0f events/s; raw sequential read of the table: %,.0f rows/s",
                    report.eventsChecked(), report.aggregates(), report.durationMs(), report.eventsPerSecond(),
                    rows / ((System.nanoTime() - start) / 1e9));
        }
    }

    private static String name(boolean chained) {
        return TEST_URL.substring(TEST_URL.lastIndexOf('/') + 1) + (chained ? "_cost_chained" : "_cost_plain");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "/postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
