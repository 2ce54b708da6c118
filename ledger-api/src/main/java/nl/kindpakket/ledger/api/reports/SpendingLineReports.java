package nl.kindpakket.ledger.api.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.kindpakket.ledger.api.asof.AsOf;
import nl.kindpakket.ledger.api.security.Callers;
import nl.kindpakket.ledger.api.security.RequestKind;
import nl.kindpakket.ledger.projections.spending.SpendingLineQueries;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance's spending per line (bestedingslijn), as in the Enschede board proposal of December 2021: JSON, CSV, a
 * workbook and a printable page; with {@code asOf}, as it stood then. The page links each line's journal for those
 * who may read it (not the council, which sees totals, not children).
 */
@RestController
@RequestMapping("/api/v1/municipalities/{municipality}/reports/spending-lines")
class SpendingLineReports {

    static final String OVERCOMMITTED = "\u26A0";

    private final SpendingLineQueries queries;
    private final AsOf asOf;
    private final MunicipalityNames names;

    SpendingLineReports(SpendingLineQueries queries, AsOf asOf, MunicipalityNames names) {
        this.queries = queries;
        this.asOf = asOf;
        this.names = names;
    }

    @GetMapping
    SpendingLineReport json(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        return report(municipality, year, this.asOf.parse(asOf));
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf, @RequestParam(name = "csv", required = false) String dialect,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        CsvDialect chosen = CsvDialect.requested(dialect, accept);
        SpendingLineReport report = report(municipality, year, this.asOf.parse(asOf));
        return ReportResponses.csv(lines(report), chosen, fileName(report));
    }

    @GetMapping(produces = ReportResponses.XLSX_VALUE)
    ResponseEntity<byte[]> xlsx(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        SpendingLineReport report = report(municipality, year, this.asOf.parse(asOf));
        return ReportResponses.xlsx(tables(report), fileName(report));
    }

    @GetMapping(produces = "text/html")
    ResponseEntity<String> html(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        Instant moment = this.asOf.parse(asOf);
        SpendingLineReport report = report(municipality, year, moment);
        HtmlPage page = new HtmlPage("Bestedingslijnen", names.of(report.municipality()) + ", " + report.year()
                + ", bedragen in euro's" + ReportParameters.asOfLabel(moment));
        List<ReportTable> tables = tables(report);
        page.table(tables.get(0));
        page.trusted("<figure>" + chart(report) + "<figcaption>Beschikbaar, besteed en resterend per bestedingslijn, "
                + report.year() + ", in euro's.</figcaption></figure>");
        for (ReportTable table : tables.subList(1, tables.size())) {
            page.heading(table.title());
            page.table(table);
        }
        if (Callers.current().map(caller -> RequestKind.JOURNAL_READ.allows(caller.role())).orElse(false)) {
            page.heading("Boekingen per bestedingslijn");
            page.links(report.lines().stream().map(l -> new HtmlPage.Link(l.code() + " " + text(l.name()),
                    SpendingLineJournals.address(report.municipality(), report.year(), l.code(), moment))).toList());
        }
        page.paragraph("Vastgelegd: tegoed dat nog open staat op actieve rechten, gereserveerd tegoed inbegrepen. "
                + "Gereserveerd: het deel daarvan dat aanbieders vasthouden voor boekingen die nog niet zijn "
                + "afgerekend. Besteed: bestedingen met passen min "
                + "terugdraaiingen, plus uitgaven van uitvoerende organisaties. Resterend: beschikbaar min besteed min "
                + "terugbetaald. Overbelast (" + OVERCOMMITTED + "): het vastgelegde tegoed is groter dan wat resteert; "
                + "kinderen mogen het besteden, de lijn kan het niet betalen.");
        return ReportResponses.html(page);
    }

    /** The lines with their total: the table of the board proposal, and the CSV. */
    static ReportTable lines(SpendingLineReport report) {
        var t = report.total();
        return ReportTable.of("Bestedingslijnen", List.of(Column.text("Bestedingslijn"), Column.text("Naam"),
                        Column.euros("Beschikbaar"), Column.euros("Vastgelegd"), Column.euros("Besteed"), Column.euros("Resterend"),
                        Column.euros("Terugbetaald"), Column.euros("Overbelast").warnsAboveZero(OVERCOMMITTED),
                        Column.euros("Gereserveerd")),
                report.lines().stream().map(l -> Arrays.<Object>asList(l.code(), text(l.name()), l.availableCents(), l.committedCents(),
                        l.spentCents(), l.remainingCents(), l.refundedCents(), l.overcommittedCents(),
                        l.reservedCents())).toList())
                .withTotal(Arrays.asList("", "", t.availableCents(), t.committedCents(), t.spentCents(), t.remainingCents(),
                        t.refundedCents(), t.overcommittedCents(), t.reservedCents()));
    }

    /** The lines, and where they exist, the organisations' part and the refunds: one sheet each in a workbook. */
    private static List<ReportTable> tables(SpendingLineReport report) {
        List<ReportTable> tables = new ArrayList<>(List.of(lines(report)));
        if (!report.byOrganisation().isEmpty()) {
            tables.add(ReportTable.of("Per uitvoerende organisatie", List.of(Column.text("Organisatie"), Column.text("Bestedingslijn"),
                            Column.euros("Besteed"), Column.euros("Terugbetaald")),
                    report.byOrganisation().stream().map(o -> Arrays.<Object>asList(o.organisation(), o.spendingLine(),
                            o.expenditureCents(), o.refundedCents())).toList()));
        }
        if (!report.refunds().isEmpty()) {
            tables.add(ReportTable.of("Terugbetaling onderbesteding", List.of(Column.text("Organisatie"), Column.text("Bestedingslijn"),
                            Column.euros("Bedrag"), Column.date("Terugbetaald op"), Column.text("Terug naar")),
                    report.refunds().stream().map(r -> Arrays.<Object>asList(r.organisation(), r.spendingLine(), r.amountCents(),
                            r.refundedOn(), r.returnedTo())).toList()));
        }
        return tables;
    }

    /** Available, spent and remaining per line, in whole euros. */
    private static String chart(SpendingLineReport report) {
        List<BarChart.Group> groups = report.lines().stream()
                .map(l -> new BarChart.Group(l.code(), List.of(l.availableCents() / 100, l.spentCents() / 100, l.remainingCents() / 100)))
                .toList();
        return BarChart.svg("Bestedingslijnen " + report.year(), List.of("Beschikbaar", "Besteed", "Resterend"), groups);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String fileName(SpendingLineReport report) {
        return "bestedingslijnen-" + report.year();
    }

    private SpendingLineReport report(String municipality, Integer year, Instant moment) {
        String m = ReportParameters.municipality(municipality);
        int y = ReportParameters.year("year", year);
        return moment == null ? queries.report(m, y) : queries.report(m, y, moment);
    }
}
