-- An entitlement's row keeps when its grant was recorded and, per month and for its year, when it first became a
-- user of it: the moments the monthly counters' log held a row for each of (most of its rows). A report as of a moment
-- counts them beside the log. Rows written before keep none (null): the log holds all their changes, as before, and
-- a later first use of theirs is kept in the row; so the figures as of every moment stay the same without a rebuild.
ALTER TABLE monthly_entitlement ADD COLUMN granted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_01 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_02 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_03 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_04 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_05 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_06 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_07 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_08 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_09 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_10 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_11 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_12 TIMESTAMP WITH TIME ZONE;
ALTER TABLE monthly_entitlement ADD COLUMN first_used_year TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_monthly_entitlement_year ON monthly_entitlement (budget_year, municipality);
