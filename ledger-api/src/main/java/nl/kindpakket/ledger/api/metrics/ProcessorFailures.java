package nl.kindpakket.ledger.api.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Which processors are failing now. A pooled processor gives up a failing batch, backs off and retries it,
 * and its status forgets the failure meanwhile; this remembers it until a batch of that processor commits.
 */
public class ProcessorFailures {

    private final Clock clock;
    private final Map<String, Failure> failing = new ConcurrentHashMap<>();

    public ProcessorFailures(Clock clock) {
        this.clock = clock;
    }

    /** The interceptor that watches the processor of this name. */
    public MessageHandlerInterceptor<EventMessage<?>> watcher(String processor) {
        return new Watcher(processor);
    }

    public Optional<Failure> of(String processor) {
        return Optional.ofNullable(failing.get(processor));
    }

    /** The first failure of a run of failures, and the latest one. */
    public record Failure(Instant since, String latest) {
    }

    private final class Watcher implements MessageHandlerInterceptor<EventMessage<?>> {

        private final String processor;

        private Watcher(String processor) {
            this.processor = processor;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            unitOfWork.afterCommit(committed -> failing.remove(processor));
            try {
                return chain.proceed();
            } catch (Exception | Error e) {
                String latest = e.getClass().getSimpleName() + ": " + e.getMessage();
                failing.compute(processor, (name, known) -> new Failure(known == null ? clock.instant() : known.since(), latest));
                throw e;
            }
        }
    }
}
