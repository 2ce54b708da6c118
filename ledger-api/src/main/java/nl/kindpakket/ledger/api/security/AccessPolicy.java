package nl.kindpakket.ledger.api.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Who may make which request: classifies the request into a {@link RequestKind}, then checks municipality and role. */
public class AccessPolicy {

    private static final String MUNICIPALITY = "/api/v1/municipalities/{m}";
    private static final PathPattern MUNICIPAL = parse(MUNICIPALITY + "/**");
    private static final PathPattern REDEMPTION = parse(MUNICIPALITY + "/redemptions");
    private static final PathPattern REVERSAL = parse(MUNICIPALITY + "/redemptions/{redemptionId}/reversal");
    private static final PathPattern RESERVATIONS = parse(MUNICIPALITY + "/reservations");
    private static final PathPattern RESERVATION = parse(MUNICIPALITY + "/reservations/{reservationId}");
    private static final PathPattern SETTLEMENT = parse(MUNICIPALITY + "/reservations/{reservationId}/{settlement:capture|release}");
    private static final PathPattern REPORTS = parse(MUNICIPALITY + "/reports/**");
    private static final PathPattern ENTITLEMENTS = parse(MUNICIPALITY + "/years/{year}/entitlements/**");
    private static final PathPattern JOURNAL = parse(MUNICIPALITY + "/years/{year}/spending-lines/{code}/postings");
    private static final PathPattern AUDIT = parse(MUNICIPALITY + "/audit/**");
    private static final PathPattern EVENTS = parse("/api/v1/events/**");
    private static final PathPattern OPERATOR = parse("/api/v1/operator/**");
    private static final PathPattern ACTUATOR = parse("/actuator/**");
    private static final List<PathPattern> GUIDANCE = Stream.of("/", "/docs/**", "/v3/api-docs/**",
            "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").map(AccessPolicy::parse).toList();

    public AccessDecision decide(Caller caller, AccessRequest request) {
        PathContainer path = PathContainer.parsePath(request.path());
        RequestKind kind = classify(request, path);
        if (kind.isMunicipal() && !caller.serves(municipalityOf(path))) {
            return AccessDecision.UNKNOWN_MUNICIPALITY;
        }
        if (kind == RequestKind.EVENT_STREAM && !caller.spansAllMunicipalities()) {
            if (request.municipalityParameter().isEmpty()) {
                return kind.allows(caller.role()) ? AccessDecision.MUNICIPALITY_REQUIRED : AccessDecision.FORBIDDEN;
            }
            if (!request.municipalityParameter().stream().allMatch(caller::serves)) {
                return AccessDecision.UNKNOWN_MUNICIPALITY;
            }
        }
        if (kind == RequestKind.OPERATIONS && !caller.spansAllMunicipalities()) {
            // rebuilds and metrics reach every municipality, so only a caller who spans them all may ask
            return AccessDecision.FORBIDDEN;
        }
        return kind.allows(caller.role()) ? AccessDecision.PERMIT : AccessDecision.FORBIDDEN;
    }

    public RequestKind classify(AccessRequest request) {
        return classify(request, PathContainer.parsePath(request.path()));
    }

    private static RequestKind classify(AccessRequest request, PathContainer path) {
        if (MUNICIPAL.matches(path)) {
            return municipalKind(request, path);
        }
        if (EVENTS.matches(path)) {
            return request.isRead() ? RequestKind.EVENT_STREAM : RequestKind.OPERATIONS;
        }
        if (OPERATOR.matches(path) || ACTUATOR.matches(path)) {
            return RequestKind.OPERATIONS;
        }
        if (request.isRead() && GUIDANCE.stream().anyMatch(pattern -> pattern.matches(path))) {
            return RequestKind.GUIDANCE;
        }
        return RequestKind.UNMAPPED;
    }

    private static RequestKind municipalKind(AccessRequest request, PathContainer path) {
        if ("POST".equals(request.method()) && REDEMPTION.matches(path)) {
            return RequestKind.REDEMPTION;
        }
        if ("POST".equals(request.method()) && REVERSAL.matches(path)) {
            return RequestKind.REVERSAL;
        }
        if ("POST".equals(request.method()) && (RESERVATIONS.matches(path) || SETTLEMENT.matches(path))
                || request.isRead() && RESERVATION.matches(path)) {
            return RequestKind.RESERVATION;
        }
        if (request.isRead() && REPORTS.matches(path)) {
            return RequestKind.REPORT_READ;
        }
        if (request.isRead() && ENTITLEMENTS.matches(path)) {
            return RequestKind.ENTITLEMENT_READ;
        }
        if (request.isRead() && JOURNAL.matches(path)) {
            return RequestKind.JOURNAL_READ;
        }
        if (request.isRead() && AUDIT.matches(path)) {
            return RequestKind.AUDIT_READ;
        }
        return RequestKind.MUNICIPAL;
    }

    private static String municipalityOf(PathContainer path) {
        return Optional.ofNullable(MUNICIPAL.matchAndExtract(path))
                .map(PathPattern.PathMatchInfo::getUriVariables)
                .map((Map<String, String> variables) -> variables.get("m"))
                .orElse("");
    }

    private static PathPattern parse(String pattern) {
        return PathPatternParser.defaultInstance.parse(pattern);
    }
}
