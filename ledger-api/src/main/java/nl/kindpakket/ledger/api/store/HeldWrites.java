package nl.kindpakket.ledger.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A command's inserts, held while its unit of work runs and sent together at its end: its events, the lookup row they
 * imply and the request's identifier with its answer. On PostgreSQL they go as one statement of several (the driver
 * sends them in one round trip), and where the unit commits a transaction of its own, the {@code COMMIT} goes in that
 * same statement: a redemption's transaction is one round trip where it was four (three inserts and the commit). Each
 * round trip costs the request's thread a write and a read on the socket and PostgreSQL a message cycle, about a
 * fourteenth of the thread's CPU in a profile of 7 December. Such a commit, from a transaction that has sent nothing
 * else, may go with those of other units that come at the same moment, in one transaction ({@link GroupCommits}).
 * Elsewhere (H2) they go one after the other, before the commit.
 *
 * <p>Held in order, sent in order. A unit may hold a query first that fails its transaction when what the unit was
 * prepared with no longer holds ({@link nl.kindpakket.ledger.api.lookup.Recalled}), so that its writes go only
 * where that is still so. Whoever needs a held insert's outcome asks its {@link Held#count()}, which sends
 * what is held first; what nobody asks for is sent with the commit of the root unit's own transaction
 * ({@link CommitWatch}), else by the root unit before its commit (inside a caller's transaction, on H2). Only inserts
 * whose order against the unit's other statements does not matter are held: each goes to a table that nothing else in
 * the unit reads or writes before the commit. Outside a unit of work, or once the unit is past preparing its commit,
 * a write is sent at once.
 *
 * <p>A failure is answered as the write it belongs to would answer it alone: PostgreSQL names the table of a broken
 * key (a held check names its own), whose write translates it; a failure it ties to no table (the event chain's
 * trigger refusing an append) goes to the first write of the event table held, else to Spring's translation. In a
 * unit with a transaction of its own, a failed send rolls that transaction back before the failure is translated, so
 * that the translation may read the store (PostgreSQL refuses every statement of a transaction after a failed one);
 * the unit rolls back after it anyway.
 */
@Component
public class HeldWrites {

    /** The event table, whose insert answers a failure PostgreSQL ties to no table (the chain's trigger refusing it). */
    public static final String EVENT_TABLE = "domain_event_entry";

    private static final String HELD = HeldWrites.class.getName();
    /** How long units commit alone after a group failed. */
    private static final Duration ALONE_AFTER_A_FAILED_GROUP = Duration.ofMillis(50);
    private static final String OWN_TRANSACTION = HeldWrites.class.getName() + ".ownTransaction";

    private final JdbcTemplate jdbc;
    /** Commits of units that arrive together, in one transaction; null to commit each alone. */
    private final GroupCommits groups;
    /** Whether the store is PostgreSQL, asked once. */
    private volatile Boolean postgreSql;

    @Autowired
    public HeldWrites(JdbcTemplate jdbc, @Value("${ledger.commands.group-commits:true}") boolean groupCommits,
            MeterRegistry registry) {
        this(jdbc, groupCommits ? new GroupCommits(ALONE_AFTER_A_FAILED_GROUP, registry) : null);
    }

    /** Each unit's writes committed alone. */
    public HeldWrites(JdbcTemplate jdbc) {
        this(jdbc, (GroupCommits) null);
    }

    /** Group commits, units committing alone for {@code aloneAfterAFailedGroup} after a group failed. */
    HeldWrites(JdbcTemplate jdbc, Duration aloneAfterAFailedGroup, MeterRegistry registry) {
        this(jdbc, new GroupCommits(aloneAfterAFailedGroup, registry));
    }

    private HeldWrites(JdbcTemplate jdbc, GroupCommits groups) {
        this.jdbc = jdbc;
        this.groups = groups;
    }

    /** A root unit's held writes, with whose they are (two ledgers may run in one process). */
    private record Pending(HeldWrites owner, List<Held> writes) {

        /** What is held, taken to be sent. */
        List<Held> take() {
            List<Held> taken = List.copyOf(writes);
            writes.clear();
            return taken;
        }
    }

    /** An insert held for the unit's round trip; its rows once sent. */
    public final class Held {

        private final String table;
        private final String sql;
        private final Object[] arguments;
        private final Function<SQLException, RuntimeException> failure;
        private int count = -1;

        private Held(String table, String sql, Object[] arguments, Function<SQLException, RuntimeException> failure) {
            this.table = table;
            this.sql = sql;
            this.arguments = arguments;
            this.failure = failure;
        }

        String table() {
            return table;
        }

        Object[] arguments() {
            return arguments;
        }

        /** The rows the insert wrote, after sending what the unit holds if it is not yet sent. */
        public int count() {
            if (count < 0) {
                flush();
            }
            return count;
        }
    }

    /**
     * Holds an insert for the current unit's round trip, or sends it now.
     *
     * @param table     the one table the statement writes, to which PostgreSQL ties a broken key
     * @param failure   what the insert's failure is to the caller, as if it had been sent alone
     */
    public Held hold(String table, String sql, Object[] arguments, Function<SQLException, RuntimeException> failure) {
        Held held = new Held(table, sql, arguments, failure);
        List<Held> unit = unitWrites();
        if (unit == null) {
            send(List.of(held), false);
        } else {
            unit.add(held);
        }
        return held;
    }

    /** Holds an insert whose failure is Spring's, as {@link JdbcTemplate#update} would throw it. */
    public Held hold(String table, String sql, Object... arguments) {
        return hold(table, sql, arguments, e -> translated(sql, e));
    }

    /** Sends what the current unit holds, as one round trip. */
    public void flush() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Pending pending = CurrentUnitOfWork.get().root().getResource(HELD);
        if (pending != null && !pending.writes().isEmpty()) {
            send(pending.take(), false);
        }
    }

    /**
     * Marks a root unit whose transaction is its own, begun for it and committed by {@link CommitWatch} when the unit
     * commits: its held writes may go with that commit.
     */
    static void markOwnTransaction(UnitOfWork<?> root) {
        root.resources().put(OWN_TRANSACTION, Boolean.TRUE);
    }

    /**
     * Commits the root unit's own transaction with what it holds, in one round trip, where the store is PostgreSQL
     * and something is held. The transaction manager's commit then finds the transaction committed, and the driver
     * sends nothing; elsewhere it commits as it would.
     */
    static void commitWithHeldWrites(UnitOfWork<?> root) {
        Pending pending = root.getResource(HELD);
        if (pending != null && !pending.writes().isEmpty() && pending.owner().onPostgreSql()) {
            pending.owner().send(pending.take(), true);
        }
    }

    private static boolean hasOwnTransaction(UnitOfWork<?> unit) {
        return unit.root().resources().containsKey(OWN_TRANSACTION);
    }

    /** The root unit's held writes, or null where a write is to be sent at once. */
    private List<Held> unitWrites() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT) || !root.isActive()) {
            return null;
        }
        Pending pending = root.getOrComputeResource(HELD, key -> {
            Pending unit = new Pending(this, new ArrayList<>());
            // a write held after this has run (by a later handler of the same phase) registers it again
            root.onPrepareCommit(u -> {
                if (hasOwnTransaction(u) && onPostgreSql()) {
                    return; // sent with the commit, after every handler of this phase
                }
                flush();
                u.resources().remove(HELD);
            });
            return unit;
        });
        return pending.writes();
    }

    private void send(List<Held> writes, boolean commit) {
        boolean own = commit || (CurrentUnitOfWork.isStarted() && hasOwnTransaction(CurrentUnitOfWork.get()));
        boolean together = commit || (writes.size() > 1 && onPostgreSql());
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try {
                if (commit && groups != null && sentNothing(connection)) {
                    groups.commit(connection, writes, (on, group) -> sendTogether(on, group, true));
                } else if (together) {
                    sendTogether(connection, writes, commit);
                } else {
                    for (Held write : writes) {
                        sendAlone(connection, write);
                    }
                }
            } catch (SQLException e) {
                if (own) {
                    rollBack(connection, e);
                }
                throw failureOf(writes, e);
            }
            return null;
        });
    }

    /** Rolls the connection's transaction back after a failure, to which a failed rollback is added. */
    static void rollBack(Connection connection, SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void sendAlone(Connection connection, Held write) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(write.sql)) {
            new ArgumentPreparedStatementSetter(write.arguments).setValues(statement);
            statement.execute();
            write.count = statement.getUpdateCount();
        } catch (SQLException e) {
            throw new HeldFailure(write, e);
        }
    }

    /**
     * One statement of several, the last a {@code COMMIT} if asked: the driver sends them in one round trip and answers
     * a row count for each in order. A failed one ends the statement there, so the {@code COMMIT} does not run.
     */
    private static void sendTogether(Connection connection, List<Held> writes, boolean commit) throws SQLException {
        StringBuilder sql = new StringBuilder();
        List<Object> arguments = new ArrayList<>();
        for (Held write : writes) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(write.sql);
            arguments.addAll(Arrays.asList(write.arguments));
        }
        if (commit) {
            sql.append(";\ncommit");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            new ArgumentPreparedStatementSetter(arguments.toArray()).setValues(statement);
            statement.execute();
            for (Held write : writes) {
                write.count = statement.getUpdateCount();
                statement.getMoreResults();
            }
        }
    }

    /** Whether the connection's transaction has sent nothing yet, so its writes may commit on another's. */
    private static boolean sentNothing(Connection connection) throws SQLException {
        return connection.isWrapperFor(BaseConnection.class)
                && connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
    }

    /** Whether the store is PostgreSQL, where held writes go together, with the commit where they may. */
    public boolean onPostgreSql() {
        Boolean known = postgreSql;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) c -> c.isWrapperFor(org.postgresql.PGConnection.class));
            postgreSql = known;
        }
        return known;
    }

    /** The failure as the write it belongs to answers it. */
    private RuntimeException failureOf(List<Held> writes, SQLException e) {
        if (e instanceof HeldFailure alone) {
            return alone.write.failure.apply((SQLException) alone.getCause());
        }
        String table = e instanceof PSQLException server && server.getServerErrorMessage() != null
                ? server.getServerErrorMessage().getTable() : null;
        Held owner = null;
        for (Held write : writes) {
            if (table != null ? write.table.equalsIgnoreCase(table) : write.table.equalsIgnoreCase(EVENT_TABLE)) {
                owner = write;
                break;
            }
        }
        return owner != null ? owner.failure.apply(e) : translated(writes.get(0).sql, e);
    }

    /** A failed write's failure as Spring's {@link JdbcTemplate#update} would throw it. */
    public RuntimeException translated(String sql, SQLException e) {
        RuntimeException translated = jdbc.getExceptionTranslator().translate("held insert", sql, e);
        return translated != null ? translated : new IllegalStateException(e);
    }

    /** A write sent alone that failed, carrying which it was. */
    private static final class HeldFailure extends SQLException {

        private final transient Held write;

        HeldFailure(Held write, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
            this.write = write;
        }
    }
}
