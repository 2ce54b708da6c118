package nl.kindpakket.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The horizon for databases without a view of their writers: a position counts once it has been visible for the settle time. */
class SettledHorizonTest {

    static final Duration SETTLE = Duration.ofMillis(400);

    @Test
    void a_position_is_served_only_once_it_has_been_visible_for_the_settle_time() throws Exception {
        try (Connection connection = DriverManager.getConnection(System.getProperty("ledger.test.jdbc-url"), "postgres", "")) {
            SettledHorizon horizon = new SettledHorizon(SETTLE);
            long visibleBefore = highest(connection);

            long started = System.nanoTime();
            assertThat(horizon.safePosition(connection)).as("the first answer waits one settle time").isEqualTo(visibleBefore);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(SETTLE.minusMillis(10));

            long added = HeldTransaction.RawEvents.insert(connection, "settled-test:" + System.nanoTime());
            assertThat(horizon.safePosition(connection)).as("just visible: not yet").isEqualTo(visibleBefore).isLessThan(added);

            Thread.sleep(SETTLE.toMillis() + 50);
            assertThat(horizon.safePosition(connection)).as("settled").isGreaterThanOrEqualTo(added);
        }
    }

    private static long highest(Connection connection) throws Exception {
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select coalesce(max(global_index), 0) from domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
