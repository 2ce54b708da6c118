package nl.kindpakket.ledger.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import nl.kindpakket.ledger.api.web.json.StrictJson;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** MockMvc around given controllers and the ledger's problem handler, with a mapper set like the service's web mapper. */
final class StandaloneMvc {

    static final ObjectMapper JSON = StrictJson.apply(Jackson2ObjectMapperBuilder.json())
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private StandaloneMvc() {
    }

    static MockMvc of(Object... controllers) {
        return MockMvcBuilders.standaloneSetup(controllers)
                .setControllerAdvice(new LedgerProblemHandler())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(JSON))
                .build();
    }
}
