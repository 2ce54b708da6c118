package nl.kindpakket.ledger.ops.bench;

import java.util.function.IntFunction;

/** The latency of one report endpoint: sequential GETs after a warm-up, each answered with 200 and read whole. */
final class ReportLatency {

    private ReportLatency() {
    }

    /** @param path the request path of the n-th request (the entitlement view asks for a different child each time) */
    static Latencies measure(BenchHttp http, int requests, IntFunction<String> path) throws Exception {
        int warmUp = Math.max(10, requests / 10);
        Latencies latencies = new Latencies();
        for (int n = 0; n < warmUp + requests; n++) {
            var request = http.get(path.apply(n), "application/json");
            long start = System.nanoTime();
            int status = http.send(request);
            long took = System.nanoTime() - start;
            if (status != 200) {
                throw new IllegalStateException(request.uri() + " answered " + status);
            }
            if (n >= warmUp) {
                latencies.record(took);
            }
        }
        return latencies;
    }
}
