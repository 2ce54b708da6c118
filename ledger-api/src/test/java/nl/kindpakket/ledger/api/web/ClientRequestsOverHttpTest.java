package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static nl.kindpakket.ledger.api.web.Testville.YEAR;
import static nl.kindpakket.ledger.api.web.Testville.YEAR_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every kind of client identifier over HTTP on PostgreSQL: the first request is recorded (201), the same request again
 * gets the first answer (200, the same body) and changes nothing, and another request under the identifier is refused
 * (409 idempotency-conflict). The identifier is recorded with the request's events, or not at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClientRequestsOverHttpTest extends TestvilleOverHttp {

    @Test
    void a_repeated_redemption_gets_its_first_answer_and_a_changed_one_is_a_conflict() {
        Child child = testville.grant("till", "{\"3\": 5000}");
        String id = testville.id("till-r");

        Answer first = http.post("pool", BASE + "/redemptions", testville.redemptionBody(id, child, "zwembad", "3", 700));
        Answer repeat = http.post("pool", BASE + "/redemptions", testville.redemptionBody(id, child, "zwembad", "3", 700));
        Answer changed = http.post("pool", BASE + "/redemptions", testville.redemptionBody(id, child, "zwembad", "3", 900));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("lineBalanceAfterCents").asLong()).isEqualTo(4_300);
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.location()).isEqualTo(first.location());
        assertProblem(changed, 409, "idempotency-conflict");
        assertThat(events.of(child.entitlementId())).isEqualTo(2);
        assertThat(recorded("redemption", id)).isEqualTo(1);
    }

    @Test
    void a_repeated_allocation_gets_its_first_answer_and_a_changed_one_is_a_conflict() {
        String id = testville.id("alloc-again");
        String body = """
                {"code": "3", "name": "Leermiddelen", "amountCents": 12345, "allocationId": "%s"}""".formatted(id);

        assertRepeatedAndChanged(YEAR_BASE + "/spending-lines", id, body, body.replace("\"amountCents\": 12345", "\"amountCents\": 12346"));

        Answer otherYear = http.post("staff", BASE + "/years/" + (YEAR + 1) + "/spending-lines", body);
        assertThat(otherYear.status()).as("a year's identifiers are its own: %s", otherYear).isEqualTo(201);
    }

    @Test
    void a_repeated_expenditure_gets_its_first_answer_and_a_changed_one_is_a_conflict() {
        String id = testville.id("spent-again");
        String body = """
                {"expenditureId": "%s", "organisation": "Stichting Leergeld", "spendingLine": "3", "amountCents": 2500,
                 "spentOn": "%d-05-01", "description": "laptops"}""".formatted(id, YEAR);

        assertRepeatedAndChanged(YEAR_BASE + "/expenditures", id, body, body.replace("laptops", "tablets"));
    }

    @Test
    void a_repeated_overhead_cost_gets_its_first_answer_however_its_fte_is_spelled_and_a_changed_one_is_a_conflict() {
        String id = testville.id("cost-again");
        String body = """
                {"costId": "%s", "organisation": "WestlandPas", "task": "passen", "amountCents": 30000, "fte": 1.5,
                 "incurredOn": "%d-05-01"}""".formatted(id, YEAR);

        assertRepeatedAndChanged(YEAR_BASE + "/overhead-costs", id, body, body.replace("1.5", "1.25"));

        Answer spelledOtherwise = http.post("staff", YEAR_BASE + "/overhead-costs", body.replace("1.5", "1.50"));
        assertThat(spelledOtherwise.status()).as(spelledOtherwise.toString()).isEqualTo(200);
    }

    @Test
    void a_repeated_refund_gets_its_first_answer_and_a_changed_one_is_a_conflict() {
        String id = testville.id("refund-again");
        String body = """
                {"refundId": "%s", "organisation": "Stichting Leergeld", "spendingLine": "7", "amountCents": 1000,
                 "refundedOn": "%d-02-01", "returnedTo": "algemene middelen"}""".formatted(id, YEAR + 1);

        assertRepeatedAndChanged(YEAR_BASE + "/refunds", id, body, body.replace("\"amountCents\": 1000", "\"amountCents\": 2000"));
    }

    @Test
    void a_repeated_revocation_gets_its_first_answer_and_another_one_is_refused_as_already_revoked() {
        Child child = testville.grant("revoked", "{\"3\": 5000}");
        String revocation = """
                {"reason": "moved away", "effectiveOn": "%d-04-01"}""".formatted(YEAR);

        Answer first = http.post("staff", child.path() + "/revocation", revocation);
        Answer repeat = http.post("staff", child.path() + "/revocation", revocation);
        Answer other = http.post("staff", child.path() + "/revocation", revocation.replace("moved away", "in error"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertProblem(other, 409, "already-revoked");
        assertThat(events.of(child.entitlementId())).isEqualTo(2);
    }

    @Test
    void a_repeated_registration_and_suspension_get_their_first_answers_and_changed_ones_are_conflicts() {
        String provider = testville.id("club");
        String registration = """
                {"providerId": "%s", "name": "Judoclub", "spendingLines": ["3", "1"]}""".formatted(provider);
        String suspension = "{\"reason\": \"fraud investigation\"}";
        String suspensionPath = BASE + "/providers/" + provider + "/suspension";

        assertRepeatedAndChanged(BASE + "/providers", provider, registration,
                registration.replace("Judoclub", "Karateclub"));
        Answer sameLinesInAnotherOrder = http.post("staff", BASE + "/providers", registration.replace("\"3\", \"1\"", "\"1\", \"3\""));
        assertThat(sameLinesInAnotherOrder.status()).as(sameLinesInAnotherOrder.toString()).isEqualTo(200);

        Answer first = http.post("staff", suspensionPath, suspension);
        Answer repeat = http.post("staff", suspensionPath, suspension);
        Answer changed = http.post("staff", suspensionPath, suspension.replace("fraud", "tax"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertProblem(changed, 409, "idempotency-conflict");
        assertThat(events.mentioning("fraud investigation")).isGreaterThanOrEqualTo(1);
        assertThat(recorded("suspension", provider)).isEqualTo(1);
    }

    @Test
    void a_refused_request_records_neither_events_nor_its_identifier_and_the_identifier_stays_free() {
        Child child = testville.grant("refused", "{\"3\": 500}");
        String id = testville.id("refused-r");

        Answer refused = http.post("pool", BASE + "/redemptions", testville.redemptionBody(id, child, "zwembad", "3", 700));

        assertProblem(refused, 422, "insufficient-credit");
        assertThat(events.of(child.entitlementId())).isEqualTo(1);
        assertThat(recorded("redemption", id)).isZero();

        Answer fitting = http.post("pool", BASE + "/redemptions", testville.redemptionBody(id, child, "zwembad", "3", 400));
        assertThat(fitting.status()).as(fitting.toString()).isEqualTo(201);
        assertThat(fitting.json().path("lineBalanceAfterCents").asLong()).isEqualTo(100);
        assertThat(recorded("redemption", id)).isEqualTo(1);
    }

    /** A store kept from before the request log has events under identifiers the log does not know. */
    @Test
    void an_identifier_recorded_before_the_log_was_kept_is_never_recorded_twice() {
        Child child = testville.grant("before-log", "{\"3\": 5000}");
        String id = testville.id("before-log-r");
        String body = testville.redemptionBody(id, child, "zwembad", "3", 700);
        assertThat(http.post("pool", BASE + "/redemptions", body).status()).isEqualTo(201);
        String allocationId = testville.id("before-log-a");
        String allocation = """
                {"code": "1", "name": "Sport en cultuur", "amountCents": 500, "allocationId": "%s"}""".formatted(allocationId);
        assertThat(http.post("staff", YEAR_BASE + "/spending-lines", allocation).status()).isEqualTo(201);
        jdbc.update("delete from client_request where client_id in (?, ?)", id, YEAR + "/" + allocationId);

        assertProblem(http.post("pool", BASE + "/redemptions", body), 409, "idempotency-conflict");
        assertProblem(http.post("staff", YEAR_BASE + "/spending-lines", allocation), 409, "idempotency-conflict");

        assertThat(events.of(child.entitlementId())).isEqualTo(2);
        assertThat(events.mentioning(allocationId)).isEqualTo(1);
    }

    private void assertRepeatedAndChanged(String path, String id, String body, String changedBody) {
        Answer first = http.post("staff", path, body);
        Answer repeat = http.post("staff", path, body);
        Answer changed = http.post("staff", path, changedBody);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertProblem(changed, 409, "idempotency-conflict");
        assertThat(events.mentioning(id)).as("events under %s", id).isEqualTo(1);
    }

    private long recorded(String kind, String clientId) {
        Long rows = jdbc.queryForObject("select count(*) from client_request where kind = ? and client_id = ?",
                Long.class, kind, clientId);
        return rows == null ? 0 : rows;
    }
}
