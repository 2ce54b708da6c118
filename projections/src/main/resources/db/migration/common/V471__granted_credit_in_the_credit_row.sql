-- What each line of an entitlement was granted moves into its credit row, written with the grant and left as stored
-- by every later write of the row: entitlement_grant held the same key again, a row per line of every grant, live and
-- in every rebuild, and the low-credit alerts joined the two.
ALTER TABLE entitlement_credit ADD COLUMN granted_cents BIGINT NOT NULL DEFAULT 0;
UPDATE entitlement_credit SET granted_cents = COALESCE((SELECT g.granted_cents FROM entitlement_grant g
    WHERE g.entitlement_id = entitlement_credit.entitlement_id AND g.spending_line = entitlement_credit.spending_line), 0);
DROP TABLE entitlement_grant;
