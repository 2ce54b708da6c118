package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static nl.kindpakket.ledger.api.web.Testville.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the service on one PostgreSQL, requests sent to them alternately as a load balancer would: the
 * ledger's answers are those of one instance, whatever the races between them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesOnOneStoreTest {

    private TwoInstances instances;
    private JdbcTemplate jdbc;
    private Testville testville;

    @BeforeAll
    void startTwoInstances() throws Exception {
        instances = new TwoInstances("two_instances", "--ledger.processing.segments=2",
                "--ledger.processing.max-claimed-segments=1", "--ledger.annual-reset.claim-timeout=3s",
                "--ledger.annual-reset.chunk-size=3", "--logging.level.nl.kindpakket.ledger.api.store.ConflictRetries=DEBUG");
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
    void fifty_redemptions_of_a_euro_on_ten_euros_sent_to_both_instances_accept_exactly_ten_and_leave_nothing() throws Exception {
        Child child = testville.grant("fifty", "{\"3\": 1000}");

        List<Answer> answers = inParallel(50, i -> testville.redemptionBody(testville.id("fifty-r" + i), child, "zwembad", "3", 100));

        assertThat(answers).extracting(Answer::status).as(answers.toString()).containsOnly(201, 422);
        assertThat(answers.stream().filter(a -> a.status() == 201)).as(answers.toString()).hasSize(10)
                .extracting(a -> a.json().path("lineBalanceAfterCents").asLong())
                .containsExactlyInAnyOrder(900L, 800L, 700L, 600L, 500L, 400L, 300L, 200L, 100L, 0L);
        answers.stream().filter(a -> a.status() == 422).forEach(a -> assertProblem(a, 422, "insufficient-credit"));
        assertThat(eventsOf(child.entitlementId())).isEqualTo(11);
        for (int instance = 0; instance < 2; instance++) {
            Answer oneCentMore = instances.http(instance).post("pool", BASE + "/redemptions",
                    testville.redemptionBody(testville.id("fifty-last-" + instance), child, "zwembad", "3", 1));
            assertProblem(oneCentMore, 422, "insufficient-credit");
            assertThat(oneCentMore.json().path("detail").asText()).contains("is 0 cents");
        }
        awaitCreditInTheReadModel(child, 0);
    }

    @Test
    void one_redemption_sent_twenty_times_to_both_instances_at_once_is_recorded_once() throws Exception {
        Child child = testville.grant("twenty", "{\"3\": 5000}");
        String body = testville.redemptionBody(testville.id("twenty-r"), child, "zwembad", "3", 700);

        List<Answer> answers = inParallel(20, i -> body);

        assertThat(answers).extracting(Answer::status).as(answers.toString()).containsOnly(201, 200);
        assertThat(answers.stream().filter(a -> a.status() == 201)).as(answers.toString()).hasSize(1);
        assertThat(answers).extracting(a -> a.json().path("lineBalanceAfterCents").asLong()).containsOnly(4300L);
        assertThat(answers).extracting(Answer::body).as("every answer is the first one's").containsOnly(answers.get(0).body());
        assertThat(eventsOf(child.entitlementId())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from client_request where kind = 'redemption' and client_id = ?",
                Long.class, testville.id("twenty-r"))).isEqualTo(1);
        awaitCreditInTheReadModel(child, 4300);
    }

    @Test
    void one_redemption_id_sent_with_two_bodies_to_both_instances_at_once_is_recorded_once_and_the_other_body_is_a_conflict()
            throws Exception {
        Child child = testville.grant("bodies", "{\"3\": 5000}");
        String id = testville.id("bodies-r");

        List<Answer> answers = inParallel(20, i -> testville.redemptionBody(id, child, "zwembad", "3", i % 4 < 2 ? 700 : 900));

        assertThat(answers).extracting(Answer::status).as(answers.toString()).containsOnly(201, 200, 409);
        List<Answer> accepted = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(accepted).as(answers.toString()).hasSize(1);
        long recorded = accepted.get(0).json().path("amountCents").asLong();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            long sent = i % 4 < 2 ? 700 : 900;
            if (sent == recorded) {
                assertThat(answer.status()).as(answer.toString()).isIn(201, 200);
            } else {
                assertProblem(answer, 409, "idempotency-conflict");
            }
        }
        assertThat(eventsOf(child.entitlementId())).isEqualTo(2);
    }

    @Test
    void one_grant_sent_to_both_instances_at_once_creates_one_entitlement() throws Exception {
        Child child = new Child(testville.id("created-twice"), "P-" + testville.id("created-twice"));

        List<Answer> answers = inParallel(8, i -> child.grantBody("{\"3\": 1000}"), Testville.YEAR_BASE + "/entitlements", "staff");

        assertThat(answers).extracting(Answer::status).as(answers.toString()).containsOnly(201, 200);
        assertThat(answers.stream().filter(a -> a.status() == 201)).as(answers.toString()).hasSize(1);
        assertThat(eventsOf(child.entitlementId())).isEqualTo(1);
    }

    /** Each entitlement's redemptions go to both instances in turn (request i goes to instance i % 2). */
    @Test
    void redemptions_on_the_same_entitlements_sent_alternately_to_both_instances_are_all_accepted() throws Exception {
        List<Child> children = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            children.add(testville.grant("alternate-" + c, "{\"3\": 100000}"));
        }
        double conflictedBefore = instances.conflictedAttempts();

        List<Answer> answers = inParallel(80, i -> testville.redemptionBody(testville.id("alternate-r" + i),
                children.get(i / 2 % children.size()), "zwembad", "3", 25));

        assertThat(answers).extracting(Answer::status).as(answers.toString()).containsOnly(201);
        for (Child child : children) {
            assertThat(eventsOf(child.entitlementId())).isEqualTo(41);
            awaitCreditInTheReadModel(child, 100000 - 40 * 25);
        }
        System.out.printf("80 redemptions on 2 entitlements over two instances: %.0f attempts lost a race and were retried%n",
                instances.conflictedAttempts() - conflictedBefore);
    }

    @Test
    void a_redemption_on_a_warm_entitlement_loads_it_from_the_cache_without_reading_its_events() {
        Child child = testville.grant("warm", "{\"3\": 1000}");
        LedgerHttp first = instances.http(0);
        assertThat(first.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("warm-1"), child, "zwembad", "3", 100))
                .status()).isEqualTo(201);
        double hits = instances.cachedLoads(0, "hit");
        double misses = instances.cachedLoads(0, "miss");

        Answer warm = first.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("warm-2"), child, "zwembad", "3", 100));

        assertThat(warm.status()).as(warm.toString()).isEqualTo(201);
        assertThat(warm.json().path("lineBalanceAfterCents").asLong()).isEqualTo(800);
        assertThat(instances.cachedLoads(0, "hit") - hits).isEqualTo(1);
        assertThat(instances.cachedLoads(0, "miss") - misses).isZero();
    }

    /**
     * Instance 0 caches the entitlement; instance 1 then redeems on it, so instance 0's entry is one event behind.
     * Instance 0's next redemption is decided on the stale entry (it reads no events), so its append takes a sequence
     * number that is taken: the conflict drops the entry and the retry, on the stored events, gets the balance right.
     */
    @Test
    void a_stale_cached_entitlement_ends_in_a_retried_conflict_never_in_a_wrong_balance() {
        Child child = testville.grant("stale", "{\"3\": 1000}");
        LedgerHttp cached = instances.http(0);
        LedgerHttp other = instances.http(1);
        assertThat(cached.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("stale-1"), child, "zwembad", "3", 100))
                .json().path("lineBalanceAfterCents").asLong()).isEqualTo(900);
        assertThat(other.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("stale-2"), child, "zwembad", "3", 100))
                .json().path("lineBalanceAfterCents").asLong()).isEqualTo(800);
        double conflicts = instances.conflictedAttempts(0);
        double hits = instances.cachedLoads(0, "hit");
        double misses = instances.cachedLoads(0, "miss");

        Answer onStaleCache = cached.post("pool", BASE + "/redemptions",
                testville.redemptionBody(testville.id("stale-3"), child, "zwembad", "3", 100));

        assertThat(onStaleCache.status()).as(onStaleCache.toString()).isEqualTo(201);
        assertThat(onStaleCache.json().path("lineBalanceAfterCents").asLong()).isEqualTo(700);
        assertThat(instances.conflictedAttempts(0) - conflicts).as("attempts that lost to the other instance's write").isEqualTo(1);
        assertThat(instances.cachedLoads(0, "hit") - hits).as("the stale entry").isEqualTo(1);
        assertThat(instances.cachedLoads(0, "miss") - misses).as("the retry, from the stored events").isEqualTo(1);
        assertThat(eventsOf(child.entitlementId())).isEqualTo(4);
        awaitCreditInTheReadModel(child, 700);

        Answer afterTheRetry = cached.post("pool", BASE + "/redemptions",
                testville.redemptionBody(testville.id("stale-4"), child, "zwembad", "3", 100));
        assertThat(afterTheRetry.json().path("lineBalanceAfterCents").asLong()).isEqualTo(600);
        assertThat(instances.conflictedAttempts(0) - conflicts).isEqualTo(1);
    }

    /**
     * A command inside its caller's transaction (as an annual reset's chunk sends them) is over before that transaction
     * ends; had it filled the cache, a rollback of the caller would leave the cache ahead of the store.
     */
    @Test
    void a_change_inside_a_callers_transaction_that_rolls_back_leaves_no_trace_in_the_cache() {
        Child child = testville.grant("rolled-back", "{\"3\": 1000}");
        LedgerHttp http = instances.http(0);
        assertThat(http.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("rolled-back-1"), child, "zwembad", "3", 100))
                .json().path("lineBalanceAfterCents").asLong()).isEqualTo(900);
        CommandGateway commands = instances.bean(0, CommandGateway.class);
        Instant at = Instant.parse(YEAR + "-03-14T10:15:00Z");

        assertThatThrownBy(() -> instances.bean(0, TransactionTemplate.class).executeWithoutResult(tx -> {
            commands.sendAndWait(new RedeemAtProvider(EntitlementId.parse(child.entitlementId()), testville.id("rolled-back-2"),
                    new PassNumber(child.passNumber()), new ProviderId("zwembad"), new SpendingLineCode("3"), Money.ofCents(100), at, at));
            throw new IllegalStateException("the caller fails after the command");
        })).hasMessageContaining("the caller fails");

        Answer next = http.post("pool", BASE + "/redemptions", testville.redemptionBody(testville.id("rolled-back-3"), child, "zwembad", "3", 100));
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(next.json().path("lineBalanceAfterCents").asLong()).isEqualTo(800);
        assertThat(eventsOf(child.entitlementId())).isEqualTo(3);
    }

    @Test
    void the_read_models_processor_runs_two_segments_one_on_each_instance() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> tokens = jdbc.queryForList(
                    "select segment, owner from token_entry where processor_name = 'read-models' order by segment");
            assertThat(tokens).extracting(row -> row.get("segment")).containsExactly(0, 1);
            assertThat(tokens).extracting(row -> row.get("owner")).doesNotContainNull().doesNotHaveDuplicates();
        });
    }

    @Test
    void an_annual_reset_sent_to_both_instances_at_once_is_worked_once() throws Exception {
        LedgerHttp staff = instances.http(0);
        for (int year : new int[] {2019, 2020}) {
            Answer allocation = staff.post("staff", BASE + "/years/" + year + "/spending-lines", """
                    {"code": "3", "name": "Leermiddelen", "amountCents": 1000000, "allocationId": "%s"}"""
                    .formatted(testville.id("reset-alloc-" + year)));
            assertThat(allocation.status()).as(allocation.toString()).isEqualTo(201);
        }
        StringBuilder renewals = new StringBuilder();
        for (int c = 0; c < 10; c++) {
            String childRef = testville.id("reset-" + c);
            Answer grant = staff.post("staff", BASE + "/years/2019/entitlements", """
                    {"childRef": "%s", "passNumber": "P-%s", "credits": {"3": 5000}, "grantedOn": "2019-01-02"}"""
                    .formatted(childRef, childRef));
            assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
            renewals.append(c == 0 ? "" : ",").append("""
                    {"childRef": "%s", "passNumber": "Q-%s", "credits": {"3": 6000}}""".formatted(childRef, childRef));
        }
        String reset = """
                {"fromYear": 2019, "toYear": 2020, "effectiveOn": "2020-01-01", "renewals": [%s]}""".formatted(renewals);

        List<Answer> answers = inParallel(2, i -> reset, BASE + "/annual-resets", "staff");

        assertThat(answers).extracting(Answer::status).as(answers.toString()).containsExactlyInAnyOrder(202, 200);
        String job = answers.get(0).json().path("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(jobColumn(job, "status")));
        assertThat(jobColumn(job, "status")).as(String.valueOf(jobColumn(job, "error"))).isEqualTo("DONE");
        assertThat(jobColumn(job, "expired")).isEqualTo(10);
        assertThat(jobColumn(job, "renewed")).isEqualTo(10);
        assertThat(eventsOfType("EntitlementExpired", "%:2019:" + testville.id("reset-%"))).isEqualTo(10);
        assertThat(eventsOfType("EntitlementGranted", "%:2020:" + testville.id("reset-%"))).isEqualTo(10);
    }

    private List<Answer> inParallel(int requests, IntFunction<String> body) throws Exception {
        return inParallel(requests, body, BASE + "/redemptions", "pool");
    }

    /** Sends the requests all at once, request i to instance i % 2; the answers in the order of the requests. */
    private List<Answer> inParallel(int requests, IntFunction<String> body, String path, String user) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Answer>> pending = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                LedgerHttp http = instances.http(i % 2);
                String request = body.apply(i);
                Callable<Answer> send = () -> {
                    start.await();
                    return http.post(user, path, request);
                };
                pending.add(pool.submit(send));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private void awaitCreditInTheReadModel(Child child, long cents) {
        for (int instance = 0; instance < 2; instance++) {
            LedgerHttp http = instances.http(instance);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Answer view = http.get("staff", child.path());
                assertThat(view.status()).as(view.toString()).isEqualTo(200);
                assertThat(view.json().path("creditCents").path("3").asLong()).isEqualTo(cents);
            });
        }
    }

    private long eventsOf(String aggregateId) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    private long eventsOfType(String type, String aggregatePattern) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ?"
                + " and aggregate_identifier like ?", Long.class, "%." + type, aggregatePattern);
        return count == null ? 0 : count;
    }

    private Object jobColumn(String job, String column) {
        return jdbc.queryForObject("select " + column + " from annual_reset_job where job_id = ?", Object.class, job);
    }
}
