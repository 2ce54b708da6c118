package nl.kindpakket.ledger.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
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
                    "forbidden", "your role may not do this");
        }
    }

    private static AccessDecision decisionOf(AccessDeniedException denied) {
        if (denied instanceof AuthorizationDeniedException authorization
                && authorization.getAuthorizationResult() instanceof PolicyAuthorizationManager.PolicyDecision policy) {
            return policy.decision();
        }
        return AccessDecision.FORBIDDEN;
    }
}
