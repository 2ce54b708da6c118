package nl.kindpakket.ledger.api.rebuild;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How rebuilds run ({@code ledger.rebuild.*}).
 *
 * @param schema        where the new tables are made; the service's user must be allowed to create it
 * @param retiredSchema where PostgreSQL moves the old tables at the switch, until they are dropped just after
 * @param memoryBudget  the heap the rows of a fold may take; a larger store is folded in parts of its entitlements,
 *                      each part reading the store once more
 * @param parts         folds in this many parts whatever the memory budget says; 0 (the default) lets the budget decide
 * @param catchUpBatch  events per batch when the new tables catch up with the live ones at the switch
 * @param heartbeat     how often a running rebuild records its progress and that it is alive
 * @param orphanedAfter how long without a heartbeat before another instance (or this one, after a restart) takes an
 *                      unfinished rebuild up again
 */
@ConfigurationProperties("ledger.rebuild")
public record RebuildProperties(@DefaultValue("rebuild") String schema,
                                @DefaultValue("retired") String retiredSchema,
                                @DefaultValue("192MB") DataSize memoryBudget,
                                @DefaultValue("0") int parts,
                                @DefaultValue("500") int catchUpBatch,
                                @DefaultValue("2s") Duration heartbeat,
                                @DefaultValue("30s") Duration orphanedAfter) {

    /** The parts a fold of this many entitlements goes through. */
    public int partsFor(long entitlements) {
        return parts > 0 ? parts : nl.kindpakket.ledger.api.readside.FoldPlan.parts(entitlements, memoryBudget);
    }

    public RebuildProperties {
        if (catchUpBatch < 1) {
            throw new IllegalArgumentException("ledger.rebuild.catch-up-batch must be at least 1");
        }
        if (memoryBudget.toMegabytes() < 16) {
            throw new IllegalArgumentException("ledger.rebuild.memory-budget must be at least 16MB");
        }
        if (parts < 0 || parts > 64) {
            throw new IllegalArgumentException("ledger.rebuild.parts must be 0 (planned) to 64");
        }
        if (schema.equals(retiredSchema)) {
            throw new IllegalArgumentException("ledger.rebuild.schema and retired-schema must differ");
        }
    }
}
