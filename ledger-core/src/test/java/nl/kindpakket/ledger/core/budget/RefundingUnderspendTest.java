package nl.kindpakket.ledger.core.budget;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.DateInFuture;
import nl.kindpakket.ledger.core.api.refusals.DateOutsideYear;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.RefundExceedsUnderspend;
import nl.kindpakket.ledger.core.api.refusals.UnknownBudgetYear;
import nl.kindpakket.ledger.core.api.refusals.UnknownSpendingLine;
import org.junit.jupiter.api.Test;

class RefundingUnderspendTest extends BudgetYearScenario {

    static final LocalDate NEXT_SPRING = LocalDate.of(2020, 4, 1);

    @Test
    void what_was_neither_spent_nor_redeemed_is_refunded_the_year_after() {
        redemptionTotals.redeemed(M, YEAR, SPORT, 600_000);
        fixture.given(sportBudget())
                .andGiven(spent("e-1", SPORT, 100_000, 100_000, MAY))
                .when(refund("f-1", SPORT, 300_000, NEXT_SPRING))
                .expectEvents(refunded("f-1", SPORT, 300_000, 300_000, NEXT_SPRING))
                .expectResultMessagePayload(Receipt.recorded(300_000));
    }

    @Test
    void a_refund_beyond_the_underspend_is_refused() {
        redemptionTotals.redeemed(M, YEAR, SPORT, 600_000);
        fixture.given(sportBudget())
                .andGiven(spent("e-1", SPORT, 100_000, 100_000, MAY))
                .when(refund("f-1", SPORT, 300_001, NEXT_SPRING))
                .expectException(RefundExceedsUnderspend.class)
                .expectNoEvents();
    }

    @Test
    void earlier_refunds_count_against_the_underspend() {
        fixture.given(sportBudget())
                .andGiven(refunded("f-1", SPORT, 900_000, 900_000, NEXT_SPRING))
                .when(refund("f-2", SPORT, 100_001, NEXT_SPRING))
                .expectException(RefundExceedsUnderspend.class)
                .expectNoEvents();
    }

    @Test
    void a_refund_id_names_one_refund_and_is_never_recorded_twice() {
        fixture.given(sportBudget())
                .andGiven(refunded("f-1", SPORT, 900_000, 900_000, NEXT_SPRING))
                .when(refund("f-1", SPORT, 900_000, NEXT_SPRING))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_refund_id_reused_for_another_amount_is_a_conflict() {
        fixture.given(sportBudget())
                .andGiven(refunded("f-1", SPORT, 900_000, 900_000, NEXT_SPRING))
                .when(refund("f-1", SPORT, 800_000, NEXT_SPRING))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_refund_dated_before_the_year_began_is_refused() {
        fixture.given(sportBudget())
                .when(refund("f-1", SPORT, 100, LocalDate.of(2018, 12, 31)))
                .expectException(DateOutsideYear.class)
                .expectNoEvents();
    }

    @Test
    void a_refund_on_a_line_the_year_does_not_have_is_refused() {
        fixture.given(sportBudget())
                .when(refund("f-1", SCHOOL, 100, NEXT_SPRING))
                .expectException(UnknownSpendingLine.class)
                .expectNoEvents();
    }

    @Test
    void a_refund_for_a_year_never_budgeted_is_refused() {
        fixture.givenNoPriorActivity()
                .when(refund("f-1", SPORT, 100, NEXT_SPRING))
                .expectException(UnknownBudgetYear.class)
                .expectNoEvents();
    }

    @Test
    void a_refund_dated_after_the_day_it_is_recorded_is_refused() {
        fixture.given(sportBudget())
                .when(refund("f-1", SPORT, 100, LocalDate.of(2100, 12, 31), NEXT_SPRING))
                .expectException(DateInFuture.class)
                .expectNoEvents();
    }

    @Test
    void a_refund_states_what_remains_after_redemptions_expenditures_and_earlier_refunds() {
        redemptionTotals.redeemed(M, YEAR, SPORT, 500_000);
        fixture.given(sportBudget())
                .andGiven(spent("e-1", SPORT, 200_000, 200_000, MAY), refunded("f-1", SPORT, 100_000, 100_000, NEXT_SPRING))
                .when(refund("f-2", SPORT, 200_001, NEXT_SPRING))
                .expectException(RefundExceedsUnderspend.class)
                .expectExceptionMessage("line 1 has 200000 cents remaining, 200001 refund requested")
                .expectNoEvents();
    }
}
