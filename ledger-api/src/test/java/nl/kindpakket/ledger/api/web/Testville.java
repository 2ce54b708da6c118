package nl.kindpakket.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/**
 * The test profile's municipality with a budget year and providers, set up over HTTP. Every setup step
 * is idempotent, so runs against a database kept from an earlier run answer 200 where they answered 201.
 */
final class Testville {

    static final String MUNICIPALITY = "testville";
    static final int YEAR = 2017;
    static final String BASE = "/api/v1/municipalities/" + MUNICIPALITY;
    static final String YEAR_BASE = BASE + "/years/" + YEAR;

    private final LedgerHttp http;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    Testville(LedgerHttp http) {
        this.http = http;
    }

    /** Lines 1 and 3 (redeemable at the pool and the sports club) and 7 (accepted by nobody). */
    Testville withBudgetAndProviders() {
        allocate("3", "Leermiddelen", 10_000_000);
        allocate("1", "Sport en cultuur", 10_000_000);
        allocate("7", "Overig", 10_000_000);
        register("zwembad", "Zwembad Naaldwijk", "[\"1\", \"3\"]");
        register("sportclub", "Sportclub Westland", "[\"1\", \"3\"]");
        return this;
    }

    void allocate(String code, String name, long cents) {
        LedgerHttp.Answer answer = http.post("staff", YEAR_BASE + "/spending-lines", """
                {"code": "%s", "name": "%s", "amountCents": %d, "allocationId": "alloc-%s-%s"}"""
                .formatted(code, name, cents, code, run));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    void register(String providerId, String name, String lines) {
        LedgerHttp.Answer answer = http.post("staff", BASE + "/providers", """
                {"providerId": "%s", "name": "%s", "spendingLines": %s}""".formatted(providerId, name, lines));
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
    }

    /** A child of this run with a pass of this run, credit as JSON such as {"3": 1000}. */
    Child grant(String name, String credits) {
        Child child = new Child(name + "-" + run, "P-" + name + "-" + run);
        LedgerHttp.Answer answer = http.post("staff", YEAR_BASE + "/entitlements", child.grantBody(credits));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return child;
    }

    String redemptionBody(String redemptionId, Child child, String providerId, String line, long cents) {
        return """
                {"redemptionId": "%s", "passNumber": "%s", "providerId": "%s", "spendingLine": "%s",
                 "amountCents": %d, "occurredAt": "%d-03-14T10:15:00Z"}"""
                .formatted(redemptionId, child.passNumber(), providerId, line, cents, YEAR);
    }

    String id(String name) {
        return name + "-" + run;
    }

    record Child(String childRef, String passNumber) {

        String entitlementId() {
            return MUNICIPALITY + ":" + YEAR + ":" + childRef;
        }

        String grantBody(String credits) {
            return """
                    {"childRef": "%s", "passNumber": "%s", "credits": %s, "grantedOn": "%d-01-02"}"""
                    .formatted(childRef, passNumber, credits, YEAR);
        }

        String path() {
            return YEAR_BASE + "/entitlements/" + childRef;
        }
    }
}
