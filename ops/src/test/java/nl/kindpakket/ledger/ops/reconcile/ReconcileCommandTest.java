package nl.kindpakket.ledger.ops.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import nl.kindpakket.ledger.api.LedgerApplication;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.ops.rebuild.SpendingStory;
import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ops reconcile} against the ledger running on the test database: 0 when every row of the read models equals
 * a fresh fold of the events, 1 and the row named with both values when one was changed by hand, 2 when it cannot
 * tell.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${ledger.test.jdbc-url}", "spring.datasource.username=postgres", "spring.datasource.password=",
        "spring.datasource.hikari.maximum-pool-size=8",
        "ledger.security.users[0].name=reconcile-operator", "ledger.security.users[0].password=reconcile-password",
        "ledger.security.users[0].role=OPERATOR", "ledger.security.users[0].municipality=*",
        "ledger.security.users[1].name=reconcile-staff", "ledger.security.users[1].password=staff-password",
        "ledger.security.users[1].role=MUNICIPALITY_STAFF", "ledger.security.users[1].municipality=testville"})
class ReconcileCommandTest {

    static final Municipality TOWN = new Municipality("reconcile-" + UUID.randomUUID().toString().substring(0, 8));
    static boolean told;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void aTownThatSpentThirtyEuros() {
        if (!told) {
            new SpendingStory(commands, TOWN).tell();
            told = true;
        }
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        await("the read models catch up").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("select count(*) from token_entry where processor_name = ? "
                        + "and token is not null", Long.class, ReadModels.GROUP) > 0 && spent() == SpendingStory.SPENT_CENTS);
    }

    @Test
    void equal_read_models_exit_zero_and_a_row_changed_by_hand_exits_one_naming_it_with_both_values() {
        int equal = reconcile("reconcile-password", "--url", url(), "--user", "reconcile-operator", "--interval", "0.1");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(equal).as(printed + err).isEqualTo(ReconcileCommand.EQUAL);
        assertThat(printed).contains("reconcile: equal: every row of the read models equals a fresh fold of the");
        out.reset();

        changeSpent(+700);
        int different;
        try {
            different = reconcile("reconcile-password", "--url", url(), "--user", "reconcile-operator", "--interval", "0.1");
        } finally {
            changeSpent(-700);
        }

        printed = out.toString(StandardCharsets.UTF_8);
        assertThat(different).as(printed + err).isEqualTo(ReconcileCommand.DIFFERENT);
        assertThat(printed).contains("reconcile: 1 rows of the read models differ")
                .containsPattern("spending_line_count \\{municipality=" + TOWN.slug() + ", budget_year=2019, code=1, "
                        + "slot=\\d+\\}: live \\{redeemed_cents=(\\d+)\\}, replayed \\{redeemed_cents=(\\d+)\\}");
    }

    @Test
    void a_wrong_password_no_service_or_no_password_exit_two() {
        assertThat(reconcile("not-the-password", "--url", url(), "--user", "reconcile-operator"))
                .isEqualTo(ReconcileCommand.NOT_RECONCILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reconcile: refused, 401");
        assertThat(reconcile("staff-password", "--url", url(), "--user", "reconcile-staff"))
                .isEqualTo(ReconcileCommand.NOT_RECONCILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reconcile: refused, 403");
        assertThat(reconcile("reconcile-password", "--url", "http://127.0.0.1:1", "--user", "reconcile-operator"))
                .isEqualTo(ReconcileCommand.NOT_RECONCILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reconcile: cannot reach the service");
        assertThat(ReconcileCommand.run(new String[] {"--url", url(), "--user", "reconcile-operator"}, Map.of(),
                print(out), print(err))).isEqualTo(ReconcileCommand.NOT_RECONCILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reconcile: no password");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** Changes the town's redeemed total by hand, where a bug or an operator might. */
    private void changeSpent(long cents) {
        int changed = jdbc.update("update spending_line_count set redeemed_cents = redeemed_cents + ? where municipality = ? "
                + "and budget_year = ? and code = '1' and slot = (select min(slot) from spending_line_count "
                + "where municipality = ? and budget_year = ? and code = '1' and redeemed_cents > 0)",
                cents, TOWN.slug(), SpendingStory.YEAR, TOWN.slug(), SpendingStory.YEAR);
        assertThat(changed).isOne();
    }

    private long spent() {
        Long spent = jdbc.queryForObject("select coalesce(sum(redeemed_cents - reversed_cents + expended_cents), 0) "
                + "from spending_line_count where municipality = ? and budget_year = ?", Long.class, TOWN.slug(),
                SpendingStory.YEAR);
        return spent == null ? 0 : spent;
    }

    private int reconcile(String password, String... args) {
        return ReconcileCommand.run(args, Map.of("LEDGER_PASSWORD", password), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String url() {
        return "http://localhost:" + port;
    }
}
