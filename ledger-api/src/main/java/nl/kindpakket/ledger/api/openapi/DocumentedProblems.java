package nl.kindpakket.ledger.api.openapi;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The RFC 9457 problem schema, a shared answer per status that lists its problem types, and on every operation the
 * statuses it can answer: every request can be unauthenticated, forbidden, malformed or meet an unavailable store; a
 * request about a municipality can name one the caller does not serve; a command can conflict or break a rule.
 */
final class DocumentedProblems {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final List<Integer> EVERY_REQUEST = List.of(400, 401, 403, 500, 503);
    private static final List<Integer> ABOUT_A_MUNICIPALITY = List.of(404);
    private static final List<Integer> COMMANDS = List.of(409, 415, 422);

    private DocumentedProblems() {
    }

    static void addTo(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, schema());
        Map<Integer, List<ProblemCatalogue.ProblemType>> byStatus = ProblemCatalogue.byStatus();
        byStatus.forEach((status, types) -> openApi.getComponents().addResponses(name(status), answer(types)));
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            statuses(path, method).stream().filter(byStatus::containsKey).forEach(status -> {
                if (operation.getResponses().get(String.valueOf(status)) == null) {
                    operation.getResponses().addApiResponse(String.valueOf(status),
                            new ApiResponse().$ref("#/components/responses/" + name(status)));
                }
            });
        }));
    }

    private static List<Integer> statuses(String path, PathItem.HttpMethod method) {
        List<Integer> statuses = new java.util.ArrayList<>(EVERY_REQUEST);
        if (path.startsWith("/api/v1/municipalities/") || path.startsWith("/api/v1/operator/")) {
            statuses.addAll(ABOUT_A_MUNICIPALITY);
        }
        if (method == PathItem.HttpMethod.POST) {
            statuses.addAll(COMMANDS);
        }
        if (method == PathItem.HttpMethod.GET) {
            statuses.add(406);
        }
        return statuses;
    }

    private static String name(int status) {
        return "Problem" + status;
    }

    private static ApiResponse answer(List<ProblemCatalogue.ProblemType> types) {
        String list = types.stream().map(t -> "- `/problems/" + t.rule() + "`: " + t.when()).collect(Collectors.joining("\n"));
        return new ApiResponse()
                .description("A problem (RFC 9457); its `type` is one of:\n\n" + list)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema schema() {
        return new ObjectSchema()
                .description("Why a request was refused; `type` is stable per rule and what a client matches on.")
                .addProperty("type", new StringSchema().description("`/problems/` and the rule, e.g. /problems/insufficient-credit")
                        ._enum(ProblemCatalogue.ALL.stream().map(t -> "/problems/" + t.rule()).toList()))
                .addProperty("title", new StringSchema().description("the rule in words, stable like the type"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what was wrong with this request, for people"))
                .addProperty("instance", new StringSchema().description("the request's path (a BSN-like segment masked)"))
                .addProperty("rule", new StringSchema().description("the rule's slug, the last part of `type`"))
                .addProperty("field", new StringSchema().description("for invalid input: the field or parameter at fault"))
                .required(List.of("type", "title", "status", "rule"));
    }
}
