package nl.kindpakket.ledger.api.reports;

import static nl.kindpakket.ledger.api.reports.SourceDocumentTables.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.fault.TestDatabase;
import nl.kindpakket.ledger.api.web.LedgerHttp;
import nl.kindpakket.ledger.core.api.Municipality;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reports as finance staff download them: a workbook that Excel sums (read back here with Apache POI's own
 * reader), the CSV in the Dutch Excel dialect, asked for by media type or by a link, and the default CSV unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportDownloadsTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String BASE = "/api/v1/municipalities/testville/reports";
    static final String LINES = BASE + "/spending-lines?year=" + SourceDocumentTables.ENSCHEDE_YEAR;
    static final String TASKS = BASE + "/overhead?year=" + SourceDocumentTables.WESTLAND_YEAR;

    @Autowired
    CommandGateway commands;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void aStoreOfItsOwn(DynamicPropertyRegistry registry) throws java.sql.SQLException {
        String store = TestDatabase.freshStore("report_downloads");
        registry.add("spring.datasource.url", () -> store);
    }

    @BeforeAll
    void theEnschedeLinesAndTheWestlandTasks() {
        SourceDocumentTables seeds = new SourceDocumentTables(commands, new Municipality("testville"), UUID.randomUUID().toString().substring(0, 6));
        seeds.enschedeSpendingLines2020();
        seeds.westlandPreventiveTasks2019();
        ObjectMapper json = new ObjectMapper();
        await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(text(LINES, "application/json").body())
                .at("/total/refundedCents").asLong() == euros(59_000)
                && json.readTree(text(TASKS, "application/json").body()).at("/overheadCents").asLong() == euros(577_500));
    }

    @Test
    void the_spending_lines_workbook_holds_the_board_proposals_table_as_euro_numbers() throws Exception {
        HttpResponse<byte[]> answer = bytes(LINES, XLSX);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(XLSX);
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("attachment", "bestedingslijnen-2020.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            assertThat(sheetNames(workbook)).containsExactly("Bestedingslijnen", "Per uitvoerende organisatie",
                    "Terugbetaling onderbesteding");
            Sheet lines = workbook.getSheet("Bestedingslijnen");
            assertThat(texts(lines.getRow(0))).containsExactly("Bestedingslijn", "Naam", "Beschikbaar", "Vastgelegd", "Besteed",
                    "Resterend", "Terugbetaald", "Overbelast", "Gereserveerd");
            assertThat(texts(lines.getRow(1))).startsWith("1", "Gezondheid en kleding");
            assertThat(numbers(lines.getRow(1), 2)).containsExactly(213_000.0, 0.0, 213_000.0, 0.0, 0.0, 0.0, 0.0);
            assertThat(numbers(lines.getRow(2), 2)).containsExactly(36_000.0, 0.0, 36_000.0, 0.0, 0.0, 0.0, 0.0);
            assertThat(numbers(lines.getRow(3), 2)).containsExactly(1_256_000.0, 0.0, 1_197_000.0, 0.0, 59_000.0, 0.0, 0.0);
            assertThat(numbers(lines.getRow(4), 2)).containsExactly(89_000.0, 0.0, 89_000.0, 0.0, 0.0, 0.0, 0.0);
            assertThat(lines.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Totaal");
            assertThat(numbers(lines.getRow(5), 2)).containsExactly(1_594_000.0, 0.0, 1_535_000.0, 0.0, 59_000.0, 0.0, 0.0);
            assertThat(lines.getLastRowNum()).isEqualTo(5);
            Cell available = lines.getRow(3).getCell(2);
            assertThat(available.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(available.getCellStyle().getDataFormatString()).contains("€", "#,##0.00");

            Row refund = workbook.getSheet("Terugbetaling onderbesteding").getRow(1);
            assertThat(refund.getCell(0).getStringCellValue()).isEqualTo(SourceDocumentTables.LEERGELD);
            assertThat(refund.getCell(2).getNumericCellValue()).isEqualTo(59_000.0);
            assertThat(refund.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2021, 4, 15));
            assertThat(refund.getCell(4).getStringCellValue()).isEqualTo("Inkomensondersteuning");
        }
    }

    @Test
    void the_overhead_workbook_holds_the_council_letters_task_table_and_the_share() throws Exception {
        HttpResponse<byte[]> answer = bytes(TASKS, XLSX);

        assertThat(answer.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            assertThat(sheetNames(workbook)).containsExactly("Uitvoeringskosten", "Per taak en organisatie");
            Sheet tasks = workbook.getSheet("Per taak en organisatie");
            assertThat(texts(tasks.getRow(0))).containsExactly("Taak", "FTE", "Totaal", "Vitis Welzijn", "SKT");
            assertThat(tasks.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Trainingen en cursussen");
            assertThat(numbers(tasks.getRow(1), 1)).containsExactly(2.5, 223_500.0, 223_500.0, null);
            assertThat(numbers(tasks.getRow(2), 1)).containsExactly(1.62, 145_000.0, null, 145_000.0);
            Row total = tasks.getRow(6);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Totaal");
            assertThat(numbers(total, 1)).containsExactly(6.46, 577_500.0, 268_500.0, 309_000.0);
            Row share = workbook.getSheet("Uitvoeringskosten").getRow(1);
            assertThat(numbers(share, 0)).containsExactly(577_500.0, 1_732_500.0, 0.25);
            assertThat(share.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        }
    }

    @Test
    void the_monthly_workbook_compares_two_years_in_two_column_groups() throws Exception {
        HttpResponse<byte[]> answer = bytes(BASE + "/monthly-passes?year=2020&compareYear=2019", XLSX);

        assertThat(answer.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            Sheet months = workbook.getSheetAt(0);
            assertThat(texts(months.getRow(0))).containsExactly("Maand", "Verstrekte passen 2020", "Uniek gebruik 2020",
                    "Verstrekte passen 2019", "Uniek gebruik 2019");
            assertThat(months.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Januari");
            assertThat(months.getRow(12).getCell(0).getStringCellValue()).isEqualTo("December");
            assertThat(months.getRow(13).getCell(0).getStringCellValue()).isEqualTo("Totaal");
        }
    }

    @Test
    void the_dutch_excel_csv_is_asked_for_by_media_type_and_by_a_link_and_parses_with_semicolons_and_decimal_commas() throws Exception {
        HttpResponse<byte[]> byType = bytes(LINES, "text/csv;dialect=excel-nl");
        HttpResponse<byte[]> byLink = bytes(LINES + "&csv=excel-nl", BROWSER);

        for (HttpResponse<byte[]> answer : List.of(byType, byLink)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/csv").contains("dialect=excel-nl"));
            byte[] body = answer.body();
            assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
            String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
            assertThat(lines[0]).isEqualTo("bestedingslijn;naam;beschikbaar;vastgelegd;besteed;resterend;terugbetaald;overbelast;gereserveerd");
            assertThat(lines[3]).isEqualTo("3;Leermiddelen;1256000,00;0,00;1197000,00;0,00;59000,00;0,00;0,00");
            assertThat(lines[5]).isEqualTo("totaal;;1594000,00;0,00;1535000,00;0,00;59000,00;0,00;0,00");
            BigDecimal spent = BigDecimal.ZERO;
            for (int i = 1; i <= 4; i++) {
                spent = spent.add(dutchNumber(lines[i].split(";", -1)[4]));
            }
            assertThat(spent).isEqualByComparingTo(dutchNumber(lines[5].split(";", -1)[4]));
        }
        assertThat(byLink.body()).isEqualTo(byType.body());
    }

    @Test
    void the_default_csv_stays_comma_separated_with_decimal_points_and_no_byte_order_mark() throws Exception {
        HttpResponse<String> answer = text(LINES, "text/csv");

        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        String[] lines = answer.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("bestedingslijn,naam,beschikbaar,vastgelegd,besteed,resterend,terugbetaald,overbelast,gereserveerd");
        assertThat(lines[3]).isEqualTo("3,Leermiddelen,1256000.00,0.00,1197000.00,0.00,59000.00,0.00,0.00");
        String tasks = text(TASKS, "text/csv").body();
        assertThat(tasks.split("\r\n")[1]).isEqualTo("Trainingen en cursussen,2.50,223500.00,223500.00,–");
    }

    @Test
    void a_link_asks_for_a_workbook_and_an_unknown_dialect_is_refused_naming_the_parameter() throws Exception {
        assertThat(bytes(LINES + "&format=xlsx", BROWSER).headers().firstValue("Content-Type")).hasValue(XLSX);

        HttpResponse<String> unknown = text(LINES + "&csv=excel-fr", BROWSER);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(unknown.body()).path("field").asText()).isEqualTo("csv");
        HttpResponse<String> byType = text(LINES, "text/csv;dialect=excel-fr");
        assertThat(byType.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(byType.body()).path("field").asText()).isEqualTo("dialect");
    }

    @Test
    void a_format_in_the_query_of_a_command_does_not_change_its_json_answer() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/municipalities/testville/years/2018/spending-lines?format=csv&csv=excel-nl"))
                .header("Authorization", LedgerHttp.basic("staff", "staff-test-password"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"1\",\"name\":\"Gezondheid en kleding\",\"amountCents\":100,"
                        + "\"allocationId\":\"zero-" + UUID.randomUUID() + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void the_explanation_every_page_links_to_is_served_as_text() throws Exception {
        HttpResponse<String> guide = text("/docs/reports.md", BROWSER);

        assertThat(guide.statusCode()).isEqualTo(200);
        assertThat(guide.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(guide.body()).startsWith("# What every figure of every report means").contains("Europe/Amsterdam", "asOf");
        assertThat(text(LINES, BROWSER).body()).contains("href=\"/docs/reports.md\"");
    }

    private static BigDecimal dutchNumber(String text) {
        return new BigDecimal(text.replace(',', '.'));
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        return java.util.stream.IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();
    }

    private static List<String> texts(Row row) {
        List<String> texts = new java.util.ArrayList<>();
        row.forEach(cell -> texts.add(cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "#" + cell.getNumericCellValue()));
        return texts;
    }

    /** The numeric cells from the given column to the last heading, null where a cell is absent; fails on a number stored as text. */
    private static List<Double> numbers(Row row, int from) {
        List<Double> numbers = new java.util.ArrayList<>();
        for (int i = from; i < row.getSheet().getRow(0).getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            if (cell == null) {
                numbers.add(null);
                continue;
            }
            assertThat(cell.getCellType()).as("cell %d of row %d", i, row.getRowNum()).isEqualTo(CellType.NUMERIC);
            numbers.add(cell.getNumericCellValue());
        }
        return numbers;
    }

    private HttpResponse<byte[]> bytes(String path, String accept) throws Exception {
        return http.send(request(path, accept), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> text(String path, String accept) throws Exception {
        return http.send(request(path, accept), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String path, String accept) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept)
                .header("Authorization", LedgerHttp.basic("council", "council-test-password"))
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
