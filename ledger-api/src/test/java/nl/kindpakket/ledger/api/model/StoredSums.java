package nl.kindpakket.ledger.api.model;

import org.springframework.jdbc.core.JdbcTemplate;

/** Sums of amounts straight from the stored events, the ground truth a report must equal. */
record StoredSums(JdbcTemplate jdbc, String municipality) {

    long sum(String type, int year, String spendingLine) {
        Long sum = jdbc.queryForObject("select coalesce(sum((e.p ->> 'amountCents')::bigint), 0) from"
                        + " (select convert_from(payload, 'UTF8')::json as p from domain_event_entry where payload_type like ?) e"
                        + " where e.p ->> 'municipality' = ? and (e.p ->> 'year')::int = ? and e.p ->> 'spendingLine' = ?",
                Long.class, "%." + type, municipality, year, spendingLine);
        return sum == null ? 0 : sum;
    }
}
