package nl.kindpakket.ledger.api.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.reset.AnnualResetRequest;
import nl.kindpakket.ledger.api.reset.ResetJobStatus;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassComparison;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** The July 2019 Westland memo's table, told through the commands as two years of a pass organisation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WestlandMonthlyTableTest extends RunningLedger {

    static final Integer[] ISSUED_2018 = {701, 756, 798, 812, 886, 934, 977, 981, 1062, 1091, 1107, 1112};
    static final Integer[] USERS_2018 = {27, 56, 131, 196, 181, 137, 167, 416, 513, 525, 472, 549};
    static final Integer[] ISSUED_2019 = {954, 961, 969, 995, 1008};
    static final Integer[] USERS_2019 = {278, 227, 204, 203, 204};
    static final int RENEWED = 900;
    static final int THREADS = 6;

    /** Redemptions whose Amsterdam month differs from, or only just matches, their UTC date's. */
    static final Map<YearMonth, List<Instant>> NEAR_MIDNIGHT_2018 = Map.of(
            YearMonth.of(2018, 1), List.of(Instant.parse("2018-01-31T22:59:00Z")),
            YearMonth.of(2018, 2), List.of(Instant.parse("2018-01-31T23:30:00Z")),
            YearMonth.of(2018, 3), List.of(Instant.parse("2018-03-31T21:59:00Z")),
            YearMonth.of(2018, 4), List.of(Instant.parse("2018-03-31T22:30:00Z")),
            YearMonth.of(2018, 11), List.of(Instant.parse("2018-10-31T23:30:00Z")),
            YearMonth.of(2018, 12), List.of(Instant.parse("2018-12-31T22:59:00Z")));
    static final Map<YearMonth, List<Instant>> NEAR_MIDNIGHT_2019 = Map.of(
            YearMonth.of(2019, 1), List.of(Instant.parse("2018-12-31T23:30:00Z")),
            YearMonth.of(2019, 3), List.of(Instant.parse("2019-03-31T21:30:00Z")),
            YearMonth.of(2019, 5), List.of(Instant.parse("2019-04-30T22:30:00Z")));

    @Autowired
    MonthlyPassQueries monthly;

    Municipality westland;
    MonthlyHistory year2018;
    MonthlyHistory year2019;
    ResetJobStatus reset;

    @BeforeAll
    void twoYearsOfWestlandPas() {
        westland = municipality("westland");
        long started = System.nanoTime();
        Staff staff = new Staff(commands, westland);
        for (int year : new int[] {2018, 2019}) {
            staff.allocate(year, "1", "Sport en cultuur", Staff.euros(250_000), LocalDate.of(year, 1, 1));
            staff.allocate(year, "2", "Schoolspullen", Staff.euros(120_000), LocalDate.of(year, 1, 1));
        }
        staff.provider("zwembad-de-waterman", "Zwembad De Waterman", "1");
        staff.provider("vv-naaldwijk", "VV Naaldwijk", "1");
        staff.provider("boekhandel-westland", "Boekhandel Westland", "2");

        CommandScripts scripts = new CommandScripts();
        year2018 = new MonthlyHistory(westland, 2018, 1, 2018L, scripts, NEAR_MIDNIGHT_2018)
                .months(unboxed(ISSUED_2018), unboxed(USERS_2018));
        int sent = scripts.size();
        scripts.sendAll(commands, THREADS);
        long sent2018 = System.nanoTime();
        List<AnnualResetRequest.Renewal> renewals = year2018.renewals(RENEWED);
        reset = awaitReset(westland, resets.submit(westland,
                new AnnualResetRequest(2018, 2019, renewals, LocalDate.of(2019, 1, 1))), Duration.ofSeconds(180));
        long resetDone = System.nanoTime();
        year2019 = new MonthlyHistory(westland, 2019, 10_001, 2019L, scripts, NEAR_MIDNIGHT_2019)
                .renewed(renewals)
                .months(unboxed(ISSUED_2019), unboxed(USERS_2019));
        sent += scripts.size();
        scripts.sendAll(commands, THREADS);
        long sent2019 = System.nanoTime();
        readModels().awaitCaughtUp(Duration.ofSeconds(60));
        System.out.printf("westland: %d commands and an annual reset in %d ms (2018 %d, reset %d, 2019 %d, catching up %d)%n",
                sent, (System.nanoTime() - started) / 1_000_000, (sent2018 - started) / 1_000_000,
                (resetDone - sent2018) / 1_000_000, (sent2019 - resetDone) / 1_000_000,
                (System.nanoTime() - sent2019) / 1_000_000);
    }

    @Test
    void a_rebuild_of_every_read_model_gives_the_memos_table_again() {
        rebuildEveryReadModel();

        the_2018_column_is_the_memos_month_by_month_with_its_totals();
        the_2019_column_has_five_months_after_the_annual_reset_and_the_rest_empty();
    }

    @Test
    void the_2018_column_is_the_memos_month_by_month_with_its_totals() {
        MonthlyPassReport report = monthly.report(westland.slug(), 2018);

        assertThat(report.months()).extracting(MonthlyPassReport.Month::month)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(2018, m).toString()).toList());
        assertThat(report.months()).extracting(MonthlyPassReport.Month::issuedPasses).containsExactly(ISSUED_2018);
        assertThat(report.months()).extracting(MonthlyPassReport.Month::uniqueUsers).containsExactly(USERS_2018);
        assertThat(report.total()).isEqualTo(new MonthlyPassReport.Total(1112, 3370, year2018.distinctUsers()));
    }

    @Test
    void the_2019_column_has_five_months_after_the_annual_reset_and_the_rest_empty() {
        MonthlyPassComparison memo = monthly.sideBySide(westland.slug(), 2019, 2018);

        assertThat(memo.months()).extracting(MonthlyPassReport.Month::issuedPasses)
                .containsExactly(withEmptyMonths(ISSUED_2019));
        assertThat(memo.months()).extracting(MonthlyPassReport.Month::uniqueUsers)
                .containsExactly(withEmptyMonths(USERS_2019));
        assertThat(memo.total()).isEqualTo(new MonthlyPassReport.Total(1008, 1116, year2019.distinctUsers()));
        assertThat(memo.compare()).isEqualTo(monthly.report(westland.slug(), 2018));
        assertThat(reset.expiries()).isEqualTo(new ResetJobStatus.Progress(1112, 1112));
        assertThat(reset.renewals()).isEqualTo(new ResetJobStatus.Progress(RENEWED, RENEWED));
    }

    @Test
    void the_council_reads_the_same_table_as_json_csv_and_a_page_with_a_chart() throws Exception {
        CouncilHttp council = council("westland");
        String path = "/api/v1/municipalities/" + westland.slug() + "/reports/monthly-passes?year=2019&compareYear=2018";

        CouncilHttp.Page json = council.get(path, "application/json");
        CouncilHttp.Page csv = council.get(path, "text/csv");
        CouncilHttp.Page html = council.get(path, "text/html");

        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonNode memo = new ObjectMapper().readTree(json.body());
        assertThat(memo.at("/months/4/issuedPasses").asInt()).isEqualTo(1008);
        assertThat(memo.at("/months/5/issuedPasses").isNull()).isTrue();
        assertThat(memo.at("/total/uniqueUsers").asInt()).isEqualTo(1116);
        assertThat(memo.at("/compare/months/1/uniqueUsers").asInt()).isEqualTo(56);
        assertThat(memo.at("/compare/total/uniqueUsers").asInt()).isEqualTo(3370);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.lines()).hasSize(14);
        assertThat(csv.lines()[0]).isEqualTo("maand,verstrekte passen 2019,uniek gebruik 2019,verstrekte passen 2018,uniek gebruik 2018");
        assertThat(csv.lines()[2]).isEqualTo("februari,961,227,756,56");
        assertThat(csv.lines()[6]).isEqualTo("juni,,,934,137");
        assertThat(csv.lines()[13]).isEqualTo("totaal,1008,1116,1112,3370");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<svg", "3.370", "1.116");
    }

    private static Integer[] withEmptyMonths(Integer[] months) {
        return Stream.concat(Arrays.stream(months), Stream.generate(() -> (Integer) null).limit(12 - months.length))
                .toArray(Integer[]::new);
    }

    private static int[] unboxed(Integer[] values) {
        return Arrays.stream(values).mapToInt(Integer::intValue).toArray();
    }
}
