package nl.kindpakket.ledger.ops.bench;

/**
 * {@code ops bench-annual-reset}: only the bulk measure of {@link LedgerBenchmark}, an annual reset of
 * {@code --size} entitlements (expire + renew) beside raw batched inserts in the same run.
 */
public final class AnnualResetBenchmark {

    private AnnualResetBenchmark() {
    }

    static void measure(BenchPlan plan) throws Exception {
        java.io.PrintStream out = LedgerBenchmark.tableOnly();
        Table table = new Table();
        plan.database().recreate();
        try (BenchLedger ledger = BenchLedger.boot(plan.database(), plan.ledgerSettings())) {
            new Measures(plan, ledger, new Phases(ledger.jdbc(), plan.profile()), table).bulk();
        }
        out.println();
        table.print(out);
    }
}
