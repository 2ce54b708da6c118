package nl.kindpakket.ledger.api.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How rebuilds run ({@code ledger.rebuild.*}).
 *
 * @param batchSize events per transaction of the rebuilding processor: larger batches replay faster, at the cost of
 *                  longer transactions on the shadow tables, which nobody reads
 * @param schema    where the shadow tables are made; the service's user must be allowed to create it
 */
@ConfigurationProperties("ledger.rebuild")
public record RebuildProperties(@DefaultValue("1000") int batchSize, @DefaultValue("rebuild") String schema) {

    public RebuildProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("ledger.rebuild.batch-size must be at least 1");
        }
    }
}
