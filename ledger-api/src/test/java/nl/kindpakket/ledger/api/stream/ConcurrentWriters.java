package nl.kindpakket.ledger.api.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writers appending through commands at the same time: fast ones (a grant and a redemption per child)
 * and a slow one that keeps its transaction open after its event is inserted, so that later positions
 * commit before its own, the very case a reader must not skip.
 */
final class ConcurrentWriters {

    private static final SpendingLineCode LINE = new SpendingLineCode("1");
    private static final int YEAR = 2019;

    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final Municipality town;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Future<?>> running = new ArrayList<>();

    ConcurrentWriters(CommandGateway commands, TransactionTemplate transaction, Municipality town) {
        this.commands = commands;
        this.transaction = transaction;
        this.town = town;
    }

    void prepare() {
        commands.sendAndWait(new AllocateBudget(town, YEAR, LINE, "Sport", Money.ofCents(100_000_000), "alloc-" + run, null,
                LocalDate.of(YEAR, 1, 1)));
        commands.sendAndWait(new RegisterProvider(town, pool(), "Zwembad", Set.of(LINE), LocalDate.of(YEAR, 1, 1)));
    }

    void start(int fastWriters, int childrenEach, int slowTransactions, long slowHoldMillis) {
        for (int writer = 0; writer < fastWriters; writer++) {
            int w = writer;
            running.add(threads.submit(() -> grantAndRedeem(w, childrenEach)));
        }
        running.add(threads.submit(() -> slowRegistrations(slowTransactions, slowHoldMillis)));
    }

    void awaitDone() throws Exception {
        for (Future<?> writer : running) {
            writer.get(120, TimeUnit.SECONDS);
        }
        threads.shutdown();
    }

    boolean done() {
        return running.stream().allMatch(Future::isDone);
    }

    private void grantAndRedeem(int writer, int children) {
        for (int i = 0; i < children; i++) {
            EntitlementId child = EntitlementId.of(town.slug(), YEAR, "w" + run + "-" + writer + "-" + i);
            PassNumber pass = new PassNumber("P" + run + "-" + writer + "-" + i);
            commands.sendAndWait(new GrantEntitlement(child, pass, Map.of(LINE, Money.ofCents(10_000)),
                    LocalDate.of(YEAR, 2, 1), LocalDate.now(), null));
            commands.sendAndWait(new RedeemAtProvider(child, "r" + run + "-" + writer + "-" + i, pass, pool(), LINE,
                    Money.ofCents(500), Instant.parse("2019-03-01T10:00:00Z"), Instant.now()));
        }
    }

    private void slowRegistrations(int count, long holdMillis) {
        for (int k = 0; k < count; k++) {
            ProviderId provider = new ProviderId("slow-" + run + "-" + k);
            transaction.executeWithoutResult(status -> {
                // the command joins this transaction: its event is inserted now, committed only after the pause
                commands.sendAndWait(new RegisterProvider(town, provider, "Langzaam", Set.of(LINE), LocalDate.of(YEAR, 1, 1)));
                pause(holdMillis);
            });
            pause(holdMillis / 3);
        }
    }

    private ProviderId pool() {
        return new ProviderId("pool-" + run);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
