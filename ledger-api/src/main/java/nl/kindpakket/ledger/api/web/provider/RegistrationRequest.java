package nl.kindpakket.ledger.api.web.provider;

import java.util.List;

/** Body of POST .../providers: spendingLines are the codes the provider accepts. */
public record RegistrationRequest(String providerId, String name, List<String> spendingLines) {
}
