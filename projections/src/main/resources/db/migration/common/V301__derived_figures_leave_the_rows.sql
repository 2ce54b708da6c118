-- An entitlement's total credit is the sum of its credit rows and its history rows are numbered by the event's
-- place among the entitlement's events, so a redemption writes its line's credit and its history row only; an
-- entitlement's redemptions of the year are the sum of its months.
ALTER TABLE entitlement_view DROP COLUMN total_credit_cents;
ALTER TABLE entitlement_view DROP COLUMN history_count;
ALTER TABLE monthly_entitlement DROP COLUMN live_redemptions;
