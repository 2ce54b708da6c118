package nl.kindpakket.ledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events stored before migration V200 are chained by it, on PostgreSQL and on the embedded H2 default alike. */
class ChainMigrationTest {

    private static final String TEST_URL = System.getProperty("ledger.test.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/ledger_test");

    @Test
    void postgresql_chains_the_events_stored_before_the_migration_and_every_event_after_it() throws SQLException {
        String server = TEST_URL.substring(0, TEST_URL.lastIndexOf('/'));
        String scratch = TEST_URL.substring(TEST_URL.lastIndexOf('/') + 1) + "_chain_migration";
        admin(server, "drop database if exists " + scratch + " with (force)");
        admin(server, "create database " + scratch);
        try {
            migratesAndChains(server + "/" + scratch, "postgres", "classpath:db/migration/common", "classpath:db/migration/postgresql");
        } finally {
            admin(server, "drop database if exists " + scratch + " with (force)");
        }
    }

    @Test
    void h2_chains_the_events_stored_before_the_migration_and_every_event_after_it(@TempDir Path dir) throws SQLException {
        migratesAndChains("jdbc:h2:file:" + dir.resolve("ledger") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "classpath:db/migration/common", "classpath:db/migration/h2");
    }

    private void migratesAndChains(String url, String user, String... migrations) throws SQLException {
        migrate(url, user, migrations, "1");
        List<EventRow> before = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            for (String aggregate : List.of("b:2024:kind-2", "a:2024:kind-1", "a:2024")) {
                for (int n = 0; n < 3; n++) {
                    before.add(insert(c, new EventRow(aggregate + "#" + n, aggregate, n, "test.Event", n == 1 ? null : "1",
                            "2024-01-0" + (n + 1) + "T00:00:00Z", ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8),
                            n == 2 ? null : "{}".getBytes(StandardCharsets.UTF_8))));
                }
            }
        }

        migrate(url, user, migrations, "latest");

        try (Connection c = DriverManager.getConnection(url, user, "")) {
            byte[] previous = EventChain.GENESIS;
            for (EventRow row : before) {
                previous = EventChain.hash(row.sequenceNumber() == 0 ? EventChain.GENESIS : previous, row);
                assertThat(storedHash(c, row)).as(row.eventIdentifier()).isEqualTo(previous);
            }
            EventRow after = insert(c, new EventRow("a-after", "a:2024:kind-1", 3, "test.Event", null, "2024-02-01T00:00:00Z",
                    "{}".getBytes(StandardCharsets.UTF_8), null));
            assertThat(storedHash(c, after)).isEqualTo(EventChain.hash(storedHash(c, before.get(5)), after));
            assertThatThrownBy(() -> insert(c, new EventRow("gap", "a:2024:kind-1", 5, "test.Event", null, "t", new byte[0], null)))
                    .hasMessageContaining("no chained predecessor 4");

            ChainReport report = new ChainVerifier(Clock.systemUTC()).verifyAll(c);
            assertThat(report.intact()).as("%s", report.firstBreak()).isTrue();
            assertThat(report.eventsChecked()).isEqualTo(10);
            assertThat(report.aggregates()).isEqualTo(3);
        }
    }

    private static void migrate(String url, String user, String[] migrations, String target) {
        Flyway.configure().dataSource(url, user, "")
                .locations(migrations)
                .target(target)
                .load()
                .migrate();
    }

    private static EventRow insert(Connection c, EventRow row) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into domain_event_entry (event_identifier, aggregate_identifier,"
                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, 'Test', ?, ?, ?, ?, ?)")) {
            insert.setString(1, row.eventIdentifier());
            insert.setString(2, row.aggregateIdentifier());
            insert.setLong(3, row.sequenceNumber());
            insert.setString(4, row.timeStamp());
            insert.setString(5, row.payloadType());
            insert.setString(6, row.payloadRevision());
            insert.setBytes(7, row.payload());
            insert.setBytes(8, row.metaData());
            insert.executeUpdate();
        }
        return row;
    }

    private static byte[] storedHash(Connection c, EventRow row) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select chain_hash from domain_event_entry where event_identifier = ?")) {
            select.setString(1, row.eventIdentifier());
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private static void admin(String server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
