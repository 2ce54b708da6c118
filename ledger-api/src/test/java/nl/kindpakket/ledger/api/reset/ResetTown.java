package nl.kindpakket.ledger.api.reset;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.ReleaseReservation;
import nl.kindpakket.ledger.core.api.commands.ReserveCredit;
import nl.kindpakket.ledger.core.api.commands.RevokeEntitlement;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A town whose children stand in every way a reset meets them, in the current year (holds are made now), with the
 * next year's budget open. The ledger's clock stands in the next year, so that its renewals are not in the future.
 *
 * <ul>
 * <li>kind-1 spent part of its credit; kind-2 has an open hold; kind-3 was revoked; kind-6 has a released and an open hold;</li>
 * <li>kind-4 was renewed already, on the terms the reset asks; kind-5 was renewed already, on other terms;</li>
 * <li>kind-7 is new and asks for a pass that kind-8 holds in the next year; kind-9 is new and takes over revoked kind-3's pass.</li>
 * </ul>
 */
final class ResetTown {

    static final int YEAR = Years.today().getYear();
    static final int NEXT = YEAR + 1;
    static final LocalDate NEW_YEAR = LocalDate.of(NEXT, 1, 1);
    static final SpendingLineCode LINE = new SpendingLineCode("1");
    static final ProviderId POOL = new ProviderId("zwembad");
    /** One moment for every town, so that their events are alike to the byte. */
    static final Instant NOW = Instant.now().minusSeconds(60);

    final Municipality town = new Municipality("rt-" + UUID.randomUUID().toString().substring(0, 8));
    private final CommandGateway commands;
    private final Clock clock;

    ResetTown(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** The ledger's clock for these tests: the second day of the next year. */
    static Clock inTheNextYear() {
        Instant newYear = LocalDate.of(NEXT, 1, 2).atStartOfDay(Years.ZONE).toInstant();
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), newYear));
    }

    ResetTown withItsChildren() {
        LocalDate firstOfYear = LocalDate.of(YEAR, 1, 1);
        for (int year : new int[] {YEAR, NEXT}) {
            commands.sendAndWait(new AllocateBudget(town, year, LINE, "Sport", Money.ofCents(10_000_000), "alloc-" + year,
                    null, LocalDate.of(year, 1, 1), today()));
        }
        commands.sendAndWait(new RegisterProvider(town, POOL, "Zwembad", Set.of(LINE), firstOfYear));
        for (int child : new int[] {1, 2, 3, 4, 5, 6}) {
            grant(YEAR, child, pass(child), 15_000, firstOfYear.plusDays(child));
        }
        commands.sendAndWait(new RedeemAtProvider(child(YEAR, 1), "r-1", pass(1), POOL, LINE, Money.ofCents(2_500),
                NOW.minusSeconds(3600), NOW));
        reserve(2, "hold-2", 3_000);
        commands.sendAndWait(new RevokeEntitlement(child(YEAR, 3), "verhuisd", firstOfYear.plusDays(30), today()));
        reserve(6, "hold-6a", 1_000);
        commands.sendAndWait(new ReleaseReservation(child(YEAR, 6), "hold-6a", "cancelled", NOW, null));
        reserve(6, "hold-6b", 700);
        grant(NEXT, 4, renewedPass(4), 20_000, NEW_YEAR);
        grant(NEXT, 5, renewedPass(5), 5_000, NEW_YEAR);
        grant(NEXT, 8, renewedPass(7), 20_000, NEW_YEAR);
        return this;
    }

    /** The renewals of the reset, in this order. */
    AnnualResetRequest reset() {
        List<AnnualResetRequest.Renewal> renewals = new ArrayList<>();
        renewals.add(renewal(1, pass(1)));
        renewals.add(renewal(2, pass(2)));
        renewals.add(renewal(3, renewedPass(3)));
        renewals.add(renewal(4, renewedPass(4)));
        renewals.add(renewal(5, renewedPass(5)));
        renewals.add(renewal(7, renewedPass(7)));
        renewals.add(renewal(9, pass(3)));
        return new AnnualResetRequest(YEAR, NEXT, renewals, NEW_YEAR);
    }

    String jobId() {
        return town.slug() + "-" + YEAR + "-" + NEXT;
    }

    EntitlementId child(int year, int child) {
        return EntitlementId.of(town.slug(), year, "kind-" + child);
    }

    /** Stored text with this town's name taken out, so two towns' records can be compared. */
    String anonymous(String text) {
        return text == null ? null : text.replace(town.slug(), "TOWN");
    }

    String anonymous(byte[] utf8) {
        return anonymous(new String(utf8, StandardCharsets.UTF_8));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Years.ZONE));
    }

    private AnnualResetRequest.Renewal renewal(int child, PassNumber pass) {
        return new AnnualResetRequest.Renewal("kind-" + child, pass.value(), Map.of(LINE.value(), 20_000L));
    }

    private void grant(int year, int child, PassNumber pass, long cents, LocalDate on) {
        commands.sendAndWait(new GrantEntitlement(child(year, child), pass, Map.of(LINE, Money.ofCents(cents)), on, today(), null));
    }

    private void reserve(int child, String reservationId, long cents) {
        Instant endOfYear = NEW_YEAR.atStartOfDay(Years.ZONE).toInstant().minusSeconds(60);
        Instant dayAhead = NOW.plus(Duration.ofDays(1));
        commands.sendAndWait(new ReserveCredit(child(YEAR, child), reservationId, pass(child), POOL, LINE,
                Money.ofCents(cents), dayAhead.isBefore(endOfYear) ? dayAhead : endOfYear, NOW));
    }

    private PassNumber pass(int child) {
        return new PassNumber("P-" + town.slug() + "-" + child);
    }

    private PassNumber renewedPass(int child) {
        return new PassNumber("N-" + town.slug() + "-" + child);
    }

    /** Every event of the town's entitlements, anonymous, in each entitlement's order. */
    List<String> entitlementEvents(JdbcTemplate jdbc) {
        return jdbc.query("select aggregate_identifier, sequence_number, payload_type, payload from domain_event_entry"
                        + " where aggregate_identifier like ? order by aggregate_identifier, sequence_number",
                (rs, n) -> anonymous(rs.getString(1)) + "#" + rs.getLong(2) + " " + rs.getString(3) + " " + anonymous(rs.getBytes(4)),
                town.slug() + ":%:%");
    }

    /** The lookup tables' rows of the town's entitlements and passes, anonymous. */
    List<String> lookups(JdbcTemplate jdbc) {
        List<String> rows = new ArrayList<>(jdbc.query("select entitlement_id, budget_year, status from entitlement_registry"
                        + " where municipality = ? order by entitlement_id",
                (rs, n) -> "entitlement " + anonymous(rs.getString(1)) + " " + rs.getInt(2) + " " + rs.getString(3), town.slug()));
        rows.addAll(jdbc.query("select pass_number, entitlement_id, revoked from pass_registry where municipality = ? order by pass_number",
                (rs, n) -> "pass " + anonymous(rs.getString(1)) + " " + anonymous(rs.getString(2)) + " " + rs.getBoolean(3), town.slug()));
        return rows;
    }
}
