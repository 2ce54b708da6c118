package nl.kindpakket.ledger.projections.fold;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.kindpakket.ledger.projections.support.RecordedAt;
import nl.kindpakket.ledger.projections.table.AppendTable;
import nl.kindpakket.ledger.projections.table.CounterTable;
import nl.kindpakket.ledger.projections.table.RowTable;

/**
 * The rows a fold has touched: the rows read models read and changed, the sums added to counters and the rows
 * appended. Live processing holds one per batch, starting from the stored rows it reads on demand; a rebuild holds
 * one for the whole history (or a part of its entitlements), starting from nothing.
 */
public final class Changes {

    /** Where rows not yet touched come from. */
    public interface Source {

        /** Adds the stored rows of these entitlements (the values of the table's group column) to {@code rows}. */
        <R> void readGroups(RowTable<R> table, Collection<String> entitlementIds, Map<Object, R> rows);

        /** The stored row under this key, or null. */
        <R> R readOne(RowTable<R> table, Object key);

        /** Nothing is stored: every row starts here. */
        Source NOTHING = new Source() {
            @Override
            public <R> void readGroups(RowTable<R> table, Collection<String> entitlementIds, Map<Object, R> rows) {
            }

            @Override
            public <R> R readOne(RowTable<R> table, Object key) {
                return null;
            }
        };
    }

    /** Where appended rows go: kept for the end of a batch, or streamed out as a rebuild folds. */
    @FunctionalInterface
    public interface Appends {
        <R> void append(AppendTable<R> table, R row);
    }

    private final Source source;
    private final Appends appends;
    private final boolean tracksChanges;
    private final Map<RowTable<?>, TableRows<?>> rows = new IdentityHashMap<>();
    private final Map<CounterTable, Map<List<?>, long[]>> counters = new IdentityHashMap<>();
    private final Set<String> batchEntitlements = new HashSet<>();
    private EventRecord lastRecord;
    private OffsetDateTime lastRecordedAt;

    private Changes(Source source, Appends appends, boolean tracksChanges) {
        this.source = source;
        this.appends = appends;
        this.tracksChanges = tracksChanges;
    }

    /** For a batch on stored tables: rows are read when first needed, and only changed rows are written back. */
    public static Changes onStoredRows(Source source, Appends appends) {
        return new Changes(source, appends, true);
    }

    /** For a fold from the first event: nothing is read, every row is new. */
    public static Changes fromNothing(Appends appends) {
        return new Changes(Source.NOTHING, appends, false);
    }

    /**
     * The entitlements the batch has events of: the first time a handler needs a row of a table grouped by
     * entitlement, that table's rows of all of them are read, in one query.
     */
    public void expectEntitlements(Collection<String> entitlementIds) {
        batchEntitlements.addAll(entitlementIds);
    }

    /** The row under this key, or null when there is none. */
    public <R> R find(RowTable<R> table, Object... key) {
        return rowsOf(table).find(table.key(key), key);
    }

    /**
     * The row under this key if this fold holds it already, else null; never read from the store. For a handler that
     * writes a row whole from its event: going on from the held row keeps one copy of its key's text, where each
     * event brings its own, and a fold from nothing holds every entitlement's rows until it writes them.
     */
    @SuppressWarnings("unchecked")
    public <R> R held(RowTable<R> table, Object... key) {
        TableRows<R> held = (TableRows<R>) rows.get(table);
        return held == null ? null : held.rows.get(table.key(key));
    }

    /** The row under this key, which the events so far must have made. */
    public <R> R get(RowTable<R> table, Object... key) {
        R row = find(table, key);
        if (row == null) {
            throw new IllegalStateException(table.name() + " has no row " + List.of(key)
                    + ": an event came before the one that makes it");
        }
        return row;
    }

    public <R> void put(RowTable<R> table, R row) {
        rowsOf(table).put(table.keyOf(row), row);
    }

    /**
     * A row this fold holds (found, gotten or put before) has been changed in place, so it is to be written. A fold
     * from nothing writes every row it holds, so there is nothing to note.
     */
    public <R> void changedInPlace(RowTable<R> table, R row) {
        if (tracksChanges) {
            Object key = table.keyOf(row);
            TableRows<R> held = rowsOf(table);
            if (held.rows.get(key) != row) {
                throw new IllegalStateException(table.name() + " holds another row under " + key
                        + " than the one changed in place");
            }
            held.changed.add(key);
        }
    }

    /** Adds to a counter under this key and, for a counter table with a log, appends the change as recorded. */
    public void count(CounterTable table, EventRecord record, List<?> key, String counter, long delta) {
        add(table, record, key, table.counterIndex(counter), delta, -1, 0, true);
    }

    /** Adds to two counters under this key at once: a counter table with a log appends one row of both changes. */
    public void count(CounterTable table, EventRecord record, List<?> key, String counter, long delta, String other,
                      long otherDelta) {
        add(table, record, key, table.counterIndex(counter), delta, secondIndex(table, counter, other), otherDelta,
                true);
    }

    /**
     * Adds to a counter under this key without a row in the counter's log: for a change that a row the handler
     * writes beside it tells with its moment of recording (a line's posting, the moment an entitlement's row keeps
     * of its grant or first use), which a report as of a moment then reads there.
     */
    public void countToldByARow(CounterTable table, EventRecord record, List<?> key, String counter, long delta) {
        add(table, record, key, table.counterIndex(counter), delta, -1, 0, false);
    }

    /** Adds to two counters under this key at once, without a row in the counter's log (see the single change). */
    public void countToldByARow(CounterTable table, EventRecord record, List<?> key, String counter, long delta,
                                String other, long otherDelta) {
        add(table, record, key, table.counterIndex(counter), delta, secondIndex(table, counter, other), otherDelta,
                false);
    }

    private static int secondIndex(CounterTable table, String counter, String other) {
        int second = table.counterIndex(other);
        if (second == table.counterIndex(counter)) {
            throw new IllegalArgumentException("two changes of " + counter + " in one count");
        }
        return second;
    }

    /** Adds the deltas at the counters' indexes (the second -1 when there is one change only). */
    private void add(CounterTable table, EventRecord record, List<?> key, int first, long firstDelta, int second,
                     long secondDelta, boolean logged) {
        if (key.size() != table.keyColumns().size()) {
            throw new IllegalArgumentException(table.name() + " is keyed by " + table.keyColumns() + ", not " + key);
        }
        Map<List<?>, long[]> tableSums = counters.computeIfAbsent(table, t -> new HashMap<>());
        long[] sums = tableSums.get(key);
        if (sums == null) {
            sums = new long[table.counters().size()];
            tableSums.put(key, sums);
        }
        sums[first] += firstDelta;
        if (second >= 0) {
            sums[second] += secondDelta;
        }
        if (logged && (firstDelta != 0 || secondDelta != 0) && table.log() != null) {
            appends.append(table.log(), table.logRow(key, first, firstDelta, second, secondDelta, recordedAt(record)));
        }
    }

    /** The event's moment of recording as the logs keep it, made once for the several log rows of one event. */
    private OffsetDateTime recordedAt(EventRecord record) {
        if (record != lastRecord) {
            lastRecord = record;
            lastRecordedAt = RecordedAt.of(record.recordedAt());
        }
        return lastRecordedAt;
    }

    public <R> void append(AppendTable<R> table, R row) {
        appends.append(table, row);
    }

    /** The rows of a table to write: those changed, or every row for a fold from nothing. */
    @SuppressWarnings("unchecked")
    public <R> Collection<R> rowsToWrite(RowTable<R> table) {
        TableRows<R> held = (TableRows<R>) rows.get(table);
        if (held == null) {
            return List.of();
        }
        if (!tracksChanges) {
            return held.rows.values();
        }
        List<R> changed = new ArrayList<>(held.changed.size());
        held.changed.forEach(key -> changed.add(held.rows.get(key)));
        return changed;
    }

    /** The sums to add to a counter table, by key. */
    public Map<List<?>, long[]> sums(CounterTable table) {
        return counters.getOrDefault(table, Map.of());
    }

    /** How many rows it holds, for a fold that must stay within its memory. */
    public long rowCount() {
        long count = 0;
        for (TableRows<?> held : rows.values()) {
            count += held.rows.size();
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private <R> TableRows<R> rowsOf(RowTable<R> table) {
        return (TableRows<R>) rows.computeIfAbsent(table, TableRows::new);
    }

    /** One table's rows, with which keys changed and what was read already. */
    private final class TableRows<R> {

        private final RowTable<R> table;
        private final Map<Object, R> rows = new HashMap<>();
        private final Set<Object> changed = new HashSet<>();
        private final Set<Object> absent = new HashSet<>();
        private final Set<String> groupsRead = new HashSet<>();

        private TableRows(RowTable<?> table) {
            @SuppressWarnings("unchecked")
            RowTable<R> typed = (RowTable<R>) table;
            this.table = typed;
        }

        R find(Object key, Object[] keyValues) {
            R row = rows.get(key);
            if (row != null || source == Source.NOTHING) {
                return row;
            }
            if (table.groupColumn() != null) {
                String group = (String) keyValues[table.keyColumns().indexOf(table.groupColumn())];
                if (!groupsRead.contains(group)) {
                    List<String> groups = new ArrayList<>(batchEntitlements);
                    groups.add(group);
                    readGroups(groups);
                }
                return rows.get(key);
            }
            if (absent.contains(key)) {
                return null;
            }
            row = source.readOne(table, key);
            if (row == null) {
                absent.add(key);
            } else {
                rows.put(key, row);
            }
            return row;
        }

        void readGroups(Collection<String> groups) {
            List<String> unread = groups.stream().filter(group -> !groupsRead.contains(group)).distinct().toList();
            if (unread.isEmpty() || source == Source.NOTHING) {
                return;
            }
            Map<Object, R> read = new HashMap<>();
            source.readGroups(table, unread, read);
            read.forEach(rows::putIfAbsent);
            groupsRead.addAll(unread);
        }

        void put(Object key, R row) {
            rows.put(key, row);
            if (tracksChanges) {
                changed.add(key);
            }
        }
    }
}
