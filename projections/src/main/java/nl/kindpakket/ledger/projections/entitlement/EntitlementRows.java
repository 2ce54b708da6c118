package nl.kindpakket.ledger.projections.entitlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.kindpakket.ledger.projections.support.BatchAggregates;
import nl.kindpakket.ledger.projections.support.PerBatch;
import nl.kindpakket.ledger.projections.support.TouchedEntitlements;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The entitlements a batch touches: each read once (head and credit rows), changed in memory by the batch's events,
 * and written back in a few batched statements before the batch commits, with the history rows it appended. The
 * total credit is the sum of the lines and each history row is numbered after the entitlement's last one.
 */
final class EntitlementRows implements PerBatch.State {

    private final JdbcTemplate jdbc;
    private final TouchedEntitlements<Entitlement> touched = new TouchedEntitlements<>(this::readAll);
    private final List<Object[]> history = new ArrayList<>();

    EntitlementRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void granted(String entitlementId, String municipality, int year, String childRef, String passNumber,
                 LocalDate grantedOn, Map<String, Long> credits) {
        Entitlement entitlement = new Entitlement(entitlementId, false, municipality, year, childRef, passNumber,
                EntitlementStatus.ACTIVE.name(), grantedOn, 0);
        touched.granted(entitlementId, entitlement);
        credits.forEach(entitlement::setCredit);
    }

    /** The entitlement as this batch has it, read with the batch's other entitlements the first time. */
    Entitlement get(String entitlementId) {
        return touched.get(entitlementId);
    }

    /** Adds the next history row of the entitlement. */
    void append(Entitlement entitlement, String type, LocalDate businessDate, String line, Long amountCents,
                Long balanceAfterCents, String redemptionId, String providerId, String note) {
        entitlement.historyCount++;
        entitlement.headChanged = true;
        history.add(new Object[] {entitlement.id, entitlement.historyCount, type, businessDate, line, amountCents,
                balanceAfterCents, redemptionId, providerId, note});
    }

    @Override
    public void flush() {
        List<Object[]> newHeads = new ArrayList<>();
        List<Object[]> changedHeads = new ArrayList<>();
        List<Object[]> newCredits = new ArrayList<>();
        List<Object[]> changedCredits = new ArrayList<>();
        touched.forEach((id, e) -> {
            if (!e.stored) {
                newHeads.add(new Object[] {e.id, e.municipality, e.year, e.childRef, e.passNumber, e.status, e.grantedOn,
                        e.totalCredit(), e.historyCount});
            } else if (e.headChanged) {
                changedHeads.add(new Object[] {e.passNumber, e.status, e.totalCredit(), e.historyCount, e.id});
            }
            for (String line : e.changedLines) {
                if (e.storedLines.contains(line)) {
                    changedCredits.add(new Object[] {e.credits.get(line), e.id, line});
                } else {
                    newCredits.add(new Object[] {e.id, line, e.credits.get(line)});
                }
            }
        });
        PerBatch.batchUpdate(jdbc,
                "INSERT INTO entitlement_view (entitlement_id, municipality, budget_year, child_ref, pass_number, "
                + "status, granted_on, total_credit_cents, history_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", newHeads);
        PerBatch.batchUpdate(jdbc,
                "UPDATE entitlement_view SET pass_number = ?, status = ?, total_credit_cents = ?, history_count = ? "
                + "WHERE entitlement_id = ?", changedHeads);
        PerBatch.batchUpdate(jdbc,
                "INSERT INTO entitlement_credit (entitlement_id, spending_line, credit_cents) VALUES (?, ?, ?)",
                newCredits);
        PerBatch.batchUpdate(jdbc,
                "UPDATE entitlement_credit SET credit_cents = ? WHERE entitlement_id = ? AND spending_line = ?",
                changedCredits);
        PerBatch.batchUpdate(jdbc,
                "INSERT INTO entitlement_history (entitlement_id, sequence_no, event_type, business_date, "
                + "spending_line, amount_cents, balance_after_cents, redemption_id, provider_id, note) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", history);
        touched.clear();
        history.clear();
    }

    /** Reads the stored ones among these entitlements, with their credit rows, into the batch. */
    private void readAll(List<String> entitlementIds) {
        String in = " WHERE entitlement_id IN (" + BatchAggregates.marks(entitlementIds.size()) + ")";
        Object[] ids = entitlementIds.toArray();
        jdbc.query("SELECT entitlement_id, municipality, budget_year, child_ref, pass_number, status, granted_on, "
                + "history_count FROM entitlement_view" + in, row -> {
                    String id = row.getString("entitlement_id");
                    touched.put(id, new Entitlement(id, true, row.getString("municipality"), row.getInt("budget_year"),
                            row.getString("child_ref"), row.getString("pass_number"), row.getString("status"),
                            row.getObject("granted_on", LocalDate.class), row.getInt("history_count")));
                }, ids);
        jdbc.query("SELECT entitlement_id, spending_line, credit_cents FROM entitlement_credit" + in, row -> {
            Entitlement entitlement = touched.read(row.getString("entitlement_id"));
            entitlement.credits.put(row.getString("spending_line"), row.getLong("credit_cents"));
            entitlement.storedLines.add(row.getString("spending_line"));
        }, ids);
    }

    /** One entitlement's head and credit rows as the batch has changed them. */
    static final class Entitlement {

        private final String id;
        private final boolean stored;
        private final String municipality;
        private final int year;
        private final String childRef;
        private final LocalDate grantedOn;
        private final Map<String, Long> credits = new LinkedHashMap<>();
        private final Set<String> storedLines = new HashSet<>();
        private final Set<String> changedLines = new HashSet<>();
        private String passNumber;
        private String status;
        private int historyCount;
        private boolean headChanged;

        private Entitlement(String id, boolean stored, String municipality, int year, String childRef, String passNumber,
                            String status, LocalDate grantedOn, int historyCount) {
            this.id = id;
            this.stored = stored;
            this.municipality = municipality;
            this.year = year;
            this.childRef = childRef;
            this.passNumber = passNumber;
            this.status = status;
            this.grantedOn = grantedOn;
            this.historyCount = historyCount;
        }

        void setCredit(String line, long cents) {
            credits.put(line, cents);
            changedLines.add(line);
        }

        /** Takes released credit off a line the entitlement has; a line it never had stays absent. */
        void release(String line, long cents) {
            Long credit = credits.get(line);
            if (credit != null) {
                setCredit(line, credit - cents);
            }
        }

        void passNumber(String passNumber) {
            this.passNumber = passNumber;
            headChanged = true;
        }

        void status(EntitlementStatus status) {
            this.status = status.name();
            headChanged = true;
        }

        long totalCredit() {
            return credits.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
