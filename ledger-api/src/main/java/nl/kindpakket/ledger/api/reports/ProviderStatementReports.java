package nl.kindpakket.ledger.api.reports;

import java.util.List;

import nl.kindpakket.ledger.projections.provider.ProviderStatementQueries;
import nl.kindpakket.ledger.projections.provider.ProviderStatementReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the municipality owes each provider per month: redemptions, reversals and the net amount to pay. */
@RestController
@RequestMapping("/api/v1/municipalities/{municipality}/reports/providers")
class ProviderStatementReports {

    private final ProviderStatementQueries queries;
    private final MunicipalityNames names;

    ProviderStatementReports(ProviderStatementQueries queries, MunicipalityNames names) {
        this.queries = queries;
        this.names = names;
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
            @RequestParam(required = false) Integer month, @RequestParam(name = "csv", required = false) String dialect,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        CsvDialect chosen = CsvDialect.requested(dialect, accept);
        ProviderStatementReport report = json(municipality, year, month);
        return ReportResponses.csv(statements(report), chosen, fileName(report));
    }

    @GetMapping(produces = ReportResponses.XLSX_VALUE)
    ResponseEntity<byte[]> xlsx(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer month) {
        ProviderStatementReport report = json(municipality, year, month);
        return ReportResponses.xlsx(List.of(statements(report)), fileName(report));
    }

    @GetMapping(produces = "text/html")
    ResponseEntity<String> html(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer month) {
        ProviderStatementReport report = json(municipality, year, month);
        HtmlPage page = new HtmlPage("Afrekening aanbieders", names.of(report.municipality()) + ", " + report.year()
                + (report.month() == null ? "" : ", " + ReportParameters.MONTHS[report.month() - 1]) + ", bedragen in euro's");
        page.table(statements(report));
        return ReportResponses.html(page);
    }

    /** A row per provider and month, and the total row. */
    static ReportTable statements(ProviderStatementReport report) {
        var t = report.total();
        return ReportTable.of("Afrekening aanbieders", List.of(Column.text("Aanbieder"), Column.text("Naam"), Column.text("Maand"),
                        Column.count("Betalingen"), Column.euros("Bedrag betalingen"), Column.count("Correcties"),
                        Column.euros("Bedrag correcties"), Column.euros("Te betalen")),
                report.statements().stream().map(s -> java.util.Arrays.<Object>asList(s.providerId(), s.providerName(), s.month(),
                        s.redemptionCount(), s.redemptionCents(), s.reversalCount(), s.reversalCents(), s.netCents())).toList())
                .withTotal(java.util.Arrays.asList("", "", "", t.redemptionCount(), t.redemptionCents(), t.reversalCount(),
                        t.reversalCents(), t.netCents()));
    }

    private static String fileName(ProviderStatementReport report) {
        return "aanbieders-" + report.year() + (report.month() == null ? "" : "-" + report.month());
    }
}
