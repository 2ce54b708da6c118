package nl.kindpakket.ledger.api.reset;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import nl.kindpakket.ledger.api.lookup.JdbcLookups;
import nl.kindpakket.ledger.api.store.ReadAheadEventStorageEngine;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.ExpiryReceipt;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.CompleteAnnualReset;
import nl.kindpakket.ledger.core.api.commands.ExpireEntitlement;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
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
 * at most the chunk in flight, which the restart redoes; every step is idempotent, so a redo changes nothing.
 *
 * <p>A chunk is one unit of work: its aggregates' events are read in one query ({@link ReadAheadEventStorageEngine})
 * and a renewal chunk's pass holders in another; each step is still a command to its aggregate, handled by the
 * aggregate's own rules in a nested unit of work; and the events of all the chunk's steps are appended in one batch,
 * with the lookup tables, when the chunk commits.
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
    private final ReadAheadEventStorageEngine store;
    private final JdbcLookups lookups;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int chunkSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "annual-reset"));
    private final ScheduledExecutorService claims = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "annual-reset-claims"));
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final JobClaims claimed;

    AnnualResetRunner(ResetJobStore jobs, JobClaims claimed, CommandGateway commands, ReadAheadEventStorageEngine store,
            JdbcLookups lookups, TransactionTemplate transaction, Clock clock,
            @Value("${ledger.annual-reset.chunk-size:250}") int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("ledger.annual-reset.chunk-size must be at least 1");
        }
        this.claimed = claimed;
        this.jobs = jobs;
        this.commands = commands;
        this.store = store;
        this.lookups = lookups;
        this.transaction = transaction;
        this.clock = clock;
        this.chunkSize = chunkSize;
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
    }

    private void run(String jobId) {
        ResetJobStatus job = jobs.find(jobId).orElseThrow();
        if (job.finished()) {
            return;
        }
        Municipality municipality = new Municipality(job.municipality());
        long started = System.nanoTime();
        jobs.startExpiring(jobId, jobs.countActiveEntitlements(job.municipality(), job.fromYear()));
        List<String> entitlements;
        while (!(entitlements = jobs.activeEntitlements(job.municipality(), job.fromYear(), chunkSize)).isEmpty()) {
            expire(job, entitlements);
        }
        claimed.hold(jobId);
        jobs.phase(jobId, "RENEWING");
        List<Renewal> renewals;
        while (!(renewals = jobs.pendingRenewals(jobId, chunkSize)).isEmpty()) {
            renew(job, municipality, renewals);
        }
        claimed.hold(jobId);
        jobs.phase(jobId, "COMPLETING");
        ResetJobStatus done = jobs.find(jobId).orElseThrow();
        commands.sendAndWait(new CompleteAnnualReset(municipality, job.fromYear(), jobId,
                done.expiries().done(), done.renewals().done()));
        jobs.finish(jobId);
        log.info("annual reset {} done in {} ms: {} expired, {} renewed, {} refused", jobId,
                (System.nanoTime() - started) / 1_000_000, done.expiries().done(), done.renewals().done(), done.failedRenewals());
    }

    private void expire(ResetJobStatus job, List<String> entitlements) {
        inChunk(entitlements, () -> {
            int holds = 0;
            long heldCents = 0;
            for (String id : entitlements) {
                ExpiryReceipt expiry = commands.sendAndWait(
                        new ExpireEntitlement(EntitlementId.parse(id), job.effectiveOn(), job.id()));
                holds += expiry.releasedHolds();
                heldCents += expiry.releasedHoldCents();
            }
            claimed.hold(job.id());
            jobs.expired(job.id(), entitlements.size(), holds, heldCents);
        });
    }

    /**
     * A chunk at once, a refused renewal recorded with its reason in the chunk's transaction: the chunk's passes are
     * claimed in one batch first, and a renewal refused for another reason gives its pass back. A refusal that only
     * the commit finds fails the whole chunk, which is then redone one renewal at a time to set the refused one apart.
     */
    private void renew(ResetJobStatus job, Municipality municipality, List<Renewal> renewals) {
        List<String> entitlements = renewals.stream().map(r -> entitlementOf(job, municipality, r).toString()).toList();
        try {
            inChunk(entitlements, () -> {
                Map<String, String> entitlementsByPass = new LinkedHashMap<>();
                for (int i = 0; i < renewals.size(); i++) {
                    entitlementsByPass.putIfAbsent(renewals.get(i).passNumber().value(), entitlements.get(i));
                }
                lookups.claimAhead(municipality.slug(), entitlementsByPass);
                List<Integer> granted = new ArrayList<>(renewals.size());
                for (int i = 0; i < renewals.size(); i++) {
                    Renewal renewal = renewals.get(i);
                    try {
                        commands.sendAndWait(grant(job, municipality, renewal));
                        granted.add(renewal.position());
                    } catch (LedgerRefusal refused) {
                        lookups.releaseClaimedAhead(municipality.slug(), renewal.passNumber().value(), entitlements.get(i));
                        jobs.renewalFailed(job.id(), renewal.position(), refused.type(), refused.getMessage());
                    }
                }
                claimed.hold(job.id());
                jobs.renewed(job.id(), granted);
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

    /**
     * One transaction and one unit of work for a chunk: the commands sent in it run in nested units whose events the
     * chunk's unit appends together when it commits, after the work (and the job's progress it records) is done.
     */
    private void inChunk(List<String> aggregates, Runnable work) {
        transaction.executeWithoutResult(tx -> {
            ResultMessage<?> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
                store.readAhead(aggregates);
                work.run();
                return null;
            });
            if (result.isExceptional()) {
                throw rethrown(result.exceptionResult());
            }
        });
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private GrantEntitlement grant(ResetJobStatus job, Municipality municipality, Renewal renewal) {
        return new GrantEntitlement(entitlementOf(job, municipality, renewal),
                renewal.passNumber(), renewal.credits(), job.effectiveOn(), LocalDate.now(clock.withZone(Years.ZONE)), job.id());
    }

    private static EntitlementId entitlementOf(ResetJobStatus job, Municipality municipality, Renewal renewal) {
        return new EntitlementId(municipality, job.toYear(), renewal.childRef());
    }
}
