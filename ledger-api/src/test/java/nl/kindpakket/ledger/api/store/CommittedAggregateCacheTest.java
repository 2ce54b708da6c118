package nl.kindpakket.ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class CommittedAggregateCacheTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CommittedAggregateCache cache = new CommittedAggregateCache("Entitlement", 2, registry);

    @Test
    void beyond_its_capacity_the_least_recently_used_entitlement_is_dropped() {
        cache.put("a", "A");
        cache.put("b", "B");
        assertThat((Object) cache.get("a")).isEqualTo("A");

        cache.put("c", "C");

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void loads_are_counted_as_hits_and_misses() {
        cache.put("a", "A");

        cache.get("a");
        cache.get("b");
        cache.get("b");

        assertThat(registry.get("ledger.aggregate.cache").tag("result", "hit").counter().count()).isEqualTo(1);
        assertThat(registry.get("ledger.aggregate.cache").tag("result", "miss").counter().count()).isEqualTo(2);
    }
}
