package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static nl.kindpakket.ledger.api.web.Testville.YEAR;
import static nl.kindpakket.ledger.api.web.Testville.YEAR_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The rules on a line's money and on business dates, broken over HTTP: each refused with its rule, nothing events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MoneyRulesOverHttpTest extends TestvilleOverHttp {

    private static final String BUDGET_YEAR = Testville.MUNICIPALITY + ":" + YEAR;
    private static final LocalDate TEN_DAYS_AHEAD = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(10);

    @Test
    void a_line_spent_in_full_by_passes_takes_no_expenditure_or_refund_and_says_what_the_report_shows() {
        String line = lineOf(1_000, "full");
        Child child = childOn(line, 1_000);
        assertThat(redeem(child, line, 1_000).status()).isEqualTo(201);

        Answer expenditure = events.unchanged(BUDGET_YEAR, () -> expenditure("e-full", line, 1, YEAR + "-05-01"));
        assertProblem(expenditure, 422, "budget-exceeded");
        assertThat(expenditure.json().path("detail").asText()).isEqualTo("line " + line + " has 0 cents remaining, 1 requested");
        Answer refund = events.unchanged(BUDGET_YEAR, () -> refund("f-full", line, 1, YEAR + "-12-01"));
        assertProblem(refund, 422, "refund-exceeds-underspend");
        assertThat(refund.json().path("detail").asText()).isEqualTo("line " + line + " has 0 cents remaining, 1 refund requested");

        JsonNode reported = reportedLine(line, l -> l.path("availableCents").asLong() == 1_000
                && l.path("spentCents").asLong() == 1_000);
        assertThat(reported.path("remainingCents").asLong()).isZero();
    }

    @Test
    void refunded_money_cannot_be_spent_again() {
        String line = lineOf(1_000, "refunded");
        assertThat(refund("f-back", line, 1_000, YEAR + "-12-01").status()).isEqualTo(201);

        Answer expenditure = events.unchanged(BUDGET_YEAR, () -> expenditure("e-again", line, 1_000, YEAR + "-12-02"));

        assertProblem(expenditure, 422, "budget-exceeded");
        JsonNode reported = reportedLine(line, l -> l.path("availableCents").asLong() == 1_000
                && l.path("refundedCents").asLong() == 1_000);
        assertThat(reported.path("spentCents").asLong()).isZero();
        assertThat(reported.path("remainingCents").asLong()).isZero();
    }

    @Test
    void a_redemption_within_credit_is_never_refused_for_the_budget_and_the_report_flags_the_line() {
        String line = lineOf(1_000, "over");
        Child child = childOn(line, 1_500);

        assertThat(redeem(child, line, 1_200).status()).isEqualTo(201);

        JsonNode reported = reportedLine(line, l -> l.path("availableCents").asLong() == 1_000
                && l.path("spentCents").asLong() == 1_200);
        assertThat(reported.path("committedCents").asLong()).isEqualTo(300);
        assertThat(reported.path("remainingCents").asLong()).isEqualTo(-200);
        assertThat(reported.path("overcommittedCents").asLong()).isEqualTo(500);
        Answer page = http.send("council", HttpRequest.newBuilder(http.uri(BASE + "/reports/spending-lines?year=" + YEAR))
                .header("Accept", "text/html").GET());
        assertThat(page.body()).contains("Overbelast", "\u26A0 5,00");
    }

    @Test
    void a_redemption_dated_before_the_grant_is_refused() {
        Child child = testville.grant("early", "{\"3\": 500}");
        String body = testville.redemptionBody(testville.id("r-early"), child, "zwembad", "3", 100)
                .replace(YEAR + "-03-14T10:15:00Z", YEAR + "-01-01T12:00:00Z");

        Answer answer = events.unchanged(child.entitlementId(), () -> http.post("pool", BASE + "/redemptions", body));

        assertProblem(answer, 422, "date-before-grant");
        assertThat(answer.json().path("detail").asText()).contains("grant date " + YEAR + "-01-02");
    }

    @Test
    void a_revocation_dated_before_the_grant_names_the_grant_date() {
        Child child = testville.grant("revoked-early", "{\"3\": 500}");

        Answer answer = events.unchanged(child.entitlementId(), () -> http.post("staff", child.path() + "/revocation",
                "{\"reason\": \"moved\", \"effectiveOn\": \"" + YEAR + "-01-01\"}"));

        assertProblem(answer, 422, "date-before-grant");
        assertThat(answer.json().path("detail").asText())
                .isEqualTo("effectiveOn " + YEAR + "-01-01 is before the entitlement's grant date " + YEAR + "-01-02");
    }

    @Test
    void expenditures_costs_refunds_and_allocations_dated_in_the_future_are_refused() {
        String ahead = TEN_DAYS_AHEAD.toString();
        assertProblem(events.unchanged(BUDGET_YEAR, () -> expenditure("e-ahead", "3", 100, ahead)), 422, "date-in-future");
        assertProblem(events.unchanged(BUDGET_YEAR, () -> http.post("staff", YEAR_BASE + "/overhead-costs", """
                {"costId": "%s", "organisation": "WestlandPas", "task": "pasbeheer", "amountCents": 100, "fte": 0.5,
                 "incurredOn": "%s"}""".formatted(testville.id("c-ahead"), ahead))), 422, "date-in-future");
        assertProblem(events.unchanged(BUDGET_YEAR, () -> refund("f-2100", "3", 100, "2100-12-31")), 422, "date-in-future");
        assertProblem(events.unchanged(BUDGET_YEAR, () -> http.post("staff", YEAR_BASE + "/spending-lines", """
                {"code": "3", "name": "Leermiddelen", "amountCents": 100, "allocationId": "%s", "allocatedOn": "%s"}"""
                .formatted(testville.id("a-ahead"), ahead))), 422, "date-in-future");
    }

    @Test
    void an_allocation_and_a_registration_keep_the_business_dates_the_request_gives() {
        String line = "d" + testville.run;
        Answer allocation = http.post("staff", YEAR_BASE + "/spending-lines", """
                {"code": "%s", "name": "Backfill", "amountCents": 100, "allocationId": "%s", "allocatedOn": "%d-11-15"}"""
                .formatted(line, testville.id("a-backfill"), YEAR - 1));
        assertThat(allocation.status()).as(allocation.toString()).isEqualTo(201);
        String provider = testville.id("backfilled");
        Answer registration = http.post("staff", BASE + "/providers", """
                {"providerId": "%s", "name": "Club", "spendingLines": ["%s"], "acceptsFrom": "%d-01-01"}"""
                .formatted(provider, line, YEAR));
        assertThat(registration.status()).as(registration.toString()).isEqualTo(201);

        assertThat(payloadField("SpendingLineOpened", "spendingLine", line, "openedOn")).isEqualTo((YEAR - 1) + "-11-15");
        assertThat(payloadField("BudgetAllocated", "spendingLine", line, "allocatedOn")).isEqualTo((YEAR - 1) + "-11-15");
        assertThat(payloadField("ProviderRegistered", "providerId", provider, "acceptsFrom")).isEqualTo(YEAR + "-01-01");
        Answer invalid = http.post("staff", BASE + "/providers", """
                {"providerId": "%s", "name": "Club", "spendingLines": ["3"], "acceptsFrom": "%d-02-30"}"""
                .formatted(testville.id("invalid-date"), YEAR));
        assertProblem(invalid, 400, "invalid-input");
        assertThat(invalid.json().path("field").asText()).isEqualTo("acceptsFrom");
    }

    private String lineOf(long cents, String name) {
        String line = name.charAt(0) + testville.run;
        testville.allocate(line, "Lijn " + name, cents);
        testville.register(testville.id("p-" + name), "Aanbieder " + name, "[\"" + line + "\"]");
        return line;
    }

    private Child childOn(String line, long cents) {
        return testville.grant("child-" + line, "{\"" + line + "\": " + cents + "}");
    }

    private Answer redeem(Child child, String line, long cents) {
        String provider = testville.id("p-" + (line.startsWith("f") ? "full" : "over"));
        return http.post("staff", BASE + "/redemptions",
                testville.redemptionBody(testville.id("r-" + line), child, provider, line, cents));
    }

    private Answer expenditure(String id, String line, long cents, String spentOn) {
        return http.post("staff", YEAR_BASE + "/expenditures", """
                {"expenditureId": "%s", "organisation": "Leergeld", "spendingLine": "%s", "amountCents": %d, "spentOn": "%s"}"""
                .formatted(testville.id(id), line, cents, spentOn));
    }

    private Answer refund(String id, String line, long cents, String refundedOn) {
        return http.post("staff", YEAR_BASE + "/refunds", """
                {"refundId": "%s", "organisation": "Leergeld", "spendingLine": "%s", "amountCents": %d, "refundedOn": "%s",
                 "returnedTo": "algemene middelen"}""".formatted(testville.id(id), line, cents, refundedOn));
    }

    private String payloadField(String type, String key, String value, String field) {
        return jdbc.queryForObject("select convert_from(payload, 'UTF8')::json ->> ? from domain_event_entry"
                + " where payload_type like ? and convert_from(payload, 'UTF8')::json ->> ? = ?", String.class,
                field, "%." + type, key, value);
    }

    /**
     * The line once the report shows what settled says; the read models' segments fold the budget year's and the
     * entitlements' events apart, so a predicate names every figure it relies on having arrived.
     */
    private JsonNode reportedLine(String code, Predicate<JsonNode> settled) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode lines = http.get("council", BASE + "/reports/spending-lines?year=" + YEAR).json().path("lines");
            for (JsonNode line : lines) {
                if (line.path("code").asText().equals(code) && settled.test(line)) {
                    return line;
                }
            }
            assertThat(System.nanoTime()).as("line %s in the report", code).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
