package nl.kindpakket.ledger.api.figures;

import static nl.kindpakket.ledger.api.figures.Staff.euros;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.reset.AnnualResetRequest;
import nl.kindpakket.ledger.core.api.Municipality;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The journal of each spending line adds up exactly to the spending lines report on Enschede's 2020 history (the board
 * proposal of December 2021), in JSON, CSV and the workbook, whole or page by page, now and as of the end of 2020.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnschedeJournalTest extends RunningLedger {

    static final String TOWN = "enschede-journal";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    Municipality enschede;
    AuditorHttp auditor;
    Instant endOf2020;

    @BeforeAll
    void enschede2020AndTheRefundOf2021() {
        enschede = municipality(TOWN);
        auditor = auditing("auditor", TOWN);
        EnschedeHistory history = new EnschedeHistory(commands, enschede);
        history.year2020();
        readModels().awaitCaughtUp(Duration.ofSeconds(60));
        endOf2020 = Instant.now();
        awaitReset(enschede, resets.submit(enschede, new AnnualResetRequest(2020, 2021, List.of(), LocalDate.of(2021, 1, 1))),
                Duration.ofSeconds(60));
        commands.sendAndWait(history.refund("refund-leergeld-2020", euros(59_000)));
        readModels().awaitCaughtUp(Duration.ofSeconds(60));
    }

    @Test
    void every_lines_journal_in_json_adds_up_to_its_figures_in_the_report_and_ends_on_them() {
        List<JsonNode> lines = reportLines("");

        assertThat(lines).extracting(line -> line.path("code").asText()).containsExactly("1", "2", "3", "4");
        for (JsonNode line : lines) {
            AuditorHttp.Answer page = auditor.get(journal(line.path("code").asText(), "?limit=10000"), "application/json");
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode postings = page.json().path("postings");
            JsonNode last = postings.get(postings.size() - 1);

            assertThat(JournalSums.ofJson(postings)).as("line %s", line.path("code")).isEqualTo(JournalSums.ofReportLine(line));
            assertThat(JournalSums.after(last)).isEqualTo(JournalSums.ofReportLine(line));
            assertThat(last.path("remainingCents").asLong()).isEqualTo(line.path("remainingCents").asLong());
            assertThat(page.json().path("next").isNull()).isTrue();
            assertThat(page.next()).isEmpty();
        }
        assertThat(JournalSums.ofReportLine(lines.get(2))).isEqualTo(new JournalSums(euros(1_256_000), euros(1_197_000), euros(59_000)));
    }

    @Test
    void every_lines_journal_in_csv_and_in_the_dutch_excel_csv_adds_up_to_the_report() {
        for (JsonNode line : reportLines("")) {
            String code = line.path("code").asText();
            AuditorHttp.Answer plain = auditor.get(journal(code, "?limit=10000"), "text/csv");
            AuditorHttp.Answer dutch = auditor.get(journal(code, "?limit=10000&csv=excel-nl"), "text/html");

            assertThat(plain.contentType()).startsWith("text/csv");
            assertThat(JournalSums.ofCsv(plain.text(), ',')).as("line %s", code).isEqualTo(JournalSums.ofReportLine(line));
            assertThat(dutch.contentType()).contains("dialect=excel-nl");
            assertThat(Arrays.copyOf(dutch.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
            assertThat(JournalSums.ofCsv(dutch.text(), ';')).as("line %s", code).isEqualTo(JournalSums.ofReportLine(line));
        }
        String[] csv = auditor.get(journal("3", ""), "text/csv").text().split("\r\n");
        assertThat(csv[0]).isEqualTo("positie,datum,soort,bedrag,recht,aanbieder,organisatie,beschikbaar,besteed,resterend,terugbetaald");
        assertThat(csv[1]).matches("\\d+,2020-01-06,Toekenning,1000000\\.00,,,,1000000\\.00,0\\.00,1000000\\.00,0\\.00");
        assertThat(csv[csv.length - 1]).isEqualTo("totaal,,,,,,,1256000.00,1197000.00,0.00,59000.00");
    }

    @Test
    void every_lines_workbook_adds_up_to_the_report_in_euro_numbers_with_a_total_row() throws Exception {
        for (JsonNode line : reportLines("")) {
            String code = line.path("code").asText();
            AuditorHttp.Answer workbook = auditor.get(journal(code, "?limit=10000"), XLSX);

            assertThat(workbook.status()).isEqualTo(200);
            assertThat(workbook.contentType()).isEqualTo(XLSX);
            assertThat(JournalSums.ofWorkbook(workbook.body())).as("line %s", code).isEqualTo(JournalSums.ofReportLine(line));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(auditor.get(journal("1", ""), XLSX).body()))) {
            Sheet sheet = workbook.getSheet("Boekingen 1");
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Positie");
            assertThat(sheet.getLastRowNum()).isEqualTo(86);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Totaal");
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(213_000.0);
            assertThat(total.getCell(8).getNumericCellValue()).isEqualTo(213_000.0);
            assertThat(sheet.getRow(1).getCell(3).getCellStyle().getDataFormatString()).contains("€");
        }
    }

    @Test
    void a_walk_page_by_page_in_json_and_in_csv_lists_every_posting_once_and_adds_up_to_the_report() {
        JsonNode line = reportLines("").get(0);
        List<JsonNode> walked = new ArrayList<>();
        String address = journal("1", "?limit=10");
        int pages = 0;
        while (address != null) {
            AuditorHttp.Answer page = auditor.get(address, "application/json");
            page.json().path("postings").forEach(walked::add);
            JsonNode next = page.json().path("next");
            assertThat(page.next().isPresent()).isEqualTo(!next.isNull());
            address = next.isNull() ? null : journal("1", "?limit=10&after=" + next.asLong());
            assertThat(page.next().orElse(null)).isEqualTo(address);
            pages++;
        }
        long csvSpent = 0;
        for (String csvPage = journal("1", "?limit=10"); csvPage != null; ) {
            AuditorHttp.Answer page = auditor.get(csvPage, "text/csv");
            csvSpent += JournalSums.ofCsv(page.text(), ',').spent();
            csvPage = page.next().orElse(null);
        }

        assertThat(pages).isEqualTo(9);
        assertThat(walked).hasSize(85).extracting(posting -> posting.path("position").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(JournalSums.ofJson(walked)).isEqualTo(JournalSums.ofReportLine(line));
        assertThat(JournalSums.after(walked.get(84))).isEqualTo(JournalSums.ofReportLine(line));
        assertThat(csvSpent).isEqualTo(line.path("spentCents").asLong());
    }

    @Test
    void as_of_the_end_of_2020_the_journal_holds_what_was_recorded_by_then_and_adds_up_to_the_report_as_of_then() {
        String asOf = "?asOf=" + URLEncoder.encode(endOf2020.toString(), StandardCharsets.UTF_8);
        List<JsonNode> then = reportLines(asOf);

        for (JsonNode line : then) {
            JsonNode postings = auditor.get(journal(line.path("code").asText(), asOf), "application/json").json().path("postings");
            assertThat(JournalSums.ofJson(postings)).as("line %s", line.path("code")).isEqualTo(JournalSums.ofReportLine(line));
        }
        JsonNode line3 = auditor.get(journal("3", asOf), "application/json").json().path("postings");
        assertThat(line3.findValuesAsText("kind")).doesNotContain("refund");
        assertThat(JournalSums.ofReportLine(then.get(2))).isEqualTo(new JournalSums(euros(1_256_000), euros(1_197_000), 0));
        assertThat(auditor.get(journal("3", ""), "application/json").json().path("postings").findValuesAsText("kind"))
                .endsWith("refund");
    }

    @Test
    void filters_keep_a_providers_an_organisations_or_a_periods_postings_each_with_the_lines_figures_after_it() {
        JsonNode primera = postings(journal("3", "?provider=primera"));
        JsonNode leergeld = postings(journal("3", "?organisation=" + URLEncoder.encode(EnschedeHistory.LEERGELD, StandardCharsets.UTF_8)));
        JsonNode april = postings(journal("1", "?from=2020-04-01&to=2020-04-30"));
        JsonNode whole = postings(journal("1", ""));

        assertThat(primera).hasSize(38).allSatisfy(p -> {
            assertThat(p.path("kind").asText()).isEqualTo("redemption");
            assertThat(p.path("providerId").asText()).isEqualTo("primera");
            assertThat(p.path("amountCents").asLong()).isEqualTo(euros(400));
        });
        assertThat(primera.get(0).path("availableCents").asLong()).isEqualTo(euros(1_256_000));
        assertThat(leergeld.findValuesAsText("kind")).containsExactly("expenditure", "refund");
        assertThat(leergeld.get(1).path("refundedCents").asLong()).isEqualTo(euros(59_000));
        assertThat(leergeld.get(1).path("spentCents").asLong()).isEqualTo(euros(1_197_000));
        assertThat(april).hasSize(42);
        assertThat(april.findValuesAsText("businessDate")).allMatch(date -> date.startsWith("2020-04-"));
        List<JsonNode> aprilInWhole = new ArrayList<>();
        whole.forEach(p -> {
            if (p.path("businessDate").asText().startsWith("2020-04-")) {
                aprilInWhole.add(p);
            }
        });
        assertThat(april).containsExactlyElementsOf(aprilInWhole);
    }

    @Test
    void an_auditor_finds_each_posting_in_the_event_stream_by_its_position() throws Exception {
        JsonNode reversal = null;
        for (JsonNode posting : postings(journal("1", ""))) {
            if (posting.path("kind").asText().equals("reversal")) {
                reversal = posting;
            }
        }
        assertThat(reversal).isNotNull();
        long position = reversal.path("position").asLong();

        AuditorHttp.Answer stream = auditor.get("/api/v1/events?municipality=" + enschede.slug() + "&after=" + (position - 1)
                + "&limit=1", "application/x-ndjson");

        assertThat(stream.status()).as(stream.toString()).isEqualTo(200);
        JsonNode event = new ObjectMapper().readTree(stream.text().strip());
        assertThat(event.path("position").asLong()).isEqualTo(position);
        assertThat(event.path("type").asText()).isEqualTo("RedemptionReversed");
        assertThat(event.at("/payload/redemptionId").asText()).isEqualTo("kleding-b-7");
        assertThat(reversal.path("amountCents").asLong()).isEqualTo(-event.at("/payload/amountCents").asLong());
        assertThat(reversal.path("entitlementId").asText()).isEqualTo(event.at("/payload/entitlementId").asText());
        assertThat(reversal.path("businessDate").asText()).isEqualTo("2020-04-15");
    }

    private JsonNode postings(String address) {
        AuditorHttp.Answer page = auditor.get(address, "application/json");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().path("postings");
    }

    private List<JsonNode> reportLines(String query) {
        String separator = query.isEmpty() ? "?" : "&";
        AuditorHttp.Answer report = auditor.get("/api/v1/municipalities/" + enschede.slug() + "/reports/spending-lines"
                + (query.isEmpty() ? "" : query) + separator + "year=2020", "application/json");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        report.json().path("lines").forEach(lines::add);
        return lines;
    }

    String journal(String code, String query) {
        return "/api/v1/municipalities/" + enschede.slug() + "/years/2020/spending-lines/" + code + "/postings" + query;
    }
}
