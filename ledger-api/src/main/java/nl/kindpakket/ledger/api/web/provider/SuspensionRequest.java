package nl.kindpakket.ledger.api.web.provider;

/** Body of POST .../providers/{providerId}/suspension. */
public record SuspensionRequest(String reason) {
}
