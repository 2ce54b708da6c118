package nl.kindpakket.ledger.api.reports;

import java.util.List;

import nl.kindpakket.ledger.projections.provider.ProviderStatementQueries;
import nl.kindpakket.ledger.projections.provider.ProviderStatementReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the municipality owes each provider per month: redemptions, reversals and the net amount to pay. */
@RestController
@RequestMapping("/api/v1/municipalities/{municipality}/reports/providers")
class ProviderStatementReports {

    private final ProviderStatementQueries queries;

    ProviderStatementReports(ProviderStatementQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    ProviderStatementReport json(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer month) {
        String m = ReportParameters.municipality(municipality);
        int y = ReportParameters.year("year", year);
        return ReportParameters.month(month) == null ? queries.forYear(m, y) : queries.forMonth(m, y, month);
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer month) {
        ProviderStatementReport report = json(municipality, year, month);
        Csv csv = new Csv("aanbieder", "naam", "maand", "betalingen", "bedrag betalingen", "correcties", "bedrag correcties", "te betalen");
        report.statements().forEach(s -> csv.row(s.providerId(), s.providerName(), s.month(), s.redemptionCount(),
                Euros.plain(s.redemptionCents()), s.reversalCount(), Euros.plain(s.reversalCents()), Euros.plain(s.netCents())));
        var t = report.total();
        csv.row("totaal", "", "", t.redemptionCount(), Euros.plain(t.redemptionCents()), t.reversalCount(),
                Euros.plain(t.reversalCents()), Euros.plain(t.netCents()));
        return ReportResponses.csv(csv, "aanbieders-" + report.year() + (report.month() == null ? "" : "-" + report.month()) + ".csv");
    }

    @GetMapping(produces = "text/html")
    ResponseEntity<String> html(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer month) {
        ProviderStatementReport report = json(municipality, year, month);
        HtmlPage page = new HtmlPage("Afrekening aanbieders", "Gemeente " + report.municipality() + ", " + report.year()
                + (report.month() == null ? "" : ", " + ReportParameters.MONTHS[report.month() - 1]) + ", bedragen in euro's");
        var t = report.total();
        page.table(List.of("Aanbieder", "Maand", "Betalingen", "Bedrag", "Correcties", "Bedrag correcties", "Te betalen"),
                report.statements().stream().map(s -> List.of(s.providerName() == null ? s.providerId() : s.providerName(),
                        s.month(), Euros.dutchNumber(s.redemptionCount()), Euros.dutch(s.redemptionCents()),
                        Euros.dutchNumber(s.reversalCount()), Euros.dutch(s.reversalCents()), Euros.dutch(s.netCents()))).toList(),
                List.of("Totaal", "", Euros.dutchNumber(t.redemptionCount()), Euros.dutch(t.redemptionCents()),
                        Euros.dutchNumber(t.reversalCount()), Euros.dutch(t.reversalCents()), Euros.dutch(t.netCents())));
        return ReportResponses.html(page);
    }
}
