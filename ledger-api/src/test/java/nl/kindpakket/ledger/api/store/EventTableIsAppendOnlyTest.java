package nl.kindpakket.ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

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

    @BeforeEach
    void appendOneEvent() {
        aggregate = "append-only-test:" + UUID.randomUUID();
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) values (?, ?, 0, 'Test', '2019-01-01T00:00:00Z',"
                        + " 'test.Event', null, ?, null)",
                UUID.randomUUID().toString(), aggregate, "{}".getBytes());
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
        assertThat(jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ?", byte[].class, aggregate))
                .isEqualTo("{}".getBytes());
    }

    @Test
    void the_event_table_refuses_a_delete() {
        assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", aggregate))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class, aggregate))
                .isEqualTo(1);
    }

    @Test
    void the_event_table_refuses_a_truncate() {
        assertThatThrownBy(() -> jdbc.execute("truncate domain_event_entry"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }
}
