package nl.kindpakket.ledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.events.ExpenditureRecorded;
import nl.kindpakket.ledger.projections.spending.JournalQueries;
import nl.kindpakket.ledger.projections.spending.JournalQuery;
import nl.kindpakket.ledger.projections.spending.SpendingLineJournal.Posting;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An event whose transaction commits after a later event's reaches the read models with a token that keeps the later
 * event's index; the read models still record it under its own position, the one the event stream and a rebuild give.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GapFillingEventsTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;
    @Autowired
    JournalQueries journals;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    /** Whether the processor reads the later event before the held one commits depends on timing: try a few times. */
    static final int ROUNDS = 5;

    final String town = "gap-fill-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void an_event_that_commits_after_a_later_one_keeps_its_own_position_in_the_read_models() throws Exception {
        allocate("1", "Sport en cultuur");
        allocate("2", "Leermiddelen");
        List<Long> held = new ArrayList<>();
        List<Long> later = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            try (Connection open = dataSource.getConnection()) {
                open.setAutoCommit(false);
                held.add(insert(open, expenditure("held-" + round, "1", 1_000 + round)));
                try (Connection other = dataSource.getConnection()) {
                    later.add(insert(other, expenditure("later-" + round, "2", 2_000 + round)));
                }
                long last = later.get(round);
                await().atMost(Duration.ofSeconds(30)).until(() -> positions("2").contains(last));
                open.commit();
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> postings("1").size() == ROUNDS + 1);

        assertThat(positions("1").subList(1, ROUNDS + 1)).containsExactlyElementsOf(held);
        assertThat(positions("2").subList(1, ROUNDS + 1)).containsExactlyElementsOf(later);
        for (int round = 0; round < ROUNDS; round++) {
            assertThat(held.get(round)).isLessThan(later.get(round));
        }
    }

    private void allocate(String line, String name) {
        commands.sendAndWait(new AllocateBudget(new Municipality(town), 2020, new SpendingLineCode(line), name,
                Money.ofCents(100_000), "allocation-" + line, null, LocalDate.of(2020, 1, 6)));
    }

    private ExpenditureRecorded expenditure(String id, String line, long cents) {
        return new ExpenditureRecorded(town, 2020, id, "Stichting Pas", line, cents, cents, LocalDate.of(2020, 3, 1), id);
    }

    /** Inserts the event as the store would, as the only event of an aggregate of its own; answers its position. */
    private long insert(Connection connection, ExpenditureRecorded event) throws SQLException {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (event_identifier,"
                + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " values (?, ?, 0, 'BudgetYear', ?, ?, ?, ?, ?) returning global_index")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, town + ":" + event.expenditureId());
            insert.setString(3, Instant.now().toString());
            insert.setString(4, payload.getType().getName());
            insert.setString(5, payload.getType().getRevision());
            insert.setBytes(6, payload.getData());
            insert.setBytes(7, "{}".getBytes(StandardCharsets.UTF_8));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<Posting> postings(String line) {
        return journals.page(JournalQuery.wholeLine(town, 2020, line)).map(page -> page.postings()).orElse(List.of());
    }

    private List<Long> positions(String line) {
        return postings(line).stream().map(Posting::position).toList();
    }
}
