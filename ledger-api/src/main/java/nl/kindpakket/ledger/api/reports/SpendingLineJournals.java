package nl.kindpakket.ledger.api.reports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import nl.kindpakket.ledger.api.asof.AsOf;
import nl.kindpakket.ledger.core.api.refusals.UnknownBudgetYear;
import nl.kindpakket.ledger.projections.spending.JournalQueries;
import nl.kindpakket.ledger.projections.spending.JournalQuery;
import nl.kindpakket.ledger.projections.spending.LineFigures;
import nl.kindpakket.ledger.projections.spending.PostingKind;
import nl.kindpakket.ledger.projections.spending.SpendingLineJournal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * A spending line's journal: every posting behind its figures, in position order, a page at a time, as JSON, CSV, a
 * workbook and a printable page. Each format carries the next page's address in a {@code Link} header.
 */
@RestController
@RequestMapping(SpendingLineJournals.PATH)
class SpendingLineJournals {

    static final String PATH = "/api/v1/municipalities/{municipality}/years/{year}/spending-lines/{code}/postings";
    private static final Map<PostingKind, String> KINDS = Map.of(
            PostingKind.ALLOCATION, "Toekenning",
            PostingKind.REDEMPTION, "Besteding met pas",
            PostingKind.REVERSAL, "Terugdraaiing",
            PostingKind.EXPENDITURE, "Uitgave organisatie",
            PostingKind.REFUND, "Terugbetaling");

    private final JournalQueries journals;
    private final JournalParameters parameters;
    private final MunicipalityNames names;

    SpendingLineJournals(JournalQueries journals, AsOf asOf, MunicipalityNames names) {
        this.journals = journals;
        this.parameters = new JournalParameters(asOf);
        this.names = names;
    }

    @GetMapping
    ResponseEntity<SpendingLineJournal> json(@PathVariable String municipality, @PathVariable int year,
            @PathVariable String code, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String organisation, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) Long after, @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        SpendingLineJournal journal = page(parameters.query(municipality, year, code, from, to, provider, organisation,
                asOf, after, limit));
        return withNext(journal, request).body(journal);
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String municipality, @PathVariable int year, @PathVariable String code,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String provider, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit, @RequestParam(name = "csv", required = false) String dialect,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request) {
        CsvDialect chosen = CsvDialect.requested(dialect, accept);
        SpendingLineJournal journal = page(parameters.query(municipality, year, code, from, to, provider, organisation,
                asOf, after, limit));
        return withNext(ReportResponses.csv(postings(journal), chosen, fileName(journal)), journal, request);
    }

    @GetMapping(produces = ReportResponses.XLSX_VALUE)
    ResponseEntity<byte[]> xlsx(@PathVariable String municipality, @PathVariable int year, @PathVariable String code,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String provider, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit, HttpServletRequest request) {
        SpendingLineJournal journal = page(parameters.query(municipality, year, code, from, to, provider, organisation,
                asOf, after, limit));
        return withNext(ReportResponses.xlsx(List.of(postings(journal)), fileName(journal)), journal, request);
    }

    @GetMapping(produces = "text/html")
    ResponseEntity<String> html(@PathVariable String municipality, @PathVariable int year, @PathVariable String code,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String provider, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit, HttpServletRequest request) {
        JournalQuery query = parameters.query(municipality, year, code, from, to, provider, organisation, asOf, after,
                limit);
        SpendingLineJournal journal = page(query);
        HtmlPage page = new HtmlPage("Boekingen bestedingslijn " + journal.spendingLine() + " " + journal.name(),
                names.of(journal.municipality()) + ", " + journal.year() + ", bedragen in euro's"
                        + ReportParameters.asOfLabel(query.asOf()) + JournalParameters.label(query));
        page.table(postings(journal));
        page.paragraph("Elke boeking staat onder de positie van haar gebeurtenis in de gebeurtenissenstroom. Beschikbaar, "
                + "besteed, resterend en terugbetaald zijn de cijfers van de bestedingslijn na de boeking; de totaalregel "
                + "telt de boekingen op deze pagina op. Een terugdraaiing is negatief: zij haalt een besteding van besteed af.");
        page.links(links(journal, request));
        return withNext(ReportResponses.html(page), journal, request);
    }

    /** The first page of a line's journal, as of a moment when one is given: the spending lines page links to it. */
    static String address(String municipality, int year, String code, Instant asOf) {
        String path = PATH.replace("{municipality}", UriUtils.encodePathSegment(municipality, StandardCharsets.UTF_8))
                .replace("{year}", String.valueOf(year))
                .replace("{code}", UriUtils.encodePathSegment(code, StandardCharsets.UTF_8));
        return asOf == null ? path : path + "?asOf=" + UriUtils.encodeQueryParam(asOf.toString(), StandardCharsets.UTF_8);
    }

    /** The postings with the line's figures after each, and a total row of what the page's postings add up to. */
    static ReportTable postings(SpendingLineJournal journal) {
        long[] sums = new long[PostingKind.Figure.values().length];
        List<List<Object>> rows = new ArrayList<>(journal.postings().size());
        for (SpendingLineJournal.Posting p : journal.postings()) {
            PostingKind kind = PostingKind.of(p.kind());
            sums[kind.figure().ordinal()] += p.amountCents();
            rows.add(Arrays.asList(p.position(), p.businessDate(), KINDS.get(kind), p.amountCents(), p.entitlementId(),
                    p.providerId(), p.organisation(), p.availableCents(), p.spentCents(), p.remainingCents(),
                    p.refundedCents()));
        }
        long available = sums[PostingKind.Figure.AVAILABLE.ordinal()];
        long spent = sums[PostingKind.Figure.SPENT.ordinal()];
        long refunded = sums[PostingKind.Figure.REFUNDED.ordinal()];
        return ReportTable.of("Boekingen " + journal.spendingLine(), List.of(Column.position("Positie"),
                        Column.date("Datum"), Column.text("Soort"), Column.euros("Bedrag"), Column.text("Recht"),
                        Column.text("Aanbieder"), Column.text("Organisatie"), Column.euros("Beschikbaar"),
                        Column.euros("Besteed"), Column.euros("Resterend"), Column.euros("Terugbetaald")), rows)
                .withTotal(Arrays.asList(null, null, null, null, null, null, null, available, spent,
                        LineFigures.remaining(available, spent, refunded), refunded));
    }

    private SpendingLineJournal page(JournalQuery query) {
        return journals.page(query).orElseThrow(() -> journals.hasBudgetYear(query.municipality(), query.year())
                ? new SpendingLineNotFound(query.spendingLine(), query.year())
                : new UnknownBudgetYear(query.municipality() + ":" + query.year()));
    }

    /** The next page, this page as a download, and the report the line belongs to. */
    private static List<HtmlPage.Link> links(SpendingLineJournal journal, HttpServletRequest request) {
        List<HtmlPage.Link> links = new ArrayList<>();
        if (journal.next() != null) {
            links.add(new HtmlPage.Link("Volgende pagina", PageAddress.of(request).with("after", journal.next().toString())));
        }
        PageAddress self = PageAddress.of(request);
        links.add(new HtmlPage.Link("Deze boekingen als Excel-werkmap", self.with(ReportFormats.FORMAT, "xlsx"), List.of(
                new HtmlPage.Link("CSV voor Excel", self.with(ReportFormats.CSV_DIALECT, CsvDialect.EXCEL_NL_NAME)),
                new HtmlPage.Link("CSV", self.with(ReportFormats.FORMAT, "csv")))));
        links.add(new HtmlPage.Link("Alle bestedingslijnen van " + journal.year(), "/api/v1/municipalities/"
                + UriUtils.encodePathSegment(journal.municipality(), StandardCharsets.UTF_8) + "/reports/spending-lines?year="
                + journal.year() + self.parameter("asOf").map(value -> "&asOf=" + value).orElse("")));
        return links;
    }

    private static <T> ResponseEntity<T> withNext(ResponseEntity<T> answer, SpendingLineJournal journal,
                                                  HttpServletRequest request) {
        return withNext(journal, request).headers(answer.getHeaders()).body(answer.getBody());
    }

    /** An answer whose Link header names the next page when there is one (RFC 8288). */
    private static ResponseEntity.BodyBuilder withNext(SpendingLineJournal journal, HttpServletRequest request) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (journal.next() != null) {
            answer.header(HttpHeaders.LINK, "<" + PageAddress.of(request).with("after", journal.next().toString())
                    + ">; rel=\"next\"");
        }
        return answer;
    }

    private static String fileName(SpendingLineJournal journal) {
        return "boekingen-" + journal.year() + "-" + journal.spendingLine();
    }
}
