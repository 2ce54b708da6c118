package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With a single attempt per command, what a client gets past the bound: a redemption that loses its race answers
 * 503 {@code busy} and records nothing. The race is made certain rather than hoped for: the first instance decides
 * on its cached entitlement, which the second instance's redemption has made stale, so its append finds its sequence
 * number taken.
 */
class RaceLostThroughEveryAttemptTest {

    @Test
    void a_redemption_that_loses_the_race_on_its_last_attempt_answers_503_busy_and_records_nothing() throws Exception {
        try (TwoInstances instances = new TwoInstances("race_lost", "--ledger.commands.conflict-attempts=1")) {
            Testville testville = new Testville(instances.http(0)).withBudgetAndProviders();
            Child child = testville.grant("crowd", "{\"3\": 100000}");
            LedgerHttp first = instances.http(0);
            LedgerHttp second = instances.http(1);
            // the first instance granted the entitlement, and holds it in its cache from then on
            JdbcTemplate jdbc = instances.bean(0, JdbcTemplate.class);

            Answer warming = first.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("r1"), child, "zwembad", "3", 10));
            assertThat(warming.status()).as(warming.toString()).isEqualTo(201);
            Answer elsewhere = second.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("r2"), child, "zwembad", "3", 20));
            assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(201);
            assertThat(elsewhere.json().path("lineBalanceAfterCents").asLong()).isEqualTo(99970);

            Answer lost = first.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("r3"), child, "zwembad", "3", 40));

            assertProblem(lost, 503, "busy");
            assertThat(lost.headers().firstValue("Retry-After")).contains("1");
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                    child.entitlementId())).as("the grant and the two accepted redemptions").isEqualTo(3);
            assertThat(jdbc.queryForObject("select count(*) from client_request where client_id = ?", Long.class,
                    testville.id("r3"))).as("the lost request's identifier stays free").isZero();

            Answer again = first.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("r3"), child, "zwembad", "3", 40));
            assertThat(again.status()).as("sent again, on the stored events: " + again).isEqualTo(201);
            assertThat(again.json().path("lineBalanceAfterCents").asLong()).isEqualTo(99930);
        }
    }
}
