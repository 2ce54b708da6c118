package nl.kindpakket.ledger.api.stream;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.kindpakket.ledger.api.reset.AnnualResetRequest;
import nl.kindpakket.ledger.api.reset.AnnualResets;
import nl.kindpakket.ledger.api.reset.ResetJobStatus;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.CaptureReservation;
import nl.kindpakket.ledger.core.api.commands.ReleaseReservation;
import nl.kindpakket.ledger.core.api.commands.ReserveCredit;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RecordExpenditure;
import nl.kindpakket.ledger.core.api.commands.RecordOverheadCost;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.RefundUnderspend;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.ReplacePass;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;
import nl.kindpakket.ledger.core.api.commands.SuspendProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Drives one municipality through a year and its annual reset, so that the ledger writes every event type. */
public final class EveryEventType {

    private static final SpendingLineCode SPORT = new SpendingLineCode("1");
    private static final SpendingLineCode LEARNING = new SpendingLineCode("3");
    private static final LocalDate TODAY = LocalDate.now();

    private final CommandGateway commands;
    private final AnnualResets resets;
    private final Municipality town;
    private final JdbcTemplate jdbc;

    /** Every event class of the ledger, found on the class path: what the story must write. */
    public static List<Class<?>> classes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(LedgerEvent.class));
        return scanner.findCandidateComponents(EventFilter.EVENTS_PACKAGE.replaceAll("\\.$", "")).stream()
                .<Class<?>>map(bean -> {
                    try {
                        return Class.forName(bean.getBeanClassName());
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    public EveryEventType(CommandGateway commands, AnnualResets resets, Municipality town, JdbcTemplate jdbc) {
        this.commands = commands;
        this.resets = resets;
        this.town = town;
        this.jdbc = jdbc;
    }

    public void drive() {
        for (int year : new int[] {2018, 2019}) {
            commands.sendAndWait(new AllocateBudget(town, year, SPORT, "Sport en cultuur", Money.ofCents(5_000_000),
                    "alloc-sport-" + year, "Begroting " + year, LocalDate.of(year, 1, 2)));
            commands.sendAndWait(new AllocateBudget(town, year, LEARNING, "Leermiddelen", Money.ofCents(2_000_000),
                    "alloc-learning-" + year, null, LocalDate.of(year, 1, 2)));
        }
        ProviderId pool = new ProviderId("zwembad-naaldwijk");
        commands.sendAndWait(new RegisterProvider(town, pool, "Zwembad Naaldwijk", Set.of(SPORT, LEARNING), LocalDate.of(2018, 1, 3)));
        commands.sendAndWait(new RegisterProvider(town, new ProviderId("boekhandel"), "Boekhandel", Set.of(LEARNING),
                LocalDate.of(2018, 1, 3)));
        commands.sendAndWait(new SuspendProvider(town, new ProviderId("boekhandel"), "contract beëindigd", LocalDate.of(2018, 6, 1)));

        EntitlementId anna = child("anna");
        EntitlementId bram = child("bram");
        grant(anna, "WP-" + town.slug() + "-1", LocalDate.of(2018, 1, 15));
        grant(bram, "WP-" + town.slug() + "-2", LocalDate.of(2018, 2, 1));
        commands.sendAndWait(new ReplacePass(anna, new PassNumber("WP-" + town.slug() + "-1b"), LocalDate.of(2018, 3, 1), TODAY));
        redeem(anna, "kassa-1", "WP-" + town.slug() + "-1b", pool, 4_500, "2018-03-10T10:00:00Z");
        redeem(anna, "kassa-2", "WP-" + town.slug() + "-1b", pool, 2_000, "2018-01-31T23:30:00Z");
        commands.sendAndWait(new ReverseRedemption(anna, "kassa-2", "dubbel geboekt", Instant.parse("2018-04-01T09:00:00Z"),
                Instant.now(), null));
        commands.sendAndWait(new RevokeEntitlement(bram, "verhuisd", LocalDate.of(2018, 5, 1), TODAY));

        commands.sendAndWait(new RecordExpenditure(town, 2018, "exp-1", "Stichting Leergeld", SPORT, Money.ofCents(100_000),
                LocalDate.of(2018, 6, 1), "zwemlessen"));
        commands.sendAndWait(new RecordOverheadCost(town, 2018, "cost-1", "WestlandPas", "pasbeheer", Money.ofCents(250_000),
                new BigDecimal("1.25"), LocalDate.of(2018, 12, 31)));
        commands.sendAndWait(new RefundUnderspend(town, 2018, "refund-1", "Stichting Leergeld", LEARNING, Money.ofCents(50_000),
                LocalDate.of(2019, 2, 1), "algemene middelen"));

        awaitDone(resets.submit(town, new AnnualResetRequest(2018, 2019,
                List.of(new AnnualResetRequest.Renewal("anna", "WP-" + town.slug() + "-1b", Map.of("1", 15_000L, "3", 5_000L))),
                LocalDate.of(2019, 1, 1))).job());
        bookings();
    }

    /** Holds are made now, in the current year: one captured in part, one released, one left to expire. */
    private void bookings() {
        int year = Years.today().getYear();
        ProviderId club = new ProviderId("sportclub");
        commands.sendAndWait(new AllocateBudget(town, year, SPORT, "Sport en cultuur", Money.ofCents(5_000_000),
                "alloc-sport-" + year, null, LocalDate.of(year, 1, 1)));
        commands.sendAndWait(new RegisterProvider(town, club, "Sportclub", Set.of(SPORT), LocalDate.of(year, 1, 1)));
        EntitlementId carla = EntitlementId.of(town.slug(), year, "carla");
        PassNumber pass = new PassNumber("WP-" + town.slug() + "-3");
        commands.sendAndWait(new GrantEntitlement(carla, pass, Map.of(SPORT, Money.ofCents(20_000)), LocalDate.of(year, 1, 1),
                TODAY, null));
        Instant now = Instant.now();
        Instant endOfYear = LocalDate.of(year + 1, 1, 1).atStartOfDay(Years.ZONE).toInstant().minusSeconds(60);
        Instant later = now.plus(Duration.ofDays(1)).isBefore(endOfYear) ? now.plus(Duration.ofDays(1)) : endOfYear;
        commands.sendAndWait(new ReserveCredit(carla, "seizoen", pass, club, SPORT, Money.ofCents(6_000), later, now));
        commands.sendAndWait(new CaptureReservation(carla, "seizoen", "seizoen-factuur", Money.ofCents(5_000), now, now, null));
        commands.sendAndWait(new ReserveCredit(carla, "kamp", pass, club, SPORT, Money.ofCents(3_000), later, now));
        commands.sendAndWait(new ReleaseReservation(carla, "kamp", "kamp gaat niet door", now, club));
        commands.sendAndWait(new ReserveCredit(carla, "proefles", pass, club, SPORT, Money.ofCents(1_000),
                now.plusSeconds(2), now));
        await("the trial lesson's hold expires").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type like '%.ReservationExpired'", Long.class, carla.toString()) == 1);
    }

    private EntitlementId child(String ref) {
        return EntitlementId.of(town.slug(), 2018, ref);
    }

    private void grant(EntitlementId child, String pass, LocalDate on) {
        commands.sendAndWait(new GrantEntitlement(child, new PassNumber(pass),
                Map.of(SPORT, Money.ofCents(15_000), LEARNING, Money.ofCents(5_000)), on, TODAY, null));
    }

    private void redeem(EntitlementId child, String id, String pass, ProviderId provider, long cents, String at) {
        commands.sendAndWait(new RedeemAtProvider(child, id, new PassNumber(pass), provider, SPORT, Money.ofCents(cents),
                Instant.parse(at), Instant.now()));
    }

    private void awaitDone(ResetJobStatus job) {
        await("annual reset " + job.id() + " finishes").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> resets.status(town, job.id()).orElseThrow(), now -> {
                    if ("FAILED".equals(now.status())) {
                        throw new IllegalStateException("annual reset " + now.id() + " failed: " + now.error());
                    }
                    return now.finished();
                });
    }
}
