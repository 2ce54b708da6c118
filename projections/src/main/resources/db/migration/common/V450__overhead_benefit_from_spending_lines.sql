-- The overhead report's direct benefit is read from the spending lines' counters (redeemed less reversed, plus
-- expended), which hold the same money: its own counters and their log cost two rows per redemption, in the live
-- processor's every batch and in every rebuild.
DROP TABLE overhead_benefit_log;
DROP TABLE overhead_benefit;
