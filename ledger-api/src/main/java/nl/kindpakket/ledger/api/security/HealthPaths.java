package nl.kindpakket.ledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The health endpoints, open to anyone so that load balancers and orchestrators can probe them. */
final class HealthPaths {

    private static final PathPattern HEALTH = PathPatternParser.defaultInstance.parse("/actuator/health/**");

    private HealthPaths() {
    }

    static boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return HEALTH.matches(PathContainer.parsePath(path));
    }
}
