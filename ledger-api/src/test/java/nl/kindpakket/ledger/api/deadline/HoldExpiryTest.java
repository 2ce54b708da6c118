package nl.kindpakket.ledger.api.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import nl.kindpakket.ledger.api.LedgerApplication;
import nl.kindpakket.ledger.api.fault.TestDatabase;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.PassNumber;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.ReserveCredit;
import nl.kindpakket.ledger.core.api.refusals.InsufficientCredit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hold nobody settles expires on its own, on the persistent scheduler: the instance that made it may be gone by
 * then, and with two instances on the store the expiry is recorded once.
 */
class HoldExpiryTest {

    private static final String SCHEMA = "hold_expiry";
    private static final int YEAR = Years.today().getYear();
    private static final Municipality TOWN = new Municipality("expiry-town");
    private static final SpendingLineCode LINE = new SpendingLineCode("1");
    private static final ProviderId POOL = new ProviderId("zwembad");

    @Test
    void a_hold_made_before_a_restart_expires_after_it_once_with_two_instances_running() throws Exception {
        String url = TestDatabase.freshStore(SCHEMA);
        EntitlementId child = EntitlementId.of(TOWN.slug(), YEAR, "kind-1");
        PassNumber pass = new PassNumber("P-expiry-1");
        Instant expiresAt;
        try (ConfigurableApplicationContext first = start(url)) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            LocalDate firstOfYear = LocalDate.of(YEAR, 1, 1);
            commands.sendAndWait(new AllocateBudget(TOWN, YEAR, LINE, "Sport en cultuur", Money.ofCents(10_000_000),
                    "budget", null, firstOfYear));
            commands.sendAndWait(new RegisterProvider(TOWN, POOL, "Zwembad", Set.of(LINE), firstOfYear));
            commands.sendAndWait(new GrantEntitlement(child, pass, Map.of(LINE, Money.ofCents(5_000)), firstOfYear,
                    Years.today(), null));
            expiresAt = Instant.now().plusSeconds(4);
            Receipt held = commands.sendAndWait(new ReserveCredit(child, "hold-1", pass, POOL, LINE,
                    Money.ofCents(3_000), expiresAt, Instant.now()));
            assertThat(held.balanceAfterCents()).isEqualTo(2_000);
            assertThat(dueDeadlines(first.getBean(JdbcTemplate.class))).as("the expiry waits in the store").isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start(url); ConfigurableApplicationContext third = start(url)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await("the hold expired").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> expiries(jdbc) > 0);
            assertThat(Instant.now()).isAfter(expiresAt);
            // both instances poll every 200 ms: a second expiry would show within a few of their rounds
            Thread.sleep(2_000);
            assertThat(expiries(jdbc)).as("one expiry however many instances run").isEqualTo(1);
            assertThat(dueDeadlines(jdbc)).as("nothing left to fire").isZero();

            CommandGateway commands = third.getBean(CommandGateway.class);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Receipt all = commands.sendAndWait(new RedeemAtProvider(child, "r-all", pass, POOL, LINE,
                    Money.ofCents(5_000), now, now));
            assertThat(all.balanceAfterCents()).as("the whole hold came back to the credit").isZero();
            assertThatThrownBy(() -> commands.sendAndWait(new RedeemAtProvider(child,
                    "r-more", pass, POOL, LINE, Money.ofCents(1), now, now))).isInstanceOf(InsufficientCredit.class);
        }
    }

    private static long expiries(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%ReservationExpired'",
                Long.class);
    }

    private static long dueDeadlines(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Long.class);
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test")
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--spring.datasource.hikari.maximum-pool-size=6",
                        "--db-scheduler.polling-interval=200ms");
    }
}
