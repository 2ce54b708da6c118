package nl.kindpakket.ledger.ops.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import nl.kindpakket.ledger.projections.ReadModels;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models' token rows locked for a while by a transaction of the test, as a slow batch of another instance
 * would hold them: a rebuild's switch waits for it, so its progress can be seen before it is done.
 */
final class HeldTokens implements AutoCloseable {

    private final Connection connection;
    private final Thread release;

    private HeldTokens(Connection connection, Duration holdFor) {
        this.connection = connection;
        this.release = new Thread(() -> {
            try {
                Thread.sleep(holdFor.toMillis());
                connection.rollback();
            } catch (InterruptedException | SQLException e) {
                Thread.currentThread().interrupt();
            }
        }, "held-tokens");
        release.start();
    }

    static HeldTokens of(JdbcTemplate jdbc, Duration holdFor) throws SQLException {
        Connection connection = jdbc.getDataSource().getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT segment FROM token_entry WHERE processor_name = ? FOR UPDATE")) {
            lock.setString(1, ReadModels.GROUP);
            lock.executeQuery().close();
        }
        return new HeldTokens(connection, holdFor);
    }

    @Override
    public void close() throws Exception {
        release.join();
        connection.close();
    }
}
