package nl.kindpakket.ledger.core.testing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import nl.kindpakket.ledger.core.lookup.ProviderDirectory;

/** Registered providers, their lines and suspensions, set up by each test. */
public final class FakeProviderDirectory implements ProviderDirectory {

    private final Map<String, Set<String>> linesByProvider = new HashMap<>();
    private final Set<String> suspended = new HashSet<>();

    public FakeProviderDirectory register(String municipality, String providerId, String... lines) {
        linesByProvider.put(municipality + ":" + providerId, Set.of(lines));
        return this;
    }

    public FakeProviderDirectory suspend(String municipality, String providerId) {
        suspended.add(municipality + ":" + providerId);
        return this;
    }

    @Override
    public Standing standing(String municipality, String providerId, String spendingLine) {
        String key = municipality + ":" + providerId;
        Set<String> lines = linesByProvider.get(key);
        if (lines == null) {
            return Standing.UNKNOWN;
        }
        if (suspended.contains(key)) {
            return Standing.SUSPENDED;
        }
        return lines.contains(spendingLine) ? Standing.ACCEPTING : Standing.NOT_ACCEPTING_LINE;
    }
}
