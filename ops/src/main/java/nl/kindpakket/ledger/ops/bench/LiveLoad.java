package nl.kindpakket.ledger.ops.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Redemptions over HTTP as providers' tills send them, each on the next of many entitlements in turn so that
 * concurrent requests meet different aggregates. Open loop: sent on a fixed schedule whatever the answers,
 * latency counted from the scheduled moment (a late send is the ledger's delay too); at most
 * {@value #MAX_IN_FLIGHT} requests are outstanding, so that a ledger that falls behind meets a queue of
 * clients rather than the client running out of connections or heap. The open loop sends from a fixed pool of
 * that many threads: java.net.http's asynchronous sends completed each request on a new thread on two cores (the
 * common pool has one worker there, and the completing stage then gets a thread of its own), which made the load
 * generator start 300 threads a second and take CPU from the ledger it measures. Closed loop: a number of workers each
 * sending the next request when the previous one is answered. Every thread that sends blocks on a kept-alive
 * connection of its own to each instance ({@link TillClient}, lighter on the shared cores than java.net.http's client),
 * and a loop closes its connections when it ends. With several instances of the ledger, request n goes
 * to instance n mod k and each entitlement's consecutive requests go to the instances in turn, as a load balancer
 * without affinity spreads them, so that the instances write the same entitlements.
 */
final class LiveLoad {

    static final int MAX_IN_FLIGHT = 500;
    /** The open loop's latencies are also shown per window of this many seconds, to tell a start-up queue from a steady one. */
    private static final int WINDOW_SECONDS = 10;
    private static final String PATH = "/api/v1/municipalities/" + BenchLedger.MUNICIPALITY + "/redemptions";

    private final List<TillClient> instances;
    private final int children;
    private final int firstChild;
    /** Loads made in the same millisecond (the open loop's warm-up and the measured run) still send ids of their own. */
    private static final AtomicLong LOADS = new AtomicLong();

    private final String runId = Long.toString(System.currentTimeMillis(), 36) + "-" + LOADS.incrementAndGet();
    private final AtomicLong next = new AtomicLong();

    /** What a run of load gave: answers by status (-1 for no answer), latencies of the 201s, duration. */
    record Result(int workers, Map<Integer, Long> statuses, Latencies latencies, double seconds) {

        long created() {
            return statuses.getOrDefault(201, 0L);
        }

        long failed() {
            return statuses.entrySet().stream().filter(e -> e.getKey() != 201).mapToLong(Map.Entry::getValue).sum();
        }

        double rate() {
            return created() / seconds;
        }

        /** Answers other than 201 by status; -1 counts requests without an answer within the client's timeout. */
        String failures() {
            Map<Integer, Long> failed = new TreeMap<>(statuses);
            failed.remove(201);
            return failed.isEmpty() ? "0 failed" : String.format("%,d failed %s", failed(), failed);
        }
    }

    LiveLoad(List<TillClient> instances, int children) {
        this(instances, children, 0);
    }

    /** Load on the entitlements of children {@code firstChild} to {@code firstChild + children - 1}. */
    LiveLoad(List<TillClient> instances, int children, int firstChild) {
        this.instances = List.copyOf(instances);
        this.children = children;
        this.firstChild = firstChild;
    }

    /** Sends redemption {@code n} to its instance; the answer's status, -1 for none. */
    private int send(long n) {
        return instances.get((int) (n % instances.size())).post(PATH, redemption(n));
    }

    private String redemption(long n) {
        int child = firstChild + (int) (n / instances.size() % children);
        return "{\"redemptionId\":\"r" + runId + "-" + n + "\",\"passNumber\":\"" + BenchTown.passNumber("B", child)
                + "\",\"providerId\":\"" + BenchLedger.PROVIDER + "\",\"spendingLine\":\"1\",\"amountCents\":" + (50 + n % 50)
                + ",\"occurredAt\":\"" + Instant.now() + "\"}";
    }

    private void closeConnections() {
        instances.forEach(TillClient::close);
    }

    Result openLoop(String label, int perSecond, int seconds) throws InterruptedException {
        Map<Integer, Long> statuses = new TreeMap<>();
        Latencies latencies = new Latencies();
        Latencies[] windows = new Latencies[(seconds + WINDOW_SECONDS - 1) / WINDOW_SECONDS];
        Arrays.setAll(windows, w -> new Latencies());
        long interval = 1_000_000_000L / perSecond;
        int total = perSecond * seconds;
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        ThreadPoolExecutor senders = (ThreadPoolExecutor) Executors.newFixedThreadPool(MAX_IN_FLIGHT, r -> {
            Thread thread = new Thread(r, "bench-open-loop");
            thread.setDaemon(true);
            return thread;
        });
        senders.prestartAllCoreThreads();
        long start = System.nanoTime() + 50_000_000L;
        try {
            for (int i = 0; i < total; i++) {
                long scheduled = start + i * interval;
                for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                long n = next.getAndIncrement();
                senders.execute(() -> {
                    int code;
                    try {
                        code = send(n);
                    } catch (Exception e) {
                        code = -1;
                    } finally {
                        inFlight.release();
                    }
                    long took = System.nanoTime() - scheduled;
                    synchronized (statuses) {
                        statuses.merge(code, 1L, Long::sum);
                    }
                    if (code == 201) {
                        latencies.record(took);
                        windows[(int) Math.min(windows.length - 1, (scheduled - start) / 1_000_000_000L / WINDOW_SECONDS)].record(took);
                    }
                });
            }
            senders.shutdown();
            if (!senders.awaitTermination(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("open-loop requests did not complete within 120 s of the last one's due time");
            }
        } finally {
            senders.shutdownNow();
            closeConnections();
        }
        for (int w = 0; w < windows.length; w++) {
            Progress.say("  %s, requests due in s %d-%d: %,d created, %s", label, w * WINDOW_SECONDS, Math.min(seconds, (w + 1) * WINDOW_SECONDS),
                    windows[w].count(), windows[w].summary());
        }
        return new Result(0, statuses, latencies, (System.nanoTime() - start) / 1e9);
    }

    Result closedLoop(int workers, int seconds) throws InterruptedException {
        Map<Integer, Long> statuses = new TreeMap<>();
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long n = next.getAndIncrement();
                    long sent = System.nanoTime();
                    int code;
                    try {
                        code = send(n);
                    } catch (Exception e) {
                        code = -1;
                    }
                    synchronized (statuses) {
                        statuses.merge(code, 1L, Long::sum);
                    }
                    if (code == 201) {
                        latencies.record(System.nanoTime() - sent);
                    }
                }
            }, "bench-worker-" + w);
            thread.start();
            threads.add(thread);
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            closeConnections();
        }
        return new Result(workers, statuses, latencies, (System.nanoTime() - start) / 1e9);
    }
}
