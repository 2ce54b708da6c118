package nl.kindpakket.ledger.api.web;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import nl.kindpakket.ledger.api.LedgerApplication;

/**
 * The service as an operating-system process of its own, started from the test's classpath with the test profile, so
 * that it can be killed as a machine or the OOM killer would kill it: {@link #kill()} is SIGKILL, nothing runs after.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String name, String storeUrl, String... settings) {
        try {
            int port = freePort();
            Path log = Files.createDirectories(Path.of("target", "service-processes")).resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC",
                    "-Daxoniq.update-checker.disabled=true", "-Daxon.axonserver.enabled=false",
                    "-cp", System.getProperty("java.class.path"), LedgerApplication.class.getName(),
                    "--spring.profiles.active=test", "--server.port=" + port, "--spring.datasource.url=" + storeUrl,
                    "--spring.datasource.hikari.maximum-pool-size=10", "--spring.application.name=ledger-" + name));
            command.addAll(List.of(settings));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServiceProcess started = new ServiceProcess(name, process, port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the service answers its readiness probe with 200; fails at once if the process ended. */
    ServiceProcess awaitReady(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250))
                .failFast(name + " ended before it was ready; its log: " + log.toAbsolutePath(), () -> !process.isAlive())
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> http().get(null, "/actuator/health/readiness").status() == 200);
        return this;
    }

    LedgerHttp http() {
        return new LedgerHttp(port);
    }

    /** How this process names itself as the owner of a token or a job claim: {@code pid@host/…}. */
    String ownerPrefix() {
        return process.pid() + "@";
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, no released claim; its sockets are closed by the kernel. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die");
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ", log " + log.toAbsolutePath() + ")";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
