package nl.kindpakket.ledger.api.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.api.fault.TestDatabase;
import nl.kindpakket.ledger.api.rebuild.Rebuilds;
import nl.kindpakket.ledger.api.reset.AnnualResets;
import nl.kindpakket.ledger.api.reset.ResetJobStatus;
import nl.kindpakket.ledger.core.api.Municipality;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service on PostgreSQL that every figures test shares: one context on a store of its own, a schema no
 * other cached test context processes, so its processors alone hold the read models' tokens and a replay runs through
 * this run's events only. Each test works in its own municipality, named with this run's random suffix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.maximum-pool-size=12", "spring.datasource.hikari.minimum-idle=2",
        // one segment, so that a test can hold and fail one batch of everything it sends
        "ledger.processing.segments=1"})
@ActiveProfiles("test")
@Import(PoisonPill.class)
abstract class RunningLedger {

    static final String RUN = suffix();
    /** Municipalities whose reports are also read over HTTP, each by a council member of its own. */
    static final List<String> READ_OVER_HTTP = List.of("westland", "enschede", "westland-taken", "enschede-journal",
            "journal-requests");
    /** Municipalities whose journals are also read over HTTP, by a member of staff and an auditor of each. */
    static final List<String> AUDITED_OVER_HTTP = List.of("enschede-journal", "journal-requests");
    private static final Map<String, String> AUDITING_ROLES = Map.of("staff", "MUNICIPALITY_STAFF", "auditor", "AUDITOR");

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    AnnualResets resets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Serializer serializer;
    @Autowired
    Rebuilds rebuilds;

    /**
     * A fresh schema for the store, and a council member per town (and staff and an auditor where journals are read)
     * in place of the test profile's users (Spring binds a list from one property source only).
     */
    @DynamicPropertySource
    static void aStoreOfItsOwnAndCouncilMembers(DynamicPropertyRegistry registry) throws SQLException {
        String store = TestDatabase.freshStore("figures");
        registry.add("spring.datasource.url", () -> store);
        for (int i = 0; i < READ_OVER_HTTP.size(); i++) {
            String town = READ_OVER_HTTP.get(i);
            registry.add("ledger.security.users[" + i + "].name", () -> "council-" + town);
            registry.add("ledger.security.users[" + i + "].password", () -> password(town));
            registry.add("ledger.security.users[" + i + "].role", () -> "COUNCIL");
            registry.add("ledger.security.users[" + i + "].municipality", () -> municipality(town).slug());
        }
        int user = READ_OVER_HTTP.size();
        for (String town : AUDITED_OVER_HTTP) {
            for (Map.Entry<String, String> role : AUDITING_ROLES.entrySet()) {
                int i = user++;
                registry.add("ledger.security.users[" + i + "].name", () -> role.getKey() + "-" + town);
                registry.add("ledger.security.users[" + i + "].password", () -> password(role.getKey(), town));
                registry.add("ledger.security.users[" + i + "].role", role::getValue);
                registry.add("ledger.security.users[" + i + "].municipality", () -> municipality(town).slug());
            }
        }
    }

    static Municipality municipality(String name) {
        return new Municipality(name + "-" + RUN);
    }

    static String password(String town) {
        return password("council", town);
    }

    static String password(String role, String town) {
        return role + "-" + town + "-" + RUN + "-password";
    }

    ReadModelProgress readModels() {
        return new ReadModelProgress(jdbc, processing, serializer);
    }

    /** Rebuilds every read model from the store, as an operator would, and waits until they are live again. */
    void rebuildEveryReadModel() {
        String id = rebuilds.start("all").id();
        Await.until(Duration.ofMinutes(2), () -> rebuilds.status(id).orElseThrow().isFinished(), () -> "rebuild " + id);
        assertThat(rebuilds.status(id).orElseThrow().state()).isEqualTo("DONE");
        readModels().awaitCaughtUp(Duration.ofSeconds(60));
    }

    CouncilHttp council(String town) {
        return new CouncilHttp(port, "council-" + town, password(town));
    }

    /** A member of staff ("staff") or an auditor ("auditor") of a town of {@link #AUDITED_OVER_HTTP}. */
    AuditorHttp auditing(String role, String town) {
        return new AuditorHttp(port, role + "-" + town, password(role, town));
    }

    /** Waits for an annual reset job, which sends its expiries and renewals one after another. */
    ResetJobStatus awaitReset(Municipality municipality, AnnualResets.Submission submission, Duration timeout) {
        ResetJobStatus job = submission.job();
        String id = job.id();
        Await.until(timeout, () -> resets.status(municipality, id).orElseThrow().finished()
                || "FAILED".equals(resets.status(municipality, id).orElseThrow().status()), () -> "annual reset " + id);
        ResetJobStatus done = resets.status(municipality, id).orElseThrow();
        assertThat(done.status()).as("annual reset %s: %s", id, done.error()).isEqualTo("DONE");
        return done;
    }

    private static String suffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return suffix.toString();
    }
}
