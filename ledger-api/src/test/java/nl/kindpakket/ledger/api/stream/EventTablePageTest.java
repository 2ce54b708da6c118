package nl.kindpakket.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A page ends at the limit-th event after its start, found by a scan in position order; the planner settings that
 * keep PostgreSQL to that scan end with the page's own transaction and never reach the next user of the connection.
 */
@SpringBootTest
@ActiveProfiles("test")
class EventTablePageTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    @Test
    void a_page_ends_at_its_limit_and_leaves_the_connection_as_it_found_it() throws Exception {
        String town = "paged" + UUID.randomUUID().toString().substring(0, 8);
        for (String line : List.of("1", "2", "3")) {
            commands.sendAndWait(new AllocateBudget(new Municipality(town), 2026, new SpendingLineCode(line), "Lijn " + line,
                    Money.ofCents(1000), "page-" + line, null, LocalDate.of(2026, 1, 2)));
        }
        List<Long> positions = jdbc.queryForList("select global_index from domain_event_entry where aggregate_identifier like ?"
                + " order by global_index", Long.class, town + ":%");
        assertThat(positions).hasSizeGreaterThan(3);
        long horizon = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getAutoCommit()).isTrue();

            Page page = EventTable.page(connection, -1, 3, new EventFilter(town, Set.of()), horizon);

            assertThat(page.upTo()).as("the town's third event").isEqualTo(positions.get(2));
            assertThat(connection.getAutoCommit()).isTrue();
            for (String planner : List.of("enable_bitmapscan", "enable_seqscan")) {
                try (Statement show = connection.createStatement(); ResultSet setting = show.executeQuery("show " + planner)) {
                    setting.next();
                    assertThat(setting.getString(1)).as(planner).isEqualTo("on");
                }
            }
        }
    }
}
