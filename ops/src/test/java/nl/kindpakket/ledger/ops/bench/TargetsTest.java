package nl.kindpakket.ledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verdicts of {@code ops bench} judge each measure against the open issues' target; the aim is only reported. */
class TargetsTest {

    @Test
    void a_reset_of_4408_events_a_second_misses_the_target_of_5000_and_is_a_fifth_of_the_aim() {
        assertThat(Targets.reset(4_408)).isEqualTo(
                "**missed** by 592 events/s (88.2% of target, needs 1.1×); aim 20,000 events/s: 22.0% of it, needs 4.5×");
    }

    @Test
    void a_reset_of_5500_events_a_second_meets_the_target_though_far_from_the_aim() {
        assertThat(Targets.reset(5_500)).isEqualTo("met; aim 20,000 events/s: 27.5% of it, needs 3.6×");
    }

    @Test
    void closed_loop_redemptions_above_1500_a_second_miss_when_their_share_of_raw_commits_is_below_012() {
        assertThat(Targets.closedLoop(1_600, 16_000)).startsWith("**missed**: 1,600/s is 106.7% of 1,500/s (met), 0.100 of raw is 83% of 0.12;");
    }

    @Test
    void closed_loop_redemptions_meet_the_target_with_both_the_rate_and_the_share_of_raw() {
        assertThat(Targets.closedLoop(1_600, 10_000)).isEqualTo("met; aim 2,500/s: 64.0% of it, needs 1.6×");
    }

    @Test
    void a_replay_below_50000_events_a_second_meets_the_target_by_its_share_of_the_raw_read() {
        assertThat(Targets.replay(36_446, 100_000)).isEqualTo("met by the share of raw (0.364); aim 100,000 events/s: 36.4% of it, needs 2.7×");
        assertThat(Targets.replay(36_446, 128_934)).startsWith("**missed**: 36,446 events/s is 72.9% of 50,000, 0.283 of raw is 86% of 0.33;");
    }

    @Test
    void an_open_loop_at_another_rate_than_300_a_second_is_not_judged() {
        assertThat(Targets.openLoop(300, 42)).isEqualTo("met");
        assertThat(Targets.openLoop(200, 42)).isEqualTo("not judged: run at 200/s, the target is at 300/s");
    }

    @Test
    void a_verdict_on_a_measure_smaller_than_its_target_says_so() {
        assertThat(Targets.atSize("met", 5_000, Targets.RESET_SIZE, "entitlements"))
                .isEqualTo("met (at 5,000 entitlements; the target is for 100,000)");
        assertThat(Targets.atSize("met", 2_001_819, Targets.STORE_SIZE, "events")).isEqualTo("met");
    }
}
