package nl.kindpakket.ledger.projections.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 2020 spending lines of the Enschede board proposal of December 2021, told as events: 40 children
 * with a pass spend on lines 1-3, organisations spend the rest directly, Stichting Leergeld repays 59,000 in 2021.
 */
public final class EnschedeProposal {

    public static final String LEERGELD = "Stichting Leergeld Enschede";
    public static final String JEUGDFONDS = "Jeugdfonds Sport en Cultuur";
    public static final String GEMEENTE = "Gemeente Enschede";
    public static final LocalDate ANNUAL_RESET = LocalDate.of(2021, 1, 1);

    private final LedgerStory story = new LedgerStory("enschede");
    private final List<LedgerStory.Child> children = new ArrayList<>();

    /** Up to the last day of 2020: kind-39 still holds 400 euros on line 3, kind-40 was revoked. */
    public EnschedeProposal year2020() {
        story.allocate(2020, "1", "Gezondheid en kleding", euros(213_000), LocalDate.of(2020, 1, 6));
        story.allocate(2020, "2", "Participatie en ontwikkeling", euros(36_000), LocalDate.of(2020, 1, 6));
        story.allocate(2020, "3", "Leermiddelen", euros(1_000_000), LocalDate.of(2020, 1, 6));
        story.allocate(2020, "3", "Leermiddelen", euros(256_000), LocalDate.of(2020, 7, 1));
        story.allocate(2020, "4", "Innovatie en actualiteiten", euros(89_000), LocalDate.of(2020, 1, 6));
        for (int i = 1; i <= 40; i++) {
            children.add(story.grant(2020, String.format("kind-%02d", i), String.format("ENS-%04d", i),
                    LocalDate.of(2020, 2, 3), Map.of("1", euros(250), "2", euros(100), "3", euros(400))));
        }
        for (LedgerStory.Child child : children) {
            String n = child.id().substring(child.id().length() - 2);
            child.redeem("kleding-a-" + n, "c-en-a", "1", euros(150), Instant.parse("2020-03-14T10:00:00Z"));
            var second = child.redeem("kleding-b-" + n, "zeeman", "1", euros(100), Instant.parse("2020-04-14T10:00:00Z"));
            if (n.equals("07")) {
                child.reverse(second, "verkeerde pas", Instant.parse("2020-04-15T10:00:00Z"));
                child.redeem("kleding-c-" + n, "c-en-a", "1", euros(100), Instant.parse("2020-04-16T10:00:00Z"));
            }
        }
        children.get(39).revoke("verhuisd", LocalDate.of(2020, 6, 30));
        for (LedgerStory.Child child : children.subList(0, 39)) {
            child.redeem("sport-" + child.id(), "fc-twente-jeugd", "2", euros(100), Instant.parse("2020-09-01T10:00:00Z"));
        }
        for (LedgerStory.Child child : children.subList(0, 38)) {
            child.redeem("school-" + child.id(), "primera", "3", euros(400), Instant.parse("2020-08-20T10:00:00Z"));
        }
        story.expenditure(2020, LEERGELD, "1", euros(120_000), LocalDate.of(2020, 6, 1));
        story.expenditure(2020, GEMEENTE, "1", euros(83_000), LocalDate.of(2020, 11, 1));
        story.expenditure(2020, JEUGDFONDS, "2", euros(32_100), LocalDate.of(2020, 10, 1));
        story.expenditure(2020, LEERGELD, "3", euros(1_181_800), LocalDate.of(2020, 12, 15));
        story.expenditure(2020, GEMEENTE, "4", euros(89_000), LocalDate.of(2020, 12, 1));
        return this;
    }

    /** The annual reset closes 2020 and Stichting Leergeld repays its underspend to income support. */
    public EnschedeProposal year2021() {
        for (LedgerStory.Child child : children.subList(0, 39)) {
            child.expire(ANNUAL_RESET, "reset-2020");
        }
        story.refund(2020, LEERGELD, "3", euros(59_000), LocalDate.of(2021, 4, 15), "Inkomensondersteuning");
        story.allocate(2021, "3", "Leermiddelen", euros(1_300_000), LocalDate.of(2021, 1, 4));
        return this;
    }

    public LedgerStory story() {
        return story;
    }

    public static long euros(long euros) {
        return euros * 100;
    }
}
