package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.core.api.Years;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Reservations over HTTP on PostgreSQL: a hold takes credit off the line at once, a capture spends part of it and
 * gives the rest back, a release gives it all back, and racing requests settle a hold once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReservationsOverHttpTest extends TestvilleOverHttp {

    /** Holds are made now, so they live in the current year; the lines and grants of the test are of that year. */
    static final int YEAR = Years.today().getYear();
    static final String YEAR_BASE = BASE + "/years/" + YEAR;
    static final String RESERVATIONS = BASE + "/reservations";

    /** The town's lines are of the current year, where holds live; its providers accept them. */
    @Override
    Testville town(Testville fresh) {
        return fresh;
    }

    @BeforeEach
    void openTheYearsLines() {
        for (String[] line : new String[][] {{"1", "Sport en cultuur"}, {"3", "Leermiddelen"}}) {
            Answer allocated = http.post("staff", YEAR_BASE + "/spending-lines", """
                    {"code": "%s", "name": "%s", "amountCents": 10000000, "allocationId": "%s"}"""
                    .formatted(line[0], line[1], testville.id("reservations-line-" + line[0])));
            assertThat(allocated.status()).as(allocated.toString()).isEqualTo(201);
        }
        testville.register("zwembad", "Zwembad Naaldwijk", "[\"1\", \"3\"]");
        testville.register("sportclub", "Sportclub Westland", "[\"1\", \"3\"]");
    }

    @Test
    void a_hold_of_30_of_50_refuses_a_redemption_of_25_and_its_capture_of_20_gives_10_back_for_it() {
        String pass = grant("booker", 5_000);
        String hold = reservationBody(testville.id("h"), pass, 3_000);

        Answer held = http.post("pool", RESERVATIONS, hold);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(held.json().path("lineBalanceAfterCents").asLong()).isEqualTo(2_000);
        assertThat(held.location()).endsWith(RESERVATIONS + "/" + testville.id("h"));
        Answer repeated = http.post("pool", RESERVATIONS, hold);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(held.body());
        assertProblem(http.post("pool", RESERVATIONS, reservationBody(testville.id("h"), pass, 3_100)), 409,
                "idempotency-conflict");
        assertThat(events.of(entitlementOf("booker"))).isEqualTo(2);

        assertProblem(redeem(pass, testville.id("r1"), 2_500), 422, "insufficient-credit");

        String capture = captureBody(testville.id("c1"), 2_000);
        Answer captured = http.post("pool", RESERVATIONS + "/" + testville.id("h") + "/capture", capture);
        assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
        assertThat(captured.json().path("lineBalanceAfterCents").asLong()).isEqualTo(3_000);
        assertThat(captured.json().path("redemptionId").asText()).isEqualTo(testville.id("c1"));
        String captureAgain = RESERVATIONS + "/" + testville.id("h") + "/capture";
        Answer repeatedCapture = http.post("pool", captureAgain, capture);
        assertThat(repeatedCapture.status()).as(repeatedCapture.toString()).isEqualTo(200);
        assertThat(repeatedCapture.body()).isEqualTo(captured.body());
        assertProblem(http.post("pool", captureAgain, captureBody(testville.id("c1"), 1_000)), 409, "reservation-not-open");

        Answer redeemed = redeem(pass, testville.id("r2"), 2_500);
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(201);
        assertThat(redeemed.json().path("lineBalanceAfterCents").asLong()).isEqualTo(500);
        String view = YEAR_BASE + "/entitlements/" + testville.id("booker");
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("staff", view).json().path("creditCents").path("3")
                .asLong() == 500);
        JsonNode history = http.get("staff", view).json().path("history");
        assertThat(history.findValuesAsText("type")).as("told from the entitlement's events in the store")
                .containsExactly("EntitlementGranted", "CreditReserved", "ReservationCaptured", "RedeemedAtProvider",
                        "RedeemedAtProvider");
        assertThat(history.findValues("balanceAfterCents")).extracting(JsonNode::asLong)
                .containsExactly(5_000L, 2_000L, 3_000L, 3_000L, 500L);

        // read back at once, as a till does: the capture is there as soon as it was answered
        Answer state = http.get("pool", RESERVATIONS + "/" + testville.id("h"));
        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        assertThat(state.json().path("state").asText()).isEqualTo("CAPTURED");
        assertThat(state.json().path("capturedCents").asLong()).isEqualTo(2_000);
        assertThat(state.json().path("redemptionId").asText()).isEqualTo(testville.id("c1"));
        assertThat(state.json().path("amountCents").asLong()).isEqualTo(3_000);
    }

    @Test
    void twenty_parallel_captures_of_one_hold_have_one_effect_and_answer_alike() throws Exception {
        String pass = grant("crowd", 5_000);
        String reservationId = testville.id("crowd-h");
        assertThat(http.post("pool", RESERVATIONS, reservationBody(reservationId, pass, 3_000)).status()).isEqualTo(201);
        long before = events.of(entitlementOf("crowd"));

        String capture = captureBody(testville.id("crowd-c"), 1_000);
        List<Answer> answers = inParallel(20, i -> http.post("pool", RESERVATIONS + "/" + reservationId + "/capture", capture));

        assertThat(answers).as(answers.toString()).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).as(answers.toString()).filteredOn(a -> a.status() == 200).hasSize(19);
        assertThat(answers).extracting(Answer::body).containsOnly(answers.get(0).body());
        assertThat(answers.get(0).json().path("lineBalanceAfterCents").asLong()).isEqualTo(4_000);
        assertThat(events.of(entitlementOf("crowd"))).as("the capture and the redemption it made").isEqualTo(before + 2);
    }

    @Test
    void a_capture_and_a_release_racing_each_other_settle_the_hold_once_with_the_right_balance() throws Exception {
        for (int round = 0; round < 5; round++) {
            String pass = grant("race" + round, 5_000);
            String reservationId = testville.id("race-h" + round);
            assertThat(http.post("pool", RESERVATIONS, reservationBody(reservationId, pass, 3_000)).status()).isEqualTo(201);
            String capture = captureBody(testville.id("race-c" + round), 1_000);

            List<Answer> answers = inParallel(2, i -> i == 0
                    ? http.post("pool", RESERVATIONS + "/" + reservationId + "/capture", capture)
                    : http.post("staff", RESERVATIONS + "/" + reservationId + "/release", "{\"reason\": \"cancelled\"}"));

            List<Answer> won = answers.stream().filter(a -> a.status() == 201).toList();
            List<Answer> lost = answers.stream().filter(a -> a.status() != 201).toList();
            assertThat(won).as(answers.toString()).hasSize(1);
            assertProblem(lost.get(0), 409, "reservation-not-open");
            boolean captured = answers.get(0).status() == 201;
            long balance = won.get(0).json().path("lineBalanceAfterCents").asLong();
            assertThat(balance).isEqualTo(captured ? 4_000 : 5_000);
            // what is left on the line is exactly what can still be spent
            assertProblem(redeem(pass, testville.id("race-over" + round), balance + 1), 422, "insufficient-credit");
            assertThat(redeem(pass, testville.id("race-all" + round), balance).status()).isEqualTo(201);
        }
    }

    @Test
    void a_release_gives_the_whole_hold_back_and_repeats_as_200() {
        String pass = grant("cancel", 5_000);
        String reservationId = testville.id("cancel-h");
        http.post("pool", RESERVATIONS, reservationBody(reservationId, pass, 3_000));

        Answer released = http.post("pool", RESERVATIONS + "/" + reservationId + "/release", "{\"reason\": \"les gaat niet door\"}");
        Answer again = http.post("pool", RESERVATIONS + "/" + reservationId + "/release", "{\"reason\": \"les gaat niet door\"}");

        assertThat(released.status()).as(released.toString()).isEqualTo(201);
        assertThat(released.json().path("lineBalanceAfterCents").asLong()).isEqualTo(5_000);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(released.body());
        assertProblem(http.post("staff", RESERVATIONS + "/" + reservationId + "/release", "{\"reason\": \"other\"}"),
                409, "reservation-not-open");
    }

    @Test
    void bad_input_is_refused_clearly_and_stores_nothing() {
        String pass = grant("strict", 5_000);
        String entitlement = entitlementOf("strict");
        String reservationId = testville.id("strict-h");
        assertThat(http.post("pool", RESERVATIONS, reservationBody(reservationId, pass, 3_000)).status()).isEqualTo(201);
        http.post("pool", RESERVATIONS + "/" + reservationId + "/capture", captureBody(testville.id("strict-c"), 1_000));
        long stored = events.of(entitlement);

        String afterTheYear = LocalDate.of(YEAR + 1, 1, 2) + "T10:00:00Z";
        assertProblem(http.post("pool", RESERVATIONS, reservationBody(testville.id("late"), pass, 100)
                .replace(expiry().toString(), afterTheYear)), 422, "invalid-expiry");
        assertProblem(http.post("pool", RESERVATIONS, reservationBody(testville.id("late"), pass, 100)
                .replace(expiry().toString(), Instant.now().minus(1, ChronoUnit.HOURS).toString())), 422, "invalid-expiry");
        assertProblem(http.post("pool", RESERVATIONS, reservationBody(testville.id("much"), pass, 4_001)), 422,
                "insufficient-credit");
        assertProblem(http.post("pool", RESERVATIONS, reservationBody(testville.id("zero"), pass, 0)), 400, "invalid-input");
        assertProblem(http.post("pool", RESERVATIONS, reservationBody(testville.id("else"), pass, 100)
                .replace("zwembad", "sportclub")), 403, "not-own-provider");
        assertProblem(http.post("pool", RESERVATIONS, reservationBody(testville.id("nopass"), "P-nobody", 100)), 422,
                "unknown-pass");

        assertThat(events.of(entitlement)).as("nothing stored by a refused hold").isEqualTo(stored);

        String open = testville.id("strict-open");
        assertThat(http.post("pool", RESERVATIONS, reservationBody(open, pass, 500)).status()).isEqualTo(201);
        stored = events.of(entitlement);
        assertProblem(http.post("pool", RESERVATIONS + "/" + open + "/capture", captureBody(testville.id("big"), 501)),
                422, "capture-exceeds-hold");
        assertProblem(http.post("club", RESERVATIONS + "/" + open + "/capture", captureBody(testville.id("club"), 100)),
                404, "unknown-reservation");
        assertProblem(http.post("club", RESERVATIONS + "/" + open + "/release", "{\"reason\": \"not mine\"}"),
                404, "unknown-reservation");
        assertProblem(http.post("pool", RESERVATIONS + "/" + reservationId + "/release", "{\"reason\": \"too late\"}"),
                409, "reservation-not-open");
        assertProblem(http.post("pool", RESERVATIONS + "/nothing-" + testville.run + "/capture", captureBody(testville.id("x"), 1)),
                404, "unknown-reservation");
        assertProblem(http.post("pool", RESERVATIONS + "/" + open + "/capture", captureBody(testville.id("strict-c"), 100)),
                409, "idempotency-conflict");
        assertThat(http.post("pool", RESERVATIONS + "/" + open + "/capture",
                "{\"redemptionId\": \"" + testville.id("y") + "\", \"amountCents\": \"100\", \"occurredAt\": \""
                        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}").status()).isEqualTo(400);
        assertProblem(http.post("pool", RESERVATIONS + "/" + open + "/capture", captureBody(testville.id("z"), 100)
                .replaceFirst("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"" + now().plus(1, ChronoUnit.HOURS) + "\"")),
                422, "date-in-future");
        assertProblem(http.post("pool", RESERVATIONS, reservationBody(testville.id("twice"), pass, 100)
                .replace("\"amountCents\": 100", "\"amountCents\": 100, \"amountCents\": 200")), 400, "invalid-input");
        assertProblem(http.post("pool", RESERVATIONS, reservationBody(reservationId, pass, 2_999)), 409, "idempotency-conflict");
        assertThat(events.of(entitlement)).as("nothing stored by any refusal").isEqualTo(stored);
    }

    @Test
    void a_reservation_is_read_by_staff_and_its_own_provider_only() {
        String pass = grant("reader", 5_000);
        String reservationId = testville.id("reader-h");
        http.post("pool", RESERVATIONS, reservationBody(reservationId, pass, 1_200));

        Answer state = http.get("staff", RESERVATIONS + "/" + reservationId);
        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        assertThat(state.json().path("state").asText()).isEqualTo("OPEN");
        assertThat(state.json().path("amountCents").asLong()).isEqualTo(1_200);
        assertThat(state.json().path("passNumber").asText()).isEqualTo(pass);
        assertThat(state.json().path("year").asInt()).isEqualTo(YEAR);
        assertThat(state.json().path("childRef").asText()).isEqualTo(testville.id("reader"));

        String replacement = "P-new-" + testville.id("reader");
        assertThat(http.post("staff", YEAR_BASE + "/entitlements/" + testville.id("reader") + "/pass-replacement",
                "{\"newPassNumber\": \"" + replacement + "\", \"replacedOn\": \"" + LocalDate.now(Years.ZONE) + "\"}")
                .status()).isEqualTo(201);
        http.post("staff", RESERVATIONS + "/" + reservationId + "/release", "{\"reason\": \"staff cancelled\"}");
        Answer released = http.get("pool", RESERVATIONS + "/" + reservationId);
        assertThat(released.json().path("state").asText()).isEqualTo("RELEASED");
        assertThat(released.json().path("releasedBy").asText()).isEqualTo("STAFF");
        assertThat(released.json().path("reason").asText()).isEqualTo("staff cancelled");
        assertThat(released.json().path("passNumber").asText()).as("the current pass").isEqualTo(replacement);
        assertThat(http.get("pool", RESERVATIONS + "/" + reservationId).status()).isEqualTo(200);
        assertProblem(http.get("club", RESERVATIONS + "/" + reservationId), 404, "unknown-reservation");
        assertThat(http.get("council", RESERVATIONS + "/" + reservationId).status()).isEqualTo(403);
        assertThat(http.get("other-staff", RESERVATIONS + "/" + reservationId).status()).isEqualTo(404);
    }

    private String grant(String name, long cents) {
        String pass = "P-" + testville.id(name);
        Answer granted = http.post("staff", YEAR_BASE + "/entitlements", """
                {"childRef": "%s", "passNumber": "%s", "credits": {"3": %d}, "grantedOn": "%s"}"""
                .formatted(testville.id(name), pass, cents, LocalDate.of(YEAR, 1, 1)));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        return pass;
    }

    private String entitlementOf(String name) {
        return Testville.MUNICIPALITY + ":" + YEAR + ":" + testville.id(name);
    }

    private Answer redeem(String pass, String redemptionId, long cents) {
        return http.post("pool", BASE + "/redemptions", """
                {"redemptionId": "%s", "passNumber": "%s", "providerId": "zwembad", "spendingLine": "3",
                 "amountCents": %d, "occurredAt": "%s"}""".formatted(redemptionId, pass, cents, now()));
    }

    private static String reservationBody(String reservationId, String pass, long cents) {
        return """
                {"reservationId": "%s", "passNumber": "%s", "providerId": "zwembad", "spendingLine": "3",
                 "amountCents": %d, "expiresAt": "%s"}""".formatted(reservationId, pass, cents, expiry());
    }

    private static String captureBody(String redemptionId, long cents) {
        return """
                {"redemptionId": "%s", "amountCents": %d, "occurredAt": "%s"}""".formatted(redemptionId, cents, now());
    }

    /** A day ahead, but never past the year's end, when the annual reset releases every hold. */
    private static final Instant EXPIRES = earlierOf(now().plus(1, ChronoUnit.DAYS),
            LocalDate.of(YEAR + 1, 1, 1).atStartOfDay(Years.ZONE).toInstant().minusSeconds(60));

    static Instant expiry() {
        return EXPIRES;
    }

    private static Instant earlierOf(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    interface Request {
        Answer send(int index) throws Exception;
    }

    private static List<Answer> inParallel(int count, Request request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Answer>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Answer> call = () -> {
                    start.await();
                    return request.send(index);
                };
                pending.add(pool.submit(call));
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
}
