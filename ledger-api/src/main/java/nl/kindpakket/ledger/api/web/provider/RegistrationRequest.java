package nl.kindpakket.ledger.api.web.provider;

import java.time.LocalDate;
import java.util.List;

/** Body of POST .../providers: spendingLines are the codes the provider accepts; acceptsFrom (optional) the first day it accepts passes, today when left out. */
public record RegistrationRequest(String providerId, String name, List<String> spendingLines, LocalDate acceptsFrom) {
}
