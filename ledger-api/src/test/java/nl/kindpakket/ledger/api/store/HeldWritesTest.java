package nl.kindpakket.ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import nl.kindpakket.ledger.api.fault.TestDatabase;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A unit of work's held inserts: sent together, once, with the commit of a transaction of the unit's own on PostgreSQL
 * (one statement of several, the last the commit), else before the commit (one statement of several on PostgreSQL, one
 * after the other on H2), with each insert's row count; a failure answered as the write whose table it broke would
 * answer it alone, and nothing of the unit kept; outside a unit, sent at once.
 */
class HeldWritesTest {

    private static final String SCHEMA = "held_writes";
    private static final String EVENTS = HeldWrites.EVENT_TABLE;

    private final List<String> prepared = new CopyOnWriteArrayList<>();
    /** Each commit asked of a connection, with whether the driver still had a transaction open to commit. */
    private final List<String> commits = new CopyOnWriteArrayList<>();
    private JdbcTemplate jdbc;
    private HeldWrites held;
    private SpringTransactionManager transactions;
    private UnitOfWork<?> unit;

    @AfterEach
    void end() {
        if (unit != null && unit.isActive()) {
            unit.rollback();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void a_units_inserts_go_together_before_its_commit_each_with_its_row_count(String database) throws Exception {
        on(database);
        jdbc.update("insert into request_log (id) values ('taken')");
        prepared.clear();

        startUnit();
        List<HeldWrites.Held> writes = holdAnEventATakenAndAFreshId();
        assertThat(prepared).as("nothing sent while the unit runs").isEmpty();
        unit.commit();

        assertThat(writes.stream().map(HeldWrites.Held::count)).containsExactly(1, 0, 1);
        assertThat(jdbc.queryForObject("select payload from " + EVENTS + " where id = 1", String.class)).isEqualTo("first");
        assertThat(jdbc.queryForList("select id from request_log order by id", String.class)).containsExactly("fresh", "taken");
        if (database.equals("postgresql")) {
            assertThat(prepared).as("one statement of three, in the order held").singleElement()
                    .satisfies(sql -> assertThat(sql.split(";\\s*")).containsExactly(
                            "insert into " + EVENTS + " (id, payload) values (?, ?)",
                            "insert into request_log (id) values (?) on conflict do nothing",
                            "insert into request_log (id) values (?) on conflict do nothing"));
        } else {
            assertThat(prepared).as("one after the other").hasSize(3);
        }
    }

    @Test
    void with_a_transaction_of_its_own_on_postgresql_the_units_inserts_go_with_its_commit() throws Exception {
        on("postgresql");
        jdbc.update("insert into request_log (id) values ('taken')");
        prepared.clear();

        startOwnUnit();
        List<HeldWrites.Held> writes = holdAnEventATakenAndAFreshId();
        unit.onPrepareCommit(u -> assertThat(prepared).as("nothing sent before the commit").isEmpty());
        unit.commit();

        assertThat(writes.stream().map(HeldWrites.Held::count)).containsExactly(1, 0, 1);
        assertThat(prepared).as("one statement of three and the commit, in the order held").singleElement()
                .satisfies(sql -> assertThat(sql.split(";\\s*")).containsExactly(
                        "insert into " + EVENTS + " (id, payload) values (?, ?)",
                        "insert into request_log (id) values (?) on conflict do nothing",
                        "insert into request_log (id) values (?) on conflict do nothing",
                        "commit"));
        assertThat(commits).as("the transaction manager's commit finds the transaction committed: nothing is sent")
                .containsExactly("commit, the driver's transaction IDLE");
        assertThat(jdbc.queryForObject("select payload from " + EVENTS + " where id = 1", String.class)).isEqualTo("first");
        assertThat(jdbc.queryForList("select id from request_log order by id", String.class)).containsExactly("fresh", "taken");
    }

    @Test
    void with_a_transaction_of_its_own_a_broken_key_commits_nothing_and_its_answer_may_read_the_store() throws Exception {
        on("postgresql");
        jdbc.update("insert into registry (id) values ('r1')");

        startOwnUnit();
        held.hold(EVENTS, "insert into " + EVENTS + " (id, payload) values (?, ?)", 1, "first");
        held.hold("registry", "insert into registry (id) values (?)", new Object[] {"r1"},
                e -> new IllegalStateException("taken by " + jdbc.queryForList("select id from registry", String.class)));

        assertThatThrownBy(unit::commit).isInstanceOf(IllegalStateException.class).hasMessage("taken by [r1]");
        assertThat(jdbc.queryForObject("select count(*) from " + EVENTS, Integer.class)).as("the events' insert, rolled back")
                .isZero();
    }

    @Test
    void with_a_transaction_of_its_own_on_h2_the_units_inserts_go_one_by_one_before_its_commit() throws Exception {
        on("h2");

        startOwnUnit();
        held.hold(EVENTS, "insert into " + EVENTS + " (id, payload) values (?, ?)", 1, "first");
        held.hold("request_log", "insert into request_log (id) values (?)", "r1");
        unit.onCommit(u -> assertThat(prepared).as("sent before the commit").hasSize(2));
        unit.commit();

        assertThat(jdbc.queryForList("select id from request_log", String.class)).containsExactly("r1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void asking_for_a_count_sends_what_the_unit_holds_and_the_commit_sends_what_came_after(String database) throws Exception {
        on(database);
        startUnit();
        held.hold(EVENTS, "insert into " + EVENTS + " (id, payload) values (?, ?)", 1, "first");
        HeldWrites.Held logged = held.hold("request_log", "insert into request_log (id) values (?) on conflict do nothing", "r1");

        assertThat(logged.count()).isEqualTo(1);
        assertThat(prepared).as("sent when asked").isNotEmpty();
        int sent = prepared.size();
        held.hold(EVENTS, "insert into " + EVENTS + " (id, payload) values (?, ?)", 2, "second");
        unit.commit();

        assertThat(prepared).as("the later insert, sent by the commit").hasSize(sent + 1);
        assertThat(jdbc.queryForList("select id from " + EVENTS + " order by id", Integer.class)).containsExactly(1, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void a_broken_key_is_answered_by_the_write_of_its_table_and_nothing_of_the_unit_is_kept(String database) throws Exception {
        on(database);
        jdbc.update("insert into registry (id) values ('r1')");

        startUnit();
        held.hold(EVENTS, "insert into " + EVENTS + " (id, payload) values (?, ?)", new Object[] {1, "first"},
                e -> new IllegalStateException("the events' failure"));
        held.hold("registry", "insert into registry (id) values (?)", "r1");

        assertThatThrownBy(unit::commit).isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("select count(*) from " + EVENTS, Integer.class)).isZero();
    }

    @Test
    void a_failure_postgresql_ties_to_no_table_is_the_event_inserts() throws Exception {
        on("postgresql");
        jdbc.execute("create function refuse_second() returns trigger language plpgsql as $$ begin"
                + " if new.payload = 'refused' then raise exception 'refused by its trigger'; end if; return new; end $$");
        jdbc.execute("create trigger refuse before insert on " + EVENTS + " for each row execute function refuse_second()");

        startUnit();
        held.hold("registry", "insert into registry (id) values (?)", "r2");
        held.hold(EVENTS, "insert into " + EVENTS + " (id, payload) values (?, ?)", new Object[] {1, "refused"},
                e -> new IllegalStateException("the events' failure: " + e.getMessage()));

        assertThatThrownBy(unit::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("the events' failure")
                .hasMessageContaining("refused by its trigger");
        assertThat(jdbc.queryForObject("select count(*) from registry", Integer.class)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void outside_a_unit_of_work_an_insert_is_sent_at_once(String database) throws Exception {
        on(database);

        HeldWrites.Held alone = held.hold("request_log", "insert into request_log (id) values (?) on conflict do nothing", "now");

        assertThat(alone.count()).isEqualTo(1);
        assertThat(jdbc.queryForList("select id from request_log", String.class)).containsExactly("now");
    }

    private void on(String database) throws SQLException {
        DataSource target = database.equals("postgresql")
                ? new DriverManagerDataSource(TestDatabase.freshStore(SCHEMA), "postgres", "")
                : new DriverManagerDataSource("jdbc:h2:mem:" + SCHEMA + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                        "sa", "");
        DataSource recording = new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return StatementRecorder.recording(super.getConnection(), sql -> sql.startsWith("insert"), prepared, commits);
            }
        };
        jdbc = new JdbcTemplate(recording);
        jdbc.execute("create table " + EVENTS + " (id int primary key, payload varchar(20))");
        jdbc.execute("create table request_log (id varchar(20) primary key)");
        jdbc.execute("create table registry (id varchar(20) primary key)");
        held = new HeldWrites(jdbc);
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(recording));
    }

    /** An event, a log row under an identifier the log holds ("taken", in the test's setup) and one under a new one. */
    private List<HeldWrites.Held> holdAnEventATakenAndAFreshId() {
        return List.of(
                held.hold(EVENTS, "insert into " + EVENTS + " (id, payload) values (?, ?)", 1, "first"),
                held.hold("request_log", "insert into request_log (id) values (?) on conflict do nothing", "taken"),
                held.hold("request_log", "insert into request_log (id) values (?) on conflict do nothing", "fresh"));
    }

    private void startUnit() {
        unit = DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(transactions);
    }

    /** A unit whose transaction is its own, committed as the ledger's command bus commits it. */
    private void startOwnUnit() {
        unit = DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction((TransactionManager) new CommitWatch().postProcessAfterInitialization(transactions, "transactions"));
    }
}
