package nl.kindpakket.ledger.ops.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.kindpakket.ledger.api.reset.AnnualResetRequest;
import nl.kindpakket.ledger.api.reset.AnnualResets;
import nl.kindpakket.ledger.api.reset.ResetJobStatus;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The synthetic municipality the benchmark works on: budget for the current year and the two before it,
 * providers, and children granted and renewed by annual resets, entered through the ledger's own commands.
 */
final class BenchTown {

    static final Municipality TOWN = new Municipality(BenchLedger.MUNICIPALITY);
    static final List<String> LINES = List.of("1", "2", "3");
    static final int PROVIDERS = 10;
    static final long CREDIT_CENTS = 25_000;

    private final CommandGateway commands;
    private final AnnualResets resets;
    final int year = LocalDate.now(ZoneId.of("Europe/Amsterdam")).getYear();

    BenchTown(BenchLedger ledger) {
        this.commands = ledger.bean(CommandGateway.class);
        this.resets = ledger.bean(AnnualResets.class);
    }

    /** Budget for {@code year - 2 .. year} and the providers; the first provider is the one the bench user acts as. */
    void open(int size) {
        for (int y = year - 2; y <= year; y++) {
            for (String line : LINES) {
                commands.sendAndWait(new AllocateBudget(TOWN, y, new SpendingLineCode(line), "Bestedingslijn " + line,
                        Money.ofCents(size * CREDIT_CENTS + 1_000_000), "bench-" + y + "-" + line, null, LocalDate.of(y, 1, 1)));
            }
        }
        Set<SpendingLineCode> all = Set.of(new SpendingLineCode("1"), new SpendingLineCode("2"), new SpendingLineCode("3"));
        for (int p = 0; p < PROVIDERS; p++) {
            commands.sendAndWait(new RegisterProvider(TOWN, new ProviderId(providerId(p)), "Aanbieder " + (p + 1), all,
                    LocalDate.of(year - 2, 1, 1)));
        }
    }

    static String providerId(int p) {
        return p == 0 ? BenchLedger.PROVIDER : "winkel-" + p;
    }

    static String passNumber(String prefix, int child) {
        return prefix + "-" + (1_000_000 + child);
    }

    /** Closes {@code fromYear} and renews {@code size} children into the next year; returns the finished job. */
    ResetJobStatus reset(int fromYear, int size, String passPrefix) throws InterruptedException {
        List<AnnualResetRequest.Renewal> renewals = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            renewals.add(new AnnualResetRequest.Renewal("kind-" + i, passNumber(passPrefix, i), Map.of("1", CREDIT_CENTS)));
        }
        var request = new AnnualResetRequest(fromYear, fromYear + 1, renewals, LocalDate.of(fromYear + 1, 1, 1));
        var job = resets.submit(TOWN, request).job();
        long lastReport = System.nanoTime();
        while (!job.finished()) {
            if ("FAILED".equals(job.status())) {
                throw new IllegalStateException("annual reset " + job.id() + " failed: " + job.error());
            }
            Thread.sleep(100);
            job = resets.status(TOWN, job.id()).orElseThrow();
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                Progress.say("  reset %d->%d: expired %,d/%,d, renewed %,d/%,d", fromYear, fromYear + 1,
                        job.expiries().done(), job.expiries().total(), job.renewals().done(), job.renewals().total());
            }
        }
        if (job.failedRenewals() > 0) {
            throw new IllegalStateException("annual reset " + job.id() + " refused " + job.failedRenewals() + " renewals: " + job.failures());
        }
        return job;
    }

    static double seconds(ResetJobStatus job) {
        return (job.finishedAt().toEpochMilli() - job.submittedAt().toEpochMilli()) / 1000.0;
    }
}
