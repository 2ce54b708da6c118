package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import nl.kindpakket.ledger.api.fault.TestDatabase;
import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import nl.kindpakket.ledger.api.web.TillLoad.Outcome;
import nl.kindpakket.ledger.api.web.TillLoad.Redemption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two instances of the service as two processes on one PostgreSQL; the one that holds the read models' segments and
 * works an annual reset is killed with SIGKILL while tills redeem on both. Nothing acknowledged is lost or doubled,
 * and the survivor takes over the segments and the reset job once their claims lapse.
 */
class InstanceKilledDuringLoadTest {

    /** Above the 5 s after which an idle processor renews its claims (Axon's claim extension), or a quiet spell loses them. */
    private static final Duration TOKEN_CLAIM_TIMEOUT = Duration.ofSeconds(8);
    /** Axon's pooled processor looks for segments to claim this often (its default). */
    private static final Duration TOKEN_CLAIM_INTERVAL = Duration.ofSeconds(5);
    private static final Duration JOB_CLAIM_TIMEOUT = Duration.ofSeconds(3);
    /** Beyond a claim's bound, for a loaded machine: a process that does not get the CPU renews and looks late. */
    private static final Duration SLACK = Duration.ofSeconds(10);
    private static final int CHILDREN = 20;
    private static final long CREDIT = 100_000;
    private static final int RESET_CHILDREN = 150;

    private final List<ServiceProcess> processes = new ArrayList<>();
    private JdbcTemplate jdbc;

    @AfterEach
    void stop() {
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void an_instance_killed_during_redemptions_and_a_reset_loses_nothing_acknowledged_and_the_survivor_takes_over()
            throws Exception {
        String store = TestDatabase.freshStore("instance_killed");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(store, "postgres", ""));
        String[] settings = {"--ledger.processing.segments=2", "--axon.eventhandling.tokenstore.claim-timeout=" + TOKEN_CLAIM_TIMEOUT,
                "--ledger.annual-reset.claim-timeout=" + JOB_CLAIM_TIMEOUT, "--ledger.annual-reset.chunk-size=1"};
        // the victim starts first, migrates the schema and claims both segments; the survivor finds none free
        ServiceProcess victim = started(ServiceProcess.start("victim", store, settings));
        await().atMost(Duration.ofSeconds(30)).until(() -> segmentOwners().stream().allMatch(o -> o.startsWith(victim.ownerPrefix())));
        ServiceProcess survivor = started(ServiceProcess.start("survivor", store, settings));
        Testville testville = new Testville(victim.http()).withBudgetAndProviders();
        List<Child> children = new ArrayList<>();
        for (int c = 0; c < CHILDREN; c++) {
            children.add(testville.grant("till-" + c, "{\"3\": " + CREDIT + "}"));
        }
        String reset = resetOf(testville, victim.http(), survivor.http());

        TillLoad load = new TillLoad(List.of(victim.http(), survivor.http()), redemption(testville, children), 8);
        await().atMost(Duration.ofSeconds(60)).until(() -> load.answered() >= 300);
        Answer submitted = victim.http().post("staff", BASE + "/annual-resets", reset);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String job = submitted.json().path("id").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> expiredSoFar(job) >= 3);
        assertThat(jobColumn(job, "status")).as("the reset is still being worked when its instance dies").isEqualTo("RUNNING");
        assertThat((String) jobColumn(job, "owner")).startsWith(victim.ownerPrefix());
        assertThat(segmentOwners()).hasSize(2).allMatch(owner -> owner.startsWith(victim.ownerPrefix()));
        victim.kill();
        long killedAt = System.nanoTime();
        int answeredAtKill = load.answered();

        Map<String, Duration> takenOver = awaitTakeOver(survivor, job, killedAt);
        int answeredAtTakeOver = load.answered();
        await().atMost(Duration.ofSeconds(30)).until(() -> load.answered() >= answeredAtTakeOver + 300);
        assertThat(load.stop(60)).as("the tills stopped").isTrue();
        assertThat(load.tillsFailed()).isEmpty();
        System.out.printf("killed %s with %d redemptions answered; taken over after the kill: %s, with %d answered; %d in all;"
                        + " %d connections failed and were sent again, %d answered as repeats%n", victim,
                answeredAtKill, takenOver, answeredAtTakeOver, load.answered(), load.failedConnections(),
                load.outcomes().values().stream().filter(o -> o.answer().status() == 200).count());
        assertThat(takenOver.get("segments")).isLessThanOrEqualTo(TOKEN_CLAIM_TIMEOUT.plus(TOKEN_CLAIM_INTERVAL).plus(SLACK));
        assertThat(takenOver.get("reset job")).isLessThanOrEqualTo(JOB_CLAIM_TIMEOUT.plus(JOB_CLAIM_TIMEOUT.dividedBy(3)).plus(SLACK));

        everyAcknowledgedRedemptionIsStoredOnce(load.outcomes(), testville);
        theResetIsWorkedToTheEndOnce(job, testville);
        theSurvivorsReadModelsEqualAReplay(survivor.http(), children, load.outcomes());
    }

    /** When, after the kill, the survivor was first seen holding the segments and the reset job. */
    private Map<String, Duration> awaitTakeOver(ServiceProcess survivor, String job, long killedAt) {
        Map<String, Duration> takenOver = new ConcurrentHashMap<>();
        await().atMost(TOKEN_CLAIM_TIMEOUT.plus(TOKEN_CLAIM_INTERVAL).plus(SLACK)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            if (segmentOwners().stream().allMatch(owner -> owner.startsWith(survivor.ownerPrefix()))) {
                takenOver.putIfAbsent("segments", Duration.ofNanos(System.nanoTime() - killedAt));
            }
            // once the victim is dead only the survivor can have finished the job
            if ("DONE".equals(jobColumn(job, "status")) || String.valueOf(jobColumn(job, "owner")).startsWith(survivor.ownerPrefix())) {
                takenOver.putIfAbsent("reset job", Duration.ofNanos(System.nanoTime() - killedAt));
            }
            assertThat(takenOver).as("taken over by the survivor").containsOnlyKeys("segments", "reset job");
        });
        return takenOver;
    }

    private void everyAcknowledgedRedemptionIsStoredOnce(Map<String, Outcome> outcomes, Testville testville) {
        assertThat(outcomes).hasSizeGreaterThan(600);
        outcomes.values().forEach(outcome -> {
            assertThat(outcome.answer().status()).as(outcome.toString()).isIn(201, 200);
            if (!outcome.resentAfterFailure()) {
                assertThat(outcome.answer().status()).as("sent once: " + outcome).isEqualTo(201);
            }
        });
        assertThat(outcomes.values()).as("redemptions the victim acknowledged").anyMatch(o -> o.instance() == 0 && o.answer().status() == 201);
        Map<String, Long> stored = new HashMap<>();
        jdbc.query("select convert_from(payload, 'UTF8')::jsonb ->> 'redemptionId' as id, count(*) as times from domain_event_entry"
                        + " where payload_type like '%.RedeemedAtProvider' and aggregate_identifier like ? group by 1",
                row -> {
                    stored.put(row.getString("id"), row.getLong("times"));
                }, "%:" + Testville.YEAR + ":till-%-" + testville.run);
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(outcomes.keySet());
        assertThat(stored.values()).containsOnly(1L);
    }

    private void theResetIsWorkedToTheEndOnce(String job, Testville testville) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(jobColumn(job, "status")));
        assertThat(jobColumn(job, "status")).as(String.valueOf(jobColumn(job, "error"))).isEqualTo("DONE");
        assertThat(jobColumn(job, "expired")).isEqualTo(RESET_CHILDREN);
        assertThat(jobColumn(job, "renewed")).isEqualTo(RESET_CHILDREN);
        for (String[] expected : new String[][] {{"EntitlementExpired", "2019"}, {"EntitlementGranted", "2020"}}) {
            Map<String, Object> events = jdbc.queryForMap("select count(*) as events, count(distinct aggregate_identifier) as entitlements"
                    + " from domain_event_entry where payload_type like ? and aggregate_identifier like ?",
                    "%." + expected[0], "%:" + expected[1] + ":reset-%-" + testville.run);
            assertThat(events).as(expected[0]).containsEntry("events", (long) RESET_CHILDREN)
                    .containsEntry("entitlements", (long) RESET_CHILDREN);
        }
    }

    private void theSurvivorsReadModelsEqualAReplay(LedgerHttp survivor, List<Child> children, Map<String, Outcome> outcomes) {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(survivor.get("operator",
                "/actuator/metrics/ledger.processor.lag?tag=processor:read-models").json()
                .path("measurements").path(0).path("value").asDouble()).isZero());
        for (int c = 0; c < children.size(); c++) {
            int child = c;
            long redeemed = outcomes.values().stream().filter(o -> o.entitlement() == child).mapToLong(Outcome::cents).sum();
            Answer view = survivor.get("staff", children.get(c).path());
            assertThat(view.json().path("creditCents").path("3").asLong()).as(view.toString()).isEqualTo(CREDIT - redeemed);
        }
        Answer started = survivor.post("operator", "/api/v1/operator/reconciliations", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String path = "/api/v1/operator/reconciliations/" + started.json().path("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(survivor.get("operator", path).json().path("state").asText()));
        Answer reconciled = survivor.get("operator", path);
        assertThat(reconciled.json().path("state").asText()).as(reconciled.toString()).isEqualTo("EQUAL");
        assertThat(reconciled.json().path("differingRows").asLong()).isZero();
        assertThat(reconciled.json().path("position").asLong()).as("the folded store's end").isGreaterThanOrEqualTo(head);
    }

    private ServiceProcess started(ServiceProcess process) {
        processes.add(process);
        return process.awaitReady(Duration.ofSeconds(90));
    }

    /** Redemption i: 1 to 50 cents on line 3, the children in turn. */
    private static IntFunction<Redemption> redemption(Testville testville, List<Child> children) {
        return i -> {
            int child = i * 7 % children.size();
            long cents = 1 + i % 50;
            String id = testville.id("till-r" + i);
            return new Redemption(id, child, cents, testville.redemptionBody(id, children.get(child), "zwembad", "3", cents));
        };
    }

    /** Budgets of 2019 and 2020 and children of 2019, granted through both instances; the body of their reset. */
    private static String resetOf(Testville testville, LedgerHttp... instances) throws Exception {
        for (int year : new int[] {2019, 2020}) {
            Answer allocation = instances[0].post("staff", BASE + "/years/" + year + "/spending-lines", """
                    {"code": "3", "name": "Leermiddelen", "amountCents": 10000000, "allocationId": "%s"}"""
                    .formatted(testville.id("reset-alloc-" + year)));
            assertThat(allocation.status()).as(allocation.toString()).isEqualTo(201);
        }
        ExecutorService staff = Executors.newFixedThreadPool(4);
        List<Future<Answer>> grants = new ArrayList<>();
        StringBuilder renewals = new StringBuilder();
        for (int c = 0; c < RESET_CHILDREN; c++) {
            String childRef = testville.id("reset-" + c);
            LedgerHttp http = instances[c % instances.length];
            grants.add(staff.submit(() -> http.post("staff", BASE + "/years/2019/entitlements", """
                    {"childRef": "%s", "passNumber": "P-%s", "credits": {"3": 5000}, "grantedOn": "2019-01-02"}"""
                    .formatted(childRef, childRef))));
            renewals.append(c == 0 ? "" : ",").append("""
                    {"childRef": "%s", "passNumber": "Q-%s", "credits": {"3": 6000}}""".formatted(childRef, childRef));
        }
        staff.shutdown();
        for (Future<Answer> grant : grants) {
            assertThat(grant.get().status()).as(grant.get().toString()).isEqualTo(201);
        }
        return """
                {"fromYear": 2019, "toYear": 2020, "effectiveOn": "2020-01-01", "renewals": [%s]}""".formatted(renewals);
    }

    private List<String> segmentOwners() {
        return jdbc.queryForList("select coalesce(owner, '') from token_entry where processor_name = 'read-models' order by segment",
                String.class);
    }

    private long expiredSoFar(String job) {
        Object expired = jobColumn(job, "expired");
        return expired == null ? 0 : ((Number) expired).longValue();
    }

    private Object jobColumn(String job, String column) {
        return jdbc.queryForObject("select " + column + " from annual_reset_job where job_id = ?", Object.class, job);
    }
}
