package nl.kindpakket.ledger.ops.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifyCommandTest {

    private static final String URL = System.getProperty("ledger.test.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/ledger_test");

    String town;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void theLedgersSchema() {
        Flyway.configure().dataSource(URL, "postgres", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load().migrate();
    }

    @BeforeEach
    void aTownWithTwoChainedAggregates() throws SQLException {
        town = "verify-" + UUID.randomUUID().toString().substring(0, 8);
        for (String aggregate : new String[] {town + ":2024", town + ":2024:kind-1"}) {
            for (int n = 0; n < 3; n++) {
                sql(false, "insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                                + " payload_type, payload, meta_data) values (?, ?, ?, 'Test', '2024-01-01T00:00:00Z', 'test.Event', ?, '{}')",
                        aggregate + "#" + n, aggregate, n, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void an_untouched_chain_exits_zero() {
        int exit = verify("--jdbc-url", URL, "--user", "postgres", "--municipality", town);

        assertThat(exit).isEqualTo(VerifyCommand.INTACT);
        assertThat(out.toString()).startsWith("chain intact: 6 events in 2 aggregates of " + town);
    }

    @Test
    void an_altered_payload_exits_one_naming_the_event() throws SQLException {
        String altered = town + ":2024:kind-1#1";
        sql(true, "update domain_event_entry set payload = ? where event_identifier = ?", "{\"n\":9}".getBytes(StandardCharsets.UTF_8), altered);
        try {
            int exit = verify("--jdbc-url", URL, "--municipality", town);

            assertThat(exit).isEqualTo(VerifyCommand.BROKEN);
            assertThat(out.toString())
                    .startsWith("chain BROKEN: 6 events in 2 aggregates of " + town)
                    .contains("the first: event " + altered + " (global_index " + globalIndex(altered) + ", " + town + ":2024:kind-1 sequence 1)")
                    .contains("event         " + altered)
                    .contains("broken        payload");
        } finally {
            sql(true, "delete from domain_event_entry where aggregate_identifier like ?", town + ":%");
        }
    }

    @Test
    void a_deleted_event_exits_one_naming_the_broken_link() throws SQLException {
        sql(true, "delete from domain_event_entry where event_identifier = ?", town + ":2024#1");
        try {
            int exit = verify("--jdbc-url", URL, "--municipality", town);

            assertThat(exit).isEqualTo(VerifyCommand.BROKEN);
            assertThat(out.toString()).contains("event         " + town + ":2024#2").contains("broken        link");
        } finally {
            sql(true, "delete from domain_event_entry where aggregate_identifier like ?", town + ":%");
        }
    }

    @Test
    void missing_options_or_an_unreachable_store_exit_two() {
        assertThat(verify("--municipality", town)).isEqualTo(VerifyCommand.NOT_VERIFIED);
        assertThat(verify("--jdbc-url", URL, "--municipality", "Not A Slug")).isEqualTo(VerifyCommand.NOT_VERIFIED);
        assertThat(verify("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none")).isEqualTo(VerifyCommand.NOT_VERIFIED);
        assertThat(err.toString()).contains("Missing required option: '--jdbc-url=URL'", "Usage: verify")
                .contains("verify: --municipality").contains("could not read the event store");
    }

    private int verify(String... args) {
        return VerifyCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private long globalIndex(String eventId) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
             PreparedStatement s = c.prepareStatement("select global_index from domain_event_entry where event_identifier = ?")) {
            s.setString(1, eventId);
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    /** As a superuser: with {@code session_replication_role = replica} the append-only trigger does not fire. */
    private static void sql(boolean bypassTriggers, String sql, Object... parameters) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
            if (bypassTriggers) {
                try (Statement s = c.createStatement()) {
                    s.execute("set session_replication_role = replica");
                }
            }
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                s.executeUpdate();
            }
        }
    }
}
