-- A spending line's figures as of a moment are read from its postings where a posting tells the change (allocations,
-- redemptions, reversals, expenditure, refunds), and from the line counters' log only where none does (grants,
-- releases, holds): the log no longer takes a row for every redemption, live or in a rebuild. A posting carries what
-- its event moved in the line's committed credit, which was in the log row of the same change.
--
-- Each log row of a change a posting tells is paired with that posting (same line, moment of recording and amounts;
-- alike ones paired in order), its committed change moved onto the posting, and the row dropped. A log row without
-- its posting (a journal that lacks the postings of events from before it existed) is kept, so it is still counted.
ALTER TABLE spending_posting ADD COLUMN committed_cents BIGINT NOT NULL DEFAULT 0;

CREATE TABLE v472_told AS
SELECT budget_year, municipality, code, recorded_at, available_cents, committed_cents, redeemed_cents, reversed_cents,
       expended_cents, refunded_cents, reserved_cents,
       ROW_NUMBER() OVER (PARTITION BY budget_year, municipality, code, recorded_at, available_cents, redeemed_cents,
                          reversed_cents, expended_cents, refunded_cents ORDER BY committed_cents) AS alike
FROM spending_line_count_log
WHERE available_cents <> 0 OR redeemed_cents <> 0 OR reversed_cents <> 0 OR expended_cents <> 0 OR refunded_cents <> 0;

CREATE TABLE v472_posted AS
SELECT budget_year, municipality, code, position, recorded_at,
       CASE WHEN kind = 'allocation' THEN amount_cents ELSE 0 END AS available_cents,
       CASE WHEN kind = 'redemption' THEN amount_cents ELSE 0 END AS redeemed_cents,
       CASE WHEN kind = 'reversal' THEN -amount_cents ELSE 0 END AS reversed_cents,
       CASE WHEN kind = 'expenditure' THEN amount_cents ELSE 0 END AS expended_cents,
       CASE WHEN kind = 'refund' THEN amount_cents ELSE 0 END AS refunded_cents,
       ROW_NUMBER() OVER (PARTITION BY budget_year, municipality, code, recorded_at, kind, amount_cents
                          ORDER BY position) AS alike
FROM spending_posting;

CREATE TABLE v472_pair AS
SELECT p.budget_year, p.municipality, p.code, p.position, t.committed_cents
FROM v472_told t JOIN v472_posted p
  ON p.budget_year = t.budget_year AND p.municipality = t.municipality AND p.code = t.code
 AND p.recorded_at = t.recorded_at AND p.available_cents = t.available_cents AND p.redeemed_cents = t.redeemed_cents
 AND p.reversed_cents = t.reversed_cents AND p.expended_cents = t.expended_cents
 AND p.refunded_cents = t.refunded_cents AND p.alike = t.alike
WHERE t.committed_cents <> 0;
CREATE INDEX ix_v472_pair ON v472_pair (budget_year, municipality, code, position);

CREATE TABLE v472_unposted AS
SELECT t.* FROM v472_told t
WHERE NOT EXISTS (SELECT 1 FROM v472_posted p
    WHERE p.budget_year = t.budget_year AND p.municipality = t.municipality AND p.code = t.code
      AND p.recorded_at = t.recorded_at AND p.available_cents = t.available_cents
      AND p.redeemed_cents = t.redeemed_cents AND p.reversed_cents = t.reversed_cents
      AND p.expended_cents = t.expended_cents AND p.refunded_cents = t.refunded_cents AND p.alike = t.alike);

UPDATE spending_posting SET committed_cents = (SELECT pr.committed_cents FROM v472_pair pr
    WHERE pr.budget_year = spending_posting.budget_year AND pr.municipality = spending_posting.municipality
      AND pr.code = spending_posting.code AND pr.position = spending_posting.position)
WHERE kind IN ('redemption', 'reversal') AND EXISTS (SELECT 1 FROM v472_pair pr
    WHERE pr.budget_year = spending_posting.budget_year AND pr.municipality = spending_posting.municipality
      AND pr.code = spending_posting.code AND pr.position = spending_posting.position);

DELETE FROM spending_line_count_log
WHERE available_cents <> 0 OR redeemed_cents <> 0 OR reversed_cents <> 0 OR expended_cents <> 0 OR refunded_cents <> 0;
INSERT INTO spending_line_count_log (municipality, budget_year, code, available_cents, committed_cents, redeemed_cents,
                                     reversed_cents, expended_cents, refunded_cents, reserved_cents, recorded_at)
SELECT municipality, budget_year, code, available_cents, committed_cents, redeemed_cents, reversed_cents,
       expended_cents, refunded_cents, reserved_cents, recorded_at
FROM v472_unposted;

DROP TABLE v472_unposted;
DROP TABLE v472_pair;
DROP TABLE v472_posted;
DROP TABLE v472_told;
