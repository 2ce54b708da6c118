package nl.kindpakket.ledger.api.security;

import static nl.kindpakket.ledger.api.security.AccessDecision.FORBIDDEN;
import static nl.kindpakket.ledger.api.security.AccessDecision.MUNICIPALITY_REQUIRED;
import static nl.kindpakket.ledger.api.security.AccessDecision.PERMIT;
import static nl.kindpakket.ledger.api.security.AccessDecision.UNKNOWN_MUNICIPALITY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AccessPolicyTest {

    private static final Map<Role, Caller> WESTLAND = Map.of(
            Role.MUNICIPALITY_STAFF, new Caller("staff", Role.MUNICIPALITY_STAFF, "westland", null),
            Role.PROVIDER, new Caller("pool", Role.PROVIDER, "westland", "zwembad"),
            Role.AUDITOR, new Caller("auditor", Role.AUDITOR, "westland", null),
            Role.COUNCIL, new Caller("council", Role.COUNCIL, "westland", null),
            Role.INTEGRATOR, new Caller("integrator", Role.INTEGRATOR, "westland", null),
            Role.OPERATOR, new Caller("operator", Role.OPERATOR, "*", null));

    private final AccessPolicy policy = new AccessPolicy();

    /** P = permit, F = forbidden (403); columns: staff, provider, auditor, council, integrator, operator. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, /years/2019/spending-lines,                            P, F, F, F, F, F",
            "POST, /providers,                                            P, F, F, F, F, F",
            "POST, /providers/zwembad/suspension,                         P, F, F, F, F, F",
            "POST, /years/2019/entitlements,                              P, F, F, F, F, F",
            "POST, /years/2019/entitlements/child-1/pass-replacement,     P, F, F, F, F, F",
            "POST, /years/2019/entitlements/child-1/revocation,           P, F, F, F, F, F",
            "POST, /redemptions,                                          P, P, F, F, F, F",
            "POST, /redemptions/r-1/reversal,                             P, P, F, F, F, F",
            "POST, /years/2019/expenditures,                              P, F, F, F, F, F",
            "POST, /years/2019/overhead-costs,                            P, F, F, F, F, F",
            "POST, /years/2019/refunds,                                   P, F, F, F, F, F",
            "POST, /annual-resets,                                        P, F, F, F, F, F",
            "GET,  /annual-resets/reset-1,                                P, F, F, F, F, F",
            "GET,  /reports/monthly-passes,                               P, F, P, P, F, F",
            "GET,  /reports/spending-lines,                               P, F, P, P, F, F",
            "HEAD, /reports/overhead,                                     P, F, P, P, F, F",
            "GET,  /reports/some-report-added-later,                      P, F, P, P, F, F",
            "POST, /reports/monthly-passes,                               P, F, F, F, F, F",
            "GET,  /years/2019/entitlements/child-1,                      P, F, P, F, F, F",
            "GET,  /years/2019/entitlements/child-1/history,              P, F, P, F, F, F",
            "GET,  /years/2019/spending-lines/3/postings,                 P, F, P, F, F, F",
            "HEAD, /years/2019/spending-lines/3/postings,                 P, F, P, F, F, F",
            "POST, /years/2019/spending-lines/3/postings,                 P, F, F, F, F, F",
            "GET,  /years/2019/spending-lines/3/postings/extra,           P, F, F, F, F, F",
            "GET,  /redemptions,                                          P, F, F, F, F, F",
            "DELETE, /years/2019/entitlements/child-1,                    P, F, F, F, F, F",
    })
    void each_role_may_make_only_its_own_kinds_of_request_in_its_municipality(
            String method, String subPath, String staff, String provider, String auditor, String council,
            String integrator, String operator) {
        AccessRequest request = AccessRequest.of(method, "/api/v1/municipalities/westland" + subPath);
        assertDecisions(request, staff, provider, auditor, council, integrator, operator);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,    /api/v1/operator/replay,        F, F, F, F, F, P",
            "POST,   /api/v1/operator/rebuild,       F, F, F, F, F, P",
            "GET,    /actuator/prometheus,           F, F, F, F, F, P",
            "GET,    /actuator/metrics/jvm.threads,  F, F, F, F, F, P",
            "POST,   /api/v1/events,                 F, F, F, F, F, P",
            "GET,    /api/v1/no-such-thing,          P, P, P, P, P, P",
            "GET,    /,                              P, P, P, P, P, P",
    })
    void requests_outside_a_municipality_follow_the_same_table(
            String method, String path, String staff, String provider, String auditor, String council,
            String integrator, String operator) {
        assertDecisions(AccessRequest.of(method, path), staff, provider, auditor, council, integrator, operator);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, /years/2019/spending-lines",
            "POST, /redemptions",
            "POST, /redemptions/r-1/reversal",
            "GET,  /reports/monthly-passes",
            "GET,  /years/2019/entitlements/child-1",
            "GET,  /years/2019/spending-lines/3/postings",
            "GET,  /annual-resets/reset-1",
            "GET,  ''",
    })
    void a_caller_of_another_municipality_is_told_it_does_not_exist(String method, String subPath) {
        AccessRequest request = AccessRequest.of(method, "/api/v1/municipalities/rotterdam" + subPath);
        for (Role role : Role.values()) {
            AccessDecision expected = role == Role.OPERATOR ? FORBIDDEN : UNKNOWN_MUNICIPALITY;
            assertThat(policy.decide(WESTLAND.get(role), request)).as(role.name()).isEqualTo(expected);
        }
    }

    @Test
    void the_event_stream_is_read_by_integrators_and_auditors_for_their_own_municipality() {
        AccessRequest own = new AccessRequest("GET", "/api/v1/events", List.of("westland"));
        assertThat(policy.decide(WESTLAND.get(Role.INTEGRATOR), own)).isEqualTo(PERMIT);
        assertThat(policy.decide(WESTLAND.get(Role.AUDITOR), own)).isEqualTo(PERMIT);
        assertThat(policy.decide(WESTLAND.get(Role.COUNCIL), own)).isEqualTo(FORBIDDEN);
        assertThat(policy.decide(WESTLAND.get(Role.MUNICIPALITY_STAFF), own)).isEqualTo(FORBIDDEN);
        assertThat(policy.decide(WESTLAND.get(Role.PROVIDER), own)).isEqualTo(FORBIDDEN);
        assertThat(policy.decide(WESTLAND.get(Role.OPERATOR), own)).isEqualTo(FORBIDDEN);
    }

    @Test
    void the_event_stream_must_be_asked_for_the_callers_municipality() {
        Caller integrator = WESTLAND.get(Role.INTEGRATOR);
        assertThat(policy.decide(integrator, AccessRequest.of("GET", "/api/v1/events"))).isEqualTo(MUNICIPALITY_REQUIRED);
        assertThat(policy.decide(integrator, new AccessRequest("GET", "/api/v1/events", List.of("rotterdam"))))
                .isEqualTo(UNKNOWN_MUNICIPALITY);
        assertThat(policy.decide(integrator, new AccessRequest("GET", "/api/v1/events", List.of("westland", "rotterdam"))))
                .isEqualTo(UNKNOWN_MUNICIPALITY);
        assertThat(policy.decide(integrator, new AccessRequest("GET", "/api/v1/events", List.of("westland,rotterdam"))))
                .isEqualTo(UNKNOWN_MUNICIPALITY);
    }

    @Test
    void a_percent_encoded_path_is_judged_on_what_it_decodes_to_as_spring_mvc_does() {
        Caller auditor = WESTLAND.get(Role.AUDITOR);
        assertThat(policy.decide(auditor, AccessRequest.of("GET", "/api/v1/municipalities/west%6Cand/reports/overhead")))
                .isEqualTo(PERMIT);
        assertThat(policy.decide(auditor, AccessRequest.of("GET", "/api/v1/municipalities/rotter%64am/reports/overhead")))
                .isEqualTo(UNKNOWN_MUNICIPALITY);
        assertThat(policy.decide(WESTLAND.get(Role.PROVIDER), AccessRequest.of("POST", "/api/v1/municipalities/westland/redempt%69ons")))
                .isEqualTo(PERMIT);
    }

    @Test
    void a_provider_cannot_reach_a_command_by_a_trailing_slash_or_an_extra_segment() {
        Caller provider = WESTLAND.get(Role.PROVIDER);
        assertThat(policy.decide(provider, AccessRequest.of("POST", "/api/v1/municipalities/westland/redemptions/")))
                .isEqualTo(FORBIDDEN);
        assertThat(policy.decide(provider, AccessRequest.of("POST", "/api/v1/municipalities/westland/redemptions/r-1/reversal/x")))
                .isEqualTo(FORBIDDEN);
        assertThat(policy.decide(provider, AccessRequest.of("GET", "/api/v1/municipalities/westland/redemptions/r-1/reversal")))
                .isEqualTo(FORBIDDEN);
    }

    @ParameterizedTest
    @CsvSource({"GET, /actuator/prometheus", "POST, /api/v1/operator/projections/all/rebuild", "GET, /actuator/processors"})
    void an_operator_bound_to_one_municipality_reaches_no_operation_that_spans_them_all(String method, String path) {
        Caller bound = new Caller("operator", Role.OPERATOR, "westland", null);
        assertThat(policy.decide(bound, AccessRequest.of(method, path))).isEqualTo(FORBIDDEN);
        assertThat(policy.decide(WESTLAND.get(Role.OPERATOR), AccessRequest.of(method, path))).isEqualTo(PERMIT);
    }

    @ParameterizedTest
    @EnumSource(RequestKind.class)
    void every_kind_of_request_allows_at_least_one_role(RequestKind kind) {
        assertThat(Role.values()).anyMatch(kind::allows);
    }

    @Test
    void requests_are_classified_by_method_and_path() {
        assertThat(policy.classify(AccessRequest.of("GET", "/api/v1/municipalities/westland/reports/overhead")))
                .isEqualTo(RequestKind.REPORT_READ);
        assertThat(policy.classify(AccessRequest.of("GET", "/api/v1/municipalities/westland/years/2019/entitlements/c")))
                .isEqualTo(RequestKind.ENTITLEMENT_READ);
        assertThat(policy.classify(AccessRequest.of("GET", "/api/v1/municipalities/westland/years/2019/spending-lines/3/postings")))
                .isEqualTo(RequestKind.JOURNAL_READ);
        assertThat(policy.classify(AccessRequest.of("POST", "/api/v1/municipalities/westland/annual-resets")))
                .isEqualTo(RequestKind.MUNICIPAL);
        assertThat(policy.classify(AccessRequest.of("GET", "/api/v1/events"))).isEqualTo(RequestKind.EVENT_STREAM);
        assertThat(policy.classify(AccessRequest.of("GET", "/elsewhere"))).isEqualTo(RequestKind.UNMAPPED);
    }

    @Test
    void every_role_reads_the_start_page_and_the_api_document_but_writes_nothing_there() {
        for (String path : List.of("/", "/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html", "/swagger-ui/index.html",
                "/docs/reports.md")) {
            assertThat(policy.classify(AccessRequest.of("GET", path))).as(path).isEqualTo(RequestKind.GUIDANCE);
            assertDecisions(AccessRequest.of("GET", path), "P", "P", "P", "P", "P", "P");
            assertThat(policy.classify(AccessRequest.of("POST", path))).as(path).isEqualTo(RequestKind.UNMAPPED);
        }
    }

    private void assertDecisions(AccessRequest request, String... expectedPerRole) {
        Role[] roles = {Role.MUNICIPALITY_STAFF, Role.PROVIDER, Role.AUDITOR, Role.COUNCIL, Role.INTEGRATOR, Role.OPERATOR};
        for (int i = 0; i < roles.length; i++) {
            AccessDecision expected = "P".equals(expectedPerRole[i]) ? PERMIT : FORBIDDEN;
            assertThat(policy.decide(WESTLAND.get(roles[i]), request)).as(roles[i].name()).isEqualTo(expected);
        }
    }
}
