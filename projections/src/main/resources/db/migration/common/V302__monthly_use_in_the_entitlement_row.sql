-- An entitlement's redemptions of each month (not reversed) are columns of its row, rather than a row per month:
-- a redemption then writes one row, and a rebuild holds one row per entitlement.
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_01 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_02 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_03 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_04 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_05 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_06 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_07 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_08 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_09 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_10 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_11 INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE monthly_entitlement ADD COLUMN redemptions_12 INTEGER DEFAULT 0 NOT NULL;
UPDATE monthly_entitlement SET redemptions_01 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 1), 0);
UPDATE monthly_entitlement SET redemptions_02 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 2), 0);
UPDATE monthly_entitlement SET redemptions_03 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 3), 0);
UPDATE monthly_entitlement SET redemptions_04 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 4), 0);
UPDATE monthly_entitlement SET redemptions_05 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 5), 0);
UPDATE monthly_entitlement SET redemptions_06 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 6), 0);
UPDATE monthly_entitlement SET redemptions_07 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 7), 0);
UPDATE monthly_entitlement SET redemptions_08 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 8), 0);
UPDATE monthly_entitlement SET redemptions_09 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 9), 0);
UPDATE monthly_entitlement SET redemptions_10 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 10), 0);
UPDATE monthly_entitlement SET redemptions_11 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 11), 0);
UPDATE monthly_entitlement SET redemptions_12 = COALESCE((SELECT u.live_redemptions FROM monthly_entitlement_use u
    WHERE u.entitlement_id = monthly_entitlement.entitlement_id AND u.month_no = 12), 0);
DROP TABLE monthly_entitlement_use;
