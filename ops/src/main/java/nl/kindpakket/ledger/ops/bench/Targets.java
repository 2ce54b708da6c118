package nl.kindpakket.ledger.ops.bench;

import java.util.Locale;

/**
 * The open issues' targets for the measures of {@code ops bench}, each judged as met or missed; where an issue also
 * names a longer-term aim, the verdict says how far this run is from it, but the aim never decides the verdict.
 */
final class Targets {

    static final int RESET_SIZE = 100_000;
    static final double RESET_EVENTS = 5_000;
    static final double RESET_AIM = 20_000;
    static final double REDEMPTIONS = 1_500;
    static final double REDEMPTIONS_OF_RAW = 0.12;
    static final double REDEMPTIONS_AIM = 2_500;
    static final int OPEN_LOOP_RATE = 300;
    static final double OPEN_LOOP_P99_MS = 50;
    /** Events in the store that the replay, report and export targets are stated for. */
    static final int STORE_SIZE = 2_000_000;
    static final double REPLAY_EVENTS = 50_000;
    static final double REPLAY_OF_RAW = 0.33;
    static final double REPLAY_AIM = 100_000;
    static final double REPORT_P99_MS = 20;
    static final double EXPORT_EVENTS = 100_000;

    private Targets() {
    }

    static String resetTarget() {
        return String.format(Locale.ROOT, ">= %s events/s (aim %s)", Table.rate(RESET_EVENTS), Table.rate(RESET_AIM));
    }

    /** The annual reset's expiries and renewals of {@value #RESET_SIZE} entitlements. */
    static String reset(double eventsPerSecond) {
        String verdict = eventsPerSecond >= RESET_EVENTS ? "met" : Table.atLeast(eventsPerSecond, RESET_EVENTS, "events/s");
        return verdict + "; " + aim(eventsPerSecond, RESET_AIM, "events/s");
    }

    static String closedLoopTarget() {
        return String.format(Locale.ROOT, ">= %s/s and >= %.2f of raw commits (aim %s/s)", Table.rate(REDEMPTIONS), REDEMPTIONS_OF_RAW,
                Table.rate(REDEMPTIONS_AIM));
    }

    /** The best closed-loop redemptions: both the rate and its share of raw single-row commits must reach theirs. */
    static String closedLoop(double perSecond, double rawCommitsPerSecond) {
        double ofRaw = perSecond / rawCommitsPerSecond;
        boolean rate = perSecond >= REDEMPTIONS;
        boolean ratio = ofRaw >= REDEMPTIONS_OF_RAW;
        String verdict;
        if (rate && ratio) {
            verdict = "met";
        } else {
            verdict = String.format(Locale.ROOT, "**missed**: %s/s is %.1f%% of %s/s%s, %.3f of raw is %.0f%% of %.2f%s",
                    Table.rate(perSecond), 100 * perSecond / REDEMPTIONS, Table.rate(REDEMPTIONS), rate ? " (met)" : "",
                    ofRaw, 100 * ofRaw / REDEMPTIONS_OF_RAW, REDEMPTIONS_OF_RAW, ratio ? " (met)" : "");
        }
        return verdict + "; " + aim(perSecond, REDEMPTIONS_AIM, "/s");
    }

    static String openLoopTarget() {
        return String.format(Locale.ROOT, "p99 < %.0f ms at %d/s", OPEN_LOOP_P99_MS, OPEN_LOOP_RATE);
    }

    /** The open loop's p99; the target holds at {@value #OPEN_LOOP_RATE}/s, so a run at another rate is not judged. */
    static String openLoop(int perSecond, double p99Millis) {
        if (perSecond != OPEN_LOOP_RATE) {
            return String.format(Locale.ROOT, "not judged: run at %d/s, the target is at %d/s", perSecond, OPEN_LOOP_RATE);
        }
        return Table.below(p99Millis, OPEN_LOOP_P99_MS);
    }

    static String replayTarget() {
        return String.format(Locale.ROOT, ">= %s events/s or >= %.2f of raw read-and-deserialise (aim %s)", Table.rate(REPLAY_EVENTS),
                REPLAY_OF_RAW, Table.rate(REPLAY_AIM));
    }

    /** A rebuild of every read model: met by either its rate or its share of the raw read of the same run. */
    static String replay(double eventsPerSecond, double rawReadPerSecond) {
        double ofRaw = eventsPerSecond / rawReadPerSecond;
        String verdict;
        if (eventsPerSecond >= REPLAY_EVENTS) {
            verdict = "met";
        } else if (ofRaw >= REPLAY_OF_RAW) {
            verdict = String.format(Locale.ROOT, "met by the share of raw (%.3f)", ofRaw);
        } else {
            verdict = String.format(Locale.ROOT, "**missed**: %s events/s is %.1f%% of %s, %.3f of raw is %.0f%% of %.2f",
                    Table.rate(eventsPerSecond), 100 * eventsPerSecond / REPLAY_EVENTS, Table.rate(REPLAY_EVENTS), ofRaw,
                    100 * ofRaw / REPLAY_OF_RAW, REPLAY_OF_RAW);
        }
        return verdict + "; " + aim(eventsPerSecond, REPLAY_AIM, "events/s");
    }

    /** A verdict of a measure run smaller than its target is stated for says so: such a figure is a smoke test. */
    static String atSize(String verdict, long size, long targetSize, String what) {
        return size >= targetSize ? verdict
                : String.format(Locale.ROOT, "%s (at %,d %s; the target is for %,d)", verdict, size, what, targetSize);
    }

    private static String aim(double value, double aim, String unit) {
        String stated = Table.rate(aim) + (unit.startsWith("/") ? "" : " ") + unit;
        return value >= aim ? String.format(Locale.ROOT, "aim %s reached", stated)
                : String.format(Locale.ROOT, "aim %s: %.1f%% of it, needs %.1f×", stated, 100 * value / aim, aim / Math.max(value, 1e-9));
    }
}
