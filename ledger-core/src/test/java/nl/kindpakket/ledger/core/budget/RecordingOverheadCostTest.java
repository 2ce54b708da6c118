package nl.kindpakket.ledger.core.budget;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.DateInFuture;
import nl.kindpakket.ledger.core.api.refusals.DateOutsideYear;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import nl.kindpakket.ledger.core.api.refusals.UnknownBudgetYear;
import org.junit.jupiter.api.Test;

class RecordingOverheadCostTest extends BudgetYearScenario {

    @Test
    void an_execution_cost_adds_to_the_years_overhead() {
        fixture.given(sportBudget())
                .andGiven(overheadRecorded("c-1", 300_000, "1.50", MAY, 300_000))
                .when(overhead("c-2", 20_000, "0.20", MAY))
                .expectEvents(overheadRecorded("c-2", 20_000, "0.20", MAY, 320_000))
                .expectResultMessagePayload(Receipt.recorded(320_000));
    }

    @Test
    void a_cost_id_names_one_cost_and_is_never_recorded_twice() {
        fixture.given(sportBudget())
                .andGiven(overheadRecorded("c-1", 300_000, "1.5", MAY, 300_000))
                .when(overhead("c-1", 300_000, "1.5", MAY))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_cost_id_reused_for_another_fte_is_a_conflict() {
        fixture.given(sportBudget())
                .andGiven(overheadRecorded("c-1", 300_000, "1.50", MAY, 300_000))
                .when(overhead("c-1", 300_000, "1.25", MAY))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_cost_incurred_in_another_year_is_refused() {
        fixture.given(sportBudget())
                .when(overhead("c-1", 300_000, "1.50", NEW_YEAR))
                .expectException(DateOutsideYear.class)
                .expectNoEvents();
    }

    @Test
    void a_cost_in_a_year_never_budgeted_is_refused() {
        fixture.givenNoPriorActivity()
                .when(overhead("c-1", 300_000, "1.50", MAY))
                .expectException(UnknownBudgetYear.class)
                .expectNoEvents();
    }

    @Test
    void a_cost_incurred_after_the_day_it_is_recorded_is_refused() {
        fixture.given(sportBudget())
                .when(overhead("c-1", 300_000, "1.50", MAY.plusDays(1), MAY))
                .expectException(DateInFuture.class)
                .expectNoEvents();
    }

    @Test
    void a_cost_without_any_fte_is_refused() {
        assertThatThrownBy(() -> overhead("c-1", 300_000, "0", MAY))
                .isInstanceOf(InvalidInput.class).hasMessage("fte must be more than 0 and at most 10000");
        assertThatThrownBy(() -> overhead("c-1", 300_000, "-0.5", MAY)).isInstanceOf(InvalidInput.class);
    }
}
