package nl.kindpakket.ledger.api.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.ReleaseReservation;
import nl.kindpakket.ledger.core.api.commands.ReserveCredit;
import nl.kindpakket.ledger.core.api.events.EntitlementExpired;
import nl.kindpakket.ledger.core.api.events.ReservationReleased;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The annual reset releases every hold still open in the year it closes, before the expiry, so that the expiry
 * lapses the credit and the held credit together; the job's status counts the holds it released.
 */
@SpringBootTest
@ActiveProfiles("test")
class ResetReleasesHoldsTest {

    /** Holds are made now, so the year the reset closes is the current one. */
    private static final int YEAR = Years.today().getYear();
    private static final SpendingLineCode LINE = new SpendingLineCode("1");
    private static final ProviderId POOL = new ProviderId("zwembad");

    @Autowired
    CommandGateway commands;
    @Autowired
    AnnualResets resets;
    @Autowired
    EventStore events;

    @Test
    void the_reset_releases_open_holds_and_each_expiry_lapses_credit_and_released_holds_together() {
        Municipality town = new Municipality("holds-" + UUID.randomUUID().toString().substring(0, 8));
        LocalDate firstOfYear = LocalDate.of(YEAR, 1, 1);
        commands.sendAndWait(new AllocateBudget(town, YEAR, LINE, "Sport", Money.ofCents(10_000_000), "alloc", null,
                firstOfYear));
        commands.sendAndWait(new RegisterProvider(town, POOL, "Zwembad", Set.of(LINE), firstOfYear));
        EntitlementId first = grant(town, 1, 5_000);
        EntitlementId second = grant(town, 2, 4_000);
        reserve(first, "hold-1", 1, 3_000);
        reserve(second, "hold-2", 2, 1_000);
        commands.sendAndWait(new ReleaseReservation(second, "hold-2", "cancelled", Instant.now(), null));
        reserve(second, "hold-3", 2, 500);

        ResetJobStatus job = resets.submit(town, new AnnualResetRequest(YEAR, YEAR + 1, List.of(),
                LocalDate.of(YEAR + 1, 1, 1))).job();
        ResetJobStatus done = await("the reset finishes").atMost(Duration.ofSeconds(60))
                .until(() -> resets.status(town, job.id()).orElseThrow(), ResetJobStatus::finished);

        assertThat(done.expiries()).isEqualTo(new ResetJobStatus.Progress(2, 2));
        assertThat(done.releasedHolds()).as("hold-1 and hold-3; hold-2 was released before")
                .isEqualTo(new ResetJobStatus.ReleasedHolds(2, 3_500));
        assertThat(payloads(first, ReservationReleased.class)).singleElement().satisfies(released -> {
            assertThat(released.reservationId()).isEqualTo("hold-1");
            assertThat(released.releasedBy()).isEqualTo("ANNUAL_RESET");
            assertThat(released.annualResetId()).isEqualTo(job.id());
            assertThat(released.releasedCents()).isEqualTo(3_000);
        });
        assertThat(payloads(first, EntitlementExpired.class)).singleElement().satisfies(expired -> {
            assertThat(expired.releasedTotalCents()).as("credit 2,000 and the hold's 3,000").isEqualTo(5_000);
            assertThat(expired.releasedCreditCents()).containsExactly(Map.entry("1", 5_000L));
        });
        assertThat(payloads(second, ReservationReleased.class)).extracting(ReservationReleased::releasedBy)
                .containsExactly("STAFF", "ANNUAL_RESET");
        assertThat(payloads(second, EntitlementExpired.class)).singleElement()
                .extracting(EntitlementExpired::releasedTotalCents).isEqualTo(4_000L);
    }

    private EntitlementId grant(Municipality town, int child, long cents) {
        EntitlementId id = EntitlementId.of(town.slug(), YEAR, "kind-" + child);
        commands.sendAndWait(new GrantEntitlement(id, pass(town, child), Map.of(LINE, Money.ofCents(cents)),
                LocalDate.of(YEAR, 1, 1), Years.today(), null));
        return id;
    }

    private void reserve(EntitlementId id, String reservationId, int child, long cents) {
        Instant endOfYear = LocalDate.of(YEAR + 1, 1, 1).atStartOfDay(Years.ZONE).toInstant().minusSeconds(60);
        Instant dayAhead = Instant.now().plus(Duration.ofDays(1));
        commands.sendAndWait(new ReserveCredit(id, reservationId, pass(id.municipality(), child),
                POOL, LINE, Money.ofCents(cents), dayAhead.isBefore(endOfYear) ? dayAhead : endOfYear, Instant.now()));
    }

    private static PassNumber pass(Municipality town, int child) {
        return new PassNumber("P-" + town.slug() + "-" + child);
    }

    private <T> List<T> payloads(EntitlementId id, Class<T> type) {
        return events.readEvents(id.toString()).asStream()
                .map(EventMessage::getPayload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
