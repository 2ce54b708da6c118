package nl.kindpakket.ledger.api.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import nl.kindpakket.ledger.api.store.HeldWrites;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.ExpiryReceipt;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.commands.AnnualReset;
import nl.kindpakket.ledger.core.api.commands.ExpireEntitlement;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reset works in chunks (of two here): a chunk's aggregates are read in one query and its events appended in one
 * batch. What it records must be what the same commands record sent one by one, and a chunk that fails half-way is
 * redone whole, with nothing doubled.
 */
@SpringBootTest(properties = "ledger.annual-reset.chunk-size=2")
@ActiveProfiles("test")
class ChunkedResetTest {

    @TestConfiguration
    static class NextYear {
        @Bean
        @Primary
        Clock nextYearClock() {
            return ResetTown.inTheNextYear();
        }
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    CommandBus commandBus;
    @Autowired
    AnnualResets resets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    HeldWrites heldWrites;

    @Test
    void the_chunked_reset_records_the_same_events_refusals_and_lookups_as_its_commands_sent_one_by_one() {
        ResetTown oneByOne = new ResetTown(commands, clock).withItsChildren();
        ResetTown chunked = new ResetTown(commands, clock).withItsChildren();
        assertThat(chunked.entitlementEvents(jdbc)).as("the towns start alike").isEqualTo(oneByOne.entitlementEvents(jdbc));

        Map<String, String> refusedOneByOne = new LinkedHashMap<>();
        ResetJobStatus.ReleasedHolds releasedOneByOne = resetOneCommandAtATime(oneByOne, refusedOneByOne);
        ResetJobStatus job = awaitDone(chunked, resets.submit(chunked.town, chunked.reset()).job());

        assertThat(refusedOneByOne).as("kind-5 was renewed on other terms; kind-8 holds the pass kind-7 asks")
                .containsOnlyKeys("kind-5", "kind-7")
                .containsEntry("kind-5", "duplicate-grant").containsEntry("kind-7", "pass-in-use");
        Map<String, String> refusedChunked = new LinkedHashMap<>();
        job.failures().forEach(f -> refusedChunked.put(f.childRef(), f.type()));
        assertThat(refusedChunked).isEqualTo(refusedOneByOne);
        assertThat(job.expiries()).as("kind-3 was revoked").isEqualTo(new ResetJobStatus.Progress(5, 5));
        assertThat(job.renewals()).as("kind-4's renewal repeats its grant").isEqualTo(new ResetJobStatus.Progress(7, 5));
        assertThat(job.releasedHolds()).as("hold-2 and hold-6b").isEqualTo(new ResetJobStatus.ReleasedHolds(2, 3_700))
                .isEqualTo(releasedOneByOne);
        List<String> events = chunked.entitlementEvents(jdbc);
        assertThat(events).isEqualTo(oneByOne.entitlementEvents(jdbc));
        assertThat(events).filteredOn(e -> e.contains("EntitlementExpired")).hasSize(5);
        assertThat(events).filteredOn(e -> e.contains("ReservationReleased") && e.contains("ANNUAL_RESET")).hasSize(2);
        assertThat(events).filteredOn(e -> e.contains("EntitlementGranted") && e.contains(":" + ResetTown.NEXT + ":"))
                .as("kind-1, 2, 3 and 9 by the reset; kind-4, 5 and 8 before it").hasSize(7);
        assertThat(chunked.lookups(jdbc)).isEqualTo(oneByOne.lookups(jdbc))
                .as("kind-9 took over revoked kind-3's pass").contains("pass P-TOWN-3 TOWN:" + ResetTown.NEXT + ":kind-9 false");
    }

    @Test
    void an_expiry_chunk_that_fails_after_its_events_were_appended_is_redone_whole_and_nothing_is_doubled() {
        ResetTown town = new ResetTown(commands, clock).withItsChildren();
        String second = town.child(ResetTown.YEAR, 5).toString();
        AtomicLong appendedBeforeTheCrash = new AtomicLong(-1);
        // kind-5 closes the second chunk (kind-1, kind-2 | kind-4, kind-5 | kind-6), which fails when it commits
        ResetJobStatus failed = failingOnce(command -> command.getPayload() instanceof ExpireEntitlement expire
                && expire.entitlement().toString().equals(second), () -> appendedBeforeTheCrash.set(expiredCount(town, 4)),
                town);

        assertThat(failed.error()).contains("while the chunk commits");
        assertThat(appendedBeforeTheCrash).as("kind-4's expiry was in the table, uncommitted, when the chunk failed").hasValue(1);
        assertThat(failed.expiries().done()).as("the first chunk only").isEqualTo(2);
        assertThat(expiredCount(town, 4)).as("the failed chunk's rows were never committed").isZero();

        ResetJobStatus done = awaitDone(town, resets.submit(town.town, town.reset()).job());

        assertThat(done.expiries()).isEqualTo(new ResetJobStatus.Progress(5, 5));
        assertThat(done.releasedHolds()).isEqualTo(new ResetJobStatus.ReleasedHolds(2, 3_700));
        for (int child : new int[] {1, 2, 4, 5, 6}) {
            assertThat(expiredCount(town, child)).as("kind-%d expired", child).isEqualTo(1);
        }
        assertThat(town.entitlementEvents(jdbc)).filteredOn(e -> e.contains("ReservationReleased") && e.contains("ANNUAL_RESET"))
                .hasSize(2);
        assertThat(done.renewals()).isEqualTo(new ResetJobStatus.Progress(7, 5));
    }

    @Test
    void a_renewal_chunk_that_fails_half_way_is_redone_whole_and_nothing_is_doubled() {
        ResetTown town = new ResetTown(commands, clock).withItsChildren();
        String secondOfChunk = town.child(ResetTown.NEXT, 2).toString();
        // renewals kind-1, kind-2 | kind-3, kind-4 | ...: the first chunk fails at its second grant
        ResetJobStatus failed = failingOnce(command -> command.getPayload() instanceof GrantEntitlement grant
                && grant.entitlement().toString().equals(secondOfChunk), null, town);

        assertThat(failed.error()).contains("in the middle of a chunk");
        assertThat(failed.renewals().done()).isZero();
        assertThat(grantedCount(town, 1)).as("kind-1's grant went with its chunk").isZero();

        ResetJobStatus done = awaitDone(town, resets.submit(town.town, town.reset()).job());

        assertThat(done.renewals()).isEqualTo(new ResetJobStatus.Progress(7, 5));
        assertThat(done.failedRenewals()).isEqualTo(2);
        for (int child : new int[] {1, 2, 3, 4, 5, 8, 9}) {
            assertThat(grantedCount(town, child)).as("kind-%d granted", child).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from entitlement_registry where municipality = ? and budget_year = ?"
                + " and status = 'ACTIVE'", Integer.class, town.town.slug(), ResetTown.NEXT)).isEqualTo(7);
    }

    /** The reference: the reset's commands, each sent on its own, as the reset sent them before it worked in chunks. */
    private ResetJobStatus.ReleasedHolds resetOneCommandAtATime(ResetTown town, Map<String, String> refused) {
        AnnualResetRequest request = town.reset();
        commands.sendAndWait(new AnnualReset(town.town, ResetTown.YEAR, ResetTown.NEXT, request.effectiveOn(),
                request.renewals().size(), "one-by-one", town.jobId()));
        List<String> active = jdbc.queryForList("select entitlement_id from entitlement_registry where municipality = ?"
                + " and budget_year = ? and status = 'ACTIVE' order by entitlement_id", String.class, town.town.slug(), ResetTown.YEAR);
        int holds = 0;
        long heldCents = 0;
        for (String id : active) {
            ExpiryReceipt expiry = commands.sendAndWait(new ExpireEntitlement(EntitlementId.parse(id), request.effectiveOn(), town.jobId()));
            holds += expiry.releasedHolds();
            heldCents += expiry.releasedHoldCents();
        }
        for (AnnualResetRequest.Renewal renewal : request.renewals()) {
            try {
                commands.sendAndWait(new GrantEntitlement(EntitlementId.of(town.town.slug(), ResetTown.NEXT, renewal.childRef()),
                        new PassNumber(renewal.passNumber()),
                        Map.of(ResetTown.LINE, Money.ofCents(renewal.credits().get(ResetTown.LINE.value()))),
                        request.effectiveOn(), town.today(), town.jobId()));
            } catch (LedgerRefusal e) {
                refused.put(renewal.childRef(), e.type());
            }
        }
        return new ResetJobStatus.ReleasedHolds(holds, heldCents);
    }

    /**
     * Runs the town's reset with the first command that matches failing once: in its handler, or, given what to look
     * at first, when its chunk commits, after the chunk's events were appended. Returns the job as it stopped.
     */
    private ResetJobStatus failingOnce(Predicate<CommandMessage<?>> matches, Runnable atCommit, ResetTown town) {
        AtomicBoolean armed = new AtomicBoolean(true);
        Registration failure = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (matches.test(unitOfWork.getMessage()) && armed.compareAndSet(true, false)) {
                if (atCommit == null) {
                    throw new IllegalStateException("the process dies in the middle of a chunk");
                }
                unitOfWork.root().onPrepareCommit(u -> {
                    // the chunk's few events are held for one round trip of its inserts: the crash comes after it
                    heldWrites.flush();
                    atCommit.run();
                    throw new IllegalStateException("the process dies while the chunk commits");
                });
            }
            return chain.proceed();
        });
        try {
            ResetJobStatus job = resets.submit(town.town, town.reset()).job();
            return await("the reset stops").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> resets.status(town.town, job.id()).orElseThrow(), now -> "FAILED".equals(now.status()));
        } finally {
            failure.cancel();
        }
    }

    private long expiredCount(ResetTown town, int child) {
        return eventCount(town.child(ResetTown.YEAR, child), "EntitlementExpired");
    }

    private long grantedCount(ResetTown town, int child) {
        return eventCount(town.child(ResetTown.NEXT, child), "EntitlementGranted");
    }

    private long eventCount(EntitlementId id, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class, id.toString(), "%." + type);
    }

    private ResetJobStatus awaitDone(ResetTown town, ResetJobStatus job) {
        return await("annual reset " + job.id() + " finishes").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> resets.status(town.town, job.id()).orElseThrow(), now -> {
                    assertThat(now.status()).as("job %s: %s", now.id(), now.error()).isNotEqualTo("FAILED");
                    return now.finished();
                });
    }
}
