package nl.kindpakket.ledger.core.budget;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.events.BudgetAllocated;
import nl.kindpakket.ledger.core.api.events.SpendingLineOpened;
import nl.kindpakket.ledger.core.api.refusals.DateInFuture;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.SpendingLineNameMismatch;
import org.junit.jupiter.api.Test;

class AllocatingBudgetTest extends BudgetYearScenario {

    @Test
    void the_first_allocation_opens_the_line_and_allocates_to_it() {
        fixture.givenNoPriorActivity()
                .when(allocate("a-1", SPORT, "Sport", 1_000_000))
                .expectEvents(opened(SPORT, "Sport"), allocated("a-1", SPORT, 1_000_000, 1_000_000))
                .expectResultMessagePayload(Receipt.recorded(1_000_000));
    }

    @Test
    void a_further_allocation_adds_to_what_the_line_has() {
        fixture.given(sportBudget())
                .when(allocate("a-2", SPORT, "Sport", 250_000))
                .expectEvents(allocated("a-2", SPORT, 250_000, 1_250_000))
                .expectResultMessagePayload(Receipt.recorded(1_250_000));
    }

    @Test
    void another_line_is_opened_in_an_existing_year() {
        fixture.given(sportBudget())
                .when(allocate("a-2", SCHOOL, "Leermiddelen", 400_000))
                .expectEvents(opened(SCHOOL, "Leermiddelen"), allocated("a-2", SCHOOL, 400_000, 400_000));
    }

    @Test
    void an_allocation_id_names_one_allocation_and_is_never_recorded_twice() {
        fixture.given(sportBudget())
                .andGiven(allocated("a-2", SPORT, 250_000, 1_250_000))
                .when(allocate("a-1", SPORT, "Sport", 1_000_000))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void an_allocation_id_reused_for_another_amount_is_a_conflict() {
        fixture.given(sportBudget())
                .when(allocate("a-1", SPORT, "Sport", 999_999))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_line_keeps_the_name_it_was_opened_with() {
        fixture.given(sportBudget())
                .when(allocate("a-2", SPORT, "Sport en cultuur", 250_000))
                .expectException(SpendingLineNameMismatch.class)
                .expectNoEvents();
    }

    @Test
    void budget_is_still_amended_after_the_year_closed() {
        fixture.given(sportBudget())
                .andGiven(resetStarted("reset-2019"), yearClosed("reset-2019"))
                .when(allocate("a-2", SPORT, "Sport", 50_000))
                .expectEvents(allocated("a-2", SPORT, 50_000, 1_050_000));
    }

    @Test
    void a_backfilled_allocation_keeps_the_date_it_was_allocated_on() {
        LocalDate decided = LocalDate.of(2018, 11, 12);
        fixture.givenNoPriorActivity()
                .when(new AllocateBudget(new Municipality(M), YEAR, new SpendingLineCode(SPORT), "Sport", new Money(100),
                        "a-1", SOURCE, decided, MAY))
                .expectEvents(new SpendingLineOpened(M, YEAR, SPORT, "Sport", decided),
                        new BudgetAllocated(M, YEAR, "a-1", SPORT, 100, 100, SOURCE, decided));
    }

    @Test
    void an_allocation_dated_after_the_day_it_is_recorded_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new AllocateBudget(new Municipality(M), YEAR, new SpendingLineCode(SPORT), "Sport", new Money(100),
                        "a-1", SOURCE, MAY.plusDays(1), MAY))
                .expectException(DateInFuture.class)
                .expectNoEvents();
    }
}
