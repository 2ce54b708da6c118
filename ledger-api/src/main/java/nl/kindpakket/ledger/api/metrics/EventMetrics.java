package nl.kindpakket.ledger.api.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Counts the events appended to the store, by type, and the money they move. Events are published
 * inside the command's unit of work but stored at its commit, so they are counted after the commit and
 * never when the transaction rolls back.
 */
public class EventMetrics implements MessageDispatchInterceptor<EventMessage<?>> {

    public static final String APPENDED = "ledger.events.appended";
    public static final String REDEEMED = "ledger.redeemed.cents";
    public static final String REVERSED = "ledger.reversed.cents";

    private static final String PENDING = EventMetrics.class.getName() + ".pending";

    private final MeterRegistry registry;
    /** Registered once per name and tags: a lookup in the registry on every event costs more than the count. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted()) {
            pendingIn(CurrentUnitOfWork.get().root()).addAll(messages);
        } else {
            messages.forEach(this::count);
        }
        return (index, message) -> message;
    }

    private List<EventMessage<?>> pendingIn(UnitOfWork<?> root) {
        return root.getOrComputeResource(PENDING, key -> {
            List<EventMessage<?>> pending = new ArrayList<>();
            root.afterCommit(committed -> pending.forEach(this::count));
            return pending;
        });
    }

    private void count(EventMessage<?> event) {
        String type = event.getPayloadType().getSimpleName();
        counters.computeIfAbsent(List.of(APPENDED, type), key -> Counter.builder(APPENDED)
                        .description("Events appended to the event store, by type")
                        .tag("type", type)
                        .register(registry))
                .increment();
        Object payload = event.getPayload();
        if (payload instanceof RedeemedAtProvider redeemed) {
            money(REDEEMED, "Money redeemed at providers, in cents", redeemed.municipality(), redeemed.spendingLine())
                    .increment(redeemed.amountCents());
        } else if (payload instanceof RedemptionReversed reversed) {
            money(REVERSED, "Money of reversed redemptions, in cents", reversed.municipality(), reversed.spendingLine())
                    .increment(reversed.amountCents());
        }
    }

    private Counter money(String name, String description, String municipality, String spendingLine) {
        return counters.computeIfAbsent(List.of(name, municipality, spendingLine), key -> Counter.builder(name)
                .description(description)
                .tags("municipality", municipality, "spending_line", spendingLine)
                .register(registry));
    }
}
