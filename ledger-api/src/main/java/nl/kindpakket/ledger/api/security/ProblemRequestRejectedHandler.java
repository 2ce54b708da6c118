package nl.kindpakket.ledger.api.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request the firewall refuses (a ';', '//' or an encoded '..' in its path) answers 400 as a problem, like every
 * other refusal, instead of falling through to the servlet container's error page. Spring Security uses this bean.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, "rejected-request",
                "the request's path or headers are not accepted: no ';', '//', encoded '.', '/' or '\\\\' in a path");
    }
}
