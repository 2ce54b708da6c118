package nl.kindpakket.ledger.projections.store;

import java.util.List;

/** A counter row's values in column order: its key, then its sums. */
final class CounterRows {

    private CounterRows() {
    }

    static Object[] row(List<?> key, long[] sums) {
        Object[] row = new Object[key.size() + sums.length];
        for (int i = 0; i < key.size(); i++) {
            row[i] = key.get(i);
        }
        for (int i = 0; i < sums.length; i++) {
            row[key.size() + i] = sums[i];
        }
        return row;
    }
}
