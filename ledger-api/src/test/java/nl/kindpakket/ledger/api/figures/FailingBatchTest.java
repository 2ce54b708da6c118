package nl.kindpakket.ledger.api.figures;

import static nl.kindpakket.ledger.api.figures.Staff.euros;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.projections.entitlement.EntitlementViewQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A batch that fails halfway leaves no read model with any of its events and the processor's token where it was;
 * once the cause is gone, the retried batch counts each of its events once.
 */
class FailingBatchTest extends RunningLedger {

    /** Grants in one batch: twenty dated in February, then the poisoned one and nineteen more in March. */
    static final int BURST = 40;
    static final int POISONED = 20;

    @Autowired
    PoisonPill pill;
    @Autowired
    MonthlyPassQueries monthly;
    @Autowired
    EntitlementViewQueries entitlements;

    Municipality town;

    @AfterEach
    void cure() {
        pill.cure();
    }

    @Test
    void a_batch_failing_halfway_counts_none_of_its_grants_keeps_its_token_and_after_recovery_counts_each_once()
            throws InterruptedException {
        town = municipality("failing");
        new Staff(commands, town).allocate(2018, "1", "Sport en cultuur", euros(10_000), LocalDate.of(2018, 1, 1));
        ReadModelProgress readModels = readModels();
        readModels.awaitClaimedHere(Duration.ofSeconds(30));
        readModels.awaitCaughtUp(Duration.ofSeconds(60));
        PoisonPill.Gate gate = pill.holdAt(entitlement("gate").toString());
        grant("gate", LocalDate.of(2018, 1, 15));
        assertThat(gate.awaitReached()).as("the gate's batch is held").isTrue();
        long beforeBurst = readModels.head();
        pill.poison(entitlement("poison").toString());
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            burst.add(i == POISONED ? "poison" : String.format("burst-%02d", i));
            grant(burst.get(i), i < POISONED ? LocalDate.of(2018, 2, 5) : LocalDate.of(2018, 3, 5));
        }
        // the coordinator queues the burst behind the held batch, so that it becomes the next batch whole
        Await.pause(Duration.ofSeconds(1));
        gate.open();
        Await.until(Duration.ofSeconds(30), () -> !pill.failedBatches().isEmpty(), () -> "the poisoned batch to fail");

        assertThat(pill.failedBatches().get(0)).as("the failed batch").containsExactlyElementsOf(burst);
        assertHeldAtTheGate(readModels, beforeBurst);
        assertThat(entitlements.find(town.slug(), 2018, "burst-00")).as("no read model keeps any of the batch").isEmpty();
        assertThat(entitlements.find(town.slug(), 2018, "gate")).isPresent();
        Await.pause(Duration.ofSeconds(1));
        assertHeldAtTheGate(readModels, beforeBurst);

        pill.cure();
        readModels.awaitCaughtUp(Duration.ofSeconds(60));

        MonthlyPassReport recovered = monthly.report(town.slug(), 2018);
        assertThat(recovered.months()).extracting(MonthlyPassReport.Month::issuedPasses)
                .containsExactly(1, 1 + POISONED, 1 + BURST, null, null, null, null, null, null, null, null, null);
        assertThat(recovered.total().issuedPasses()).isEqualTo(1 + BURST);
        assertThat(readModels.storedPosition()).isGreaterThanOrEqualTo(beforeBurst + BURST);
        assertThat(entitlements.find(town.slug(), 2018, "burst-00")).isPresent();
        assertThat(entitlements.find(town.slug(), 2018, "poison")).isPresent();
    }

    private void assertHeldAtTheGate(ReadModelProgress readModels, long beforeBurst) {
        MonthlyPassReport held = monthly.report(town.slug(), 2018);
        assertThat(held.months()).extracting(MonthlyPassReport.Month::issuedPasses)
                .as("the gate's grant, none of the burst's").containsExactly(1, null, null, null, null, null, null, null,
                        null, null, null, null);
        assertThat(readModels.storedPosition()).isLessThanOrEqualTo(beforeBurst);
    }

    private void grant(String childRef, LocalDate on) {
        commands.sendAndWait(new GrantEntitlement(entitlement(childRef), new PassNumber("P-" + childRef),
                Map.of(new SpendingLineCode("1"), Money.ofCents(euros(100))), on, LocalDate.now(), null));
    }

    private EntitlementId entitlement(String childRef) {
        return EntitlementId.of(town.slug(), 2018, childRef);
    }
}
