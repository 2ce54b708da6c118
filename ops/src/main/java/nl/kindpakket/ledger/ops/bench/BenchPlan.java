package nl.kindpakket.ledger.ops.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * How big each measure of {@code ops bench} is ({@link BenchOptions} reads it from the command line).
 *
 * @param size           entitlements expired and renewed by the annual reset
 * @param events         events in the store when the projections are replayed and the reports read
 * @param children       entitlements the live redemptions spread over
 * @param liveRate       redemptions per second of the open-loop run
 * @param liveSeconds    duration of the open-loop run
 * @param workers        closed-loop concurrency levels of the ramp
 * @param rampSeconds    duration of each ramp level
 * @param reportRequests requests per report endpoint, after as many warm-up requests as a tenth of it
 * @param profile        where to write a flight recording of each measure, or null for none
 * @param ledgerSettings extra {@code name=value} settings the ledger is booted with, to measure a configuration change
 */
public record BenchPlan(BenchDatabase database, int size, int events, int children, int liveRate, int liveSeconds,
        List<Integer> workers, int rampSeconds, int reportRequests, Path profile, List<String> ledgerSettings) {
}
