package nl.kindpakket.ledger.projections.entitlement;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/** Writes an entitlement's credit rows and history rows, and keeps its total and history count in step. */
class EntitlementRows {

    private final JdbcTemplate jdbc;

    EntitlementRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void setCredit(String entitlementId, String line, long cents) {
        int updated = jdbc.update("UPDATE entitlement_credit SET credit_cents = ? "
                + "WHERE entitlement_id = ? AND spending_line = ?", cents, entitlementId, line);
        if (updated == 0) {
            jdbc.update("INSERT INTO entitlement_credit (entitlement_id, spending_line, credit_cents) VALUES (?, ?, ?)",
                    entitlementId, line, cents);
        }
    }

    void release(String entitlementId, String line, long cents) {
        jdbc.update("UPDATE entitlement_credit SET credit_cents = credit_cents - ? "
                + "WHERE entitlement_id = ? AND spending_line = ?", cents, entitlementId, line);
    }

    long totalCredit(String entitlementId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(credit_cents), 0) FROM entitlement_credit "
                + "WHERE entitlement_id = ?", Long.class, entitlementId);
    }

    /** Adds the next history row, after bringing the entitlement's total credit up to date with its lines. */
    void append(String entitlementId, String type, LocalDate businessDate, String line, Long amountCents,
                Long balanceAfterCents, String redemptionId, String providerId, String note) {
        int updated = jdbc.update("UPDATE entitlement_view SET history_count = history_count + 1, total_credit_cents = "
                        + "(SELECT COALESCE(SUM(credit_cents), 0) FROM entitlement_credit WHERE entitlement_id = ?) "
                        + "WHERE entitlement_id = ?", entitlementId, entitlementId);
        if (updated == 0) {
            throw new IllegalStateException("No grant seen for entitlement " + entitlementId);
        }
        Integer sequence = jdbc.queryForObject("SELECT history_count FROM entitlement_view WHERE entitlement_id = ?",
                Integer.class, entitlementId);
        jdbc.update("INSERT INTO entitlement_history (entitlement_id, sequence_no, event_type, business_date, "
                        + "spending_line, amount_cents, balance_after_cents, redemption_id, provider_id, note) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entitlementId, sequence, type, businessDate, line, amountCents, balanceAfterCents, redemptionId,
                providerId, note);
    }
}
