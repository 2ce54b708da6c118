package nl.kindpakket.ledger.core.entitlement;

import java.time.Instant;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.refusals.DateBeforeGrant;
import nl.kindpakket.ledger.core.api.refusals.DateInFuture;
import nl.kindpakket.ledger.core.api.refusals.DateOutsideYear;
import nl.kindpakket.ledger.core.api.refusals.EntitlementAlreadyExpired;
import nl.kindpakket.ledger.core.api.refusals.EntitlementAlreadyRevoked;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.InsufficientCredit;
import nl.kindpakket.ledger.core.api.refusals.PassAlreadyReplaced;
import nl.kindpakket.ledger.core.api.refusals.ProviderAlreadySuspended;
import nl.kindpakket.ledger.core.api.refusals.ProviderNotAcceptingLine;
import nl.kindpakket.ledger.core.api.refusals.ProviderNotRegistered;
import nl.kindpakket.ledger.core.api.refusals.UnknownSpendingLine;
import nl.kindpakket.ledger.core.api.refusals.YearAlreadyClosed;
import org.junit.jupiter.api.Test;

class RedeemingAtAProviderTest extends EntitlementScenario {

    @Test
    void a_redemption_takes_credit_from_its_line_and_records_the_balance_after() {
        fixture.given(granted())
                .when(redeem("r-1", SPORT, 4_000))
                .expectEvents(redeemed("r-1", SPORT, 4_000, 11_000))
                .expectResultMessagePayload(Receipt.recorded(11_000));
    }

    @Test
    void the_whole_credit_of_a_line_can_be_spent() {
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000))
                .when(redeem("r-2", SPORT, 11_000))
                .expectEvents(redeemed("r-2", SPORT, 11_000, 0))
                .expectResultMessagePayload(Receipt.recorded(0));
    }

    @Test
    void a_redemption_at_half_past_eleven_utc_on_31_january_is_dated_1_february() {
        Instant lateEvening = Instant.parse("2019-01-31T23:30:00Z");
        fixture.given(granted())
                .when(redeem("r-1", PASS, POOL, SPORT, 1_000, lateEvening))
                .expectEvents(new RedeemedAtProvider(ID.toString(), M, YEAR, CHILD, "r-1", PASS, POOL, SPORT, 1_000,
                        14_000, lateEvening, LocalDate.of(2019, 2, 1)));
    }

    @Test
    void a_redemption_id_names_one_redemption_and_is_never_recorded_twice() {
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000), redeemed("r-2", SPORT, 1_000, 10_000))
                .when(redeem("r-1", SPORT, 4_000))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_redemption_id_reused_for_another_amount_is_a_conflict() {
        fixture.given(granted(), redeemed("r-1", SPORT, 4_000, 11_000))
                .when(redeem("r-1", SPORT, 4_500))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_redemption_beyond_the_credit_left_on_the_line_is_refused() {
        fixture.given(granted(), redeemed("r-1", SPORT, 14_000, 1_000))
                .when(redeem("r-2", SPORT, 1_001))
                .expectException(InsufficientCredit.class)
                .expectNoEvents();
    }

    @Test
    void credit_on_another_line_does_not_cover_an_overspend() {
        fixture.given(granted())
                .when(redeem("r-1", SCHOOL, 5_001))
                .expectException(InsufficientCredit.class)
                .expectNoEvents();
    }

    @Test
    void a_line_the_entitlement_has_no_credit_on_is_refused() {
        fixture.given(granted())
                .when(redeem("r-1", "5", 100))
                .expectException(UnknownSpendingLine.class)
                .expectNoEvents();
    }

    @Test
    void a_provider_cannot_redeem_a_line_it_does_not_accept() {
        fixture.given(granted())
                .when(redeem("r-1", PASS, SHOP, SPORT, 100, AT))
                .expectException(ProviderNotAcceptingLine.class)
                .expectNoEvents();
    }

    @Test
    void a_suspended_provider_cannot_redeem() {
        providers.suspend(M, POOL);
        fixture.given(granted())
                .when(redeem("r-1", SPORT, 100))
                .expectException(ProviderAlreadySuspended.class)
                .expectNoEvents();
    }

    @Test
    void an_unregistered_provider_cannot_redeem() {
        fixture.given(granted())
                .when(redeem("r-1", PASS, "unknown-club", SPORT, 100, AT))
                .expectException(ProviderNotRegistered.class)
                .expectNoEvents();
    }

    @Test
    void a_revoked_entitlement_takes_no_redemption() {
        fixture.given(granted(), revoked())
                .when(redeem("r-1", SPORT, 100))
                .expectException(EntitlementAlreadyRevoked.class)
                .expectNoEvents();
    }

    @Test
    void an_expired_entitlement_takes_no_redemption() {
        fixture.given(granted(), expired(15_000, 5_000))
                .when(redeem("r-1", SPORT, 100))
                .expectException(EntitlementAlreadyExpired.class)
                .expectNoEvents();
    }

    @Test
    void no_redemption_is_taken_in_a_closed_year() {
        budgetYears.close(M, YEAR);
        fixture.given(granted())
                .when(redeem("r-1", SPORT, 100))
                .expectException(YearAlreadyClosed.class)
                .expectNoEvents();
    }

    @Test
    void a_replaced_pass_no_longer_redeems() {
        fixture.given(granted(), passReplaced(LocalDate.of(2019, 3, 1)))
                .when(redeem("r-1", SPORT, 100))
                .expectException(PassAlreadyReplaced.class)
                .expectNoEvents();
    }

    @Test
    void the_new_pass_redeems_after_a_replacement() {
        fixture.given(granted(), passReplaced(LocalDate.of(2019, 3, 1)))
                .when(redeem("r-1", NEW_PASS, POOL, SPORT, 100, AT))
                .expectEvents(new RedeemedAtProvider(ID.toString(), M, YEAR, CHILD, "r-1", NEW_PASS, POOL, SPORT, 100,
                        14_900, AT, LocalDate.of(2019, 3, 15)));
    }

    @Test
    void a_redemption_on_new_years_night_in_amsterdam_belongs_to_the_next_year() {
        fixture.given(granted())
                .when(redeem("r-1", PASS, POOL, SPORT, 100, Instant.parse("2019-12-31T23:30:00Z")))
                .expectException(DateOutsideYear.class)
                .expectNoEvents();
    }

    @Test
    void a_redemption_more_than_five_minutes_ahead_of_its_recording_is_refused() {
        fixture.given(granted())
                .when(redeem("r-1", PASS, POOL, SPORT, 100, RECORDED_AT.plusSeconds(5 * 60 + 1)))
                .expectException(DateInFuture.class)
                .expectNoEvents();
    }

    @Test
    void a_till_clock_a_few_minutes_ahead_is_tolerated() {
        Instant skewed = RECORDED_AT.plusSeconds(5 * 60);
        fixture.given(granted())
                .when(redeem("r-1", PASS, POOL, SPORT, 100, skewed))
                .expectEvents(redeemed("r-1", SPORT, 100, 14_900, skewed));
    }

    @Test
    void a_redemption_dated_before_the_grant_is_refused() {
        fixture.given(granted())
                .when(redeem("r-1", PASS, POOL, SPORT, 100, Instant.parse("2019-01-01T22:59:59Z")))
                .expectException(DateBeforeGrant.class)
                .expectExceptionMessage("occurredAt 2019-01-01 is before the entitlement's grant date 2019-01-02")
                .expectNoEvents();
    }

    @Test
    void a_redemption_on_the_grant_day_in_amsterdam_is_accepted() {
        Instant firstMoment = Instant.parse("2019-01-01T23:00:00Z");
        fixture.given(granted())
                .when(redeem("r-1", PASS, POOL, SPORT, 100, firstMoment))
                .expectEvents(redeemed("r-1", SPORT, 100, 14_900, firstMoment));
    }
}
