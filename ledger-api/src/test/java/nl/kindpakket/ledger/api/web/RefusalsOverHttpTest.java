package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static nl.kindpakket.ledger.api.web.Testville.YEAR;
import static nl.kindpakket.ledger.api.web.Testville.YEAR_BASE;
import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Each rule the ledger enforces, broken over HTTP, arrives with its status and its problem type. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RefusalsOverHttpTest extends TestvilleOverHttp {

    @Test
    void malformed_or_unexpected_json_is_400_invalid_input() {
        assertProblem(http.post("staff", YEAR_BASE + "/spending-lines", "{\"code\": \"3\","), 400, "invalid-input");
        assertProblem(http.post("staff", YEAR_BASE + "/spending-lines", ""), 400, "invalid-input");
        assertProblem(http.post("staff", YEAR_BASE + "/spending-lines", "{\"code\": \"3\", \"name\": \"Leermiddelen\","
                + " \"amountCents\": 100, \"allocationId\": \"a\", \"euros\": 1}"), 400, "invalid-input");
        Answer fractionalCents = http.post("staff", YEAR_BASE + "/spending-lines",
                "{\"code\": \"3\", \"name\": \"Leermiddelen\", \"amountCents\": 99.5, \"allocationId\": \"a\"}");
        assertProblem(fractionalCents, 400, "invalid-input");
        assertThat(fractionalCents.json().path("field").asText()).isEqualTo("amountCents");
        assertProblem(http.post("staff", YEAR_BASE + "/entitlements", "{\"childRef\": \"c\", \"passNumber\": \"P-1234\","
                + " \"credits\": {\"3\": 100}, \"grantedOn\": \"" + YEAR + "-02-30\"}"), 400, "invalid-input");
        assertProblem(http.post("staff", BASE + "/years/twenty/entitlements", "{}"), 400, "invalid-input");
    }

    @Test
    void missing_and_out_of_range_fields_are_400_naming_the_field() {
        Answer zero = http.post("staff", YEAR_BASE + "/spending-lines",
                "{\"code\": \"3\", \"name\": \"Leermiddelen\", \"amountCents\": 0, \"allocationId\": \"a\"}");
        assertProblem(zero, 400, "invalid-input");
        assertThat(zero.json().path("field").asText()).isEqualTo("amountCents");
        Answer noPass = http.post("staff", YEAR_BASE + "/entitlements", "{\"childRef\": \"c\", \"credits\": {\"3\": 100},"
                + " \"grantedOn\": \"" + YEAR + "-02-01\"}");
        assertProblem(noPass, 400, "invalid-input");
        assertThat(noPass.json().path("field").asText()).isEqualTo("passNumber");
        assertProblem(http.post("staff", BASE + "/years/1999/spending-lines", "{}"), 400, "invalid-input");
    }

    @Test
    void a_bsn_like_child_reference_is_400_and_never_echoed() {
        Answer inBody = http.post("staff", YEAR_BASE + "/entitlements", new Child("111222333", "P-" + testville.id("bsn"))
                .grantBody("{\"3\": 100}"));
        assertProblem(inBody, 400, "bsn-like-value");
        assertThat(inBody.json().path("field").asText()).isEqualTo("childRef");
        assertThat(inBody.body()).doesNotContain("111222333");

        Answer inPath = http.post("staff", YEAR_BASE + "/entitlements/111222333/revocation",
                "{\"reason\": \"moved\", \"effectiveOn\": \"" + YEAR + "-05-01\"}");
        assertProblem(inPath, 400, "bsn-like-value");
        assertThat(inPath.body()).doesNotContain("111222333");

        assertProblem(http.post("staff", YEAR_BASE + "/expenditures", "{\"expenditureId\": \"" + testville.id("e")
                + "\", \"organisation\": \"Leergeld\", \"spendingLine\": \"3\", \"amountCents\": 10, \"spentOn\": \"" + YEAR
                + "-03-01\", \"description\": \"voor kind 111 222 333\"}"), 400, "bsn-like-value");
    }

    @Test
    void unknown_resources_are_404() {
        assertProblem(http.post("staff", YEAR_BASE + "/entitlements/" + testville.id("nobody") + "/revocation",
                "{\"reason\": \"moved\", \"effectiveOn\": \"" + YEAR + "-05-01\"}"), 404, "unknown-entitlement");
        assertProblem(http.post("staff", YEAR_BASE + "/entitlements/" + testville.id("nobody") + "/pass-replacement",
                "{\"newPassNumber\": \"P-" + testville.id("n") + "\", \"replacedOn\": \"" + YEAR + "-05-01\"}"), 404, "unknown-entitlement");
        assertProblem(http.post("staff", BASE + "/providers/" + testville.id("ghost") + "/suspension", "{\"reason\": \"fraud\"}"),
                404, "unknown-provider");
        assertProblem(http.post("staff", BASE + "/years/2002/expenditures", "{\"expenditureId\": \"e-1\", \"organisation\": \"Leergeld\","
                + " \"spendingLine\": \"3\", \"amountCents\": 10, \"spentOn\": \"2002-03-01\"}"), 404, "unknown-budget-year");
        assertProblem(http.post("staff", BASE + "/redemptions/" + testville.id("nothing") + "/reversal",
                "{\"reason\": \"x\", \"reversedAt\": \"" + YEAR + "-03-01T10:00:00Z\"}"), 404, "unknown-redemption");
    }

    @Test
    void conflicts_with_the_ledgers_state_are_409() {
        Child child = testville.grant("conflict", "{\"3\": 5000}");
        Child sibling = new Child(testville.id("sibling"), child.passNumber());
        assertProblem(http.post("staff", YEAR_BASE + "/entitlements", sibling.grantBody("{\"3\": 100}")), 409, "pass-in-use");
        assertProblem(http.post("staff", YEAR_BASE + "/entitlements", child.grantBody("{\"3\": 9999}")), 409, "duplicate-grant");
        String newPass = "P-" + testville.id("new");
        assertThat(http.post("staff", child.path() + "/pass-replacement", "{\"newPassNumber\": \"" + newPass
                + "\", \"replacedOn\": \"" + YEAR + "-04-01\"}").status()).isEqualTo(201);
        assertProblem(http.post("staff", child.path() + "/pass-replacement", "{\"newPassNumber\": \"" + child.passNumber()
                + "\", \"replacedOn\": \"" + YEAR + "-04-02\"}"), 409, "pass-in-use");
        assertProblem(http.post("staff", YEAR_BASE + "/spending-lines", "{\"code\": \"3\", \"name\": \"Another name\","
                + " \"amountCents\": 100, \"allocationId\": \"" + testville.id("renamed") + "\"}"), 409, "spending-line-name-mismatch");
        String revocation = "{\"reason\": \"moved\", \"effectiveOn\": \"" + YEAR + "-05-01\"}";
        assertThat(http.post("staff", child.path() + "/revocation", revocation).status()).isEqualTo(201);
        assertProblem(http.post("staff", child.path() + "/revocation", revocation.replace("moved", "error")), 409, "already-revoked");
    }

    @Test
    void redemptions_the_rules_refuse_are_422() {
        Child child = testville.grant("rules", "{\"3\": 500, \"7\": 500}");
        assertProblem(redeem(child, "zwembad", "3", 501), 422, "insufficient-credit");
        assertProblem(redeem(child, "zwembad", "7", 100), 422, "provider-not-accepting-line");
        assertProblem(redeem(child, testville.id("nobody"), "3", 100), 422, "provider-not-registered");

        String club = testville.id("club");
        testville.register(club, "Club", "[\"3\"]");
        assertThat(http.post("staff", BASE + "/providers/" + club + "/suspension", "{\"reason\": \"fraud\"}").status()).isEqualTo(201);
        assertProblem(redeem(child, club, "3", 100), 422, "provider-suspended");

        Answer unknownPass = http.post("staff", BASE + "/redemptions", testville.redemptionBody(testville.id("r-pass"),
                new Child("x", "P-" + testville.id("unknown")), "zwembad", "3", 100));
        assertProblem(unknownPass, 422, "unknown-pass");

        assertProblem(http.post("staff", BASE + "/redemptions", testville.redemptionBody(testville.id("r-late"), child, "zwembad", "3", 100)
                .replace(YEAR + "-03-14", (YEAR + 1) + "-01-02")), 422, "date-outside-year");

        assertThat(http.post("staff", child.path() + "/revocation", "{\"reason\": \"moved\", \"effectiveOn\": \"" + YEAR + "-05-01\"}")
                .status()).isEqualTo(201);
        assertProblem(http.post("staff", child.path() + "/pass-replacement", "{\"newPassNumber\": \"P-" + testville.id("late")
                + "\", \"replacedOn\": \"" + YEAR + "-06-01\"}"), 422, "entitlement-revoked");
        assertProblem(redeem(child, "zwembad", "3", 100), 422, "entitlement-revoked");
    }

    @Test
    void grants_and_reversals_the_rules_refuse_are_422() {
        assertProblem(http.post("staff", YEAR_BASE + "/entitlements", new Child(testville.id("line"), "P-" + testville.id("line"))
                .grantBody("{\"99\": 100}")), 422, "unknown-spending-line");
        assertProblem(http.post("staff", YEAR_BASE + "/entitlements", new Child(testville.id("early"), "P-" + testville.id("early"))
                .grantBody("{\"3\": 100}").replace(YEAR + "-01-02", (YEAR - 1) + "-12-31")), 422, "date-outside-year");

        Child child = testville.grant("reverse", "{\"3\": 500}");
        String redemptionId = testville.id("to-reverse");
        assertThat(http.post("pool", BASE + "/redemptions", testville.redemptionBody(redemptionId, child, "zwembad", "3", 100))
                .status()).isEqualTo(201);
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        assertProblem(http.post("pool", BASE + "/redemptions/" + redemptionId + "/reversal",
                "{\"reason\": \"x\", \"reversedAt\": \"" + tomorrow + "\"}"), 422, "date-in-future");
        assertProblem(http.post("pool", BASE + "/redemptions/" + redemptionId + "/reversal",
                "{\"reason\": \"x\", \"reversedAt\": \"" + YEAR + "-03-14T10:00:00Z\"}"), 422, "reversal-before-redemption");
    }

    @Test
    void budget_rules_refuse_with_422() {
        testville.allocate("9", "Schoolreis", 1_000);
        assertProblem(http.post("staff", YEAR_BASE + "/expenditures", "{\"expenditureId\": \"" + testville.id("big") + "\","
                + " \"organisation\": \"Leergeld\", \"spendingLine\": \"9\", \"amountCents\": 999999999,"
                + " \"spentOn\": \"" + YEAR + "-03-01\"}"), 422, "budget-exceeded");
        assertProblem(http.post("staff", YEAR_BASE + "/refunds", "{\"refundId\": \"" + testville.id("refund") + "\","
                + " \"organisation\": \"Leergeld\", \"spendingLine\": \"9\", \"amountCents\": 999999999,"
                + " \"refundedOn\": \"" + YEAR + "-12-01\", \"returnedTo\": \"algemene middelen\"}"), 422, "refund-exceeds-underspend");
    }

    @Test
    void a_wrong_method_and_an_unknown_path_are_problems_too() {
        Answer wrongMethod = http.send("staff", HttpRequest.newBuilder(http.uri(YEAR_BASE + "/spending-lines")).DELETE());
        assertProblem(wrongMethod, 405, "method-not-allowed");
        assertProblem(http.get("staff", "/api/v1/no-such-thing"), 404, "not-found");
        assertProblem(http.get("staff", BASE + "/no-such-thing"), 404, "not-found");
        Answer notJson = http.send("staff", HttpRequest.newBuilder(http.uri(YEAR_BASE + "/spending-lines"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertProblem(notJson, 415, "unsupported-media-type");
    }

    private Answer redeem(Child child, String providerId, String line, long cents) {
        return http.post("staff", BASE + "/redemptions",
                testville.redemptionBody(testville.id("r-" + providerId + "-" + line + "-" + cents), child, providerId, line, cents));
    }
}
