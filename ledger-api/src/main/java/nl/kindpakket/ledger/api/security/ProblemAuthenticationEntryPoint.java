package nl.kindpakket.ledger.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as a problem, with the Basic challenge, or the Bearer one where Basic is switched off. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "kindpakket-ledger";

    private final String challenge;

    ProblemAuthenticationEntryPoint(boolean basic) {
        this.challenge = (basic ? "Basic" : "Bearer") + " realm=\"" + REALM + "\"";
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "sign in with valid credentials");
    }
}
