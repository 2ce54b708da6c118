package nl.kindpakket.ledger.projections.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Bookings held before they are paid, in a municipality of its own: 2020 swimming courses and club seasons, each
 * hold ending one of the ways a hold can end, and the 2021 reset releasing what was still held.
 *
 * <ul>
 *   <li>kind-1: holds 30 of 50 on line 1, the swimming pool captures 20 in March, 10 goes back;</li>
 *   <li>kind-2: holds 40 on line 1, the club releases it in February; then redeems 15 directly;</li>
 *   <li>kind-3: holds 25 on line 2, which expires on 1 May unsettled;</li>
 *   <li>kind-4: holds 10 on line 1 and is revoked in June with the hold still open;</li>
 *   <li>kind-5: holds 35 on line 2 in December, still open when the year expires.</li>
 * </ul>
 */
public final class DordrechtBookings {

    public static final String MUNICIPALITY = "dordrecht";
    public static final String POOL = "zwembad-dordrecht";
    public static final String CLUB = "hockey-dordrecht";

    private final LedgerStory story = new LedgerStory(MUNICIPALITY);
    private List<LedgerStory.Child> stillActive;

    /** The year and its reset. */
    public static LedgerStory wholeStory() {
        return new DordrechtBookings().year2020().reset2021().story();
    }

    public LedgerStory story() {
        return story;
    }

    public DordrechtBookings year2020() {
        story.provider(POOL, "Zwembad Dordrecht", List.of("1", "2"));
        story.provider(CLUB, "Hockeyclub Dordrecht", List.of("1"));
        story.allocate(2020, "1", "Sport en zwemmen", 20_000, LocalDate.of(2020, 1, 2));
        story.allocate(2020, "2", "Cultuur", 10_000, LocalDate.of(2020, 1, 2));
        Map<String, Long> credits = Map.of("1", 5_000L, "2", 4_000L);
        LocalDate granted = LocalDate.of(2020, 1, 6);
        LedgerStory.Child one = story.grant(2020, "kind-1", "DP-1", granted, credits);
        LedgerStory.Child two = story.grant(2020, "kind-2", "DP-2", granted, credits);
        LedgerStory.Child three = story.grant(2020, "kind-3", "DP-3", granted, credits);
        LedgerStory.Child four = story.grant(2020, "kind-4", "DP-4", granted, credits);
        LedgerStory.Child five = story.grant(2020, "kind-5", "DP-5", granted, credits);

        one.reserve("hold-1", POOL, "1", 3_000, at("2020-01-20T09:00:00Z"), at("2020-06-30T22:00:00Z"));
        two.reserve("hold-2", CLUB, "1", 4_000, at("2020-01-21T09:00:00Z"), at("2020-08-31T22:00:00Z"));
        three.reserve("hold-3", POOL, "2", 2_500, at("2020-02-01T09:00:00Z"), at("2020-04-30T22:00:00Z"));
        four.reserve("hold-4", CLUB, "1", 1_000, at("2020-02-03T09:00:00Z"), at("2020-12-31T22:00:00Z"));
        two.release("hold-2", "PROVIDER", "seizoen gaat niet door", null, at("2020-02-15T12:00:00Z"));
        two.redeem("r-2", CLUB, "1", 1_500, at("2020-02-20T12:00:00Z"));
        one.capture("hold-1", "r-1", 2_000, at("2020-03-10T12:00:00Z"));
        three.expireHold("hold-3");
        four.revoke("verhuisd", LocalDate.of(2020, 6, 1));
        five.reserve("hold-5", POOL, "2", 3_500, at("2020-12-01T09:00:00Z"), at("2020-12-31T22:00:00Z"));
        stillActive = List.of(one, two, three, five);
        return this;
    }

    public DordrechtBookings reset2021() {
        for (LedgerStory.Child child : stillActive) {
            child.expire(LocalDate.of(2021, 1, 1), "reset-2021");
        }
        return this;
    }

    private static Instant at(String moment) {
        return Instant.parse(moment);
    }
}
