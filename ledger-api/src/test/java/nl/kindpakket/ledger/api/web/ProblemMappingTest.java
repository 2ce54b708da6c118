package nl.kindpakket.ledger.api.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.function.Supplier;

import nl.kindpakket.ledger.api.security.NotOwnProvider;
import nl.kindpakket.ledger.api.store.CommitOutcomeUnknown;
import nl.kindpakket.ledger.core.api.refusals.AlreadyReversed;
import nl.kindpakket.ledger.core.api.refusals.BsnLikeValue;
import nl.kindpakket.ledger.core.api.refusals.InsufficientCredit;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import nl.kindpakket.ledger.core.api.refusals.UnknownEntitlement;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class ProblemMappingTest {

    private static final Map<String, Supplier<RuntimeException>> FAILURES = Map.ofEntries(
            Map.entry("invalid", () -> new InvalidInput("amountCents", "must be positive")),
            Map.entry("bsn", () -> new BsnLikeValue("childRef")),
            Map.entry("not-found", () -> new UnknownEntitlement("westland:2019:child-1")),
            Map.entry("conflict", () -> new AlreadyReversed("r-1")),
            Map.entry("rule", () -> new InsufficientCredit("3", 100, 200)),
            Map.entry("wrapped", () -> new CommandExecutionException("failed", new InsufficientCredit("3", 100, 200))),
            Map.entry("deeply-wrapped", () -> new IllegalStateException(new CommandExecutionException("x", new AlreadyReversed("r-1")))),
            Map.entry("missing-aggregate", () -> new AggregateNotFoundException("westland:2019:x", "not found")),
            Map.entry("concurrent", () -> new ConcurrencyException("sequence 3 taken")),
            Map.entry("stream-exists", () -> new AggregateStreamCreationException("stream exists")),
            Map.entry("duplicate-key", () -> new DuplicateKeyException("pass_registry_pkey")),
            Map.entry("no-database", () -> new CannotGetJdbcConnectionException("refused", new SQLTransientConnectionException("timeout"))),
            Map.entry("no-transaction", () -> new CannotCreateTransactionException("Could not open JDBC Connection")),
            Map.entry("store-down", () -> new EventStoreException("cannot read",
                    new CannotGetJdbcConnectionException("refused", new SQLTransientConnectionException("timeout")))),
            Map.entry("admin-shutdown", () -> new EventStoreException("cannot append",
                    new SQLException("terminating connection due to administrator command", "57P01"))),
            Map.entry("crash-shutdown", () -> new JdbcException("cannot read", new SQLException("crash", "57P02"))),
            Map.entry("starting-up", () -> new CannotGetJdbcConnectionException("starting",
                    new SQLException("the database system is starting up", "57P03"))),
            Map.entry("no-connections-left", () -> new CannotGetJdbcConnectionException("full",
                    new SQLException("too many connections", "53300"))),
            Map.entry("commit-lost", () -> new CommandExecutionException("failed", new CommitOutcomeUnknown(
                    new DataAccessResourceFailureException("JDBC commit", new SQLException("I/O error", "08006"))))),
            Map.entry("bug", () -> new IllegalStateException("secret internal detail at com.example.Internal")),
            Map.entry("not-own-provider", NotOwnProvider::new));

    private final MockMvc mvc = StandaloneMvc.of(new Throwing());

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "invalid,           400, invalid-input",
            "bsn,               400, bsn-like-value",
            "not-found,         404, unknown-entitlement",
            "conflict,          409, already-reversed",
            "rule,              422, insufficient-credit",
            "wrapped,           422, insufficient-credit",
            "deeply-wrapped,    409, already-reversed",
            "missing-aggregate, 404, not-found",
            "concurrent,        503, busy",
            "stream-exists,     503, busy",
            "duplicate-key,     503, busy",
            "no-database,       503, store-unavailable",
            "no-transaction,    503, store-unavailable",
            "store-down,        503, store-unavailable",
            "admin-shutdown,    503, store-unavailable",
            "crash-shutdown,    503, store-unavailable",
            "starting-up,       503, store-unavailable",
            "no-connections-left, 503, store-unavailable",
            "commit-lost,       503, outcome-unknown",
            "bug,               500, internal-error",
            "not-own-provider,  403, not-own-provider",
    })
    void each_failure_answers_its_status_and_a_stable_problem_type(String failure, int status, String rule) throws Exception {
        problem(mvc.perform(get("/fail/" + failure)), status, rule);
    }

    @Test
    void a_refusal_tells_its_title_detail_and_the_field_it_concerns() throws Exception {
        mvc.perform(get("/fail/invalid"))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.detail").value("amountCents must be positive"))
                .andExpect(jsonPath("$.field").value("amountCents"));
        mvc.perform(get("/fail/bsn"))
                .andExpect(jsonPath("$.field").value("childRef"));
        mvc.perform(get("/fail/rule"))
                .andExpect(jsonPath("$.title").value("Insufficient credit"))
                .andExpect(jsonPath("$.field").doesNotExist());
    }

    @Test
    void an_unreachable_store_asks_the_client_to_retry_later() throws Exception {
        mvc.perform(get("/fail/store-down"))
                .andExpect(header().string("Retry-After", LedgerProblemHandler.RETRY_AFTER_SECONDS));
    }

    @Test
    void a_race_still_lost_after_every_attempt_asks_the_client_to_retry_soon() throws Exception {
        mvc.perform(get("/fail/concurrent"))
                .andExpect(header().string("Retry-After", LedgerProblemHandler.RETRY_AFTER_RACE_SECONDS))
                .andExpect(jsonPath("$.detail").value(containsString("nothing was recorded")));
    }

    @Test
    void a_commit_whose_outcome_is_unknown_never_claims_that_nothing_was_recorded() throws Exception {
        mvc.perform(get("/fail/commit-lost"))
                .andExpect(header().string("Retry-After", LedgerProblemHandler.RETRY_AFTER_SECONDS))
                .andExpect(jsonPath("$.detail").value(containsString("may or may not be recorded")))
                .andExpect(jsonPath("$.detail").value(containsString("same identifier")))
                .andExpect(jsonPath("$.detail").value(not(containsString("nothing was recorded"))));
    }

    @Test
    void an_unexpected_failure_leaks_nothing_internal() throws Exception {
        mvc.perform(get("/fail/bug"))
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void malformed_json_is_invalid_input_never_a_server_error() throws Exception {
        problem(postJson("{\"amountCents\": 12,"), 400, "invalid-input")
                .andExpect(jsonPath("$.detail").value("the body is not valid JSON of the expected shape"));
        problem(postJson("[1, 2]"), 400, "invalid-input");
        problem(postJson("\"text\""), 400, "invalid-input");
    }

    @Test
    void a_missing_body_is_invalid_input() throws Exception {
        problem(mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON)), 400, "invalid-input")
                .andExpect(jsonPath("$.detail").value("a JSON body is required"));
    }

    @Test
    void an_unknown_field_is_invalid_input_naming_the_field() throws Exception {
        problem(postJson("{\"amountCents\": 12, \"amountEuros\": 1}"), 400, "invalid-input")
                .andExpect(jsonPath("$.field").value("amountEuros"))
                .andExpect(content().string(not(containsString("nl.kindpakket"))));
    }

    @Test
    void a_wrong_type_is_invalid_input_naming_the_field() throws Exception {
        problem(postJson("{\"amountCents\": \"twelve\"}"), 400, "invalid-input")
                .andExpect(jsonPath("$.field").value("amountCents"));
        problem(postJson("{\"amountCents\": {\"value\": 12}}"), 400, "invalid-input")
                .andExpect(jsonPath("$.field").value("amountCents"));
        problem(postJson("{\"onDate\": \"2019-02-30\"}"), 400, "invalid-input")
                .andExpect(jsonPath("$.field").value("onDate"));
    }

    @Test
    void cents_must_be_a_whole_json_number() throws Exception {
        problem(postJson("{\"amountCents\": 12.5}"), 400, "invalid-input").andExpect(jsonPath("$.field").value("amountCents"));
        problem(postJson("{\"amountCents\": \"12\"}"), 400, "invalid-input").andExpect(jsonPath("$.field").value("amountCents"));
        problem(postJson("{\"amountCents\": 99999999999999999999}"), 400, "invalid-input");
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("{\"amountCents\": 12}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amountCents").value(12));
    }

    @Test
    void a_field_given_twice_is_invalid_input_naming_the_field() throws Exception {
        problem(postJson("{\"amountCents\": 12, \"amountCents\": 13}"), 400, "invalid-input")
                .andExpect(jsonPath("$.field").value("amountCents"))
                .andExpect(jsonPath("$.detail").value("amountCents is given twice"));
    }

    @Test
    void a_path_variable_of_the_wrong_type_is_invalid_input() throws Exception {
        problem(mvc.perform(get("/years/twenty")), 400, "invalid-input").andExpect(jsonPath("$.field").value("year"));
    }

    @Test
    void a_wrong_method_unknown_path_or_media_type_is_a_problem_too() throws Exception {
        problem(mvc.perform(delete("/echo")), 405, "method-not-allowed").andExpect(header().exists("Allow"));
        problem(mvc.perform(get("/no/such/path")), 404, "not-found");
        problem(mvc.perform(post("/echo").contentType(MediaType.TEXT_PLAIN).content("12")), 415, "unsupported-media-type");
    }

    private ResultActions postJson(String body) throws Exception {
        return mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions problem(ResultActions answer, int status, String rule) throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/" + rule))
                .andExpect(jsonPath("$.rule").value(rule))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isString())
                .andExpect(jsonPath("$.detail").isString());
    }

    record Amount(Long amountCents, java.time.LocalDate onDate) {
    }

    @RestController
    static class Throwing {

        @GetMapping("/fail/{failure}")
        String fail(@PathVariable String failure) {
            throw FAILURES.get(failure).get();
        }

        @PostMapping("/echo")
        Amount echo(@RequestBody Amount amount) {
            return amount;
        }

        @GetMapping("/years/{year}")
        int year(@PathVariable int year) {
            return year;
        }
    }
}
