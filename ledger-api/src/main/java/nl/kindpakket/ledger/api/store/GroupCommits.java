package nl.kindpakket.ledger.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kindpakket.ledger.api.store.HeldWrites.Held;

/**
 * Commits of units of work that arrive together, in one transaction: a group commit. A unit whose transaction holds
 * nothing but its held writes (its connection has sent nothing yet) may have them committed on another unit's
 * connection, with that unit's: one round trip, one {@code COMMIT} and one flush of the log for the group, where each
 * alone costs its own. At the till's rush a redemption's transaction is such a unit.
 *
 * <p>One group is sent at a time. The unit that finds none being sent leads: it takes the units waiting (itself
 * first), at most {@link #MOST}, sends their writes on its connection with one {@code COMMIT}, and hands the lead to
 * the first unit that came meanwhile. A unit alone is sent as it would be without this. Where a group fails for a
 * broken key, a refusing trigger or a deadlock, it is rolled back and each of its units sends its writes again alone,
 * on its own connection, so that each gets the answer it would have had alone; where the connection is lost, each gets
 * that loss (its outcome unknown). Within a group the units go in the order of their aggregates, so that two
 * instances' groups take their keys in one order.
 *
 * <p>After a group failed, units commit alone for a moment ({@code aloneAfterFailure}): where groups keep failing,
 * as when two instances write the same entitlements in turn and each finds its cached aggregate stale after the
 * other's write, a group with one stale unit would cost every other unit a second round trip.
 */
final class GroupCommits {

    /** The summary of units per group commit. */
    static final String UNITS = "ledger.commands.commit.group.units";
    static final String FAILED = "ledger.commands.commit.groups.failed";

    /** Units committed in one group at most. */
    static final int MOST = 16;

    private static final int WAITING = 0;
    private static final int LEADING = 1;
    private static final int COMMITTED = 2;
    private static final int ALONE = 3;
    private static final int LOST = 4;

    /** Sends writes and a {@code COMMIT} on a connection, as one statement; a failed write ends it before the commit. */
    interface Sender {
        void commit(Connection connection, List<Held> writes) throws SQLException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Member> waiting = new ArrayDeque<>();
    private final long aloneAfterFailureNanos;
    private boolean led;
    /** Until when units commit alone, after a failed group (System.nanoTime()). */
    private volatile long aloneUntil;

    private final DistributionSummary units;
    private final Counter failures;

    GroupCommits(Duration aloneAfterFailure, MeterRegistry registry) {
        this.aloneAfterFailureNanos = aloneAfterFailure.toNanos();
        this.aloneUntil = System.nanoTime();
        this.units = DistributionSummary.builder(UNITS)
                .description("Commits of commands' units of work, by how many went in one transaction (a group commit; 1 alone)")
                .register(registry);
        this.failures = Counter.builder(FAILED)
                .description("Groups of commits rolled back for a unit's failure, whose units then committed alone")
                .register(registry);
    }

    private static final class Member {

        private final List<Held> writes;
        private final Connection connection;
        private final Thread thread = Thread.currentThread();
        private volatile int state = WAITING;
        private volatile SQLException lost;

        private Member(List<Held> writes, Connection connection) {
            this.writes = writes;
            this.connection = connection;
        }

        /** The aggregate of its events, the order of a group's units. */
        private String aggregate() {
            for (Held write : writes) {
                if (write.table().equalsIgnoreCase(HeldWrites.EVENT_TABLE) && write.arguments().length > 1) {
                    return String.valueOf(write.arguments()[1]);
                }
            }
            return "";
        }
    }

    /**
     * Commits a unit's writes, with those of the units waiting at the same moment or alone; a failure is the unit's
     * own, as if it had sent its writes alone.
     *
     * @param connection the unit's connection, in a transaction that has sent nothing
     */
    void commit(Connection connection, List<Held> writes, Sender sender) throws SQLException {
        if (System.nanoTime() - aloneUntil < 0) {
            units.record(1);
            sender.commit(connection, writes);
            return;
        }
        Member me = new Member(writes, connection);
        lock.lock();
        try {
            waiting.add(me);
            if (!led) {
                led = true;
                me.state = LEADING;
            }
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (me.state == WAITING) {
            LockSupport.park(this);
            // the wait is short and ends with the group: an interrupt is kept for the unit, not acted on here
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (me.state == LEADING) {
            lead(me, sender);
        }
        switch (me.state) {
            case COMMITTED -> {
            }
            case ALONE -> sender.commit(connection, writes);
            case LOST -> throw me.lost;
            default -> throw new IllegalStateException("a unit of a group commit left in state " + me.state);
        }
    }

    private void lead(Member me, Sender sender) throws SQLException {
        List<Member> group = new ArrayList<>();
        lock.lock();
        try {
            while (!waiting.isEmpty() && group.size() < MOST) {
                group.add(waiting.poll());
            }
        } finally {
            lock.unlock();
        }
        units.record(group.size());
        int outcome = ALONE;
        SQLException failure = null;
        try {
            if (group.size() == 1) {
                sender.commit(me.connection, me.writes);
                outcome = COMMITTED;
                return;
            }
            group.sort(Comparator.comparing(Member::aggregate));
            List<Held> writes = new ArrayList<>();
            for (Member member : group) {
                writes.addAll(member.writes);
            }
            try {
                sender.commit(me.connection, writes);
                outcome = COMMITTED;
            } catch (SQLException e) {
                HeldWrites.rollBack(me.connection, e);
                if (ConnectionLoss.in(e)) {
                    outcome = LOST;
                    failure = e;
                }
                aloneUntil = System.nanoTime() + aloneAfterFailureNanos;
                failures.increment();
            }
        } finally {
            handOn();
            for (Member member : group) {
                member.lost = failure;
                member.state = outcome;
                if (member != me) {
                    LockSupport.unpark(member.thread);
                }
            }
        }
    }

    /** The first unit that came while the group was sent leads the next. */
    private void handOn() {
        lock.lock();
        try {
            Member next = waiting.peek();
            if (next == null) {
                led = false;
            } else {
                next.state = LEADING;
                LockSupport.unpark(next.thread);
            }
        } finally {
            lock.unlock();
        }
    }
}
