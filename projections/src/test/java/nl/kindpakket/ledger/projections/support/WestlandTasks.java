package nl.kindpakket.ledger.projections.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The preventive tasks Westland reassigned from 2019 (council letter of 2018) as execution costs, Trainingen en cursussen
 * recorded in two parts; and 1,732,500 euros reaching children, so that overhead is exactly a quarter of the whole.
 */
public final class WestlandTasks {

    public static final String VITIS = "Vitis Welzijn";
    public static final String SKT = "SKT";

    private WestlandTasks() {
    }

    public static LedgerStory story() {
        LedgerStory story = new LedgerStory("westland");
        LocalDate on = LocalDate.of(2019, 3, 1);
        story.overhead(2019, VITIS, "Trainingen en cursussen", EnschedeProposal.euros(134_100), "1.50", on);
        story.overhead(2019, SKT, "Waakvlam", EnschedeProposal.euros(145_000), "1.62", on);
        story.overhead(2019, SKT, "Onafhankelijke cliëntondersteuning", EnschedeProposal.euros(82_000), "0.92", on);
        story.overhead(2019, SKT, "Digitale ondersteuning", EnschedeProposal.euros(82_000), "0.92", on);
        story.overhead(2019, VITIS, "Westlandse maatjes", EnschedeProposal.euros(45_000), "0.50", on);
        story.overhead(2019, VITIS, "Trainingen en cursussen", EnschedeProposal.euros(89_400), "1.00",
                LocalDate.of(2019, 9, 1));
        story.expenditure(2019, "Stichting WestlandPas", "1", EnschedeProposal.euros(1_700_000),
                LocalDate.of(2019, 12, 1));
        for (int i = 1; i <= 10; i++) {
            LedgerStory.Child child = story.grant(2019, "kind-" + i, "WP19-000" + i, LocalDate.of(2019, 1, 1),
                    Map.of("1", EnschedeProposal.euros(3_500)));
            child.redeem("r-" + i, "zwembad-de-waterman", "1", EnschedeProposal.euros(3_250),
                    Instant.parse("2019-06-01T10:00:00Z"));
            if (i == 1) {
                child.reverse(child.redeem("r-extra", "vv-naaldwijk", "1", EnschedeProposal.euros(200),
                        Instant.parse("2019-06-02T10:00:00Z")), "dubbel", Instant.parse("2019-06-03T10:00:00Z"));
            }
        }
        return story;
    }
}
