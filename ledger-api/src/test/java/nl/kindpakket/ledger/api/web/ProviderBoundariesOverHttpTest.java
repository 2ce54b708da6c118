package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static nl.kindpakket.ledger.api.web.Testville.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A provider redeems and reverses only as itself, and sees nothing of another municipality. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProviderBoundariesOverHttpTest extends TestvilleOverHttp {

    Child child;

    @BeforeEach
    void grantAChild() {
        child = testville.grant("bounded", "{\"3\": 5000}");
    }

    @Test
    void a_provider_cannot_redeem_as_another_provider() {
        assertProblem(http.post("pool", BASE + "/redemptions",
                testville.redemptionBody(testville.id("as-club"), child, "sportclub", "3", 100)), 403, "not-own-provider");
        assertThat(events()).isEqualTo(1);
    }

    @Test
    void a_provider_cannot_reverse_another_providers_redemption_nor_learn_that_it_exists() {
        String redemptionId = testville.id("at-club");
        assertThat(http.post("staff", BASE + "/redemptions",
                testville.redemptionBody(redemptionId, child, "sportclub", "3", 100)).status()).isEqualTo(201);

        assertProblem(http.post("pool", BASE + "/redemptions/" + redemptionId + "/reversal",
                "{\"reason\": \"not ours\", \"reversedAt\": \"" + YEAR + "-03-15T10:00:00Z\"}"), 404, "unknown-redemption");
        assertThat(events()).isEqualTo(2);
    }

    @Test
    void a_provider_of_another_municipality_cannot_touch_this_ones_data() {
        String redemptionId = testville.id("ours");
        assertThat(http.post("pool", BASE + "/redemptions",
                testville.redemptionBody(redemptionId, child, "zwembad", "3", 100)).status()).isEqualTo(201);

        assertProblem(http.post("other-pool", BASE + "/redemptions",
                testville.redemptionBody(testville.id("theirs"), child, "zwembad", "3", 100)), 404, "unknown-municipality");
        assertProblem(http.post("other-pool", BASE + "/redemptions/" + redemptionId + "/reversal",
                "{\"reason\": \"x\", \"reversedAt\": \"" + YEAR + "-03-15T10:00:00Z\"}"), 404, "unknown-municipality");
        assertProblem(http.post("other-pool", "/api/v1/municipalities/otherville/redemptions",
                testville.redemptionBody(testville.id("theirs"), child, "zwembad", "3", 100)), 422, "unknown-pass");
        assertProblem(http.post("other-pool", "/api/v1/municipalities/otherville/redemptions/" + redemptionId + "/reversal",
                "{\"reason\": \"x\", \"reversedAt\": \"" + YEAR + "-03-15T10:00:00Z\"}"), 404, "unknown-redemption");
        assertThat(events()).isEqualTo(2);
    }

    private long events() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, child.entitlementId());
        return count == null ? 0 : count;
    }
}
