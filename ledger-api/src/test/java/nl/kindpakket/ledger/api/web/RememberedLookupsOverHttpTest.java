package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static nl.kindpakket.ledger.api.web.Testville.MUNICIPALITY;
import static nl.kindpakket.ledger.api.web.Testville.YEAR;
import static nl.kindpakket.ledger.api.web.Testville.YEAR_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A redemption at a pass seen before is prepared from what the lookups found then; what has changed since, on the
 * other instance or in the tables themselves, is noticed in the redemption's transaction, and the redemption is
 * answered as if nothing had been remembered: at the pass's new holder, refused by the rule that now applies, counted
 * once, nothing written by the attempt that found it changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RememberedLookupsOverHttpTest {

    private TwoInstances instances;
    private JdbcTemplate jdbc;
    private Testville testville;

    @BeforeAll
    void startTwoInstances() throws Exception {
        instances = new TwoInstances("remembered_lookups");
        jdbc = instances.bean(0, JdbcTemplate.class);
        testville = new Testville(instances.http(0)).withBudgetAndProviders();
    }

    @AfterAll
    void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void a_pass_taken_over_on_the_other_instance_is_redeemed_at_its_new_holder_and_the_old_redemption_repeats_as_first() {
        Child before = testville.grant("before", "{\"3\": 5000}");
        String firstBody = testville.redemptionBody(testville.id("before-r1"), before, "zwembad", "3", 1000);
        Answer first = redeemOn(1, firstBody);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(redeemOn(1, testville.redemptionBody(testville.id("before-r2"), before, "zwembad", "3", 500)).status())
                .as("at the pass the second time, from what the first found").isEqualTo(201);

        Answer revoked = instances.http(0).post("staff", before.path() + "/revocation",
                "{\"reason\": \"moved away\", \"effectiveOn\": \"" + YEAR + "-02-01\"}");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(201);
        Child after = new Child("after-" + testville.run, before.passNumber());
        Answer granted = instances.http(0).post("staff", YEAR_BASE + "/entitlements", after.grantBody("{\"3\": 2000}"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        double refusedBefore = commands(1, "refused");
        double staleBefore = staleLookups(1);

        Answer atTheNewHolder = redeemOn(1, testville.redemptionBody(testville.id("after-r1"), after, "zwembad", "3", 700));
        Answer repeat = redeemOn(1, firstBody);

        assertThat(atTheNewHolder.status()).as(atTheNewHolder.toString()).isEqualTo(201);
        assertThat(atTheNewHolder.json().path("entitlementId").asText()).isEqualTo(after.entitlementId());
        assertThat(atTheNewHolder.json().path("lineBalanceAfterCents").asLong()).isEqualTo(1300);
        assertThat(repeat.status()).as("answered as the first time: " + repeat).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(commands(1, "refused")).as("the revoked holder's refusal was not the answer, nor counted")
                .isEqualTo(refusedBefore);
        assertThat(staleLookups(1)).as("two attempts found what was remembered changed: the new holder's, the repeat's")
                .isEqualTo(staleBefore + 2);
        assertThat(eventsOf(before.entitlementId())).as("granted, two redemptions, revoked").isEqualTo(4);
        assertThat(eventsOf(after.entitlementId())).as("granted, one redemption").isEqualTo(2);
    }

    @Test
    void a_provider_suspended_on_the_other_instance_refuses_the_redemption_once_with_nothing_written() {
        Child child = testville.grant("club", "{\"3\": 5000}");
        Answer first = instances.http(1).post("club", BASE + "/redemptions",
                testville.redemptionBody(testville.id("club-r1"), child, "sportclub", "3", 1000));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Answer suspended = instances.http(0).post("staff", BASE + "/providers/sportclub/suspension",
                "{\"reason\": \"fraud investigation\"}");
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(201);
        double refusedBefore = refused(1, "provider-suspended");
        double staleBefore = staleLookups(1);

        Answer refusal = instances.http(1).post("club", BASE + "/redemptions",
                testville.redemptionBody(testville.id("club-r2"), child, "sportclub", "3", 1000));

        assertProblem(refusal, 422, "provider-suspended");
        assertThat(refused(1, "provider-suspended")).as("counted once").isEqualTo(refusedBefore + 1);
        assertThat(staleLookups(1)).as("the attempt from what was remembered").isEqualTo(staleBefore + 1);
        assertThat(eventsOf(child.entitlementId())).as("granted, one redemption").isEqualTo(2);
        assertThat(recordedRequests(testville.id("club-r2"))).isZero();
    }

    /** The lookup tables changed underneath the instance that remembered them, then put back. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "closed    | year-closed                 | update budget_year_state set closed = true"
                    + " where municipality = ? and budget_year = ?"
                    + "    | update budget_year_state set closed = false where municipality = ? and budget_year = ?",
            "unlined   | provider-not-accepting-line | delete from provider_line where municipality = ?"
                    + " and provider_id = 'zwembad' and spending_line = '1' and ? > 0"
                    + "    | insert into provider_line (municipality, provider_id, spending_line)"
                    + " select ?, 'zwembad', '1' where ? > 0"})
    void a_changed_lookup_table_refuses_the_redemption_by_its_rule_once_with_nothing_written(String name, String rule,
            String change, String putBack) {
        Child child = testville.grant(name, "{\"1\": 5000}");
        assertThat(redeemOn(1, testville.redemptionBody(testville.id(rule + "-r1"), child, "zwembad", "1", 1000))
                .status()).isEqualTo(201);
        double refusedBefore = refused(1, rule);
        double staleBefore = staleLookups(1);
        jdbc.update(change, MUNICIPALITY, YEAR);
        try {
            Answer refusal = redeemOn(1, testville.redemptionBody(testville.id(rule + "-r2"), child, "zwembad", "1", 1000));

            assertProblem(refusal, 422, rule);
            assertThat(refused(1, rule)).as("counted once").isEqualTo(refusedBefore + 1);
            assertThat(staleLookups(1)).as("the attempt from what was remembered").isEqualTo(staleBefore + 1);
            assertThat(eventsOf(child.entitlementId())).as("granted, one redemption").isEqualTo(2);
            assertThat(recordedRequests(testville.id(rule + "-r2"))).isZero();
        } finally {
            jdbc.update(putBack, MUNICIPALITY, YEAR);
        }
        assertThat(redeemOn(1, testville.redemptionBody(testville.id(rule + "-r3"), child, "zwembad", "1", 1000))
                .status()).as("redeemed again once the table is as it was").isEqualTo(201);
    }

    private Answer redeemOn(int instance, String body) {
        return instances.http(instance).post("pool", BASE + "/redemptions", body);
    }

    private double commands(int instance, String outcome) {
        return instances.bean(instance, MeterRegistry.class).find("ledger.commands")
                .tags("command", "RedeemAtProvider", "outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double staleLookups(int instance) {
        return instances.bean(instance, MeterRegistry.class).get("ledger.commands.stale.lookups").counter().count();
    }

    private double refused(int instance, String rule) {
        return instances.bean(instance, MeterRegistry.class).find("ledger.commands")
                .tags("command", "RedeemAtProvider", "outcome", "refused", "reason", rule).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private long eventsOf(String entitlementId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                entitlementId);
    }

    private long recordedRequests(String clientId) {
        return jdbc.queryForObject("select count(*) from client_request where client_id = ?", Long.class, clientId);
    }
}
