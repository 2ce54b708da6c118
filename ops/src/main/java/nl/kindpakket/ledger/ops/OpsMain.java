package nl.kindpakket.ledger.ops;

import java.util.Arrays;

import nl.kindpakket.ledger.ops.bench.AnnualResetBenchmark;
import nl.kindpakket.ledger.ops.bench.LedgerBenchmark;
import nl.kindpakket.ledger.ops.bench.ProfileSummary;

/** Operator tooling: {@code java -jar ledger-ops.jar <command> [options]}. */
public final class OpsMain {

    private OpsMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "bench" -> LedgerBenchmark.main(rest);
            case "bench-annual-reset" -> AnnualResetBenchmark.main(rest);
            case "bench-profile" -> ProfileSummary.main(rest);
            default -> {
                usage();
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static void usage() {
        System.err.println("""
                usage: java -jar ops/target/ledger-ops.jar <command> [options]
                  bench [--size N] [--events N] [--quick] [--profile DIR]
                                       bulk, live, replay, reports and export against raw PostgreSQL (see docs/benchmarks.md)
                  bench-annual-reset [--size N]   only the annual reset of N entitlements against raw batched inserts
                  bench-profile FILE.jfr [--top N] [--match TEXT]   summarise a flight recording by its hottest frames
                """);
    }
}
