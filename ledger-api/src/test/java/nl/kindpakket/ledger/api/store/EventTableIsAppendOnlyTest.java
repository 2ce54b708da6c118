package nl.kindpakket.ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import org.axonframework.commandhandling.gateway.CommandGateway;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class EventTableIsAppendOnlyTest {

    @Autowired
    JdbcTemplate jdbc;

    String aggregate;

    @Autowired
    CommandGateway commands;

    byte[] payload;

    @BeforeEach
    void appendEventsThroughACommand() {
        Municipality town = new Municipality("append-" + UUID.randomUUID().toString().substring(0, 8));
        commands.sendAndWait(new AllocateBudget(town, 2019, new SpendingLineCode("1"), "Sport", Money.ofCents(100),
                "a-1", null, LocalDate.of(2019, 1, 1)));
        aggregate = town.slug() + ":2019";
        payload = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                byte[].class, aggregate);
    }

    @Test
    void the_database_is_postgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }

    @Test
    void the_event_table_refuses_an_update() {
        assertThatThrownBy(() -> jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ?",
                "{\"tampered\":true}".getBytes(), aggregate))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                byte[].class, aggregate)).isEqualTo(payload);
    }

    @Test
    void the_event_table_refuses_a_delete() {
        assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", aggregate))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class, aggregate))
                .isEqualTo(2);
    }

    @Test
    void the_event_table_refuses_a_truncate() {
        assertThatThrownBy(() -> jdbc.execute("truncate domain_event_entry"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }
}
