package nl.kindpakket.ledger.api.reports;

import java.time.Instant;
import java.util.List;

import nl.kindpakket.ledger.api.asof.AsOf;
import nl.kindpakket.ledger.projections.spending.SpendingLineQueries;
import nl.kindpakket.ledger.projections.spending.SpendingLineReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finance's spending per line (bestedingslijn, seed 003), as JSON, CSV and a printable page; with {@code asOf}, as it stood then. */
@RestController
@RequestMapping("/api/v1/municipalities/{municipality}/reports/spending-lines")
class SpendingLineReports {

    static final String OVERCOMMITTED = "\u26A0";

    private final SpendingLineQueries queries;
    private final AsOf asOf;

    SpendingLineReports(SpendingLineQueries queries, AsOf asOf) {
        this.queries = queries;
        this.asOf = asOf;
    }

    @GetMapping
    SpendingLineReport json(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        return report(municipality, year, this.asOf.parse(asOf));
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        SpendingLineReport report = report(municipality, year, this.asOf.parse(asOf));
        Csv csv = new Csv("bestedingslijn", "naam", "beschikbaar", "vastgelegd", "besteed", "resterend", "terugbetaald");
        report.lines().forEach(l -> csv.row(l.code(), l.name(), Euros.plain(l.availableCents()), Euros.plain(l.committedCents()),
                Euros.plain(l.spentCents()), Euros.plain(l.remainingCents()), Euros.plain(l.refundedCents())));
        var t = report.total();
        csv.row("totaal", "", Euros.plain(t.availableCents()), Euros.plain(t.committedCents()), Euros.plain(t.spentCents()),
                Euros.plain(t.remainingCents()), Euros.plain(t.refundedCents()));
        return ReportResponses.csv(csv, "bestedingslijnen-" + report.year() + ".csv");
    }

    @GetMapping(produces = "text/html")
    ResponseEntity<String> html(@PathVariable String municipality, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String asOf) {
        Instant moment = this.asOf.parse(asOf);
        SpendingLineReport report = report(municipality, year, moment);
        HtmlPage page = new HtmlPage("Bestedingslijnen", "Gemeente " + report.municipality() + ", " + report.year()
                + ", bedragen in euro's" + ReportParameters.asOfLabel(moment));
        var t = report.total();
        page.table(List.of("Bestedingslijn", "Naam", "Beschikbaar", "Vastgelegd", "Besteed", "Resterend", "Terugbetaald",
                        "Overbelast"),
                report.lines().stream().map(l -> List.of(l.code(), text(l.name()), Euros.dutch(l.availableCents()),
                        Euros.dutch(l.committedCents()), Euros.dutch(l.spentCents()), Euros.dutch(l.remainingCents()),
                        Euros.dutch(l.refundedCents()), overcommitted(l.overcommittedCents()))).toList(),
                List.of("Totaal", "", Euros.dutch(t.availableCents()), Euros.dutch(t.committedCents()), Euros.dutch(t.spentCents()),
                        Euros.dutch(t.remainingCents()), Euros.dutch(t.refundedCents()), overcommitted(t.overcommittedCents())));
        if (!report.byOrganisation().isEmpty()) {
            page.heading("Per uitvoerende organisatie");
            page.table(List.of("Organisatie", "Bestedingslijn", "Besteed", "Terugbetaald"),
                    report.byOrganisation().stream().map(o -> List.of(o.organisation(), o.spendingLine(),
                            Euros.dutch(o.expenditureCents()), Euros.dutch(o.refundedCents()))).toList(), null);
        }
        if (!report.refunds().isEmpty()) {
            page.heading("Terugbetaling onderbesteding");
            page.table(List.of("Organisatie", "Bestedingslijn", "Bedrag", "Terugbetaald op", "Terug naar"),
                    report.refunds().stream().map(r -> List.of(r.organisation(), r.spendingLine(), Euros.dutch(r.amountCents()),
                            r.refundedOn().toString(), r.returnedTo())).toList(), null);
        }
        page.paragraph("Vastgelegd: tegoed dat nog open staat op actieve rechten. Besteed: bestedingen met passen min "
                + "terugdraaiingen, plus uitgaven van uitvoerende organisaties. Resterend: beschikbaar min besteed min "
                + "terugbetaald. Overbelast (" + OVERCOMMITTED + "): het vastgelegde tegoed is groter dan wat resteert; "
                + "kinderen mogen het besteden, de lijn kan het niet betalen.");
        return ReportResponses.html(page);
    }

    /** A line whose committed credit exceeds what remains is marked, so that it stands out on paper. */
    private static String overcommitted(long cents) {
        return cents > 0 ? OVERCOMMITTED + " " + Euros.dutch(cents) : "";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private SpendingLineReport report(String municipality, Integer year, Instant moment) {
        String m = ReportParameters.municipality(municipality);
        int y = ReportParameters.year("year", year);
        return moment == null ? queries.report(m, y) : queries.report(m, y, moment);
    }
}
