package nl.kindpakket.ledger.api.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as a problem; a request about another municipality answers 404, as if it did not exist. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        switch (decisionOf(denied)) {
            case UNKNOWN_MUNICIPALITY -> ProblemResponses.write(request, response, HttpStatus.NOT_FOUND,
                    "unknown-municipality", "no such municipality");
            case MUNICIPALITY_REQUIRED -> ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
                    "forbidden", "name your municipality: ?municipality=<your municipality>");
            default -> ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
                    "forbidden", unboundToken().orElse("your role may not do this"));
        }
    }

    /** Why a good bearer token signs in as nobody: no known role, no municipality, no provider id. */
    private static Optional<String> unboundToken() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.getPrincipal() instanceof TokenSignIn.Unbound unbound
                ? Optional.of(unbound.reason())
                : Optional.empty();
    }

    private static AccessDecision decisionOf(AccessDeniedException denied) {
        if (denied instanceof AuthorizationDeniedException authorization
                && authorization.getAuthorizationResult() instanceof PolicyAuthorizationManager.PolicyDecision policy) {
            return policy.decision();
        }
        return AccessDecision.FORBIDDEN;
    }
}
