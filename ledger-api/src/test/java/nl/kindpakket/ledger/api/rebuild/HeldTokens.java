package nl.kindpakket.ledger.api.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import nl.kindpakket.ledger.projections.ReadModels;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models' token rows locked by a transaction of the test, as a slow live batch of another instance would
 * hold them: a rebuild's switch waits until it ends.
 */
final class HeldTokens implements AutoCloseable {

    private final Connection connection;

    private HeldTokens(Connection connection) {
        this.connection = connection;
    }

    static HeldTokens of(JdbcTemplate jdbc) throws SQLException {
        Connection connection = jdbc.getDataSource().getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT segment FROM token_entry WHERE processor_name = ? FOR UPDATE")) {
            lock.setString(1, ReadModels.GROUP);
            lock.executeQuery().close();
        }
        return new HeldTokens(connection);
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
