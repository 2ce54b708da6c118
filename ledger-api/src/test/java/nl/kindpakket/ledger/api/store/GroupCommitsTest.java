package nl.kindpakket.ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kindpakket.ledger.api.fault.TestDatabase;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Units of work that commit while another unit's commit is on its way are committed together after it, in one
 * statement and one transaction on one connection; a group that fails is rolled back and each of its units commits
 * alone, with its own answer. The first unit is held at a key that a transaction of the test's own has taken, so that
 * the others come while it is being sent.
 */
class GroupCommitsTest {

    private static final String SCHEMA = "group_commits";
    private static final String WRITES = "insert into " + HeldWrites.EVENT_TABLE + " (id, aggregate) values (?, ?);\n"
            + "insert into registry (id) values (?)";
    /** One unit's writes and its commit. */
    private static final String ALONE = WRITES + ";\ncommit";
    /** Two units' writes and one commit. */
    private static final String TOGETHER = WRITES + ";\n" + WRITES + ";\ncommit";

    private final List<String> prepared = new CopyOnWriteArrayList<>();
    private final List<String> commits = new CopyOnWriteArrayList<>();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private JdbcTemplate jdbc;
    private HeldWrites held;
    private TransactionManager transactions;
    private DataSource target;
    private Connection blocker;

    @BeforeEach
    void store() throws SQLException {
        target = new DriverManagerDataSource(TestDatabase.freshStore(SCHEMA), "postgres", "");
        DataSource recording = new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return StatementRecorder.recording(super.getConnection(), sql -> sql.startsWith("insert"), prepared, commits);
            }
        };
        jdbc = new JdbcTemplate(recording);
        jdbc.execute("create table " + HeldWrites.EVENT_TABLE + " (id varchar(20) primary key, aggregate varchar(20))");
        jdbc.execute("create table registry (id varchar(20) primary key)");
        held = new HeldWrites(jdbc, Duration.ofMillis(50), registry);
        transactions = (TransactionManager) new CommitWatch().postProcessAfterInitialization(
                new SpringTransactionManager(new DataSourceTransactionManager(recording)), "transactions");
    }

    @AfterEach
    void end() throws SQLException {
        if (blocker != null) {
            blocker.close();
        }
    }

    @Test
    void units_that_commit_while_a_commit_is_sent_go_together_after_it() throws Exception {
        CompletableFuture<Void> first = heldAtItsKey("first");
        CompletableFuture<Void> second = commitOnItsThread("second", "c");
        CompletableFuture<Void> third = commitOnItsThread("third", "b");
        awaitWaiting(2);

        blocker.rollback();
        CompletableFuture.allOf(first, second, third).get(10, TimeUnit.SECONDS);

        assertThat(prepared).as("the first alone, then the two that came meanwhile in one statement")
                .containsExactly(ALONE, TOGETHER);
        assertThat(jdbc.queryForList("select id from " + HeldWrites.EVENT_TABLE + " order by ctid", String.class))
                .as("written in their aggregates' order").containsExactly("first", "third", "second");
        assertThat(commits).as("each unit's transaction manager finds its transaction committed")
                .containsExactly("commit, the driver's transaction IDLE", "commit, the driver's transaction IDLE",
                        "commit, the driver's transaction IDLE");
        assertThat(jdbc.queryForList("select id from registry order by id", String.class))
                .containsExactly("first", "second", "third");
        DistributionSummary units = registry.find(GroupCommits.UNITS).summary();
        assertThat(List.of(units.count(), units.totalAmount())).as("two groups, of one unit and of two")
                .containsExactly(2L, 3.0);
    }

    @Test
    void a_group_that_fails_is_rolled_back_and_each_of_its_units_commits_alone_with_its_own_answer() throws Exception {
        jdbc.update("insert into registry (id) values ('taken')");
        prepared.clear();
        CompletableFuture<Void> first = heldAtItsKey("first");
        CompletableFuture<Void> taken = commitOnItsThread("taken", "b");
        CompletableFuture<Void> fresh = commitOnItsThread("fresh", "c");
        awaitWaiting(2);

        blocker.rollback();
        first.get(10, TimeUnit.SECONDS);
        fresh.get(10, TimeUnit.SECONDS);

        assertThat(taken).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(DuplicateKeyException.class);
        assertThat(prepared).as("the first alone, the group, then each of its units alone").containsExactly(ALONE, TOGETHER, ALONE, ALONE);
        assertThat(jdbc.queryForList("select id from registry order by id", String.class))
                .containsExactly("first", "fresh", "taken");
        assertThat(jdbc.queryForList("select id from " + HeldWrites.EVENT_TABLE + " order by id", String.class))
                .as("the failed unit's event, rolled back with it").containsExactly("first", "fresh");
        assertThat(registry.find(GroupCommits.FAILED).counter().count()).as("the failed group, counted").isEqualTo(1.0);
    }

    @Test
    void after_a_group_failed_units_commit_alone_for_a_moment() throws Exception {
        held = new HeldWrites(jdbc, Duration.ofMinutes(1), registry);
        a_group_that_fails_is_rolled_back_and_each_of_its_units_commits_alone_with_its_own_answer();
        prepared.clear();

        CompletableFuture<Void> first = heldAtItsKey("held");
        CompletableFuture<Void> second = commitOnItsThread("second", "b");
        CompletableFuture<Void> third = commitOnItsThread("third", "c");

        CompletableFuture.allOf(second, third).get(10, TimeUnit.SECONDS);
        assertThat(first).as("still held at its key, the others not waiting for it").isNotDone();
        blocker.rollback();
        first.get(10, TimeUnit.SECONDS);
        assertThat(prepared).as("each alone").containsExactly(ALONE, ALONE, ALONE);
    }

    /** A unit of work on a thread of its own, with its own transaction, holding an event and a registry row. */
    private CompletableFuture<Void> commitOnItsThread(String id, String aggregate) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
                unit.attachTransaction(transactions);
                held.hold(HeldWrites.EVENT_TABLE, "insert into " + HeldWrites.EVENT_TABLE + " (id, aggregate) values (?, ?)",
                        id, aggregate);
                held.hold("registry", "insert into registry (id) values (?)", id);
                unit.commit();
                done.complete(null);
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        }, "unit-" + id);
        thread.start();
        return done;
    }

    /** A unit of aggregate "a" committing on its thread, held at its registry key, which the test's transaction took. */
    private CompletableFuture<Void> heldAtItsKey(String id) throws SQLException {
        holdKey(id);
        CompletableFuture<Void> unit = commitOnItsThread(id, "a");
        awaitHeldAtTheKey();
        return unit;
    }

    /** A transaction of the test's own takes a registry key, at which the unit that inserts it waits. */
    private void holdKey(String id) throws SQLException {
        if (blocker != null) {
            blocker.close();
        }
        blocker = target.getConnection();
        blocker.setAutoCommit(false);
        try (var statement = blocker.prepareStatement("insert into registry (id) values (?)")) {
            statement.setString(1, id);
            statement.executeUpdate();
        }
    }

    private void awaitHeldAtTheKey() {
        await("a unit waits at the key").atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
                Integer.class) == 1);
    }

    private void awaitWaiting(int units) {
        await(units + " units wait for the group").atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces()
                .keySet().stream().filter(t -> t.getName().startsWith("unit-") && t.getState() == Thread.State.WAITING)
                .count() == units);
    }
}
