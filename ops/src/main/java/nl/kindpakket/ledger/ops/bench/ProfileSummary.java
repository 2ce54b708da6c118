package nl.kindpakket.ledger.ops.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code ops bench-profile FILE.jfr [--top N] [--thread TEXT]}: what a flight recording of a measure says
 * limits it. Java samples by thread, by the frame on top (where the CPU is spent) and by every ledger,
 * Axon, Spring JDBC, driver or Jackson method on the stack (what it is spent for); native samples (threads
 * waiting, mostly on PostgreSQL's answers) by the application method that waits.
 */
public final class ProfileSummary {

    private static final List<String> APPLICATION = List.of("nl.kindpakket.", "org.axonframework.", "org.springframework.jdbc.",
            "org.springframework.transaction.", "org.postgresql.", "com.fasterxml.jackson.", "com.zaxxer.", "org.apache.catalina.",
            "org.springframework.security.", "org.springframework.web.");

    /** Cost centres: a sample counts for one when any frame of its stack starts with the prefix. */
    private static final Map<String, String> CENTRES = Map.of(
            "java.lang.Thread.getStackTrace", "stack captures (Axon's handler time limits: AxonTimeLimitedTask.start)",
            "io.micrometer.", "metrics (Micrometer)",
            "com.fasterxml.jackson.", "JSON (Jackson)",
            "org.postgresql.", "JDBC driver",
            "com.zaxxer.hikari.", "connection pool (Hikari)",
            "ch.qos.logback.", "logging (Logback)",
            "org.springframework.boot.loader.", "class and resource lookups in the executable jar",
            "org.springframework.security.", "Spring Security",
            "org.apache.coyote.", "Tomcat connector");

    private final Map<String, Integer> centres = new HashMap<>();
    private final Map<String, Integer> threads = new HashMap<>();
    private final Map<String, Integer> topFrames = new HashMap<>();
    private final Map<String, Integer> onStack = new HashMap<>();
    private final Map<String, Integer> waiting = new HashMap<>();
    private final Map<String, Integer> blockedMillis = new HashMap<>();
    private long blockedNanos;
    private int samples;
    private int nativeSamples;

    private ProfileSummary() {
    }

    static void summarise(Path recording, String thread, int top) throws Exception {
        ProfileSummary summary = new ProfileSummary();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String name = event.getEventType().getName();
            if (event.getStackTrace() == null) {
                continue;
            }
            if (name.equals("jdk.ThreadPark") || name.equals("jdk.JavaMonitorEnter")) {
                String eventThread = event.getThread() == null || event.getThread().getJavaName() == null ? "?" : event.getThread().getJavaName();
                if (eventThread.contains(thread)) {
                    summary.blocked(event.getStackTrace(), event.getDuration().toNanos());
                }
                continue;
            }
            if (!name.equals("jdk.ExecutionSample") && !name.equals("jdk.NativeMethodSample")) {
                continue;
            }
            var sampled = event.getThread("sampledThread");
            String threadName = sampled == null || sampled.getJavaName() == null ? "?" : sampled.getJavaName();
            if (!threadName.contains(thread)) {
                continue;
            }
            if (name.equals("jdk.ExecutionSample")) {
                summary.sample(threadName, event.getStackTrace());
            } else if (name.equals("jdk.NativeMethodSample")) {
                summary.nativeSample(event.getStackTrace());
            }
        }
        summary.print(top);
    }

    private void sample(String thread, RecordedStackTrace stack) {
        samples++;
        threads.merge(thread.replaceAll("\\d+", "#"), 1, Integer::sum);
        List<RecordedFrame> frames = stack.getFrames();
        if (!frames.isEmpty()) {
            topFrames.merge(method(frames.get(0)), 1, Integer::sum);
        }
        Set<String> seen = new HashSet<>();
        Set<String> seenCentres = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String method = method(frame);
            CENTRES.forEach((prefix, centre) -> {
                if (method.startsWith(prefix) && seenCentres.add(centre)) {
                    centres.merge(centre, 1, Integer::sum);
                }
            });
            if (isApplication(method) && seen.add(method)) {
                onStack.merge(method, 1, Integer::sum);
            }
        }
    }

    private void nativeSample(RecordedStackTrace stack) {
        nativeSamples++;
        String waiter = stack.getFrames().stream().map(ProfileSummary::method)
                .filter(m -> m.startsWith("nl.kindpakket.") || m.startsWith("org.axonframework.")).findFirst()
                .orElse(stack.getFrames().isEmpty() ? "?" : method(stack.getFrames().get(0)));
        waiting.merge(waiter, 1, Integer::sum);
    }

    private void blocked(RecordedStackTrace stack, long nanos) {
        blockedNanos += nanos;
        String waiter = stack.getFrames().stream().map(ProfileSummary::method)
                .filter(m -> m.startsWith("nl.kindpakket.") || m.startsWith("org.axonframework.") || m.startsWith("com.zaxxer."))
                .findFirst().orElse(stack.getFrames().isEmpty() ? "?" : method(stack.getFrames().get(0)));
        blockedMillis.merge(waiter, (int) (nanos / 1_000_000), Integer::sum);
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static boolean isApplication(String method) {
        return APPLICATION.stream().anyMatch(method::startsWith);
    }

    private void print(int top) {
        System.out.printf("%,d Java samples, %,d native samples%n", samples, nativeSamples);
        table("Java samples by thread", threads, samples, top);
        table("Java samples by top frame (self time)", topFrames, samples, top);
        table("Java samples by cost centre (inclusive; stacks are cut at the recording's depth)", centres, samples, top);
        table("Java samples with the method on the stack (inclusive; ledger, Axon, JDBC, driver, Jackson, web)", onStack, samples, top);
        table("Native samples (waiting) by the first ledger or Axon method", waiting, nativeSamples, top);
        System.out.printf("%nParked or blocked on a monitor (episodes of 10 ms or more): %,.1f s in all%n", blockedNanos / 1e9);
        table("Blocked milliseconds by the first ledger, Axon or connection-pool method", blockedMillis,
                (int) (blockedNanos / 1_000_000), top);
    }

    private static void table(String title, Map<String, Integer> counts, int total, int top) {
        System.out.printf("%n%s%n%n| share | samples | where |%n|---:|---:|---|%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("| %.1f%% | %,d | %s |%n", 100.0 * e.getValue() / Math.max(1, total), e.getValue(), e.getKey()));
    }
}
