package nl.kindpakket.ledger.api.rebuild;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RecordExpenditure;
import nl.kindpakket.ledger.core.api.commands.RecordOverheadCost;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * A year of a municipality recorded through the command gateway, a few thousand events: children granted in the
 * first months, four redemptions each through the year, some reversed, some children revoked, and the
 * organisations' expenditures and overhead. Every identifier carries the run, so runs add to each other.
 */
final class BusyYear {

    static final SpendingLineCode LINE = new SpendingLineCode("3");
    private static final int THREADS = 8;

    private final CommandGateway commands;
    private final Municipality municipality;
    private final int year;
    private final String run;
    private final ProviderId provider;

    BusyYear(CommandGateway commands, String municipality, int year, String run) {
        this.commands = commands;
        this.municipality = new Municipality(municipality);
        this.year = year;
        this.run = run;
        this.provider = new ProviderId("club-" + run);
    }

    /** About five events per child. */
    BusyYear record(int children) {
        LocalDate start = LocalDate.of(year, 1, 2);
        commands.sendAndWait(new AllocateBudget(municipality, year, LINE, "Leermiddelen", Money.ofCents(children * 6_000L),
                "rebuild-" + run, null, start));
        commands.sendAndWait(new RegisterProvider(municipality, provider, "Club " + run, Set.of(LINE), start));
        inParallel(children, child -> new GrantEntitlement(entitlement(child), pass(child),
                Map.of(LINE, Money.ofCents(5_000)), LocalDate.of(year, 1 + child % 3, 1 + child % 10), LocalDate.now(),
                null));
        inParallel(children * 4, n -> redemption(n / 4, n % 4, 100 + n % 7 * 50));
        inParallel(children / 10, n -> new ReverseRedemption(entitlement(n * 10), redemptionId(n * 10, 0), "fout",
                Instant.parse(year + "-11-01T10:00:00Z"), Instant.now(), null));
        inParallel(children / 25, n -> new RevokeEntitlement(entitlement(n * 25 + 1), "verhuisd",
                LocalDate.of(year, 10, 1), LocalDate.now()));
        for (int i = 0; i < 3; i++) {
            commands.sendAndWait(new RecordExpenditure(municipality, year, "exp-" + run + "-" + i, "Stichting Leergeld",
                    LINE, Money.ofCents(10_000 + i), LocalDate.of(year, 6, 1 + i), "laptops"));
            commands.sendAndWait(new RecordOverheadCost(municipality, year, "cost-" + run + "-" + i, "WestlandPas",
                    "pas uitgeven", Money.ofCents(20_000 + i), new BigDecimal("0.25"), LocalDate.of(year, 6, 1 + i)));
        }
        return this;
    }

    /** One more redemption of a child, in June; for writes while a rebuild runs. Children 25n + 1 are revoked. */
    RedeemAtProvider extraRedemption(int child, int n, long cents) {
        return new RedeemAtProvider(entitlement(child), "extra-" + run + "-" + child + "-" + n, pass(child), provider, LINE,
                Money.ofCents(cents), Instant.parse(year + "-06-15T10:00:00Z"), Instant.now());
    }

    String childRef(int child) {
        return "kind-" + run + "-" + child;
    }

    void inParallel(int count, IntFunction<Object> command) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Object>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(pool.submit(() -> commands.sendAndWait(command.apply(n))));
            }
            for (Future<Object> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("recording the year failed", e);
        } finally {
            pool.shutdown();
        }
    }

    private RedeemAtProvider redemption(int child, int nth, long cents) {
        Instant at = Instant.parse(year + "-%02d-10T10:00:00Z".formatted(3 + nth * 2));
        return new RedeemAtProvider(entitlement(child), redemptionId(child, nth), pass(child), provider, LINE,
                Money.ofCents(cents), at, Instant.now());
    }

    private EntitlementId entitlement(int child) {
        return EntitlementId.of(municipality.slug(), year, childRef(child));
    }

    private PassNumber pass(int child) {
        return new PassNumber("P-" + run + "-" + child);
    }

    private String redemptionId(int child, int nth) {
        return "r-" + run + "-" + child + "-" + nth;
    }
}
