package nl.kindpakket.ledger.api.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.kindpakket.ledger.api.asof.AsOf;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The council's monthly table of issued passes and unique use, as in the Westland memo of July 2019: JSON, CSV, a
 * workbook and a printable page; with {@code asOf}, as it stood at that moment of recording.
 */
@RestController
@RequestMapping("/api/v1/municipalities/{municipality}/reports/monthly-passes")
class MonthlyPassReports {

    private final MonthlyPassQueries queries;
    private final AsOf asOf;
    private final MunicipalityNames names;

    MonthlyPassReports(MonthlyPassQueries queries, AsOf asOf, MunicipalityNames names) {
        this.queries = queries;
        this.asOf = asOf;
        this.names = names;
    }

    @GetMapping
    Object json(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer compareYear, @RequestParam(required = false) String asOf) {
        String m = ReportParameters.municipality(municipality);
        int y = ReportParameters.year("year", year);
        Instant moment = this.asOf.parse(asOf);
        if (compareYear == null) {
            return moment == null ? queries.report(m, y) : queries.report(m, y, moment);
        }
        int c = ReportParameters.year("compareYear", compareYear);
        return moment == null ? queries.sideBySide(m, y, c) : queries.sideBySide(m, y, c, moment);
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer compareYear, @RequestParam(required = false) String asOf,
            @RequestParam(name = "csv", required = false) String dialect,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        CsvDialect chosen = CsvDialect.requested(dialect, accept);
        List<MonthlyPassReport> years = reports(municipality, year, compareYear, this.asOf.parse(asOf));
        return ReportResponses.csv(table(years), chosen, fileName(years));
    }

    @GetMapping(produces = ReportResponses.XLSX_VALUE)
    ResponseEntity<byte[]> xlsx(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer compareYear, @RequestParam(required = false) String asOf) {
        List<MonthlyPassReport> years = reports(municipality, year, compareYear, this.asOf.parse(asOf));
        return ReportResponses.xlsx(List.of(table(years)), fileName(years));
    }

    @GetMapping(produces = "text/html")
    ResponseEntity<String> html(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer compareYear, @RequestParam(required = false) String asOf) {
        Instant moment = this.asOf.parse(asOf);
        List<MonthlyPassReport> years = reports(municipality, year, compareYear, moment);
        MonthlyPassReport first = years.get(0);
        HtmlPage page = new HtmlPage("Verstrekte passen en uniek gebruik per maand",
                names.of(first.municipality()) + ", " + first.year() + (years.size() > 1 ? " en " + years.get(1).year() : "")
                        + ReportParameters.asOfLabel(moment));
        page.table(table(years));
        for (MonthlyPassReport r : years) {
            page.trusted("<figure>" + chart(r) + "<figcaption>Verstrekte passen en uniek gebruik per maand, " + r.year()
                    + ". Verschillende kinderen met gebruik in het jaar: " + Euros.dutchNumber(r.total().distinctUsersInYear()) + ".</figcaption></figure>");
        }
        page.paragraph("Verstrekte passen: rechten van het jaar die op de laatste dag van de maand verleend en niet ingetrokken zijn. "
                + "Uniek gebruik: verschillende kinderen met ten minste één niet teruggedraaide besteding in de maand. "
                + "Het totaal van de passen is de stand van de laatste maand; het totaal van het gebruik is de som van de maanden.");
        return ReportResponses.html(page);
    }

    /** The memo's table: a row per month, a pair of columns per year (the compared year second), and the total row. */
    static ReportTable table(List<MonthlyPassReport> years) {
        List<Column> columns = new ArrayList<>(List.of(Column.of("Maand", Column.Kind.MONTH)));
        years.forEach(r -> columns.addAll(List.of(Column.count("Verstrekte passen " + r.year()), Column.count("Uniek gebruik " + r.year()))));
        List<List<Object>> rows = new ArrayList<>();
        for (int month = 0; month < 12; month++) {
            List<Object> row = new ArrayList<>(List.of(month + 1));
            for (MonthlyPassReport r : years) {
                row.add(r.months().get(month).issuedPasses());
                row.add(r.months().get(month).uniqueUsers());
            }
            rows.add(row);
        }
        List<Object> total = new ArrayList<>();
        total.add(null);
        years.forEach(r -> {
            total.add(r.total().issuedPasses());
            total.add(r.total().uniqueUsers());
        });
        return ReportTable.of("Passen en gebruik per maand", columns, rows).withTotal(total);
    }

    private static String fileName(List<MonthlyPassReport> years) {
        return "verstrekte-passen-" + years.get(0).year();
    }

    private List<MonthlyPassReport> reports(String municipality, Integer year, Integer compareYear, Instant moment) {
        String m = ReportParameters.municipality(municipality);
        List<MonthlyPassReport> years = new ArrayList<>(List.of(report(m, ReportParameters.year("year", year), moment)));
        if (compareYear != null) {
            years.add(report(m, ReportParameters.year("compareYear", compareYear), moment));
        }
        return years;
    }

    private MonthlyPassReport report(String municipality, int year, Instant moment) {
        return moment == null ? queries.report(municipality, year) : queries.report(municipality, year, moment);
    }

    private static String chart(MonthlyPassReport report) {
        List<BarChart.Group> groups = report.months().stream()
                .map(mo -> new BarChart.Group(ReportParameters.monthName(mo.month()).substring(0, 3),
                        Arrays.asList(orNull(mo.issuedPasses()), orNull(mo.uniqueUsers()))))
                .toList();
        return BarChart.svg("Verstrekte passen en uniek gebruik " + report.year(), List.of("Verstrekte passen", "Uniek gebruik"), groups);
    }

    private static Long orNull(Integer count) {
        return count == null ? null : count.longValue();
    }
}
