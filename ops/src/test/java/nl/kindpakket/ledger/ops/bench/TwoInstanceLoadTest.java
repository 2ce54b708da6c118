package nl.kindpakket.ledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The two-instance row is met only when the two answer and count as one instance would. */
class TwoInstanceLoadTest {

    private static final List<String> TWO_OWNERS = List.of("1@host#a", "2@host#b");

    @Test
    void two_instances_that_answer_every_redemption_201_and_store_and_fold_each_once_meet_the_target() {
        TwoInstanceLoad.Result result = result(Map.of(201, 400L), 400, TWO_OWNERS, 1_400, 1_400);

        assertThat(result.wrongs()).isEmpty();
        Table.Row row = TwoInstanceLoad.row(result, load(Map.of(201, 500L)), 5_000, 4);
        assertThat(row.verdict()).isEqualTo("met");
        assertThat(row.ledger()).contains("answers 409: 0, 503: 0, other 5xx: 0", "store: 400 redemptions for 400 created",
                "2 segments held by 2 instances: 1,400 redemptions counted, 1,400 in the store");
        assertThat(row.ratio()).isEqualTo("0.020; 0.800 of one instance");
    }

    @Test
    void a_409_a_503_a_500_and_an_unanswered_request_each_miss_the_target() {
        TwoInstanceLoad.Result result = result(Map.of(201, 396L, 409, 1L, 503, 2L, 500, 1L, -1, 1L), 397, TWO_OWNERS, 1_397, 1_397);

        assertThat(result.wrongs()).containsExactly("1 answers 409", "2 answers 503", "1 other 5xx", "1 unanswered",
                "397 redemptions stored for 396 created");
        assertThat(TwoInstanceLoad.row(result, load(Map.of(201, 500L)), 5_000, 4).verdict())
                .startsWith("**missed**: 1 answers 409; 2 answers 503;");
    }

    @Test
    void segments_held_by_one_instance_or_read_models_behind_the_store_miss_the_target() {
        TwoInstanceLoad.Result oneOwner = result(Map.of(201, 400L), 400, List.of("1@host#a", "1@host#a"), 1_400, 1_400);
        TwoInstanceLoad.Result behind = result(Map.of(201, 400L), 400, TWO_OWNERS, 1_399, 1_400);

        assertThat(oneOwner.wrongs()).containsExactly("segments not one per instance: [1@host#a, 1@host#a]");
        assertThat(behind.wrongs()).containsExactly("read models count 1,399 redemptions, the store 1,400");
    }

    private static TwoInstanceLoad.Result result(Map<Integer, Long> statuses, long stored, List<String> owners, long folded,
                                                 long inStore) {
        return new TwoInstanceLoad.Result(load(statuses), 12, stored, owners, folded, inStore);
    }

    private static LiveLoad.Result load(Map<Integer, Long> statuses) {
        Latencies latencies = new Latencies();
        for (long i = 1; i <= statuses.getOrDefault(201, 0L); i++) {
            latencies.record(i * 1_000_000);
        }
        return new LiveLoad.Result(8, statuses, latencies, 4.0);
    }
}
