package nl.kindpakket.ledger.api.web;

import org.springframework.http.HttpStatusCode;

/** The problem type of a failure that Spring itself detects, by its status. */
final class StatusRules {

    private StatusRules() {
    }

    static String of(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "invalid-input";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            case 503 -> "service-unavailable";
            default -> "http-" + status.value();
        };
    }
}
