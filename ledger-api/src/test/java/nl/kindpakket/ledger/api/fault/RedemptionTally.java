package nl.kindpakket.ledger.api.fault;

import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.events.RedemptionReversed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model of the tests' own: redemptions and money per municipality and spending line, kept by adding
 * up, so that an event handled twice or lost shows in its figures. Registered by the tests that use it.
 */
@ProcessingGroup(RedemptionTally.GROUP)
public class RedemptionTally {

    public static final String GROUP = "redemption-tally";

    private final JdbcTemplate jdbc;

    public RedemptionTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("create table if not exists redemption_tally (municipality varchar(40) not null,"
                + " spending_line varchar(16) not null, redemptions bigint not null, redeemed_cents bigint not null,"
                + " reversed_cents bigint not null, primary key (municipality, spending_line))");
    }

    @EventHandler
    void on(RedeemedAtProvider event) {
        add(event.municipality(), event.spendingLine(), 1, event.amountCents(), 0);
    }

    @EventHandler
    void on(RedemptionReversed event) {
        add(event.municipality(), event.spendingLine(), 0, 0, event.amountCents());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from redemption_tally");
    }

    public List<Map<String, Object>> rows(String municipality) {
        return jdbc.queryForList("select spending_line, redemptions, redeemed_cents, reversed_cents from redemption_tally"
                + " where municipality = ? order by spending_line", municipality);
    }

    private void add(String municipality, String line, long redemptions, long redeemed, long reversed) {
        if (jdbc.update("update redemption_tally set redemptions = redemptions + ?, redeemed_cents = redeemed_cents + ?,"
                + " reversed_cents = reversed_cents + ? where municipality = ? and spending_line = ?",
                redemptions, redeemed, reversed, municipality, line) == 0) {
            jdbc.update("insert into redemption_tally (municipality, spending_line, redemptions, redeemed_cents, reversed_cents)"
                    + " values (?, ?, ?, ?, ?)", municipality, line, redemptions, redeemed, reversed);
        }
    }
}
