package nl.kindpakket.ledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Each test tampers with one town's events as a superuser would, and puts them back afterwards. */
// the same context as the HTTP tests: each cached context holds a pool of connections
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TamperingIsNamedTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String jdbcUrl;

    Town town;
    Superuser superuser;
    Map<String, Object> redemption;

    @BeforeEach
    void aChildWhoRedeemedThreeTimes() {
        town = Town.open("tamper", commands);
        town.grant(1);
        town.grant(2);
        for (int r = 1; r <= 3; r++) {
            town.redeem(1, "r-" + r);
        }
        superuser = new Superuser(jdbcUrl);
        redemption = jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ? and sequence_number = 2",
                town.child(1).toString());
    }

    @AfterEach
    void restoreTheOriginal() throws SQLException {
        superuser.execute("delete from domain_event_entry where global_index = ?", redemption.get("global_index"));
        superuser.execute("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data, chain_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                redemption.get("global_index"), redemption.get("event_identifier"), redemption.get("aggregate_identifier"),
                redemption.get("sequence_number"), redemption.get("type"), redemption.get("time_stamp"), redemption.get("payload_type"),
                redemption.get("payload_revision"), redemption.get("payload"), redemption.get("meta_data"), redemption.get("chain_hash"));
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void an_altered_payload_is_named_as_the_first_break() throws SQLException {
        String payload = new String((byte[]) redemption.get("payload"), StandardCharsets.UTF_8);
        String altered = payload.replace("\"amountCents\":100,", "\"amountCents\":100000,");
        assertThat(altered).isNotEqualTo(payload);
        superuser.execute("update domain_event_entry set payload = ? where global_index = ?",
                altered.getBytes(StandardCharsets.UTF_8), redemption.get("global_index"));

        ChainReport report = verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.breaks()).isEqualTo(1);
        ChainBreak broken = report.firstBreak();
        assertThat(broken.globalIndex()).isEqualTo(redemption.get("global_index"));
        assertThat(broken.eventIdentifier()).isEqualTo(redemption.get("event_identifier"));
        assertThat(broken.aggregateIdentifier()).isEqualTo(town.child(1).toString());
        assertThat(broken.sequenceNumber()).isEqualTo(2);
        assertThat(broken.kind()).isEqualTo(ChainBreak.Kind.PAYLOAD);
        assertThat(broken.storedHash()).isEqualTo(redemption.get("chain_hash"));
        assertThat(broken.expectedHash()).isNotEqualTo(broken.storedHash());
        assertThat(report.eventsChecked()).isEqualTo(storedEvents());
    }

    @Test
    void a_deleted_event_is_a_broken_link_at_the_event_after_it() throws SQLException {
        superuser.execute("delete from domain_event_entry where global_index = ?", redemption.get("global_index"));

        ChainReport report = verify();

        assertThat(report.breaks()).isEqualTo(1);
        ChainBreak broken = report.firstBreak();
        assertThat(broken.kind()).isEqualTo(ChainBreak.Kind.LINK);
        assertThat(broken.aggregateIdentifier()).isEqualTo(town.child(1).toString());
        assertThat(broken.sequenceNumber()).isEqualTo(3);
        assertThat(broken.globalIndex()).isEqualTo(globalIndexOf(3));
        assertThat(broken.describe()).contains("link to sequence 2 is broken");
    }

    @Test
    void an_altered_payload_with_its_hash_recomputed_still_breaks_the_next_event() throws SQLException {
        superuser.execute("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), '\"amountCents\":100,',"
                + " '\"amountCents\":100000,'), 'UTF8') where global_index = ?", redemption.get("global_index"));
        superuser.execute("update domain_event_entry e set chain_hash = event_chain_hash(p.chain_hash, e.event_identifier,"
                + " e.aggregate_identifier, e.sequence_number, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data)"
                + " from domain_event_entry p where e.global_index = ? and p.aggregate_identifier = e.aggregate_identifier"
                + " and p.sequence_number = e.sequence_number - 1", redemption.get("global_index"));

        ChainReport report = verify();

        assertThat(report.breaks()).isEqualTo(1);
        assertThat(report.firstBreak().sequenceNumber()).isEqualTo(3);
        assertThat(report.firstBreak().globalIndex()).isEqualTo(globalIndexOf(3));
    }

    @Test
    void the_other_childs_events_still_verify_when_one_child_is_tampered_with() throws SQLException {
        superuser.execute("delete from domain_event_entry where global_index = ?", redemption.get("global_index"));

        ChainReport report = verify();

        assertThat(report.breaks()).isEqualTo(1);
        assertThat(report.aggregates()).isEqualTo(4);
        assertThat(report.eventsChecked()).isEqualTo(storedEvents());
    }

    private ChainReport verify() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new ChainVerifier(Clock.systemUTC()).verify(connection, town.municipality);
        }
    }

    private long globalIndexOf(long sequence) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                Long.class, town.child(1).toString(), sequence);
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?", Long.class,
                town.municipality.slug() + ":%");
    }
}
