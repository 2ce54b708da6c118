package nl.kindpakket.ledger.api.audit;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.kindpakket.ledger.api.web.LedgerHttp;
import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChainAuditOverHttpTest {

    private static final String TESTVILLE = "/api/v1/municipalities/testville/audit/chain";

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String jdbcUrl;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp(port);
    }

    @Test
    void an_auditor_verifies_the_chain_of_their_own_municipality() {
        Answer answer = http.get("auditor", TESTVILLE);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("municipality").asText()).isEqualTo("testville");
        assertThat(json.path("intact").asBoolean()).isTrue();
        assertThat(json.has("firstBreak")).isTrue();
        assertThat(json.path("firstBreak").isNull()).isTrue();
        assertThat(json.path("eventsChecked").asLong()).isEqualTo(count("count(*)", "testville"));
        assertThat(json.path("aggregates").asLong()).isEqualTo(count("count(distinct aggregate_identifier)", "testville"));
        assertThat(json.path("checkedAt").asText()).isNotBlank();
        assertThat(json.path("durationMs").isNumber()).isTrue();
    }

    @Test
    void an_operator_sees_a_towns_intact_chain_and_then_the_event_altered_in_it() throws Exception {
        Town town = Town.open("http", commands);
        town.grant(1);
        town.redeem(1, "r-1");
        String path = "/api/v1/municipalities/" + town.municipality.slug() + "/audit/chain";

        JsonNode intact = http.get("operator", path).json();
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("eventsChecked").asLong()).isEqualTo(count("count(*)", town.municipality.slug())).isGreaterThan(3);

        Map<String, Object> grant = jdbc.queryForMap("select global_index, event_identifier, payload from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 0", town.child(1).toString());
        Superuser superuser = new Superuser(jdbcUrl);
        // still an EntitlementGranted that reads well: the service's processors may meet it before it is put back
        String altered = new String((byte[]) grant.get("payload"), StandardCharsets.UTF_8)
                .replace("\"totalCreditCents\":1000000", "\"totalCreditCents\":1000001");
        assertThat(altered.getBytes(StandardCharsets.UTF_8)).isNotEqualTo(grant.get("payload"));
        superuser.execute("update domain_event_entry set payload = ? where global_index = ?",
                altered.getBytes(StandardCharsets.UTF_8), grant.get("global_index"));
        try {
            Answer answer = http.get("operator", path);

            assertThat(answer.status()).isEqualTo(200);
            JsonNode broken = answer.json().path("firstBreak");
            assertThat(answer.json().path("intact").asBoolean()).isFalse();
            assertThat(answer.json().path("breaks").asLong()).isEqualTo(1);
            assertThat(broken.path("globalIndex").asLong()).isEqualTo(grant.get("global_index"));
            assertThat(broken.path("eventId").asText()).isEqualTo(grant.get("event_identifier"));
            assertThat(broken.path("aggregateId").asText()).isEqualTo(town.child(1).toString());
            assertThat(broken.path("sequence").asLong()).isZero();
            assertThat(broken.path("kind").asText()).isEqualTo("PAYLOAD");
            assertThat(broken.path("expectedHash").asText()).hasSize(64).isNotEqualTo(broken.path("storedHash").asText());
        } finally {
            superuser.execute("update domain_event_entry set payload = ? where global_index = ?", grant.get("payload"), grant.get("global_index"));
        }
        assertThat(http.get("operator", path).json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void another_municipalitys_auditor_learns_nothing_of_it() {
        assertProblem(http.get("auditor", "/api/v1/municipalities/otherville/audit/chain"), 404, "unknown-municipality");
    }

    @Test
    void only_auditors_and_operators_may_verify_the_chain() {
        assertProblem(http.get("staff", TESTVILLE), 403, "forbidden");
        assertProblem(http.get("council", TESTVILLE), 403, "forbidden");
        assertProblem(http.get("integrator", TESTVILLE), 403, "forbidden");
        assertProblem(http.get("pool", TESTVILLE), 403, "forbidden");
        assertProblem(http.get(null, TESTVILLE), 401, "unauthenticated");
        assertThat(http.get("operator", TESTVILLE).status()).isEqualTo(200);
    }

    @Test
    void a_malformed_municipality_is_400() {
        assertProblem(http.get("operator", "/api/v1/municipalities/Not_A_Town/audit/chain"), 400, "invalid-input");
    }

    private long count(String what, String municipality) {
        return jdbc.queryForObject("select " + what + " from domain_event_entry where aggregate_identifier like ?", Long.class,
                municipality + ":%");
    }
}
