package nl.kindpakket.ledger.api.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.kindpakket.ledger.api.identity.AnsweredBefore;
import nl.kindpakket.ledger.api.lookup.StaleLookups;
import nl.kindpakket.ledger.core.api.Receipt;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Counts and times every command by its outcome. The outcome is taken when the unit of work ends, not
 * when the handler returns: the events are only stored at commit, and a lookup table or the store itself
 * may still refuse the command then.
 */
public class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String COMMANDS = "ledger.commands";
    public static final String DURATION = "ledger.command.duration";
    public static final String STALE_LOOKUPS = "ledger.commands.stale.lookups";

    /** Marks a unit of work whose outcome this interceptor records. */
    static final String WATCHED = CommandMetrics.class.getName() + ".watched";

    private final MeterRegistry registry;
    /** Registered once per tag combination: a lookup in the registry on every command costs more than the count. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
    private final Counter staleLookups;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.staleLookups = Counter.builder(STALE_LOOKUPS)
                .description("Attempts of commands prepared from remembered lookups that had changed, rolled back"
                        + " uncounted and prepared again from the lookup tables")
                .register(registry);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        long started = System.nanoTime();
        String command = simpleName(unitOfWork.getMessage().getCommandName());
        unitOfWork.resources().put(WATCHED, Boolean.TRUE);
        unitOfWork.afterCommit(done -> {
            Object result = done.getExecutionResult() == null ? null : done.getExecutionResult().getResult().getPayload();
            boolean repeated = result instanceof Receipt receipt && receipt.repeated();
            record(command, repeated ? "repeated" : "accepted", FailureReason.NONE, started);
        });
        unitOfWork.onRollback(failed -> {
            Throwable cause = failed.getExecutionResult() == null ? null : failed.getExecutionResult().getExceptionResult();
            if (AnsweredBefore.in(cause).isPresent()) {
                // a repeat, answered as the first time; what its handler did is rolled back
                record(command, "repeated", FailureReason.NONE, started);
                return;
            }
            if (StaleLookups.in(cause)) {
                // prepared again from the lookup tables and sent again, and counted then
                staleLookups.increment();
                return;
            }
            FailureReason reason = FailureReason.of(cause);
            record(command, reason.outcome(), reason.tag(), started);
        });
        return chain.proceed();
    }

    /** A command that failed before its handlers ran, such as when no transaction could be started. */
    void failedBeforeHandling(CommandMessage<?> command, Throwable cause, long started) {
        FailureReason reason = FailureReason.of(cause);
        record(simpleName(command.getCommandName()), reason.outcome(), reason.tag(), started);
    }

    /** A command refused or failed while it was being prepared (its lookups), so it never reached the bus. */
    public void failedBeforeDispatch(Class<?> command, Throwable cause, long started) {
        FailureReason reason = FailureReason.of(cause);
        record(command.getSimpleName(), reason.outcome(), reason.tag(), started);
    }

    private void record(String command, String outcome, String reason, long started) {
        counters.computeIfAbsent(List.of(command, outcome, reason), key -> Counter.builder(COMMANDS)
                        .description("Commands handled, by command, outcome and the refusal's type")
                        .tags("command", command, "outcome", outcome, "reason", reason)
                        .register(registry))
                .increment();
        timers.computeIfAbsent(List.of(command, outcome), key -> Timer.builder(DURATION)
                        .description("Time from handling a command to the end of its transaction")
                        .tags("command", command, "outcome", outcome)
                        .publishPercentileHistogram()
                        .register(registry))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    static String simpleName(String commandName) {
        return commandName.substring(commandName.lastIndexOf('.') + 1);
    }
}
