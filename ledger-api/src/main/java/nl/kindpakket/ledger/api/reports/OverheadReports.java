package nl.kindpakket.ledger.api.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.kindpakket.ledger.api.asof.AsOf;
import nl.kindpakket.ledger.projections.overhead.OverheadQueries;
import nl.kindpakket.ledger.projections.overhead.OverheadReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Overhead (uitvoeringskosten) against money that reached the children, the key figure of the Westland council letter
 * on the WestlandPas of 2018, per task and organisation as in the Westland council letter on preventive social tasks
 * of 2018; with {@code asOf}, as it stood then.
 */
@RestController
@RequestMapping("/api/v1/municipalities/{municipality}/reports/overhead")
class OverheadReports {

    private final OverheadQueries queries;
    private final AsOf asOf;
    private final MunicipalityNames names;

    OverheadReports(OverheadQueries queries, AsOf asOf, MunicipalityNames names) {
        this.queries = queries;
        this.asOf = asOf;
        this.names = names;
    }

    @GetMapping
    OverheadReport json(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        return report(municipality, year, this.asOf.parse(asOf));
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf, @RequestParam(name = "csv", required = false) String dialect,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        CsvDialect chosen = CsvDialect.requested(dialect, accept);
        OverheadReport report = report(municipality, year, this.asOf.parse(asOf));
        return ReportResponses.csv(tasks(report), chosen, fileName(report));
    }

    @GetMapping(produces = ReportResponses.XLSX_VALUE)
    ResponseEntity<byte[]> xlsx(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        OverheadReport report = report(municipality, year, this.asOf.parse(asOf));
        return ReportResponses.xlsx(List.of(share(report), tasks(report)), fileName(report));
    }

    @GetMapping(produces = "text/html")
    ResponseEntity<String> html(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        Instant moment = this.asOf.parse(asOf);
        OverheadReport report = report(municipality, year, moment);
        HtmlPage page = new HtmlPage("Uitvoeringskosten en directe besteding", names.of(report.municipality()) + ", " + report.year()
                + ", bedragen in euro's" + ReportParameters.asOfLabel(moment));
        page.table(share(report));
        page.heading("Per taak en organisatie");
        page.table(tasks(report));
        page.paragraph("Aandeel uitvoeringskosten = uitvoeringskosten / (uitvoeringskosten + directe besteding).");
        return ReportResponses.html(page);
    }

    /** The evaluation figure: overhead, what reached the children, and the overhead's share of both. */
    static ReportTable share(OverheadReport report) {
        return ReportTable.of("Uitvoeringskosten", List.of(Column.euros("Uitvoeringskosten"),
                        Column.euros("Direct ten goede aan kinderen (besteed)"), Column.of("Aandeel uitvoeringskosten", Column.Kind.SHARE)),
                List.of(java.util.Arrays.asList(report.overheadCents(), report.directBenefitCents(), report.overheadShare())));
    }

    /** The costs per task with their FTE, a column per organisation ("–" where it has none), and the total row. */
    static ReportTable tasks(OverheadReport report) {
        List<String> organisations = report.byOrganisation().stream().map(OverheadReport.OrganisationOverhead::organisation).toList();
        List<Column> columns = new ArrayList<>(List.of(Column.text("Taak"), Column.of("FTE", Column.Kind.DECIMAL), Column.euros("Totaal")));
        organisations.forEach(o -> columns.add(Column.euros(o).csvNamed(o).csvBlank("–")));
        List<List<Object>> rows = new ArrayList<>();
        for (OverheadReport.TaskOverhead task : report.byTask()) {
            List<Object> row = new ArrayList<>(List.of(task.task(), task.fte(), task.overheadCents()));
            organisations.forEach(o -> row.add(task.overheadCentsByOrganisation().get(o)));
            rows.add(row);
        }
        List<Object> total = new ArrayList<>(List.of("", report.fte(), report.overheadCents()));
        report.byOrganisation().forEach(o -> total.add(o.overheadCents()));
        return ReportTable.of("Per taak en organisatie", columns, rows).withTotal(total);
    }

    private static String fileName(OverheadReport report) {
        return "uitvoeringskosten-" + report.year();
    }

    private OverheadReport report(String municipality, Integer year, Instant moment) {
        String m = ReportParameters.municipality(municipality);
        int y = ReportParameters.year("year", year);
        return moment == null ? queries.report(m, y) : queries.report(m, y, moment);
    }
}
