package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static nl.kindpakket.ledger.api.web.Testville.YEAR_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Requests meant to hurt: too large, past the firewall, formulas for a spreadsheet. Each gets a problem, nothing is events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileRequestsOverHttpTest extends TestvilleOverHttp {

    @Test
    void a_redemption_body_declared_larger_than_its_limit_is_refused_413_before_it_is_read() {
        Child child = testville.grant("large", "{\"3\": 500}");
        String redemptionId = testville.id("padded-redemption");
        String body = testville.redemptionBody(redemptionId, child, "zwembad", "3", 100)
                .replace("}", ", \"padding\": \"" + "x".repeat(200_000) + "\"}");

        Answer answer = events.unchanged(child.entitlementId(), () -> http.post("pool", BASE + "/redemptions", body));

        assertProblem(answer, 413, "payload-too-large");
        assertThat(events.mentioning(redemptionId)).isZero();
    }

    @Test
    void a_body_sent_without_its_length_stops_being_read_at_the_limit() {
        byte[] body = ("{\"reason\": \"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Answer answer = http.send("staff", HttpRequest.newBuilder(http.uri(BASE + "/providers/zwembad/suspension"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(answer, 413, "payload-too-large");
        assertThat(events.mentioning("x".repeat(100))).isZero();
    }

    @Test
    void an_annual_reset_may_be_far_larger_than_any_other_request() {
        String padding = " ".repeat(1_000_000);
        Answer answer = http.post("staff", BASE + "/annual-resets",
                "{\"fromYear\": 2099, \"toYear\": 2100," + padding + " \"effectiveOn\": \"2100-01-01\", \"renewals\": []}");

        assertThat(answer.status()).as(answer.toString()).isNotEqualTo(413);
        assertProblem(answer, 404, "unknown-budget-year");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/municipalities/testville;jsessionid=x/reports/overhead?year=2017",
            "/api/v1//municipalities/testville/reports/overhead?year=2017",
            "/api/v1/municipalities/testville/%2e%2e/otherville/reports/overhead?year=2017",
            "/api/v1/municipalities/testville/reports/%2e%2e%2f%2e%2e/overhead"})
    void a_path_the_firewall_rejects_is_a_problem_too(String path) {
        Answer answer = http.get("staff", path);

        assertProblem(answer, 400, "rejected-request");
    }

    @Test
    void a_spending_line_named_as_a_formula_is_plain_text_in_the_csv() throws Exception {
        String code = "f" + testville.run;
        Answer allocation = http.post("staff", YEAR_BASE + "/spending-lines", """
                {"code": "%s", "name": "=HYPERLINK(\\"http://example.invalid\\",\\"Klik\\")", "amountCents": 1000,
                 "allocationId": "%s"}""".formatted(code, testville.id("formula")));
        assertThat(allocation.status()).as(allocation.toString()).isEqualTo(201);

        String csv = awaitCsvWith(code);

        assertThat(csv).contains(code + ",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"Klik\"\")\",10.00");
        assertThat(csv).doesNotContain("," + "=HYPERLINK");
    }

    private String awaitCsvWith(String code) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Answer csv = http.send("council", HttpRequest.newBuilder(http.uri(BASE + "/reports/spending-lines?year="
                    + Testville.YEAR)).header("Accept", "text/csv").GET());
            if (csv.body().contains("\n" + code + ",")) {
                return csv.body();
            }
            assertThat(System.nanoTime()).as("line %s in the report", code).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
