package nl.kindpakket.ledger.api.reports;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;

import nl.kindpakket.ledger.api.asof.AsOf;
import nl.kindpakket.ledger.projections.overhead.OverheadQueries;
import nl.kindpakket.ledger.projections.overhead.OverheadReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Overhead (uitvoeringskosten) against money that reached the children (seeds 000 and 002); with {@code asOf}, as it stood then. */
@RestController
@RequestMapping("/api/v1/municipalities/{municipality}/reports/overhead")
class OverheadReports {

    private final OverheadQueries queries;
    private final AsOf asOf;

    OverheadReports(OverheadQueries queries, AsOf asOf) {
        this.queries = queries;
        this.asOf = asOf;
    }

    @GetMapping
    OverheadReport json(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        return report(municipality, year, this.asOf.parse(asOf));
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        OverheadReport report = report(municipality, year, this.asOf.parse(asOf));
        List<String> organisations = report.byOrganisation().stream().map(OverheadReport.OrganisationOverhead::organisation).toList();
        List<String> header = new ArrayList<>(List.of("taak", "fte", "totaal"));
        header.addAll(organisations);
        Csv csv = new Csv(header.toArray(String[]::new));
        for (OverheadReport.TaskOverhead task : report.byTask()) {
            List<Object> row = new ArrayList<>(List.of(task.task(), task.fte().toPlainString(), Euros.plain(task.overheadCents())));
            organisations.forEach(o -> row.add(amount(task.overheadCentsByOrganisation().get(o), Euros::plain)));
            csv.row(row);
        }
        List<Object> total = new ArrayList<>(List.of("totaal", report.fte().toPlainString(), Euros.plain(report.overheadCents())));
        report.byOrganisation().forEach(o -> total.add(Euros.plain(o.overheadCents())));
        csv.row(total);
        return ReportResponses.csv(csv, "uitvoeringskosten-" + report.year() + ".csv");
    }

    @GetMapping(produces = "text/html")
    ResponseEntity<String> html(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        Instant moment = this.asOf.parse(asOf);
        OverheadReport report = report(municipality, year, moment);
        List<String> organisations = report.byOrganisation().stream().map(OverheadReport.OrganisationOverhead::organisation).toList();
        HtmlPage page = new HtmlPage("Uitvoeringskosten en directe besteding", "Gemeente " + report.municipality() + ", " + report.year()
                + ", bedragen in euro's" + ReportParameters.asOfLabel(moment));
        page.table(List.of("", "Bedrag"), List.of(
                        List.of("Uitvoeringskosten", Euros.dutch(report.overheadCents())),
                        List.of("Direct ten goede aan kinderen (besteed)", Euros.dutch(report.directBenefitCents()))),
                List.of("Aandeel uitvoeringskosten", Euros.percentage(report.overheadShare())));
        List<String> header = new ArrayList<>(List.of("Taak", "FTE", "Totaal"));
        header.addAll(organisations);
        List<List<String>> rows = new ArrayList<>();
        for (OverheadReport.TaskOverhead task : report.byTask()) {
            List<String> row = new ArrayList<>(List.of(task.task(), Euros.dutchDecimal(task.fte()), Euros.dutch(task.overheadCents())));
            organisations.forEach(o -> row.add(amount(task.overheadCentsByOrganisation().get(o), Euros::dutch)));
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("Totaal", Euros.dutchDecimal(report.fte()), Euros.dutch(report.overheadCents())));
        report.byOrganisation().forEach(o -> total.add(Euros.dutch(o.overheadCents())));
        page.heading("Per taak en organisatie");
        page.table(header, rows, total);
        page.paragraph("Aandeel uitvoeringskosten = uitvoeringskosten / (uitvoeringskosten + directe besteding).");
        return ReportResponses.html(page);
    }

    private static String amount(Long cents, java.util.function.LongFunction<String> format) {
        return cents == null ? "–" : format.apply(cents);
    }

    private OverheadReport report(String municipality, Integer year, Instant moment) {
        String m = ReportParameters.municipality(municipality);
        int y = ReportParameters.year("year", year);
        return moment == null ? queries.report(m, y) : queries.report(m, y, moment);
    }
}
