package nl.kindpakket.ledger.api.security;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.api.web.LedgerHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through the municipality's identity provider: an access token validated against the provider's key set,
 * whose claims name the role and municipality, beside the configured users' HTTP Basic. A token that is expired, for
 * another audience or signed with a key the provider never published is unauthenticated (401); a good token that
 * names no known role, no municipality or, for a provider, no provider id signs in as nobody (403).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BearerTokensOverHttpTest {

    static final IdentityProvider PROVIDER = IdentityProvider.start();
    static final String REPORT = "/api/v1/municipalities/testville/reports/spending-lines?year=2020";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void theIdentityProvidersKeySet(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", PROVIDER::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> IdentityProvider.AUDIENCE);
    }

    @Test
    void a_council_members_token_reads_the_reports_of_their_municipality_and_no_other() {
        String token = PROVIDER.token(Map.of("ledger_role", "COUNCIL", "municipality", "testville"));

        LedgerHttp.Answer answer = get(token, REPORT);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("municipality").asText()).isEqualTo("testville");
        assertProblem(get(token, "/api/v1/municipalities/otherville/reports/spending-lines?year=2020"), 404, "unknown-municipality");
        assertProblem(get(token, "/api/v1/events?municipality=testville"), 403, "forbidden");
    }

    @Test
    void roles_listed_as_keycloak_lists_them_name_the_one_ledger_role_among_them() {
        String token = PROVIDER.token(Map.of("ledger_role", List.of("offline_access", "AUDITOR", "uma_authorization"),
                "municipality", "testville"));

        assertThat(get(token, "/api/v1/events?municipality=testville&limit=1").status()).isEqualTo(200);
    }

    @Test
    void a_token_for_another_audience_is_unauthenticated() {
        String token = PROVIDER.token(Map.of("ledger_role", "COUNCIL", "municipality", "testville"), "another-service",
                Instant.now().plusSeconds(300), true);

        unauthenticated(get(token, REPORT));
    }

    @Test
    void an_expired_token_is_unauthenticated() {
        String token = PROVIDER.token(Map.of("ledger_role", "COUNCIL", "municipality", "testville"), IdentityProvider.AUDIENCE,
                Instant.now().minusSeconds(120), true);

        unauthenticated(get(token, REPORT));
    }

    @Test
    void a_token_signed_with_a_key_the_provider_never_published_is_unauthenticated() {
        String token = PROVIDER.token(Map.of("ledger_role", "COUNCIL", "municipality", "testville"), IdentityProvider.AUDIENCE,
                Instant.now().plusSeconds(300), false);

        unauthenticated(get(token, REPORT));
        unauthenticated(get("not.a.token", REPORT));
    }

    @Test
    void a_good_token_without_a_municipality_a_known_role_or_a_providers_id_is_forbidden_saying_why() {
        LedgerHttp.Answer noMunicipality = get(PROVIDER.token(Map.of("ledger_role", "COUNCIL")), REPORT);
        LedgerHttp.Answer unknownRole = get(PROVIDER.token(Map.of("ledger_role", "MAYOR", "municipality", "testville")), REPORT);
        LedgerHttp.Answer twoRoles = get(PROVIDER.token(Map.of("ledger_role", List.of("COUNCIL", "AUDITOR"), "municipality", "testville")), REPORT);
        LedgerHttp.Answer everywhere = get(PROVIDER.token(Map.of("ledger_role", "COUNCIL", "municipality", "*")), REPORT);
        LedgerHttp.Answer anonymousProvider = http().post(null, "/api/v1/municipalities/testville/redemptions", "{}");

        assertProblem(noMunicipality, 403, "forbidden");
        assertThat(noMunicipality.json().path("detail").asText()).contains("municipality");
        assertProblem(unknownRole, 403, "forbidden");
        assertThat(unknownRole.json().path("detail").asText()).contains("ledger_role");
        assertProblem(twoRoles, 403, "forbidden");
        assertProblem(everywhere, 403, "forbidden");
        assertThat(anonymousProvider.status()).isEqualTo(401);
        LedgerHttp.Answer providerWithoutId = http().send(null, HttpRequest.newBuilder(http().uri("/api/v1/municipalities/testville/redemptions"))
                .header("Authorization", "Bearer " + PROVIDER.token(Map.of("ledger_role", "PROVIDER", "municipality", "testville")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(providerWithoutId, 403, "forbidden");
        assertThat(providerWithoutId.json().path("detail").asText()).contains("provider_id");
    }

    @Test
    void the_configured_users_still_sign_in_with_http_basic_beside_the_tokens() {
        assertThat(http().get("council", REPORT).status()).isEqualTo(200);
    }

    private static void unauthenticated(LedgerHttp.Answer answer) {
        assertProblem(answer, 401, "unauthenticated");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(c -> assertThat(c).startsWith("Bearer"));
    }

    private LedgerHttp.Answer get(String token, String path) {
        return http().send(null, HttpRequest.newBuilder(http().uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    private LedgerHttp http() {
        return new LedgerHttp(port);
    }
}
