package nl.kindpakket.ledger.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A scratch PostgreSQL database for a benchmark run, made anew each time. */
public record BenchDatabase(String serverUrl, String name, String user) {

    public String jdbcUrl() {
        return serverUrl + "/" + name;
    }

    public void recreate() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl + "/postgres", user, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
    }
}
