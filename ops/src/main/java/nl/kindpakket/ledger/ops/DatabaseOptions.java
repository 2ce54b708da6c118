package nl.kindpakket.ledger.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * How the commands that read the store directly reach the database: {@code --jdbc-url}, {@code --user}, and the
 * password from the environment ({@code LEDGER_DB_PASSWORD} unless {@code --password-env} names another variable),
 * so that it never shows in a process list.
 */
public final class DatabaseOptions {

    public static final String PASSWORD_VARIABLE = "LEDGER_DB_PASSWORD";

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "The ledger's database, e.g. jdbc:postgresql://127.0.0.1:5432/ledger.")
    String jdbcUrl;
    @Option(names = "--user", paramLabel = "USER", defaultValue = "postgres", description = "The database user (default: ${DEFAULT-VALUE}).")
    String user;
    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = PASSWORD_VARIABLE,
            description = "The environment variable holding the database password (default: ${DEFAULT-VALUE}; none when unset).")
    String passwordVariable;

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public Connection connect(Map<String, String> environment) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, environment.getOrDefault(passwordVariable, ""));
    }
}
