package nl.kindpakket.ledger.api.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pass registry's rule as a grant or a pass replacement claims its pass, in its transaction and before its events:
 * a new pass is taken, a revoked entitlement's taken over, a living one's refused, also when another transaction took
 * it while the claim waited; a reset's chunk claims its passes in one batch and gives back a refused renewal's.
 */
@SpringBootTest
@ActiveProfiles("test")
class PassRegistryTest {

    @Autowired
    JdbcLookups lookups;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    final String town = "pr-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_new_pass_is_claimed_a_revoked_entitlements_pass_taken_over_and_a_living_ones_refused_its_own_earlier_one_too() {
        holds("P-2", "2020:old", true);
        holds("P-3", "2020:living", false);
        holds("P-4", "2021:d", false);

        assertThat(claim("P-1", "2021:a")).isTrue();
        assertThat(claim("P-2", "2021:b")).isTrue();
        assertThat(claim("P-3", "2021:c")).isFalse();
        assertThat(claim("P-4", "2021:d")).as("its own earlier pass, replaced").isFalse();

        assertThat(registry()).containsExactly("P-1 2021:a false", "P-2 2021:b false", "P-3 2020:living false",
                "P-4 2021:d false");
    }

    @Test
    void a_claim_raced_by_a_concurrent_transaction_waits_for_it_and_is_refused_once_that_commits() throws Exception {
        assertThat(racedClaim(true)).isFalse();
        assertThat(registry()).containsExactly("P-2 2021:other false");
    }

    @Test
    void a_claim_raced_by_a_concurrent_transaction_that_rolls_back_takes_the_pass() throws Exception {
        assertThat(racedClaim(false)).isTrue();
        assertThat(registry()).containsExactly("P-2 2021:b false");
    }

    @Test
    void a_chunk_claims_its_passes_in_one_batch_and_a_renewal_refused_for_another_reason_gives_its_pass_back() {
        holds("P-2", "2020:living", false);

        List<Boolean> answers = inUnitOfWork(() -> {
            Map<String, String> passes = new LinkedHashMap<>();
            passes.put("P-1", town + ":2021:a");
            passes.put("P-2", town + ":2021:b");
            passes.put("P-3", town + ":2021:c");
            lookups.claimAhead(town, passes);
            assertThat(registry()).as("claimed in one batch, where free").containsExactly("P-1 2021:a false",
                    "P-2 2020:living false", "P-3 2021:c false");
            boolean first = lookups.claim(town, "P-1", town + ":2021:a");
            boolean second = lookups.claim(town, "P-2", town + ":2021:b");
            lookups.releaseClaimedAhead(town, "P-3", town + ":2021:c");
            lookups.releaseClaimedAhead(town, "P-2", town + ":2021:b");
            return List.of(first, second);
        });

        assertThat(answers).containsExactly(true, false);
        assertThat(registry()).containsExactly("P-1 2021:a false", "P-2 2020:living false");
    }

    /** Another transaction inserts P-2 and waits; a claim of P-2 is made meanwhile; the other then commits or rolls back. */
    private boolean racedClaim(boolean otherCommits) throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            holds("P-2", "2021:other", false);
            inserted.countDown();
            await(finish);
            if (!otherCommits) {
                tx.setRollbackOnly();
            }
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> claim = CompletableFuture.supplyAsync(() -> transaction.execute(tx -> claim("P-2", "2021:b")));
        Thread.sleep(300);
        assertThat(claim).as("the claim waits on the other transaction's key").isNotDone();
        finish.countDown();
        other.get(10, TimeUnit.SECONDS);
        return claim.get(10, TimeUnit.SECONDS);
    }

    private boolean claim(String pass, String entitlement) {
        return lookups.claim(town, pass, town + ":" + entitlement);
    }

    private <T> T inUnitOfWork(Supplier<T> work) {
        return transaction.execute(tx -> {
            var result = DefaultUnitOfWork.startAndGet(null).executeWithResult(work::get);
            if (result.isExceptional()) {
                throw new IllegalStateException(result.exceptionResult());
            }
            return result.getPayload();
        });
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
