package nl.kindpakket.ledger.ops.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.LedgerApplication;
import nl.kindpakket.ledger.core.api.Municipality;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code ops rebuild} against the ledger running on the test database: it follows a rebuild of the spending lines to
 * the end, after which the report shows exactly the figures it showed before, and it tells a refusal, a wrong password
 * and an absent service apart by exit code.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${ledger.test.jdbc-url}", "spring.datasource.username=postgres", "spring.datasource.password=",
        "spring.datasource.hikari.maximum-pool-size=8"})
class RebuildCommandTest {

    static final Municipality TOWN = new Municipality("rebuild-" + UUID.randomUUID().toString().substring(0, 8));
    static final String OPERATOR_PASSWORD = "operator-test-password";
    static final String STAFF_PASSWORD = "staff-test-password";
    /** Whichever is asked for, the read models are rebuilt together. */
    static final String ALL_READ_MODELS = "monthly-passes, spending-lines, overhead, provider-statements, entitlement-view";
    static final String SPENDING = "/api/v1/municipalities/" + TOWN.slug() + "/reports/spending-lines?year=" + SpendingStory.YEAR;
    static final Pattern PROGRESS = Pattern.compile(
            "rebuild: (STARTING|FOLDING|SWITCHING|DONE) +([\\d,]+) / ([\\d,]+) events +(\\d+\\.\\d)% +[\\d,]+ events/s.*");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** The operator spans all municipalities; the staff member, who may read the report, is bound to this test's town. */
    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        user(registry, 0, "ops-operator", OPERATOR_PASSWORD, "OPERATOR", "*");
        user(registry, 1, "ops-staff", STAFF_PASSWORD, "MUNICIPALITY_STAFF", TOWN.slug());
    }

    private static void user(DynamicPropertyRegistry registry, int i, String name, String password, String role, String town) {
        String prefix = "ledger.security.users[" + i + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "password", () -> password);
        registry.add(prefix + "role", () -> role);
        registry.add(prefix + "municipality", () -> town);
    }

    static boolean told;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Recorded once for the class; the report shows the story's figures once the read model has caught up. */
    @BeforeEach
    void aTownThatSpentThirtyEuros() throws Exception {
        if (!told) {
            new SpendingStory(commands, TOWN).tell();
            told = true;
        }
        await("the spending lines catch up").atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(this::spendingReport, RebuildCommandTest::spentAsTold);
    }

    @Test
    void following_a_rebuild_to_the_end_prints_its_progress_exits_zero_and_leaves_the_reports_as_they_were() throws Exception {
        JsonNode before = spendingReport();
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        // the switch waits for the tokens a slow batch holds, long enough for the command to look a few times
        int exit;
        try (HeldTokens held = HeldTokens.of(jdbc, Duration.ofMillis(1_500))) {
            exit = rebuild(OPERATOR_PASSWORD, "--url", url(), "--user", "ops-operator", "--projection", "spending-lines",
                    "--interval", "0.1");
        }

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err).isEqualTo(RebuildCommand.COMPLETED);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        List<String> lines = printed.lines().toList();
        assertThat(lines.get(0)).matches("rebuild: [0-9a-f-]{36} of " + ALL_READ_MODELS + " started; status at "
                + url() + "/api/v1/operator/projections/rebuilds/[0-9a-f-]{36}");
        List<long[]> progress = new ArrayList<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            Matcher matcher = PROGRESS.matcher(line);
            assertThat(matcher.matches()).as("a progress line: " + line).isTrue();
            progress.add(new long[] {number(matcher.group(2)), number(matcher.group(3))});
        }
        assertThat(progress).as(printed).hasSizeGreaterThanOrEqualTo(2);
        assertThat(progress.stream().mapToLong(figures -> figures[0]).toArray()).as(printed).isSorted();
        assertThat(lines.get(lines.size() - 2)).as(printed)
                .startsWith(String.format("rebuild: DONE       %,d / %,d events  100.0%%", events, events));
        assertThat(lines.get(lines.size() - 1)).as(printed)
                .matches(String.format("rebuild: completed: " + ALL_READ_MODELS + " rebuilt from %,d events in .+; "
                        + "the reports show the rebuilt figures", events));

        JsonNode after = spendingReport();
        assertThat(spentAsTold(after)).as(after.toString()).isTrue();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void with_no_wait_it_prints_where_the_status_is_and_exits_zero_while_the_rebuild_goes_on() throws Exception {
        int exit = rebuild(OPERATOR_PASSWORD, "--url", url() + "/", "--user", "ops-operator", "--projection", "overhead",
                "--no-wait");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err).isEqualTo(RebuildCommand.COMPLETED);
        assertThat(printed.lines().toList()).as(printed).hasSize(1);
        String status = printed.strip().replaceAll(".*status at ", "");
        assertThat(status).startsWith(url() + "/api/v1/operator/projections/rebuilds/");
        JsonNode rebuild = await("the rebuild ends").atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> get(status, "ops-operator", OPERATOR_PASSWORD), r -> r.path("state").asText().matches("DONE|FAILED|CANCELLED"));
        assertThat(rebuild.path("state").asText()).as(rebuild.toString()).isEqualTo("DONE");
    }

    @Test
    void an_unknown_read_model_is_refused_with_exit_three_naming_the_known_ones() {
        int exit = rebuild(OPERATOR_PASSWORD, "--url", url(), "--user", "ops-operator", "--projection", "balances");

        assertThat(exit).isEqualTo(RebuildCommand.REFUSED);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("rebuild: refused, 404 Unknown read model: no read model balances")
                .contains("rebuild: known read models: all, monthly-passes, spending-lines, overhead, provider-statements, "
                        + "entitlement-view");
    }

    @Test
    void a_wrong_password_or_a_user_who_is_not_an_operator_exits_four() {
        int wrongPassword = rebuild("not-the-password", "--url", url(), "--user", "ops-operator");

        assertThat(wrongPassword).isEqualTo(RebuildCommand.NOT_ALLOWED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("rebuild: refused, 401 Unauthenticated: sign in with valid credentials")
                .contains("check --user ops-operator and the password in LEDGER_PASSWORD");
        err.reset();

        int notAnOperator = rebuild(STAFF_PASSWORD, "--url", url(), "--user", "ops-staff", "--projection", "spending-lines");

        assertThat(notAnOperator).isEqualTo(RebuildCommand.NOT_ALLOWED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("rebuild: refused, 403 Forbidden: your role may not do this");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void no_service_exits_five_and_no_password_or_a_wrong_option_two() {
        assertThat(rebuild(OPERATOR_PASSWORD, "--url", "http://127.0.0.1:1", "--user", "ops-operator"))
                .isEqualTo(RebuildCommand.NO_SERVICE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("rebuild: cannot reach the service at http://127.0.0.1:1: connection refused");
        err.reset();

        assertThat(RebuildCommand.run(new String[] {"--url", url(), "--user", "ops-operator"}, Map.of(), print(out), print(err)))
                .isEqualTo(RebuildCommand.USAGE);
        assertThat(rebuild(OPERATOR_PASSWORD, "--url", url(), "--user", "ops-operator", "--password", OPERATOR_PASSWORD))
                .isEqualTo(RebuildCommand.USAGE);
        assertThat(rebuild(OPERATOR_PASSWORD, "--url", url(), "--user", "ops-operator", "--projection"))
                .isEqualTo(RebuildCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("rebuild: no password: set LEDGER_PASSWORD in the environment")
                .contains("Missing required parameter for option '--projection'")
                .contains("Unknown options: '--password'")
                .contains("Usage: rebuild", "Exit codes:", "0   completed");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private int rebuild(String password, String... args) {
        return RebuildCommand.run(args, Map.of("LEDGER_PASSWORD", password), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String url() {
        return "http://localhost:" + port;
    }

    private JsonNode spendingReport() throws IOException, InterruptedException {
        return get(url() + SPENDING, "ops-staff", STAFF_PASSWORD);
    }

    private static boolean spentAsTold(JsonNode report) {
        return report.path("total").path("spentCents").asLong() == SpendingStory.SPENT_CENTS
                && report.path("total").path("committedCents").asLong() == SpendingStory.COMMITTED_CENTS;
    }

    private JsonNode get(String uri, String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static long number(String grouped) {
        return Long.parseLong(grouped.replace(",", ""));
    }
}
