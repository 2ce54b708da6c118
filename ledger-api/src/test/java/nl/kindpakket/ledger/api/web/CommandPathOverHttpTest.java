package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static nl.kindpakket.ledger.api.web.Testville.YEAR;
import static nl.kindpakket.ledger.api.web.Testville.YEAR_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CommandPathOverHttpTest extends TestvilleOverHttp {

    @Test
    void a_budget_a_provider_and_a_grant_lead_to_a_redemption_and_its_reversal() {
        Answer allocation = http.post("staff", YEAR_BASE + "/spending-lines", """
                {"code": "3", "name": "Leermiddelen", "amountCents": 250000, "allocationId": "%s", "source": "Raad 2017-12"}"""
                .formatted(testville.id("allocation")));
        assertThat(allocation.status()).as(allocation.toString()).isEqualTo(201);
        assertThat(allocation.contentType()).startsWith("application/json");
        assertThat(allocation.json().path("amountCents").asLong()).isEqualTo(250000);
        assertThat(allocation.json().path("source").asText()).isEqualTo("Raad 2017-12");

        Answer registration = http.post("staff", BASE + "/providers", """
                {"providerId": "%s", "name": "Bibliotheek", "spendingLines": ["3"]}""".formatted(testville.id("bieb")));
        assertThat(registration.status()).as(registration.toString()).isEqualTo(201);
        assertThat(registration.json().path("spendingLines").toString()).isEqualTo("[\"3\"]");

        Child child = new Child(testville.id("anna"), "P-" + testville.id("anna"));
        Answer grant = http.post("staff", YEAR_BASE + "/entitlements", child.grantBody("{\"3\": 5000, \"1\": 2500}"));
        assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
        assertThat(grant.location()).endsWith(child.path());
        assertThat(grant.json().path("entitlementId").asText()).isEqualTo(child.entitlementId());
        assertThat(grant.json().path("credits").path("3").asLong()).isEqualTo(5000);

        Answer redemption = http.post("pool", BASE + "/redemptions",
                testville.redemptionBody(testville.id("r"), child, "zwembad", "3", 1200));
        assertThat(redemption.status()).as(redemption.toString()).isEqualTo(201);
        JsonNode redeemed = redemption.json();
        assertThat(redeemed.path("entitlementId").asText()).isEqualTo(child.entitlementId());
        assertThat(redeemed.path("amountCents").asLong()).isEqualTo(1200);
        assertThat(redeemed.path("lineBalanceAfterCents").asLong()).isEqualTo(3800);
        assertThat(redeemed.path("occurredAt").asText()).isEqualTo(YEAR + "-03-14T10:15:00Z");

        Answer reversal = http.post("pool", BASE + "/redemptions/" + testville.id("r") + "/reversal", """
                {"reason": "wrong amount at the till", "reversedAt": "%d-03-14T10:20:00Z"}""".formatted(YEAR));
        assertThat(reversal.status()).as(reversal.toString()).isEqualTo(201);
        assertThat(reversal.json().path("entitlementId").asText()).isEqualTo(child.entitlementId());
        assertThat(reversal.json().path("lineBalanceAfterCents").asLong()).isEqualTo(5000);
        assertThat(reversal.location()).endsWith(child.path());

        assertThat(eventsOf(child.entitlementId())).isEqualTo(3);
    }

    @Test
    void twenty_concurrent_redemptions_on_credit_for_ten_accept_exactly_ten_and_leave_nothing() throws Exception {
        Child child = testville.grant("crowd", "{\"3\": 1000}");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Answer>> redemptions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = testville.redemptionBody(testville.id("crowd-r" + i), child, "zwembad", "3", 100);
            redemptions.add(() -> {
                start.await();
                return http.post("pool", BASE + "/redemptions", body);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Answer>> pending = new ArrayList<>();
        redemptions.forEach(redemption -> pending.add(pool.submit(redemption)));
        start.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> answer : pending) {
            answers.add(answer.get());
        }
        pool.shutdown();

        List<Answer> accepted = answers.stream().filter(a -> a.status() == 201).toList();
        List<Answer> refused = answers.stream().filter(a -> a.status() == 422).toList();
        assertThat(accepted).as(answers.toString()).hasSize(10);
        assertThat(refused).as(answers.toString()).hasSize(10)
                .allSatisfy(answer -> assertThat(answer.type()).isEqualTo("/problems/insufficient-credit"));
        assertThat(accepted).extracting(a -> a.json().path("lineBalanceAfterCents").asLong())
                .containsExactlyInAnyOrder(900L, 800L, 700L, 600L, 500L, 400L, 300L, 200L, 100L, 0L);

        Answer oneCentMore = http.post("staff", BASE + "/redemptions",
                testville.redemptionBody(testville.id("crowd-last"), child, "zwembad", "3", 1));
        assertThat(oneCentMore.status()).isEqualTo(422);
        assertThat(oneCentMore.json().path("detail").asText()).contains("is 0 cents");
        assertThat(eventsOf(child.entitlementId())).isEqualTo(11);
    }

    @Test
    void a_repeated_redemption_answers_200_with_the_same_body_and_appends_no_event() {
        Child child = testville.grant("retry", "{\"3\": 5000}");
        String body = testville.redemptionBody(testville.id("retry-r"), child, "zwembad", "3", 700);
        Answer first = http.post("pool", BASE + "/redemptions", body);
        long events = eventsOf(child.entitlementId());

        Answer repeat = http.post("pool", BASE + "/redemptions", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(eventsOf(child.entitlementId())).isEqualTo(events);

        Answer otherBody = http.post("pool", BASE + "/redemptions", body.replace("\"amountCents\": 700", "\"amountCents\": 701"));
        assertThat(otherBody.status()).as(otherBody.toString()).isEqualTo(409);
        assertThat(otherBody.type()).isEqualTo("/problems/idempotency-conflict");
        assertThat(eventsOf(child.entitlementId())).isEqualTo(events);
    }

    @Test
    void a_redemption_id_reused_on_another_childs_pass_is_an_idempotency_conflict() {
        Child first = testville.grant("twin-a", "{\"3\": 5000}");
        Child second = testville.grant("twin-b", "{\"3\": 5000}");
        String redemptionId = testville.id("twin-r");
        assertThat(http.post("pool", BASE + "/redemptions", testville.redemptionBody(redemptionId, first, "zwembad", "3", 100))
                .status()).isEqualTo(201);

        Answer reused = http.post("pool", BASE + "/redemptions", testville.redemptionBody(redemptionId, second, "zwembad", "3", 100));

        assertThat(reused.status()).as(reused.toString()).isEqualTo(409);
        assertThat(reused.type()).isEqualTo("/problems/idempotency-conflict");
        assertThat(eventsOf(second.entitlementId())).isEqualTo(1);
    }

    @Test
    void a_repeated_grant_answers_200_with_the_same_body_and_another_grant_for_the_child_is_409() {
        Child child = new Child(testville.id("again"), "P-" + testville.id("again"));
        Answer first = http.post("staff", YEAR_BASE + "/entitlements", child.grantBody("{\"3\": 5000, \"1\": 2500}"));
        Answer repeat = http.post("staff", YEAR_BASE + "/entitlements", child.grantBody("{\"1\": 2500, \"3\": 5000}"));
        Answer different = http.post("staff", YEAR_BASE + "/entitlements", child.grantBody("{\"3\": 9000}"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.location()).isEqualTo(first.location());
        assertThat(different.status()).as(different.toString()).isEqualTo(409);
        assertThat(different.type()).isEqualTo("/problems/duplicate-grant");
        assertThat(eventsOf(child.entitlementId())).isEqualTo(1);
    }

    @Test
    void a_repeated_reversal_answers_200_with_the_same_body_and_another_reason_is_409() {
        Child child = testville.grant("undo", "{\"3\": 5000}");
        String redemptionId = testville.id("undo-r");
        http.post("pool", BASE + "/redemptions", testville.redemptionBody(redemptionId, child, "zwembad", "3", 300));
        String reversal = "{\"reason\": \"double scan\", \"reversedAt\": \"" + YEAR + "-03-15T09:00:00Z\"}";

        Answer first = http.post("pool", BASE + "/redemptions/" + redemptionId + "/reversal", reversal);
        Answer repeat = http.post("pool", BASE + "/redemptions/" + redemptionId + "/reversal", reversal);
        Answer other = http.post("pool", BASE + "/redemptions/" + redemptionId + "/reversal", reversal.replace("double", "triple"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.type()).isEqualTo("/problems/already-reversed");
        assertThat(eventsOf(child.entitlementId())).isEqualTo(3);
    }

    @Test
    void a_pass_replacement_and_a_revocation_answer_with_the_entitlement_and_repeat_as_200() {
        Child child = testville.grant("lost", "{\"3\": 5000}");
        String replacement = "{\"newPassNumber\": \"P-new-" + testville.run + "\", \"replacedOn\": \"" + YEAR + "-02-01\"}";
        Answer replaced = http.post("staff", child.path() + "/pass-replacement", replacement);
        Answer replacedAgain = http.post("staff", child.path() + "/pass-replacement", replacement);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        assertThat(replacedAgain.status()).isEqualTo(200);
        assertThat(replacedAgain.body()).isEqualTo(replaced.body());

        String revocation = "{\"reason\": \"moved away\", \"effectiveOn\": \"" + YEAR + "-06-30\"}";
        Answer revoked = http.post("staff", child.path() + "/revocation", revocation);
        Answer revokedAgain = http.post("staff", child.path() + "/revocation", revocation);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(201);
        assertThat(revoked.json().path("entitlementId").asText()).isEqualTo(child.entitlementId());
        assertThat(revokedAgain.status()).isEqualTo(200);
        assertThat(revokedAgain.body()).isEqualTo(revoked.body());
        assertThat(eventsOf(child.entitlementId())).isEqualTo(3);
    }

    @Test
    void organisations_record_expenditures_overhead_and_refunds_on_the_year() {
        Answer expenditure = http.post("staff", YEAR_BASE + "/expenditures", """
                {"expenditureId": "%s", "organisation": "Stichting Leergeld", "spendingLine": "3", "amountCents": 45000,
                 "spentOn": "%d-04-01", "description": "laptops"}""".formatted(testville.id("exp"), YEAR));
        Answer overhead = http.post("staff", YEAR_BASE + "/overhead-costs", """
                {"costId": "%s", "organisation": "WestlandPas", "task": "pass issuing", "amountCents": 120000,
                 "fte": 0.5, "incurredOn": "%d-04-01"}""".formatted(testville.id("cost"), YEAR));
        Answer refund = http.post("staff", YEAR_BASE + "/refunds", """
                {"refundId": "%s", "organisation": "Stichting Leergeld", "spendingLine": "7", "amountCents": 1000,
                 "refundedOn": "%d-12-20", "returnedTo": "algemene middelen"}""".formatted(testville.id("refund"), YEAR));

        assertThat(expenditure.status()).as(expenditure.toString()).isEqualTo(201);
        assertThat(overhead.status()).as(overhead.toString()).isEqualTo(201);
        assertThat(overhead.json().path("fte").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
    }

    private long eventsOf(String aggregateId) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
        return count == null ? 0 : count;
    }
}
