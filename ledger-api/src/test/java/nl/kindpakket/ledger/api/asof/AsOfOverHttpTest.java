package nl.kindpakket.ledger.api.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import nl.kindpakket.ledger.api.rebuild.ReadModelsCaughtUp;
import nl.kindpakket.ledger.api.web.LedgerHttp;
import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The council is shown the reports at a moment T; corrections are recorded afterwards (a reversal, a revocation, a
 * redemption dated before T but recorded after it, a late overhead cost). The reports as of T are what was shown,
 * and the current reports differ from them by exactly the corrections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AsOfOverHttpTest {

    private static final int YEAR = 2016;
    private static final String BASE = "/api/v1/municipalities/testville";
    private static final String YEAR_BASE = BASE + "/years/" + YEAR;
    private static final String MONTHLY = BASE + "/reports/monthly-passes?year=" + YEAR;
    private static final String SPENDING = BASE + "/reports/spending-lines?year=" + YEAR;
    private static final String OVERHEAD = BASE + "/reports/overhead?year=" + YEAR;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Serializer serializer;

    LedgerHttp http;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void aYearWithThreeChildrenTheirRedemptionsAndOverhead() {
        http = new LedgerHttp(port);
        // the line first: a provider may only be registered for lines the municipality has; and a provider of this
        // test's own, since other tests register theirs in the same municipality for other lines
        created(http.post("staff", YEAR_BASE + "/spending-lines", """
                {"code": "3", "name": "Leermiddelen", "amountCents": 1000000, "allocationId": "asof-%s"}""".formatted(run)));
        created(http.post("staff", BASE + "/providers", """
                {"providerId": "asof-zwembad", "name": "Zwembad Naaldwijk", "spendingLines": ["3"]}"""));
        for (String child : new String[] {"a", "b", "c"}) {
            created(http.post("staff", YEAR_BASE + "/entitlements", """
                    {"childRef": "%s", "passNumber": "P-%s", "credits": {"3": 5000}, "grantedOn": "%d-01-04"}"""
                    .formatted(child(child), child(child), YEAR)));
        }
        redeem("a-march", "a", 1200, "03-14");
        redeem("a-april", "a", 300, "04-03");
        redeem("b-april", "b", 800, "04-02");
        created(http.post("staff", YEAR_BASE + "/expenditures", """
                {"expenditureId": "e-%s", "organisation": "Stichting Leergeld", "spendingLine": "3",
                 "amountCents": 50000, "spentOn": "%d-02-15", "description": "laptops"}""".formatted(run, YEAR)));
        overheadCost("intake-" + run, 20000, "0.50", "02-01");
    }

    @Test
    void the_reports_as_of_a_moment_are_the_ones_shown_then_and_differ_from_now_by_the_corrections_since() {
        ReadModelsCaughtUp.await(jdbc, serializer);
        Instant shown = Instant.now();
        Shown then = new Shown(json(MONTHLY), json(SPENDING), json(OVERHEAD), text(MONTHLY, "text/csv"),
                text(SPENDING, "text/csv"));

        created(http.post("staff", BASE + "/redemptions/" + id("a-march") + "/reversal", """
                {"reason": "wrong amount at the till", "reversedAt": "%d-03-20T10:00:00Z"}""".formatted(YEAR)));
        created(http.post("staff", YEAR_BASE + "/entitlements/" + child("b") + "/revocation", """
                {"reason": "moved away", "effectiveOn": "%d-04-15"}""".formatted(YEAR)));
        redeem("c-february", "c", 700, "02-10");
        overheadCost("late-intake-" + run, 5000, "0.10", "03-01");
        ReadModelsCaughtUp.await(jdbc, serializer);

        String asOf = "&asOf=" + URLEncoder.encode(shown.toString(), StandardCharsets.UTF_8);
        assertThat(json(MONTHLY + asOf)).isEqualTo(then.monthly());
        assertThat(json(SPENDING + asOf)).isEqualTo(then.spending());
        assertThat(json(OVERHEAD + asOf)).isEqualTo(then.overhead());
        assertThat(text(MONTHLY + asOf, "text/csv")).isEqualTo(then.monthlyCsv());
        assertThat(text(SPENDING + asOf, "text/csv")).isEqualTo(then.spendingCsv());
        assertThat(text(OVERHEAD + asOf, "text/html")).contains("stand zoals vastgelegd op");

        JsonNode monthlyNow = json(MONTHLY);
        JsonNode monthlyThen = json(MONTHLY + asOf);
        int[] issuedDelta = {0, 0, 0, -1};
        int[] usersDelta = {0, 1, -1, 0};
        for (int month = 0; month < 4; month++) {
            assertThat(delta(monthlyNow, monthlyThen, "/months/" + month + "/issuedPasses")).isEqualTo(issuedDelta[month]);
            assertThat(delta(monthlyNow, monthlyThen, "/months/" + month + "/uniqueUsers")).isEqualTo(usersDelta[month]);
        }
        assertThat(delta(monthlyNow, monthlyThen, "/total/issuedPasses")).isEqualTo(-1);
        assertThat(delta(monthlyNow, monthlyThen, "/total/uniqueUsers")).isZero();
        assertThat(delta(monthlyNow, monthlyThen, "/total/distinctUsersInYear")).isEqualTo(1);

        JsonNode spendingNow = json(SPENDING);
        JsonNode spendingThen = json(SPENDING + asOf);
        // spent: -1200 reversed, +700 late; committed: +1200 back to a, -4200 released from b, -700 used by c
        assertThat(delta(spendingNow, spendingThen, "/total/spentCents")).isEqualTo(-500);
        assertThat(delta(spendingNow, spendingThen, "/total/committedCents")).isEqualTo(1200 - 4200 - 700);
        assertThat(delta(spendingNow, spendingThen, "/total/remainingCents")).isEqualTo(500);
        assertThat(delta(spendingNow, spendingThen, "/total/availableCents")).isZero();

        JsonNode overheadNow = json(OVERHEAD);
        JsonNode overheadThen = json(OVERHEAD + asOf);
        assertThat(delta(overheadNow, overheadThen, "/overheadCents")).isEqualTo(5000);
        assertThat(delta(overheadNow, overheadThen, "/directBenefitCents")).isEqualTo(-500);
        assertThat(overheadNow.at("/fte").decimalValue().subtract(overheadThen.at("/fte").decimalValue()))
                .isEqualByComparingTo("0.10");
    }

    @Test
    void an_as_of_that_is_no_moment_or_lies_ahead_is_refused() {
        LedgerHttp.assertProblem(http.get("council", MONTHLY + "&asOf=yesterday"), 400, "invalid-input");
        LedgerHttp.assertProblem(http.get("council", SPENDING + "&asOf=2999-01-01T00:00:00Z"), 400, "invalid-input");
        assertThat(http.get("council", OVERHEAD + "&asOf=2019-07-01T11:00:00+02:00").status()).isEqualTo(200);
        assertThat(http.get("council", OVERHEAD + "&asOf=2019-07-01T11:00:00").status()).isEqualTo(200);
    }

    private void redeem(String redemption, String child, long cents, String monthDay) {
        created(http.post("staff", BASE + "/redemptions", """
                {"redemptionId": "%s", "passNumber": "P-%s", "providerId": "asof-zwembad", "spendingLine": "3",
                 "amountCents": %d, "occurredAt": "%d-%sT10:15:00Z"}"""
                .formatted(id(redemption), child(child), cents, YEAR, monthDay)));
    }

    private void overheadCost(String costId, long cents, String fte, String monthDay) {
        created(http.post("staff", YEAR_BASE + "/overhead-costs", """
                {"costId": "%s", "organisation": "Stichting Leergeld", "task": "Intake", "amountCents": %d,
                 "fte": %s, "incurredOn": "%d-%s"}""".formatted(costId, cents, fte, YEAR, monthDay)));
    }

    private JsonNode json(String path) {
        Answer answer = http.get("council", path);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private String text(String path, String mediaType) {
        Answer answer = http.send("council", java.net.http.HttpRequest.newBuilder(http.uri(path))
                .header("Accept", mediaType).GET());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static long delta(JsonNode now, JsonNode then, String pointer) {
        return now.at(pointer).asLong() - then.at(pointer).asLong();
    }

    private static void created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
    }

    private String child(String name) {
        return "asof-" + name + "-" + run;
    }

    private String id(String name) {
        return "asof-" + name + "-" + run;
    }

    private record Shown(JsonNode monthly, JsonNode spending, JsonNode overhead, String monthlyCsv,
                         String spendingCsv) {
    }
}
