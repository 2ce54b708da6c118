package nl.kindpakket.ledger.api.openapi;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * A summary for every operation and a description for every parameter, kept in one table beside the controllers so
 * that they stay free of documentation annotations; a test fails for an operation or parameter this table lacks.
 * Commands answer 201 when recorded and 200 for a repeat of the same request; jobs answer 202 when started.
 */
final class DocumentedOperations {

    static final String LOW_CREDIT = "get /api/v1/municipalities/{municipality}/alerts/low-credit";
    static final String EXPIRING_HOLDS = "get /api/v1/municipalities/{municipality}/alerts/expiring-holds";
    static final String JOURNAL = "get /api/v1/municipalities/{municipality}/years/{year}/spending-lines/{code}/postings";

    private static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("get /", "The start page: the reports the caller's role may read, by year, with their downloads (HTML)"),
            Map.entry("get /docs/reports.md", "What every figure of every report means, including the edge cases (text)"),
            Map.entry("get /api/v1/events", "The event stream as NDJSON, in global position order, from any position on"),
            Map.entry("post /api/v1/municipalities/{municipality}/annual-resets", "Close a year: expire its entitlements and grant the renewals (a job)"),
            Map.entry("get /api/v1/municipalities/{municipality}/annual-resets/{jobId}", "An annual reset's progress"),
            Map.entry("post /api/v1/municipalities/{municipality}/providers", "Register a provider and the spending lines it accepts"),
            Map.entry("post /api/v1/municipalities/{municipality}/providers/{providerId}/suspension", "Suspend a provider"),
            Map.entry("post /api/v1/municipalities/{municipality}/redemptions", "Redeem a pass at a provider"),
            Map.entry("post /api/v1/municipalities/{municipality}/redemptions/{redemptionId}/reversal", "Reverse a redemption"),
            Map.entry("get /api/v1/municipalities/{municipality}/reports/monthly-passes", "Issued passes and unique use per month, optionally beside another year"),
            Map.entry("get /api/v1/municipalities/{municipality}/reports/overhead", "Overhead against money that reached the children, per task and organisation"),
            Map.entry("get /api/v1/municipalities/{municipality}/reports/providers", "What the municipality owes each provider per month"),
            Map.entry("get /api/v1/municipalities/{municipality}/reports/spending-lines", "Available, committed, spent, remaining and refunded per spending line"),
            Map.entry("post /api/v1/municipalities/{municipality}/years/{year}/entitlements", "Grant a child an entitlement with credit per spending line"),
            Map.entry("get /api/v1/municipalities/{municipality}/years/{year}/entitlements/{childRef}", "A child's entitlement: credit per line, pass, status and history"),
            Map.entry("post /api/v1/municipalities/{municipality}/years/{year}/entitlements/{childRef}/pass-replacement", "Replace a child's pass"),
            Map.entry("post /api/v1/municipalities/{municipality}/years/{year}/entitlements/{childRef}/revocation", "Revoke an entitlement"),
            Map.entry("post /api/v1/municipalities/{municipality}/years/{year}/expenditures", "Record what an executing organisation spent on a line"),
            Map.entry("post /api/v1/municipalities/{municipality}/years/{year}/overhead-costs", "Record an organisation's execution costs"),
            Map.entry("post /api/v1/municipalities/{municipality}/years/{year}/refunds", "Record an underspend repaid and where it went"),
            Map.entry("post /api/v1/municipalities/{municipality}/years/{year}/spending-lines", "Allocate budget to a spending line (opening it)"),
            Map.entry(LOW_CREDIT, "The lines of active entitlements with less credit left than a share of their grant, by year, child and line"),
            Map.entry(EXPIRING_HOLDS, "The open holds on entitlements that expire within some days, soonest first"),
            Map.entry(JOURNAL, "A spending line's journal: every posting behind its figures in position order, with the line's figures after each, a page at a time"),
            Map.entry("post /api/v1/municipalities/{municipality}/reservations", "Hold credit for a booking the provider settles later (a reservation)"),
            Map.entry("get /api/v1/municipalities/{municipality}/reservations/{reservationId}", "A reservation and where it stands: open, captured, released or expired"),
            Map.entry("post /api/v1/municipalities/{municipality}/reservations/{reservationId}/capture", "Settle a hold, whole or in part, as a redemption; the rest goes back to the credit"),
            Map.entry("post /api/v1/municipalities/{municipality}/reservations/{reservationId}/release", "Release a hold without a capture; all of it goes back to the credit"),
            Map.entry("get /api/v1/municipalities/{m}/audit/chain", "Recompute the municipality's event chain and name the first break"),
            Map.entry("get /api/v1/operator/projections", "The read models and their last rebuild"),
            Map.entry("get /api/v1/operator/projections/rebuilds", "The recent rebuilds"),
            Map.entry("get /api/v1/operator/projections/rebuilds/{id}", "A rebuild's progress"),
            Map.entry("delete /api/v1/operator/projections/rebuilds/{id}", "Cancel a rebuild; the old figures stay"),
            Map.entry("get /api/v1/operator/projections/{name}/rebuild", "The latest rebuild, which rebuilt this read model with the others"),
            Map.entry("post /api/v1/operator/projections/{name}/rebuild", "Rebuild the read models (any name rebuilds them all) from one read of the store into new tables, switched in when done; the old figures are served until then"),
            Map.entry("get /api/v1/operator/reconciliations", "The recent reconciliations of the read models with a fresh fold of the events"),
            Map.entry("post /api/v1/operator/reconciliations", "Compare every row of the read models with a fresh fold of the events they reflect"),
            Map.entry("get /api/v1/operator/reconciliations/{id}", "A reconciliation's progress and, at the end, every row that differs with both values"));

    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("path municipality", "The municipality's slug, e.g. westland"),
            Map.entry("path m", "The municipality's slug, e.g. westland"),
            Map.entry("path year", "The budget year"),
            Map.entry("path childRef", "The municipality's pseudonymous reference of the child (never a name or BSN)"),
            Map.entry("path providerId", "The provider's id within the municipality"),
            Map.entry("path redemptionId", "The client's id of the redemption"),
            Map.entry("path reservationId", "The client's id of the reservation"),
            Map.entry("path jobId", "The annual reset job's id, from the Location of its submission"),
            Map.entry("path id", "The rebuild's or reconciliation's id, from the Location of its start"),
            Map.entry("path code", "The spending line's code, e.g. 3"),
            Map.entry("query from", "Only postings dated on or after this business date (yyyy-MM-dd)"),
            Map.entry("query to", "Only postings dated on or before this business date (yyyy-MM-dd)"),
            Map.entry("query provider", "Only the redemptions and reversals at this provider (its id)"),
            Map.entry("query organisation", "Only the expenditures and refunds of this executing organisation (its name)"),
            Map.entry("path name", "A read model's name, or all"),
            Map.entry("query year", "The report's year (required)"),
            Map.entry("query compareYear", "A second year to put beside it, as the 2019 Westland memo does"),
            Map.entry("query asOf", "The figures as recorded at that moment, before later corrections: an ISO date-time, with an offset or read in Europe/Amsterdam"),
            Map.entry("query month", "One month (1 to 12) instead of the whole year"),
            Map.entry("query csv", "excel-nl: the CSV in the Dutch Excel dialect (semicolons, decimal commas, a UTF-8 byte order mark), for a link that cannot set Accept: text/csv;dialect=excel-nl"),
            Map.entry("query after", "Read events after this global position; -1 (the default) for the start"),
            Map.entry("query limit", "At most this many events (1 to 10,000; default 1,000)"),
            Map.entry("query municipality", "Only this municipality's events; required for a caller bound to a municipality"),
            Map.entry("query types", "Only these event types, comma-separated, e.g. RedeemedAtProvider,RedemptionReversed"));

    /** Where a parameter of one operation means something of its own, by operation and then as above. */
    private static final Map<String, String> OPERATION_PARAMETERS = Map.of(
            JOURNAL + " query after", "The cursor: the postings after this position, i.e. the previous page's next; -1 (the default) for the first page",
            JOURNAL + " query limit", "At most this many postings (1 to 10,000; default 500)",
            "get /api/v1/operator/reconciliations/{id} path id", "The reconciliation's id, from the Location of its start",
            LOW_CREDIT + " query year", "Only entitlements of this year",
            LOW_CREDIT + " query share", "The share of the grant under which a line counts as low, a fraction from 0 to 1 (default ledger.alerts.low-credit-share)",
            LOW_CREDIT + " query limit", "At most this many lines (1 to 10,000; default 1,000)",
            EXPIRING_HOLDS + " query withinDays", "Holds that expire within this many days (default ledger.alerts.expiring-within)",
            EXPIRING_HOLDS + " query limit", "At most this many holds (1 to 10,000; default 1,000)");

    private DocumentedOperations() {
    }

    static void addTo(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String key = method.name().toLowerCase() + " " + path;
            operation.setSummary(SUMMARIES.get(key));
            if (operation.getParameters() != null) {
                // Accept is content negotiation, which OpenAPI describes by the answers' media types
                operation.getParameters().removeIf(p -> "header".equals(p.getIn()) && "Accept".equalsIgnoreCase(p.getName()));
                operation.getParameters().stream().filter(p -> p.getDescription() == null)
                        .forEach(p -> p.setDescription(OPERATION_PARAMETERS.getOrDefault(key + " " + p.getIn() + " " + p.getName(),
                                PARAMETERS.get(p.getIn() + " " + p.getName()))));
            }
            if (method == io.swagger.v3.oas.models.PathItem.HttpMethod.POST) {
                successes(path, operation);
            }
        }));
    }

    /** A command's 200 is its repeat; its first answer is 201, or 202 for a job that runs on after the answer. */
    private static void successes(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        ApiResponse ok = responses.get("200");
        if (ok == null) {
            return;
        }
        boolean job = path.endsWith("/annual-resets") || path.startsWith("/api/v1/operator/");
        String first = job ? "202" : "201";
        responses.addApiResponse(first, new ApiResponse().content(ok.getContent())
                .description(job ? "Accepted: the job runs on; its status resource is at Location" : "Created: the command was accepted and its events recorded"));
        if (path.startsWith("/api/v1/operator/")) {
            responses.remove("200");
        } else {
            ok.setDescription("The same request again: answered as the first time was, nothing changed");
        }
    }
}
