package nl.kindpakket.ledger.api.web;

import static nl.kindpakket.ledger.api.web.LedgerHttp.assertProblem;
import static nl.kindpakket.ledger.api.web.Testville.BASE;
import static nl.kindpakket.ledger.api.web.Testville.YEAR;
import static nl.kindpakket.ledger.api.web.Testville.YEAR_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import nl.kindpakket.ledger.api.web.LedgerHttp.Answer;
import nl.kindpakket.ledger.api.web.Testville.Child;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Input of the wrong type is refused over HTTP with 400 naming the field, never coerced, and nothing is events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StrictInputOverHttpTest extends TestvilleOverHttp {

    Child child;

    @BeforeEach
    void grantAChild() {
        child = testville.grant("strict", "{\"3\": 5000}");
    }

    @ParameterizedTest(name = "fromYear {0}, credits {1}")
    @CsvSource(delimiter = '|', value = {
            "2016.9   | {\"1\": 100}            | fromYear",
            "\"2016\" | {\"1\": 100}            | fromYear",
            "2016     | {\"1\": 12.7}           | renewals[0].credits.1",
            "2016     | {\"1\": 1, \"2\": \"250\"} | renewals[0].credits.2"})
    void an_annual_reset_refuses_what_it_used_to_coerce(String fromYear, String credits, String field) {
        String body = """
                {"fromYear": %s, "toYear": 2017, "effectiveOn": "2017-01-01",
                 "renewals": [{"childRef": "c-1", "passNumber": "P-0001", "credits": %s}]}""".formatted(fromYear, credits);
        long jobs = jobs();

        Answer answer = http.post("staff", BASE + "/annual-resets", body);

        assertProblem(answer, 400, "invalid-input");
        assertThat(answer.json().path("field").asText()).isEqualTo(field);
        assertThat(jobs()).isEqualTo(jobs);
    }

    @ParameterizedTest(name = "{0} {1}, twice: {2}")
    @CsvSource(delimiter = '|', value = {
            "redemptionId | 123                                      | false",
            "providerId   | true                                     | false",
            "occurredAt   | 1489486500                               | false",
            "occurredAt   | \"+1000000000-12-31T23:59:59.999999999Z\" | false",
            "occurredAt   | \"2999-12-31T23:59:59Z\"                  | false",
            "amountCents  | \"100\"                                  | false",
            "amountCents  | 1                                        | true",
            "spendingLine | \"1\"                                    | true"})
    void a_redemption_with_a_value_of_the_wrong_type_or_a_field_given_twice_is_refused(String field, String value,
            boolean twice) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of(
                "redemptionId", quoted(testville.id("r-strict")), "passNumber", quoted(child.passNumber()),
                "providerId", quoted("zwembad"), "spendingLine", quoted("3"), "amountCents", "100",
                "occurredAt", quoted(YEAR + "-03-14T10:15:00Z")));
        String extra = twice ? ", \"" + field + "\": " + value : "";
        if (!twice) {
            fields.put(field, value);
        }
        String body = fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", extra + "}"));

        Answer answer = events.unchanged(child.entitlementId(), () -> http.post("pool", BASE + "/redemptions", body));

        assertProblem(answer, 400, "invalid-input");
        assertThat(answer.json().path("field").asText()).as(body).isEqualTo(field);
    }

    @Test
    void a_date_time_for_a_date_and_a_line_given_twice_in_the_credits_are_refused() {
        Child other = new Child(testville.id("twice"), "P-" + testville.id("twice"));
        Answer dateTime = http.post("staff", YEAR_BASE + "/entitlements", other.grantBody("{\"3\": 100}")
                .replace("\"" + YEAR + "-01-02\"", "\"" + YEAR + "-01-02T10:00:00\""));
        assertProblem(dateTime, 400, "invalid-input");
        assertThat(dateTime.json().path("field").asText()).isEqualTo("grantedOn");

        Answer twice = http.post("staff", YEAR_BASE + "/entitlements", other.grantBody("{\"3\": 100, \"3\": 900}"));
        assertProblem(twice, 400, "invalid-input");
        assertThat(twice.json().path("field").asText()).isEqualTo("credits.3");
        assertThat(events.of(other.entitlementId())).isZero();
    }

    @Test
    void an_fte_as_a_string_or_of_zero_is_refused() {
        for (String fte : new String[] {"\"1.5\"", "0", "-1"}) {
            Answer answer = events.unchanged(Testville.MUNICIPALITY + ":" + YEAR, () -> http.post("staff", YEAR_BASE + "/overhead-costs", """
                    {"costId": "%s", "organisation": "WestlandPas", "task": "pasbeheer", "amountCents": 100, "fte": %s,
                     "incurredOn": "%d-03-01"}""".formatted(testville.id("c-fte"), fte, YEAR)));
            assertProblem(answer, 400, "invalid-input");
            assertThat(answer.json().path("field").asText()).as(fte).isEqualTo("fte");
        }
    }

    @Test
    void a_provider_cannot_accept_a_spending_line_that_no_year_has() {
        String provider = testville.id("ghost-lines");

        Answer answer = http.post("staff", BASE + "/providers", """
                {"providerId": "%s", "name": "Spook", "spendingLines": ["3", "zz-none"]}""".formatted(provider));

        assertProblem(answer, 422, "unknown-spending-line");
        assertThat(events.of(Testville.MUNICIPALITY + ":" + provider)).isZero();
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private long jobs() {
        Long count = jdbc.queryForObject("select count(*) from annual_reset_job", Long.class);
        return count == null ? 0 : count;
    }
}
