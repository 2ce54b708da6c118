package nl.kindpakket.ledger.api.store;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The aggregates that commands left behind, by identifier, the least recently used dropped beyond {@code capacity},
 * so that a command on a warm aggregate reads none of its events. Axon's caching repository keeps the entry's
 * aggregate up to date with each committed command and drops it when a command rolls back.
 *
 * <p>Another instance's write makes an entry stale; the next command on it then appends a sequence number that is
 * taken, fails as a concurrency conflict, is rolled back (dropping the entry) and is sent again on the store's state.
 * A command inside its caller's transaction ({@link CallersTransaction}) neither reads nor fills the cache: its state
 * is uncommitted after its unit of work ends, and the cached aggregate would be changed in place.
 */
public class CommittedAggregateCache implements Cache {

    private final Map<Object, Object> entries;
    private final Counter hits;
    private final Counter misses;

    public CommittedAggregateCache(String aggregate, int capacity, MeterRegistry registry) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
        this.hits = counter(registry, aggregate, "hit");
        this.misses = counter(registry, aggregate, "miss");
    }

    private static Counter counter(MeterRegistry registry, String aggregate, String result) {
        return Counter.builder("ledger.aggregate.cache").description("Aggregates loaded by commands: from the cache (hit) or from their events (miss)")
                .tags("aggregate", aggregate, "result", result).register(registry);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        if (CallersTransaction.joined()) {
            entries.remove(key);
            misses.increment();
            return null;
        }
        Object value = entries.get(key);
        (value == null ? misses : hits).increment();
        return (V) value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (CallersTransaction.joined()) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (CallersTransaction.joined() || entries.containsKey(key)) {
            return false;
        }
        entries.put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache tells no listeners");
    }
}
