package nl.kindpakket.ledger.projections;

import java.util.List;

/** The processing group of each read model; each replays on its own, from its own tables only. */
public final class ReadModels {

    public static final String MONTHLY_PASSES = "monthly-passes";
    public static final String SPENDING_LINES = "spending-lines";
    public static final String OVERHEAD = "overhead";
    public static final String PROVIDER_STATEMENTS = "provider-statements";
    public static final String ENTITLEMENT_VIEW = "entitlement-view";

    public static final List<String> ALL =
            List.of(MONTHLY_PASSES, SPENDING_LINES, OVERHEAD, PROVIDER_STATEMENTS, ENTITLEMENT_VIEW);

    private ReadModels() {
    }
}
