package nl.kindpakket.ledger.projections.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.projections.support.Aggregates;
import nl.kindpakket.ledger.projections.support.AllReadModels;
import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private static final List<LedgerEvent> HISTORY = AllReadModels.history();

    private AllReadModels readModels;

    @BeforeEach
    void fedOnce() {
        readModels = new AllReadModels(ProjectionDatabase.postgres());
        readModels.feed(HISTORY);
    }

    @Test
    void resetting_every_read_model_and_replaying_gives_every_report_again_field_by_field() {
        AllReadModels.Reports before = readModels.reports();

        readModels.resetAll();
        AllReadModels.Reports emptied = readModels.reports();
        readModels.feed(HISTORY);

        assertThat(emptied.westland2018().total().issuedPasses()).isNull();
        assertThat(emptied.enschede2020().lines()).isEmpty();
        assertThat(emptied.westlandChildren()).isEmpty();
        assertThat(readModels.reports()).usingRecursiveComparison().isEqualTo(before);
        assertThat(readModels.reports()).isEqualTo(before);
        assertThat(before.westland2018().total().uniqueUsers()).isEqualTo(3370);
        assertThat(before.westlandChildren()).hasSizeGreaterThan(5);
    }

    @Test
    void a_replay_in_another_interleaving_of_aggregates_gives_the_same_reports() {
        AllReadModels.Reports inOrder = readModels.reports();

        readModels.resetAll();
        readModels.feed(Aggregates.segmentBySegment(HISTORY));

        assertThat(readModels.reports()).isEqualTo(inOrder);
    }
}
