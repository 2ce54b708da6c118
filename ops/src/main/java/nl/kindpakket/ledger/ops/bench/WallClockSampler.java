package nl.kindpakket.ledger.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Wall-clock sampling of the ledger's working threads (requests, processors, the reset job), like taking a
 * thread dump every 50 ms: each busy thread's sample is put down to the innermost ledger or Axon method on
 * its stack and to what the thread was doing there (on the CPU, in a PostgreSQL round trip, waiting for a
 * pooled connection, or waiting on a lock). Unlike CPU sampling it shows where the time of a request goes.
 */
final class WallClockSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 50;

    private final Map<String, Integer> byActivity = new HashMap<>();
    private final Map<String, Integer> byMethod = new HashMap<>();
    private final Map<String, Integer> byTopFrame = new HashMap<>();
    private final Thread sampler;
    private int samples;

    WallClockSampler() {
        sampler = new Thread(this::run, "wall-clock-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            for (var entry : Thread.getAllStackTraces().entrySet()) {
                record(entry.getKey(), entry.getValue());
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(Thread thread, StackTraceElement[] stack) {
        String group = group(thread.getName());
        if (group == null || stack.length == 0 || isIdle(stack)) {
            return;
        }
        samples++;
        String activity = activity(thread.getState(), stack);
        byActivity.merge(group + " | " + activity, 1, Integer::sum);
        byMethod.merge(group + " | " + innermostLedgerFrame(stack) + " | " + activity, 1, Integer::sum);
        byTopFrame.merge(group + " | " + activity + " | " + firstLibraryFrame(stack), 1, Integer::sum);
    }

    private static String group(String name) {
        if (name.startsWith("http-nio") && name.contains("exec")) {
            return "HTTP request";
        }
        if (name.startsWith("WorkPackage[") || name.startsWith("Coordinator[")) {
            return "processor " + name.substring(name.indexOf('[') + 1, name.indexOf(']'));
        }
        return name.startsWith("annual-reset") ? "annual reset job" : null;
    }

    private static boolean isIdle(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String where = frame.getClassName() + "." + frame.getMethodName();
            if (where.endsWith("ThreadPoolExecutor.getTask") || where.endsWith("NioEndpoint$Poller.run")
                    || where.endsWith("Coordinator$CoordinationTask.run") && stack[0].getMethodName().equals("park")) {
                return true;
            }
        }
        return false;
    }

    private static String activity(Thread.State state, StackTraceElement[] stack) {
        String library = firstLibraryFrame(stack);
        if (library.startsWith("VisibleBufferedInputStream.") || library.startsWith("PgBufferedOutputStream.")
                || library.startsWith("PGStream.")) {
            return "PostgreSQL round trip";
        }
        for (int i = 0; i < Math.min(stack.length, 40); i++) {
            if (stack[i].getClassName().startsWith("com.zaxxer.hikari.pool.HikariPool") && state != Thread.State.RUNNABLE) {
                return "waiting for a pooled connection";
            }
        }
        return state == Thread.State.RUNNABLE ? "on CPU (Java)" : "waiting (" + state.name().toLowerCase(Locale.ROOT) + ")";
    }

    /** The innermost ledger or Axon frame (Axon's JDBC helpers skipped), and the innermost ledger frame when that is another. */
    private static String innermostLedgerFrame(StackTraceElement[] stack) {
        StackTraceElement first = null;
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            boolean axon = type.startsWith("org.axonframework.") && !type.startsWith("org.axonframework.common.");
            if (first == null && (axon || type.startsWith("nl.kindpakket."))) {
                first = frame;
            }
            if (type.startsWith("nl.kindpakket.")) {
                return first == frame ? shortName(frame) : shortName(first) + " in " + shortName(frame);
            }
        }
        return first == null ? "(framework)" : shortName(first);
    }

    /** The innermost frame outside the JDK: the library or ledger code that is running, or that waits. */
    private static String firstLibraryFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return shortName(frame);
            }
        }
        return shortName(stack[0]);
    }

    private static String shortName(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName() + ":" + frame.getLineNumber();
    }

    synchronized void write(Path file, int top) throws IOException {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%,d samples of busy threads, one every %d ms per thread%n%nBy thread and activity%n%n| share | samples | thread | activity |%n|---:|---:|---|---|%n",
                samples, INTERVAL_MILLIS));
        rows(text, byActivity, top);
        text.append("\nBy innermost ledger (else Axon) method and activity\n\n| share | samples | thread | method | activity |\n|---:|---:|---|---|---|\n");
        rows(text, byMethod, top);
        text.append("\nBy activity and the innermost frame outside the JDK\n\n| share | samples | thread | activity | frame |\n|---:|---:|---|---|---|\n");
        rows(text, byTopFrame, top);
        Files.writeString(file, text);
    }

    private void rows(StringBuilder text, Map<String, Integer> counts, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> text.append(String.format(Locale.ROOT, "| %.1f%% | %,d | %s |%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getValue(), e.getKey())));
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
