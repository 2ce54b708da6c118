package nl.kindpakket.ledger.api.figures;

import static nl.kindpakket.ledger.api.figures.Staff.euros;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import nl.kindpakket.ledger.core.api.Municipality;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may read a spending line's journal, and what a request for one that cannot be answered gets: staff and auditors
 * of the municipality read it, the council (which sees totals, not children) does not; an unknown line or year is a
 * 404 and a malformed parameter a 400 that names it, each application/problem+json with its own type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalRequestsTest extends RunningLedger {

    static final String TOWN = "journal-requests";

    Municipality town;
    AuditorHttp auditor;

    @BeforeAll
    void aLineWithAnAllocation() {
        town = municipality(TOWN);
        auditor = auditing("auditor", TOWN);
        new Staff(commands, town).allocate(2020, "1", "Sport en cultuur", euros(10_000), LocalDate.of(2020, 1, 6));
        readModels().awaitCaughtUp(Duration.ofSeconds(60));
    }

    @Test
    void staff_and_auditors_of_the_municipality_read_the_journal_and_the_council_is_refused() {
        AuditorHttp.Answer staff = auditing("staff", TOWN).get(journal(2020, "1", ""), "application/json");
        AuditorHttp.Answer audit = auditor.get(journal(2020, "1", ""), "application/json");
        CouncilHttp.Page council = council(TOWN).get(journal(2020, "1", ""), "application/json");
        CouncilHttp.Page councilPage = council(TOWN).get(journal(2020, "1", ""), "text/html");

        assertThat(staff.status()).isEqualTo(200);
        assertThat(audit.json()).isEqualTo(staff.json());
        assertThat(audit.json().path("name").asText()).isEqualTo("Sport en cultuur");
        assertThat(audit.json().at("/postings/0/kind").asText()).isEqualTo("allocation");
        assertThat(audit.json().at("/postings/0/availableCents").asLong()).isEqualTo(euros(10_000));
        assertThat(council.status()).isEqualTo(403);
        assertThat(council.contentType()).startsWith("application/problem+json");
        assertThat(council.body()).contains("\"type\":\"/problems/forbidden\"");
        assertThat(councilPage.status()).isEqualTo(403);
    }

    @Test
    void a_municipality_the_caller_does_not_serve_is_not_revealed() {
        AuditorHttp.Answer elsewhere = auditing("auditor", "enschede-journal").get(journal(2020, "1", ""), "application/json");

        assertProblem(elsewhere, 404, "unknown-municipality", null);
    }

    @Test
    void an_unknown_line_or_year_answers_404_with_its_own_problem_type() {
        assertProblem(auditor.get(journal(2020, "9", ""), "application/json"), 404, "spending-line-not-found", null);
        assertProblem(auditor.get(journal(2020, "9", ""), "text/csv"), 404, "spending-line-not-found", null);
        assertProblem(auditor.get(journal(2019, "1", ""), "application/json"), 404, "unknown-budget-year", null);
        assertProblem(auditor.get(journal(2019, "1", ""), "text/html"), 404, "unknown-budget-year", null);
    }

    @Test
    void a_bad_date_limit_cursor_provider_or_year_answers_400_naming_the_parameter() {
        assertProblem(auditor.get(journal(2020, "1", "?from=2020-13-01"), "application/json"), 400, "invalid-input", "from");
        assertProblem(auditor.get(journal(2020, "1", "?to=1-4-2020"), "application/json"), 400, "invalid-input", "to");
        assertProblem(auditor.get(journal(2020, "1", "?from=2020-05-01&to=2020-04-30"), "text/csv"), 400, "invalid-input", "to");
        assertProblem(auditor.get(journal(2020, "1", "?limit=0"), "application/json"), 400, "invalid-input", "limit");
        assertProblem(auditor.get(journal(2020, "1", "?limit=10001"), "application/json"), 400, "invalid-input", "limit");
        assertProblem(auditor.get(journal(2020, "1", "?limit=many"), "application/json"), 400, "invalid-input", "limit");
        assertProblem(auditor.get(journal(2020, "1", "?after=-2"), "application/json"), 400, "invalid-input", "after");
        assertProblem(auditor.get(journal(2020, "1", "?after=first"), "application/json"), 400, "invalid-input", "after");
        assertProblem(auditor.get(journal(2020, "1", "?provider=a%20b"), "application/json"), 400, "invalid-input", "provider");
        assertProblem(auditor.get(journal(2020, "1", "?asOf=gisteren"), "application/json"), 400, "invalid-input", "asOf");
        assertProblem(auditor.get(journal(1999, "1", ""), "application/json"), 400, "invalid-input", "year");
        assertProblem(auditor.get(journal(2020, "123456782", ""), "application/json"), 400, "bsn-like-value", "code");
        assertThat(auditor.get(journal(2020, "1", "?limit=10000&from=2020-01-06&to=2020-01-06"), "application/json").status())
                .isEqualTo(200);
    }

    private static void assertProblem(AuditorHttp.Answer answer, int status, String rule, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText()).isEqualTo("/problems/" + rule);
        if (field != null) {
            assertThat(problem.path("field").asText()).isEqualTo(field);
        }
    }

    private String journal(int year, String code, String query) {
        return "/api/v1/municipalities/" + town.slug() + "/years/" + year + "/spending-lines/" + code + "/postings" + query;
    }
}
