package nl.kindpakket.ledger.api.security;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.kindpakket.ledger.api.web.LedgerHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code ledger.security.basic.enabled=false} a configured user's password signs nobody in: tokens only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.basic.enabled=false",
        "ledger.security.users[0].name=council",
        "ledger.security.users[0].password=council-test-password",
        "ledger.security.users[0].role=COUNCIL",
        "ledger.security.users[0].municipality=testville"})
class BasicSwitchedOffTest {

    static final IdentityProvider PROVIDER = IdentityProvider.start();
    static Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void embeddedDatabaseAndTheIdentityProvider(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("ledger-no-basic");
        registry.add("ledger.data-dir", () -> dataDir.toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", PROVIDER::jwkSetUri);
    }

    @AfterAll
    static void removeData() throws IOException {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void a_password_is_refused_and_the_challenge_asks_for_a_bearer_token() {
        LedgerHttp.Answer answer = new LedgerHttp(port).get("council", "/api/v1/municipalities/testville/reports/spending-lines?year=2020");

        assertProblem(answer, 401, "unauthenticated");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(c -> assertThat(c).startsWith("Bearer"));
    }

    @Test
    void a_token_still_signs_in() {
        String token = PROVIDER.token(java.util.Map.of("ledger_role", "COUNCIL", "municipality", "testville"));
        LedgerHttp.Answer answer = new LedgerHttp(port).send(null, java.net.http.HttpRequest.newBuilder(new LedgerHttp(port)
                .uri("/api/v1/municipalities/testville/reports/spending-lines?year=2020")).header("Authorization", "Bearer " + token));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
