package nl.kindpakket.ledger.api.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.refusals.PassInUse;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pass registry's rule as the lookup tables keep it when a unit of work grants many entitlements (a reset's chunk):
 * the passes go in one batch, a revoked entitlement's pass is taken over, a living one's refuses the unit with the
 * pass named, also when another transaction took it while the unit was being handled.
 */
@SpringBootTest
@ActiveProfiles("test")
class PassRegistryTest {

    @Autowired
    LookupTables lookups;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    final String town = "pr-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_unit_of_grants_registers_every_new_pass_and_takes_over_a_revoked_entitlements_pass() {
        holds("P-2", "2020:old", true);

        grantAll(List.of("a", "b", "c"), List.of("P-1", "P-2", "P-3"));

        assertThat(registry()).containsExactly("P-1 2021:a false", "P-2 2021:b false", "P-3 2021:c false");
    }

    @Test
    void a_pass_of_a_living_entitlement_refuses_the_whole_unit_and_names_the_pass() {
        holds("P-2", "2020:old", false);

        assertThatThrownBy(() -> grantAll(List.of("a", "b", "c"), List.of("P-1", "P-2", "P-3")))
                .isInstanceOf(PassInUse.class).hasMessageContaining("P-2");

        assertThat(registry()).as("nothing of the unit is kept").containsExactly("P-2 2020:old false");
    }

    @Test
    void a_pass_taken_by_a_concurrent_transaction_refuses_the_unit_once_that_commits_and_names_the_pass_not_another_of_its_batch() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            holds("P-2", "2021:other", false);
            inserted.countDown();
            await(commit);
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> unit = CompletableFuture.runAsync(() -> grantAll(List.of("a", "b", "c"), List.of("P-1", "P-2", "P-3")));
        Thread.sleep(300);
        assertThat(unit).as("the unit's batch waits on the other transaction's key").isNotDone();
        commit.countDown();
        other.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> unit.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(PassInUse.class).hasMessageContaining("P-2");
        assertThat(registry()).containsExactly("P-2 2021:other false");
    }

    private void grantAll(List<String> children, List<String> passes) {
        transaction.executeWithoutResult(tx -> DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            for (int i = 0; i < children.size(); i++) {
                lookups.on(new EntitlementGranted(town + ":2021:" + children.get(i), town, 2021, children.get(i), passes.get(i),
                        Map.of("1", 100L), 100, LocalDate.of(2021, 1, 1), null));
            }
            return null;
        }).optionalExceptionResult().ifPresent(failure -> {
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }));
    }

    private void holds(String pass, String entitlement, boolean revoked) {
        jdbc.update("insert into pass_registry (municipality, pass_number, entitlement_id, revoked) values (?, ?, ?, ?)",
                town, pass, town + ":" + entitlement, revoked);
    }

    private List<String> registry() {
        return jdbc.queryForList("select pass_number || ' ' || substring(entitlement_id from length(?) + 2) || ' ' || revoked"
                + " from pass_registry where municipality = ? order by pass_number", String.class, town, town);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
