package nl.kindpakket.ledger.projections.support;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each short code that rows repeat, a municipality's slug or a spending line's code: every event read from
 * the store brings its own copies, and a fold from nothing holds a row of every entitlement until it writes them, so
 * the copies would otherwise take a good part of its memory. Bounded: past {@link #MOST} words a word is kept as given.
 */
public final class Vocabulary {

    static final int MOST = 10_000;
    private static final ConcurrentHashMap<String, String> WORDS = new ConcurrentHashMap<>();

    private Vocabulary() {
    }

    /** The one copy of {@code word} (equal to it), or {@code word} itself; null for null. */
    public static String of(String word) {
        if (word == null) {
            return null;
        }
        String known = WORDS.get(word);
        if (known != null) {
            return known;
        }
        if (WORDS.size() >= MOST) {
            return word;
        }
        String first = WORDS.putIfAbsent(word, word);
        return first != null ? first : word;
    }
}
