package nl.kindpakket.ledger.api.security;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Lets the {@link AccessPolicy} decide every request; the decision travels on to the access-denied handler. */
public class PolicyAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

    private final AccessPolicy policy;

    public PolicyAuthorizationManager(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return Callers.of(authentication.get())
                .map(caller -> new PolicyDecision(policy.decide(caller, requestOf(context.getRequest()))))
                .orElseGet(() -> new PolicyDecision(AccessDecision.FORBIDDEN));
    }

    static AccessRequest requestOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] municipality = request.getParameterValues("municipality");
        List<String> values = municipality == null ? List.of() : Arrays.asList(municipality);
        return new AccessRequest(request.getMethod(), path, values);
    }

    /** A decision that remembers why, so a denial for another municipality can answer 404. */
    public static final class PolicyDecision extends AuthorizationDecision {

        private final AccessDecision decision;

        PolicyDecision(AccessDecision decision) {
            super(decision == AccessDecision.PERMIT);
            this.decision = decision;
        }

        public AccessDecision decision() {
            return decision;
        }

        @Override
        public String toString() {
            return "PolicyDecision[" + decision + "]";
        }
    }
}
