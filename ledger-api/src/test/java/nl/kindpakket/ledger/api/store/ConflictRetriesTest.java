package nl.kindpakket.ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import nl.kindpakket.ledger.core.api.refusals.InsufficientCredit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ConflictRetriesTest {

    private final ConflictRetries retries = new ConflictRetries(4, Duration.ofMillis(5));
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("redeem");
    private final AtomicInteger dispatched = new AtomicInteger();

    @AfterEach
    void leaveNoTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void a_lost_race_is_sent_again_until_the_attempts_are_spent() {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        List<Boolean> retried = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            failures.add(types(ConcurrencyException.class));
            retried.add(retries.scheduleRetry(command, new ConcurrencyException("sequence taken"), failures, dispatched::incrementAndGet));
        }

        assertThat(retried).containsExactly(true, true, true, false);
        assertThat(dispatched).hasValue(3);
    }

    @Test
    void a_refusal_by_a_rule_is_answered_at_once() {
        boolean retried = retries.scheduleRetry(command, new InsufficientCredit("3", 0, 100),
                failures(1), dispatched::incrementAndGet);

        assertThat(retried).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    @Test
    void a_lost_race_inside_a_callers_transaction_is_left_to_its_owner() {
        TransactionSynchronizationManager.setActualTransactionActive(true);

        boolean retried = retries.scheduleRetry(command, new ConcurrencyException("sequence taken"), failures(1), dispatched::incrementAndGet);

        assertThat(retried).isFalse();
        assertThat(dispatched).hasValue(0);
    }

    @Test
    void the_pause_is_random_and_never_above_its_growing_ceiling() {
        ConflictRetries slow = new ConflictRetries(10, Duration.ofMillis(100));
        List<Long> firstPauses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            firstPauses.add(slow.pauseMicros(1));
            assertThat(slow.pauseMicros(8)).isBetween(0L, 100_000L);
        }
        assertThat(firstPauses).allSatisfy(pause -> assertThat(pause).isBetween(0L, 2_000L));
        assertThat(firstPauses.stream().distinct().count()).isGreaterThan(10);
    }

    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(types(ConcurrencyException.class));
        }
        return failures;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] types(Class<? extends Throwable> type) {
        return new Class[] {type};
    }
}
