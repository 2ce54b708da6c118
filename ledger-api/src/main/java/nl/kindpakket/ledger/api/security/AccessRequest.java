package nl.kindpakket.ledger.api.security;

import java.util.List;

/**
 * The parts of an HTTP request the access policy decides on.
 *
 * @param path the path within the application, as sent (percent-encoded)
 * @param municipalityParameter every value of the {@code municipality} query parameter
 */
public record AccessRequest(String method, String path, List<String> municipalityParameter) {

    public AccessRequest {
        municipalityParameter = municipalityParameter == null ? List.of() : List.copyOf(municipalityParameter);
    }

    public static AccessRequest of(String method, String path) {
        return new AccessRequest(method, path, List.of());
    }

    boolean isRead() {
        return "GET".equals(method) || "HEAD".equals(method);
    }
}
