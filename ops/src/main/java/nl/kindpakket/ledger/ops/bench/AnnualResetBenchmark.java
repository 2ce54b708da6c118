package nl.kindpakket.ledger.ops.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.api.LedgerApplication;
import nl.kindpakket.ledger.api.reset.AnnualResetRequest;
import nl.kindpakket.ledger.api.reset.AnnualResets;
import nl.kindpakket.ledger.api.reset.ResetJobStatus;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Times an annual reset of a synthetic municipality of {@code --size} children on PostgreSQL: the
 * children are first granted by a reset into the first year, then a second reset expires them all and
 * renews them all. Prints a Markdown table with the raw batched-insert baseline measured in the same run.
 */
public final class AnnualResetBenchmark {

    private static final Municipality TOWN = new Municipality("benchstad");
    private static final int FIRST_YEAR = 2024;

    private AnnualResetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int size = options.integer("size", 100_000);
        BenchDatabase db = new BenchDatabase(options.get("server", "jdbc:postgresql://127.0.0.1:5432"),
                options.get("database", "ledger_bench"), options.get("user", "postgres"));
        db.recreate();
        System.err.printf("benchmark: annual reset of %,d entitlements on %s%n", size, db.jdbcUrl());

        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=",
                        "--logging.level.root=WARN")) {
            CommandGateway commands = ledger.getBean(CommandGateway.class);
            AnnualResets resets = ledger.getBean(AnnualResets.class);
            for (int year = FIRST_YEAR; year <= FIRST_YEAR + 2; year++) {
                commands.sendAndWait(new AllocateBudget(TOWN, year, new SpendingLineCode("1"), "Sport en cultuur",
                        Money.ofCents(size * 30_000L), "bench-" + year, null, LocalDate.of(year, 1, 1)));
            }
            ResetJobStatus first = timed(resets, "grant", FIRST_YEAR, size, "A");
            long firstMillis = millis(first);
            ResetJobStatus second = timed(resets, "expire+renew", FIRST_YEAR + 1, size, "B");
            long secondMillis = millis(second);
            long events = ledger.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);

            double raw = RawInsertBaseline.batchedInsert(db.jdbcUrl(), db.user(), 2 * size, 500, 420);
            double grantRate = (double) size / (firstMillis / 1000.0);
            double resetRate = 2.0 * size / (secondMillis / 1000.0);
            System.out.println();
            System.out.println("| measure | figure | raw baseline | ratio |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| annual reset: renew %,d (grants only) | %,.0f ms, %,.0f events/s | | |%n", size, (double) firstMillis, grantRate);
            System.out.printf("| annual reset: expire %,d + renew %,d | %,.0f ms, %,.0f events/s | %,.0f rows/s batched insert | %.2f |%n",
                    size, size, (double) secondMillis, resetRate, raw, resetRate / raw);
            System.out.printf("| events in store | %,d | | |%n", events);
            System.out.printf("| max heap | %,d MiB | | |%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private static ResetJobStatus timed(AnnualResets resets, String label, int fromYear, int size, String passPrefix)
            throws InterruptedException {
        List<AnnualResetRequest.Renewal> renewals = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            renewals.add(new AnnualResetRequest.Renewal("kind-" + i, passPrefix + "-" + (1_000_000 + i), Map.of("1", 25_000L)));
        }
        var request = new AnnualResetRequest(fromYear, fromYear + 1, renewals, LocalDate.of(fromYear + 1, 1, 1));
        var job = resets.submit(TOWN, request).job();
        long lastReport = 0;
        while (!job.finished()) {
            if ("FAILED".equals(job.status())) {
                throw new IllegalStateException("reset failed: " + job.error());
            }
            Thread.sleep(200);
            job = resets.status(TOWN, job.id()).orElseThrow();
            if (System.currentTimeMillis() - lastReport > 5000) {
                lastReport = System.currentTimeMillis();
                System.err.printf("  %s: expired %,d/%,d renewed %,d/%,d%n", label, job.expiries().done(), job.expiries().total(),
                        job.renewals().done(), job.renewals().total());
            }
        }
        return job;
    }

    private static long millis(ResetJobStatus job) {
        return job.finishedAt().toEpochMilli() - job.submittedAt().toEpochMilli();
    }
}
