package nl.kindpakket.ledger.api.lookup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Unconditional writes of the lookup tables, held per table while a unit of work handles its events and sent as one
 * JDBC batch per run of the same statement: a reset's chunk of 250 expiries is two batches, not 500 round trips.
 * Per table the writes keep their order: a different statement on a table, a write that must see the table now
 * ({@link #flush(String)}) and the commit of the unit each send what the table holds first. The lookup tables have no
 * keys, triggers or reads across tables, so writes to different tables may go in any order. Outside a unit of work
 * a write is sent at once.
 */
final class BatchedWrites {

    private static final String HELD = BatchedWrites.class.getName();

    private final JdbcTemplate jdbc;

    BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void later(String table, String sql, Object... arguments) {
        Map<String, Held> held = held();
        if (held == null) {
            Held now = new Held(sql);
            now.arguments.add(arguments);
            send(now);
            return;
        }
        Held pending = held.get(table);
        if (pending != null && !pending.sql.equals(sql)) {
            send(held.remove(table));
            pending = null;
        }
        if (pending == null) {
            pending = new Held(sql);
            held.put(table, pending);
        }
        pending.arguments.add(arguments);
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
        if (pending.arguments.size() == 1) {
            jdbc.update(pending.sql, pending.arguments.get(0));
        } else {
            jdbc.batchUpdate(pending.sql, pending.arguments);
        }
    }

    private static final class Held {
        final String sql;
        final List<Object[]> arguments = new ArrayList<>();

        Held(String sql) {
            this.sql = sql;
        }
    }
}
