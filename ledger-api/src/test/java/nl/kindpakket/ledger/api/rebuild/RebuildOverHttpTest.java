package nl.kindpakket.ledger.api.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kindpakket.ledger.api.web.LedgerHttp;
import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An operator rebuilds every read model of a store of a few thousand events over HTTP. While the rebuild runs the
 * reports keep showing the figures they showed before and commands keep working, and once it is done the reports show
 * exactly those again, with what the commands did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RebuildOverHttpTest {

    static final String MUNICIPALITY = "/api/v1/municipalities/testville";
    static final int YEAR = 2015;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String SPENDING = "/reports/spending-lines?year=" + YEAR;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Serializer serializer;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Rebuilds rebuilds;

    static BusyYear busyYear;
    LedgerHttp http;
    Instant recorded;

    /** Recorded once for the class: the tests only add to it. */
    @BeforeEach
    void aStoreOfAFewThousandEvents() {
        http = new LedgerHttp(port);
        if (busyYear == null) {
            busyYear = new BusyYear(commands, "testville", YEAR, UUID.randomUUID().toString().substring(0, 8)).record(500);
        }
        ReadModelsCaughtUp.await(jdbc, serializer);
        recorded = Instant.now();
    }

    /** A test that failed half-way leaves no rebuild running for the next. */
    @AfterEach
    void noRebuildLeftRunning() {
        rebuilds.all().stream().filter(status -> !status.isFinished()).forEach(status -> {
            rebuilds.cancel(status.id());
            awaitFinished(RebuildController.REBUILDS + status.id());
        });
    }

    @Test
    void rebuilding_all_read_models_serves_the_old_figures_throughout_ends_with_the_same_and_carries_on() {
        Map<String, JsonNode> before = reports();
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);

        Answer started = http.post("operator", "/api/v1/operator/projections/all/rebuild", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.location()).isEqualTo("/api/v1/operator/projections/rebuilds/" + started.json().path("id").asText());
        assertThat(started.json().path("projections")).hasSize(5);

        List<Long> done = new ArrayList<>();
        JsonNode status = started.json();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!isFinished(status)) {
            assertThat(System.nanoTime()).as("rebuild still running: " + status).isLessThan(deadline);
            assertThat(reports()).as("reports while %s", status.path("state").asText()).isEqualTo(before);
            status = http.get("operator", started.location()).json();
            if ("FOLDING".equals(status.path("state").asText())) {
                done.add(status.path("eventsDone").asLong());
                assertThat(status.path("eventsTotal").asLong()).isEqualTo(events);
            }
        }

        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.path("eventsDone").asLong()).isEqualTo(events);
        assertThat(status.path("eventsTotal").asLong()).isEqualTo(events);
        assertThat(status.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(done).isSorted();
        assertThat(done).allSatisfy(count -> assertThat(count).isBetween(0L, events));
        assertThat(status.path("parts").asInt()).isOne();
        assertThat(reports()).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT c.relname || '.' || a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
                        + " AND a.attname IN ('entitlement_id', 'municipality') AND a.attcollation = 'pg_catalog.\"C\"'::regcollation"
                        + " AND c.relname IN ('entitlement_credit', 'spending_posting', 'spending_line_count_log')", String.class))
                .as("the switched-in tables compare identifiers as the migrations made them")
                .containsExactlyInAnyOrder("entitlement_credit.entitlement_id", "spending_posting.entitlement_id",
                        "spending_posting.municipality", "spending_line_count_log.municipality");
        assertThat(jdbc.queryForObject("SELECT pg_get_indexdef('ix_spending_line_count_log'::regclass)", String.class))
                .endsWith("(budget_year, municipality, recorded_at)");
        assertThat(meters.get("ledger.projection.replay.events.done").tag("projection", "monthly-passes").gauge().value())
                .isEqualTo(events);
        assertThat(meters.get("ledger.projection.replay.events.expected").tag("projection", "entitlement-view").gauge().value())
                .isEqualTo(events);
        assertThat(http.get("operator", "/actuator/metrics/ledger.projection.replay.events.done?tag=projection:spending-lines")
                .json().at("/measurements/0/value").asLong()).isEqualTo(events);

        busyYear.inParallel(20, n -> busyYear.extraRedemption(5 * n + 3, 0, 10));
        ReadModelsCaughtUp.await(jdbc, serializer);
        assertThat(spending().path("total").path("spentCents").asLong())
                .isEqualTo(before.get(SPENDING).path("total").path("spentCents").asLong() + 20 * 10);
    }

    @Test
    void while_the_switch_waits_the_old_figures_are_served_commands_work_and_after_it_they_count_once() throws Exception {
        Map<String, JsonNode> before = reports();
        JsonNode spent = spending();
        Answer started;
        try (HeldTokens held = HeldTokens.of(jdbc)) {
            started = http.post("operator", "/api/v1/operator/projections/all/rebuild", "");
            awaitState(started.location(), "SWITCHING");
            busyYear.inParallel(10, n -> busyYear.extraRedemption(5 * n + 2, 2, 30));

            assertThat(reports()).as("the old figures, while the switch waits").isEqualTo(before);
            assertThat(http.get("operator", started.location()).json().path("state").asText()).isEqualTo("SWITCHING");
        }
        assertThat(awaitFinished(started.location()).path("state").asText()).isEqualTo("DONE");
        ReadModelsCaughtUp.await(jdbc, serializer);

        assertThat(spending().path("total").path("spentCents").asLong())
                .isEqualTo(spent.path("total").path("spentCents").asLong() + 10 * 30);
    }

    @Test
    void events_recorded_while_a_read_model_is_rebuilt_are_counted_once_after_the_switch() {
        JsonNode spent = spending();
        Answer started = http.post("operator", "/api/v1/operator/projections/spending-lines/rebuild", "");
        assertThat(started.status()).isEqualTo(202);

        busyYear.inParallel(30, n -> busyYear.extraRedemption(5 * n + 4, 1, 20));
        assertThat(awaitFinished(started.location()).path("state").asText()).isEqualTo("DONE");
        ReadModelsCaughtUp.await(jdbc, serializer);

        assertThat(spending().path("total").path("spentCents").asLong())
                .isEqualTo(spent.path("total").path("spentCents").asLong() + 30 * 20);
    }

    @Test
    void only_an_operator_may_rebuild_or_see_a_rebuild() {
        LedgerHttp.assertProblem(http.post("staff", "/api/v1/operator/projections/all/rebuild", ""), 403, "forbidden");
        LedgerHttp.assertProblem(http.post("auditor", "/api/v1/operator/projections/monthly-passes/rebuild", ""), 403,
                "forbidden");
        LedgerHttp.assertProblem(http.get("council", "/api/v1/operator/projections/rebuilds"), 403, "forbidden");
        assertThat(http.post(null, "/api/v1/operator/projections/all/rebuild", "").status()).isEqualTo(401);
    }

    @Test
    void a_second_rebuild_of_a_read_model_waits_its_turn_and_a_cancelled_one_leaves_the_figures_as_they_were() {
        Map<String, JsonNode> before = reports();
        LedgerHttp.assertProblem(http.post("operator", "/api/v1/operator/projections/balances/rebuild", ""), 404,
                "unknown-read-model");
        Answer first = http.post("operator", "/api/v1/operator/projections/all/rebuild", "");
        Answer second = http.post("operator", "/api/v1/operator/projections/overhead/rebuild", "");

        LedgerHttp.assertProblem(second, 409, "rebuild-in-progress");
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(http.get("operator", "/api/v1/operator/projections/overhead/rebuild").json().path("id").asText())
                .isEqualTo(first.json().path("id").asText());
        assertThat(http.send("operator", java.net.http.HttpRequest.newBuilder(http.uri(first.location())).DELETE())
                .status()).isEqualTo(202);

        String state = awaitFinished(first.location()).path("state").asText();
        assertThat(state).as("cancelled, unless it was done before it heard").isIn("CANCELLED", "DONE");
        assertThat(reports()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'rebuild'",
                Long.class)).as("no new tables are left").isZero();
        assertThat(http.post("operator", "/api/v1/operator/projections/all/rebuild", "").status())
                .as("another may start").isEqualTo(202);
    }

    private void awaitState(String location, String state) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode status = http.get("operator", location).json();
        while (!state.equals(status.path("state").asText())) {
            assertThat(isFinished(status)).as("finished before %s: %s", state, status).isFalse();
            assertThat(System.nanoTime()).as("never " + state + ": " + status).isLessThan(deadline);
            sleep();
            status = http.get("operator", location).json();
        }
    }

    private JsonNode awaitFinished(String location) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode status = http.get("operator", location).json();
        while (!isFinished(status)) {
            assertThat(System.nanoTime()).as("rebuild still running: " + status).isLessThan(deadline);
            sleep();
            status = http.get("operator", location).json();
        }
        return status;
    }

    private Map<String, JsonNode> reports() {
        String asOf = URLEncoder.encode(recorded.toString(), StandardCharsets.UTF_8);
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        for (String path : List.of("/reports/monthly-passes?year=" + YEAR + "&compareYear=2017",
                "/reports/monthly-passes?year=" + YEAR + "&asOf=" + asOf, SPENDING,
                "/reports/overhead?year=" + YEAR, "/reports/providers?year=" + YEAR,
                "/years/" + YEAR + "/entitlements/" + busyYear.childRef(1),
                "/years/" + YEAR + "/entitlements/" + busyYear.childRef(10))) {
            Answer answer = http.get("auditor", MUNICIPALITY + path);
            assertThat(answer.status()).as(path + ": " + answer).isEqualTo(200);
            reports.put(path.replaceAll("&asOf=.*", "&asOf"), answer.json());
        }
        return reports;
    }

    private JsonNode spending() {
        return http.get("auditor", MUNICIPALITY + SPENDING).json();
    }

    private static boolean isFinished(JsonNode status) {
        return !status.path("finishedAt").isNull() && !status.path("finishedAt").isMissingNode();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
