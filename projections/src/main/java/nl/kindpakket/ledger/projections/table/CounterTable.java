package nl.kindpakket.ledger.projections.table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters keyed by a few columns, which a fold only adds to: a writer adds a batch's sums to the stored ones, so
 * they are never read back. Every counter column is a {@code BIGINT} defaulting to 0.
 *
 * <p>A counter table {@linkplain #withLog(String) with a log} also appends every change, with the moment its event
 * was recorded, to a table of its own: the key without its slot, the change of every counter, {@code recorded_at}.
 * A report as of an earlier moment sums that log instead of reading the counters.
 */
public final class CounterTable extends Table {

    /** The key column that spreads an aggregate's counters over rows no other aggregate's segment writes. */
    public static final String SLOT = "slot";

    private static final Long NO_CHANGE = 0L;

    private final List<String> counters;
    private final Map<String, Integer> counterIndexes = new HashMap<>();
    private final AppendTable<Object[]> log;
    /** Where the slot is among the key columns, or -1: a log row leaves it out. */
    private final int slotIndex;

    private CounterTable(String name, List<String> keyColumns, List<String> counters, AppendTable<Object[]> log) {
        super(name, keyColumns, concat(keyColumns, counters));
        this.counters = List.copyOf(counters);
        for (int i = 0; i < this.counters.size(); i++) {
            counterIndexes.put(this.counters.get(i), i);
        }
        this.log = log;
        this.slotIndex = keyColumns.indexOf(SLOT);
    }

    public static CounterTable named(String name, List<String> keyColumns, String... counters) {
        return new CounterTable(name, keyColumns, List.of(counters), null);
    }

    /** The same counters, each change also appended to {@code logTable}. */
    public CounterTable withLog(String logTable) {
        List<String> logColumns = new ArrayList<>(keyColumns().stream().filter(column -> !SLOT.equals(column)).toList());
        logColumns.addAll(counters);
        logColumns.add("recorded_at");
        return new CounterTable(name(), keyColumns(), counters,
                AppendTable.<Object[]>named(logTable).columns(logColumns).values(values -> values));
    }

    public List<String> counters() {
        return counters;
    }

    /** The log of changes, or null. */
    public AppendTable<Object[]> log() {
        return log;
    }

    /** Where a counter is in the order of the counters. */
    public int counterIndex(String counter) {
        Integer index = counterIndexes.get(counter);
        if (index == null) {
            throw new IllegalArgumentException(name() + " has no counter " + counter);
        }
        return index;
    }

    /**
     * The log row of one change: the key without its slot, every counter's change (those at the indexes given, the
     * others 0; the second index -1 for one change), the moment of recording.
     */
    public Object[] logRow(List<?> key, int first, long firstDelta, int second, long secondDelta,
                           OffsetDateTime recordedAt) {
        Object[] row = new Object[log.columns().size()];
        int i = 0;
        for (int k = 0; k < key.size(); k++) {
            if (k != slotIndex) {
                row[i++] = key.get(k);
            }
        }
        Arrays.fill(row, i, i + counters.size(), NO_CHANGE);
        row[i + first] = firstDelta;
        if (second >= 0) {
            row[i + second] = secondDelta;
        }
        row[i + counters.size()] = recordedAt;
        return row;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
