package nl.kindpakket.ledger.api.reset;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.ExpiryReceipt;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.CompleteAnnualReset;
import nl.kindpakket.ledger.core.api.commands.ExpireEntitlement;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works an annual reset job through: first every still-active entitlement of the closed year expires,
 * then every renewal is granted. Each chunk commits together with the job's progress, so a crash loses
 * at most the chunks in flight, which the restart redoes; every step is idempotent, so a redo changes nothing.
 *
 * <p>A step is a command, which spends much of its time waiting on the database; {@code workers} chunks can run
 * side by side (each in its own transaction) where the database is a network hop away. The chunks of one round
 * are disjoint and the next round is read only when they have all committed. On one machine with two cores the
 * job is CPU-bound and four workers gained about a tenth, while their interleaved inserts leave gaps that every
 * reader of the store tracks; so the default is one.
 *
 * <p>Instances that share a store work each job once ({@link JobClaims}): the claim is renewed in every chunk's
 * transaction, so a chunk of an instance whose job was taken over rolls back. Every instance looks for running jobs
 * whose claim lapsed (their instance died), and takes them up.
 */
@Component
class AnnualResetRunner {

    private static final Logger log = LoggerFactory.getLogger(AnnualResetRunner.class);

    private final ResetJobStore jobs;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int chunkSize;
    private final int workers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "annual-reset"));
    private final ExecutorService chunks;
    private final ScheduledExecutorService claims = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "annual-reset-claims"));
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final JobClaims claimed;

    AnnualResetRunner(ResetJobStore jobs, JobClaims claimed, CommandGateway commands, TransactionTemplate transaction,
            Clock clock, @Value("${ledger.annual-reset.chunk-size:500}") int chunkSize,
            @Value("${ledger.annual-reset.workers:1}") int workers) {
        if (chunkSize < 1 || workers < 1) {
            throw new IllegalArgumentException("ledger.annual-reset.chunk-size and .workers must be at least 1");
        }
        this.claimed = claimed;
        this.jobs = jobs;
        this.commands = commands;
        this.transaction = transaction;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.workers = workers;
        AtomicInteger threads = new AtomicInteger();
        this.chunks = Executors.newFixedThreadPool(workers, r -> new Thread(r, "annual-reset-chunk-" + threads.incrementAndGet()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void watchForUnclaimedJobs() {
        long every = claimed.lookEvery().toMillis();
        claims.scheduleWithFixedDelay(() -> {
            try {
                resumeUnfinished();
            } catch (RuntimeException e) {
                log.warn("could not look for annual reset jobs to take up: {}", e.toString());
            }
        }, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Takes up the running jobs that no instance holds a live claim on. */
    void resumeUnfinished() {
        claimed.unclaimed().forEach(this::start);
    }

    void start(String jobId) {
        if (running.add(jobId)) {
            worker.submit(() -> {
                try {
                    if (claimed.claim(jobId)) {
                        run(jobId);
                    }
                } catch (JobClaims.Lost lost) {
                    log.warn("annual reset {} was taken over by another instance; this one stops working it", jobId);
                } catch (RuntimeException e) {
                    log.error("annual reset {} stopped; it resumes when resubmitted", jobId, e);
                    claimed.fail(jobId, e.toString());
                } finally {
                    running.remove(jobId);
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        claims.shutdownNow();
        worker.shutdownNow();
        chunks.shutdownNow();
    }

    private void run(String jobId) {
        ResetJobStatus job = jobs.find(jobId).orElseThrow();
        if (job.finished()) {
            return;
        }
        Municipality municipality = new Municipality(job.municipality());
        long started = System.nanoTime();
        jobs.startExpiring(jobId, jobs.countActiveEntitlements(job.municipality(), job.fromYear()));
        List<String> round;
        while (!(round = jobs.activeEntitlements(job.municipality(), job.fromYear(), chunkSize * workers)).isEmpty()) {
            inParallel(round, entitlements -> transaction.executeWithoutResult(tx -> {
                int holds = 0;
                long heldCents = 0;
                for (String id : entitlements) {
                    ExpiryReceipt expiry = commands.sendAndWait(
                            new ExpireEntitlement(EntitlementId.parse(id), job.effectiveOn(), jobId));
                    holds += expiry.releasedHolds();
                    heldCents += expiry.releasedHoldCents();
                }
                claimed.hold(jobId);
                jobs.expired(jobId, entitlements.size(), holds, heldCents);
            }));
        }
        claimed.hold(jobId);
        jobs.phase(jobId, "RENEWING");
        List<Renewal> renewals;
        while (!(renewals = jobs.pendingRenewals(jobId, chunkSize * workers)).isEmpty()) {
            inParallel(renewals, chunk -> renew(job, municipality, chunk));
        }
        claimed.hold(jobId);
        jobs.phase(jobId, "COMPLETING");
        ResetJobStatus done = jobs.find(jobId).orElseThrow();
        commands.sendAndWait(new CompleteAnnualReset(municipality, job.fromYear(), jobId,
                done.expiries().done(), done.renewals().done()));
        claimed.hold(jobId);
        jobs.finish(jobId);
        log.info("annual reset {} done in {} ms: {} expired, {} renewed, {} refused", jobId,
                (System.nanoTime() - started) / 1_000_000, done.expiries().done(), done.renewals().done(), done.failedRenewals());
    }

    /**
     * Splits a round into chunks of at most {@code chunkSize}, works them side by side and waits for all of them;
     * when one fails, the others still finish (each commits or rolls back whole) and the first failure is thrown.
     */
    private <T> void inParallel(List<T> round, Consumer<List<T>> work) {
        List<Future<?>> running = new ArrayList<>();
        for (int from = 0; from < round.size(); from += chunkSize) {
            List<T> chunk = round.subList(from, Math.min(round.size(), from + chunkSize));
            running.add(chunks.submit(() -> work.accept(chunk)));
        }
        RuntimeException failure = null;
        for (Future<?> chunk : running) {
            try {
                chunk.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime
                        ? runtime : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("annual reset interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A chunk at once; if a rule refuses one renewal, the chunk is redone one by one to set it apart. */
    private void renew(ResetJobStatus job, Municipality municipality, List<Renewal> renewals) {
        try {
            transaction.executeWithoutResult(tx -> {
                renewals.forEach(r -> commands.sendAndWait(grant(job, municipality, r)));
                claimed.hold(job.id());
                jobs.renewed(job.id(), positions(renewals));
            });
        } catch (LedgerRefusal refused) {
            for (Renewal renewal : renewals) {
                try {
                    transaction.executeWithoutResult(tx -> {
                        commands.sendAndWait(grant(job, municipality, renewal));
                        claimed.hold(job.id());
                        jobs.renewed(job.id(), List.of(renewal.position()));
                    });
                } catch (LedgerRefusal e) {
                    claimed.hold(job.id());
                    jobs.renewalFailed(job.id(), renewal.position(), e.type(), e.getMessage());
                }
            }
        }
    }

    private GrantEntitlement grant(ResetJobStatus job, Municipality municipality, Renewal renewal) {
        return new GrantEntitlement(new EntitlementId(municipality, job.toYear(), renewal.childRef()),
                renewal.passNumber(), renewal.credits(), job.effectiveOn(), LocalDate.now(clock.withZone(Years.ZONE)), job.id());
    }

    private static List<Integer> positions(List<Renewal> renewals) {
        List<Integer> positions = new ArrayList<>(renewals.size());
        renewals.forEach(r -> positions.add(r.position()));
        return positions;
    }
}
