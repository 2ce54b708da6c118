package nl.kindpakket.ledger.api.fault;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of a town's children redeeming, appended to the store as the aggregates would have recorded it:
 * a replay needs events, not the rules that produced them, and thousands of commands would make the test slow.
 */
final class RecordedYear {

    private static final int VISITS = 12;
    private static final long CREDIT = 50_000;
    private static final int CHILDREN_PER_TRANSACTION = 25;

    private RecordedYear() {
    }

    /** Per child a grant, a redemption a month and one reversal; appended a few dozen children at a time. */
    static void append(EventStore store, TransactionTemplate transaction, Town town, int children) {
        for (int first = 0; first < children; first += CHILDREN_PER_TRANSACTION) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int child = first; child < Math.min(children, first + CHILDREN_PER_TRANSACTION); child++) {
                events.addAll(childsYear(town, child));
            }
            transaction.executeWithoutResult(tx -> store.publish(events));
        }
    }

    private static List<DomainEventMessage<?>> childsYear(Town town, int child) {
        String id = town.child(child).toString();
        String ref = "kind-" + child;
        String pass = town.pass(child).value();
        String line = Town.LINE.value();
        List<Object> payloads = new ArrayList<>();
        payloads.add(new EntitlementGranted(id, town.slug(), Town.YEAR, ref, pass, Map.of(line, CREDIT), CREDIT,
                LocalDate.of(Town.YEAR, 1, 2), null));
        long balance = CREDIT;
        for (int visit = 0; visit < VISITS; visit++) {
            long amount = 100 + visit + child;
            balance -= amount;
            Instant at = LocalDate.of(Town.YEAR, visit + 1, 10).atTime(10, 0).toInstant(ZoneOffset.UTC);
            payloads.add(new RedeemedAtProvider(id, town.slug(), Town.YEAR, ref, redemption(child, visit), pass,
                    Town.POOL.value(), line, amount, balance, at, at.atOffset(ZoneOffset.UTC).toLocalDate()));
        }
        long reversed = 100 + 3 + child;
        LocalDate redeemedOn = LocalDate.of(Town.YEAR, 4, 10);
        payloads.add(new RedemptionReversed(id, town.slug(), Town.YEAR, ref, redemption(child, 3), Town.POOL.value(), line,
                reversed, balance + reversed, "kassafout", redeemedOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                redeemedOn.plusDays(1), redeemedOn));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            events.add(new GenericDomainEventMessage<>("Entitlement", id, sequence, payloads.get(sequence)));
        }
        return events;
    }

    private static String redemption(int child, int visit) {
        return "r-" + child + "-" + visit;
    }
}
