package nl.kindpakket.ledger.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import nl.kindpakket.ledger.api.web.LedgerHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document of the running service (on the embedded default, so regenerating it needs no database): valid
 * OpenAPI 3, covering every mapping of the ledger's controllers, each operation summarised and each parameter
 * described, and the same as the copy checked in as docs/openapi.json. {@code bin/update-openapi} rewrites that copy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.users[0].name=reader",
        "ledger.security.users[0].password=reader-password",
        "ledger.security.users[0].role=INTEGRATOR",
        "ledger.security.users[0].municipality=westland"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentTest {

    static final Path CHECKED_IN = Path.of("..", "docs", "openapi.json");
    static final Path GENERATED = Path.of("target", "openapi.json");
    static final String UPDATE = "ledger.openapi.update";

    static Path dataDir;

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String document;
    JsonNode paths;

    @DynamicPropertySource
    static void embeddedDatabaseInATemporaryDirectory(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("ledger-openapi");
        registry.add("ledger.data-dir", () -> dataDir.toString());
    }

    @AfterAll
    static void removeData() throws IOException {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeAll
    void theDocumentAsServed() throws IOException {
        LedgerHttp.Answer answer = new LedgerHttp(port).send(null, java.net.http.HttpRequest.newBuilder(new LedgerHttp(port).uri("/v3/api-docs"))
                .header("Authorization", LedgerHttp.basic("reader", "reader-password")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        document = answer.body().strip() + "\n";
        paths = new ObjectMapper().readTree(document).path("paths");
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, document, StandardCharsets.UTF_8);
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(CHECKED_IN, document, StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_document_is_valid_openapi_3() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
    }

    @Test
    void every_mapping_of_the_ledgers_controllers_is_in_the_document() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("nl.kindpakket.ledger")) {
                info.getPatternValues().forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(verb -> mapped.add(verb.name().toLowerCase() + " " + pattern)));
            }
        });
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb + " " + path.getKey())));

        assertThat(mapped).hasSizeGreaterThan(25);
        assertThat(documented).containsAll(mapped);
    }

    @Test
    void every_operation_is_summarised_and_every_parameter_described() {
        List<String> missing = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String name = operation.getKey() + " " + path.getKey();
            if (operation.getValue().path("summary").asText().isBlank()) {
                missing.add(name + ": summary");
            }
            operation.getValue().path("parameters").forEach(parameter -> {
                if (parameter.path("description").asText().isBlank()) {
                    missing.add(name + ": parameter " + parameter.path("name").asText());
                }
            });
        }));

        assertThat(missing).isEmpty();
    }

    @Test
    void the_reports_the_stream_and_the_problems_are_described_with_their_formats() throws IOException {
        JsonNode api = new ObjectMapper().readTree(document);
        JsonNode lines = paths.at("/~1api~1v1~1municipalities~1{municipality}~1reports~1spending-lines/get/responses/200/content");

        assertThat(lines.fieldNames()).toIterable().contains("application/json", "text/csv", "text/html",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(paths.at("/~1api~1v1~1events/get/responses/200/content/application~1x-ndjson/schema/$ref").asText())
                .isEqualTo("#/components/schemas/EventLine");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/components/responses/Problem422/description").asText()).contains("/problems/insufficient-credit");
        assertThat(paths.at("/~1api~1v1~1municipalities~1{municipality}~1redemptions/post/responses/422/$ref").asText())
                .isEqualTo("#/components/responses/Problem422");
    }

    @Test
    void the_checked_in_copy_is_the_document_the_service_serves() throws IOException {
        assertThat(CHECKED_IN).as("docs/openapi.json; regenerate it with bin/update-openapi").exists();
        assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
                .as("docs/openapi.json is stale; regenerate it with bin/update-openapi")
                .isEqualTo(document);
    }

    @Test
    void the_document_and_swagger_ui_need_sign_in() {
        LedgerHttp http = new LedgerHttp(port);
        LedgerHttp.Answer page = http.send(null, java.net.http.HttpRequest.newBuilder(http.uri("/swagger-ui/index.html"))
                .header("Authorization", LedgerHttp.basic("reader", "reader-password")));
        LedgerHttp.Answer config = http.send(null, java.net.http.HttpRequest.newBuilder(http.uri("/v3/api-docs/swagger-config"))
                .header("Authorization", LedgerHttp.basic("reader", "reader-password")));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(config.json().path("url").asText()).isEqualTo("/v3/api-docs");

        assertThat(http.get(null, "/v3/api-docs").status()).isEqualTo(401);
        assertThat(http.get(null, "/swagger-ui.html").status()).isEqualTo(401);
        assertThat(http.get("nobody", "/swagger-ui/index.html").status()).isEqualTo(401);
    }
}
