package nl.kindpakket.ledger.api.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;

/**
 * Tills redeeming through a load balancer in front of two instances: request i goes to instance i % 2; when the
 * connection fails (the instance is gone) or the answer is 503, the till sends the same request, same redemption id,
 * again to the other instance, as a load balancer's retry or the till's own would.
 */
final class TillLoad {

    /** The last answer to one redemption, the instance that gave it, and whether a connection failed before it. */
    record Outcome(String redemptionId, int entitlement, long cents, Answer answer, int instance, boolean resentAfterFailure) {
    }

    /** One redemption to send: its id, which entitlement, how much, and its body. */
    record Redemption(String id, int entitlement, long cents, String body) {
    }

    private final List<LedgerHttp> instances;
    private final IntFunction<Redemption> redemptions;
    private volatile boolean stopped;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger failedConnections = new AtomicInteger();
    private final List<Throwable> tillsFailed = new CopyOnWriteArrayList<>();
    private final ExecutorService tills;

    /** Starts the tills; they redeem redemption 0, 1, 2, … until stopped. */
    TillLoad(List<LedgerHttp> instances, IntFunction<Redemption> redemptions, int tills) {
        this.instances = instances;
        this.redemptions = redemptions;
        this.tills = Executors.newFixedThreadPool(tills);
        for (int t = 0; t < tills; t++) {
            this.tills.execute(() -> {
                try {
                    redeemUntilDone();
                } catch (RuntimeException | Error e) {
                    tillsFailed.add(e);
                }
            });
        }
        this.tills.shutdown();
    }

    int answered() {
        return outcomes.size();
    }

    int failedConnections() {
        return failedConnections.get();
    }

    /** Lets each till finish the redemption it is sending and stop; whether they all did within the time. */
    boolean stop(long seconds) throws InterruptedException {
        stopped = true;
        return tills.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    /** Why a till gave up, if one did. */
    List<Throwable> tillsFailed() {
        return List.copyOf(tillsFailed);
    }

    Map<String, Outcome> outcomes() {
        return Map.copyOf(outcomes);
    }

    private void redeemUntilDone() {
        int i;
        while (!stopped) {
            i = next.getAndIncrement();
            Redemption redemption = redemptions.apply(i);
            boolean resent = false;
            Answer answer = null;
            int instance = i % 2;
            for (int attempt = 0; answer == null || answer.status() == 503; attempt++) {
                if (attempt == 20) {
                    throw new IllegalStateException("no answer to " + redemption.id() + " in 20 attempts, last " + answer);
                }
                try {
                    instance = (i + attempt) % 2;
                    answer = instances.get(instance).post("pool", Testville.BASE + "/redemptions", redemption.body());
                    pauseIfBusy(answer);
                } catch (IllegalStateException connectionFailed) {
                    failedConnections.incrementAndGet();
                    resent = true;
                }
            }
            outcomes.put(redemption.id(), new Outcome(redemption.id(), redemption.entitlement(), redemption.cents(), answer, instance, resent));
        }
    }

    /** A 503 says when to come back; the tills come back sooner, the test has no second to spare. */
    private static void pauseIfBusy(Answer answer) {
        if (answer.status() == 503) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
