package nl.kindpakket.ledger.api.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.jackson.ModelResolver;
import nl.kindpakket.ledger.api.stream.EventStreamController;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassComparison;
import nl.kindpakket.ledger.projections.monthly.MonthlyPassReport;

/**
 * What content negotiation decides and a controller's signature cannot show: the {@code format} link parameter of the
 * reports, and the event stream's NDJSON lines with the headers to read on from.
 */
final class DocumentedFormats {

    static final String EVENTS = "/api/v1/events";
    static final String EVENT_LINE = "EventLine";
    static final String MONTHLY = "/api/v1/municipalities/{municipality}/reports/monthly-passes";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private DocumentedFormats() {
    }

    static void addTo(OpenAPI openApi, ModelResolver schemas) {
        openApi.getPaths().forEach((path, item) -> {
            if (path.contains("/reports/") && item.getGet() != null) {
                MediaType workbook = item.getGet().getResponses().get("200").getContent().get(XLSX);
                if (workbook != null) {
                    workbook.setSchema(new StringSchema().format("binary").description("An Excel workbook, one sheet per table"));
                }
                item.getGet().addParametersItem(new Parameter().in("query").name("format").required(false)
                        .description("For a link, which cannot set Accept: xlsx, csv, html or json. Without it the Accept header decides.")
                        .schema(new StringSchema()._enum(List.of("xlsx", "csv", "html", "json"))));
            }
        });
        monthlyReportOrComparison(openApi, schemas);
        openApi.getComponents().addSchemas(EVENT_LINE, eventLine());
        Operation events = openApi.getPaths().get(EVENTS).getGet();
        events.getResponses().addApiResponse("200", new ApiResponse()
                .description("One event per line (NDJSON), in global position order, at most `limit` lines and none beyond the "
                        + "horizon: reading on with `after` set to " + EventStreamController.NEXT_AFTER + " never misses or repeats an event.")
                .addHeaderObject(EventStreamController.NEXT_AFTER, new Header().schema(new IntegerSchema().format("int64"))
                        .description("the position to read on from: the last line's, or the horizon when the page is not full"))
                .addHeaderObject(EventStreamController.HORIZON, new Header().schema(new IntegerSchema().format("int64"))
                        .description("the highest position below which no event can still appear"))
                .content(new Content().addMediaType(EventStreamController.NDJSON,
                        new MediaType().schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/" + EVENT_LINE)))));
    }

    /** The monthly report's JSON is one year's report, or with {@code compareYear} the comparison of two. */
    private static void monthlyReportOrComparison(OpenAPI openApi, ModelResolver schemas) {
        ModelConverters converters = new ModelConverters();
        converters.addConverter(schemas);
        io.swagger.v3.oas.models.media.ComposedSchema either = new io.swagger.v3.oas.models.media.ComposedSchema();
        for (Class<?> type : List.of(MonthlyPassReport.class, MonthlyPassComparison.class)) {
            ResolvedSchema resolved = converters.resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
            resolved.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
            either.addOneOfItem(resolved.schema);
        }
        openApi.getPaths().get(MONTHLY).getGet().getResponses().get("200").getContent().get("application/json").setSchema(either);
    }

    @SuppressWarnings("rawtypes")
    private static io.swagger.v3.oas.models.media.Schema eventLine() {
        return new ObjectSchema()
                .description("One line of the event stream; each type's payload is described in docs/events/.")
                .addProperty("position", new IntegerSchema().format("int64").description("the event's global position"))
                .addProperty("eventId", new StringSchema())
                .addProperty("type", new StringSchema().description("the event's type, e.g. RedeemedAtProvider"))
                .addProperty("aggregateId", new StringSchema())
                .addProperty("sequence", new IntegerSchema().format("int64").description("the event's number within its aggregate"))
                .addProperty("recordedAt", new DateTimeSchema().description("when the ledger recorded it"))
                .addProperty("municipality", new StringSchema())
                .addProperty("payload", new ObjectSchema().description("the event's fields, amounts in cents"))
                .required(List.of("position", "eventId", "type", "aggregateId", "sequence", "recordedAt", "municipality", "payload"));
    }
}
