package nl.kindpakket.ledger.projections;

import java.util.List;

import nl.kindpakket.ledger.projections.entitlement.EntitlementViews;
import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.fold.ReadModel;
import nl.kindpakket.ledger.projections.monthly.MonthlyPasses;
import nl.kindpakket.ledger.projections.overhead.Overhead;
import nl.kindpakket.ledger.projections.provider.ProviderStatements;
import nl.kindpakket.ledger.projections.spending.SpendingLines;

/**
 * The ledger's read models. They are folded together, on one stream of events: live in one processing group whose
 * batches each cost one read of the store, one look-up of their events' positions, one write of every changed table
 * and one token write; in a rebuild or a reconciliation in one read of the whole store.
 */
public final class ReadModels {

    /** The processing group, and the name of its token, under which the read models follow the store. */
    public static final String GROUP = "read-models";

    public static final String MONTHLY_PASSES = MonthlyPasses.NAME;
    public static final String SPENDING_LINES = SpendingLines.NAME;
    public static final String OVERHEAD = Overhead.NAME;
    public static final String PROVIDER_STATEMENTS = ProviderStatements.NAME;
    public static final String ENTITLEMENT_VIEW = EntitlementViews.NAME;

    public static final List<String> ALL =
            List.of(MONTHLY_PASSES, SPENDING_LINES, OVERHEAD, PROVIDER_STATEMENTS, ENTITLEMENT_VIEW);

    private ReadModels() {
    }

    /** Every read model, in the order above. */
    public static List<ReadModel> all() {
        return List.of(new MonthlyPasses(), new SpendingLines(), new Overhead(), new ProviderStatements(),
                new EntitlementViews());
    }

    /** The fold of every read model. */
    public static Fold fold() {
        return Fold.of(all());
    }
}
