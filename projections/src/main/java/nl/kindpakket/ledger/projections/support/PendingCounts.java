package nl.kindpakket.ledger.projections.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counter changes of one unit of work (a processor's batch), summed per counter row and written together just
 * before the unit of work commits, in its transaction. A batch of a thousand grants then costs one batched UPDATE
 * of the few dozen rows they touch instead of a thousand round trips; the token still commits with the figures.
 *
 * <p>Log rows are appended in one batch, one per change. Only counter tables are gathered: no handler reads them back while a batch runs, so holding their changes
 * until the end of the batch changes no handler's decision. A rollback drops the unit of work and its changes.
 */
final class PendingCounts implements PerBatch.State {

    private final JdbcTemplate jdbc;
    private final Map<CounterTable, Map<List<?>, Map<String, Long>>> counters = new LinkedHashMap<>();
    private final Map<CounterTable, List<CounterTable.LogRow>> logs = new LinkedHashMap<>();

    private PendingCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The changes pending for {@code jdbc} in the current unit of work, or null when none is running. */
    static PendingCounts current(JdbcTemplate jdbc) {
        return PerBatch.current(jdbc, PendingCounts.class, PendingCounts::new);
    }

    void add(CounterTable table, List<?> key, Map<String, Long> deltas) {
        sum(counters.computeIfAbsent(table, t -> new LinkedHashMap<>())
                .computeIfAbsent(List.copyOf(key), k -> new LinkedHashMap<>()), deltas);
    }

    /** Log rows are kept one per change, as written outside a batch, so the log never depends on batch bounds. */
    void log(CounterTable table, CounterTable.LogRow row) {
        logs.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
    }

    @Override
    public void flush() {
        counters.forEach((table, rows) -> table.write(jdbc, rows));
        logs.forEach((table, rows) -> table.writeLog(jdbc, rows));
        counters.clear();
        logs.clear();
    }

    private static void sum(Map<String, Long> into, Map<String, Long> deltas) {
        deltas.forEach((column, delta) -> into.merge(column, delta, Long::sum));
    }
}
