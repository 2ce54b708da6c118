package nl.kindpakket.ledger.core.entitlement;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.AlreadyReversed;
import nl.kindpakket.ledger.core.api.refusals.DateInFuture;
import nl.kindpakket.ledger.core.api.refusals.ReversalBeforeRedemption;
import nl.kindpakket.ledger.core.api.refusals.UnknownRedemption;
import org.junit.jupiter.api.Test;

class ReversingARedemptionTest extends EntitlementScenario {

    static final Instant LATER = AT.plusSeconds(3_600);

    @Test
    void a_reversal_returns_the_amount_to_the_line() {
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000), redeemed("r-2", SPORT, 1_000, 10_000))
                .when(reverse("r-1", "wrong amount", LATER))
                .expectEvents(reversed("r-1", SPORT, 4_000, 14_000, "wrong amount", LATER))
                .expectResultMessagePayload(Receipt.recorded(14_000));
    }

    @Test
    void a_provider_reverses_its_own_redemption() {
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000))
                .when(reverseAs(POOL, "r-1"))
                .expectEvents(reversed("r-1", SPORT, 4_000, 15_000, "till error", AT.plusSeconds(60)));
    }

    @Test
    void a_provider_does_not_learn_of_another_providers_redemption() {
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000))
                .when(reverseAs(SHOP, "r-1"))
                .expectException(UnknownRedemption.class)
                .expectNoEvents();
    }

    @Test
    void an_unknown_redemption_cannot_be_reversed() {
        fixture.given(granted())
                .when(reverse("r-404", "mistake", LATER))
                .expectException(UnknownRedemption.class)
                .expectNoEvents();
    }

    @Test
    void a_redemption_cannot_be_reversed_twice() {
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000),
                        reversed("r-1", SPORT, 4_000, 15_000, "wrong amount", LATER))
                .when(reverse("r-1", "another reason", LATER.plusSeconds(60)))
                .expectException(AlreadyReversed.class)
                .expectNoEvents();
    }

    @Test
    void a_reversal_cannot_precede_its_redemption() {
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000))
                .when(reverse("r-1", "mistake", AT.minusSeconds(1)))
                .expectException(ReversalBeforeRedemption.class)
                .expectNoEvents();
    }

    @Test
    void a_reversal_more_than_five_minutes_ahead_of_its_recording_is_refused() {
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000))
                .when(reverse("r-1", "mistake", RECORDED_AT.plusSeconds(5 * 60 + 1)))
                .expectException(DateInFuture.class)
                .expectNoEvents();
    }

    @Test
    void a_redemption_is_still_reversed_after_revocation() {
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000), revoked())
                .when(reverse("r-1", "wrong amount", LATER))
                .expectEvents(reversed("r-1", SPORT, 4_000, 15_000, "wrong amount", LATER));
    }

    @Test
    void a_redemption_is_still_reversed_after_expiry_in_the_next_year() {
        Instant january = Instant.parse("2020-01-10T09:00:00Z");
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000), expired(11_000, 5_000))
                .when(new nl.kindpakket.ledger.core.api.commands.ReverseRedemption(ID, "r-1", "december error",
                        january, january, null))
                .expectEvents(reversed("r-1", SPORT, 4_000, 15_000, "december error", january));
    }
}
