package nl.kindpakket.ledger.projections.support;

import java.util.Comparator;

/** Orders spending line codes as people number them: 2 before 10. */
public final class SpendingLineOrder {

    public static final Comparator<String> CODES =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private SpendingLineOrder() {
    }
}
