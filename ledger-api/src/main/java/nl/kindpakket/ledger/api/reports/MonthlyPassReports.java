package nl.kindpakket.ledger.api.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.kindpakket.ledger.api.asof.AsOf;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassQueries;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The council's monthly table of issued passes and unique use (seed 001), as JSON, CSV and a printable page; with
 * {@code asOf}, as it stood at that moment of recording.
 */
@RestController
@RequestMapping("/api/v1/municipalities/{municipality}/reports/monthly-passes")
class MonthlyPassReports {

    private final MonthlyPassQueries queries;
    private final AsOf asOf;

    MonthlyPassReports(MonthlyPassQueries queries, AsOf asOf) {
        this.queries = queries;
        this.asOf = asOf;
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
            @RequestParam(required = false) Integer compareYear, @RequestParam(required = false) String asOf) {
        List<MonthlyPassReport> years = reports(municipality, year, compareYear, this.asOf.parse(asOf));
        List<String> header = new ArrayList<>(List.of("maand"));
        years.forEach(r -> header.addAll(List.of("verstrekte passen " + r.year(), "uniek gebruik " + r.year())));
        Csv csv = new Csv(header.toArray(String[]::new));
        for (int month = 0; month < 12; month++) {
            List<Object> row = new ArrayList<>(List.of(ReportParameters.MONTHS[month]));
            for (MonthlyPassReport r : years) {
                row.add(r.months().get(month).issuedPasses());
                row.add(r.months().get(month).uniqueUsers());
            }
            csv.row(row);
        }
        List<Object> total = new ArrayList<>(List.of("totaal"));
        years.forEach(r -> {
            total.add(r.total().issuedPasses());
            total.add(r.total().uniqueUsers());
        });
        csv.row(total);
        return ReportResponses.csv(csv, "verstrekte-passen-" + years.get(0).year() + ".csv");
    }

    @GetMapping(produces = "text/html")
    ResponseEntity<String> html(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer compareYear, @RequestParam(required = false) String asOf) {
        Instant moment = this.asOf.parse(asOf);
        List<MonthlyPassReport> years = reports(municipality, year, compareYear, moment);
        MonthlyPassReport first = years.get(0);
        HtmlPage page = new HtmlPage("Verstrekte passen en uniek gebruik per maand",
                "Gemeente " + first.municipality() + ", " + first.year() + (years.size() > 1 ? " en " + years.get(1).year() : "")
                        + ReportParameters.asOfLabel(moment));
        List<String> header = new ArrayList<>(List.of("Maand"));
        years.forEach(r -> header.addAll(List.of("Verstrekte passen " + r.year(), "Uniek gebruik " + r.year())));
        List<List<String>> rows = new ArrayList<>();
        for (int month = 0; month < 12; month++) {
            List<String> row = new ArrayList<>(List.of(capitalised(ReportParameters.MONTHS[month])));
            for (MonthlyPassReport r : years) {
                row.add(count(r.months().get(month).issuedPasses()));
                row.add(count(r.months().get(month).uniqueUsers()));
            }
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("Totaal"));
        years.forEach(r -> {
            total.add(count(r.total().issuedPasses()));
            total.add(count(r.total().uniqueUsers()));
        });
        page.table(header, rows, total);
        for (MonthlyPassReport r : years) {
            page.trusted("<figure>" + chart(r) + "<figcaption>Verstrekte passen en uniek gebruik per maand, " + r.year()
                    + ". Verschillende kinderen met gebruik in het jaar: " + Euros.dutchNumber(r.total().distinctUsersInYear()) + ".</figcaption></figure>");
        }
        page.paragraph("Verstrekte passen: rechten van het jaar die op de laatste dag van de maand verleend en niet ingetrokken zijn. "
                + "Uniek gebruik: verschillende kinderen met ten minste één niet teruggedraaide besteding in de maand. "
                + "Het totaal van de passen is de stand van de laatste maand; het totaal van het gebruik is de som van de maanden.");
        return ReportResponses.html(page);
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
                .map(mo -> new BarChart.Group(ReportParameters.monthName(mo.month()).substring(0, 3), mo.issuedPasses(), mo.uniqueUsers()))
                .toList();
        return BarChart.svg("Verstrekte passen en uniek gebruik " + report.year(), "Verstrekte passen", "Uniek gebruik", groups);
    }

    private static String count(Integer value) {
        return value == null ? "–" : Euros.dutchNumber(value);
    }

    private static String capitalised(String month) {
        return Character.toUpperCase(month.charAt(0)) + month.substring(1);
    }
}
