package nl.kindpakket.ledger.ops.bench;

import java.nio.file.Path;
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
            description = "Bulk reset, live redemptions, replay, reports and export, each beside a raw PostgreSQL baseline "
                    + "of the same run; a Markdown table on standard output (run with -Xmx512m).")
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
