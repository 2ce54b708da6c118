package nl.kindpakket.ledger.ops.bench;

import java.util.ArrayList;
import java.util.List;

import nl.kindpakket.ledger.api.LedgerApplication;
import org.axonframework.config.Configuration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger booted in this process on the bench database as production runs it (profile {@code postgres}),
 * with its web server on a free port so that live load and reports travel over real HTTP on loopback.
 */
final class BenchLedger implements AutoCloseable {

    static final String MUNICIPALITY = "benchstad";
    static final String PROVIDER = "benchwinkel";
    static final BenchUser PROVIDER_USER = new BenchUser("bench-provider", "bench-provider-secret");
    static final BenchUser AUDITOR_USER = new BenchUser("bench-auditor", "bench-auditor-secret");
    static final BenchUser INTEGRATOR_USER = new BenchUser("bench-integrator", "bench-integrator-secret");

    record BenchUser(String name, String password) {
    }

    private final ConfigurableApplicationContext context;

    private BenchLedger(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static BenchLedger boot(BenchDatabase db, List<String> settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        addUser(args, 0, PROVIDER_USER, "PROVIDER", PROVIDER);
        addUser(args, 1, AUDITOR_USER, "AUDITOR", null);
        addUser(args, 2, INTEGRATOR_USER, "INTEGRATOR", null);
        settings.forEach(setting -> args.add("--" + setting));
        return new BenchLedger(new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new)));
    }

    private static void addUser(List<String> args, int i, BenchUser user, String role, String providerId) {
        String prefix = "--ledger.security.users[" + i + "].";
        args.add(prefix + "name=" + user.name());
        args.add(prefix + "password=" + user.password());
        args.add(prefix + "role=" + role);
        args.add(prefix + "municipality=" + MUNICIPALITY);
        if (providerId != null) {
            args.add(prefix + "provider-id=" + providerId);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    Configuration axon() {
        return bean(Configuration.class);
    }

    long eventCount() {
        return jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    String postgresVersion() {
        return "PostgreSQL " + jdbc().queryForObject("show server_version", String.class);
    }

    long headPosition() {
        Long head = jdbc().queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    @Override
    public void close() {
        context.close();
    }
}
