package nl.kindpakket.ledger.api.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes the problems answered before a request reaches Spring MVC (security, the firewall, size limits), in the same form as the web layer's. */
public final class ProblemResponses {

    // a private writer for these few flat maps; the service's web mapper is configured elsewhere
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String rule, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/" + rule);
        problem.put("title", Character.toUpperCase(rule.charAt(0)) + rule.substring(1).replace('-', ' '));
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", PrivatePaths.instanceOf(request.getRequestURI()).toString());
        problem.put("rule", rule);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
