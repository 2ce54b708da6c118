package nl.kindpakket.ledger.api.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Which processors are failing now. A pooled processor gives up a failing batch, backs off and retries it,
 * and its status forgets the failure meanwhile; this remembers it until a batch of that processor commits
 * here, or until the processor's stored position has passed the event that failed (another node did it).
 */
public class ProcessorFailures {

    private final Clock clock;
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    public ProcessorFailures(Clock clock) {
        this.clock = clock;
    }

    /** The interceptor that watches the processor of this name. */
    public MessageHandlerInterceptor<EventMessage<?>> watcher(String processor) {
        return new Watcher(processor);
    }

    /** The processor's failure, unless its stored position shows the failed event handled since. */
    public Optional<Failure> of(String processor, OptionalLong storedPosition) {
        Failure failure = failures.get(processor);
        if (failure == null || (storedPosition.isPresent() && storedPosition.getAsLong() >= failure.position())) {
            return Optional.empty();
        }
        return Optional.of(failure);
    }

    /** The first failure of a run of failures, the latest one, and the position of the event it failed on. */
    public record Failure(Instant since, String latest, long position) {
    }

    private final class Watcher implements MessageHandlerInterceptor<EventMessage<?>> {

        private final String processor;

        private Watcher(String processor) {
            this.processor = processor;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            unitOfWork.afterCommit(committed -> failures.remove(processor));
            try {
                return chain.proceed();
            } catch (Exception | Error e) {
                String latest = e.getClass().getSimpleName() + ": " + e.getMessage();
                long position = positionOf(unitOfWork.getMessage());
                failures.compute(processor, (name, known) ->
                        new Failure(known == null ? clock.instant() : known.since(), latest, position));
                throw e;
            }
        }

        private static long positionOf(EventMessage<?> event) {
            return event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                    ? tracked.trackingToken().position().orElse(Long.MAX_VALUE)
                    : Long.MAX_VALUE;
        }
    }
}
