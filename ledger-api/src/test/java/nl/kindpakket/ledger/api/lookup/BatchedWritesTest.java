package nl.kindpakket.ledger.api.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The lookup tables' held writes reach the tables in their order per table, and by the end of their unit of work. */
@SpringBootTest
@ActiveProfiles("test")
class BatchedWritesTest {

    private static final String DELETE_PASS = "delete from pass_registry where entitlement_id = ?";
    private static final String INSERT_ENTITLEMENT = "insert into entitlement_registry (entitlement_id, municipality, budget_year, status)"
            + " values (?, ?, 2020, 'ACTIVE')";
    private static final String EXPIRE_ENTITLEMENT = "update entitlement_registry set status = 'EXPIRED' where entitlement_id = ?";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    final String town = "bw-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_pass_given_up_in_a_unit_of_work_can_be_taken_in_it_once_the_table_is_flushed() {
        jdbc.update("insert into pass_registry (municipality, pass_number, entitlement_id, revoked) values (?, 'P-1', ?, false)",
                town, town + ":2020:a");
        BatchedWrites batched = new BatchedWrites(jdbc);

        inUnitOfWork(() -> {
            batched.later("pass_registry", DELETE_PASS, town + ":2020:a");
            assertThat(holderOfP1()).as("held, not yet sent").isEqualTo(town + ":2020:a");
            batched.flush("pass_registry");
            jdbc.update("insert into pass_registry (municipality, pass_number, entitlement_id, revoked) values (?, 'P-1', ?, false)",
                    town, town + ":2021:a");
        });

        assertThat(holderOfP1()).isEqualTo(town + ":2021:a");
    }

    @Test
    void writes_to_one_table_keep_their_order_and_are_all_sent_when_the_unit_of_work_commits() {
        BatchedWrites batched = new BatchedWrites(jdbc);

        inUnitOfWork(() -> {
            for (String child : new String[] {"a", "b", "c"}) {
                batched.later("entitlement_registry", INSERT_ENTITLEMENT, town + ":2020:" + child, town);
            }
            assertThat(statuses()).as("held").isEmpty();
            batched.later("entitlement_registry", EXPIRE_ENTITLEMENT, town + ":2020:b");
            assertThat(statuses()).as("another statement on the table sends what it holds").isEqualTo("a ACTIVE, b ACTIVE, c ACTIVE");
            batched.later("entitlement_registry", INSERT_ENTITLEMENT, town + ":2020:d", town);
            assertThat(statuses()).isEqualTo("a ACTIVE, b EXPIRED, c ACTIVE");
        });

        assertThat(statuses()).isEqualTo("a ACTIVE, b EXPIRED, c ACTIVE, d ACTIVE");
    }

    private void inUnitOfWork(Runnable work) {
        transaction.executeWithoutResult(tx -> DefaultUnitOfWork.startAndGet(null).execute(work));
    }

    private String holderOfP1() {
        return jdbc.queryForObject("select entitlement_id from pass_registry where municipality = ? and pass_number = 'P-1'", String.class, town);
    }

    private String statuses() {
        return String.join(", ", jdbc.queryForList("select substring(entitlement_id from length(?) + 7) || ' ' || status"
                + " from entitlement_registry where municipality = ? order by entitlement_id", String.class, town, town));
    }
}
