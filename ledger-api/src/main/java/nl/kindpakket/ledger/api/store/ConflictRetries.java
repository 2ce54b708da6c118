package nl.kindpakket.ledger.api.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a command again when it lost a race with a concurrent change of the same record ({@link StoreConflict}),
 * after a random pause that grows with each attempt (exponential back-off with full jitter, so that two instances
 * racing for one entitlement do not collide again in step), at most {@code attempts} times in all. Any other failure,
 * a rule's refusal among them, is answered at once.
 *
 * <p>The retry runs on the sending thread, which waits for the answer anyway: the command keeps its thread's
 * context and no pool of retry threads can fill up. A command sent inside a transaction of its caller (a chunk of
 * an annual reset) is not retried: that transaction is lost with the conflict, and its owner must start it again.
 */
public class ConflictRetries implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetries.class);
    private static final long FIRST_PAUSE_MICROS = 2_000;

    private final int attempts;
    private final long maxPauseMicros;

    public ConflictRetries(int attempts, Duration maxPause) {
        if (attempts < 1 || maxPause.isNegative()) {
            throw new IllegalArgumentException("ledger.commands.conflict-attempts must be at least 1 and the pause not negative");
        }
        this.attempts = attempts;
        this.maxPauseMicros = maxPause.toNanos() / 1_000;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!StoreConflict.in(lastFailure) || failures.size() >= attempts || insideCallersWork()) {
            return false;
        }
        try {
            TimeUnit.MICROSECONDS.sleep(pauseMicros(failures.size()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        log.debug("{} lost a race (attempt {}), sending it again: {}", commandMessage.getCommandName(), failures.size(), lastFailure.toString());
        commandDispatch.run();
        return true;
    }

    /** A random pause up to a ceiling that doubles with each failed attempt, to at most the maximum. */
    long pauseMicros(int failedAttempts) {
        long ceiling = Math.min(maxPauseMicros, FIRST_PAUSE_MICROS << Math.min(failedAttempts - 1, 20));
        return ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    private static boolean insideCallersWork() {
        return TransactionSynchronizationManager.isActualTransactionActive() || CurrentUnitOfWork.isStarted();
    }
}
