package nl.kindpakket.ledger.core.budget;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.commands.AnnualReset;
import nl.kindpakket.ledger.core.api.refusals.InvalidAnnualReset;
import nl.kindpakket.ledger.core.api.refusals.UnknownBudgetYear;
import nl.kindpakket.ledger.core.api.refusals.YearClosedByAnotherReset;
import org.junit.jupiter.api.Test;

class ClosingAYearTest extends BudgetYearScenario {

    @Test
    void an_annual_reset_starts_and_closes_the_year_on_its_effective_date() {
        fixture.given(sportBudget())
                .when(annualReset("reset-2019", 2020, NEW_YEAR))
                .expectEvents(resetStarted("reset-2019"), yearClosed("reset-2019"))
                .expectResultMessagePayload(Receipt.recorded());
    }

    @Test
    void a_repeated_annual_reset_records_nothing() {
        fixture.given(sportBudget())
                .andGiven(resetStarted("reset-2019"), yearClosed("reset-2019"))
                .when(annualReset("reset-2019", 2020, NEW_YEAR))
                .expectNoEvents()
                .expectResultMessagePayload(Receipt.repeat());
    }

    @Test
    void a_year_is_closed_by_one_annual_reset() {
        fixture.given(sportBudget())
                .andGiven(resetStarted("reset-2019"), yearClosed("reset-2019"))
                .when(annualReset("reset-2019-bis", 2020, NEW_YEAR))
                .expectException(YearClosedByAnotherReset.class)
                .expectNoEvents();
    }

    @Test
    void the_same_reset_with_other_renewals_is_refused_as_already_closed() {
        AnnualReset otherRenewals = new AnnualReset(new Municipality(M), YEAR, 2020, NEW_YEAR, 121, "digest-xyz",
                "reset-2019");
        fixture.given(sportBudget())
                .andGiven(resetStarted("reset-2019"), yearClosed("reset-2019"))
                .when(otherRenewals)
                .expectException(YearClosedByAnotherReset.class)
                .expectNoEvents();
    }

    @Test
    void a_reset_skipping_a_year_is_invalid() {
        fixture.given(sportBudget())
                .when(annualReset("reset-2019", 2021, LocalDate.of(2021, 1, 1)))
                .expectException(InvalidAnnualReset.class)
                .expectNoEvents();
    }

    @Test
    void a_reset_effective_outside_the_new_year_is_invalid() {
        fixture.given(sportBudget())
                .when(annualReset("reset-2019", 2020, LocalDate.of(2019, 12, 31)))
                .expectException(InvalidAnnualReset.class)
                .expectNoEvents();
    }

    @Test
    void a_year_never_budgeted_cannot_be_reset() {
        fixture.givenNoPriorActivity()
                .when(annualReset("reset-2019", 2020, NEW_YEAR))
                .expectException(UnknownBudgetYear.class)
                .expectNoEvents();
    }

    @Test
    void a_finished_reset_job_is_recorded_with_its_counts() {
        fixture.given(sportBudget())
                .andGiven(resetStarted("reset-2019"), yearClosed("reset-2019"))
                .when(complete("reset-2019"))
                .expectEvents(completed("reset-2019"))
                .expectResultMessagePayload(Receipt.recorded());
    }

    @Test
    void a_repeated_completion_records_nothing() {
        fixture.given(sportBudget())
                .andGiven(resetStarted("reset-2019"), yearClosed("reset-2019"), completed("reset-2019"))
                .when(complete("reset-2019"))
                .expectNoEvents()
                .expectResultMessagePayload(Receipt.repeat());
    }

    @Test
    void completing_a_reset_that_never_started_is_refused() {
        fixture.given(sportBudget())
                .andGiven(resetStarted("reset-2019"), yearClosed("reset-2019"))
                .when(complete("reset-unknown"))
                .expectException(InvalidAnnualReset.class)
                .expectNoEvents();
    }

    @Test
    void completing_a_reset_of_an_open_year_is_refused() {
        fixture.given(sportBudget())
                .when(complete("reset-2019"))
                .expectException(InvalidAnnualReset.class)
                .expectNoEvents();
    }

    @Test
    void completing_a_reset_of_a_year_never_budgeted_is_refused() {
        fixture.givenNoPriorActivity()
                .when(complete("reset-2019"))
                .expectException(UnknownBudgetYear.class)
                .expectNoEvents();
    }
}
