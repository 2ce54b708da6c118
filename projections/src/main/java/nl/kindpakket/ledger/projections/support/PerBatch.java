package nl.kindpakket.ledger.projections.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * State a read model keeps over one unit of work (a processor's batch) and writes in a few batched statements just
 * before the unit of work commits, in its transaction, so the token still commits with the rows. A read model
 * reads what it needs once per batch instead of once per event, and a rollback simply drops the state.
 *
 * <p>Outside a unit of work (a handler called on its own) the state lives for one call and is written at its end.
 */
public final class PerBatch {

    private static final String RESOURCE = PerBatch.class.getName();

    /** Rows held over a batch; {@link #flush()} writes them, in the order the states were first used. */
    public interface State {
        void flush();
    }

    private PerBatch() {
    }

    /** Runs {@code work} on the batch's state of this kind for this database, made by {@code create} on first use. */
    public static <S extends State> void run(JdbcTemplate jdbc, Class<S> kind, Function<JdbcTemplate, S> create,
                                             Consumer<S> work) {
        S state = current(jdbc, kind, create);
        if (state != null) {
            work.accept(state);
            return;
        }
        S single = create.apply(jdbc);
        work.accept(single);
        single.flush();
    }

    /** One batched statement for the rows, none when there are no rows. */
    public static void batchUpdate(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    /** The batch's state of this kind for this database, or null outside a unit of work that can still take changes. */
    static <S extends State> S current(JdbcTemplate jdbc, Class<S> kind, Function<JdbcTemplate, S> create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.phase().isAfter(UnitOfWork.Phase.STARTED)) {
            return null;
        }
        Map<Key, State> states = root.getOrComputeResource(RESOURCE, name -> {
            Map<Key, State> all = new LinkedHashMap<>();
            root.onPrepareCommit(unit -> {
                List<State> inOrder = new ArrayList<>(all.values());
                all.clear();
                inOrder.forEach(State::flush);
            });
            return all;
        });
        return kind.cast(states.computeIfAbsent(new Key(kind, jdbc), key -> create.apply(jdbc)));
    }

    /** A JdbcTemplate has no equality of its own, so two templates are one key only when they are the same object. */
    private record Key(Class<?> kind, JdbcTemplate jdbc) {
    }
}
