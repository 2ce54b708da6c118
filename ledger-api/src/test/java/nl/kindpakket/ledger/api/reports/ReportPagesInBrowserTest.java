package nl.kindpakket.ledger.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RecordExpenditure;
import nl.kindpakket.ledger.core.api.commands.RecordOverheadCost;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.RefundUnderspend;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
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
 * The printable report pages and a spending line's journal render in a real headless browser (Debian's chromium): the
 * DOM the browser builds holds the table and the SVG chart, and a screenshot is saved under target/report-pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesInBrowserTest {

    private static final Municipality TOWN = new Municipality("testville");
    private static final int YEAR = 2015;
    private static final Path PAGES = Path.of("target", "report-pages");
    private static final String ROOT = "/";
    private static final String TOWN_BASE = "/api/v1/municipalities/" + TOWN.slug();
    private static final String COUNCIL = "council:council-test-password";
    private static final String STAFF = "staff:staff-test-password";
    private static final String JOURNAL = TOWN_BASE + "/years/" + YEAR + "/spending-lines/1/postings";

    @Autowired
    CommandGateway commands;
    @LocalServerPort
    int port;

    /** A store of its own, so that no service cached by another test class holds these read models' tokens. */
    @DynamicPropertySource
    static void aStoreOfItsOwn(DynamicPropertyRegistry registry) throws java.sql.SQLException {
        String store = nl.kindpakket.ledger.api.fault.TestDatabase.freshStore("report_pages");
        registry.add("spring.datasource.url", () -> store);
    }

    final HttpClient http = HttpClient.newHttpClient();
    final String run = UUID.randomUUID().toString().substring(0, 6);
    /** The postings of line 1: its allocation, the redemptions, a reversal, an expenditure and a refund. */
    int postings = 4;

    @BeforeAll
    void aYearOfPassesAndUse() throws Exception {
        commands.sendAndWait(new AllocateBudget(TOWN, YEAR, new SpendingLineCode("1"), "Sport en cultuur",
                Money.ofCents(50_000_000), "pages-" + run, null, LocalDate.of(YEAR, 1, 1)));
        commands.sendAndWait(new RegisterProvider(TOWN, new ProviderId("pages-pool"), "Zwembad", Set.of(new SpendingLineCode("1")),
                LocalDate.of(YEAR, 1, 1)));
        commands.sendAndWait(new RecordOverheadCost(TOWN, YEAR, "pages-cost-" + run, "Stichting Pas", "Uitgifte passen",
                Money.ofCents(2_000_000), new java.math.BigDecimal("0.80"), LocalDate.of(YEAR, 6, 1)));
        List<EntitlementId> children = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            for (int i = 0; i < 2 + month; i++) {
                EntitlementId child = EntitlementId.of(TOWN.slug(), YEAR, "pages-" + run + "-" + month + "-" + i);
                commands.sendAndWait(new GrantEntitlement(child, new PassNumber("PG" + run + month + "x" + i),
                        Map.of(new SpendingLineCode("1"), Money.ofCents(20_000)), LocalDate.of(YEAR, month, 1), LocalDate.of(2026, 1, 1), null));
                children.add(child);
            }
            for (int i = 0; i < children.size() / 2; i++) {
                EntitlementId child = children.get(i);
                postings++;
                commands.sendAndWait(new RedeemAtProvider(child, "pages-" + run + "-" + month + "-" + i,
                        new PassNumber("PG" + run + child.childRef().value().substring(("pages-" + run + "-").length()).replace("-", "x")),
                        new ProviderId("pages-pool"), new SpendingLineCode("1"), Money.ofCents(500),
                        Instant.parse(String.format("%d-%02d-15T10:00:00Z", YEAR, month)), Instant.now()));
            }
            if (month == 2) {
                anExpenditureAndAReversal(children.get(0));
            }
        }
        commands.sendAndWait(new RefundUnderspend(TOWN, YEAR, "pages-refund-" + run, "Stichting Pas", new SpendingLineCode("1"),
                Money.ofCents(2_000_000), LocalDate.of(YEAR + 1, 3, 1), "Algemene middelen"));
        Files.createDirectories(PAGES);
    }

    /** So that the journal's first page shows every kind of posting but a refund. */
    private void anExpenditureAndAReversal(EntitlementId child) {
        commands.sendAndWait(new RecordExpenditure(TOWN, YEAR, "pages-expenditure-" + run, "Stichting Pas", new SpendingLineCode("1"),
                Money.ofCents(15_000_000), LocalDate.of(YEAR, 2, 20), "zwemlessen"));
        commands.sendAndWait(new ReverseRedemption(child, "pages-" + run + "-2-0", "dubbel geboekt",
                Instant.parse(YEAR + "-02-16T09:00:00Z"), Instant.now(), null));
    }

    @Test
    void the_monthly_page_renders_with_its_table_and_chart() throws Exception {
        String dom = renderReport("monthly-passes", "/reports/monthly-passes?year=" + YEAR);
        assertThat(dom).contains("<svg").contains("<table").contains("Totaal").contains("Verstrekte passen " + YEAR);
    }

    @Test
    void the_spending_line_and_overhead_pages_render_with_text_to_the_left_and_a_chart_of_the_lines() throws Exception {
        assertThat(renderReport("spending-lines", "/reports/spending-lines?year=" + YEAR)).contains("<td class=\"text\">Sport en cultuur</td>")
                .contains("<svg").contains("<title>Beschikbaar 1: 500.000</title>").contains("Totaal");
        assertThat(renderReport("overhead", "/reports/overhead?year=" + YEAR)).contains("Uitgifte passen").contains("Aandeel uitvoeringskosten");
    }

    @Test
    void a_spending_lines_journal_page_renders_with_its_postings_the_lines_figures_after_each_and_a_next_page() throws Exception {
        awaitTheWholeJournal();
        // eleven columns: a landscape page
        String dom = render("spending-line-journal", awaitCaughtUp(() -> get(JOURNAL + "?limit=20", "text/html", STAFF)), "1600,1000");

        assertThat(dom).contains("Boekingen bestedingslijn 1 Sport en cultuur", "<th>Positie</th>", "<td class=\"text\">Toekenning</td>",
                "<td class=\"text\">Besteding met pas</td>", "<td class=\"text\">Terugdraaiing</td>",
                "<td class=\"text\">Uitgave organisatie</td>", "<td>-5,00</td>", "<td>500.000,00</td>", "Totaal", "Volgende pagina",
                "href=\"" + JOURNAL + "?limit=20&amp;format=xlsx\"", "href=\"" + JOURNAL + "?limit=20&amp;csv=excel-nl\"");
        String next = linkNamed(get(JOURNAL + "?limit=20", "text/html", STAFF).body(), "Volgende pagina");
        assertThat(next).startsWith(JOURNAL + "?limit=20&after=");
        assertThat(get(next, "text/html", STAFF).body()).contains("Besteding met pas").doesNotContain("Toekenning");
    }

    @Test
    void the_spending_lines_page_links_each_lines_journal_for_staff_and_not_for_the_council() throws Exception {
        String lines = TOWN_BASE + "/reports/spending-lines?year=" + YEAR;
        awaitTheWholeJournal();
        String forStaff = awaitCaughtUp(() -> get(lines, "text/html", STAFF));
        String forCouncil = get(lines, "text/html", COUNCIL).body();

        assertThat(forStaff).contains("Boekingen per bestedingslijn", "href=\"" + JOURNAL + "\"");
        assertThat(forCouncil).doesNotContain("Boekingen per bestedingslijn", "/postings");
        HttpResponse<String> followed = get(JOURNAL, "text/html", STAFF);
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.body()).contains("Terugbetaling", "Stichting Pas");
        assertThat(get(JOURNAL, "text/html", COUNCIL).statusCode()).isEqualTo(403);
    }

    @Test
    void the_start_page_lists_the_councils_reports_by_year_with_their_downloads() throws Exception {
        String dom = render("start", awaitCaughtUp(() -> get(ROOT, "text/html")));

        assertThat(dom).contains("Gemeente Testville", "aangemeld als council", "<h2>" + YEAR + "</h2>")
                .contains("href=\"/api/v1/municipalities/testville/reports/spending-lines?year=" + YEAR + "\"")
                .contains("href=\"/api/v1/municipalities/testville/reports/spending-lines?year=" + YEAR + "&amp;format=xlsx\"")
                .contains("href=\"/api/v1/municipalities/testville/reports/monthly-passes?year=" + YEAR + "&amp;csv=excel-nl\"")
                .contains("href=\"/swagger-ui.html\"", "href=\"/docs/reports.md\"");
        String start = get(ROOT, "text/html").body();
        HttpResponse<String> pageLink = get(link(start, "spending-lines?year=" + YEAR + "\""), "text/html");
        HttpResponse<String> workbookLink = get(link(start, "spending-lines?year=" + YEAR + "&amp;format=xlsx\""), "text/html");
        assertThat(pageLink.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(workbookLink.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void a_provider_signed_in_is_told_its_role_reads_no_reports() throws Exception {
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Accept", "text/html").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("pool:pool-test-password".getBytes())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("aanbieder").doesNotContain("/reports/");
    }

    private void awaitTheWholeJournal() {
        ObjectMapper json = new ObjectMapper();
        await("the journal catches up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                json.readTree(get(JOURNAL, "application/json", STAFF).body()).path("postings").size() == postings);
    }

    /** The address of the link with this text. */
    private static String linkNamed(String page, String text) {
        int end = page.indexOf("\">" + text + "</a>");
        int start = page.lastIndexOf("href=\"", end) + "href=\"".length();
        return page.substring(start, end).replace("&amp;", "&");
    }

    /** The address a link of the page points to: the href that ends as given. */
    private static String link(String page, String ending) {
        int end = page.indexOf(ending);
        int start = page.lastIndexOf("href=\"", end) + "href=\"".length();
        return page.substring(start, end + ending.length() - 1).replace("&amp;", "&");
    }

    private String renderReport(String name, String path) throws Exception {
        return render(name, awaitPage(path));
    }

    private String render(String name, String html) throws Exception {
        return render(name, html, "1000,1300");
    }

    /** Saves the page, has chromium build its DOM and take a screenshot; skipped where chromium is not installed. */
    private String render(String name, String html, String windowSize) throws Exception {
        Path page = PAGES.resolve(name + ".html").toAbsolutePath();
        Files.writeString(page, html, StandardCharsets.UTF_8);
        String chromium = chromium();
        assumeTrue(chromium != null, "chromium is not installed (Debian: apt-get install chromium)");
        Path png = PAGES.resolve(name + ".png").toAbsolutePath();
        Files.deleteIfExists(png);
        run(chromium, "--screenshot=" + png, "--window-size=" + windowSize, page.toUri().toString());
        assertThat(png).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(10_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        return run(chromium, "--dump-dom", page.toUri().toString());
    }

    private String awaitPage(String path) throws Exception {
        return awaitCaughtUp(() -> get(TOWN_BASE + path, "text/html"));
    }

    /** The projections catch up asynchronously: the page is taken once every grant of the year shows. */
    private String awaitCaughtUp(Callable<HttpResponse<String>> page) throws Exception {
        await("the monthly report catches up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                get(TOWN_BASE + "/reports/monthly-passes?year=" + YEAR, "application/json").body().contains("\"total\":{\"issuedPasses\":102,"));
        HttpResponse<String> answer = page.call();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        return answer.body();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return get(path, accept, COUNCIL);
    }

    private HttpResponse<String> get(String path, String accept, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static String run(String chromium, String... args) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return out;
    }
}
