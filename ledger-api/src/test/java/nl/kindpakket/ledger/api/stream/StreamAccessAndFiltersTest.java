package nl.kindpakket.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.SuspendProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StreamAccessAndFiltersTest {

    static final String TOWN = "testville";

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;

    StreamClient integrator;
    long start;
    long registered;
    long suspended;
    long elsewhere;

    @BeforeEach
    void aProviderRegisteredAndSuspendedAndAnEventOfAnotherMunicipality() throws Exception {
        integrator = StreamClient.integrator(port);
        start = integrator.get("limit=1&municipality=" + TOWN).horizon();
        ProviderId provider = new ProviderId("filter-" + UUID.randomUUID().toString().substring(0, 8));
        commands.sendAndWait(new RegisterProvider(new Municipality(TOWN), provider, "Sportclub", Set.of(new SpendingLineCode("1")),
                LocalDate.of(2019, 1, 1)));
        commands.sendAndWait(new SuspendProvider(new Municipality(TOWN), provider, "failliet", LocalDate.of(2019, 6, 1)));
        try (Connection connection = dataSource.getConnection()) {
            elsewhere = HeldTransaction.RawEvents.insert(connection, "otherville:" + provider.value());
        }
        List<JsonNode> ours = integrator.get("after=" + start + "&municipality=" + TOWN).lines();
        registered = ours.get(ours.size() - 2).get("position").asLong();
        suspended = ours.get(ours.size() - 1).get("position").asLong();
    }

    @Test
    void a_reader_gets_only_its_municipality_in_order() {
        List<JsonNode> lines = integrator.get("after=" + start + "&municipality=" + TOWN).lines();

        assertThat(lines).extracting(line -> line.get("type").asText()).endsWith("ProviderRegistered", "ProviderSuspended");
        assertThat(lines).allMatch(line -> line.get("municipality").asText().equals(TOWN));
        assertThat(lines).extracting(line -> line.get("position").asLong()).isSorted().doesNotContain(elsewhere);
    }

    @Test
    void a_type_filter_serves_those_types_and_moves_the_reader_past_the_rest() {
        StreamClient.Response page = integrator.get("after=" + start + "&municipality=" + TOWN + "&types=ProviderSuspended");

        assertThat(page.lines()).extracting(line -> line.get("type").asText()).containsOnly("ProviderSuspended");
        assertThat(page.positions()).contains(suspended).doesNotContain(registered);
        assertThat(page.nextAfter()).as("the horizon, past the other municipality's event too").isGreaterThanOrEqualTo(elsewhere);
    }

    @Test
    void a_full_page_resumes_after_its_last_event() {
        StreamClient.Response page = integrator.get("after=" + (registered - 1) + "&municipality=" + TOWN + "&limit=1");

        assertThat(page.positions()).containsExactly(registered);
        assertThat(page.nextAfter()).isEqualTo(registered);
        assertThat(integrator.get("after=" + page.nextAfter() + "&municipality=" + TOWN + "&limit=1").positions())
                .containsExactly(suspended);
    }

    @Test
    void a_bound_integrator_must_name_its_municipality_and_never_sees_another() {
        assertThat(integrator.get("after=" + start).status()).isEqualTo(403);
        StreamClient.Response other = integrator.get("after=" + start + "&municipality=otherville");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_auditor_may_read_and_staff_and_strangers_may_not() {
        assertThat(new StreamClient(port, "auditor", "auditor-test-password").get("municipality=" + TOWN + "&limit=1").status())
                .isEqualTo(200);
        assertThat(new StreamClient(port, "staff", "staff-test-password").get("municipality=" + TOWN + "&limit=1").status())
                .isEqualTo(403);
        assertThat(new StreamClient(port, "operator", "operator-test-password").get("municipality=" + TOWN + "&limit=1").status())
                .isEqualTo(403);
        assertThat(StreamClient.anonymous(port).get("municipality=" + TOWN).status()).isEqualTo(401);
    }

    @Test
    void malformed_parameters_are_answered_as_problems() {
        for (String query : List.of("limit=0", "limit=10001", "after=-2", "after=abc", "types=Granted", "types=ProviderSuspended,LedgerEvent")) {
            StreamClient.Response answer = integrator.get(query + "&municipality=" + TOWN);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
            assertThat(answer.body()).as(query).contains("invalid-input");
        }
    }
}
