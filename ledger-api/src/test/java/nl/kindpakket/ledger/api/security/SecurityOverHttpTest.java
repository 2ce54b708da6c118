package nl.kindpakket.ledger.api.security;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import nl.kindpakket.ledger.api.web.LedgerHttp;
import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Authentication and the access rules, over real HTTP against the running service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityOverHttpTest {

    private static final String TESTVILLE = "/api/v1/municipalities/testville";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    LedgerHttp http;

    @BeforeEach
    void setUp() {
        http = new LedgerHttp(port);
    }

    @Test
    void a_request_without_credentials_is_401_with_a_basic_challenge() {
        Answer answer = http.send(HttpRequest.newBuilder(http.uri(TESTVILLE + "/years/2017/spending-lines"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertProblem(answer, 401, "unauthenticated");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void a_wrong_password_or_an_unconfigured_user_is_401() {
        assertProblem(http.send(HttpRequest.newBuilder(http.uri(TESTVILLE + "/reports/overhead"))
                .header("Authorization", LedgerHttp.basic("staff", "wrong")).GET().build()), 401, "unauthenticated");
        assertProblem(http.send(HttpRequest.newBuilder(http.uri(TESTVILLE + "/reports/overhead"))
                .header("Authorization", LedgerHttp.basic("user", "password")).GET().build()), 401, "unauthenticated");
    }

    @Test
    void health_is_open_and_nothing_else_of_actuator_is_but_to_operators() {
        Answer health = http.send(HttpRequest.newBuilder(http.uri("/actuator/health")).GET().build());
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(http.uri("/actuator/health/liveness")).GET().build()).status()).isEqualTo(200);
        assertProblem(http.send(HttpRequest.newBuilder(http.uri("/actuator/metrics")).GET().build()), 401, "unauthenticated");
        assertProblem(http.get("staff", "/actuator/metrics"), 403, "forbidden");
        assertThat(http.get("operator", "/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void the_service_keeps_no_session() {
        Answer answer = http.get("staff", "/api/v1/no-such-thing");
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void a_provider_of_another_municipality_is_told_the_municipality_does_not_exist() {
        assertProblem(http.post("other-pool", TESTVILLE + "/redemptions", "{}"), 404, "unknown-municipality");
        assertProblem(http.post("other-pool", TESTVILLE + "/redemptions/r-1/reversal", "{}"), 404, "unknown-municipality");
        assertProblem(http.post("other-staff", TESTVILLE + "/years/2017/entitlements", "{}"), 404, "unknown-municipality");
        assertProblem(http.get("other-staff", TESTVILLE + "/years/2017/entitlements/child-1"), 404, "unknown-municipality");
        assertProblem(http.get("pool", "/api/v1/municipalities/otherville/reports/overhead"), 404, "unknown-municipality");
    }

    @Test
    void each_role_is_refused_what_it_may_not_do_with_403() {
        assertProblem(http.post("pool", TESTVILLE + "/years/2017/entitlements", "{}"), 403, "forbidden");
        assertProblem(http.post("auditor", TESTVILLE + "/years/2017/spending-lines", "{}"), 403, "forbidden");
        assertProblem(http.post("council", TESTVILLE + "/redemptions", "{}"), 403, "forbidden");
        assertProblem(http.get("council", TESTVILLE + "/years/2017/entitlements/child-1"), 403, "forbidden");
        assertProblem(http.get("integrator", TESTVILLE + "/reports/overhead"), 403, "forbidden");
        assertProblem(http.post("operator", TESTVILLE + "/redemptions", "{}"), 403, "forbidden");
        assertProblem(http.get("staff", "/api/v1/events?municipality=testville"), 403, "forbidden");
    }

    @Test
    void the_event_stream_is_only_read_for_the_callers_own_municipality() {
        assertProblem(http.get("integrator", "/api/v1/events"), 403, "forbidden");
        assertProblem(http.get("integrator", "/api/v1/events?municipality=otherville"), 404, "unknown-municipality");
        assertProblem(http.get("integrator", "/api/v1/events?municipality=testville&municipality=otherville"), 404, "unknown-municipality");
        assertThat(http.get("integrator", "/api/v1/events?municipality=testville").status()).isNotIn(401, 403);
    }

    @Test
    void every_endpoint_of_the_service_is_covered_by_the_access_policy() {
        AccessPolicy policy = new AccessPolicy();
        List<String> uncovered = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{year}|\\{y}|\\{fromYear}", "2017").replaceAll("\\{[^}]+}", "x")
                        .replace("/**", "/x");
                var methods = info.getMethodsCondition().getMethods();
                for (var httpMethod : methods.isEmpty() ? List.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                    RequestKind kind = policy.classify(AccessRequest.of(httpMethod.name(), path));
                    if (kind == RequestKind.UNMAPPED && !path.startsWith("/error")) {
                        uncovered.add(httpMethod + " " + pattern);
                    }
                }
            }
        });
        assertThat(uncovered).as("endpoints that any signed-in caller could reach").isEmpty();
    }
}
