package nl.kindpakket.ledger.core.entitlement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.HoldExpiry;
import nl.kindpakket.ledger.core.api.ExpiryReceipt;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.CaptureReservation;
import nl.kindpakket.ledger.core.api.commands.ReleaseReservation;
import nl.kindpakket.ledger.core.api.commands.ReserveCredit;
import nl.kindpakket.ledger.core.api.events.CreditReserved;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.EntitlementRevoked;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.ReservationCaptured;
import nl.kindpakket.ledger.core.api.events.ReservationExpired;
import nl.kindpakket.ledger.core.api.events.ReservationReleased;
import nl.kindpakket.ledger.core.api.refusals.CaptureBeforeReservation;
import nl.kindpakket.ledger.core.api.refusals.CaptureExceedsHold;
import nl.kindpakket.ledger.core.api.refusals.EntitlementAlreadyRevoked;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.InsufficientCredit;
import nl.kindpakket.ledger.core.api.refusals.InvalidExpiry;
import nl.kindpakket.ledger.core.api.refusals.PassAlreadyReplaced;
import nl.kindpakket.ledger.core.api.refusals.ProviderNotAcceptingLine;
import nl.kindpakket.ledger.core.api.refusals.ReservationNotOpen;
import nl.kindpakket.ledger.core.api.refusals.UnknownReservation;
import org.junit.jupiter.api.Test;

/** Holds on the child of {@link EntitlementScenario}: 50 euros for school things on line 3 make the sums easy. */
class ReservingCreditTest extends EntitlementScenario {

    static final Instant EXPIRES = Instant.parse("2019-09-01T10:00:00Z");
    static final Instant CAPTURE_RECORDED = Instant.parse("2019-07-01T10:00:00Z");
    static final Instant CAPTURED_AT = Instant.parse("2019-07-01T09:00:00Z");

    @Test
    void a_hold_takes_credit_off_the_line_at_once_and_sets_its_expiry() {
        fixture.given(granted())
                .when(reserve("hold-1", SCHOOL, 3_000))
                .expectEvents(reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .expectResultMessagePayload(Receipt.recorded(2_000))
                .expectScheduledDeadline(EXPIRES, new HoldExpiry("hold-1"));
    }

    @Test
    void held_credit_is_not_there_to_spend_and_what_a_capture_leaves_comes_back() {
        // hold 30 of 50, redeem 25: refused
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(redeem("r-1", SCHOOL, 2_500))
                .expectException(InsufficientCredit.class)
                .expectNoEvents();
        // capture 20: the redemption of 20 is recorded, and 10 goes back to the credit
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(capture("hold-1", "r-hold-1", 2_000))
                .expectEvents(captured("hold-1", 3_000, 2_000, "r-hold-1", 3_000, 0),
                        new RedeemedAtProvider(ID.toString(), M, YEAR, CHILD, "r-hold-1", PASS, POOL, SCHOOL, 2_000,
                                3_000, CAPTURED_AT, Years.dateOf(CAPTURED_AT)))
                .expectResultMessagePayload(Receipt.recorded(3_000));
        // then the redemption of 25 is accepted
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000),
                        captured("hold-1", 3_000, 2_000, "r-hold-1", 3_000, 0),
                        redeemed("r-hold-1", SCHOOL, 2_000, 3_000, CAPTURED_AT))
                .when(redeem("r-1", SCHOOL, 2_500))
                .expectEvents(redeemed("r-1", SCHOOL, 2_500, 500));
    }

    @Test
    void a_hold_beyond_the_credit_left_is_refused() {
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(reserve("hold-2", SCHOOL, 2_001))
                .expectException(InsufficientCredit.class)
                .expectNoEvents();
    }

    @Test
    void a_second_hold_on_the_line_reports_what_is_held_in_all() {
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(reserve("hold-2", SCHOOL, 1_500))
                .expectEvents(reserved("hold-2", SCHOOL, 1_500, 500, 4_500));
    }

    @Test
    void a_hold_may_not_outlive_its_year_nor_expire_before_it_is_made() {
        fixture.given(granted())
                .when(reserve("hold-1", SCHOOL, 1_000, Instant.parse("2019-12-31T23:00:01Z")))
                .expectException(InvalidExpiry.class)
                .expectNoEvents();
        fixture.given(granted())
                .when(reserve("hold-1", SCHOOL, 1_000, RECORDED_AT))
                .expectException(InvalidExpiry.class)
                .expectNoEvents();
        // midnight in Amsterdam at the turn of the year is the latest expiry there is
        fixture.given(granted())
                .when(reserve("hold-1", SCHOOL, 1_000, Instant.parse("2019-12-31T23:00:00Z")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_hold_is_made_only_as_a_redemption_could_be() {
        fixture.given(granted(), passReplaced(LocalDate.of(2019, 3, 1)))
                .when(reserve("hold-1", SCHOOL, 1_000))
                .expectException(PassAlreadyReplaced.class);
        fixture.given(granted(), revoked())
                .when(reserve("hold-1", SCHOOL, 1_000))
                .expectException(EntitlementAlreadyRevoked.class);
        fixture.given(granted())
                .when(new ReserveCredit(ID, "hold-1", new PassNumber(PASS), new ProviderId(SHOP),
                        new SpendingLineCode(SPORT), new Money(1_000), EXPIRES, RECORDED_AT))
                .expectException(ProviderNotAcceptingLine.class)
                .expectNoEvents();
    }

    @Test
    void a_reservation_id_names_one_hold() {
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(reserve("hold-1", SCHOOL, 1_000))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_reservation_id_names_one_hold_and_is_never_held_twice() {
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(reserve("hold-1", SCHOOL, 3_000))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_settled_hold_refuses_a_different_capture_or_release() {
        Object[] releasedByProvider = {granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000),
                released("hold-1", 3_000, 5_000, "PROVIDER", "booking cancelled", null, CAPTURE_RECORDED)};
        fixture.given(releasedByProvider)
                .when(release("hold-1", null))
                .expectException(ReservationNotOpen.class)
                .expectNoEvents();
        fixture.given(releasedByProvider)
                .when(new ReleaseReservation(ID, "hold-1", "another reason", CAPTURE_RECORDED, new ProviderId(POOL)))
                .expectException(ReservationNotOpen.class)
                .expectNoEvents();
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000),
                        captured("hold-1", 3_000, 2_000, "r-hold-1", 3_000, 0),
                        redeemed("r-hold-1", SCHOOL, 2_000, 3_000, CAPTURED_AT))
                .when(capture("hold-1", "r-hold-1", 2_500))
                .expectException(ReservationNotOpen.class)
                .expectNoEvents();
    }

    @Test
    void a_capture_takes_at_most_what_is_held() {
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(capture("hold-1", "r-hold-1", 3_001))
                .expectException(CaptureExceedsHold.class)
                .expectNoEvents();
    }

    @Test
    void a_capture_cannot_be_dated_before_its_hold() {
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(new CaptureReservation(ID, "hold-1", "r-hold-1", new Money(1_000),
                        RECORDED_AT.minus(Duration.ofHours(1)), CAPTURE_RECORDED, null))
                .expectException(CaptureBeforeReservation.class)
                .expectNoEvents();
    }

    @Test
    void a_provider_captures_and_releases_only_its_own_holds() {
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(new CaptureReservation(ID, "hold-1", "r-hold-1", new Money(1_000), CAPTURED_AT,
                        CAPTURE_RECORDED, new ProviderId(SHOP)))
                .expectException(UnknownReservation.class)
                .expectNoEvents();
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(new ReleaseReservation(ID, "hold-1", "not ours", CAPTURE_RECORDED, new ProviderId(SHOP)))
                .expectException(UnknownReservation.class)
                .expectNoEvents();
    }

    @Test
    void a_hold_is_settled_once() {
        Object[] capturedHold = {granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000),
                captured("hold-1", 3_000, 2_000, "r-hold-1", 3_000, 0),
                redeemed("r-hold-1", SCHOOL, 2_000, 3_000, CAPTURED_AT)};
        fixture.given(capturedHold)
                .when(capture("hold-1", "r-hold-2", 500))
                .expectException(ReservationNotOpen.class)
                .expectNoEvents();
        fixture.given(capturedHold)
                .when(release("hold-1", null))
                .expectException(ReservationNotOpen.class)
                .expectNoEvents();
    }

    @Test
    void a_capture_cannot_reuse_a_redemption_id() {
        fixture.given(granted(), redeemed("r-1", SCHOOL, 1_000, 4_000), reserved("hold-1", SCHOOL, 3_000, 1_000, 3_000))
                .when(capture("hold-1", "r-1", 3_000))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_release_returns_the_whole_hold_and_says_who_released_it() {
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(release("hold-1", POOL))
                .expectEvents(released("hold-1", 3_000, 5_000, "PROVIDER", "booking cancelled", null, CAPTURE_RECORDED))
                .expectResultMessagePayload(Receipt.recorded(5_000));
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(release("hold-1", null))
                .expectEvents(released("hold-1", 3_000, 5_000, "STAFF", "booking cancelled", null, CAPTURE_RECORDED));
    }

    @Test
    void a_hold_nobody_settled_expires_when_its_deadline_comes() {
        fixture.givenCurrentTime(RECORDED_AT)
                .andGiven(granted())
                .andGivenCommands(reserve("hold-1", SCHOOL, 3_000))
                .whenTimeAdvancesTo(EXPIRES.plusSeconds(1))
                .expectTriggeredDeadlines(new HoldExpiry("hold-1"))
                .expectEvents(new ReservationExpired(ID.toString(), M, YEAR, CHILD, "hold-1", POOL, SCHOOL, 3_000,
                        5_000, 0, EXPIRES, Years.dateOf(EXPIRES)));
    }

    @Test
    void a_hold_settled_before_its_deadline_is_left_as_it_is() {
        fixture.givenCurrentTime(RECORDED_AT)
                .andGiven(granted())
                .andGivenCommands(reserve("hold-1", SCHOOL, 3_000), release("hold-1", POOL))
                .whenTimeAdvancesTo(EXPIRES.plusSeconds(1))
                .expectTriggeredDeadlines(new HoldExpiry("hold-1"))
                .expectNoEvents();
    }

    @Test
    void a_revocation_first_releases_the_open_holds_so_that_it_releases_them_with_the_credit() {
        LocalDate effectiveOn = LocalDate.of(2019, 5, 1);
        fixture.given(granted(), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(revoke("moved away", effectiveOn))
                .expectEvents(released("hold-1", 3_000, 5_000, "REVOCATION", "moved away", null,
                                effectiveOn.atStartOfDay(Years.ZONE).toInstant()),
                        new EntitlementRevoked(ID.toString(), M, YEAR, CHILD, PASS, "moved away", effectiveOn,
                                new TreeMap<>(Map.of(SPORT, 15_000L, SCHOOL, 5_000L)), 20_000));
    }

    @Test
    void the_annual_reset_releases_open_holds_before_the_expiry_lapses_credit_and_holds_together() {
        LocalDate newYear = LocalDate.of(2020, 1, 1);
        fixture.given(granted(), redeemed("r-1", SPORT, 5_000, 10_000), reserved("hold-1", SCHOOL, 3_000, 2_000, 3_000))
                .when(expire())
                .expectEvents(released("hold-1", 3_000, 5_000, "ANNUAL_RESET", null, "reset-2019",
                                newYear.atStartOfDay(Years.ZONE).toInstant()),
                        new EntitlementExpired(ID.toString(), M, YEAR, CHILD, PASS, newYear,
                                new TreeMap<>(Map.of(SPORT, 10_000L, SCHOOL, 5_000L)), 15_000, "reset-2019"))
                .expectResultMessagePayload(new ExpiryReceipt(false, 1, 3_000));
    }

    static ReserveCredit reserve(String reservationId, String line, long cents) {
        return reserve(reservationId, line, cents, EXPIRES);
    }

    static ReserveCredit reserve(String reservationId, String line, long cents, Instant expiresAt) {
        return new ReserveCredit(ID, reservationId, new PassNumber(PASS), new ProviderId(POOL),
                new SpendingLineCode(line), new Money(cents), expiresAt, RECORDED_AT);
    }

    static CreditReserved reserved(String reservationId, String line, long cents, long balanceAfter, long heldAfter) {
        return new CreditReserved(ID.toString(), M, YEAR, CHILD, reservationId, PASS, POOL, line, cents, balanceAfter,
                heldAfter, RECORDED_AT, Years.dateOf(RECORDED_AT), EXPIRES);
    }

    static CaptureReservation capture(String reservationId, String redemptionId, long cents) {
        return new CaptureReservation(ID, reservationId, redemptionId, new Money(cents), CAPTURED_AT,
                CAPTURE_RECORDED, null);
    }

    static ReservationCaptured captured(String reservationId, long held, long captured, String redemptionId,
                                        long balanceAfter, long heldAfter) {
        return new ReservationCaptured(ID.toString(), M, YEAR, CHILD, reservationId, POOL, SCHOOL, held, captured,
                held - captured, redemptionId, balanceAfter, heldAfter, CAPTURED_AT, Years.dateOf(CAPTURED_AT));
    }

    static ReleaseReservation release(String reservationId, String provider) {
        return new ReleaseReservation(ID, reservationId, "booking cancelled", CAPTURE_RECORDED,
                provider == null ? null : new ProviderId(provider));
    }

    static ReservationReleased released(String reservationId, long cents, long balanceAfter, String by,
                                        String reason, String annualResetId, Instant at) {
        return new ReservationReleased(ID.toString(), M, YEAR, CHILD, reservationId, POOL, SCHOOL, cents,
                balanceAfter, 0, by, reason, annualResetId, at, Years.dateOf(at));
    }
}
