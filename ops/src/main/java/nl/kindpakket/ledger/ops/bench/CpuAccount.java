package nl.kindpakket.ledger.ops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the CPU of a measure went: this process, the PostgreSQL backends serving the bench database, and
 * the rest of the machine (other work on it). Read from /proc; zero where it cannot be read.
 */
final class CpuAccount {

    private static final double TICKS_PER_SECOND = 100.0;

    private final JdbcTemplate jdbc;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long processStart;
    private final Map<Long, Long> ledgerThreadsStart;
    private final Map<Integer, Long> backendsStart;
    private final long machineBusyStart;
    private final long machineAllStart;
    private final long wallStart = System.nanoTime();

    /**
     * @param ledger CPU of the ledger's own threads: HTTP requests, processors, the reset job (the rest of this
     *               process is the load generator, the baselines, the collector, the compiler and the profiler)
     */
    record Split(double wallSeconds, double process, double ledger, double database, double machineBusy, double machineCapacity) {

        double others() {
            return Math.max(0, machineBusy - process - database);
        }
    }

    CpuAccount(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.processStart = processCpuNanos();
        this.ledgerThreadsStart = ledgerThreadNanos();
        this.backendsStart = backendTicks();
        long[] machine = machineTicks();
        this.machineBusyStart = machine[0];
        this.machineAllStart = machine[1];
    }

    Split stop() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double process = (processCpuNanos() - processStart) / 1e9;
        long database = 0;
        for (var backend : backendTicks().entrySet()) {
            database += backend.getValue() - backendsStart.getOrDefault(backend.getKey(), 0L);
        }
        long ledger = 0;
        for (var thread : ledgerThreadNanos().entrySet()) {
            ledger += thread.getValue() - ledgerThreadsStart.getOrDefault(thread.getKey(), 0L);
        }
        long[] machine = machineTicks();
        return new Split(wall, process, ledger / 1e9, database / TICKS_PER_SECOND, (machine[0] - machineBusyStart) / TICKS_PER_SECOND,
                (machine[1] - machineAllStart) / TICKS_PER_SECOND);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Map<Long, Long> ledgerThreadNanos() {
        Map<Long, Long> nanos = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.startsWith("http-nio") || name.startsWith("WorkPackage[") || name.startsWith("Coordinator[")
                    || name.startsWith("EmbeddedEventStore") || name.startsWith("annual-reset")) {
                long cpu = THREADS.getThreadCpuTime(thread.getId());
                if (cpu >= 0) {
                    nanos.put(thread.getId(), cpu);
                }
            }
        }
        return nanos;
    }

    private Map<Integer, Long> backendTicks() {
        Map<Integer, Long> ticks = new HashMap<>();
        List<Integer> pids = jdbc.queryForList("select pid from pg_stat_activity where datname = current_database()", Integer.class);
        for (int pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException | RuntimeException unreadable) {
                // a backend that ended, or a database on another host: not counted
            }
        }
        return ticks;
    }

    /** @return busy and total ticks of all CPUs since boot */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                all += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {all - idle, all};
        } catch (IOException | RuntimeException unreadable) {
            return new long[] {0, 0};
        }
    }
}
