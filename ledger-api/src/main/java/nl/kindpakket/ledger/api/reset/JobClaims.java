package nl.kindpakket.ledger.api.reset;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance's claims on annual reset jobs, so that instances sharing a store work each job once: a job is
 * worked by the instance that claimed it, which renews the claim with every chunk; when an instance has been silent
 * for {@code claim-timeout} (it died, or lost the database), any instance may take the job up where it stood.
 */
@Component
class JobClaims {

    private final ResetJobStore jobs;
    private final Clock clock;
    private final Duration timeout;
    /** This instance, unique also among services started in one JVM. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    JobClaims(ResetJobStore jobs, Clock clock, @Value("${ledger.annual-reset.claim-timeout:30s}") Duration timeout) {
        if (timeout.toMillis() < 3) {
            throw new IllegalArgumentException("ledger.annual-reset.claim-timeout must be at least a few milliseconds");
        }
        this.jobs = jobs;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** How often to look for jobs whose claim lapsed: three times within the timeout. */
    Duration lookEvery() {
        return timeout.dividedBy(3);
    }

    /** Running jobs that no instance holds a live claim on. */
    List<String> unclaimed() {
        return jobs.claimableJobs(clock.instant());
    }

    /** Whether this instance now holds the job: it was free, lapsed or this instance's already. */
    boolean claim(String jobId) {
        return jobs.claim(jobId, owner, clock.instant(), until());
    }

    /** Renews the claim in the caller's transaction; throws when another instance has taken the job over. */
    void hold(String jobId) {
        if (!jobs.renewClaim(jobId, owner, until())) {
            throw new Lost();
        }
    }

    void fail(String jobId, String error) {
        jobs.fail(jobId, owner, error);
    }

    private Instant until() {
        return clock.instant().plus(timeout);
    }

    /** The job passed to another instance after this one was silent for longer than the claim timeout. */
    static final class Lost extends RuntimeException {
        private Lost() {
            super("annual reset job claimed by another instance", null, false, false);
        }
    }
}
