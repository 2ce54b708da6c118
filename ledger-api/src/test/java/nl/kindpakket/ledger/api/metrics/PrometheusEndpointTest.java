package nl.kindpakket.ledger.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kindpakket.ledger.api.fault.RedemptionTally;
import nl.kindpakket.ledger.api.fault.TestDatabase;
import nl.kindpakket.ledger.api.fault.Town;
import nl.kindpakket.ledger.core.api.refusals.InsufficientCredit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.datasource.hikari.maximum-pool-size=6")
@ActiveProfiles("test")
// its processors stop with it, and no idle pool is left behind
@DirtiesContext
@AutoConfigureObservability(tracing = false)
@Import(RedemptionTally.class)
class PrometheusEndpointTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    MeterRegistry registry;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void aStoreOfItsOwn(DynamicPropertyRegistry properties) throws Exception {
        String url = TestDatabase.freshStore("ops_metrics");
        properties.add("spring.datasource.url", () -> url);
    }

    Town town;

    @BeforeEach
    void aTownWhereOneChildRedeemedTwiceAndOneRedemptionWasReversed() {
        town = Town.founded(commands, "metrics");
        town.grant(1, 10_000);
        town.redeem(1, "r-1", 2_500);
        town.redeem(1, "r-1", 2_500);
        town.redeem(1, "r-2", 1_000);
        town.reverse(1, "r-2");
        assertThatThrownBy(() -> town.redeem(1, "r-3", 20_000)).isInstanceOf(InsufficientCredit.class);
    }

    @Test
    void the_prometheus_endpoint_counts_commands_by_outcome_and_refusal() throws Exception {
        String metrics = scrape();

        assertThat(metrics).contains(
                "ledger_commands_total{application=\"kindpakket-ledger\",command=\"RedeemAtProvider\",outcome=\"accepted\",reason=\"none\"}",
                "ledger_commands_total{application=\"kindpakket-ledger\",command=\"RedeemAtProvider\",outcome=\"repeated\",reason=\"none\"}",
                "ledger_commands_total{application=\"kindpakket-ledger\",command=\"RedeemAtProvider\",outcome=\"refused\",reason=\"insufficient-credit\"}",
                "ledger_command_duration_seconds_bucket{application=\"kindpakket-ledger\",command=\"RedeemAtProvider\",outcome=\"accepted\",le=");
    }

    @Test
    void the_prometheus_endpoint_counts_events_and_the_money_redeemed_per_spending_line() throws Exception {
        String metrics = scrape();

        assertThat(metrics).contains("ledger_events_appended_total{application=\"kindpakket-ledger\",type=\"RedeemedAtProvider\"}");
        assertThat(metrics).contains("ledger_events_appended_total{application=\"kindpakket-ledger\",type=\"RedemptionReversed\"}");
        assertThat(value(metrics, "ledger_redeemed_cents_total{application=\"kindpakket-ledger\",municipality=\"" + town.slug()
                + "\",spending_line=\"1\"}")).isEqualTo(3_500);
        assertThat(value(metrics, "ledger_reversed_cents_total{application=\"kindpakket-ledger\",municipality=\"" + town.slug()
                + "\",spending_line=\"1\"}")).isEqualTo(1_000);
    }

    @Test
    void the_prometheus_endpoint_shows_each_processors_lag_and_the_last_reconciliation() throws Exception {
        String metrics = scrape();

        String processor = "{application=\"kindpakket-ledger\",processor=\"" + RedemptionTally.GROUP + "\"}";
        assertThat(metrics).contains("ledger_events_head{application=\"kindpakket-ledger\"}",
                "ledger_processor_lag" + processor, "ledger_processor_position" + processor,
                "ledger_processor_error" + processor, "ledger_processor_lag{application=\"kindpakket-ledger\","
                        + "processor=\"read-models\"}",
                "ledger_reconciliation_differing_rows{application=\"kindpakket-ledger\"}",
                "ledger_reconciliation_completed_seconds{application=\"kindpakket-ledger\"}");
        assertThat(metrics).doesNotContain("ledger_processor_replaying");
    }

    @Test
    void the_read_models_processor_counts_the_events_of_each_batch_it_commits() throws Exception {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = scrape();
            double batches = value(metrics, "ledger_processing_batch_events_count{application=\"kindpakket-ledger\"}");
            double events = value(metrics, "ledger_processing_batch_events_sum{application=\"kindpakket-ledger\"}");
            assertThat(batches).isPositive();
            // the grant, two redemptions and the reversal at least, in batches of at most the configured size
            assertThat(events).isGreaterThanOrEqualTo(4).isGreaterThanOrEqualTo(batches);
            assertThat(value(metrics, "ledger_processing_batch_events_max{application=\"kindpakket-ledger\"}"))
                    .isBetween(1.0, 500.0);
        });
    }

    @Test
    void the_dashboard_queries_only_series_the_endpoint_exposes_and_shows_every_ledger_metric() throws Exception {
        scrape();
        Set<String> exposed = scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        Set<String> shown = DeploymentAssets.dashboardSeries();

        assertThat(exposed).containsAll(shown);
        Set<String> ledgerMetrics = exposed.stream().filter(name -> name.startsWith("ledger_"))
                .map(name -> name.replaceAll("_(bucket|count|sum|max)$", "")).collect(Collectors.toSet());
        assertThat(ledgerMetrics).allSatisfy(metric ->
                assertThat(shown).as("a panel for %s", metric).anyMatch(series -> series.startsWith(metric)));
    }

    @Test
    void the_requests_are_timed_and_spring_securitys_filters_are_not_observed() throws Exception {
        scrape();
        String metrics = scrape();

        assertThat(metrics).contains("http_server_requests_seconds_count{application=\"kindpakket-ledger\"");
        assertThat(metrics).doesNotContain("spring_security_");
    }

    @Test
    void each_command_and_each_event_is_counted_once() {
        double accepted = count(CommandMetrics.COMMANDS, "command", "RedeemAtProvider", "outcome", "accepted");
        double appended = count(EventMetrics.APPENDED, "type", "RedeemedAtProvider");

        town.redeem(1, "r-once", 100);

        assertThat(count(CommandMetrics.COMMANDS, "command", "RedeemAtProvider", "outcome", "accepted")).isEqualTo(accepted + 1);
        assertThat(count(EventMetrics.APPENDED, "type", "RedeemedAtProvider")).isEqualTo(appended + 1);
    }

    @Test
    void only_an_operator_who_spans_every_municipality_reads_the_metrics() throws Exception {
        for (String user : new String[] {"staff:staff-test-password", "auditor:auditor-test-password",
                "council:council-test-password", "integrator:integrator-test-password", "pool:pool-test-password"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(user).isEqualTo(403);
            assertThat(response.body()).doesNotContain("ledger_redeemed_cents");
        }
        assertThat(scrape()).contains("ledger_redeemed_cents_total");
    }

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private String scrape() throws Exception {
        String credentials = Base64.getEncoder().encodeToString("operator:operator-test-password".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static double value(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElseThrow(() -> new AssertionError(series + " is not exposed"));
    }
}
