package nl.kindpakket.ledger.core.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.refusals.DateInFuture;
import nl.kindpakket.ledger.core.api.refusals.DateOutsideYear;
import nl.kindpakket.ledger.core.api.refusals.DuplicateGrant;
import nl.kindpakket.ledger.core.api.refusals.PassInUse;
import nl.kindpakket.ledger.core.api.refusals.UnknownSpendingLine;
import nl.kindpakket.ledger.core.api.refusals.YearAlreadyClosed;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

class GrantingAnEntitlementTest extends EntitlementScenario {

    @Test
    void a_child_is_granted_credit_per_spending_line_and_a_pass() {
        fixture.givenNoPriorActivity()
                .when(grant())
                .expectEvents(granted())
                .expectResultMessagePayload(Receipt.recorded());
    }

    @Test
    void the_granted_credit_is_recorded_sorted_by_line() {
        fixture.givenNoPriorActivity().when(grant()).expectSuccessfulHandlerExecution();

        EntitlementGranted event = (EntitlementGranted) fixture.getEventStore()
                .readEvents(ID.toString()).next().getPayload();
        assertThat(event.creditCents()).isInstanceOf(SortedMap.class);
        assertThat(event.creditCents().keySet()).containsExactly(SPORT, SCHOOL);
    }

    @Test
    void a_repeated_grant_with_the_same_terms_records_nothing() {
        fixture.given(granted())
                .when(grant())
                .expectNoEvents()
                .expectResultMessagePayload(Receipt.repeat());
    }

    @Test
    void a_second_grant_for_the_same_child_in_a_year_is_a_duplicate() {
        fixture.given(granted())
                .when(grant("WP-0099", GRANTED_ON))
                .expectException(DuplicateGrant.class)
                .expectNoEvents();
    }

    @Test
    void a_grant_with_other_credit_for_the_same_child_in_a_year_is_a_duplicate() {
        GrantEntitlement otherCredit = new GrantEntitlement(ID, new PassNumber(PASS),
                Map.of(new SpendingLineCode(SPORT), new Money(10_000)), GRANTED_ON, TODAY, null);
        fixture.given(granted())
                .when(otherCredit)
                .expectException(DuplicateGrant.class)
                .expectNoEvents();
    }

    @Test
    void no_entitlement_is_granted_in_a_closed_year() {
        budgetYears.close(M, YEAR);
        fixture.givenNoPriorActivity()
                .when(grant())
                .expectException(YearAlreadyClosed.class)
                .expectNoEvents();
    }

    @Test
    void credit_on_a_spending_line_the_year_does_not_have_is_refused() {
        GrantEntitlement unknownLine = new GrantEntitlement(ID, new PassNumber(PASS),
                Map.of(new SpendingLineCode("9"), new Money(1_000)), GRANTED_ON, TODAY, null);
        fixture.givenNoPriorActivity()
                .when(unknownLine)
                .expectException(UnknownSpendingLine.class)
                .expectNoEvents();
    }

    @Test
    void a_grant_dated_in_another_year_is_refused() {
        fixture.givenNoPriorActivity()
                .when(grant(PASS, LocalDate.of(2018, 12, 31)))
                .expectException(DateOutsideYear.class)
                .expectNoEvents();
    }

    @Test
    void a_grant_dated_after_today_is_refused() {
        fixture.givenNoPriorActivity()
                .when(grant(PASS, TODAY.plusDays(1)))
                .expectException(DateInFuture.class)
                .expectNoEvents();
    }

    @Test
    void a_pass_held_by_another_child_cannot_be_granted() {
        passes.hold(M, PASS, "westland:2019:child-2");
        fixture.givenNoPriorActivity()
                .when(grant())
                .expectException(PassInUse.class)
                .expectNoEvents();
    }

    @Test
    void a_pass_taken_ahead_for_this_entitlement_by_its_reset_chunk_is_no_conflict() {
        passes.takenAhead(M, PASS, ID.toString());
        fixture.givenNoPriorActivity()
                .when(grant())
                .expectEvents(granted());
    }

    @Test
    void a_renewal_by_an_annual_reset_carries_the_reset_id() {
        GrantEntitlement renewal = new GrantEntitlement(ID, new PassNumber(PASS),
                Map.of(new SpendingLineCode(SPORT), new Money(15_000)), LocalDate.of(2019, 1, 1), TODAY, "reset-2018");
        fixture.givenNoPriorActivity()
                .when(renewal)
                .expectEvents(new EntitlementGranted(ID.toString(), M, YEAR, CHILD, PASS,
                        new TreeMap<>(Map.of(SPORT, 15_000L)), 15_000, LocalDate.of(2019, 1, 1), "reset-2018"));
    }

    @Test
    void an_entitlement_never_granted_takes_no_redemption() {
        fixture.givenNoPriorActivity()
                .when(redeem("r-1", SPORT, 1_000))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
