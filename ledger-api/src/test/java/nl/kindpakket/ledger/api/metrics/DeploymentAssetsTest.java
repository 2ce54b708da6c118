package nl.kindpakket.ledger.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The deployment files parse and say what the runbook relies on; Docker and Prometheus cannot run here. */
class DeploymentAssetsTest {

    private static final String READINESS = "/actuator/health/readiness";

    @Test
    @SuppressWarnings("unchecked")
    void compose_runs_postgresql_15_and_the_ledger_from_its_jar_on_the_postgres_profile_with_health_checks() {
        Map<String, Object> services = (Map<String, Object>) DeploymentAssets.yaml("compose.yaml").get("services");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        Map<String, Object> ledger = (Map<String, Object>) services.get("ledger");

        assertThat(postgres.get("image")).isEqualTo("postgres:15");
        assertThat(postgres).containsKey("healthcheck");
        assertThat(ledger).containsKey("healthcheck");
        assertThat((Map<String, Object>) ledger.get("environment"))
                .containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                .containsKeys("LEDGER_DB_URL", "LEDGER_DB_USER", "LEDGER_DB_PASSWORD");
        assertThat(((Map<String, Object>) ((Map<String, Object>) ledger.get("depends_on")).get("postgres")))
                .containsEntry("condition", "service_healthy");
        assertThat(DeploymentAssets.text("Dockerfile"))
                .contains("FROM eclipse-temurin:17-jre", "ledger-api/target/ledger-api-*-exec.jar", "USER ledger");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheus_scrapes_the_ledger_as_the_operator_with_the_password_from_a_file() {
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) DeploymentAssets.yaml("prometheus.yml").get("scrape_configs");

        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
            assertThat((Map<String, Object>) job.get("basic_auth")).containsEntry("username", "operator").containsKey("password_file")
                    .doesNotContainKey("password");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_alert_reads_a_ledger_series_the_dashboard_also_shows() {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) DeploymentAssets.yaml("alerts.yml").get("groups");
        Set<String> alerted = new HashSet<>();
        groups.forEach(group -> ((List<Map<String, Object>>) group.get("rules"))
                .forEach(rule -> alerted.addAll(DeploymentAssets.seriesIn((String) rule.get("expr")))));

        assertThat(alerted).isNotEmpty().isSubsetOf(DeploymentAssets.dashboardSeries());
    }

    @Test
    void the_dashboard_panels_have_unique_ids_and_every_query_a_target() {
        JsonNode panels = DeploymentAssets.dashboard().path("panels");
        Set<Integer> ids = new HashSet<>();

        panels.forEach(panel -> {
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s unique", panel.path("id")).isTrue();
            if (!"row".equals(panel.path("type").asText())) {
                assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
                panel.path("targets").forEach(target -> assertThat(target.path("expr").asText()).isNotBlank());
            }
        });
    }

    @Test
    void the_systemd_unit_restarts_on_failure_reads_an_environment_file_and_is_hardened() {
        assertThat(DeploymentAssets.text("kindpakket-ledger.service")).contains(
                "EnvironmentFile=/etc/kindpakket-ledger/ledger.env", "ExecStart=/usr/bin/java $JAVA_OPTS -jar",
                "Restart=on-failure", "User=kindpakket-ledger", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "PrivateTmp=yes", "CapabilityBoundingSet=");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_scale_out_compose_runs_two_ledgers_on_one_postgresql_reached_only_through_haproxy_2_6() {
        Map<String, Object> services = (Map<String, Object>) DeploymentAssets.yaml("compose.scale-out.yaml").get("services");
        Map<String, Object> single = (Map<String, Object>) ((Map<String, Object>) DeploymentAssets.yaml("compose.yaml")
                .get("services")).get("ledger");
        Map<String, Object> proxy = (Map<String, Object>) services.get("proxy");

        assertThat(ledgers(services)).containsExactly("ledger-a", "ledger-b");
        for (String name : ledgers(services)) {
            Map<String, Object> ledger = (Map<String, Object>) services.get(name);
            assertThat(ledger.get("image")).as(name).isEqualTo(single.get("image"));
            assertThat((Map<String, Object>) ledger.get("environment")).as(name)
                    .containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                    .containsEntry("LEDGER_DB_URL", ((Map<String, Object>) single.get("environment")).get("LEDGER_DB_URL"));
            assertThat(ledger).as(name).doesNotContainKey("ports");
            assertThat(String.valueOf(((Map<String, Object>) ledger.get("healthcheck")).get("test"))).as(name)
                    .contains(READINESS);
        }
        assertThat((Map<String, Object>) ((Map<String, Object>) services.get("ledger-b")).get("depends_on"))
                .as("one instance migrates the schema first").containsEntry("ledger-a", Map.of("condition", "service_healthy"));
        assertThat(((Map<String, Object>) services.get("postgres")).get("image")).isEqualTo("postgres:15");
        assertThat(proxy.get("image")).isEqualTo("haproxy:2.6");
        assertThat((List<String>) proxy.get("volumes")).contains("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        assertThat((List<String>) proxy.get("ports")).contains("8080:8080");
    }

    @Test
    @SuppressWarnings("unchecked")
    void haproxy_balances_over_every_ledger_service_of_the_compose_file_that_passes_its_readiness_check() {
        Map<String, List<String>> haproxy = DeploymentAssets.haproxy("haproxy.cfg");
        Map<String, Object> services = (Map<String, Object>) DeploymentAssets.yaml("compose.scale-out.yaml").get("services");
        List<String> backend = haproxy.get("backend ledger");

        assertThat(haproxy.get("frontend ledger")).contains("bind :8080", "default_backend ledger");
        assertThat(backend.stream().filter(line -> line.startsWith("server ")))
                .containsExactlyElementsOf(ledgers(services).stream().map(name -> "server " + name + " " + name + ":8080 check").toList());
        assertThat(backend).contains("option httpchk", "http-check expect status 200")
                .anyMatch(line -> line.startsWith("http-check send meth GET uri " + READINESS + " "));
        assertThat(haproxy.get("defaults")).as("a request its instance dropped goes to the other")
                .contains("option redispatch 1", "retry-on conn-failure empty-response");
        Map<String, Object> health = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                DeploymentAssets.applicationYaml().get("management")).get("endpoint")).get("health");
        assertThat((Map<String, Object>) health.get("probes")).as("the readiness path exists").containsEntry("enabled", true);
        assertThat((Map<String, Object>) health.get("group")).containsKey("readiness");
    }

    private static List<String> ledgers(Map<String, Object> services) {
        return services.keySet().stream().filter(name -> name.startsWith("ledger")).sorted().toList();
    }
}
