package nl.kindpakket.ledger.projections.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.core.api.events.EntitlementEvent;
import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import nl.kindpakket.ledger.core.api.events.ProviderSuspended;

/** Which aggregate wrote an event, and the order a processor split in segments may see events in. */
public final class Aggregates {

    private Aggregates() {
    }

    public static String of(LedgerEvent event) {
        if (event instanceof EntitlementEvent e) {
            return e.entitlementId();
        } else if (event instanceof ProviderRegistered e) {
            return e.municipality() + ":" + e.providerId();
        } else if (event instanceof ProviderSuspended e) {
            return e.municipality() + ":" + e.providerId();
        }
        return event.municipality() + ":" + yearOf(event);
    }

    /** Segment by segment, last slot first: each aggregate's events keep their order, the rest is shuffled. */
    public static List<LedgerEvent> segmentBySegment(List<LedgerEvent> events) {
        List<LedgerEvent> reordered = new ArrayList<>(events);
        reordered.sort(Comparator.comparingInt((LedgerEvent event) -> Slots.of(of(event))).reversed());
        return reordered;
    }

    private static int yearOf(LedgerEvent event) {
        try {
            return (int) event.getClass().getMethod("year").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no year on " + event.getClass().getSimpleName(), e);
        }
    }
}
