package nl.kindpakket.ledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The benchmark at toy sizes against PostgreSQL: every measure ends up in the table with a figure. Timings
 * are not asserted; they mean something only at full size on a quiet machine.
 *
 * <p>The benchmark drops and recreates its database, so it runs on a database of its own:
 * the test database's name with {@code _bench} appended, on the server of {@code -Dledger.test.jdbc-url} (so that
 * suites on other test databases never share it), or the database that URL
 * names when its name contains {@code bench}.
 */
class LedgerBenchmarkTest {

    private static final List<String> ROWS = List.of("1", "1a", "1b", "2a", "2b", "2c", "3", "4a", "4b", "4c", "4d", "4e", "5", "6");

    @Test
    void every_measure_appears_in_the_table_with_a_figure_above_zero() throws Exception {
        // the store must still hold fewer events than the replay's size once the live measures are done, or the bench
        // writes no history year and has no entitlement view to measure (row 4e): their closed loops run for a fixed
        // time, so a faster host writes more (about 4,000 events on a fast host); 50,000 leaves room for a far faster one
        BenchPlan plan = new BenchPlan(database(), 100, 50_000, 100, 20, 2, List.of(2, 4), 2, 20, null, List.of());

        Table table = LedgerBenchmark.run(plan);

        Map<String, Table.Row> rows = table.rows().stream().collect(Collectors.toMap(Table.Row::id, Function.identity()));
        assertThat(table.rows().stream().map(Table.Row::id).toList())
                .as("in their order, the two-instance row after 2b though it is measured last").containsExactlyElementsOf(ROWS);
        for (String id : ROWS) {
            if (id.equals("5") && !eventStreamOnClasspath()) {
                assertThat(rows.get(id).verdict()).isEqualTo("not measured");
                continue;
            }
            assertThat(rows.get(id).figure()).as("figure of row %s: %s", id, rows.get(id)).isPositive();
        }
        assertThat(rows.get("2a").ledger()).contains("0 failed");
        assertThat(rows.get("2c").ledger()).contains("answers 409: 0, 503: 0, other 5xx: 0");
        assertThat(rows.get("2c").verdict()).as("two instances: %s", rows.get("2c")).isEqualTo("met");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        table.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("| 1 | bulk: annual reset", "| 2c | live: two instances", "| 3 | replay:", "| 6 | heap", "Where the CPU went",
                        "| live: two instances, ");
    }

    private static BenchDatabase database() {
        String url = System.getProperty("ledger.test.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/ledger_bench_test");
        int slash = url.lastIndexOf('/');
        String name = url.substring(slash + 1).replaceAll("\\?.*", "");
        return new BenchDatabase(url.substring(0, slash), name.contains("bench") ? name : name + "_bench", "postgres");
    }

    private static boolean eventStreamOnClasspath() {
        try {
            Class.forName("nl.kindpakket.ledger.api.stream.EventStreamController");
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
