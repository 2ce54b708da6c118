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
import io.swagger.v3.oas.models.media.Schema;
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
import nl.kindpakket.ledger.projections.spending.PostingKind;

/**
 * What content negotiation decides and a controller's signature cannot show: the {@code format} link parameter of the
 * reports and the journal, the journal's next page and kinds, and the event stream's NDJSON lines with the headers to
 * read on from.
 */
final class DocumentedFormats {

    static final String EVENTS = "/api/v1/events";
    static final String EVENT_LINE = "EventLine";
    static final String MONTHLY = "/api/v1/municipalities/{municipality}/reports/monthly-passes";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String JOURNAL = "/api/v1/municipalities/{municipality}/years/{year}/spending-lines/{code}/postings";
    static final String POSTING = "SpendingLineJournalPosting";

    private DocumentedFormats() {
    }

    static void addTo(OpenAPI openApi, ModelResolver schemas) {
        openApi.getPaths().forEach((path, item) -> {
            if ((path.contains("/reports/") || path.equals(JOURNAL)) && item.getGet() != null) {
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
        journal(openApi);
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

    /**
     * A journal page names the next one in a Link header, in every format; its dates are dates, a posting's kind is one
     * of five, and what does not apply to a posting is null.
     */
    @SuppressWarnings("unchecked")
    private static void journal(OpenAPI openApi) {
        Operation journal = openApi.getPaths().get(JOURNAL).getGet();
        journal.getParameters().stream().filter(p -> List.of("from", "to").contains(p.getName()))
                .forEach(p -> p.setSchema(new StringSchema().format("date")));
        journal.getResponses().get("200")
                .description("A page of postings in position order; `next` (null on the last page) is the `after` of the next page")
                .addHeaderObject("Link", new Header().schema(new StringSchema())
                        .description("the next page's address with rel=\"next\", in every format; absent on the last page"));
        ((Schema<?>) openApi.getComponents().getSchemas().get("SpendingLineJournal").getProperties().get("next"))
                .nullable(true).description("the cursor of the next page (the last posting's position), null on the last page");
        Schema<?> posting = openApi.getComponents().getSchemas().get(POSTING);
        ((Schema<String>) posting.getProperties().get("kind"))
                .setEnum(java.util.Arrays.stream(PostingKind.values()).map(PostingKind::code).toList());
        List.of("entitlementId", "providerId", "organisation").forEach(field ->
                ((Schema<?>) posting.getProperties().get(field)).nullable(true).description("null where it does not apply"));
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
