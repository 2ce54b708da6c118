package nl.kindpakket.ledger.api.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class ProblemErrorControllerTest {

    private final MockMvc mvc = StandaloneMvc.of(new ProblemErrorController());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"400, invalid-input", "404, not-found", "413, payload-too-large", "500, internal-error", "505, http-505"})
    void what_reaches_the_containers_error_page_is_answered_as_a_problem(int status, String rule) throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/municipalities/westland/reports/111222333"))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/" + rule))
                .andExpect(jsonPath("$.rule").value(rule))
                .andExpect(jsonPath("$.instance").value("/api/v1/municipalities/westland/reports/_"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"200", "-1"})
    void an_error_page_without_an_error_status_is_a_server_error(int status) throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.rule").value("internal-error"));
    }
}
