package nl.kindpakket.ledger.api.fault;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The test database from {@code ledger.test.jdbc-url}, and fresh schemas in it: a fault test gets a store of
 * its own, so its processors replay only its own events and its checks count only its own rows.
 */
public record TestDatabase(String host, int port, String database) {

    public static TestDatabase fromSystemProperty() {
        String url = System.getProperty("ledger.test.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/ledger_test");
        URI uri = URI.create(url.substring("jdbc:".length()));
        String path = uri.getPath().substring(1);
        return new TestDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path);
    }

    /** A JDBC url to this database through another port (a proxy's), using the given schema. */
    public String url(int port, String schema) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?currentSchema=" + schema;
    }

    /**
     * A store of the caller's own: other test classes' applications, cached in the same JVM, share a token owner
     * name with it and would process the same events in the shared schema at the same time.
     */
    public static String freshStore(String schema) throws SQLException {
        TestDatabase database = fromSystemProperty();
        database.freshSchema(schema);
        return "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.database() + "?currentSchema=" + schema;
    }

    /** Drops what an earlier run left in the schema and creates it empty. */
    public void freshSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        }
    }
}
