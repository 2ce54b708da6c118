package nl.kindpakket.ledger.core.budget;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.BudgetExceeded;
import nl.kindpakket.ledger.core.api.refusals.DateInFuture;
import nl.kindpakket.ledger.core.api.refusals.DateOutsideYear;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.UnknownBudgetYear;
import nl.kindpakket.ledger.core.api.refusals.UnknownSpendingLine;
import org.junit.jupiter.api.Test;

class RecordingExpenditureTest extends BudgetYearScenario {

    @Test
    void an_organisations_expenditure_adds_to_the_lines_expenditures() {
        fixture.given(sportBudget())
                .andGiven(spent("e-1", SPORT, 100_000, 100_000, MAY))
                .when(spend("e-2", SPORT, 50_000, MAY))
                .expectEvents(spent("e-2", SPORT, 50_000, 150_000, MAY))
                .expectResultMessagePayload(Receipt.recorded(150_000));
    }

    @Test
    void expenditures_may_use_the_whole_budget_of_the_line() {
        fixture.given(sportBudget())
                .when(spend("e-1", SPORT, 1_000_000, MAY))
                .expectEvents(spent("e-1", SPORT, 1_000_000, 1_000_000, MAY));
    }

    @Test
    void expenditures_beyond_the_lines_budget_are_refused() {
        fixture.given(sportBudget())
                .andGiven(spent("e-1", SPORT, 900_000, 900_000, MAY))
                .when(spend("e-2", SPORT, 100_001, MAY))
                .expectException(BudgetExceeded.class)
                .expectNoEvents();
    }

    @Test
    void an_expenditure_id_names_one_expenditure_and_is_never_recorded_twice() {
        fixture.given(sportBudget())
                .andGiven(spent("e-1", SPORT, 100_000, 100_000, MAY))
                .when(spend("e-1", SPORT, 100_000, MAY))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void an_expenditure_id_reused_for_another_date_is_a_conflict() {
        fixture.given(sportBudget())
                .andGiven(spent("e-1", SPORT, 100_000, 100_000, MAY))
                .when(spend("e-1", SPORT, 100_000, MAY.plusDays(1)))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void an_expenditure_on_a_line_the_year_does_not_have_is_refused() {
        fixture.given(sportBudget())
                .when(spend("e-1", SCHOOL, 100, MAY))
                .expectException(UnknownSpendingLine.class)
                .expectNoEvents();
    }

    @Test
    void an_expenditure_dated_in_another_year_is_refused() {
        fixture.given(sportBudget())
                .when(spend("e-1", SPORT, 100, LocalDate.of(2020, 1, 3)))
                .expectException(DateOutsideYear.class)
                .expectNoEvents();
    }

    @Test
    void an_expenditure_in_a_year_never_budgeted_is_refused() {
        fixture.givenNoPriorActivity()
                .when(spend("e-1", SPORT, 100, MAY))
                .expectException(UnknownBudgetYear.class)
                .expectNoEvents();
    }

    @Test
    void expenditures_are_still_recorded_after_the_year_closed() {
        fixture.given(sportBudget())
                .andGiven(resetStarted("reset-2019"), yearClosed("reset-2019"))
                .when(spend("e-1", SPORT, 100, LocalDate.of(2019, 12, 20)))
                .expectEvents(spent("e-1", SPORT, 100, 100, LocalDate.of(2019, 12, 20)));
    }

    @Test
    void what_passes_already_spent_on_the_line_leaves_less_for_an_expenditure() {
        redemptionTotals.redeemed(M, YEAR, SPORT, 600_000);
        fixture.given(sportBudget())
                .when(spend("e-1", SPORT, 400_000, MAY))
                .expectEvents(spent("e-1", SPORT, 400_000, 400_000, MAY));
    }

    @Test
    void an_expenditure_on_a_line_that_passes_spent_in_full_is_refused_with_what_the_report_shows_remaining() {
        redemptionTotals.redeemed(M, YEAR, SPORT, 1_000_000);
        fixture.given(sportBudget())
                .when(spend("e-1", SPORT, 1, MAY))
                .expectException(BudgetExceeded.class)
                .expectExceptionMessage("line 1 has 0 cents remaining, 1 requested")
                .expectNoEvents();
    }

    @Test
    void refunded_money_cannot_be_spent_again() {
        fixture.given(sportBudget())
                .andGiven(refunded("f-1", SPORT, 1_000_000, 1_000_000, MAY))
                .when(spend("e-1", SPORT, 1_000_000, MAY))
                .expectException(BudgetExceeded.class)
                .expectExceptionMessage("line 1 has 0 cents remaining, 1000000 requested")
                .expectNoEvents();
    }

    @Test
    void a_line_overspent_by_passes_states_its_negative_remainder() {
        redemptionTotals.redeemed(M, YEAR, SPORT, 1_000_001);
        fixture.given(sportBudget())
                .when(spend("e-1", SPORT, 1, MAY))
                .expectException(BudgetExceeded.class)
                .expectExceptionMessage("line 1 has -1 cents remaining, 1 requested");
    }

    @Test
    void an_expenditure_dated_after_the_day_it_is_recorded_is_refused() {
        fixture.given(sportBudget())
                .when(spend("e-1", SPORT, 100, MAY.plusDays(10), MAY))
                .expectException(DateInFuture.class)
                .expectNoEvents();
    }
}
