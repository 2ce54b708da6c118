package nl.kindpakket.ledger.ops.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, recorded from many threads, read as percentiles once recording is over. */
final class Latencies {

    private long[] samples = new long[1 << 14];
    private int count;

    synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** @param percentile such as 99.0; nearest-rank */
    synchronized double millis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }

    String summary() {
        return String.format("p50 %s ms, p99 %s ms, max %s ms", Table.ms(millis(50)), Table.ms(millis(99)), Table.ms(millis(100)));
    }
}
