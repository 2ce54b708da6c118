package nl.kindpakket.ledger.core.provider;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.SuspendProvider;
import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import nl.kindpakket.ledger.core.api.events.ProviderSuspended;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.UnknownProvider;
import nl.kindpakket.ledger.core.api.refusals.UnknownSpendingLine;
import nl.kindpakket.ledger.core.testing.FakeBudgetYears;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderTest {

    static final String M = "westland";
    static final String POOL = "zwembad-naaldwijk";
    static final LocalDate REGISTERED_ON = LocalDate.of(2019, 1, 5);
    static final LocalDate SUSPENDED_ON = LocalDate.of(2019, 8, 1);

    AggregateTestFixture<Provider> fixture;

    @BeforeEach
    void setUpFixture() {
        fixture = new AggregateTestFixture<>(Provider.class);
        fixture.registerInjectableResource(new FakeBudgetYears().withLines(M, 2018, "1", "3").withLines(M, 2019, "7"));
    }

    static RegisterProvider register(String name, String... lines) {
        Set<SpendingLineCode> codes = Stream.of(lines).map(SpendingLineCode::new).collect(Collectors.toSet());
        return new RegisterProvider(new Municipality(M), new ProviderId(POOL), name, codes, REGISTERED_ON);
    }

    static ProviderRegistered registered() {
        return new ProviderRegistered(M, POOL, "Zwembad Naaldwijk", List.of("1", "3", "7"), REGISTERED_ON);
    }

    static SuspendProvider suspend(String reason) {
        return new SuspendProvider(new Municipality(M), new ProviderId(POOL), reason, SUSPENDED_ON);
    }

    @Test
    void a_provider_is_registered_with_its_lines_sorted() {
        fixture.givenNoPriorActivity()
                .when(register("Zwembad Naaldwijk", "7", "1", "3"))
                .expectEvents(registered())
                .expectResultMessagePayload(Receipt.recorded());
    }

    @Test
    void a_provider_accepts_passes_from_the_day_the_municipality_states() {
        LocalDate firstOfYear = LocalDate.of(2018, 1, 1);
        fixture.givenNoPriorActivity()
                .when(new RegisterProvider(new Municipality(M), new ProviderId(POOL), "Zwembad Naaldwijk",
                        Set.of(new SpendingLineCode("1")), REGISTERED_ON, firstOfYear))
                .expectEvents(new ProviderRegistered(M, POOL, "Zwembad Naaldwijk", List.of("1"), REGISTERED_ON, firstOfYear));
    }

    @Test
    void a_provider_cannot_accept_a_spending_line_no_budget_year_has() {
        fixture.givenNoPriorActivity()
                .when(register("Zwembad Naaldwijk", "1", "9"))
                .expectException(UnknownSpendingLine.class)
                .expectExceptionMessage("no spending line 9")
                .expectNoEvents();
    }

    @Test
    void a_provider_is_registered_once_and_another_registration_under_its_id_is_a_conflict() {
        fixture.given(registered())
                .when(register("Zwembad Naaldwijk", "1"))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void registering_the_same_provider_under_another_name_is_a_conflict() {
        fixture.given(registered())
                .when(register("Sportfondsenbad", "1", "3", "7"))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void a_provider_is_suspended_with_a_reason() {
        fixture.given(registered())
                .when(suspend("fraud investigation"))
                .expectEvents(new ProviderSuspended(M, POOL, "fraud investigation", SUSPENDED_ON))
                .expectResultMessagePayload(Receipt.recorded());
    }

    @Test
    void a_provider_is_suspended_once() {
        fixture.given(registered(), new ProviderSuspended(M, POOL, "fraud investigation", SUSPENDED_ON))
                .when(suspend("closed for renovation"))
                .expectException(IdempotencyConflict.class)
                .expectNoEvents();
    }

    @Test
    void an_unregistered_provider_cannot_be_suspended() {
        fixture.givenNoPriorActivity()
                .when(suspend("fraud investigation"))
                .expectException(UnknownProvider.class)
                .expectNoEvents();
    }
}
