package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** With a single attempt per command, two instances racing for one entitlement show what a client gets past the bound. */
class RaceLostThroughEveryAttemptTest {

    @Test
    void a_redemption_that_loses_the_race_on_its_last_attempt_answers_503_busy_and_records_nothing() throws Exception {
        try (TwoInstances instances = new TwoInstances("race_lost", "--ledger.commands.conflict-attempts=1")) {
            Testville testville = new Testville(instances.http(0)).withBudgetAndProviders();
            Child child = testville.grant("crowd", "{\"3\": 100000}");
            LedgerHttp[] http = {instances.http(0), instances.http(1)};
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(60);
            List<Future<Answer>> pending = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                LedgerHttp instance = http[i % 2];
                String body = testville.redemptionBody(testville.id("crowd-" + i), child, "zwembad", "3", 10);
                pending.add(pool.submit(() -> {
                    start.await();
                    return instance.post("pool", BASE + "/redemptions", body);
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : pending) {
                answers.add(answer.get());
            }
            pool.shutdown();

            assertThat(answers).extracting(Answer::status).as(answers.toString()).containsOnly(201, 503).contains(503);
            answers.stream().filter(a -> a.status() == 503).forEach(busy -> {
                assertProblem(busy, 503, "busy");
                assertThat(busy.headers().firstValue("Retry-After")).contains("1");
            });
            long accepted = answers.stream().filter(a -> a.status() == 201).count();
            Long events = instances.bean(0, JdbcTemplate.class).queryForObject(
                    "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, child.entitlementId());
            assertThat(events).isEqualTo(1 + accepted);
        }
    }
}
