package nl.kindpakket.ledger.api.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class StrictJsonTest {

    private static final ObjectMapper WEB = StrictJson.apply(Jackson2ObjectMapperBuilder.json()).build();

    record Body(String id, Integer year, Long cents, BigDecimal fte, LocalDate on, Instant at, Map<String, Long> credits) {
    }

    @Test
    void values_of_their_own_type_are_read() throws Exception {
        Body body = read("""
                {"id": "r-1", "year": 2025, "cents": 1250, "fte": 1.5, "on": "2019-03-01", "at": "2019-03-14T11:15:00+01:00",
                 "credits": {"1": 1200, "3": 250}}""");

        assertThat(body).isEqualTo(new Body("r-1", 2025, 1250L, new BigDecimal("1.5"), LocalDate.of(2019, 3, 1),
                Instant.parse("2019-03-14T10:15:00Z"), Map.of("1", 1200L, "3", 250L)));
        assertThat(read("{\"fte\": 2}").fte()).isEqualByComparingTo("2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\": 123}", "{\"id\": true}", "{\"id\": 1.5}",
            "{\"year\": 2025.9}", "{\"year\": \"2025\"}", "{\"year\": true}",
            "{\"cents\": 12.7}", "{\"cents\": \"250\"}", "{\"cents\": \"\"}",
            "{\"credits\": {\"1\": 12.7}}", "{\"credits\": {\"2\": \"250\"}}",
            "{\"fte\": \"1.5\"}",
            "{\"on\": \"2019-03-01T10:00:00\"}", "{\"on\": \"2019-03-01T10:00:00Z\"}", "{\"on\": 17956}",
            "{\"on\": \"2019-02-30\"}", "{\"on\": \"20190301\"}",
            "{\"at\": 1552558500}", "{\"at\": 1552558500.5}", "{\"at\": \"2019-03-14T10:15:00\"}",
            "{\"at\": \"2019-03-14\"}", "{\"at\": \"+1000000000-12-31T23:59:59.999999999Z\"}"})
    void a_value_of_another_type_is_refused_never_coerced(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(JsonProcessingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"cents\": 1, \"cents\": 2}", "{\"credits\": {\"1\": 100, \"1\": 200}}"})
    void a_key_given_twice_is_refused_rather_than_the_last_one_winning(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field");
    }

    private static Body read(String json) throws Exception {
        return WEB.readValue(json, Body.class);
    }
}
