package nl.kindpakket.ledger.core.api;

/** A provider within its municipality, for example {@code westland:zwembad-naaldwijk}. */
public record ProviderKey(Municipality municipality, ProviderId providerId) {

    @Override
    public String toString() {
        return municipality.slug() + ":" + providerId.value();
    }
}
