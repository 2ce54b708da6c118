package nl.kindpakket.ledger.projections.support;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An empty database on which a test runs the read models' migrations up to a version, writes rows as the code of that
 * version did, then runs the rest: a schema of its own on the test's PostgreSQL, or an embedded H2 file opened as the
 * service's embedded default opens it.
 */
public final class MigratingDatabase {

    private final DriverManagerDataSource dataSource;
    private final FluentConfiguration configuration;

    private MigratingDatabase(DriverManagerDataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common")
                .cleanDisabled(false);
        if (schema != null) {
            configuration.schemas(schema).createSchemas(true);
        }
        configuration.load().clean();
    }

    public static MigratingDatabase postgres(String schema) {
        String url = System.getProperty("ledger.test.jdbc-url");
        return new MigratingDatabase(new DriverManagerDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, "postgres", ""), schema);
    }

    public static MigratingDatabase h2(Path dir) {
        return new MigratingDatabase(new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("projections")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", ""), null);
    }

    /** Runs the migrations up to this version; returns the database to write the old rows in. */
    public JdbcTemplate migrateTo(String version) {
        configuration.target(version).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    /** Runs the migrations after it. */
    public void migrateToLatest() {
        configuration.target("latest").load().migrate();
    }
}
