package nl.kindpakket.ledger.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The measures of a run, each with where its CPU went and, when asked for, a flight recording of this
 * process while it ran (the evidence for what limits a measure).
 */
final class Phases {

    /** @param units what the measure did, in {@code unit}s (0 when not counted) */
    record Done(String name, CpuAccount.Split cpu, Path recording, long units, String unit) {

        /** CPU of the ledger's threads and of PostgreSQL per unit done; NaN when nothing was counted. */
        double cpuMillisPerUnit() {
            return units == 0 ? Double.NaN : 1000 * (cpu.ledger() + cpu.database()) / units;
        }
    }

    private final JdbcTemplate jdbc;
    private final Path profileDirectory;
    private final List<Done> done = new ArrayList<>();

    Phases(JdbcTemplate jdbc, Path profileDirectory) {
        this.jdbc = jdbc;
        this.profileDirectory = profileDirectory;
    }

    final class Phase implements AutoCloseable {

        private final String name;
        private final CpuAccount cpu;
        private final Recording recording;
        private final WallClockSampler sampler;
        private long units;
        private String unit = "";

        private Phase(String name) throws IOException, ParseException {
            this.name = name;
            Progress.say("%s ...", name);
            if (profileDirectory != null) {
                recording = new Recording(Configuration.getConfiguration("profile"));
                recording.setName(name);
                recording.setToDisk(true);
                // a long measure keeps its last stretch: enough for its profile, bounded on disk
                recording.setMaxSize(256L * 1024 * 1024);
                recording.start();
                sampler = new WallClockSampler();
            } else {
                recording = null;
                sampler = null;
            }
            this.cpu = new CpuAccount(jdbc);
        }

        /** What the measure did, for the CPU cost of one unit of it. */
        void count(long units, String unit) {
            this.units = units;
            this.unit = unit;
        }

        @Override
        public void close() throws IOException {
            CpuAccount.Split split = cpu.stop();
            Path file = null;
            if (recording != null) {
                recording.stop();
                Files.createDirectories(profileDirectory);
                file = profileDirectory.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
                recording.dump(file);
                recording.close();
                sampler.close();
                sampler.write(profileDirectory.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".wall.md"), 30);
            }
            done.add(new Done(name, split, file, units, unit));
            Progress.say("%s done in %.1f s", name, split.wallSeconds());
        }
    }

    Phase start(String name) throws IOException, ParseException {
        return new Phase(name);
    }

    List<Done> done() {
        return List.copyOf(done);
    }

    /** The CPU per unit of the measure of that name; NaN when there was none. */
    double cpuMillisPerUnit(String name) {
        return done.stream().filter(d -> d.name().equals(name)).mapToDouble(Done::cpuMillisPerUnit).findFirst().orElse(Double.NaN);
    }
}
