package nl.kindpakket.ledger.api.security;

import java.util.Optional;

import nl.kindpakket.ledger.core.api.ProviderId;

/** Limits a provider to its own providerId; other roles are not limited here. */
public final class ProviderScope {

    private ProviderScope() {
    }

    /** @throws NotOwnProvider when the current caller is a provider other than {@code requested} */
    public static void requireOwn(ProviderId requested) {
        actingProvider().ifPresent(own -> {
            if (!own.equals(requested)) {
                throw new NotOwnProvider();
            }
        });
    }

    /** The provider the current caller acts as, when the caller is a provider. */
    public static Optional<ProviderId> actingProvider() {
        return Callers.current()
                .filter(caller -> caller.role() == Role.PROVIDER)
                .map(caller -> new ProviderId(caller.providerId()));
    }
}
