package nl.kindpakket.ledger.ops.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.LedgerApplication;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** ops export, then the independent program on the file, against the ledger's own monthly report and the table by hand. */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=${ledger.test.jdbc-url}", "spring.datasource.username=postgres", "spring.datasource.password="})
class MonthlyReplayOfAnExportTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CommandGateway commands;
    @Autowired
    MonthlyPassQueries monthlyReport;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    final Municipality town = new Municipality("replay-" + UUID.randomUUID().toString().substring(0, 8));
    final Municipality neighbour = new Municipality("neighbour-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void the_independent_replay_of_an_export_gives_the_ledgers_monthly_table() throws Exception {
        new ReplayStory(commands, town).tell();
        new ReplayStory(commands, neighbour).tell();
        Path export = dir.resolve("export.ndjson");

        assertThat(export("--jdbc-url", System.getProperty("ledger.test.jdbc-url"), "--municipality", town.slug(),
                "--out", export.toString())).isZero();
        JsonNode replayed = replay(export, town.slug(), ReplayStory.YEAR);

        assertThat(Files.readAllLines(export)).allMatch(line -> line.contains("\"municipality\":\"" + town.slug() + "\""));
        awaitMonthlyProjection();
        JsonNode ledger = JSON.valueToTree(monthlyReport.report(town.slug(), ReplayStory.YEAR));
        assertThat(replayed).isEqualTo(ledger);
        assertThat(replayed).isEqualTo(byHand(town.slug()));
    }

    @Test
    void an_export_of_everything_replays_each_municipality_apart() throws Exception {
        new ReplayStory(commands, town).tell();
        new ReplayStory(commands, neighbour).tell();
        Path export = dir.resolve("all.ndjson");

        assertThat(export("--jdbc-url", System.getProperty("ledger.test.jdbc-url"), "--out", export.toString())).isZero();

        assertThat(replay(export, town.slug(), ReplayStory.YEAR)).isEqualTo(byHand(town.slug()));
        assertThat(replay(export, neighbour.slug(), ReplayStory.YEAR)).isEqualTo(byHand(neighbour.slug()));
    }

    /** Runs examples/monthly-replay/MonthlyReplay.java in its own JVM, as a reader of the export would. */
    private static JsonNode replay(Path export, String municipality, int year) throws IOException, InterruptedException {
        Path program = locate("examples/monthly-replay/MonthlyReplay.java");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), program.toString(),
                export.toString(), municipality, String.valueOf(year)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> json = output.lines().filter(line -> line.startsWith("{")).toList();
        assertThat(json).as(output).hasSize(1);
        assertThat(output).contains("| januari |");
        return JSON.readTree(json.get(0));
    }

    private static JsonNode byHand(String municipality) throws IOException {
        StringBuilder months = new StringBuilder();
        int users = 0;
        for (int month = 1; month <= 12; month++) {
            int[] figures = month <= ReplayStory.EXPECTED_MONTHS.length ? ReplayStory.EXPECTED_MONTHS[month - 1] : null;
            months.append(month > 1 ? "," : "").append(String.format("{\"month\":\"%d-%02d\",\"issuedPasses\":%s,\"uniqueUsers\":%s}",
                    ReplayStory.YEAR, month, figures == null ? null : figures[0], figures == null ? null : figures[1]));
            users += figures == null ? 0 : figures[1];
        }
        int[] last = ReplayStory.EXPECTED_MONTHS[ReplayStory.EXPECTED_MONTHS.length - 1];
        return JSON.readTree("{\"municipality\":\"" + municipality + "\",\"year\":" + ReplayStory.YEAR + ",\"months\":[" + months
                + "],\"total\":{\"issuedPasses\":" + last[0] + ",\"uniqueUsers\":" + users + ",\"distinctUsersInYear\":"
                + ReplayStory.EXPECTED_DISTINCT_USERS + "}}");
    }

    private static int export(String... args) {
        return ExportCommand.run(args, Map.of(), System.out, System.err);
    }

    private void awaitMonthlyProjection() {
        long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        StreamingEventProcessor processor = processing.eventProcessor(ReadModels.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        await("the monthly projection catches up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= last));
    }

    private static Path locate(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
