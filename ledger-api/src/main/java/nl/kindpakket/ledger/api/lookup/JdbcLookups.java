package nl.kindpakket.ledger.api.lookup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.kindpakket.ledger.api.identity.ClientRequest;
import nl.kindpakket.ledger.api.store.HeldWrites;
import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.lookup.BudgetYearLookup;
import nl.kindpakket.ledger.core.lookup.PassRegistry;
import nl.kindpakket.ledger.core.lookup.ProviderDirectory;
import nl.kindpakket.ledger.core.lookup.RedemptionTotals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The rules' lookups, read from the tables {@link LookupTables} keeps. */
@Component
public class JdbcLookups implements BudgetYearLookup, PassRegistry, ProviderDirectory, RedemptionTotals, RedemptionRegistry,
        PassHolders, ReservationRegistry {

    private static final String CLAIM_NEW = "insert into pass_registry (municipality, pass_number, entitlement_id, revoked)"
            + " select ?, ?, ?, false on conflict do nothing";

    private final JdbcTemplate jdbc;
    private final HeldWrites held;
    private final RememberedLookups remembered;

    public JdbcLookups(JdbcTemplate jdbc, HeldWrites held,
            @Value("${ledger.lookups.remembered-passes:100000}") int rememberedPasses) {
        this.jdbc = jdbc;
        this.held = held;
        this.remembered = new RememberedLookups(rememberedPasses);
    }

    @Override
    public boolean lineExists(String municipality, int year, String spendingLine) {
        return UnitOfWorkAnswers.remembered("line " + municipality + " " + year + " " + spendingLine, () ->
                !jdbc.queryForList("select 1 from budget_line where municipality = ? and budget_year = ? and spending_line = ?",
                        Integer.class, municipality, year, spendingLine).isEmpty());
    }

    @Override
    public boolean lineCodeExists(String municipality, String spendingLine) {
        return !jdbc.queryForList("select 1 from budget_line where municipality = ? and spending_line = ? limit 1",
                Integer.class, municipality, spendingLine).isEmpty();
    }

    @Override
    public boolean isClosed(String municipality, int year) {
        return UnitOfWorkAnswers.remembered(closedQuestion(municipality, year), () -> {
            List<Boolean> closed = jdbc.queryForList("select closed from budget_year_state where municipality = ? and budget_year = ?",
                    Boolean.class, municipality, year);
            return !closed.isEmpty() && closed.get(0);
        });
    }

    /**
     * A new pass is inserted, doing nothing where the pass is there (after waiting for a concurrent transaction that
     * inserted it to commit or roll back); a pass there already is taken over from a revoked entitlement, and a living
     * entitlement's refuses, this entitlement's own earlier pass too: a replaced pass stays on record for its
     * entitlement, so that a till that shows it is told it was replaced, and it is never made valid again. The insert
     * is {@code INSERT ... SELECT} so that a batch of them ({@link #claimAhead}) is not rewritten into one statement and
     * says which rows it inserted.
     */
    @Override
    public boolean claim(String municipality, String passNumber, String entitlementId) {
        return UnitOfWorkAnswers.remembered(claimQuestion(municipality, passNumber, entitlementId), () ->
                jdbc.update(CLAIM_NEW, municipality, passNumber, entitlementId) == 1
                        || jdbc.update("update pass_registry set entitlement_id = ?, revoked = false where municipality = ?"
                                + " and pass_number = ? and revoked = true",
                        entitlementId, municipality, passNumber) == 1);
    }

    /**
     * Claims the passes of a reset chunk's renewals in one batch, for the current unit of work whose commands are about
     * to claim each: a pass the batch inserted is their answer at once; any other is claimed by its command as usual.
     * A renewal refused for another reason gives its pass back ({@link #releaseClaimedAhead}).
     */
    public void claimAhead(String municipality, Map<String, String> entitlementsByPass) {
        if (entitlementsByPass.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entitlementsByPass.size());
        entitlementsByPass.forEach((pass, entitlement) -> rows.add(new Object[] {municipality, pass, entitlement}));
        int[] inserted = jdbc.batchUpdate(CLAIM_NEW, rows);
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 1) {
                String pass = (String) rows.get(i)[1];
                String entitlement = (String) rows.get(i)[2];
                UnitOfWorkAnswers.remember(claimQuestion(municipality, pass, entitlement), Boolean.TRUE);
                UnitOfWorkAnswers.remember(aheadQuestion(municipality, pass, entitlement), Boolean.TRUE);
            }
        }
    }

    /** The pass a renewal that was then refused had been given by {@link #claimAhead}, freed again in the same unit. */
    public void releaseClaimedAhead(String municipality, String passNumber, String entitlementId) {
        if (Boolean.TRUE.equals(UnitOfWorkAnswers.remembered(aheadQuestion(municipality, passNumber, entitlementId), () -> Boolean.FALSE))) {
            jdbc.update("delete from pass_registry where municipality = ? and pass_number = ? and entitlement_id = ?",
                    municipality, passNumber, entitlementId);
            UnitOfWorkAnswers.forget(aheadQuestion(municipality, passNumber, entitlementId));
            UnitOfWorkAnswers.forget(claimQuestion(municipality, passNumber, entitlementId));
        }
    }

    private static String claimQuestion(String municipality, String passNumber, String entitlementId) {
        return "claim " + municipality + " " + passNumber + " " + entitlementId;
    }

    private static String aheadQuestion(String municipality, String passNumber, String entitlementId) {
        return "claimed ahead " + municipality + " " + passNumber + " " + entitlementId;
    }

    /** Answered beforehand for a redemption or a reservation sent over HTTP ({@link PreparedAnswers}). */
    @Override
    public Standing standing(String municipality, String providerId, String spendingLine) {
        return UnitOfWorkAnswers.remembered(standingQuestion(municipality, providerId, spendingLine), () -> {
            List<Standing> standing = jdbc.query("select r.suspended, exists (select 1 from provider_line l where l.municipality = r.municipality"
                            + " and l.provider_id = r.provider_id and l.spending_line = ?) as accepts"
                            + " from provider_registry r where r.municipality = ? and r.provider_id = ?",
                    (row, n) -> standingOf(row), spendingLine, municipality, providerId);
            return standing.isEmpty() ? Standing.UNKNOWN : standing.get(0);
        });
    }

    /** A provider's standing from its row's {@code suspended} and {@code accepts}; no row (null) is unknown. */
    private static Standing standingOf(ResultSet row) throws SQLException {
        return row.getObject("suspended") == null ? Standing.UNKNOWN
                : row.getBoolean("suspended") ? Standing.SUSPENDED
                : row.getBoolean("accepts") ? Standing.ACCEPTING : Standing.NOT_ACCEPTING_LINE;
    }

    private static String closedQuestion(String municipality, int year) {
        return "closed " + municipality + " " + year;
    }

    private static String standingQuestion(String municipality, String providerId, String spendingLine) {
        return "standing " + municipality + " " + providerId + " " + spendingLine;
    }

    @Override
    public long netRedeemedCents(String municipality, int year, String spendingLine) {
        Long sum = jdbc.queryForObject("select coalesce(sum(amount_cents), 0) from redemption_registry"
                        + " where municipality = ? and budget_year = ? and spending_line = ? and reversed = false",
                Long.class, municipality, year, spendingLine);
        return sum == null ? 0 : sum;
    }

    @Override
    public Optional<String> entitlementOf(String municipality, String redemptionId) {
        return first(jdbc.queryForList("select entitlement_id from redemption_registry where municipality = ? and redemption_id = ?",
                String.class, municipality, redemptionId));
    }

    @Override
    public HolderAndRecord holderAndRedemption(String municipality, String passNumber, String redemptionId,
            String providerId, String spendingLine) {
        Found found = holderAnd(ClientRequest.REDEMPTION, "redemption_registry", "redemption_id", municipality, passNumber,
                redemptionId, providerId, spendingLine);
        remembered.learn(municipality, passNumber, found.holder(), found.target(), found.closed(), providerId,
                spendingLine, found.standing());
        return found.answered(municipality, providerId, spendingLine);
    }

    /**
     * From memory where it holds all a redemption needs, on PostgreSQL, whose statement with the redemption's writes
     * checks it ({@link Recalled}); else from the tables, as {@link #holderAndRedemption}.
     */
    @Override
    public HolderAndRecord recalledHolderAndRedemption(String municipality, String passNumber, String redemptionId,
            String providerId, String spendingLine) {
        Optional<Recalled> recalled = held.onPostgreSql()
                ? remembered.recall(municipality, passNumber, redemptionId, providerId, spendingLine)
                : Optional.empty();
        if (recalled.isEmpty()) {
            return holderAndRedemption(municipality, passNumber, redemptionId, providerId, spendingLine);
        }
        Recalled facts = recalled.get();
        return new HolderAndRecord(Optional.of(facts.holder()), Optional.empty(), new PreparedAnswers(Map.of(
                standingQuestion(municipality, providerId, spendingLine), Standing.ACCEPTING,
                closedQuestion(municipality, facts.year()), Boolean.FALSE), facts));
    }

    @Override
    public HolderAndRecord holderAndReservation(String municipality, String passNumber, String reservationId,
            String providerId, String spendingLine) {
        return holderAnd(ClientRequest.RESERVATION, "reservation_registry", "reservation_id", municipality, passNumber,
                reservationId, providerId, spendingLine).answered(municipality, providerId, spendingLine);
    }

    /**
     * What the lookup query found: the pass's holder, where the client's identifier was recorded, whether the year of
     * the entitlement the request goes to is closed (null when no entitlement is known there) and the provider's
     * standing with the line.
     */
    private record Found(Optional<String> holder, Optional<String> recordedOn, Boolean closed, Standing standing) {

        /** The entitlement the request goes to: where its identifier was recorded, else the pass's holder. */
        Optional<String> target() {
            return recordedOn.or(() -> holder);
        }

        HolderAndRecord answered(String municipality, String providerId, String spendingLine) {
            Map<String, Object> answers = new HashMap<>();
            answers.put(standingQuestion(municipality, providerId, spendingLine), standing);
            if (target().isPresent() && closed != null) {
                answers.put(closedQuestion(municipality, EntitlementId.parse(target().get()).year()), closed);
            }
            return new HolderAndRecord(holder, recordedOn, new PreparedAnswers(answers));
        }
    }

    /**
     * In one query: the pass's last holder; the entitlement a client's identifier went to, as the request log recorded
     * it, else, for an identifier recorded before the log was kept, as its registry knows it; and what the command's
     * rules will ask of the lookup tables: whether the year of the entitlement it goes to is closed, and the
     * provider's standing with the line. The inner query is kept whole ({@code offset 0}): flattened into the outer one,
     * each of its answers that the year's question uses again was looked up a second time.
     */
    private Found holderAnd(String kind, String registry, String idColumn, String municipality,
            String passNumber, String id, String providerId, String spendingLine) {
        return jdbc.queryForObject("select t.holder, t.recorded_on,"
                        + " (select coalesce((select s.closed from budget_year_state s where s.municipality = e.municipality"
                        + " and s.budget_year = e.budget_year), false) from entitlement_registry e"
                        + " where e.entitlement_id = coalesce(t.recorded_on, t.holder)) as closed,"
                        + " (select r.suspended from provider_registry r where r.municipality = ? and r.provider_id = ?) as suspended,"
                        + " exists (select 1 from provider_line l where l.municipality = ? and l.provider_id = ? and l.spending_line = ?)"
                        + " as accepts"
                        + " from (select (select entitlement_id from pass_registry where municipality = ? and pass_number = ?) as holder,"
                        + " coalesce((select target from client_request where municipality = ? and kind = ? and client_id = ?),"
                        + " (select entitlement_id from " + registry + " where municipality = ? and " + idColumn + " = ?))"
                        + " as recorded_on offset 0) t",
                (row, n) -> new Found(Optional.ofNullable(row.getString("holder")),
                        Optional.ofNullable(row.getString("recorded_on")),
                        row.getObject("closed") == null ? null : row.getBoolean("closed"), standingOf(row)),
                municipality, providerId, municipality, providerId, spendingLine, municipality, passNumber,
                municipality, kind, id, municipality, id);
    }

    @Override
    public Optional<Registered> reservation(String municipality, String reservationId) {
        return jdbc.query("select entitlement_id, provider_id from reservation_registry where municipality = ? and reservation_id = ?",
                (row, n) -> new Registered(row.getString("entitlement_id"), row.getString("provider_id")),
                municipality, reservationId).stream().findFirst();
    }

    private static Optional<String> first(List<String> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
