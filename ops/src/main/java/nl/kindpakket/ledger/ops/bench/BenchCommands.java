package nl.kindpakket.ledger.ops.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import nl.kindpakket.ledger.ops.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The benchmark's commands: what each one reads from the command line, and which measure it runs. */
public final class BenchCommands {

    private BenchCommands() {
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Bulk reset, live redemptions on one instance and on two sharing the store, replay, reports and export, "
                    + "each beside a raw PostgreSQL baseline of the same run and judged against the open issues' targets; "
                    + "a Markdown table on standard output (run with -Xmx512m).")
    public static final class Bench implements Callable<Integer> {

        @Mixin
        BenchOptions options;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LedgerBenchmark.measure(options.plan(spec.commandLine()));
            return 0;
        }
    }

    @Command(name = "bench-annual-reset", mixinStandardHelpOptions = true,
            description = "Only the annual reset of --size entitlements, beside raw batched inserts.")
    public static final class AnnualReset implements Callable<Integer> {

        @Mixin
        BenchOptions options;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AnnualResetBenchmark.measure(options.plan(spec.commandLine()));
            return 0;
        }
    }

    @Command(name = "bench-replay", mixinStandardHelpOptions = true,
            description = "A rebuild of every read model and each report's p99 at each store size, beside a raw read and "
                    + "deserialisation of the same events; one row per size (run with -Xmx512m).")
    public static final class Replay implements Callable<Integer> {

        @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", converter = Counts.class,
                defaultValue = "500000,2000000,8000000", description = "Events in the store at each row (default: ${DEFAULT-VALUE}).")
        List<Integer> sizes;
        @Option(names = "--report-requests", paramLabel = "N", converter = Counts.class, defaultValue = "1000",
                description = "Requests per report endpoint at each size (default: ${DEFAULT-VALUE}).")
        int reportRequests;
        @Option(names = "--set", paramLabel = "NAME=VALUE;...", split = ";", description = "Settings the ledger is booted with.")
        List<String> settings = List.of();
        @Option(names = "--server", paramLabel = "URL", defaultValue = "jdbc:postgresql://127.0.0.1:5432",
                description = "The PostgreSQL server of the scratch database (default: ${DEFAULT-VALUE}).")
        String server;
        @Option(names = "--database", paramLabel = "NAME", defaultValue = "ledger_bench_replay",
                description = "The scratch database, dropped and created (default: ${DEFAULT-VALUE}).")
        String database;
        @Option(names = "--user", paramLabel = "USER", defaultValue = "postgres", description = "The database user (default: ${DEFAULT-VALUE}).")
        String user;

        @Override
        public Integer call() {
            ReplayScaling.measure(new BenchDatabase(server, database, user), sizes, reportRequests, settings);
            return 0;
        }
    }

    @Command(name = "bench-profile", mixinStandardHelpOptions = true, description = "Summarise a flight recording of a measure.")
    public static final class Profile implements Callable<Integer> {

        @Parameters(paramLabel = "FILE.jfr", description = "A recording written by bench --profile.")
        Path recording;
        @Option(names = "--top", paramLabel = "N", defaultValue = "25", converter = Counts.class,
                description = "Lines per table (default: ${DEFAULT-VALUE}).")
        int top;
        @Option(names = "--thread", paramLabel = "TEXT", defaultValue = "", description = "Only threads whose name contains this.")
        String thread;

        @Override
        public Integer call() throws Exception {
            ProfileSummary.summarise(recording, thread, top);
            return 0;
        }
    }
}
