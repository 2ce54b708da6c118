package nl.kindpakket.ledger.ops.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * {@code ops bench}: the ledger's figures against raw PostgreSQL in one run. Makes a scratch database, boots
 * the ledger in this process on it with its web server on a free port, and measures bulk (annual reset),
 * live (redemptions over HTTP, on this instance and then on it and a second one on the same store), replay,
 * report latency and export, each beside its raw baseline and judged against its target, and the heap
 * throughout. Prints a Markdown table on standard output; progress goes to standard error.
 */
public final class LedgerBenchmark {

    static final long PROJECTION_TIMEOUT_SECONDS = 6 * 3_600;

    private LedgerBenchmark() {
    }

    static void measure(BenchPlan plan) {
        PrintStream out = tableOnly();
        try {
            Table table = run(plan);
            out.println();
            table.print(out);
            out.flush();
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            // the ledger's non-daemon threads would keep a failed run alive
            System.exit(1);
        }
    }

    static Table run(BenchPlan plan) throws Exception {
        Table table = new Table();
        String started = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        double loadBefore = loadAverage();
        try (HeapWatch heap = new HeapWatch()) {
            plan.database().recreate();
            Progress.say("booting the ledger on %s", plan.database().jdbcUrl());
            try (BenchLedger ledger = BenchLedger.boot(plan.database(), plan.ledgerSettings())) {
                Phases phases = new Phases(ledger.jdbc(), plan.profile());
                Measures measures = new Measures(plan, ledger, phases, table);
                measures.bulk();
                measures.live();
                measures.replay();
                measures.reports();
                measures.export();
                measures.twoInstances();
                table.add(new Table.Row("6", "heap of this process (ledger, load generator and baselines) over the whole run",
                        String.format("peak used %,d MiB; most live after a collection %,d MiB", heap.peakUsedMiB(), heap.peakAfterGcMiB()),
                        "", "", "<= 512 MiB (run with -Xmx512m)", heapVerdict(heap), heap.peakUsedMiB()));
                if (!plan.ledgerSettings().isEmpty()) {
                    table.note("The ledger was booted with these settings changed: %s.", String.join("; ", plan.ledgerSettings()));
                }
                table.note("Run %s on %d cores, -Xmx%d MiB (JVM maximum heap), %s; events in store %,d. Load average %.1f before, %.1f after.",
                        started, Runtime.getRuntime().availableProcessors(), heap.maxMiB(), ledger.postgresVersion(),
                        ledger.eventCount(), loadBefore, loadAverage());
                cpuNotes(table, phases);
            }
        }
        return table;
    }

    private static String heapVerdict(HeapWatch heap) {
        if (heap.maxMiB() > 512) {
            return String.format("not shown: run with -Xmx512m (this run had %,d MiB)", heap.maxMiB());
        }
        return heap.peakUsedMiB() <= 512 ? "met" : "**missed**";
    }

    private static void cpuNotes(Table table, Phases phases) {
        int cores = Runtime.getRuntime().availableProcessors();
        table.note("");
        table.note("Where the CPU went in each measure, in CPU seconds (capacity is %d cores × wall time). \"Ledger threads\" are"
                + " its HTTP, processor and reset threads (of both instances in the two-instance measure); the rest of this process is the load generator, baselines, collector,"
                + " compiler and profiler. PostgreSQL counts the backends serving the ledger's pool. The ceiling is what %d cores"
                + " would do if the ledger threads and their PostgreSQL work had the machine to themselves.", cores, cores);
        table.note("");
        table.note("| measure | wall s | ledger threads | rest of process | PostgreSQL | rest of machine | idle | units | CPU ms per unit (ledger + PostgreSQL) | CPU-bound ceiling |");
        table.note("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Phases.Done done : phases.done()) {
            CpuAccount.Split cpu = done.cpu();
            double perUnit = done.cpuMillisPerUnit();
            table.note("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s | %s |", done.name(), cpu.wallSeconds(), cpu.ledger(),
                    Math.max(0, cpu.process() - cpu.ledger()), cpu.database(), cpu.others(),
                    Math.max(0, cpu.machineCapacity() - cpu.machineBusy()),
                    done.units() == 0 ? "" : String.format("%,d %s", done.units(), done.unit()),
                    Double.isNaN(perUnit) ? "" : String.format("%.2f", perUnit),
                    Double.isNaN(perUnit) || perUnit == 0 ? "" : String.format("%,.0f %s/s", cores * 1000 / perUnit, done.unit()));
        }
        phases.done().stream().filter(d -> d.recording() != null).findFirst()
                .ifPresent(d -> table.note("%nFlight recordings and wall-clock samples of each measure are in %s.", d.recording().getParent()));
    }

    /** Standard output for the table alone: everything else the process prints (the ledger's log too) goes to standard error. */
    static PrintStream tableOnly() {
        PrintStream out = System.out;
        System.setOut(System.err);
        return out;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
