package nl.kindpakket.ledger.api.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Changes the event table the way only a superuser can: with {@code session_replication_role = replica}
 * the append-only and chain triggers do not fire, for this session only.
 */
final class Superuser {

    private final String jdbcUrl;

    Superuser(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (Statement session = connection.createStatement()) {
                session.execute("set session_replication_role = replica");
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } finally {
                try (Statement session = connection.createStatement()) {
                    session.execute("set session_replication_role = origin");
                }
            }
        }
    }
}
