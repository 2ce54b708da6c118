package nl.kindpakket.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import nl.kindpakket.ledger.core.api.Municipality;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PagingWhileWritersAppendTest {

    /** The test users' integrator is bound to this municipality. */
    static final Municipality TOWN = new Municipality("testville");
    static final int PAGE = 25;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_reader_paging_while_writers_append_gets_every_event_exactly_once_in_order() throws Exception {
        ConcurrentWriters writers = new ConcurrentWriters(commands, transaction, TOWN);
        writers.prepare();
        StreamClient client = StreamClient.integrator(port);
        long start = readPage(client, highestPosition(), new ArrayList<>());
        List<Long> read = new ArrayList<>();

        writers.start(4, 40, 8, 300);
        CompletableFuture<List<Long>> naive = CompletableFuture.supplyAsync(() -> readNaively(start, writers));
        long after = start;
        while (!writers.done()) {
            after = readPage(client, after, read);
        }
        writers.awaitDone();
        long end = highestPosition();
        while (after < end) {
            after = readPage(client, after, read);
        }

        List<Long> table = eventsOfTown(start);
        assertThat(table).hasSize(8 + 4 * 40 * 2);
        assertThat(read).containsExactlyElementsOf(table);
        assertThat(naive.get()).as("a reader that resumes after the highest visible position misses events")
                .isSubsetOf(table).hasSizeLessThan(table.size());
    }

    private long readPage(StreamClient client, long after, List<Long> read) {
        StreamClient.Response page = client.get("after=" + after + "&limit=" + PAGE + "&municipality=" + TOWN.slug());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.contentType()).startsWith(EventStreamController.NDJSON);
        List<Long> positions = page.positions();
        assertThat(positions).isSorted().allMatch(position -> position > after).hasSizeLessThanOrEqualTo(PAGE);
        read.addAll(positions);
        assertThat(page.nextAfter()).isGreaterThanOrEqualTo(after);
        return page.nextAfter();
    }

    /** What a reader without a horizon does: take what is visible and resume after the highest, polling as fast as it can. */
    private List<Long> readNaively(long start, ConcurrentWriters writers) {
        List<Long> naive = new ArrayList<>();
        long after = start;
        boolean last = false;
        while (!last) {
            last = writers.done();
            List<Long> visible = jdbc.queryForList("select global_index from domain_event_entry where global_index > ?"
                    + " and aggregate_identifier like ? order by global_index", Long.class, after, TOWN.slug() + ":%");
            naive.addAll(visible);
            after = visible.isEmpty() ? after : visible.get(visible.size() - 1);
            Thread.onSpinWait();
        }
        return naive;
    }

    private List<Long> eventsOfTown(long after) {
        return jdbc.queryForList("select global_index from domain_event_entry where global_index > ?"
                + " and aggregate_identifier like ? order by global_index", Long.class, after, TOWN.slug() + ":%");
    }

    private long highestPosition() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }
}
