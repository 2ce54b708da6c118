package nl.kindpakket.ledger.projections.provider;

import nl.kindpakket.ledger.projections.table.RowTable;

/** A row of {@code provider_name}: a provider's name as it registered. */
record ProviderNameRow(String municipality, String providerId, String name) {

    static final RowTable<ProviderNameRow> TABLE = RowTable.<ProviderNameRow>named("provider_name")
            .key("municipality", "provider_id")
            .columns("name")
            .values(row -> new Object[] {row.municipality, row.providerId, row.name})
            .reader(row -> new ProviderNameRow(row.getString(1), row.getString(2), row.getString(3)));
}
