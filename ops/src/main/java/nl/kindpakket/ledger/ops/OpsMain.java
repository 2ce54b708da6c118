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
            case "bench-replay" -> nl.kindpakket.ledger.ops.bench.ReplayScaling.main(rest);
            case "bench-profile" -> ProfileSummary.main(rest);
            case "verify" -> System.exit(nl.kindpakket.ledger.ops.verify.VerifyCommand.run(rest));
            case "rebuild" -> System.exit(nl.kindpakket.ledger.ops.rebuild.RebuildCommand.run(rest));
            case "export" -> nl.kindpakket.ledger.ops.export.ExportCommand.main(rest);
            case "bench-export" -> nl.kindpakket.ledger.ops.export.ExportBenchmark.main(rest);
            default -> {
                usage();
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static void usage() {
        System.err.println("""
                usage: java -jar ops/target/ops-0.1.0-SNAPSHOT.jar <command> [options]
                  bench [--size N] [--events N] [--quick] [--profile DIR]
                                                                   bulk, live, replay, reports and export against raw PostgreSQL
                  bench-annual-reset [--size N]                    only the annual reset of N entitlements against raw batched inserts
                  bench-replay [--sizes 500000,2000000,8000000]    a rebuild of the read models and the reports at each size
                  bench-profile FILE.jfr [--top N] [--thread T]    summarise a flight recording of a measure
                  verify --jdbc-url URL [--user U] [--municipality m]  recompute the event chain, name the first break
                  rebuild --url URL --user U [--projection NAME|all] [--interval SECONDS] [--no-wait] [--password-env VAR]
                                                                   rebuild read models in the running service and follow it;
                                                                   password from LEDGER_PASSWORD (or the variable --password-env names);
                                                                   exit 0 completed, 1 failed or cancelled, 2 usage, 3 refused,
                                                                   4 wrong credentials or not an operator, 5 service unreachable
                  export --jdbc-url URL [--municipality m] [--out file.ndjson]  write the event stream to a file
                  bench-export --jdbc-url URL                      export and stream rates beside a raw read of the event table
                """);
    }
}
