package nl.kindpakket.ledger.api.lookup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Unconditional writes of the lookup tables, held per table while a unit of work handles its events and sent as one
 * JDBC batch per run of the same statement: a reset's chunk of 250 expiries is two batches, not 500 round trips.
 * Per table the writes keep their order: a different statement on a table, a write that must see the table now
 * ({@link #flush(String)}) and the commit of the unit each send what the table holds first. The lookup tables have no
 * keys, triggers or reads across tables, so writes to different tables may go in any order. Outside a unit of work
 * a write is sent at once. A write whose row may be there already (a pass number taken) is held too, and its
 * alternative or refusal comes when it is sent ({@link #laterChecked}): a reset's chunk of 250 renewals registers
 * their passes in one batch.
 */
final class BatchedWrites {

    private static final String HELD = BatchedWrites.class.getName();

    private final JdbcTemplate jdbc;

    BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void later(String table, String sql, Object... arguments) {
        hold(table, sql, arguments, null);
    }

    /**
     * A write that may find its row there already: when it changes no row, {@code otherwise} runs in its place (and may
     * refuse), in the write's order. Two writes of the same {@code key} never go in one batch, so that each
     * {@code otherwise} sees the rows of the writes before it. The write must change no row rather than fail when its
     * row is there (PostgreSQL aborts the whole transaction on an error, and a batch's error does not say which of its
     * writes it was): an insert with {@code on conflict do nothing}, which also waits for a concurrent transaction
     * that holds the key and then sees its row.
     */
    void laterChecked(String table, Object key, Runnable otherwise, String sql, Object... arguments) {
        hold(table, sql, arguments, new Check(key, otherwise));
    }

    private void hold(String table, String sql, Object[] arguments, Check check) {
        Map<String, Held> held = held();
        if (held == null) {
            Held now = new Held(sql);
            now.add(arguments, check);
            send(now);
            return;
        }
        Held pending = held.get(table);
        if (pending != null && (!pending.sql.equals(sql) || check != null && pending.holdsKey(check.key))) {
            send(held.remove(table));
            pending = null;
        }
        if (pending == null) {
            pending = new Held(sql);
            held.put(table, pending);
        }
        pending.add(arguments, check);
    }

    /** Sends what the table holds, before a write whose outcome depends on the table as it is. */
    void flush(String table) {
        Map<String, Held> held = held();
        if (held != null && held.containsKey(table)) {
            send(held.remove(table));
        }
    }

    private Map<String, Held> held() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        return unit.getOrComputeResource(HELD, key -> {
            Map<String, Held> held = new LinkedHashMap<>();
            unit.onPrepareCommit(u -> {
                held.values().forEach(this::send);
                held.clear();
            });
            return held;
        });
    }

    private void send(Held pending) {
        int[] changed = pending.arguments.size() == 1
                ? new int[] {jdbc.update(pending.sql, pending.arguments.get(0))}
                : jdbc.batchUpdate(pending.sql, pending.arguments);
        for (int i = 0; i < changed.length; i++) {
            Check check = pending.checks.get(i);
            if (check != null && changed[i] == 0) {
                check.otherwise.run();
            }
        }
    }

    private record Check(Object key, Runnable otherwise) {
    }

    private static final class Held {
        final String sql;
        final List<Object[]> arguments = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final Set<Object> keys = new HashSet<>();

        Held(String sql) {
            this.sql = sql;
        }

        void add(Object[] row, Check check) {
            arguments.add(row);
            checks.add(check);
            if (check != null) {
                keys.add(check.key);
            }
        }

        boolean holdsKey(Object key) {
            return keys.contains(key);
        }
    }
}
