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
}
