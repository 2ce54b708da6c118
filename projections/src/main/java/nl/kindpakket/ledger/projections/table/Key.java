package nl.kindpakket.ledger.projections.table;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The values of several key columns, under which a fold keeps a row or a counter: a list, equal to any list of the same
 * values and hashed as one, but compared with another key without an iterator and with its hash worked out once. A
 * rebuild looks keys up millions of times; an immutable list makes an iterator for every comparison, a tenth of what
 * a rebuild's folding thread allocated.
 */
public final class Key extends AbstractList<Object> implements RandomAccess {

    private final Object[] values;
    private final int hash;

    private Key(Object[] values) {
        for (Object value : values) {
            Objects.requireNonNull(value, "a key holds no null");
        }
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    /** A key of these values, in the order of the key columns; the array becomes the key's own. */
    public static Key of(Object... values) {
        return new Key(values);
    }

    @Override
    public Object get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object[] toArray() {
        return values.clone();
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (other instanceof Key key) {
            return hash == key.hash && Arrays.equals(values, key.values);
        }
        return super.equals(other);
    }
}
