package nl.kindpakket.ledger.api.reports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.api.lookup.BudgetYears;
import nl.kindpakket.ledger.api.security.Caller;
import nl.kindpakket.ledger.api.security.Callers;
import nl.kindpakket.ledger.api.security.RequestKind;
import nl.kindpakket.ledger.api.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * What a signed-in person sees at {@code /} in a browser: the reports their role may read for their municipality, by
 * year, each with its page and its downloads, and where the API and the reports are explained.
 */
@RestController
class StartPage {

    static final String API_DOCUMENT = "/v3/api-docs";
    static final String API_BROWSER = "/swagger-ui.html";
    private static final Map<Role, String> ROLES = Map.of(
            Role.MUNICIPALITY_STAFF, "medewerker van de gemeente",
            Role.PROVIDER, "aanbieder",
            Role.AUDITOR, "controleur",
            Role.COUNCIL, "raad",
            Role.INTEGRATOR, "koppeling",
            Role.OPERATOR, "beheerder");
    private static final List<Report> REPORTS = List.of(
            new Report("monthly-passes", "Verstrekte passen en uniek gebruik per maand"),
            new Report("spending-lines", "Bestedingslijnen"),
            new Report("overhead", "Uitvoeringskosten en directe besteding"),
            new Report("providers", "Afrekening aanbieders"));

    private final BudgetYears budgetYears;
    private final MunicipalityNames names;

    StartPage(BudgetYears budgetYears, MunicipalityNames names) {
        this.budgetYears = budgetYears;
        this.names = names;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> start() {
        Caller caller = Callers.current().orElseThrow();
        String where = caller.spansAllMunicipalities() ? "Alle gemeenten" : names.of(caller.municipality());
        HtmlPage page = new HtmlPage("Kindpakket-ledger", where + ", aangemeld als " + caller.name() + " ("
                + ROLES.get(caller.role()) + ")");
        if (RequestKind.REPORT_READ.allows(caller.role()) && !caller.spansAllMunicipalities()) {
            reports(page, caller.municipality());
        } else {
            page.paragraph("Met deze rol zijn er geen rapportages in te zien; de API hieronder beschrijft wat deze rol kan.");
        }
        page.heading("Over de rapportages en de API");
        page.links(List.of(new HtmlPage.Link("Wat elk cijfer betekent", ReportGuide.PATH),
                new HtmlPage.Link("De API in de browser (Swagger UI)", API_BROWSER),
                new HtmlPage.Link("De API-beschrijving (OpenAPI 3)", API_DOCUMENT)));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page.toString());
    }

    private void reports(HtmlPage page, String municipality) {
        List<Integer> years = budgetYears.of(municipality);
        if (years.isEmpty()) {
            page.paragraph("Er is nog voor geen enkel jaar budget toegekend; de rapportages verschijnen hier zodra dat gebeurt.");
        }
        for (int year : years) {
            page.heading(String.valueOf(year));
            List<HtmlPage.Link> links = new ArrayList<>();
            for (Report report : REPORTS) {
                String address = "/api/v1/municipalities/" + UriUtils.encodePathSegment(municipality, StandardCharsets.UTF_8)
                        + "/reports/" + report.path() + "?year=" + year;
                links.add(new HtmlPage.Link(report.title(), address, List.of(
                        new HtmlPage.Link("Excel", address + "&format=xlsx"),
                        new HtmlPage.Link("CSV voor Excel", address + "&csv=" + CsvDialect.EXCEL_NL_NAME),
                        new HtmlPage.Link("CSV", address + "&format=csv"))));
            }
            page.links(links);
        }
    }

    private record Report(String path, String title) {
    }
}
